//! The "Plan" section a report carries with `--plan FILE`: the target and the distance to it,
//! whether the pace so far reaches it by the date, the per-dimension targets, each action with
//! whether its items moved since it started, and the overdue actions named.

use super::{Block, Cell, Column, Row, Section, Span, Table, Text};
use crate::i18n::{fill, tr};
use crate::plan::{ActionState, Pace, Status, Unknown};
use crate::report::number::Numbers;

/// An action's state in the reader's words.
fn state(s: ActionState, lang: &str) -> &'static str {
    match s {
        ActionState::Planned => tr(lang, "planned"),
        ActionState::Started => tr(lang, "started"),
        ActionState::Done => tr(lang, "done"),
        ActionState::Dropped => tr(lang, "dropped"),
    }
}

/// The plan section of a report in `lang`.
pub(crate) fn section(p: &Status, lang: &str, n: &Numbers) -> Section {
    let mut s = Section::new(Some(tr(lang, "Plan").to_owned()));
    let mut lines = Vec::new();
    let figure = |x: Option<f64>| {
        if p.target_stage.is_some() {
            Span::figure(n.score(x))
        } else {
            Span::figure(n.index(x))
        }
    };
    // The target and the distance to it.
    match (&p.target_stage, p.target_index) {
        (Some(id), _) => lines.push(Text::fill(
            lang,
            "Target: “{stage}” by {date}",
            &[
                (
                    "stage",
                    Span::Strong(p.target_stage_name.clone().unwrap_or_else(|| id.clone())),
                ),
                ("date", Span::Plain(p.by.clone())),
            ],
        )),
        (None, Some(x)) => lines.push(Text::fill(
            lang,
            "Target: maturity index {index} by {date}",
            &[
                ("index", Span::figure(n.index(Some(x)))),
                ("date", Span::Plain(p.by.clone())),
            ],
        )),
        (None, None) => {}
    }
    if matches!(p.pace, Pace::Reached) {
        lines.push(Text::words(tr(lang, "The target is reached.")));
    } else if let (Some(now), Some(goal)) = (p.now, p.goal) {
        let (template, gap) = if p.target_stage.is_some() {
            (
                "Now {now}, threshold {goal}: {gap} points to go.",
                n.score_difference(Some(goal), Some(now)),
            )
        } else {
            (
                "Now {now}, target {goal}: {gap} to go.",
                n.index_difference(Some(goal), Some(now)),
            )
        };
        lines.push(Text::fill(
            lang,
            template,
            &[
                ("now", figure(Some(now))),
                ("goal", figure(Some(goal))),
                ("gap", Span::figure(gap)),
            ],
        ));
    }
    match &p.pace {
        Pace::Reached => {}
        Pace::OnTrack { projected } => lines.push(Text::fill(
            lang,
            "At the pace so far it would be {projected} by {date}: on track.",
            &[
                ("projected", figure(Some(*projected))),
                ("date", Span::Plain(p.by.clone())),
            ],
        )),
        Pace::OffTrack { projected } => lines.push(Text::fill(
            lang,
            "At the pace so far it would be {projected} by {date}: not on track.",
            &[
                ("projected", figure(Some(*projected))),
                ("date", Span::Plain(p.by.clone())),
            ],
        )),
        Pace::Missed => lines.push(Text::fill(
            lang,
            "The target date, {date}, has passed without the target being reached.",
            &[("date", Span::Plain(p.by.clone()))],
        )),
        Pace::Unknown(why) => lines.push(Text::words(tr(
            lang,
            match why {
                Unknown::OneResult => {
                    "Pace unknown: one result shows where the team stands, not how fast it moves (compare or trend two dated results)."
                }
                Unknown::NoDates => {
                    "Pace unknown: fewer than two of the results carry a date (the `date` of their answers)."
                }
                Unknown::NoFigure => {
                    "Pace unknown: the results have no score for the target."
                }
            },
        ))),
    }
    s.blocks.push(Block::Lines(lines));
    if !p.dimensions.is_empty() {
        s.blocks.push(Block::Table(Table {
            caption: None,
            long_rows: false,
            side_by_side: false,
            columns: vec![
                Column::text(tr(lang, "Dimension")),
                Column::figure(tr(lang, "Now")),
                Column::figure(tr(lang, "Target")),
                Column::figure(tr(lang, "To go")),
            ],
            rows: p
                .dimensions
                .iter()
                .map(|(_, name, now, target)| Row {
                    cells: vec![
                        Cell::Text(name.clone()),
                        Cell::figure(n.score(*now)),
                        Cell::figure(n.score(Some(*target))),
                        Cell::figure(n.score_difference(Some(*target), *now)),
                    ],
                    bar: None,
                    here: false,
                })
                .collect(),
        }));
    }
    if !p.actions.is_empty() {
        let rows = p
            .actions
            .iter()
            .map(|a| Row {
                cells: vec![
                    Cell::Text(a.id.clone()),
                    a.owner
                        .clone()
                        .filter(|o| !o.trim().is_empty())
                        .map_or(Cell::Missing, Cell::Text),
                    a.due.clone().map_or(Cell::Missing, Cell::Text),
                    Cell::Text(if a.overdue {
                        fill(
                            lang,
                            "{status}, overdue",
                            &[("status", state(a.state, lang))],
                        )
                    } else {
                        state(a.state, lang).to_owned()
                    }),
                ],
                bar: None,
                here: false,
            })
            .collect();
        s.blocks.push(Block::Table(Table {
            caption: None,
            long_rows: false,
            side_by_side: false,
            columns: vec![
                Column::text(tr(lang, "Action")),
                Column::text(tr(lang, "Owner")),
                Column::text(tr(lang, "Due")),
                Column::text(tr(lang, "Status")),
            ],
            rows,
        }));
        // Each action's items: from the result before it started to the last.
        let rows: Vec<Row> = p
            .actions
            .iter()
            .flat_map(|a| {
                a.items.iter().map(move |m| Row {
                    cells: vec![
                        Cell::Text(a.id.clone()),
                        Cell::Text(m.id.clone()),
                        Cell::figure(n.score(m.before)),
                        Cell::figure(n.score(m.after)),
                        Cell::figure(n.score_difference(m.after, m.before)),
                    ],
                    bar: None,
                    here: false,
                })
            })
            .collect();
        if !rows.is_empty() {
            let since = p.actions.iter().any(|a| a.since.is_some());
            s.blocks.push(Block::Table(Table {
                caption: Some(
                    tr(
                        lang,
                        if since {
                            "Before: each item's score in the last result before the action started (the first result when it gives no start); now: in the last result."
                        } else {
                            "Each item's score now; with a result from before (compare, trend) its change since the action started is shown."
                        },
                    )
                    .to_owned(),
                ),
                long_rows: false,
                side_by_side: false,
                columns: vec![
                    Column::text(tr(lang, "Action")),
                    Column::text(tr(lang, "Item")),
                    Column::figure(tr(lang, "Before")),
                    Column::figure(tr(lang, "Now")),
                    Column::figure(tr(lang, "Change")),
                ],
                rows,
            }));
        }
    }
    let overdue: Vec<&str> = p.overdue().map(|a| a.title.as_str()).collect();
    if !overdue.is_empty() {
        let mut lines = Vec::new();
        for a in p.overdue() {
            lines.push(Text::fill(
                lang,
                "Overdue: {action} ({id}), due {date}",
                &[
                    ("action", Span::Plain(a.title.clone())),
                    ("id", Span::Code(a.id.clone())),
                    ("date", Span::Plain(a.due.clone().unwrap_or_default())),
                ],
            ));
        }
        s.blocks.push(Block::Lines(lines));
    }
    s
}
