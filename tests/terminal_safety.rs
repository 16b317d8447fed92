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

/// Control characters other than line breaks and tabs, and bidi overrides and isolates.
fn forbidden(c: char) -> bool {
    let layout = matches!(c, '\n' | '\r' | '\t');
    (c.is_control() && !layout) || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Everything `args` prints to a pseudo-terminal, as the terminal receives it.
fn on_a_terminal(dir: &std::path::Path, args: &[&str]) -> String {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    let mut session = rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn");
    // rexpect gives each byte as the char of the same value; the bytes are UTF-8.
    let bytes: Vec<u8> = session
        .exp_eof()
        .expect("the command ends")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a byte"))
        .collect();
    String::from_utf8(bytes).expect("the terminal gets UTF-8")
}

#[test]
fn csv_json_and_file_names_reach_a_terminal_without_escapes_or_reordering_characters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/answers/telecom-driven.toml"),
    )
    .expect("read");
    let hostile = answers.replace(
        "respondent = \"VoC lead\"",
        "respondent = \"Eve\\u001b]2;PWNED\\u0007\\u001b[2J\\u009b31m\\u0085 admin\\u202etxt.exe\"",
    );
    std::fs::write(dir.path().join("a.toml"), hostile).expect("write");
    let name = "b\u{1b}[31m\u{202e}.toml";
    std::fs::write(dir.path().join(name), &answers).expect("write");
    for args in [
        &["score", "a.toml", "--format", "csv"][..],
        &["score", "a.toml", "--format", "json"],
        &["score", "a.toml", name, "--format", "json"],
        &["score", "a.toml", "--format", "markdown"],
        &["score", "a.toml"],
        &["validate", "."],
    ] {
        let seen = on_a_terminal(dir.path(), args);
        for c in seen.chars() {
            assert!(
                !forbidden(c),
                "{args:?}: U+{:04X} reached the terminal:\n{seen}",
                u32::from(c)
            );
        }
    }
    // What was removed is shown, so the reader can tell the name is not what it looks like.
    let seen = on_a_terminal(dir.path(), &["score", "a.toml", "--format", "csv"]);
    assert!(seen.contains("admin\\u{202e}txt.exe"), "{seen}");
    let seen = on_a_terminal(dir.path(), &["validate", "."]);
    assert!(seen.contains("\\u{202e}.toml: ok"), "{seen}");
}
