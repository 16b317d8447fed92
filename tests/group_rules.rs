//! Rule 7 of the scoring rule: groups scored from item means, with spread and disagreement,
//! on hand-computed cases.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use centricity::answers::{Answer, Metadata, Response};
use centricity::questionnaire::{Questionnaire, parse_questionnaire};
use centricity::scoring::{GroupAccumulator, ScoreOptions, StageStatus, assess};

const TWO_STAGES: &str = r#"
[questionnaire]
id = "two"
version = "1"
title = "Two stages"
[scales.agree]
options = [{ value = 1, label = "1" }, { value = 2, label = "2" }, { value = 3, label = "3" }, { value = 4, label = "4" }, { value = 5, label = "5" }]
not_applicable = "Don't know"
[[stages]]
id = "a"
name = "A"
[[stages]]
id = "b"
name = "B"
[[questions]]
id = "a1"
stage = "a"
text = "a1"
[[questions]]
id = "a2"
stage = "a"
text = "a2"
[[questions]]
id = "b1"
stage = "b"
text = "b1"
"#;

fn questionnaire() -> Questionnaire {
    parse_questionnaire("two.toml", TWO_STAGES)
        .expect("valid")
        .0
}

/// `values` per question: a number, 0 for n/a, or -1 for missing.
fn person(
    q: &Questionnaire,
    name: &str,
    role: &str,
    values: [f64; 3],
    note: Option<&str>,
) -> Response {
    let mut r = Response::new(q);
    r.meta.respondent = Some(name.into());
    r.meta.role = Some(role.into());
    for (i, v) in values.iter().enumerate() {
        r.answers[i] = match *v {
            x if x < 0.0 => None,
            0.0 => Some(Answer::NotApplicable),
            x => Some(Answer::Value(x)),
        };
    }
    r.notes[0] = note.map(str::to_owned);
    r
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn the_group_is_scored_from_item_means_with_sample_standard_deviations() {
    let q = questionnaire();
    let people = [
        person(
            &q,
            "Ana",
            "sales",
            [5.0, 4.0, 1.0],
            Some("We share one CRM."),
        ),
        person(
            &q,
            "Ben",
            "service",
            [1.0, 4.0, 0.0],
            Some("Not in service."),
        ),
        person(&q, "Chloé", "service", [3.0, 4.0, -1.0], None),
    ];
    let mut acc = GroupAccumulator::new(&q);
    for p in &people {
        acc.add(p, &assess(&q, p, ScoreOptions::default()));
    }
    let g = acc.finish(&q, Metadata::default(), ScoreOptions::default());

    assert_eq!(g.respondents, 3);
    // a1: 5, 1, 3 → mean 3, sd sqrt(((2)^2 + (-2)^2 + 0) / 2) = 2 ≥ 1 (a quarter of 4): discuss.
    assert!(close(g.items[0].mean, 3.0));
    assert!(close(g.items[0].sd, 2.0));
    assert!(g.items[0].discuss);
    // a2: everyone says 4 → sd 0.
    assert!(close(g.items[1].sd, 0.0));
    assert!(!g.items[1].discuss);
    // b1: one value (1), one n/a, one missing → mean 1, sd 0 for a single answer.
    assert_eq!((g.items[2].answered, g.items[2].not_applicable), (1, 1));
    assert!(close(g.items[2].mean, 1.0));
    assert!(close(g.items[2].sd, 0.0));
    assert_eq!(g.discuss, vec![0]);

    // The group answers a1 = 3 (50), a2 = 4 (75), b1 = 1 (0): stage A 62.5 reached, B 0.
    assert!(close(g.assessment.stages[0].area.score, 62.5));
    assert_eq!(g.assessment.stages[0].status, StageStatus::Reached);
    assert_eq!(g.assessment.placement, 1);
    // Individually: Ana A = 87.5 → reached, B = 0 → 1; Ben A = 37.5 (a1 = 0 below floor) → 0;
    // Chloé A = 62.5 → reached, B unanswered → insufficient → 1.
    assert_eq!(g.placements, vec![1, 2, 0]);
    assert_eq!(
        g.items[0].notes,
        vec![
            ("Ana".to_owned(), "We share one CRM.".to_owned()),
            ("Ben".to_owned(), "Not in service.".to_owned())
        ]
    );
}

#[test]
fn the_discuss_flag_starts_at_a_quarter_of_the_scale_range() {
    let q = questionnaire();
    // a1 = 2, 4: sd = sqrt(2) ≈ 1.414 ≥ 1 → discuss. a2 = 3, 4: sd ≈ 0.707 < 1 → no.
    let mut acc = GroupAccumulator::new(&q);
    for values in [[2.0, 3.0, 3.0], [4.0, 4.0, 3.0]] {
        let p = person(&q, "x", "r", values, None);
        acc.add(&p, &assess(&q, &p, ScoreOptions::default()));
    }
    let g = acc.finish(&q, Metadata::default(), ScoreOptions::default());
    assert!(close(g.items[0].sd, 2f64.sqrt()));
    assert!(g.items[0].discuss);
    assert!(close(g.items[1].sd, 0.5f64.sqrt()));
    assert!(!g.items[1].discuss);
}

#[test]
fn a_group_of_one_is_scored_like_that_respondent() {
    let q = questionnaire();
    let p = person(&q, "Ana", "sales", [5.0, 2.0, 0.0], None);
    let alone = assess(&q, &p, ScoreOptions::default());
    let mut acc = GroupAccumulator::new(&q);
    acc.add(&p, &alone);
    let g = acc.finish(&q, Metadata::default(), ScoreOptions::default());
    assert_eq!(g.assessment.stages, alone.stages);
    assert_eq!(g.assessment.index, alone.index);
    assert!(g.discuss.is_empty());
}

#[test]
fn summarize_by_role_computes_each_group_from_its_own_members() {
    let out = assert_cmd::Command::cargo_bin("centricity")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "summarize",
            "tests/fixtures/groups",
            "--questionnaire",
            "tests/fixtures/two-stages.toml",
        ])
        // Groups of one and two, shown only because the smallest group shown is lowered.
        .args(["--by", "role", "--min-group", "1", "--format", "csv"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        rows[0],
        "role,respondents,placement,placement_name,index,stage.a,stage.b,overall,discuss"
    );
    // All: a1 mean 3 (50), a2 4 (75), b1 1 (0): A = 62.5 reached, B = 0 → index 1 + 0 / 62.5.
    assert_eq!(rows[1], "all,3,1,A,1,62.5,0,41.7,a1");
    // Sales (Ana alone): a1 5 (100), a2 4 (75) → 87.5; b1 1 (0) → B not reached.
    assert_eq!(rows[2], "sales,1,1,A,1,87.5,0,58.3,");
    // Service (Ben, Chloé): a1 mean 2 (25), a2 4 (75) → A = 50, below 62.5 → 0 + 50 / 62.5 = 0.8.
    // b1: Ben n/a, Chloé missing → no score. a1 = 1 and 3: sd 1.41 ≥ 1 → discuss.
    assert_eq!(rows[3], "service,2,0,Company-centric,0.8,50,,50,a1");
}

#[test]
fn a_breakdown_leaves_out_groups_smaller_than_the_minimum_and_says_how_many() {
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"))
            .args([
                "summarize",
                "tests/fixtures/groups",
                "--questionnaire",
                "tests/fixtures/two-stages.toml",
                "--by",
                "role",
            ])
            .args(extra)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    // Sales has 1 respondent and service 2: with the default of 3, neither is shown.
    let csv = run(&["--format", "csv"]);
    assert_eq!(
        csv.lines().count(),
        2,
        "the header and the whole group: {csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).expect("json");
    assert_eq!(json["by"]["hidden_groups"], 2);
    assert_eq!(json["by"]["min_group"], 3);
    assert_eq!(json["by"]["groups"].as_array().map(Vec::len), Some(0));
    let table = run(&[]);
    assert!(
        table.contains("2 groups with fewer than 3 respondents are not shown"),
        "{table}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&["--min-group", "2", "--format", "json"])).expect("json");
    assert_eq!(
        json["by"]["hidden_groups"], 1,
        "service (2) is shown, sales (1) is not"
    );
    assert_eq!(json["by"]["groups"][0]["value"], "service");
}
