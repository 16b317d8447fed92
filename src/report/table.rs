//! Table output for a terminal: the placement line, the stage ladder, the dimension profile,
//! the recommendations and the customer's view, within a fixed width.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::{GroupView, Renderer, Scored, placement_name, round};
use crate::comparison::Comparison;
use crate::questionnaire::Questionnaire;
use crate::scoring::GroupResult;
use crate::scoring::{Assessment, StageStatus};
use crate::terminal_text::clean;

/// Lines above and below the table and under its header only.
const COMPACT: &str = "  ── ══      ──    ";

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

    fn table(&self) -> Table {
        let mut t = Table::new();
        t.load_preset(presets::UTF8_HORIZONTAL_ONLY)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(self.width);
        t
    }

    /// A table without lines between rows, for rows that fit on one line.
    fn compact(&self) -> Table {
        let mut t = self.table();
        t.load_preset(COMPACT);
        t
    }

    fn wrap(&self, text: &str, indent: &str) -> String {
        self.hang(text, indent, indent)
    }

    /// Wraps with a hanging indent, so numbered items read as a list.
    fn hang(&self, text: &str, first: &str, rest: &str) -> String {
        let options = textwrap::Options::new(usize::from(self.width))
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .initial_indent(first)
            .subsequent_indent(rest);
        textwrap::fill(&clean(text, false), options)
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |v| format!("{:.1}", round(v, 1)))
}

fn stage_status(q: &Questionnaire, a: &Assessment, s: usize) -> String {
    let st = &a.stages[s];
    let blockers = || {
        st.below_floor
            .iter()
            .map(|&i| {
                format!(
                    "{} ({})",
                    clean(&q.questions[i].id, false),
                    pct(a.items[i].score)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match st.status {
        StageStatus::Reached if a.uneven.contains(&s) => {
            "passes on its own; a lower stage is not reached (uneven foundation)".to_owned()
        }
        StageStatus::Reached => "reached".to_owned(),
        StageStatus::InsufficientEvidence => format!(
            "insufficient evidence: {} of {} answered",
            st.area.answered, st.area.total
        ),
        StageStatus::NotReached => {
            let mut why = Vec::new();
            if st.below_threshold() {
                why.push("score below threshold".to_owned());
            }
            if !st.below_floor.is_empty() {
                why.push(format!("blocked by {}", blockers()));
            }
            format!("not reached: {}", why.join("; "))
        }
    }
}

impl Renderer for TableRenderer {
    fn result(&mut self, out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()> {
        let (q, a, lang) = (s.questionnaire, s.assessment, s.lang);
        if self.count > 0 {
            write!(out, "{}", super::table_separator(self.width))?;
        }
        self.count += 1;

        let m = &s.response.meta;
        let mut who = m
            .respondent
            .clone()
            .unwrap_or_else(|| "(anonymous)".to_owned());
        let extra: Vec<&str> = [&m.role, &m.team]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if !extra.is_empty() {
            who = format!("{who} ({})", extra.join(", "));
        }
        writeln!(
            out,
            "{}",
            self.wrap(
                &format!("{} - {who} - {}", q.tr(&q.title, lang), s.source),
                ""
            )
        )?;
        writeln!(out)?;
        if !q.stages.is_empty() {
            let level = if a.placement == 0 {
                "below stage 1".to_owned()
            } else {
                format!("stage {} of {}", a.placement, q.stages.len())
            };
            writeln!(
                out,
                "Placement: {} ({level})",
                clean(placement_name(q, a.placement, lang), false)
            )?;
            writeln!(
                out,
                "Maturity index {:.2} of {} - overall score {} - {} of {} items answered",
                a.index.unwrap_or(0.0),
                q.stages.len(),
                pct(a.overall.score),
                a.overall.answered,
                a.overall.total
            )?;
            writeln!(out)?;

            let mut ladder = self.table();
            ladder.set_header(vec!["", "Stage", "Score", "Needs", "Status"]);
            for (i, stage) in q.stages.iter().enumerate().rev() {
                let marker = if i + 1 == a.placement { ">" } else { "" };
                ladder.add_row(vec![
                    Cell::new(marker),
                    Cell::new(format!(
                        "{} {}",
                        i + 1,
                        clean(q.tr(&stage.name, lang), false)
                    )),
                    Cell::new(pct(a.stages[i].area.score)).set_alignment(CellAlignment::Right),
                    Cell::new(format!("{:.1}", a.stages[i].threshold))
                        .set_alignment(CellAlignment::Right),
                    Cell::new(stage_status(q, a, i)),
                ]);
            }
            writeln!(out, "{ladder}")?;
        } else {
            writeln!(
                out,
                "Overall score {} - {} of {} items answered",
                pct(a.overall.score),
                a.overall.answered,
                a.overall.total
            )?;
        }

        if !q.dimensions.is_empty() {
            writeln!(out)?;
            let mut profile = self.compact();
            profile.set_header(vec!["Dimension", "Score", "Answered"]);
            for (i, d) in q.dimensions.iter().enumerate() {
                let r = &a.dimensions[i];
                profile.add_row(vec![
                    Cell::new(clean(q.tr(&d.name, lang), false)),
                    Cell::new(pct(r.score)).set_alignment(CellAlignment::Right),
                    Cell::new(format!("{} of {}", r.answered, r.total))
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
            writeln!(out, "\nRecommendations")?;
            if let Some((st, text)) = next {
                let head = format!("Next step, towards {}: ", q.tr(&q.stages[st].name, lang));
                writeln!(
                    out,
                    "{}",
                    self.wrap(&format!("{head}{}", q.tr(text, lang)), "  ")
                )?;
            }
            for (n, &i) in rec.items.iter().enumerate() {
                let question = &q.questions[i];
                let what = question.recommendation.as_ref().unwrap_or(&question.text);
                writeln!(
                    out,
                    "{}",
                    self.hang(
                        &format!(
                            "{}. {} ({}): {}",
                            n + 1,
                            question.id,
                            pct(a.items[i].score),
                            q.tr(what, lang)
                        ),
                        "  ",
                        "     "
                    )
                )?;
            }
        }
        if let Some(view) = rec
            .customer_view
            .and_then(|st| q.stages[st].customer_view.as_ref())
        {
            writeln!(out, "\nHow customers see you")?;
            writeln!(out, "{}", self.wrap(q.tr(view, lang), "  "))?;
        }
        if !s.warnings.is_empty() {
            writeln!(out, "\nWarnings")?;
            for w in s.warnings {
                writeln!(out, "{}", self.wrap(&w.to_string(), "  "))?;
            }
        }
        Ok(())
    }
}

fn points(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |v| format!("{:.2}", round(v, 2)))
}

/// The group view: the group scored as one respondent, then how its members spread.
pub(crate) fn group(out: &mut dyn Write, view: &GroupView<'_>, width: u16) -> io::Result<()> {
    let (q, g, lang) = (view.questionnaire, view.all, view.lang);
    let mut r = TableRenderer::new(width);
    r.result(out, &view.scored(g))?;

    if !q.stages.is_empty() {
        writeln!(out, "\nIndividual placements")?;
        let mut t = r.compact();
        t.set_header(vec!["Placement", "Respondents", ""]);
        let most = g.placements.iter().copied().max().unwrap_or(0).max(1);
        for (level, count) in g.placements.iter().enumerate() {
            let bar = "#".repeat((count * 30).div_ceil(most).min(30) * usize::from(*count > 0));
            t.add_row(vec![
                Cell::new(format!(
                    "{level} {}",
                    clean(placement_name(q, level, lang), false)
                )),
                Cell::new(count).set_alignment(CellAlignment::Right),
                Cell::new(bar),
            ]);
        }
        writeln!(out, "{t}")?;
    }

    writeln!(
        out,
        "\nItems to discuss (the spread of answers is at least a quarter of the scale)"
    )?;
    if g.discuss.is_empty() {
        writeln!(out, "  none: the room broadly agrees on every item")?;
    } else {
        let mut t = r.table();
        t.set_header(vec!["Item", "Mean", "SD", "Answers", "Statement"]);
        for &i in &g.discuss {
            let it = &g.items[i];
            t.add_row(vec![
                Cell::new(clean(&q.questions[i].id, false)),
                Cell::new(points(it.mean)).set_alignment(CellAlignment::Right),
                Cell::new(points(it.sd)).set_alignment(CellAlignment::Right),
                Cell::new(it.answered).set_alignment(CellAlignment::Right),
                Cell::new(clean(q.tr(&q.questions[i].text, lang), false)),
            ]);
        }
        writeln!(out, "{t}")?;
    }

    if let Some(rel) = &g.reliability {
        writeln!(
            out,
            "\n{}",
            r.wrap(
                "Reliability: Cronbach's alpha of 0.7 or more is usually read as the items of a \
                 set measuring one thing; an item whose correlation with the rest of its set \
                 (item-rest r) is below 0.3 may be measuring something else.",
                ""
            )
        )?;
        let mut t = r.compact();
        t.set_header(vec!["Set", "Items", "Alpha", "Weakest item (item-rest r)"]);
        let sets = rel
            .stages
            .iter()
            .zip(q.stages.iter().map(|s| format!("stage {}", s.id)))
            .chain(
                rel.dimensions
                    .iter()
                    .zip(q.dimensions.iter().map(|d| d.id.clone())),
            );
        for (set, name) in sets {
            let weakest = set
                .items
                .iter()
                .zip(&set.item_rest)
                .filter_map(|(&i, r)| r.map(|r| (i, r)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map_or_else(String::new, |(i, r)| {
                    format!("{} ({r:.2})", q.questions[i].id)
                });
            t.add_row(vec![
                Cell::new(clean(&name, false)),
                Cell::new(set.items.len()).set_alignment(CellAlignment::Right),
                Cell::new(
                    set.alpha
                        .map_or_else(|| "-".to_owned(), |a| format!("{a:.2}")),
                )
                .set_alignment(CellAlignment::Right),
                Cell::new(clean(&weakest, false)),
            ]);
        }
        writeln!(out, "{t}")?;
    }

    writeln!(
        out,
        "\nEvery item (mean and standard deviation in scale points)"
    )?;
    let mut t = r.compact();
    t.set_header(vec!["Item", "Answers", "n/a", "Mean", "SD", "Score", ""]);
    for (i, it) in g.items.iter().enumerate() {
        t.add_row(vec![
            Cell::new(clean(&q.questions[i].id, false)),
            Cell::new(it.answered).set_alignment(CellAlignment::Right),
            Cell::new(it.not_applicable).set_alignment(CellAlignment::Right),
            Cell::new(points(it.mean)).set_alignment(CellAlignment::Right),
            Cell::new(points(it.sd)).set_alignment(CellAlignment::Right),
            Cell::new(pct(g.assessment.items[i].score)).set_alignment(CellAlignment::Right),
            Cell::new(if it.discuss { "discuss" } else { "" }),
        ]);
    }
    writeln!(out, "{t}")?;

    if g.items.iter().any(|it| !it.notes.is_empty()) {
        writeln!(out, "\nNotes")?;
        for (i, it) in g
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| !it.notes.is_empty())
        {
            writeln!(out, "  {}", clean(&q.questions[i].id, false))?;
            for (who, note) in &it.notes {
                writeln!(
                    out,
                    "{}",
                    r.hang(&format!("- {who}: {note}"), "    ", "      ")
                )?;
            }
        }
    }

    if let Some((field, groups)) = &view.by {
        writeln!(out, "\nBy {}", clean(field, false))?;
        let mut t = r.compact();
        let mut header = vec![Cell::new(""), Cell::new("All")];
        header.extend(groups.iter().map(|(name, _)| Cell::new(clean(name, false))));
        t.set_header(header);
        let all: Vec<&GroupResult> = std::iter::once(g)
            .chain(groups.iter().map(|(_, r)| *r))
            .collect();
        let row = |label: String, f: &dyn Fn(&GroupResult) -> String| {
            let mut cells = vec![Cell::new(label)];
            cells.extend(
                all.iter()
                    .map(|r| Cell::new(f(r)).set_alignment(CellAlignment::Right)),
            );
            cells
        };
        t.add_row(row("Respondents".into(), &|r| r.respondents.to_string()));
        if !q.stages.is_empty() {
            t.add_row(row("Placement".into(), &|r| {
                r.assessment.placement.to_string()
            }));
            t.add_row(row("Index".into(), &|r| {
                format!("{:.2}", r.assessment.index.unwrap_or(0.0))
            }));
        }
        for (s, stage) in q.stages.iter().enumerate() {
            // Ids keep the label column narrow enough for several groups side by side.
            t.add_row(row(format!("stage {}", clean(&stage.id, false)), &|r| {
                pct(r.assessment.stages[s].area.score)
            }));
        }
        for (d, dim) in q.dimensions.iter().enumerate() {
            t.add_row(row(clean(&dim.id, false).into_owned(), &|r| {
                pct(r.assessment.dimensions[d].score)
            }));
        }
        t.add_row(row("Items to discuss".into(), &|r| {
            r.discuss.len().to_string()
        }));
        for (i, column) in t.column_iter_mut().enumerate() {
            column.set_constraint(if i == 0 {
                comfy_table::ColumnConstraint::ContentWidth
            } else {
                comfy_table::ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(7))
            });
        }
        writeln!(out, "{t}")?;
    }
    Ok(())
}

fn signed(x: Option<f64>) -> String {
    x.map_or_else(String::new, |d| format!("{:+.1}", round(d, 1)))
}

/// Before and after, side by side.
pub(crate) fn comparison(
    out: &mut dyn Write,
    c: &Comparison,
    top: usize,
    width: u16,
) -> io::Result<()> {
    let r = TableRenderer::new(width);
    let (b, a) = (&c.before, &c.after);
    writeln!(
        out,
        "{}",
        r.wrap(
            &format!("Before: {} ({} {})", b.label, b.questionnaire, b.version),
            ""
        )
    )?;
    writeln!(
        out,
        "{}",
        r.wrap(
            &format!("After:  {} ({} {})", a.label, a.questionnaire, a.version),
            ""
        )
    )?;
    writeln!(out)?;
    if let (Some((lb, nb)), Some((la, na))) = (&b.placement, &a.placement) {
        let verb = match la.cmp(lb) {
            std::cmp::Ordering::Greater => "moved up",
            std::cmp::Ordering::Less => "moved down",
            std::cmp::Ordering::Equal => "unchanged",
        };
        writeln!(
            out,
            "Placement: {} -> {} ({verb})",
            clean(nb, false),
            clean(na, false)
        )?;
    }
    if let (Some(ib), Some(ia)) = (b.index, a.index) {
        writeln!(
            out,
            "Maturity index: {ib:.2} -> {ia:.2} ({:+.2})",
            round(ia - ib, 2)
        )?;
    }
    writeln!(
        out,
        "Overall score: {} -> {} ({})",
        pct(b.overall),
        pct(a.overall),
        signed(a.overall.zip(b.overall).map(|(x, y)| x - y))
    )?;

    let table = |title: &str, rows: &[crate::comparison::Change]| {
        let mut t = r.compact();
        t.set_header(vec![title, "Before", "After", "Change"]);
        for ch in rows {
            t.add_row(vec![
                Cell::new(clean(&ch.name, false)),
                Cell::new(pct(ch.before)).set_alignment(CellAlignment::Right),
                Cell::new(pct(ch.after)).set_alignment(CellAlignment::Right),
                Cell::new(signed(ch.delta())).set_alignment(CellAlignment::Right),
            ]);
        }
        t
    };
    if !c.stages.is_empty() {
        writeln!(out, "\n{}", table("Stage", &c.stages))?;
    }
    if !c.dimensions.is_empty() {
        writeln!(out, "\n{}", table("Dimension", &c.dimensions))?;
    }
    let ups: Vec<_> = c
        .item_moves
        .iter()
        .filter(|m| m.delta().is_some_and(|d| d > 0.0))
        .take(top)
        .cloned()
        .collect();
    let downs: Vec<_> = c
        .item_moves
        .iter()
        .filter(|m| m.delta().is_some_and(|d| d < 0.0))
        .take(top)
        .cloned()
        .collect();
    let ids = |rows: Vec<crate::comparison::Change>| -> Vec<crate::comparison::Change> {
        rows.into_iter()
            .map(|mut m| {
                m.name = m.id.clone();
                m
            })
            .collect()
    };
    if !ups.is_empty() {
        writeln!(out, "\nBiggest improvements\n{}", table("Item", &ids(ups)))?;
    }
    if !downs.is_empty() {
        writeln!(out, "\nBiggest declines\n{}", table("Item", &ids(downs)))?;
    }
    if c.item_moves.is_empty() {
        writeln!(out, "\nNo item score moved.")?;
    }
    if !c.added.is_empty() || !c.removed.is_empty() {
        writeln!(out)?;
        if !c.added.is_empty() {
            writeln!(
                out,
                "{}",
                r.wrap(
                    &format!(
                        "Items only in the after questionnaire (not compared): {}",
                        c.added.join(", ")
                    ),
                    ""
                )
            )?;
        }
        if !c.removed.is_empty() {
            writeln!(
                out,
                "{}",
                r.wrap(
                    &format!(
                        "Items only in the before questionnaire (not compared): {}",
                        c.removed.join(", ")
                    ),
                    ""
                )
            )?;
        }
    }
    if !c.new_recommendations.is_empty() {
        writeln!(out, "\nNew recommendations")?;
        for (id, text) in &c.new_recommendations {
            writeln!(out, "{}", r.hang(&format!("- {id}: {text}"), "  ", "    "))?;
        }
    }
    if !c.resolved_recommendations.is_empty() {
        writeln!(out, "\nNo longer recommended")?;
        for (id, text) in &c.resolved_recommendations {
            writeln!(out, "{}", r.hang(&format!("- {id}: {text}"), "  ", "    "))?;
        }
    }
    Ok(())
}
