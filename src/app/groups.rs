//! Respondents as groups (rule 7): [`Groups`] folds them into the whole group and, with `--by`,
//! one group per value of a metadata field; [`read_group`] reads answer files, folders of them
//! and CSV exports as one group, each respondent scored on every core and folded in input
//! order. `summarize`, `compare`, `gap` and a facilitated session's result read groups this way.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::failure::print_diagnostics;
use super::inputs::expand;
use super::questionnaire_cache::Questionnaires;
use super::records::{CsvOptions, for_each_prepared};
use crate::answers::{Metadata, Response};
use crate::diagnostic::Diagnostic;
use crate::questionnaire::Questionnaire;
use crate::scoring::{Assessment, GroupAccumulator, GroupResult, ScoreOptions, assess};

/// Respondents folded into the whole group and, with `--by`, into one group per value.
pub(crate) struct Groups {
    pub(crate) all: GroupAccumulator,
    pub(crate) by: BTreeMap<String, GroupAccumulator>,
    field: Option<String>,
    options: ScoreOptions,
}

impl Groups {
    pub(crate) fn new(q: &Questionnaire, field: Option<&str>, options: ScoreOptions) -> Self {
        Self {
            all: GroupAccumulator::new(q),
            by: BTreeMap::new(),
            field: field.map(str::to_owned),
            options,
        }
    }

    pub(crate) fn add(&mut self, q: &Questionnaire, response: &Response) {
        let individual = assess(
            q,
            response,
            ScoreOptions {
                max_recommendations: 0,
            },
        );
        self.add_assessed(q, response, &individual);
    }

    /// Adds a respondent whose own result is already computed.
    pub(crate) fn add_assessed(
        &mut self,
        q: &Questionnaire,
        response: &Response,
        individual: &Assessment,
    ) {
        self.all.add(response, individual);
        if let Some(field) = &self.field {
            let value = response
                .meta
                .get(field)
                .map_or_else(|| "(none)".to_owned(), str::to_owned);
            self.by
                .entry(value)
                .or_insert_with(|| GroupAccumulator::new(q))
                .add(response, individual);
        }
    }

    /// The group results, labelled in `lang`.
    pub(crate) fn finish(
        self,
        q: &Questionnaire,
        lang: &str,
    ) -> (GroupResult, Vec<(String, GroupResult)>) {
        let label = |n: usize| Metadata {
            respondent: Some(crate::i18n::fill(
                lang,
                "group of {n} respondents",
                &[("n", &n.to_string())],
            )),
            ..Metadata::default()
        };
        let n = self.all.respondents();
        let all = self.all.finish(q, label(n), self.options);
        let by = self
            .by
            .into_iter()
            .map(|(name, acc)| {
                let n = acc.respondents();
                (name, acc.finish(q, label(n), self.options))
            })
            .collect();
        (all, by)
    }
}

/// The respondents of `paths` folded into one group, with a group per value of metadata field
/// `by` when given. Invalid inputs, and respondents to another questionnaire than the first one
/// read, are reported and left out. `None` when no respondent is valid.
pub(crate) fn read_group(
    paths: &[PathBuf],
    questionnaires: &mut Questionnaires,
    csv: &CsvOptions,
    by: Option<&str>,
    options: ScoreOptions,
) -> anyhow::Result<Option<(Questionnaire, Groups)>> {
    let (inputs, problems) = expand(paths);
    print_diagnostics(&problems);
    let csv = &CsvOptions {
        by: by.map(str::to_owned),
        ..csv.clone()
    };
    let mut state: Option<(Questionnaire, Groups)> = None;
    let mut quality = Quality::default();
    // Each respondent's own result (for the distribution of placements) is the costly part.
    let prepare = |q: &Questionnaire, response: Response, warnings: &[Diagnostic], source: &str| {
        let individual = assess(
            q,
            &response,
            ScoreOptions {
                max_recommendations: 0,
            },
        );
        (response, individual, warnings.to_vec(), source.to_owned())
    };
    for_each_prepared(&inputs, questionnaires, csv, &prepare, None, &mut |q,
                                                                          (
        response,
        individual,
        warnings,
        source,
    )| {
        print_diagnostics(&warnings);
        if !response.completed && !csv.include_unfinished {
            quality.unfinished += 1;
            return Ok(());
        }
        let (first, groups) = state.get_or_insert_with(|| (q.clone(), Groups::new(q, by, options)));
        if first.id == q.id {
            quality.add(&response);
            groups.add_assessed(first, &response, &individual);
        } else {
            print_diagnostics(&[Diagnostic::error(
                &source,
                format!(
                    "answers questionnaire `{}`, but this group answers `{}`; left out",
                    q.id, first.id
                ),
            )
            .with_help("a group answers one questionnaire")]);
        }
        Ok(())
    })?;
    let source = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    print_diagnostics(&quality.notes(&source));
    Ok(state)
}

/// What a group's data says about itself: responses left out, respondents counted twice,
/// respondents who gave one answer to everything.
#[derive(Debug, Default)]
struct Quality {
    unfinished: usize,
    /// Hashes of the respondent ids seen: a set of names would grow with the group's size
    /// many times over.
    seen: std::collections::HashSet<u64>,
    duplicates: Vec<String>,
    duplicate_count: usize,
    straight: Vec<String>,
    straight_count: usize,
}

/// Names listed in a note; the rest are counted.
const NAMES_SHOWN: usize = 5;

impl Quality {
    fn add(&mut self, response: &Response) {
        use std::hash::{Hash, Hasher};
        if let Some(id) = response.meta.respondent.as_deref() {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            id.hash(&mut h);
            if !self.seen.insert(h.finish()) {
                self.duplicate_count += 1;
                if self.duplicates.len() < NAMES_SHOWN {
                    self.duplicates.push(id.to_owned());
                }
            }
        }
        let values: Vec<f64> = response
            .answers
            .iter()
            .filter_map(|a| match a {
                Some(crate::answers::Answer::Value(v)) => Some(*v),
                _ => None,
            })
            .collect();
        // Five answers or more, all the same: too few say nothing about how they were given.
        if values.len() >= 5 && values.iter().all(|v| (v - values[0]).abs() < 1e-9) {
            self.straight_count += 1;
            if self.straight.len() < NAMES_SHOWN {
                self.straight
                    .push(response.meta.respondent.clone().unwrap_or_default());
            }
        }
    }

    fn notes(&self, source: &str) -> Vec<Diagnostic> {
        let names = |list: &[String], count: usize| {
            let shown: Vec<String> = list.iter().map(|n| format!("`{n}`")).collect();
            match count.saturating_sub(list.len()) {
                0 => shown.join(", "),
                more => format!("{} and {more} more", shown.join(", ")),
            }
        };
        let mut out = Vec::new();
        if self.unfinished > 0 {
            out.push(
                Diagnostic::note(
                    source,
                    format!(
                        "{} unfinished response{} left out of the group result",
                        self.unfinished,
                        if self.unfinished == 1 { "" } else { "s" }
                    ),
                )
                .with_help("pass --include-unfinished to count them"),
            );
        }
        if self.duplicate_count > 0 {
            out.push(
                Diagnostic::warning(
                    source,
                    format!(
                        "respondent ids appear more than once ({} repeat{}): {}",
                        self.duplicate_count,
                        if self.duplicate_count == 1 { "" } else { "s" },
                        names(&self.duplicates, self.duplicate_count)
                    ),
                )
                .with_help("each is counted every time it appears; remove repeated responses if they are the same person's"),
            );
        }
        if self.straight_count > 0 {
            out.push(Diagnostic::note(
                source,
                format!(
                    "{} respondent{} gave the same answer to every item (straight-lining): {}",
                    self.straight_count,
                    if self.straight_count == 1 { "" } else { "s" },
                    names(&self.straight, self.straight_count)
                ),
            ));
        }
        out
    }
}
