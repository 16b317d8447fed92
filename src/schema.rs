//! JSON Schemas of the questionnaire and answer formats, generated from the types that read
//! them, so that editors with TOML schema support validate and complete the files; and of the
//! results `score --format json` writes, kept by hand beside the code that writes them and
//! checked against its output by the tests.

use crate::answers::AnswerFileFormat;
use crate::questionnaire::QuestionnaireFile;

/// Which format to describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// Questionnaires (`questionnaires/*.toml`).
    Questionnaire,
    /// Answer files written by `centricity run`.
    Answers,
    /// What `centricity score --format json` writes (`centricity.results.v1`; each JSON Lines
    /// line of `--format jsonl` is one of its `results`).
    Results,
    /// Plan files (`--plan FILE`, `centricity new --plan`).
    Plan,
    /// What `centricity trend --format json` writes (`centricity.trend.v1`).
    Trend,
}

/// The schema of `score`'s JSON results, as committed in `schema/results.schema.json`.
const RESULTS: &str = include_str!("../schema/results.schema.json");
/// The schema of `trend`'s JSON, as committed in `schema/trend.schema.json`.
const TREND: &str = include_str!("../schema/trend.schema.json");

/// The schema of `kind`, pretty-printed JSON with a final newline.
pub fn schema(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Questionnaire => schemars::schema_for!(QuestionnaireFile),
        SchemaKind::Answers => schemars::schema_for!(AnswerFileFormat),
        SchemaKind::Plan => schemars::schema_for!(crate::plan::PlanFile),
        SchemaKind::Results => return RESULTS.to_owned(),
        SchemaKind::Trend => return TREND.to_owned(),
    };
    let mut value = schema.to_value();
    drop_null(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// TOML has no null, and an optional key is simply absent: removes the `null` alternative that
/// optional fields get, keeping the other one in place.
fn drop_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(options)) = map.get_mut("anyOf") {
                options.retain(|o| o.get("type").and_then(Value::as_str) != Some("null"));
                if options.len() == 1
                    && let Some(Value::Object(only)) = options.pop()
                {
                    map.remove("anyOf");
                    map.extend(only);
                }
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t.as_str() != Some("null"));
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_keys_are_absent_not_null() {
        for kind in [
            SchemaKind::Questionnaire,
            SchemaKind::Answers,
            SchemaKind::Plan,
        ] {
            assert!(!schema(kind).contains("\"null\""), "{kind:?}");
        }
    }
}
