//! The answers inside a saved result (`centricity.result.v1`): every item carries the answer it
//! was scored from, so saved results can be scored again, together, as a group (rule 7).

use std::collections::BTreeMap;

use serde_json::Value;

use super::response::{Answer, Metadata, Response};
use super::value::from_number;
use crate::questionnaire::Questionnaire;
use crate::result_document::ResultDocument;

/// The response a saved result was scored from, checked against `q`: the result must answer `q`,
/// and every answer must be one of its options. The message of an error names the item.
pub fn response_from_result(q: &Questionnaire, result: &Value) -> Result<Response, String> {
    let doc = ResultDocument::read(result)?;
    let id = doc.questionnaire.id.as_str();
    if id.is_empty() {
        return Err("the result names no questionnaire".into());
    }
    if id != q.id {
        return Err(format!(
            "the result answers questionnaire `{id}`, not `{}`",
            q.id
        ));
    }
    if result.get("items").is_none() {
        return Err("the result has no `items`".into());
    }
    let mut response = Response::new(q);
    response.questionnaire_version =
        Some(doc.questionnaire.version.clone()).filter(|v| !v.is_empty());
    for (k, item) in doc.items.iter().enumerate() {
        if item.id.is_empty() {
            return Err(format!("`items[{k}]` has no `id`"));
        }
        let item_id = item.id.as_str();
        let i = q
            .question(item_id)
            .ok_or_else(|| format!("`{item_id}` is not a question of `{}`", q.id))?;
        let scale = q.scale_of(&q.questions[i]);
        response.answers[i] = match &item.answer {
            Value::Null => None,
            Value::String(s) if s == Answer::NOT_APPLICABLE => Some(Answer::NotApplicable),
            Value::String(s) if s == Answer::DONT_KNOW => Some(Answer::DontKnow),
            Value::Number(n) => {
                let v = n.as_f64().unwrap_or(f64::NAN);
                Some(from_number(scale, v).map_err(|e| format!("`{item_id}`: {}", e.message))?)
            }
            other => {
                return Err(format!(
                    "`{item_id}`: the answer {other} is neither an option value nor \"n/a\""
                ));
            }
        };
        response.notes[i].clone_from(&item.note);
    }
    response.completed = doc.completed.unwrap_or(true);
    response.meta = metadata(&doc.respondent);
    Ok(response)
}

/// Who answered, as the result's `respondent` object says.
fn metadata(fields: &serde_json::Map<String, Value>) -> Metadata {
    let mut meta = Metadata::default();
    let mut extra = BTreeMap::new();
    for (key, value) in fields {
        let Some(text) = value.as_str().map(str::to_owned) else {
            continue;
        };
        match key.as_str() {
            "respondent" => meta.respondent = Some(text),
            "role" => meta.role = Some(text),
            "team" => meta.team = Some(text),
            "date" => meta.date = Some(text),
            "language" => meta.language = Some(text),
            _ => {
                extra.insert(key.clone(), text);
            }
        }
    }
    meta.extra = extra;
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_for_tests as bundled;
    use crate::report::Scored;
    use crate::scoring::{ScoreOptions, assess};

    fn saved(q: &Questionnaire, r: &Response) -> Value {
        let a = assess(q, r, ScoreOptions::default());
        crate::report::result_json(&Scored {
            questionnaire: q,
            response: r,
            assessment: &a,
            source: "a.toml",
            warnings: &[],
            lang: "en",
            plan: None,
        })
    }

    #[test]
    fn a_saved_result_gives_back_the_response_it_was_scored_from() {
        let q = bundled();
        let mut r = Response::new(&q);
        r.meta.respondent = Some("Ana".into());
        r.meta.role = Some("Sales".into());
        r.meta.extra.insert("segment".into(), "B2B".into());
        r.completed = true;
        r.answers[0] = Some(Answer::Value(4.0));
        r.answers[5] = Some(Answer::NotApplicable);
        r.answers[7] = Some(Answer::Value(1.0));
        r.notes[0] = Some("in the CRM".into());
        let back = response_from_result(&q, &saved(&q, &r)).expect("reads");
        assert_eq!(back, r);
    }

    #[test]
    fn a_result_of_another_questionnaire_or_with_an_unknown_answer_is_refused() {
        let q = bundled();
        let mut r = Response::new(&q);
        r.answers[0] = Some(Answer::Value(4.0));
        let good = saved(&q, &r);

        let mut other = good.clone();
        other["questionnaire"]["id"] = "customer-view".into();
        let e = response_from_result(&q, &other).expect_err("another questionnaire");
        assert!(e.contains("`customer-view`"), "{e}");

        let mut bad = good.clone();
        bad["items"][0]["answer"] = 9.into();
        let e = response_from_result(&q, &bad).expect_err("not an option");
        assert!(
            e.starts_with(&format!("`{}`: 9 is not an option", q.questions[0].id)),
            "{e}"
        );

        let mut bad = good.clone();
        bad["items"][0]["answer"] = "often".into();
        assert!(response_from_result(&q, &bad).is_err());

        let mut bad = good;
        bad["items"][0]["id"] = "no-such-item".into();
        let e = response_from_result(&q, &bad).expect_err("unknown item");
        assert!(e.contains("`no-such-item` is not a question"), "{e}");
    }
}
