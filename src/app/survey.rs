//! `centricity run`: the interactive survey, saved after every answer, resumable.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::failure::{Exit, Failure};
use super::inputs::{Input, load_questionnaire};
use super::interrupt;
use super::score::{Questionnaires, load_response, pick_language};
use crate::answers::Response;
use crate::cli::RunArgs;
use crate::i18n::fill;
use crate::output_file::write_atomically;
use crate::questionnaire::DEFAULT_ID;
use crate::report::{self, Scored};
use crate::scoring::{ScoreOptions, assess};
use crate::survey::{SurveyEnd, SurveyError, TerminalPrompter, run_survey};
use crate::terminal_text::clean;

pub(crate) fn run(args: &RunArgs) -> anyhow::Result<Exit> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(
            Failure::usage("`centricity run` asks questions and needs a terminal")
                .hint("to score answers without a terminal, use `centricity score FILE...`")
                .into(),
        );
    }
    if args.participants.is_some() || args.resume.as_ref().is_some_and(|p| p.is_dir()) {
        return super::room::run_room_session(args);
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
                    super::sink::check_output(p, args.force, &read)?;
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
    super::language::requested(args.common.lang.as_deref(), &q)?;
    let lang = pick_language(args.common.lang.as_deref(), &response, &q);

    // Saving once before the first question proves the file can be written, so that an
    // unwritable folder is reported now rather than after the last answer.
    let lock = super::lock::SurveyLock::take(&path)?;
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
    interrupt::install(&path, q.questions.len());

    let mut err = std::io::stderr();
    let answered = response.answered();
    let total = q.questions.len().to_string();
    let shown_path = clean(&path.display().to_string(), false).into_owned();
    let title = clean(q.tr(&q.title, &lang), false);
    let _ = writeln!(
        err,
        "{}",
        fill(
            &lang,
            "{title} ({n} questions)",
            &[("title", &title), ("n", &total)]
        )
    );
    if answered > 0 {
        let values = [("answered", answered.to_string()), ("total", total.clone())];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let _ = writeln!(
            err,
            "{}",
            fill(
                &lang,
                "Resuming: {answered} of {total} already answered.",
                &values
            )
        );
    }
    let _ = writeln!(
        err,
        "{}",
        fill(
            &lang,
            "Answers are saved to {path} after every question.",
            &[("path", &shown_path)]
        )
    );

    let mut prompter = TerminalPrompter::new(&lang);
    let outcome = run_survey(
        &q,
        &mut response,
        &lang,
        args.notes,
        &mut prompter,
        &mut |r| save(r),
    );
    match outcome {
        Ok(SurveyEnd::Completed) => {
            let done = fill(
                &lang,
                "All {total} questions answered; saved to {path}.",
                &[("total", &total), ("path", &shown_path)],
            );
            let _ = writeln!(err, "\n{done}\n");
            let assessment = assess(&q, &response, ScoreOptions::default());
            let source = path.display().to_string();
            let scored = Scored {
                questionnaire: &q,
                response: &response,
                assessment: &assessment,
                source: &source,
                warnings: &[],
                lang: &lang,
            };
            let mut out = super::sink::stdout();
            report::renderer(report::Format::Table, 80).result(&mut out, &scored)?;
            std::io::Write::flush(&mut out)?;
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
            let _ = writeln!(err, "\n{saved}\n{}", interrupt::resume_hint(&path));
            Ok(Exit::Success)
        }
        Err(SurveyError::Interrupted) => Ok(interrupt::interrupted()),
        Err(e) => Err(Failure::invalid(e.to_string())
            .hint(interrupt::resume_hint(&path))
            .into()),
    }
}

/// `answers-<respondent>-<date>.toml` in the current folder, numbered so as never to replace a
/// file that exists.
fn default_path(respondent: Option<&str>) -> PathBuf {
    let slug: String = respondent
        .unwrap_or("")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
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

/// Today's date (UTC) as YYYY-MM-DD.
pub(super) fn today() -> String {
    crate::clock::today()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn quotes_paths_for_the_shell_only_when_needed() {
        assert_eq!(
            interrupt::resume_hint(Path::new("answers-ana.toml")),
            "resume with: centricity run --resume answers-ana.toml"
        );
        assert_eq!(
            interrupt::resume_hint(Path::new("my answers.toml")),
            "resume with: centricity run --resume 'my answers.toml'"
        );
    }
}
