//! Teams over time: two or more results of one questionnaire in order (periods), each reduced to
//! a [`Snapshot`], with what changed since the previous and the first period, the items that
//! moved most over the whole span, and for groups whether each change is more than noise.
//!
//! Periods on different versions of the questionnaire are compared on what they share, as
//! [`compare`] does: stages, dimensions and items are matched by id.

use crate::comparison::{Comparison, Snapshot, compare};
use crate::noise::{Noise, Sample, noise};

/// One period: its label, what its result says, its date when known, and its respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub label: String,
    pub snapshot: Snapshot,
    /// YYYY-MM-DD: the latest `date` of its answer files, or of its saved result.
    pub date: Option<String>,
    /// `None` for a saved result, whose respondents are not known.
    pub sample: Option<Sample>,
}

/// One figure across the periods.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub id: String,
    pub name: String,
    pub values: Vec<Option<f64>>,
    /// The threshold of a stage (of the last period that gives one).
    pub threshold: Option<f64>,
}

impl Series {
    /// The change from period `from` to period `to`, when both have the figure.
    pub fn change(&self, from: usize, to: usize) -> Option<f64> {
        Some(self.values.get(to).copied()?? - self.values.get(from).copied()??)
    }
}

/// The periods and what moved between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub periods: Vec<Period>,
    /// The first period against the last: item moves over the whole span, items not shared.
    pub span: Comparison,
    /// For each period after the first, the noise of the change since the previous one (when
    /// both are groups with known respondents).
    pub steps: Vec<Option<Noise>>,
    /// The noise of the change from the first period to the last.
    pub whole: Option<Noise>,
    /// With `--plan`: the plan set against the periods (set by the caller that read it).
    pub plan: Option<crate::plan::Status>,
}

/// The trend of `periods`, in order. Refused with fewer than two periods, or when they answer
/// different questionnaires.
pub fn trend(periods: Vec<Period>) -> Result<Trend, String> {
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
        return Err("a trend needs two periods or more".to_owned());
    };
    if periods.len() < 2 {
        return Err("a trend needs two periods or more".to_owned());
    }
    for p in &periods[1..] {
        if p.snapshot.questionnaire != first.snapshot.questionnaire {
            return Err(format!(
                "{} answers questionnaire `{}` and {} answers `{}`: a trend follows one questionnaire",
                first.label, first.snapshot.questionnaire, p.label, p.snapshot.questionnaire
            ));
        }
    }
    let span = compare(first.snapshot.clone(), last.snapshot.clone())?;
    let pair = |a: &Period, b: &Period| -> Option<Noise> {
        let (sa, sb) = (a.sample.as_ref()?, b.sample.as_ref()?);
        // A change is "real or noise" only between groups.
        (sa.respondents > 1 || sb.respondents > 1)
            .then(|| noise((&a.snapshot, sa), (&b.snapshot, sb)))
    };
    let steps = periods.windows(2).map(|w| pair(&w[0], &w[1])).collect();
    let whole = pair(first, last);
    Ok(Trend {
        span,
        steps,
        whole,
        periods,
        plan: None,
    })
}

impl Trend {
    /// The maturity index of each period.
    pub fn index(&self) -> Series {
        Series {
            id: "index".to_owned(),
            name: "index".to_owned(),
            values: self.periods.iter().map(|p| p.snapshot.index).collect(),
            threshold: None,
        }
    }

    /// The overall score of each period.
    pub fn overall(&self) -> Series {
        Series {
            id: "overall".to_owned(),
            name: "overall".to_owned(),
            values: self.periods.iter().map(|p| p.snapshot.overall).collect(),
            threshold: None,
        }
    }

    /// Each stage across the periods, in the order the periods name them (the last period's
    /// name).
    pub fn stages(&self) -> Vec<Series> {
        self.series(|s| &s.stages)
    }

    /// Each dimension across the periods.
    pub fn dimensions(&self) -> Vec<Series> {
        self.series(|s| &s.dimensions)
    }

    fn series(&self, of: impl Fn(&Snapshot) -> &Vec<crate::comparison::Measure>) -> Vec<Series> {
        let mut out: Vec<Series> = Vec::new();
        for (k, p) in self.periods.iter().enumerate() {
            for m in of(&p.snapshot) {
                let at = match out.iter().position(|s| s.id == m.id) {
                    Some(at) => at,
                    None => {
                        out.push(Series {
                            id: m.id.clone(),
                            name: m.name.clone(),
                            values: vec![None; self.periods.len()],
                            threshold: None,
                        });
                        out.len() - 1
                    }
                };
                let s = &mut out[at];
                s.values[k] = m.score;
                s.name.clone_from(&m.name);
                if m.threshold.is_some() {
                    s.threshold = m.threshold;
                }
            }
        }
        out
    }

    /// The number of respondents of each period, when known.
    pub fn respondents(&self) -> Vec<Option<usize>> {
        self.periods
            .iter()
            .map(|p| p.sample.as_ref().map(|s| s.respondents))
            .collect()
    }
}
