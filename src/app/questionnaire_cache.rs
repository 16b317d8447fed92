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
use crate::questionnaire::{BUNDLED, Bundled, Questionnaire};

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
        if let Some(m) = map
            && let Some(id) = m.questionnaire.as_deref()
        {
            // `id@version` names a version; a bare id the version that knows the most of the
            // question ids the map names and of the export's columns, the current one when
            // none knows more.
            let names: Vec<&str> = m
                .columns
                .iter()
                .filter_map(|c| match &c.target {
                    crate::answers::MapTarget::Name(n) => Some(n.as_str()),
                    _ => None,
                })
                .collect();
            let mut chosen = Bundled::find(id);
            if !id.contains('@') {
                let mut best = 0;
                for b in BUNDLED.iter().filter(|b| b.id == id) {
                    let q = load_exact(&mut self.bundled, b)?;
                    let known = names.iter().filter(|n| q.question(n).is_some()).count()
                        + crate::answers::matching_columns(head, q);
                    if known > best {
                        best = known;
                        chosen = Some(b);
                    }
                }
            }
            return match chosen
                .map(|b| load_exact(&mut self.bundled, b))
                .transpose()?
            {
                Some(q) => Ok(q),
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
        // Every bundled version is a candidate, the default's current version first: an export
        // written with an older version's ids or wording is read with that version when it
        // matches more of its columns.
        let mut keys: Vec<&'static Bundled> = BUNDLED
            .iter()
            .filter(|b| b.id == self.csv_default && b.is_current())
            .collect();
        keys.extend(
            BUNDLED
                .iter()
                .filter(|b| b.id == self.csv_default && !b.is_current()),
        );
        keys.extend(
            BUNDLED
                .iter()
                .filter(|b| b.id != self.csv_default && b.is_current()),
        );
        keys.extend(
            BUNDLED
                .iter()
                .filter(|b| b.id != self.csv_default && !b.is_current()),
        );
        let mut best: Option<(String, usize, bool)> = None;
        for b in keys {
            let key = key(b.id, b.version);
            let q = load_exact(&mut self.bundled, b)?;
            let matches = crate::answers::matching_columns(head, q);
            let default = b.id == self.csv_default;
            if matches > 0 && best.as_ref().is_none_or(|(_, m, _)| matches > *m) {
                best = Some((key, matches, default));
            }
            // An export of the default questionnaire needs no look at the others.
            if !default && best.as_ref().is_some_and(|(_, _, d)| *d) {
                break;
            }
        }
        let key = match best {
            Some((key, _, _)) => key,
            None => {
                let b = Bundled::find(self.csv_default).ok_or_else(|| {
                    Failure::usage(format!(
                        "questionnaire `{}` is not bundled",
                        self.csv_default
                    ))
                })?;
                load_exact(&mut self.bundled, b)?;
                key(b.id, b.version)
            }
        };
        Ok(&self.bundled[&key])
    }

    /// The questionnaire `doc` is checked against, when [`Self::for_document`] has loaded it.
    pub(crate) fn cached(&self, doc: &AnswerDocument) -> Option<&Questionnaire> {
        self.forced.as_ref().or_else(|| {
            let b = bundled_for_document(&self.bundled, doc)?;
            self.bundled.get(&key(b.id, b.version))
        })
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
        let bundled_version = doc
            .questionnaire_version()
            .is_some_and(|v| Bundled::find_version(id, v).is_some());
        if !bundled_version {
            // Every version the file could answer is parsed, to pick the one its ids belong to.
            for b in BUNDLED.iter().filter(|b| b.id == id) {
                load_exact(&mut self.bundled, b)?;
            }
            if let Some(b) = bundled_for_document(&self.bundled, doc) {
                return load_exact(&mut self.bundled, b);
            }
        }
        match load_bundled(&mut self.bundled, id, doc.questionnaire_version())? {
            Some(q) => Ok(q),
            None => Err(Diagnostics(vec![doc.questionnaire_error(
                &format!("questionnaire `{id}` is not bundled"),
                &format!("pass --questionnaire FILE; bundled: {}", bundled_ids()),
            )])),
        }
    }

    /// Bundled questionnaire `id` at `version` when that version is bundled, else its current
    /// version, parsed once; `None` when none of that id is bundled.
    pub(crate) fn bundled(
        &mut self,
        id: &str,
        version: Option<&str>,
    ) -> Result<Option<&Questionnaire>, Diagnostics> {
        load_bundled(&mut self.bundled, id, version)
    }
}

/// The cache key of a bundled questionnaire: its id and version.
fn key(id: &str, version: &str) -> String {
    format!("{id}@{version}")
}

/// The bundled questionnaire answers to `id` at `version` are scored with: that version when
/// it is bundled, else the current one (the answer file's check then warns that the versions
/// differ).
fn bundled_for(id: &str, version: Option<&str>) -> Option<&'static Bundled> {
    version
        .and_then(|v| Bundled::find_version(id, v))
        .or_else(|| Bundled::find(id))
}

/// The bundled questionnaire an answer file is checked against: the version it names when that
/// is bundled; for a file that names none (or one not bundled), the current version unless an
/// older one (already in `cache`) knows more of the file's question ids, so that an answer file
/// written for 1.0.0 before files recorded their version still scores as it was answered.
fn bundled_for_document(
    cache: &HashMap<String, Questionnaire>,
    doc: &AnswerDocument,
) -> Option<&'static Bundled> {
    let id = doc.questionnaire_id();
    if let Some(b) = doc
        .questionnaire_version()
        .and_then(|v| Bundled::find_version(id, v))
    {
        return Some(b);
    }
    let known = |b: &Bundled| {
        cache.get(&key(b.id, b.version)).map_or(0, |q| {
            doc.question_ids()
                .filter(|x| q.question(x).is_some())
                .count()
        })
    };
    let current = Bundled::find(id)?;
    let best = BUNDLED
        .iter()
        .filter(|b| b.id == id)
        .max_by_key(|b| (known(b), b.is_current()))?;
    Some(if known(best) > known(current) {
        best
    } else {
        current
    })
}

/// Bundled questionnaire `b`, parsed into `cache` the first time.
fn load_exact<'c>(
    cache: &'c mut HashMap<String, Questionnaire>,
    b: &Bundled,
) -> Result<&'c Questionnaire, Diagnostics> {
    let key = key(b.id, b.version);
    if !cache.contains_key(&key) {
        cache.insert(key.clone(), b.load()?);
    }
    Ok(&cache[&key])
}

/// Bundled questionnaire `id` (at `version` when that is bundled) from `cache`, parsed into it
/// the first time; `None` when none of that id is bundled.
fn load_bundled<'c>(
    cache: &'c mut HashMap<String, Questionnaire>,
    id: &str,
    version: Option<&str>,
) -> Result<Option<&'c Questionnaire>, Diagnostics> {
    match bundled_for(id, version) {
        Some(b) => load_exact(cache, b).map(Some),
        None => Ok(None),
    }
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
