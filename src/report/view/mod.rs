//! The report model: what a text report says, decided once per report kind and drawn by one
//! writer per format (`super::write`). Every word in it is already in the reader's language and
//! every figure already written by [`Numbers`](super::number::Numbers), so the formats cannot
//! drift apart: a writer only decides how a block looks.
//!
//! A missing figure is kept as [`Span::Missing`] / [`Cell::Missing`] rather than a dash, because
//! the dash is the one thing about a figure each format writes its own way.

pub(crate) mod comparison;
pub(crate) mod gap;
pub(crate) mod group;
pub(crate) mod noise;
pub(crate) mod plan;
pub(crate) mod result;
pub(crate) mod trend;

use super::Identity;
use super::number::TEXT_DASH;
use crate::i18n::tr;

/// A whole report: title, the lines under it, and its sections in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Document {
    /// The language of every word, for the writers that declare it (`<html lang>`).
    pub(crate) lang: String,
    pub(crate) title: String,
    /// What the report is about (sources, labels), one line each.
    pub(crate) subtitle: Vec<Text>,
    /// The report date (YYYY-MM-DD), shown by the formats a client keeps.
    pub(crate) date: String,
    pub(crate) sections: Vec<Section>,
}

/// A part of a report, with or without a heading.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Section {
    pub(crate) heading: Option<String>,
    pub(crate) blocks: Vec<Block>,
    /// Only in the reports handed over (Markdown, HTML), not in a terminal: context a client
    /// reads once, which would only push the figures off a screen.
    pub(crate) handout: bool,
}

impl Section {
    pub(crate) fn new(heading: Option<String>) -> Self {
        Self {
            heading,
            blocks: Vec::new(),
            handout: false,
        }
    }

    /// Whether a format that draws no charts has anything to show of this section.
    pub(crate) fn has_text(&self) -> bool {
        self.blocks.iter().any(|b| !matches!(b, Block::Chart(_)))
    }
}

/// One block of a section.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// The key figures: a headline (the placement) and the lines under it.
    Summary {
        headline: Option<Text>,
        lines: Vec<Text>,
    },
    /// Lines of text, each its own paragraph.
    Lines(Vec<Text>),
    /// A line that leads what follows and stands out (the next step).
    Lead(Text),
    Table(Table),
    /// Items, each with an optional id (a question's or a recommendation's).
    List {
        ordered: bool,
        items: Vec<Item>,
    },
    /// A quotation, with its source when it has one.
    Quote {
        text: String,
        source: Option<String>,
    },
    Chart(Chart),
    /// What the bars drawn beside table rows mean, with `{mark}` where the mark of the score
    /// marked on a bar goes; only formats that draw those bars show it.
    BarKey(String),
}

/// A run of text made of the tool's words and the values filled into them.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Text(pub(crate) Vec<Span>);

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Span {
    /// The tool's own words (from the catalogue).
    Words(String),
    /// A value: a name or text from a file.
    Plain(String),
    /// A figure written by [`Numbers`](super::number::Numbers).
    Figure(String),
    /// A value to stand out (a placement).
    Strong(String),
    /// A path or a label read as one token.
    Code(String),
    /// A figure that is missing.
    Missing,
}

impl Span {
    /// A figure written by [`Numbers`](super::number::Numbers) for a text report: its dash
    /// becomes [`Span::Missing`], for each format to write its own.
    pub(crate) fn figure(text: String) -> Self {
        if text == TEXT_DASH {
            Self::Missing
        } else {
            Self::Figure(text)
        }
    }
}

impl Text {
    /// Plain words.
    pub(crate) fn words(text: impl Into<String>) -> Self {
        Self(vec![Span::Words(text.into())])
    }

    /// The catalogue entry `english` in `lang`, its `{name}` placeholders filled with `values`.
    /// Like [`crate::i18n::fill`], but the values stay apart from the words around them.
    pub(crate) fn fill(lang: &str, english: &'static str, values: &[(&str, Span)]) -> Self {
        let mut spans = Vec::new();
        let plain: Vec<(&str, String)> = values
            .iter()
            .map(|(k, v)| (*k, Text(vec![v.clone()]).plain("-")))
            .collect();
        let plain: Vec<(&str, &str)> = plain.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let mut rest = crate::i18n::form(lang, english, &plain);
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            let name = &rest[open + 1..close];
            match values.iter().find(|(k, _)| *k == name) {
                Some((_, value)) => {
                    if open > 0 {
                        spans.push(Span::Words(rest[..open].to_owned()));
                    }
                    spans.push(value.clone());
                }
                None => spans.push(Span::Words(rest[..=close].to_owned())),
            }
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            spans.push(Span::Words(rest.to_owned()));
        }
        Self(spans)
    }

    /// The text with missing figures as `dash` and no markup: what a reader sees.
    pub(crate) fn plain(&self, dash: &str) -> String {
        self.0
            .iter()
            .map(|s| match s {
                Span::Words(t)
                | Span::Plain(t)
                | Span::Figure(t)
                | Span::Strong(t)
                | Span::Code(t) => t.as_str(),
                Span::Missing => dash,
            })
            .collect()
    }
}

/// A table: its columns, its rows, and an optional caption under it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub(crate) caption: Option<String>,
    /// Rows hold long texts that wrap onto several lines: text formats rule them apart.
    pub(crate) long_rows: bool,
    /// The figure columns compare groups side by side: a terminal keeps each readable and the
    /// label column as narrow as its content.
    pub(crate) side_by_side: bool,
    pub(crate) columns: Vec<Column>,
    pub(crate) rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub(crate) heading: String,
    /// Figures are right-aligned; the first column names the row.
    pub(crate) numeric: bool,
}

impl Column {
    pub(crate) fn text(heading: &str) -> Self {
        Self {
            heading: heading.to_owned(),
            numeric: false,
        }
    }

    pub(crate) fn figure(heading: &str) -> Self {
        Self {
            heading: heading.to_owned(),
            numeric: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) cells: Vec<Cell>,
    /// A bar drawn beside the row by the formats that draw bars in tables (a terminal).
    pub(crate) bar: Option<Bar>,
    /// The row of the placement, marked in every format.
    pub(crate) here: bool,
}

/// A bar drawn beside a table row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Bar {
    /// A score in percent, with another score marked on it.
    Score {
        value: Option<f64>,
        mark: Option<f64>,
    },
    /// A count, as long against the longest as `count` against `most`.
    Count { count: usize, most: usize },
    /// A figure across periods, one character each, on a scale from 0 to `top`.
    Spark { values: Vec<Option<f64>>, top: f64 },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    /// A figure written by [`Numbers`](super::number::Numbers).
    Figure(String),
    /// A question by id and text: compact formats show the id, HTML both.
    Item {
        id: String,
        name: String,
    },
    Missing,
}

impl Cell {
    /// A figure written by [`Numbers`](super::number::Numbers) for a text report.
    pub(crate) fn figure(text: String) -> Self {
        if text == TEXT_DASH {
            Self::Missing
        } else {
            Self::Figure(text)
        }
    }
}

/// One entry of a list: its first line, with an id (a question's or a recommendation's) when
/// it has one, and any lines under it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub(crate) id: Option<String>,
    /// The figure the entry is about (an item's score), written after the id.
    pub(crate) figure: Option<Span>,
    pub(crate) text: Text,
    /// Lines that go on with the entry.
    pub(crate) more: Vec<Text>,
    /// Entries of their own under this one (the notes on an item).
    pub(crate) sub: Vec<Text>,
}

impl Item {
    /// A one-line entry of text from a file.
    pub(crate) fn plain(id: Option<String>, text: &str) -> Self {
        Self {
            id,
            figure: None,
            text: Text(vec![Span::Plain(text.to_owned())]),
            more: Vec::new(),
            sub: Vec::new(),
        }
    }
}

/// A chart, drawn by the formats that draw (HTML); the figures it shows also stand in a table
/// or a line of the same section, so no format loses a number by not drawing it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Chart {
    /// Bars on a ladder, highest rung first.
    Ladder {
        label: String,
        caption: String,
        /// The names of the two scores of a paired ladder (before, after).
        pair: [String; 2],
        rungs: Vec<Rung>,
    },
    /// One axis per dimension; with `before`, a second polygon under the first.
    Radar {
        label: String,
        caption: String,
        pair: [String; 2],
        names: Vec<String>,
        scores: Vec<Option<f64>>,
        before: Option<Vec<Option<f64>>>,
    },
    /// Stages by dimensions, highest stage first.
    Heat(HeatMap),
    /// How many respondents each level holds, highest level first: (label, count, whether it
    /// is the group's own placement).
    Distribution {
        label: String,
        caption: String,
        rows: Vec<(String, usize, bool)>,
    },
    /// Figures across periods: one small line chart per panel.
    Lines(LineChart),
}

/// Line charts of figures across periods, one panel per figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LineChart {
    pub(crate) label: String,
    pub(crate) caption: String,
    /// The periods along the horizontal axis, in order.
    pub(crate) periods: Vec<String>,
    pub(crate) panels: Vec<Panel>,
}

/// One figure across the periods, with the levels marked across it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Panel {
    pub(crate) title: String,
    pub(crate) values: Vec<Option<f64>>,
    /// Each value as written for the reader.
    pub(crate) figures: Vec<Option<String>>,
    /// The top of the vertical scale (100 for a score, the number of stages for the index).
    pub(crate) top: f64,
    /// Horizontal lines: a threshold or a target.
    pub(crate) marks: Vec<Mark>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    /// What the line is, with its figure ("threshold 62.5").
    pub(crate) name: String,
    pub(crate) value: f64,
    /// A target (drawn apart from a threshold).
    pub(crate) target: bool,
}

/// One rung of a ladder chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rung {
    /// e.g. "2 Customer-driven".
    pub(crate) label: String,
    pub(crate) score: Option<f64>,
    /// In a paired ladder: the other score (before).
    pub(crate) before: Option<Option<f64>>,
    pub(crate) threshold: Option<f64>,
    pub(crate) reached: bool,
    /// The placement (after, in a comparison).
    pub(crate) here: bool,
    /// In a comparison: the placement before.
    pub(crate) was_here: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeatMap {
    /// What the colours show, with its colon and space: "After: ".
    pub(crate) scale: String,
    pub(crate) caption: String,
    /// The heading of the row names' column.
    pub(crate) corner: String,
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<HeatRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeatRow {
    pub(crate) label: String,
    pub(crate) here: bool,
    /// `None` where no statement exists for the cell.
    pub(crate) cells: Vec<Option<HeatCell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeatCell {
    /// The score, for the colour.
    pub(crate) score: Option<f64>,
    /// The score as written.
    pub(crate) figure: Span,
    /// Written under the score (a change).
    pub(crate) extra: Option<Span>,
    pub(crate) tooltip: String,
}

/// The published figures that put a placement in context, each with its source and year: a
/// section for the reports handed over.
pub(crate) fn benchmarks(lang: &str) -> Section {
    const QUOTES: [(&str, &str); 3] = [
        (
            "At most about 10% of companies reach the customer-inspired stage, the fourth and last stage of the customer-centric journey.",
            "Bob Thompson, CustomerThink, 2012",
        ),
        (
            "Of 362 firms surveyed, 80% believed they delivered a superior experience to their customers; their customers said 8% did.",
            "Bain & Company, \"Closing the Delivery Gap\", 2005",
        ),
        (
            "Of 234 organisations assessed on five stages of CX maturity, 41% were in the lowest stage and 2% in the highest.",
            "Qualtrics XM Institute, CX maturity study, 2024",
        ),
    ];
    let mut s = Section::new(Some(tr(lang, "Benchmark context").to_owned()));
    s.handout = true;
    s.blocks.push(Block::Lines(vec![Text::words(tr(
        lang,
        "Published studies use their own models and samples, so they give context for a placement rather than a score to compare with.",
    ))]));
    for (text, source) in QUOTES {
        s.blocks.push(Block::Quote {
            text: tr(lang, text).to_owned(),
            source: Some(source.to_owned()),
        });
    }
    s
}

/// What a document says that every text format must show, for the test that the formats agree.
#[doc(hidden)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    /// The title, as in the reports handed over.
    pub title: String,
    /// The lines under the title (who or what was assessed, client, assessor, sources).
    pub subtitle: Vec<String>,
    /// Every section heading, in order.
    pub headings: Vec<String>,
    /// The headings a terminal shows (of sections that are not for handed-over reports only
    /// and hold more than charts).
    pub terminal_headings: Vec<String>,
    /// Every figure of the document's text (tables and lines; not those drawn in charts).
    pub figures: Vec<String>,
    /// The figures a terminal shows.
    pub terminal_figures: Vec<String>,
}

impl Document {
    /// A document in `lang` titled by `identity` (else `title`), with `about` (who or what was
    /// assessed) under the title, then the client, the assessor and the `sources` read.
    pub(crate) fn new(
        lang: &str,
        identity: &Identity,
        title: String,
        about: Vec<Text>,
        sources: &[&str],
    ) -> Self {
        let mut subtitle = about;
        for (template, value) in [
            ("Client: {client}", &identity.client),
            ("Assessed by: {assessor}", &identity.assessor),
        ] {
            if let Some(value) = value {
                let name = if template.contains("{client}") {
                    "client"
                } else {
                    "assessor"
                };
                subtitle.push(Text::fill(
                    lang,
                    template,
                    &[(name, Span::Plain(value.clone()))],
                ));
            }
        }
        if !sources.is_empty() {
            subtitle.push(Text::fill(
                lang,
                "Sources: {sources}",
                &[("sources", Span::Code(sources.join(", ")))],
            ));
        }
        Self {
            lang: lang.to_owned(),
            title: identity.title.clone().unwrap_or(title),
            subtitle,
            date: identity.date.clone(),
            sections: Vec::new(),
        }
    }

    pub(crate) fn outline(&self) -> Outline {
        let mut o = Outline {
            title: self.title.clone(),
            subtitle: self.subtitle.iter().map(|t| t.plain(TEXT_DASH)).collect(),
            ..Outline::default()
        };
        for s in &self.sections {
            let terminal = !s.handout && s.has_text();
            let mut figures = Vec::new();
            for b in &s.blocks {
                let texts: Vec<&Text> = match b {
                    Block::Summary { headline, lines } => headline.iter().chain(lines).collect(),
                    Block::Lines(lines) => lines.iter().collect(),
                    Block::Lead(line) => vec![line],
                    Block::List { items, .. } => {
                        for i in items {
                            if let Some(Span::Figure(f)) = &i.figure {
                                figures.push(f.clone());
                            }
                        }
                        items
                            .iter()
                            .flat_map(|i| std::iter::once(&i.text).chain(&i.more).chain(&i.sub))
                            .collect()
                    }
                    Block::Table(t) => {
                        for row in &t.rows {
                            for c in &row.cells {
                                if let Cell::Figure(f) = c {
                                    figures.push(f.clone());
                                }
                            }
                        }
                        Vec::new()
                    }
                    _ => Vec::new(),
                };
                for t in texts {
                    for span in &t.0 {
                        if let Span::Figure(f) = span {
                            figures.push(f.clone());
                        }
                    }
                }
            }
            if let Some(h) = &s.heading {
                o.headings.push(h.clone());
                if terminal {
                    o.terminal_headings.push(h.clone());
                }
            }
            if terminal {
                o.terminal_figures.extend(figures.iter().cloned());
            }
            o.figures.extend(figures);
        }
        o
    }
}

/// One stage or dimension of a two-sided report: its name, the score drawn as the bar (after, or
/// the organisation's own view) and the score marked beside it (before, or the customers').
#[derive(Debug)]
pub(crate) struct PairedArea {
    pub(crate) name: String,
    pub(crate) score: Option<f64>,
    pub(crate) other: Option<f64>,
}

/// The words of a two-sided report's ladder and profile, as catalogue entries.
#[derive(Debug)]
pub(crate) struct PairedWords {
    pub(crate) ladder: &'static str,
    pub(crate) ladder_caption: &'static str,
    pub(crate) radar: &'static str,
    pub(crate) radar_caption: &'static str,
    pub(crate) key: &'static str,
}

/// The stage ladder and dimension profile of a two-sided report (after against before, or the
/// organisation's view against its customers'): a chart and a table each, and the key to the
/// terminal's bars after the last of them. `levels` are the placements of the two sides.
pub(crate) fn paired_sections(
    lang: &str,
    pair: &[String; 2],
    words: &PairedWords,
    (stages, levels, stage_table): (&[PairedArea], (Option<usize>, Option<usize>), Table),
    (dimensions, dimension_table): (&[PairedArea], Table),
) -> Vec<Section> {
    let mut sections = Vec::new();
    if !stages.is_empty() {
        let mut s = Section::new(Some(crate::i18n::tr(lang, "Stage ladder").to_owned()));
        let rungs = stages
            .iter()
            .enumerate()
            .rev()
            .map(|(k, area)| Rung {
                label: format!("{} {}", k + 1, area.name),
                score: area.score,
                before: Some(area.other),
                threshold: None,
                reached: true,
                here: levels.0 == Some(k + 1),
                was_here: levels.1 == Some(k + 1),
            })
            .collect();
        s.blocks.push(Block::Chart(Chart::Ladder {
            label: crate::i18n::tr(lang, words.ladder).to_owned(),
            caption: crate::i18n::tr(lang, words.ladder_caption).to_owned(),
            pair: pair.clone(),
            rungs,
        }));
        s.blocks.push(Block::Table(stage_table));
        sections.push(s);
    }
    if !dimensions.is_empty() {
        let mut s = Section::new(Some(crate::i18n::tr(lang, "Dimension profile").to_owned()));
        if dimensions.len() >= 3 {
            s.blocks.push(Block::Chart(Chart::Radar {
                label: crate::i18n::tr(lang, words.radar).to_owned(),
                caption: crate::i18n::tr(lang, words.radar_caption).to_owned(),
                pair: pair.clone(),
                names: dimensions.iter().map(|d| d.name.clone()).collect(),
                scores: dimensions.iter().map(|d| d.score).collect(),
                before: Some(dimensions.iter().map(|d| d.other).collect()),
            }));
        }
        s.blocks.push(Block::Table(dimension_table));
        sections.push(s);
    }
    if let Some(last) = sections.last_mut() {
        last.blocks
            .push(Block::BarKey(crate::i18n::tr(lang, words.key).to_owned()));
    }
    sections
}
