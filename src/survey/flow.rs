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
    while i < total {
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
        save(response).map_err(SurveyError::Save)?;
        if notes {
            let note = prompter.note(&v, response.notes[i].as_deref())?;
            if note != response.notes[i] {
                response.notes[i] = note;
                save(response).map_err(SurveyError::Save)?;
            }
        }
        i += 1;
    }
    response.completed = true;
    save(response).map_err(SurveyError::Save)?;
    Ok(SurveyEnd::Completed)
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
    }

    #[test]
    fn answers_every_question_in_order_and_saves_after_each() {
        let q = bundled();
        let mut r = Response::new(&q);
        let mut script = Script {
            actions: vec![Action::Choose(3); 24],
            shown: Vec::new(),
            notes: Vec::new(),
        };
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
        let mut script = Script {
            actions: vec![
                Action::Choose(0),
                Action::Back,
                Action::Choose(4),
                Action::NotApplicable,
                Action::Quit,
            ],
            shown: Vec::new(),
            notes: Vec::new(),
        };
        let end = run_survey(&q, &mut r, "en", false, &mut script, &mut |_| Ok(())).expect("runs");
        assert_eq!(end, SurveyEnd::Quit { at: 2 });
        assert_eq!(script.shown, vec![1, 2, 1, 2, 3]);
        assert_eq!(r.answers[0], Some(Answer::Value(5.0)));
        assert_eq!(r.answers[1], Some(Answer::NotApplicable));
        assert!(!r.completed);

        let mut resumed = Script {
            actions: vec![Action::Choose(2); 22],
            shown: Vec::new(),
            notes: Vec::new(),
        };
        let end = run_survey(&q, &mut r, "en", false, &mut resumed, &mut |_| Ok(())).expect("runs");
        assert_eq!(end, SurveyEnd::Completed);
        assert_eq!(resumed.shown.first(), Some(&3));
        assert_eq!(r.answered(), 24);
    }

    #[test]
    fn an_interruption_keeps_what_was_saved() {
        let q = bundled();
        let mut r = Response::new(&q);
        let mut script = Script {
            actions: vec![Action::Choose(1); 5],
            shown: Vec::new(),
            notes: Vec::new(),
        };
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
        let mut script = Script {
            actions: vec![Action::Choose(3), Action::Choose(1), Action::Quit],
            shown: Vec::new(),
            notes: vec!["Only in the CRM.", ""],
        };
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
