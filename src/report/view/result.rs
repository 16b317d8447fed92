//! What a respondent's report (and the body a group's report shares with it) says. Its
//! sections move here one by one, so that every format shows the same: the summary and how
//! customers see the placement so far.

use super::{Block, Section, Span, Text};
use crate::i18n::tr;
use crate::questionnaire::Questionnaire;
use crate::report::number::Numbers;
use crate::scoring::Assessment;

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
    let headline = Text::fill(
        lang,
        "Placement: {name} ({level})",
        &[
            (
                "name",
                Span::Strong(q.placement_name(a.placement, lang).to_owned()),
            ),
            (
                "level",
                Span::Words(crate::report::level_text(q, a.placement, lang)),
            ),
        ],
    );
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
    s.blocks.push(Block::Summary {
        headline: Some(headline),
        lines: vec![line],
    });
    s
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
        assert!(headline.starts_with("Positionnement : "), "{headline}");
    }
}
