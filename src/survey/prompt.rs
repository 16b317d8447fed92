//! The seam between the survey's logic and a terminal: the survey asks a [`Prompter`] one
//! question at a time, so tests can answer without a terminal.

use std::io;

use crate::answers::Answer;

/// Everything a prompter needs to show one question.
#[derive(Debug, Clone)]
pub struct QuestionView {
    /// 1-based position, for "question 7 of 24".
    pub number: usize,
    pub total: usize,
    pub stage: Option<String>,
    pub dimension: Option<String>,
    pub text: String,
    pub help: Option<String>,
    /// The scale's options as (value, label), lowest value first.
    pub options: Vec<(f64, String)>,
    /// The scale's not-applicable label, when it offers one.
    pub not_applicable: Option<String>,
    /// The scale's "don't know" label, when it offers one apart from not applicable.
    pub dont_know: Option<String>,
    /// The answer already given, when coming back to a question or resuming.
    pub current: Option<Answer>,
    pub can_go_back: bool,
    /// Asked from the review of the answers: going back returns to the review.
    pub reviewing: bool,
}

/// What the respondent did at a question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// Chose option `n` of `QuestionView::options`.
    Choose(usize),
    NotApplicable,
    DontKnow,
    Back,
    /// Stop now; answers so far are kept.
    Quit,
}

/// One question in the review of the answers.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLine {
    /// 1-based position, as in "question 7 of 24".
    pub number: usize,
    pub text: String,
    /// The answer given; `None` while the question is unanswered.
    pub answer: Option<Answer>,
    /// The answer's label on the scale (the option's, the not-applicable or the don't-know
    /// label).
    pub label: Option<String>,
}

/// What the respondent did in the review of the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    /// Asks question `n` (0-based) again, to change its answer.
    Change(usize),
    /// Done reviewing: the survey finishes, or goes on with the questions still unanswered.
    Finish,
    /// Stop now; answers so far are kept.
    Quit,
}

#[derive(Debug, thiserror::Error)]
pub enum PromptError {
    /// The respondent pressed Ctrl-C.
    #[error("interrupted")]
    Interrupted,
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Asks one question and returns what the respondent did.
pub trait Prompter {
    fn ask(&mut self, view: &QuestionView) -> Result<Action, PromptError>;

    /// Asks for an optional note (evidence, an example) on the answer just given, starting from
    /// `current`; `None` when left empty.
    fn note(
        &mut self,
        view: &QuestionView,
        current: Option<&str>,
    ) -> Result<Option<String>, PromptError>;

    /// Confirms the answer just given to `view`. Called only once it is saved, so that a
    /// confirmation on the screen always means the answer is on disk.
    fn saved(&mut self, view: &QuestionView, answer: Answer) -> Result<(), PromptError>;

    /// Confirms the note just given, once it is saved.
    fn noted(&mut self, note: Option<&str>) -> Result<(), PromptError>;

    /// Shows every question with its answer and asks which one to change, or whether to finish;
    /// `at` is the question (0-based) to start the choice on, the one just changed.
    fn review(
        &mut self,
        lines: &[ReviewLine],
        at: Option<usize>,
    ) -> Result<ReviewAction, PromptError>;

    /// Says why the answer (or note) just given could not be saved; it is asked again, with
    /// what was given as the starting point, so the respondent can retry it.
    fn not_saved(&mut self, why: &io::Error) -> Result<(), PromptError>;
}
