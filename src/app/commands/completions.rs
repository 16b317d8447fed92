//! `centricity completions`: a completion script for a shell, generated from the same definition
//! of the command line the program parses.

use std::io::Write;

use clap::CommandFactory;

use crate::app::failure::Exit;
use crate::cli::Cli;

pub(crate) fn run(shell: clap_complete::Shell) -> anyhow::Result<Exit> {
    // Generated into memory first: clap_complete panics when its writer fails (a closed pipe,
    // a full disk), and a write to standard output here reports the error instead.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "centricity", &mut script);
    let mut out = crate::app::sink::stdout();
    out.write_all(&script).and_then(|()| out.flush())?;
    Ok(Exit::Success)
}
