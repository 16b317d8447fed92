//! The perception gap: what an organisation believes of itself (a self-assessment) set against
//! what its customers experience (an outside-in questionnaire whose questions mirror the
//! self-assessment's). Every score is the group score of rule 7 on its own side; a gap is the
//! internal score minus the customer score, in points, so a positive gap is a blind spot.

use crate::questionnaire::Questionnaire;
use crate::scoring::GroupResult;

/// A gap of at least this many points is a blind spot.
pub const BLIND_SPOT_POINTS: f64 = 10.0;

/// `internal - customer`, when both are scored.
fn difference(internal: Option<f64>, customer: Option<f64>) -> Option<f64> {
    Some(internal? - customer?)
}

/// One side of the gap: who answered and where they place the organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub label: String,
    pub questionnaire: String,
    pub version: String,
    pub respondents: usize,
    /// Level and name; `None` for a questionnaire without stages.
    pub placement: Option<(usize, String)>,
    pub index: Option<f64>,
    pub overall: Option<f64>,
}

impl Side {
    fn of(q: &Questionnaire, g: &GroupResult, label: &str, lang: &str) -> Self {
        let a = &g.assessment;
        Self {
            label: label.to_owned(),
            questionnaire: q.id.clone(),
            version: q.version.clone(),
            respondents: g.respondents,
            placement: (!q.stages.is_empty())
                .then(|| (a.placement, q.placement_name(a.placement, lang).to_owned())),
            index: a.index,
            overall: a.overall.score,
        }
    }
}

/// A stage or a dimension both questionnaires have (by id), scored on each side.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaGap {
    pub id: String,
    pub name: String,
    pub internal: Option<f64>,
    pub customer: Option<f64>,
}

impl AreaGap {
    /// Internal minus customer, in points; `None` when a side has no score.
    pub fn gap(&self) -> Option<f64> {
        difference(self.internal, self.customer)
    }
}

/// A customer statement and the internal items it mirrors.
#[derive(Debug, Clone, PartialEq)]
pub struct MirrorGap {
    /// The customer statement's id and text.
    pub id: String,
    pub text: String,
    /// Its stage and dimension ids, when it has them.
    pub stage: Option<String>,
    pub dimension: Option<String>,
    /// The mirrored internal items: (id, text).
    pub mirrored: Vec<(String, String)>,
    /// The weighted mean of the mirrored items' group scores.
    pub internal: Option<f64>,
    /// The customer statement's group score.
    pub customer: Option<f64>,
    /// What to do when customers do not experience it: the statement's own recommendation, or
    /// else those of the mirrored items.
    pub recommendation: Option<String>,
}

impl MirrorGap {
    /// Internal minus customer, in points; `None` when a side has no score.
    pub fn gap(&self) -> Option<f64> {
        difference(self.internal, self.customer)
    }

    /// Whether the organisation believes this at least [`BLIND_SPOT_POINTS`] more than its
    /// customers experience it.
    pub fn is_blind_spot(&self) -> bool {
        self.gap().is_some_and(|g| g >= BLIND_SPOT_POINTS)
    }
}

/// The whole comparison of the two sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub internal: Side,
    pub customer: Side,
    /// Stages in the internal questionnaire's order.
    pub stages: Vec<AreaGap>,
    pub dimensions: Vec<AreaGap>,
    /// Every mirrored statement, largest gap first (unscored pairs last).
    pub mirrors: Vec<MirrorGap>,
    /// Advice for being seen at the stage above the customers' placement, when customers place
    /// the organisation lower than it places itself.
    pub next_step: Option<(String, String)>,
}

impl Gap {
    /// Sets the group result of a self-assessment against that of its outside-in mirror.
    pub fn new(
        inside: (&Questionnaire, &GroupResult, &str),
        outside: (&Questionnaire, &GroupResult, &str),
        lang: &str,
    ) -> Self {
        let (iq, ig, ilabel) = inside;
        let (oq, og, olabel) = outside;
        let (ia, oa) = (&ig.assessment, &og.assessment);
        let stages = iq
            .stages
            .iter()
            .enumerate()
            .filter_map(|(s, stage)| {
                let o = oq.stages.iter().position(|x| x.id == stage.id)?;
                Some(AreaGap {
                    id: stage.id.clone(),
                    name: iq.tr(&stage.name, lang).to_owned(),
                    internal: ia.stages[s].area.score,
                    customer: oa.stages[o].area.score,
                })
            })
            .collect();
        let dimensions = iq
            .dimensions
            .iter()
            .enumerate()
            .filter_map(|(d, dim)| {
                let o = oq.dimensions.iter().position(|x| x.id == dim.id)?;
                Some(AreaGap {
                    id: dim.id.clone(),
                    name: iq.tr(&dim.name, lang).to_owned(),
                    internal: ia.dimensions[d].score,
                    customer: oa.dimensions[o].score,
                })
            })
            .collect();
        let mut mirrors: Vec<MirrorGap> = oq
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| !q.mirrors.is_empty())
            .map(|(i, q)| {
                let linked: Vec<usize> = q
                    .mirrors
                    .iter()
                    .filter_map(|m| iq.question_index.get(&m.id).copied())
                    .collect();
                let internal = crate::scoring::weighted_mean(
                    linked
                        .iter()
                        .map(|&k| (ia.items[k].score, iq.questions[k].weight)),
                );
                let recommendation = q.recommendation.as_ref().map_or_else(
                    || {
                        let from_inside: Vec<&str> = linked
                            .iter()
                            .filter_map(|&k| iq.questions[k].recommendation.as_ref())
                            .map(|r| iq.tr(r, lang))
                            .collect();
                        (!from_inside.is_empty()).then(|| from_inside.join(" "))
                    },
                    |r| Some(oq.tr(r, lang).to_owned()),
                );
                MirrorGap {
                    id: q.id.clone(),
                    text: oq.tr(&q.text, lang).to_owned(),
                    stage: q.stage.map(|s| oq.stages[s].id.clone()),
                    dimension: q.dimension.map(|d| oq.dimensions[d].id.clone()),
                    mirrored: linked
                        .iter()
                        .map(|&k| {
                            let x = &iq.questions[k];
                            (x.id.clone(), iq.tr(&x.text, lang).to_owned())
                        })
                        .collect(),
                    internal,
                    customer: oa.items[i].score,
                    recommendation,
                }
            })
            .collect();
        // Largest gap first; questionnaire order breaks ties and keeps unscored pairs last.
        mirrors.sort_by(|a, b| {
            let key = |m: &MirrorGap| m.gap().unwrap_or(f64::NEG_INFINITY);
            key(b).total_cmp(&key(a))
        });
        let seen_lower = oa.placement < ia.placement && oa.placement < oq.stages.len();
        let next_step = seen_lower.then(|| &oq.stages[oa.placement]).and_then(|s| {
            let step = s.next_step.as_ref()?;
            Some((
                oq.tr(&s.name, lang).to_owned(),
                oq.tr(step, lang).to_owned(),
            ))
        });
        Self {
            internal: Side::of(iq, ig, ilabel, lang),
            customer: Side::of(oq, og, olabel, lang),
            stages,
            dimensions,
            mirrors,
            next_step,
        }
    }

    /// The `top` scored mirrored statements with the largest gaps, largest first.
    pub fn largest(&self, top: usize) -> impl Iterator<Item = &MirrorGap> {
        self.mirrors.iter().filter(|m| m.gap().is_some()).take(top)
    }

    /// The mirrored statements whose gap makes them blind spots, largest first.
    pub fn blind_spots(&self) -> impl Iterator<Item = &MirrorGap> {
        self.mirrors.iter().filter(|m| m.is_blind_spot())
    }
}
