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

    /// Shows the spread of the answers just given.
    fn show_spread(&mut self, view: &RoomView, spread: &Spread) -> Result<(), PromptError>;
}

fn token_answer(token: &str, v: &QuestionView) -> Result<Answer, String> {
    let t = token.trim().to_lowercase();
    if matches!(t.as_str(), "n" | "na" | "n/a" | "-") {
        return match v.not_applicable {
            Some(_) => Ok(Answer::NotApplicable),
            None => Err("this question has no not-applicable answer".to_owned()),
        };
    }
    let allowed = || {
        v.options
            .iter()
            .map(|(value, _)| crate::answers::fmt_value(*value))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match t.parse::<f64>() {
        Ok(x) => v
            .options
            .iter()
            .find(|(value, _)| (value - x).abs() < 1e-9)
            .map(|(value, _)| Answer::Value(*value))
            .ok_or_else(|| {
                format!(
                    "`{token}` is not an option: use {}{}",
                    allowed(),
                    na_hint(v)
                )
            }),
        Err(_) => Err(format!(
            "`{token}` is not an answer: use {}{}",
            allowed(),
            na_hint(v)
        )),
    }
}

fn na_hint(v: &QuestionView) -> &'static str {
    if v.not_applicable.is_some() {
        ", or n for not applicable"
    } else {
        ""
    }
}

/// Reads one line of the facilitator: answers separated by spaces or commas (or, when every
/// option is one digit, written together as `43554`), `b` back, `?` help, `q` quit, or nothing
/// to keep answers already given.
pub fn parse_room_line(line: &str, view: &RoomView) -> Result<RoomLine, String> {
    let line = line.trim();
    match line.to_lowercase().as_str() {
        "b" | "back" => return Ok(RoomLine::Back),
        "?" | "h" | "help" => return Ok(RoomLine::Help),
        "q" | "quit" => return Ok(RoomLine::Quit),
        "" if view.current.iter().all(Option::is_some) => return Ok(RoomLine::Keep),
        "" => {
            return Err(format!(
                "type {} answers, one per participant",
                view.participants.len()
            ));
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
        return Err(format!(
            "expected {} answers ({}), got {}",
            view.participants.len(),
            view.participants.join(", "),
            tokens.len()
        ));
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
/// every question.
///
/// When a save fails the session goes on at the same question: the problem is shown, the
/// answers stay on the prompt, and Enter retries the save once the problem is fixed.
pub fn run_room(
    q: &Questionnaire,
    responses: &mut [Response],
    participants: &[String],
    lang: &str,
    prompter: &mut dyn RoomPrompter,
    save: &mut dyn FnMut(&[Response]) -> io::Result<()>,
) -> Result<SurveyEnd, SurveyError> {
    let total = q.questions.len();
    let mut i = first_open_question(responses, total);
    let (mut help, mut problem) = (false, None::<String>);
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
                    problem = Some(not_saved(&e));
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
        let line = prompter.read_line(&room, help, problem.as_deref())?;
        problem = None;
        let answers = match parse_room_line(&line, &room) {
            Ok(RoomLine::Answers(answers)) => answers,
            Ok(RoomLine::Keep) if unsaved => room.current.iter().copied().flatten().collect(),
            parsed => {
                prompter.taken(&line)?;
                match parsed {
                    Err(why) => problem = Some(why),
                    Ok(RoomLine::Help) => help = true,
                    Ok(RoomLine::Quit) => return Ok(SurveyEnd::Quit { at: i }),
                    Ok(RoomLine::Back) => {
                        i = i.saturating_sub(1);
                        help = false;
                    }
                    Ok(RoomLine::Keep | RoomLine::Answers(_)) => {
                        i += 1;
                        help = false;
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
            problem = Some(not_saved(&e));
            continue;
        }
        unsaved = false;
        prompter.taken(&line)?;
        let range = q.scale_of(&q.questions[i]).range();
        prompter.show_spread(&room, &spread(&answers, range))?;
        i += 1;
        help = false;
    }
}

fn not_saved(e: &io::Error) -> String {
    format!(
        "these answers are not saved: {e}. They are kept: fix the problem and press Enter to \
         save them again"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_for_tests as bundled;

    struct Script {
        lines: Vec<&'static str>,
        problems: Vec<String>,
        spreads: Vec<Spread>,
        shown: Vec<usize>,
    }

    impl RoomPrompter for Script {
        fn read_line(
            &mut self,
            view: &RoomView,
            _: bool,
            problem: Option<&str>,
        ) -> Result<String, PromptError> {
            self.shown.push(view.question.number);
            if let Some(p) = problem {
                self.problems.push(p.to_owned());
            }
            if self.lines.is_empty() {
                return Err(PromptError::Interrupted);
            }
            Ok(self.lines.remove(0).to_owned())
        }

        fn taken(&mut self, _: &str) -> Result<(), PromptError> {
            Ok(())
        }

        fn show_spread(&mut self, _: &RoomView, spread: &Spread) -> Result<(), PromptError> {
            self.spreads.push(spread.clone());
            Ok(())
        }
    }

    fn names() -> Vec<String> {
        ["Ana", "Ben", "Chloé"].map(String::from).to_vec()
    }

    #[test]
    fn answers_typed_on_one_line_go_to_each_participant_and_malformed_lines_are_asked_again() {
        let q = bundled();
        let mut rs = vec![Response::new(&q), Response::new(&q), Response::new(&q)];
        let mut script = Script {
            lines: vec!["4 3 5", "4 3", "4 x 2", "1,5,n", "b", "", "q"],
            problems: Vec::new(),
            spreads: Vec::new(),
            shown: Vec::new(),
        };
        let mut saves = 0;
        let end = run_room(&q, &mut rs, &names(), "en", &mut script, &mut |_| {
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
mod failed_saves {
    use super::*;
    use crate::questionnaire::default_for_tests as bundled;

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

        fn show_spread(&mut self, _: &RoomView, _: &Spread) -> Result<(), PromptError> {
            Ok(())
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
}
