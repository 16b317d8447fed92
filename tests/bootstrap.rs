//! The bootstrap over respondents (`centricity::scoring::bootstrap`) against an independent
//! implementation written here from the scoring rule of DESIGN.md section 4 (rules 1 to 5 and 7
//! for a two-stage questionnaire) and the published SplitMix64, and against exact enumerations
//! of every draw of three respondents.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use centricity::answers::Answer;
use centricity::questionnaire::{Questionnaire, parse_questionnaire};
use centricity::scoring::bootstrap::{self, RESAMPLES, change_interval, resample};

/// Two stages, a1 and a2 in the first, b1 in the second; a 1-5 scale; the default rules
/// (threshold 62.5, item floor 25, at least half the items answered).
const TWO_STAGES: &str = r#"
[questionnaire]
id = "two"
version = "1"
title = "Two stages"
[scales.agree]
options = [{ value = 1, label = "1" }, { value = 2, label = "2" }, { value = 3, label = "3" }, { value = 4, label = "4" }, { value = 5, label = "5" }]
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

/// A respondent's answers to a1, a2, b1 (`None` unanswered).
type Person = [Option<f64>; 3];

fn answers(people: &[Person]) -> Vec<Vec<Option<Answer>>> {
    people
        .iter()
        .map(|p| p.iter().map(|v| v.map(Answer::Value)).collect())
        .collect()
}

/// What the scoring rule says of a group: (placement, index, stage A score, stage B score).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Figures {
    placement: usize,
    index: f64,
    a: Option<f64>,
    b: Option<f64>,
}

/// Rule 7 then rules 1 to 5, written out for this questionnaire.
fn score_group(members: &[&Person]) -> Figures {
    let item = |i: usize| -> Option<f64> {
        let values: Vec<f64> = members.iter().filter_map(|p| p[i]).collect();
        if values.is_empty() {
            return None;
        }
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        Some((mean - 1.0) / 4.0 * 100.0)
    };
    let stage = |items: &[usize]| -> (Option<f64>, bool) {
        let scores: Vec<f64> = items.iter().filter_map(|&i| item(i)).collect();
        if scores.is_empty() {
            return (None, false);
        }
        let s = scores.iter().sum::<f64>() / scores.len() as f64;
        let enough = scores.len() as f64 / items.len() as f64 >= 0.5;
        let reached = s >= 62.5 && scores.iter().all(|x| *x >= 25.0) && enough;
        (Some(s), reached)
    };
    let (a, a_reached) = stage(&[0, 1]);
    let (b, b_reached) = stage(&[2]);
    let placement = match (a_reached, b_reached) {
        (false, _) => 0,
        (true, false) => 1,
        (true, true) => 2,
    };
    let next = [a, b];
    let index = if placement == 2 {
        2.0
    } else {
        placement as f64 + (next[placement].unwrap_or(0.0) / 62.5).min(0.99)
    };
    Figures {
        placement,
        index,
        a,
        b,
    }
}

/// SplitMix64, from its published definition.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
}

/// Every draw, scored independently.
fn independent(people: &[Person], draws: usize, seed: u64) -> Vec<Figures> {
    let mut rng = Mix(seed);
    (0..draws)
        .map(|_| {
            let members: Vec<&Person> = (0..people.len())
                .map(|_| &people[rng.pick(people.len())])
                .collect();
            score_group(&members)
        })
        .collect()
}

/// The p quantile by linear interpolation between closest ranks (R type 7, numpy's default).
fn type7(mut xs: Vec<f64>, p: f64) -> f64 {
    xs.sort_by(f64::total_cmp);
    let h = (xs.len() - 1) as f64 * p;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    xs[lo] + (xs[hi] - xs[lo]) * (h - h.floor())
}

const CLOSE: f64 = 1e-9;

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < CLOSE,
        (None, None) => true,
        _ => false,
    }
}

/// Three respondents; the third left b1 unanswered.
const TEAM: [Person; 3] = [
    [Some(5.0), Some(5.0), Some(1.0)],
    [Some(3.0), Some(3.0), Some(3.0)],
    [Some(4.0), Some(2.0), None],
];

#[test]
fn the_whole_team_scores_as_the_rule_says_by_hand() {
    // a1: mean 4 -> 75; a2: mean 10/3 -> 58.33; stage A 66.67, reached. b1: mean 2 -> 25, stage
    // B not reached: placement 1, index 1 + 25 / 62.5 = 1.4.
    let f = score_group(&TEAM.iter().collect::<Vec<_>>());
    assert_eq!(f.placement, 1);
    assert!((f.a.unwrap() - 200.0 / 3.0).abs() < CLOSE);
    assert!((f.index - 1.4).abs() < CLOSE);
}

#[test]
fn every_draw_agrees_with_the_independent_implementation() {
    let q = questionnaire();
    let seed = bootstrap::SEED;
    let r = resample(&q, &answers(&TEAM), RESAMPLES, seed).expect("draws");
    let mine = independent(&TEAM, RESAMPLES, seed);
    assert_eq!(r.index.len(), RESAMPLES);
    for (b, f) in mine.iter().enumerate() {
        assert!(
            close(r.index[b], Some(f.index)),
            "draw {b}: {:?} {f:?}",
            r.index[b]
        );
        assert!(close(r.stages[0][b], f.a), "draw {b}");
        assert!(close(r.stages[1][b], f.b), "draw {b}");
    }
    let mut counts = [0usize; 3];
    for f in &mine {
        counts[f.placement] += 1;
    }
    assert_eq!(r.placements, counts.to_vec());
}

#[test]
fn placement_shares_approach_the_exact_enumeration_of_all_27_draws() {
    // Each of the 3^3 ordered draws is equally likely: the exact probability of each placement.
    let mut exact = [0.0f64; 3];
    let mut indices = Vec::new();
    for x in &TEAM {
        for y in &TEAM {
            for z in &TEAM {
                let f = score_group(&[x, y, z]);
                exact[f.placement] += 1.0 / 27.0;
                indices.push(f.index);
            }
        }
    }
    let q = questionnaire();
    let r = resample(&q, &answers(&TEAM), RESAMPLES, bootstrap::SEED).expect("draws");
    for (level, p) in exact.iter().enumerate() {
        let share = r.placements[level] as f64 / RESAMPLES as f64;
        // Four standard errors of a share of 2000 draws at most.
        let tolerance = 4.0 * (p * (1.0 - p) / RESAMPLES as f64).sqrt() + 1e-12;
        assert!(
            (share - p).abs() <= tolerance,
            "level {level}: {share} in the draws, {p} exactly"
        );
    }
    // No draw gives an index no enumerated draw gives.
    for x in r.index.iter().flatten() {
        assert!(
            indices.iter().any(|y| (x - y).abs() < CLOSE),
            "index {x} is not the index of any draw"
        );
    }
}

#[test]
fn the_interval_of_a_change_agrees_with_the_independent_percentiles() {
    let q = questionnaire();
    let later: [Person; 3] = [
        [Some(5.0), Some(5.0), Some(4.0)],
        [Some(4.0), Some(4.0), Some(3.0)],
        [Some(4.0), Some(3.0), Some(4.0)],
    ];
    let (s0, s1) = (bootstrap::SEED, bootstrap::SEED + 1);
    let before = resample(&q, &answers(&TEAM), RESAMPLES, s0).expect("draws");
    let after = resample(&q, &answers(&later), RESAMPLES, s1).expect("draws");
    let interval = change_interval(&before.index, &after.index).expect("an interval");
    let (b, a) = (
        independent(&TEAM, RESAMPLES, s0),
        independent(&later, RESAMPLES, s1),
    );
    let changes: Vec<f64> = a.iter().zip(&b).map(|(x, y)| x.index - y.index).collect();
    assert!((interval.low - type7(changes.clone(), 0.025)).abs() < CLOSE);
    assert!((interval.high - type7(changes, 0.975)).abs() < CLOSE);
    // The later team reaches both stages in most draws: a real improvement.
    assert!(interval.low > 0.0, "{interval:?}");
    assert!(!interval.holds_zero());
}

#[test]
fn identical_respondents_give_an_interval_of_one_point() {
    // Every draw of three identical respondents is the same group: the interval is the change
    // itself, and no change at all is within noise.
    let q = questionnaire();
    let same: [Person; 3] = [[Some(4.0), Some(4.0), Some(2.0)]; 3];
    let before = resample(&q, &answers(&same), RESAMPLES, 1).expect("draws");
    let after = resample(&q, &answers(&same), RESAMPLES, 2).expect("draws");
    let i = change_interval(&before.stages[0], &after.stages[0]).expect("an interval");
    assert_eq!((i.low, i.high), (0.0, 0.0));
    assert!(i.holds_zero());
    // 4 on a 1-5 scale is 75 on both items of stage A, and 2 is 25 on b1: index 1 + 25/62.5.
    assert!(before.index.iter().all(|x| close(*x, Some(1.4))));
    assert_eq!(before.placements, vec![0, RESAMPLES, 0]);
}

#[test]
fn no_respondent_no_draws_and_the_same_seed_the_same_draws() {
    let q = questionnaire();
    assert!(resample(&q, &[], RESAMPLES, 7).is_none());
    let once = resample(&q, &answers(&TEAM), 200, 7);
    assert_eq!(once, resample(&q, &answers(&TEAM), 200, 7));
    assert_ne!(once, resample(&q, &answers(&TEAM), 200, 8));
}
