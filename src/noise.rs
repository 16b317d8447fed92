//! Whether a change between two groups is real or noise: how many respondents each side had,
//! how many answered on both (matched by respondent id), and the bootstrap interval of the
//! change in the maturity index and in each stage score ([`crate::scoring::bootstrap`]).
//!
//! A change whose 95% interval holds zero is "within noise": the same people answering again
//! the same way, or a few different people answering, could have moved it as much.

use std::collections::HashSet;

use crate::comparison::Snapshot;
use crate::scoring::bootstrap::{Interval, Replicates, change_interval};

/// What is known of the respondents of one side.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub respondents: usize,
    /// The respondent ids given (anonymous respondents have none and match no one).
    pub ids: Vec<String>,
    /// The bootstrap draws of the side, for a group of two or more respondents.
    pub replicates: Option<Replicates>,
    /// The name of each placement level (0 below the first stage), in the report's language.
    pub levels: Vec<String>,
}

impl Sample {
    /// How often each placement occurs among the draws, most frequent first: (level, name,
    /// share from 0 to 1). Empty without draws.
    pub fn placement_shares(&self) -> Vec<(usize, String, f64)> {
        let Some(r) = &self.replicates else {
            return Vec::new();
        };
        let total = r.resamples().max(1);
        let mut shares: Vec<(usize, String, f64)> = r
            .placements
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(level, c)| {
                #[allow(clippy::cast_precision_loss)]
                let share = *c as f64 / total as f64;
                (
                    level,
                    self.levels.get(level).cloned().unwrap_or_default(),
                    share,
                )
            })
            .collect();
        shares.sort_by(|a, b| b.2.total_cmp(&a.2).then(b.0.cmp(&a.0)));
        shares
    }
}

/// The respondent ids found on both sides.
pub fn matched(before: &[String], after: &[String]) -> usize {
    let before: HashSet<&str> = before.iter().map(|s| s.trim()).collect();
    let after: HashSet<&str> = after.iter().map(|s| s.trim()).collect();
    before.intersection(&after).count()
}

/// What a change amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The whole interval lies above zero.
    Improvement,
    /// The whole interval lies below zero.
    Decline,
    /// The interval holds zero.
    WithinNoise,
}

/// One change and its interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub id: String,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub interval: Option<Interval>,
}

impl Estimate {
    /// After minus before, when both have a figure.
    pub fn change(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }

    /// `None` without an interval.
    pub fn verdict(&self) -> Option<Verdict> {
        let i = self.interval?;
        Some(if i.holds_zero() {
            Verdict::WithinNoise
        } else if i.low > 0.0 {
            Verdict::Improvement
        } else {
            Verdict::Decline
        })
    }
}

/// Respondents on each side and on both, and the change in the index and each stage with its
/// interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Noise {
    pub before: usize,
    pub after: usize,
    pub both: usize,
    /// The draws of each side; 0 when one side is a single respondent (no interval then).
    pub resamples: usize,
    pub index: Option<Estimate>,
    pub stages: Vec<Estimate>,
    /// How often each placement occurs among each side's draws (see
    /// [`Sample::placement_shares`]): before, after.
    pub placements: [Vec<(usize, String, f64)>; 2],
}

/// The noise of the change from `before` to `after`. Stages are matched by id; a stage one side
/// lacks has no interval.
pub fn noise(before: (&Snapshot, &Sample), after: (&Snapshot, &Sample)) -> Noise {
    let ((bs, b), (as_, a)) = (before, after);
    let draws = b.replicates.as_ref().zip(a.replicates.as_ref());
    let index = as_.index.map(|_| Estimate {
        id: "index".to_owned(),
        name: "index".to_owned(),
        before: bs.index,
        after: as_.index,
        interval: draws.and_then(|(rb, ra)| change_interval(&rb.index, &ra.index)),
    });
    let stages = as_
        .stages
        .iter()
        .enumerate()
        .map(|(k, stage)| {
            let before = bs.stages.iter().position(|s| s.id == stage.id);
            let interval = draws
                .zip(before)
                .and_then(|((rb, ra), j)| change_interval(rb.stages.get(j)?, ra.stages.get(k)?));
            Estimate {
                id: stage.id.clone(),
                name: stage.name.clone(),
                before: before.and_then(|j| bs.stages[j].score),
                after: stage.score,
                interval,
            }
        })
        .collect();
    Noise {
        before: b.respondents,
        after: a.respondents,
        both: matched(&b.ids, &a.ids),
        resamples: draws.map_or(0, |(rb, ra)| rb.resamples().min(ra.resamples())),
        index,
        stages,
        placements: [b.placement_shares(), a.placement_shares()],
    }
}
