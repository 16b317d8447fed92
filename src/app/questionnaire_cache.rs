//! The questionnaires a command reads answers against, each parsed once: the one named with
//! `--questionnaire` (or the option a command names it with), else the bundled one each answer
//! file or export calls for; and [`load_response`], one answer input read and checked against
//! its questionnaire.

use std::collections::HashMap;

use super::failure::{Failure, print_diagnostics};
use super::inputs::{
    Input, TomlKind, bundled_ids, load_questionnaire, named_questionnaire, toml_kind,
};
use crate::answers::{AnswerDocument, Response};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::questionnaire::{Bundled, Questionnaire};

/// Questionnaires by id: the one forced with `--questionnaire`, else bundled ones on demand.
pub(crate) struct Questionnaires {
    forced: Option<Questionnaire>,
    bundled: HashMap<String, Questionnaire>,
    /// The bundled questionnaire of CSV exports when none is forced.
    csv_default: &'static str,
    /// The option that names the questionnaire, for hints.
    flag: &'static str,
}

impl Questionnaires {
    pub(crate) fn new(spec: Option<&str>) -> anyhow::Result<Self> {
        let forced = match spec {
            Some(s) => {
                let (q, warnings) = load_questionnaire(s)?;
                print_diagnostics(&warnings);
                Some(q)
            }
            None => None,
        };
        Ok(Self {
            forced,
            bundled: HashMap::new(),
            csv_default: crate::questionnaire::DEFAULT_ID,
            flag: "--questionnaire",
        })
    }

    /// The same, for a command whose option naming the questionnaire is `flag`.
    pub(crate) fn with_flag(mut self, flag: &'static str) -> Self {
        self.flag = flag;
        self
    }

    /// The option that names the questionnaire in this command.
    pub(crate) fn flag(&self) -> &'static str {
        self.flag
    }

    /// The questionnaire forced with `--questionnaire`, if any.
    pub(crate) fn forced(&self) -> Option<&Questionnaire> {
        self.forced.as_ref()
    }

    /// The same, reading CSV exports as answers to bundled questionnaire `id` unless one is
    /// forced.
    pub(crate) fn with_csv_default(mut self, id: &'static str) -> Self {
        self.csv_default = id;
        self
    }

    /// The questionnaire of an export, which does not name one: `--questionnaire`; else the
    /// map file's; else the default bundled questionnaire when any column is one of its
    /// questions (by id, alias or text); else the bundled questionnaire with the most question
    /// columns (so that an export of the customer-view survey needs no flag); else the default,
    /// whose error lists the expected columns.
    pub(crate) fn for_export(
        &mut self,
        head: &crate::answers::ExportHead,
        map: Option<&crate::answers::ExportMap>,
    ) -> anyhow::Result<&Questionnaire> {
        if let Some(q) = &self.forced {
            return Ok(q);
        }
        if let Some(id) = map.and_then(|m| m.questionnaire.as_deref()) {
            return match load_bundled(&mut self.bundled, id)? {
                Some(_) => Ok(&self.bundled[id]),
                None => Err(Failure::usage(format!(
                    "the map names questionnaire `{id}`, which is not bundled"
                ))
                .hint(format!(
                    "bundled questionnaires: {}; for your own, pass --questionnaire FILE",
                    bundled_ids()
                ))
                .into()),
            };
        }
        let mut ids: Vec<&'static str> = vec![self.csv_default];
        ids.extend(
            crate::questionnaire::BUNDLED
                .iter()
                .map(|b| b.id)
                .filter(|id| *id != self.csv_default),
        );
        let mut best: Option<(&'static str, usize)> = None;
        for id in ids {
            let q = load_bundled(&mut self.bundled, id)?
                .ok_or_else(|| Failure::usage(format!("questionnaire `{id}` is not bundled")))?;
            let matches = crate::answers::matching_columns(head, q);
            if matches > 0 && best.is_none_or(|(_, m)| matches > m) {
                best = Some((id, matches));
            }
            if id == self.csv_default && matches > 0 {
                break;
            }
        }
        let id = best.map_or(self.csv_default, |(id, _)| id);
        Ok(&self.bundled[id])
    }

    /// The questionnaire `doc` is checked against, when [`Self::for_document`] has loaded it.
    pub(crate) fn cached(&self, doc: &AnswerDocument) -> Option<&Questionnaire> {
        self.forced
            .as_ref()
            .or_else(|| self.bundled.get(doc.questionnaire_id()))
    }

    /// The questionnaire to check `doc` against.
    pub(crate) fn for_document(
        &mut self,
        doc: &AnswerDocument,
    ) -> Result<&Questionnaire, Diagnostics> {
        if let Some(q) = &self.forced {
            return Ok(q);
        }
        let id = doc.questionnaire_id();
        if load_bundled(&mut self.bundled, id)?.is_none() {
            return Err(Diagnostics(vec![doc.questionnaire_error(
                &format!("questionnaire `{id}` is not bundled"),
                &format!("pass --questionnaire FILE; bundled: {}", bundled_ids()),
            )]));
        }
        Ok(&self.bundled[id])
    }

    /// Bundled questionnaire `id`, parsed once; `None` when none of that id is bundled.
    pub(crate) fn bundled(&mut self, id: &str) -> Result<Option<&Questionnaire>, Diagnostics> {
        load_bundled(&mut self.bundled, id)
    }
}

/// Bundled questionnaire `id` from `cache`, parsed into it the first time; `None` when none of
/// that id is bundled.
fn load_bundled<'c>(
    cache: &'c mut HashMap<String, Questionnaire>,
    id: &str,
) -> Result<Option<&'c Questionnaire>, Diagnostics> {
    if !cache.contains_key(id) {
        let Some(b) = Bundled::find(id) else {
            return Ok(None);
        };
        cache.insert(id.to_owned(), b.load()?);
    }
    Ok(cache.get(id))
}

/// Reads and checks one answer input.
pub(crate) fn load_response<'q>(
    input: &Input,
    questionnaires: &'q mut Questionnaires,
) -> Result<(&'q Questionnaire, Response, Vec<Diagnostic>), Diagnostics> {
    let name = input.name();
    let text = input.read().map_err(|d| Diagnostics(vec![d]))?;
    if toml_kind(&text) == Some(TomlKind::Questionnaire) {
        return Err(Diagnostics(vec![named_questionnaire(
            input,
            questionnaires.flag(),
        )]));
    }
    let doc = AnswerDocument::parse(&name, text)?;
    let q = questionnaires.for_document(&doc)?;
    let (response, warnings) = doc.resolve(q)?;
    Ok((q, response, warnings))
}
