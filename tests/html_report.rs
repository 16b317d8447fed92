//! `--format html`: each report is one complete, self-contained document (inline CSS and SVG,
//! no script, no link to anything outside it) with its charts and heat map, and text from a
//! questionnaire or an answer file cannot inject markup into it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;

/// The standard output of `centricity ARGS --format html`, which must succeed.
fn html(args: &[&str]) -> String {
    let out = Command::cargo_bin("centricity")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .args(args)
        .args(["--format", "html"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The cells of the heat map, each from its `<td` to its `</td>`.
fn heat_cells(doc: &str) -> Vec<&str> {
    let start = doc.find("<table class=\"heat\">").expect("a heat map");
    let table = &doc[start..];
    let table = &table[..table.find("</table>").expect("the heat map closes")];
    table
        .split("<td")
        .skip(1)
        .map(|c| &c[..c.find("</td>").expect("the cell closes")])
        .collect()
}

/// A complete document with `charts` SVG charts, the heat map and the benchmarks, that runs
/// nothing and loads nothing.
fn assert_document(doc: &str, charts: usize) {
    assert!(doc.starts_with("<!DOCTYPE html>\n<html lang="), "{doc}");
    assert!(doc.trim_end().ends_with("</body>\n</html>"), "{doc}");
    assert_eq!(doc.matches("<html").count(), 1);
    assert!(doc.contains("<meta charset=\"utf-8\">"));
    assert!(doc.contains("<title>"));
    // One style sheet, closed once: no text closed it early.
    assert_eq!(doc.matches("<style>").count(), 1);
    assert_eq!(doc.matches("</style>").count(), 1);
    // Print rules: charts and tables are kept whole.
    assert!(doc.contains("@media print"));
    assert!(doc.contains("break-inside: avoid"));
    // Charts scale to the page.
    assert_eq!(doc.matches("<svg").count(), charts, "{doc}");
    assert_eq!(doc.matches("</svg>").count(), charts);
    for tag in doc.split("<svg").skip(1) {
        let tag = &tag[..tag.find('>').expect("tag closes")];
        assert!(tag.contains(" viewBox=\"0 0 "), "{tag}");
        assert!(tag.contains(" width=\"100%\""), "{tag}");
    }
    // The stage-by-dimension heat map of the bundled 4 x 6 grid, values written in the cells.
    assert_eq!(doc.matches("<table class=\"heat\">").count(), 1);
    assert_eq!(heat_cells(doc).len(), 24, "{doc}");
    // Nothing runs, nothing is fetched.
    let lower = doc.to_ascii_lowercase();
    for bad in [
        "<script",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "<link",
        "http://",
        "https://",
        "url(",
        "@import",
        "javascript:",
    ] {
        assert!(!lower.contains(bad), "{bad} in:\n{doc}");
    }
    // Benchmarks, each with its source and year, in the report's language.
    let french = doc.contains("<html lang=\"fr\">");
    let words: &[&str] = if french {
        &[
            "Repères externes",
            "362 entreprises",
            "80\u{a0}%",
            "8\u{a0}% y parvenaient",
            "234 organisations",
            "41\u{a0}%",
            "2\u{a0}% au plus haut",
        ]
    } else {
        &[
            "Benchmark context",
            "362 firms",
            "80%",
            "8% did",
            "234 organisations",
            "41%",
            "2% in the highest",
        ]
    };
    let sources = [
        "CustomerThink, 2012",
        "Closing the Delivery Gap",
        "2005",
        "Qualtrics XM Institute",
        "2024",
    ];
    for text in words.iter().chain(&sources) {
        assert!(doc.contains(text), "no {text:?} in:\n{doc}");
    }
}

#[test]
fn score_writes_one_document_with_ladder_radar_and_heat_map() {
    let doc = html(&["score", "examples/answers/telecom-driven.toml"]);
    assert_document(&doc, 2);
    assert!(doc.contains("Customer-centricity maturity"));
    assert!(doc.contains("Placement: <strong>Customer-driven</strong> (stage 2 of 4)"));
    assert!(doc.contains("Maturity index 2.73 of 4 - overall score 58.7"));
    assert!(doc.contains("Recommendations"));
    assert!(doc.contains("Next step, towards “Customer-engaged”"));
    assert!(doc.contains("How customers see you"));
    // 23 of 24 items answered: the unanswered one is a grey dash, the others are coloured.
    let cells = heat_cells(&doc);
    assert_eq!(
        cells
            .iter()
            .filter(|c| c.starts_with(" style=\"background:"))
            .count(),
        23
    );
    assert_eq!(cells.iter().filter(|c| c.ends_with(">–")).count(), 1);
    // The telecom operator's weakest cells.
    assert!(cells.iter().any(|c| c.ends_with(">0.0")));
}

#[test]
fn summarize_adds_the_distribution_the_discuss_list_and_notes() {
    let doc = html(&["summarize", "examples/workshop"]);
    // The ladder, the distribution of individual placements and the radar.
    assert_document(&doc, 3);
    assert!(doc.contains("Individual placements"));
    assert!(doc.contains("Items to discuss"));
    assert!(doc.contains("Notes"));
    assert!(doc.contains("We send a survey after a complaint but nobody calls back."));
}

#[test]
fn compare_overlays_before_and_after() {
    let doc = html(&[
        "compare",
        "examples/quarterly/2026-q1",
        "examples/quarterly/2026-q3",
    ]);
    // The paired ladder and the radar with two polygons.
    assert_document(&doc, 2);
    assert!(doc.contains("Before"));
    assert!(doc.contains("After"));
    assert!(doc.contains("moved up"));
    assert!(doc.contains("Biggest improvements"));
    assert!(doc.contains("New recommendations"));
    assert!(doc.contains("No longer recommended"));
}

/// Every payload of the fixture, written as text.
fn assert_literal(doc: &str) {
    for escaped in [
        "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(&#39;stage&#39;)&gt;",
        "&lt;script&gt;alert(&#39;respondent&#39;)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(&#39;role&#39;)&gt;",
        "&lt;/style&gt;",
        "People &quot; onmouseover=&quot;alert(1)",
    ] {
        assert!(doc.contains(escaped), "no {escaped:?} in:\n{doc}");
    }
}

#[test]
fn questionnaire_and_answer_texts_cannot_inject_markup() {
    let doc = html(&[
        "score",
        "tests/fixtures/xss-answers.toml",
        "--questionnaire",
        "tests/fixtures/xss.toml",
    ]);
    // A 2 x 3 grid, so not `assert_document`'s 24 cells.
    assert_eq!(doc.matches("<svg").count(), 2);
    assert_eq!(heat_cells(&doc).len(), 6);
    assert_eq!(doc.matches("</style>").count(), 1);
    assert!(!doc.to_ascii_lowercase().contains("<script"));
    assert!(!doc.to_ascii_lowercase().contains("<img"));
    assert_literal(&doc);
    // The customer view, the next step and a recommendation.
    assert!(doc.contains("Customers see &lt;img src=x onerror=alert(&#39;view&#39;)&gt;"));
    assert!(doc.contains("Go further: &lt;img src=x onerror=alert(&#39;next&#39;)&gt;"));
    assert!(doc.contains("Trust staff &lt;img src=x onerror=alert(&#39;rec&#39;)&gt;"));
}

#[test]
fn notes_and_names_in_a_group_cannot_inject_markup() {
    let doc = html(&[
        "summarize",
        "tests/fixtures/xss-answers.toml",
        "--questionnaire",
        "tests/fixtures/xss.toml",
    ]);
    assert_eq!(doc.matches("<svg").count(), 3);
    assert_eq!(doc.matches("</style>").count(), 1);
    assert!(!doc.to_ascii_lowercase().contains("<script"));
    assert!(!doc.to_ascii_lowercase().contains("<img"));
    assert!(doc.contains("Note &lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt; &lt;/style&gt;"));
    assert!(doc.contains("&lt;img src=x onerror=alert(&#39;note&#39;)&gt;"));
}

#[test]
fn a_comparison_of_hostile_results_cannot_inject_markup() {
    let doc = html(&[
        "compare",
        "tests/fixtures/xss-answers.toml",
        "tests/fixtures/xss-answers.toml",
        "--questionnaire",
        "tests/fixtures/xss.toml",
    ]);
    assert_eq!(doc.matches("<svg").count(), 2);
    assert_eq!(doc.matches("</style>").count(), 1);
    assert!(!doc.to_ascii_lowercase().contains("<script"));
    assert!(!doc.to_ascii_lowercase().contains("<img"));
    assert!(doc.contains("Second &lt;img src=x onerror=alert(&#39;stage&#39;)&gt;"));
    assert!(doc.contains("People &quot; onmouseover=&quot;alert(1)"));
}

/// Every `name="value"` attribute of every tag inside the document's charts.
fn svg_attributes(doc: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for chart in doc.split("<svg").skip(1) {
        let chart = &chart[..chart.find("</svg>").expect("the chart closes")];
        // The chart's own tag, then each tag inside it.
        for tag in std::iter::once(chart).chain(chart.split('<').skip(1)) {
            let tag = &tag[..tag.find('>').expect("the tag closes")];
            let mut rest = tag;
            while let Some(eq) = rest.find("=\"") {
                let name = rest[..eq].rsplit(' ').next().expect("a name");
                let value = &rest[eq + 2..];
                let end = value.find('"').expect("the value closes");
                out.push((name, &value[..end]));
                rest = &value[end + 1..];
            }
        }
    }
    out
}

/// The text a reader sees in the document's charts: every text node between two tags.
fn svg_texts(doc: &str) -> Vec<&str> {
    doc.split("<svg")
        .skip(1)
        .map(|chart| &chart[..chart.find("</svg>").expect("the chart closes")])
        .flat_map(|chart| chart.split('>').skip(1))
        .map(|node| &node[..node.find('<').unwrap_or(node.len())])
        .filter(|text| !text.trim().is_empty())
        .collect()
}

/// A digit, a point and a digit: a number written with a decimal point.
fn has_decimal_point(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
}

#[test]
fn a_french_report_writes_decimal_commas_for_the_reader_and_points_for_the_geometry() {
    let doc = html(&[
        "score",
        "examples/answers/telecom-driven.toml",
        "--lang",
        "fr",
    ]);
    assert_document(&doc, 2);
    // The score line, the ladder table and the heat map, as the reader sees them.
    assert!(
        doc.contains("Indice de maturité 2,73 sur 4 - score global 58,7 - "),
        "{doc}"
    );
    assert!(doc.contains("<td class=\"num\">79,2</td><td class=\"num\">62,5</td>"));
    assert!(heat_cells(&doc).iter().any(|c| c.ends_with(">0,0")));
    // Chart labels: a stage's score, its threshold, a dimension's score.
    let texts = svg_texts(&doc);
    for label in ["79,2", "Seuil 62,5", "58,3"] {
        assert!(texts.contains(&label), "no {label:?} among {texts:?}");
    }
    assert!(
        !texts.iter().any(|t| has_decimal_point(t)),
        "a decimal point in a chart label: {texts:?}"
    );
    // Geometry keeps the point: a comma only separates the x and y of a polygon's points.
    let attributes = svg_attributes(&doc);
    assert!(
        attributes
            .iter()
            .any(|(name, value)| *name == "y" && value.contains('.')),
        "no coordinate with decimals to check: {attributes:?}"
    );
    for (name, value) in &attributes {
        if *name == "points" {
            for point in value.split(' ') {
                assert_eq!(point.matches(',').count(), 1, "{name}=\"{value}\"");
                let (x, y) = point.split_once(',').expect("x,y");
                assert!(
                    x.parse::<f64>().is_ok() && y.parse::<f64>().is_ok(),
                    "{point}"
                );
            }
        } else {
            assert!(!value.contains(','), "{name}=\"{value}\"");
        }
    }
    // Nothing of the report's figures kept its point outside the charts either.
    assert!(!doc.contains("58.7") && !doc.contains("2.73"), "{doc}");
}
