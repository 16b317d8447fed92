//! Rule 8 of DESIGN.md section 4: how consistently the items of each stage and each dimension
//! measure one thing, for groups of 10 or more.
//!
//! Cronbach's alpha over reverse-corrected item scores, every variance and covariance taken
//! pairwise over the respondents who answered both items (n - 1 denominators); and each item's
//! correlation with the mean of the other items of its set, over respondents who answered them
//! all. Both are folded one respondent at a time, so memory does not grow with the group.

/// Sets of more items than this get no reliability figures: the pairwise sums grow with the
/// square of the set, and no scale of that length is read item by item.
pub(crate) const MAX_SET_ITEMS: usize = 200;

/// Sums for the covariance of two items over the respondents who answered both, of values
/// shifted by the first pair seen: identical answers then sum to exactly zero variance however
/// many there are, instead of rounding error that would read as a variance (and an alpha of 1).
#[derive(Debug, Clone, Copy, Default)]
struct PairSums {
    n: f64,
    shift: (f64, f64),
    x: f64,
    y: f64,
    xy: f64,
}

impl PairSums {
    fn add(&mut self, x: f64, y: f64) {
        if self.n == 0.0 {
            self.shift = (x, y);
        }
        let (x, y) = (x - self.shift.0, y - self.shift.1);
        self.n += 1.0;
        self.x += x;
        self.y += y;
        self.xy += x * y;
    }

    fn covariance(&self) -> Option<f64> {
        (self.n >= 2.0).then(|| (self.xy - self.x * self.y / self.n) / (self.n - 1.0))
    }
}

/// Sums for a Pearson correlation, of values shifted as in [`PairSums`].
#[derive(Debug, Clone, Copy, Default)]
struct CorrelationSums {
    n: f64,
    shift: (f64, f64),
    x: f64,
    y: f64,
    xx: f64,
    yy: f64,
    xy: f64,
}

impl CorrelationSums {
    fn add(&mut self, x: f64, y: f64) {
        if self.n == 0.0 {
            self.shift = (x, y);
        }
        let (x, y) = (x - self.shift.0, y - self.shift.1);
        self.n += 1.0;
        self.x += x;
        self.y += y;
        self.xx += x * x;
        self.yy += y * y;
        self.xy += x * y;
    }

    fn correlation(&self) -> Option<f64> {
        let sxy = self.xy - self.x * self.y / self.n;
        let sxx = self.xx - self.x * self.x / self.n;
        let syy = self.yy - self.y * self.y / self.n;
        (self.n >= 2.0 && sxx > 1e-9 && syy > 1e-9)
            .then(|| (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
    }
}

/// The reliability of one set of items (a stage or a dimension).
#[derive(Debug, Clone, PartialEq)]
pub struct SetReliability {
    /// Question indices of the set.
    pub items: Vec<usize>,
    /// Cronbach's alpha; `None` with fewer than two items or no variance.
    pub alpha: Option<f64>,
    /// Each item's correlation with the mean of the set's other items.
    pub item_rest: Vec<Option<f64>>,
    /// Respondents who answered every item of the set (the base of the item-rest figures).
    pub complete: usize,
}

#[derive(Debug, Clone)]
struct SetSums {
    items: Vec<usize>,
    /// `pairs[a * k + b]` for items a and b of the set (a == b gives the variance).
    pairs: Vec<PairSums>,
    rest: Vec<CorrelationSums>,
    complete: usize,
}

impl SetSums {
    fn new(items: Vec<usize>) -> Self {
        if items.len() > MAX_SET_ITEMS {
            // Not measured: every respondent would cost k * k sums.
            return Self {
                items,
                pairs: Vec::new(),
                rest: Vec::new(),
                complete: 0,
            };
        }
        let k = items.len();
        Self {
            items,
            pairs: vec![PairSums::default(); k * k],
            rest: vec![CorrelationSums::default(); k],
            complete: 0,
        }
    }

    fn add(&mut self, scores: &[Option<f64>]) {
        if self.pairs.is_empty() {
            return;
        }
        let k = self.items.len();
        let mut all = true;
        for a in 0..k {
            let Some(x) = scores.get(self.items[a]).copied().flatten() else {
                all = false;
                continue;
            };
            for b in 0..k {
                if let Some(y) = scores.get(self.items[b]).copied().flatten() {
                    self.pairs[a * k + b].add(x, y);
                }
            }
        }
        if all && k >= 2 {
            self.complete += 1;
            #[allow(clippy::cast_precision_loss)]
            let others = (k - 1) as f64;
            let total: f64 = self
                .items
                .iter()
                .filter_map(|&i| scores.get(i).copied().flatten())
                .sum();
            for a in 0..k {
                let x = scores[self.items[a]].unwrap_or(0.0);
                self.rest[a].add(x, (total - x) / others);
            }
        }
    }

    fn finish(self) -> SetReliability {
        let k = self.items.len();
        if self.pairs.is_empty() {
            return SetReliability {
                alpha: None,
                item_rest: vec![None; k],
                complete: 0,
                items: self.items,
            };
        }
        let alpha = (k >= 2)
            .then(|| {
                let variances: Option<f64> =
                    (0..k).map(|a| self.pairs[a * k + a].covariance()).sum();
                let total: Option<f64> = self.pairs.iter().map(PairSums::covariance).sum();
                let (v, t) = (variances?, total?);
                #[allow(clippy::cast_precision_loss)]
                let k = k as f64;
                (t > 1e-9).then(|| k / (k - 1.0) * (1.0 - v / t))
            })
            .flatten();
        let item_rest = if k >= 2 {
            self.rest.iter().map(CorrelationSums::correlation).collect()
        } else {
            vec![None; k]
        };
        SetReliability {
            items: self.items,
            alpha,
            item_rest,
            complete: self.complete,
        }
    }
}

/// Reliability of every stage and every dimension of a questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Reliability {
    pub stages: Vec<SetReliability>,
    pub dimensions: Vec<SetReliability>,
}

/// Folds respondents' item scores into the sums that reliability needs.
#[derive(Debug, Clone)]
pub struct ReliabilityAccumulator {
    stages: Vec<SetSums>,
    dimensions: Vec<SetSums>,
}

impl ReliabilityAccumulator {
    /// Sets of items: one per stage, one per dimension (question indices).
    pub fn new(stages: Vec<Vec<usize>>, dimensions: Vec<Vec<usize>>) -> Self {
        Self {
            stages: stages.into_iter().map(SetSums::new).collect(),
            dimensions: dimensions.into_iter().map(SetSums::new).collect(),
        }
    }

    /// Adds one respondent's item scores (reverse-corrected, `None` when not answered).
    pub fn add(&mut self, scores: &[Option<f64>]) {
        for set in self.stages.iter_mut().chain(&mut self.dimensions) {
            set.add(scores);
        }
    }

    pub fn finish(self) -> Reliability {
        Reliability {
            stages: self.stages.into_iter().map(SetSums::finish).collect(),
            dimensions: self.dimensions.into_iter().map(SetSums::finish).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_answers_have_no_variance_however_many_there_are() {
        // A third of the range does not sum exactly in binary: unshifted sums of a million such
        // values leave a rounding residue that read as a variance, and as an alpha of 1.
        let x = 100.0 / 3.0;
        let mut sums = SetSums::new(vec![0, 1, 2]);
        for _ in 0..1_000_000 {
            sums.add(&[Some(x), Some(x * 2.0), Some(x)]);
        }
        let set = sums.finish();
        assert_eq!(set.alpha, None);
        assert_eq!(set.item_rest, vec![None, None, None]);
        assert_eq!(set.complete, 1_000_000);
    }

    #[test]
    fn sets_too_large_to_measure_item_by_item_get_no_figures() {
        let answers = |k: usize, r: usize| -> Vec<Option<f64>> {
            #[allow(clippy::cast_precision_loss)]
            (0..k)
                .map(|i| Some(((i * 7 + r * 13 + r * i + r * r) % 5) as f64 * 25.0))
                .collect()
        };
        for (k, measured) in [(MAX_SET_ITEMS, true), (MAX_SET_ITEMS + 1, false)] {
            let mut sums = SetSums::new((0..k).collect());
            for r in 0..20 {
                sums.add(&answers(k, r));
            }
            let set = sums.finish();
            assert_eq!(set.alpha.is_some(), measured, "{k} items");
            assert_eq!(set.item_rest.len(), k);
        }
    }

    #[test]
    fn shifting_keeps_the_covariance() {
        let mut pair = PairSums::default();
        for (x, y) in [(1.0, 2.0), (2.0, 4.0), (3.0, 7.0)] {
            pair.add(x, y);
        }
        // Hand-computed: means 2 and 13/3; sum of products of deviations 5; over n - 1 = 2.
        assert!((pair.covariance().unwrap_or(f64::NAN) - 2.5).abs() < 1e-12);
    }
}
