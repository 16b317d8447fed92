//! Ctrl-C during a survey: every confirmed answer is already saved, so an interruption only
//! has to restore the terminal, say where the answers are and how to resume, and exit 130.
//!
//! SIGTERM and SIGHUP (a `kill`, a closed terminal window) end a survey the same way: left to
//! their default, they ended it with the cursor hidden and the terminal in raw mode.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Duration;

use super::failure::Exit;
use crate::i18n::fill;
use crate::terminal_text::clean;

/// What the report of an interruption says, known once the survey has started.
#[derive(Debug)]
struct Survey {
    /// The answer file, or the session's folder, as shown.
    shown_path: String,
    /// The language of the survey, for the report's words.
    lang: String,
    /// The command that resumes the survey.
    resume: String,
    /// The survey's lock file, removed before a signal ends the process: the lock itself dies
    /// with the process, but the file would stay beside the answers.
    lock_file: PathBuf,
}

static SURVEY: OnceLock<Survey> = OnceLock::new();
/// How many answers the answer file holds, and of how many questions, for the same report.
static SAVED_ANSWERS: AtomicUsize = AtomicUsize::new(0);
static QUESTIONS: AtomicUsize = AtomicUsize::new(0);
/// Held while the answer file is written, so that Ctrl-C never ends the process mid-save.
static SAVING: Mutex<()> = Mutex::new(());
/// Set by whichever of the Ctrl-C handler and the survey reports an interruption first.
///
/// Ctrl-C reaches both: at a prompt the terminal is in raw mode, so the prompt reads it as a key
/// and fails with `Interrupted`, and console also raises SIGINT, which runs the handler on its
/// own thread. Without this flag both printed the report, often twice or cut off by the other's
/// exit.
static INTERRUPT_REPORTED: AtomicBool = AtomicBool::new(false);

/// The terminal's settings before the first question, put back when a signal ends the survey
/// in the middle of a prompt (which holds the terminal in raw mode).
#[cfg(unix)]
static TERMINAL: OnceLock<rustix::termios::Termios> = OnceLock::new();

#[cfg(unix)]
fn remember_terminal() {
    if let Ok(t) = rustix::termios::tcgetattr(std::io::stdin()) {
        let _ = TERMINAL.set(t);
    }
}

#[cfg(unix)]
fn restore_terminal() {
    if let Some(t) = TERMINAL.get() {
        let _ =
            rustix::termios::tcsetattr(std::io::stdin(), rustix::termios::OptionalActions::Now, t);
    }
}

#[cfg(not(unix))]
fn remember_terminal() {}

#[cfg(not(unix))]
fn restore_terminal() {}

/// Reports an interruption unless it was reported already; true when this call reported it.
fn report() -> bool {
    if INTERRUPT_REPORTED.swap(true, Ordering::SeqCst) {
        return false;
    }
    let _ = console::Term::stderr().show_cursor();
    if let Some(s) = SURVEY.get() {
        let saved = fill(
            &s.lang,
            "Interrupted. Every confirmed answer is saved in {path} ({answered} of {total}).",
            &[
                ("path", &s.shown_path),
                (
                    "answered",
                    &SAVED_ANSWERS.load(Ordering::SeqCst).to_string(),
                ),
                ("total", &QUESTIONS.load(Ordering::SeqCst).to_string()),
            ],
        );
        // Not eprintln!: after a hangup stderr is gone, and a failed write must not panic.
        let _ = writeln!(
            std::io::stderr(),
            "\n{saved}\n{}",
            resume_hint(&s.lang, &s.resume)
        );
    }
    true
}

/// "resume with: COMMAND" in `lang`.
pub(super) fn resume_hint(lang: &str, command: &str) -> String {
    fill(lang, "resume with: {command}", &[("command", command)])
}

/// Runs `write` (a save of the answers) so that Ctrl-C cannot end the process in the middle of
/// it, then records that `answered` answers are saved.
pub(super) fn saving(
    answered: usize,
    write: impl FnOnce() -> std::io::Result<()>,
) -> std::io::Result<()> {
    let _saving = SAVING.lock().unwrap_or_else(PoisonError::into_inner);
    write()?;
    SAVED_ANSWERS.store(answered, Ordering::SeqCst);
    Ok(())
}

/// Installs the handler of Ctrl-C, SIGTERM and SIGHUP for a survey in `lang` saving to `path`
/// (a file, or a folder of them) under the lock file `lock_file`, resumed by `resume` (a
/// command). Ctrl-C between prompts (when the terminal is not in raw mode) arrives only as a
/// signal; at a prompt it also ends the prompt (see `INTERRUPT_REPORTED`). SIGTERM and SIGHUP
/// arrive only as signals, also at a prompt, so the handler puts the terminal back.
pub(super) fn install(path: &Path, questions: usize, lang: &str, resume: &str, lock_file: &Path) {
    QUESTIONS.store(questions, Ordering::SeqCst);
    let _ = SURVEY.set(Survey {
        shown_path: clean(&path.display().to_string(), false).into_owned(),
        lang: lang.to_owned(),
        resume: resume.to_owned(),
        lock_file: lock_file.to_owned(),
    });
    remember_terminal();
    let _ = ctrlc::set_handler(|| {
        // Let a save under way finish, and keep another from starting, before exiting.
        let _saving = SAVING.lock().unwrap_or_else(PoisonError::into_inner);
        restore_terminal();
        if report() {
            // The process ends here, without unwinding to the lock's Drop.
            if let Some(s) = SURVEY.get() {
                let _ = std::fs::remove_file(&s.lock_file);
            }
            std::process::exit(Exit::Interrupted as i32);
        }
    });
}

/// Reports an interruption seen by the survey itself, and gives its exit code.
pub(super) fn interrupted() -> Exit {
    if !report() {
        // The Ctrl-C handler is reporting it and then exits the process; returning now would
        // exit under it and cut its report short.
        std::thread::sleep(Duration::from_secs(2));
    }
    Exit::Interrupted
}
