//! `centricity new` writes a questionnaire that validates, can be answered and scores.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;

fn centricity(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("centricity").expect("binary");
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

#[test]
fn a_new_questionnaire_validates_and_scores_and_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    centricity(dir.path())
        .args(["new", "team-health.toml"])
        .assert()
        .success();
    assert!(dir.path().join("questionnaire.schema.json").exists());
    centricity(dir.path())
        .args(["validate", "team-health.toml"])
        .assert()
        .success();

    std::fs::write(
        dir.path().join("a.toml"),
        "questionnaire = \"team-health\"\n[answers]\nstarting-practice = 5\nestablished-practice = 2\n",
    )
    .expect("answers");
    let out = centricity(dir.path())
        .args([
            "score",
            "--questionnaire",
            "team-health.toml",
            "a.toml",
            "--format",
            "csv",
        ])
        .output()
        .expect("score");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    // Starting: 100 → reached. Established: 25, below its threshold of 70 → placement 1, index
    // 1 + 25 / 70 = 1.357 → 1.36.
    assert!(
        csv.lines()
            .nth(1)
            .expect("row")
            .contains(",1,Starting,1.36,100,25,"),
        "{csv}"
    );

    let again = centricity(dir.path())
        .args(["new", "team-health.toml"])
        .output()
        .expect("new");
    assert_eq!(again.status.code(), Some(2));
}
