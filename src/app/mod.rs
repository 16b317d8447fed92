//! The command layer: parses the command line, runs one command, and is the only place that
//! prints errors and picks the exit code.

mod called_as;
mod compare;
mod export;
mod failure;
mod gap;
mod group_input;
mod inputs;
mod interrupt;
mod language;
mod lock;
mod map;
mod progress;
mod records;
mod report_identity;
mod room;
mod score;
mod shell_integration;
mod show;
mod sink;
mod summarize;
mod survey;
mod validate;

use clap::Parser;

use crate::cli::{Cli, Command};
use failure::{Exit, report};

/// Runs the command line of this process and returns its exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            if let Err(io) = e.print()
                && !e.use_stderr()
                && io.kind() != std::io::ErrorKind::BrokenPipe
            {
                // `--help > /dev/full`: the help was not shown.
                return Exit::Invalid as i32;
            }
            return if e.use_stderr() {
                Exit::Usage as i32
            } else {
                Exit::Success as i32
            };
        }
    };
    let ascii = match &cli.command {
        Command::Run(a) => a.common.ascii,
        Command::Score(a) => a.common.ascii,
        Command::Summarize(a) => a.read.common.ascii,
        Command::Compare(a) => a.common.ascii,
        Command::Gap(a) => a.common.ascii,
        Command::Show(a) => a.common.ascii,
        _ => false,
    };
    crate::report::set_ascii(ascii);
    let result = match &cli.command {
        Command::Run(args) => survey::run(args),
        Command::Score(args) => score::score(args),
        Command::Summarize(args) => summarize::summarize(args),
        Command::Compare(args) => compare::compare_command(args),
        Command::Gap(args) => gap::gap_command(args),
        Command::Map(args) => map::map(args),
        Command::Export(args) => export::export(args),
        Command::Validate(args) => validate::validate(args),
        Command::Questionnaires => show::list(),
        Command::Show(args) => show::show(args),
        Command::Completions { shell } => shell_integration::completions(*shell),
        Command::Man { dir, force } => shell_integration::man(dir.as_deref(), *force),
        Command::New { file, force } => show::new_questionnaire(file, *force),
        Command::Schema { kind } => {
            use std::io::Write as _;
            let mut out = sink::stdout();
            out.write_all(crate::schema::schema(*kind).as_bytes())
                .and_then(|()| out.flush())
                .map(|()| Exit::Success)
                .map_err(Into::into)
        }
    };
    match result {
        Ok(exit) => exit as i32,
        Err(e) if is_broken_pipe(&e) => Exit::Success as i32,
        Err(e) => report(&e) as i32,
    }
}

/// Output cut short by a closed pipe (`centricity score ... | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
