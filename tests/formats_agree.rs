//! Every text format says the same thing. For each report kind built from the examples (a
//! respondent's result, a group, a comparison, a perception gap, a trend), in each of the five
//! languages:
//! the title, every line under it (client, assessor, sources), every section heading and every
//! figure of the report's document appears in the terminal table, the Markdown and the HTML (a terminal leaves out the sections
//! meant for a handed-over report only, and charts, whose figures stand in tables); every
//! figure agrees with a number of the JSON; and no English heading, title or caption is left in
//! a report in another language.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use centricity::answers::{AnswerDocument, CsvLayout, ExportHead, LayoutOptions, Metadata};
use centricity::comparison::{Comparison, Snapshot, compare};
use centricity::gap::Gap;
use centricity::noise::Sample;
use centricity::plan::{self, Plan, Point};
use centricity::questionnaire::{Bundled, Questionnaire};
use centricity::report::{self, Format, Outline};
use centricity::scoring::{GroupAccumulator, GroupResult, ScoreOptions, assess, bootstrap};
use centricity::trend::{Period, Trend, trend};

const LANGUAGES: [&str; 5] = ["en", "fr", "nl", "it", "zh"];
/// The terminal width the reports are drawn at.
const WIDTH: u16 = 80;
const TOP: usize = 5;

/// The names every report of these tests carries.
fn identity() -> report::Identity {
    report::Identity {
        title: None,
        client: Some("Acme & Sons <Telecom>".to_owned()),
        assessor: Some("Jo Martin".to_owned()),
        date: "2026-11-22".to_owned(),
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bundled(id: &str) -> Questionnaire {
    Bundled::find(id)
        .expect("a bundled questionnaire")
        .load()
        .expect("it loads")
}

/// The group of the answer files in `folder` of the examples, scored as `summarize` does.
fn group(q: &Questionnaire, folder: &str) -> GroupResult {
    let mut paths: Vec<_> = std::fs::read_dir(root().join(folder))
        .expect("an example folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let options = ScoreOptions::default();
    let mut acc = GroupAccumulator::new(q);
    for path in &paths {
        let source = std::fs::read_to_string(path).expect("an answer file");
        let doc = AnswerDocument::parse(&path.display().to_string(), source).expect("it parses");
        let (response, _) = doc.resolve(q).expect("it answers the questionnaire");
        acc.add(&response, &assess(q, &response, options));
    }
    assert!(acc.respondents() > 0, "no answer file in {folder}");
    acc.finish(q, Metadata::default(), options)
}

/// `examples/quarterly/2026-q1` against `2026-q3`, labelled in `lang`.
fn quarterly(lang: &str) -> Comparison {
    // The quarterly examples answer version 1.0.0.
    let q = bundled("customer-centricity@1.0.0");
    let side = |folder: &str| {
        let g = group(&q, folder);
        Snapshot::from_assessment(&q, &g.assessment, folder, lang)
    };
    compare(
        side("examples/quarterly/2026-q1"),
        side("examples/quarterly/2026-q3"),
    )
    .expect("the two quarters compare")
}

/// A report drawn in each format.
struct Drawn {
    table: String,
    markdown: String,
    html: String,
    json: serde_json::Value,
}

fn draw(render: impl Fn(Format, &mut Vec<u8>)) -> Drawn {
    let text = |format| {
        let mut out = Vec::new();
        render(format, &mut out);
        String::from_utf8(out).expect("UTF-8")
    };
    Drawn {
        table: text(Format::Table),
        markdown: text(Format::Markdown),
        html: text(Format::Html),
        json: serde_json::from_str(&text(Format::Json)).expect("JSON"),
    }
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Every number of a JSON document.
fn numbers(v: &serde_json::Value, out: &mut Vec<f64>) {
    match v {
        serde_json::Value::Number(n) => out.extend(n.as_f64()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| numbers(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| numbers(v, out)),
        _ => {}
    }
}

/// A printed figure ("+29,1", "2.53") as a number, and one unit of its last digit.
fn parse_figure(figure: &str) -> (f64, f64) {
    let plain = figure.replace(',', ".");
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    let x: f64 = plain
        .parse()
        .unwrap_or_else(|_| panic!("a figure: {figure}"));
    (
        x,
        10f64.powi(-i32::try_from(decimals).expect("few decimals")),
    )
}

/// The texts between `open` and `close` in `html`.
fn between<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    html.split(open)
        .skip(1)
        .filter_map(|s| s.split(close).next())
        .collect()
}

/// The report in `lang` shows what its outline says, in every format; `english` is the
/// outline and HTML of the same report in English.
fn assert_agree(kind: &str, lang: &str, o: &Outline, d: &Drawn, english: &(Outline, Drawn)) {
    let whose = format!("{kind} report in {lang}");
    assert!(!o.headings.is_empty(), "{whose}: no heading");
    assert!(!o.figures.is_empty(), "{whose}: no figure");
    assert!(
        d.markdown.starts_with(&format!("# {}\n", o.title)),
        "{whose}: the Markdown title\n{}",
        d.markdown
    );
    assert!(
        d.html
            .contains(&format!("<h1>{}</h1>", escape_html(&o.title))),
        "{whose}: the HTML title"
    );
    assert!(
        d.table.starts_with(&format!("{}\n", o.title)),
        "{whose}: the table's title\n{}",
        d.table
    );
    assert!(
        o.subtitle
            .iter()
            .any(|l| l.contains("Acme & Sons <Telecom>"))
            && o.subtitle.iter().any(|l| l.contains("Jo Martin")),
        "{whose}: the client and the assessor: {:?}",
        o.subtitle
    );
    for line in &o.subtitle {
        // A terminal wraps long lines at its width.
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words(&d.table).contains(&words(line)),
            "{whose}: {line:?} not in the table output\n{}",
            d.table
        );
        let md = line
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(
            d.markdown
                .lines()
                .any(|l| l.replace(['`', '\\'], "") == format!("- {md}")),
            "{whose}: {line:?} not a line of the Markdown\n{}",
            d.markdown
        );
        assert!(
            d.html.contains(&format!(
                "<p class=\"meta\">{}</p>",
                escape_html(line).replace(" -&gt; ", " → ")
            )),
            "{whose}: {line:?} not a line of the HTML"
        );
    }
    for h in &o.terminal_headings {
        // A heading longer than the terminal wraps onto the next lines.
        let first = d.table.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            d.table.lines().any(|l| l == h)
                || (h.len() > usize::from(WIDTH) && first.contains(h.as_str())),
            "{whose}: heading {h:?} not in the table output\n{}",
            d.table
        );
    }
    for h in &o.headings {
        assert!(
            d.markdown.contains(&format!("\n## {h}\n")),
            "{whose}: heading {h:?} not in the Markdown\n{}",
            d.markdown
        );
        assert!(
            d.html.contains(&format!("<h2>{}</h2>", escape_html(h))),
            "{whose}: heading {h:?} not in the HTML"
        );
    }
    for f in &o.terminal_figures {
        assert!(
            d.table.contains(f.as_str()),
            "{whose}: {f} not in the table"
        );
    }
    let mut json = Vec::new();
    numbers(&d.json, &mut json);
    for f in &o.figures {
        assert!(
            d.markdown.contains(f.as_str()),
            "{whose}: {f} not in the Markdown"
        );
        assert!(d.html.contains(f.as_str()), "{whose}: {f} not in the HTML");
        // A printed change is the difference of two printed figures: within one unit of the
        // last digit of the exact change the JSON holds.
        let (x, unit) = parse_figure(f);
        assert!(
            json.iter().any(|j| (j - x).abs() <= unit + 1e-9),
            "{whose}: {f} agrees with no number of the JSON"
        );
    }
    if lang == "en" {
        return;
    }
    let (en, en_drawn) = english;
    assert_eq!(
        en.headings.len(),
        o.headings.len(),
        "{whose}: the same sections"
    );
    assert_ne!(en.title, o.title, "{whose}: the title is translated");
    for h in en.headings.iter().filter(|h| !same_in(lang, h)) {
        assert!(
            !o.headings.contains(h),
            "{whose}: English heading {h:?} left"
        );
        assert!(
            !d.markdown.contains(&format!("## {h}\n")),
            "{whose}: English heading {h:?} in the Markdown"
        );
        assert!(
            !d.html.contains(&format!("<h2>{}</h2>", escape_html(h))),
            "{whose}: English heading {h:?} in the HTML"
        );
    }
    for (open, close) in [
        ("<figcaption>", "</figcaption>"),
        ("<caption>", "</caption>"),
        ("<title>", "</title>"),
        ("<p class=\"meta\">Report date", "</p>"),
        ("<footer class=\"doc\">", "</footer>"),
    ] {
        for english in between(&en_drawn.html, open, close) {
            assert!(
                !d.html.contains(&format!("{open}{english}{close}")),
                "{whose}: English {open}{english}{close} in the HTML"
            );
        }
    }
}

fn comparison_in(lang: &str) -> (Outline, Drawn) {
    let c = quarterly(lang);
    let drawn = draw(|format, out| {
        report::render_comparison(format, out, (&c, TOP), WIDTH, lang, &identity())
            .expect("it renders")
    });
    (
        report::comparison_outline(&c, TOP, lang, &identity()),
        drawn,
    )
}

/// The respondents of `folder`, as a trend samples them: ids and answers, drawn from `seed`.
fn sample(q: &Questionnaire, folder: &str, lang: &str, seed: u64) -> Sample {
    let mut paths: Vec<_> = std::fs::read_dir(root().join(folder))
        .expect("an example folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let responses: Vec<_> = paths
        .iter()
        .map(|path| {
            let source = std::fs::read_to_string(path).expect("an answer file");
            let doc =
                AnswerDocument::parse(&path.display().to_string(), source).expect("it parses");
            doc.resolve(q).expect("it answers the questionnaire").0
        })
        .collect();
    let answers: Vec<_> = responses.iter().map(|r| r.answers.clone()).collect();
    Sample {
        respondents: responses.len(),
        ids: responses
            .iter()
            .filter_map(|r| r.meta.respondent.clone())
            .collect(),
        replicates: bootstrap::resample(q, &answers, bootstrap::RESAMPLES, seed),
        levels: (0..=q.stages.len())
            .map(|k| q.placement_name(k, lang).to_owned())
            .collect(),
    }
}

/// The four quarters of `examples/quarterly` as a trend in `lang`, with the example plan set
/// against them on the identity's date.
fn quarters(lang: &str) -> Trend {
    let q = bundled("customer-centricity@1.0.0");
    let periods = ["2026-q1", "2026-q2", "2026-q3", "2026-q4"]
        .iter()
        .enumerate()
        .map(|(k, label)| {
            let folder = format!("examples/quarterly/{label}");
            let g = group(&q, &folder);
            Period {
                label: (*label).to_owned(),
                snapshot: Snapshot::from_assessment(&q, &g.assessment, label, lang),
                date: None,
                sample: Some(sample(&q, &folder, lang, bootstrap::SEED + k as u64)),
            }
        })
        .collect();
    let mut t = trend(periods).expect("the quarters make a trend");
    let source = std::fs::read_to_string(root().join("examples/quarterly/plan.toml"))
        .expect("the example plan");
    let plan = Plan::parse("plan.toml", source).expect("it parses");
    let points: Vec<Point<'_>> = t
        .periods
        .iter()
        .map(|p| Point {
            label: &p.label,
            date: p.date.as_deref(),
            snapshot: &p.snapshot,
        })
        .collect();
    let status = plan::status(&plan.plan, &points, &identity().date);
    t.plan = Some(status);
    t
}

fn trend_in(lang: &str) -> (Outline, Drawn) {
    let t = quarters(lang);
    let drawn = draw(|format, out| {
        report::render_trend(format, out, (&t, TOP), WIDTH, lang, &identity()).expect("it renders")
    });
    (report::trend_outline(&t, TOP, lang, &identity()), drawn)
}

#[test]
fn the_trend_report_says_the_same_in_every_format_and_language() {
    let english = trend_in("en");
    assert!(
        english
            .0
            .headings
            .iter()
            .any(|h| h == "Is the change real?")
            && english.0.headings.iter().any(|h| h == "Plan"),
        "{:?}",
        english.0.headings
    );
    for lang in LANGUAGES {
        let (outline, drawn) = trend_in(lang);
        assert_agree("trend", lang, &outline, &drawn, &english);
        if lang != "en" {
            assert_translated("trend report", &english.1.html, &drawn.html, lang);
        }
    }
}

#[test]
fn the_comparison_report_says_the_same_in_every_format_and_language() {
    let english = comparison_in("en");
    for lang in LANGUAGES {
        let (outline, drawn) = comparison_in(lang);
        assert_agree("comparison", lang, &outline, &drawn, &english);
    }
}

/// The customer side of the gap example: the rows of its CSV export, as `gap` reads them.
fn customers(q: &Questionnaire) -> GroupResult {
    let file = "examples/gap/customers.csv";
    let bytes = std::fs::read(root().join(file)).expect("the export");
    let head = ExportHead::read(file, &bytes, true, None).expect("its head");
    assert!(head.sample_is_all, "the example is read whole");
    let (layout, _) =
        CsvLayout::new(file, &head, q, &LayoutOptions::default()).expect("its columns");
    let options = ScoreOptions::default();
    let mut acc = GroupAccumulator::new(q);
    for (row, record) in head.sample.iter().enumerate() {
        let row = u64::try_from(row).expect("few rows") + 1;
        let response = layout
            .response(q, record, row, head.first_line + row - 1)
            .expect("every row answers");
        acc.add(&response, &assess(q, &response, options));
    }
    acc.finish(q, Metadata::default(), options)
}

/// `examples/gap/workshop` against `examples/gap/customers.csv`, in `lang`.
fn gap(lang: &str) -> Gap {
    let (iq, oq) = (bundled("customer-centricity"), bundled("customer-view"));
    let (inside, outside) = (group(&iq, "examples/gap/workshop"), customers(&oq));
    Gap::new(
        (&iq, &inside, "examples/gap/workshop"),
        (&oq, &outside, "examples/gap/customers.csv"),
        lang,
    )
}

fn gap_in(lang: &str) -> (Outline, Drawn) {
    let g = gap(lang);
    let drawn = draw(|format, out| {
        report::render_gap(format, out, (&g, TOP), WIDTH, lang, &identity()).expect("it renders")
    });
    (report::gap_outline(&g, TOP, lang, &identity()), drawn)
}

#[test]
fn the_gap_report_says_the_same_in_every_format_and_language() {
    let english = gap_in("en");
    for lang in LANGUAGES {
        let (outline, drawn) = gap_in(lang);
        assert_agree("gap", lang, &outline, &drawn, &english);
    }
}

/// The group of the customers' export, large enough for rule 8, drawn in each format.
fn customers_group_in(lang: &str) -> Drawn {
    let q = bundled("customer-view");
    let g = customers(&q);
    let view = report::GroupView {
        questionnaire: &q,
        all: &g,
        source: "examples/gap/customers.csv",
        by: None,
        warnings: &[],
        lang,
        plan: None,
    };
    draw(|format, out| {
        report::render_group(format, out, &view, WIDTH, &identity()).expect("it renders")
    })
}

/// How a coefficient the JSON holds to four decimals may be written in `lang`: two decimals of
/// the exact value (within half a unit of the fourth decimal either way), the language's
/// decimal separator.
fn coefficients(x: f64, lang: &str) -> Vec<String> {
    [x - 0.00005, x + 0.00005]
        .iter()
        .map(|x| {
            let text = format!("{x:.2}");
            if lang == "en" || lang == "zh" {
                text
            } else {
                text.replace('.', ",")
            }
        })
        .collect()
}

#[test]
fn every_format_of_a_group_report_shows_the_reliability_of_its_sets() {
    for lang in LANGUAGES {
        let d = customers_group_in(lang);
        let sets = d.json["reliability"]["stages"]
            .as_array()
            .into_iter()
            .chain(d.json["reliability"]["dimensions"].as_array())
            .flatten();
        let mut alphas = 0;
        for set in sets {
            let alpha = coefficients(set["alpha"].as_f64().expect("an alpha"), lang);
            for (format, text) in [
                ("table", &d.table),
                ("Markdown", &d.markdown),
                ("HTML", &d.html),
            ] {
                assert!(
                    alpha
                        .iter()
                        .any(|a| text.contains(&format!(" {a} "))
                            || text.contains(&format!(">{a}<"))),
                    "{lang}: alpha {alpha:?} not in the {format} output"
                );
            }
            alphas += 1;
        }
        assert_eq!(alphas, 10, "{lang}: four stages and six dimensions");
        if lang == "en" {
            assert!(d.table.lines().any(|l| l == "Reliability"), "{}", d.table);
            assert!(d.markdown.contains("\n## Reliability\n"), "{}", d.markdown);
            assert!(d.html.contains("<h2>Reliability</h2>"));
        } else {
            for text in [&d.markdown, &d.html] {
                assert!(!text.contains("Reliability"), "{lang}: {text}");
            }
        }
    }
}

/// The texts of every `open`...`close` element of `html`, in order.
fn elements(html: &str, open: &str, close: &str) -> Vec<String> {
    between(html, open, close)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Headings that are the same word in English and in `lang`.
fn same_in(lang: &str, heading: &str) -> bool {
    matches!((lang, heading), ("fr", "Notes"))
}

/// In a report in another language, no heading, caption, date line or footer is left in
/// English: each differs from the English report's at the same place.
fn assert_translated(kind: &str, english: &str, other: &str, lang: &str) {
    for (open, close) in [
        ("<h2>", "</h2>"),
        ("<figcaption>", "</figcaption>"),
        ("<caption>", "</caption>"),
        ("<footer class=\"doc\">", "</footer>"),
    ] {
        let (en, theirs) = (elements(english, open, close), elements(other, open, close));
        assert_eq!(en.len(), theirs.len(), "{kind} in {lang}: {open} count");
        for (e, t) in en.iter().zip(&theirs) {
            assert!(
                e != t || same_in(lang, e),
                "{kind} in {lang}: {open}{e}{close} left in English"
            );
        }
    }
    // The report date closes the header's lines.
    let date = |html: &str| elements(html, "<p class=\"meta\">", "</p>").pop();
    assert_ne!(
        date(english),
        date(other),
        "{kind} in {lang}: the date line"
    );
}

/// `examples/answers/telecom-driven.toml` scored in `lang`, with its outline, drawn in each
/// format.
fn result_in(lang: &str) -> (Outline, Drawn) {
    let q = bundled("customer-centricity");
    let path = "examples/answers/telecom-driven.toml";
    let source = std::fs::read_to_string(root().join(path)).expect("the example");
    let doc = AnswerDocument::parse(path, source).expect("it parses");
    let (response, _) = doc.resolve(&q).expect("it answers the questionnaire");
    let assessment = assess(&q, &response, ScoreOptions::default());
    let scored = report::Scored {
        questionnaire: &q,
        response: &response,
        assessment: &assessment,
        source: path,
        warnings: &[],
        lang,
        plan: None,
    };
    let drawn = draw(|format, out| {
        let mut r = report::renderer(format, WIDTH, &identity());
        r.result(out, &scored).expect("it renders");
        r.finish(out).expect("it finishes");
    });
    (report::result_outline(&scored, &identity()), drawn)
}

/// `examples/workshop` as a group in `lang`, with its outline, drawn in each format.
fn workshop_in(lang: &str) -> (Outline, Drawn) {
    let q = bundled("customer-centricity");
    let g = group(&q, "examples/workshop");
    let view = report::GroupView {
        questionnaire: &q,
        all: &g,
        source: "examples/workshop",
        by: None,
        warnings: &[],
        lang,
        plan: None,
    };
    let drawn = draw(|format, out| {
        report::render_group(format, out, &view, WIDTH, &identity()).expect("it renders")
    });
    (report::group_outline(&view, &identity()), drawn)
}

#[test]
fn the_result_report_says_the_same_in_every_format_and_language() {
    let english = result_in("en");
    for lang in LANGUAGES {
        let (outline, drawn) = result_in(lang);
        assert_agree("result", lang, &outline, &drawn, &english);
    }
}

#[test]
fn the_group_report_says_the_same_in_every_format_and_language() {
    let english = workshop_in("en");
    for lang in LANGUAGES {
        let (outline, drawn) = workshop_in(lang);
        assert_agree("group", lang, &outline, &drawn, &english);
    }
}

#[test]
fn the_html_of_a_score_and_a_workshop_speaks_the_reader_s_language_throughout() {
    let (result_en, workshop_en) = (result_in("en").1.html, workshop_in("en").1.html);
    for lang in LANGUAGES.into_iter().filter(|l| *l != "en") {
        assert_translated("score report", &result_en, &result_in(lang).1.html, lang);
        assert_translated(
            "workshop report",
            &workshop_en,
            &workshop_in(lang).1.html,
            lang,
        );
    }
}

#[test]
fn a_title_given_replaces_the_questionnaire_s_in_every_format() {
    let id = report::Identity {
        title: Some("Acme: Q4 assessment".to_owned()),
        ..identity()
    };
    let c = quarterly("en");
    let d = draw(|format, out| {
        report::render_comparison(format, out, (&c, TOP), WIDTH, "en", &id).expect("it renders")
    });
    assert!(d.table.starts_with("Acme: Q4 assessment\n"), "{}", d.table);
    assert!(
        d.markdown.starts_with("# Acme: Q4 assessment\n"),
        "{}",
        d.markdown
    );
    assert!(d.html.contains("<h1>Acme: Q4 assessment</h1>"));
    assert!(d.html.contains("<title>Acme: Q4 assessment</title>"));
    assert!(!d.html.contains("Before and after: customer-centricity"));
}
