//! `centricity run`: the interactive survey, saved after every answer, resumable; with
//! `--participants`, a facilitated session for a room ([`room`]).

mod room;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::answers::Response;
use crate::app::called_as;
use crate::app::failure::{Exit, Failure};
use crate::app::inputs::{Input, load_questionnaire};
use crate::app::interrupt;
use crate::app::language;
use crate::app::questionnaire_cache::{Questionnaires, load_response};
use crate::cli::RunArgs;
use crate::i18n::fill;
use crate::output_file::write_atomically;
use crate::questionnaire::DEFAULT_ID;
use crate::report::{self, Scored};
use crate::scoring::{ScoreOptions, assess};
use crate::survey::{SurveyEnd, SurveyError, TerminalPrompter, run_review, run_survey};
use crate::terminal_text::clean;

pub(crate) fn run(args: &RunArgs) -> anyhow::Result<Exit> {
    // Before the terminal is asked for: a mistyped name is the first thing to put right.
    if let Some(path) = &args.resume
        && !path.exists()
    {
        return Err(Failure::usage(format!(
            "nothing to resume: {} does not exist",
            path.display()
        ))
        .hint(
            "--resume takes the answer file (or a facilitated session's folder) of a survey \
             started earlier; to start a new one there, use --output",
        )
        .into());
    }
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(
            Failure::usage("`centricity run` asks questions and needs a terminal")
                .hint("to score answers without a terminal, use `centricity score FILE...`")
                .into(),
        );
    }
    if args.participants.is_some() || args.resume.as_ref().is_some_and(|p| p.is_dir()) {
        if args.review {
            return Err(Failure::usage(
                "--review lists one respondent's answers; a facilitated session has none to list",
            )
            .hint("review one participant's answers with --resume FOLDER/FILE --review")
            .into());
        }
        return room::run_room_session(args);
    }
    let (q, mut response, path) = match &args.resume {
        Some(path) => {
            let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
            let (q, response, _) = load_response(&Input::File(path.clone()), &mut questionnaires)?;
            (q.clone(), response, path.clone())
        }
        None => {
            let (q, _) = load_questionnaire(args.questionnaire.as_deref().unwrap_or(DEFAULT_ID))?;
            let mut response = Response::new(&q);
            response.meta.respondent.clone_from(&args.respondent);
            response.meta.role.clone_from(&args.role);
            response.meta.team.clone_from(&args.team);
            response.meta.date = Some(today());
            response.meta.language.clone_from(&args.common.lang);
            let path = match &args.output {
                Some(p) if p.symlink_metadata().is_ok() && !args.force => {
                    return Err(Failure::usage(format!("{} already exists", p.display()))
                        .hint(format!(
                            "continue it with --resume {0}, or replace it with --force",
                            p.display()
                        ))
                        .into());
                }
                Some(p) => {
                    // Only a regular file is replaced, never a device or a pipe, nor the
                    // questionnaire the survey reads.
                    let read: Vec<&std::path::Path> = args
                        .questionnaire
                        .iter()
                        .map(std::path::Path::new)
                        .collect();
                    crate::app::sink::check_output(p, args.force, &read)?;
                    p.clone()
                }
                None => default_path(args.respondent.as_deref()),
            };
            (q, response, path)
        }
    };
    if let Some(name) = &args.respondent {
        response.meta.respondent = Some(name.clone());
    }
    let lang = language::choose(
        args.common.lang.as_deref(),
        response.meta.language.as_deref(),
        &q,
    )?;
    // `--notes` on a resumed survey turns notes on for the rest of it; the file remembers.
    response.session.notes |= args.notes;
    let resume = called_as::resume_command(&path, args.questionnaire.as_deref());

    // Saving once before the first question proves the file can be written, so that an
    // unwritable folder is reported now rather than after the last answer.
    let lock = crate::app::lock::SurveyLock::take(&path)?;
    // Saved where the lock points, so that a save through a symbolic link replaces the file it
    // names rather than the link.
    let target = lock.answers();
    lock.remove_stale_temporaries(target);
    let save = |r: &Response| {
        interrupt::saving(r.answered(), || {
            write_atomically(target, r.to_toml(&q).as_bytes())
        })
    };
    save(&response).map_err(|e| {
        Failure::invalid(format!("cannot save answers to {}: {e}", path.display()))
            .hint("choose a writable place with --output FILE")
    })?;
    interrupt::install(&path, q.questions.len(), &lang, &resume, lock.file());

    let mut err = std::io::stderr();
    let width = usize::from(crate::term_width::stderr());
    let wrapped = |text: String| textwrap::fill(&text, width);
    let answered = response.answered();
    let finished_before =
        response.completed && crate::survey::first_unanswered(&response).is_none();
    let total = q.questions.len().to_string();
    let shown_path = clean(&path.display().to_string(), false).into_owned();
    let title = clean(q.tr(&q.title, &lang), false);
    let _ = writeln!(
        err,
        "{}",
        wrapped(fill(
            &lang,
            "{title} ({n} questions)",
            &[("title", &title), ("n", &total)]
        ))
    );
    if answered > 0 {
        let values = [("answered", answered.to_string()), ("total", total.clone())];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let _ = writeln!(
            err,
            "{}",
            wrapped(fill(
                &lang,
                "Resuming: {answered} of {total} already answered.",
                &values
            ))
        );
    }
    let _ = writeln!(
        err,
        "{}",
        wrapped(fill(
            &lang,
            "Answers are saved to {path} after every question.",
            &[("path", &shown_path)]
        ))
    );

    let mut prompter = TerminalPrompter::new(&lang);
    let survey = if args.review { run_review } else { run_survey };
    let notes = response.session.notes;
    let outcome = survey(&q, &mut response, &lang, notes, &mut prompter, &mut |r| {
        save(r)
    });
    match outcome {
        Ok(SurveyEnd::Completed) => {
            let done = fill(
                &lang,
                "All {total} questions answered; saved to {path}.",
                &[("total", &total), ("path", &shown_path)],
            );
            let _ = writeln!(err, "\n{}\n", wrapped(done));
            let assessment = assess(&q, &response, ScoreOptions::default());
            let source = path.display().to_string();
            let scored = Scored {
                questionnaire: &q,
                response: &response,
                assessment: &assessment,
                source: &source,
                warnings: &[],
                lang: &lang,
                plan: None,
            };
            let mut out = crate::app::sink::stdout();
            report::renderer(
                report::Format::Table,
                crate::term_width::stdout(),
                &report::Identity::dated(crate::clock::today()),
            )
            .result(&mut out, &scored)?;
            std::io::Write::flush(&mut out)?;
            if finished_before && !args.review {
                // Only the result was shown: say how to change an answer.
                let command = format!("{resume} --review");
                let _ = writeln!(
                    err,
                    "\n{}",
                    wrapped(fill(
                        &lang,
                        "To change an answer: {command}",
                        &[("command", &command)]
                    ))
                );
            }
            Ok(Exit::Success)
        }
        Ok(SurveyEnd::Quit { .. }) => {
            let answered = response.answered().to_string();
            let values = [
                ("answered", answered.as_str()),
                ("total", total.as_str()),
                ("path", shown_path.as_str()),
            ];
            let saved = fill(
                &lang,
                "Saved {answered} of {total} answers to {path}.",
                &values,
            );
            let _ = writeln!(
                err,
                "\n{}\n{}",
                wrapped(saved),
                interrupt::resume_hint(&lang, &resume)
            );
            Ok(Exit::Success)
        }
        Err(SurveyError::Interrupted) => Ok(interrupt::interrupted()),
        Err(e) => Err(Failure::invalid(e.to_string())
            .hint(interrupt::resume_hint(&lang, &resume))
            .into()),
    }
}

/// `answers-<respondent>-<date>.toml` in the current folder, numbered so as never to replace a
/// file that exists.
fn default_path(respondent: Option<&str>) -> PathBuf {
    let slug = slug(respondent.unwrap_or(""));
    let stem = if slug.is_empty() {
        format!("answers-{}", today())
    } else {
        format!("answers-{slug}-{}", today())
    };
    let mut path = PathBuf::from(format!("{stem}.toml"));
    let mut n = 2;
    while path.exists() {
        path = PathBuf::from(format!("{stem}-{n}.toml"));
        n += 1;
    }
    path
}

/// A person's name as part of a file name: lower case (Unicode's, so `Élodie` is `élodie` as
/// `Ana` is `ana`), letters and digits kept with their accents, every other run of characters
/// one `-`. Empty when the name has no letter or digit.
pub(super) fn slug(name: &str) -> String {
    name.chars()
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
        .join("-")
}

/// Today's date (UTC) as YYYY-MM-DD.
pub(super) fn today() -> String {
    crate::clock::today()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_lower_case_file_names_with_their_accents() {
        assert_eq!(slug("Ana"), "ana");
        assert_eq!(slug("Élodie"), "élodie");
        assert_eq!(slug("ÉLODIE Ñúñez"), "élodie-ñúñez");
        assert_eq!(slug("  Jean-Luc / O'Brien  "), "jean-luc-o-brien");
        assert_eq!(slug("Ǆemal"), "ǆemal", "a title-case letter too");
        assert_eq!(slug("王芳"), "王芳");
        assert_eq!(slug("../../etc"), "etc", "no path separator survives");
        assert_eq!(slug("---"), "");
    }
}
