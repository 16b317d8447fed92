//! What a comparison report says: both sides, how the placement, index and overall score moved,
//! the stages and dimensions before and after, the items that moved most, and the
//! recommendations that came and went.

use super::{
    Bar, Block, Cell, Chart, Column, Document, HeatCell, HeatMap, HeatRow, Item, PairedArea,
    PairedWords, Row, Section, Span, Table, Text, paired_sections,
};
use crate::comparison::{Change, Comparison, Measure, Snapshot};
use crate::i18n::{fill, tr};
use crate::report::Identity;
use crate::report::number::Numbers;

/// The comparison report in `lang`, listing `top` item moves each way, named by `identity`.
pub(crate) fn document(c: &Comparison, top: usize, lang: &str, identity: &Identity) -> Document {
    let n = Numbers::text(lang);
    let (b, a) = (&c.before, &c.after);
    let side = |name: &'static str, s: &Snapshot| {
        let mut t = Text::words(fill(lang, "{name}: ", &[("name", tr(lang, name))]));
        t.0.extend(
            Text::fill(
                lang,
                "{label} ({questionnaire} {version})",
                &[
                    ("label", Span::Code(s.label.clone())),
                    ("questionnaire", Span::Plain(s.questionnaire.clone())),
                    ("version", Span::Plain(s.version.clone())),
                ],
            )
            .0,
        );
        t
    };
    let mut sections = vec![summary(c, lang, &n)];
    let pair = [tr(lang, "Before").to_owned(), tr(lang, "After").to_owned()];
    let areas = |list: &[Change]| -> Vec<PairedArea> {
        list.iter()
            .map(|ch| PairedArea {
                name: ch.name.clone(),
                score: ch.after,
                other: ch.before,
            })
            .collect()
    };
    sections.extend(paired_sections(
        lang,
        &pair,
        &PairedWords {
            ladder: "Stage ladder, before and after",
            ladder_caption: "Two bars per stage: grey before, blue after (0-100), with the change in brackets. The highlighted row is the placement after; a dashed outline marks the placement before when it differs.",
            radar: "Dimension profile, before and after",
            radar_caption: "One axis per dimension, 0 at the centre and 100 at the rim: the dashed grey polygon is before, the blue one after.",
            key: "Bars show the score after; {mark} marks the score before.",
        },
        (
            &areas(&c.stages),
            (level(a), level(b)),
            changes(tr(lang, "Stage"), &c.stages, lang, &n, false),
        ),
        (
            &areas(&c.dimensions),
            changes(tr(lang, "Dimension"), &c.dimensions, lang, &n, false),
        ),
    ));
    if let Some(heat) = heat_map(c, lang, &n) {
        let mut s = Section::new(Some(tr(lang, "Stage by dimension").to_owned()));
        s.blocks.push(Block::Chart(Chart::Heat(heat)));
        sections.push(s);
    }
    sections.extend(moves(c, top, lang, &n));
    if let Some(noise) = &c.noise {
        sections.push(super::noise::section(
            noise,
            [tr(lang, "Before"), tr(lang, "After")],
            lang,
            &n,
        ));
    }
    if let Some(plan) = &c.plan {
        sections.push(super::plan::section(plan, lang, &n));
    }
    for (heading, list) in [
        ("New recommendations", &c.new_recommendations),
        ("No longer recommended", &c.resolved_recommendations),
    ] {
        if list.is_empty() {
            continue;
        }
        let mut s = Section::new(Some(tr(lang, heading).to_owned()));
        s.blocks.push(Block::List {
            ordered: false,
            items: list
                .iter()
                .map(|(id, text)| Item::plain(Some(id.clone()), text))
                .collect(),
        });
        sections.push(s);
    }
    sections.push(super::benchmarks(lang));
    let mut doc = Document::new(
        lang,
        identity,
        fill(
            lang,
            "Before and after: {questionnaire}",
            &[("questionnaire", &a.questionnaire)],
        ),
        vec![side("Before", b), side("After", a)],
        &[],
    );
    doc.sections = sections;
    doc
}

fn level(s: &Snapshot) -> Option<usize> {
    s.placement.as_ref().map(|(l, _)| *l)
}

/// The placement, index and overall score, before and after.
fn summary(c: &Comparison, lang: &str, n: &Numbers) -> Section {
    summary_of(&c.before, &c.after, lang, n)
}

/// The placement, index and overall score of `b` and then `a`: a comparison's, or a trend's
/// first and last periods.
pub(crate) fn summary_of(b: &Snapshot, a: &Snapshot, lang: &str, n: &Numbers) -> Section {
    let headline = match (&b.placement, &a.placement) {
        (Some((lb, nb)), Some((la, na))) => Some(Text::fill(
            lang,
            "Placement: {before} -> {after} ({moved})",
            &[
                ("before", Span::Strong(nb.clone())),
                ("after", Span::Strong(na.clone())),
                ("moved", Span::Words(moved(*lb, *la, lang).to_owned())),
            ],
        )),
        _ => None,
    };
    let mut lines = Vec::new();
    if let (Some(ib), Some(ia)) = (b.index, a.index) {
        lines.push(Text::fill(
            lang,
            "Maturity index: {before} -> {after} ({change})",
            &[
                ("before", Span::figure(n.index(Some(ib)))),
                ("after", Span::figure(n.index(Some(ia)))),
                (
                    "change",
                    Span::figure(n.index_difference(Some(ia), Some(ib))),
                ),
            ],
        ));
    }
    lines.push(Text::fill(
        lang,
        "Overall score: {before} -> {after} ({change})",
        &[
            ("before", Span::figure(n.score(b.overall))),
            ("after", Span::figure(n.score(a.overall))),
            (
                "change",
                Span::figure(n.score_difference(a.overall, b.overall)),
            ),
        ],
    ));
    let mut s = Section::new(None);
    s.blocks.push(Block::Summary { headline, lines });
    s
}

/// A table of changes: name (the item for items), before, after, change, with a bar of the
/// score after on which the score before is marked.
fn changes(first: &str, rows: &[Change], lang: &str, n: &Numbers, items: bool) -> Table {
    Table {
        caption: None,
        long_rows: false,
        side_by_side: false,
        columns: vec![
            Column::text(first),
            Column::figure(tr(lang, "Before")),
            Column::figure(tr(lang, "After")),
            Column::figure(tr(lang, "Change")),
        ],
        rows: rows
            .iter()
            .map(|ch| Row {
                cells: vec![
                    if items {
                        Cell::Item {
                            id: ch.id.clone(),
                            name: ch.name.clone(),
                        }
                    } else {
                        Cell::Text(ch.name.clone())
                    },
                    Cell::figure(n.score(ch.before)),
                    Cell::figure(n.score(ch.after)),
                    Cell::figure(n.score_difference(ch.after, ch.before)),
                ],
                bar: Some(Bar::Score {
                    value: ch.after,
                    mark: ch.before,
                }),
                here: false,
            })
            .collect(),
    }
}

/// The `top` biggest improvements and declines as printed, or the line saying none moved; the
/// items the two questionnaires do not share.
fn moves(c: &Comparison, top: usize, lang: &str, n: &Numbers) -> Vec<Section> {
    let mut out = Vec::new();
    let (ups, downs) = (item_moves(c, true, top), item_moves(c, false, top));
    for (heading, rows) in [("Biggest improvements", &ups), ("Biggest declines", &downs)] {
        if !rows.is_empty() {
            let mut s = Section::new(Some(tr(lang, heading).to_owned()));
            s.blocks
                .push(Block::Table(changes(tr(lang, "Item"), rows, lang, n, true)));
            out.push(s);
        }
    }
    let mut lines = Vec::new();
    // "No item score moved" speaks of the scores as printed, as the lists above do.
    if ups.is_empty() && downs.is_empty() {
        lines.push(Text::words(tr(lang, "No item score moved.")));
    }
    let shared = not_compared(
        [
            (
                "Items only in the after questionnaire (not compared): {items}",
                &c.added,
            ),
            (
                "Items only in the before questionnaire (not compared): {items}",
                &c.removed,
            ),
        ],
        lang,
    );
    for lines in [lines, shared] {
        if !lines.is_empty() {
            let mut s = Section::new(None);
            s.blocks.push(Block::Lines(lines));
            out.push(s);
        }
    }
    out
}

/// A line naming the items of each list that only one side's questionnaire has (`template` has
/// `{items}`); none for an empty list.
pub(crate) fn not_compared(lists: [(&'static str, &Vec<String>); 2], lang: &str) -> Vec<Text> {
    lists
        .into_iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(template, ids)| {
            Text::fill(
                lang,
                template,
                &[(
                    "items",
                    Span::Plain(ids.join(super::result::list_separator(lang))),
                )],
            )
        })
        .collect()
}

/// The after scores by stage and dimension, with the change under each, for questionnaires whose
/// item ids follow the `<stage>-<dimension>` convention of the bundled grid (a comparison carries
/// ids, not the questionnaire). `None` when no item follows it.
fn heat_map(c: &Comparison, lang: &str, n: &Numbers) -> Option<HeatMap> {
    let find = |items: &[Measure], id: &str| items.iter().find(|m| m.id == id).cloned();
    let mut found = false;
    let mut rows = Vec::new();
    for (k, stage) in c.stages.iter().enumerate().rev() {
        let mut cells = Vec::new();
        for dim in &c.dimensions {
            let id = format!("{}-{}", stage.id, dim.id);
            let (after, before) = (find(&c.after.items, &id), find(&c.before.items, &id));
            let Some(item) = after.as_ref().or(before.as_ref()) else {
                cells.push(None);
                continue;
            };
            found = true;
            let (a, b) = (
                after.as_ref().and_then(|m| m.score),
                before.as_ref().and_then(|m| m.score),
            );
            cells.push(Some(HeatCell {
                score: a,
                figure: Span::figure(n.score(a)),
                extra: Some(Span::figure(n.score_difference(a, b))),
                tooltip: format!("{id}: {}", item.name),
            }));
        }
        rows.push(HeatRow {
            label: format!("{} {}", k + 1, stage.name),
            here: level(&c.after) == Some(k + 1),
            cells,
        });
    }
    found.then(|| HeatMap {
        scale: fill(lang, "{name}: ", &[("name", tr(lang, "After"))]),
        caption: tr(lang, "Each cell is the after score (0-100) of the statement for that stage and dimension, with its change since before underneath; a dash means no score.").to_owned(),
        corner: tr(lang, "Stage").to_owned(),
        columns: c.dimensions.iter().map(|d| d.name.clone()).collect(),
        rows,
    })
}

/// The `top` items whose score rose (`up`) or fell the most as printed, largest first: an item
/// whose two scores print alike did not move for the reader, and the order is that of the
/// printed changes (the exact change breaks ties).
pub(crate) fn item_moves(c: &Comparison, up: bool, top: usize) -> Vec<crate::comparison::Change> {
    let printed = |m: &crate::comparison::Change| {
        crate::report::number::printed_score_difference(m.after, m.before).unwrap_or(0.0)
    };
    let mut moves: Vec<_> = c
        .item_moves
        .iter()
        .filter(|m| {
            if up {
                printed(m) > 0.0
            } else {
                printed(m) < 0.0
            }
        })
        .collect();
    // Stable: items that moved alike as printed keep the comparison's order.
    moves.sort_by(|a, b| printed(b).abs().total_cmp(&printed(a).abs()));
    moves.into_iter().take(top).cloned().collect()
}

/// How a placement moved from level `before` to level `after`, in the tool's words.
pub(crate) fn moved(before: usize, after: usize, lang: &str) -> &'static str {
    match after.cmp(&before) {
        std::cmp::Ordering::Greater => tr(lang, "moved up"),
        std::cmp::Ordering::Less => tr(lang, "moved down"),
        std::cmp::Ordering::Equal => tr(lang, "unchanged"),
    }
}
