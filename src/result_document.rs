//! The saved result, `centricity.result.v1`, as typed serde structures: `score --format json`
//! writes them, and `compare` and the group readers read saved results back through the same
//! types, so the writer and the readers cannot disagree on a field.
//!
//! Reading is lenient where a field only adds to what a reader needs (a missing name falls back
//! to the id, a missing list is empty), so results saved by earlier versions still read.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One scored respondent (or a group scored as one), as saved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ResultDocument {
    pub schema: String,
    pub questionnaire: QuestionnaireRef,
    pub source: String,
    /// Who answered: respondent, role, team, date, language and any other metadata, as text.
    pub respondent: Map<String, Value>,
    pub completed: Option<bool>,
    /// `None` for a questionnaire without stages.
    pub placement: Option<Placement>,
    pub index: Option<f64>,
    pub overall: Area,
    pub stages: Vec<StageResult>,
    pub dimensions: Vec<DimensionResult>,
    pub items: Vec<ItemResult>,
    pub recommendations: Recommendations,
    pub warnings: Vec<String>,
    /// With `--plan`: the plan set against this result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<Value>,
}

/// The questionnaire a result answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    pub title: String,
}

/// Where a result is placed: its level (0 below the first stage), of how many stages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Placement {
    pub level: usize,
    pub of: usize,
    /// The id of the placement's stage; `None` below the first stage.
    pub stage: Option<String>,
    pub name: String,
}

/// A score with how much of what it covers was answered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Area {
    pub score: Option<f64>,
    pub answered: usize,
    pub total: usize,
    /// For a questionnaire that offers "don't know": how many answers were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dont_know: Option<DontKnowShare>,
}

/// How many of the answers asked for were "don't know", and their share in percent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DontKnowShare {
    pub count: usize,
    pub asked: usize,
    pub share: Option<f64>,
}

/// A stage's figures and status (rules 2 to 5).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StageResult {
    pub id: String,
    pub name: Option<String>,
    pub score: Option<f64>,
    pub threshold: Option<f64>,
    pub answered: usize,
    pub total: usize,
    /// `reached`, `not_reached` or `insufficient_evidence`.
    pub status: String,
    /// Whether the stage counts towards the placement (it is at or below it).
    pub counts: bool,
    pub uneven_foundation: bool,
    pub below_threshold: bool,
    /// The ids of the items below the floor.
    pub below_floor: Vec<String>,
    /// For a questionnaire that offers "don't know": how many of the stage's answers were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dont_know: Option<DontKnowShare>,
}

/// A dimension's figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DimensionResult {
    pub id: String,
    pub name: Option<String>,
    pub score: Option<f64>,
    pub answered: usize,
    pub total: usize,
}

/// An item: the answer it was scored from, and its score.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemResult {
    pub id: String,
    pub stage: Option<String>,
    pub dimension: Option<String>,
    /// An option value, `"n/a"`, `"dk"`, or `None` when unanswered; kept as JSON so that a reader can
    /// say which answer it cannot read.
    pub answer: Value,
    pub score: Option<f64>,
    pub weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What to do next (rule 6).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Recommendations {
    pub next_step: Option<NextStep>,
    pub items: Vec<Recommendation>,
    pub customer_view: Option<CustomerView>,
}

/// The next step towards the stage above the placement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NextStep {
    pub stage: String,
    pub text: Option<String>,
}

/// A recommended item, highest priority first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Recommendation {
    pub id: String,
    pub stage: Option<String>,
    pub score: f64,
    pub priority: f64,
    pub text: String,
    pub recommendation: Option<String>,
}

/// How customers see the placement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerView {
    pub stage: Option<String>,
    pub text: Option<String>,
}

impl ResultDocument {
    /// Reads a result from its JSON; the message of an error says what does not fit.
    pub fn read(value: &Value) -> Result<Self, String> {
        Self::deserialize(value).map_err(|e| format!("not a readable result: {e}"))
    }

    /// The result as JSON, fields in the order of the format's documentation.
    pub fn to_value(&self) -> Value {
        // Every field is a string, a number, a bool, a list or a map with string keys, all of
        // which serde_json represents.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_saved_by_an_earlier_version_reads_with_what_it_has() {
        let v = serde_json::json!({
            "schema": "centricity.result.v1",
            "questionnaire": { "id": "q", "version": "1.0.0" },
            "index": 1.5,
            "stages": [{ "id": "a", "score": 50.0 }],
        });
        let doc = ResultDocument::read(&v).expect("it reads");
        assert_eq!(doc.questionnaire.id, "q");
        assert_eq!(doc.index, Some(1.5));
        assert_eq!(doc.stages[0].name, None);
        assert_eq!(doc.stages[0].score, Some(50.0));
        assert!(doc.items.is_empty());
    }

    #[test]
    fn a_field_of_the_wrong_kind_is_named() {
        let v = serde_json::json!({ "index": "high" });
        let e = ResultDocument::read(&v).expect_err("a string is no index");
        assert!(e.contains("invalid type: string \"high\""), "{e}");
    }
}
