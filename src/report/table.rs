//! Table output for a terminal: the placement line, the stage ladder, the dimension profile,
//! the recommendations and the customer's view, within the width it is given.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::number::Numbers;
use super::{GroupView, Renderer, Scored};
use crate::i18n::{fill, tr};
use crate::terminal_text::clean;

/// Lines above and below the table and under its header only.
const COMPACT: &str = "  ── ══      ──    ";
/// The same in ASCII, for terminals and printers without box-drawing characters.
const COMPACT_ASCII: &str = "  -- ==      --    ";

/// Whether tables and bars use ASCII only (`--ascii`).
static ASCII: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Draws tables and bars in ASCII only from now on.
pub fn set_ascii(ascii: bool) {
    ASCII.store(ascii, std::sync::atomic::Ordering::Relaxed);
}

pub(in crate::report) fn ascii() -> bool {
    ASCII.load(std::sync::atomic::Ordering::Relaxed)
}

/// A bar of `width` cells for a score in percent, with the threshold marked when given.
pub(in crate::report) fn bar(score: Option<f64>, threshold: Option<f64>, width: usize) -> String {
    let Some(v) = score else { return String::new() };
    let (full, empty, mark) = if ascii() {
        ('#', '.', '|')
    } else {
        ('█', '░', '│')
    };
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let cells = |x: f64| ((x.clamp(0.0, 100.0) / 100.0) * width as f64).round() as usize;
    let filled = cells(v);
    let at = threshold.map(|t| cells(t).min(width.saturating_sub(1)));
    (0..width)
        .map(|i| {
            if Some(i) == at {
                mark
            } else if i < filled {
                full
            } else {
                empty
            }
        })
        .collect()
}

/// Renders each result as a block of tables, one after the other.
#[derive(Debug)]
pub struct TableRenderer {
    width: u16,
    count: usize,
}

impl TableRenderer {
    pub fn new(width: u16) -> Self {
        Self { width, count: 0 }
    }

    pub(in crate::report) fn table(&self) -> Table {
        let mut t = Table::new();
        t.load_preset(if ascii() {
            presets::ASCII_HORIZONTAL_ONLY
        } else {
            presets::UTF8_HORIZONTAL_ONLY
        })
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(self.width);
        t
    }

    /// A table without lines between rows, for rows that fit on one line.
    pub(in crate::report) fn compact(&self) -> Table {
        let mut t = self.table();
        t.load_preset(if ascii() { COMPACT_ASCII } else { COMPACT });
        t
    }

    pub(in crate::report) fn wrap(&self, text: &str, indent: &str) -> String {
        self.hang(text, indent, indent)
    }

    /// Wraps with a hanging indent, so numbered items read as a list.
    pub(in crate::report) fn hang(&self, text: &str, first: &str, rest: &str) -> String {
        let options = textwrap::Options::new(usize::from(self.width))
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .initial_indent(first)
            .subsequent_indent(rest);
        textwrap::fill(&clean(text, false), options)
    }
}

impl Renderer for TableRenderer {
    fn result(&mut self, out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()> {
        let (q, a, lang) = (s.questionnaire, s.assessment, s.lang);
        let n = Numbers::text(lang);
        if self.count > 0 {
            write!(out, "{}", super::table_separator(self.width))?;
        }
        self.count += 1;

        let who = s.who();
        writeln!(
            out,
            "{}",
            self.wrap(
                &format!("{} - {who} - {}", q.tr(&q.title, lang), s.source),
                ""
            )
        )?;
        writeln!(out)?;
        super::write::table::section(out, self, &super::view::result::summary(q, a, lang))?;
        if !q.stages.is_empty() {
            writeln!(out)?;

            let mut ladder = self.table();
            ladder.set_header(vec![
                "",
                tr(lang, "Stage"),
                tr(lang, "Score"),
                "",
                tr(lang, "Needs"),
                tr(lang, "Status"),
            ]);
            for (i, stage) in q.stages.iter().enumerate().rev() {
                let marker = if i + 1 == a.placement { ">" } else { "" };
                ladder.add_row(vec![
                    Cell::new(marker),
                    Cell::new(format!(
                        "{} {}",
                        i + 1,
                        clean(q.tr(&stage.name, lang), false)
                    )),
                    Cell::new(n.score(a.stages[i].area.score)).set_alignment(CellAlignment::Right),
                    Cell::new(bar(a.stages[i].area.score, Some(a.stages[i].threshold), 10)),
                    Cell::new(n.score(Some(a.stages[i].threshold)))
                        .set_alignment(CellAlignment::Right),
                    Cell::new(clean(&super::stage_status(q, a, i, lang, &n), false)),
                ]);
            }
            writeln!(out, "{ladder}")?;
        }

        if !q.dimensions.is_empty() {
            writeln!(out)?;
            let mut profile = self.compact();
            profile.set_header(vec![
                tr(lang, "Dimension"),
                tr(lang, "Score"),
                "",
                tr(lang, "Answered"),
            ]);
            for (i, d) in q.dimensions.iter().enumerate() {
                let r = &a.dimensions[i];
                profile.add_row(vec![
                    Cell::new(clean(q.tr(&d.name, lang), false)),
                    Cell::new(n.score(r.score)).set_alignment(CellAlignment::Right),
                    Cell::new(bar(r.score, None, 20)),
                    Cell::new(fill(
                        lang,
                        "{answered} of {total}",
                        &[
                            ("answered", &r.answered.to_string()),
                            ("total", &r.total.to_string()),
                        ],
                    ))
                    .set_alignment(CellAlignment::Right),
                ]);
            }
            writeln!(out, "{profile}")?;
        }

        let rec = &a.recommendations;
        let next = rec
            .next_stage
            .and_then(|st| q.stages[st].next_step.as_ref().map(|t| (st, t)));
        if next.is_some() || !rec.items.is_empty() {
            writeln!(out, "\n{}", tr(lang, "Recommendations"))?;
            if let Some((st, text)) = next {
                let head = fill(
                    lang,
                    "Next step, towards {stage}: ",
                    &[("stage", q.tr(&q.stages[st].name, lang))],
                );
                writeln!(
                    out,
                    "{}",
                    self.wrap(&format!("{head}{}", q.tr(text, lang)), "  ")
                )?;
            }
            for (k, &i) in rec.items.iter().enumerate() {
                let question = &q.questions[i];
                let what = question.recommendation.as_ref().unwrap_or(&question.text);
                writeln!(
                    out,
                    "{}",
                    self.hang(
                        &format!(
                            "{}. {} ({}): {}",
                            k + 1,
                            question.id,
                            n.score(a.items[i].score),
                            q.tr(what, lang)
                        ),
                        "  ",
                        "     "
                    )
                )?;
            }
        }
        if let Some(section) = super::view::result::customer_view(q, a, lang) {
            writeln!(out)?;
            super::write::table::section(out, self, &section)?;
        }
        if !s.warnings.is_empty() {
            writeln!(out, "\n{}", tr(lang, "Warnings"))?;
            for w in s.warnings {
                writeln!(out, "{}", self.wrap(&w.to_string(), "  "))?;
            }
        }
        Ok(())
    }
}

/// The group view: the group scored as one respondent, then how its members spread.
pub(crate) fn group(out: &mut dyn Write, view: &GroupView<'_>, width: u16) -> io::Result<()> {
    let (q, g, lang) = (view.questionnaire, view.all, view.lang);
    let mut r = TableRenderer::new(width);
    r.result(out, &view.scored(g))?;

    if let Some(section) = super::view::group::placements(q, g, lang) {
        writeln!(out)?;
        super::write::table::section(out, &r, &section)?;
    }

    writeln!(out)?;
    super::write::table::section(out, &r, &super::view::group::discuss(q, g, lang))?;

    if let Some(section) = super::view::group::reliability(q, g, lang) {
        writeln!(out)?;
        super::write::table::section(out, &r, &section)?;
    }

    writeln!(out)?;
    super::write::table::section(out, &r, &super::view::group::every_item(q, g, lang))?;

    if let Some(section) = super::view::group::notes(q, g, lang) {
        writeln!(out)?;
        super::write::table::section(out, &r, &section)?;
    }

    if let Some((field, groups)) = &view.by {
        let section = super::view::group::by(q, g, (field, groups), lang);
        writeln!(out)?;
        super::write::table::section(out, &r, &section)?;
    }
    Ok(())
}
