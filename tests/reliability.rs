//! Rule 8: Cronbach's alpha with pairwise variances and covariances, and item-rest
//! correlations over complete cases, on small cases computed by hand and with numpy.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use centricity::scoring::ReliabilityAccumulator;

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn set_of_three(rows: &[[Option<f64>; 3]]) -> centricity::scoring::SetReliability {
    let mut acc = ReliabilityAccumulator::new(vec![vec![0, 1, 2]], Vec::new());
    for r in rows {
        acc.add(r);
    }
    acc.finish().stages.remove(0)
}

#[test]
fn two_identical_items_are_perfectly_consistent() {
    // Equal variances v and covariance v: alpha = 2 * (1 - 2v / 4v) = 1.
    let mut acc = ReliabilityAccumulator::new(vec![vec![0, 1]], Vec::new());
    for x in [0.0, 25.0, 50.0, 100.0] {
        acc.add(&[Some(x), Some(x)]);
    }
    let r = acc.finish().stages.remove(0);
    assert!(close(r.alpha, 1.0));
    assert!(close(r.item_rest[0], 1.0));
}

#[test]
fn two_opposed_items_have_no_alpha() {
    // Covariance -v cancels the variances: the total variance is 0 and alpha is undefined.
    let mut acc = ReliabilityAccumulator::new(vec![vec![0, 1]], Vec::new());
    for x in [0.0, 25.0, 50.0, 100.0] {
        acc.add(&[Some(x), Some(100.0 - x)]);
    }
    let r = acc.finish().stages.remove(0);
    assert_eq!(r.alpha, None);
    assert!(close(r.item_rest[1], -1.0));
}

#[test]
fn alpha_uses_pairwise_covariances_and_item_rest_uses_complete_cases() {
    // Ten respondents, the last without an answer to the third item. numpy with pairwise
    // `np.cov(ddof=1)` gives alpha 0.923816568...; item-rest over the nine complete rows gives
    // 0.956622..., 0.721826..., 0.833358...
    let rows: Vec<[Option<f64>; 3]> = [
        [100.0, 75.0, 75.0],
        [75.0, 75.0, 50.0],
        [50.0, 50.0, 50.0],
        [25.0, 50.0, 25.0],
        [0.0, 25.0, 0.0],
        [100.0, 100.0, 75.0],
        [75.0, 50.0, 75.0],
        [50.0, 75.0, 25.0],
        [25.0, 0.0, 25.0],
    ]
    .iter()
    .map(|r| r.map(Some))
    .chain([[Some(75.0), Some(75.0), None]])
    .collect();
    let r = set_of_three(&rows);
    assert!(
        (r.alpha.unwrap() - 0.923_816_568_047_337_2).abs() < 1e-9,
        "{:?}",
        r.alpha
    );
    assert_eq!(r.complete, 9);
    for (got, want) in r.item_rest.iter().zip([
        0.956_622_208_826_539_7,
        0.721_826_609_267_179_8,
        0.833_358_339_209_719_9,
    ]) {
        assert!((got.unwrap() - want).abs() < 1e-9, "{got:?} != {want}");
    }
}

#[test]
fn groups_below_ten_respondents_report_no_reliability() {
    use centricity::answers::{Answer, Response};
    use centricity::questionnaire::{Bundled, DEFAULT_ID};
    use centricity::scoring::{GroupAccumulator, ScoreOptions, assess};
    let q = Bundled::find(DEFAULT_ID).unwrap().load().unwrap();
    let mut acc = GroupAccumulator::new(&q);
    for k in 0..10 {
        let mut r = Response::new(&q);
        for i in 0..q.questions.len() {
            r.answers[i] = Some(Answer::Value(f64::from(1 + (k + i as u32) % 5)));
        }
        acc.add(&r, &assess(&q, &r, ScoreOptions::default()));
        if k == 8 {
            let nine = acc
                .clone()
                .finish(&q, Default::default(), ScoreOptions::default());
            assert!(nine.reliability.is_none());
        }
    }
    let ten = acc.finish(&q, Default::default(), ScoreOptions::default());
    let rel = ten.reliability.expect("ten respondents");
    assert_eq!(rel.stages.len(), 4);
    assert_eq!(rel.dimensions.len(), 6);
}
