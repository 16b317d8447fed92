//! What the pseudo-terminal tests share: the bundled questionnaire's layout and the keys.

#![allow(dead_code, unreachable_pub)]

pub(crate) const TIMEOUT_MS: u64 = 20_000;

pub(crate) const DOWN: &str = "\x1b[B";
pub(crate) const ENTER: &str = "\r";
pub(crate) const CTRL_C: &str = "\x03";

/// The bundled questionnaire's question ids, in the order it asks them.
pub(crate) const QUESTION_IDS: [&str; 24] = [
    "focused-knowledge",
    "focused-listening",
    "focused-relationship",
    "focused-innovation",
    "focused-leadership",
    "focused-empowerment",
    "driven-knowledge",
    "driven-listening",
    "driven-relationship",
    "driven-innovation",
    "driven-leadership",
    "driven-empowerment",
    "engaged-knowledge",
    "engaged-listening",
    "engaged-relationship",
    "engaged-innovation",
    "engaged-leadership",
    "engaged-empowerment",
    "inspired-knowledge",
    "inspired-listening",
    "inspired-relationship",
    "inspired-innovation",
    "inspired-leadership",
    "inspired-empowerment",
];

pub(crate) const STAGES: [&str; 4] = [
    "Customer-focused",
    "Customer-driven",
    "Customer-engaged",
    "Customer-inspired",
];

pub(crate) const DIMENSIONS: [&str; 6] = [
    "Customer knowledge & data",
    "Listening & feedback",
    "Relationship & emotional connection",
    "Innovation & anticipating needs",
    "Leadership & culture",
    "Employees & empowerment",
];
