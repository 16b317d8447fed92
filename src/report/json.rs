//! JSON output: `centricity.result.v1`, every number of DESIGN.md section 4.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::{Renderer, Scored, placement_name, round};
use crate::answers::Answer;
use crate::scoring::StageStatus;

/// The version tag of the result document; bumped on any incompatible change.
pub const RESULT_SCHEMA: &str = "centricity.result.v1";

/// Pretty JSON for one result; JSON Lines (one compact object per line) for several.
#[derive(Debug)]
pub struct JsonRenderer {
    lines: bool,
}

impl JsonRenderer {
    pub fn new(several: bool) -> Self {
        Self { lines: several }
    }
}

impl Renderer for JsonRenderer {
    fn result(&mut self, out: &mut dyn Write, scored: &Scored<'_>) -> io::Result<()> {
        let value = to_json(scored);
        if self.lines {
            serde_json::to_writer(&mut *out, &value)?;
        } else {
            serde_json::to_writer_pretty(&mut *out, &value)?;
        }
        writeln!(out)
    }
}

fn num(x: Option<f64>) -> Value {
    x.map_or(Value::Null, |v| json!(round(v, 4)))
}

/// The result document of one scored respondent.
pub(crate) fn to_json(s: &Scored<'_>) -> Value {
    let (q, a, lang) = (s.questionnaire, s.assessment, s.lang);
    let m = &s.response.meta;
    let mut respondent = Map::new();
    for (k, v) in [
        ("respondent", &m.respondent),
        ("role", &m.role),
        ("team", &m.team),
        ("date", &m.date),
        ("language", &m.language),
    ] {
        if let Some(v) = v {
            respondent.insert(k.into(), json!(v));
        }
    }
    for (k, v) in &m.extra {
        respondent.insert(k.clone(), json!(v));
    }
    let stage_id = |i: Option<usize>| i.map(|i| q.stages[i].id.clone());
    let stages: Vec<Value> = a
        .stages
        .iter()
        .enumerate()
        .map(|(i, st)| {
            json!({
                "id": q.stages[i].id,
                "name": q.tr(&q.stages[i].name, lang),
                "score": num(st.area.score),
                "threshold": st.threshold,
                "answered": st.area.answered,
                "total": st.area.total,
                "status": match st.status {
                    StageStatus::Reached => "reached",
                    StageStatus::NotReached => "not_reached",
                    StageStatus::InsufficientEvidence => "insufficient_evidence",
                },
                "counts": i < a.placement,
                "uneven_foundation": a.uneven.contains(&i),
                "below_threshold": st.below_threshold(),
                "below_floor": st.below_floor.iter().map(|&x| q.questions[x].id.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let dimensions: Vec<Value> = a
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            json!({
                "id": q.dimensions[i].id,
                "name": q.tr(&q.dimensions[i].name, lang),
                "score": num(d.score),
                "answered": d.answered,
                "total": d.total,
            })
        })
        .collect();
    let items: Vec<Value> = a
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let question = &q.questions[i];
            let mut item = json!({
                "id": question.id,
                "stage": stage_id(question.stage),
                "dimension": question.dimension.map(|d| q.dimensions[d].id.clone()),
                "answer": match it.answer {
                    Some(Answer::Value(v)) => json!(v),
                    Some(Answer::NotApplicable) => json!("n/a"),
                    None => Value::Null,
                },
                "score": num(it.score),
                "weight": question.weight,
            });
            if let (Some(note), Value::Object(o)) =
                (s.response.notes.get(i).cloned().flatten(), &mut item)
            {
                o.insert("note".into(), json!(note));
            }
            item
        })
        .collect();
    let rec = &a.recommendations;
    let rec_items: Vec<Value> = rec
        .items
        .iter()
        .map(|&i| {
            let question = &q.questions[i];
            let score = a.items[i].score.unwrap_or(0.0);
            json!({
                "id": question.id,
                "stage": stage_id(question.stage),
                "score": round(score, 4),
                "priority": round(question.weight * (100.0 - score), 4),
                "text": q.tr(&question.text, lang),
                "recommendation": question.recommendation.as_ref().map(|t| q.tr(t, lang)),
            })
        })
        .collect();
    let has_stages = !q.stages.is_empty();
    json!({
        "schema": super::RESULT_SCHEMA,
        "questionnaire": { "id": q.id, "version": q.version, "title": q.tr(&q.title, lang) },
        "source": s.source,
        "respondent": respondent,
        "completed": s.response.completed,
        "placement": if has_stages {
            json!({
                "level": a.placement,
                "of": q.stages.len(),
                "stage": stage_id(a.placement.checked_sub(1)),
                "name": placement_name(q, a.placement, lang),
            })
        } else { Value::Null },
        "index": num(a.index),
        "overall": { "score": num(a.overall.score), "answered": a.overall.answered, "total": a.overall.total },
        "stages": stages,
        "dimensions": dimensions,
        "items": items,
        "recommendations": {
            "next_step": rec.next_stage.map(|st| json!({
                "stage": q.stages[st].id,
                "text": q.stages[st].next_step.as_ref().map(|t| q.tr(t, lang)),
            })),
            "items": rec_items,
            "customer_view": rec.customer_view.map(|st| json!({
                "stage": q.stages[st].id,
                "text": q.stages[st].customer_view.as_ref().map(|t| q.tr(t, lang)),
            })),
        },
        "warnings": s.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
    })
}
