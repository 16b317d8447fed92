//! The JSON Schemas under `schema/` are the ones the types generate, and the files they describe
//! validate against them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use centricity::schema::{SchemaKind, schema};

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
    let available = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        println!("skipped: python3 cannot import jsonschema");
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
    if "/questionnaires/" in f: continue
    d = {k: (str(v) if k == "date" else v) for k, v in tomllib.load(open(f, "rb")).items()}
    jsonschema.validate(d, a); n += 1
try:
    jsonschema.validate(tomllib.load(open(f"{root}/tests/fixtures/invalid/many-problems.toml", "rb")), q)
    sys.exit("a questionnaire with an unknown key passed the schema")
except jsonschema.ValidationError:
    pass
print(n)
"#;
    let out = Command::new("python3")
        .args(["-c", script, env!("CARGO_MANIFEST_DIR")])
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let n: usize = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("count");
    assert!(n >= 19, "validated {n} files");
}
