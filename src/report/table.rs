//! Table output for a terminal: the placement line, the stage ladder, the dimension profile,
//! the recommendations and the customer's view, within a fixed width.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::{Renderer, Scored, placement_name, round};
use crate::questionnaire::Questionnaire;
use crate::scoring::{Assessment, StageStatus};
use crate::terminal_text::clean;

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
            writeln!(out, "\n{}\n", "=".repeat(usize::from(self.width)))?;
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
            let mut profile = self.table();
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
