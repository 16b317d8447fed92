//! Rendering results. What a text report says is built once per report kind ([`view`]) and
//! drawn by one writer per text format ([`write`]); JSON and CSV write the typed results as
//! data. Renderers write to any `io::Write` and never decide where output goes.

mod csv;
mod identity;
mod json;
#[cfg(test)]
pub(crate) use json::to_json as result_json;
pub(crate) use json::write_json;
pub(crate) mod number;
pub(crate) mod view;
mod write;

use std::io::{self, Write};

use crate::answers::Response;
use crate::comparison::Comparison;
use crate::diagnostic::Diagnostic;
use crate::gap::Gap;
use crate::i18n::tr;
use crate::questionnaire::Questionnaire;
use crate::scoring::{Assessment, GroupResult};
use number::Numbers;

pub use self::csv::CsvRenderer;
pub use self::identity::Identity;
pub use self::json::{
    COMPARISON_SCHEMA, GAP_SCHEMA, GROUP_SCHEMA, JsonRenderer, RESULT_SCHEMA, RESULTS_SCHEMA,
    RESULTS_SEPARATOR, TREND_SCHEMA, results_close, results_open,
};
#[doc(hidden)]
pub use self::view::Outline;
pub use self::write::table::set_ascii;

/// One scored respondent, with everything a renderer may show.
#[derive(Debug, Clone, Copy)]
pub struct Scored<'a> {
    pub questionnaire: &'a Questionnaire,
    pub response: &'a Response,
    pub assessment: &'a Assessment,
    /// Where the answers came from (a file name, or `<stdin>`).
    pub source: &'a str,
    pub warnings: &'a [Diagnostic],
    /// The language to show texts in.
    pub lang: &'a str,
    /// With `--plan`: the plan set against this result.
    pub plan: Option<&'a crate::plan::Status>,
}

impl Scored<'_> {
    /// Who answered: the respondent with role and team, in the report's language.
    pub(crate) fn who(&self) -> String {
        let m = &self.response.meta;
        let who = m
            .respondent
            .clone()
            .unwrap_or_else(|| tr(self.lang, "(anonymous)").to_owned());
        let extra: Vec<&str> = [&m.role, &m.team]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if extra.is_empty() {
            who
        } else {
            format!("{who} ({})", extra.join(", "))
        }
    }
}

/// An output format for scored results, written as they come (so batch output streams).
pub trait Renderer {
    /// Writes one result; `first` tells whether it is the first of the run.
    fn result(&mut self, out: &mut dyn Write, scored: &Scored<'_>) -> io::Result<()>;

    /// Writes anything that closes the output; nothing by default.
    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// The output formats of `score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for reading in a terminal.
    Table,
    /// One JSON document, whatever the number of results.
    Json,
    /// JSON Lines: one JSON object per line.
    Jsonl,
    /// One row per respondent.
    Csv,
    /// A report to hand over or publish: Markdown.
    Markdown,
    /// A report to hand over: one self-contained HTML file with charts, printable.
    Html,
}

/// The renderer for `format`; the text formats name their reports by `identity`.
pub fn renderer(format: Format, width: u16, identity: &Identity) -> Box<dyn Renderer> {
    let text = |format| {
        Box::new(TextRenderer {
            format,
            width,
            identity: identity.clone(),
            count: 0,
        })
    };
    match format {
        Format::Json => Box::new(JsonRenderer::document()),
        Format::Jsonl => Box::new(JsonRenderer::lines()),
        Format::Csv => Box::new(CsvRenderer::default()),
        Format::Table | Format::Markdown | Format::Html => text(format),
    }
}

/// Renders one result on its own, so that results can be rendered on several threads and
/// written in order: a CSV row without its header, a member of the `results` of a JSON document
/// without what goes around and between members ([`json::results_open`]), a JSON line, or a
/// table block without the separator that goes between blocks ([`table_separator`]).
/// `csv_metadata` names the extra metadata columns of a CSV's rows.
pub fn render_one(
    format: Format,
    width: u16,
    scored: &Scored<'_>,
    csv_metadata: &[String],
    identity: &Identity,
) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        Format::Csv => {
            CsvRenderer::rows_of(&scored.questionnaire.id, csv_metadata).result(&mut out, scored)?
        }
        Format::Json => out = json::results_member(&json::to_json(scored))?,
        other => renderer(other, width, identity).result(&mut out, scored)?,
    }
    Ok(out)
}

/// Appends one row of `score --format csv` computed as batch figures; the same row
/// [`CsvRenderer`] writes for the full assessment of the same answers.
pub fn csv_row<'a>(
    line: &mut Vec<u8>,
    q: &Questionnaire,
    lang: &str,
    who: (&'a str, &'a str),
    (meta, completed): ([&'a str; 4], bool),
    extra: &mut dyn Iterator<Item = &'a str>,
    f: &crate::scoring::Figures,
) {
    let row = self::csv::Row {
        respondent: who.0,
        source: who.1,
        meta,
        completed,
        extra,
        placement: f.placement,
        index: f.index,
        stages: &mut f.stages.iter().copied(),
        dimensions: &mut f.dimensions.iter().copied(),
        overall: f.overall,
        dont_know: f.dont_know,
    };
    self::csv::push_row(line, q, lang, row);
}

/// The header row of `score --format csv` for `q`, with the extra metadata columns `metadata`.
pub fn csv_header(q: &Questionnaire, metadata: &[String]) -> Vec<u8> {
    self::csv::header(q, metadata)
}

/// Written between two table blocks.
pub fn table_separator(width: u16) -> String {
    format!("\n{}\n\n", "=".repeat(usize::from(width)))
}

/// Rounds for display and export, so printed numbers never carry floating-point noise. Ties go
/// to the even digit, as numpy and pandas round, so exports agree with analysts' scripts.
pub(crate) fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round_ties_even() / f
}

/// A group result (rule 7) with everything a renderer may show.
#[derive(Debug, Clone)]
pub struct GroupView<'a> {
    pub questionnaire: &'a Questionnaire,
    pub all: &'a GroupResult,
    /// What the group is, e.g. "6 answer files".
    pub source: &'a str,
    /// With `--by FIELD`: the field and each of its values' group result.
    pub by: Option<Breakdown<'a>>,
    pub warnings: &'a [Diagnostic],
    pub lang: &'a str,
    /// With `--plan`: the plan set against the whole group.
    pub plan: Option<&'a crate::plan::Status>,
}

/// A breakdown of a group by a metadata field, without the groups too small to show: no one's
/// answers can be read off a group of one or two.
#[derive(Debug, Clone)]
pub struct Breakdown<'a> {
    pub field: &'a str,
    /// The groups shown, each value with its group result.
    pub groups: Vec<(String, &'a GroupResult)>,
    /// How many groups were left out for having fewer than `min_group` respondents.
    pub hidden: usize,
    pub min_group: usize,
}

impl<'a> Breakdown<'a> {
    /// The breakdown of `groups` by `field`, leaving out the groups with fewer than
    /// `min_group` respondents.
    pub fn new(field: &'a str, groups: Vec<(String, &'a GroupResult)>, min_group: usize) -> Self {
        let before = groups.len();
        let groups: Vec<_> = groups
            .into_iter()
            .filter(|(_, g)| g.respondents >= min_group)
            .collect();
        Self {
            field,
            hidden: before - groups.len(),
            groups,
            min_group,
        }
    }
}

impl<'a> GroupView<'a> {
    fn scored(&self, group: &'a GroupResult) -> Scored<'a> {
        Scored {
            questionnaire: self.questionnaire,
            response: &group.response,
            assessment: &group.assessment,
            source: self.source,
            warnings: self.warnings,
            lang: self.lang,
            plan: self.plan,
        }
    }
}

/// Writes a group result in `format`.
pub fn render_group(
    format: Format,
    out: &mut dyn Write,
    view: &GroupView<'_>,
    width: u16,
    identity: &Identity,
) -> io::Result<()> {
    let doc = || view::group::document(view, identity);
    match format {
        Format::Table => write::table::write(out, &doc(), width),
        Format::Markdown => out.write_all(write::markdown::write(&doc()).as_bytes()),
        Format::Html => out.write_all(write::html::write(&doc()).as_bytes()),
        Format::Json => json::group(out, view, true),
        Format::Jsonl => json::group(out, view, false),
        Format::Csv => self::csv::group(out, view),
    }
}

/// What a score report of one result says, for the test that every format shows it.
#[doc(hidden)]
pub fn result_outline(scored: &Scored<'_>, identity: &Identity) -> Outline {
    view::result::document(scored, identity).outline()
}

/// What a group report says, for the test that every format shows it.
#[doc(hidden)]
pub fn group_outline(group: &GroupView<'_>, identity: &Identity) -> Outline {
    view::group::document(group, identity).outline()
}

/// What the comparison report in `lang` says, for the test that every format shows it.
#[doc(hidden)]
pub fn comparison_outline(c: &Comparison, top: usize, lang: &str, identity: &Identity) -> Outline {
    view::comparison::document(c, top, lang, identity).outline()
}

/// Writes a comparison in `format`; `top` limits the item moves listed each way.
pub fn render_comparison(
    format: Format,
    out: &mut dyn Write,
    (c, top): (&Comparison, usize),
    width: u16,
    lang: &str,
    identity: &Identity,
) -> io::Result<()> {
    let doc = || view::comparison::document(c, top, lang, identity);
    match format {
        Format::Table => write::table::write(out, &doc(), width),
        Format::Markdown => out.write_all(write::markdown::write(&doc()).as_bytes()),
        Format::Html => out.write_all(write::html::write(&doc()).as_bytes()),
        Format::Json => json::comparison(out, c, true),
        Format::Jsonl => json::comparison(out, c, false),
        Format::Csv => self::csv::comparison(out, c),
    }
}

/// What the trend report in `lang` says, for the test that every format shows it.
#[doc(hidden)]
pub fn trend_outline(
    t: &crate::trend::Trend,
    top: usize,
    lang: &str,
    identity: &Identity,
) -> Outline {
    view::trend::document(t, top, lang, identity).outline()
}

/// Writes a trend in `format`; `top` limits the item moves listed each way.
pub fn render_trend(
    format: Format,
    out: &mut dyn Write,
    (t, top): (&crate::trend::Trend, usize),
    width: u16,
    lang: &str,
    identity: &Identity,
) -> io::Result<()> {
    let doc = || view::trend::document(t, top, lang, identity);
    match format {
        Format::Table => write::table::write(out, &doc(), width),
        Format::Markdown => out.write_all(write::markdown::write(&doc()).as_bytes()),
        Format::Html => out.write_all(write::html::write(&doc()).as_bytes()),
        Format::Json => json::trend(out, t, true),
        Format::Jsonl => json::trend(out, t, false),
        Format::Csv => self::csv::trend(out, t),
    }
}

/// What the gap report in `lang` says, for the test that every format shows it.
#[doc(hidden)]
pub fn gap_outline(g: &Gap, top: usize, lang: &str, identity: &Identity) -> Outline {
    view::gap::document(g, top, lang, identity).outline()
}

/// Renders the perception gap in `format`; `top` mirrored statements are listed.
pub fn render_gap(
    format: Format,
    out: &mut dyn Write,
    (g, top): (&Gap, usize),
    width: u16,
    lang: &str,
    identity: &Identity,
) -> io::Result<()> {
    let doc = || view::gap::document(g, top, lang, identity);
    match format {
        Format::Table => write::table::write(out, &doc(), width),
        Format::Markdown => out.write_all(write::markdown::write(&doc()).as_bytes()),
        Format::Html => out.write_all(write::html::write(&doc()).as_bytes()),
        Format::Json => json::gap(out, g, lang, true),
        Format::Jsonl => json::gap(out, g, lang, false),
        Format::Csv => self::csv::gap(out, g),
    }
}

/// The one-line verdict of a gap for a machine format (JSON): its figures keep the point
/// whatever the language, as every number of those formats does.
pub(crate) fn gap_verdict(g: &Gap, lang: &str) -> String {
    view::gap::verdict(g, lang, &Numbers::text("en"))
}

/// The text formats of results (terminal tables, Markdown, HTML), each result's report written
/// as it comes: terminal blocks and Markdown reports one after the other with a separator
/// between them (`score` allows a single result in HTML).
#[derive(Debug)]
struct TextRenderer {
    format: Format,
    width: u16,
    identity: Identity,
    count: usize,
}

impl Renderer for TextRenderer {
    fn result(&mut self, out: &mut dyn Write, scored: &Scored<'_>) -> io::Result<()> {
        let doc = view::result::document(scored, &self.identity);
        let first = self.count == 0;
        self.count += 1;
        match self.format {
            Format::Markdown => {
                if !first {
                    out.write_all(b"\n---\n\n")?;
                }
                out.write_all(write::markdown::write(&doc).as_bytes())
            }
            Format::Html => out.write_all(write::html::write(&doc).as_bytes()),
            _ => {
                if !first {
                    write!(out, "{}", table_separator(self.width))?;
                }
                write::table::write(out, &doc, self.width)
            }
        }
    }
}
