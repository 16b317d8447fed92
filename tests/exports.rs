//! Survey-tool exports as the tools write them (`tests/fixtures/exports/<tool>/`): every file is
//! read to exactly the answers `expected.toml` lists for it, or, where its cells are the tool's
//! own codes, refused until its map states the coding, and then read right.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports")
}

fn expected() -> toml::Table {
    let text = std::fs::read_to_string(folder().join("expected.toml")).unwrap();
    text.parse().unwrap()
}

/// Runs `score --format jsonl` on `file` with `args`; returns the exit code, the results and
/// standard error.
fn score(file: &Path, args: &[&str]) -> (i32, Vec<Value>, String) {
    let out = Command::cargo_bin("centricity")
        .unwrap()
        .arg("score")
        .arg(file)
        .args(["--format", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    let results = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code().unwrap_or(-1),
        results,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An answer as the result JSON shows it and as expected.toml writes it, in one form.
fn answer_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(format!("{}", n.as_f64().unwrap())),
        other => panic!("unexpected answer {other}"),
    }
}

fn expected_answer(v: &toml::Value) -> String {
    match v {
        toml::Value::Integer(i) => format!("{}", *i as f64),
        toml::Value::Float(f) => format!("{f}"),
        toml::Value::String(s) => s.clone(),
        other => panic!("unexpected expected answer {other}"),
    }
}

fn check(path: &str, spec: &toml::Table, results: &[Value]) {
    let ids = spec["ids"].as_array().unwrap();
    assert_eq!(results.len(), ids.len(), "{path}: respondents");
    let respondents = spec.get("respondents").and_then(|r| r.as_table());
    for (k, (result, id)) in results.iter().zip(ids).enumerate() {
        let id = id.as_str().unwrap();
        if spec.contains_key("id_column") {
            assert_eq!(
                result["respondent"]["respondent"], id,
                "{path}: respondent {k}"
            );
        }
        let want = respondents
            .and_then(|r| r.get(id))
            .and_then(|r| r.as_table());
        let answers = want
            .and_then(|w| w.get("answers"))
            .and_then(|a| a.as_table());
        for item in result["items"].as_array().unwrap() {
            let qid = item["id"].as_str().unwrap();
            let got = answer_text(&item["answer"]);
            let exp = answers.and_then(|a| a.get(qid)).map(expected_answer);
            assert_eq!(got, exp, "{path}: respondent `{id}`, question `{qid}`");
        }
        let finished = want
            .and_then(|w| w.get("finished"))
            .and_then(toml::Value::as_bool)
            .unwrap_or(true);
        assert_eq!(
            result["completed"], finished,
            "{path}: respondent `{id}` finished"
        );
    }
}

#[test]
fn every_tool_export_reads_to_the_answers_it_holds() {
    let expected = expected();
    let mut checked = 0;
    for (path, spec) in &expected {
        let spec = spec.as_table().unwrap();
        let file = folder().join(path);
        let needs_map = spec.get("needs_map").and_then(toml::Value::as_bool) == Some(true);
        if needs_map {
            let (code, results, stderr) = score(&file, &[]);
            assert_eq!(
                code, 1,
                "{path}: a file of tool codes is refused without a map\n{stderr}"
            );
            assert!(
                results.is_empty(),
                "{path}: nothing is scored without the map"
            );
            assert!(
                stderr.contains("map"),
                "{path}: the refusal says how to state the coding\n{stderr}"
            );
            let map = folder().join(spec["map"].as_str().unwrap());
            let (code, results, stderr) = score(&file, &["--map", map.to_str().unwrap()]);
            assert_eq!(code, 0, "{path} with its map\n{stderr}");
            check(path, spec, &results);
        } else {
            let (code, results, stderr) = score(&file, &[]);
            assert_eq!(code, 0, "{path}\n{stderr}");
            check(path, spec, &results);
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} fixtures");
}

/// Responses exported by each tool from a survey built with `centricity export --to <tool>`
/// name their columns by our ids and code answers as we do: they score without a map.
#[test]
fn a_survey_built_from_our_export_scores_without_a_map() {
    for file in ["qualtrics.csv", "limesurvey.csv", "surveyjs.json"] {
        let path = folder().join("roundtrip").join(file);
        let (code, results, stderr) = score(&path, &[]);
        assert_eq!(code, 0, "{file}\n{stderr}");
        assert_eq!(results.len(), 3, "{file}");
        for (r, result) in results.iter().enumerate() {
            for (k, item) in result["items"].as_array().unwrap().iter().enumerate() {
                let want = match (r, k) {
                    (0, _) => Some("4".to_owned()),
                    (1, k) => Some(format!("{}", (k % 5) + 1)),
                    (2, 0) => Some("n/a".to_owned()),
                    (2, 1) => None,
                    (2, _) => Some("5".to_owned()),
                    _ => unreachable!(),
                };
                assert_eq!(
                    answer_text(&item["answer"]),
                    want,
                    "{file}: respondent {r}, item {k}"
                );
            }
        }
    }
}

/// What `centricity export` writes carries our ids as the tool's codes, for each tool.
#[test]
fn export_writes_our_ids_for_each_tool() {
    for (tool, id) in [
        ("qualtrics", "focused_know_customers"),
        ("limesurvey", "focusedknowcustomers"),
        ("surveyjs", "focused-know-customers"),
    ] {
        let out = Command::cargo_bin("centricity")
            .unwrap()
            .args(["export", "--to", tool])
            .output()
            .unwrap();
        assert!(out.status.success(), "{tool}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(id), "{tool}: {id} missing");
    }
}

/// The draft `centricity map` prints for a file of tool codes is a valid map that states no
/// coding; once the user uncomments its `[values]`, the file reads to the answers it holds.
#[test]
fn the_draft_map_states_nothing_until_the_user_does() {
    let file = folder().join("qualtrics/numeric.csv");
    let out = Command::cargo_bin("centricity")
        .unwrap()
        .arg("map")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let draft = String::from_utf8(out.stdout).unwrap();
    let parsed: toml::Table = draft.parse().unwrap();
    assert!(
        !parsed.contains_key("values"),
        "the coding stays commented out"
    );
    assert_eq!(
        parsed["columns"]["Q1_1"].as_str(),
        Some("focused-knowledge")
    );
    assert_eq!(parsed["columns"]["ResponseId"].as_str(), Some("respondent"));

    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.toml");
    std::fs::write(&map, &draft).unwrap();
    let (code, _, _) = score(&file, &["--map", map.to_str().unwrap()]);
    assert_eq!(code, 1, "the draft as printed still refuses the codes");

    let mut after = false;
    let uncommented: String = draft
        .lines()
        .map(|l| {
            after |= l == "# [values]";
            let l = if after {
                l.strip_prefix("# ").unwrap_or(l)
            } else {
                l
            };
            format!("{}\n", l.split("    #").next().unwrap())
        })
        .collect();
    std::fs::write(&map, uncommented).unwrap();
    let (code, results, stderr) = score(&file, &["--map", map.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let expected = expected();
    check(
        "qualtrics/numeric.csv",
        expected["qualtrics/numeric.csv"].as_table().unwrap(),
        &results,
    );
}

/// The batch CSV path says which responses were unfinished, as the JSON result does.
#[test]
fn batch_csv_marks_unfinished_responses() {
    let out = Command::cargo_bin("centricity")
        .unwrap()
        .arg("score")
        .arg(folder().join("qualtrics/choice-text.csv"))
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let completed: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(6).unwrap())
        .collect();
    assert_eq!(completed, ["true", "true", "true", "true", "false"]);
}
