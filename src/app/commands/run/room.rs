//! `centricity run --participants`: a facilitated session for a room, one answer file per
//! participant in one folder, resumable with `--resume FOLDER`.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{slug, today};
use crate::answers::Response;
use crate::app::called_as;
use crate::app::failure::{Exit, Failure};
use crate::app::groups::Groups;
use crate::app::inputs::{Input, expand, load_questionnaire};
use crate::app::interrupt;
use crate::app::language;
use crate::app::lock::SurveyLock;
use crate::app::questionnaire_cache::{Questionnaires, load_response};
use crate::cli::RunArgs;
use crate::i18n::fill;
use crate::output_file::write_atomically;
use crate::questionnaire::{DEFAULT_ID, Questionnaire};
use crate::report::{self, GroupView};
use crate::scoring::ScoreOptions;
use crate::survey::{SurveyEnd, SurveyError, TerminalPrompter, first_open_question, run_room};
use crate::terminal_text::clean;

/// One participant of a facilitated session, with what their answer file says of them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Participant {
    name: String,
    role: Option<String>,
    team: Option<String>,
}

impl Participant {
    fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            role: None,
            team: None,
        }
    }
}

/// The most participants a room takes.
const MAX_PARTICIPANTS: usize = 200;
/// The largest participants file read.
const MAX_PARTICIPANTS_FILE_BYTES: u64 = 1024 * 1024;

/// Participants from `--participants`: a number (P1, P2, ...), a comma-separated list of
/// `NAME[:ROLE[:TEAM]]`, or `@FILE`, a CSV file with a header row naming the columns `name`,
/// `role` and `team`. `role` and `team` are those of participants given none.
fn participants(
    spec: &str,
    role: Option<&str>,
    team: Option<&str>,
) -> Result<Vec<Participant>, Failure> {
    let mut list = if let Ok(n) = spec.trim().parse::<usize>() {
        if !(1..=MAX_PARTICIPANTS).contains(&n) {
            return Err(Failure::usage(format!(
                "--participants {n}: a room has 1 to {MAX_PARTICIPANTS} participants"
            )));
        }
        (1..=n)
            .map(|i| Participant::named(format!("P{i}")))
            .collect()
    } else if let Some(file) = spec.strip_prefix('@') {
        participants_file(Path::new(file))?
    } else {
        inline_participants(spec)?
    };
    if list.is_empty() {
        return Err(Failure::usage(
            "--participants needs a number, names such as \"Ana,Ben,Chloé\" (with roles and \
             teams: \"Ana:Sales:North,Ben:Service\"), or @FILE",
        ));
    }
    if list.len() > MAX_PARTICIPANTS {
        return Err(Failure::usage(format!(
            "{} participants: a room has 1 to {MAX_PARTICIPANTS} participants",
            list.len()
        )));
    }
    let mut seen = HashSet::new();
    for p in &list {
        if !seen.insert(p.name.to_lowercase()) {
            return Err(
                Failure::usage(format!("participant `{}` is named twice", p.name))
                    .hint("give every participant a distinct name"),
            );
        }
    }
    for p in &mut list {
        if p.role.is_none() {
            p.role = role.map(str::to_owned);
        }
        if p.team.is_none() {
            p.team = team.map(str::to_owned);
        }
    }
    Ok(list)
}

/// A cell of a participant: trimmed, `None` when empty.
fn cell(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// `Ana:Sales:North,Ben:Service,Chloé`.
fn inline_participants(spec: &str) -> Result<Vec<Participant>, Failure> {
    let mut list = Vec::new();
    for entry in spec.split(',').filter(|e| !e.trim().is_empty()) {
        let mut parts = entry.split(':');
        let name = parts.next().and_then(cell);
        let (role, team) = (parts.next().and_then(cell), parts.next().and_then(cell));
        let Some(name) = name else {
            return Err(
                Failure::usage(format!("participant `{}` has no name", entry.trim()))
                    .hint("write each participant as NAME, NAME:ROLE or NAME:ROLE:TEAM"),
            );
        };
        if parts.next().is_some() {
            return Err(Failure::usage(format!(
                "participant `{}` has more than a name, a role and a team",
                entry.trim()
            ))
            .hint("write each participant as NAME, NAME:ROLE or NAME:ROLE:TEAM"));
        }
        list.push(Participant { name, role, team });
    }
    Ok(list)
}

/// A participants file: CSV (comma or semicolon), a header row with `name` and optionally
/// `role` and `team` (any case, any order), then one participant per row.
fn participants_file(path: &Path) -> Result<Vec<Participant>, Failure> {
    use std::io::Read;
    let shown = clean(&path.display().to_string(), false).into_owned();
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|f| {
            f.take(MAX_PARTICIPANTS_FILE_BYTES + 1)
                .read_to_string(&mut text)
        })
        .map_err(|e| {
            Failure::usage(format!("cannot read the participants file {shown}: {e}"))
                .hint("--participants @FILE names a CSV file with the columns name, role, team")
        })?;
    if text.len() as u64 > MAX_PARTICIPANTS_FILE_BYTES {
        return Err(Failure::invalid(format!(
            "{shown}: a participants file is limited to {MAX_PARTICIPANTS_FILE_BYTES} bytes"
        )));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let bad = |message: String| Failure::invalid(message);
    let headers = reader
        .headers()
        .map_err(|e| bad(format!("{shown}: {e}")))?
        .clone();
    let mut columns = [None::<usize>; 3];
    for (k, h) in headers.iter().enumerate() {
        let h = h.trim().to_lowercase();
        let Some(slot) = ["name", "role", "team"].iter().position(|c| *c == h) else {
            return Err(bad(format!(
                "{shown}:1: unknown column `{}`",
                clean(&h, false).escape_debug()
            ))
            .hint("a participants file has the columns name, role and team"));
        };
        if columns[slot].replace(k).is_some() {
            return Err(bad(format!("{shown}:1: the column `{h}` is named twice")));
        }
    }
    let Some(name_column) = columns[0] else {
        return Err(bad(format!("{shown}:1: no `name` column"))
            .hint("start the file with a header row such as: name,role,team"));
    };
    let mut list = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| bad(format!("{shown}: {e}")))?;
        let line = record.position().map_or(0, csv::Position::line);
        let get = |column: Option<usize>| column.and_then(|c| record.get(c)).and_then(cell);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(name) = get(Some(name_column)) else {
            return Err(bad(format!("{shown}:{line}: a participant without a name")));
        };
        list.push(Participant {
            name,
            role: get(columns[1]),
            team: get(columns[2]),
        });
        if list.len() > MAX_PARTICIPANTS {
            break;
        }
    }
    Ok(list)
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
            let slug = slug(n);
            let base = if slug.is_empty() {
                "participant"
            } else {
                &slug
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
        crate::app::lock::refuse_hard_links(path)?;
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
    let people = participants(spec, args.role.as_deref(), args.team.as_deref())?;
    let names: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
    let (q, _) = load_questionnaire(args.questionnaire.as_deref().unwrap_or(DEFAULT_ID))?;
    language::requested(args.common.lang.as_deref(), &q)?;
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
    let responses = people
        .into_iter()
        .map(|p| {
            let mut r = Response::new(&q);
            r.meta.respondent = Some(p.name);
            r.meta.role = p.role;
            r.meta.team = p.team;
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
    let lang = language::choose(
        args.common.lang.as_deref(),
        responses[0].meta.language.as_deref(),
        &q,
    )?;
    // Notes asked for now, or when the session started: every file remembers.
    let notes = args.notes || responses.iter().any(|r| r.session.notes);
    for r in &mut responses {
        r.session.notes = notes;
    }
    let resume_command = called_as::resume_command(&folder, args.questionnaire.as_deref());
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
    interrupt::install(
        &folder,
        q.questions.len(),
        &lang,
        &resume_command,
        lock.file(),
    );

    let mut err = std::io::stderr();
    let total = q.questions.len().to_string();
    // Names, roles and teams come from the command line or from files, the title from a
    // questionnaire file: any of them may hold escape sequences.
    let shown_names = names
        .iter()
        .map(|n| clean(n, false))
        .collect::<Vec<_>>()
        .join(", ");
    let shown_people = names
        .iter()
        .zip(&responses)
        .map(|(n, r)| {
            let about: Vec<String> = [&r.meta.role, &r.meta.team]
                .into_iter()
                .flatten()
                .map(|t| clean(t, false).into_owned())
                .collect();
            if about.is_empty() {
                clean(n, false).into_owned()
            } else {
                format!("{} ({})", clean(n, false), about.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let shown_folder = clean(&folder.display().to_string(), false).into_owned();
    let say = |text: String| {
        let _ = writeln!(std::io::stderr(), "{text}");
    };
    say(fill(
        &lang,
        "{title} ({n} questions) with {names}",
        &[
            ("title", &clean(q.tr(&q.title, &lang), false)),
            ("n", &total),
            ("names", &shown_people),
        ],
    ));
    if let Some(aside) = &set_aside {
        say(fill(
            &lang,
            "The earlier session's files in {folder} were moved to {aside}; this session starts in an empty {folder}.",
            &[
                ("folder", &shown_folder),
                ("aside", &clean(&aside.display().to_string(), false)),
            ],
        ));
    }
    let done = first_open_question(&responses, q.questions.len());
    if done > 0 {
        say(fill(
            &lang,
            "Resuming at question {n} of {total}.",
            &[
                ("n", &(done + 1).min(q.questions.len()).to_string()),
                ("total", &total),
            ],
        ));
    }
    say(fill(
        &lang,
        "Type every participant's answer on one line, in this order: {names}.",
        &[("names", &shown_names)],
    ));
    if notes {
        say(fill(
            &lang,
            "After each question, type notes as name: text, one per line; Enter goes on.",
            &[],
        ));
    }
    say(fill(
        &lang,
        "Answers are saved in {folder} after every question.",
        &[("folder", &shown_folder)],
    ));

    let mut prompter = TerminalPrompter::new(&lang);
    match run_room(
        &q,
        &mut responses,
        &names,
        &lang,
        notes,
        &mut prompter,
        &mut |rs| save(rs),
    ) {
        Ok(SurveyEnd::Completed) => {
            let done = fill(
                &lang,
                "All {total} questions answered; saved in {folder}.",
                &[("total", &total), ("folder", &shown_folder)],
            );
            let _ = writeln!(err, "\n{done}\n");
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
                plan: None,
            };
            let mut out = crate::app::sink::stdout();
            report::render_group(
                report::Format::Table,
                &mut out,
                &view,
                80,
                &report::Identity::dated(crate::clock::today()),
            )?;
            std::io::Write::flush(&mut out)?;
            Ok(Exit::Success)
        }
        Ok(SurveyEnd::Quit { .. }) => {
            // Not where the room quit: it may have gone back to an earlier question.
            let saved = fill(
                &lang,
                "Saved the answers to {done} of {total} questions in {folder}.",
                &[
                    (
                        "done",
                        &first_open_question(&responses, q.questions.len()).to_string(),
                    ),
                    ("total", &total),
                    ("folder", &shown_folder),
                ],
            );
            let _ = writeln!(
                err,
                "\n{saved}\n{}",
                interrupt::resume_hint(&lang, &resume_command)
            );
            Ok(Exit::Success)
        }
        Err(SurveyError::Interrupted) => Ok(interrupt::interrupted()),
        Err(e) => Err(Failure::invalid(e.to_string())
            .hint(interrupt::resume_hint(&lang, &resume_command))
            .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(list: &[(&str, Option<&str>, Option<&str>)]) -> Vec<Participant> {
        list.iter()
            .map(|(name, role, team)| Participant {
                name: (*name).to_owned(),
                role: role.map(str::to_owned),
                team: team.map(str::to_owned),
            })
            .collect()
    }

    #[test]
    fn participants_are_a_count_or_distinct_names() {
        assert_eq!(
            participants("3", None, None).ok(),
            Some(people(&[
                ("P1", None, None),
                ("P2", None, None),
                ("P3", None, None)
            ]))
        );
        assert_eq!(
            participants(" Ana, Ben ,Chloé ", None, None).ok(),
            Some(people(&[
                ("Ana", None, None),
                ("Ben", None, None),
                ("Chloé", None, None)
            ]))
        );
        assert!(participants("Ana,ana", None, None).is_err());
        assert!(participants(",", None, None).is_err());
        assert!(participants("0", None, None).is_err());
    }

    #[test]
    fn each_participant_may_have_a_role_and_a_team_and_the_flags_fill_in_the_rest() {
        assert_eq!(
            participants(
                "Ana:Sales:North, Ben:Service ,Chloé,Dan::South",
                None,
                Some("Claims")
            )
            .ok(),
            Some(people(&[
                ("Ana", Some("Sales"), Some("North")),
                ("Ben", Some("Service"), Some("Claims")),
                ("Chloé", None, Some("Claims")),
                ("Dan", None, Some("South")),
            ]))
        );
        let refused = participants("Ana:Sales:North:extra", None, None).expect_err("four parts");
        assert_eq!(refused.exit, Exit::Usage);
        assert!(participants(":Sales", None, None).is_err(), "no name");
        assert!(participants("Ana:Sales,ANA:IT", None, None).is_err());
    }

    #[test]
    fn a_participants_file_is_a_csv_with_name_role_and_team_columns() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("people.csv");
        std::fs::write(
            &file,
            "\u{feff}Name,Team,role\nAna,North,Sales\n\n\"Lima, Ben\",,Service\nChloé,,\n",
        )
        .expect("write");
        let spec = format!("@{}", file.display());
        assert_eq!(
            participants(&spec, Some("Staff"), None).ok(),
            Some(people(&[
                ("Ana", Some("Sales"), Some("North")),
                ("Lima, Ben", Some("Service"), None),
                ("Chloé", Some("Staff"), None),
            ]))
        );
        std::fs::write(&file, "name;role\nAna;Sales\nBen;IT\n").expect("write");
        assert_eq!(
            participants(&spec, None, None).ok(),
            Some(people(&[
                ("Ana", Some("Sales"), None),
                ("Ben", Some("IT"), None)
            ])),
            "semicolons as a spreadsheet in many locales writes them"
        );

        std::fs::write(&file, "name,rôle\nAna,Sales\n").expect("write");
        let refused = participants(&spec, None, None).expect_err("unknown column");
        assert!(
            refused
                .message
                .ends_with("people.csv:1: unknown column `rôle`"),
            "{}",
            refused.message
        );
        std::fs::write(&file, "role,team\nSales,North\n").expect("write");
        assert!(participants(&spec, None, None).is_err(), "no name column");
        std::fs::write(&file, "name,role\nAna,Sales\n,IT\n").expect("write");
        let refused = participants(&spec, None, None).expect_err("a row without a name");
        assert!(
            refused
                .message
                .ends_with("people.csv:3: a participant without a name"),
            "{}",
            refused.message
        );
        let missing = participants("@nowhere.csv", None, None).expect_err("missing file");
        assert_eq!(missing.exit, Exit::Usage);
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
