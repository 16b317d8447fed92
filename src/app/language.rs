//! Which language texts are shown in: `--lang`, else the answer file's `language`, else the
//! user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) when the questionnaire has it, else the
//! questionnaire's first language. Missing texts fall back per field to the first language.
//!
//! Codes are matched as people write them (`FR`, `fr-FR`, `fr_FR` are `fr`; see
//! [`Questionnaire::language`]). A `--lang` the questionnaire does not have is refused
//! ([`requested`]); a locale it does not have is passed over silently, since the user did not ask.

use std::sync::OnceLock;

use super::failure::Failure;
use crate::answers::Response;
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

/// The language to show `q` in, given `--lang` and the answer file's language. An answer file's
/// language the questionnaire does not declare is kept for the tool's own words, as before.
pub(crate) fn language<'a>(
    flag: Option<&'a str>,
    answers: Option<&'a str>,
    q: &'a Questionnaire,
) -> &'a str {
    flag.and_then(|f| q.language(f))
        .or_else(|| answers.map(|a| q.language(a).unwrap_or(a)))
        .or_else(|| locale().and_then(|l| q.language(l)))
        .unwrap_or_else(|| q.default_language())
}

/// The language `--lang` asks for, as `q` declares it (`fr` for `--lang FR`); a usage error
/// listing `q`'s languages when it has no texts in that language.
pub(crate) fn requested<'q>(
    flag: Option<&str>,
    q: &'q Questionnaire,
) -> Result<Option<&'q str>, Failure> {
    let Some(flag) = flag else {
        return Ok(None);
    };
    match q.language(flag) {
        Some(l) => Ok(Some(l)),
        None => Err(Failure::usage(format!(
            "--lang {flag}: questionnaire `{}` has no texts in this language",
            q.id
        ))
        .hint(format!(
            "its languages are {}; --lang takes one of them (in any case, with or without a \
             region: fr, FR, fr-FR)",
            q.languages.join(", ")
        ))),
    }
}

/// Refuses a `--lang` the tool's own words are not written in, where no questionnaire decides
/// (a saved result carries its texts already translated).
pub(crate) fn spoken(flag: Option<&str>) -> Result<(), Failure> {
    match flag {
        Some(f) if !crate::i18n::speaks(&primary(f)) => Err(Failure::usage(format!(
            "--lang {f}: the reports are not written in this language"
        ))
        .hint("--lang takes en, fr, nl, it or zh (in any case, with or without a region)")),
        _ => Ok(()),
    }
}

/// The language of a code without its region, script or encoding, lower-case (`fr` for `FR`,
/// `fr-FR`, `fr_FR.UTF-8`): the tool's own words are looked up by it.
pub(crate) fn primary(code: &str) -> String {
    code.trim()
        .split(['_', '.', '@', '-'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The locale's language code, for the tool's own words when no questionnaire decides.
pub(crate) fn locale_code() -> Option<String> {
    locale().map(str::to_owned)
}

/// `--lang`, else the answer file's language, else the questionnaire's first.
pub(crate) fn pick_language(flag: Option<&str>, response: &Response, q: &Questionnaire) -> String {
    language(flag, response.meta.language.as_deref(), q).to_owned()
}
