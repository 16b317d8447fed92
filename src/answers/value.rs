//! What an answer cell or answer value means on a question's scale.

use super::response::Answer;
use crate::questionnaire::{Questionnaire, Scale};

/// How an answer failed to match its scale; the message is shown to the user as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NotAnOption {
    pub(crate) message: String,
    pub(crate) help: String,
}

/// Interprets a numeric answer as an option of `scale`.
pub(crate) fn from_number(scale: &Scale, value: f64) -> Result<Answer, NotAnOption> {
    match scale.option(value) {
        Some(o) => Ok(Answer::Value(o.value)),
        None => Err(NotAnOption {
            message: format!(
                "{} is not an option of scale `{}`",
                fmt_value(value),
                scale.id
            ),
            help: options_help(scale),
        }),
    }
}

/// Interprets a text answer: `n/a`, `dk` (on a scale with a "don't know" answer), the scale's
/// not-applicable or don't-know label, an option label in any declared language
/// (case-insensitive, trimmed), or a number. Empty text is `None` (missing).
pub(crate) fn from_text(
    q: &Questionnaire,
    scale: &Scale,
    text: &str,
) -> Result<Option<Answer>, NotAnOption> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.eq_ignore_ascii_case("n/a") || t.eq_ignore_ascii_case("na") {
        return Ok(Some(Answer::NotApplicable));
    }
    let is_label = |label: &Option<crate::questionnaire::Text>| {
        label.as_ref().is_some_and(|label| {
            q.languages
                .iter()
                .any(|l| label.get(l, l).trim().to_lowercase() == t.to_lowercase())
        })
    };
    if scale.dont_know.is_some()
        && (t.eq_ignore_ascii_case(Answer::DONT_KNOW) || is_label(&scale.dont_know))
    {
        return Ok(Some(Answer::DontKnow));
    }
    if is_label(&scale.not_applicable) {
        return Ok(Some(Answer::NotApplicable));
    }
    if let Ok(v) = t.parse::<f64>() {
        return from_number(scale, v).map(Some);
    }
    let lower = t.to_lowercase();
    for option in &scale.options {
        if q.languages
            .iter()
            .any(|l| option.label.get(l, l).trim().to_lowercase() == lower)
        {
            return Ok(Some(Answer::Value(option.value)));
        }
    }
    Err(NotAnOption {
        message: format!("`{t}` is not an option of scale `{}`", scale.id),
        help: options_help(scale),
    })
}

/// "use one of 1, 2, 3, 4, 5, or \"n/a\"": the answers `scale` takes, for a help line.
pub(crate) fn options_help(scale: &Scale) -> String {
    let values: Vec<String> = scale.options.iter().map(|o| fmt_value(o.value)).collect();
    if scale.dont_know.is_some() {
        format!(
            "use one of {}, \"dk\" (don't know) or \"n/a\" (not applicable)",
            values.join(", ")
        )
    } else {
        format!("use one of {}, or \"n/a\"", values.join(", "))
    }
}

pub(crate) fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else if v != 0.0 && !(1e-6..1e15).contains(&v.abs()) {
        // 5e-324 as written, not with 324 decimals.
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_in_messages_are_short() {
        assert_eq!(super::fmt_value(3.0), "3");
        assert_eq!(super::fmt_value(2.5), "2.5");
        assert_eq!(super::fmt_value(5e-324), "5e-324");
        assert_eq!(super::fmt_value(1.7e308), "1.7e308");
        assert_eq!(super::fmt_value(-0.25), "-0.25");
    }
}
