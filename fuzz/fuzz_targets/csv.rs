//! Arbitrary bytes as a survey-tool CSV export, read the way `centricity score` reads one:
//! its head (dialect, tool layout, header rows) into a layout against the bundled questionnaire, then every record through
//! `check`, `response` and `answers_into`, and the valid ones through both scoring paths.
//!
//! Invariants beyond "no panic":
//! - `check`, `response` and `answers_into` agree on whether a row is valid;
//! - `answers_into` gives the answers `response` gives;
//! - `Figures::compute` gives the figures `assess` gives.
#![no_main]

use std::sync::LazyLock;

use centricity::answers::{Answer, CsvLayout, ExportHead, LayoutOptions};
use centricity::questionnaire::{Bundled, DEFAULT_ID, Questionnaire};
use centricity::scoring::{Assessment, Figures, ScoreOptions, assess};
use libfuzzer_sys::fuzz_target;

static QUESTIONNAIRE: LazyLock<Questionnaire> = LazyLock::new(|| {
    Bundled::find(DEFAULT_ID)
        .expect("the default questionnaire is bundled")
        .load()
        .expect("the bundled questionnaire loads")
});

/// Equal, counting NaN as equal to NaN (a NaN on both sides is the same figure).
fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y || (x.is_nan() && y.is_nan()),
        (None, None) => true,
        _ => false,
    }
}

fn assert_same_figures(f: &Figures, a: &Assessment) {
    assert_eq!(f.items.len(), a.items.len(), "item count");
    for (i, (x, y)) in f.items.iter().zip(&a.items).enumerate() {
        assert!(same(*x, y.score), "item {i}: figures {x:?}, assess {:?}", y.score);
    }
    assert_eq!(f.stages.len(), a.stages.len(), "stage count");
    for (s, (x, y)) in f.stages.iter().zip(&a.stages).enumerate() {
        assert!(same(*x, y.area.score), "stage {s}: figures {x:?}, assess {:?}", y.area.score);
    }
    assert_eq!(f.dimensions.len(), a.dimensions.len(), "dimension count");
    for (d, (x, y)) in f.dimensions.iter().zip(&a.dimensions).enumerate() {
        assert!(same(*x, y.score), "dimension {d}: figures {x:?}, assess {:?}", y.score);
    }
    assert!(same(f.overall, a.overall.score), "overall: figures {:?}, assess {:?}", f.overall, a.overall.score);
    assert_eq!(f.placement, a.placement, "placement");
    assert!(same(f.index, a.index), "index: figures {:?}, assess {:?}", f.index, a.index);
}

fn same_answers(a: &[Option<Answer>], b: &[Option<Answer>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Some(Answer::Value(x)), Some(Answer::Value(y))) => same(Some(*x), Some(*y)),
            _ => x == y,
        })
}

fuzz_target!(|data: &[u8]| {
    let q = &*QUESTIONNAIRE;
    // The head is read as `centricity score` reads it: dialect, tool layout, header rows.
    let Ok(head) = ExportHead::read("fuzz.csv", data, true, None) else {
        return;
    };
    let Ok((layout, _warnings)) = CsvLayout::new("fuzz.csv", &head, q, &LayoutOptions::default())
    else {
        return;
    };
    let start = usize::try_from(head.data_start).unwrap_or(usize::MAX).min(data.len());
    let body = head.dialect.decode(&data[start..]);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(head.dialect.delimiter)
        .from_reader(&*body);
    let _ = layout.metadata_columns().count();
    let _ = layout.columns().count();
    let mut record = csv::StringRecord::new();
    let mut answers = Vec::new();
    let mut figures = Figures::default();
    let mut row = 0u64;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let _ = centricity::answers::csv_error("fuzz.csv", &e);
                // The CLI goes on after these two and stops at any other error.
                if matches!(
                    e.kind(),
                    csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }
                ) {
                    continue;
                }
                break;
            }
        }
        row += 1;
        let line = record.position().map_or(0, csv::Position::line);
        let checked = layout.check(q, &record, row, line);
        let response = layout.response(q, &record, row, line);
        let into = layout.answers_into(q, &record, row, line, &mut answers);
        assert_eq!(
            checked.is_ok(),
            response.is_ok(),
            "row {row}: check() says {checked:?}, response() says {:?}",
            response.as_ref().err()
        );
        assert_eq!(checked.is_ok(), into.is_ok(), "row {row}: check() and answers_into() disagree");
        let _ = layout.respondent(&record, row);
        for m in ["role", "team", "date", "language"] {
            let _ = layout.meta(&record, m);
        }
        let Ok(response) = response else {
            continue;
        };
        assert!(
            same_answers(&answers, &response.answers),
            "row {row}: answers_into() {answers:?} but response() {:?}",
            response.answers
        );
        let assessment = assess(q, &response, ScoreOptions::default());
        figures.compute(q, &answers);
        assert_same_figures(&figures, &assessment);
    }
});
