//! One respondent's answers, resolved against a questionnaire.

use std::collections::BTreeMap;

use crate::questionnaire::Questionnaire;

/// An answer to one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answer {
    /// One of the scale's option values.
    Value(f64),
    /// The respondent chose "not applicable" (or, on a scale without a separate "don't know",
    /// its one excluded answer): excluded from every score.
    NotApplicable,
    /// The respondent does not know whether the practice exists: excluded from every score, and
    /// counted as a finding of its own.
    DontKnow,
}

impl Answer {
    /// How an answer file writes the answers that carry no value.
    pub const NOT_APPLICABLE: &'static str = "n/a";
    pub const DONT_KNOW: &'static str = "dk";
}

/// Who answered, and anything else known about them (CSV columns land in `extra`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub respondent: Option<String>,
    pub role: Option<String>,
    pub team: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    pub extra: BTreeMap<String, String>,
}

impl Metadata {
    /// A metadata field by name, for grouping and CSV output.
    pub fn get(&self, field: &str) -> Option<&str> {
        match field {
            "respondent" => self.respondent.as_deref(),
            "role" => self.role.as_deref(),
            "team" => self.team.as_deref(),
            "date" => self.date.as_deref(),
            "language" => self.language.as_deref(),
            other => self.extra.get(other).map(String::as_str),
        }
    }
}

/// How the survey that wrote an answer file was run, kept in its `[session]` table so that
/// `run --resume` goes on the same way. Who answered, and in which language, are the file's
/// metadata (`respondent`, `role`, `team`, `language`), which a resumed survey keeps too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Session {
    /// Ask for an optional note after each answer (`run --notes`).
    pub notes: bool,
}

impl Session {
    /// True when every option has its default value: nothing to write.
    fn is_default(self) -> bool {
        self == Self::default()
    }
}

/// One respondent's answers to one questionnaire, indexed like its questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub questionnaire: String,
    pub questionnaire_version: Option<String>,
    pub meta: Metadata,
    pub completed: bool,
    /// The options of the survey under way; default for answers that no survey wrote.
    pub session: Session,
    /// `answers[i]` answers question `i`; `None` when it was not answered.
    pub answers: Vec<Option<Answer>>,
    /// `notes[i]` is the note on question `i`, if any.
    pub notes: Vec<Option<String>>,
    /// The first-round answers of the items answered again in a second round (a Delphi round
    /// of `centricity room`), by question index. For those items `answers` holds the second
    /// round's answer, so that every score and group result uses the last round; the answer
    /// file keeps round one in `[answers]` and round two in `[rounds.2]`.
    pub first_round: BTreeMap<usize, Option<Answer>>,
}

impl Response {
    /// An empty response to `q`, as a survey starts.
    pub fn new(q: &Questionnaire) -> Self {
        Self {
            questionnaire: q.id.clone(),
            questionnaire_version: Some(q.version.clone()),
            meta: Metadata::default(),
            completed: false,
            session: Session::default(),
            answers: vec![None; q.questions.len()],
            notes: vec![None; q.questions.len()],
            first_round: BTreeMap::new(),
        }
    }

    /// The first-round answer to question `i`.
    pub fn round_one(&self, i: usize) -> Option<Answer> {
        match self.first_round.get(&i) {
            Some(first) => *first,
            None => self.answers.get(i).copied().flatten(),
        }
    }

    /// The second-round answer to question `i`, when it was answered again.
    pub fn round_two(&self, i: usize) -> Option<Answer> {
        if self.first_round.contains_key(&i) {
            self.answers.get(i).copied().flatten()
        } else {
            None
        }
    }

    /// Sets the first-round answer to question `i` (`None` takes it back), keeping any second.
    pub fn set_round_one(&mut self, i: usize, answer: Option<Answer>) {
        if let Some(first) = self.first_round.get_mut(&i) {
            *first = answer;
        } else if let Some(slot) = self.answers.get_mut(i) {
            *slot = answer;
        }
    }

    /// Sets the second-round answer to question `i`; `None` takes it back, so that the
    /// first-round answer counts again.
    pub fn set_round_two(&mut self, i: usize, answer: Option<Answer>) {
        if i >= self.answers.len() {
            return;
        }
        match answer {
            Some(a) => {
                if !self.first_round.contains_key(&i) {
                    self.first_round.insert(i, self.answers[i]);
                }
                self.answers[i] = Some(a);
            }
            None => {
                if let Some(first) = self.first_round.remove(&i) {
                    self.answers[i] = first;
                }
            }
        }
    }

    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// The answer file text of this response (DESIGN.md section 3), questions in questionnaire
    /// order so that a person can read and edit it.
    pub fn to_toml(&self, q: &Questionnaire) -> String {
        use toml::{Table, Value};
        let mut root = Table::new();
        root.insert(
            "questionnaire".into(),
            Value::String(self.questionnaire.clone()),
        );
        if let Some(v) = &self.questionnaire_version {
            root.insert("questionnaire_version".into(), Value::String(v.clone()));
        }
        let m = &self.meta;
        for (key, value) in [
            ("respondent", &m.respondent),
            ("role", &m.role),
            ("team", &m.team),
            ("date", &m.date),
            ("language", &m.language),
        ] {
            if let Some(v) = value {
                root.insert(key.into(), Value::String(v.clone()));
            }
        }
        root.insert("completed".into(), Value::Boolean(self.completed));
        let mut answers = Table::new();
        let mut notes = Table::new();
        let mut second = Table::new();
        let put = |table: &mut Table, id: &str, answer: Option<Answer>| match answer {
            Some(Answer::Value(v)) => {
                table.insert(id.to_owned(), number(v));
            }
            Some(Answer::NotApplicable) => {
                table.insert(id.to_owned(), Value::String(Answer::NOT_APPLICABLE.into()));
            }
            Some(Answer::DontKnow) => {
                table.insert(id.to_owned(), Value::String(Answer::DONT_KNOW.into()));
            }
            None => {}
        };
        for (i, question) in q.questions.iter().enumerate() {
            put(&mut answers, &question.id, self.round_one(i));
            put(&mut second, &question.id, self.round_two(i));
            if let Some(Some(note)) = self.notes.get(i) {
                notes.insert(question.id.clone(), Value::String(note.clone()));
            }
        }
        root.insert("answers".into(), Value::Table(answers));
        if !notes.is_empty() {
            root.insert("notes".into(), Value::Table(notes));
        }
        if !second.is_empty() {
            let mut rounds = Table::new();
            rounds.insert("2".into(), Value::Table(second));
            root.insert("rounds".into(), Value::Table(rounds));
        }
        // Last, after what a reader looks for first; and only a survey's own options, so that an
        // answer file of the default kind stays as it was.
        if !self.session.is_default() {
            let mut session = Table::new();
            session.insert("notes".into(), Value::Boolean(self.session.notes));
            root.insert("session".into(), Value::Table(session));
        }
        toml::to_string(&root).unwrap_or_default()
    }
}

/// Whole option values are written as integers (`4`, not `4.0`), as a person would write them.
fn number(v: f64) -> toml::Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        #[allow(clippy::cast_possible_truncation)]
        toml::Value::Integer(v as i64)
    } else {
        toml::Value::Float(v)
    }
}
