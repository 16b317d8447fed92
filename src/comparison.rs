//! Before and after: two results (of one respondent, a group, or a saved JSON result) reduced
//! to comparable snapshots, and what changed between them.
//!
//! Snapshots name everything by id, so results of different versions of a questionnaire are
//! compared on what they share, and what one has and the other lacks is reported.

use serde_json::Value;

use crate::questionnaire::Questionnaire;
use crate::scoring::Assessment;

/// A named score: a stage, a dimension or an item.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
    /// The score a stage is reached at (stages only; `None` when not known).
    pub threshold: Option<f64>,
}

/// What a result says, by id, independent of where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub label: String,
    pub questionnaire: String,
    pub version: String,
    /// Level and name; `None` for a questionnaire without stages.
    pub placement: Option<(usize, String)>,
    pub index: Option<f64>,
    pub overall: Option<f64>,
    pub stages: Vec<Measure>,
    pub dimensions: Vec<Measure>,
    pub items: Vec<Measure>,
    /// Recommended items: (id, recommendation).
    pub recommendations: Vec<(String, String)>,
}

impl Snapshot {
    /// The snapshot of a scored result.
    pub fn from_assessment(q: &Questionnaire, a: &Assessment, label: &str, lang: &str) -> Self {
        let measure = |id: &str, name: &crate::questionnaire::Text, score| Measure {
            id: id.to_owned(),
            name: q.tr(name, lang).to_owned(),
            score,
            threshold: None,
        };
        Self {
            label: label.to_owned(),
            questionnaire: q.id.clone(),
            version: q.version.clone(),
            placement: (!q.stages.is_empty())
                .then(|| (a.placement, q.placement_name(a.placement, lang).to_owned())),
            index: a.index,
            overall: a.overall.score,
            stages: q
                .stages
                .iter()
                .zip(&a.stages)
                .map(|(s, r)| Measure {
                    threshold: Some(r.threshold),
                    ..measure(&s.id, &s.name, r.area.score)
                })
                .collect(),
            dimensions: q
                .dimensions
                .iter()
                .zip(&a.dimensions)
                .map(|(d, r)| measure(&d.id, &d.name, r.score))
                .collect(),
            items: q
                .questions
                .iter()
                .zip(&a.items)
                .map(|(x, r)| measure(&x.id, &x.text, r.score))
                .collect(),
            recommendations: a
                .recommendations
                .items
                .iter()
                .map(|&i| {
                    let x = &q.questions[i];
                    (
                        x.id.clone(),
                        q.tr(x.recommendation.as_ref().unwrap_or(&x.text), lang)
                            .to_owned(),
                    )
                })
                .collect(),
        }
    }

    /// The snapshot of a saved JSON result (`centricity.result.v1`, or the whole-group result
    /// of `centricity.group.v1`).
    pub fn from_json(label: &str, doc: &Value) -> Result<Self, String> {
        let schema = doc.get("schema").and_then(Value::as_str).unwrap_or("");
        let result = match schema {
            "centricity.result.v1" => doc,
            "centricity.group.v1" => doc
                .get("result")
                .ok_or("the group document has no `result`")?,
            "" => return Err("not a centricity result: no `schema` field".into()),
            other => {
                return Err(format!(
                    "`{other}` results cannot be compared; expected centricity.result.v1 or centricity.group.v1"
                ));
            }
        };
        let doc = crate::result_document::ResultDocument::read(result)?;
        if doc.questionnaire.id.is_empty() {
            return Err("the result names no questionnaire".into());
        }
        let measure = |id: &str, name: Option<&String>, score: Option<f64>| Measure {
            id: id.to_owned(),
            name: name.cloned().unwrap_or_else(|| id.to_owned()),
            score,
            threshold: None,
        };
        let snapshot = Self {
            label: label.to_owned(),
            placement: doc.placement.as_ref().map(|p| (p.level, p.name.clone())),
            index: doc.index,
            overall: doc.overall.score,
            stages: doc
                .stages
                .iter()
                .map(|m| Measure {
                    threshold: m.threshold,
                    ..measure(&m.id, m.name.as_ref(), m.score)
                })
                .collect(),
            dimensions: doc
                .dimensions
                .iter()
                .map(|m| measure(&m.id, m.name.as_ref(), m.score))
                .collect(),
            items: doc
                .items
                .iter()
                .map(|m| measure(&m.id, None, m.score))
                .collect(),
            recommendations: doc
                .recommendations
                .items
                .iter()
                .map(|r| {
                    (
                        r.id.clone(),
                        r.recommendation.clone().unwrap_or_else(|| r.text.clone()),
                    )
                })
                .collect(),
            questionnaire: doc.questionnaire.id,
            version: doc.questionnaire.version,
        };
        snapshot.check()?;
        Ok(snapshot)
    }

    /// Refuses figures no result can hold: a saved file may have been edited or made by hand.
    fn check(&self) -> Result<(), String> {
        let levels = self.stages.len();
        #[allow(clippy::cast_precision_loss)]
        let most = levels as f64;
        let out_of_range = |what: &str, x: f64, top: f64| {
            Err(format!(
                "`{what}` is {}, but it lies between 0 and {top}",
                crate::answers::fmt_value(x)
            ))
        };
        if let Some((level, _)) = &self.placement
            && *level > levels
        {
            return Err(format!(
                "`placement.level` is {level}, but the result has {levels} stages"
            ));
        }
        if let Some(x) = self.index
            && !(0.0..=most.max(0.0)).contains(&x)
        {
            return out_of_range("index", x, most);
        }
        if let Some(x) = self.overall
            && !(0.0..=100.0).contains(&x)
        {
            return out_of_range("overall.score", x, 100.0);
        }
        for (key, measures) in [
            ("stages", &self.stages),
            ("dimensions", &self.dimensions),
            ("items", &self.items),
        ] {
            for (i, m) in measures.iter().enumerate() {
                if let Some(x) = m.score
                    && !(0.0..=100.0).contains(&x)
                {
                    return out_of_range(&format!("{key}[{i}].score"), x, 100.0);
                }
            }
        }
        Ok(())
    }
}

/// One measure on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub id: String,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl Change {
    /// After minus before, when both have a score.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

/// What changed between two snapshots.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub before: Snapshot,
    pub after: Snapshot,
    pub stages: Vec<Change>,
    pub dimensions: Vec<Change>,
    /// Items on both sides whose score moved, largest move first.
    pub item_moves: Vec<Change>,
    /// Item ids only in the after side (added) and only in the before side (removed).
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// Recommendations that appear after but not before, and those no longer needed.
    pub new_recommendations: Vec<(String, String)>,
    pub resolved_recommendations: Vec<(String, String)>,
    /// For groups: who answered on each side, and whether each change is more than noise
    /// (set by the caller that knows the respondents).
    pub noise: Option<crate::noise::Noise>,
    /// With `--plan`: the plan set against both sides (set by the caller that read it).
    pub plan: Option<crate::plan::Status>,
}

fn pair(before: &[Measure], after: &[Measure]) -> Vec<Change> {
    let mut out: Vec<Change> = after
        .iter()
        .map(|a| Change {
            id: a.id.clone(),
            name: a.name.clone(),
            before: before.iter().find(|b| b.id == a.id).and_then(|b| b.score),
            after: a.score,
        })
        .collect();
    for b in before
        .iter()
        .filter(|b| !after.iter().any(|a| a.id == b.id))
    {
        out.push(Change {
            id: b.id.clone(),
            name: b.name.clone(),
            before: b.score,
            after: None,
        });
    }
    out
}

/// Compares two snapshots of the same questionnaire (any versions of it).
pub fn compare(before: Snapshot, after: Snapshot) -> Result<Comparison, String> {
    if before.questionnaire != after.questionnaire {
        return Err(format!(
            "{} answers questionnaire `{}` and {} answers `{}`: only results of one questionnaire can be compared",
            before.label, before.questionnaire, after.label, after.questionnaire
        ));
    }
    let has = |side: &Snapshot, id: &str| side.items.iter().any(|m| m.id == id);
    let added = after
        .items
        .iter()
        .filter(|m| !has(&before, &m.id))
        .map(|m| m.id.clone())
        .collect();
    let removed = before
        .items
        .iter()
        .filter(|m| !has(&after, &m.id))
        .map(|m| m.id.clone())
        .collect();
    let mut item_moves: Vec<Change> = pair(&before.items, &after.items)
        .into_iter()
        .filter(|c| c.delta().is_some_and(|d| d.abs() > 1e-9))
        .collect();
    item_moves.sort_by(|a, b| {
        let (x, y) = (a.delta().unwrap_or(0.0), b.delta().unwrap_or(0.0));
        y.abs().total_cmp(&x.abs()).then(y.total_cmp(&x))
    });
    let in_recs = |side: &Snapshot, id: &str| side.recommendations.iter().any(|(r, _)| r == id);
    let new_recommendations = after
        .recommendations
        .iter()
        .filter(|(id, _)| !in_recs(&before, id))
        .cloned()
        .collect();
    let resolved_recommendations = before
        .recommendations
        .iter()
        .filter(|(id, _)| !in_recs(&after, id))
        .cloned()
        .collect();
    Ok(Comparison {
        stages: pair(&before.stages, &after.stages),
        dimensions: pair(&before.dimensions, &after.dimensions),
        item_moves,
        added,
        removed,
        new_recommendations,
        resolved_recommendations,
        noise: None,
        plan: None,
        before,
        after,
    })
}
