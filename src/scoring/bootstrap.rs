//! Is a change real? A bootstrap over respondents: a group is drawn again from its own
//! respondents, with replacement and as many as it has, a fixed number of times, and each draw
//! is scored as a group by rule 7 (each item's value the mean of the answered values, then rules
//! 1 to 6). The spread of a figure over the draws says how much of it is the particular people
//! who answered.
//!
//! Draws come from SplitMix64 with a fixed seed, and a respondent is picked by the high half of
//! a 128-bit product (`(x * n) >> 64`), so the figures are the same on every platform and every
//! run. The seed of a side is [`SEED`] plus its position among the sides compared (0 for the
//! first), so that two sides never share their draws.

use super::assessment::{ScoreOptions, assess};
use crate::answers::{Answer, Response};
use crate::questionnaire::Questionnaire;

/// How many draws: enough for the 2.5th and 97.5th percentiles to settle to a tenth of a point.
pub const RESAMPLES: usize = 2000;
/// The seed of the first side; side k uses `SEED + k`.
pub const SEED: u64 = 20_260_317;
/// The share of draws a percentile interval holds.
pub const LEVEL: f64 = 0.95;

/// SplitMix64 (Steele, Lea and Flood, 2014): a small generator whose every output is a pure
/// function of the seed, which is all a reproducible bootstrap needs.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`): the high half of the 128-bit product of a draw and `n`.
    pub fn below(&mut self, n: usize) -> usize {
        let wide = u128::from(self.next_u64()) * n as u128;
        usize::try_from(wide >> 64).unwrap_or(0)
    }
}

/// The figures of every draw of one side, in the order drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Replicates {
    /// The maturity index of each draw (`None` for a questionnaire without stages).
    pub index: Vec<Option<f64>>,
    /// `stages[s][b]`: the score of stage `s` in draw `b` (`None` when no item of it is
    /// answered in that draw).
    pub stages: Vec<Vec<Option<f64>>>,
    /// `placements[k]`: how many draws place the group at level `k` (0 below the first stage).
    pub placements: Vec<usize>,
}

impl Replicates {
    /// How many draws there were.
    pub fn resamples(&self) -> usize {
        self.index.len()
    }
}

/// `resamples` draws of the respondents `answers` (each one respondent's answers, question by
/// question, as in [`Response::answers`]), each scored as a group by rule 7, from `seed`.
/// `None` when there is no respondent.
pub fn resample(
    q: &Questionnaire,
    answers: &[Vec<Option<Answer>>],
    resamples: usize,
    seed: u64,
) -> Option<Replicates> {
    let n = answers.len();
    if n == 0 {
        return None;
    }
    let items = q.questions.len();
    let mut rng = SplitMix64::new(seed);
    let mut out = Replicates {
        index: Vec::with_capacity(resamples),
        stages: vec![Vec::with_capacity(resamples); q.stages.len()],
        placements: vec![0; q.stages.len() + 1],
    };
    let mut sum = vec![0.0; items];
    let mut count = vec![0usize; items];
    let mut not_applicable = vec![0usize; items];
    let mut response = Response::new(q);
    let options = ScoreOptions {
        max_recommendations: 0,
    };
    for _ in 0..resamples {
        sum.iter_mut().for_each(|x| *x = 0.0);
        count.iter_mut().for_each(|x| *x = 0);
        not_applicable.iter_mut().for_each(|x| *x = 0);
        for _ in 0..n {
            let who = &answers[rng.below(n)];
            for (i, answer) in who.iter().enumerate().take(items) {
                match answer {
                    Some(Answer::Value(v)) => {
                        sum[i] += v;
                        count[i] += 1;
                    }
                    // Neither gives a score; as in a group, the item is left without one.
                    Some(Answer::NotApplicable | Answer::DontKnow) => not_applicable[i] += 1,
                    None => {}
                }
            }
        }
        for i in 0..items {
            #[allow(clippy::cast_precision_loss)]
            let mean = (count[i] > 0).then(|| sum[i] / count[i] as f64);
            response.answers[i] = match (mean, not_applicable[i]) {
                (Some(v), _) => Some(Answer::Value(v)),
                (None, 0) => None,
                (None, _) => Some(Answer::NotApplicable),
            };
        }
        let a = assess(q, &response, options);
        out.index.push(a.index);
        for (s, stage) in a.stages.iter().enumerate() {
            out.stages[s].push(stage.area.score);
        }
        if let Some(c) = out.placements.get_mut(a.placement) {
            *c += 1;
        }
    }
    Some(out)
}

/// A percentile interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    /// Whether the interval holds zero: the change may be nothing but who answered.
    pub fn holds_zero(&self) -> bool {
        self.low <= 0.0 && self.high >= 0.0
    }
}

/// The `p` quantile (0 to 1) of sorted `values`, interpolated linearly between the two nearest
/// ranks (`(len - 1) * p`), as numpy, R (type 7) and spreadsheets compute it by default.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    #[allow(clippy::cast_precision_loss)]
    let h = last as f64 * p.clamp(0.0, 1.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(last);
    #[allow(clippy::cast_precision_loss)]
    let frac = h - lo as f64;
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * frac)
}

/// The 95% percentile interval of the change `after[b] - before[b]` over the draws where both
/// have a figure; the two sides are drawn independently, so pairing draw `b` with draw `b` is
/// one draw of the change. `None` when fewer than half the draws have both figures.
pub fn change_interval(before: &[Option<f64>], after: &[Option<f64>]) -> Option<Interval> {
    let mut changes: Vec<f64> = before
        .iter()
        .zip(after)
        .filter_map(|(b, a)| Some((*a)? - (*b)?))
        .collect();
    if changes.is_empty() || changes.len() * 2 < before.len().min(after.len()) {
        return None;
    }
    changes.sort_by(f64::total_cmp);
    let tail = (1.0 - LEVEL) / 2.0;
    Some(Interval {
        low: quantile(&changes, tail)?,
        high: quantile(&changes, 1.0 - tail)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_gives_the_published_sequence() {
        // The first outputs for seed 1234567 of the reference C implementation.
        let mut r = SplitMix64::new(1_234_567);
        assert_eq!(r.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(r.next_u64(), 3_203_168_211_198_807_973);
        assert_eq!(r.next_u64(), 9_817_491_932_198_370_423);
    }

    #[test]
    fn quantiles_interpolate_between_ranks() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile(&v, 0.0), Some(1.0));
        assert_eq!(quantile(&v, 1.0), Some(4.0));
        assert_eq!(quantile(&v, 0.5), Some(2.5));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn an_interval_needs_most_draws_to_have_both_figures() {
        assert_eq!(
            change_interval(&[None, None, Some(1.0)], &[Some(1.0); 3]),
            None
        );
        let i = change_interval(&[Some(1.0); 3], &[Some(3.0); 3]).expect("an interval");
        assert_eq!((i.low, i.high), (2.0, 2.0));
        assert!(!i.holds_zero());
    }
}
