//! The subcommands, one module each, named as they are typed (`centricity score` is
//! [`score`]). Each has one entry, `run`, called by the dispatch in [`crate::app`]. A command
//! never imports another: what several of them need (the questionnaire cache, groups, the
//! language rule, inputs, output) lives beside this module in `app/`.

pub(super) mod compare;
pub(super) mod completions;
pub(super) mod export;
pub(super) mod gap;
pub(super) mod man;
pub(super) mod map;
pub(super) mod new;
pub(super) mod plan;
pub(super) mod questionnaires;
pub(super) mod room;
pub(super) mod run;
pub(super) mod schema;
pub(super) mod score;
pub(super) mod show;
pub(super) mod summarize;
pub(super) mod trend;
pub(super) mod validate;
