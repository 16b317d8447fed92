//! Where a command's output goes: standard output, or a file written atomically on success.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

use crate::cli::OutputArgs;
use crate::output_file::{Existing, Refusal};
use crate::report::Format;
use crate::terminal_text::Cleaning;

use super::failure::{Failure, write_error};

/// Checks `--output`, as [`crate::output_file::check_target`] does, worded for the command line.
pub(crate) fn check_output(
    path: &Path,
    force: bool,
    inputs: &[&Path],
) -> Result<Existing, Failure> {
    crate::output_file::check_target(path, force, inputs).map_err(|refusal| {
        let hint = match &refusal {
            Refusal::Exists(_) | Refusal::LinkExists(_) => {
                "pass --force to replace it, or choose another --output"
            }
            Refusal::IsInput(_) => {
                "write the output to another file: this one is read by the command"
            }
            Refusal::NotRegular(..) | Refusal::Inspect(..) => {
                "choose a new path or a regular file for --output"
            }
        };
        Failure::usage(refusal.to_string()).hint(hint)
    })
}

/// The format a command writes: `--format`, else the one the extension of `--output` names
/// (`.html`, `.md`, `.json`, `.jsonl`, `.csv`), else a table. A `--format` that contradicts the
/// extension is refused: `--format csv -o report.html` would write a file nothing opens right.
pub(crate) fn output_format(out: &OutputArgs) -> Result<Format, Failure> {
    let path = out.output.as_deref();
    match (out.format, path.and_then(format_of_extension)) {
        (Some(given), Some(named)) if given != named => Err(Failure::usage(format!(
            "--format {} does not match the output file {}, which its extension says is {}",
            format_name(given),
            path.map_or_else(String::new, |p| p.display().to_string()),
            format_name(named),
        ))
        .hint(format!(
            "drop --format to write {}, or name the output file with {} for {}",
            format_name(named),
            extension_of(given),
            format_name(given),
        ))),
        (Some(given), _) => Ok(given),
        (None, Some(named)) => Ok(named),
        (None, None) => Ok(Format::Table),
    }
}

/// The format a file name's extension names; none for another extension (a table then goes
/// into `report.txt`, as it always did).
fn format_of_extension(path: &Path) -> Option<Format> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match extension.as_str() {
        "html" | "htm" => Format::Html,
        "md" | "markdown" => Format::Markdown,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::Jsonl,
        "csv" => Format::Csv,
        _ => return None,
    })
}

/// The extension a file of `format` is named with.
fn extension_of(format: Format) -> &'static str {
    match format {
        Format::Html => ".html",
        Format::Markdown => ".md",
        Format::Json => ".json",
        Format::Jsonl => ".jsonl",
        Format::Csv => ".csv",
        Format::Table => "another extension, such as .txt,",
    }
}

/// `format` as `--format` spells it.
fn format_name(format: Format) -> String {
    use clap::ValueEnum as _;
    format
        .to_possible_value()
        .map_or_else(|| format!("{format:?}"), |v| v.get_name().to_owned())
}

/// Standard output as every command writes it: cleaned by [`Cleaning`] when it is a terminal (so
/// no file can send escape sequences through a report, a CSV or a JSON document), and naming
/// itself in write errors.
#[derive(Debug)]
pub(crate) struct Stdout(Out);

#[derive(Debug)]
enum Out {
    Terminal(Cleaning<io::StdoutLock<'static>>),
    Other(io::StdoutLock<'static>),
}

/// Standard output, for a command's result.
pub(crate) fn stdout() -> Stdout {
    let out = io::stdout().lock();
    Stdout(if io::stdout().is_terminal() {
        Out::Terminal(Cleaning::new(out))
    } else {
        Out::Other(out)
    })
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Out::Terminal(w) => w.write(buf),
            Out::Other(w) => w.write(buf),
        }
        .map_err(|e| write_error("standard output", e))
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Out::Terminal(w) => w.flush(),
            Out::Other(w) => w.flush(),
        }
        .map_err(|e| write_error("standard output", e))
    }
}

/// Standard output, or a file that appears only when the command finishes writing it.
pub(crate) enum Sink {
    Stdout(BufWriter<Stdout>),
    File(BufWriter<AtomicWriteFile>, PathBuf),
    /// Output for standard output held in a temporary file until the command succeeds, so that
    /// a run that fails half-way prints nothing.
    Spool(BufWriter<tempfile::NamedTempFile>),
}

impl Sink {
    /// Opens `path` (refusing to replace an existing file unless `force`, and refusing anything
    /// but a regular file, and any of `inputs`), or standard output; `whole` holds standard
    /// output back until [`Self::finish`].
    pub(crate) fn open(
        path: Option<&Path>,
        force: bool,
        whole: bool,
        inputs: &[&Path],
    ) -> anyhow::Result<Self> {
        let Some(path) = path else {
            if whole {
                let spool = tempfile::NamedTempFile::new().map_err(|e| {
                    Failure::invalid(format!("cannot create a temporary file: {e}"))
                })?;
                return Ok(Self::Spool(BufWriter::with_capacity(1 << 16, spool)));
            }
            return Ok(Self::Stdout(BufWriter::new(stdout())));
        };
        let existing = check_output(path, force, inputs)?;
        let file = crate::output_file::open(path, existing)
            .map_err(|e| Failure::invalid(format!("cannot write {}: {e}", path.display())))?;
        Ok(Self::File(BufWriter::new(file), path.to_owned()))
    }

    /// Width for tables: standard output's by the one width rule ([`crate::term_width`]); 80
    /// for a file.
    pub(crate) fn width(&self) -> u16 {
        match self {
            Self::Stdout(_) | Self::Spool(_) => crate::term_width::stdout(),
            Self::File(..) => crate::term_width::NOT_A_TERMINAL,
        }
    }

    /// Flushes standard output, copies a held-back output to it, or commits the file.
    pub(crate) fn finish(self) -> anyhow::Result<()> {
        match self {
            Self::Stdout(mut w) => Ok(w.flush()?),
            Self::Spool(w) => {
                let spool = w
                    .into_inner()
                    .map_err(|e| write_error(SPOOL, e.into_error()))?;
                let mut file = spool.reopen()?;
                let mut out = self::stdout();
                io::copy(&mut file, &mut out)?;
                Ok(out.flush()?)
            }
            Self::File(w, path) => {
                let file = w
                    .into_inner()
                    .map_err(|e| write_error(&path.display().to_string(), e.into_error()))?;
                file.commit().map_err(|e| {
                    Failure::invalid(format!("cannot write {}: {e}", path.display())).into()
                })
            }
        }
    }
}

const SPOOL: &str = "the temporary copy of standard output";

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            // Standard output names itself.
            Self::Stdout(w) => w.write(buf),
            Self::File(w, path) => w
                .write(buf)
                .map_err(|e| write_error(&path.display().to_string(), e)),
            Self::Spool(w) => w.write(buf).map_err(|e| write_error(SPOOL, e)),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(w) => w.flush(),
            Self::File(w, path) => w
                .flush()
                .map_err(|e| write_error(&path.display().to_string(), e)),
            Self::Spool(w) => w.flush().map_err(|e| write_error(SPOOL, e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::failure::Exit;
    use super::*;

    fn format(given: Option<Format>, output: Option<&str>) -> Result<Format, Failure> {
        output_format(&OutputArgs {
            format: given,
            output: output.map(PathBuf::from),
            force: false,
            identity: crate::cli::IdentityArgs {
                title: None,
                client: None,
                assessor: None,
            },
        })
    }

    #[test]
    fn the_format_is_the_given_one_else_the_extension_s_else_a_table() {
        for (output, expected) in [
            ("report.html", Format::Html),
            ("REPORT.HTM", Format::Html),
            ("report.md", Format::Markdown),
            ("results.json", Format::Json),
            ("results.jsonl", Format::Jsonl),
            ("results.ndjson", Format::Jsonl),
            ("scores.CSV", Format::Csv),
            ("report.txt", Format::Table),
            ("report", Format::Table),
        ] {
            assert_eq!(format(None, Some(output)).ok(), Some(expected), "{output}");
        }
        assert_eq!(format(None, None).ok(), Some(Format::Table));
        assert_eq!(format(Some(Format::Csv), None).ok(), Some(Format::Csv));
        assert_eq!(
            format(Some(Format::Markdown), Some("notes.txt")).ok(),
            Some(Format::Markdown)
        );
        assert_eq!(
            format(Some(Format::Html), Some("report.html")).ok(),
            Some(Format::Html)
        );
    }

    #[test]
    fn a_format_the_extension_contradicts_is_a_usage_error() {
        for (given, output) in [
            (Format::Csv, "x.html"),
            (Format::Json, "x.jsonl"),
            (Format::Jsonl, "x.json"),
            (Format::Table, "x.md"),
        ] {
            let refused = format(Some(given), Some(output)).expect_err(output);
            assert_eq!(refused.exit, Exit::Usage);
            assert!(refused.message.contains(output), "{}", refused.message);
        }
    }
}
