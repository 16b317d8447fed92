//! One survey per answer file: a second `centricity run` on the same file (or the same
//! facilitated-session folder) refuses instead of both writing.
//!
//! The lock is an operating-system advisory lock on a small file beside the answers, so it is
//! released however the process ends, even when killed.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::failure::Failure;

/// Held for as long as the survey runs; the lock file is removed when it is dropped.
#[derive(Debug)]
pub(crate) struct SurveyLock {
    path: PathBuf,
    _file: File,
}

/// The lock file of answers saved at `target` (a file, or a session's folder): a hidden file
/// beside it, so a session's folder holds nothing but answer files.
fn lock_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "answers".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.lock"))
}

impl SurveyLock {
    /// Takes the lock of `target`, or says which survey holds it.
    pub(crate) fn take(target: &Path) -> Result<Self, Failure> {
        let path = lock_path(target);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| {
                Failure::invalid(format!(
                    "cannot save answers beside {}: {e}",
                    target.display()
                ))
                .hint("choose a writable place with --output")
            })?;
        match file.try_lock() {
            Ok(()) => Ok(Self { path, _file: file }),
            Err(TryLockError::WouldBlock) => Err(Failure::usage(format!(
                "another `centricity run` is saving answers to {}",
                target.display()
            ))
            .hint(
                "finish or quit that survey first; two surveys writing one file would lose answers",
            )),
            Err(TryLockError::Error(e)) => Err(Failure::invalid(format!(
                "cannot lock {}: {e}",
                path.display()
            ))),
        }
    }
}

impl Drop for SurveyLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_answers_is_refused_until_the_first_is_released() {
        let dir = tempfile::tempdir().expect("temp dir");
        let answers = dir.path().join("answers.toml");
        let first = SurveyLock::take(&answers).expect("first lock");
        let second = SurveyLock::take(&answers).expect_err("second lock refused");
        assert!(
            second.message.contains("another `centricity run`"),
            "{}",
            second.message
        );
        drop(first);
        assert!(
            !dir.path().join(".answers.toml.lock").exists(),
            "lock file removed"
        );
        assert!(SurveyLock::take(&answers).is_ok());
    }
}
