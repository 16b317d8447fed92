//! Arbitrary bytes, read as UTF-8 (lossy), into the questionnaire loader. A loader must answer
//! every input with a questionnaire or diagnostics, never a panic. A questionnaire that loads
//! is then scored once with nothing answered and once with every question at its first option,
//! so that the model the validator accepted is one the scoring functions can handle.
#![no_main]

use centricity::answers::{Answer, Response};
use centricity::questionnaire::parse_questionnaire;
use centricity::scoring::{Figures, ScoreOptions, assess};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok((q, _warnings)) = parse_questionnaire("fuzz.toml", &text) else {
        return;
    };
    let mut response = Response::new(&q);
    let mut figures = Figures::default();
    for fill in [false, true] {
        if fill {
            for (i, question) in q.questions.iter().enumerate() {
                response.answers[i] = q
                    .scale_of(question)
                    .options
                    .first()
                    .map(|o| Answer::Value(o.value));
            }
        }
        let assessment = assess(&q, &response, ScoreOptions::default());
        figures.compute(&q, &response.answers);
        assert_eq!(figures.placement, assessment.placement);
    }
});
