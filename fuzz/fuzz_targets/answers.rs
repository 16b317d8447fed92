//! Arbitrary bytes, read as UTF-8 (lossy), into the answer-file loader, then resolved against
//! the bundled questionnaire and, when they resolve, scored.
#![no_main]

use std::sync::LazyLock;

use centricity::answers::AnswerDocument;
use centricity::questionnaire::{Bundled, DEFAULT_ID, Questionnaire};
use centricity::scoring::{ScoreOptions, assess};
use libfuzzer_sys::fuzz_target;

static QUESTIONNAIRE: LazyLock<Questionnaire> = LazyLock::new(|| {
    Bundled::find(DEFAULT_ID)
        .expect("the default questionnaire is bundled")
        .load()
        .expect("the bundled questionnaire loads")
});

fuzz_target!(|data: &[u8]| {
    let q = &*QUESTIONNAIRE;
    let text = String::from_utf8_lossy(data).into_owned();
    let Ok(doc) = AnswerDocument::parse("fuzz.toml", text) else {
        return;
    };
    let _ = doc.questionnaire_id();
    let Ok((response, _warnings)) = doc.resolve(q) else {
        return;
    };
    assert_eq!(response.answers.len(), q.questions.len());
    let _ = assess(q, &response, ScoreOptions::default());
    let _ = response.to_toml(q);
});
