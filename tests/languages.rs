//! The language texts are shown in: `--lang`, else the answer file's, else the locale when the
//! questionnaire has it, else its first language; a missing text falls back to the first
//! language field by field.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;

fn run(env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = Command::cargo_bin("centricity").expect("binary");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().expect("runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const TELECOM: &str = "examples/answers/telecom-driven.toml";

#[test]
fn lang_flag_picks_the_language() {
    assert!(run(&[], &["score", TELECOM, "--lang", "nl"]).contains("Positie: Klantgedreven"));
    assert!(run(&[], &["score", TELECOM, "--lang", "zh"]).contains("定位：客户驱动"));
}

#[test]
fn the_answer_files_language_comes_next_and_the_flag_overrides_it() {
    let italian = "tests/fixtures/answers-in-italian.toml";
    assert!(
        run(&[], &["score", italian]).contains("Centrata sull'azienda"),
        "{}",
        run(&[], &["score", italian])
    );
    assert!(run(&[], &["score", italian, "--lang", "en"]).contains("Company-centric"));
}

#[test]
fn the_locale_comes_next_when_the_questionnaire_has_it() {
    assert!(
        run(&[("LANG", "fr_BE.UTF-8")], &["score", TELECOM])
            .contains("Positionnement : À l’écoute du client")
    );
    assert!(
        run(
            &[("LC_ALL", "it_IT.UTF-8"), ("LANG", "fr_FR.UTF-8")],
            &["score", TELECOM]
        )
        .contains("Posizionamento: Guidata dal cliente")
    );
    assert!(
        run(&[("LANG", "de_DE.UTF-8")], &["score", TELECOM]).contains("Placement: Customer-driven"),
        "German is not declared: English"
    );
}

#[test]
fn a_missing_text_falls_back_to_the_first_language_field_by_field() {
    let out = run(
        &[],
        &[
            "show",
            "tests/fixtures/partly-translated.toml",
            "--lang",
            "fr",
        ],
    );
    assert!(out.contains("Partiellement traduit"), "{out}");
    assert!(out.contains("Etape un"), "{out}");
    assert!(out.contains("Only in English"), "{out}");
}

/// The survey's own words follow `--lang`: progress, the menu and its commands.
#[cfg(unix)]
#[test]
fn the_survey_screen_speaks_the_chosen_language() {
    use rexpect::session::spawn_command;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"));
    cmd.args(["run", "--lang", "fr", "--output", "a.toml"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut s = spawn_command(cmd, Some(20_000)).expect("pty");
    // rexpect reads one char per byte: match on ASCII text only.
    s.exp_string("Question 1 sur 24 - Orient")
        .expect("French progress");
    s.exp_string("Pas du tout d").expect("French scale label");
    s.exp_string("Enregistrer et quitter (reprendre plus tard)")
        .expect("French menu");
    s.send("q").expect("quit");
    s.flush().expect("quit");
    let rest = s.exp_eof().expect("end");
    assert!(rest.contains("sur 24 enregistr"), "{rest}");
}
