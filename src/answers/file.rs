//! Answer files (TOML, one respondent; DESIGN.md section 3): reading and checking them against
//! their questionnaire.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Visitor};
use toml::Spanned;

#[cfg(test)]
use super::response::Answer;
use super::response::{Metadata, Response, Session};
use super::value::{from_number, from_text};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::questionnaire::Questionnaire;
use crate::toml_source::{self, check_keys, closest, fields_of};

/// The largest answer file read; anything bigger is refused before parsing.
pub const MAX_ANSWER_FILE_BYTES: usize = 1024 * 1024;

/// One respondent's answers to a centricity questionnaire.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields, title = "centricity answers")]
pub(crate) struct AnswerFileFormat {
    /// The id of the questionnaire answered.
    #[schemars(with = "String")]
    questionnaire: Spanned<String>,
    /// The version answered; a different version is scored with a warning.
    #[schemars(with = "Option<String>")]
    questionnaire_version: Option<Spanned<String>>,
    respondent: Option<String>,
    role: Option<String>,
    team: Option<String>,
    /// A date, as a TOML date or a string.
    #[schemars(with = "Option<String>")]
    date: Option<toml::Value>,
    /// Language of the texts when this answer file is scored.
    language: Option<String>,
    /// False while a survey is in progress (default true).
    completed: Option<bool>,
    /// Question id to an option's value, "n/a" (not applicable) or, on a scale that offers it,
    /// "dk" (don't know).
    #[schemars(with = "Option<BTreeMap<String, RawAnswer>>")]
    answers: Option<BTreeMap<Spanned<String>, Spanned<RawAnswer>>>,
    /// Question id to free text: evidence, an example.
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    notes: Option<BTreeMap<Spanned<String>, String>>,
    /// How `centricity run` was run, so that `run --resume` goes on the same way. Written by
    /// the survey; who answered and in which language are the keys above.
    session: Option<SessionFormat>,
    /// Later rounds of a Delphi session (`centricity room`): `[rounds.2]` maps question id to
    /// the answer given in the second round, when the items the room disagreed on were asked
    /// again. `[answers]` keeps the first round; scores and group results use the last round
    /// of each item.
    #[schemars(with = "Option<Rounds>")]
    rounds: Option<BTreeMap<Spanned<String>, RawAnswers>>,
}

/// Question id to answer, each with its place in the file.
type RawAnswers = BTreeMap<Spanned<String>, Spanned<RawAnswer>>;

/// The rounds after the first; only a second round is kept.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Rounds {
    /// Question id to the answer given in the second round: an option's value, or "n/a".
    #[serde(rename = "2")]
    #[schemars(rename = "2")]
    second: Option<BTreeMap<String, RawAnswer>>,
}

/// The options of the survey that writes the file, kept for `run --resume`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Session")]
pub(crate) struct SessionFormat {
    /// Ask for an optional note after each answer (`run --notes`; in a facilitated session, a
    /// note prompt after each question). Default false.
    notes: Option<bool>,
}

impl schemars::JsonSchema for RawAnswer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An option's value, \"n/a\" (not applicable), \"dk\" (don't know, on a scale that offers it), or an option's label.",
            "anyOf": [{ "type": "number" }, { "type": "string" }]
        })
    }
}

#[derive(Debug)]
enum RawAnswer {
    Number(f64),
    Text(String),
}

impl<'de> Deserialize<'de> for RawAnswer {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawAnswer;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an option's value (a number), \"n/a\" or \"dk\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawAnswer, E> {
                #[allow(clippy::cast_precision_loss)]
                Ok(RawAnswer::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawAnswer, E> {
                #[allow(clippy::cast_precision_loss)]
                Ok(RawAnswer::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAnswer, E> {
                Ok(RawAnswer::Text(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

/// An answer file that parsed, not yet checked against a questionnaire.
#[derive(Debug)]
pub struct AnswerDocument {
    file: String,
    source: String,
    raw: AnswerFileFormat,
    /// Problems found while parsing (unknown keys) that do not stop the answers being checked.
    problems: Vec<Diagnostic>,
}

impl AnswerDocument {
    /// Parses answer file `source`; `file` names it in diagnostics.
    pub fn parse(file: &str, source: String) -> Result<Self, Diagnostics> {
        if source.len() > MAX_ANSWER_FILE_BYTES {
            return Err(Diagnostics(vec![Diagnostic::error(
                file,
                format!(
                    "the file is {} bytes; answer files are limited to {MAX_ANSWER_FILE_BYTES} bytes",
                    source.len()
                ),
            )]));
        }
        let raw = crate::diagnostic::indexed(&source, || {
            let document = toml_source::parse(file, &source).map_err(|d| Diagnostics(vec![d]))?;
            let mut found = Vec::new();
            check_keys(
                file,
                &source,
                document.get_ref(),
                fields_of::<AnswerFileFormat>(),
                "the answer file",
                &mut found,
            );
            for key in ["answers", "notes", "session", "rounds"] {
                if let Some(v) = document.get_ref().get(key)
                    && !v.get_ref().is_table()
                {
                    let lines = match key {
                        "session" => "option = value",
                        "rounds" => "[rounds.2] and question-id = value",
                        _ => "question-id = value",
                    };
                    found.push(
                        Diagnostic::error(file, format!("`{key}` must be a table"))
                            .at(&source, Some(v.span()))
                            .with_help(format!("write it as [{key}] followed by {lines} lines")),
                    );
                }
            }
            if let Some(session) = document
                .get_ref()
                .get("session")
                .and_then(|v| v.get_ref().as_table())
            {
                check_keys(
                    file,
                    &source,
                    session,
                    fields_of::<SessionFormat>(),
                    "the [session] table",
                    &mut found,
                );
            }
            // Unknown keys do not stop the answers being checked; a type error does.
            let raw: AnswerFileFormat =
                toml_source::deserialize(file, &source, document).map_err(|d| {
                    found.push(d);
                    Diagnostics(found.clone())
                })?;
            Ok((raw, found))
        });
        let (raw, problems) = raw?;
        Ok(Self {
            file: file.to_owned(),
            source,
            raw,
            problems,
        })
    }

    /// An error about the questionnaire this file names, placed at its `questionnaire` key.
    pub fn questionnaire_error(&self, message: &str, help: &str) -> Diagnostic {
        Diagnostic::error(&self.file, message)
            .at(&self.source, Some(self.raw.questionnaire.span()))
            .with_help(help)
    }

    /// The id of the questionnaire the file says it answers.
    pub fn questionnaire_id(&self) -> &str {
        self.raw.questionnaire.get_ref()
    }

    /// The version of the questionnaire the file says it answers, when it says.
    pub fn questionnaire_version(&self) -> Option<&str> {
        self.raw
            .questionnaire_version
            .as_ref()
            .map(|v| v.get_ref().as_str())
    }

    /// The question ids the file answers or notes.
    pub fn question_ids(&self) -> impl Iterator<Item = &str> {
        let answers = self.raw.answers.iter().flatten().map(|(k, _)| k.get_ref());
        let notes = self.raw.notes.iter().flatten().map(|(k, _)| k.get_ref());
        answers.chain(notes).map(String::as_str)
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    /// Checks every answer against `q` and builds the response, with any warnings.
    pub fn resolve(&self, q: &Questionnaire) -> Result<(Response, Vec<Diagnostic>), Diagnostics> {
        crate::diagnostic::indexed(&self.source, || self.resolve_indexed(q))
    }

    fn resolve_indexed(
        &self,
        q: &Questionnaire,
    ) -> Result<(Response, Vec<Diagnostic>), Diagnostics> {
        let (file, source, raw) = (self.file.as_str(), self.source.as_str(), &self.raw);
        let mut found = self.problems.clone();
        let at = |message: String, span| Diagnostic::error(file, message).at(source, Some(span));

        if raw.questionnaire.get_ref() != &q.id {
            found.push(
                at(
                    format!(
                        "these answers are for questionnaire `{}`, not `{}`",
                        raw.questionnaire.get_ref(),
                        q.id
                    ),
                    raw.questionnaire.span(),
                )
                .with_help(format!(
                    "score them with --questionnaire naming the `{}` questionnaire",
                    raw.questionnaire.get_ref()
                )),
            );
            return Err(Diagnostics(found));
        }
        if let Some(v) = &raw.questionnaire_version
            && v.get_ref() != &q.version
        {
            found.push(
                Diagnostic::warning(
                    file,
                    format!(
                        "answers were given to version {} of `{}`; scoring with version {}",
                        v.get_ref(),
                        q.id,
                        q.version
                    ),
                )
                .at(source, Some(v.span())),
            );
        }

        if let Some(lang) = &raw.language
            && q.language(lang).is_none()
        {
            found.push(
                Diagnostic::warning(
                    file,
                    format!(
                        "language `{}` is not one of the questionnaire's",
                        lang.escape_debug()
                    ),
                )
                .with_help(format!(
                    "texts will be shown in `{}`; declared: {}",
                    q.default_language(),
                    q.languages.join(", ")
                )),
            );
        }
        let ids = || q.questions.iter().map(|x| x.id.as_str());
        let unknown = |key: &Spanned<String>| {
            let mut d = at(
                format!("unknown question `{}`", key.get_ref().escape_debug()),
                key.span(),
            );
            d = match closest(key.get_ref(), ids()) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None => d.with_help(format!(
                    "questionnaire `{}` has no question with this id",
                    q.id
                )),
            };
            d
        };

        let mut answers = vec![None; q.questions.len()];
        for (key, value) in raw.answers.iter().flatten() {
            let Some(i) = q.question(key.get_ref()) else {
                found.push(unknown(key));
                continue;
            };
            let scale = q.scale_of(&q.questions[i]);
            let answer = match value.get_ref() {
                RawAnswer::Number(v) => from_number(scale, *v).map(Some),
                RawAnswer::Text(t) => from_text(q, scale, t),
            };
            match answer {
                Ok(a) => answers[i] = a,
                Err(e) => found.push(at(e.message, value.span()).with_help(e.help)),
            }
        }
        let mut first_round = BTreeMap::new();
        for (round, table) in raw.rounds.iter().flatten() {
            if round.get_ref() != "2" {
                found.push(
                    at(
                        format!(
                            "round `{}` is not kept in answer files",
                            round.get_ref().escape_debug()
                        ),
                        round.span(),
                    )
                    .with_help("a second round is written as [rounds.2]"),
                );
                continue;
            }
            for (key, value) in table {
                let Some(i) = q.question(key.get_ref()) else {
                    found.push(unknown(key));
                    continue;
                };
                let scale = q.scale_of(&q.questions[i]);
                let answer = match value.get_ref() {
                    RawAnswer::Number(v) => from_number(scale, *v).map(Some),
                    RawAnswer::Text(t) => from_text(q, scale, t),
                };
                match answer {
                    Ok(Some(a)) => {
                        first_round.insert(i, answers[i]);
                        answers[i] = Some(a);
                    }
                    Ok(None) => {}
                    Err(e) => found.push(at(e.message, value.span()).with_help(e.help)),
                }
            }
        }
        let mut notes = vec![None; q.questions.len()];
        for (key, note) in raw.notes.iter().flatten() {
            match q.question(key.get_ref()) {
                Some(i) if !note.trim().is_empty() => notes[i] = Some(note.clone()),
                Some(_) => {}
                None => found.push(unknown(key)),
            }
        }
        found.sort_by_key(|d| (d.line.is_none(), d.line, d.column));
        crate::diagnostic::cap(file, &mut found);
        if found.iter().any(Diagnostic::is_error) {
            return Err(Diagnostics(found));
        }

        let date = match &raw.date {
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(other) => Some(other.to_string()),
            None => None,
        };
        let response = Response {
            questionnaire: q.id.clone(),
            questionnaire_version: raw
                .questionnaire_version
                .as_ref()
                .map(|v| v.get_ref().clone()),
            meta: Metadata {
                respondent: raw.respondent.clone(),
                role: raw.role.clone(),
                team: raw.team.clone(),
                date,
                language: raw.language.clone(),
                extra: BTreeMap::new(),
            },
            completed: raw.completed.unwrap_or(true),
            session: Session {
                notes: raw.session.as_ref().and_then(|s| s.notes).unwrap_or(false),
            },
            answers,
            notes,
            first_round,
        };
        Ok((response, found))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_for_tests as bundled;

    #[test]
    fn a_written_response_reads_back_the_same() {
        let q = bundled();
        let mut r = Response::new(&q);
        r.meta.respondent = Some("Ana \"the boss\"".into());
        r.answers[0] = Some(Answer::Value(4.0));
        r.answers[3] = Some(Answer::NotApplicable);
        r.notes[0] = Some("Only in the CRM, not in the shop.\nSecond line".into());
        let text = r.to_toml(&q);
        let doc = AnswerDocument::parse("a.toml", text).expect("parses");
        let (back, warnings) = doc.resolve(&q).expect("resolves");
        assert!(warnings.is_empty());
        assert_eq!(back.answers, r.answers);
        assert_eq!(back.notes, r.notes);
        assert_eq!(back.meta.respondent, r.meta.respondent);
        assert!(!back.completed);
        assert_eq!(back.session, Session::default());
    }

    #[test]
    fn the_session_table_keeps_the_surveys_options_and_is_left_out_when_they_are_the_defaults() {
        let q = bundled();
        let mut r = Response::new(&q);
        assert!(!r.to_toml(&q).contains("[session]"), "{}", r.to_toml(&q));
        r.session.notes = true;
        let text = r.to_toml(&q);
        assert!(text.contains("[session]\nnotes = true\n"), "{text}");
        let (back, _) = AnswerDocument::parse("a.toml", text)
            .expect("parses")
            .resolve(&q)
            .expect("resolves");
        assert!(back.session.notes);
    }

    #[test]
    fn a_second_round_is_kept_beside_the_first_and_counts_as_the_answer() {
        let q = bundled();
        let mut r = Response::new(&q);
        r.answers[0] = Some(Answer::Value(2.0));
        r.answers[1] = Some(Answer::Value(3.0));
        r.set_round_two(0, Some(Answer::Value(4.0)));
        assert_eq!(
            (r.round_one(0), r.round_two(0)),
            (Some(Answer::Value(2.0)), Some(Answer::Value(4.0)))
        );
        assert_eq!(
            r.answers[0],
            Some(Answer::Value(4.0)),
            "the last round counts"
        );
        let text = r.to_toml(&q);
        let id = &q.questions[0].id;
        assert!(text.contains(&format!("[answers]\n{id} = 2\n")), "{text}");
        assert!(text.contains(&format!("[rounds.2]\n{id} = 4\n")), "{text}");
        let (back, warnings) = AnswerDocument::parse("a.toml", text)
            .expect("parses")
            .resolve(&q)
            .expect("resolves");
        assert!(warnings.is_empty());
        assert_eq!(back, r);

        r.set_round_two(0, None);
        assert_eq!(
            r.answers[0],
            Some(Answer::Value(2.0)),
            "round one counts again"
        );
        assert!(!r.to_toml(&q).contains("rounds"));

        let src = format!("questionnaire = \"customer-centricity\"\n[rounds.3]\n{id} = 4\n");
        let err = AnswerDocument::parse("a.toml", src)
            .expect("parses")
            .resolve(&q);
        let text = err.expect_err("a third round").0[0].to_string();
        assert!(
            text.starts_with("a.toml:2:9: error: round `3` is not kept"),
            "{text}"
        );
        let src = "questionnaire = \"customer-centricity\"\n[rounds.2]\nno-such-item = 4\n";
        let err = AnswerDocument::parse("a.toml", src.into())
            .expect("parses")
            .resolve(&q);
        assert!(err.is_err(), "an unknown question in round two");
    }

    #[test]
    fn an_unknown_key_in_the_session_table_is_an_error_with_its_place() {
        let q = bundled();
        let src = "questionnaire = \"customer-centricity\"\n[session]\nnote = true\n";
        let doc = AnswerDocument::parse("a.toml", src.into()).expect("parses");
        let err = doc.resolve(&q).expect_err("unknown key");
        let text = err.0[0].to_string();
        assert!(
            text.starts_with(
                "a.toml:3:1: error: unknown key `note` in the [session] table\n  help: did you \
                 mean `notes`?"
            ),
            "{text}"
        );
        let doc = AnswerDocument::parse(
            "a.toml",
            "questionnaire = \"customer-centricity\"\nsession = true\n".into(),
        );
        assert!(doc.is_err(), "a session that is not a table is refused");
    }

    #[test]
    fn every_bad_answer_is_reported_with_its_place() {
        let q = crate::questionnaire::version_one_for_tests();
        let src = "questionnaire = \"customer-centricity\"\n[answers]\nfocused-knowlege = 4\nfocused-listening = 7\ndriven-listening = \"maybe\"\n";
        let doc = AnswerDocument::parse("a.toml", src.into()).expect("parses");
        let err = doc.resolve(&q).expect_err("invalid");
        let text: Vec<String> = err.0.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 3, "{text:?}");
        assert!(text[0].starts_with("a.toml:3:1: error: unknown question `focused-knowlege`\n  help: did you mean `focused-knowledge`?"), "{}", text[0]);
        assert!(
            text[1].starts_with("a.toml:4:21: error: 7 is not an option of scale `agreement`"),
            "{}",
            text[1]
        );
        assert!(
            text[2].starts_with("a.toml:5:20: error: `maybe` is not an option"),
            "{}",
            text[2]
        );
    }

    #[test]
    fn a_mismatched_questionnaire_is_an_error() {
        let q = bundled();
        let doc =
            AnswerDocument::parse("a.toml", "questionnaire = \"other\"\n".into()).expect("parses");
        let err = doc.resolve(&q).expect_err("mismatch");
        assert!(
            err.0[0]
                .to_string()
                .starts_with("a.toml:1:17: error: these answers are for questionnaire `other`")
        );
    }
}
