//! Rules 2 to 6 of DESIGN.md section 4: stage, dimension and overall scores, whether each stage
//! is reached, the placement, the maturity index and the recommendations.

use super::item::item_score;
use crate::answers::{Answer, Response};
use crate::questionnaire::Questionnaire;

/// Settings of a scoring run that are not part of the questionnaire.
#[derive(Debug, Clone, Copy)]
pub struct ScoreOptions {
    /// How many item recommendations at most (rule 6).
    pub max_recommendations: usize,
}

impl Default for ScoreOptions {
    fn default() -> Self {
        Self {
            max_recommendations: 5,
        }
    }
}

/// One item's answer and score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemResult {
    pub answer: Option<Answer>,
    pub score: Option<f64>,
}

/// The score of a set of items, with how many of them were answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaScore {
    pub score: Option<f64>,
    pub answered: usize,
    pub total: usize,
}

/// Rule 3, for one stage judged on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageStatus {
    Reached,
    NotReached,
    /// Fewer than `min_answered` of its items were answered.
    InsufficientEvidence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StageResult {
    pub area: AreaScore,
    pub threshold: f64,
    pub status: StageStatus,
    /// Answered items strictly below the item floor (question indices).
    pub below_floor: Vec<usize>,
}

impl StageResult {
    pub fn below_threshold(&self) -> bool {
        self.area.score.is_none_or(|s| s < self.threshold)
    }
}

/// Rule 6: what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendations {
    /// The stage above the placement, whose `next_step` comes first.
    pub next_stage: Option<usize>,
    /// Items holding the organisation back, in the order to address them.
    pub items: Vec<usize>,
    /// The placement stage, whose `customer_view` is shown.
    pub customer_view: Option<usize>,
}

/// Everything section 4 says about one respondent (or one group scored as a respondent).
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub items: Vec<ItemResult>,
    pub stages: Vec<StageResult>,
    pub dimensions: Vec<AreaScore>,
    pub overall: AreaScore,
    /// Rule 4: how many stages are reached in a row from the first; 0 is below the first stage.
    pub placement: usize,
    /// Rule 5; `None` for a questionnaire without stages.
    pub index: Option<f64>,
    /// Stages above the first failing one that pass on their own (an uneven foundation).
    pub uneven: Vec<usize>,
    pub recommendations: Recommendations,
}

/// Scores `response` to `q` by rules 1 to 6.
///
/// ```
/// use centricity::answers::{Answer, Response};
/// use centricity::questionnaire::{Bundled, DEFAULT_ID};
/// use centricity::scoring::{ScoreOptions, assess};
///
/// let q = Bundled::find(DEFAULT_ID).unwrap().load().unwrap();
/// let mut r = Response::new(&q);
/// // "Agree" to every customer-focused statement, nothing else answered.
/// for i in q.stage_questions(0).collect::<Vec<_>>() {
///     r.answers[i] = Some(Answer::Value(4.0));
/// }
/// let a = assess(&q, &r, ScoreOptions::default());
/// assert_eq!(a.placement, 1);
/// assert_eq!(a.stages[0].area.score, Some(75.0));
/// // Nothing answered in stage 2 counts as a score of 0 towards the index.
/// assert_eq!(a.index, Some(1.0));
/// ```
pub fn assess(q: &Questionnaire, response: &Response, options: ScoreOptions) -> Assessment {
    let items: Vec<ItemResult> = q
        .questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let answer = response.answers.get(i).copied().flatten();
            ItemResult {
                answer,
                score: item_score(q.scale_of(question), question, answer),
            }
        })
        .collect();
    let scores: Vec<Option<f64>> = items.iter().map(|i| i.score).collect();

    let stages: Vec<StageResult> = (0..q.stages.len())
        .map(|s| {
            let area = area_score(q, q.stage_members(s), &scores);
            let below_floor: Vec<usize> = q
                .stage_questions(s)
                .filter(|&i| scores[i].is_some_and(|x| x < q.scoring.item_floor))
                .collect();
            let status = stage_status(q, s, &area, !below_floor.is_empty());
            StageResult {
                area,
                threshold: q.stages[s].threshold,
                status,
                below_floor,
            }
        })
        .collect();
    let dimensions = (0..q.dimensions.len())
        .map(|d| area_score(q, q.dimension_members(d), &scores))
        .collect();
    let overall = area_score(q, q.all_members(), &scores);

    let placement = stages
        .iter()
        .take_while(|s| s.status == StageStatus::Reached)
        .count();
    let index = (!stages.is_empty())
        .then(|| {
            maturity_index(
                placement,
                stages.get(placement).map(|s| (s.area.score, s.threshold)),
            )
        })
        .flatten();
    let uneven = (placement + 1..stages.len())
        .filter(|&s| stages[s].status == StageStatus::Reached)
        .collect();
    let recommendations = recommend(q, &items, &stages, placement, options);

    Assessment {
        items,
        stages,
        dimensions,
        overall,
        placement,
        index,
        uneven,
        recommendations,
    }
}

/// Rule 2 over `members`, given every item's score.
pub(super) fn area_score(
    q: &Questionnaire,
    members: &[usize],
    scores: &[Option<f64>],
) -> AreaScore {
    // One pass, summing in member order exactly as `weighted_mean` does.
    let (mut sum, mut weights, mut answered) = (0.0, 0.0, 0);
    for &i in members {
        if let Some(s) = scores[i] {
            let w = q.questions[i].weight;
            sum += s * w;
            weights += w;
            answered += 1;
        }
    }
    AreaScore {
        score: (weights > 0.0).then(|| sum / weights),
        answered,
        total: members.len(),
    }
}
/// Rule 3 for stage `s`, whose items score `area` and have an answered item below the floor
/// when `below_floor`.
pub(super) fn stage_status(
    q: &Questionnaire,
    s: usize,
    area: &AreaScore,
    below_floor: bool,
) -> StageStatus {
    #[allow(clippy::cast_precision_loss)]
    let share = if area.total == 0 {
        0.0
    } else {
        area.answered as f64 / area.total as f64
    };
    if share < q.scoring.min_answered {
        StageStatus::InsufficientEvidence
    } else if area.score.is_some_and(|x| x >= q.stages[s].threshold) && !below_floor {
        StageStatus::Reached
    } else {
        StageStatus::NotReached
    }
}

/// Rule 5: `k + min(s / t, 0.99)` from the score and threshold of the stage above the
/// placement (`None` when every stage is reached, giving exactly N). A threshold of 0 counts as
/// fully met when the score is above 0 (the limit of `s / t` as `t` falls to 0); with a score of
/// 0 too, `0 / 0` has no value and neither has the index.
pub(super) fn maturity_index(placement: usize, next: Option<(Option<f64>, f64)>) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    let k = placement as f64;
    match next {
        None => Some(k),
        Some((score, threshold)) => {
            let s = score.unwrap_or(0.0);
            let ratio = if threshold > 0.0 {
                s / threshold
            } else if s > 0.0 {
                0.99
            } else {
                return None;
            };
            Some(k + ratio.min(0.99))
        }
    }
}

/// Rule 6: items below their stage's threshold among stages 1..k+1, lower stages first, then by
/// `weight * (100 - score)`, largest first; questionnaire order breaks ties.
fn recommend(
    q: &Questionnaire,
    items: &[ItemResult],
    stages: &[StageResult],
    placement: usize,
    options: ScoreOptions,
) -> Recommendations {
    if options.max_recommendations == 0 {
        return Recommendations {
            next_stage: (placement < stages.len()).then_some(placement),
            items: Vec::new(),
            customer_view: placement.checked_sub(1),
        };
    }
    let priority = |i: usize| q.questions[i].weight * (100.0 - items[i].score.unwrap_or(100.0));
    let mut candidates: Vec<(usize, usize)> = q
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, question)| {
            let score = items[i].score?;
            match question.stage {
                Some(s) if s <= placement => (score < stages[s].threshold).then_some((s, i)),
                Some(_) => None,
                None if stages.is_empty() => (score < q.scoring.stage_threshold).then_some((0, i)),
                None => None,
            }
        })
        .collect();
    candidates.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(priority(b.1).total_cmp(&priority(a.1)))
            .then(a.1.cmp(&b.1))
    });
    Recommendations {
        next_stage: (placement < stages.len()).then_some(placement),
        items: candidates
            .into_iter()
            .take(options.max_recommendations)
            .map(|(_, i)| i)
            .collect(),
        customer_view: placement.checked_sub(1),
    }
}

#[cfg(test)]
mod tests {
    use super::maturity_index;

    #[test]
    fn the_index_is_undefined_where_its_ratio_is_zero_over_zero() {
        assert_eq!(maturity_index(2, None), Some(2.0));
        assert_eq!(maturity_index(1, Some((Some(31.25), 62.5))), Some(1.5));
        assert_eq!(maturity_index(1, Some((None, 62.5))), Some(1.0));
        // A threshold of 0 is met by any score above 0...
        assert_eq!(maturity_index(1, Some((Some(10.0), 0.0))), Some(1.99));
        // ...but a stage with no score against a threshold of 0 is 0 / 0.
        assert_eq!(maturity_index(1, Some((None, 0.0))), None);
        assert_eq!(maturity_index(1, Some((Some(0.0), 0.0))), None);
    }
}
