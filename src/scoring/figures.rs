//! The headline figures of rules 1 to 5 (item, stage, dimension and overall scores, placement
//! and index) computed into reusable buffers, for exports of many respondents. They are the same
//! figures [`assess`](super::assess) gives, by the same functions, without the per-respondent
//! allocations of a full assessment.

use super::assessment::{AreaScore, StageStatus, maturity_index, stage_status};
use super::item::item_score;
use crate::answers::Answer;
use crate::questionnaire::Questionnaire;

/// Figures of one respondent; reuse one value for many respondents.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub items: Vec<Option<f64>>,
    pub stages: Vec<Option<f64>>,
    pub dimensions: Vec<Option<f64>>,
    pub overall: Option<f64>,
    pub placement: usize,
    pub index: Option<f64>,
    /// How many answers were "don't know" (they have no item score).
    pub dont_know: usize,
    /// Per stage, per dimension and overall: the sums being gathered.
    sums: Vec<Sum>,
}

/// Figures are equal when what they show is; the working sums do not count.
impl PartialEq for Figures {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.items,
            &self.stages,
            &self.dimensions,
            self.overall,
            self.placement,
            self.index,
            self.dont_know,
        ) == (
            &other.items,
            &other.stages,
            &other.dimensions,
            other.overall,
            other.placement,
            other.index,
            other.dont_know,
        )
    }
}

impl Figures {
    /// Computes the figures of `answers` (indexed like `q`'s questions) into `self`.
    pub fn compute(&mut self, q: &Questionnaire, answers: &[Option<Answer>]) {
        self.items.clear();
        self.items
            .extend(q.questions.iter().enumerate().map(|(i, question)| {
                item_score(
                    q.scale_of(question),
                    question,
                    answers.get(i).copied().flatten(),
                )
            }));
        self.dont_know = answers
            .iter()
            .filter(|a| **a == Some(Answer::DontKnow))
            .count();
        self.compute_from_items(q);
    }

    /// Computes every figure but the item scores and the "don't know" count from `self.items`,
    /// already filled with the item scores (rule 1) of one respondent, indexed like `q`'s
    /// questions.
    ///
    /// One pass over the items feeds every stage, dimension and the overall score at once. Each
    /// area still sums its items in question order, as a full assessment does,
    /// so the figures are the same to the last bit.
    pub fn compute_from_items(&mut self, q: &Questionnaire) {
        self.items.resize(q.questions.len(), None);
        let (n_stages, n_dims) = (q.stages.len(), q.dimensions.len());
        let sums = &mut self.sums;
        sums.clear();
        sums.resize(n_stages + n_dims + 1, Sum::default());
        let floor = q.scoring.item_floor;
        for (question, score) in q.questions.iter().zip(&self.items) {
            let Some(s) = *score else { continue };
            let w = question.weight;
            if let Some(st) = question.stage {
                sums[st].add(s, w);
                sums[st].below_floor |= s < floor;
            }
            if let Some(d) = question.dimension {
                sums[n_stages + d].add(s, w);
            }
            sums[n_stages + n_dims].add(s, w);
        }
        self.stages.clear();
        self.placement = 0;
        let mut counting = true;
        let mut next = None;
        for (st, sum) in sums[..n_stages].iter().enumerate() {
            let area = sum.area(q.stage_members(st).len());
            let reached = stage_status(q, st, &area, sum.below_floor) == StageStatus::Reached;
            if counting && reached {
                self.placement += 1;
            } else if counting {
                counting = false;
                next = Some((area.score, q.stages[st].threshold));
            }
            self.stages.push(area.score);
        }
        self.index = (n_stages > 0)
            .then(|| maturity_index(self.placement, next))
            .flatten();
        self.dimensions.clear();
        self.dimensions.extend(
            sums[n_stages..n_stages + n_dims]
                .iter()
                .enumerate()
                .map(|(d, sum)| sum.area(q.dimension_members(d).len()).score),
        );
        self.overall = sums[n_stages + n_dims].area(q.questions.len()).score;
    }
}

/// Running weighted sum of one area's answered items.
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    sum: f64,
    weights: f64,
    answered: usize,
    below_floor: bool,
}

impl Sum {
    fn add(&mut self, score: f64, weight: f64) {
        self.sum += score * weight;
        self.weights += weight;
        self.answered += 1;
    }

    fn area(&self, total: usize) -> AreaScore {
        AreaScore {
            score: (self.weights > 0.0).then(|| self.sum / self.weights),
            answered: self.answered,
            total,
        }
    }
}
