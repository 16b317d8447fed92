//! The one width rule for everything laid out for reading: the terminal's width, or 80 columns
//! when the output is not a terminal (a file, a pipe, a test), so that what is saved or compared
//! never depends on the window it was made in.

use console::Term;

/// The width of output that goes to no terminal.
pub(crate) const NOT_A_TERMINAL: u16 = 80;

/// The narrowest width laid out: below it tables and wrapped text stop making sense, and the
/// terminal is left to fold the lines.
const NARROWEST: u16 = 20;

/// The width to lay out text written to `term`.
pub(crate) fn of(term: &Term) -> u16 {
    if !term.is_term() {
        return NOT_A_TERMINAL;
    }
    // A terminal that reports no size (some pseudo-terminals start at 0x0) is treated like no
    // terminal at all.
    term.size_checked()
        .map_or(NOT_A_TERMINAL, |(_, columns)| columns.max(NARROWEST))
}

/// The width to lay out text written to standard output.
pub(crate) fn stdout() -> u16 {
    of(&Term::stdout())
}

/// The width to lay out text written to standard error.
pub(crate) fn stderr() -> u16 {
    of(&Term::stderr())
}
