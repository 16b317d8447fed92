//! Where results go and in what shape: the format follows `--output`'s extension unless
//! `--format` says otherwise (and a contradiction is refused), JSON is always one document,
//! JSON Lines one result per line, and `compare` reads back every shape it writes. Also: the
//! manual pages, and questionnaires met where answers are read.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Output;

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn centricity(cwd: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_centricity"))
        .current_dir(cwd)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary folder holding copies of the examples, so that outputs land outside the tree.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for folder in [
        "examples/answers",
        "examples/quarterly/2026-q1",
        "examples/quarterly/2026-q3",
        "examples/workshop",
        "examples/gap/workshop",
        "examples/questionnaires",
    ] {
        let to = dir.path().join(folder);
        std::fs::create_dir_all(&to).expect("mkdir");
        for entry in std::fs::read_dir(Path::new(ROOT).join(folder)).expect("list") {
            let path = entry.expect("entry").path();
            std::fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
        }
    }
    std::fs::copy(
        Path::new(ROOT).join("examples/gap/customers.csv"),
        dir.path().join("examples/gap/customers.csv"),
    )
    .expect("copy");
    dir
}

fn ok(out: &Output, what: &str) {
    assert_eq!(out.status.code(), Some(0), "{what}: {}", stderr(out));
}

/// A command, the output file it is given, and what the file must look like.
type Case<'a> = (&'a [&'a str], &'a str, fn(&str) -> bool);

#[test]
fn the_format_follows_the_extension_of_the_output_file() {
    let dir = workdir();
    let d = dir.path();
    let telecom = "examples/answers/telecom-driven.toml";
    let cases: [Case; 9] = [
        (&["score", telecom], "r.html", |t| {
            t.starts_with("<!DOCTYPE html>")
        }),
        (&["score", telecom], "r.md", |t| t.starts_with("# ")),
        (&["score", telecom], "r.json", |t| {
            serde_json::from_str::<Value>(t).is_ok_and(|v| v["schema"] == "centricity.results.v1")
        }),
        (&["score", telecom], "r.jsonl", |t| {
            t.lines().count() == 1 && t.starts_with("{\"schema\":\"centricity.result.v1\"")
        }),
        (&["score", telecom], "r.csv", |t| {
            t.starts_with("respondent,source,")
        }),
        (&["score", telecom], "r.txt", |t| {
            t.contains("Placement: Customer-driven")
        }),
        (&["summarize", "examples/workshop"], "s.html", |t| {
            t.starts_with("<!DOCTYPE html>")
        }),
        (
            &[
                "compare",
                "examples/quarterly/2026-q1",
                "examples/quarterly/2026-q3",
            ],
            "c.jsonl",
            |t| t.lines().count() == 1 && t.contains("\"schema\":\"centricity.comparison.v1\""),
        ),
        (
            &["gap", "examples/gap/workshop", "examples/gap/customers.csv"],
            "g.csv",
            |t| t.starts_with("kind,id,name,internal,customer,gap"),
        ),
    ];
    for (args, file, looks_right) in cases {
        let mut all = args.to_vec();
        all.extend(["--output", file]);
        let out = centricity(d, &all);
        ok(&out, file);
        let written = std::fs::read_to_string(d.join(file)).expect(file);
        assert!(looks_right(&written), "{args:?} -o {file}:\n{written}");
    }
}

#[test]
fn a_format_the_extension_contradicts_is_refused_and_nothing_is_written() {
    let dir = workdir();
    let d = dir.path();
    for args in [
        &[
            "score",
            "examples/answers/telecom-driven.toml",
            "--format",
            "csv",
            "-o",
            "x.html",
        ][..],
        &[
            "score",
            "examples/answers",
            "--format",
            "json",
            "-o",
            "x.jsonl",
        ],
        &[
            "summarize",
            "examples/workshop",
            "-f",
            "table",
            "-o",
            "x.md",
        ],
        &[
            "compare",
            "examples/quarterly/2026-q1",
            "examples/quarterly/2026-q3",
            "-f",
            "jsonl",
            "-o",
            "x.json",
        ],
        &[
            "gap",
            "examples/gap/workshop",
            "examples/gap/customers.csv",
            "-f",
            "markdown",
            "-o",
            "x.csv",
        ],
    ] {
        let out = centricity(d, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("does not match the output file"),
            "{}",
            stderr(&out)
        );
        let left: Vec<_> = std::fs::read_dir(d)
            .expect("list")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with("x."))
            .collect();
        assert!(left.is_empty(), "{args:?} wrote {left:?}");
    }
}

/// `score --format json` has one shape, whatever was scored; `jsonl` one result per line.
#[test]
fn json_is_one_document_whatever_the_number_of_results() {
    let root = Path::new(ROOT);
    let csv = "tests/fixtures/csv/edge-cases.csv";
    for (args, n) in [
        (&["examples/answers/telecom-driven.toml"][..], 1),
        (
            &[
                "examples/answers/telecom-driven.toml",
                "examples/answers/bank-uneven.toml",
            ],
            2,
        ),
        (&["examples/answers"], 4),
        (&[csv], 3),
        (&["examples/workshop", csv], 9),
    ] {
        let mut all = vec!["score"];
        all.extend(args);
        all.extend(["--format", "json"]);
        let out = centricity(root, &all);
        let doc: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not one document: {e}"));
        assert_eq!(doc["schema"], "centricity.results.v1", "{args:?}");
        let results = doc["results"].as_array().expect("results");
        assert_eq!(results.len(), n, "{args:?}");
        assert!(
            results
                .iter()
                .all(|r| r["schema"] == "centricity.result.v1")
        );

        all.pop();
        all.push("jsonl");
        let out = centricity(root, &all);
        let lines: Vec<Value> = stdout(&out)
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert_eq!(&lines, results, "{args:?}: the same results, one per line");
    }
}

/// Thousands of rows make one document, written as they are scored.
#[test]
fn a_large_export_is_one_document_or_one_line_per_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut csv =
        String::from("respondent,focused-knowledge,driven-listening,engaged-leadership\n");
    let rows = 5_000;
    for i in 0..rows {
        csv.push_str(&format!("r{i},{},{},{}\n", 1 + i % 5, 1 + i % 3, 5 - i % 4));
    }
    std::fs::write(dir.path().join("big.csv"), csv).expect("write");
    let out = centricity(dir.path(), &["score", "big.csv", "--format", "json"]);
    ok(&out, "json");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one document");
    let results = doc["results"].as_array().expect("results");
    assert_eq!(results.len(), rows);
    assert_eq!(
        results[rows - 1]["respondent"]["respondent"],
        format!("r{}", rows - 1)
    );
    let out = centricity(dir.path(), &["score", "big.csv", "--format", "jsonl"]);
    ok(&out, "jsonl");
    assert_eq!(stdout(&out).lines().count(), rows);
}

/// The changes `compare` reports, without the labels that name the sides.
fn figures(compared: &Output) -> Value {
    let mut doc: Value = serde_json::from_slice(&compared.stdout).expect("comparison");
    for side in ["before", "after"] {
        doc[side]["source"] = Value::Null;
    }
    doc
}

/// The headline, stage and dimension figures of two comparisons agree within the rounding of
/// a saved result (4 decimals).
fn assert_close(got: &Value, want: &Value, what: &str) {
    let close = |g: &Value, w: &Value| match (g.as_f64(), w.as_f64()) {
        (Some(g), Some(w)) => (g - w).abs() < 1e-3,
        _ => g == w,
    };
    for side in ["before", "after"] {
        assert_eq!(got[side]["placement"], want[side]["placement"], "{what}");
        assert!(close(&got[side]["index"], &want[side]["index"]), "{what}");
    }
    for list in ["stages", "dimensions"] {
        let (g, w) = (
            got[list].as_array().expect(list),
            want[list].as_array().expect(list),
        );
        assert_eq!(g.len(), w.len(), "{what}");
        for (g, w) in g.iter().zip(w) {
            assert_eq!(g["id"], w["id"], "{what}");
            assert!(
                close(&g["before"], &w["before"]) && close(&g["after"], &w["after"]),
                "{what}: {g} against {w}"
            );
        }
    }
}

/// `compare` reads a result saved in every shape the tool writes, and several saved results as
/// their group: the same figures as from the answer files.
#[test]
fn compare_reads_back_every_shape_of_saved_results() {
    let dir = workdir();
    let d = dir.path();
    let save = |args: &[&str], file: &str| {
        let mut all = args.to_vec();
        all.extend(["-o", file]);
        ok(&centricity(d, &all), file);
    };
    save(&["score", "examples/quarterly/2026-q1"], "q1.json");
    save(&["score", "examples/quarterly/2026-q1"], "q1.jsonl");
    save(
        &["summarize", "examples/quarterly/2026-q1"],
        "q1-group.json",
    );
    save(
        &["summarize", "examples/quarterly/2026-q1"],
        "q1-group.jsonl",
    );
    save(
        &["score", "examples/answers/telecom-driven.toml"],
        "one.json",
    );
    save(
        &["score", "examples/answers/telecom-driven.toml"],
        "one.jsonl",
    );
    // The shape a single result had before results documents: the result itself.
    let one: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("one.json")).expect("read"))
            .expect("json");
    std::fs::write(d.join("bare.json"), one["results"][0].to_string()).expect("write");

    let after = "examples/quarterly/2026-q3";
    let from_answers = centricity(
        d,
        &["compare", "examples/quarterly/2026-q1", after, "-f", "json"],
    );
    ok(&from_answers, "answers");
    for (saved, note) in [
        (
            "q1.json",
            "read 3 results from a centricity.results.v1 document; compared as their group",
        ),
        (
            "q1.jsonl",
            "read 3 results, one per line (JSON Lines); compared as their group",
        ),
    ] {
        let out = centricity(d, &["compare", saved, after, "-f", "json"]);
        ok(&out, saved);
        assert_eq!(figures(&out), figures(&from_answers), "{saved}");
        assert!(stderr(&out).contains(note), "{saved}: {}", stderr(&out));
    }
    // A saved group holds its figures rounded to 4 decimals: the same within that.
    for saved in ["q1-group.json", "q1-group.jsonl"] {
        let out = centricity(d, &["compare", saved, after, "-f", "json"]);
        ok(&out, saved);
        assert!(stderr(&out).is_empty(), "{saved}: {}", stderr(&out));
        let (got, want) = (figures(&out), figures(&from_answers));
        for list in ["stages", "dimensions"] {
            for (g, w) in got[list]
                .as_array()
                .expect(list)
                .iter()
                .zip(want[list].as_array().expect(list))
            {
                let close =
                    |k: &str| (g[k].as_f64().expect(k) - w[k].as_f64().expect(k)).abs() < 1e-3;
                assert!(
                    close("before") && close("after"),
                    "{saved}: {g} against {w}"
                );
            }
        }
    }
    let from_answer = centricity(
        d,
        &[
            "compare",
            "examples/answers/telecom-driven.toml",
            after,
            "-f",
            "json",
        ],
    );
    for saved in ["one.json", "one.jsonl", "bare.json"] {
        let out = centricity(d, &["compare", saved, after, "-f", "json"]);
        ok(&out, saved);
        assert_close(&figures(&out), &figures(&from_answer), saved);
        assert!(
            stderr(&out).is_empty(),
            "one result needs no note: {}",
            stderr(&out)
        );
    }
}

#[test]
fn compare_refuses_saved_results_it_cannot_read_as_one_result_or_one_group() {
    let dir = workdir();
    let d = dir.path();
    let lines = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--format", "jsonl"]);
        stdout(&centricity(d, &all))
    };
    let results = lines(&["score", "examples/quarterly/2026-q1"]);
    let group = lines(&["summarize", "examples/workshop"]);
    let mut mixed = results.clone();
    mixed.push_str(&group);
    std::fs::write(d.join("mixed.jsonl"), &mixed).expect("write");
    let mut other = results.clone();
    other.push_str(&lines(&["score", "examples/gap/customers.csv"]));
    std::fs::write(d.join("other.jsonl"), &other).expect("write");
    let mut broken = results.clone();
    broken.push_str("{\"schema\": \"centricity.result.v1\", \n");
    std::fs::write(d.join("broken.jsonl"), &broken).expect("write");
    let mut bad_answer: Vec<Value> = results
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    bad_answer[1]["items"][2]["answer"] = 7.into();
    let bad_answer: String = bad_answer.iter().map(|v| format!("{v}\n")).collect();
    std::fs::write(d.join("bad-answer.jsonl"), bad_answer).expect("write");
    std::fs::write(d.join("empty.jsonl"), "\n").expect("write");
    std::fs::write(
        d.join("no-results.json"),
        r#"{"schema": "centricity.results.v1"}"#,
    )
    .expect("write");
    std::fs::write(
        d.join("none.json"),
        r#"{"schema": "centricity.results.v1", "results": []}"#,
    )
    .expect("write");

    for (file, expected) in [
        (
            "mixed.jsonl",
            "mixed.jsonl:4: a group result among 4 results: compare takes one group",
        ),
        (
            "other.jsonl",
            "other.jsonl:4: answers questionnaire `customer-view`, but the results before it answer `customer-centricity`",
        ),
        ("broken.jsonl", "broken.jsonl:5:"),
        (
            "bad-answer.jsonl",
            "bad-answer.jsonl:2: `focused-relationship`: 7 is not an option of scale `agreement`",
        ),
        ("empty.jsonl", "empty.jsonl: the file holds no result"),
        (
            "no-results.json",
            "no-results.json: the centricity.results.v1 document has no `results` array",
        ),
        (
            "none.json",
            "none.json: the centricity.results.v1 document holds no result",
        ),
    ] {
        let out = centricity(d, &["compare", file, "examples/quarterly/2026-q3"]);
        assert_eq!(out.status.code(), Some(1), "{file}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{file}");
        assert!(stderr(&out).contains(expected), "{file}: {}", stderr(&out));
    }
}

/// summarize, compare, trend and gap write one document in JSON, and the same on one line in
/// JSON Lines.
#[test]
fn group_comparison_and_gap_json_are_one_document() {
    let root = Path::new(ROOT);
    for args in [
        &["summarize", "examples/workshop", "--by", "role"][..],
        &[
            "compare",
            "examples/quarterly/2026-q1",
            "examples/quarterly/2026-q3",
        ],
        &["gap", "examples/gap/workshop", "examples/gap/customers.csv"],
        &[
            "trend",
            "examples/quarterly/2026-q1",
            "examples/quarterly/2026-q2",
            "examples/quarterly/2026-q4",
        ],
    ] {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let doc: Value =
            serde_json::from_slice(&centricity(root, &all).stdout).expect("one document");
        all.pop();
        all.push("jsonl");
        let out = stdout(&centricity(root, &all));
        assert_eq!(out.lines().count(), 1, "{args:?}");
        assert_eq!(
            serde_json::from_str::<Value>(&out).expect("one line"),
            doc,
            "{args:?}"
        );
    }
}

#[test]
fn man_dir_writes_the_page_of_every_command_the_main_page_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let out = centricity(d, &["man", "--dir", "."]);
    ok(&out, "man --dir");
    assert!(
        stdout(&out).starts_with(
            "Wrote 18 manual pages to .: centricity.1, centricity-run.1, centricity-room.1,"
        ),
        "{}",
        stdout(&out)
    );
    let main = std::fs::read_to_string(d.join("centricity.1")).expect("main page");
    for page in [
        "run",
        "room",
        "score",
        "summarize",
        "compare",
        "trend",
        "plan",
        "gap",
        "validate",
        "man",
    ] {
        assert!(main.contains(&format!("centricity\\-{page}(1)")), "{page}");
        let sub = std::fs::read_to_string(d.join(format!("centricity-{page}.1"))).expect(page);
        assert!(
            sub.contains(&format!(".TH centricity-{page} 1")),
            "{page}: {sub}"
        );
    }
    let again = centricity(d, &["man", "--dir", "."]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    ok(&centricity(d, &["man", "--dir", ".", "--force"]), "--force");
    let nowhere = centricity(d, &["man", "--dir", "no-such-folder"]);
    assert_eq!(nowhere.status.code(), Some(2));
}

/// Every command that reads answers skips a questionnaire found in a folder, with one note, and
/// refuses one named in place of answers, saying what to run.
#[test]
fn questionnaires_are_skipped_in_folders_and_refused_when_named() {
    let dir = workdir();
    let d = dir.path();
    std::fs::copy(
        d.join("examples/questionnaires/work-style.toml"),
        d.join("examples/workshop/work-style.toml"),
    )
    .expect("copy");
    let note = "examples/workshop: skipped 1 questionnaire, not answers: work-style.toml";
    for args in [
        &["summarize", "examples/workshop"][..],
        &["compare", "examples/workshop", "examples/quarterly/2026-q3"],
        &["gap", "examples/workshop", "examples/gap/customers.csv"],
        &["score", "examples/workshop"],
    ] {
        let out = centricity(d, args);
        ok(&out, &format!("{args:?}"));
        assert_eq!(
            stderr(&out).matches(note).count(),
            1,
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(
            !stderr(&out).contains("unknown key"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let named = "examples/questionnaires/work-style.toml";
    for (args, flag) in [
        (&["score", named][..], "--questionnaire"),
        (&["summarize", named], "--questionnaire"),
        (
            &["compare", named, "examples/quarterly/2026-q3"],
            "--questionnaire",
        ),
        (
            &["gap", "examples/gap/workshop", named],
            "--customer-questionnaire",
        ),
    ] {
        let out = centricity(d, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "{named}: this is a questionnaire, not answers to one"
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!("run `centricity run {named}`")),
            "{err}"
        );
        assert!(
            err.contains(&format!("`{flag} {named}`")),
            "{args:?}: {err}"
        );
        assert!(!err.contains("unknown key"), "{err}");
    }
}
