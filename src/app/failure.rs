//! Exit codes, and the one place where errors and diagnostics are printed.

use std::io::Write;

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

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const HINT: Style = AnsiColor::Cyan.on_default();

/// Prints diagnostics to stderr, coloured only on a terminal and never with `NO_COLOR`.
pub(crate) fn print_diagnostics(all: &[Diagnostic]) {
    if all.is_empty() {
        return;
    }
    let mut err = anstream::stderr().lock();
    for d in all {
        let mut place = d.file.clone();
        match (d.line, d.column) {
            (Some(l), Some(c)) => place = format!("{place}:{l}:{c}"),
            (Some(l), None) => place = format!("{place}:{l}"),
            _ => {}
        }
        let (style, kind) = match d.severity {
            Severity::Error => (ERROR, "error"),
            Severity::Warning => (WARNING, "warning"),
        };
        // Messages quote the input (keys, values, ids), which may hold escape sequences.
        let (place, message) = (clean(&place, false), clean(&d.message, false));
        let _ = writeln!(err, "{place}: {style}{kind}{style:#}: {message}");
        if let Some(help) = &d.help {
            let _ = writeln!(err, "  {HINT}help{HINT:#}: {}", clean(help, false));
        }
    }
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
