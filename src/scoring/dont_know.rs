//! "Don't know" as a finding: how many of the answers to each item, and to each stage, say that
//! the respondent cannot tell whether the practice exists. Such answers have no score (rule 1),
//! but a stage judged by people who do not know is itself something to report: nobody can
//! evidence the practice.
//!
//! The share is taken over the answers that speak about the practice: option values and "don't
//! know". "Not applicable" says the item does not concern the organisation, and a missing answer
//! says nothing, so neither counts.

use super::group::ItemSpread;
use crate::answers::{Answer, Response};
use crate::questionnaire::Questionnaire;

/// "Don't know" answers among the answers that speak about a practice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DontKnowCount {
    pub dont_know: usize,
    /// Option values and "don't know" answers.
    pub asked: usize,
}

impl DontKnowCount {
    /// The share of "don't know", in percent; `None` when nothing was asked.
    pub fn percent(&self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)]
        (self.asked > 0).then(|| self.dont_know as f64 / self.asked as f64 * 100.0)
    }

    fn add(&mut self, other: Self) {
        self.dont_know += other.dont_know;
        self.asked += other.asked;
    }
}

/// The "don't know" answers of one result, per item, per stage and overall.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DontKnow {
    /// Indexed like the questionnaire's questions.
    pub items: Vec<DontKnowCount>,
    /// Indexed like its stages.
    pub stages: Vec<DontKnowCount>,
    pub overall: DontKnowCount,
}

impl DontKnow {
    /// The counts of one respondent's answers.
    pub fn of_response(q: &Questionnaire, response: &Response) -> Self {
        let items = (0..q.questions.len())
            .map(|i| match response.answers.get(i).copied().flatten() {
                Some(Answer::Value(_)) => DontKnowCount {
                    dont_know: 0,
                    asked: 1,
                },
                Some(Answer::DontKnow) => DontKnowCount {
                    dont_know: 1,
                    asked: 1,
                },
                Some(Answer::NotApplicable) | None => DontKnowCount::default(),
            })
            .collect();
        Self::from_items(q, items)
    }

    /// The counts of a group's answers, from the spread of each item.
    pub fn of_group(q: &Questionnaire, spreads: &[ItemSpread]) -> Self {
        let items = spreads
            .iter()
            .map(|s| DontKnowCount {
                dont_know: s.dont_know,
                asked: s.answered + s.dont_know,
            })
            .collect();
        Self::from_items(q, items)
    }

    fn from_items(q: &Questionnaire, items: Vec<DontKnowCount>) -> Self {
        let stages = (0..q.stages.len())
            .map(|s| {
                let mut c = DontKnowCount::default();
                for &i in q.stage_members(s) {
                    c.add(items[i]);
                }
                c
            })
            .collect();
        let mut overall = DontKnowCount::default();
        for c in &items {
            overall.add(*c);
        }
        Self {
            items,
            stages,
            overall,
        }
    }

    /// Whether any answer was "don't know".
    pub fn any(&self) -> bool {
        self.overall.dont_know > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_for_tests as bundled;

    #[test]
    fn not_applicable_and_missing_answers_are_left_out_of_the_share() {
        let q = bundled();
        let mut r = Response::new(&q);
        let stage: Vec<usize> = q.stage_questions(0).collect();
        r.answers[stage[0]] = Some(Answer::DontKnow);
        r.answers[stage[1]] = Some(Answer::Value(4.0));
        r.answers[stage[2]] = Some(Answer::NotApplicable);
        r.answers[stage[3]] = Some(Answer::DontKnow);
        let dk = DontKnow::of_response(&q, &r);
        assert_eq!(
            dk.stages[0],
            DontKnowCount {
                dont_know: 2,
                asked: 3
            }
        );
        assert_eq!(dk.items[stage[2]].percent(), None, "n/a asks nothing");
        assert_eq!(dk.items[stage[0]].percent(), Some(100.0));
        assert_eq!(dk.stages[1].percent(), None, "nothing answered");
        assert!(dk.any());
        assert_eq!(dk.overall.dont_know, 2);
    }
}
