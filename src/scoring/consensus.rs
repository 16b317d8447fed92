//! Consensus in a Delphi round, by a rule stated before anyone votes: the room agrees on an item
//! when at least a given share of its answers lies within one scale point of their median.
//!
//! A scale point is one step between neighbouring options, so the rule reads the same on a
//! 1-5 agreement scale and on a scale whose options are worth 0, 0.25, 0.5 and 1. Answers of
//! "not applicable" take no part.

/// The share of answers that must lie within one scale point of the median, in percent, unless
/// the session says otherwise (`centricity room --consensus`).
pub const DEFAULT_CONSENSUS: f64 = 75.0;

/// How one round's answers to one item spread.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundFigures {
    /// `counts[k]` answers chose the scale's option `k` (lowest value first).
    pub counts: Vec<usize>,
    /// Answers of "not applicable".
    pub not_applicable: usize,
    /// Answers with a value.
    pub answered: usize,
    /// Mean of the values, in scale points.
    pub mean: Option<f64>,
    /// Sample standard deviation (n - 1; 0 for one answer), in scale points.
    pub sd: Option<f64>,
    /// Share of the answers within one scale point of their median, 0 to 1.
    pub within_one: Option<f64>,
}

impl RoundFigures {
    /// The figures of `counts` over a scale whose options are worth `values` (lowest first).
    pub fn new(values: &[f64], counts: Vec<usize>, not_applicable: usize) -> Self {
        let answered: usize = counts.iter().sum();
        #[allow(clippy::cast_precision_loss)]
        let (mean, sd) = if answered == 0 {
            (None, None)
        } else {
            let n = answered as f64;
            let mean = counts
                .iter()
                .zip(values)
                .map(|(&c, v)| c as f64 * v)
                .sum::<f64>()
                / n;
            let ss = counts
                .iter()
                .zip(values)
                .map(|(&c, v)| c as f64 * (v - mean).powi(2))
                .sum::<f64>();
            let sd = if answered == 1 {
                0.0
            } else {
                (ss / (n - 1.0)).max(0.0).sqrt()
            };
            (Some(mean), Some(sd))
        };
        let within_one = within_one_of_median(&counts);
        Self {
            counts,
            not_applicable,
            answered,
            mean,
            sd,
            within_one,
        }
    }

    /// Whether the room agrees by the rule: at least `rule` percent of the answers within one
    /// scale point of their median. No answers, no consensus.
    pub fn consensus(&self, rule: f64) -> bool {
        self.within_one
            .is_some_and(|share| share * 100.0 >= rule - 1e-9)
    }
}

/// The share of answers whose option lies at most one step from the median option; `None`
/// without answers. With an even number of answers the median is the midpoint of the two middle
/// ones, so "within one" then reaches one and a half steps from either of them.
fn within_one_of_median(counts: &[usize]) -> Option<f64> {
    let n: usize = counts.iter().sum();
    if n == 0 {
        return None;
    }
    // The option of the k-th answer in order (0-based).
    let nth = |k: usize| {
        let mut seen = 0;
        for (option, &c) in counts.iter().enumerate() {
            seen += c;
            if k < seen {
                return option;
            }
        }
        counts.len().saturating_sub(1)
    };
    // Twice the median, to stay in whole numbers.
    let median2 = nth((n - 1) / 2) + nth(n / 2);
    let near: usize = counts
        .iter()
        .enumerate()
        .filter(|&(option, _)| (2 * option).abs_diff(median2) <= 2)
        .map(|(_, &c)| c)
        .sum();
    #[allow(clippy::cast_precision_loss)]
    Some(near as f64 / n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIVE: [f64; 5] = [1.0, 2.0, 3.0, 4.0, 5.0];

    #[test]
    fn consensus_is_the_share_of_answers_within_one_point_of_the_median() {
        // 1, 4, 4, 4, 5: median 4; 4, 4, 4 and 5 are within one point: 80%.
        let r = RoundFigures::new(&FIVE, vec![1, 0, 0, 3, 1], 2);
        assert_eq!(r.within_one, Some(0.8));
        assert!(r.consensus(75.0));
        assert!(r.consensus(80.0), "the rule is at least, not more than");
        assert!(!r.consensus(81.0));
        assert_eq!((r.answered, r.not_applicable), (5, 2));
        assert_eq!(r.mean, Some(3.6));
    }

    #[test]
    fn a_split_room_has_no_consensus() {
        // 1, 1, 5, 5: the median is 3 and no answer lies within one point of it.
        let r = RoundFigures::new(&FIVE, vec![2, 0, 0, 0, 2], 0);
        assert_eq!(r.within_one, Some(0.0));
        assert!(!r.consensus(75.0));
        // 2, 2, 4, 4 around 3: every answer is within one point.
        let r = RoundFigures::new(&FIVE, vec![0, 2, 0, 2, 0], 0);
        assert_eq!(r.within_one, Some(1.0));
    }

    #[test]
    fn a_scale_point_is_a_step_between_options_whatever_they_are_worth() {
        let values = [0.0, 0.25, 0.5, 1.0];
        let r = RoundFigures::new(&values, vec![0, 1, 2, 1], 0);
        assert_eq!(r.within_one, Some(1.0));
        let r = RoundFigures::new(&values, vec![1, 0, 0, 3], 0);
        assert_eq!(r.within_one, Some(0.75));
    }

    #[test]
    fn without_answers_there_is_no_figure_and_no_consensus() {
        let r = RoundFigures::new(&FIVE, vec![0; 5], 3);
        assert_eq!((r.mean, r.sd, r.within_one), (None, None, None));
        assert!(!r.consensus(0.0));
        let one = RoundFigures::new(&FIVE, vec![0, 0, 1, 0, 0], 0);
        assert_eq!((one.sd, one.within_one), (Some(0.0), Some(1.0)));
    }
}
