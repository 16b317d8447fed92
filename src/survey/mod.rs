//! The interactive survey: its flow over a [`Prompter`], and the terminal prompter.

mod flow;
mod menu;
mod prompt;
mod room;
mod terminal;

pub use flow::{SurveyEnd, SurveyError, first_unanswered, run_review, run_survey, view};
pub use prompt::{Action, PromptError, Prompter, QuestionView, ReviewAction, ReviewLine};
pub use room::{
    LineError, NoteLine, RoomLine, RoomPrompter, RoomView, Spread, first_open_question,
    parse_note_line, parse_room_line, run_room, spread,
};
pub use terminal::TerminalPrompter;
