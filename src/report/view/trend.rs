//! What a trend report says: the periods (placement, index, respondents), the index, overall
//! score, stages and dimensions across them with the change since the previous and the first
//! period, the items that moved most over the whole span, whether the changes are more than
//! noise, and the plan when one is given.

use super::{
    Bar, Block, Cell, Column, Document, LineChart, Mark, Panel, Row, Section, Span, Table, Text,
};
use crate::i18n::{fill, tr};
use crate::plan::Status as PlanStatus;
use crate::report::Identity;
use crate::report::number::Numbers;
use crate::trend::{Series, Trend};

/// The trend report in `lang`, listing `top` item moves each way, with the `plan`'s status when
/// given, named by `identity`.
pub(crate) fn document(t: &Trend, top: usize, lang: &str, identity: &Identity) -> Document {
    let plan: Option<&PlanStatus> = t.plan.as_ref();
    let n = Numbers::text(lang);
    let labels: Vec<String> = t.periods.iter().map(|p| p.label.clone()).collect();
    let stages_n = t.periods.last().map_or(0, |p| p.snapshot.stages.len());
    let mut sections = vec![summary(t, lang, &n), periods(t, lang, &n)];
    // The index, with the plan's target index drawn.
    let target_index = plan.and_then(|p| p.target_index);
    let mut s = Section::new(Some(tr(lang, "Maturity index over time").to_owned()));
    let index = t.index();
    let has_index = index.values.iter().any(Option::is_some);
    if has_index {
        #[allow(clippy::cast_precision_loss)]
        let top_value = stages_n as f64;
        let mut marks = Vec::new();
        if let Some(target) = target_index {
            marks.push(Mark {
                name: fill(lang, "target {value}", &[("value", &n.index(Some(target)))]),
                value: target,
                target: true,
            });
        }
        s.blocks.push(Block::Chart(super::Chart::Lines(LineChart {
            label: tr(lang, "Maturity index over time").to_owned(),
            caption: tr(
                lang,
                "The maturity index of each period, from 0 at the bottom to the number of stages at the top; a dotted line marks the plan's target when there is one.",
            )
            .to_owned(),
            periods: labels.clone(),
            panels: vec![panel(
                tr(lang, "Maturity index"),
                &index,
                top_value,
                marks,
                |x| n.index(x),
            )],
        })));
    }
    let mut rows = Vec::new();
    if has_index {
        #[allow(clippy::cast_precision_loss)]
        rows.push(row(
            tr(lang, "Maturity index"),
            &index,
            stages_n as f64,
            &n,
            true,
        ));
    }
    rows.push(row(
        tr(lang, "Overall score"),
        &t.overall(),
        100.0,
        &n,
        false,
    ));
    s.blocks.push(Block::Table(over_time(lang, &labels, rows)));
    sections.push(s);
    // Stages and dimensions: a panel each, with the threshold and the targets drawn.
    let target_stage = plan.and_then(|p| p.target_stage.clone());
    let dimension_targets = plan
        .map(|p| p.dimension_targets.clone())
        .unwrap_or_default();
    for (heading, caption, list, stage) in [
        (
            "Stages over time",
            "Each stage's score (0-100) in each period; the dashed line is the threshold at which the stage is reached, a dotted line the plan's target.",
            t.stages(),
            true,
        ),
        (
            "Dimensions over time",
            "Each dimension's score (0-100) in each period; a dotted line marks the plan's target for the dimension.",
            t.dimensions(),
            false,
        ),
    ] {
        if list.is_empty() {
            continue;
        }
        let mut s = Section::new(Some(tr(lang, heading).to_owned()));
        let panels = list
            .iter()
            .map(|series| {
                let mut marks = Vec::new();
                if let Some(th) = series.threshold.filter(|_| stage) {
                    marks.push(Mark {
                        name: fill(lang, "threshold {value}", &[("value", &n.score(Some(th)))]),
                        value: th,
                        target: false,
                    });
                }
                let target = if stage {
                    target_stage
                        .as_ref()
                        .filter(|id| **id == series.id)
                        .and(series.threshold)
                } else {
                    dimension_targets
                        .iter()
                        .find(|(id, _)| *id == series.id)
                        .map(|(_, v)| *v)
                };
                if let Some(v) = target {
                    marks.push(Mark {
                        name: fill(lang, "target {value}", &[("value", &n.score(Some(v)))]),
                        value: v,
                        target: true,
                    });
                }
                panel(&series.name, series, 100.0, marks, |x| n.score(x))
            })
            .collect();
        s.blocks.push(Block::Chart(super::Chart::Lines(LineChart {
            label: tr(lang, heading).to_owned(),
            caption: tr(lang, caption).to_owned(),
            periods: labels.clone(),
            panels,
        })));
        let first = tr(lang, if stage { "Stage" } else { "Dimension" });
        let rows = list
            .iter()
            .map(|series| row(&series.name, series, 100.0, &n, false))
            .collect();
        let mut table = over_time(lang, &labels, rows);
        table.columns[0] = Column::text(first);
        s.blocks.push(Block::Table(table));
        sections.push(s);
    }
    sections.extend(moves(t, top, lang, &n));
    if let Some(s) = noise(t, lang, &n) {
        sections.push(s);
    }
    if let Some(p) = plan {
        sections.push(super::plan::section(p, lang, &n));
    }
    let last = &t.periods[t.periods.len() - 1];
    let mut about = Text::words(fill(lang, "{name}: ", &[("name", tr(lang, "Periods"))]));
    about.0.extend(
        Text::fill(
            lang,
            "{label} ({questionnaire} {version})",
            &[
                (
                    "label",
                    Span::Plain(labels.join(super::result::list_separator(lang))),
                ),
                (
                    "questionnaire",
                    Span::Plain(last.snapshot.questionnaire.clone()),
                ),
                ("version", Span::Plain(last.snapshot.version.clone())),
            ],
        )
        .0,
    );
    let about = vec![about];
    let mut doc = Document::new(
        lang,
        identity,
        fill(
            lang,
            "Over time: {questionnaire}",
            &[("questionnaire", &last.snapshot.questionnaire)],
        ),
        about,
        &[],
    );
    doc.sections = sections;
    doc
}

/// One figure's panel of a line chart.
fn panel(
    title: &str,
    series: &Series,
    top: f64,
    marks: Vec<Mark>,
    write: impl Fn(Option<f64>) -> String,
) -> Panel {
    Panel {
        title: title.to_owned(),
        values: series.values.clone(),
        figures: series
            .values
            .iter()
            .map(|v| v.map(|v| write(Some(v))))
            .collect(),
        top,
        marks,
    }
}

/// A row of an over-time table: the figure in each period, the change since the previous and
/// since the first period, and a sparkline.
fn row(name: &str, series: &Series, top: f64, n: &Numbers, index: bool) -> Row {
    let last = series.values.len().saturating_sub(1);
    let figure = |x: Option<f64>| {
        if index { n.index(x) } else { n.score(x) }
    };
    let change = |from: usize| {
        let (a, b) = (
            series.values.get(last).copied().flatten(),
            series.values.get(from).copied().flatten(),
        );
        if index {
            n.index_difference(a, b)
        } else {
            n.score_difference(a, b)
        }
    };
    let mut cells = vec![Cell::Text(name.to_owned())];
    cells.extend(series.values.iter().map(|v| Cell::figure(figure(*v))));
    cells.push(Cell::figure(change(last.saturating_sub(1))));
    cells.push(Cell::figure(change(0)));
    Row {
        cells,
        bar: Some(Bar::Spark {
            values: series.values.clone(),
            top,
        }),
        here: false,
    }
}

/// A table of figures over time: a column per period, then the changes.
fn over_time(lang: &str, labels: &[String], rows: Vec<Row>) -> Table {
    // Short names keep to one line beside the figures; long ones wrap instead of the figures.
    let short = rows.iter().all(|r| match r.cells.first() {
        Some(Cell::Text(name)) => name.chars().count() <= 20,
        _ => true,
    });
    let mut columns = vec![Column::text(tr(lang, "Figure"))];
    columns.extend(labels.iter().map(|l| Column::figure(l)));
    columns.push(Column::figure(tr(lang, "Step")));
    columns.push(Column::figure(tr(lang, "Total")));
    Table {
        caption: Some(
            tr(
                lang,
                "Step: the change since the previous period. Total: the change since the first.",
            )
            .to_owned(),
        ),
        long_rows: false,
        side_by_side: short,
        columns,
        rows,
    }
}

/// The placement, index and overall score, first and last.
fn summary(t: &Trend, lang: &str, n: &Numbers) -> Section {
    super::comparison::summary_of(&t.span.before, &t.span.after, lang, n)
}

/// One row per period: its date, respondents, placement, index and overall score.
fn periods(t: &Trend, lang: &str, n: &Numbers) -> Section {
    let mut s = Section::new(Some(tr(lang, "Periods").to_owned()));
    let last = t.periods.len() - 1;
    let rows = t
        .periods
        .iter()
        .enumerate()
        .map(|(k, p)| {
            #[allow(clippy::cast_precision_loss)]
            let respondents = p.sample.as_ref().map_or(Cell::Missing, |s| {
                Cell::figure(n.plain(s.respondents as f64))
            });
            Row {
                cells: vec![
                    Cell::Text(p.label.clone()),
                    p.date.clone().map_or(Cell::Missing, Cell::Text),
                    respondents,
                    p.snapshot
                        .placement
                        .as_ref()
                        .map_or(Cell::Missing, |(_, name)| Cell::Text(name.clone())),
                    Cell::figure(n.index(p.snapshot.index)),
                ],
                bar: None,
                here: k == last,
            }
        })
        .collect();
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: false,
        side_by_side: false,
        columns: vec![
            Column::text(tr(lang, "Period")),
            Column::text(tr(lang, "Date")),
            Column::figure(tr(lang, "Respondents")),
            Column::text(tr(lang, "Placement")),
            Column::figure(tr(lang, "Index")),
        ],
        rows,
    }));
    if t.periods.iter().any(|p| p.date.is_none()) {
        s.blocks.push(Block::Lines(vec![Text::words(tr(
            lang,
            "A dash for a date: none of the period's answers carries a `date`, so the pace towards a target cannot use it.",
        ))]));
    }
    s
}

/// The items that moved most from the first period to the last, each way, and the items the
/// periods' questionnaires do not share.
fn moves(t: &Trend, top: usize, lang: &str, n: &Numbers) -> Vec<Section> {
    let c = &t.span;
    let mut out = Vec::new();
    let (ups, downs) = (
        super::comparison::item_moves(c, true, top),
        super::comparison::item_moves(c, false, top),
    );
    for (heading, rows) in [("Biggest improvements", &ups), ("Biggest declines", &downs)] {
        if rows.is_empty() {
            continue;
        }
        let mut s = Section::new(Some(tr(lang, heading).to_owned()));
        s.blocks.push(Block::Table(Table {
            caption: None,
            long_rows: false,
            side_by_side: false,
            columns: vec![
                Column::text(tr(lang, "Item")),
                Column::figure(&c.before.label),
                Column::figure(&c.after.label),
                Column::figure(tr(lang, "Change")),
            ],
            rows: rows
                .iter()
                .map(|ch| Row {
                    cells: vec![
                        Cell::Item {
                            id: ch.id.clone(),
                            name: ch.name.clone(),
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
        }));
        out.push(s);
    }
    let mut lines = Vec::new();
    if ups.is_empty() && downs.is_empty() {
        lines.push(Text::words(tr(lang, "No item score moved.")));
    }
    lines.extend(super::comparison::not_compared(
        [
            (
                "Items only in the last period's questionnaire (not compared): {items}",
                &c.added,
            ),
            (
                "Items only in the first period's questionnaire (not compared): {items}",
                &c.removed,
            ),
        ],
        lang,
    ));
    if !lines.is_empty() {
        let mut s = Section::new(None);
        s.blocks.push(Block::Lines(lines));
        out.push(s);
    }
    out
}

/// Whether the changes are real: over the whole span, and step by step.
fn noise(t: &Trend, lang: &str, n: &Numbers) -> Option<Section> {
    let whole = t.whole.as_ref()?;
    let (first, last) = (&t.periods[0].label, &t.periods[t.periods.len() - 1].label);
    let mut s = Section::new(Some(tr(lang, "Is the change real?").to_owned()));
    let span = fill(
        lang,
        "{from} -> {to}",
        &[("from", first.as_str()), ("to", last.as_str())],
    );
    let mut lead = vec![Span::Words(fill(lang, "{name}: ", &[("name", &span)]))];
    lead.extend(super::noise::respondents(whole, lang, n).0);
    s.blocks.push(Block::Lines(vec![Text(lead)]));
    let Some(table) = super::noise::table(whole, lang, n) else {
        s.blocks.push(Block::Lines(vec![Text::words(tr(
            lang,
            "One side is a single respondent: no interval can be drawn from it.",
        ))]));
        return Some(s);
    };
    s.blocks.push(Block::Table(table));
    // Step by step: the index.
    let rows: Vec<Row> = t
        .steps
        .iter()
        .enumerate()
        .filter_map(|(k, step)| {
            let step = step.as_ref()?;
            let e = step.index.as_ref()?;
            let i = e.interval;
            #[allow(clippy::cast_precision_loss)]
            Some(Row {
                cells: vec![
                    Cell::Text(fill(
                        lang,
                        "{from} -> {to}",
                        &[
                            ("from", t.periods[k].label.as_str()),
                            ("to", t.periods[k + 1].label.as_str()),
                        ],
                    )),
                    Cell::figure(n.plain(step.both as f64)),
                    Cell::figure(n.index_difference(e.after, e.before)),
                    Cell::figure(n.index_difference(i.map(|i| i.low), Some(0.0))),
                    Cell::figure(n.index_difference(i.map(|i| i.high), Some(0.0))),
                    super::noise::verdict(e.verdict(), lang),
                ],
                bar: None,
                here: false,
            })
        })
        .collect();
    if t.periods.len() > 2 && !rows.is_empty() {
        s.blocks.push(Block::Table(Table {
            caption: Some(tr(lang, "The maturity index, period by period.").to_owned()),
            long_rows: false,
            side_by_side: false,
            columns: vec![
                Column::text(tr(lang, "Periods")),
                Column::figure(tr(lang, "On both")),
                Column::figure(tr(lang, "Change")),
                Column::figure(tr(lang, "95% from")),
                Column::figure(tr(lang, "95% to")),
                Column::text(tr(lang, "Verdict")),
            ],
            rows,
        }));
    }
    let lines: Vec<Text> = t
        .periods
        .iter()
        .filter_map(|p| {
            let shares = p.sample.as_ref()?.placement_shares();
            super::noise::placements(&p.label, &shares, lang, n)
        })
        .collect();
    if !lines.is_empty() {
        s.blocks.push(Block::Lines(lines));
    }
    s.blocks
        .push(Block::Lines(vec![super::noise::method(lang, n)]));
    Some(s)
}
