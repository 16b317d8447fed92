//! JSON output: `centricity.result.v1`, every number of DESIGN.md section 4.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::{GroupView, Renderer, Scored, round};
use crate::answers::Answer;
use crate::comparison::{Change, Comparison};
use crate::result_document::{
    Area, CustomerView, DimensionResult, DontKnowShare, ItemResult, NextStep, Placement,
    QuestionnaireRef, Recommendation, Recommendations, ResultDocument, StageResult,
};
use crate::scoring::{DontKnow, DontKnowCount, StageStatus};

/// The version tag of the result document; bumped on any incompatible change.
pub const RESULT_SCHEMA: &str = "centricity.result.v1";

/// The version tag of the document `score --format json` writes: every result, in `results`.
pub const RESULTS_SCHEMA: &str = "centricity.results.v1";

/// `score`'s JSON: one `centricity.results.v1` document holding every result (written as the
/// results come, so that memory does not grow with their number), or JSON Lines, one compact
/// `centricity.result.v1` object per line.
#[derive(Debug)]
pub struct JsonRenderer {
    lines: bool,
    count: usize,
}

impl JsonRenderer {
    /// One document, whatever the number of results.
    pub fn document() -> Self {
        Self {
            lines: false,
            count: 0,
        }
    }

    /// JSON Lines.
    pub fn lines() -> Self {
        Self {
            lines: true,
            count: 0,
        }
    }
}

impl Renderer for JsonRenderer {
    fn result(&mut self, out: &mut dyn Write, scored: &Scored<'_>) -> io::Result<()> {
        if self.lines {
            return write_json(out, &to_json(scored), false);
        }
        out.write_all(if self.count == 0 {
            results_open()
        } else {
            RESULTS_SEPARATOR
        })?;
        self.count += 1;
        out.write_all(&results_member(&to_json(scored))?)
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.lines {
            return Ok(());
        }
        if self.count == 0 {
            out.write_all(results_open())?;
        }
        out.write_all(results_close(self.count > 0))
    }
}

/// The start of a `centricity.results.v1` document, up to its first result: the document is
/// written as `serde_json` pretty-prints it, so it reads like every other document of the tool.
pub fn results_open() -> &'static [u8] {
    b"{\n  \"schema\": \"centricity.results.v1\",\n  \"results\": ["
}

/// Written before every result of a `centricity.results.v1` document but the first.
pub const RESULTS_SEPARATOR: &[u8] = b",";

/// The end of a `centricity.results.v1` document, after `any` result or none.
pub fn results_close(any: bool) -> &'static [u8] {
    if any { b"\n  ]\n}\n" } else { b"]\n}\n" }
}

/// One result as a member of the `results` array: on its own lines, indented two levels. A JSON
/// text has no line break inside a string, so indenting line by line is safe.
pub(crate) fn results_member(value: &Value) -> io::Result<Vec<u8>> {
    let mut text = Vec::new();
    write_json(&mut text, value, true)?;
    let mut member = Vec::with_capacity(text.len() + text.len() / 8);
    for line in text.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        member.extend_from_slice(b"\n    ");
        member.extend_from_slice(line);
    }
    Ok(member)
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

/// A score as saved: rounded to four decimals.
fn figure(x: Option<f64>) -> Option<f64> {
    x.map(|v| round(v, 4))
}

/// The result document of one scored respondent.
pub(crate) fn to_json(s: &Scored<'_>) -> Value {
    document(s, &DontKnow::of_response(s.questionnaire, s.response)).to_value()
}

/// The "don't know" count and share of `c`.
fn dont_know_share(c: DontKnowCount) -> DontKnowShare {
    DontKnowShare {
        count: c.dont_know,
        asked: c.asked,
        share: figure(c.percent()),
    }
}

/// The saved result of one scored respondent, as `compare` reads it back, with the "don't know"
/// answers counted by `dont_know` (a group's are counted over its members, not over the means it
/// is scored by) when the questionnaire offers that answer.
pub(crate) fn document(s: &Scored<'_>, dont_know: &DontKnow) -> ResultDocument {
    let (q, a, lang) = (s.questionnaire, s.assessment, s.lang);
    let counts = q.offers_dont_know();
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
    let stages = a
        .stages
        .iter()
        .enumerate()
        .map(|(i, st)| StageResult {
            id: q.stages[i].id.clone(),
            name: Some(q.tr(&q.stages[i].name, lang).to_owned()),
            score: figure(st.area.score),
            threshold: Some(st.threshold),
            answered: st.area.answered,
            total: st.area.total,
            status: match st.status {
                StageStatus::Reached => "reached",
                StageStatus::NotReached => "not_reached",
                StageStatus::InsufficientEvidence => "insufficient_evidence",
            }
            .to_owned(),
            counts: i < a.placement,
            uneven_foundation: a.uneven.contains(&i),
            below_threshold: st.below_threshold(),
            below_floor: st
                .below_floor
                .iter()
                .map(|&x| q.questions[x].id.clone())
                .collect(),
            dont_know: dont_know
                .stages
                .get(i)
                .filter(|_| counts)
                .map(|c| dont_know_share(*c)),
        })
        .collect();
    let dimensions = a
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| DimensionResult {
            id: q.dimensions[i].id.clone(),
            name: Some(q.tr(&q.dimensions[i].name, lang).to_owned()),
            score: figure(d.score),
            answered: d.answered,
            total: d.total,
        })
        .collect();
    let items = a
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let question = &q.questions[i];
            ItemResult {
                id: question.id.clone(),
                stage: stage_id(question.stage),
                dimension: question.dimension.map(|d| q.dimensions[d].id.clone()),
                answer: match it.answer {
                    Some(Answer::Value(v)) => json!(v),
                    Some(Answer::NotApplicable) => json!(Answer::NOT_APPLICABLE),
                    Some(Answer::DontKnow) => json!(Answer::DONT_KNOW),
                    None => Value::Null,
                },
                score: figure(it.score),
                weight: question.weight,
                note: s.response.notes.get(i).cloned().flatten(),
            }
        })
        .collect();
    let rec = &a.recommendations;
    let rec_items = rec
        .items
        .iter()
        .map(|&i| {
            let question = &q.questions[i];
            let score = a.items[i].score.unwrap_or(0.0);
            Recommendation {
                id: question.id.clone(),
                stage: stage_id(question.stage),
                score: round(score, 4),
                priority: round(question.weight * (100.0 - score), 4),
                text: q.tr(&question.text, lang).to_owned(),
                recommendation: question
                    .recommendation
                    .as_ref()
                    .map(|t| q.tr(t, lang).to_owned()),
            }
        })
        .collect();
    ResultDocument {
        schema: super::RESULT_SCHEMA.to_owned(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version.clone(),
            title: q.tr(&q.title, lang).to_owned(),
        },
        source: s.source.to_owned(),
        respondent,
        completed: Some(s.response.completed),
        placement: (!q.stages.is_empty()).then(|| Placement {
            level: a.placement,
            of: q.stages.len(),
            stage: stage_id(a.placement.checked_sub(1)),
            name: q.placement_name(a.placement, lang).to_owned(),
        }),
        index: figure(a.index),
        overall: Area {
            score: figure(a.overall.score),
            answered: a.overall.answered,
            total: a.overall.total,
            dont_know: counts.then(|| dont_know_share(dont_know.overall)),
        },
        stages,
        dimensions,
        items,
        recommendations: Recommendations {
            next_step: rec.next_stage.map(|st| NextStep {
                stage: q.stages[st].id.clone(),
                text: q.stages[st]
                    .next_step
                    .as_ref()
                    .map(|t| q.tr(t, lang).to_owned()),
            }),
            items: rec_items,
            // Rule 6 names the placement stage's view; below the first stage, the
            // questionnaire's own view of that level when it has one.
            customer_view: (a.placement > 0 || q.customer_view(0).is_some()).then(|| {
                CustomerView {
                    stage: stage_id(a.placement.checked_sub(1)),
                    text: q
                        .customer_view(a.placement)
                        .map(|view| q.tr(view, lang).to_owned()),
                }
            }),
        },
        warnings: s.warnings.iter().map(ToString::to_string).collect(),
        plan: s.plan.map(plan_json),
    }
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
            let mut item = json!({
                "id": q.questions[i].id,
                "answered": it.answered,
                "not_applicable": it.not_applicable,
                "mean": num(it.mean),
                "sd": num(it.sd),
                "score": num(g.assessment.items[i].score),
                "discuss": it.discuss,
                "notes": it.notes.iter().map(|(who, note)| json!({ "respondent": who, "note": note })).collect::<Vec<_>>(),
            });
            if let (true, Value::Object(o), Some(c)) =
                (q.offers_dont_know(), &mut item, g.dont_know.items.get(i))
            {
                o.insert(
                    "dont_know".into(),
                    serde_json::to_value(dont_know_share(*c)).unwrap_or(Value::Null),
                );
            }
            item
        })
        .collect();
    let placements: Vec<Value> = g
        .placements
        .iter()
        .enumerate()
        .map(|(level, count)| json!({ "level": level, "name": q.placement_name(level, view.lang), "respondents": count }))
        .collect();
    let mut doc = json!({
        "respondents": g.respondents,
        "result": document(&view.scored(g), &g.dont_know).to_value(),
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
    });
    if !g.rounds.is_empty()
        && let Value::Object(o) = &mut doc
    {
        let figures = |r: &crate::scoring::RoundFigures| {
            json!({
                "counts": r.counts,
                "not_applicable": r.not_applicable,
                "answered": r.answered,
                "mean": num(r.mean),
                "sd": num(r.sd),
                "within_one_point": num(r.within_one),
            })
        };
        o.insert(
            "rounds".into(),
            json!({
                "consensus_rule": g.consensus_rule,
                "items": g.rounds.iter().map(|r| json!({
                    "id": q.questions[r.item].id,
                    "second_round_answers": r.second_round_answers,
                    "before": figures(&r.before),
                    "after": figures(&r.after),
                    "consensus": r.consensus(g.consensus_rule),
                })).collect::<Vec<_>>(),
            }),
        );
    }
    doc
}

/// The group document: the whole group, and each `--by` group; pretty, or on one line.
pub(crate) fn group(out: &mut dyn Write, view: &GroupView<'_>, pretty: bool) -> io::Result<()> {
    let mut doc = json!({ "schema": GROUP_SCHEMA, "source": view.source });
    if let (Value::Object(o), Value::Object(all)) = (&mut doc, group_json(view, view.all)) {
        o.extend(all);
        if let Some(by) = &view.by {
            o.insert(
                "by".into(),
                json!({
                    "field": by.field,
                    "min_group": by.min_group,
                    "hidden_groups": by.hidden,
                    "groups": by.groups.iter().map(|(name, g)| {
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
    write_json(out, &doc, pretty)
}

/// The version tag of the comparison document.
pub const COMPARISON_SCHEMA: &str = "centricity.comparison.v1";
/// The `schema` of a perception-gap document.
pub const GAP_SCHEMA: &str = "centricity.gap.v1";

/// The comparison document: both snapshots' headline figures and every change; pretty, or on
/// one line.
pub(crate) fn comparison(out: &mut dyn Write, c: &Comparison, pretty: bool) -> io::Result<()> {
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
        "overall_change": num(c.after.overall.zip(c.before.overall).map(|(a, b)| a - b)),
        "stages": changes(&c.stages),
        "dimensions": changes(&c.dimensions),
        "item_moves": changes(&c.item_moves),
        "items_added": c.added,
        "items_removed": c.removed,
        "new_recommendations": recs(&c.new_recommendations),
        "resolved_recommendations": recs(&c.resolved_recommendations),
        "noise": c.noise.as_ref().map(noise_json),
        "plan": c.plan.as_ref().map(plan_json),
    });
    write_json(out, &doc, pretty)
}

/// The perception gap: both sides, every gap (internal minus customer, in points), the verdict
/// and the recommendations drawn from the gap; pretty, or on one line.
pub(crate) fn gap(
    out: &mut dyn Write,
    g: &crate::gap::Gap,
    lang: &str,
    pretty: bool,
) -> io::Result<()> {
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
    let recommendations: Vec<Value> = super::view::gap::recommendations(g, usize::MAX, lang)
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
    write_json(out, &doc, pretty)
}

/// The version tag of the trend document.
pub const TREND_SCHEMA: &str = "centricity.trend.v1";

/// A change and its bootstrap interval.
fn estimate(e: &crate::noise::Estimate) -> Value {
    json!({
        "id": e.id,
        "name": e.name,
        "before": num(e.before),
        "after": num(e.after),
        "change": num(e.change()),
        "low": num(e.interval.map(|i| i.low)),
        "high": num(e.interval.map(|i| i.high)),
        "verdict": e.verdict().map(|v| match v {
            crate::noise::Verdict::Improvement => "improvement",
            crate::noise::Verdict::Decline => "decline",
            crate::noise::Verdict::WithinNoise => "within noise",
        }),
    })
}

/// How often each placement occurs among the draws, in percent.
fn shares(list: &[(usize, String, f64)]) -> Vec<Value> {
    list.iter()
        .map(|(level, name, share)| json!({ "level": level, "name": name, "percent": round(share * 100.0, 1) }))
        .collect()
}

/// Respondents on both sides of a change, and its intervals.
pub(crate) fn noise_json(n: &crate::noise::Noise) -> Value {
    json!({
        "respondents_before": n.before,
        "respondents_after": n.after,
        "respondents_on_both": n.both,
        "resamples": n.resamples,
        "seed": crate::scoring::bootstrap::SEED,
        "level": crate::scoring::bootstrap::LEVEL,
        "index": n.index.as_ref().map(estimate),
        "stages": n.stages.iter().map(estimate).collect::<Vec<_>>(),
        "placements_before": shares(&n.placements[0]),
        "placements_after": shares(&n.placements[1]),
    })
}

/// The plan set against the results.
pub(crate) fn plan_json(p: &crate::plan::Status) -> Value {
    use crate::plan::{Pace, Unknown};
    let (pace, projected) = match &p.pace {
        Pace::Reached => ("reached", None),
        Pace::OnTrack { projected } => ("on track", Some(*projected)),
        Pace::OffTrack { projected } => ("not on track", Some(*projected)),
        Pace::Missed => ("missed", None),
        Pace::Unknown(Unknown::OneResult) => ("unknown: one result", None),
        Pace::Unknown(Unknown::NoDates) => ("unknown: no dates", None),
        Pace::Unknown(Unknown::NoFigure) => ("unknown: no score", None),
    };
    json!({
        "target": {
            "stage": p.target_stage,
            "index": num(p.target_index),
            "by": p.by,
        },
        "now": num(p.now),
        "goal": num(p.goal),
        "to_go": num(p.goal.zip(p.now).map(|(g, x)| g - x)),
        "pace": pace,
        "projected": num(projected),
        "dimensions": p.dimensions.iter().map(|(id, name, now, target)| json!({
            "id": id, "name": name, "now": num(*now), "target": target,
            "to_go": num(now.map(|x| target - x)),
        })).collect::<Vec<_>>(),
        "actions": p.actions.iter().map(|a| json!({
            "id": a.id,
            "title": a.title,
            "owner": a.owner,
            "due": a.due,
            "status": a.state.as_str(),
            "started": a.started,
            "since": a.since,
            "overdue": a.overdue,
            "items": a.items.iter().map(|m| json!({
                "id": m.id, "before": num(m.before), "after": num(m.after),
                "change": num(m.after.zip(m.before).map(|(x, y)| x - y)),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// The trend document: every period's figures, the changes since the previous and the first
/// period, the item moves over the span, the noise of each change, and the plan.
pub(crate) fn trend(out: &mut dyn Write, t: &crate::trend::Trend, pretty: bool) -> io::Result<()> {
    let measures = |list: &[crate::comparison::Measure]| -> Vec<Value> {
        list.iter()
            .map(|m| json!({ "id": m.id, "name": m.name, "score": num(m.score) }))
            .collect()
    };
    let periods: Vec<Value> = t
        .periods
        .iter()
        .map(|p| {
            let s = &p.snapshot;
            json!({
                "label": p.label,
                "date": p.date,
                "respondents": p.sample.as_ref().map(|x| x.respondents),
                "questionnaire": { "id": s.questionnaire, "version": s.version },
                "placement": s.placement.as_ref().map(|(level, name)| json!({ "level": level, "name": name })),
                "index": num(s.index),
                "overall": num(s.overall),
                "stages": measures(&s.stages),
                "dimensions": measures(&s.dimensions),
                "placements_in_resamples": p.sample.as_ref().map(|x| shares(&x.placement_shares())),
            })
        })
        .collect();
    let series = |list: &[crate::trend::Series], from: &dyn Fn(usize) -> usize, k: usize| {
        list.iter()
            .map(|s| json!({ "id": s.id, "change": num(s.change(from(k), k)) }))
            .collect::<Vec<_>>()
    };
    let (stages, dimensions, index, overall) = (t.stages(), t.dimensions(), t.index(), t.overall());
    let changes = |from: &dyn Fn(usize) -> usize| -> Vec<Value> {
        (1..t.periods.len())
            .map(|k| {
                json!({
                    "period": t.periods[k].label,
                    "from": t.periods[from(k)].label,
                    "index": num(index.change(from(k), k)),
                    "overall": num(overall.change(from(k), k)),
                    "stages": series(&stages, from, k),
                    "dimensions": series(&dimensions, from, k),
                })
            })
            .collect()
    };
    let moves: Vec<Value> = t
        .span
        .item_moves
        .iter()
        .map(|ch| json!({ "id": ch.id, "name": ch.name, "first": num(ch.before), "last": num(ch.after), "change": num(ch.delta()) }))
        .collect();
    let doc = json!({
        "schema": TREND_SCHEMA,
        "questionnaire": t.periods.last().map(|p| p.snapshot.questionnaire.clone()),
        "periods": periods,
        "since_previous": changes(&|k| k - 1),
        "since_first": changes(&|_| 0),
        "item_moves": moves,
        "items_added": t.span.added,
        "items_removed": t.span.removed,
        "noise": {
            "whole": t.whole.as_ref().map(noise_json),
            "steps": t.steps.iter().enumerate().filter_map(|(k, s)| {
                let s = s.as_ref()?;
                let mut v = noise_json(s);
                if let Value::Object(m) = &mut v {
                    m.insert("from".into(), json!(t.periods[k].label));
                    m.insert("to".into(), json!(t.periods[k + 1].label));
                }
                Some(v)
            }).collect::<Vec<_>>(),
        },
        "plan": t.plan.as_ref().map(plan_json),
    });
    write_json(out, &doc, pretty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Response;
    use crate::questionnaire::default_for_tests as bundled;
    use crate::scoring::{ScoreOptions, assess};

    /// What `score --format json` writes, `compare` reads back to the same document.
    #[test]
    fn a_saved_result_reads_back_to_the_document_written() {
        let q = bundled();
        let mut r = Response::new(&q);
        for (i, a) in r.answers.iter_mut().enumerate() {
            *a = Some(match i % 4 {
                0 => Answer::NotApplicable,
                k => Answer::Value(f64::from(u8::try_from(k).unwrap_or(1)) + 1.0),
            });
        }
        r.notes[1] = Some("a note".into());
        r.meta.respondent = Some("Ana".into());
        let a = assess(&q, &r, ScoreOptions::default());
        let scored = Scored {
            questionnaire: &q,
            response: &r,
            assessment: &a,
            source: "ana.toml",
            warnings: &[],
            lang: "fr",
            plan: None,
        };
        let written = document(&scored, &DontKnow::of_response(&q, &r));
        let text = serde_json::to_string_pretty(&written.to_value()).expect("JSON");
        let back: Value = serde_json::from_str(&text).expect("it parses");
        assert_eq!(ResultDocument::read(&back), Ok(written.clone()));
        assert_eq!(written.items[1].note.as_deref(), Some("a note"));
        assert_eq!(written.items[0].answer, json!("n/a"));
    }

    /// The results document written piece by piece is, byte for byte, the pretty-printed
    /// document, with none, one or several results.
    #[test]
    fn the_results_document_is_written_as_it_is_pretty_printed() {
        let results = [
            json!({ "schema": RESULT_SCHEMA, "index": 2.5, "stages": [{ "id": "a" }], "empty": {} }),
            json!({ "schema": RESULT_SCHEMA, "respondent": { "respondent": "Zoë\u{2028}" } }),
            json!({ "schema": RESULT_SCHEMA, "items": [] }),
        ];
        for n in 0..=results.len() {
            let mut written = results_open().to_vec();
            for (k, r) in results[..n].iter().enumerate() {
                if k > 0 {
                    written.extend_from_slice(RESULTS_SEPARATOR);
                }
                written.extend(results_member(r).expect("member"));
            }
            written.extend_from_slice(results_close(n > 0));
            let mut expected = Vec::new();
            let doc = json!({ "schema": RESULTS_SCHEMA, "results": &results[..n] });
            write_json(&mut expected, &doc, true).expect("write");
            assert_eq!(
                String::from_utf8(written).expect("utf-8"),
                String::from_utf8(expected).expect("utf-8"),
                "{n} results"
            );
        }
    }

    #[test]
    fn the_renderer_writes_the_same_document_and_json_lines_one_result_a_line() {
        let doc = |lines: bool, n: usize| {
            let mut r = if lines {
                JsonRenderer::lines()
            } else {
                JsonRenderer::document()
            };
            let mut out = Vec::new();
            let q = crate::questionnaire::default_for_tests();
            let response = crate::answers::Response::new(&q);
            let a = crate::scoring::assess(&q, &response, crate::scoring::ScoreOptions::default());
            let scored = Scored {
                questionnaire: &q,
                response: &response,
                assessment: &a,
                source: "x.toml",
                warnings: &[],
                lang: "en",
                plan: None,
            };
            for _ in 0..n {
                r.result(&mut out, &scored).expect("result");
            }
            r.finish(&mut out).expect("finish");
            String::from_utf8(out).expect("utf-8")
        };
        for n in [0, 1, 3] {
            let v: Value = serde_json::from_str(&doc(false, n)).expect("one document");
            assert_eq!(v["schema"], RESULTS_SCHEMA);
            assert_eq!(v["results"].as_array().map(Vec::len), Some(n));
            let lines = doc(true, n);
            assert_eq!(lines.lines().count(), n);
            for line in lines.lines() {
                let v: Value = serde_json::from_str(line).expect("a line");
                assert_eq!(v["schema"], RESULT_SCHEMA);
            }
        }
    }
    #[test]
    fn separators_and_c1_controls_are_escaped_and_the_value_is_unchanged() {
        let value = json!({ "name": "a\u{85}b\u{2028}c\u{2029}d\u{9b}e é" });
        let mut out = Vec::new();
        write_json(&mut out, &value, false).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert_eq!(text, "{\"name\":\"a\\u0085b\\u2028c\\u2029d\\u009be é\"}\n");
        let back: serde_json::Value = serde_json::from_str(&text).expect("parses");
        assert_eq!(back, value);
    }
}
