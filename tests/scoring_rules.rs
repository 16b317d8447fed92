//! The scoring rule of DESIGN.md section 4, rule by rule, on hand-computed cases.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use centricity::answers::{Answer, Response};
use centricity::questionnaire::{Questionnaire, parse_questionnaire};
use centricity::scoring::{ScoreOptions, StageStatus, assess, item_score};

/// Three stages of two items each on a 1-5 scale; `a1` weighs 2, `c2` is reverse-keyed.
const THREE_STAGES: &str = r#"
[questionnaire]
id = "three"
version = "1"
title = "Three stages"

[scales.agree]
options = [
  { value = 1, label = "1" }, { value = 2, label = "2" }, { value = 3, label = "3" },
  { value = 4, label = "4" }, { value = 5, label = "5" },
]
not_applicable = "Don't know"

[[stages]]
id = "a"
name = "Stage A"
next_step = "Get to A"
customer_view = "View from A"

[[stages]]
id = "b"
name = "Stage B"
next_step = "Get to B"
customer_view = "View from B"

[[stages]]
id = "c"
name = "Stage C"
threshold = 80.0
next_step = "Get to C"

[[dimensions]]
id = "x"
name = "X"

[[dimensions]]
id = "y"
name = "Y"

[[questions]]
id = "a1"
stage = "a"
dimension = "x"
text = "a1"
weight = 2.0
recommendation = "fix a1"

[[questions]]
id = "a2"
stage = "a"
dimension = "y"
text = "a2"

[[questions]]
id = "b1"
stage = "b"
dimension = "x"
text = "b1"

[[questions]]
id = "b2"
stage = "b"
dimension = "y"
text = "b2"
weight = 3.0

[[questions]]
id = "c1"
stage = "c"
dimension = "x"
text = "c1"

[[questions]]
id = "c2"
stage = "c"
dimension = "y"
text = "c2"
reverse = true
"#;

fn questionnaire() -> Questionnaire {
    parse_questionnaire("three.toml", THREE_STAGES)
        .expect("valid")
        .0
}

/// A response from `(question id, answer)` pairs; `0.0` stands for not applicable.
fn response(q: &Questionnaire, answers: &[(&str, f64)]) -> Response {
    let mut r = Response::new(q);
    for (id, v) in answers {
        let i = q.question(id).expect("known id");
        r.answers[i] = Some(if *v == 0.0 {
            Answer::NotApplicable
        } else {
            Answer::Value(*v)
        });
    }
    r
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn rule_1_item_scores_are_percent_of_the_scale_range_and_reverse_flips_them() {
    let q = questionnaire();
    let scale = &q.scales[0];
    let a1 = &q.questions[0];
    let c2 = &q.questions[5];
    assert!(close(item_score(scale, a1, Some(Answer::Value(1.0))), 0.0));
    assert!(close(item_score(scale, a1, Some(Answer::Value(4.0))), 75.0));
    assert!(close(item_score(scale, c2, Some(Answer::Value(4.0))), 25.0));
    assert_eq!(item_score(scale, a1, Some(Answer::NotApplicable)), None);
    assert_eq!(item_score(scale, a1, None), None);
}

#[test]
fn rule_1_works_on_scales_with_fractional_values() {
    let src = r#"
[questionnaire]
id = "security"
version = "1"
title = "Security maturity"
[scales.level]
options = [{ value = 0, label = "None" }, { value = 0.25, label = "Initial" }, { value = 0.5, label = "Defined" }, { value = 1, label = "Optimised" }]
[[questions]]
id = "q1"
text = "Backups are tested"
"#;
    let (q, _) = parse_questionnaire("s.toml", src).expect("valid");
    let r = response(&q, &[("q1", 0.25)]);
    let a = assess(&q, &r, ScoreOptions::default());
    assert!(close(a.items[0].score, 25.0));
    assert!(close(a.overall.score, 25.0));
    assert_eq!(a.index, None, "no stages, no maturity index");
}

#[test]
fn rule_2_stage_dimension_and_overall_scores_are_weighted_means_of_answered_items() {
    let q = questionnaire();
    // a1 = 75 (weight 2), a2 = 50, b1 = 100, b2 = 25 (weight 3), c1 = n/a, c2 = 2 reversed = 75.
    let r = response(
        &q,
        &[
            ("a1", 4.0),
            ("a2", 3.0),
            ("b1", 5.0),
            ("b2", 2.0),
            ("c1", 0.0),
            ("c2", 2.0),
        ],
    );
    let a = assess(&q, &r, ScoreOptions::default());
    assert!(close(a.stages[0].area.score, (2.0 * 75.0 + 50.0) / 3.0));
    assert!(close(a.stages[1].area.score, (100.0 + 3.0 * 25.0) / 4.0));
    assert!(close(a.stages[2].area.score, 75.0), "n/a is left out");
    assert_eq!((a.stages[2].area.answered, a.stages[2].area.total), (1, 2));
    // x: a1 75 (w2), b1 100, c1 n/a; y: a2 50, b2 25 (w3), c2 75.
    assert!(close(a.dimensions[0].score, (150.0 + 100.0) / 3.0));
    assert!(close(a.dimensions[1].score, (50.0 + 75.0 + 75.0) / 5.0));
    assert!(close(
        a.overall.score,
        (150.0 + 50.0 + 100.0 + 75.0 + 75.0) / 8.0
    ));
}

#[test]
fn rule_3_a_stage_needs_the_threshold_the_floor_and_enough_answers() {
    let q = questionnaire();
    // A: 100 (w2) and 0: mean 66.7 passes the threshold, but a2 is below the floor.
    // B: only b1 answered (1 of 2 = 50%, enough); C: nothing answered.
    let r = response(&q, &[("a1", 5.0), ("a2", 1.0), ("b1", 4.0)]);
    let a = assess(&q, &r, ScoreOptions::default());
    assert_eq!(a.stages[0].status, StageStatus::NotReached);
    assert!(!a.stages[0].below_threshold());
    assert_eq!(a.stages[0].below_floor, vec![1]);
    assert_eq!(a.stages[1].status, StageStatus::Reached);
    assert_eq!(a.stages[2].status, StageStatus::InsufficientEvidence);
    assert_eq!(a.stages[2].area.score, None);
}

#[test]
fn rule_3_an_item_exactly_at_the_floor_does_not_block() {
    let q = questionnaire();
    // a2 = 2 scores exactly 25 (the floor); a1 = 5 (w2): (200 + 25) / 3 = 75.
    let r = response(&q, &[("a1", 5.0), ("a2", 2.0)]);
    let a = assess(&q, &r, ScoreOptions::default());
    assert_eq!(a.stages[0].status, StageStatus::Reached);
    assert!(a.stages[0].below_floor.is_empty());
}

#[test]
fn rule_3_a_stage_with_less_than_min_answered_is_insufficient_evidence() {
    let src = THREE_STAGES.replace(
        "[scales.agree]",
        "[scoring]\nmin_answered = 0.75\n\n[scales.agree]",
    );
    let (q, _) = parse_questionnaire("t.toml", &src).expect("valid");
    let r = response(&q, &[("a1", 5.0), ("a2", 0.0)]);
    let a = assess(&q, &r, ScoreOptions::default());
    assert_eq!(
        a.stages[0].status,
        StageStatus::InsufficientEvidence,
        "1 of 2 answered is below 75%"
    );
    assert_eq!(a.placement, 0);
}

#[test]
fn rule_4_placement_is_cumulative_and_a_higher_stage_alone_is_an_uneven_foundation() {
    let q = questionnaire();
    // A fails (50 and 50), B passes on its own (100, 100).
    let r = response(&q, &[("a1", 3.0), ("a2", 3.0), ("b1", 5.0), ("b2", 5.0)]);
    let a = assess(&q, &r, ScoreOptions::default());
    assert_eq!(a.placement, 0);
    assert_eq!(a.stages[1].status, StageStatus::Reached);
    assert_eq!(a.uneven, vec![1]);
}

#[test]
fn rule_5_the_maturity_index_adds_progress_towards_the_next_stage() {
    let q = questionnaire();
    // A reached (75, 75); B at 50 → 1 + 50 / 62.5 = 1.8.
    let r = response(&q, &[("a1", 4.0), ("a2", 4.0), ("b1", 3.0), ("b2", 3.0)]);
    let a = assess(&q, &r, ScoreOptions::default());
    assert_eq!(a.placement, 1);
    assert!(close(a.index, 1.8));

    // B scores (0 + 3 * 100) / 4 = 75, above 62.5, but b1 (0) is below the floor: capped at 1.99.
    let r = response(&q, &[("a1", 4.0), ("a2", 4.0), ("b1", 1.0), ("b2", 5.0)]);
    let a = assess(&q, &r, ScoreOptions::default());
    assert!(close(a.stages[1].area.score, 75.0));
    assert_eq!(a.placement, 1);
    assert!(close(a.index, 1.99));

    // Nothing answered in the next stage counts as 0: A, B reached, C empty → 2.0.
    let r = response(&q, &[("a1", 4.0), ("a2", 4.0), ("b1", 4.0), ("b2", 4.0)]);
    let a = assess(&q, &r, ScoreOptions::default());
    assert_eq!(a.placement, 2);
    assert!(close(a.index, 2.0));

    // C has its own threshold of 80: c1 = 4 (75), c2 = 1 reversed (100) → 87.5 → all reached → 3.
    let r = response(
        &q,
        &[
            ("a1", 4.0),
            ("a2", 4.0),
            ("b1", 4.0),
            ("b2", 4.0),
            ("c1", 4.0),
            ("c2", 1.0),
        ],
    );
    let a = assess(&q, &r, ScoreOptions::default());
    assert_eq!(a.placement, 3);
    assert!(close(a.index, 3.0));
}

#[test]
fn rule_6_recommendations_come_from_stages_up_to_the_next_lower_first_then_by_weighted_gap() {
    let q = questionnaire();
    // A: a1 = 3 (50, w2), a2 = 5 (100) → 66.7 reached. B: b1 = 2 (25), b2 = 3 (50, w3) → 43.75.
    // C: c1 = 1 (0), not eligible (above the next stage).
    let r = response(
        &q,
        &[
            ("a1", 3.0),
            ("a2", 5.0),
            ("b1", 2.0),
            ("b2", 3.0),
            ("c1", 1.0),
        ],
    );
    let a = assess(&q, &r, ScoreOptions::default());
    assert_eq!(a.placement, 1);
    let ids: Vec<&str> = a
        .recommendations
        .items
        .iter()
        .map(|&i| q.questions[i].id.as_str())
        .collect();
    // a1 first (lower stage: 2 * 50 = 100), then b2 (3 * 50 = 150) before b1 (1 * 75 = 75).
    assert_eq!(ids, ["a1", "b2", "b1"]);
    assert_eq!(a.recommendations.next_stage, Some(1));
    assert_eq!(a.recommendations.customer_view, Some(0));

    let a = assess(
        &q,
        &r,
        ScoreOptions {
            max_recommendations: 2,
        },
    );
    assert_eq!(a.recommendations.items.len(), 2);
}

#[test]
fn rule_6_below_the_first_stage_there_is_no_customer_view_and_the_next_step_is_stage_one() {
    let q = questionnaire();
    let r = response(&q, &[("a1", 1.0), ("a2", 1.0)]);
    let a = assess(&q, &r, ScoreOptions::default());
    assert_eq!(a.placement, 0);
    assert_eq!(a.recommendations.next_stage, Some(0));
    assert_eq!(a.recommendations.customer_view, None);
    assert!(close(a.index, 0.0));
}
