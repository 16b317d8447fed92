//! Loaders answer every input, however malformed, with diagnostics and never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use centricity::answers::AnswerDocument;
use centricity::questionnaire::{Bundled, DEFAULT_ID, parse_questionnaire};
use proptest::prelude::*;

const BUNDLED: &str = include_str!("../questionnaires/customer-centricity.toml");
const ANSWERS: &str = include_str!("../examples/answers/telecom-driven.toml");

/// A valid document with one line replaced, deleted or duplicated: well-formed-looking but wrong.
fn mutated(source: &'static str) -> impl Strategy<Value = String> {
    let lines: Vec<&'static str> = source.lines().collect();
    let n = lines.len();
    (0..n, 0u8..3, "[ -~]{0,40}").prop_map(move |(at, how, junk)| {
        let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        match how {
            0 => out[at] = junk,
            1 => {
                out.remove(at);
            }
            _ => out.insert(at, out[at].clone()),
        }
        out.join("\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn questionnaire_loader_answers_arbitrary_text(text in "\\PC{0,200}") {
        let _ = parse_questionnaire("fuzz.toml", &text);
    }

    #[test]
    fn questionnaire_loader_reports_located_errors_for_mutated_documents(text in mutated(BUNDLED)) {
        if let Err(e) = parse_questionnaire("fuzz.toml", &text) {
            prop_assert!(!e.0.is_empty());
            prop_assert!(e.0.iter().all(|d| d.file == "fuzz.toml"));
        }
    }

    #[test]
    fn answer_loader_answers_arbitrary_and_mutated_documents(text in mutated(ANSWERS), noise in "\\PC{0,80}") {
        let q = Bundled::find(DEFAULT_ID).and_then(|b| b.load().ok()).expect("bundled loads");
        for input in [text, noise] {
            if let Ok(doc) = AnswerDocument::parse("fuzz.toml", input) {
                let _ = doc.resolve(&q);
            }
        }
    }
}
