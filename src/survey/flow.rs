//! The interactive survey as a state machine over a [`Prompter`]: question order, going back,
//! not-applicable answers, quitting, resuming, the review of the answers at the end, and saving
//! after every answer.

use std::io;

use super::prompt::{Action, PromptError, Prompter, QuestionView, ReviewAction, ReviewLine};
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
        help: help_with_criteria(q, question, lang),
        options,
        not_applicable: scale.not_applicable.as_ref().map(tr),
        dont_know: scale.dont_know.as_ref().map(tr),
        current: response.answers.get(i).copied().flatten(),
        can_go_back: i > 0,
        reviewing: false,
    }
}

/// The question's help followed by the criterion of each scale option, when the scale gives
/// them: a respondent who asks for help sees what each answer means.
fn help_with_criteria(
    q: &Questionnaire,
    question: &crate::questionnaire::Question,
    lang: &str,
) -> Option<String> {
    let scale = q.scale_of(question);
    let mut parts: Vec<String> = question
        .help
        .iter()
        .map(|h| q.tr(h, lang).to_owned())
        .collect();
    for o in &scale.options {
        if let Some(help) = &o.help {
            parts.push(format!(
                "{}{}",
                crate::i18n::fill(lang, "{name}: ", &[("name", q.tr(&o.label, lang))]),
                q.tr(help, lang)
            ));
        }
    }
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// Where a survey is.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Asking question `i`; `reviewing` when it was picked in the review, where it returns.
    Ask { i: usize, reviewing: bool },
    /// Every question asked: the survey is marked completed and saved.
    Complete,
    /// The review of the answers, its choice starting on question `at`.
    Review { at: Option<usize> },
}

/// Runs the survey from the first unanswered question, calling `save` after every answer (and
/// every note, with `notes`) so that nothing confirmed is ever lost. Once the last question is
/// answered, the respondent reviews the answers and may change any before finishing.
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
    let start = first_unanswered(response).map_or(Step::Complete, |i| Step::Ask {
        i,
        reviewing: false,
    });
    drive(q, response, lang, notes, prompter, save, start)
}

/// Opens the review of the answers in `response`, finished or not: the respondent changes any
/// answer (each saved at once, as in [`run_survey`]), then finishes, which goes on with the
/// questions still unanswered.
pub fn run_review(
    q: &Questionnaire,
    response: &mut Response,
    lang: &str,
    notes: bool,
    prompter: &mut dyn Prompter,
    save: &mut dyn FnMut(&Response) -> io::Result<()>,
) -> Result<SurveyEnd, SurveyError> {
    drive(
        q,
        response,
        lang,
        notes,
        prompter,
        save,
        Step::Review { at: None },
    )
}

/// Every question of `q` with its answer in `response`, for the review.
fn review_lines(q: &Questionnaire, response: &Response, lang: &str) -> Vec<ReviewLine> {
    (0..q.questions.len())
        .map(|i| {
            let v = view(q, response, i, lang);
            let label = match v.current {
                Some(Answer::Value(value)) => v
                    .options
                    .iter()
                    .find(|(x, _)| *x == value)
                    .map(|(_, label)| label.clone()),
                Some(Answer::NotApplicable) => v.not_applicable.clone(),
                Some(Answer::DontKnow) => v.dont_know.clone(),
                None => None,
            };
            ReviewLine {
                number: v.number,
                text: v.text,
                answer: v.current,
                label,
            }
        })
        .collect()
}

/// How a survey that stops now ends: completed when every answer is in and saved as such.
fn stop(response: &Response, at: usize) -> SurveyEnd {
    if response.completed {
        SurveyEnd::Completed
    } else {
        SurveyEnd::Quit { at }
    }
}

/// Runs the survey from `step` until the respondent finishes or quits.
fn drive(
    q: &Questionnaire,
    response: &mut Response,
    lang: &str,
    notes: bool,
    prompter: &mut dyn Prompter,
    save: &mut dyn FnMut(&Response) -> io::Result<()>,
    mut step: Step,
) -> Result<SurveyEnd, SurveyError> {
    let total = q.questions.len();
    // The review is offered once a question was answered in this session: a file finished
    // before it is only scored, unless the review was asked for.
    let mut answered_now = false;
    loop {
        step = match step {
            Step::Complete => {
                let was = response.completed;
                response.completed = true;
                match save(response) {
                    Ok(()) if answered_now => Step::Review { at: None },
                    Ok(()) => return Ok(SurveyEnd::Completed),
                    Err(e) if total == 0 => return Err(SurveyError::Save(e)),
                    Err(e) => {
                        response.completed = was;
                        prompter.not_saved(&e)?;
                        Step::Ask {
                            i: total - 1,
                            reviewing: false,
                        }
                    }
                }
            }
            Step::Review { at } => {
                let lines = review_lines(q, response, lang);
                match prompter.review(&lines, at)? {
                    ReviewAction::Change(i) if i < total => Step::Ask { i, reviewing: true },
                    ReviewAction::Change(_) => Step::Review { at },
                    ReviewAction::Finish => match first_unanswered(response) {
                        Some(i) => Step::Ask {
                            i,
                            reviewing: false,
                        },
                        None if response.completed => return Ok(SurveyEnd::Completed),
                        // Every question answered, the file not yet marked so (it was
                        // interrupted right after the last answer): marked now.
                        None => {
                            response.completed = true;
                            match save(response) {
                                Ok(()) => return Ok(SurveyEnd::Completed),
                                Err(e) => {
                                    response.completed = false;
                                    prompter.not_saved(&e)?;
                                    Step::Review { at }
                                }
                            }
                        }
                    },
                    ReviewAction::Quit => {
                        return Ok(stop(response, first_unanswered(response).unwrap_or(0)));
                    }
                }
            }
            Step::Ask { i, reviewing } => {
                let mut v = view(q, response, i, lang);
                v.reviewing = reviewing;
                v.can_go_back |= reviewing;
                let answer = match prompter.ask(&v)? {
                    Action::Choose(n) => match v.options.get(n) {
                        Some((value, _)) => Answer::Value(*value),
                        None => continue,
                    },
                    Action::NotApplicable if v.not_applicable.is_some() => Answer::NotApplicable,
                    Action::NotApplicable => continue,
                    Action::DontKnow if v.dont_know.is_some() => Answer::DontKnow,
                    Action::DontKnow => continue,
                    Action::Back if reviewing => {
                        step = Step::Review { at: Some(i) };
                        continue;
                    }
                    Action::Back => {
                        step = Step::Ask {
                            i: i.saturating_sub(1),
                            reviewing,
                        };
                        continue;
                    }
                    Action::Quit => return Ok(stop(response, i)),
                };
                response.answers[i] = Some(answer);
                if let Err(e) = save(response) {
                    prompter.not_saved(&e)?;
                    continue;
                }
                answered_now = true;
                prompter.saved(&v, answer)?;
                if notes {
                    ask_note(response, i, &v, prompter, save)?;
                }
                if reviewing {
                    Step::Review { at: Some(i) }
                } else if i + 1 >= total {
                    Step::Complete
                } else {
                    Step::Ask {
                        i: i + 1,
                        reviewing,
                    }
                }
            }
        };
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

    /// Plays back a script of actions (and of choices in the review, finishing when it runs
    /// out) and records which questions it was shown.
    struct Script {
        actions: Vec<Action>,
        shown: Vec<usize>,
        notes: Vec<&'static str>,
        confirmed: Vec<usize>,
        problems: Vec<String>,
        reviews: Vec<ReviewAction>,
        /// Where each review started its choice, and the answers it listed.
        reviewed: Vec<(Option<usize>, Vec<Option<Answer>>)>,
        /// The questions shown from the review.
        shown_reviewing: Vec<usize>,
    }

    impl Script {
        fn new(actions: Vec<Action>, notes: Vec<&'static str>) -> Self {
            Self {
                actions,
                shown: Vec::new(),
                notes,
                confirmed: Vec::new(),
                problems: Vec::new(),
                reviews: Vec::new(),
                reviewed: Vec::new(),
                shown_reviewing: Vec::new(),
            }
        }

        fn reviewing(mut self, reviews: Vec<ReviewAction>) -> Self {
            self.reviews = reviews;
            self
        }
    }

    impl Prompter for Script {
        fn ask(&mut self, view: &QuestionView) -> Result<Action, PromptError> {
            self.shown.push(view.number);
            if view.reviewing {
                self.shown_reviewing.push(view.number);
            }
            if self.actions.is_empty() {
                return Err(PromptError::Interrupted);
            }
            Ok(self.actions.remove(0))
        }

        fn review(
            &mut self,
            lines: &[ReviewLine],
            at: Option<usize>,
        ) -> Result<ReviewAction, PromptError> {
            self.reviewed
                .push((at, lines.iter().map(|l| l.answer).collect()));
            if self.reviews.is_empty() {
                return Ok(ReviewAction::Finish);
            }
            Ok(self.reviews.remove(0))
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
        assert_eq!(
            script.reviewed.len(),
            1,
            "the review is offered once, at the end"
        );
        assert_eq!(script.reviewed[0].0, None);
        assert!(
            script.reviewed[0]
                .1
                .iter()
                .all(|a| *a == Some(Answer::Value(4.0))),
            "it lists every answer"
        );
    }

    #[test]
    fn the_review_changes_any_answer_saving_it_at_once_and_returns_to_the_list() {
        let q = bundled();
        let mut r = Response::new(&q);
        let mut actions = vec![Action::Choose(3); 24];
        // From the review: question 7 becomes Strongly disagree, then question 2 is opened
        // and left with Back, unchanged.
        actions.extend([Action::Choose(0), Action::Back]);
        let mut script = Script::new(actions, Vec::new()).reviewing(vec![
            ReviewAction::Change(6),
            ReviewAction::Change(1),
            ReviewAction::Finish,
        ]);
        let mut saved = Vec::new();
        let end = run_survey(&q, &mut r, "en", false, &mut script, &mut |r| {
            saved.push((r.answers[6], r.completed));
            Ok(())
        })
        .expect("runs");
        assert_eq!(end, SurveyEnd::Completed);
        assert_eq!(script.shown_reviewing, vec![7, 2]);
        let starts: Vec<Option<usize>> = script.reviewed.iter().map(|(at, _)| *at).collect();
        assert_eq!(
            starts,
            vec![None, Some(6), Some(1)],
            "back on the question changed"
        );
        assert_eq!(
            script.reviewed[1].1[6],
            Some(Answer::Value(1.0)),
            "listed as changed"
        );
        assert_eq!(
            saved.last(),
            Some(&(Some(Answer::Value(1.0)), true)),
            "the change is saved at once, the survey still completed"
        );
        assert_eq!(
            saved.len(),
            24 + 1 + 1,
            "every answer, the completion, the change"
        );
        assert_eq!(r.answers[6], Some(Answer::Value(1.0)));
        assert_eq!(
            r.answers[1],
            Some(Answer::Value(4.0)),
            "back changes nothing"
        );
        assert_eq!(script.confirmed.iter().filter(|n| **n == 7).count(), 2);
    }

    #[test]
    fn quitting_at_a_question_opened_from_the_review_of_a_finished_survey_finishes_it() {
        let q = bundled();
        let mut r = Response::new(&q);
        let mut actions = vec![Action::Choose(1); 24];
        actions.push(Action::Quit);
        let mut script = Script::new(actions, Vec::new()).reviewing(vec![ReviewAction::Change(3)]);
        let end = run_survey(&q, &mut r, "en", false, &mut script, &mut |_| Ok(())).expect("runs");
        assert_eq!(end, SurveyEnd::Completed);
        assert!(r.completed);
    }

    #[test]
    fn a_survey_finished_before_is_not_asked_or_reviewed_again_unless_the_review_is_asked_for() {
        let q = bundled();
        let mut r = Response::new(&q);
        r.answers.fill(Some(Answer::Value(3.0)));
        r.completed = true;
        let mut script = Script::new(Vec::new(), Vec::new());
        let end = run_survey(&q, &mut r, "en", false, &mut script, &mut |_| Ok(())).expect("runs");
        assert_eq!(end, SurveyEnd::Completed);
        assert!(script.shown.is_empty() && script.reviewed.is_empty());

        let mut script = Script::new(vec![Action::NotApplicable], Vec::new())
            .reviewing(vec![ReviewAction::Change(23), ReviewAction::Quit]);
        let mut saves = 0;
        let end = run_review(&q, &mut r, "en", false, &mut script, &mut |_| {
            saves += 1;
            Ok(())
        })
        .expect("runs");
        assert_eq!(
            end,
            SurveyEnd::Completed,
            "q in the review of a finished survey"
        );
        assert_eq!(script.shown, vec![24]);
        assert_eq!(saves, 1);
        assert_eq!(r.answers[23], Some(Answer::NotApplicable));
    }

    #[test]
    fn the_review_of_an_unfinished_survey_goes_on_with_the_unanswered_questions_or_quits() {
        let q = bundled();
        let mut r = Response::new(&q);
        r.answers[..20].fill(Some(Answer::Value(2.0)));

        let mut script = Script::new(Vec::new(), Vec::new()).reviewing(vec![ReviewAction::Quit]);
        let end = run_review(&q, &mut r, "en", false, &mut script, &mut |_| Ok(())).expect("runs");
        assert_eq!(end, SurveyEnd::Quit { at: 20 });
        assert_eq!(
            script.reviewed[0].1[20], None,
            "unanswered questions are listed"
        );

        let mut script = Script::new(vec![Action::Choose(4); 4], Vec::new())
            .reviewing(vec![ReviewAction::Finish, ReviewAction::Finish]);
        let end = run_review(&q, &mut r, "en", false, &mut script, &mut |_| Ok(())).expect("runs");
        assert_eq!(end, SurveyEnd::Completed);
        assert_eq!(script.shown, vec![21, 22, 23, 24]);
        assert_eq!(
            script.reviewed.len(),
            2,
            "reviewed again once every answer is in"
        );
        assert!(r.completed);
        assert_eq!(r.answered(), 24);
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

        fn review(
            &mut self,
            _: &[ReviewLine],
            _: Option<usize>,
        ) -> Result<ReviewAction, PromptError> {
            Ok(ReviewAction::Finish)
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
