//! Which language texts are shown in: `--lang`, else the answer file's `language`, else the
//! user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) when the questionnaire has it, else the
//! questionnaire's first language. Missing texts fall back per field to the first language.

use std::sync::OnceLock;

use crate::questionnaire::Questionnaire;

/// The language code of the user's locale (`fr` for `fr_BE.UTF-8`), read once.
fn locale() -> Option<&'static str> {
    static LOCALE: OnceLock<Option<String>> = OnceLock::new();
    LOCALE
        .get_or_init(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
                .and_then(|v| v.split(['_', '.', '@', '-']).next().map(str::to_lowercase))
        })
        .as_deref()
}

/// The language to show `q` in, given `--lang` and the answer file's language.
pub(crate) fn language<'a>(
    flag: Option<&'a str>,
    answers: Option<&'a str>,
    q: &'a Questionnaire,
) -> &'a str {
    flag.or(answers)
        .or_else(|| locale().filter(|l| q.languages.iter().any(|d| d == l)))
        .unwrap_or_else(|| q.default_language())
}

/// The locale's language code, for the tool's own words when no questionnaire decides.
pub(crate) fn locale_code() -> Option<String> {
    locale().map(str::to_owned)
}
