//! What a respondent's report says, and the body a group's report shares with it: the summary,
//! the stage ladder, the dimension profile, the stage-by-dimension heat map, the
//! recommendations, how customers see the placement, and the warnings.

use super::{
    Bar, Block, Cell, Chart, Column, Document, HeatCell, HeatMap, HeatRow, Item, Row, Rung,
    Section, Span, Table, Text,
};
use crate::diagnostic::Diagnostic;
use crate::i18n::{fill, tr};
use crate::questionnaire::Questionnaire;
use crate::report::number::Numbers;
use crate::report::{Identity, Scored};
use crate::scoring::{Assessment, DontKnow, StageStatus};

/// The report of one respondent.
pub(crate) fn document(s: &Scored<'_>, identity: &Identity) -> Document {
    let (q, a, lang) = (s.questionnaire, s.assessment, s.lang);
    let mut about = Text(vec![Span::Plain(s.who())]);
    if let Some(date) = &s.response.meta.date {
        about = Text::fill(
            lang,
            "{who} - answers of {date}",
            &[
                ("who", Span::Plain(s.who())),
                ("date", Span::Plain(date.clone())),
            ],
        );
    }
    let mut doc = Document::new(
        lang,
        identity,
        q.tr(&q.title, lang).to_owned(),
        vec![about],
        &[s.source],
    );
    doc.sections.push(summary(q, a, lang));
    doc.sections.extend(ladder(q, a, lang));
    doc.sections.extend(profile(q, a, lang));
    doc.sections.extend(heat(q, a, lang));
    doc.sections.extend(dont_know(
        q,
        &DontKnow::of_response(q, s.response),
        false,
        lang,
    ));
    doc.sections.extend(recommendations(q, a, lang));
    if let Some(plan) = s.plan {
        doc.sections
            .push(super::plan::section(plan, lang, &Numbers::text(lang)));
    }
    doc.sections.extend(customer_view(q, a, lang));
    doc.sections.push(super::benchmarks(lang));
    doc.sections.extend(warnings(s.warnings, lang));
    doc
}

/// The placement with its level, and the maturity index and overall score with how much was
/// answered; the overall score alone for a questionnaire without stages.
pub(crate) fn summary(q: &Questionnaire, a: &Assessment, lang: &str) -> Section {
    let n = Numbers::text(lang);
    let (answered, total) = (a.overall.answered.to_string(), a.overall.total.to_string());
    let mut s = Section::new(None);
    if q.stages.is_empty() {
        let line = Text::fill(
            lang,
            "Overall score {score} - {answered} of {total} items answered",
            &[
                ("score", Span::figure(n.score(a.overall.score))),
                ("answered", Span::Plain(answered)),
                ("total", Span::Plain(total)),
            ],
        );
        s.blocks.push(Block::Summary {
            headline: Some(line),
            lines: Vec::new(),
        });
        return s;
    }
    let name = (
        "name",
        Span::Strong(q.placement_name(a.placement, lang).to_owned()),
    );
    let level = ("level", Span::Words(level_text(q, a.placement, lang)));
    // A higher stage that passes on its own while a lower one fails is named in the headline:
    // "Company-centric" alone would read as a verdict on the whole organisation when what it
    // lacks is one foundation.
    let gap = !a.uneven.is_empty() && a.placement < q.stages.len();
    let headline = if gap {
        Text::fill(
            lang,
            "Placement: {name} ({level}) - stage-{k} foundation gap",
            &[
                name,
                level,
                ("k", Span::Strong((a.placement + 1).to_string())),
            ],
        )
    } else {
        Text::fill(lang, "Placement: {name} ({level})", &[name, level])
    };
    let mut lines = Vec::new();
    if gap {
        let k = a.placement;
        let n = Numbers::text(lang);
        let above = a
            .uneven
            .iter()
            .map(|&s| quoted(lang, q.tr(&q.stages[s].name, lang)))
            .collect::<Vec<_>>()
            .join(list_separator(lang));
        lines.push(Text::fill(
            lang,
            "Foundation gap at stage {k} ({stage}): {status}. Passing on their own above it: {stages}.",
            &[
                ("k", Span::Plain((k + 1).to_string())),
                ("stage", Span::Plain(quoted(lang, q.tr(&q.stages[k].name, lang)))),
                ("status", Span::Plain(stage_status(q, a, k, lang, &n))),
                ("stages", Span::Plain(above)),
            ],
        ));
    }
    let line = Text::fill(
        lang,
        "Maturity index {index} of {n} - overall score {score} - {answered} of {total} items answered",
        &[
            ("index", Span::figure(n.index(a.index))),
            ("n", Span::Plain(q.stages.len().to_string())),
            ("score", Span::figure(n.score(a.overall.score))),
            ("answered", Span::Plain(answered)),
            ("total", Span::Plain(total)),
        ],
    );
    lines.insert(0, line);
    s.blocks.push(Block::Summary {
        headline: Some(headline),
        lines,
    });
    s
}

/// A stage's name quoted inside a sentence, with the quotation marks of `lang`: stage names
/// are adjectives in most languages and read as names only when quoted.
pub(crate) fn quoted(lang: &str, name: &str) -> String {
    match lang {
        "fr" => format!("«\u{202F}{name}\u{202F}»"),
        "it" => format!("«{name}»"),
        "nl" => format!("‘{name}’"),
        "zh" => format!("“{name}”"),
        _ => format!("“{name}”"),
    }
}

/// Between two clauses of a reason: French puts a narrow no-break space before the semicolon,
/// Chinese writes the full-width one.
pub(crate) fn clause_separator(lang: &str) -> &'static str {
    match lang {
        "fr" => "\u{202F}; ",
        "zh" => "；",
        _ => "; ",
    }
}

/// Between two sentences: Chinese puts no space after its full stop.
pub(crate) fn sentence_separator(lang: &str) -> &'static str {
    if lang == "zh" { "" } else { " " }
}

/// Between the items of a list inside a sentence.
pub(crate) fn list_separator(lang: &str) -> &'static str {
    if lang == "zh" { "、" } else { ", " }
}

/// How customers see an organisation at its placement, when the questionnaire says.
pub(crate) fn customer_view(q: &Questionnaire, a: &Assessment, lang: &str) -> Option<Section> {
    let view = q.customer_view(a.placement)?;
    let mut s = Section::new(Some(tr(lang, "How customers see you").to_owned()));
    s.blocks.push(Block::Quote {
        text: q.tr(view, lang).to_owned(),
        source: None,
    });
    Some(s)
}

/// The stage ladder: a chart of the stage scores against their thresholds, and a table with why
/// each stage has its status; the placement's row is marked.
pub(crate) fn ladder(q: &Questionnaire, a: &Assessment, lang: &str) -> Option<Section> {
    if q.stages.is_empty() {
        return None;
    }
    let n = Numbers::text(lang);
    let name = |k: usize| format!("{} {}", k + 1, q.tr(&q.stages[k].name, lang));
    let mut s = Section::new(Some(tr(lang, "Stage ladder").to_owned()));
    s.blocks.push(Block::Chart(Chart::Ladder {
        label: tr(lang, "Stage ladder").to_owned(),
        caption: tr(lang, "Each bar is the stage's score (0-100); the dark line is the threshold the stage needs. Blue bars reach their stage, orange ones do not. The highlighted row is the placement.").to_owned(),
        pair: [String::new(), String::new()],
        rungs: (0..q.stages.len())
            .rev()
            .map(|k| Rung {
                label: name(k),
                score: a.stages[k].area.score,
                before: None,
                threshold: Some(a.stages[k].threshold),
                reached: a.stages[k].status == StageStatus::Reached,
                here: k + 1 == a.placement,
                was_here: false,
            })
            .collect(),
    }));
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: true,
        side_by_side: false,
        columns: vec![
            Column::text(tr(lang, "Stage")),
            Column::figure(tr(lang, "Score")),
            Column::figure(tr(lang, "Needs")),
            Column::text(tr(lang, "Status")),
        ],
        rows: (0..q.stages.len())
            .rev()
            .map(|k| Row {
                cells: vec![
                    Cell::Text(name(k)),
                    Cell::figure(n.score(a.stages[k].area.score)),
                    Cell::figure(n.score(Some(a.stages[k].threshold))),
                    Cell::Text(stage_status(q, a, k, lang, &n)),
                ],
                bar: Some(Bar::Score {
                    value: a.stages[k].area.score,
                    mark: Some(a.stages[k].threshold),
                }),
                here: k + 1 == a.placement,
            })
            .collect(),
    }));
    Some(s)
}

/// The dimension profile: a radar chart with three dimensions or more, and a table of the
/// scores with how much of each dimension was answered.
pub(crate) fn profile(q: &Questionnaire, a: &Assessment, lang: &str) -> Option<Section> {
    if q.dimensions.is_empty() {
        return None;
    }
    let n = Numbers::text(lang);
    let names: Vec<String> = q
        .dimensions
        .iter()
        .map(|d| q.tr(&d.name, lang).to_owned())
        .collect();
    let mut s = Section::new(Some(tr(lang, "Dimension profile").to_owned()));
    if q.dimensions.len() >= 3 {
        s.blocks.push(Block::Chart(Chart::Radar {
            label: tr(lang, "Dimension profile").to_owned(),
            caption: tr(lang, "One axis per dimension, 0 at the centre and 100 at the rim; each dimension's score is written next to its name.").to_owned(),
            pair: [String::new(), String::new()],
            names: names.clone(),
            scores: a.dimensions.iter().map(|d| d.score).collect(),
            before: None,
        }));
    }
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: false,
        side_by_side: false,
        columns: vec![
            Column::text(tr(lang, "Dimension")),
            Column::figure(tr(lang, "Score")),
            Column::text(tr(lang, "Answered")),
        ],
        rows: names
            .into_iter()
            .zip(&a.dimensions)
            .map(|(name, r)| Row {
                cells: vec![
                    Cell::Text(name),
                    Cell::figure(n.score(r.score)),
                    Cell::Text(fill(
                        lang,
                        "{answered} of {total}",
                        &[
                            ("answered", &r.answered.to_string()),
                            ("total", &r.total.to_string()),
                        ],
                    )),
                ],
                bar: Some(Bar::Score {
                    value: r.score,
                    mark: None,
                }),
                here: false,
            })
            .collect(),
    }));
    Some(s)
}

/// The score of the cell of stage `s` and dimension `d`: the weighted mean of the scores of
/// its items (one item in a grid questionnaire), with their indices.
fn cell(q: &Questionnaire, a: &Assessment, s: usize, d: usize) -> (Vec<usize>, Option<f64>) {
    let items: Vec<usize> = q
        .stage_questions(s)
        .filter(|&i| q.questions[i].dimension == Some(d))
        .collect();
    let (mut sum, mut weights) = (0.0, 0.0);
    for &i in &items {
        if let Some(v) = a.items[i].score {
            sum += v * q.questions[i].weight;
            weights += q.questions[i].weight;
        }
    }
    let score = (weights > 0.0).then(|| sum / weights);
    (items, score)
}

/// The stage-by-dimension heat map, highest stage on top, for questionnaires with both.
pub(crate) fn heat(q: &Questionnaire, a: &Assessment, lang: &str) -> Option<Section> {
    if q.stages.is_empty() || q.dimensions.is_empty() {
        return None;
    }
    let n = Numbers::text(lang);
    let rows = (0..q.stages.len())
        .rev()
        .map(|k| HeatRow {
            label: format!("{} {}", k + 1, q.tr(&q.stages[k].name, lang)),
            here: k + 1 == a.placement,
            cells: (0..q.dimensions.len())
                .map(|d| {
                    let (items, score) = cell(q, a, k, d);
                    (!items.is_empty()).then(|| HeatCell {
                        score,
                        figure: Span::figure(n.score(score)),
                        extra: None,
                        tooltip: items
                            .iter()
                            .map(|&i| {
                                format!(
                                    "{}: {}",
                                    q.questions[i].id,
                                    q.tr(&q.questions[i].text, lang)
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("\n"),
                    })
                })
                .collect(),
        })
        .collect();
    let mut s = Section::new(Some(tr(lang, "Stage by dimension").to_owned()));
    s.blocks.push(Block::Chart(Chart::Heat(HeatMap {
        scale: fill(lang, "{name}: ", &[("name", tr(lang, "Score"))]),
        caption: tr(lang, "Each cell is the score (0-100) of the statement for that stage and dimension; a dash means not answered or \"don't know\".").to_owned(),
        corner: tr(lang, "Stage").to_owned(),
        columns: q
            .dimensions
            .iter()
            .map(|d| q.tr(&d.name, lang).to_owned())
            .collect(),
        rows,
    })));
    Some(s)
}

/// "Don't know" answers as a finding, for a questionnaire that offers that answer: how many
/// there were overall and per stage, and which items drew them (for a group, with their share).
/// A "don't know" has no score, so a stage judged on few answers rests on little evidence; that
/// nobody can say whether a practice exists is worth reporting in its own right.
pub(crate) fn dont_know(
    q: &Questionnaire,
    dk: &DontKnow,
    group: bool,
    lang: &str,
) -> Option<Section> {
    if !q.offers_dont_know() {
        return None;
    }
    let n = Numbers::text(lang);
    let mut s = Section::new(Some(tr(lang, "\"Don't know\" answers").to_owned()));
    if !dk.any() {
        s.blocks.push(Block::Lines(vec![Text::words(tr(
            lang,
            "No answer was \"don't know\": every practice asked about could be judged.",
        ))]));
        return Some(s);
    }
    s.blocks.push(Block::Lines(vec![
        Text::fill(
            lang,
            "{count} of {asked} answers were \"don't know\" ({share}%).",
            &[
                ("count", Span::Figure(dk.overall.dont_know.to_string())),
                ("asked", Span::Figure(dk.overall.asked.to_string())),
                ("share", Span::figure(n.score(dk.overall.percent()))),
            ],
        ),
        Text::words(tr(
            lang,
            "A \"don't know\" has no score, so a stage judged on few answers rests on little evidence. That nobody could say whether a practice exists is a finding: find out before acting on the placement.",
        )),
    ]));
    if !q.stages.is_empty() {
        s.blocks.push(Block::Table(Table {
            caption: None,
            long_rows: false,
            side_by_side: false,
            columns: vec![
                Column::text(tr(lang, "Stage")),
                Column::figure(tr(lang, "Don't know")),
                Column::figure(tr(lang, "Answers")),
                Column::figure(tr(lang, "Share (%)")),
            ],
            rows: (0..q.stages.len())
                .rev()
                .map(|k| Row {
                    cells: vec![
                        Cell::Text(format!("{} {}", k + 1, q.tr(&q.stages[k].name, lang))),
                        Cell::Figure(dk.stages[k].dont_know.to_string()),
                        Cell::Figure(dk.stages[k].asked.to_string()),
                        Cell::figure(n.score(dk.stages[k].percent())),
                    ],
                    bar: None,
                    here: false,
                })
                .collect(),
        }));
    }
    let mut items: Vec<usize> = (0..q.questions.len())
        .filter(|&i| dk.items[i].dont_know > 0)
        .collect();
    // The items most people could not judge first; questionnaire order breaks ties.
    items.sort_by(|&a, &b| {
        let share = |i: usize| dk.items[i].percent().unwrap_or(0.0);
        share(b).total_cmp(&share(a)).then(a.cmp(&b))
    });
    let mut columns = vec![Column::text(tr(lang, "Item"))];
    if group {
        columns.push(Column::figure(tr(lang, "Don't know")));
        columns.push(Column::figure(tr(lang, "Answers")));
        columns.push(Column::figure(tr(lang, "Share (%)")));
    }
    columns.push(Column::text(tr(lang, "Statement")));
    s.blocks.push(Block::Table(Table {
        caption: None,
        long_rows: true,
        side_by_side: false,
        columns,
        rows: items
            .into_iter()
            .map(|i| {
                let mut cells = vec![Cell::Text(q.questions[i].id.clone())];
                if group {
                    cells.push(Cell::Figure(dk.items[i].dont_know.to_string()));
                    cells.push(Cell::Figure(dk.items[i].asked.to_string()));
                    cells.push(Cell::figure(n.score(dk.items[i].percent())));
                }
                cells.push(Cell::Text(q.tr(&q.questions[i].text, lang).to_owned()));
                Row {
                    cells,
                    bar: None,
                    here: false,
                }
            })
            .collect(),
    }));
    Some(s)
}

/// The next step towards the stage above, and the items holding the organisation back, each
/// with its score and what to do about it.
pub(crate) fn recommendations(q: &Questionnaire, a: &Assessment, lang: &str) -> Option<Section> {
    let n = Numbers::text(lang);
    let rec = &a.recommendations;
    let next = rec
        .next_stage
        .and_then(|st| q.stages[st].next_step.as_ref().map(|t| (st, t)));
    if next.is_none() && rec.items.is_empty() {
        return None;
    }
    let mut s = Section::new(Some(tr(lang, "Recommendations").to_owned()));
    if let Some((st, text)) = next {
        s.blocks.push(Block::Lead(Text(vec![
            Span::Strong(fill(
                lang,
                "Next step, towards “{stage}”: ",
                &[("stage", q.tr(&q.stages[st].name, lang))],
            )),
            Span::Plain(q.tr(text, lang).to_owned()),
        ])));
    }
    if !rec.items.is_empty() {
        s.blocks.push(Block::List {
            ordered: true,
            items: rec
                .items
                .iter()
                .map(|&i| {
                    let question = &q.questions[i];
                    Item {
                        id: Some(question.id.clone()),
                        figure: Some(Span::figure(n.score(a.items[i].score))),
                        text: Text(vec![Span::Plain(q.tr(&question.text, lang).to_owned())]),
                        more: question
                            .recommendation
                            .iter()
                            .map(|r| Text(vec![Span::Plain(q.tr(r, lang).to_owned())]))
                            .collect(),
                        sub: Vec::new(),
                    }
                })
                .collect(),
        });
    }
    Some(s)
}

/// What the reader should know about the answers read (answers out of range, unknown ids).
pub(crate) fn warnings(warnings: &[Diagnostic], lang: &str) -> Option<Section> {
    if warnings.is_empty() {
        return None;
    }
    let mut s = Section::new(Some(tr(lang, "Warnings").to_owned()));
    s.blocks.push(Block::List {
        ordered: false,
        items: warnings
            .iter()
            .map(|w| Item::plain(None, &w.to_string()))
            .collect(),
    });
    Some(s)
}

/// Why a stage has its status, in the tool's words and in plain text with figures written by
/// `n`: every format shows the same reasons and makes the text safe in its own way.
pub(crate) fn stage_status(
    q: &Questionnaire,
    a: &Assessment,
    s: usize,
    lang: &str,
    n: &Numbers,
) -> String {
    let st = &a.stages[s];
    match st.status {
        StageStatus::Reached if a.uneven.contains(&s) => tr(
            lang,
            "passes on its own; a lower stage is not reached (uneven foundation)",
        )
        .to_owned(),
        StageStatus::Reached => tr(lang, "reached").to_owned(),
        StageStatus::InsufficientEvidence => fill(
            lang,
            "insufficient evidence: {answered} of {total} answered",
            &[
                ("answered", &st.area.answered.to_string()),
                ("total", &st.area.total.to_string()),
            ],
        ),
        StageStatus::NotReached => {
            let mut why = Vec::new();
            if st.below_threshold() {
                why.push(tr(lang, "score below threshold").to_owned());
            }
            if !st.below_floor.is_empty() {
                let items = st
                    .below_floor
                    .iter()
                    .map(|&i| {
                        fill(
                            lang,
                            "{id} ({score})",
                            &[
                                ("id", &q.questions[i].id),
                                ("score", &n.score(a.items[i].score)),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(list_separator(lang));
                why.push(fill(lang, "blocked by {items}", &[("items", &items)]));
            }
            fill(
                lang,
                "not reached: {why}",
                &[("why", &why.join(clause_separator(lang)))],
            )
        }
    }
}

/// Where a placement stands, in words: "stage 2 of 4", or below the first stage.
pub(crate) fn level_text(q: &Questionnaire, placement: usize, lang: &str) -> String {
    if placement == 0 {
        tr(lang, "below stage 1").to_owned()
    } else {
        fill(
            lang,
            "stage {k} of {n}",
            &[
                ("k", &placement.to_string()),
                ("n", &q.stages.len().to_string()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, Response};
    use crate::questionnaire::default_for_tests as bundled;
    use crate::scoring::{ScoreOptions, assess};

    #[test]
    fn the_summary_says_what_the_score_line_says() {
        let q = bundled();
        let mut r = Response::new(&q);
        for (i, a) in r.answers.iter_mut().enumerate() {
            *a = Some(Answer::Value(if i % 3 == 0 { 5.0 } else { 3.0 }));
        }
        let a = assess(&q, &r, ScoreOptions::default());
        let s = summary(&q, &a, "fr");
        let Some(Block::Summary { headline, lines }) = s.blocks.first() else {
            panic!("a summary: {s:?}");
        };
        let index = crate::report::number::Numbers::text("fr").index(a.index);
        let line = lines[0].plain("-");
        assert!(
            line.starts_with(&format!("Indice de maturité {index} sur 4 - score global ")),
            "{line}"
        );
        assert!(lines[0].0.contains(&Span::Figure(index)), "{:?}", lines[0]);
        let headline = headline.as_ref().expect("a placement").plain("-");
        assert!(headline.starts_with("Positionnement\u{a0}: "), "{headline}");
    }
}
