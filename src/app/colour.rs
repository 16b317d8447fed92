//! Whether what the program writes is coloured, decided once per run, before a command starts.
//!
//! Two libraries draw in colour: `anstream` (diagnostics and errors, on standard error) and
//! `console` (the survey's screen, through `dialoguer`). Each would otherwise apply its own
//! reading of the environment; here `anstream`'s one rule decides for both, per stream: never
//! with a non-empty `NO_COLOR`; always with `CLICOLOR_FORCE`; never with `CLICOLOR=0`; else only
//! on a terminal whose `TERM` is set and not `dumb` (or with `CLICOLOR` set, or in CI).

use anstream::{AutoStream, ColorChoice};

/// Decides colour for standard output and standard error, and tells both libraries.
pub(crate) fn decide() {
    let on = |choice: ColorChoice| choice != ColorChoice::Never;
    let stdout = on(AutoStream::choice(&std::io::stdout()));
    let stderr = on(AutoStream::choice(&std::io::stderr()));
    // `anstream` writes only to standard error here; its choice is made global so that it is not
    // read from the environment again.
    if stderr {
        ColorChoice::Always.write_global();
    } else {
        ColorChoice::Never.write_global();
    }
    // `console` styles are said to be for one stream or the other; the survey writes them all to
    // standard error, as its library chose, and that choice is kept.
    console::set_colors_enabled(stdout);
    console::set_colors_enabled_stderr(stderr);
}
