//! Nothing lost, nothing doubled: `centricity run` killed outright keeps every confirmed answer,
//! a second survey on the same answers refuses, and a place it cannot write to is reported before
//! the first question.

#![cfg(unix)]
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};
use toml::{Table, Value};

mod support;
use support::{DOWN, ENTER, QUESTION_IDS, TIMEOUT_MS};

const MENU_END: &str = "Save and quit (resume later)";

fn start(dir: &Path, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_centricity"));
    cmd.arg("run")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    spawn_command(cmd, Some(TIMEOUT_MS)).expect("start centricity on a pty")
}

fn expect(s: &mut PtySession, text: &str) -> String {
    s.exp_string(text)
        .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"))
}

fn answer(s: &mut PtySession, n: usize, downs: usize) {
    expect(s, &format!("Question {n} of 24 - "));
    expect(s, MENU_END);
    s.send(&(DOWN.repeat(downs) + ENTER)).expect("send keys");
    s.flush().expect("send keys");
}

fn exit_code(mut s: PtySession) -> (String, i32) {
    let rest = s
        .exp_eof()
        .unwrap_or_else(|e| panic!("waiting for the end: {e}"));
    match s.process().wait().expect("wait") {
        WaitStatus::Exited(_, code) => (rest, code),
        other => panic!("did not exit normally: {other:?}; output: {rest:?}"),
    }
}

fn answers_in(path: &Path) -> Table {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file: Table = text
        .parse()
        .unwrap_or_else(|e| panic!("not TOML: {e}\n{text}"));
    file.get("answers")
        .and_then(Value::as_table)
        .cloned()
        .expect("[answers]")
}

#[test]
fn a_survey_killed_right_after_an_answer_keeps_every_confirmed_answer_and_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = start(dir.path(), &["--output", "a.toml"]);
    for n in 1..=3 {
        answer(&mut s, n, 3);
    }
    // The fourth question being drawn means the third answer was confirmed and saved.
    expect(&mut s, "Question 4 of 24 - ");
    s.process_mut()
        .kill(rexpect::process::Signal::SIGKILL)
        .expect("kill -9");
    let _ = s.process().wait();

    let saved = answers_in(&dir.path().join("a.toml"));
    assert_eq!(saved.len(), 3, "{saved:?}");
    for id in &QUESTION_IDS[..3] {
        assert_eq!(saved.get(*id).and_then(Value::as_integer), Some(4), "{id}");
    }
    // No half-written temporary file is left beside the answers.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with(".a.toml.lock"))
        .collect();
    assert_eq!(names, ["a.toml"], "{names:?}");

    // The lock died with the process: resuming works and starts at question 4.
    let mut s = start(dir.path(), &["--resume", "a.toml"]);
    expect(&mut s, "Resuming: 3 of 24 already answered.");
    answer(&mut s, 4, 1);
    expect(&mut s, "Question 5 of 24 - ");
    expect(&mut s, MENU_END);
    s.send("q").expect("quit");
    s.flush().expect("quit");
    let (out, code) = exit_code(s);
    assert_eq!(code, 0, "{out}");
    assert_eq!(answers_in(&dir.path().join("a.toml")).len(), 4);
}

#[test]
fn a_second_survey_on_the_same_answers_refuses_while_the_first_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut first = start(dir.path(), &["--output", "a.toml"]);
    answer(&mut first, 1, 3);
    expect(&mut first, "Question 2 of 24 - ");

    let second = start(dir.path(), &["--resume", "a.toml"]);
    let (out, code) = exit_code(second);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("another `centricity run` is saving answers to a.toml"),
        "{out}"
    );

    expect(&mut first, MENU_END);
    first.send("q").expect("quit");
    first.flush().expect("quit");
    let (_, code) = exit_code(first);
    assert_eq!(code, 0);
    assert_eq!(
        answers_in(&dir.path().join("a.toml")).len(),
        1,
        "the refused survey wrote nothing"
    );
}

#[test]
fn a_place_that_cannot_be_written_is_reported_before_the_first_question() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = start(dir.path(), &["--output", "missing-folder/a.toml"]);
    let (out, code) = exit_code(s);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("cannot save answers"), "{out}");
    assert!(out.contains("missing-folder/a.toml"), "{out}");
    assert!(
        !out.contains("Question 1 of 24"),
        "asked a question first: {out}"
    );
}
