//! What a perception-gap report says: both sides, the verdict, placement, index and overall
//! score side by side, the gap by stage and by dimension, the mirrored statements with the
//! largest gaps, and what to do about them.

use super::result::{clause_separator, sentence_separator};
use super::{
    Bar, Block, Cell, Column, Document, Item, PairedArea, PairedWords, Row, Section, Span, Table,
    Text, paired_sections,
};
use crate::gap::{AreaGap, Gap, Side};
use crate::i18n::{fill, tr};
use crate::report::Identity;
use crate::report::number::Numbers;

/// The gap report in `lang`, listing `top` mirrored statements, named by `identity`.
pub(crate) fn document(g: &Gap, top: usize, lang: &str, identity: &Identity) -> Document {
    let n = Numbers::text(lang);
    let side = |name: &'static str, s: &Side| {
        let mut t = Text::words(fill(lang, "{name}: ", &[("name", tr(lang, name))]));
        t.0.extend(gap_side(s, lang).0);
        t
    };
    let mut sections = vec![summary(g, lang, &n)];
    let pair = [
        tr(lang, "Customers").to_owned(),
        tr(lang, "Internal").to_owned(),
    ];
    let level = |s: &Side| s.placement.as_ref().map(|(l, _)| *l);
    let paired = |list: &[AreaGap]| -> Vec<PairedArea> {
        list.iter()
            .map(|a| PairedArea {
                name: a.name.clone(),
                score: a.internal,
                other: a.customer,
            })
            .collect()
    };
    sections.extend(paired_sections(
        lang,
        &pair,
        &PairedWords {
            ladder: "Stage ladder, internal and customer views",
            ladder_caption: "Two bars per stage: grey as customers see it, blue as the organisation sees itself (0-100), with the gap in brackets. The highlighted row is the organisation's own placement; a dashed outline marks the customers' placement when it differs.",
            radar: "Dimension profile, internal and customer views",
            radar_caption: "One axis per dimension, 0 at the centre and 100 at the rim: the dashed grey polygon is the customers' view, the blue one the organisation's own.",
            key: "Bars show the customers' score; {mark} marks your own.",
        },
        (
            &paired(&g.stages),
            (level(&g.internal), level(&g.customer)),
            areas(tr(lang, "Stage"), &g.stages, lang, &n),
        ),
        (
            &paired(&g.dimensions),
            areas(tr(lang, "Dimension"), &g.dimensions, lang, &n),
        ),
    ));
    let largest = largest(g, top, lang, &n);
    if !largest.is_empty() {
        let mut s = Section::new(Some(
            tr(
                lang,
                "Largest gaps: what you believe and your customers do not experience",
            )
            .to_owned(),
        ));
        s.blocks.push(Block::List {
            ordered: true,
            items: largest,
        });
        sections.push(s);
    }
    let recs = recommendations(g, top, lang);
    if !recs.is_empty() {
        let mut s = Section::new(Some(tr(lang, "Recommendations from the gap").to_owned()));
        s.blocks.push(Block::List {
            ordered: true,
            items: recs
                .into_iter()
                .map(|(id, text)| Item::plain(id, &text))
                .collect(),
        });
        sections.push(s);
    }
    let mut doc = Document::new(
        lang,
        identity,
        tr(lang, "Perception gap").to_owned(),
        vec![
            side("Internal view", &g.internal),
            side("Customer view", &g.customer),
        ],
        &[],
    );
    doc.sections = sections;
    doc
}

/// The verdict, then placement, index and overall score, internal against customers.
fn summary(g: &Gap, lang: &str, n: &Numbers) -> Section {
    let (i, c) = (&g.internal, &g.customer);
    let mut rows = Vec::new();
    if let (Some((_, pi)), Some((_, pc))) = (&i.placement, &c.placement) {
        rows.push(Row {
            cells: vec![
                Cell::Text(tr(lang, "Placement").to_owned()),
                Cell::Text(pi.clone()),
                Cell::Text(pc.clone()),
                Cell::Text(String::new()),
            ],
            bar: None,
            here: false,
        });
    }
    if let (Some(ii), Some(ic)) = (i.index, c.index) {
        rows.push(Row {
            cells: vec![
                Cell::Text(tr(lang, "Maturity index").to_owned()),
                Cell::figure(n.index(Some(ii))),
                Cell::figure(n.index(Some(ic))),
                Cell::figure(n.index_difference(Some(ii), Some(ic))),
            ],
            bar: None,
            here: false,
        });
    }
    rows.push(Row {
        cells: vec![
            Cell::Text(tr(lang, "Overall score").to_owned()),
            Cell::figure(n.score(i.overall)),
            Cell::figure(n.score(c.overall)),
            Cell::figure(n.score_difference(i.overall, c.overall)),
        ],
        bar: None,
        here: false,
    });
    let mut s = Section::new(None);
    s.blocks.push(Block::Summary {
        headline: Some(Text(vec![Span::Strong(verdict(g, lang, n))])),
        lines: Vec::new(),
    });
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: false,
        side_by_side: false,
        columns: vec![
            Column::text(""),
            Column::figure(tr(lang, "Internal")),
            Column::figure(tr(lang, "Customers")),
            Column::figure(tr(lang, "Gap")),
        ],
        rows,
    }));
    s
}

/// A table of gaps: name, internal, customers, gap, with a bar of the customers' score on which
/// the organisation's own is marked.
fn areas(first: &str, rows: &[AreaGap], lang: &str, n: &Numbers) -> Table {
    Table {
        caption: None,
        long_rows: false,
        side_by_side: false,
        columns: vec![
            Column::text(first),
            Column::figure(tr(lang, "Internal")),
            Column::figure(tr(lang, "Customers")),
            Column::figure(tr(lang, "Gap")),
        ],
        rows: rows
            .iter()
            .map(|a| Row {
                cells: vec![
                    Cell::Text(a.name.clone()),
                    Cell::figure(n.score(a.internal)),
                    Cell::figure(n.score(a.customer)),
                    Cell::figure(n.score_difference(a.internal, a.customer)),
                ],
                bar: Some(Bar::Score {
                    value: a.customer,
                    mark: a.internal,
                }),
                here: false,
            })
            .collect(),
    }
}

/// The `top` mirrored statements with the largest gaps: what the organisation believes, what
/// its customers say, and the figures.
fn largest(g: &Gap, top: usize, lang: &str, n: &Numbers) -> Vec<Item> {
    g.largest(top)
        .map(|m| {
            let quoted = |text: &str, id: &str| {
                fill(lang, "\"{text}\" ({id})", &[("text", text), ("id", id)])
            };
            let believed: Vec<String> = m
                .mirrored
                .iter()
                .map(|(id, text)| quoted(text, id))
                .collect();
            let statement = Span::Plain(quoted(&m.text, &m.id));
            let experienced = if m.is_blind_spot() {
                "Your customers do not experience it: {text}"
            } else {
                "Your customers: {text}"
            };
            Item {
                figure: None,
                id: None,
                text: Text::fill(
                    lang,
                    "You believe: {text}",
                    &[("text", Span::Plain(believed.join(clause_separator(lang))))],
                ),
                more: vec![
                    Text::fill(lang, experienced, &[("text", statement)]),
                    Text::fill(
                        lang,
                        "internal {inside}, customers {outside}, gap {gap}",
                        &[
                            ("inside", Span::figure(n.score(m.internal))),
                            ("outside", Span::figure(n.score(m.customer))),
                            (
                                "gap",
                                Span::figure(n.score_difference(m.internal, m.customer)),
                            ),
                        ],
                    ),
                ],
                sub: Vec::new(),
            }
        })
        .collect()
}

/// The one-line verdict of a gap, in the tool's words with figures written by `n`: both
/// placements and the biggest blind spot (the mirrored statement with the largest gap, and its
/// dimension).
pub(crate) fn verdict(g: &Gap, lang: &str, n: &Numbers) -> String {
    // A verdict needs answers on both sides: "no blind spot" from no data would be a claim.
    let none_inside = g.mirrors.iter().all(|m| m.internal.is_none());
    let none_outside = g.mirrors.iter().all(|m| m.customer.is_none());
    match (none_inside, none_outside) {
        (true, true) => return tr(lang, "No verdict: neither side answered any of the mirrored statements (every answer n/a or blank).").to_owned(),
        (true, false) => return tr(lang, "No verdict: the internal side answered none of the mirrored statements (every answer n/a or blank).").to_owned(),
        (false, true) => return tr(lang, "No verdict: the customer side answered none of the mirrored statements (every answer n/a or blank).").to_owned(),
        (false, false) => {}
    }
    let mut line = String::new();
    if let (Some((_, inside)), Some((_, outside))) = (&g.internal.placement, &g.customer.placement)
    {
        line.push_str(&fill(
            lang,
            "You place yourselves at “{inside}”; your customers place you at “{outside}”.",
            &[("inside", inside), ("outside", outside)],
        ));
        line.push_str(sentence_separator(lang));
    }
    match g.blind_spots().next() {
        Some(m) => {
            let area = m
                .dimension
                .as_deref()
                .and_then(|d| g.dimensions.iter().find(|x| x.id == d))
                .map_or_else(String::new, |d| {
                    fill(lang, "{dimension}: ", &[("dimension", &d.name)])
                });
            line.push_str(&fill(
                lang,
                "Biggest blind spot: {area}\"{statement}\" (you {inside}, your customers {outside}: {gap} points).",
                &[
                    ("area", &area),
                    ("statement", &m.text),
                    ("inside", &n.score(m.internal)),
                    ("outside", &n.score(m.customer)),
                    ("gap", &n.score_difference(m.internal, m.customer)),
                ],
            ));
        }
        None => line.push_str(&fill(
            lang,
            "No blind spot: on every mirrored statement your customers rate you less than {n} points below your own view, or above it.",
            &[("n", &n.plain(crate::gap::BLIND_SPOT_POINTS))],
        )),
    }
    line
}

/// A side of a gap by its label and what it was scored with, for the line that names it:
/// "customers.csv (customer-view 1.0.0, 240 respondents)".
fn gap_side(side: &crate::gap::Side, lang: &str) -> Text {
    let n = side.respondents.to_string();
    Text::fill(
        lang,
        "{label} ({questionnaire} {version}, {respondents})",
        &[
            ("label", Span::Code(side.label.clone())),
            ("questionnaire", Span::Plain(side.questionnaire.clone())),
            ("version", Span::Plain(side.version.clone())),
            (
                "respondents",
                Span::Plain(fill(lang, "{n} respondents", &[("n", &n)])),
            ),
        ],
    )
}

/// What to do about a gap, most urgent first: how to be seen at the stage above the customers'
/// placement, then the recommendations of the `top` largest blind spots, each with the id of its
/// customer statement.
pub(crate) fn recommendations(g: &Gap, top: usize, lang: &str) -> Vec<(Option<String>, String)> {
    let mut out = Vec::new();
    if let Some((stage, step)) = &g.next_step {
        out.push((
            None,
            fill(
                lang,
                "To be seen as “{stage}”: {step}",
                &[("stage", stage), ("step", step)],
            ),
        ));
    }
    out.extend(
        g.blind_spots()
            .take(top)
            .filter_map(|m| Some((Some(m.id.clone()), m.recommendation.clone()?))),
    );
    out
}
