//! Files the tool writes: always atomically (a temporary file in the same folder, synced, then
//! renamed), so a reader or a crash never sees half a file; and only where a file may be
//! written: a new path, or a regular file the user agreed to replace.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

/// What is at an output path before it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Existing {
    Nothing,
    /// A regular file: replaced keeping its permissions.
    File,
    /// A symbolic link, dangling or not: the link itself is replaced by a new regular file with
    /// the usual permissions; what it points to is left alone.
    Link,
}

/// Why an output path is not written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Refusal {
    #[error("{} already exists", .0.display())]
    Exists(PathBuf),
    #[error("{} already exists (a symbolic link)", .0.display())]
    LinkExists(PathBuf),
    #[error("{} is {kind}, not a regular file: only a regular file is ever replaced", .0.display(), kind = .1)]
    NotRegular(PathBuf, &'static str),
    #[error("{} is also an input of this command", .0.display())]
    IsInput(PathBuf),
    #[error("cannot inspect {}: {err}", .0.display(), err = .1)]
    Inspect(PathBuf, io::Error),
}

/// Checks that `path` may be written: it is new, or (with `force`) a regular file or a link, and
/// it is none of `inputs` (compared by file identity, so another name of an input is caught too).
pub(crate) fn check_target(
    path: &Path,
    force: bool,
    inputs: &[&Path],
) -> Result<Existing, Refusal> {
    let existing = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Existing::Nothing,
        Err(e) => return Err(Refusal::Inspect(path.to_owned(), e)),
        Ok(m) if m.file_type().is_symlink() => Existing::Link,
        Ok(m) if m.is_file() => Existing::File,
        Ok(m) => return Err(Refusal::NotRegular(path.to_owned(), kind_of(&m))),
    };
    if existing == Existing::Nothing {
        return Ok(existing);
    }
    if let Ok(target) = std::fs::metadata(path)
        && inputs.iter().any(|i| is_input(i, path, &target))
    {
        return Err(Refusal::IsInput(path.to_owned()));
    }
    match (existing, force) {
        (_, true) => Ok(existing),
        (Existing::Link, false) => Err(Refusal::LinkExists(path.to_owned())),
        _ => Err(Refusal::Exists(path.to_owned())),
    }
}

/// Whether the existing file `path` (with metadata `target`) is `input`, or an answer file a
/// folder `input` holds.
fn is_input(input: &Path, path: &Path, target: &std::fs::Metadata) -> bool {
    match std::fs::metadata(input) {
        Ok(m) if m.is_dir() => {
            path.extension().is_some_and(|e| e == "toml")
                && match (std::fs::canonicalize(input), std::fs::canonicalize(path)) {
                    (Ok(folder), Ok(file)) => file.starts_with(folder),
                    _ => false,
                }
        }
        Ok(m) => same_file(&m, target),
        Err(_) => false,
    }
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len()
        && a.modified().ok() == b.modified().ok()
        && a.created().ok() == b.created().ok()
}

fn kind_of(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if m.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Opens the atomic replacement of `path`, whose current state `existing` was checked.
pub(crate) fn open(path: &Path, existing: Existing) -> io::Result<AtomicWriteFile> {
    let mut options = AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt;
        // A link's own mode (0777) and owner are not a file's: a new file gets the usual ones.
        let keep = existing == Existing::File;
        options.preserve_mode(keep).preserve_owner(keep);
    }
    options.open(path)
}

/// Replaces `path` with `bytes` atomically.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let existing = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Existing::Link,
        Ok(m) if m.is_file() => Existing::File,
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a regular file: only a regular file is ever replaced",
            ));
        }
        Err(_) => Existing::Nothing,
    };
    let mut file = open(path, existing)?;
    file.write_all(bytes)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_whole_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.toml");
        write_atomically(&path, b"first version, longer").expect("write");
        write_atomically(&path, b"second").expect("write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "second");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn only_new_paths_regular_files_and_links_are_written() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.csv");
        std::fs::write(&file, "x").expect("write");
        let new = dir.path().join("new.csv");
        assert_eq!(
            check_target(&new, false, &[]).expect("new"),
            Existing::Nothing
        );
        assert!(matches!(
            check_target(&file, false, &[]),
            Err(Refusal::Exists(_))
        ));
        assert_eq!(
            check_target(&file, true, &[]).expect("forced"),
            Existing::File
        );
        assert!(matches!(
            check_target(&file, true, &[file.as_path()]),
            Err(Refusal::IsInput(_))
        ));
        assert!(matches!(
            check_target(Path::new("/dev/null"), true, &[]),
            Err(Refusal::NotRegular(_, "a device"))
        ));
        assert!(matches!(
            check_target(dir.path(), true, &[]),
            Err(Refusal::NotRegular(_, "a folder"))
        ));
        let dangling = dir.path().join("dangling.csv");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).expect("link");
        assert!(matches!(
            check_target(&dangling, false, &[]),
            Err(Refusal::LinkExists(_))
        ));
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&file, &link).expect("link");
        assert!(matches!(
            check_target(&link, true, &[file.as_path()]),
            Err(Refusal::IsInput(_))
        ));
        // The link is replaced by a file of the usual mode; its target is untouched.
        assert_eq!(
            check_target(&dangling, true, &[]).expect("forced"),
            Existing::Link
        );
        write_atomically(&dangling, b"new").expect("write");
        let meta = std::fs::symlink_metadata(&dangling).expect("meta");
        assert!(meta.is_file());
        assert_eq!(
            meta.permissions().mode() & 0o022,
            0,
            "not group/world-writable"
        );
        assert!(!dir.path().join("nowhere").exists());
    }
}
