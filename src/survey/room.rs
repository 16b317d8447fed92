//! A facilitated session: one screen in front of the room, every participant's answer to a
//! question typed on one line (`4 3 5 n 4`), the spread shown at once, one answer file per
//! participant saved after every question.

use std::io;

use super::flow::{SurveyEnd, SurveyError, view};
use super::prompt::{PromptError, QuestionView};
use crate::answers::{Answer, Response};
use crate::questionnaire::Questionnaire;

/// A question as the room sees it.
#[derive(Debug, Clone)]
pub struct RoomView {
    pub question: QuestionView,
    pub participants: Vec<String>,
    /// Answers already given to this question (when going back or resuming), per participant.
    pub current: Vec<Option<Answer>>,
}

/// What the facilitator typed.
#[derive(Debug, Clone, PartialEq)]
pub enum RoomLine {
    /// One answer per participant, in order.
    Answers(Vec<Answer>),
    /// Keep the answers already given and go on.
    Keep,
    Back,
    Help,
    Quit,
}

/// How the room answered one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub answers: Vec<Answer>,
    pub mean: Option<f64>,
    /// Sample standard deviation in scale points.
    pub sd: Option<f64>,
    /// The standard deviation is at least a quarter of the scale's range.
    pub discuss: bool,
}

/// Shows questions to the room and reads the facilitator's lines.
pub trait RoomPrompter {
    /// Shows the question (with its help when `help`, and `problem` with the last line) and
    /// reads one line.
    fn read_line(
        &mut self,
        view: &RoomView,
        help: bool,
        problem: Option<&str>,
    ) -> Result<String, PromptError>;

    /// Confirms the line just read. A line of answers is confirmed only once they are saved, so
    /// that a confirmation on the screen always means the answers are on disk.
    fn taken(&mut self, line: &str) -> Result<(), PromptError>;

    /// Marks the line just read as refused; the reason comes with the next prompt.
    fn refused(&mut self, line: &str) -> Result<(), PromptError>;

    /// Shows the spread of the answers just given.
    fn show_spread(&mut self, view: &RoomView, spread: &Spread) -> Result<(), PromptError>;

    /// Reads one line at the note prompt of the question just answered (`NAME: text`, or
    /// nothing to go on). `notes` are that question's notes so far, one per participant;
    /// `first` is true at the question's first note prompt, and `problem` says why the last line
    /// was refused.
    fn read_note(
        &mut self,
        view: &RoomView,
        notes: &[Option<String>],
        first: bool,
        problem: Option<&str>,
    ) -> Result<String, PromptError>;
}

/// Why a line typed in a facilitated session was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineError {
    /// Nothing typed at a question some participant has not answered.
    Empty {
        expected: usize,
    },
    Count {
        expected: usize,
        got: usize,
        participants: Vec<String>,
    },
    /// A number that is not one of the scale's values (listed in `values`).
    NotAnOption {
        token: String,
        values: String,
        not_applicable: bool,
        dont_know: bool,
    },
    NotAnAnswer {
        token: String,
        values: String,
        not_applicable: bool,
        dont_know: bool,
    },
    NoNotApplicable,
    /// `b` at the first question.
    FirstQuestion,
    /// `?` at a question without help text.
    NoHelp,
    /// A note that does not say whose it is.
    NoteWithoutName {
        example: String,
    },
    NotAParticipant {
        who: String,
        participants: Vec<String>,
    },
    /// The answers were given but could not be saved.
    NotSaved(String),
    /// The note was given but could not be saved.
    NoteNotSaved(String),
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe("en"))
    }
}

impl std::error::Error for LineError {}

impl LineError {
    /// The reason in `lang` (English for a language the catalogue lacks).
    pub fn describe(&self, lang: &str) -> String {
        use crate::i18n::fill;
        let n = |k: usize| k.to_string();
        match self {
            Self::Empty { expected } => fill(
                lang,
                "type {n} answers, one per participant",
                &[("n", &n(*expected))],
            ),
            Self::Count {
                expected,
                got,
                participants,
            } => fill(
                lang,
                "expected {n} answers ({names}), got {got}",
                &[
                    ("n", &n(*expected)),
                    ("names", &participants.join(", ")),
                    ("got", &n(*got)),
                ],
            ),
            Self::NotAnOption {
                token,
                values,
                not_applicable,
                dont_know,
            } => {
                let text = match (*dont_know, *not_applicable) {
                    (true, true) => {
                        "`{token}` is not an option: use {values}, d for don't know or n for not applicable"
                    }
                    (true, false) => {
                        "`{token}` is not an option: use {values}, or d for don't know"
                    }
                    (false, true) => {
                        "`{token}` is not an option: use {values}, or n for not applicable"
                    }
                    (false, false) => "`{token}` is not an option: use {values}",
                };
                fill(lang, text, &[("token", token), ("values", values)])
            }
            Self::NotAnAnswer {
                token,
                values,
                not_applicable,
                dont_know,
            } => {
                let text = match (*dont_know, *not_applicable) {
                    (true, true) => {
                        "`{token}` is not an answer: use {values}, d for don't know or n for not applicable"
                    }
                    (true, false) => {
                        "`{token}` is not an answer: use {values}, or d for don't know"
                    }
                    (false, true) => {
                        "`{token}` is not an answer: use {values}, or n for not applicable"
                    }
                    (false, false) => "`{token}` is not an answer: use {values}",
                };
                fill(lang, text, &[("token", token), ("values", values)])
            }
            Self::NoNotApplicable => fill(lang, "this question has no not-applicable answer", &[]),
            Self::FirstQuestion => fill(lang, "this is the first question", &[]),
            Self::NoHelp => fill(lang, "this question has no help text", &[]),
            Self::NoteWithoutName { example } => fill(
                lang,
                "start a note with a participant's name or number and a colon: {example}",
                &[("example", example)],
            ),
            Self::NotAParticipant { who, participants } => fill(
                lang,
                "`{who}` is not a participant: {names}",
                &[("who", who), ("names", &participants.join(", "))],
            ),
            Self::NotSaved(why) => fill(
                lang,
                "these answers are not saved: {why}. They are kept: fix the problem and press Enter to save them again",
                &[("why", why)],
            ),
            Self::NoteNotSaved(why) => fill(
                lang,
                "this note is not saved: {why}. Fix the problem and type it again",
                &[("why", why)],
            ),
        }
    }
}

/// What the facilitator typed at the note prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteLine {
    /// Nothing: on to the next question.
    Done,
    /// The note of participant `participant` (0-based); `None` removes it.
    Note {
        participant: usize,
        text: Option<String>,
    },
}

/// Reads a line of the note prompt: `NAME: text` or `NUMBER: text` (the participant's place in
/// the order, from 1), the name in any case; `NAME:` alone removes that participant's note.
/// With one participant the name may be left out. An empty line goes on.
pub fn parse_note_line(line: &str, participants: &[String]) -> Result<NoteLine, LineError> {
    let line = line.trim();
    if line.is_empty() {
        return Ok(NoteLine::Done);
    }
    let note = |participant: usize, text: &str| {
        let text = text.trim();
        Ok(NoteLine::Note {
            participant,
            text: (!text.is_empty()).then(|| text.to_owned()),
        })
    };
    // Each colon (ASCII, or the full-width one of Chinese input) may end a name. The last one
    // that ends a participant's name wins, so that a name holding a colon is found whole and a
    // colon in the note is left in it. Names are compared in lower case, the line is cut where
    // the colon is in the line itself.
    let colons: Vec<(usize, char)> = line
        .char_indices()
        .filter(|(_, c)| matches!(c, ':' | '：'))
        .collect();
    let whose = |who: &str| {
        let who = who.trim().to_lowercase();
        participants
            .iter()
            .position(|n| n.trim().to_lowercase() == who)
    };
    if let Some((k, at, colon)) = colons
        .iter()
        .rev()
        .find_map(|&(at, colon)| Some((whose(&line[..at])?, at, colon)))
    {
        return note(k, &line[at + colon.len_utf8()..]);
    }
    if let Some(&(at, colon)) = colons.first() {
        let who = line[..at].trim();
        return match who.parse::<usize>() {
            Ok(k) if (1..=participants.len()).contains(&k) => {
                note(k - 1, &line[at + colon.len_utf8()..])
            }
            _ => Err(LineError::NotAParticipant {
                who: who.to_owned(),
                participants: participants.to_vec(),
            }),
        };
    }
    if participants.len() == 1 {
        return note(0, line);
    }
    Err(LineError::NoteWithoutName {
        example: format!("{}: ...", participants.first().map_or("1", |n| n.trim())),
    })
}

fn token_answer(token: &str, v: &QuestionView) -> Result<Answer, LineError> {
    let t = token.trim().to_lowercase();
    if matches!(t.as_str(), "n" | "na" | "n/a" | "-") {
        return match v.not_applicable {
            Some(_) => Ok(Answer::NotApplicable),
            None => Err(LineError::NoNotApplicable),
        };
    }
    if v.dont_know.is_some() && matches!(t.as_str(), "d" | "dk") {
        return Ok(Answer::DontKnow);
    }
    let values = || {
        v.options
            .iter()
            .map(|(value, _)| crate::answers::fmt_value(*value))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let not_applicable = v.not_applicable.is_some();
    let dont_know = v.dont_know.is_some();
    match t.parse::<f64>() {
        Ok(x) => v
            .options
            .iter()
            .find(|(value, _)| (value - x).abs() < 1e-9)
            .map(|(value, _)| Answer::Value(*value))
            .ok_or_else(|| LineError::NotAnOption {
                token: token.to_owned(),
                values: values(),
                not_applicable,
                dont_know,
            }),
        Err(_) => Err(LineError::NotAnAnswer {
            token: token.to_owned(),
            values: values(),
            not_applicable,
            dont_know,
        }),
    }
}

/// Reads one line of the facilitator: answers separated by spaces or commas (or, when every
/// option is one digit, written together as `43554`), `b` back, `?` help, `q` quit, or nothing
/// to keep answers already given.
pub fn parse_room_line(line: &str, view: &RoomView) -> Result<RoomLine, LineError> {
    let line = line.trim();
    match line.to_lowercase().as_str() {
        "b" | "back" => return Ok(RoomLine::Back),
        "?" | "h" | "help" => return Ok(RoomLine::Help),
        "q" | "quit" => return Ok(RoomLine::Quit),
        "" if view.current.iter().all(Option::is_some) => return Ok(RoomLine::Keep),
        "" => {
            return Err(LineError::Empty {
                expected: view.participants.len(),
            });
        }
        _ => {}
    }
    if let Some(command) = command_after_current(line, view) {
        return Ok(command);
    }
    let mut tokens: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    let one_digit = view
        .question
        .options
        .iter()
        .all(|(v, _)| (0.0..=9.0).contains(v) && v.fract() == 0.0);
    if tokens.len() == 1
        && view.participants.len() > 1
        && one_digit
        && tokens[0].chars().count() == view.participants.len()
    {
        tokens = tokens[0].chars().map(String::from).collect();
    }
    if tokens.len() != view.participants.len() {
        return Err(LineError::Count {
            expected: view.participants.len(),
            got: tokens.len(),
            participants: view.participants.clone(),
        });
    }
    tokens
        .iter()
        .map(|t| token_answer(t, &view.question))
        .collect::<Result<_, _>>()
        .map(RoomLine::Answers)
}

/// On a question already answered the prompt starts with those answers, so a command typed at
/// once lands after them (`4 4 5b`): it is still that command.
fn command_after_current(line: &str, view: &RoomView) -> Option<RoomLine> {
    let current: Vec<Answer> = view.current.iter().copied().collect::<Option<_>>()?;
    let line = line.to_lowercase();
    ["back", "help", "quit", "b", "?", "h", "q"]
        .into_iter()
        .find_map(|command| {
            let answers = line.strip_suffix(command)?;
            (parse_room_line(answers, view) == Ok(RoomLine::Answers(current.clone())))
                .then(|| parse_room_line(command, view).ok())
                .flatten()
        })
}

/// The spread of the room's answers to a question on a scale of range `range`.
pub fn spread(answers: &[Answer], range: f64) -> Spread {
    let values: Vec<f64> = answers
        .iter()
        .filter_map(|a| {
            if let Answer::Value(v) = a {
                Some(*v)
            } else {
                None
            }
        })
        .collect();
    #[allow(clippy::cast_precision_loss)]
    let n = values.len() as f64;
    let mean = (!values.is_empty()).then(|| values.iter().sum::<f64>() / n);
    let sd = mean.map(|m| {
        if values.len() < 2 {
            0.0
        } else {
            (values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
        }
    });
    Spread {
        answers: answers.to_vec(),
        mean,
        sd,
        discuss: values.len() >= 2 && sd.is_some_and(|s| s >= range / 4.0),
    }
}

/// Where a room session starts: the first question some participant has not answered.
pub fn first_open_question(responses: &[Response], questions: usize) -> usize {
    (0..questions)
        .find(|&i| {
            responses
                .iter()
                .any(|r| r.answers.get(i).copied().flatten().is_none())
        })
        .unwrap_or(questions)
}

/// Runs a facilitated session over `responses` (one per participant), calling `save` after
/// every question, and with `notes` after every note.
///
/// When a save fails the session goes on at the same question: the problem is shown, the
/// answers stay on the prompt, and Enter retries the save once the problem is fixed.
pub fn run_room(
    q: &Questionnaire,
    responses: &mut [Response],
    participants: &[String],
    lang: &str,
    notes: bool,
    prompter: &mut dyn RoomPrompter,
    save: &mut dyn FnMut(&[Response]) -> io::Result<()>,
) -> Result<SurveyEnd, SurveyError> {
    let total = q.questions.len();
    let mut i = first_open_question(responses, total);
    // `help` shows the help text with the next prompt only: once asked for, not again before
    // every problem that follows.
    let (mut help, mut problem) = (false, None::<LineError>);
    // Answers kept in memory that the last save failed to write.
    let mut unsaved = false;
    loop {
        if i >= total {
            for r in responses.iter_mut() {
                r.completed = true;
            }
            match save(responses) {
                Ok(()) => return Ok(SurveyEnd::Completed),
                Err(e) if total == 0 => return Err(SurveyError::Save(e)),
                Err(e) => {
                    for r in responses.iter_mut() {
                        r.completed = false;
                    }
                    problem = Some(LineError::NotSaved(e.to_string()));
                    i = total - 1;
                }
            }
        }
        let question = view(q, &responses[0], i, lang);
        let room = RoomView {
            question,
            participants: participants.to_vec(),
            current: responses
                .iter()
                .map(|r| r.answers.get(i).copied().flatten())
                .collect(),
        };
        let shown = problem.take().map(|p| p.describe(lang));
        let line = prompter.read_line(&room, std::mem::take(&mut help), shown.as_deref())?;
        let parsed = match parse_room_line(&line, &room) {
            Ok(RoomLine::Back) if i == 0 => Err(LineError::FirstQuestion),
            Ok(RoomLine::Help) if room.question.help.is_none() => Err(LineError::NoHelp),
            parsed => parsed,
        };
        let answers = match parsed {
            Ok(RoomLine::Answers(answers)) => answers,
            Ok(RoomLine::Keep) if unsaved => room.current.iter().copied().flatten().collect(),
            Err(why) => {
                prompter.refused(&line)?;
                problem = Some(why);
                continue;
            }
            Ok(command) => {
                prompter.taken(&line)?;
                match command {
                    RoomLine::Help => help = true,
                    RoomLine::Quit => return Ok(SurveyEnd::Quit { at: i }),
                    RoomLine::Back => i -= 1,
                    RoomLine::Keep | RoomLine::Answers(_) => {
                        // Back at a question to add or change a note: Enter keeps the answers
                        // and opens its notes.
                        if notes {
                            take_notes(responses, i, &room, lang, prompter, save)?;
                        }
                        i += 1;
                    }
                }
                continue;
            }
        };
        for (r, a) in responses.iter_mut().zip(&answers) {
            r.answers[i] = Some(*a);
        }
        if let Err(e) = save(responses) {
            unsaved = true;
            problem = Some(LineError::NotSaved(e.to_string()));
            continue;
        }
        unsaved = false;
        prompter.taken(&line)?;
        let range = q.scale_of(&q.questions[i]).range();
        prompter.show_spread(&room, &spread(&answers, range))?;
        if notes {
            take_notes(responses, i, &room, lang, prompter, save)?;
        }
        i += 1;
    }
}

/// Reads notes on question `i` until an empty line, saving each one as it is given.
fn take_notes(
    responses: &mut [Response],
    i: usize,
    room: &RoomView,
    lang: &str,
    prompter: &mut dyn RoomPrompter,
    save: &mut dyn FnMut(&[Response]) -> io::Result<()>,
) -> Result<(), SurveyError> {
    let mut problem = None::<LineError>;
    let mut first = true;
    loop {
        let notes: Vec<Option<String>> = responses
            .iter()
            .map(|r| r.notes.get(i).cloned().flatten())
            .collect();
        let shown = problem.take().map(|p| p.describe(lang));
        let line =
            prompter.read_note(room, &notes, std::mem::take(&mut first), shown.as_deref())?;
        match parse_note_line(&line, &room.participants) {
            Ok(NoteLine::Done) => return Ok(()),
            Ok(NoteLine::Note { participant, text }) => {
                let Some(slot) = responses
                    .get_mut(participant)
                    .and_then(|r| r.notes.get_mut(i))
                else {
                    continue;
                };
                let before = std::mem::replace(slot, text);
                if let Err(e) = save(responses) {
                    // Not kept in memory: what is on the screen and on disk stay the same.
                    responses[participant].notes[i] = before;
                    prompter.refused(&line)?;
                    problem = Some(LineError::NoteNotSaved(e.to_string()));
                    continue;
                }
                prompter.taken(&line)?;
            }
            Err(why) => {
                prompter.refused(&line)?;
                problem = Some(why);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::version_one_for_tests as bundled;

    /// Plays back the facilitator's lines, and records what the session showed and how it
    /// marked each line.
    #[derive(Default)]
    pub(super) struct Script {
        lines: Vec<&'static str>,
        pub(super) problems: Vec<String>,
        spreads: Vec<Spread>,
        pub(super) shown: Vec<usize>,
        /// `help` of each prompt.
        pub(super) helps: Vec<bool>,
        /// Each line as marked: `✔ line` or `✘ line`.
        pub(super) marked: Vec<String>,
        /// Each note prompt: the question's number, `first`, and the notes shown.
        pub(super) note_prompts: Vec<(usize, bool, Vec<Option<String>>)>,
    }

    impl Script {
        pub(super) fn new(lines: Vec<&'static str>) -> Self {
            Self {
                lines,
                ..Self::default()
            }
        }

        fn next(&mut self, problem: Option<&str>) -> Result<String, PromptError> {
            if let Some(p) = problem {
                self.problems.push(p.to_owned());
            }
            if self.lines.is_empty() {
                return Err(PromptError::Interrupted);
            }
            Ok(self.lines.remove(0).to_owned())
        }
    }

    impl RoomPrompter for Script {
        fn read_line(
            &mut self,
            view: &RoomView,
            help: bool,
            problem: Option<&str>,
        ) -> Result<String, PromptError> {
            self.shown.push(view.question.number);
            self.helps.push(help);
            self.next(problem)
        }

        fn taken(&mut self, line: &str) -> Result<(), PromptError> {
            self.marked.push(format!("✔ {line}"));
            Ok(())
        }

        fn refused(&mut self, line: &str) -> Result<(), PromptError> {
            self.marked.push(format!("✘ {line}"));
            Ok(())
        }

        fn show_spread(&mut self, _: &RoomView, spread: &Spread) -> Result<(), PromptError> {
            self.spreads.push(spread.clone());
            Ok(())
        }

        fn read_note(
            &mut self,
            view: &RoomView,
            notes: &[Option<String>],
            first: bool,
            problem: Option<&str>,
        ) -> Result<String, PromptError> {
            self.note_prompts
                .push((view.question.number, first, notes.to_vec()));
            self.next(problem)
        }
    }

    pub(super) fn names() -> Vec<String> {
        ["Ana", "Ben", "Chloé"].map(String::from).to_vec()
    }

    #[test]
    fn answers_typed_on_one_line_go_to_each_participant_and_malformed_lines_are_asked_again() {
        let q = bundled();
        let mut rs = vec![Response::new(&q), Response::new(&q), Response::new(&q)];
        let mut script = Script::new(vec!["4 3 5", "4 3", "4 x 2", "1,5,n", "b", "", "q"]);
        let mut saves = 0;
        let end = run_room(&q, &mut rs, &names(), "en", false, &mut script, &mut |_| {
            saves += 1;
            Ok(())
        })
        .expect("runs");
        assert_eq!(end, SurveyEnd::Quit { at: 2 });
        assert_eq!(script.shown, vec![1, 2, 2, 2, 3, 2, 3]);
        assert_eq!(
            script.problems,
            vec![
                "expected 3 answers (Ana, Ben, Chloé), got 2",
                "`x` is not an answer: use 1, 2, 3, 4, 5, or n for not applicable"
            ]
        );
        assert_eq!(rs[0].answers[0], Some(Answer::Value(4.0)));
        assert_eq!(rs[2].answers[1], Some(Answer::NotApplicable));
        assert_eq!(saves, 2);
        assert_eq!(
            script.marked,
            ["✔ 4 3 5", "✘ 4 3", "✘ 4 x 2", "✔ 1,5,n", "✔ b", "✔ ", "✔ q"],
            "refused lines are never confirmed"
        );
        // 4, 3, 5: mean 4, sd 1 ≥ 1 (a quarter of 4): discuss. 1, 5, n/a: sd 2.83.
        assert!((script.spreads[0].sd.unwrap_or(0.0) - 1.0).abs() < 1e-12);
        assert!(script.spreads[0].discuss);
        assert!((script.spreads[1].mean.unwrap_or(0.0) - 3.0).abs() < 1e-12);
    }

    #[test]
    fn digits_written_together_count_as_one_answer_each() {
        let q = bundled();
        let rs = vec![Response::new(&q); 3];
        let room = RoomView {
            question: view(&q, &rs[0], 0, "en"),
            participants: names(),
            current: vec![None; 3],
        };
        assert_eq!(
            parse_room_line("435", &room),
            Ok(RoomLine::Answers(vec![
                Answer::Value(4.0),
                Answer::Value(3.0),
                Answer::Value(5.0)
            ]))
        );
        assert!(parse_room_line("", &room).is_err(), "nothing to keep yet");
    }

    #[test]
    fn a_command_typed_after_the_answers_already_given_is_that_command() {
        let q = bundled();
        let rs = vec![Response::new(&q); 3];
        let four = Some(Answer::Value(4.0));
        let room = RoomView {
            question: view(&q, &rs[0], 0, "en"),
            participants: names(),
            current: vec![four, four, Some(Answer::NotApplicable)],
        };
        assert_eq!(parse_room_line("4 4 nb", &room), Ok(RoomLine::Back));
        assert_eq!(parse_room_line("4 4 n q", &room), Ok(RoomLine::Quit));
        assert_eq!(parse_room_line("4 4 n?", &room), Ok(RoomLine::Help));
        assert!(
            parse_room_line("4 5 nb", &room).is_err(),
            "not the answers given"
        );
        assert!(parse_room_line("4 4 nbb", &room).is_err());
    }

    #[test]
    fn a_session_resumes_at_the_first_question_someone_has_not_answered() {
        let q = bundled();
        let mut rs = vec![Response::new(&q); 2];
        rs[0].answers[0] = Some(Answer::Value(4.0));
        rs[1].answers[0] = Some(Answer::Value(4.0));
        rs[0].answers[1] = Some(Answer::Value(4.0));
        assert_eq!(first_open_question(&rs, 24), 1);
    }
}

#[cfg(test)]
mod lines_and_notes {
    use super::tests::{Script, names};
    use super::*;
    use crate::questionnaire::version_one_for_tests as bundled;

    #[test]
    fn help_is_shown_once_and_not_again_before_the_problems_that_follow() {
        let q = bundled();
        let mut rs = vec![Response::new(&q); 3];
        let mut script = Script::new(vec!["?", "4 3", "4", "4 3 5", "q"]);
        run_room(&q, &mut rs, &names(), "en", false, &mut script, &mut |_| {
            Ok(())
        })
        .expect("runs");
        assert_eq!(script.shown, [1, 1, 1, 1, 2]);
        assert_eq!(
            script.helps,
            [false, true, false, false, false],
            "the help comes with the prompt after `?` only"
        );
        assert_eq!(script.problems.len(), 2);
    }

    #[test]
    fn back_at_the_first_question_and_help_where_there_is_none_say_why_nothing_happens() {
        let q = bundled();
        let mut rs = vec![Response::new(&q); 3];
        let mut script = Script::new(vec!["b", "q"]);
        run_room(&q, &mut rs, &names(), "en", false, &mut script, &mut |_| {
            Ok(())
        })
        .expect("runs");
        assert_eq!(script.problems, ["this is the first question"]);
        assert_eq!(script.marked, ["✘ b", "✔ q"]);

        let mut q = bundled();
        q.questions[0].help = None;
        let mut script = Script::new(vec!["?", "q"]);
        run_room(&q, &mut rs, &names(), "fr", false, &mut script, &mut |_| {
            Ok(())
        })
        .expect("runs");
        assert_eq!(script.problems, ["cette question n’a pas de texte d’aide"]);
        assert_eq!(script.helps, [false, false]);
    }

    #[test]
    fn problems_are_told_in_the_sessions_language() {
        let q = bundled();
        let mut rs = vec![Response::new(&q); 3];
        let mut script = Script::new(vec!["4 3", "q"]);
        run_room(&q, &mut rs, &names(), "fr", false, &mut script, &mut |_| {
            Ok(())
        })
        .expect("runs");
        assert_eq!(
            script.problems,
            ["réponses attendues\u{a0}: 3 (Ana, Ben, Chloé)\u{202f}; reçues\u{a0}: 2"]
        );
    }

    #[test]
    fn notes_are_taken_after_the_answers_by_name_or_number_and_saved_one_by_one() {
        let q = bundled();
        let mut rs = vec![Response::new(&q); 3];
        let mut script = Script::new(vec![
            "4 3 5",
            "ana: Only after complaints.",
            "Seen twice",
            "4: nobody",
            "3 : Chloé's note",
            "",
            "5 5 5",
            "",
            "b",
            "b",
            "",
            "Chloé:",
            "",
            "q",
        ]);
        let mut saved_notes = Vec::new();
        let end = run_room(&q, &mut rs, &names(), "en", true, &mut script, &mut |rs| {
            saved_notes.push(rs.iter().filter_map(|r| r.notes[0].clone()).count());
            Ok(())
        })
        .expect("runs");
        assert_eq!(end, SurveyEnd::Quit { at: 1 });
        assert_eq!(rs[0].notes[0].as_deref(), Some("Only after complaints."));
        assert_eq!(rs[1].notes[0], None);
        assert_eq!(rs[2].notes[0], None, "`Chloé:` alone removed her note");
        assert_eq!(
            script.problems,
            [
                "start a note with a participant's name or number and a colon: Ana: ...",
                "`4` is not a participant: Ana, Ben, Chloé"
            ]
        );
        assert_eq!(
            script.marked,
            [
                "✔ 4 3 5",
                "✔ ana: Only after complaints.",
                "✘ Seen twice",
                "✘ 4: nobody",
                "✔ 3 : Chloé's note",
                "✔ 5 5 5",
                "✔ b",
                "✔ b",
                "✔ ",
                "✔ Chloé:",
                "✔ q"
            ]
        );
        // Question 1's notes: at first none; back at it (Enter keeps the answers and opens the
        // notes), Ana's and Chloé's.
        let firsts: Vec<_> = script.note_prompts.iter().filter(|p| p.1).collect();
        assert_eq!(firsts.len(), 3, "{:?}", script.note_prompts);
        assert_eq!(firsts[0].2, [None, None, None]);
        assert_eq!(
            firsts[2].2,
            [
                Some("Only after complaints.".to_owned()),
                None,
                Some("Chloé's note".to_owned())
            ]
        );
        // Saved after each answer line and after each note taken.
        assert_eq!(saved_notes, [0, 1, 2, 2, 1]);
    }

    #[test]
    fn a_note_line_names_its_participant_by_name_number_or_a_chinese_colon() {
        let people = names();
        let note = |participant: usize, text: &str| {
            Ok(NoteLine::Note {
                participant,
                text: Some(text.to_owned()),
            })
        };
        assert_eq!(parse_note_line("  ", &people), Ok(NoteLine::Done));
        assert_eq!(parse_note_line("CHLOÉ : vu", &people), note(2, "vu"));
        assert_eq!(parse_note_line("2: a: b", &people), note(1, "a: b"));
        assert_eq!(
            parse_note_line("Ben：只在投诉后", &people),
            note(1, "只在投诉后")
        );
        assert_eq!(
            parse_note_line("Ana:", &people),
            Ok(NoteLine::Note {
                participant: 0,
                text: None
            })
        );
        let two: Vec<String> = ["Ana", "Ana: Maria"].map(String::from).to_vec();
        assert_eq!(
            parse_note_line("Ana: Maria: here", &two),
            note(1, "here"),
            "the longest name that fits"
        );
        assert_eq!(
            parse_note_line("no colon", &["Solo".to_owned()]),
            note(0, "no colon"),
            "one participant needs no name"
        );
        assert!(parse_note_line("Dan: x", &people).is_err());
        assert!(parse_note_line("0: x", &people).is_err());
    }
}

#[cfg(test)]
mod failed_saves {
    use super::*;
    use crate::questionnaire::version_one_for_tests as bundled;

    struct Room {
        lines: Vec<&'static str>,
        problems: Vec<String>,
        taken: Vec<String>,
    }

    impl RoomPrompter for Room {
        fn read_line(
            &mut self,
            _: &RoomView,
            _: bool,
            problem: Option<&str>,
        ) -> Result<String, PromptError> {
            self.problems.extend(problem.map(str::to_owned));
            if self.lines.is_empty() {
                return Err(PromptError::Interrupted);
            }
            Ok(self.lines.remove(0).to_owned())
        }

        fn taken(&mut self, line: &str) -> Result<(), PromptError> {
            self.taken.push(line.to_owned());
            Ok(())
        }

        fn refused(&mut self, _: &str) -> Result<(), PromptError> {
            Ok(())
        }

        fn show_spread(&mut self, _: &RoomView, _: &Spread) -> Result<(), PromptError> {
            Ok(())
        }

        fn read_note(
            &mut self,
            _: &RoomView,
            _: &[Option<String>],
            _: bool,
            problem: Option<&str>,
        ) -> Result<String, PromptError> {
            self.problems.extend(problem.map(str::to_owned));
            if self.lines.is_empty() {
                return Err(PromptError::Interrupted);
            }
            Ok(self.lines.remove(0).to_owned())
        }
    }

    #[test]
    fn a_failed_save_keeps_the_answers_and_enter_saves_them_again() {
        let q = bundled();
        let mut rs = vec![Response::new(&q); 2];
        let mut room = Room {
            lines: vec!["4 5", "", "q"],
            problems: Vec::new(),
            taken: Vec::new(),
        };
        let mut calls = 0;
        let mut saved = Vec::new();
        let end = run_room(
            &q,
            &mut rs,
            &["Ana".into(), "Ben".into()],
            "en",
            false,
            &mut room,
            &mut |rs| {
                calls += 1;
                if calls == 1 {
                    return Err(io::Error::other("no space left on device"));
                }
                saved.push(rs[1].answers[0]);
                Ok(())
            },
        )
        .expect("runs");
        assert_eq!(end, SurveyEnd::Quit { at: 1 });
        assert_eq!(room.problems.len(), 1);
        assert!(
            room.problems[0].contains("no space left"),
            "{:?}",
            room.problems
        );
        assert_eq!(
            saved,
            [Some(Answer::Value(5.0))],
            "saved by the Enter that followed"
        );
        assert_eq!(room.taken, ["", "q"], "the failed line is not confirmed");
    }

    #[test]
    fn a_note_that_cannot_be_saved_is_not_kept_and_is_asked_for_again() {
        let q = bundled();
        let mut rs = vec![Response::new(&q); 2];
        let mut room = Room {
            lines: vec!["4 5", "Ana: seen", "Ana: seen", "", "q"],
            problems: Vec::new(),
            taken: Vec::new(),
        };
        let mut calls = 0;
        let mut on_disk = Vec::new();
        run_room(
            &q,
            &mut rs,
            &["Ana".into(), "Ben".into()],
            "en",
            true,
            &mut room,
            &mut |rs| {
                calls += 1;
                if calls == 2 {
                    return Err(io::Error::other("no space left on device"));
                }
                on_disk.push(rs[0].notes[0].clone());
                Ok(())
            },
        )
        .expect("runs");
        assert_eq!(
            room.problems,
            ["this note is not saved: no space left on device. Fix the problem and type it again"]
        );
        assert_eq!(on_disk, [None, Some("seen".to_owned())]);
        assert_eq!(rs[0].notes[0].as_deref(), Some("seen"));
        assert_eq!(
            room.taken,
            ["4 5", "Ana: seen", "q"],
            "confirmed once saved"
        );
    }
}
