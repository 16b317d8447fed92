//! Markdown reports for a client, a wiki or a code-hosting site: the summary, the stage ladder,
//! the dimension profile, the recommendations and the customer's view; for groups the spread of
//! the room and its notes; for comparisons what moved.
//!
//! Every text from a questionnaire or an answer file is escaped, so it shows as written and can
//! neither break a table nor inject HTML.

use std::fmt::Write as _;

use super::number::Numbers;
use super::{GroupView, Scored};
use crate::i18n::{fill, tr};
use crate::terminal_text::clean;

/// Text from a file, made inert for Markdown: no HTML, no table breaks, no code spans.
pub(in crate::report) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text, false).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '|' | '\\' | '`' | '[' | ']' | '*' | '_' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` (a path) as a code span that nothing can break out of: on one line (a blank line
/// would end the span and let what follows be read as Markdown or HTML), with no backtick.
pub(in crate::report) fn code(text: &str) -> String {
    format!("`{}`", clean(text, false).replace('`', "'"))
}

/// A bar of ten blocks for a score in percent, for tables read as text.
fn bar(x: Option<f64>) -> String {
    let Some(v) = x else { return String::new() };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let full = (v.clamp(0.0, 100.0) / 10.0).round() as usize;
    format!("`{}{}`", "█".repeat(full), "░".repeat(10 - full))
}

/// The body shared by a respondent's and a group's report.
fn body(out: &mut String, s: &Scored<'_>) {
    let (q, a, lang) = (s.questionnaire, s.assessment, s.lang);
    let n = Numbers::text(lang);
    super::write::markdown::section(out, &super::view::result::summary(q, a, lang));
    if !q.stages.is_empty() {
        let _ = writeln!(
            out,
            "| # | {} | {} | {} | {} | |\n|---|---|---:|---:|---|---|",
            tr(lang, "Stage"),
            tr(lang, "Score"),
            tr(lang, "Needs"),
            tr(lang, "Status")
        );
        for (i, stage) in q.stages.iter().enumerate().rev() {
            let mark = if i + 1 == a.placement { " ◀" } else { "" };
            let _ = writeln!(
                out,
                "| {} | {}{mark} | {} | {} | {} | {} |",
                i + 1,
                md(q.tr(&stage.name, lang)),
                n.score(a.stages[i].area.score),
                n.score(Some(a.stages[i].threshold)),
                md(&super::stage_status(q, a, i, lang, &n)),
                bar(a.stages[i].area.score)
            );
        }
        let _ = writeln!(out);
    }
    if !q.dimensions.is_empty() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | |\n|---|---:|---:|---|",
            tr(lang, "Dimension"),
            tr(lang, "Score"),
            tr(lang, "Answered")
        );
        for (d, dim) in q.dimensions.iter().enumerate() {
            let r = &a.dimensions[d];
            let counts = fill(
                lang,
                "{answered} of {total}",
                &[
                    ("answered", &r.answered.to_string()),
                    ("total", &r.total.to_string()),
                ],
            );
            let _ = writeln!(
                out,
                "| {} | {} | {counts} | {} |",
                md(q.tr(&dim.name, lang)),
                n.score(r.score),
                bar(r.score)
            );
        }
        let _ = writeln!(out);
    }
    let rec = &a.recommendations;
    let next = rec
        .next_stage
        .and_then(|st| q.stages[st].next_step.as_ref().map(|t| (st, t)));
    if next.is_some() || !rec.items.is_empty() {
        let _ = writeln!(out, "## {}\n", tr(lang, "Recommendations"));
        if let Some((st, text)) = next {
            let head = fill(
                lang,
                "Next step, towards {stage}: ",
                &[("stage", &md(q.tr(&q.stages[st].name, lang)))],
            );
            let _ = writeln!(out, "**{}** {}\n", head.trim_end(), md(q.tr(text, lang)));
        }
        for (k, &i) in rec.items.iter().enumerate() {
            let question = &q.questions[i];
            let what = question
                .recommendation
                .as_ref()
                .map_or_else(String::new, |r| format!(" {}", md(q.tr(r, lang))));
            let _ = writeln!(
                out,
                "{}. **{}** ({}): *{}*{what}",
                k + 1,
                md(&question.id),
                n.score(a.items[i].score),
                md(q.tr(&question.text, lang))
            );
        }
        let _ = writeln!(out);
    }
    if let Some(section) = super::view::result::customer_view(q, a, lang) {
        super::write::markdown::section(out, &section);
    }
    if !s.warnings.is_empty() {
        let _ = writeln!(out, "## {}\n", tr(lang, "Warnings"));
        for w in s.warnings {
            let _ = writeln!(out, "- {}", md(&w.to_string()));
        }
        let _ = writeln!(out);
    }
}

/// The report of one respondent.
pub(crate) fn result(s: &Scored<'_>) -> String {
    let (q, lang) = (s.questionnaire, s.lang);
    let m = &s.response.meta;
    let mut out = format!("# {}\n\n", md(q.tr(&q.title, lang)));
    let mut who = vec![md(m
        .respondent
        .as_deref()
        .unwrap_or_else(|| tr(lang, "(anonymous)")))];
    who.extend(
        [&m.role, &m.team, &m.date]
            .into_iter()
            .flatten()
            .map(|v| md(v)),
    );
    let _ = writeln!(out, "{} · {}\n", who.join(" · "), code(s.source));
    body(&mut out, s);
    out
}

/// The report of a group: the group as one respondent, then how the room spread.
pub(crate) fn group(view: &GroupView<'_>) -> String {
    let (q, g, lang) = (view.questionnaire, view.all, view.lang);
    let mut out = format!("# {}\n\n", md(q.tr(&q.title, lang)));
    let who = fill(
        lang,
        "group of {n} respondents",
        &[("n", &g.respondents.to_string())],
    );
    let _ = writeln!(out, "{who} · {}\n", code(view.source));
    body(&mut out, &view.scored(g));
    if let Some(section) = super::view::group::placements(q, g, lang) {
        super::write::markdown::section(&mut out, &section);
    }
    super::write::markdown::section(&mut out, &super::view::group::discuss(q, g, lang));
    if let Some(section) = super::view::group::reliability(q, g, lang) {
        super::write::markdown::section(&mut out, &section);
    }
    super::write::markdown::section(&mut out, &super::view::group::every_item(q, g, lang));
    if let Some(section) = super::view::group::notes(q, g, lang) {
        super::write::markdown::section(&mut out, &section);
    }
    if let Some((field, groups)) = &view.by {
        let section = super::view::group::by(q, g, (field, groups), lang);
        super::write::markdown::section(&mut out, &section);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn file_text_cannot_inject_html_or_break_tables() {
        assert_eq!(
            md("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(md("a | b"), "a \\| b");
        assert_eq!(md("[link](javascript:x)"), "\\[link\\](javascript:x)");
        assert_eq!(md("\u{1b}[31mred"), "red");
    }
}
