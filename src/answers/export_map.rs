//! A map file (DESIGN.md section 8): how the columns and cells of one export are read, stated
//! by the user where the automatic reading cannot know, such as what a tool's numeric codes mean.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::response::Answer;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::toml_source;

/// Map files are a few lines per column; anything larger is not one.
const MAX_MAP_BYTES: usize = 1 << 20;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    questionnaire: Option<Spanned<String>>,
    #[serde(default)]
    columns: BTreeMap<Spanned<String>, Spanned<String>>,
    values: Option<BTreeMap<Spanned<String>, Spanned<CellMeaning>>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum CellMeaning {
    Number(f64),
    Text(String),
}

/// Where a column of an export goes, as the map says.
#[derive(Debug, Clone, PartialEq)]
pub enum MapTarget {
    /// The column that identifies respondents.
    Respondent,
    /// A question, or a metadata field, by name: which one is decided against the questionnaire.
    Name(String),
    /// Not read at all.
    Ignore,
}

/// One `[columns]` entry.
#[derive(Debug, Clone)]
pub struct MapColumn {
    pub header: String,
    pub target: MapTarget,
    pub(crate) key_span: Range<usize>,
    pub(crate) value_span: Range<usize>,
}

/// One `[values]` entry.
#[derive(Debug, Clone)]
pub struct MapValue {
    pub cell: String,
    pub answer: Answer,
    pub(crate) span: Range<usize>,
}

/// A parsed map file.
#[derive(Debug, Clone)]
pub struct ExportMap {
    pub file: String,
    source: String,
    pub questionnaire: Option<String>,
    pub columns: Vec<MapColumn>,
    /// `None` without a `[values]` table; an empty table says numbers are option values.
    pub values: Option<Vec<MapValue>>,
}

impl ExportMap {
    /// Parses a map file; every problem is reported with its line and column.
    pub fn parse(file: &str, source: String) -> Result<Self, Diagnostics> {
        if source.len() > MAX_MAP_BYTES {
            return Err(Diagnostics(vec![Diagnostic::error(
                file,
                format!(
                    "the file is larger than {} MiB; a map file is a few lines per column",
                    MAX_MAP_BYTES >> 20
                ),
            )]));
        }
        let parsed: MapFile = {
            let document = toml_source::parse(file, &source).map_err(|d| Diagnostics(vec![d]))?;
            toml_source::deserialize(file, &source, document).map_err(|d| Diagnostics(vec![d]))?
        };
        let mut problems = Vec::new();
        let columns = parsed
            .columns
            .into_iter()
            .map(|(k, v)| {
                let (key_span, value_span) = (k.span(), v.span());
                let target = match v.get_ref().trim() {
                    "respondent" => MapTarget::Respondent,
                    "" | "ignore" => MapTarget::Ignore,
                    name => MapTarget::Name(name.to_owned()),
                };
                MapColumn {
                    header: k.into_inner().trim().to_owned(),
                    target,
                    key_span,
                    value_span,
                }
            })
            .collect();
        let values = crate::diagnostic::indexed(&source, || {
            parsed.values.map(|values| {
                values
                    .into_iter()
                    .filter_map(|(k, v)| {
                        let span = v.span();
                        let answer = match v.into_inner() {
                            CellMeaning::Number(n) if n.is_finite() => Answer::Value(n),
                            CellMeaning::Text(t)
                                if t.trim().eq_ignore_ascii_case("n/a")
                                    || t.trim().eq_ignore_ascii_case("na") =>
                            {
                                Answer::NotApplicable
                            }
                            CellMeaning::Text(t) if t.trim().eq_ignore_ascii_case("dk") => {
                                Answer::DontKnow
                            }
                            CellMeaning::Text(t)
                                if t.trim().parse::<f64>().is_ok_and(f64::is_finite) =>
                            {
                                Answer::Value(t.trim().parse().unwrap_or(0.0))
                            }
                            other => {
                                let shown = match other {
                                    CellMeaning::Number(n) => n.to_string(),
                                    CellMeaning::Text(t) => format!("\"{}\"", t.escape_debug()),
                                };
                                problems.push(
                                    Diagnostic::error(file, format!("{shown} is not an answer"))
                                        .at(&source, Some(span))
                                        .with_help("write an option value (a number) or \"n/a\""),
                                );
                                return None;
                            }
                        };
                        Some(MapValue {
                            cell: k.into_inner(),
                            answer,
                            span,
                        })
                    })
                    .collect()
            })
        });
        if !problems.is_empty() {
            return Err(Diagnostics(problems));
        }
        Ok(Self {
            file: file.to_owned(),
            questionnaire: parsed.questionnaire.map(Spanned::into_inner),
            columns,
            values,
            source,
        })
    }

    /// An error placed at `span` of the map file.
    pub(crate) fn error_at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.file, message).at(&self.source, Some(span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_values() {
        let map = ExportMap::parse(
            "m.toml",
            "questionnaire = \"customer-centricity\"\n[columns]\n\"Q1_1\" = \"focused-knowledge\"\nResponseId = \"respondent\"\n[values]\n\"6\" = \"n/a\"\nAO01 = 1\n".to_owned(),
        )
        .unwrap();
        assert_eq!(map.questionnaire.as_deref(), Some("customer-centricity"));
        assert_eq!(map.columns.len(), 2);
        assert!(
            map.columns
                .iter()
                .any(|c| c.header == "ResponseId" && c.target == MapTarget::Respondent)
        );
        let values = map.values.unwrap();
        assert!(
            values
                .iter()
                .any(|v| v.cell == "6" && v.answer == Answer::NotApplicable)
        );
        assert!(
            values
                .iter()
                .any(|v| v.cell == "AO01" && v.answer == Answer::Value(1.0))
        );
    }

    #[test]
    fn an_empty_values_table_is_kept() {
        let map = ExportMap::parse("m.toml", "[values]\n".to_owned()).unwrap();
        assert!(map.values.is_some_and(|v| v.is_empty()));
        let map = ExportMap::parse("m.toml", "[columns]\n".to_owned()).unwrap();
        assert!(map.values.is_none());
    }

    #[test]
    fn problems_have_a_place() {
        let e = ExportMap::parse("m.toml", "[values]\n\"6\" = \"maybe\"\n".to_owned()).unwrap_err();
        assert_eq!((e.0[0].line, e.0[0].column), (Some(2), Some(7)));
        let e = ExportMap::parse("m.toml", "[colums]\n".to_owned()).unwrap_err();
        assert_eq!(e.0[0].line, Some(1));
    }
}
