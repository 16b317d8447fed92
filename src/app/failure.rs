//! Exit codes, and the one place where errors and diagnostics are printed.
//!
//! Whether any input was invalid is counted here too, as its errors are printed: a command
//! reports each problem where it finds it and goes on with the valid inputs, and the run's exit
//! code says afterwards whether any was found ([`settle`]).

use std::collections::HashSet;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use anstyle::{AnsiColor, Style};

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::terminal_text::clean;

/// The exit codes of DESIGN.md section 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    Success = 0,
    /// Some input was invalid; every valid input was still handled.
    Invalid = 1,
    Usage = 2,
    Interrupted = 130,
}

/// An error that ends a command, with the exit code it deserves and a hint for the user.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub(crate) struct Failure {
    pub(crate) exit: Exit,
    pub(crate) message: String,
    pub(crate) hint: Option<String>,
}

impl Failure {
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Self {
            exit: Exit::Usage,
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self {
            exit: Exit::Invalid,
            message: message.into(),
            hint: None,
        }
    }

    #[must_use]
    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// A failed write, naming where it went (a file, or "standard output"); its kind is kept, so a
/// closed pipe is still told apart.
pub(crate) fn write_error(place: &str, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("cannot write {place}: {e}"))
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const HINT: Style = AnsiColor::Cyan.on_default();

/// Errors reported in this run, printed or captured: each is an input (a file, a row) found
/// invalid.
static ERRORS: AtomicUsize = AtomicUsize::new(0);

/// How many errors this run has reported so far. Two readings tell whether a step between them
/// found an invalid input.
pub(crate) fn errors_reported() -> usize {
    ERRORS.load(Ordering::Relaxed)
}

/// The exit code of a command that ended as `exit`: one that handled every valid input still
/// ends with [`Exit::Invalid`] when an error was reported on the way (DESIGN.md section 5).
pub(crate) fn settle(exit: Exit) -> Exit {
    if exit == Exit::Success && errors_reported() > 0 {
        Exit::Invalid
    } else {
        exit
    }
}

/// Prints diagnostics to stderr: `file:line:column: error: message`, the offending line with a
/// caret, and the help. Coloured only on a terminal and never with `NO_COLOR`. A warning or a
/// note is printed once per run: a file read twice (the same questionnaire on both sides of a
/// command) says what is wrong with it once. Every error is counted ([`errors_reported`]),
/// including those [`capturing`] collects for a document instead.
pub(crate) fn print_diagnostics(all: &[Diagnostic]) {
    if all.is_empty() {
        return;
    }
    let errors = all.iter().filter(|d| d.is_error()).count();
    ERRORS.fetch_add(errors, Ordering::Relaxed);
    let captured = CAPTURE.with(|c| {
        c.borrow_mut()
            .as_mut()
            .map(|list| list.extend_from_slice(all))
            .is_some()
    });
    if captured {
        return;
    }
    let renderer = annotate_snippets::Renderer::styled();
    let mut err = anstream::stderr().lock();
    for d in all.iter().filter(|d| first_time(d)) {
        if d.snippet.is_some() {
            let _ = writeln!(err, "{}\n", renderer.render(&snippet_report(d)));
            continue;
        }
        // Without a line to show (a whole file, a CSV row), two lines say it all.
        let (style, kind) = match d.severity {
            Severity::Error => (ERROR, "error"),
            Severity::Warning => (WARNING, "warning"),
            Severity::Note => (HINT, "note"),
        };
        let _ = writeln!(
            err,
            "{style}{kind}{style:#}: {}: {}",
            place(d),
            clean(&d.message, false)
        );
        if let Some(help) = &d.help {
            let _ = writeln!(err, "  {HINT}help{HINT:#}: {}", clean(help, false));
        }
    }
}

/// A warning or note by place and message.
type Printed = HashSet<(String, Option<usize>, Option<usize>, String)>;

/// Whether `d` is an error, or a warning or note not printed before in this run.
fn first_time(d: &Diagnostic) -> bool {
    static PRINTED: std::sync::Mutex<Option<Printed>> = std::sync::Mutex::new(None);
    if d.is_error() {
        return true;
    }
    PRINTED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get_or_insert_with(HashSet::new)
        .insert((d.file.clone(), d.line, d.column, d.message.clone()))
}

thread_local! {
    /// Where diagnostics go instead of standard error while [`capturing`] runs.
    static CAPTURE: std::cell::RefCell<Option<Vec<Diagnostic>>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f`, collecting the diagnostics it would print (for machine-readable output).
pub(crate) fn capturing<T>(f: impl FnOnce() -> T) -> (T, Vec<Diagnostic>) {
    CAPTURE.with(|c| *c.borrow_mut() = Some(Vec::new()));
    let result = f();
    let found = CAPTURE.with(|c| c.borrow_mut().take()).unwrap_or_default();
    (result, found)
}

/// `file:line:column`, as much of it as the diagnostic has.
fn place(d: &Diagnostic) -> String {
    let file = clean(&d.file, false);
    match (d.line, d.column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file.into_owned(),
    }
}

/// One diagnostic as an annotate-snippets report. Everything quoted from the input is cleaned
/// of control characters first.
fn snippet_report(d: &Diagnostic) -> Vec<annotate_snippets::Group<'static>> {
    use annotate_snippets::{AnnotationKind, Group, Level, Snippet};
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let title = format!("{}: {}", place(d), clean(&d.message, false));
    let group = match &d.snippet {
        Some(s) => Group::with_title(level.primary_title(title)).element(
            Snippet::source(s.text.clone())
                .line_start(s.line)
                .annotation(AnnotationKind::Primary.span(s.range.clone())),
        ),
        None => Group::with_title(level.primary_title(title)),
    };
    let mut groups = vec![group];
    if let Some(help) = &d.help {
        groups.push(Group::with_title(
            Level::HELP.secondary_title(clean(help, false).into_owned()),
        ));
    }
    groups
}

/// Prints the error that ended a command and picks the exit code.
pub(crate) fn report(error: &anyhow::Error) -> Exit {
    if let Some(d) = error.downcast_ref::<Diagnostics>() {
        print_diagnostics(&d.0);
        return Exit::Invalid;
    }
    let mut err = anstream::stderr().lock();
    if let Some(f) = error.downcast_ref::<Failure>() {
        let _ = writeln!(err, "{ERROR}error{ERROR:#}: {}", clean(&f.message, false));
        if let Some(hint) = &f.hint {
            let _ = writeln!(err, "  {HINT}hint{HINT:#}: {}", clean(hint, false));
        }
        return f.exit;
    }
    let _ = writeln!(
        err,
        "{ERROR}error{ERROR:#}: {}",
        clean(&format!("{error:#}"), false)
    );
    Exit::Invalid
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The only test here that reports diagnostics: the count is the whole process's.
    #[test]
    fn errors_are_counted_as_they_are_reported_and_decide_the_exit_code() {
        let before = errors_reported();
        let ((), found) = capturing(|| {
            print_diagnostics(&[
                Diagnostic::warning("a.toml", "a warning"),
                Diagnostic::note("a.toml", "a note"),
            ]);
        });
        assert_eq!(found.len(), 2);
        assert_eq!(
            errors_reported(),
            before,
            "a warning or a note marks no input invalid"
        );
        assert_eq!(settle(Exit::Success), Exit::Success);
        let ((), found) = capturing(|| {
            print_diagnostics(&[
                Diagnostic::error("a.toml", "unknown key").at_line(3),
                Diagnostic::warning("a.toml", "a warning"),
                Diagnostic::error("b.toml", "not valid TOML"),
            ]);
        });
        assert_eq!(found.len(), 3);
        assert_eq!(errors_reported(), before + 2);
        assert_eq!(settle(Exit::Success), Exit::Invalid);
        assert_eq!(settle(Exit::Usage), Exit::Usage);
        assert_eq!(settle(Exit::Interrupted), Exit::Interrupted);
    }

    #[test]
    fn a_warning_is_printed_once_a_run_and_an_error_every_time() {
        let warning =
            Diagnostic::warning("once.toml", "has no translation for title (fr)").at_line(3);
        let elsewhere =
            Diagnostic::warning("once.toml", "has no translation for title (fr)").at_line(9);
        let error = Diagnostic::error("once.toml", "unknown key").at_line(3);
        assert!(first_time(&warning));
        assert!(!first_time(&warning.clone()));
        assert!(
            first_time(&elsewhere),
            "the same words at another line are another warning"
        );
        assert!(first_time(&error));
        assert!(first_time(&error));
    }
}
