//! The headline figures of rules 1 to 5 (item, stage, dimension and overall scores, placement
//! and index) computed into reusable buffers, for exports of many respondents. They are the same
//! figures [`assess`](super::assess) gives, by the same functions, without the per-respondent
//! allocations of a full assessment.

use super::assessment::{StageStatus, area_score, maturity_index, stage_status};
use super::item::item_score;
use crate::answers::Answer;
use crate::questionnaire::Questionnaire;

/// Figures of one respondent; reuse one value for many respondents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub items: Vec<Option<f64>>,
    pub stages: Vec<Option<f64>>,
    pub dimensions: Vec<Option<f64>>,
    pub overall: Option<f64>,
    pub placement: usize,
    pub index: Option<f64>,
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
        let scores = &self.items;
        self.stages.clear();
        self.placement = 0;
        let mut counting = true;
        let mut next = None;
        for s in 0..q.stages.len() {
            let members = q.stage_members(s);
            let area = area_score(q, members, scores);
            let below_floor = members
                .iter()
                .any(|&i| scores[i].is_some_and(|x| x < q.scoring.item_floor));
            let reached = stage_status(q, s, &area, below_floor) == StageStatus::Reached;
            if counting && reached {
                self.placement += 1;
            } else if counting {
                counting = false;
                next = Some((area.score, q.stages[s].threshold));
            }
            self.stages.push(area.score);
        }
        self.index = (!q.stages.is_empty()).then(|| maturity_index(self.placement, next));
        self.dimensions.clear();
        self.dimensions.extend(
            (0..q.dimensions.len()).map(|d| area_score(q, q.dimension_members(d), scores).score),
        );
        self.overall = area_score(q, q.all_members(), scores).score;
    }
}
