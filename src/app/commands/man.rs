//! `centricity man`: the manual pages, generated from the same definition of the command line
//! the program parses.

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;

use crate::app::failure::{Exit, Failure};
use crate::cli::Cli;

/// The main page on standard output; with `dir`, the main page and one page per command (the
/// pages the main page lists under its commands, `centricity-run(1)` and the others) as files.
pub(crate) fn run(dir: Option<&Path>, force: bool) -> anyhow::Result<Exit> {
    let Some(dir) = dir else {
        let mut page = Vec::new();
        clap_mangen::Man::new(Cli::command()).render(&mut page)?;
        return write_stdout(&page);
    };
    if !dir.is_dir() {
        return Err(Failure::usage(format!("{} is not a folder", dir.display()))
            .hint("create it first, or name an existing folder with --dir")
            .into());
    }
    let pages = pages()?;
    // Every page is checked before any is written, so a refusal leaves the folder as it was.
    let mut targets = Vec::new();
    for (name, _) in &pages {
        let path = dir.join(name);
        let existing = crate::app::sink::check_output(&path, force, &[])?;
        targets.push((path, existing));
    }
    for ((path, existing), (_, page)) in targets.iter().zip(&pages) {
        let mut file = crate::output_file::open(path, *existing)
            .map_err(|e| Failure::invalid(format!("cannot write {}: {e}", path.display())))?;
        file.write_all(page)
            .and_then(|()| file.commit())
            .map_err(|e| Failure::invalid(format!("cannot write {}: {e}", path.display())))?;
    }
    let mut out = crate::app::sink::stdout();
    writeln!(
        out,
        "Wrote {} manual pages to {}: {}.",
        pages.len(),
        dir.display(),
        pages
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    out.flush()?;
    Ok(Exit::Success)
}

/// Every page, named as `man` looks them up: `centricity.1`, then `centricity-COMMAND.1` for
/// each command the main page lists.
fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    let mut pages = Vec::new();
    let main = clap_mangen::Man::new(cli.clone());
    let mut page = Vec::new();
    main.render(&mut page)?;
    pages.push((main.get_filename(), page));
    for command in cli.get_subcommands().filter(|c| !c.is_hide_set()) {
        let man = clap_mangen::Man::new(command.clone());
        let mut page = Vec::new();
        man.render(&mut page)?;
        pages.push((man.get_filename(), page));
    }
    Ok(pages)
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<Exit> {
    let mut out = crate::app::sink::stdout();
    out.write_all(bytes).and_then(|()| out.flush())?;
    Ok(Exit::Success)
}

#[cfg(test)]
mod tests {
    /// The main page lists `centricity-COMMAND(1)` for its commands: each is a page written.
    #[test]
    fn every_page_the_main_page_refers_to_is_written() {
        let pages = super::pages().expect("pages");
        let main = String::from_utf8(pages[0].1.clone()).expect("utf-8");
        assert_eq!(pages[0].0, "centricity.1");
        let mut referred = 0;
        for (name, _) in &pages[1..] {
            let stem = name.trim_end_matches(".1");
            let reference = format!("{}(1)", stem.replace('-', "\\-"));
            assert!(
                main.contains(&reference),
                "{reference} not in the main page"
            );
            referred += 1;
        }
        assert!(referred >= 10, "{referred} command pages");
        assert_eq!(
            main.matches("centricity\\-").count(),
            referred,
            "the main page refers to a page that is not written"
        );
    }
}
