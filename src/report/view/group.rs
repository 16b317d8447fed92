//! What a group report says: the group scored as one respondent (the body it shares with a
//! respondent's report), how the members' placements spread, the items to discuss, the
//! reliability of the sets, every item, the notes, and the breakdown by a metadata field.

use super::result;
use super::{Bar, Block, Cell, Chart, Column, Document, Item, Row, Section, Span, Table, Text};
use crate::i18n::{fill, tr};
use crate::questionnaire::Questionnaire;
use crate::report::number::Numbers;
use crate::report::{Breakdown, GroupView, Identity};
use crate::scoring::GroupResult;

/// The report of a group: the figures first, then where the room disagrees, then the detail.
pub(crate) fn document(view: &GroupView<'_>, identity: &Identity) -> Document {
    let (q, g, lang) = (view.questionnaire, view.all, view.lang);
    let a = &g.assessment;
    let about = Text::fill(
        lang,
        "group of {n} respondents",
        &[("n", Span::Plain(g.respondents.to_string()))],
    );
    let mut doc = Document::new(
        lang,
        identity,
        q.tr(&q.title, lang).to_owned(),
        vec![about],
        &[view.source],
    );
    let s = &mut doc.sections;
    s.push(result::summary(q, a, lang));
    s.extend(result::ladder(q, a, lang));
    s.extend(placements(q, g, lang));
    s.extend(result::profile(q, a, lang));
    s.extend(result::heat(q, a, lang));
    s.push(discuss(q, g, lang));
    s.extend(result::dont_know(q, &g.dont_know, true, lang));
    s.extend(rounds(q, g, lang));
    s.extend(reliability(q, g, lang));
    s.push(every_item(q, g, lang));
    s.extend(result::recommendations(q, a, lang));
    if let Some(plan) = view.plan {
        s.push(super::plan::section(plan, lang, &Numbers::text(lang)));
    }
    s.extend(result::customer_view(q, a, lang));
    s.extend(notes(q, g, lang));
    if let Some(breakdown) = &view.by {
        s.push(by(q, g, breakdown, lang));
    }
    s.push(super::benchmarks(lang));
    s.extend(result::warnings(view.warnings, lang));
    doc
}

/// Rule 8: Cronbach's alpha of each stage and dimension and its weakest item, for groups large
/// enough to have it.
pub(crate) fn reliability(q: &Questionnaire, g: &GroupResult, lang: &str) -> Option<Section> {
    let rel = g.reliability.as_ref()?;
    let n = Numbers::text(lang);
    let sets = rel
        .stages
        .iter()
        .zip(
            q.stages
                .iter()
                .map(|s| fill(lang, "stage {id}", &[("id", &s.id)])),
        )
        .chain(
            rel.dimensions
                .iter()
                .zip(q.dimensions.iter().map(|d| d.id.clone())),
        );
    let rows = sets
        .map(|(set, name)| {
            let weakest = set
                .items
                .iter()
                .zip(&set.item_rest)
                .filter_map(|(&i, r)| r.map(|r| (i, r)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map_or_else(String::new, |(i, r)| {
                    fill(
                        lang,
                        "{id} ({score})",
                        &[
                            ("id", &q.questions[i].id),
                            ("score", &n.coefficient(Some(r))),
                        ],
                    )
                });
            Row {
                cells: vec![
                    Cell::Text(name),
                    Cell::Figure(set.items.len().to_string()),
                    Cell::figure(n.coefficient(set.alpha)),
                    Cell::Text(weakest),
                ],
                bar: None,
                here: false,
            }
        })
        .collect();
    let mut s = Section::new(Some(tr(lang, "Reliability").to_owned()));
    s.blocks.push(Block::Lines(vec![Text::words(tr(
        lang,
        "Cronbach's alpha of 0.7 or more is usually read as the items of a set measuring one thing; an item whose correlation with the rest of its set (item-rest r) is below 0.3 may be measuring something else.",
    ))]));
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: false,
        side_by_side: false,
        columns: vec![
            Column::text(tr(lang, "Set")),
            Column::figure(tr(lang, "Items")),
            Column::figure(tr(lang, "Alpha")),
            Column::text(tr(lang, "Weakest item (item-rest r)")),
        ],
        rows,
    }));
    Some(s)
}

/// The items whose answers spread over at least a quarter of the scale, most divided first.
pub(crate) fn discuss(q: &Questionnaire, g: &GroupResult, lang: &str) -> Section {
    let n = Numbers::text(lang);
    let mut s = Section::new(Some(
        tr(
            lang,
            "Items to discuss (the spread of answers is at least a quarter of the scale)",
        )
        .to_owned(),
    ));
    if g.discuss.is_empty() {
        s.blocks.push(Block::Lines(vec![Text::words(tr(
            lang,
            "none: the room broadly agrees on every item",
        ))]));
        return s;
    }
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: true,
        side_by_side: false,
        columns: vec![
            Column::text(tr(lang, "Item")),
            Column::figure(tr(lang, "Mean")),
            Column::figure(tr(lang, "SD")),
            Column::figure(tr(lang, "Answers")),
            Column::text(tr(lang, "Statement")),
        ],
        rows: g
            .discuss
            .iter()
            .map(|&i| {
                let it = &g.items[i];
                Row {
                    cells: vec![
                        Cell::Text(q.questions[i].id.clone()),
                        Cell::figure(n.points(it.mean)),
                        Cell::figure(n.points(it.sd)),
                        Cell::Figure(it.answered.to_string()),
                        Cell::Text(q.tr(&q.questions[i].text, lang).to_owned()),
                    ],
                    bar: None,
                    here: false,
                }
            })
            .collect(),
    }));
    s
}

/// The notes respondents left, per item; `None` when nobody left one.
pub(crate) fn notes(q: &Questionnaire, g: &GroupResult, lang: &str) -> Option<Section> {
    let items: Vec<Item> = g
        .items
        .iter()
        .enumerate()
        .filter(|(_, it)| !it.notes.is_empty())
        .map(|(i, it)| Item {
            figure: None,
            id: Some(q.questions[i].id.clone()),
            text: Text(vec![Span::Plain(
                q.tr(&q.questions[i].text, lang).to_owned(),
            )]),
            more: Vec::new(),
            sub: it
                .notes
                .iter()
                .map(|(who, note)| {
                    Text(vec![
                        Span::Plain(fill(lang, "{name}: ", &[("name", who)])),
                        Span::Plain(note.clone()),
                    ])
                })
                .collect(),
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let mut s = Section::new(Some(tr(lang, "Notes").to_owned()));
    s.blocks.push(Block::List {
        ordered: false,
        items,
    });
    Some(s)
}

/// Every item: answers, n/a, mean and standard deviation in scale points, score, and whether
/// the room should discuss it.
pub(crate) fn every_item(q: &Questionnaire, g: &GroupResult, lang: &str) -> Section {
    let n = Numbers::text(lang);
    let mut s = Section::new(Some(
        tr(
            lang,
            "Every item (mean and standard deviation in scale points)",
        )
        .to_owned(),
    ));
    // The "don't know" column only for a questionnaire that offers that answer: a 1.0.0
    // report reads as it did.
    let dk = q.offers_dont_know();
    let mut columns = vec![
        Column::text(tr(lang, "Item")),
        Column::figure(tr(lang, "Answers")),
        Column::figure(tr(lang, "n/a")),
    ];
    if dk {
        columns.push(Column::figure(tr(lang, "Don't know")));
    }
    columns.extend([
        Column::figure(tr(lang, "Mean")),
        Column::figure(tr(lang, "SD")),
        Column::figure(tr(lang, "Score")),
        Column::text(""),
    ]);
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: false,
        side_by_side: false,
        columns,
        rows: g
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| {
                let mut cells = vec![
                    Cell::Text(q.questions[i].id.clone()),
                    Cell::Figure(it.answered.to_string()),
                    Cell::Figure(it.not_applicable.to_string()),
                ];
                if dk {
                    cells.push(Cell::Figure(it.dont_know.to_string()));
                }
                cells.extend([
                    Cell::figure(n.points(it.mean)),
                    Cell::figure(n.points(it.sd)),
                    Cell::figure(n.score(g.assessment.items[i].score)),
                    Cell::Text(if it.discuss { tr(lang, "discuss") } else { "" }.to_owned()),
                ]);
                Row {
                    cells,
                    bar: None,
                    here: false,
                }
            })
            .collect(),
    }));
    s
}

/// With `--by FIELD`: the figures of each value of the field next to the whole group's.
pub(crate) fn by(
    q: &Questionnaire,
    all: &GroupResult,
    breakdown: &Breakdown<'_>,
    lang: &str,
) -> Section {
    let (field, groups) = (breakdown.field, &breakdown.groups);
    let n = Numbers::text(lang);
    let results: Vec<&GroupResult> = std::iter::once(all)
        .chain(groups.iter().map(|(_, r)| *r))
        .collect();
    let mut rows = Vec::new();
    let mut row = |label: Cell, f: &dyn Fn(&GroupResult) -> String| {
        let mut cells = vec![label];
        cells.extend(results.iter().map(|r| Cell::figure(f(r))));
        rows.push(Row {
            cells,
            bar: None,
            here: false,
        });
    };
    let words = |w: &'static str| Cell::Text(tr(lang, w).to_owned());
    row(words("Respondents"), &|r| r.respondents.to_string());
    if !q.stages.is_empty() {
        row(words("Placement"), &|r| r.assessment.placement.to_string());
        row(words("Index"), &|r| n.index(r.assessment.index));
    }
    // Ids keep the label column narrow enough for several groups side by side.
    for (k, stage) in q.stages.iter().enumerate() {
        let label = Cell::Item {
            id: fill(lang, "stage {id}", &[("id", &stage.id)]),
            name: q.tr(&stage.name, lang).to_owned(),
        };
        row(label, &|r| n.score(r.assessment.stages[k].area.score));
    }
    for (d, dim) in q.dimensions.iter().enumerate() {
        let label = Cell::Item {
            id: dim.id.clone(),
            name: q.tr(&dim.name, lang).to_owned(),
        };
        row(label, &|r| n.score(r.assessment.dimensions[d].score));
    }
    row(words("Items to discuss"), &|r| r.discuss.len().to_string());
    let mut columns = vec![Column::text(""), Column::figure(tr(lang, "All"))];
    columns.extend(groups.iter().map(|(name, _)| Column::figure(name)));
    let mut s = Section::new(Some(fill(lang, "By {field}", &[("field", field)])));
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: false,
        side_by_side: true,
        columns,
        rows,
    }));
    if breakdown.hidden > 0 {
        let (hidden, min) = (
            breakdown.hidden.to_string(),
            breakdown.min_group.to_string(),
        );
        let words = if breakdown.hidden == 1 {
            "1 group with fewer than {min} respondents is not shown, so that no one's answers can be read off it."
        } else {
            "{n} groups with fewer than {min} respondents are not shown, so that no one's answers can be read off them."
        };
        s.blocks.push(Block::Lines(vec![Text::words(fill(
            lang,
            words,
            &[("n", &hidden), ("min", &min)],
        ))]));
    }
    s
}

/// The items asked again in a second (Delphi) round: the spread before and after, and whether
/// the room reached consensus by the rule stated up front.
pub(crate) fn rounds(q: &Questionnaire, g: &GroupResult, lang: &str) -> Option<Section> {
    if g.rounds.is_empty() {
        return None;
    }
    let n = Numbers::text(lang);
    let share = |x: Option<f64>| x.map_or_else(|| "-".to_owned(), |x| format!("{:.0}%", x * 100.0));
    let rule = format!("{}", crate::report::round(g.consensus_rule, 1));
    let mut s = Section::new(Some(tr(lang, "Second round").to_owned()));
    s.blocks.push(Block::Lines(vec![Text::words(fill(
        lang,
        "The items the room disagreed on were asked again, each with the room's anonymous answers. Consensus: at least {rule}% of the answers within one scale point of their median.",
        &[("rule", &rule)],
    ))]));
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: true,
        side_by_side: false,
        columns: vec![
            Column::text(tr(lang, "Item")),
            Column::figure(tr(lang, "SD before")),
            Column::figure(tr(lang, "SD after")),
            Column::figure(tr(lang, "Within one point before")),
            Column::figure(tr(lang, "Within one point after")),
            Column::text(tr(lang, "Consensus")),
        ],
        rows: g
            .rounds
            .iter()
            .map(|r| Row {
                cells: vec![
                    Cell::Text(q.questions[r.item].id.clone()),
                    Cell::figure(n.points(r.before.sd)),
                    Cell::figure(n.points(r.after.sd)),
                    Cell::figure(share(r.before.within_one)),
                    Cell::figure(share(r.after.within_one)),
                    Cell::Text(
                        tr(
                            lang,
                            if r.consensus(g.consensus_rule) {
                                "yes"
                            } else {
                                "no"
                            },
                        )
                        .to_owned(),
                    ),
                ],
                bar: None,
                here: false,
            })
            .collect(),
    }));
    Some(s)
}

/// How many members each individual result places at each level, for questionnaires with
/// stages.
pub(crate) fn placements(q: &Questionnaire, g: &GroupResult, lang: &str) -> Option<Section> {
    if q.stages.is_empty() {
        return None;
    }
    let name = |level: usize| format!("{level} {}", q.placement_name(level, lang));
    let most = g.placements.iter().copied().max().unwrap_or(0);
    let mut s = Section::new(Some(tr(lang, "Individual placements").to_owned()));
    s.blocks.push(Block::Chart(Chart::Distribution {
        label: tr(lang, "Individual placements").to_owned(),
        caption: tr(lang, "How many respondents each individual result places at each level; the group's own placement is in bold.").to_owned(),
        rows: g
            .placements
            .iter()
            .enumerate()
            .rev()
            .map(|(level, &count)| (name(level), count, level == g.assessment.placement))
            .collect(),
    }));
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: false,
        side_by_side: false,
        columns: vec![
            Column::text(tr(lang, "Placement")),
            Column::figure(tr(lang, "Respondents")),
        ],
        rows: g
            .placements
            .iter()
            .enumerate()
            .map(|(level, &count)| Row {
                cells: vec![Cell::Text(name(level)), Cell::Figure(count.to_string())],
                bar: Some(Bar::Count { count, most }),
                here: level == g.assessment.placement,
            })
            .collect(),
    }));
    Some(s)
}
