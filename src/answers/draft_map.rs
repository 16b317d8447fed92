//! `centricity map`: how an export is read, written as a map file (DESIGN.md section 8) that the
//! user checks in a minute, adjusts, and passes back with `--map`.
//!
//! Nothing in a draft changes how a file is read until the user says so: the columns are listed
//! as they are matched already, and the coding of numeric cells, which only the user can know,
//! is written commented out.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::columns::{How, Role, match_columns};
use super::export_head::ExportHead;
use super::export_map::ExportMap;
use super::normalize::{normal, numbered_label};
use super::value::fmt_value;
use crate::diagnostic::Diagnostic;
use crate::questionnaire::Questionnaire;

/// Distinct cell texts listed per scale at most.
const MAX_VALUES: usize = 60;

/// A TOML string literal.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control()
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
            {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A text for a TOML comment: one line, no control characters.
fn comment(s: &str) -> String {
    let one: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut one = crate::terminal_text::clean(&one, false).into_owned();
    if one.chars().count() > 90 {
        one = one.chars().take(87).collect::<String>() + "...";
    }
    one
}

/// The draft map of `head` read against `q`, and the problems that reading it would report.
pub fn draft_map(
    file: &str,
    head: &ExportHead,
    q: &Questionnaire,
    id_column: Option<&str>,
    map: Option<&ExportMap>,
) -> (String, Vec<Diagnostic>) {
    let matched = match_columns(file, head, q, id_column, map);
    let lang = q.default_language();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# How {} is read: {}, separated by {}, {} text.",
        comment(file),
        head.kind.name(),
        match head.dialect.delimiter {
            b';' => "`;`",
            b'\t' => "tabs",
            _ => "`,`",
        },
        head.dialect.encoding_name()
    );
    let _ = writeln!(
        out,
        "# Check it, change what is wrong, and pass it to score, summarize, compare or gap with --map FILE.\n"
    );
    // An older bundled version is named with its version, so the map reads the same later.
    let id = match crate::questionnaire::Bundled::find(&q.id) {
        Some(current) if current.version != q.version => format!("{}@{}", q.id, q.version),
        _ => q.id.clone(),
    };
    let _ = writeln!(out, "questionnaire = {}\n", quoted(&id));
    let _ = writeln!(
        out,
        "# Each column: a question id, \"respondent\" (the column naming who answered), \"ignore\",\n# or any other name to keep it as metadata (for --by)."
    );
    let _ = writeln!(out, "[columns]");
    let mut written = std::collections::HashSet::new();
    for (h, role) in matched.headers.iter().zip(&matched.roles) {
        if h.label.is_empty() {
            continue;
        }
        let key = quoted(&h.label);
        // A map names a column by its header: a second column of the same name cannot be told
        // apart (reading the export reports it).
        if !written.insert(h.label.clone()) {
            let _ = writeln!(
                out,
                "# {key} appears again: rename one of the columns in the export"
            );
            continue;
        }
        match role {
            Role::Question { index, how } => {
                let question = &q.questions[*index];
                let _ = writeln!(
                    out,
                    "{key} = {}    # by {}: {}",
                    quoted(&question.id),
                    how.name(),
                    comment(q.tr(&question.text, lang))
                );
            }
            Role::Respondent => {
                let _ = writeln!(out, "{key} = \"respondent\"");
            }
            Role::Metadata(name) => {
                let _ = writeln!(out, "{key} = {}    # metadata", quoted(name));
            }
            Role::Ignored => {
                let _ = writeln!(out, "{key} = \"ignore\"");
            }
        }
    }
    let answered: std::collections::HashSet<usize> = matched
        .roles
        .iter()
        .filter_map(|r| match r {
            Role::Question { index, .. } => Some(*index),
            _ => None,
        })
        .collect();
    let missing: Vec<&str> = q
        .questions
        .iter()
        .enumerate()
        .filter(|(i, _)| !answered.contains(i))
        .map(|(_, x)| x.id.as_str())
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "# No column for: {} (add a line above if one of the columns is that question)",
            missing.join(", ")
        );
    }

    // Every distinct cell of the question columns in the first rows, by scale.
    // Keyed by scale and whether the column is named by its id (its numbers are option values).
    let mut cells: BTreeMap<(usize, bool), BTreeMap<String, usize>> = BTreeMap::new();
    for (c, role) in matched.roles.iter().enumerate() {
        if let Role::Question { index, how } = role {
            let key = (q.questions[*index].scale, *how == How::Id);
            for record in &head.sample {
                let cell = record.get(c).unwrap_or("").trim();
                if !cell.is_empty() {
                    *cells
                        .entry(key)
                        .or_default()
                        .entry(cell.to_owned())
                        .or_default() += 1;
                }
            }
        }
    }
    let given: Option<&Vec<super::export_map::MapValue>> = map.and_then(|m| m.values.as_ref());
    let mut numbers = Vec::new();
    let mut unknown = Vec::new();
    let _ = writeln!(out);
    let index = super::export_index::ExportIndex::of(q);
    let known = &index.known;
    for (&(scale_index, by_id), seen) in &cells {
        let scale = &q.scales[scale_index];
        // Labels as the reader takes them; numbers are told apart below.
        let label_answer = |cell: &str| {
            let known = &known[scale_index];
            (cell.parse::<f64>().is_err())
                .then(|| {
                    known
                        .get(&cell.to_lowercase())
                        .or_else(|| known.get(&normal(numbered_label(cell).unwrap_or(cell))))
                })
                .flatten()
                .copied()
        };
        let _ = writeln!(
            out,
            "# Answers seen in the first {} rows (scale `{}`, columns named {}), and how they are read:",
            head.sample.len(),
            scale.id,
            if by_id { "by id" } else { "by text" }
        );
        for (cell, count) in seen.iter().take(MAX_VALUES) {
            let label = |v: f64| {
                scale
                    .option(v)
                    .map(|o| q.tr(&o.label, lang).to_owned())
                    .unwrap_or_else(|| "not an option".to_owned())
            };
            let read = if let Some(v) = given.and_then(|g| g.iter().find(|v| v.cell.trim() == cell))
            {
                match v.answer {
                    super::Answer::Value(x) => {
                        format!("{} ({}) by the map", fmt_value(x), label(x))
                    }
                    super::Answer::NotApplicable => "n/a by the map".to_owned(),
                    super::Answer::DontKnow => "dk (don't know) by the map".to_owned(),
                }
            } else if let Some(answer) = label_answer(cell) {
                match answer {
                    super::Answer::Value(x) => format!("{} ({})", fmt_value(x), label(x)),
                    super::Answer::NotApplicable => "n/a".to_owned(),
                    super::Answer::DontKnow => "dk (don't know)".to_owned(),
                }
            } else if let Some(x) = cell.parse::<f64>().ok().filter(|_| by_id) {
                match scale.option(x) {
                    Some(_) => format!("{} ({})", fmt_value(x), label(x)),
                    None => {
                        unknown.push(cell.clone());
                        "not an option: say what it means in [values]".to_owned()
                    }
                }
            } else if cell.parse::<f64>().is_ok() {
                numbers.push(cell.clone());
                "a number: the tool's code (see [values] below)".to_owned()
            } else {
                unknown.push(cell.clone());
                "not an option: say what it means in [values]".to_owned()
            };
            let _ = writeln!(out, "#   {} x{count}: {read}", quoted(cell));
        }
        if seen.len() > MAX_VALUES {
            let _ = writeln!(out, "#   ... and {} more", seen.len() - MAX_VALUES);
        }
    }
    if let Some(given) = given {
        let _ = writeln!(out, "\n[values]");
        for v in given {
            let value = match v.answer {
                super::Answer::Value(x) => fmt_value(x),
                super::Answer::NotApplicable => "\"n/a\"".to_owned(),
                super::Answer::DontKnow => "\"dk\"".to_owned(),
            };
            let _ = writeln!(out, "{} = {value}", quoted(&v.cell));
        }
    } else if !numbers.is_empty() || !unknown.is_empty() {
        let scale = &q.scales[cells.keys().next().map_or(0, |k| k.0)];
        let _ = writeln!(
            out,
            "\n# A survey tool numbers a scale its own way: in the order it was shown (SurveyMonkey), or\n\
             # by its recode values (Qualtrics, where \"Don't know\" is often {}). Only you know which, so\n\
             # the coding stays commented out: uncomment [values] and write what each code means,\n\
             # an option value ({}) or \"n/a\". An empty [values] says the numbers are our option values.",
            scale.options.len() + 1,
            scale
                .options
                .iter()
                .map(|o| fmt_value(o.value))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(out, "# [values]");
        numbers.sort_by(|a, b| {
            a.parse::<f64>()
                .unwrap_or(0.0)
                .total_cmp(&b.parse::<f64>().unwrap_or(0.0))
        });
        numbers.dedup();
        for n in &numbers {
            let guess = n
                .parse::<f64>()
                .ok()
                .and_then(|v| scale.option(v))
                .map_or_else(
                    || "\"n/a\"".to_owned(),
                    |o| {
                        format!(
                            "{}    # {}?",
                            fmt_value(o.value),
                            comment(q.tr(&o.label, lang))
                        )
                    },
                );
            let _ = writeln!(out, "# {} = {guess}", quoted(n));
        }
        unknown.sort();
        unknown.dedup();
        for u in &unknown {
            let _ = writeln!(out, "# {} = ?", quoted(u));
        }
    }
    (out, matched.problems)
}
