//! `centricity run`: the interactive survey, saved after every answer, resumable.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::Duration;

use super::failure::{Exit, Failure};
use super::inputs::{Input, load_questionnaire};
use super::score::{Questionnaires, load_response, pick_language};
use crate::answers::Response;
use crate::cli::RunArgs;
use crate::output_file::write_atomically;
use crate::questionnaire::DEFAULT_ID;
use crate::report::{self, Scored};
use crate::scoring::{ScoreOptions, assess};
use crate::survey::{SurveyEnd, SurveyError, TerminalPrompter, run_survey};

/// The answer file of the survey under way, for the Ctrl-C handler's resume hint.
static SAVING_TO: OnceLock<PathBuf> = OnceLock::new();
/// How many answers the answer file holds, and of how many questions, for the same report.
static SAVED_ANSWERS: AtomicUsize = AtomicUsize::new(0);
static QUESTIONS: AtomicUsize = AtomicUsize::new(0);
/// Held while the answer file is written, so that Ctrl-C never ends the process mid-save.
static SAVING: Mutex<()> = Mutex::new(());
/// Set by whichever of the Ctrl-C handler and the survey reports an interruption first.
///
/// Ctrl-C reaches both: at a prompt the terminal is in raw mode, so the prompt reads it as a key
/// and fails with `Interrupted`, and console also raises SIGINT, which runs the handler on its
/// own thread. Without this flag both printed the report, often twice or cut off by the other's
/// exit.
static INTERRUPT_REPORTED: AtomicBool = AtomicBool::new(false);

/// Reports an interruption unless it was reported already; true when this call reported it.
fn report_interrupt() -> bool {
    if INTERRUPT_REPORTED.swap(true, Ordering::SeqCst) {
        return false;
    }
    let _ = console::Term::stderr().show_cursor();
    if let Some(p) = SAVING_TO.get() {
        eprintln!(
            "\nInterrupted. Every confirmed answer is saved in {} ({} of {}).\n{}",
            p.display(),
            SAVED_ANSWERS.load(Ordering::SeqCst),
            QUESTIONS.load(Ordering::SeqCst),
            resume_hint(p)
        );
    }
    true
}

fn resume_hint(path: &Path) -> String {
    format!(
        "resume with: centricity run --resume {}",
        shell_quote(&path.display().to_string())
    )
}

fn shell_quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

pub(crate) fn run(args: &RunArgs) -> anyhow::Result<Exit> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(
            Failure::usage("`centricity run` asks questions and needs a terminal")
                .hint("to score answers without a terminal, use `centricity score FILE...`")
                .into(),
        );
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
                Some(p) if p.exists() && !args.force => {
                    return Err(Failure::usage(format!("{} already exists", p.display()))
                        .hint(format!(
                            "continue it with --resume {0}, or replace it with --force",
                            p.display()
                        ))
                        .into());
                }
                Some(p) => p.clone(),
                None => default_path(args.respondent.as_deref()),
            };
            (q, response, path)
        }
    };
    if let Some(name) = &args.respondent {
        response.meta.respondent = Some(name.clone());
    }
    let lang = pick_language(args.common.lang.as_deref(), &response, &q);

    // Saving once before the first question proves the file can be written, so that an
    // unwritable folder is reported now rather than after the last answer.
    QUESTIONS.store(q.questions.len(), Ordering::SeqCst);
    let save = |r: &Response| {
        let _saving = SAVING.lock().unwrap_or_else(PoisonError::into_inner);
        write_atomically(&path, r.to_toml(&q).as_bytes())?;
        SAVED_ANSWERS.store(r.answered(), Ordering::SeqCst);
        Ok::<_, std::io::Error>(())
    };
    save(&response).map_err(|e| {
        Failure::invalid(format!("cannot save answers to {}: {e}", path.display()))
            .hint("choose a writable place with --output FILE")
    })?;
    let _ = SAVING_TO.set(path.clone());
    // Ctrl-C between prompts (when the terminal is not in raw mode) arrives only as a signal;
    // at a prompt it also ends the prompt (see INTERRUPT_REPORTED).
    let _ = ctrlc::set_handler(|| {
        // Let a save under way finish, and keep another from starting, before exiting.
        let _saving = SAVING.lock().unwrap_or_else(PoisonError::into_inner);
        if report_interrupt() {
            std::process::exit(Exit::Interrupted as i32);
        }
    });

    let mut err = std::io::stderr();
    let answered = response.answered();
    let _ = writeln!(
        err,
        "{} ({} questions)",
        q.tr(&q.title, &lang),
        q.questions.len()
    );
    if answered > 0 {
        let _ = writeln!(
            err,
            "Resuming: {answered} of {} already answered.",
            q.questions.len()
        );
    }
    let _ = writeln!(
        err,
        "Answers are saved to {} after every question.",
        path.display()
    );

    let mut prompter = TerminalPrompter::default();
    let outcome = run_survey(&q, &mut response, &lang, &mut prompter, &mut |r| save(r));
    match outcome {
        Ok(SurveyEnd::Completed) => {
            let _ = writeln!(
                err,
                "\nAll {} questions answered; saved to {}.\n",
                q.questions.len(),
                path.display()
            );
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
            let mut out = std::io::stdout().lock();
            report::renderer(report::Format::Table, false, 80).result(&mut out, &scored)?;
            Ok(Exit::Success)
        }
        Ok(SurveyEnd::Quit { .. }) => {
            let _ = writeln!(
                err,
                "\nSaved {} of {} answers to {}.\n{}",
                response.answered(),
                q.questions.len(),
                path.display(),
                resume_hint(&path)
            );
            Ok(Exit::Success)
        }
        Err(SurveyError::Interrupted) => {
            if !report_interrupt() {
                // The Ctrl-C handler is reporting it and then exits the process; returning now
                // would exit under it and cut its report short.
                std::thread::sleep(Duration::from_secs(2));
            }
            Ok(Exit::Interrupted)
        }
        Err(e) => Err(Failure::invalid(e.to_string())
            .hint(resume_hint(&path))
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
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days(i64::try_from(secs / 86_400).unwrap_or(0));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_days_since_the_epoch() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_414), (2025, 11, 22));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn quotes_paths_for_the_shell_only_when_needed() {
        assert_eq!(shell_quote("answers-ana.toml"), "answers-ana.toml");
        assert_eq!(shell_quote("my answers.toml"), "'my answers.toml'");
    }
}
