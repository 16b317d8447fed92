//! One survey per answer file: a second `centricity run` on the same file (or the same
//! facilitated-session folder) refuses instead of both writing.
//!
//! The lock is an operating-system advisory lock on a small file beside the answers, so it is
//! released however the process ends, even when killed. It is keyed on the answers' identity,
//! not on the name given: a symbolic link is followed to the file it names, and a file with
//! several hard links is refused, because two names of one file would otherwise take two locks
//! and the first save (a rename) would split them into two files.

use std::fs::{File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use super::failure::Failure;

/// Held for as long as the survey runs; the lock file is removed when it is dropped.
#[derive(Debug)]
pub(crate) struct SurveyLock {
    path: PathBuf,
    answers: PathBuf,
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

fn unwritable(target: &Path, e: &io::Error) -> Failure {
    Failure::invalid(format!(
        "cannot save answers beside {}: {e}",
        target.display()
    ))
    .hint("choose a writable place with --output")
}

/// Where the answers at `target` really are: the file or folder itself through any symbolic
/// link, or, when it does not exist yet, its real parent folder and its name.
fn resolve(target: &Path) -> Result<PathBuf, Failure> {
    match std::fs::canonicalize(target) {
        Ok(real) => return Ok(real),
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(unwritable(target, &e)),
        Err(_) => {}
    }
    if target.symlink_metadata().is_ok() {
        // A link to nothing: saving would replace the link instead of creating what it names.
        return Err(Failure::usage(format!(
            "{} is a link to a file that does not exist",
            target.display()
        ))
        .hint("give the path of the answer file itself"));
    }
    let Some(name) = target.file_name() else {
        return Err(Failure::usage(format!(
            "{} does not name a file",
            target.display()
        )));
    };
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let parent = std::fs::canonicalize(parent).map_err(|e| unwritable(target, &e))?;
    Ok(parent.join(name))
}

/// Refuses an answer file with more than one hard link: a save replaces the file, so the other
/// names would keep the old answers, and a survey through another name would not see this lock.
pub(crate) fn refuse_hard_links(file: &Path) -> Result<(), Failure> {
    let links = links(file);
    if links > 1 {
        return Err(Failure::usage(format!(
            "{} has {links} hard links; a survey cannot save through one of them without \
             splitting them",
            file.display()
        ))
        .hint("copy it to a file of its own (cp FILE NEW.toml) and run the survey on the copy"));
    }
    Ok(())
}

#[cfg(unix)]
fn links(file: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(file)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map_or(1, |m| m.nlink())
}

#[cfg(not(unix))]
fn links(_: &Path) -> u64 {
    1
}

fn not_a_lock_file(path: &Path) -> Failure {
    Failure::usage(format!(
        "the lock file {} is not a regular file",
        path.display()
    ))
    .hint("remove it (no survey uses it) and run the survey again")
}

/// Opens the lock file without following a link to it and without waiting on a FIFO (a plain
/// open of a FIFO blocks until someone reads it), and only when it is a regular file.
#[cfg(unix)]
fn open_lock(path: &Path, target: &Path) -> Result<File, Failure> {
    use rustix::fs::{Mode, OFlags};
    use rustix::io::Errno;
    if let Ok(m) = path.symlink_metadata()
        && !m.file_type().is_file()
    {
        return Err(not_a_lock_file(path));
    }
    let flags =
        OFlags::WRONLY | OFlags::CREATE | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let fd = rustix::fs::open(path, flags, Mode::from_raw_mode(0o644)).map_err(|e| match e {
        // A link made, or a FIFO or folder put there, after the check above.
        Errno::LOOP | Errno::NXIO | Errno::ISDIR => not_a_lock_file(path),
        e => unwritable(target, &io::Error::from(e)),
    })?;
    let file = File::from(fd);
    match file.metadata() {
        Ok(m) if m.is_file() => Ok(file),
        Ok(_) => Err(not_a_lock_file(path)),
        Err(e) => Err(unwritable(target, &e)),
    }
}

#[cfg(not(unix))]
fn open_lock(path: &Path, target: &Path) -> Result<File, Failure> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| unwritable(target, &e))
}

impl SurveyLock {
    /// Takes the lock of `target`, or says which survey holds it.
    pub(crate) fn take(target: &Path) -> Result<Self, Failure> {
        let answers = resolve(target)?;
        refuse_hard_links(&answers)?;
        let path = lock_path(&answers);
        let file = open_lock(&path, target)?;
        match file.try_lock() {
            Ok(()) => Ok(Self {
                path,
                answers,
                _file: file,
            }),
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

    /// The lock file itself, for a signal handler to remove before it ends the process.
    pub(crate) fn file(&self) -> &Path {
        &self.path
    }

    /// The answers this lock guards, with links resolved: where the survey saves.
    pub(crate) fn answers(&self) -> &Path {
        &self.answers
    }

    /// Removes the temporary files that saves of `file` killed midway left beside it, and
    /// returns how many. A save writes `.NAME.XXXXXX` (six ASCII letters or digits, the naming
    /// of atomic-write-file) and renames it over `NAME`; only names of exactly that shape are
    /// removed, and only under the lock, when no save of `file` can be under way.
    pub(crate) fn remove_stale_temporaries(&self, file: &Path) -> usize {
        let (Some(name), Some(dir)) = (file.file_name(), file.parent()) else {
            return 0;
        };
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let Ok(entries) = dir.read_dir() else {
            return 0;
        };
        let mut prefix = b".".to_vec();
        prefix.extend_from_slice(name.as_encoded_bytes());
        prefix.push(b'.');
        let mut removed = 0;
        for entry in entries.flatten() {
            let entry_name = entry.file_name();
            let Some(suffix) = entry_name
                .as_encoded_bytes()
                .strip_prefix(prefix.as_slice())
            else {
                continue;
            };
            if suffix.len() == 6
                && suffix.iter().all(u8::is_ascii_alphanumeric)
                && entry.file_type().is_ok_and(|t| t.is_file())
                && std::fs::remove_file(entry.path()).is_ok()
            {
                removed += 1;
            }
        }
        removed
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

    #[test]
    fn only_temporaries_of_the_answer_file_are_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let answers = dir.path().join("a.toml");
        let names = [
            ".a.toml.Xy3kQ9",
            ".a.toml.000000",
            ".a.toml.keep",
            ".a.toml.Xy3kQ9x",
            ".a.toml.Xy-kQ9",
            ".b.toml.Xy3kQ9",
            "a.toml.Xy3kQ9",
        ];
        for n in names {
            std::fs::write(dir.path().join(n), "half").expect("write");
        }
        std::fs::create_dir(dir.path().join(".a.toml.folder")).expect("folder");
        let lock = SurveyLock::take(&answers).expect("lock");
        assert_eq!(lock.remove_stale_temporaries(&answers), 2);
        for n in &names[2..] {
            assert!(dir.path().join(n).exists(), "{n} kept");
        }
        assert!(!dir.path().join(names[0]).exists());
        assert!(dir.path().join(".a.toml.folder").is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_answers_takes_the_same_lock_and_a_hard_link_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a.toml");
        std::fs::write(&a, "").expect("write");
        let b = dir.path().join("b.toml");
        std::os::unix::fs::symlink("a.toml", &b).expect("symlink");
        let first = SurveyLock::take(&a).expect("lock a");
        assert!(SurveyLock::take(&b).is_err(), "b is a");
        assert_eq!(
            std::fs::canonicalize(first.answers()).ok(),
            std::fs::canonicalize(&a).ok()
        );
        drop(first);

        let c = dir.path().join("c.toml");
        std::fs::hard_link(&a, &c).expect("hard link");
        let refused = SurveyLock::take(&c).expect_err("hard link refused");
        assert_eq!(refused.exit, super::super::failure::Exit::Usage);
        assert!(
            refused.message.contains("2 hard links"),
            "{}",
            refused.message
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_a_folder_or_a_fifo_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let answers = dir.path().join("a.toml");
        let lock = dir.path().join(".a.toml.lock");
        let elsewhere = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, &lock).expect("symlink");
        let refused = SurveyLock::take(&answers).expect_err("link refused");
        assert!(
            refused.message.contains(".a.toml.lock"),
            "{}",
            refused.message
        );
        assert!(!elsewhere.exists(), "the link was not followed");
        std::fs::remove_file(&lock).expect("remove");

        std::fs::create_dir(&lock).expect("folder");
        assert!(SurveyLock::take(&answers).is_err());
        std::fs::remove_dir(&lock).expect("remove");

        let made = std::process::Command::new("mkfifo")
            .arg(&lock)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let refused = SurveyLock::take(&answers).expect_err("FIFO refused");
        assert!(
            refused.message.contains("not a regular file"),
            "{}",
            refused.message
        );
    }
}
