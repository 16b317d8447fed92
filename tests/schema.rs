//! The JSON Schemas under `schema/` are the ones the types generate, and the files they describe
//! validate against them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use centricity::schema::{SchemaKind, schema};

/// Whether python3 can validate JSON Schemas here. A clone without it says the check is
/// skipped; under CI (`CI` set) a missing validator fails instead, so the check cannot pass
/// unseen.
fn jsonschema_available() -> bool {
    let available = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        assert!(
            std::env::var_os("CI").is_none(),
            "python3 cannot import jsonschema, and CI must run the schema check"
        );
        println!("skipped: python3 cannot import jsonschema");
    }
    available
}

/// Runs a Python `script` with `args` and returns the count it prints; fails with its error.
fn python_count(script: &str, args: &[&std::ffi::OsStr]) -> usize {
    let out = Command::new("python3")
        .args(["-c", script])
        .args(args)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("count")
}

fn committed(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("schema")
            .join(name),
    )
    .expect("schema file")
}

#[test]
fn the_committed_schemas_are_current() {
    for (kind, file) in [
        (SchemaKind::Questionnaire, "questionnaire.schema.json"),
        (SchemaKind::Answers, "answers.schema.json"),
    ] {
        assert!(
            committed(file) == schema(kind),
            "schema/{file} is out of date: run `cargo run -- schema {} > schema/{file}`",
            if kind == SchemaKind::Questionnaire {
                "questionnaire"
            } else {
                "answers"
            }
        );
    }
}

#[test]
fn the_questionnaire_schema_describes_every_key_the_loader_accepts() {
    let s: serde_json::Value =
        serde_json::from_str(&schema(SchemaKind::Questionnaire)).expect("json");
    let question = &s["$defs"]["QuestionFile"]["properties"];
    for key in [
        "id",
        "stage",
        "dimension",
        "scale",
        "text",
        "help",
        "weight",
        "reverse",
        "recommendation",
    ] {
        assert!(
            question.get(key).is_some(),
            "question key {key} missing from the schema"
        );
    }
    assert_eq!(s["$defs"]["QuestionFile"]["additionalProperties"], false);
}

#[test]
fn the_answer_schema_describes_the_session_table_a_survey_writes() {
    let s: serde_json::Value = serde_json::from_str(&schema(SchemaKind::Answers)).expect("json");
    assert_eq!(s["properties"]["session"]["$ref"], "#/$defs/Session");
    let session = &s["$defs"]["Session"];
    assert_eq!(session["properties"]["notes"]["type"], "boolean");
    assert_eq!(session["additionalProperties"], false);
}

/// Files written against the schema validate, checked by an independent validator (Python's
/// `jsonschema`), and a file with mistakes does not.
#[test]
fn bundled_and_example_files_validate_against_the_schemas() {
    if !jsonschema_available() {
        return;
    }
    let script = r#"
import glob, json, sys, tomllib, jsonschema
root = sys.argv[1]
q = json.load(open(f"{root}/schema/questionnaire.schema.json"))
a = json.load(open(f"{root}/schema/answers.schema.json"))
n = 0
for f in glob.glob(f"{root}/questionnaires/*.toml") + glob.glob(f"{root}/examples/questionnaires/*.toml"):
    jsonschema.validate(tomllib.load(open(f, "rb")), q); n += 1
for f in glob.glob(f"{root}/examples/**/*.toml", recursive=True):
    if "/questionnaires/" in f or f.endswith("/plan.toml"): continue
    d = {k: (str(v) if k == "date" else v) for k, v in tomllib.load(open(f, "rb")).items()}
    jsonschema.validate(d, a); n += 1
try:
    jsonschema.validate(tomllib.load(open(f"{root}/tests/fixtures/invalid/many-problems.toml", "rb")), q)
    sys.exit("a questionnaire with an unknown key passed the schema")
except jsonschema.ValidationError:
    pass
print(n)
"#;
    let n = python_count(script, &[env!("CARGO_MANIFEST_DIR").as_ref()]);
    assert!(n >= 19, "validated {n} files");
}

/// `score --format json` output of every kind of input: answer files (with and without stages,
/// with notes, not applicable and missing answers) and a CSV export.
fn scored_documents() -> Vec<serde_json::Value> {
    let root = env!("CARGO_MANIFEST_DIR");
    let runs: [&[&str]; 5] = [
        &["examples/answers", "examples/workshop"],
        &["tests/fixtures/csv/edge-cases.csv"],
        &[
            "tests/fixtures/security-answers.toml",
            "--questionnaire",
            "examples/questionnaires/security-maturity.toml",
        ],
        &["tests/fixtures/invalid/a-unknown-question.toml"],
        &[
            "examples/quarterly/2026-q4",
            "--plan",
            "examples/quarterly/plan.toml",
        ],
    ];
    runs.iter()
        .map(|args| {
            let out = Command::new(env!("CARGO_BIN_EXE_centricity"))
                .current_dir(root)
                .arg("score")
                .args(*args)
                .args(["--format", "json"])
                .output()
                .expect("runs");
            serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("{args:?}: not one JSON document: {e}"))
        })
        .collect()
}

/// Every key the results carry is one the schema describes, and every key it requires is
/// there: checked without a validator, so that the schema cannot drift from the output.
#[test]
fn the_results_schema_names_every_key_of_the_results() {
    let s: serde_json::Value = serde_json::from_str(&schema(SchemaKind::Results)).expect("json");
    assert_eq!(
        s,
        serde_json::from_str::<serde_json::Value>(&committed("results.schema.json")).expect("json")
    );
    let result = &s["$defs"]["result"];
    let documents = scored_documents();
    let mut seen = 0;
    for doc in &documents {
        assert_eq!(doc["schema"], "centricity.results.v1");
        let keys: Vec<&String> = doc.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["schema", "results"]);
        for r in doc["results"].as_array().expect("results") {
            seen += 1;
            for (key, _) in r.as_object().expect("object") {
                assert!(
                    result["properties"].get(key).is_some(),
                    "`{key}` is not in the schema"
                );
            }
            for key in result["required"].as_array().expect("required") {
                assert!(r.get(key.as_str().expect("key")).is_some(), "no `{key}`");
            }
            for (list, def) in [
                ("stages", "stages"),
                ("dimensions", "dimensions"),
                ("items", "items"),
            ] {
                let described = &result["properties"][def]["items"]["properties"];
                for entry in r[list].as_array().expect("list") {
                    for (key, _) in entry.as_object().expect("object") {
                        assert!(
                            described.get(key).is_some(),
                            "`{list}[].{key}` is not in the schema"
                        );
                    }
                }
            }
        }
    }
    assert!(seen >= 12, "{seen} results");
    assert_eq!(
        documents[3]["results"],
        serde_json::json!([]),
        "none valid: an empty `results`"
    );
}

/// The results validate against the schema with an independent validator, as a document and
/// line by line as JSON Lines.
#[test]
fn scored_results_validate_against_the_results_schema() {
    if !jsonschema_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let documents = scored_documents();
    for (k, doc) in documents.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{k}.json")), doc.to_string()).expect("write");
    }
    let lines = Command::new(env!("CARGO_BIN_EXE_centricity"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "score",
            "examples/answers",
            "tests/fixtures/csv/edge-cases.csv",
            "--format",
            "jsonl",
        ])
        .output()
        .expect("runs");
    std::fs::write(dir.path().join("lines.jsonl"), &lines.stdout).expect("write");
    let script = r#"
import glob, json, sys, jsonschema
root, work = sys.argv[1], sys.argv[2]
s = json.load(open(f"{root}/schema/results.schema.json"))
jsonschema.Draft202012Validator.check_schema(s)
n = 0
for f in sorted(glob.glob(f"{work}/*.json")):
    jsonschema.validate(json.load(open(f)), s); n += 1
line = dict(s["$defs"]["result"], **{"$defs": s["$defs"]})
for l in open(f"{work}/lines.jsonl"):
    jsonschema.validate(json.loads(l), line); n += 1
bad = json.load(open(f"{work}/0.json"))
bad["results"][0]["stages"][0]["status"] = "done"
try:
    jsonschema.validate(bad, s)
    sys.exit("a result with an unknown status passed the schema")
except jsonschema.ValidationError:
    pass
print(n)
"#;
    let n = python_count(
        script,
        &[env!("CARGO_MANIFEST_DIR").as_ref(), dir.path().as_os_str()],
    );
    assert!(n >= 10, "validated {n} documents and lines");
}

#[test]
fn the_committed_plan_schema_is_current() {
    assert!(
        committed("plan.schema.json") == schema(SchemaKind::Plan),
        "schema/plan.schema.json is out of date: run `cargo run -- schema plan > schema/plan.schema.json`"
    );
    assert_eq!(
        committed("trend.schema.json"),
        schema(SchemaKind::Trend),
        "`centricity schema trend` prints the committed schema"
    );
}

/// `trend --format json` of groups with a plan, of single results and of saved results: each
/// validates against the committed schema with an independent validator, and the example plan
/// and a draft plan validate against the plan schema, where a plan with an unknown status does
/// not.
#[test]
fn trends_and_plans_validate_against_their_schemas() {
    if !jsonschema_available() {
        return;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = tempfile::tempdir().expect("temp dir");
    let runs: [&[&str]; 3] = [
        &[
            "trend",
            "examples/quarterly/2026-q1",
            "examples/quarterly/2026-q2",
            "examples/quarterly/2026-q3",
            "examples/quarterly/2026-q4",
            "--plan",
            "examples/quarterly/plan.toml",
        ],
        &[
            "trend",
            "examples/answers/telecom-driven.toml",
            "tests/fixtures/result-v1.1.json",
        ],
        &[
            "trend",
            "tests/fixtures/saved/2026-q1.jsonl",
            "tests/fixtures/saved/2026-q3.json",
        ],
    ];
    for (k, args) in runs.iter().enumerate() {
        let out = Command::new(env!("CARGO_BIN_EXE_centricity"))
            .current_dir(root)
            .args(*args)
            .args(["--format", "json"])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}");
        std::fs::write(dir.path().join(format!("{k}.json")), &out.stdout).expect("write");
    }
    let draft = Command::new(env!("CARGO_BIN_EXE_centricity"))
        .current_dir(root)
        .args(["plan", "draft", "examples/quarterly/2026-q1"])
        .output()
        .expect("runs");
    std::fs::write(dir.path().join("draft.toml"), &draft.stdout).expect("write");
    let script = r#"
import glob, json, sys, tomllib, jsonschema
root, work = sys.argv[1], sys.argv[2]
t = json.load(open(f"{root}/schema/trend.schema.json"))
p = json.load(open(f"{root}/schema/plan.schema.json"))
jsonschema.Draft202012Validator.check_schema(t)
n = 0
for f in sorted(glob.glob(f"{work}/*.json")):
    jsonschema.validate(json.load(open(f)), t); n += 1
for f in [f"{root}/examples/quarterly/plan.toml", f"{work}/draft.toml"]:
    jsonschema.validate(tomllib.load(open(f, "rb")), p); n += 1
bad = tomllib.load(open(f"{root}/examples/quarterly/plan.toml", "rb"))
bad["actions"][0]["status"] = "finished"
try:
    jsonschema.validate(bad, p)
    sys.exit("a plan with an unknown status passed the schema")
except jsonschema.ValidationError:
    pass
print(n)
"#;
    let n = python_count(script, &[root.as_ref(), dir.path().as_os_str()]);
    assert_eq!(n, 5, "validated {n} documents");
}
