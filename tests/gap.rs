//! `centricity gap`: the perception gap on a hand-computed case, the same figures whether a side
//! is a folder of answer files or a CSV export, and the refusal of sides that do not mirror each
//! other.
//!
//! The case (tests/fixtures/gap): staff answer a two-stage self-assessment, customers its
//! two-statement mirror.
//! - Staff A: i1 5, i2 4, i3 3; staff B: i1 3, i2 4, i3 4. Group means 4, 4, 3.5 give item
//!   scores 75, 75, 62.5; stage one 75, stage two 62.5 (both reached: placement 2, index 2.00);
//!   dimension d1 = (75 + 2 x 62.5) / 3 = 66.67 (i3 weighs 2); overall (75 + 75 + 125) / 4 = 68.75.
//! - Customers X: c1 2, c2 1; Y: c1 3, c2 2; Z: c1 n/a, c2 2. Means 2.5 and 1.67 give 37.5 and
//!   16.67; stage one 37.5 (not reached: placement 0, index 37.5 / 62.5 = 0.60); overall 27.08.
//! - Gaps: stage one 37.5, stage two 45.83, d1 29.17, overall 41.67, index 1.40. Mirror c2 (of i3)
//!   62.5 - 16.67 = 45.83 comes first; c1 (of i1 and i2, mean 75) 75 - 37.5 = 37.5.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use serde_json::Value;

const INSIDE: &str = "tests/fixtures/gap/inside.toml";
const OUTSIDE: &str = "tests/fixtures/gap/outside.toml";

fn gap(internal: &str, customer: &str, format: &str) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_centricity"))
        .args(["gap", internal, customer, "--format", format])
        .args(["--internal-questionnaire", INSIDE])
        .args(["--customer-questionnaire", OUTSIDE])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(internal: &str, customer: &str) -> Value {
    let (code, stdout, stderr) = gap(internal, customer, "json");
    assert_eq!(code, Some(0), "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"));
    assert!((got - want).abs() < 1e-3, "{got} != {want}");
}

#[test]
fn gap_figures_match_the_hand_computed_case() {
    let g = json("tests/fixtures/gap/staff", "tests/fixtures/gap/customers");
    assert_eq!(g["schema"], "centricity.gap.v1");
    assert_eq!(g["internal"]["respondents"], 2);
    assert_eq!(g["customer"]["respondents"], 3);
    assert_eq!(g["internal"]["placement"]["level"], 2);
    assert_eq!(g["customer"]["placement"]["level"], 0);
    close(&g["internal"]["index"], 2.0);
    close(&g["customer"]["index"], 0.6);
    close(&g["index_gap"], 1.4);
    close(&g["internal"]["overall"], 68.75);
    close(&g["customer"]["overall"], 27.0833);
    close(&g["overall_gap"], 41.6667);

    let stages = g["stages"].as_array().unwrap();
    close(&stages[0]["internal"], 75.0);
    close(&stages[0]["customer"], 37.5);
    close(&stages[0]["gap"], 37.5);
    close(&stages[1]["gap"], 45.8333);
    close(&g["dimensions"][0]["internal"], 66.6667);
    close(&g["dimensions"][0]["customer"], 37.5);
    close(&g["dimensions"][0]["gap"], 29.1667);

    let mirrors = g["mirrors"].as_array().unwrap();
    assert_eq!(mirrors[0]["id"], "c2", "largest gap first");
    close(&mirrors[0]["internal"], 62.5);
    close(&mirrors[0]["customer"], 16.6667);
    close(&mirrors[0]["gap"], 45.8333);
    assert_eq!(mirrors[1]["id"], "c1");
    close(&mirrors[1]["internal"], 75.0);
    close(&mirrors[1]["gap"], 37.5);
    assert_eq!(
        mirrors[1]["recommendation"], "Ask customers. Know customers.",
        "without its own, a statement takes the mirrored items' recommendations"
    );

    let verdict = g["verdict"].as_str().unwrap();
    assert!(verdict.contains("Stage two"), "{verdict}");
    assert!(verdict.contains("\"I see what changed.\""), "{verdict}");
    assert!(verdict.contains("+45.8 points"), "{verdict}");
    let recs: Vec<&str> = g["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["recommendation"].as_str().unwrap())
        .collect();
    assert_eq!(
        recs,
        [
            "To be seen as “Stage one”: Be seen to listen.",
            "Show customers what changed.",
            "Ask customers. Know customers."
        ]
    );
}

/// The cells of a Markdown table row: `|` separates them unless escaped.
fn markdown_cells(row: &str) -> usize {
    let bytes = row.as_bytes();
    let pipes = (0..bytes.len())
        .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
        .count();
    pipes.saturating_sub(1)
}

#[test]
fn every_markdown_table_has_as_many_headings_as_columns() {
    let (code, stdout, stderr) = gap(
        "tests/fixtures/gap/staff",
        "tests/fixtures/gap/customers.csv",
        "markdown",
    );
    assert_eq!(code, Some(0), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    let mut tables = 0;
    for (k, line) in lines.iter().enumerate() {
        // A table starts with a header row followed by its delimiter row.
        if !line.starts_with('|') || !lines.get(k + 1).is_some_and(|d| d.starts_with("|---")) {
            continue;
        }
        tables += 1;
        let width = markdown_cells(lines[k + 1]);
        for row in lines[k..].iter().take_while(|l| l.starts_with('|')) {
            assert_eq!(markdown_cells(row), width, "{row}\nin\n{stdout}");
        }
    }
    // Overall, stages and dimensions; the largest mirrored gaps are a numbered list.
    assert_eq!(tables, 3, "{stdout}");
    assert!(stdout.contains("\n1. You believe: "), "{stdout}");
}

#[test]
fn a_side_gives_the_same_gap_as_answer_files_or_as_a_csv_export() {
    let strip = |mut v: Value| {
        for side in ["internal", "customer"] {
            v[side]["source"] = Value::Null;
        }
        v
    };
    let files = strip(json(
        "tests/fixtures/gap/staff",
        "tests/fixtures/gap/customers",
    ));
    for (internal, customer) in [
        (
            "tests/fixtures/gap/staff.csv",
            "tests/fixtures/gap/customers",
        ),
        (
            "tests/fixtures/gap/staff",
            "tests/fixtures/gap/customers.csv",
        ),
        (
            "tests/fixtures/gap/staff.csv",
            "tests/fixtures/gap/customers.csv",
        ),
    ] {
        assert_eq!(
            strip(json(internal, customer)),
            files,
            "{internal} {customer}"
        );
    }
}

#[test]
fn sides_that_do_not_mirror_each_other_are_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_centricity"))
        .args([
            "gap",
            "examples/workshop",
            "tests/fixtures/gap/customers.csv",
            "--customer-questionnaire",
            OUTSIDE,
        ])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("which mirrors `inside`, not `customer-centricity`"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn the_bundled_example_shows_a_delivery_gap() {
    let out = Command::new(env!("CARGO_BIN_EXE_centricity"))
        .args([
            "gap",
            "examples/gap/workshop",
            "examples/gap/customers.csv",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let g: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(g["customer"]["respondents"].as_u64().unwrap() >= 200);
    let level = |side: &str| g[side]["placement"]["level"].as_u64().unwrap();
    assert!(level("customer") < level("internal"));
    assert!(g["mirrors"][0]["blind_spot"].as_bool().unwrap());
    assert_eq!(g["mirrors"].as_array().unwrap().len(), 18);
}
