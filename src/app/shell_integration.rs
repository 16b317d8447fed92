//! `centricity completions` and `centricity man`: the command line described for shells and
//! for `man`, generated from the same definition the program parses.

use clap::CommandFactory;

use super::failure::Exit;
use crate::cli::Cli;

pub(crate) fn completions(shell: clap_complete::Shell) -> anyhow::Result<Exit> {
    clap_complete::generate(
        shell,
        &mut Cli::command(),
        "centricity",
        &mut std::io::stdout(),
    );
    Ok(Exit::Success)
}

pub(crate) fn man() -> anyhow::Result<Exit> {
    clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout())?;
    Ok(Exit::Success)
}
