//! Reading a questionnaire from TOML text: syntax, unknown keys, types, then meaning.

use toml::de::DeTable;

use super::format::{
    DimensionFile, MetaFile, OptionFile, QuestionFile, QuestionnaireFile, ScaleFile, ScoringFile,
    StageFile,
};
use super::model::Questionnaire;
use super::validate::validate;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::toml_source::{self, check_keys, fields_of, table, tables};

/// The largest questionnaire file read; anything bigger is refused before parsing.
pub const MAX_QUESTIONNAIRE_BYTES: usize = 4 * 1024 * 1024;

/// Parses and validates questionnaire `source` read from `file` (a name used in diagnostics).
///
/// On success returns the questionnaire and its warnings; otherwise every problem found.
pub fn parse_questionnaire(
    file: &str,
    source: &str,
) -> Result<(Questionnaire, Vec<Diagnostic>), Diagnostics> {
    if source.len() > MAX_QUESTIONNAIRE_BYTES {
        return Err(Diagnostics(vec![Diagnostic::error(
            file,
            format!(
                "the file is {} bytes; questionnaires are limited to {} bytes",
                source.len(),
                MAX_QUESTIONNAIRE_BYTES
            ),
        )]));
    }
    crate::diagnostic::indexed(source, || parse_indexed(file, source))
}

fn parse_indexed(
    file: &str,
    source: &str,
) -> Result<(Questionnaire, Vec<Diagnostic>), Diagnostics> {
    let document = toml_source::parse(file, source).map_err(|d| Diagnostics(vec![d]))?;
    let mut found = Vec::new();
    check_questionnaire_keys(file, source, document.get_ref(), &mut found);
    let raw: QuestionnaireFile = match toml_source::deserialize(file, source, document) {
        Ok(raw) => raw,
        Err(d) => {
            found.push(d);
            return Err(Diagnostics(found));
        }
    };
    let (model, diagnostics) = validate(file, source, raw);
    found.extend(diagnostics);
    // Reading order is easiest to act on; problems without a place come last.
    found.sort_by_key(|d| (d.line.is_none(), d.line, d.column));
    crate::diagnostic::cap(file, &mut found);
    match model {
        Some(q) if !found.iter().any(Diagnostic::is_error) => Ok((q, found)),
        _ => Err(Diagnostics(found)),
    }
}

fn check_questionnaire_keys(
    file: &str,
    source: &str,
    root: &DeTable<'_>,
    out: &mut Vec<Diagnostic>,
) {
    check_keys(
        file,
        source,
        root,
        fields_of::<QuestionnaireFile>(),
        "the questionnaire file",
        out,
    );
    if let Some(t) = table(root, "questionnaire") {
        check_keys(
            file,
            source,
            t,
            fields_of::<MetaFile>(),
            "[questionnaire]",
            out,
        );
    }
    if let Some(t) = table(root, "scoring") {
        check_keys(
            file,
            source,
            t,
            fields_of::<ScoringFile>(),
            "[scoring]",
            out,
        );
    }
    if let Some(scales) = table(root, "scales") {
        for (name, scale) in scales {
            if let Some(t) = scale.get_ref().as_table() {
                let what = format!("[scales.{}]", name.get_ref());
                check_keys(file, source, t, fields_of::<ScaleFile>(), &what, out);
                for option in tables(t, "options") {
                    check_keys(
                        file,
                        source,
                        option,
                        fields_of::<OptionFile>(),
                        "a scale option",
                        out,
                    );
                }
            }
        }
    }
    for t in tables(root, "stages") {
        check_keys(file, source, t, fields_of::<StageFile>(), "[[stages]]", out);
    }
    for t in tables(root, "dimensions") {
        check_keys(
            file,
            source,
            t,
            fields_of::<DimensionFile>(),
            "[[dimensions]]",
            out,
        );
    }
    for t in tables(root, "questions") {
        check_keys(
            file,
            source,
            t,
            fields_of::<QuestionFile>(),
            "[[questions]]",
            out,
        );
    }
}
