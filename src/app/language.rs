//! Which language a command speaks: one rule, the same in every command.
//!
//! 1. `--lang`, when the texts exist in that language. A `--lang` they lack is refused, as a
//!    usage error naming the languages there are, before anything is written ([`requested`]).
//! 2. Else the answer file's `language`, for one respondent's result (a group has none). A code
//!    the questionnaire does not declare is still kept for the tool's own words.
//! 3. Else the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), when the texts exist in it; a
//!    locale they lack is passed over silently, since the user did not ask for it.
//! 4. Else the first language of the texts.
//!
//! The texts are the questionnaire's ([`language`], [`choose`]). Where no questionnaire decides,
//! in a comparison of saved results whose texts were translated when they were saved, they are
//! the tool's own words, written in English, French, Dutch, Italian and Chinese, English first
//! ([`of_words`]). A text missing in the chosen language falls back, field by field, to the
//! first language.
//!
//! Codes are matched as people write them (`FR`, `fr-FR`, `fr_FR` are `fr`; see
//! [`Questionnaire::language`]).

use std::sync::OnceLock;

use super::failure::Failure;
use crate::questionnaire::Questionnaire;

/// The languages the tool's own words are written in (the catalogue of `crate::i18n`), the
/// first one first.
const WORDS: [&str; 5] = ["en", "fr", "nl", "it", "zh"];

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

/// The rule of this module over texts that exist in the languages `has` recognises (giving
/// each code as the texts declare it) and whose first language is `first`.
fn pick<'a>(
    flag: Option<&str>,
    answers: Option<&'a str>,
    has: impl Fn(&str) -> Option<&'a str>,
    first: &'a str,
) -> &'a str {
    flag.and_then(&has)
        .or_else(|| answers.map(|a| has(a).unwrap_or(a)))
        .or_else(|| locale().and_then(&has))
        .unwrap_or(first)
}

/// The language to show `q` in, given `--lang` and the answer file's language. For a `--lang`
/// already checked with [`requested`] (per respondent, on any thread); [`choose`] does both.
pub(crate) fn language<'a>(
    flag: Option<&'a str>,
    answers: Option<&'a str>,
    q: &'a Questionnaire,
) -> &'a str {
    pick(flag, answers, |code| q.language(code), q.default_language())
}

/// The language to show `q` in, refusing a `--lang` it does not have.
pub(crate) fn choose(
    flag: Option<&str>,
    answers: Option<&str>,
    q: &Questionnaire,
) -> Result<String, Failure> {
    requested(flag, q)?;
    Ok(language(flag, answers, q).to_owned())
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
        None => Err(refusal(
            flag,
            &format!("questionnaire `{}`", q.id),
            &q.languages,
        )),
    }
}

/// The language of the tool's own words where no questionnaire decides (saved results carry
/// their texts already translated), refusing a `--lang` they are not written in.
pub(crate) fn of_words(flag: Option<&str>) -> Result<&'static str, Failure> {
    let has = |code: &str| {
        let wanted = primary(code);
        WORDS.iter().copied().find(|w| *w == wanted)
    };
    match flag {
        Some(f) if has(f).is_none() => Err(refusal(f, "centricity", &WORDS)),
        _ => Ok(pick(flag, None, has, WORDS[0])),
    }
}

/// A `--lang` whose texts do not exist, the same words in every command: what lacks them, and
/// the languages it has.
fn refusal(flag: &str, whose: &str, languages: &[impl AsRef<str>]) -> Failure {
    let list: Vec<&str> = languages.iter().map(AsRef::as_ref).collect();
    Failure::usage(format!(
        "--lang {flag}: {whose} has no texts in this language"
    ))
    .hint(format!(
        "its languages are {}; --lang takes one of them (in any case, with or without a \
         region: fr, FR, fr-FR)",
        list.join(", ")
    ))
}

/// The language of a code without its region, script or encoding, lower-case (`fr` for `FR`,
/// `fr-FR`, `fr_FR.UTF-8`): the tool's own words are looked up by it.
fn primary(code: &str) -> String {
    code.trim()
        .split(['_', '.', '@', '-'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tool_speaks_the_languages_of_its_catalogue() {
        for code in WORDS {
            assert!(crate::i18n::speaks(code), "{code}");
        }
        assert!(!crate::i18n::speaks("de"));
    }

    #[test]
    fn the_words_follow_the_flag_in_any_case_and_refuse_a_language_they_lack() {
        assert_eq!(of_words(Some("FR-ca")).ok(), Some("fr"));
        assert_eq!(of_words(Some("zh_Hans")).ok(), Some("zh"));
        let refused = of_words(Some("de")).err().map(|f| (f.exit, f.message));
        assert_eq!(
            refused,
            Some((
                super::super::failure::Exit::Usage,
                "--lang de: centricity has no texts in this language".to_owned()
            ))
        );
    }
}
