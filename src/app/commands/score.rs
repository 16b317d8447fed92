//! `centricity score`: every input scored and rendered; invalid inputs reported and skipped.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::answers::{AnswerDocument, CsvLayout, Response};
use crate::app::failure::{Exit, Failure, print_diagnostics};
use crate::app::inputs::{
    Input, TomlKind, bundled_ids, expand, load_questionnaire, named_questionnaire, toml_kind,
};
use crate::app::records::{CsvOptions, RowWork, for_each_prepared, is_csv};
use crate::app::sink::Sink;
use crate::cli::ScoreArgs;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::questionnaire::{Bundled, Questionnaire};
use crate::report::{self, Format, Scored};
use crate::scoring::{ScoreOptions, assess};

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

/// A rendered respondent: its bytes (or why they could not be rendered), its source and its
/// warnings.
type Prepared = (std::io::Result<Vec<u8>>, String, Vec<Diagnostic>);

thread_local! {
    /// Per-thread figures of the batch CSV path.
    static BATCH: std::cell::RefCell<crate::scoring::Figures> =
        std::cell::RefCell::default();
}

pub(crate) fn run(args: &ScoreArgs) -> anyhow::Result<Exit> {
    let format = crate::app::sink::output_format(&args.out)?;
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
    if let Some(q) = questionnaires.forced() {
        crate::app::language::requested(args.common.lang.as_deref(), q)?;
    }
    let (inputs, problems) = expand(&args.inputs);
    let mut invalid = problems.iter().any(Diagnostic::is_error);
    print_diagnostics(&problems);
    if inputs.is_empty() {
        return Err(Failure::invalid("nothing to score")
            .hint("name answer files, folders of them, or -")
            .into());
    }

    if format == Format::Html && (inputs.len() > 1 || inputs.iter().any(is_csv)) {
        return Err(Failure::usage("an HTML report shows one respondent; several were given")
            .hint("score one answer file with --format html, or use `centricity summarize --format html` for the group")
            .into());
    }
    // A bad CSV row fails the whole run: hold standard output back until the end so that
    // nothing partial is printed (a file output is atomic anyway).
    let whole = !args.csv.skip_invalid && inputs.iter().any(is_csv);
    let mut read: Vec<&Path> = args.inputs.iter().map(PathBuf::as_path).collect();
    read.extend(args.questionnaire.as_deref().map(Path::new));
    read.extend(args.csv.map.as_deref());
    let mut sink = Sink::open(args.out.output.as_deref(), args.out.force, whole, &read)?;
    let options = ScoreOptions {
        max_recommendations: args.top,
    };
    let mut csv = CsvOptions::from_args(&args.csv)?;
    // A results CSV keeps the metadata columns of the first input (an export's own columns
    // beyond role, team, date and language); later exports fill those they share.
    let csv_metadata = (format == Format::Csv)
        .then(|| std::sync::Arc::new(std::sync::OnceLock::<Vec<String>>::new()));
    csv.output_metadata.clone_from(&csv_metadata);
    let mut scored = 0usize;
    let mut unwritable = false;
    let lang_flag = args.common.lang.as_deref();
    let width = sink.width();
    // Scoring and rendering run on every core; rows are written in input order.
    let prepare = |q: &Questionnaire, response: Response, warnings: &[Diagnostic], source: &str| {
        let lang = pick_language(lang_flag, &response, q);
        let assessment = assess(q, &response, options);
        let view = Scored {
            questionnaire: q,
            response: &response,
            assessment: &assessment,
            source,
            warnings,
            lang: &lang,
        };
        let shown = format == Format::Table;
        (
            report::render_one(
                format,
                width,
                &view,
                // Answer files carry no extra metadata: when one comes first, the CSV has none.
                csv_metadata
                    .as_ref()
                    .map_or(&[][..], |m| m.get_or_init(Vec::new)),
            ),
            source.to_owned(),
            if shown { Vec::new() } else { warnings.to_vec() },
        )
    };
    // For CSV output of CSV exports, rows go straight from the record to the line, with the
    // same figures and the same layout but none of a full assessment's allocations.
    // A piece's rows are gathered into one result.
    let fast = |layout: &CsvLayout,
                q: &Questionnaire,
                record: &csv::StringRecord,
                row: u64,
                line: u64,
                out: &mut Vec<Prepared>| {
        BATCH.with(|cell| {
            let figures = &mut *cell.borrow_mut();
            layout.item_scores_into(q, record, row, line, &mut figures.items)?;
            figures.compute_from_items(q);
            let meta = layout.known_meta(record);
            let lang = crate::app::language::language(
                lang_flag,
                (!meta[3].is_empty()).then_some(meta[3]),
                q,
            );
            if out.is_empty() {
                out.push((Ok(Vec::with_capacity(1 << 21)), String::new(), Vec::new()));
            }
            if let Some((Ok(bytes), _, _)) = out.last_mut() {
                report::csv_row(
                    bytes,
                    q,
                    lang,
                    (&layout.respondent(record, row), layout.file()),
                    (meta, layout.is_finished(record)),
                    &mut layout.output_metadata(record),
                    figures,
                );
            }
            Ok(())
        })
    };
    let rows: Option<&RowWork<'_, Prepared>> = (format == Format::Csv).then_some(&fast);
    let mut header_for: Option<String> = None;
    let mut languages_checked = std::collections::HashSet::new();
    invalid |= for_each_prepared(
        &inputs,
        &mut questionnaires,
        &csv,
        &prepare,
        rows,
        &mut |q, (bytes, source, warnings)| {
            // A --lang the questionnaire lacks ends the run before its first result is written.
            if !languages_checked.contains(&q.id) {
                crate::app::language::requested(lang_flag, q)?;
                languages_checked.insert(q.id.clone());
            }
            print_diagnostics(&warnings);
            let bytes = match bytes {
                Ok(b) => b,
                Err(e) => {
                    unwritable = true;
                    print_diagnostics(&[Diagnostic::error(&source, e.to_string())]);
                    return Ok(());
                }
            };
            match (&header_for, format) {
                (None, Format::Csv) => sink.write_all(&report::csv_header(
                    q,
                    csv_metadata
                        .as_ref()
                        .and_then(|m| m.get())
                        .map_or(&[][..], Vec::as_slice),
                ))?,
                (Some(id), Format::Csv) if *id != q.id => {
                    unwritable = true;
                    print_diagnostics(&[Diagnostic::error(
                        &source,
                        format!(
                            "answers to questionnaire `{}` cannot share a CSV with answers to `{id}`; score them separately",
                            q.id
                        ),
                    )]);
                    return Ok(());
                }
                (None, Format::Json) => sink.write_all(report::results_open())?,
                (Some(_), Format::Json) => sink.write_all(report::RESULTS_SEPARATOR)?,
                (Some(_), Format::Markdown) => sink.write_all(b"\n---\n\n")?,
                (Some(_), Format::Table) => {
                    sink.write_all(report::table_separator(width).as_bytes())?
                }
                _ => {}
            }
            header_for.get_or_insert_with(|| q.id.clone());
            sink.write_all(&bytes)?;
            scored += 1;
            Ok(())
        },
    )?;
    invalid |= unwritable;
    if scored == 0 && !invalid {
        // Every input was skipped (questionnaires in a folder): say so rather than print nothing.
        return Err(
            Failure::invalid("nothing to score: no answer files among the inputs")
                .hint("name answer files, folders of them, CSV exports, or -")
                .into(),
        );
    }
    if format == Format::Json {
        // One document, whatever the number of results: with none, an empty `results`.
        if header_for.is_none() {
            sink.write_all(report::results_open())?;
        }
        sink.write_all(report::results_close(header_for.is_some()))?;
    }

    sink.flush()?;
    if scored > 0 || args.out.output.is_none() {
        sink.finish()?;
    }
    Ok(if invalid {
        Exit::Invalid
    } else {
        Exit::Success
    })
}

/// `--lang`, else the answer file's language, else the questionnaire's first.
pub(crate) fn pick_language(flag: Option<&str>, response: &Response, q: &Questionnaire) -> String {
    crate::app::language::language(flag, response.meta.language.as_deref(), q).to_owned()
}
