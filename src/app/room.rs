//! `centricity run --participants`: a facilitated session for a room, one answer file per
//! participant in one folder, resumable with `--resume FOLDER`.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::failure::{Exit, Failure};
use super::inputs::{Input, expand, load_questionnaire};
use super::interrupt;
use super::lock::SurveyLock;
use super::score::{Questionnaires, load_response, pick_language};
use super::summarize::Groups;
use super::survey::today;
use crate::answers::Response;
use crate::cli::RunArgs;
use crate::output_file::write_atomically;
use crate::questionnaire::{DEFAULT_ID, Questionnaire};
use crate::report::{self, GroupView};
use crate::scoring::ScoreOptions;
use crate::survey::{SurveyEnd, SurveyError, TerminalPrompter, first_open_question, run_room};
use crate::terminal_text::clean;

/// Participants from `--participants`: a number (P1, P2, ...) or a comma-separated list.
fn participants(spec: &str) -> Result<Vec<String>, Failure> {
    if let Ok(n) = spec.trim().parse::<usize>() {
        if !(1..=200).contains(&n) {
            return Err(Failure::usage(format!(
                "--participants {n}: a room has 1 to 200 participants"
            )));
        }
        return Ok((1..=n).map(|i| format!("P{i}")).collect());
    }
    let names: Vec<String> = spec
        .split(',')
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect();
    let mut seen = HashSet::new();
    for n in &names {
        if !seen.insert(n.to_lowercase()) {
            return Err(Failure::usage(format!("participant `{n}` is named twice"))
                .hint("give every participant a distinct name"));
        }
    }
    if names.is_empty() {
        return Err(Failure::usage(
            "--participants needs a number or names such as \"Ana,Ben,Chloé\"",
        ));
    }
    Ok(names)
}

/// A file name for each participant, distinct even when names differ only in accents or case.
///
/// Each name starts with the participant's place in the order given (`01-ana.toml`), because a
/// resumed session reads the files in name order and the facilitator types answers in that
/// order: a changed order would give answers to the wrong people.
fn file_names(names: &[String]) -> Vec<String> {
    let width = names.len().to_string().len();
    names
        .iter()
        .enumerate()
        .map(|(k, n)| {
            let slug: String = n
                .chars()
                .flat_map(|c| {
                    if c.is_alphanumeric() {
                        c.to_lowercase().collect::<Vec<_>>()
                    } else {
                        vec!['-']
                    }
                })
                .collect::<String>()
                .split('-')
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            let base = if slug.is_empty() {
                "participant".to_owned()
            } else {
                slug
            };
            format!("{:0width$}-{base}.toml", k + 1)
        })
        .collect()
}

/// The folder a new session saves to: `--output`, or a new `workshop-<date>` folder.
fn new_folder(args: &RunArgs) -> PathBuf {
    match &args.output {
        Some(p) => p.clone(),
        None => {
            let stem = format!("workshop-{}", today());
            let mut p = PathBuf::from(&stem);
            let mut n = 2;
            while p.exists() {
                p = PathBuf::from(format!("{stem}-{n}"));
                n += 1;
            }
            p
        }
    }
}

/// Makes `folder` an empty folder for a new session (its lock held). A folder that holds files
/// is refused, or with `force` renamed to `<folder>.previous-<n>`: a resumed session reads every
/// file in its folder, so an earlier session's files left beside the new ones would join the
/// room, and moving them aside keeps them without deleting anything. Returns where they went.
fn prepare_folder(folder: &Path, force: bool) -> Result<Option<PathBuf>, Failure> {
    if folder.exists() && !folder.is_dir() {
        return Err(Failure::usage(format!(
            "{} is a file; a session saves to a folder",
            folder.display()
        )));
    }
    let occupied = folder
        .read_dir()
        .map(|mut d| d.next().is_some())
        .unwrap_or(false);
    let mut set_aside = None;
    if occupied && !force {
        return Err(
            Failure::usage(format!("{} already holds files", folder.display())).hint(format!(
                "continue that session with --resume {0}, pick another --output, or start \
                 afresh with --force (the files in {0} are then moved aside, not deleted)",
                folder.display()
            )),
        );
    }
    if occupied {
        let aside = (1..)
            .map(|n| {
                let mut name = folder.as_os_str().to_owned();
                name.push(format!(".previous-{n}"));
                PathBuf::from(name)
            })
            .find(|p| p.symlink_metadata().is_err())
            .unwrap_or_else(|| folder.with_extension("previous"));
        std::fs::rename(folder, &aside).map_err(|e| {
            Failure::invalid(format!(
                "cannot move the earlier session in {} aside to {}: {e}",
                folder.display(),
                aside.display()
            ))
        })?;
        set_aside = Some(aside);
    }
    std::fs::create_dir_all(folder).map_err(|e| {
        Failure::invalid(format!("cannot create {}: {e}", folder.display()))
            .hint("choose a writable place with --output FOLDER")
    })?;
    Ok(set_aside)
}

/// A session ready to run: its lock held, its files named.
struct Session {
    q: Questionnaire,
    names: Vec<String>,
    paths: Vec<PathBuf>,
    responses: Vec<Response>,
    folder: PathBuf,
    lock: SurveyLock,
    /// Where `--force` moved an earlier session's files.
    set_aside: Option<PathBuf>,
}

fn resume(folder: &Path, args: &RunArgs) -> anyhow::Result<Session> {
    let lock = SurveyLock::take(folder)?;
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
    let (inputs, _) = expand(&[folder.to_owned()]);
    let mut q: Option<Questionnaire> = None;
    let (mut names, mut paths, mut responses) = (Vec::new(), Vec::new(), Vec::new());
    for input in &inputs {
        let Input::File(path) = input else { continue };
        super::lock::refuse_hard_links(path)?;
        let (qq, response, _) = load_response(input, &mut questionnaires)?;
        if q.as_ref().is_some_and(|first| first.id != qq.id) {
            return Err(Failure::invalid(format!(
                "{} answers another questionnaire than the rest of the session",
                path.display()
            ))
            .into());
        }
        q.get_or_insert_with(|| qq.clone());
        names.push(
            response
                .meta
                .respondent
                .clone()
                .unwrap_or_else(|| format!("P{}", names.len() + 1)),
        );
        paths.push(path.clone());
        responses.push(response);
    }
    let Some(q) = q else {
        return Err(Failure::usage(format!(
            "{} holds no answer files to resume",
            folder.display()
        ))
        .into());
    };
    Ok(Session {
        q,
        names,
        paths,
        responses,
        folder: folder.to_owned(),
        lock,
        set_aside: None,
    })
}

fn start(spec: &str, args: &RunArgs) -> anyhow::Result<Session> {
    let names = participants(spec)?;
    let (q, _) = load_questionnaire(args.questionnaire.as_deref().unwrap_or(DEFAULT_ID))?;
    super::language::requested(args.common.lang.as_deref(), &q)?;
    let folder = new_folder(args);
    // The lock sits beside the folder, so it is taken (and a session running there refuses
    // --force) before the folder is moved aside or created.
    if let Some(parent) = folder.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            Failure::invalid(format!("cannot create {}: {e}", parent.display()))
                .hint("choose a writable place with --output FOLDER")
        })?;
    }
    let lock = SurveyLock::take(&folder)?;
    let set_aside = prepare_folder(&folder, args.force)?;
    let paths = file_names(&names)
        .into_iter()
        .map(|f| folder.join(f))
        .collect();
    let responses = names
        .iter()
        .map(|n| {
            let mut r = Response::new(&q);
            r.meta.respondent = Some(n.clone());
            r.meta.role.clone_from(&args.role);
            r.meta.date = Some(today());
            r.meta.language.clone_from(&args.common.lang);
            r
        })
        .collect();
    Ok(Session {
        q,
        names,
        paths,
        responses,
        folder,
        lock,
        set_aside,
    })
}

/// Runs a facilitated session: `--participants` starts one, `--resume FOLDER` continues one.
pub(crate) fn run_room_session(args: &RunArgs) -> anyhow::Result<Exit> {
    let session = match (&args.resume, &args.participants) {
        (Some(folder), _) => resume(folder, args)?,
        (None, Some(spec)) => start(spec, args)?,
        (None, None) => {
            return Err(Failure::usage(
                "a facilitated session needs --participants or --resume FOLDER",
            )
            .into());
        }
    };
    let Session {
        q,
        names,
        paths,
        mut responses,
        folder,
        lock,
        set_aside,
    } = session;
    for path in &paths {
        lock.remove_stale_temporaries(path);
    }
    super::language::requested(args.common.lang.as_deref(), &q)?;
    let lang = pick_language(args.common.lang.as_deref(), &responses[0], &q);
    let save = |rs: &[Response]| {
        let done = first_open_question(rs, q.questions.len());
        interrupt::saving(done, || {
            for (path, r) in paths.iter().zip(rs) {
                write_atomically(path, r.to_toml(&q).as_bytes())?;
            }
            Ok(())
        })
    };
    save(&responses).map_err(|e| {
        Failure::invalid(format!("cannot save answers in {}: {e}", folder.display()))
            .hint("choose a writable place with --output FOLDER")
    })?;
    interrupt::install(&folder, q.questions.len());

    let mut err = std::io::stderr();
    let total = q.questions.len();
    // Names come from the command line or from answer files, the title from a questionnaire
    // file: any of them may hold escape sequences.
    let shown_names = names
        .iter()
        .map(|n| clean(n, false))
        .collect::<Vec<_>>()
        .join(", ");
    let shown_folder = clean(&folder.display().to_string(), false).into_owned();
    let _ = writeln!(
        err,
        "{} ({total} questions) with {shown_names}",
        clean(q.tr(&q.title, &lang), false),
    );
    if let Some(aside) = &set_aside {
        let _ = writeln!(
            err,
            "The earlier session's files in {shown_folder} were moved to {}; this session starts \
             in an empty {shown_folder}.",
            clean(&aside.display().to_string(), false)
        );
    }
    let done = first_open_question(&responses, total);
    if done > 0 {
        let _ = writeln!(
            err,
            "Resuming at question {} of {total}.",
            (done + 1).min(total)
        );
    }
    let _ = writeln!(
        err,
        "Type every participant's answer on one line, in this order: {shown_names}."
    );
    let _ = writeln!(
        err,
        "Answers are saved in {shown_folder} after every question."
    );

    let mut prompter = TerminalPrompter::new(&lang);
    match run_room(
        &q,
        &mut responses,
        &names,
        &lang,
        &mut prompter,
        &mut |rs| save(rs),
    ) {
        Ok(SurveyEnd::Completed) => {
            let _ = writeln!(
                err,
                "\nAll {total} questions answered; saved in {shown_folder}.\n"
            );
            let options = ScoreOptions::default();
            let mut groups = Groups::new(&q, None, options);
            for r in &responses {
                groups.add(&q, r);
            }
            let (all, _) = groups.finish(&q, &lang);
            let source = folder.display().to_string();
            let view = GroupView {
                questionnaire: &q,
                all: &all,
                source: &source,
                by: None,
                warnings: &[],
                lang: &lang,
            };
            let mut out = super::sink::stdout();
            report::render_group(report::Format::Table, &mut out, &view, 80)?;
            std::io::Write::flush(&mut out)?;
            Ok(Exit::Success)
        }
        Ok(SurveyEnd::Quit { .. }) => {
            // Not where the room quit: it may have gone back to an earlier question.
            let _ = writeln!(
                err,
                "\nSaved the answers to {} of {total} questions in {shown_folder}.\n{}",
                first_open_question(&responses, total),
                interrupt::resume_hint(&folder)
            );
            Ok(Exit::Success)
        }
        Err(SurveyError::Interrupted) => Ok(interrupt::interrupted()),
        Err(e) => Err(Failure::invalid(e.to_string())
            .hint(interrupt::resume_hint(&folder))
            .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participants_are_a_count_or_distinct_names() {
        assert_eq!(
            participants("3").ok(),
            Some(vec!["P1".into(), "P2".into(), "P3".into()])
        );
        assert_eq!(
            participants(" Ana, Ben ,Chloé ").ok(),
            Some(vec!["Ana".into(), "Ben".into(), "Chloé".into()])
        );
        assert!(participants("Ana,ana").is_err());
        assert!(participants(",").is_err());
        assert!(participants("0").is_err());
    }

    #[test]
    fn file_names_keep_the_order_given_and_are_distinct() {
        let names: Vec<String> = ["Chloé", "Chloe", "", "Jean-Luc"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            file_names(&names),
            [
                "1-chloé.toml",
                "2-chloe.toml",
                "3-participant.toml",
                "4-jean-luc.toml"
            ]
        );
        let many: Vec<String> = (1..=12).map(|i| format!("P{i}")).collect();
        let files = file_names(&many);
        assert_eq!(
            (files[0].as_str(), files[11].as_str()),
            ("01-p1.toml", "12-p12.toml")
        );
        let mut sorted = files.clone();
        sorted.sort();
        assert_eq!(sorted, files, "name order is the order given");
    }
}
