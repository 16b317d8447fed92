//! Where a command's output goes: standard output, or a file written atomically on success.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

use super::failure::Failure;

/// Standard output, or a file that appears only when the command finishes writing it.
pub(crate) enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File(BufWriter<AtomicWriteFile>, PathBuf),
    /// Output for standard output held in a temporary file until the command succeeds, so that
    /// a run that fails half-way prints nothing.
    Spool(BufWriter<tempfile::NamedTempFile>),
}

impl Sink {
    /// Opens `path` (refusing to replace an existing file unless `force`), or standard output;
    /// `whole` holds standard output back until [`Self::finish`].
    pub(crate) fn open(path: Option<&Path>, force: bool, whole: bool) -> anyhow::Result<Self> {
        let Some(path) = path else {
            if whole {
                let spool = tempfile::NamedTempFile::new().map_err(|e| {
                    Failure::invalid(format!("cannot create a temporary file: {e}"))
                })?;
                return Ok(Self::Spool(BufWriter::with_capacity(1 << 16, spool)));
            }
            return Ok(Self::Stdout(BufWriter::new(io::stdout().lock())));
        };
        if path.exists() && !force {
            return Err(Failure::usage(format!("{} already exists", path.display()))
                .hint("pass --force to replace it, or choose another --output")
                .into());
        }
        let file = AtomicWriteFile::open(path)
            .map_err(|e| Failure::invalid(format!("cannot write {}: {e}", path.display())))?;
        Ok(Self::File(BufWriter::new(file), path.to_owned()))
    }

    /// Width for tables: the terminal's (at most 80), else 80.
    pub(crate) fn width(&self) -> u16 {
        match self {
            Self::Stdout(_) if io::stdout().is_terminal() => console::Term::stdout()
                .size_checked()
                .map_or(80, |(_, w)| w.clamp(40, 80)),
            _ => 80,
        }
    }

    /// Flushes standard output, copies a held-back output to it, or commits the file.
    pub(crate) fn finish(self) -> anyhow::Result<()> {
        match self {
            Self::Stdout(mut w) => Ok(w.flush()?),
            Self::Spool(w) => {
                let spool = w.into_inner().map_err(|e| e.into_error())?;
                let mut file = spool.reopen()?;
                let mut out = io::stdout().lock();
                io::copy(&mut file, &mut out)?;
                Ok(out.flush()?)
            }
            Self::File(w, path) => {
                let file = w.into_inner().map_err(|e| e.into_error())?;
                file.commit().map_err(|e| {
                    Failure::invalid(format!("cannot write {}: {e}", path.display())).into()
                })
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Stdout(w) => w.write(buf),
            Self::File(w, _) => w.write(buf),
            Self::Spool(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(w) => w.flush(),
            Self::File(w, _) => w.flush(),
            Self::Spool(w) => w.flush(),
        }
    }
}
