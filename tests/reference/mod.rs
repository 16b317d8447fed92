//! A second, independent implementation of the scoring rule (DESIGN section 4, rules 1-8), used
//! only by the tests to cross-check the figures the binary prints.
//!
//! It is written from the rule's wording, not from the crate's code, and is kept deliberately
//! plain: loops and sums over vectors, no streaming, no shared helpers with the crate. It reads
//! the questionnaire TOML itself into its own small structs, so a misreading of the format in the
//! crate's loader would show up as a disagreement too.

use std::path::Path;

/// One answer as a respondent gave it, before any scoring.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Answer {
    Value(f64),
    NotApplicable,
    Missing,
}

impl Answer {
    /// The option value when the answer has one; n/a and missing answers carry none.
    pub(crate) fn value(self) -> Option<f64> {
        match self {
            Answer::Value(v) => Some(v),
            Answer::NotApplicable | Answer::Missing => None,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Stage {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) threshold: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct Dimension {
    pub(crate) id: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Question {
    pub(crate) id: String,
    pub(crate) stage: Option<usize>,
    pub(crate) dimension: Option<usize>,
    pub(crate) weight: f64,
    pub(crate) reverse: bool,
    /// The scale's option values and labels, in the order the scale lists them.
    pub(crate) options: Vec<(f64, String)>,
    pub(crate) not_applicable: Option<String>,
}

impl Question {
    pub(crate) fn min(&self) -> f64 {
        self.options
            .iter()
            .map(|o| o.0)
            .fold(f64::INFINITY, f64::min)
    }

    pub(crate) fn max(&self) -> f64 {
        self.options
            .iter()
            .map(|o| o.0)
            .fold(f64::NEG_INFINITY, f64::max)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Questionnaire {
    pub(crate) id: String,
    pub(crate) item_floor: f64,
    pub(crate) min_answered: f64,
    pub(crate) below_first_stage: String,
    pub(crate) stages: Vec<Stage>,
    pub(crate) dimensions: Vec<Dimension>,
    pub(crate) questions: Vec<Question>,
}

/// A text field is a string or a table of language -> string; the first language is the
/// fallback, and the bundled files list English first.
fn text(value: Option<&toml::Value>, languages: &[String]) -> String {
    match value {
        Some(toml::Value::String(s)) => s.clone(),
        Some(toml::Value::Table(t)) => languages
            .iter()
            .find_map(|l| t.get(l).and_then(toml::Value::as_str))
            .or_else(|| t.values().next().and_then(toml::Value::as_str))
            .unwrap_or_default()
            .to_owned(),
        _ => String::new(),
    }
}

/// TOML writes `1` and `1.0` differently; both are numbers to the rule.
fn number(value: Option<&toml::Value>) -> Option<f64> {
    match value? {
        toml::Value::Integer(i) => Some(*i as f64),
        toml::Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn array<'a>(root: &'a toml::Value, key: &str) -> &'a [toml::Value] {
    root.get(key)
        .and_then(toml::Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn string(value: &toml::Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(toml::Value::as_str)
        .map(str::to_owned)
}

impl Questionnaire {
    /// Reads a questionnaire file the tests know to be valid; the defaults are those DESIGN
    /// section 2 gives for an absent `[scoring]` key.
    pub(crate) fn load(path: &Path) -> Questionnaire {
        let source = std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("read {}: {e}", path.display());
        });
        let root: toml::Value = toml::from_str(&source).unwrap_or_else(|e| {
            panic!("parse {}: {e}", path.display());
        });
        let header = &root["questionnaire"];
        let mut languages: Vec<String> = header
            .get("languages")
            .and_then(toml::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|l| l.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        languages.push("en".to_owned());
        let empty = toml::Value::Table(toml::map::Map::new());
        let scoring = root.get("scoring").unwrap_or(&empty);
        let default_threshold = number(scoring.get("stage_threshold")).unwrap_or(62.5);
        let below_first_stage = match scoring.get("below_first_stage") {
            None => "Company-centric".to_owned(),
            v => text(v, &languages),
        };

        let stages: Vec<Stage> = array(&root, "stages")
            .iter()
            .map(|s| Stage {
                id: string(s, "id").expect("stage id"),
                name: text(s.get("name"), &languages),
                threshold: number(s.get("threshold")).unwrap_or(default_threshold),
            })
            .collect();
        let dimensions: Vec<Dimension> = array(&root, "dimensions")
            .iter()
            .map(|d| Dimension {
                id: string(d, "id").expect("dimension id"),
            })
            .collect();
        let scales = root["scales"].as_table().expect("scales");
        let questions = array(&root, "questions")
            .iter()
            .map(|q| {
                let scale_name = string(q, "scale").unwrap_or_else(|| {
                    assert_eq!(
                        scales.len(),
                        1,
                        "a question without a scale needs one scale"
                    );
                    scales.keys().next().expect("a scale").clone()
                });
                let scale = &scales[&scale_name];
                let options = array(scale, "options")
                    .iter()
                    .map(|o| {
                        (
                            number(o.get("value")).expect("option value"),
                            text(o.get("label"), &languages),
                        )
                    })
                    .collect();
                let position = |key: &str, ids: Vec<&String>| {
                    string(q, key).map(|id| {
                        ids.iter()
                            .position(|s| **s == id)
                            .unwrap_or_else(|| panic!("unknown {key} {id}"))
                    })
                };
                Question {
                    id: string(q, "id").expect("question id"),
                    stage: position("stage", stages.iter().map(|s| &s.id).collect()),
                    dimension: position("dimension", dimensions.iter().map(|d| &d.id).collect()),
                    weight: number(q.get("weight")).unwrap_or(1.0),
                    reverse: q
                        .get("reverse")
                        .and_then(toml::Value::as_bool)
                        .unwrap_or(false),
                    options,
                    not_applicable: scale
                        .get("not_applicable")
                        .map(|v| text(Some(v), &languages)),
                }
            })
            .collect();
        Questionnaire {
            id: string(header, "id").expect("questionnaire id"),
            item_floor: number(scoring.get("item_floor")).unwrap_or(25.0),
            min_answered: number(scoring.get("min_answered")).unwrap_or(0.5),
            below_first_stage,
            stages,
            dimensions,
            questions,
        }
    }

    /// The name shown for a placement: the stage's name, or `below_first_stage` for 0.
    pub(crate) fn placement_name(&self, placement: usize) -> &str {
        if placement == 0 {
            &self.below_first_stage
        } else {
            &self.stages[placement - 1].name
        }
    }
}

/// Rule 1: the item score in percent of the scale's range, turned round for reverse items.
pub(crate) fn item_score(q: &Question, value: f64) -> f64 {
    let percent = (value - q.min()) / (q.max() - q.min()) * 100.0;
    if q.reverse { 100.0 - percent } else { percent }
}

/// Rule 2: the weighted mean of the answered items among `members`; none when none is answered.
fn weighted_mean(q: &Questionnaire, scores: &[Option<f64>], members: &[usize]) -> Option<f64> {
    let mut sum = 0.0;
    let mut weights = 0.0;
    for &i in members {
        if let Some(s) = scores[i] {
            sum += q.questions[i].weight * s;
            weights += q.questions[i].weight;
        }
    }
    if weights > 0.0 {
        Some(sum / weights)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Reached,
    NotReached,
    InsufficientEvidence,
}

impl Status {
    /// The name the JSON output uses for the status.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Reached => "reached",
            Status::NotReached => "not_reached",
            Status::InsufficientEvidence => "insufficient_evidence",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct StageOutcome {
    pub(crate) score: Option<f64>,
    pub(crate) answered: usize,
    pub(crate) total: usize,
    pub(crate) status: Status,
    /// Answered items strictly below `item_floor`.
    pub(crate) below_floor: Vec<String>,
    /// Reached, and so are all the stages below it.
    pub(crate) counts: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Recommendation {
    pub(crate) id: String,
    pub(crate) stage: usize,
    pub(crate) priority: f64,
}

#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub(crate) item_scores: Vec<Option<f64>>,
    pub(crate) stages: Vec<StageOutcome>,
    /// Per dimension: score, answered items, items.
    pub(crate) dimensions: Vec<(Option<f64>, usize, usize)>,
    pub(crate) overall: Option<f64>,
    pub(crate) answered: usize,
    pub(crate) placement: usize,
    pub(crate) index: f64,
    pub(crate) recommendations: Vec<Recommendation>,
}

/// How many items rule 6 lists unless told otherwise.
pub(crate) const TOP_ITEMS: usize = 5;

/// Rules 1-6 for one respondent, whose answered values (option values, or item means for a
/// group) are given per question in questionnaire order.
pub(crate) fn score(q: &Questionnaire, values: &[Option<f64>]) -> Outcome {
    assert_eq!(values.len(), q.questions.len());
    let item_scores: Vec<Option<f64>> = q
        .questions
        .iter()
        .zip(values)
        .map(|(question, v)| v.map(|v| item_score(question, v)))
        .collect();

    let mut stages = Vec::new();
    let mut all_below_reached = true;
    let mut placement = 0;
    for (k, stage) in q.stages.iter().enumerate() {
        let members: Vec<usize> = (0..q.questions.len())
            .filter(|&i| q.questions[i].stage == Some(k))
            .collect();
        let score = weighted_mean(q, &item_scores, &members);
        let answered = members
            .iter()
            .filter(|&&i| item_scores[i].is_some())
            .count();
        let below_floor: Vec<String> = members
            .iter()
            .filter(|&&i| item_scores[i].is_some_and(|s| s < q.item_floor))
            .map(|&i| q.questions[i].id.clone())
            .collect();
        let enough = answered as f64 >= q.min_answered * members.len() as f64;
        let status = if !enough {
            Status::InsufficientEvidence
        } else if score.is_some_and(|s| s >= stage.threshold) && below_floor.is_empty() {
            Status::Reached
        } else {
            Status::NotReached
        };
        // Rule 4: stages are cumulative, a reached stage above a failing one does not count.
        all_below_reached &= status == Status::Reached;
        if all_below_reached {
            placement = k + 1;
        }
        stages.push(StageOutcome {
            score,
            answered,
            total: members.len(),
            status,
            below_floor,
            counts: all_below_reached,
        });
    }

    // Rule 5.
    let index = if placement == q.stages.len() {
        placement as f64
    } else {
        let s = stages[placement].score.unwrap_or(0.0);
        placement as f64 + (s / q.stages[placement].threshold).min(0.99)
    };

    let dimensions = (0..q.dimensions.len())
        .map(|d| {
            let members: Vec<usize> = (0..q.questions.len())
                .filter(|&i| q.questions[i].dimension == Some(d))
                .collect();
            let answered = members
                .iter()
                .filter(|&&i| item_scores[i].is_some())
                .count();
            (
                weighted_mean(q, &item_scores, &members),
                answered,
                members.len(),
            )
        })
        .collect();
    let everything: Vec<usize> = (0..q.questions.len()).collect();
    let overall = weighted_mean(q, &item_scores, &everything);
    let answered = item_scores.iter().filter(|s| s.is_some()).count();

    // Rule 6: items of stages 1..k+1 scoring below their stage's threshold.
    let last = (placement + 1).min(q.stages.len());
    let mut recommendations: Vec<Recommendation> = Vec::new();
    for (i, question) in q.questions.iter().enumerate() {
        let (Some(stage), Some(s)) = (question.stage, item_scores[i]) else {
            continue;
        };
        if stage < last && s < q.stages[stage].threshold {
            recommendations.push(Recommendation {
                id: question.id.clone(),
                stage,
                priority: question.weight * (100.0 - s),
            });
        }
    }
    recommendations.sort_by(|a, b| {
        a.stage
            .cmp(&b.stage)
            .then(b.priority.total_cmp(&a.priority))
    });
    recommendations.truncate(TOP_ITEMS);

    Outcome {
        item_scores,
        stages,
        dimensions,
        overall,
        answered,
        placement,
        index,
        recommendations,
    }
}

/// Scores one respondent's answers as given.
pub(crate) fn score_answers(q: &Questionnaire, answers: &[Answer]) -> Outcome {
    let values: Vec<Option<f64>> = answers.iter().map(|a| a.value()).collect();
    score(q, &values)
}

#[derive(Debug, Clone)]
pub(crate) struct ItemStats {
    pub(crate) answered: usize,
    pub(crate) not_applicable: usize,
    pub(crate) mean: Option<f64>,
    /// Sample standard deviation in scale points.
    pub(crate) sd: Option<f64>,
    pub(crate) discuss: bool,
}

/// Sample variance (n - 1); none below two values.
fn sample_variance(xs: &[f64]) -> Option<f64> {
    if xs.len() < 2 {
        return None;
    }
    let mean = xs.iter().sum::<f64>() / xs.len() as f64;
    Some(xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (xs.len() - 1) as f64)
}

/// Sample covariance (n - 1) of paired values; none below two pairs.
fn sample_covariance(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 2 {
        return None;
    }
    let n = pairs.len() as f64;
    let mx = pairs.iter().map(|p| p.0).sum::<f64>() / n;
    let my = pairs.iter().map(|p| p.1).sum::<f64>() / n;
    Some(pairs.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>() / (n - 1.0))
}

#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub(crate) respondents: usize,
    pub(crate) result: Outcome,
    pub(crate) items: Vec<ItemStats>,
    /// Respondents per placement, 0 to the number of stages.
    pub(crate) placements: Vec<usize>,
    pub(crate) reliability: Option<Reliability>,
}

/// Rule 7 (and rule 8 from ten respondents up): the group as one respondent whose answer to each
/// item is the mean of the values given.
pub(crate) fn group(q: &Questionnaire, rows: &[Vec<Answer>]) -> Group {
    let mut means = Vec::new();
    let mut items = Vec::new();
    for (i, question) in q.questions.iter().enumerate() {
        let given: Vec<f64> = rows.iter().filter_map(|r| r[i].value()).collect();
        let mean = if given.is_empty() {
            None
        } else {
            Some(given.iter().sum::<f64>() / given.len() as f64)
        };
        let sd = match given.len() {
            0 => None,
            1 => Some(0.0),
            _ => sample_variance(&given).map(f64::sqrt),
        };
        let range = question.max() - question.min();
        items.push(ItemStats {
            answered: given.len(),
            not_applicable: rows
                .iter()
                .filter(|r| r[i] == Answer::NotApplicable)
                .count(),
            mean,
            sd,
            discuss: sd.is_some_and(|sd| sd >= range / 4.0),
        });
        means.push(mean);
    }
    let mut placements = vec![0; q.stages.len() + 1];
    for r in rows {
        placements[score_answers(q, r).placement] += 1;
    }
    Group {
        respondents: rows.len(),
        result: score(q, &means),
        items,
        placements,
        reliability: (rows.len() >= 10).then(|| reliability(q, rows)),
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ItemSet {
    pub(crate) id: String,
    pub(crate) alpha: Option<f64>,
    /// Respondents who answered every item of the set; none for a set of one item, which rule 8
    /// has nothing to measure on (no other item to agree with).
    pub(crate) complete: Option<usize>,
    pub(crate) item_rest: Vec<(String, Option<f64>)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Reliability {
    pub(crate) stages: Vec<ItemSet>,
    pub(crate) dimensions: Vec<ItemSet>,
}

/// Rule 8's alpha over item scores given per respondent (rows) and item (columns), each
/// variance and covariance over the respondents who answered both items.
pub(crate) fn cronbach_alpha(scores: &[Vec<Option<f64>>]) -> Option<f64> {
    let k = scores.first()?.len();
    if k < 2 {
        return None;
    }
    let mut variances = 0.0;
    let mut covariances = 0.0;
    for i in 0..k {
        for j in 0..k {
            let pairs: Vec<(f64, f64)> =
                scores.iter().filter_map(|r| Some((r[i]?, r[j]?))).collect();
            let c = sample_covariance(&pairs)?;
            covariances += c;
            if i == j {
                variances += c;
            }
        }
    }
    if covariances == 0.0 {
        return None;
    }
    Some(k as f64 / (k as f64 - 1.0) * (1.0 - variances / covariances))
}

/// Pearson correlation; none below two pairs or when either side does not vary.
pub(crate) fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    let xs: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let ys: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let (vx, vy) = (sample_variance(&xs)?, sample_variance(&ys)?);
    if vx == 0.0 || vy == 0.0 {
        return None;
    }
    Some(sample_covariance(pairs)? / (vx * vy).sqrt())
}

fn item_set(q: &Questionnaire, rows: &[Vec<Answer>], id: &str, members: &[usize]) -> ItemSet {
    let scores: Vec<Vec<Option<f64>>> = rows
        .iter()
        .map(|r| {
            members
                .iter()
                .map(|&i| r[i].value().map(|v| item_score(&q.questions[i], v)))
                .collect()
        })
        .collect();
    let complete: Vec<Vec<f64>> = scores
        .iter()
        .filter_map(|r| r.iter().copied().collect::<Option<Vec<f64>>>())
        .collect();
    if members.len() < 2 {
        return ItemSet {
            id: id.to_owned(),
            alpha: None,
            complete: None,
            item_rest: members
                .iter()
                .map(|&i| (q.questions[i].id.clone(), None))
                .collect(),
        };
    }
    let item_rest = members
        .iter()
        .enumerate()
        .map(|(m, &i)| {
            let pairs: Vec<(f64, f64)> = complete
                .iter()
                .map(|r| {
                    let rest: f64 = r
                        .iter()
                        .enumerate()
                        .filter(|(o, _)| *o != m)
                        .map(|(_, s)| s)
                        .sum();
                    (r[m], rest / (r.len() - 1) as f64)
                })
                .collect();
            (q.questions[i].id.clone(), pearson(&pairs))
        })
        .collect();
    ItemSet {
        id: id.to_owned(),
        alpha: cronbach_alpha(&scores),
        complete: Some(complete.len()),
        item_rest,
    }
}

fn reliability(q: &Questionnaire, rows: &[Vec<Answer>]) -> Reliability {
    let members = |f: &dyn Fn(&Question) -> bool| -> Vec<usize> {
        (0..q.questions.len())
            .filter(|&i| f(&q.questions[i]))
            .collect()
    };
    Reliability {
        stages: (0..q.stages.len())
            .map(|k| item_set(q, rows, &q.stages[k].id, &members(&|x| x.stage == Some(k))))
            .collect(),
        dimensions: (0..q.dimensions.len())
            .map(|d| {
                item_set(
                    q,
                    rows,
                    &q.dimensions[d].id,
                    &members(&|x| x.dimension == Some(d)),
                )
            })
            .collect(),
    }
}
