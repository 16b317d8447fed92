//! Rule 7 of DESIGN.md section 4: a group (a workshop, a team, a CSV export) scored as one
//! respondent from the mean of each item's answers, with the spread of those answers.
//!
//! Answers are folded into an accumulator one respondent at a time, so a group of any size
//! takes memory in proportion to the questionnaire, not to the number of respondents.

use super::assessment::{Assessment, ScoreOptions, assess};
use super::consensus::{DEFAULT_CONSENSUS, RoundFigures};
use super::dont_know::DontKnow;
use super::reliability::{Reliability, ReliabilityAccumulator};
use crate::answers::{Answer, Metadata, Response};
use crate::questionnaire::Questionnaire;

/// Running count, mean and sum of squared deviations (Welford), for a stable standard
/// deviation in one pass.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Moments {
    n: usize,
    mean: f64,
    m2: f64,
}

impl Moments {
    fn add(&mut self, x: f64) {
        self.n += 1;
        #[allow(clippy::cast_precision_loss)]
        let n = self.n as f64;
        let delta = x - self.mean;
        self.mean += delta / n;
        self.m2 += delta * (x - self.mean);
    }

    /// Sample standard deviation (n - 1), 0 for a single value.
    fn sd(&self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)]
        match self.n {
            0 => None,
            1 => Some(0.0),
            n => Some((self.m2 / (n - 1) as f64).max(0.0).sqrt()),
        }
    }
}

/// The spread of one item's answers in a group.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemSpread {
    /// Respondents who gave a value (not n/a, not "don't know", not missing).
    pub answered: usize,
    pub not_applicable: usize,
    /// Respondents who answered "don't know".
    pub dont_know: usize,
    /// Mean of the values, in scale points.
    pub mean: Option<f64>,
    /// Sample standard deviation in scale points (n - 1; 0 for a single answer).
    pub sd: Option<f64>,
    /// The room disagrees: the standard deviation is at least a quarter of the scale's range.
    pub discuss: bool,
    /// Notes left on this item, with who left them.
    pub notes: Vec<(String, String)>,
}

/// A group's result: the group scored as one respondent, and how its members spread.
#[derive(Debug, Clone)]
pub struct GroupResult {
    pub respondents: usize,
    /// The group as one respondent: each item's mean answered value.
    pub response: Response,
    pub assessment: Assessment,
    pub items: Vec<ItemSpread>,
    /// `placements[k]` respondents placed at level k (0 is below the first stage).
    pub placements: Vec<usize>,
    /// Items flagged "discuss", most divided first.
    pub discuss: Vec<usize>,
    /// Rule 8, for groups of at least [`MIN_RELIABILITY_GROUP`] respondents.
    pub reliability: Option<Reliability>,
    /// The items asked again in a second (Delphi) round, in questionnaire order: how the
    /// answers spread before and after.
    pub rounds: Vec<ItemRounds>,
    /// The consensus rule of the rounds: the share of answers, in percent, that must lie
    /// within one scale point of the median.
    pub consensus_rule: f64,
    /// How many answers to each item and stage were "don't know".
    pub dont_know: DontKnow,
}

/// One item asked in two rounds.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRounds {
    /// The question's index.
    pub item: usize,
    /// Every respondent's first-round answer.
    pub before: RoundFigures,
    /// Every respondent's last answer: the second round's, else the first's.
    pub after: RoundFigures,
    /// Respondents who answered it in the second round.
    pub second_round_answers: usize,
}

impl ItemRounds {
    /// Whether the room reached consensus after the second round, by `rule`.
    pub fn consensus(&self, rule: f64) -> bool {
        self.after.consensus(rule)
    }
}

/// Option counts of one item in one round: per option (lowest value first), and n/a.
#[derive(Debug, Clone, Default)]
struct Counts {
    options: Vec<usize>,
    not_applicable: usize,
}

impl Counts {
    fn add(&mut self, values: &[f64], answer: Option<Answer>) {
        match answer {
            Some(Answer::Value(v)) => {
                if let Some(k) = values.iter().position(|o| (o - v).abs() < 1e-9) {
                    self.options[k] += 1;
                }
            }
            // Neither is a position on the scale: both stand outside the spread of a round.
            Some(Answer::NotApplicable | Answer::DontKnow) => self.not_applicable += 1,
            None => {}
        }
    }
}

/// The option values of a question's scale, lowest first.
pub fn option_values(q: &Questionnaire, item: usize) -> Vec<f64> {
    let mut values: Vec<f64> = q
        .scale_of(&q.questions[item])
        .options
        .iter()
        .map(|o| o.value)
        .collect();
    values.sort_by(f64::total_cmp);
    values
}

/// The smallest group for which reliability statistics are reported.
pub const MIN_RELIABILITY_GROUP: usize = 10;

/// Folds respondents into a group result.
#[derive(Debug, Clone)]
pub struct GroupAccumulator {
    respondents: usize,
    values: Vec<Moments>,
    not_applicable: Vec<usize>,
    dont_know: Vec<usize>,
    placements: Vec<usize>,
    notes: Vec<Vec<(String, String)>>,
    reliability: ReliabilityAccumulator,
    scores: Vec<Option<f64>>,
    /// Per item: its scale's option values, and the counts of the first and the last round.
    option_values: Vec<Vec<f64>>,
    first_round: Vec<Counts>,
    last_round: Vec<Counts>,
    second_round_answers: Vec<usize>,
    consensus_rule: f64,
}

impl GroupAccumulator {
    pub fn new(q: &Questionnaire) -> Self {
        let n = q.questions.len();
        Self {
            respondents: 0,
            values: vec![Moments::default(); n],
            not_applicable: vec![0; n],
            dont_know: vec![0; n],
            placements: vec![0; q.stages.len() + 1],
            notes: vec![Vec::new(); n],
            reliability: ReliabilityAccumulator::new(
                (0..q.stages.len())
                    .map(|s| q.stage_members(s).to_vec())
                    .collect(),
                (0..q.dimensions.len())
                    .map(|d| q.dimension_members(d).to_vec())
                    .collect(),
            ),
            scores: vec![None; n],
            first_round: (0..n)
                .map(|i| Counts {
                    options: vec![0; q.scale_of(&q.questions[i]).options.len()],
                    not_applicable: 0,
                })
                .collect(),
            last_round: Vec::new(),
            option_values: (0..n).map(|i| option_values(q, i)).collect(),
            second_round_answers: vec![0; n],
            consensus_rule: DEFAULT_CONSENSUS,
        }
        .with_last_round()
    }

    fn with_last_round(mut self) -> Self {
        self.last_round = self.first_round.clone();
        self
    }

    /// Sets the consensus rule of the second round (percent of the answers within one scale
    /// point of the median).
    #[must_use]
    pub fn with_consensus_rule(mut self, percent: f64) -> Self {
        self.consensus_rule = percent;
        self
    }

    /// Adds one respondent, with the result their own answers earn.
    pub fn add(&mut self, response: &Response, individual: &Assessment) {
        let placement = individual.placement;
        self.respondents += 1;
        for (score, item) in self.scores.iter_mut().zip(&individual.items) {
            *score = item.score;
        }
        self.reliability.add(&self.scores);
        for (i, answer) in response.answers.iter().enumerate().take(self.values.len()) {
            match answer {
                Some(Answer::Value(v)) => self.values[i].add(*v),
                Some(Answer::NotApplicable) => self.not_applicable[i] += 1,
                Some(Answer::DontKnow) => self.dont_know[i] += 1,
                None => {}
            }
        }
        for i in 0..self.first_round.len() {
            let values = &self.option_values[i];
            self.first_round[i].add(values, response.round_one(i));
            self.last_round[i].add(values, response.answers.get(i).copied().flatten());
            if response.round_two(i).is_some() {
                self.second_round_answers[i] += 1;
            }
        }
        if let Some(count) = self.placements.get_mut(placement) {
            *count += 1;
        }
        let who = response
            .meta
            .respondent
            .clone()
            .unwrap_or_else(|| format!("respondent {}", self.respondents));
        for (i, note) in response.notes.iter().enumerate().take(self.notes.len()) {
            if let Some(note) = note {
                self.notes[i].push((who.clone(), note.clone()));
            }
        }
    }

    pub fn respondents(&self) -> usize {
        self.respondents
    }

    /// Scores the group by rules 1 to 6 as one respondent whose answers are the item means.
    pub fn finish(
        self,
        q: &Questionnaire,
        metadata: Metadata,
        options: ScoreOptions,
    ) -> GroupResult {
        let mut response = Response::new(q);
        response.meta = metadata;
        response.completed = true;
        let mut items = Vec::with_capacity(q.questions.len());
        for (i, (m, notes)) in self.values.iter().zip(self.notes).enumerate() {
            let range = q.scale_of(&q.questions[i]).range();
            let mean = (m.n > 0).then_some(m.mean);
            let (na, dk) = (self.not_applicable[i], self.dont_know[i]);
            // With no value, the group's answer is what most of its members said instead.
            response.answers[i] = match mean {
                Some(v) => Some(Answer::Value(v)),
                None if na == 0 && dk == 0 => None,
                None if dk > na => Some(Answer::DontKnow),
                None => Some(Answer::NotApplicable),
            };
            let sd = m.sd();
            items.push(ItemSpread {
                answered: m.n,
                not_applicable: na,
                dont_know: dk,
                mean,
                sd,
                discuss: sd.is_some_and(|s| m.n >= 2 && s >= range / 4.0),
                notes,
            });
        }
        let assessment = assess(q, &response, options);
        let mut discuss: Vec<usize> = (0..items.len()).filter(|&i| items[i].discuss).collect();
        discuss.sort_by(|&a, &b| {
            let spread =
                |i: usize| items[i].sd.unwrap_or(0.0) / q.scale_of(&q.questions[i]).range();
            spread(b).total_cmp(&spread(a)).then(a.cmp(&b))
        });
        let reliability =
            (self.respondents >= MIN_RELIABILITY_GROUP).then(|| self.reliability.finish());
        let rounds = (0..items.len())
            .filter(|&i| self.second_round_answers[i] > 0)
            .map(|i| {
                let values = &self.option_values[i];
                let figures =
                    |c: &Counts| RoundFigures::new(values, c.options.clone(), c.not_applicable);
                ItemRounds {
                    item: i,
                    before: figures(&self.first_round[i]),
                    after: figures(&self.last_round[i]),
                    second_round_answers: self.second_round_answers[i],
                }
            })
            .collect();
        let dont_know = DontKnow::of_group(q, &items);
        GroupResult {
            dont_know,
            rounds,
            consensus_rule: self.consensus_rule,
            reliability,
            respondents: self.respondents,
            response,
            assessment,
            items,
            placements: self.placements,
            discuss,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Moments;

    #[test]
    fn sample_standard_deviation_in_one_pass() {
        let mut m = Moments::default();
        assert_eq!(m.sd(), None);
        m.add(4.0);
        assert_eq!(m.sd(), Some(0.0));
        for x in [2.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] {
            m.add(x);
        }
        // 4, 2, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, / 7.
        assert!((m.mean - 5.0).abs() < 1e-12);
        assert!((m.sd().unwrap_or(0.0) - (32.0f64 / 7.0).sqrt()).abs() < 1e-12);
    }
}
