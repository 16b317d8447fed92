//! `centricity completions` and `centricity man`: the command line described for shells and
//! for `man`, generated from the same definition the program parses.

use std::io::Write;

use clap::CommandFactory;

use super::failure::Exit;
use crate::cli::Cli;

pub(crate) fn completions(shell: clap_complete::Shell) -> anyhow::Result<Exit> {
    // Generated into memory first: clap_complete panics when its writer fails (a closed pipe,
    // a full disk), and a write to standard output here reports the error instead.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "centricity", &mut script);
    write_stdout(&script)
}

pub(crate) fn man() -> anyhow::Result<Exit> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    write_stdout(&page)
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<Exit> {
    let mut out = super::sink::stdout();
    out.write_all(bytes).and_then(|()| out.flush())?;
    Ok(Exit::Success)
}
