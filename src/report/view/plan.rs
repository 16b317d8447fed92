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
    let mut lines = target(p, lang, n);
    lines.extend(pace(p, lang, n));
    s.blocks.push(Block::Lines(lines));
    s.blocks.extend(dimensions(p, lang, n).map(Block::Table));
    if !p.actions.is_empty() {
        s.blocks.push(Block::Table(actions(p, lang)));
        s.blocks.extend(items(p, lang, n).map(Block::Table));
    }
    let overdue = overdue(p, lang);
    if !overdue.is_empty() {
        s.blocks.push(Block::Lines(overdue));
    }
    s
}

/// A figure of the target's kind: a stage's score, or the index.
fn figure(p: &Status, n: &Numbers, x: Option<f64>) -> Span {
    if p.target_stage.is_some() {
        Span::figure(n.score(x))
    } else {
        Span::figure(n.index(x))
    }
}

/// The target, and the distance to it.
fn target(p: &Status, lang: &str, n: &Numbers) -> Vec<Text> {
    let mut lines = Vec::new();
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
                ("now", figure(p, n, Some(now))),
                ("goal", figure(p, n, Some(goal))),
                ("gap", Span::figure(gap)),
            ],
        ));
    }
    lines
}

/// Whether the pace so far reaches the target by its date, or why that is not known.
fn pace(p: &Status, lang: &str, n: &Numbers) -> Option<Text> {
    let by = || ("date", Span::Plain(p.by.clone()));
    Some(match &p.pace {
        Pace::Reached => return None,
        Pace::OnTrack { projected } => Text::fill(
            lang,
            "At the pace so far it would be {projected} by {date}: on track.",
            &[("projected", figure(p, n, Some(*projected))), by()],
        ),
        Pace::OffTrack { projected } => Text::fill(
            lang,
            "At the pace so far it would be {projected} by {date}: not on track.",
            &[("projected", figure(p, n, Some(*projected))), by()],
        ),
        Pace::Missed => Text::fill(
            lang,
            "The target date, {date}, has passed without the target being reached.",
            &[by()],
        ),
        Pace::Unknown(why) => Text::words(tr(
            lang,
            match why {
                Unknown::OneResult => {
                    "Pace unknown: one result shows where the team stands, not how fast it moves (compare or trend two dated results)."
                }
                Unknown::NoDates => {
                    "Pace unknown: fewer than two of the results carry a date (the `date` of their answers)."
                }
                Unknown::NoFigure => "Pace unknown: the results have no score for the target.",
            },
        )),
    })
}

/// The per-dimension targets, when the plan sets any.
fn dimensions(p: &Status, lang: &str, n: &Numbers) -> Option<Table> {
    (!p.dimensions.is_empty()).then(|| Table {
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
    })
}

/// Each action: its owner, due date and status, overdue ones said so.
fn actions(p: &Status, lang: &str) -> Table {
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
    Table {
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
    }
}

/// Each action's items: from the result before it started to the last; `None` when no action
/// names an item.
fn items(p: &Status, lang: &str, n: &Numbers) -> Option<Table> {
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
    if rows.is_empty() {
        return None;
    }
    let since = p.actions.iter().any(|a| a.since.is_some());
    Some(Table {
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
    })
}

/// The actions past their due date and neither done nor dropped, named.
fn overdue(p: &Status, lang: &str) -> Vec<Text> {
    p.overdue()
        .map(|a| {
            Text::fill(
                lang,
                "Overdue: {action} ({id}), due {date}",
                &[
                    ("action", Span::Plain(a.title.clone())),
                    ("id", Span::Code(a.id.clone())),
                    ("date", Span::Plain(a.due.clone().unwrap_or_default())),
                ],
            )
        })
        .collect()
}
