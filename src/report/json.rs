//! JSON output: `centricity.result.v1`, every number of DESIGN.md section 4.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::{GroupView, Renderer, Scored, placement_name, round};
use crate::answers::Answer;
use crate::comparison::{Change, Comparison};
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
        write_json(out, &value, !self.lines)
    }
}

/// Writes `value` as one JSON document and a line break, pretty or on one line. C1 controls and
/// the line and paragraph separators (U+0085, U+2028, U+2029), which JSON allows raw but which
/// break JavaScript, log viewers and line-based tools, are written as `\u` escapes.
pub(crate) fn write_json(out: &mut dyn Write, value: &Value, pretty: bool) -> io::Result<()> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(io::Error::other)?;
    let mut escaped = String::with_capacity(text.len() + 1);
    // Outside strings a JSON document is ASCII, so every such character is inside a string.
    for c in text.chars() {
        if matches!(c, '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}') {
            escaped.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    escaped.push('\n');
    out.write_all(escaped.as_bytes())
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
            // Rule 6 names the placement stage's view; below the first stage, the
            // questionnaire's own view of that level when it has one.
            "customer_view": (a.placement > 0 || q.customer_view(0).is_some()).then(|| json!({
                "stage": stage_id(a.placement.checked_sub(1)),
                "text": q.customer_view(a.placement).map(|view| q.tr(view, lang)),
            })),
        },
        "warnings": s.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
    })
}

/// The version tag of the group document.
pub const GROUP_SCHEMA: &str = "centricity.group.v1";

fn group_json(view: &GroupView<'_>, g: &crate::scoring::GroupResult) -> Value {
    let q = view.questionnaire;
    let items: Vec<Value> = g
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            json!({
                "id": q.questions[i].id,
                "answered": it.answered,
                "not_applicable": it.not_applicable,
                "mean": num(it.mean),
                "sd": num(it.sd),
                "score": num(g.assessment.items[i].score),
                "discuss": it.discuss,
                "notes": it.notes.iter().map(|(who, note)| json!({ "respondent": who, "note": note })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let placements: Vec<Value> = g
        .placements
        .iter()
        .enumerate()
        .map(|(level, count)| json!({ "level": level, "name": placement_name(q, level, view.lang), "respondents": count }))
        .collect();
    json!({
        "respondents": g.respondents,
        "result": to_json(&view.scored(g)),
        "items": items,
        "placements": placements,
        "discuss": g.discuss.iter().map(|&i| q.questions[i].id.clone()).collect::<Vec<_>>(),
        "reliability": g.reliability.as_ref().map(|rel| {
            let sets = |sets: &[crate::scoring::SetReliability], ids: Vec<&str>| -> Vec<Value> {
                sets.iter()
                    .zip(ids)
                    .map(|(set, id)| json!({
                        "id": id,
                        "alpha": num(set.alpha),
                        "complete": set.complete,
                        "items": set.items.iter().zip(&set.item_rest).map(|(&i, r)| json!({
                            "id": q.questions[i].id,
                            "item_rest": num(*r),
                        })).collect::<Vec<_>>(),
                    }))
                    .collect()
            };
            json!({
                "stages": sets(&rel.stages, q.stages.iter().map(|s| s.id.as_str()).collect()),
                "dimensions": sets(&rel.dimensions, q.dimensions.iter().map(|d| d.id.as_str()).collect()),
            })
        }),
    })
}

/// The group document: the whole group, and each `--by` group.
pub(crate) fn group(out: &mut dyn Write, view: &GroupView<'_>) -> io::Result<()> {
    let mut doc = json!({ "schema": GROUP_SCHEMA, "source": view.source });
    if let (Value::Object(o), Value::Object(all)) = (&mut doc, group_json(view, view.all)) {
        o.extend(all);
        if let Some((field, groups)) = &view.by {
            o.insert(
                "by".into(),
                json!({
                    "field": field,
                    "groups": groups.iter().map(|(name, g)| {
                        let mut v = group_json(view, g);
                        if let Value::Object(m) = &mut v {
                            m.insert("value".into(), json!(name));
                        }
                        v
                    }).collect::<Vec<_>>(),
                }),
            );
        }
    }
    write_json(out, &doc, true)
}

/// The version tag of the comparison document.
pub const COMPARISON_SCHEMA: &str = "centricity.comparison.v1";
/// The `schema` of a perception-gap document.
pub const GAP_SCHEMA: &str = "centricity.gap.v1";

/// The comparison document: both snapshots' headline figures and every change.
pub(crate) fn comparison(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    let changes = |rows: &[Change]| -> Vec<Value> {
        rows.iter()
            .map(|ch| json!({ "id": ch.id, "name": ch.name, "before": num(ch.before), "after": num(ch.after), "change": num(ch.delta()) }))
            .collect()
    };
    let side = |s: &crate::comparison::Snapshot| {
        json!({
            "source": s.label,
            "questionnaire": { "id": s.questionnaire, "version": s.version },
            "placement": s.placement.as_ref().map(|(level, name)| json!({ "level": level, "name": name })),
            "index": num(s.index),
            "overall": num(s.overall),
        })
    };
    let recs = |rows: &[(String, String)]| -> Vec<Value> {
        rows.iter()
            .map(|(id, text)| json!({ "id": id, "recommendation": text }))
            .collect()
    };
    let doc = json!({
        "schema": COMPARISON_SCHEMA,
        "before": side(&c.before),
        "after": side(&c.after),
        "index_change": num(c.after.index.zip(c.before.index).map(|(a, b)| a - b)),
        "stages": changes(&c.stages),
        "dimensions": changes(&c.dimensions),
        "item_moves": changes(&c.item_moves),
        "items_added": c.added,
        "items_removed": c.removed,
        "new_recommendations": recs(&c.new_recommendations),
        "resolved_recommendations": recs(&c.resolved_recommendations),
    });
    write_json(out, &doc, true)
}

/// The perception gap: both sides, every gap (internal minus customer, in points), the verdict
/// and the recommendations drawn from the gap.
pub(crate) fn gap(out: &mut dyn Write, g: &crate::gap::Gap, lang: &str) -> io::Result<()> {
    let side = |s: &crate::gap::Side| {
        json!({
            "source": s.label,
            "questionnaire": { "id": s.questionnaire, "version": s.version },
            "respondents": s.respondents,
            "placement": s.placement.as_ref().map(|(level, name)| json!({ "level": level, "name": name })),
            "index": num(s.index),
            "overall": num(s.overall),
        })
    };
    let areas = |rows: &[crate::gap::AreaGap]| -> Vec<Value> {
        rows.iter()
            .map(|a| json!({ "id": a.id, "name": a.name, "internal": num(a.internal), "customer": num(a.customer), "gap": num(a.gap()) }))
            .collect()
    };
    let mirrors: Vec<Value> = g
        .mirrors
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "text": m.text,
                "stage": m.stage,
                "dimension": m.dimension,
                "mirrors": m.mirrored.iter().map(|(id, text)| json!({ "id": id, "text": text })).collect::<Vec<_>>(),
                "internal": num(m.internal),
                "customer": num(m.customer),
                "gap": num(m.gap()),
                "blind_spot": m.is_blind_spot(),
                "recommendation": m.recommendation,
            })
        })
        .collect();
    let recommendations: Vec<Value> = super::gap_recommendations(g, usize::MAX, lang)
        .into_iter()
        .map(|(id, text)| json!({ "id": id, "recommendation": text }))
        .collect();
    let (i, c) = (&g.internal, &g.customer);
    let doc = json!({
        "schema": GAP_SCHEMA,
        "internal": side(i),
        "customer": side(c),
        "blind_spot_points": crate::gap::BLIND_SPOT_POINTS,
        "index_gap": num(i.index.zip(c.index).map(|(a, b)| a - b)),
        "overall_gap": num(i.overall.zip(c.overall).map(|(a, b)| a - b)),
        "stages": areas(&g.stages),
        "dimensions": areas(&g.dimensions),
        "mirrors": mirrors,
        "verdict": super::gap_verdict(g, lang),
        "recommendations": recommendations,
    });
    write_json(out, &doc, true)
}

#[cfg(test)]
mod tests {
    #[test]
    fn separators_and_c1_controls_are_escaped_and_the_value_is_unchanged() {
        let value = serde_json::json!({ "name": "a\u{85}b\u{2028}c\u{2029}d\u{9b}e é" });
        let mut out = Vec::new();
        super::write_json(&mut out, &value, false).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert_eq!(text, "{\"name\":\"a\\u0085b\\u2028c\\u2029d\\u009be é\"}\n");
        let back: serde_json::Value = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, value);
    }
}
