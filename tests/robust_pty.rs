//! Nothing lost, nothing doubled: `centricity run` killed outright keeps every confirmed answer,
//! a second survey on the same answers refuses, and a place it cannot write to is reported before
//! the first question.

#![cfg(unix)]
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use toml::{Table, Value};

mod support;
use support::{DOWN, ENTER, Pty, QUESTION_IDS, answers, read_answer_file};

const MENU_END: &str = "Save and quit (resume later)";

fn answer(s: &mut Pty, n: usize, downs: usize) {
    s.expect(&format!("Question {n} of 24 - "));
    s.expect(MENU_END);
    s.keys(&(DOWN.repeat(downs) + ENTER));
}

fn answers_in(path: &Path) -> Table {
    answers(&read_answer_file(path)).clone()
}

#[test]
fn a_survey_killed_right_after_an_answer_keeps_every_confirmed_answer_and_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Pty::start(dir.path(), &["--output", "a.toml"]);
    for n in 1..=3 {
        answer(&mut s, n, 3);
    }
    // The fourth question being drawn means the third answer was confirmed and saved.
    s.expect("Question 4 of 24 - ");
    s.session
        .process_mut()
        .kill(rexpect::process::Signal::SIGKILL)
        .expect("kill -9");
    let _ = s.session.process().wait();

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
    let mut s = Pty::start(dir.path(), &["--resume", "a.toml"]);
    s.expect("Resuming: 3 of 24 already answered.");
    answer(&mut s, 4, 1);
    s.expect("Question 5 of 24 - ");
    s.expect(MENU_END);
    s.keys("q");
    let (out, code) = s.finish();
    assert_eq!(code, 0, "{out}");
    assert_eq!(answers_in(&dir.path().join("a.toml")).len(), 4);
}

#[test]
fn a_second_survey_on_the_same_answers_refuses_while_the_first_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut first = Pty::start(dir.path(), &["--output", "a.toml"]);
    answer(&mut first, 1, 3);
    first.expect("Question 2 of 24 - ");

    let second = Pty::start(dir.path(), &["--resume", "a.toml"]);
    let (out, code) = second.finish();
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("another `centricity run` is saving answers to a.toml"),
        "{out}"
    );

    first.expect(MENU_END);
    first.keys("q");
    let (_, code) = first.finish();
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
    let s = Pty::start(dir.path(), &["--output", "missing-folder/a.toml"]);
    let (out, code) = s.finish();
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("cannot save answers"), "{out}");
    assert!(out.contains("missing-folder/a.toml"), "{out}");
    assert!(
        !out.contains("Question 1 of 24"),
        "asked a question first: {out}"
    );
}

#[test]
fn a_survey_through_a_symbolic_link_shares_the_lock_of_the_file_it_names_and_saves_into_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut first = Pty::start(dir.path(), &["--output", "a.toml"]);
    answer(&mut first, 1, 3);
    first.expect("Question 2 of 24 - ");
    std::os::unix::fs::symlink("a.toml", dir.path().join("b.toml")).expect("symlink");

    let second = Pty::start(dir.path(), &["--resume", "b.toml"]);
    let (out, code) = second.finish();
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("another `centricity run` is saving answers to b.toml"),
        "{out}"
    );

    first.expect(MENU_END);
    first.keys("q");
    assert_eq!(first.finish().1, 0);

    // Alone, the survey through the link continues a.toml and leaves the link in place.
    let mut s = Pty::start(dir.path(), &["--resume", "b.toml"]);
    s.expect("Resuming: 1 of 24 already answered.");
    answer(&mut s, 2, 1);
    s.expect("Question 3 of 24 - ");
    s.expect(MENU_END);
    s.keys("q");
    assert_eq!(s.finish().1, 0);
    assert!(
        std::fs::symlink_metadata(dir.path().join("b.toml"))
            .expect("b.toml")
            .file_type()
            .is_symlink(),
        "the link is kept"
    );
    assert_eq!(answers_in(&dir.path().join("a.toml")).len(), 2);
}

#[test]
fn a_hard_linked_answer_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Pty::start(dir.path(), &["--output", "a.toml"]);
    answer(&mut s, 1, 3);
    s.expect("Question 2 of 24 - ");
    s.expect(MENU_END);
    s.keys("q");
    assert_eq!(s.finish().1, 0);
    std::fs::hard_link(dir.path().join("a.toml"), dir.path().join("c.toml")).expect("link");

    let (out, code) = Pty::start(dir.path(), &["--resume", "c.toml"]).finish();
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("c.toml has 2 hard links"), "{out}");
    assert!(!out.contains("Question 1 of 24"), "{out}");
}

#[test]
fn a_lock_file_that_is_a_fifo_is_refused_by_name_instead_of_hanging() {
    let dir = tempfile::tempdir().expect("temp dir");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join(".a.toml.lock"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let (out, code) = Pty::start(dir.path(), &["--output", "a.toml"]).finish();
    assert_eq!(code, 2, "{out}");
    assert!(out.contains(".a.toml.lock is not a regular file"), "{out}");
    assert!(!dir.path().join("a.toml").exists(), "nothing saved");
}

/// The confirmation dialoguer's theme draws for an answer.
const CONFIRMED_AGREE: &str = "Your answer \u{b7} Agree";

#[test]
fn an_answer_is_marked_only_once_saved_so_a_kill_right_after_the_mark_keeps_it() {
    // The mark is drawn after the save returns; a kill the moment it appears must find the
    // answer on disk, every time.
    for trial in 0..10 {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut s = Pty::start(dir.path(), &["--output", "a.toml"]);
        answer(&mut s, 1, 3);
        s.expect(CONFIRMED_AGREE);
        s.session
            .process_mut()
            .kill(rexpect::process::Signal::SIGKILL)
            .expect("kill -9");
        let _ = s.session.process().wait();
        let saved = answers_in(&dir.path().join("a.toml"));
        assert_eq!(
            saved.get(QUESTION_IDS[0]).and_then(Value::as_integer),
            Some(4),
            "trial {trial}: {saved:?}"
        );
    }
}

#[test]
fn a_failed_save_keeps_the_survey_open_and_the_answer_is_saved_when_retried() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("sub")).expect("folder");
    let mut s = Pty::start(dir.path(), &["--output", "sub/a.toml"]);
    answer(&mut s, 1, 3);
    s.expect(CONFIRMED_AGREE);
    // The answers' folder disappears under the survey (a removed drive, a folder moved away):
    // root ignores permissions, so this is how a test makes a save fail.
    std::fs::rename(dir.path().join("sub"), dir.path().join("gone")).expect("move away");
    answer(&mut s, 2, 1);
    let before = s.expect("! Not saved: ");
    assert!(
        !before.contains("Your answer \u{b7}"),
        "not marked: {before:?}"
    );
    s.expect("The answer is kept: fix the");
    // Asked again, the cursor on the answer given: Enter retries once the folder is back.
    s.expect("Question 2 of 24 - ");
    s.expect(MENU_END);
    std::fs::create_dir(dir.path().join("sub")).expect("folder back");
    s.keys(ENTER);
    s.expect("Your answer \u{b7} Disagree");
    s.expect("Question 3 of 24 - ");
    s.expect(MENU_END);
    s.keys("q");
    let (out, code) = s.finish();
    assert_eq!(code, 0, "{out}");
    let saved = answers_in(&dir.path().join("sub/a.toml"));
    assert_eq!(saved.len(), 2, "both answers, the first one too: {saved:?}");
    assert_eq!(
        saved.get(QUESTION_IDS[1]).and_then(Value::as_integer),
        Some(2)
    );
}

#[test]
fn a_survey_starting_on_a_file_removes_the_temporaries_killed_saves_of_it_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    let names = [".a.toml.Qz81Kd", ".a.toml.keep", ".b.toml.Qz81Kd"];
    for n in names {
        std::fs::write(dir.path().join(n), "questionnaire = ").expect("write");
    }
    let mut s = Pty::start(dir.path(), &["--output", "a.toml"]);
    answer(&mut s, 1, 3);
    s.expect(CONFIRMED_AGREE);
    s.expect(MENU_END);
    assert!(
        !dir.path().join(names[0]).exists(),
        "stale temporary of a.toml removed"
    );
    s.keys("q");
    assert_eq!(s.finish().1, 0);

    std::fs::write(dir.path().join(".a.toml.W0rk3d"), "questionnaire = ").expect("write");
    let mut s = Pty::start(dir.path(), &["--resume", "a.toml"]);
    s.expect("Question 2 of 24 - ");
    s.expect(MENU_END);
    assert!(
        !dir.path().join(".a.toml.W0rk3d").exists(),
        "removed on resume"
    );
    s.keys("q");
    assert_eq!(s.finish().1, 0);
    for n in &names[1..] {
        assert!(
            dir.path().join(n).exists(),
            "{n} is not a temporary of a.toml"
        );
    }
}

/// `centricity run ARGS` under a shell on a pseudo-terminal, the shell printing the exit code
/// and the terminal's settings once it ends: what a user's shell finds after the survey.
fn under_a_shell(dir: &Path, args: &str) -> Pty {
    // Found on the PATH, as an installed `centricity` is, and outside cargo's environment, so
    // that the resume hint says `centricity run`.
    let bin = Path::new(env!("CARGO_BIN_EXE_centricity"))
        .parent()
        .expect("the binary's folder");
    let path = std::env::join_paths(std::iter::once(bin.to_owned()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        // The screens quoted are version 1.0.0's (see `support::command`).
        .arg(format!(
            "centricity run customer-centricity@1.0.0 {args}; echo \"exit $?\"; stty -a"
        ))
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CARGO")
        .env_remove("CARGO_PKG_NAME");
    let session = rexpect::session::spawn_command(cmd, Some(support::TIMEOUT_MS))
        .expect("start a shell on a pty");
    Pty { session }
}

/// The process id of the `centricity` working in `dir`.
fn centricity_in(dir: &Path) -> String {
    let dir = std::fs::canonicalize(dir).expect("dir");
    std::fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(Result::ok)
        .find(|p| {
            let comm = std::fs::read_to_string(p.path().join("comm")).unwrap_or_default();
            comm.trim() == "centricity"
                && std::fs::read_link(p.path().join("cwd")).ok().as_deref() == Some(&dir)
        })
        .map(|p| p.file_name().to_string_lossy().into_owned())
        .expect("centricity runs")
}

#[test]
fn sigterm_and_sighup_at_a_prompt_end_the_survey_like_ctrl_c_and_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut s = under_a_shell(dir.path(), "--output a.toml");
        for n in 1..=2 {
            answer(&mut s, n, 3);
        }
        s.expect("Question 3 of 24 - ");
        s.expect(MENU_END);
        // The menu waits for a key with the terminal in raw mode: the state a signal must undo.
        // A moment lets it get there after drawing.
        std::thread::sleep(std::time::Duration::from_millis(200));
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &centricity_in(dir.path())])
            .status()
            .expect("kill");
        assert!(killed.success());
        let report = s.expect("exit 130");
        assert!(
            report.contains("Interrupted. Every confirmed answer is saved in a.toml (2 of 24)."),
            "SIG{signal}: {report:?}"
        );
        assert!(
            report.contains("resume with: centricity run --resume a.toml"),
            "SIG{signal}: {report:?}"
        );
        assert!(
            report.contains("\x1b[?25h"),
            "SIG{signal}: cursor shown: {report:?}"
        );
        let (settings, _) = s.finish();
        for mode in ["icanon", "isig", "icrnl", "opost"] {
            assert!(
                settings.split_whitespace().any(|w| w == mode),
                "SIG{signal}: {mode} restored: {settings:?}"
            );
        }
        assert_eq!(
            answers_in(&dir.path().join("a.toml")).len(),
            2,
            "SIG{signal}"
        );
    }
}

#[test]
fn a_survey_never_saves_over_a_device_even_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = Pty::start(dir.path(), &["--output", "/dev/null", "--force"]);
    let (out, code) = s.finish();
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("/dev/null is a device, not a regular file"),
        "{out}"
    );
}
