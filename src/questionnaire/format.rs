//! The questionnaire file format as written in TOML (DESIGN.md section 2), before validation.
//!
//! Values that validation may need to point at keep their place in the file (`Spanned`).
//! Unknown keys are found by a separate pass over the document, so that every one of them is
//! reported at once instead of only the first.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::text::Text;

#[derive(Debug, Deserialize)]
pub(crate) struct QuestionnaireFile {
    pub questionnaire: Spanned<MetaFile>,
    pub scoring: Option<Spanned<ScoringFile>>,
    pub scales: Spanned<BTreeMap<Spanned<String>, Spanned<ScaleFile>>>,
    #[serde(default)]
    pub stages: Vec<Spanned<StageFile>>,
    #[serde(default)]
    pub dimensions: Vec<Spanned<DimensionFile>>,
    #[serde(default)]
    pub questions: Vec<Spanned<QuestionFile>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct MetaFile {
    pub id: Spanned<String>,
    pub version: String,
    pub title: Text,
    pub description: Option<Text>,
    pub languages: Option<Spanned<Vec<String>>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ScoringFile {
    pub stage_threshold: Option<Spanned<f64>>,
    pub item_floor: Option<Spanned<f64>>,
    pub min_answered: Option<Spanned<f64>>,
    pub below_first_stage: Option<Text>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ScaleFile {
    pub options: Spanned<Vec<Spanned<OptionFile>>>,
    pub not_applicable: Option<Text>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct OptionFile {
    pub value: Spanned<f64>,
    pub label: Text,
}

#[derive(Debug, Deserialize)]
pub(crate) struct StageFile {
    pub id: Spanned<String>,
    pub name: Text,
    pub summary: Option<Text>,
    pub customer_view: Option<Text>,
    pub next_step: Option<Text>,
    pub threshold: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct DimensionFile {
    pub id: Spanned<String>,
    pub name: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct QuestionFile {
    pub id: Spanned<String>,
    pub stage: Option<Spanned<String>>,
    pub dimension: Option<Spanned<String>>,
    pub scale: Option<Spanned<String>>,
    pub text: Text,
    pub help: Option<Text>,
    pub weight: Option<Spanned<f64>>,
    #[serde(default)]
    pub reverse: bool,
    pub recommendation: Option<Text>,
}
