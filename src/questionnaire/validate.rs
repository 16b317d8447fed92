//! Semantic checks of a parsed questionnaire, collecting every problem, and construction of the
//! validated model.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::format::{QuestionnaireFile, ScaleFile};
use super::mirror::Mirror;
use super::model::{Dimension, Question, Questionnaire, Scale, ScaleOption, Scoring, Stage};
use super::text::Text;
use crate::diagnostic::Diagnostic;
use crate::toml_source::closest;

struct Checker<'a> {
    file: &'a str,
    source: &'a str,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        let d = Diagnostic::error(self.file, message).at(self.source, Some(span));
        self.out.push(d);
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    fn warning(&mut self, span: Range<usize>, message: impl Into<String>) {
        let d = Diagnostic::warning(self.file, message).at(self.source, Some(span));
        self.out.push(d);
    }

    fn percent(&mut self, value: &Option<Spanned<f64>>, name: &str, default: f64) -> f64 {
        match value {
            Some(v) if !(0.0..=100.0).contains(v.get_ref()) => {
                self.error(
                    v.span(),
                    format!("`{name}` must be between 0 and 100, found {}", v.get_ref()),
                )
                .help = Some("it is a percentage of the scale's range".to_owned());
                default
            }
            Some(v) => *v.get_ref(),
            None => default,
        }
    }

    fn id(
        &mut self,
        id: &Spanned<String>,
        what: &str,
        pattern_ok: fn(char) -> bool,
        pattern: &str,
    ) {
        let s = id.get_ref();
        if s.is_empty() || !s.chars().all(pattern_ok) {
            self.error(
                id.span(),
                format!("{what} id `{}` must match {pattern}", s.escape_debug()),
            );
        }
    }

    /// Resolves a reference by id, reporting a dangling one with the closest known id.
    fn resolve(
        &mut self,
        reference: &Spanned<String>,
        known: &[&str],
        what: &str,
    ) -> Option<usize> {
        let name = reference.get_ref().as_str();
        if let Some(i) = known.iter().position(|k| *k == name) {
            return Some(i);
        }
        let help = match closest(name, known.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None if known.is_empty() => format!("no {what} is declared"),
            None => format!("declared {what}s: {}", known.join(", ")),
        };
        self.error(reference.span(), format!("unknown {what} `{name}`"))
            .help = Some(help);
        None
    }
}

/// The most questions a questionnaire may have.
pub const MAX_QUESTIONS: usize = 2_000;
/// A number as a person reads it: in scientific notation when very large or very small.
fn short(x: f64) -> String {
    if x.is_finite() && x != 0.0 && !(1e-6..1e9).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// The largest weight: weights are relative, and larger ones only risk overflow.
pub const MAX_WEIGHT: f64 = 1e6;
/// The largest option value, in either direction, so that every range is finite.
pub const MAX_OPTION_VALUE: f64 = 1e12;
/// The most options a scale may have.
pub const MAX_OPTIONS: usize = 101;

/// Checks the languages of an element's texts: a text without the first (fallback) language is
/// an error, since nothing could stand in for it; a text missing another declared language is a
/// warning. A plain string counts as written in the fallback language. One diagnostic per
/// element, naming the fields and the languages.
fn missing_languages(
    c: &mut Checker<'_>,
    languages: &[String],
    span: Range<usize>,
    what: &str,
    fields: &[(&str, Option<&Text>)],
) {
    let Some(fallback) = languages.first() else {
        return;
    };
    let (mut without_fallback, mut gaps) = (Vec::new(), Vec::<(String, Vec<&str>)>::new());
    for (name, text) in fields {
        let Some(text) = text else { continue };
        let has = |l: &str| match text {
            Text::Plain(_) => l == fallback,
            Text::Localized(map) => map.contains_key(l),
        };
        if !has(fallback) {
            without_fallback.push(*name);
        }
        let missing: Vec<&str> = languages[1..]
            .iter()
            .map(String::as_str)
            .filter(|l| !has(l))
            .collect();
        if missing.is_empty() {
            continue;
        }
        // Several fields of one name (the labels of a scale) make one entry.
        match gaps.iter_mut().find(|(n, _)| n == name) {
            Some((_, langs)) => {
                for l in missing {
                    if !langs.contains(&l) {
                        langs.push(l);
                    }
                }
            }
            None => gaps.push(((*name).to_owned(), missing)),
        }
    }
    if !without_fallback.is_empty() {
        without_fallback.dedup();
        c.error(
            span.clone(),
            format!(
                "{what} has no `{fallback}` text for {}",
                without_fallback.join(", ")
            ),
        )
        .help = Some(format!(
            "`{fallback}` is the first of `languages`, the one every other language falls back to"
        ));
    }
    if !gaps.is_empty() {
        let gaps: Vec<String> = gaps
            .iter()
            .map(|(n, l)| format!("{n} ({})", l.join(", ")))
            .collect();
        c.warning(
            span,
            format!("{what} has no translation for {}", gaps.join("; ")),
        );
    }
}

fn questionnaire_id_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

fn item_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// Checks `file` and builds the model. Returns the model (when no error was found) and every
/// diagnostic, warnings included.
pub(crate) fn validate(
    file: &str,
    source: &str,
    raw: QuestionnaireFile,
) -> (Option<Questionnaire>, Vec<Diagnostic>) {
    let mut c = Checker {
        file,
        source,
        out: Vec::new(),
    };

    let meta_span = raw.questionnaire.span();
    let meta = raw.questionnaire.into_inner();
    c.id(
        &meta.id,
        "questionnaire",
        questionnaire_id_char,
        "[a-z0-9-]+",
    );
    if let Some(target) = &meta.mirror_of {
        c.id(
            target,
            "mirrored questionnaire",
            questionnaire_id_char,
            "[a-z0-9-]+",
        );
        if target.get_ref() == meta.id.get_ref() {
            c.error(target.span(), "a questionnaire cannot mirror itself")
                .help =
                Some("name the self-assessment this questionnaire's questions reflect".to_owned());
        }
    }
    let languages = match meta.languages {
        Some(langs) if langs.get_ref().is_empty() => {
            c.error(langs.span(), "`languages` must name at least one language")
                .help = Some("for example languages = [\"en\"]".to_owned());
            vec!["en".to_owned()]
        }
        Some(langs) => {
            let span = langs.span();
            let langs = langs.into_inner();
            for (i, l) in langs.iter().enumerate() {
                if langs[..i].contains(l) {
                    c.error(span.clone(), format!("language `{l}` is listed twice"));
                }
            }
            langs
        }
        None => vec!["en".to_owned()],
    };

    // Where `[scoring]` is, for warnings about its texts; the questionnaire's top when absent.
    let scoring_span = raw
        .scoring
        .as_ref()
        .map_or(meta_span.clone(), Spanned::span);
    let scoring = match raw.scoring.map(Spanned::into_inner) {
        Some(s) => {
            let min_answered = match &s.min_answered {
                Some(v) if !(0.0..=1.0).contains(v.get_ref()) => {
                    c.error(
                        v.span(),
                        format!(
                            "`min_answered` must be between 0 and 1, found {}",
                            v.get_ref()
                        ),
                    )
                    .help = Some(
                        "it is the share of a stage's items that must be answered, e.g. 0.5"
                            .to_owned(),
                    );
                    Scoring::DEFAULT_MIN_ANSWERED
                }
                Some(v) => *v.get_ref(),
                None => Scoring::DEFAULT_MIN_ANSWERED,
            };
            Scoring {
                stage_threshold: c.percent(
                    &s.stage_threshold,
                    "stage_threshold",
                    Scoring::DEFAULT_THRESHOLD,
                ),
                item_floor: c.percent(&s.item_floor, "item_floor", Scoring::DEFAULT_FLOOR),
                min_answered,
                below_first_stage: s
                    .below_first_stage
                    .unwrap_or_else(|| Text::from(Scoring::DEFAULT_BELOW_FIRST_STAGE)),
                below_first_stage_view: s.below_first_stage_view,
            }
        }
        None => Scoring {
            stage_threshold: Scoring::DEFAULT_THRESHOLD,
            item_floor: Scoring::DEFAULT_FLOOR,
            min_answered: Scoring::DEFAULT_MIN_ANSWERED,
            below_first_stage: Text::from(Scoring::DEFAULT_BELOW_FIRST_STAGE),
            below_first_stage_view: None,
        },
    };

    let scales_span = raw.scales.span();
    let mut scales = Vec::new();
    // Each scale's own place (its name in `[scales.NAME]`), so that a warning about one scale
    // points at that scale.
    let mut scale_spans = Vec::new();
    for (id, scale) in raw.scales.into_inner() {
        c.id(&id, "scale", item_id_char, "[A-Za-z0-9_.-]+");
        scale_spans.push(id.span());
        scales.push(build_scale(&mut c, id.into_inner(), scale));
    }
    if scales.is_empty() {
        c.error(scales_span.clone(), "at least one scale is needed")
            .help = Some("declare one under [scales.NAME] with options = [...]".to_owned());
    }
    let scale_ids: Vec<String> = scales.iter().map(|s: &Scale| s.id.clone()).collect();

    let mut stages: Vec<Stage> = Vec::new();
    let mut stage_spans = Vec::new();
    for stage in raw.stages {
        let span = stage.span();
        let s = stage.into_inner();
        c.id(&s.id, "stage", item_id_char, "[A-Za-z0-9_.-]+");
        if stages.iter().any(|o| o.id == *s.id.get_ref()) {
            c.error(
                s.id.span(),
                format!("stage id `{}` is used twice", s.id.get_ref()),
            );
        }
        let threshold = c.percent(&s.threshold, "threshold", scoring.stage_threshold);
        stages.push(Stage {
            id: s.id.into_inner(),
            name: s.name,
            summary: s.summary,
            customer_view: s.customer_view,
            next_step: s.next_step,
            threshold,
        });
        stage_spans.push(span);
    }
    let stage_ids: Vec<&str> = stages.iter().map(|s| s.id.as_str()).collect();

    let mut dimensions: Vec<Dimension> = Vec::new();
    let mut dimension_spans = Vec::new();
    for dim in raw.dimensions {
        let span = dim.span();
        let d = dim.into_inner();
        c.id(&d.id, "dimension", item_id_char, "[A-Za-z0-9_.-]+");
        if dimensions.iter().any(|o| o.id == *d.id.get_ref()) {
            c.error(
                d.id.span(),
                format!("dimension id `{}` is used twice", d.id.get_ref()),
            );
        }
        dimensions.push(Dimension {
            id: d.id.into_inner(),
            name: d.name,
            description: d.description,
        });
        dimension_spans.push(span);
    }
    let dimension_ids: Vec<&str> = dimensions.iter().map(|d| d.id.as_str()).collect();
    let scale_refs: Vec<&str> = scale_ids.iter().map(String::as_str).collect();

    if let Some(extra) = raw.questions.get(MAX_QUESTIONS) {
        c.error(extra.span(), format!("more than {MAX_QUESTIONS} questions"))
            .help = Some(
            "no survey this long can be answered well; split it into several questionnaires"
                .to_owned(),
        );
    }
    let mut questions = Vec::new();
    let mut question_spans = Vec::new();
    let mut question_index = HashMap::new();
    for question in raw.questions.into_iter().take(MAX_QUESTIONS) {
        let span = question.span();
        let q = question.into_inner();
        c.id(&q.id, "question", item_id_char, "[A-Za-z0-9_.-]+");
        if question_index.contains_key(q.id.get_ref()) {
            c.error(
                q.id.span(),
                format!("question id `{}` is used twice", q.id.get_ref()),
            )
            .help = Some(
                "answer files and CSV columns name questions by id, so ids must be unique"
                    .to_owned(),
            );
        }
        let stage = match &q.stage {
            Some(s) => c.resolve(s, &stage_ids, "stage"),
            None if !stages.is_empty() => {
                c.error(
                    span.clone(),
                    format!("question `{}` has no `stage`", q.id.get_ref()),
                )
                .help = Some(format!(
                    "every question needs one of: {}",
                    stage_ids.join(", ")
                ));
                None
            }
            None => None,
        };
        let dimension = q
            .dimension
            .as_ref()
            .and_then(|d| c.resolve(d, &dimension_ids, "dimension"));
        let scale = match &q.scale {
            Some(s) => c.resolve(s, &scale_refs, "scale"),
            None if scales.len() == 1 => Some(0),
            None => {
                if !scales.is_empty() {
                    c.error(
                        span.clone(),
                        format!("question `{}` needs a `scale`", q.id.get_ref()),
                    )
                    .help = Some(format!(
                        "several scales are declared: {}",
                        scale_refs.join(", ")
                    ));
                }
                None
            }
        };
        let weight = match &q.weight {
            Some(w)
                if !(w.get_ref().is_finite()
                    && *w.get_ref() > 0.0
                    && *w.get_ref() <= MAX_WEIGHT) =>
            {
                c.error(
                    w.span(),
                    format!(
                        "`weight` must be greater than 0 and at most {MAX_WEIGHT}, found {}",
                        short(*w.get_ref())
                    ),
                )
                .help = Some("use a small positive number such as 1.0 or 2.0".to_owned());
                1.0
            }
            Some(w) => *w.get_ref(),
            None => 1.0,
        };
        if q.text.is_blank() {
            c.error(
                span.clone(),
                format!("question `{}` has an empty `text`", q.id.get_ref()),
            );
        }
        let mirrors = mirror_links(&mut c, q.id.get_ref(), q.mirrors, meta.mirror_of.is_some());
        question_spans.push(span.clone());
        question_index.insert(q.id.get_ref().clone(), questions.len());
        questions.push(Question {
            id: q.id.into_inner(),
            stage,
            dimension,
            scale: scale.unwrap_or(0),
            text: q.text,
            help: q.help,
            weight,
            reverse: q.reverse,
            recommendation: q.recommendation,
            mirrors,
            aliases: q.aliases,
        });
    }

    for (i, stage) in stages.iter().enumerate() {
        if !questions.iter().any(|q| q.stage == Some(i)) {
            c.error(
                stage_spans[i].clone(),
                format!("stage `{}` has no questions", stage.id),
            )
            .help = Some(format!(
                "add a [[questions]] with stage = \"{}\", or remove the stage",
                stage.id
            ));
        }
    }
    for (i, dim) in dimensions.iter().enumerate() {
        if !questions.iter().any(|q| q.dimension == Some(i)) {
            c.warning(
                dimension_spans[i].clone(),
                format!("dimension `{}` has no questions", dim.id),
            );
        }
    }
    if questions.is_empty() {
        c.out.push(
            Diagnostic::error(file, "the questionnaire has no questions")
                .with_help("add at least one [[questions]] table with an id and a text"),
        );
    }

    let langs = &languages;
    missing_languages(
        &mut c,
        langs,
        meta_span,
        "[questionnaire]",
        &[
            ("title", Some(&meta.title)),
            ("description", meta.description.as_ref()),
        ],
    );
    missing_languages(
        &mut c,
        langs,
        scoring_span,
        "[scoring]",
        &[
            (
                "below_first_stage",
                matches!(scoring.below_first_stage, Text::Localized(_))
                    .then_some(&scoring.below_first_stage),
            ),
            (
                "below_first_stage_view",
                scoring.below_first_stage_view.as_ref(),
            ),
        ],
    );
    for (scale, span) in scales.iter().zip(&scale_spans) {
        let mut fields: Vec<(&str, Option<&Text>)> = scale
            .options
            .iter()
            .map(|o| ("option labels", Some(&o.label)))
            .collect();
        fields.extend(
            scale
                .options
                .iter()
                .filter_map(|o| o.help.as_ref().map(|h| ("option help", Some(h)))),
        );
        fields.push(("not_applicable", scale.not_applicable.as_ref()));
        fields.push(("dont_know", scale.dont_know.as_ref()));
        missing_languages(
            &mut c,
            langs,
            span.clone(),
            &format!("scale `{}`", scale.id),
            &fields,
        );
    }
    for (st, span) in stages.iter().zip(&stage_spans) {
        let fields = [
            ("name", Some(&st.name)),
            ("summary", st.summary.as_ref()),
            ("customer_view", st.customer_view.as_ref()),
            ("next_step", st.next_step.as_ref()),
        ];
        missing_languages(
            &mut c,
            langs,
            span.clone(),
            &format!("stage `{}`", st.id),
            &fields,
        );
    }
    for (d, span) in dimensions.iter().zip(&dimension_spans) {
        missing_languages(
            &mut c,
            langs,
            span.clone(),
            &format!("dimension `{}`", d.id),
            &[
                ("name", Some(&d.name)),
                ("description", d.description.as_ref()),
            ],
        );
    }
    for (x, span) in questions.iter().zip(&question_spans) {
        let fields = [
            ("text", Some(&x.text)),
            ("help", x.help.as_ref()),
            ("recommendation", x.recommendation.as_ref()),
        ];
        missing_languages(
            &mut c,
            langs,
            span.clone(),
            &format!("question `{}`", x.id),
            &fields,
        );
    }

    let has_error = c.out.iter().any(Diagnostic::is_error);
    let members = |of: &dyn Fn(&Question) -> Option<usize>, n: usize| {
        let mut lists = vec![Vec::new(); n];
        for (i, q) in questions.iter().enumerate() {
            if let Some(list) = of(q).and_then(|k| lists.get_mut(k)) {
                list.push(i);
            }
        }
        lists
    };
    let by_stage = members(&|q| q.stage, stages.len());
    let n_questions = questions.len();
    let by_dimension = members(&|q| q.dimension, dimensions.len());
    let model = (!has_error).then(|| Questionnaire {
        id: meta.id.into_inner(),
        version: meta.version,
        title: meta.title,
        description: meta.description,
        languages,
        mirror_of: meta.mirror_of.map(Spanned::into_inner),
        scoring,
        scales,
        stages,
        dimensions,
        questions,
        question_index,
        by_stage,
        by_dimension,
        export_index: std::sync::OnceLock::new(),
        all: (0..n_questions).collect(),
    });
    (model, c.out)
}

/// The `mirrors` of question `id`, each with its place in the file for later reports. Links need
/// `mirror_of`; a link given twice is reported. Whether the ids exist is checked against the
/// mirrored questionnaire ([`super::check_mirrors`]).
fn mirror_links(
    c: &mut Checker<'_>,
    id: &str,
    links: Option<Vec<Spanned<String>>>,
    has_target: bool,
) -> Vec<Mirror> {
    let links = links.unwrap_or_default();
    let mut out: Vec<Mirror> = Vec::new();
    for link in links {
        let target = link.get_ref();
        if !has_target {
            c.error(
                link.span(),
                format!("question `{id}` mirrors `{target}`, but the questionnaire names no `mirror_of`"),
            )
            .help = Some(
                "add `mirror_of = \"ID\"` to [questionnaire], naming the self-assessment it mirrors"
                    .to_owned(),
            );
            continue;
        }
        if out.iter().any(|m| m.id == *target) {
            c.warning(
                link.span(),
                format!("question `{id}` mirrors `{target}` twice"),
            );
            continue;
        }
        out.push(Mirror {
            id: target.clone(),
            place: Diagnostic::warning(c.file, "").at(c.source, Some(link.span())),
        });
    }
    out
}

fn build_scale(c: &mut Checker<'_>, id: String, scale: Spanned<ScaleFile>) -> Scale {
    let scale = scale.into_inner();
    let options_span = scale.options.span();
    let mut options: Vec<ScaleOption> = Vec::new();
    if scale.options.get_ref().len() > MAX_OPTIONS {
        c.error(
            options_span.clone(),
            format!("scale `{id}` has more than {MAX_OPTIONS} options"),
        )
        .help = Some("a scale a respondent can choose from has a handful of options".to_owned());
    }
    for option in scale.options.into_inner().into_iter().take(MAX_OPTIONS) {
        let o = option.into_inner();
        let value = *o.value.get_ref();
        if !value.is_finite() || value.abs() > MAX_OPTION_VALUE {
            c.error(
                o.value.span(),
                format!("option value must be a number between -{MAX_OPTION_VALUE:e} and {MAX_OPTION_VALUE:e}, found {}", short(value)),
            )
            .help = Some("scores are computed from the range of the values; use values such as 1 to 5 or 0 to 1".to_owned());
            continue;
        }
        if options.iter().any(|p| (p.value - value).abs() < 1e-9) {
            c.error(
                o.value.span(),
                format!("option value {value} is used twice in scale `{id}`"),
            )
            .help = Some("each option of a scale needs its own value".to_owned());
            continue;
        }
        options.push(ScaleOption {
            value,
            label: o.label,
            help: o.help,
            aliases: o.aliases,
        });
    }
    if options.len() < 2 {
        c.error(
            options_span,
            format!("scale `{id}` needs at least two options with distinct values"),
        )
        .help = Some(
            "for example options = [{ value = 0, label = \"No\" }, { value = 1, label = \"Yes\" }]"
                .to_owned(),
        );
    }
    let min = options
        .iter()
        .map(|o| o.value)
        .fold(f64::INFINITY, f64::min);
    let max = options
        .iter()
        .map(|o| o.value)
        .fold(f64::NEG_INFINITY, f64::max);
    Scale {
        id,
        options,
        not_applicable: scale.not_applicable,
        not_applicable_aliases: scale.not_applicable_aliases,
        dont_know: scale.dont_know,
        dont_know_aliases: scale.dont_know_aliases,
        min,
        max,
    }
}
