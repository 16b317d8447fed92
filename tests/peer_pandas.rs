//! Every number `score --format csv` prints, checked against the pandas reference scorer
//! (`../shared/bench/peer_pandas.py`) on realistic generated answers.
//!
//! The answers come from `gen_responses.py` as a CSV export; each row becomes one answer file,
//! the folder is scored by the real binary, and every respondent's placement, index, stage,
//! dimension and overall score must match the peer's within 0.05 (both round for output).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench")
}

/// Why the peer cannot run here, if it cannot.
fn peer_unavailable() -> Option<String> {
    if !bench_dir().join("peer_pandas.py").exists() {
        return Some(format!("{} not found", bench_dir().display()));
    }
    match Command::new("python3")
        .args(["-c", "import numpy, pandas"])
        .output()
    {
        Ok(o) if o.status.success() => None,
        Ok(o) => Some(format!(
            "python3 cannot import numpy and pandas: {}",
            String::from_utf8_lossy(&o.stderr).trim()
        )),
        Err(e) => Some(format!("python3 not runnable: {e}")),
    }
}

/// Runs `cmd` (`what` names it), fails the test with its error output unless it succeeds, and
/// returns its standard output.
fn stdout_of(cmd: &mut Command, what: &str) -> Vec<u8> {
    let out = cmd.output().unwrap_or_else(|e| panic!("run {what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A CSV export of `respondents` generated answers to `questionnaire`, from `seed`.
fn generate(questionnaire: &Path, respondents: usize, seed: u32) -> Vec<u8> {
    stdout_of(
        Command::new("python3")
            .arg(bench_dir().join("gen_responses.py"))
            .arg(questionnaire)
            .arg(respondents.to_string())
            .args(["--seed", &seed.to_string()]),
        "gen_responses.py",
    )
}

type Rows = HashMap<String, HashMap<String, String>>;

fn read_csv(text: &str, id_column: &str) -> Rows {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            let row: HashMap<String, String> = headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect();
            (row[id_column].clone(), row)
        })
        .collect()
}

/// One answer file per CSV row; `n/a` stays `n/a` and empty cells are left out.
fn write_answer_files(csv_text: &str, questionnaire: &str, dir: &Path) -> usize {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().expect("header").clone();
    let mut n = 0;
    for record in reader.records() {
        let record = record.expect("record");
        let mut text = format!("questionnaire = \"{questionnaire}\"\n");
        let mut answers = String::from("[answers]\n");
        for (h, v) in headers.iter().zip(record.iter()) {
            match h {
                "respondent" => text.push_str(&format!("respondent = \"{v}\"\n")),
                "team" => text.push_str(&format!("team = \"{v}\"\n")),
                _ if v.is_empty() => {}
                _ if v == "n/a" => answers.push_str(&format!("{h} = \"n/a\"\n")),
                _ => answers.push_str(&format!("{h} = {v}\n")),
            }
        }
        text.push_str(&answers);
        std::fs::write(dir.join(format!("{}.toml", &record[0])), text).expect("write answer file");
        n += 1;
    }
    n
}

/// How centricity reads the generated answers: one answer file per row, or the CSV export itself.
#[derive(Clone, Copy, PartialEq)]
enum Via {
    AnswerFiles,
    CsvExport,
}

fn compare_with_peer(questionnaire: &Path, id: &str, respondents: usize, seed: u32, via: Via) {
    // Run only on request (the test is ignored by default), so a missing peer is a failure.
    if let Some(why) = peer_unavailable() {
        panic!("the pandas reference cannot run: {why}");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let csv_text = String::from_utf8(generate(questionnaire, respondents, seed)).expect("utf-8");
    let csv_path = dir.path().join("responses.csv");
    std::fs::write(&csv_path, &csv_text).expect("write csv");
    let answers = dir.path().join("answers");
    std::fs::create_dir(&answers).expect("mkdir");
    assert_eq!(write_answer_files(&csv_text, id, &answers), respondents);

    let peer = stdout_of(
        Command::new("python3")
            .arg(bench_dir().join("peer_pandas.py"))
            .arg(questionnaire)
            .arg(&csv_path),
        "peer_pandas.py",
    );
    let peer = read_csv(&String::from_utf8(peer).expect("utf-8"), "respondent");

    let ours = stdout_of(
        Command::new(env!("CARGO_BIN_EXE_centricity"))
            .args(["score", "--format", "csv", "--questionnaire"])
            .arg(questionnaire)
            .arg(if via == Via::CsvExport {
                &csv_path
            } else {
                &answers
            }),
        "centricity score",
    );
    let ours = read_csv(&String::from_utf8(ours).expect("utf-8"), "respondent");

    assert_eq!(ours.len(), peer.len());
    let columns: Vec<&String> = peer
        .values()
        .next()
        .expect("rows")
        .keys()
        .filter(|c| *c != "respondent")
        .collect();
    assert!(
        columns.iter().any(|c| c.starts_with("stage.")),
        "the peer scored stages: {columns:?}"
    );
    let mut compared = 0;
    for (respondent, theirs) in &peer {
        let mine = ours
            .get(respondent)
            .unwrap_or_else(|| panic!("{respondent} missing from centricity's output"));
        for column in &columns {
            let (a, b) = (&mine[*column], &theirs[*column]);
            if column.as_str() == "placement" {
                assert_eq!(a, b, "{respondent}: placement");
            } else if b.is_empty() {
                assert!(
                    a.is_empty(),
                    "{respondent} {column}: centricity {a}, peer has no score"
                );
            } else {
                let (x, y): (f64, f64) = (a.parse().expect("number"), b.parse().expect("number"));
                assert!(
                    (x - y).abs() <= 0.05,
                    "{respondent} {column}: centricity {x}, peer {y}"
                );
            }
            compared += 1;
        }
    }
    println!("compared {compared} figures of {respondents} respondents with the pandas peer");
}

#[test]
#[ignore = "needs ../shared/bench/peer_pandas.py and python3 with numpy and pandas: cargo test --test peer_pandas -- --ignored"]
fn bundled_questionnaire_scores_match_the_pandas_reference() {
    let q = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/customer-centricity.toml");
    compare_with_peer(&q, "customer-centricity", 400, 11, Via::AnswerFiles);
}

#[test]
#[ignore = "needs ../shared/bench/peer_pandas.py and python3 with numpy and pandas: cargo test --test peer_pandas -- --ignored"]
fn fractional_weighted_questionnaire_scores_match_the_pandas_reference() {
    let q = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/questionnaires/security-maturity.toml");
    compare_with_peer(&q, "security-maturity", 200, 5, Via::AnswerFiles);
}

#[test]
#[ignore = "needs ../shared/bench/peer_pandas.py and python3 with numpy and pandas: cargo test --test peer_pandas -- --ignored"]
fn a_scored_csv_export_matches_the_pandas_reference() {
    let q = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/customer-centricity.toml");
    compare_with_peer(&q, "customer-centricity", 2000, 23, Via::CsvExport);
}

#[test]
#[ignore = "needs ../shared/bench/peer_pandas.py and python3 with numpy and pandas: cargo test --test peer_pandas -- --ignored"]
fn cronbach_alpha_matches_pandas_pairwise_covariances() {
    // Run only on request (the test is ignored by default), so a missing peer is a failure.
    if let Some(why) = peer_unavailable() {
        panic!("the pandas reference cannot run: {why}");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let q = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/customer-centricity.toml");
    let csv_path = dir.path().join("responses.csv");
    std::fs::write(&csv_path, generate(&q, 500, 31)).expect("write csv");
    // Item scores in percent, covariances pairwise over respondents answering both (ddof 1).
    let script = r#"
import sys, json
import numpy as np, pandas as pd
df = pd.read_csv(sys.argv[1], na_values=["n/a"])
out = {}
for key in ["focused", "driven", "engaged", "inspired", "knowledge", "listening", "relationship", "innovation", "leadership", "empowerment"]:
    cols = [c for c in df.columns if c.startswith(key + "-") or c.endswith("-" + key)]
    c = ((df[cols].astype(float) - 1) / 4 * 100).cov().values
    k = len(cols)
    out[key] = k / (k - 1) * (1 - np.trace(c) / c.sum())
print(json.dumps(out))
"#;
    let peer = stdout_of(
        Command::new("python3").args(["-c", script]).arg(&csv_path),
        "pandas",
    );
    let peer: serde_json::Value = serde_json::from_slice(&peer).expect("json");
    let ours = stdout_of(
        Command::new(env!("CARGO_BIN_EXE_centricity"))
            .args(["summarize", "--format", "json"])
            .arg(&csv_path),
        "centricity summarize",
    );
    let ours: serde_json::Value = serde_json::from_slice(&ours).expect("json");
    let mut compared = 0;
    for kind in ["stages", "dimensions"] {
        for set in ours["reliability"][kind].as_array().expect("sets") {
            let id = set["id"].as_str().expect("id");
            let (a, b) = (
                set["alpha"].as_f64().expect("alpha"),
                peer[id].as_f64().expect("peer alpha"),
            );
            assert!((a - b).abs() < 1e-3, "{id}: centricity {a}, pandas {b}");
            compared += 1;
        }
    }
    assert_eq!(compared, 10);
    println!("compared {compared} alphas with pandas");
}
