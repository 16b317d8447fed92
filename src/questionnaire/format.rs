//! The questionnaire file format as written in TOML (DESIGN.md section 2), before validation.
//!
//! Values that validation may need to point at keep their place in the file (`Spanned`).
//! Unknown keys are found by a separate pass over the document, so that every one of them is
//! reported at once instead of only the first. The same types describe the format as a JSON
//! Schema (`centricity schema`), with these doc comments as descriptions for editors.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::text::Text;

/// A centricity questionnaire: metadata, scoring settings, answer scales, stages, dimensions and
/// questions.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields, title = "centricity questionnaire")]
pub(crate) struct QuestionnaireFile {
    /// What the questionnaire is.
    #[schemars(with = "MetaFile")]
    pub questionnaire: Spanned<MetaFile>,
    /// How stages are judged; every setting is optional.
    #[schemars(with = "Option<ScoringFile>")]
    pub scoring: Option<Spanned<ScoringFile>>,
    /// Named answer scales; at least one.
    #[schemars(with = "BTreeMap<String, ScaleFile>")]
    pub scales: Spanned<BTreeMap<Spanned<String>, Spanned<ScaleFile>>>,
    /// Maturity stages, lowest first; none at all gives dimension scores only.
    #[serde(default)]
    #[schemars(with = "Vec<StageFile>")]
    pub stages: Vec<Spanned<StageFile>>,
    /// Dimensions that cut across stages (optional).
    #[serde(default)]
    #[schemars(with = "Vec<DimensionFile>")]
    pub dimensions: Vec<Spanned<DimensionFile>>,
    /// The statements respondents answer.
    #[serde(default)]
    #[schemars(with = "Vec<QuestionFile>")]
    pub questions: Vec<Spanned<QuestionFile>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct MetaFile {
    /// Identifier, unique among loaded questionnaires; answer files name it.
    #[schemars(with = "String", regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: Spanned<String>,
    /// Version; answer files record the version they answered.
    pub version: String,
    pub title: Text,
    pub description: Option<Text>,
    /// Languages of the texts; the first is the fallback for every text.
    #[schemars(with = "Option<Vec<String>>")]
    pub languages: Option<Spanned<Vec<String>>>,
    /// For an outside-in questionnaire (answered by customers): the id of the self-assessment
    /// whose items its questions `mirror`, so that `centricity gap` can compare the two.
    #[schemars(with = "Option<String>", regex(pattern = r"^[a-z0-9-]+$"))]
    pub mirror_of: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct ScoringFile {
    /// Percent: a stage is reached at or above this score (default 62.5).
    #[schemars(with = "Option<f64>", range(min = 0, max = 100))]
    pub stage_threshold: Option<Spanned<f64>>,
    /// Percent: no answered item of a reached stage may score strictly below this (default 25).
    #[schemars(with = "Option<f64>", range(min = 0, max = 100))]
    pub item_floor: Option<Spanned<f64>>,
    /// Share of a stage's items that must be answered for it to be judged (default 0.5).
    #[schemars(with = "Option<f64>", range(min = 0, max = 1))]
    pub min_answered: Option<Spanned<f64>>,
    /// Name shown when the first stage is not reached (default "Company-centric").
    pub below_first_stage: Option<Text>,
    /// How customers experience an organisation that has not reached the first stage: shown
    /// under "How customers see you", as each stage's `customer_view` is for that stage.
    pub below_first_stage_view: Option<Text>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct ScaleFile {
    /// The answers, at least two, with distinct values; scores run from the lowest value (0%)
    /// to the highest (100%).
    #[schemars(with = "Vec<OptionFile>", length(min = 2))]
    pub options: Spanned<Vec<Spanned<OptionFile>>>,
    /// Offers an answer that is excluded from scores because the statement does not apply to
    /// the respondent's organisation, such as "Not applicable".
    pub not_applicable: Option<Text>,
    /// Other cell texts that mean the not-applicable answer in a survey tool's export, such as
    /// "N/A" or "Not applicable".
    #[serde(default)]
    pub not_applicable_aliases: Vec<String>,
    /// Offers a "Don't know" answer, apart from `not_applicable`: it is also excluded from
    /// scores, and reports count it per item and stage as a finding (nobody can tell whether
    /// the practice exists). Answer files write it "dk".
    pub dont_know: Option<Text>,
    /// Other cell texts that mean "don't know" in a survey tool's export, such as "DK".
    #[serde(default)]
    pub dont_know_aliases: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct OptionFile {
    #[schemars(with = "f64")]
    pub value: Spanned<f64>,
    pub label: Text,
    /// What choosing this option means: the criterion a respondent checks before choosing it.
    pub help: Option<Text>,
    /// Other cell texts that mean this option in a survey tool's export, such as "Neutral".
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct StageFile {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub name: Text,
    /// What this stage means.
    pub summary: Option<Text>,
    /// How customers experience an organisation at this stage.
    pub customer_view: Option<Text>,
    /// Advice for reaching this stage from the one below.
    pub next_step: Option<Text>,
    /// Percent; overrides `scoring.stage_threshold` for this stage.
    #[schemars(with = "Option<f64>", range(min = 0, max = 100))]
    pub threshold: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct DimensionFile {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub name: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct QuestionFile {
    /// Unique; answer files and CSV columns refer to it.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The stage id; required when the questionnaire has stages.
    #[schemars(with = "Option<String>")]
    pub stage: Option<Spanned<String>>,
    /// The dimension id.
    #[schemars(with = "Option<String>")]
    pub dimension: Option<Spanned<String>>,
    /// The scale id; optional when there is exactly one scale.
    #[schemars(with = "Option<String>")]
    pub scale: Option<Spanned<String>>,
    /// The statement, an observable behaviour a respondent can agree or disagree with.
    pub text: Text,
    /// A longer explanation or the criteria for agreeing.
    pub help: Option<Text>,
    /// Greater than 0 (default 1).
    #[schemars(with = "Option<f64>", range(min = 0))]
    pub weight: Option<Spanned<f64>>,
    /// True when agreeing means less maturity.
    #[serde(default)]
    pub reverse: bool,
    /// Shown when this item holds the organisation back.
    pub recommendation: Option<Text>,
    /// Ids of the questions of the `mirror_of` questionnaire that this question reflects from
    /// the customer's side; they should be of the same stage.
    #[schemars(with = "Option<Vec<String>>")]
    pub mirrors: Option<Vec<Spanned<String>>>,
    /// Other column names this question has in survey-tool exports (an export tag, a shortened
    /// text), matched like its id and text.
    #[serde(default)]
    pub aliases: Vec<String>,
}
