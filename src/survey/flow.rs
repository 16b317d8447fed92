//! The interactive survey as a state machine over a [`Prompter`]: question order, going back,
//! not-applicable answers, quitting, resuming, and saving after every answer.

use std::io;

use super::prompt::{Action, PromptError, Prompter, QuestionView};
use crate::answers::{Answer, Response};
use crate::questionnaire::Questionnaire;

/// How a survey ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyEnd {
    /// Every question was answered (or marked not applicable).
    Completed,
    /// The respondent quit at question `at` (0-based); answers so far are saved.
    Quit { at: usize },
}

#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    #[error("interrupted")]
    Interrupted,
    #[error("cannot read the answer: {0}")]
    Prompt(io::Error),
    #[error("cannot save the answers: {0}")]
    Save(io::Error),
}

impl From<PromptError> for SurveyError {
    fn from(e: PromptError) -> Self {
        match e {
            PromptError::Interrupted => Self::Interrupted,
            PromptError::Io(e) => Self::Prompt(e),
        }
    }
}

/// Where a survey on `response` starts: the first question without an answer.
pub fn first_unanswered(response: &Response) -> Option<usize> {
    response.answers.iter().position(Option::is_none)
}

/// The view of question `i` of `q`, in `lang`.
pub fn view(q: &Questionnaire, response: &Response, i: usize, lang: &str) -> QuestionView {
    let question = &q.questions[i];
    let scale = q.scale_of(question);
    let tr = |t: &crate::questionnaire::Text| q.tr(t, lang).to_owned();
    let mut options: Vec<(f64, String)> = scale
        .options
        .iter()
        .map(|o| (o.value, tr(&o.label)))
        .collect();
    options.sort_by(|a, b| a.0.total_cmp(&b.0));
    QuestionView {
        number: i + 1,
        total: q.questions.len(),
        stage: question.stage.map(|s| tr(&q.stages[s].name)),
        dimension: question.dimension.map(|d| tr(&q.dimensions[d].name)),
        text: tr(&question.text),
        help: question.help.as_ref().map(tr),
        options,
        not_applicable: scale.not_applicable.as_ref().map(tr),
        current: response.answers.get(i).copied().flatten(),
        can_go_back: i > 0,
    }
}

/// Runs the survey from the first unanswered question, calling `save` after every answer (and
/// every note, with `notes`) so that nothing confirmed is ever lost.
///
/// An answer is confirmed to the respondent only once it is saved. When a save fails the
/// survey goes on: the respondent is told why and asked the same question again (or the same
/// note), the answer kept as the starting point, so that retrying once the problem is fixed
/// loses nothing.
pub fn run_survey(
    q: &Questionnaire,
    response: &mut Response,
    lang: &str,
    notes: bool,
    prompter: &mut dyn Prompter,
    save: &mut dyn FnMut(&Response) -> io::Result<()>,
) -> Result<SurveyEnd, SurveyError> {
    let total = q.questions.len();
    let mut i = first_unanswered(response).unwrap_or(total);
    loop {
        if i >= total {
            response.completed = true;
            match save(response) {
                Ok(()) => return Ok(SurveyEnd::Completed),
                Err(e) if total == 0 => return Err(SurveyError::Save(e)),
                Err(e) => {
                    response.completed = false;
                    prompter.not_saved(&e)?;
                    i = total - 1;
                }
            }
        }
        let v = view(q, response, i, lang);
        let answer = match prompter.ask(&v)? {
            Action::Choose(n) => match v.options.get(n) {
                Some((value, _)) => Answer::Value(*value),
                None => continue,
            },
            Action::NotApplicable if v.not_applicable.is_some() => Answer::NotApplicable,
            Action::NotApplicable => continue,
            Action::Back => {
                i = i.saturating_sub(1);
                continue;
            }
            Action::Quit => return Ok(SurveyEnd::Quit { at: i }),
        };
        response.answers[i] = Some(answer);
        if let Err(e) = save(response) {
            prompter.not_saved(&e)?;
            continue;
        }
        prompter.saved(&v, answer)?;
        if notes {
            ask_note(response, i, &v, prompter, save)?;
        }
        i += 1;
    }
}

/// Asks for the note on answer `i` until it is saved (or left as it was).
fn ask_note(
    response: &mut Response,
    i: usize,
    v: &QuestionView,
    prompter: &mut dyn Prompter,
    save: &mut dyn FnMut(&Response) -> io::Result<()>,
) -> Result<(), SurveyError> {
    let mut unsaved = false;
    loop {
        let note = prompter.note(v, response.notes[i].as_deref())?;
        if note != response.notes[i] || unsaved {
            response.notes[i].clone_from(&note);
            if let Err(e) = save(response) {
                unsaved = true;
                prompter.not_saved(&e)?;
                continue;
            }
        }
        prompter.noted(note.as_deref())?;
        return Ok(());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_for_tests as bundled;

    /// Plays back a script of actions and records which questions it was shown.
    struct Script {
        actions: Vec<Action>,
        shown: Vec<usize>,
        notes: Vec<&'static str>,
        confirmed: Vec<usize>,
        problems: Vec<String>,
    }

    impl Script {
        fn new(actions: Vec<Action>, notes: Vec<&'static str>) -> Self {
            Self {
                actions,
                shown: Vec::new(),
                notes,
                confirmed: Vec::new(),
                problems: Vec::new(),
            }
        }
    }

    impl Prompter for Script {
        fn ask(&mut self, view: &QuestionView) -> Result<Action, PromptError> {
            self.shown.push(view.number);
            if self.actions.is_empty() {
                return Err(PromptError::Interrupted);
            }
            Ok(self.actions.remove(0))
        }

        fn note(
            &mut self,
            _: &QuestionView,
            _: Option<&str>,
        ) -> Result<Option<String>, PromptError> {
            let note = if self.notes.is_empty() {
                ""
            } else {
                self.notes.remove(0)
            };
            Ok((!note.is_empty()).then(|| note.to_owned()))
        }

        fn saved(&mut self, view: &QuestionView, _: Answer) -> Result<(), PromptError> {
            self.confirmed.push(view.number);
            Ok(())
        }

        fn noted(&mut self, _: Option<&str>) -> Result<(), PromptError> {
            Ok(())
        }

        fn not_saved(&mut self, why: &io::Error) -> Result<(), PromptError> {
            self.problems.push(why.to_string());
            Ok(())
        }
    }

    #[test]
    fn answers_every_question_in_order_and_saves_after_each() {
        let q = bundled();
        let mut r = Response::new(&q);
        let mut script = Script::new(vec![Action::Choose(3); 24], Vec::new());
        let mut saves = Vec::new();
        let end = run_survey(&q, &mut r, "en", false, &mut script, &mut |r| {
            saves.push(r.answered());
            Ok(())
        })
        .expect("survey runs");
        assert_eq!(end, SurveyEnd::Completed);
        assert_eq!(script.shown, (1..=24).collect::<Vec<_>>());
        assert_eq!(saves, (1..=24).chain([24]).collect::<Vec<_>>());
        assert!(r.completed);
        assert!(r.answers.iter().all(|a| *a == Some(Answer::Value(4.0))));
    }

    #[test]
    fn back_not_applicable_and_quit_then_resume() {
        let q = bundled();
        let mut r = Response::new(&q);
        let mut script = Script::new(
            vec![
                Action::Choose(0),
                Action::Back,
                Action::Choose(4),
                Action::NotApplicable,
                Action::Quit,
            ],
            Vec::new(),
        );
        let end = run_survey(&q, &mut r, "en", false, &mut script, &mut |_| Ok(())).expect("runs");
        assert_eq!(end, SurveyEnd::Quit { at: 2 });
        assert_eq!(script.shown, vec![1, 2, 1, 2, 3]);
        assert_eq!(r.answers[0], Some(Answer::Value(5.0)));
        assert_eq!(r.answers[1], Some(Answer::NotApplicable));
        assert!(!r.completed);

        let mut resumed = Script::new(vec![Action::Choose(2); 22], Vec::new());
        let end = run_survey(&q, &mut r, "en", false, &mut resumed, &mut |_| Ok(())).expect("runs");
        assert_eq!(end, SurveyEnd::Completed);
        assert_eq!(resumed.shown.first(), Some(&3));
        assert_eq!(r.answered(), 24);
    }

    #[test]
    fn an_interruption_keeps_what_was_saved() {
        let q = bundled();
        let mut r = Response::new(&q);
        let mut script = Script::new(vec![Action::Choose(1); 5], Vec::new());
        let mut last_saved = None;
        let err = run_survey(&q, &mut r, "en", false, &mut script, &mut |r| {
            last_saved = Some(r.clone());
            Ok(())
        })
        .expect_err("interrupted");
        assert!(matches!(err, SurveyError::Interrupted));
        assert_eq!(last_saved.map(|r| r.answered()), Some(5));
    }

    #[test]
    fn notes_are_asked_after_each_answer_and_kept() {
        let q = bundled();
        let mut r = Response::new(&q);
        let mut script = Script::new(
            vec![Action::Choose(3), Action::Choose(1), Action::Quit],
            vec!["Only in the CRM.", ""],
        );
        let mut saves = 0;
        let end = run_survey(&q, &mut r, "en", true, &mut script, &mut |_| {
            saves += 1;
            Ok(())
        })
        .expect("runs");
        assert_eq!(end, SurveyEnd::Quit { at: 2 });
        assert_eq!(r.notes[0].as_deref(), Some("Only in the CRM."));
        assert_eq!(r.notes[1], None);
        assert_eq!(saves, 3, "after each answer, and after the one note");
    }
}

#[cfg(test)]
mod failed_saves {
    use super::*;
    use crate::questionnaire::default_for_tests as bundled;

    /// Answers every question with the first option and its note with "seen", and records what
    /// the survey confirmed and reported.
    #[derive(Default)]
    struct Respondent {
        asked: Vec<usize>,
        notes_asked: Vec<Option<String>>,
        confirmed: Vec<usize>,
        problems: usize,
    }

    impl Prompter for Respondent {
        fn ask(&mut self, view: &QuestionView) -> Result<Action, PromptError> {
            self.asked.push(view.number);
            Ok(Action::Choose(0))
        }

        fn note(
            &mut self,
            _: &QuestionView,
            current: Option<&str>,
        ) -> Result<Option<String>, PromptError> {
            self.notes_asked.push(current.map(str::to_owned));
            Ok(Some("seen".to_owned()))
        }

        fn saved(&mut self, view: &QuestionView, _: Answer) -> Result<(), PromptError> {
            self.confirmed.push(view.number);
            Ok(())
        }

        fn noted(&mut self, _: Option<&str>) -> Result<(), PromptError> {
            Ok(())
        }

        fn not_saved(&mut self, _: &io::Error) -> Result<(), PromptError> {
            self.problems += 1;
            Ok(())
        }
    }

    /// A saver that fails at the calls numbered in `failing` (1-based), like a full disk.
    fn saver(failing: &'static [usize]) -> impl FnMut(&Response) -> io::Result<()> {
        let mut calls = 0;
        move |_| {
            calls += 1;
            if failing.contains(&calls) {
                Err(io::Error::other("no space left on device"))
            } else {
                Ok(())
            }
        }
    }

    #[test]
    fn a_failed_save_is_reported_and_the_same_question_asked_again_without_confirming_it() {
        let q = bundled();
        let mut r = Response::new(&q);
        let mut p = Respondent::default();
        // Call 2 saves the answer to question 2, call 25 the completed survey.
        let end = run_survey(&q, &mut r, "en", false, &mut p, &mut saver(&[2, 25]))
            .expect("the survey goes on after a failed save");
        assert_eq!(end, SurveyEnd::Completed);
        assert_eq!(p.problems, 2);
        assert_eq!(&p.asked[..4], &[1, 2, 2, 3], "question 2 is asked again");
        assert_eq!(
            p.asked.last(),
            Some(&24),
            "the last one too, after the final save failed"
        );
        assert_eq!(
            p.confirmed.iter().filter(|n| **n == 2).count(),
            1,
            "confirmed only once saved"
        );
        assert!(r.completed);
        assert_eq!(r.answered(), 24);
    }

    #[test]
    fn a_failed_save_of_a_note_asks_for_the_note_again_starting_from_it() {
        let q = bundled();
        let mut r = Response::new(&q);
        let mut p = Respondent::default();
        // Call 1 saves answer 1, call 2 its note (fails), call 3 the note again.
        let err = run_survey(&q, &mut r, "en", true, &mut p, &mut saver(&[2]));
        assert!(err.is_ok());
        assert_eq!(p.problems, 1);
        assert_eq!(&p.notes_asked[..3], &[None, Some("seen".to_owned()), None]);
        assert_eq!(r.notes[0].as_deref(), Some("seen"));
    }
}
