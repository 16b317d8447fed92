//! "Is the change real?": the section a comparison or a trend of groups carries, with the
//! respondents on each side and on both, each change with its bootstrap interval and verdict,
//! and how often each placement occurs among the draws.

use super::{Block, Cell, Column, Row, Section, Span, Table, Text};
use crate::i18n::tr;
use crate::noise::{Noise, Verdict};
use crate::report::number::Numbers;
use crate::report::round;
use crate::scoring::bootstrap::{RESAMPLES, SEED};

/// The verdict on a change in the reader's words.
pub(crate) fn verdict(v: Option<Verdict>, lang: &str) -> Cell {
    match v {
        Some(Verdict::Improvement) => Cell::Text(tr(lang, "improvement").to_owned()),
        Some(Verdict::Decline) => Cell::Text(tr(lang, "decline").to_owned()),
        Some(Verdict::WithinNoise) => Cell::Text(tr(lang, "within noise").to_owned()),
        None => Cell::Missing,
    }
}

/// "Customer-driven in 91% of resamples, Customer-focused in 9%" for `who`.
pub(crate) fn placements(
    who: &str,
    shares: &[(usize, String, f64)],
    lang: &str,
    n: &Numbers,
) -> Option<Text> {
    let mut spans = vec![Span::Words(crate::i18n::fill(
        lang,
        "{name}: ",
        &[("name", who)],
    ))];
    for (k, (_, name, share)) in shares.iter().enumerate() {
        let figure = Span::figure(n.plain(round(share * 100.0, 0)));
        let part = if k == 0 {
            Text::fill(
                lang,
                "{placement} in {share}% of resamples",
                &[("placement", Span::Strong(name.clone())), ("share", figure)],
            )
        } else {
            Text::fill(
                lang,
                ", {placement} in {share}%",
                &[("placement", Span::Plain(name.clone())), ("share", figure)],
            )
        };
        spans.extend(part.0);
    }
    (!shares.is_empty()).then_some(Text(spans))
}

/// Who answered on each side of a change: "3 respondents before, 4 after, 3 on both".
pub(crate) fn respondents(noise: &Noise, lang: &str, n: &Numbers) -> Text {
    #[allow(clippy::cast_precision_loss)]
    let count = |x: usize| Span::figure(n.plain(x as f64));
    Text::fill(
        lang,
        "Respondents: {before} before, {after} after, {both} on both (matched by respondent id)",
        &[
            ("before", count(noise.before)),
            ("after", count(noise.after)),
            ("both", count(noise.both)),
        ],
    )
}

/// The table of changes with their intervals: the index, then each stage.
pub(crate) fn table(noise: &Noise, lang: &str, n: &Numbers) -> Option<Table> {
    if noise.resamples == 0 {
        return None;
    }
    let mut rows = Vec::new();
    if let Some(e) = &noise.index {
        let i = e.interval;
        rows.push(Row {
            cells: vec![
                Cell::Text(tr(lang, "Maturity index").to_owned()),
                Cell::figure(n.index_difference(e.after, e.before)),
                Cell::figure(n.index_difference(i.map(|i| i.low), Some(0.0))),
                Cell::figure(n.index_difference(i.map(|i| i.high), Some(0.0))),
                verdict(e.verdict(), lang),
            ],
            bar: None,
            here: false,
        });
    }
    for e in &noise.stages {
        let i = e.interval;
        rows.push(Row {
            cells: vec![
                Cell::Text(e.name.clone()),
                Cell::figure(n.score_difference(e.after, e.before)),
                Cell::figure(n.score_difference(i.map(|i| i.low), Some(0.0))),
                Cell::figure(n.score_difference(i.map(|i| i.high), Some(0.0))),
                verdict(e.verdict(), lang),
            ],
            bar: None,
            here: false,
        });
    }
    Some(Table {
        caption: None,
        long_rows: false,
        side_by_side: false,
        columns: vec![
            Column::text(tr(lang, "Figure")),
            Column::figure(tr(lang, "Change")),
            Column::figure(tr(lang, "95% from")),
            Column::figure(tr(lang, "95% to")),
            Column::text(tr(lang, "Verdict")),
        ],
        rows,
    })
}

/// How the intervals were drawn, in one line.
pub(crate) fn method(lang: &str, n: &Numbers) -> Text {
    #[allow(clippy::cast_precision_loss)]
    let resamples = n.plain(RESAMPLES as f64);
    #[allow(clippy::cast_precision_loss)]
    let seed = SEED.to_string();
    Text::fill(
        lang,
        "Intervals: 95% of {resamples} bootstrap resamples of each side's respondents (seed {seed}); a change whose interval holds zero is within noise, not an improvement or a decline.",
        &[
            ("resamples", Span::Plain(resamples)),
            ("seed", Span::Plain(seed)),
        ],
    )
}

/// The section of a before-and-after of groups.
pub(crate) fn section(noise: &Noise, sides: [&str; 2], lang: &str, n: &Numbers) -> Section {
    let mut s = Section::new(Some(tr(lang, "Is the change real?").to_owned()));
    s.blocks
        .push(Block::Lines(vec![respondents(noise, lang, n)]));
    match table(noise, lang, n) {
        Some(t) => {
            s.blocks.push(Block::Table(t));
            let lines: Vec<Text> = sides
                .iter()
                .zip(&noise.placements)
                .filter_map(|(who, shares)| placements(who, shares, lang, n))
                .collect();
            if !lines.is_empty() {
                s.blocks.push(Block::Lines(lines));
            }
            s.blocks.push(Block::Lines(vec![method(lang, n)]));
        }
        None => s.blocks.push(Block::Lines(vec![Text::words(tr(
            lang,
            "One side is a single respondent: no interval can be drawn from it.",
        ))])),
    }
    s
}
