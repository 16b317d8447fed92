//! Finding and reading inputs: files, folders of answer files, standard input, and
//! questionnaires named by file or bundled id.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::questionnaire::{BUNDLED, Bundled, Questionnaire, parse_questionnaire};

use super::failure::Failure;

/// Reading more than this from one file is refused: no input of this tool is that large.
const MAX_READ_BYTES: u64 = 64 * 1024 * 1024;

/// One input to score: a path, or standard input.
#[derive(Debug, Clone)]
pub(crate) enum Input {
    File(PathBuf),
    /// Standard input copied to a temporary file (removed when the last copy is dropped), so
    /// that a CSV export can be read twice without holding it in memory.
    Stdin {
        path: PathBuf,
        csv: bool,
        _temp: std::sync::Arc<tempfile::TempPath>,
    },
}

impl Input {
    pub(crate) fn name(&self) -> String {
        match self {
            Self::File(p) => p.display().to_string(),
            Self::Stdin { .. } => "<stdin>".to_owned(),
        }
    }

    pub(crate) fn read(&self) -> Result<String, Diagnostic> {
        match self {
            Self::File(p) => read_text(p),
            Self::Stdin { path, .. } => read_text(path).map_err(|mut d| {
                d.file = "<stdin>".to_owned();
                d
            }),
        }
    }
}

/// Expands folders (recursively, `*.toml`, sorted) and `-`. Paths that do not exist are
/// returned as diagnostics so the other inputs still run.
pub(crate) fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<Diagnostic>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            if inputs.iter().any(|i| matches!(i, Input::Stdin { .. })) {
                problems.push(Diagnostic::error(
                    "-",
                    "standard input can be named only once",
                ));
                continue;
            }
            match spool_stdin() {
                Ok(input) => inputs.push(input),
                Err(d) => problems.push(d),
            }
        } else if p.is_dir() {
            let before = inputs.len();
            walk(p, &mut inputs, &mut problems);
            if inputs.len() == before {
                problems.push(Diagnostic::warning(
                    p.display().to_string(),
                    "folder holds no *.toml answer files",
                ));
            }
        } else if p.exists() {
            inputs.push(Input::File(p.clone()));
        } else {
            problems.push(
                Diagnostic::error(p.display().to_string(), "no such file or folder")
                    .with_help("check the path; folders are searched for *.toml files"),
            );
        }
    }
    (inputs, problems)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Diagnostic::error(
                dir.display().to_string(),
                format!("cannot list folder: {e}"),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let is_link = p
            .symlink_metadata()
            .map(|m| m.file_type().is_symlink())
            .unwrap_or(false);
        if p.is_dir() && !is_link {
            walk(&p, inputs, problems);
        } else if p.extension().is_some_and(|e| e == "toml") && p.is_file() {
            inputs.push(Input::File(p));
        }
    }
}

/// Reads a text file, refusing huge files and naming the place of invalid UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path)
        .map_err(|e| Diagnostic::error(&name, format!("cannot read: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_READ_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::error(&name, format!("cannot read: {e}")))?;
    decode(&name, bytes)
}

fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.len() as u64 > MAX_READ_BYTES {
        return Err(Diagnostic::error(
            name,
            format!("the file is larger than {} MiB", MAX_READ_BYTES >> 20),
        ));
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        Diagnostic::error(name, "the file is not valid UTF-8 text")
            .at(&prefix, Some(valid..valid))
            .with_help("save the file as UTF-8")
    })
}

/// Loads a questionnaire named by a file path or a bundled id.
pub(crate) fn load_questionnaire(spec: &str) -> anyhow::Result<(Questionnaire, Vec<Diagnostic>)> {
    let path = Path::new(spec);
    if path.exists() || spec.ends_with(".toml") {
        let text = read_text(path).map_err(|d| Diagnostics(vec![d]))?;
        return Ok(parse_questionnaire(spec, &text)?);
    }
    match Bundled::find(spec) {
        Some(b) => Ok((b.load()?, Vec::new())),
        None => Err(Failure::usage(format!(
            "no questionnaire `{spec}`: it is neither a file nor a bundled id"
        ))
        .hint(format!("bundled questionnaires: {}", bundled_ids()))
        .into()),
    }
}

pub(crate) fn bundled_ids() -> String {
    BUNDLED.iter().map(|b| b.id).collect::<Vec<_>>().join(", ")
}

/// Copies standard input to a temporary file and tells TOML answers from a CSV export: an answer
/// file's first line of content is a `key = value` or a `[table]`.
fn spool_stdin() -> Result<Input, Diagnostic> {
    let fail = |e: std::io::Error| Diagnostic::error("<stdin>", format!("cannot read: {e}"));
    let mut file = tempfile::NamedTempFile::new().map_err(fail)?;
    std::io::copy(&mut std::io::stdin().lock(), &mut file).map_err(fail)?;
    let path = file.into_temp_path();
    let mut head = Vec::new();
    std::fs::File::open(&path)
        .and_then(|f| f.take(8192).read_to_end(&mut head))
        .map_err(fail)?;
    let head = String::from_utf8_lossy(&head);
    let first = head
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    let toml = first.starts_with('[') || first.split(',').next().is_some_and(|f| f.contains('='));
    Ok(Input::Stdin {
        path: path.to_path_buf(),
        csv: !toml,
        _temp: std::sync::Arc::new(path),
    })
}
