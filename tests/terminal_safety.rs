//! Text from questionnaires and answer files reaches the terminal without control characters or
//! escape sequences, whatever the files hold.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;

fn run(args: &[&str]) -> (String, String) {
    let out = Command::cargo_bin("centricity")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_inert(text: &str) {
    for (i, c) in text.chars().enumerate() {
        assert!(
            !c.is_control() || c == '\n',
            "control character U+{:04X} at {i} in:\n{text}",
            u32::from(c)
        );
    }
}

#[test]
fn show_prints_questionnaire_texts_without_escape_sequences() {
    let (out, err) = run(&["show", "tests/fixtures/escapes.toml"]);
    assert_inert(&out);
    assert_inert(&err);
    assert!(out.contains("Do you erase lines?"), "{out}");
    assert!(out.contains("Stage one"), "{out}");
}

#[test]
fn score_tables_print_questionnaire_and_answer_texts_without_escape_sequences() {
    let (out, err) = run(&[
        "score",
        "-q",
        "tests/fixtures/escapes.toml",
        "tests/fixtures/escapes-answers.toml",
    ]);
    assert_inert(&out);
    assert_inert(&err);
    assert!(out.contains("Eve"), "{out}");
    assert!(out.contains("Fix blinking things"), "{out}");
}

#[test]
fn summarize_prints_texts_without_escape_sequences() {
    let (out, err) = run(&[
        "summarize",
        "-q",
        "tests/fixtures/escapes.toml",
        "tests/fixtures/escapes-answers.toml",
    ]);
    assert_inert(&out);
    assert_inert(&err);
}

#[test]
fn error_messages_quote_bad_input_without_escape_sequences() {
    let (out, err) = run(&["validate", "tests/fixtures/escapes-in-errors.toml"]);
    assert_inert(&out);
    assert_inert(&err);
    // Control characters are shown as escapes, so the reader sees why the id is wrong.
    assert!(
        err.contains("unknown key `bad\\u{1b}]0;pwned\\u{7}key`"),
        "{err}"
    );
    assert!(
        err.contains("question id `q\\u{1b}[31m1` must match"),
        "{err}"
    );
}
