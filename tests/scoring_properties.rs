//! Invariants of the scoring rule that must hold for every possible set of answers.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use centricity::answers::{Answer, Response};
use centricity::questionnaire::{Bundled, DEFAULT_ID, Questionnaire, parse_questionnaire};
use centricity::scoring::{ScoreOptions, assess};
use proptest::prelude::*;

fn bundled() -> Questionnaire {
    Bundled::find(DEFAULT_ID)
        .and_then(|b| b.load().ok())
        .expect("bundled loads")
}

/// A mixed instrument: weights, a reverse-keyed item and two scales, one with fractional values.
fn mixed() -> Questionnaire {
    let src = r#"
[questionnaire]
id = "mixed"
version = "1"
title = "Mixed"
[scoring]
stage_threshold = 50
item_floor = 10
min_answered = 0.34
[scales.five]
options = [{ value = 1, label = "a" }, { value = 2, label = "b" }, { value = 3, label = "c" }, { value = 4, label = "d" }, { value = 5, label = "e" }]
not_applicable = "n/a"
[scales.level]
options = [{ value = 0, label = "none" }, { value = 0.25, label = "some" }, { value = 0.5, label = "half" }, { value = 1, label = "all" }]
[[stages]]
id = "one"
name = "One"
[[stages]]
id = "two"
name = "Two"
threshold = 70
[[questions]]
id = "p"
stage = "one"
scale = "five"
text = "p"
weight = 2.5
[[questions]]
id = "q"
stage = "one"
scale = "level"
text = "q"
[[questions]]
id = "r"
stage = "one"
scale = "five"
text = "r"
reverse = true
[[questions]]
id = "s"
stage = "two"
scale = "level"
text = "s"
weight = 0.5
[[questions]]
id = "t"
stage = "two"
scale = "five"
text = "t"
"#;
    parse_questionnaire("mixed.toml", src).expect("valid").0
}

/// For each question: None (missing), Some(None) (n/a), or Some(Some(option index)).
fn answers(n: usize) -> impl Strategy<Value = Vec<Option<Option<usize>>>> {
    prop::collection::vec(prop::option::of(prop::option::weighted(0.9, 0usize..8)), n)
}

fn build(q: &Questionnaire, picks: &[Option<Option<usize>>]) -> Response {
    let mut r = Response::new(q);
    for (i, pick) in picks.iter().enumerate() {
        let options = &q.scale_of(&q.questions[i]).options;
        r.answers[i] = pick.map(|p| match p {
            Some(k) => Answer::Value(options[k % options.len()].value),
            None => Answer::NotApplicable,
        });
    }
    r
}

fn check_bounds(q: &Questionnaire, picks: &[Option<Option<usize>>]) -> Result<(), TestCaseError> {
    let a = assess(q, &build(q, picks), ScoreOptions::default());
    let in_range = |s: Option<f64>| s.is_none_or(|s| (0.0..=100.0).contains(&s));
    prop_assert!(a.items.iter().all(|i| in_range(i.score)));
    prop_assert!(a.stages.iter().all(|s| in_range(s.area.score)));
    prop_assert!(a.dimensions.iter().all(|d| in_range(d.score)));
    prop_assert!(in_range(a.overall.score));
    let index = a.index.unwrap_or(0.0);
    #[allow(clippy::cast_precision_loss)]
    let n = q.stages.len() as f64;
    prop_assert!((0.0..=n).contains(&index));
    prop_assert!(index.floor() as usize == a.placement || a.placement == q.stages.len());
    prop_assert!(a.recommendations.items.len() <= 5);
    Ok(())
}

/// Raising one answer of a non-reverse item never lowers the placement or the index.
fn check_monotone(
    q: &Questionnaire,
    picks: &[Option<Option<usize>>],
    which: usize,
) -> Result<(), TestCaseError> {
    let i = which % q.questions.len();
    let question = &q.questions[i];
    if question.reverse {
        return Ok(());
    }
    let mut options: Vec<f64> = q
        .scale_of(question)
        .options
        .iter()
        .map(|o| o.value)
        .collect();
    options.sort_by(f64::total_cmp);
    let low = build(q, picks);
    let Some(Answer::Value(v)) = low.answers[i] else {
        return Ok(());
    };
    let Some(&higher) = options.iter().find(|&&o| o > v) else {
        return Ok(());
    };
    let mut high = low.clone();
    high.answers[i] = Some(Answer::Value(higher));
    let (a, b) = (
        assess(q, &low, ScoreOptions::default()),
        assess(q, &high, ScoreOptions::default()),
    );
    prop_assert!(
        b.placement >= a.placement,
        "placement fell from {} to {}",
        a.placement,
        b.placement
    );
    prop_assert!(
        b.index.unwrap_or(0.0) >= a.index.unwrap_or(0.0) - 1e-12,
        "index fell from {:?} to {:?}",
        a.index,
        b.index
    );
    Ok(())
}

proptest! {
    #[test]
    fn every_score_stays_within_0_and_100_on_the_bundled_questionnaire(picks in answers(24)) {
        check_bounds(&bundled(), &picks)?;
    }

    #[test]
    fn every_score_stays_within_0_and_100_on_a_mixed_instrument(picks in answers(5)) {
        check_bounds(&mixed(), &picks)?;
    }

    #[test]
    fn raising_an_answer_never_lowers_placement_or_index_on_the_bundled_questionnaire(
        picks in answers(24), which in 0usize..24
    ) {
        check_monotone(&bundled(), &picks, which)?;
    }

    #[test]
    fn raising_an_answer_never_lowers_placement_or_index_on_a_mixed_instrument(
        picks in answers(5), which in 0usize..5
    ) {
        check_monotone(&mixed(), &picks, which)?;
    }
}

/// The batch figures are the figures of the full assessment, to the bit.
fn check_figures(q: &Questionnaire, picks: &[Option<Option<usize>>]) -> Result<(), TestCaseError> {
    let r = build(q, picks);
    let a = assess(q, &r, ScoreOptions::default());
    let mut f = centricity::scoring::Figures::default();
    f.compute(q, &r.answers);
    prop_assert_eq!(f.placement, a.placement);
    prop_assert_eq!(f.index, a.index);
    prop_assert_eq!(f.overall, a.overall.score);
    prop_assert_eq!(
        &f.stages,
        &a.stages.iter().map(|s| s.area.score).collect::<Vec<_>>()
    );
    prop_assert_eq!(
        &f.dimensions,
        &a.dimensions.iter().map(|d| d.score).collect::<Vec<_>>()
    );
    Ok(())
}

proptest! {
    #[test]
    fn batch_figures_equal_the_full_assessment_on_the_bundled_questionnaire(picks in answers(24)) {
        check_figures(&bundled(), &picks)?;
    }

    #[test]
    fn batch_figures_equal_the_full_assessment_on_a_mixed_instrument(picks in answers(5)) {
        check_figures(&mixed(), &picks)?;
    }
}
