//! Finding and reading inputs: files, folders of answer files, standard input, and
//! questionnaires named by file or bundled id.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::questionnaire::{Bundled, Questionnaire, parse_questionnaire};

use super::failure::Failure;

/// Reading more than this from one file is refused: no input of this tool is that large.
const MAX_READ_BYTES: u64 = 64 * 1024 * 1024;

/// One input to score: a path, or standard input.
#[derive(Debug, Clone)]
pub(crate) enum Input {
    /// A file found in a folder, or one a command opens by itself.
    File(PathBuf),
    /// A file named on the command line: what it is not is an error, not something to skip.
    Named(PathBuf),
    /// Standard input, or another input that is not a regular file (a named pipe, `<(...)`),
    /// read once into a temporary file (removed when the last copy is dropped), so that a CSV
    /// export can be read twice without holding it in memory. Its kind is told from its name's
    /// extension or, without one, from its first bytes; the temporary file carries it.
    Piped {
        name: String,
        path: PathBuf,
        csv: bool,
        _temp: std::sync::Arc<tempfile::TempPath>,
    },
}

impl Input {
    pub(crate) fn name(&self) -> String {
        match self {
            Self::File(p) | Self::Named(p) => p.display().to_string(),
            Self::Piped { name, .. } => name.clone(),
        }
    }

    pub(crate) fn read(&self) -> Result<String, Diagnostic> {
        match self {
            Self::File(p) | Self::Named(p) => read_text(p),
            Self::Piped { name, path, .. } => read_text(path).map_err(|mut d| {
                d.file.clone_from(name);
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
            if inputs
                .iter()
                .any(|i| matches!(i, Input::Piped { name, .. } if name == "<stdin>"))
            {
                problems.push(Diagnostic::error(
                    "-",
                    "standard input can be named only once",
                ));
                continue;
            }
            match spool("<stdin>", None, &mut std::io::stdin().lock()) {
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
        } else if p.is_file() {
            inputs.push(Input::Named(p.clone()));
        } else if p.exists() {
            let name = p.display().to_string();
            let extension = p.extension().and_then(|e| e.to_str());
            match std::fs::File::open(p) {
                Ok(mut f) => match spool(&name, extension, &mut f) {
                    Ok(input) => inputs.push(input),
                    Err(d) => problems.push(d),
                },
                Err(e) => problems.push(Diagnostic::error(name, format!("cannot read: {e}"))),
            }
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
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    walk_in(&root, dir, inputs, problems);
}

/// Lists `dir`, a folder inside `root`: links to files are followed only when the file is
/// inside `root` too, so a folder of answers cannot lead the tool to read (and quote) any other
/// file of the machine.
fn walk_in(root: &Path, dir: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<Diagnostic>) {
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
            walk_in(root, &p, inputs, problems);
        } else if p.extension().is_some_and(|e| e == "toml") && p.is_file() {
            let inside =
                !is_link || std::fs::canonicalize(&p).is_ok_and(|target| target.starts_with(root));
            if inside {
                inputs.push(Input::File(p));
            } else {
                problems.push(
                    Diagnostic::warning(
                        p.display().to_string(),
                        "not read: a link to a file outside the folder",
                    )
                    .with_help("copy the file into the folder, or name it on the command line"),
                );
            }
        }
    }
}

/// What a TOML file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TomlKind {
    Questionnaire,
    Answers,
    /// A plan file (`[target]`, `[[actions]]`), read with `--plan`.
    Plan,
}

/// What a TOML file is, told from its top-level keys without parsing it (so that a huge file
/// meets its size limit at once, and a folder of answer files costs nothing more): an answer
/// file says `questionnaire = "ID"` or has an `[answers]` table; a questionnaire has a
/// `[questionnaire]` table (or `questionnaire.` keys) or `[[questions]]`; a plan a `[target]`
/// table or `[[actions]]`. `None` when no line says.
pub(crate) fn toml_kind(text: &str) -> Option<TomlKind> {
    for line in text.lines().map(str::trim_start) {
        let key = line.split(['=', ' ', '\t']).next().unwrap_or("");
        if key == "questionnaire" && line.contains('=') && !line.contains('{')
            || line.starts_with("[answers]")
        {
            return Some(TomlKind::Answers);
        }
        if line.starts_with("[questionnaire]")
            || line.starts_with("questionnaire.")
            || line.starts_with("[[questions]]")
        {
            return Some(TomlKind::Questionnaire);
        }
        if line.starts_with("[target]") || line.starts_with("[[actions]]") {
            return Some(TomlKind::Plan);
        }
    }
    None
}

/// The error for a plan named where answers are read.
pub(crate) fn named_plan(input: &Input) -> Diagnostic {
    Diagnostic::error(input.name(), "this is a plan, not answers")
        .with_help("pass it with --plan FILE to score, summarize, compare or trend")
}

/// The error for a questionnaire named where answers are read: what it is, and what to run.
/// `flag` is the option that names the questionnaire of answers in this command.
pub(crate) fn named_questionnaire(input: &Input, flag: &str) -> Diagnostic {
    let path = match input {
        Input::File(p) | Input::Named(p) => p.display().to_string(),
        Input::Piped { .. } => "FILE".to_owned(),
    };
    Diagnostic::error(input.name(), "this is a questionnaire, not answers to one").with_help(
        format!(
            "to take it, run `centricity run {path}`; to score answers to it, name it with \
             `{flag} {path}`"
        ),
    )
}

/// Notes for questionnaires and plans found in folders and skipped: one per folder and kind,
/// naming them.
pub(crate) fn skipped_questionnaires(paths: &[(PathBuf, TomlKind)]) -> Vec<Diagnostic> {
    let mut by_folder: std::collections::BTreeMap<(&Path, bool), Vec<String>> = Default::default();
    for (p, kind) in paths {
        let folder = (p.parent().unwrap_or(Path::new("")), *kind == TomlKind::Plan);
        let name = p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        by_folder.entry(folder).or_default().push(name);
    }
    by_folder
        .into_iter()
        .map(|((folder, plans), names)| {
            const SHOWN: usize = 5;
            let mut list = names[..names.len().min(SHOWN)].join(", ");
            if names.len() > SHOWN {
                list.push_str(&format!(" and {} more", names.len() - SHOWN));
            }
            let n = match (names.len(), plans) {
                (1, false) => "1 questionnaire".to_owned(),
                (n, false) => format!("{n} questionnaires"),
                (1, true) => "1 plan".to_owned(),
                (n, true) => format!("{n} plans"),
            };
            Diagnostic::note(
                folder.display().to_string(),
                format!("skipped {n}, not answers: {list}"),
            )
        })
        .collect()
}

/// Reads a text file, refusing huge files and naming the place of invalid UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path)
        .map_err(|e| Diagnostic::error(&name, format!("cannot read: {e}")))?;
    let size = file
        .metadata()
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len());
    let mut bytes = Vec::new();
    file.take(MAX_READ_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::error(&name, format!("cannot read: {e}")))?;
    if let Some(size) = size
        && size <= MAX_READ_BYTES
        && size != bytes.len() as u64
    {
        return Err(changed_while_read(&name));
    }
    decode(&name, bytes)
}

/// A file whose size changed while it was read: whatever was read is not the file.
pub(crate) fn changed_while_read(name: &str) -> Diagnostic {
    Diagnostic::error(name, "the file changed while it was read")
        .with_help("read it again once whatever writes it has finished")
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
    Bundled::ids().join(", ")
}

/// Bytes sniffed to tell what an input without a known extension is.
const SNIFF_BYTES: usize = 8192;

/// Copies `source` to a temporary file, applying the limits while reading: binary data is
/// refused within its first bytes, a TOML answer file past its size limit, a CSV export at a
/// line longer than any row may be. Tells a TOML answer file (first line of content a
/// `key = value` or a `[table]`) from an export, a workbook by its signature and SurveyJS
/// results by their JSON.
fn spool(name: &str, extension: Option<&str>, source: &mut dyn Read) -> Result<Input, Diagnostic> {
    let fail = |e: std::io::Error| Diagnostic::error(name, format!("cannot read: {e}"));
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    source
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(fail)?;
    let kind = match extension.map(str::to_ascii_lowercase).as_deref() {
        Some(e @ ("csv" | "tsv" | "txt" | "xlsx" | "json" | "toml")) => e.to_owned(),
        _ => sniff(&head).to_owned(),
    };
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    if kind != "xlsx" && !utf16 && head.contains(&0) {
        return Err(Diagnostic::error(name, "binary data, not text")
            .with_help("give an answer file (TOML) or a survey export (CSV, XLSX, JSON)"));
    }
    let mut file = tempfile::Builder::new()
        .suffix(&format!(".{kind}"))
        .tempfile()
        .map_err(fail)?;
    let limit = match kind.as_str() {
        "toml" => crate::answers::MAX_ANSWER_FILE_BYTES as u64,
        _ => u64::MAX,
    };
    let mut copied = 0u64;
    let mut since_newline = 0usize;
    let mut buffer = vec![0u8; 1 << 16];
    let mut chunk = head;
    loop {
        if chunk.is_empty() {
            let n = source.read(&mut buffer).map_err(fail)?;
            if n == 0 {
                break;
            }
            chunk = buffer[..n].to_vec();
        }
        copied += chunk.len() as u64;
        if copied > limit {
            return Err(Diagnostic::error(
                name,
                format!("the input is larger than an answer file may be ({limit} bytes)"),
            ));
        }
        if matches!(kind.as_str(), "csv" | "tsv" | "txt") && !utf16 {
            since_newline = match memchr::memrchr(b'\n', &chunk) {
                Some(i) => chunk.len() - i - 1,
                None => since_newline + chunk.len(),
            };
            if since_newline > MAX_LINE_BYTES {
                return Err(Diagnostic::error(
                    name,
                    format!("a line is longer than {} MiB", MAX_LINE_BYTES >> 20),
                )
                .with_help("no row of a survey export is that long"));
            }
        }
        std::io::Write::write_all(&mut file, &chunk).map_err(fail)?;
        chunk.clear();
    }
    let path = file.into_temp_path();
    Ok(Input::Piped {
        name: name.to_owned(),
        path: path.to_path_buf(),
        csv: kind != "toml",
        _temp: std::sync::Arc::new(path),
    })
}

/// The most bytes of one line of an export read from a pipe: a row is at most this long.
const MAX_LINE_BYTES: usize = 8 << 20;

/// What the first bytes of an input say it is: `xlsx`, `json`, `toml` or `csv`.
fn sniff(head: &[u8]) -> &'static str {
    if head.starts_with(b"PK\x03\x04") {
        return "xlsx";
    }
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();
    if trimmed.starts_with('{')
        || (trimmed.starts_with('[') && trimmed[1..].trim_start().starts_with(['{', ']']))
    {
        return "json";
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    let toml = first.starts_with('[') || first.split(',').next().is_some_and(|f| f.contains('='));
    if toml { "toml" } else { "csv" }
}
