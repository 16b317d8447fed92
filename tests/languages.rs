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
            .contains("Positionnement\u{a0}: Pilotée par le client")
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

/// `text` as rexpect reads it: one `char` per byte.
#[cfg(unix)]
fn as_read(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// The survey's own words follow `--lang` in every language: progress, scale labels and menu.
#[cfg(unix)]
#[test]
fn the_survey_screen_speaks_each_language() {
    use rexpect::session::spawn_command;
    let screens = [
        (
            "en",
            "Question 1 of 24 - Customer-focused",
            "Strongly disagree",
            "Save and quit (resume later)",
        ),
        (
            "fr",
            "Question 1 sur 24 - Orientée client",
            "Pas du tout d’accord",
            "Enregistrer et quitter (reprendre plus tard)",
        ),
        (
            "nl",
            "Vraag 1 van 24 - Klantgefocust",
            "Helemaal mee oneens",
            "Opslaan en stoppen (later verdergaan)",
        ),
        (
            "it",
            "Domanda 1 di 24 - Focalizzata sul cliente",
            "Totalmente in disaccordo",
            "Salva ed esci (riprendi più tardi)",
        ),
        (
            "zh",
            "第 1 题，共 24 题 - 客户聚焦",
            "非常不同意",
            "保存并退出（稍后继续）",
        ),
    ];
    for (lang, progress, label, quit) in screens {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"));
        cmd.args([
            "run",
            "customer-centricity@1.0.0",
            "--lang",
            lang,
            "--output",
            "a.toml",
        ])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
        let mut s = spawn_command(cmd, Some(20_000)).expect("pty");
        for text in [progress, label, quit] {
            s.exp_string(&as_read(text))
                .unwrap_or_else(|e| panic!("{lang}: waiting for {text:?}: {e}"));
        }
        s.send("q").expect("quit");
        s.flush().expect("quit");
        s.exp_eof().expect("end");
    }
}

/// `--lang` is matched as people write it: any case, with a region or a script.
#[test]
fn lang_takes_any_case_and_a_region() {
    for lang in ["FR", "fr-FR", "fr_FR", "Fr_be"] {
        assert!(
            run(&[], &["score", TELECOM, "--lang", lang])
                .contains("Positionnement\u{a0}: Pilotée par le client"),
            "{lang}"
        );
    }
    assert!(run(&[], &["score", TELECOM, "--lang", "zh-Hans"]).contains("定位：客户驱动"));
    assert!(
        run(&[], &["summarize", "examples/workshop", "--lang", "NL"]).contains("Positie: "),
        "summarize"
    );
}

/// A language the questionnaire does not have is a usage error naming those it has, in every
/// command that takes --lang; nothing is written.
#[test]
fn lang_refuses_a_language_the_questionnaire_does_not_have() {
    for args in [
        &["score", TELECOM, "--lang", "de"][..],
        &["score", TELECOM, "--lang", "de", "--format", "json"],
        &[
            "score",
            "--questionnaire",
            "customer-centricity",
            TELECOM,
            "--lang",
            "pt-BR",
        ],
        &["summarize", "examples/workshop", "--lang", "DE"],
        &["compare", TELECOM, TELECOM, "--lang", "de"],
        &[
            "gap",
            "examples/gap/workshop",
            "examples/gap/customers.csv",
            "--lang",
            "es",
        ],
        &["show", "--lang", "de"],
        &["export", "--to", "qualtrics", "--lang", "de"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            stderr.contains("has no texts in this language"),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains("its languages are en, fr, nl, it, zh"),
            "{args:?}: {stderr}"
        );
    }
}

/// The survey refuses a language its questionnaire lacks before it asks or saves anything.
#[cfg(unix)]
#[test]
fn the_survey_refuses_a_language_the_questionnaire_does_not_have() {
    use rexpect::session::spawn_command;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"));
    cmd.args(["run", "--lang", "de", "--output", "a.toml"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut s = spawn_command(cmd, Some(20_000)).expect("pty");
    s.exp_string("--lang de: questionnaire `customer-centricity` has no texts in this language")
        .expect("the refusal");
    s.exp_eof().expect("end");
    assert!(!dir.path().join("a.toml").exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        0,
        "nothing is left behind"
    );
}

/// Saved results carry their texts; the report around them follows the same rule over the
/// languages of the tool's own words: refused, with the same words as in every command, in one
/// the tool does not write, and written in one it does whatever the case or region.
#[test]
fn compare_of_saved_results_takes_the_languages_of_the_reports() {
    let saved = "tests/fixtures/result-v1.1.json";
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"))
        .args(["compare", saved, saved, "--lang", "de"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--lang de: centricity has no texts in this language"),
        "{stderr}"
    );
    assert!(
        stderr.contains("its languages are en, fr, nl, it, zh; --lang takes one of them"),
        "{stderr}"
    );
    // Under the title, the first line names the earlier side.
    let side = |out: String| out.lines().nth(1).unwrap_or_default().to_owned();
    assert!(side(run(&[], &["compare", saved, saved, "--lang", "FR-ca"])).starts_with("Avant"));
    assert!(
        side(run(&[("LANG", "nl_BE.UTF-8")], &["compare", saved, saved])).starts_with("Voormeting"),
        "the locale, when the tool speaks it"
    );
    assert!(
        side(run(&[("LANG", "de_DE.UTF-8")], &["compare", saved, saved])).starts_with("Before"),
        "else English"
    );
}

/// A comparison read with a questionnaire speaks the language its texts were put in: the
/// answer file's when it names one, as `score` does, and never English headings around Italian
/// names.
#[test]
fn compare_speaks_the_language_of_its_sides() {
    let italian = "tests/fixtures/answers-in-italian.toml";
    let out = run(&[], &["compare", italian, italian]);
    assert!(out.starts_with("Prima e dopo:"), "{out}");
    assert!(out.contains("\nPrima:"), "{out}");
    assert!(out.contains("Scala delle fasi"), "{out}");
    let out = run(&[], &["compare", italian, italian, "--lang", "nl"]);
    assert!(out.contains("\nVoormeting:"), "{out}");
}
