//! Numbers as readers and programs read them: text reports (table, Markdown, HTML) write the
//! decimal separator of the report's language (a comma in French, Dutch and Italian, a point in
//! English and Chinese), and their changes are the differences of the printed figures; CSV and
//! JSON always write a point, whatever `--lang` says.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

/// The standard output of `centricity ARGS`, which must succeed.
fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("centricity")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

const TELECOM: &str = "examples/answers/telecom-driven.toml";
const GAP: [&str; 6] = [
    "tests/fixtures/gap/staff",
    "tests/fixtures/gap/customers.csv",
    "--internal-questionnaire",
    "tests/fixtures/gap/inside.toml",
    "--customer-questionnaire",
    "tests/fixtures/gap/outside.toml",
];

/// `centricity COMMAND INPUTS... --lang LANG --format FORMAT`.
fn report(command: &str, inputs: &[&str], lang: &str, format: &str) -> String {
    let mut args = vec![command];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["--lang", lang, "--format", format]);
    run(&args)
}

/// Every command with the inputs of one of its examples.
fn commands() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("score", vec![TELECOM]),
        ("summarize", vec!["examples/workshop"]),
        (
            "compare",
            vec!["examples/quarterly/2026-q1", "examples/quarterly/2026-q3"],
        ),
        ("gap", GAP.to_vec()),
    ]
}

/// A digit, `separator` and a digit: a number written with that decimal separator.
fn has_decimal(text: &str, separator: u8) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == separator && w[2].is_ascii_digit())
}

#[test]
fn text_reports_write_the_decimal_separator_of_their_language() {
    for lang in ["fr", "nl", "it"] {
        let table = report("score", &[TELECOM], lang, "table");
        assert!(
            table.contains("2,73") && table.contains("58,7"),
            "{lang}:\n{table}"
        );
        assert!(!table.contains("58.7"), "{lang}:\n{table}");
        let markdown = report("score", &[TELECOM], lang, "markdown");
        assert!(markdown.contains("| 79,2 | 62,5 |"), "{lang}:\n{markdown}");
    }
    for lang in ["en", "zh"] {
        let table = report("score", &[TELECOM], lang, "table");
        assert!(
            table.contains("2.73") && table.contains("58.7"),
            "{lang}:\n{table}"
        );
        assert!(!table.contains("58,7"), "{lang}:\n{table}");
    }
}

#[test]
fn a_french_show_writes_its_thresholds_with_a_decimal_comma() {
    let text = run(&["show", "customer-centricity", "--lang", "fr"]);
    assert!(text.contains("à partir de 62,5\u{a0}%"), "{text}");
    assert!(text.contains("seuil 62,5\u{a0}%"), "{text}");
    assert!(!text.contains("62.5"), "{text}");
}

#[test]
fn printed_changes_are_the_differences_of_the_printed_figures() {
    // The quarterly groups' index goes from 1.6667 to 2.5333: printed 1.67 and 2.53, so the
    // change printed is +0.86 (2.53 - 1.67), not the exact change rounded (+0.87).
    let table = report("compare", &commands()[2].1, "it", "table");
    assert!(table.contains("1,67 -> 2,53 (+0,86)"), "{table}");
    let markdown = report("compare", &commands()[2].1, "en", "markdown");
    assert!(markdown.contains("1.67 -> 2.53 (+0.86)"), "{markdown}");
    // Every row of every change table adds up as printed: before + change = after.
    let mut rows = 0;
    for line in markdown.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        let numbers: Vec<f64> = cells[1..]
            .iter()
            .filter_map(|c| c.parse::<f64>().ok())
            .collect();
        // A change table's row is a name and three figures (an interval's row ends with its
        // verdict).
        if let ([_, _, _, _], [before, after, change]) = (&cells[..], &numbers[..]) {
            assert!(
                (before + change - after).abs() < 1e-9,
                "{line}: {before} + {change} is not {after}"
            );
            rows += 1;
        }
    }
    // Stages, dimensions and the biggest item moves.
    assert!(rows >= 10, "{rows} rows checked in\n{markdown}");
    // The machine formats keep the exact change, rounded once.
    let json: Value =
        serde_json::from_str(&report("compare", &commands()[2].1, "it", "json")).expect("JSON");
    assert_eq!(json["index_change"].as_f64(), Some(0.8667));
}

#[test]
fn csv_keeps_the_point_whatever_the_language() {
    for (command, inputs) in commands() {
        let text = report(command, &inputs, "fr", "csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let width = reader.headers().expect("a header").len();
        let mut decimals = 0;
        for record in reader.records() {
            let record = record.expect("a well-formed row");
            assert_eq!(record.len(), width, "{command}: {record:?}");
            for field in &record {
                assert!(
                    !has_decimal(field, b','),
                    "{command}: a decimal comma in {field:?}"
                );
                if field.parse::<f64>().is_ok() && field.contains('.') {
                    decimals += 1;
                }
            }
        }
        assert!(
            decimals > 0,
            "{command}: no decimal figure to check in\n{text}"
        );
    }
    // French words, so French was in effect.
    let score = report("score", &[TELECOM], "fr", "csv");
    assert!(score.contains("Pilotée par le client,2.73,"), "{score}");
}

/// Every string in a JSON document.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn json_keeps_the_point_whatever_the_language() {
    for (command, inputs) in commands() {
        let text = report(command, &inputs, "fr", "json");
        let doc: Value = serde_json::from_str(&text).expect("one JSON document");
        let mut texts = Vec::new();
        strings(&doc, &mut texts);
        for s in &texts {
            assert!(!has_decimal(s, b','), "{command}: a decimal comma in {s:?}");
        }
    }
    let results: Value =
        serde_json::from_str(&report("score", &[TELECOM], "fr", "json")).expect("JSON");
    let score = &results["results"][0];
    assert_eq!(score["overall"]["score"].as_f64(), Some(58.6957));
    assert_eq!(score["placement"]["name"], "Pilotée par le client");
    // The gap's verdict is a French sentence whose figures keep the point.
    let gap: Value = serde_json::from_str(&report("gap", &GAP, "fr", "json")).expect("JSON");
    let verdict = gap["verdict"].as_str().expect("a verdict");
    assert!(verdict.contains("Principal angle mort"), "{verdict}");
    assert!(
        verdict.contains("62.5") && has_decimal(verdict, b'.'),
        "{verdict}"
    );
}
