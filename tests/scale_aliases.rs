//! Survey tools label the agreement scale their own way in each language, and a CSV export
//! carries those labels in its cells. The customer-view 2.0.0 scale accepts the labels the tools
//! write by default (and the usual variants of its own, with either apostrophe) as aliases of its
//! options, of "don't know" and of "not applicable": each cell scores as the option it names, and
//! a "don't know" is counted as one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// The statements of customer-view 2.0.0 the cells below answer, in the questionnaire's order.
const ITEMS: [&str; 8] = [
    "cv-focused-knowledge",
    "cv-focused-leadership",
    "cv-focused-empowerment",
    "cv-focused-listening",
    "cv-driven-improvements",
    "cv-driven-relationship",
    "cv-driven-innovation",
    "cv-driven-effort",
];

/// One respondent per language: the cells as a survey tool writes them in that language, and
/// what each must read as (an option's value, "dk" or "n/a").
const ROWS: [(&str, [(&str, &str); 8]); 6] = [
    (
        "fr",
        [
            ("Pas du tout d'accord", "1"),
            ("Plutôt pas d'accord", "2"),
            ("Ni d'accord ni pas d'accord", "3"),
            ("Plutôt d'accord", "4"),
            ("Tout à fait d'accord", "5"),
            ("Ne sait pas", "dk"),
            ("Je ne sais pas", "dk"),
            ("Sans objet", "n/a"),
        ],
    ),
    (
        "nl",
        [
            ("Helemaal mee oneens", "1"),
            ("Enigszins mee oneens", "2"),
            ("Neutraal", "3"),
            ("Enigszins mee eens", "4"),
            ("Helemaal mee eens", "5"),
            ("Weet niet", "dk"),
            ("Weet ik niet", "dk"),
            ("n.v.t.", "n/a"),
        ],
    ),
    (
        "it",
        [
            ("Fortemente in disaccordo", "1"),
            ("In disaccordo", "2"),
            ("Né d’accordo né in disaccordo", "3"),
            ("D’accordo", "4"),
            ("Fortemente d'accordo", "5"),
            ("Non so", "dk"),
            ("Non lo so", "dk"),
            ("Non applicabile", "n/a"),
        ],
    ),
    (
        "zh",
        [
            ("非常不同意", "1"),
            ("比较不同意", "2"),
            ("一般", "3"),
            ("比较同意", "4"),
            ("非常同意", "5"),
            ("不知道", "dk"),
            ("不清楚", "dk"),
            ("不适用", "n/a"),
        ],
    ),
    (
        "zh-variants",
        [
            ("完全不同意", "1"),
            ("不同意", "2"),
            ("既不同意也不反对", "3"),
            ("同意", "4"),
            ("完全同意", "5"),
            ("说不清", "dk"),
            ("一般", "3"),
            ("不适用", "n/a"),
        ],
    ),
    (
        "en",
        [
            ("Strongly disagree", "1"),
            ("Somewhat disagree", "2"),
            ("Neutral", "3"),
            ("Somewhat agree", "4"),
            ("Strongly agree", "5"),
            ("Don't know", "dk"),
            ("Don’t know", "dk"),
            ("N/A", "n/a"),
        ],
    ),
];

/// A CSV field, quoted when it needs to be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[test]
fn each_languages_survey_tool_labels_score_as_the_options_they_name() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("customers.csv");
    let mut text = format!("respondent,{}\n", ITEMS.join(","));
    for (who, cells) in ROWS {
        let cells: Vec<String> = cells.iter().map(|(label, _)| field(label)).collect();
        text.push_str(&format!("{who},{}\n", cells.join(",")));
    }
    std::fs::write(&csv, text).unwrap();
    let questionnaire =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/customer-view-2.toml");
    let out = Command::cargo_bin("centricity")
        .unwrap()
        .arg("score")
        .arg(&csv)
        .arg("--questionnaire")
        .arg(&questionnaire)
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let results: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), ROWS.len(), "{stderr}");
    for ((who, cells), result) in ROWS.iter().zip(&results) {
        assert_eq!(result["respondent"]["respondent"], *who);
        assert_eq!(result["questionnaire"]["version"], "2.0.0");
        let items = result["items"].as_array().unwrap();
        for (id, (label, want)) in ITEMS.iter().zip(cells) {
            let item = items.iter().find(|i| i["id"] == *id).unwrap();
            let got = match &item["answer"] {
                Value::Number(n) => format!("{}", n.as_f64().unwrap()),
                Value::String(s) => s.clone(),
                other => format!("{other}"),
            };
            assert_eq!(got, *want, "{who}: `{label}` for {id}");
            // An option scores its place on the scale (1 -> 0, 5 -> 100); "don't know" and
            // "not applicable" have no score.
            let score = want.parse::<f64>().ok().map(|v| (v - 1.0) * 25.0);
            assert_eq!(item["score"].as_f64(), score, "{who}: score of `{label}`");
        }
        let dont_know = cells.iter().filter(|(_, w)| *w == "dk").count();
        assert_eq!(
            result["overall"]["dont_know"]["count"].as_u64(),
            Some(dont_know as u64),
            "{who}: don't know answers"
        );
        let answered = cells
            .iter()
            .filter(|(_, w)| w.parse::<f64>().is_ok())
            .count();
        assert_eq!(
            result["overall"]["answered"].as_u64(),
            Some(answered as u64),
            "{who}: answers with a score"
        );
    }
}
