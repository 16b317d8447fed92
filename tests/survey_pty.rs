#![cfg(unix)]
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;

#[test]
fn explore() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_centricity"));
    cmd.current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .args(["run", "--output", "answers.toml"]);
    let mut s = spawn_command(cmd, Some(20_000)).unwrap();
    s.exp_string("Question 1 of 24").unwrap();
    s.send("\x1b[B\x1b[B\x1b[B\r").unwrap();
    s.flush().unwrap();
    s.exp_string("Question 2 of 24").unwrap();
    s.exp_string("Save and quit (resume later)").unwrap();
    s.send("\x03").unwrap();
    s.flush().unwrap();
    let rest = s.exp_eof().unwrap();
    eprintln!("REST: {rest:?}");
    let st = s.process().wait().unwrap();
    eprintln!("STATUS: {st:?}");
    eprintln!("{}", std::fs::read_to_string(dir.path().join("answers.toml")).unwrap());
    assert!(matches!(st, WaitStatus::Exited(_, 130)));
}
