//! A validated questionnaire: every reference resolved to an index, every default applied.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::answers::ExportIndex;

use super::text::Text;

/// A questionnaire that passed validation; scoring and the survey rely on its invariants
/// (references resolve, scales have at least two distinct values, weights are positive).
#[derive(Debug, Clone)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub description: Option<Text>,
    /// Declared languages; the first is the fallback for every text.
    pub languages: Vec<String>,
    /// The self-assessment this outside-in questionnaire mirrors, by id.
    pub mirror_of: Option<String>,
    pub scoring: Scoring,
    pub scales: Vec<Scale>,
    pub stages: Vec<Stage>,
    pub dimensions: Vec<Dimension>,
    pub questions: Vec<Question>,
    pub(crate) question_index: HashMap<String, usize>,
    /// Question indices of each stage and each dimension, computed once: scoring reads them
    /// for every respondent.
    pub(crate) by_stage: Vec<Vec<usize>>,
    pub(crate) by_dimension: Vec<Vec<usize>>,
    pub(crate) all: Vec<usize>,
    /// What reading exports looks up, built on first use: a batch run reads many exports
    /// against one questionnaire.
    pub(crate) export_index: OnceLock<Arc<ExportIndex>>,
}

#[derive(Debug, Clone)]
pub struct Scoring {
    pub stage_threshold: f64,
    pub item_floor: f64,
    pub min_answered: f64,
    pub below_first_stage: Text,
    pub below_first_stage_view: Option<Text>,
}

impl Scoring {
    pub const DEFAULT_THRESHOLD: f64 = 62.5;
    pub const DEFAULT_FLOOR: f64 = 25.0;
    pub const DEFAULT_MIN_ANSWERED: f64 = 0.5;
    pub const DEFAULT_BELOW_FIRST_STAGE: &str = "Company-centric";
}

#[derive(Debug, Clone)]
pub struct Scale {
    pub id: String,
    pub options: Vec<ScaleOption>,
    pub not_applicable: Option<Text>,
    /// Other cell texts that mean not applicable in a survey tool's export.
    pub not_applicable_aliases: Vec<String>,
    /// The "don't know" answer, apart from not applicable: no score, counted as a finding.
    pub dont_know: Option<Text>,
    /// Other cell texts that mean "don't know" in a survey tool's export.
    pub dont_know_aliases: Vec<String>,
    pub min: f64,
    pub max: f64,
}

#[derive(Debug, Clone)]
pub struct ScaleOption {
    pub value: f64,
    pub label: Text,
    /// The criterion for choosing this option.
    pub help: Option<Text>,
    /// Other cell texts that mean this option in a survey tool's export.
    pub aliases: Vec<String>,
}

impl Scale {
    /// The option whose value is `value` (values are compared with a tolerance so that `4` and
    /// `4.0` are the same answer).
    pub fn option(&self, value: f64) -> Option<&ScaleOption> {
        self.options.iter().find(|o| (o.value - value).abs() < 1e-9)
    }

    pub fn range(&self) -> f64 {
        self.max - self.min
    }
}

#[derive(Debug, Clone)]
pub struct Stage {
    pub id: String,
    pub name: Text,
    pub summary: Option<Text>,
    pub customer_view: Option<Text>,
    pub next_step: Option<Text>,
    pub threshold: f64,
}

#[derive(Debug, Clone)]
pub struct Dimension {
    pub id: String,
    pub name: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub stage: Option<usize>,
    pub dimension: Option<usize>,
    pub scale: usize,
    pub text: Text,
    pub help: Option<Text>,
    pub weight: f64,
    pub reverse: bool,
    pub recommendation: Option<Text>,
    /// Questions of the `mirror_of` questionnaire this one reflects.
    pub mirrors: Vec<super::Mirror>,
    /// Other column names of this question in survey-tool exports.
    pub aliases: Vec<String>,
}

impl Questionnaire {
    /// How customers experience an organisation placed at `placement` (0: below the first
    /// stage), when the questionnaire says.
    pub fn customer_view(&self, placement: usize) -> Option<&Text> {
        match placement.checked_sub(1) {
            Some(stage) => self.stages.get(stage)?.customer_view.as_ref(),
            None => self.scoring.below_first_stage_view.as_ref(),
        }
    }

    /// The name of placement `placement` in `lang`: a stage's name, or the name of the level
    /// below the first stage.
    pub fn placement_name(&self, placement: usize, lang: &str) -> &str {
        match placement.checked_sub(1) {
            Some(s) => self.tr(&self.stages[s].name, lang),
            None => self.tr(&self.scoring.below_first_stage, lang),
        }
    }

    /// Whether any scale offers a "don't know" answer apart from not applicable: reports then
    /// count those answers as a finding.
    pub fn offers_dont_know(&self) -> bool {
        self.scales.iter().any(|s| s.dont_know.is_some())
    }

    pub fn question(&self, id: &str) -> Option<usize> {
        self.question_index.get(id).copied()
    }

    pub fn scale_of(&self, question: &Question) -> &Scale {
        &self.scales[question.scale]
    }

    /// The fallback language: the first declared one.
    pub fn default_language(&self) -> &str {
        self.languages.first().map_or("en", String::as_str)
    }

    /// The declared language `code` names, as people and locales write codes: in any case, with
    /// `-` or `_` between its parts and a locale's `.UTF-8` or `@variant` (`FR`, `fr-FR`,
    /// `fr_FR.UTF-8`); a declared code that is `code`'s language without its region or script
    /// (`fr` for `fr-CA`, `zh` for `zh-Hans`); or a declared regional variant of its language
    /// (`pt-BR` for `pt`). `None` when the questionnaire has no texts in that language.
    pub fn language(&self, code: &str) -> Option<&str> {
        let normal = |c: &str| {
            c.trim()
                .split(['.', '@'])
                .next()
                .unwrap_or("")
                .replace('_', "-")
                .to_ascii_lowercase()
        };
        let primary = |c: &str| c.split('-').next().unwrap_or("").to_owned();
        let wanted = normal(code);
        if wanted.is_empty() {
            return None;
        }
        let declared = || self.languages.iter().map(|l| (l.as_str(), normal(l)));
        declared()
            .find(|(_, l)| *l == wanted)
            .or_else(|| declared().find(|(_, l)| *l == primary(&wanted)))
            .or_else(|| declared().find(|(_, l)| primary(l) == primary(&wanted)))
            .map(|(l, _)| l)
    }

    /// `text` in `lang`, falling back to the questionnaire's first language.
    pub fn tr<'a>(&self, text: &'a Text, lang: &str) -> &'a str {
        text.get(lang, self.default_language())
    }

    /// Indices of the questions of stage `stage`, in questionnaire order.
    pub fn stage_questions(&self, stage: usize) -> impl Iterator<Item = usize> + '_ {
        self.by_stage.get(stage).into_iter().flatten().copied()
    }

    /// Indices of the questions of dimension `dimension`, in questionnaire order.
    pub fn dimension_questions(&self, dimension: usize) -> impl Iterator<Item = usize> + '_ {
        self.by_dimension
            .get(dimension)
            .into_iter()
            .flatten()
            .copied()
    }

    pub(crate) fn stage_members(&self, stage: usize) -> &[usize] {
        self.by_stage.get(stage).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn all_members(&self) -> &[usize] {
        &self.all
    }

    pub(crate) fn dimension_members(&self, dimension: usize) -> &[usize] {
        self.by_dimension.get(dimension).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use crate::questionnaire::default_for_tests as bundled;

    #[test]
    fn a_language_is_found_in_any_case_with_or_without_its_region() {
        let q = bundled();
        for (code, declared) in [
            ("fr", Some("fr")),
            ("FR", Some("fr")),
            ("fr-FR", Some("fr")),
            ("fr_BE", Some("fr")),
            ("fr_FR.UTF-8", Some("fr")),
            (" nl ", Some("nl")),
            ("zh-Hans", Some("zh")),
            ("ZH_cn", Some("zh")),
            ("de", None),
            ("de-CH", None),
            ("french", None),
            ("", None),
            ("-", None),
        ] {
            assert_eq!(q.language(code), declared, "{code:?}");
        }
    }

    #[test]
    fn a_regional_code_the_questionnaire_declares_is_matched_first() {
        let mut q = bundled();
        q.languages = vec!["en".into(), "pt-BR".into(), "pt-PT".into(), "zh".into()];
        assert_eq!(q.language("pt_pt"), Some("pt-PT"));
        assert_eq!(q.language("PT-br"), Some("pt-BR"));
        assert_eq!(q.language("pt"), Some("pt-BR"), "the first of its variants");
        assert_eq!(q.language("en-GB"), Some("en"));
        assert_eq!(q.language("zh-Hant-TW"), Some("zh"));
    }
}
