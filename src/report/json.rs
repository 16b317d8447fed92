//! JSON output: `centricity.result.v1`, every number of DESIGN.md section 4.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::{GroupView, Renderer, Scored, round};
use crate::answers::Answer;
use crate::comparison::{Change, Comparison};
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

/// The result document of one scored respondent.
pub(crate) fn to_json(s: &Scored<'_>) -> Value {
    to_json_counting(s, &DontKnow::of_response(s.questionnaire, s.response))
}

/// The "don't know" count and share of `c`, for a questionnaire that offers that answer.
fn dont_know_fields(c: DontKnowCount) -> Value {
    json!({ "count": c.dont_know, "asked": c.asked, "share": num(c.percent()) })
}

/// The result document, with the "don't know" answers counted by `dont_know` (a group's are
/// counted over its members, not over the means it is scored by).
fn to_json_counting(s: &Scored<'_>, dont_know: &DontKnow) -> Value {
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
    let stages: Vec<Value> = a
        .stages
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let mut stage = json!({
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
            });
            if let (true, Value::Object(o), Some(c)) = (counts, &mut stage, dont_know.stages.get(i)) {
                o.insert("dont_know".into(), dont_know_fields(*c));
            }
            stage
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
                    Some(Answer::NotApplicable) => json!(Answer::NOT_APPLICABLE),
                    Some(Answer::DontKnow) => json!(Answer::DONT_KNOW),
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
    let mut overall = json!({ "score": num(a.overall.score), "answered": a.overall.answered, "total": a.overall.total });
    if let (true, Value::Object(o)) = (counts, &mut overall) {
        o.insert("dont_know".into(), dont_know_fields(dont_know.overall));
    }
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
                "name": q.placement_name(a.placement, lang),
            })
        } else { Value::Null },
        "index": num(a.index),
        "overall": overall,
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
                o.insert("dont_know".into(), dont_know_fields(*c));
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
    json!({
        "respondents": g.respondents,
        "result": to_json_counting(&view.scored(g), &g.dont_know),
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

/// The group document: the whole group, and each `--by` group; pretty, or on one line.
pub(crate) fn group(out: &mut dyn Write, view: &GroupView<'_>, pretty: bool) -> io::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
