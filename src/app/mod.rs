//! The command layer: parses the command line, runs one command, and is the only place that
//! prints errors and picks the exit code.

mod called_as;
mod colour;
mod commands;
mod failure;
mod groups;
mod inputs;
mod interrupt;
mod language;
mod lock;
mod plan_file;
mod progress;
mod questionnaire_cache;
mod records;
mod report_identity;
mod results;
mod sink;

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
    // Set once for the whole run, before any command draws: tables and bars, and colour.
    crate::report::set_ascii(cli.command.common().is_some_and(|c| c.ascii));
    colour::decide();
    let result = match &cli.command {
        Command::Run(args) => commands::run::run(args),
        Command::Room(args) => commands::room::run(args),
        Command::Score(args) => commands::score::run(args),
        Command::Summarize(args) => commands::summarize::run(args),
        Command::Compare(args) => commands::compare::run(args),
        Command::Trend(args) => commands::trend::run(args),
        Command::Plan(command) => commands::plan::run(command),
        Command::Gap(args) => commands::gap::run(args),
        Command::Map(args) => commands::map::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Validate(args) => commands::validate::run(args),
        Command::Questionnaires => commands::questionnaires::run(),
        Command::Show(args) => commands::show::run(args),
        Command::Completions { shell } => commands::completions::run(*shell),
        Command::Man { dir, force } => commands::man::run(dir.as_deref(), *force),
        Command::New { file, force, plan } => commands::new::run(file, *force, *plan),
        Command::Schema { kind } => commands::schema::run(*kind),
    };
    match result {
        Ok(exit) => failure::settle(exit) as i32,
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
