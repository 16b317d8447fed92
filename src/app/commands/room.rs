//! `centricity room`: a workshop on the participants' own phones. This module starts or resumes
//! the session folder, starts the server (`crate::room`), prints the join address, its QR code
//! and the join code, and runs the facilitator's keys until the session ends; then it prints the
//! room's group result.

use std::io::{IsTerminal, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use crate::app::called_as::{called_as, shell_quote};
use crate::app::failure::{Exit, Failure};
use crate::app::inputs::load_questionnaire;
use crate::app::language;
use crate::app::lock::SurveyLock;
use crate::cli::RoomArgs;
use crate::i18n::{fill, tr};
use crate::questionnaire::DEFAULT_ID;
use crate::report::{self, GroupView};
use crate::room::facilitator::{End, Key, Keys, Screen, facilitate, wrap};
use crate::room::{Room, RoomServer, Settings, Store, qr, rules};
use crate::terminal_text::clean;

pub(crate) fn run(args: &RoomArgs) -> anyhow::Result<Exit> {
    let (folder, questionnaire_name, resumed) = match &args.resume {
        Some(folder) => {
            if !folder.join(crate::room::SESSION_FILE).is_file() {
                return Err(Failure::usage(format!(
                    "{} holds no room session to resume",
                    folder.display()
                ))
                .hint("--resume takes the folder of a session started with `centricity room`")
                .into());
            }
            let session =
                Store::read_session(folder).map_err(|e| Failure::invalid(e.to_string()))?;
            let name = args
                .questionnaire
                .clone()
                .unwrap_or_else(|| session.questionnaire.clone());
            (folder.clone(), name, Some(session))
        }
        None => (
            new_folder(args.output.as_deref()),
            args.questionnaire
                .clone()
                .unwrap_or_else(|| DEFAULT_ID.to_owned()),
            None,
        ),
    };
    let (q, _) = load_questionnaire(&questionnaire_name)?;
    let lang = language::choose(args.common.lang.as_deref(), None, &q)?;
    let q = Arc::new(q);

    if resumed.is_none() {
        prepare_folder(&folder)?;
    }
    let lock = SurveyLock::take(&folder)?;
    let date = crate::clock::today();
    let (room, store, previous_address) = match resumed {
        Some(session) => {
            let address = session.address.clone();
            let (room, store) = Store::resume(&folder, session, Arc::clone(&q), date)
                .map_err(|e| Failure::invalid(e.to_string()))?;
            for p in &room.participants {
                lock.remove_stale_temporaries(&folder.join(&p.file));
            }
            (room, store, address)
        }
        None => {
            let settings = Settings {
                pace: args.pace,
                anonymous: args.anonymous,
                max_participants: args.max_participants as usize,
                consensus: f64::from(args.consensus),
                min_group: args.min_group,
            };
            let code =
                rules::new_code().map_err(|e| Failure::invalid(format!("no randomness: {e}")))?;
            let room = Room::new(Arc::clone(&q), settings, code, date);
            (room, Store::new(&folder, &questionnaire_name), None)
        }
    };
    let bind = bind_address(args.bind.as_deref(), previous_address.as_deref())?;
    let server = match RoomServer::start(room, store, bind) {
        Ok(server) => server,
        // The earlier run's address may be taken now, or gone (another network): this
        // machine's address on any free port will do.
        Err(_) if args.bind.is_none() && previous_address.is_some() => {
            let again = bind_address(None, None)?;
            let (room, store) = reload(&folder, &q)?;
            RoomServer::start(room, store, again).map_err(|e| Failure::invalid(e.to_string()))?
        }
        Err(e) => {
            return Err(Failure::usage(e.to_string())
                .hint("choose an address of this machine with --bind ADDRESS[:PORT]")
                .into());
        }
    };

    let shown_folder = clean(&folder.display().to_string(), false).into_owned();
    let resume = resume_command(&folder, &questionnaire_name);
    install_interrupt(&lang, &shown_folder, &resume, lock.file());
    introduce(&server, &lang, args.common.ascii, &shown_folder);

    let mut keys = keys();
    let mut screen = TermScreen::new(&lang);
    let end = facilitate(
        &server,
        keys.as_mut(),
        &mut screen,
        &lang,
        args.common.ascii,
    )
    .map_err(|e| Failure::invalid(e.to_string()))?;
    let mut err = std::io::stderr();
    match end {
        End::Ended => {
            let people = server.with_room(|r| r.participants.len());
            server.with_room(|room| print_group(room, &lang, &folder))?;
            let _ = writeln!(
                err,
                "\n{}",
                wrap(
                    &fill(
                        &lang,
                        "The session has ended. {n} answer files are in {folder}; `centricity summarize {folder}` reads them again.",
                        &[("n", &people.to_string()), ("folder", &shown_folder)],
                    ),
                    screen.width()
                )
                .trim_end()
            );
            server.stop();
            Ok(Exit::Success)
        }
        End::Stopped => {
            server.stop();
            let _ = writeln!(
                err,
                "\n{}\n{}",
                fill(
                    &lang,
                    "Stopped. Every confirmed answer is saved in {folder}.",
                    &[("folder", &shown_folder)]
                ),
                fill(&lang, "resume with: {command}", &[("command", &resume)])
            );
            Ok(Exit::Interrupted)
        }
    }
}

/// The room as its files left it (after a failed start, which wrote them).
fn reload(
    folder: &Path,
    q: &Arc<crate::questionnaire::Questionnaire>,
) -> anyhow::Result<(Room, Store)> {
    let session = Store::read_session(folder).map_err(|e| Failure::invalid(e.to_string()))?;
    Ok(
        Store::resume(folder, session, Arc::clone(q), crate::clock::today())
            .map_err(|e| Failure::invalid(e.to_string()))?,
    )
}

/// The command that resumes the session in `folder`.
fn resume_command(folder: &Path, questionnaire: &str) -> String {
    let mut command = format!(
        "{} room --resume {}",
        clean(&called_as(), false),
        shell_quote(&clean(&folder.display().to_string(), false))
    );
    if Path::new(questionnaire).exists() || questionnaire.ends_with(".toml") {
        command.push_str(" -q ");
        command.push_str(&shell_quote(&clean(questionnaire, false)));
    }
    command
}

/// Ctrl-C when the keys are not read from a terminal (or between two keys): every answer is
/// saved already, so it says where and how to go on, and ends.
fn install_interrupt(lang: &str, folder: &str, resume: &str, lock_file: &Path) {
    let message = format!(
        "\n{}\n{}",
        fill(
            lang,
            "Stopped. Every confirmed answer is saved in {folder}.",
            &[("folder", folder)]
        ),
        fill(lang, "resume with: {command}", &[("command", resume)])
    );
    let lock_file = lock_file.to_owned();
    let _ = ctrlc::set_handler(move || {
        let _ = console::Term::stderr().show_cursor();
        let _ = writeln!(std::io::stderr(), "{message}");
        let _ = std::fs::remove_file(&lock_file);
        std::process::exit(Exit::Interrupted as i32);
    });
}

/// The address to listen on: `--bind` (ADDRESS or ADDRESS:PORT), else where the session listened
/// before, else this machine's address on the local network on any free port.
fn bind_address(flag: Option<&str>, previous: Option<&str>) -> Result<SocketAddr, Failure> {
    if let Some(flag) = flag {
        if let Ok(addr) = flag.parse::<SocketAddr>() {
            return Ok(addr);
        }
        if let Ok(ip) = flag.trim_matches(['[', ']']).parse::<IpAddr>() {
            return Ok(SocketAddr::new(ip, 0));
        }
        return Err(
            Failure::usage(format!("--bind {}: not an address", clean(flag, false))).hint(
                "write an address of this machine, such as 192.168.1.20 or 192.168.1.20:8080",
            ),
        );
    }
    if let Some(addr) = previous.and_then(|p| p.parse::<SocketAddr>().ok()) {
        return Ok(addr);
    }
    let ip = crate::room::lan_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    Ok(SocketAddr::new(ip, 0))
}

/// A new session's folder: `--output`, or a new `room-DATE` folder.
fn new_folder(output: Option<&Path>) -> PathBuf {
    if let Some(p) = output {
        return p.to_owned();
    }
    let stem = format!("room-{}", crate::clock::today());
    let mut p = PathBuf::from(&stem);
    let mut n = 2;
    while p.exists() {
        p = PathBuf::from(format!("{stem}-{n}"));
        n += 1;
    }
    p
}

/// Makes `folder` an empty folder for a new session; one that holds files is refused.
fn prepare_folder(folder: &Path) -> Result<(), Failure> {
    if folder.exists() && !folder.is_dir() {
        return Err(Failure::usage(format!(
            "{} is a file; a session saves to a folder",
            folder.display()
        )));
    }
    if folder.read_dir().is_ok_and(|mut d| d.next().is_some()) {
        return Err(
            Failure::usage(format!("{} already holds files", folder.display())).hint(format!(
                "continue that session with --resume {0}, or pick another --output",
                folder.display()
            )),
        );
    }
    std::fs::create_dir_all(folder).map_err(|e| {
        Failure::invalid(format!("cannot create {}: {e}", folder.display()))
            .hint("choose a writable place with --output FOLDER")
    })
}

/// The opening screen: what the room is, where to join, the QR code and the join code.
fn introduce(server: &RoomServer, lang: &str, ascii: bool, folder: &str) {
    let url = server.join_url();
    let (title, pace, code, people) = server.with_room(|room| {
        (
            clean(room.q.tr(&room.q.title, lang), false).into_owned(),
            room.settings.pace,
            room.code.clone(),
            room.participants.len(),
        )
    });
    let pace = match pace {
        crate::room::Pace::Facilitator => tr(lang, "facilitator-paced"),
        crate::room::Pace::SelfPaced => tr(lang, "self-paced"),
    };
    let size = terminal_size();
    let columns = size.map_or(usize::MAX, |(_, c)| c);
    let mut err = std::io::stderr();
    let mut say = |text: &str| {
        let _ = write!(err, "{}", wrap(text, columns));
    };
    say(&format!("{title} ({pace})"));
    if people > 0 {
        say(&fill(
            lang,
            "Resumed with {n} participants; each goes on where they were.",
            &[("n", &people.to_string())],
        ));
    }
    say(&fill(
        lang,
        "Join on the same network: {url}",
        &[("url", &url)],
    ));
    let host = format!("http://{}/host", server.addr());
    if let Some(code) = qr::terminal(&url, ascii) {
        let width = code
            .lines()
            .map(console::measure_text_width)
            .max()
            .unwrap_or(0);
        // The code is of use only whole on the screen, above the join code and the status:
        // in a smaller terminal the room's page shows it instead.
        let rows = code.lines().count() + BELOW_THE_QR_CODE;
        match size {
            Some((r, c)) if width > c || rows > r => say(&fill(
                lang,
                "The QR code needs a terminal of {columns} columns and {rows} rows; the room's page shows it: {url}",
                &[
                    ("columns", &width.to_string()),
                    ("rows", &rows.to_string()),
                    ("url", &host),
                ],
            )),
            _ => {
                let _ = writeln!(err, "{code}");
            }
        }
    }
    let _ = writeln!(err, "{}", tr(lang, "Join code:"));
    let _ = writeln!(err, "{}", qr::big_code(&code, ascii));
    let mut say = |text: &str| {
        let _ = write!(err, "{}", wrap(text, columns));
    };
    say(&fill(
        lang,
        "To project the room's page, open {url} on this machine.",
        &[("url", &host)],
    ));
    say(&fill(
        lang,
        "Answers are saved in {folder} as they are given.",
        &[("folder", folder)],
    ));
}

/// The lines the opening screen and a short status take below the QR code: the join code
/// (six lines and a blank), where to project the page and where answers go (two to four), the
/// keys (two), a question with its vote count (four).
const BELOW_THE_QR_CODE: usize = 16;

/// The rows and columns of the terminal the facilitator's screen is drawn on; `None` when it
/// is not a terminal (a script or a log), where lines are not wrapped.
fn terminal_size() -> Option<(usize, usize)> {
    std::io::stderr().is_terminal().then(|| {
        let (rows, columns) = console::Term::stderr().size();
        (usize::from(rows), usize::from(columns))
    })
}

/// The room's group result on standard output.
fn print_group(room: &Room, lang: &str, folder: &Path) -> anyhow::Result<()> {
    if room.participants.is_empty() {
        return Ok(());
    }
    let all = room.group();
    let source = folder.display().to_string();
    let view = GroupView {
        questionnaire: &room.q,
        all: &all,
        source: &source,
        by: None,
        warnings: &[],
        lang,
        plan: None,
    };
    let mut out = crate::app::sink::stdout();
    report::render_group(
        report::Format::Table,
        &mut out,
        &view,
        // As wide as the terminal it is shown on, within what the table needs and reads well.
        terminal_size().map_or(80, |(_, c)| u16::try_from(c.clamp(60, 120)).unwrap_or(80)),
        &report::Identity::dated(crate::clock::today()),
    )?;
    out.flush()?;
    Ok(())
}

/// Keys from the terminal, read on a thread of their own so the status keeps refreshing; or,
/// when standard input is not a terminal, one key per line (the first character; an empty line
/// is Enter), which lets a script drive a session. At the end of a script the room keeps
/// serving until it is stopped.
struct ChannelKeys(Receiver<Key>);

impl Keys for ChannelKeys {
    fn next(&mut self, wait: Duration) -> Option<Key> {
        match self.0.recv_timeout(wait) {
            Ok(key) => Some(key),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(wait);
                None
            }
        }
    }
}

fn keys() -> Box<dyn Keys> {
    let (send, receive) = channel();
    if std::io::stdin().is_terminal() {
        std::thread::spawn(move || {
            let term = console::Term::stderr();
            loop {
                let key = match term.read_key() {
                    Ok(console::Key::Enter) => Key::Enter,
                    Ok(console::Key::Char('\u{3}')) => Key::Quit,
                    Ok(console::Key::Char(c)) => Key::Char(c),
                    Ok(console::Key::CtrlC) | Err(_) => Key::Quit,
                    Ok(_) => continue,
                };
                if send.send(key).is_err() || key == Key::Quit {
                    return;
                }
            }
        });
    } else {
        std::thread::spawn(move || {
            let mut line = String::new();
            while {
                line.clear();
                std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0)
            } {
                let key = line.trim().chars().next().map_or(Key::Enter, Key::Char);
                if send.send(key).is_err() {
                    return;
                }
            }
        });
    }
    Box::new(ChannelKeys(receive))
}

/// The facilitator's terminal: the status redrawn in place on a terminal, printed again
/// elsewhere.
struct TermScreen {
    term: console::Term,
    tty: bool,
    status_lines: usize,
    lang: String,
}

impl TermScreen {
    fn new(lang: &str) -> Self {
        Self {
            term: console::Term::stderr(),
            tty: std::io::stderr().is_terminal(),
            status_lines: 0,
            lang: lang.to_owned(),
        }
    }
}

impl Screen for TermScreen {
    fn status(&mut self, text: &str) {
        if self.tty && self.status_lines > 0 {
            let _ = self.term.clear_last_lines(self.status_lines);
        }
        let text = text.trim_end_matches('\n');
        let _ = self.term.write_line(text);
        // Rows on the screen, not lines: a line longer than the terminal wraps.
        let columns = usize::from(self.term.size().1).max(1);
        self.status_lines = text
            .lines()
            .map(|l| console::measure_text_width(l).div_ceil(columns).max(1))
            .sum();
    }

    fn message(&mut self, text: &str) {
        let _ = self.term.write_str(&wrap(text, self.width()));
        self.status_lines = 0;
    }

    fn width(&self) -> usize {
        terminal_size().map_or(usize::MAX, |(_, columns)| columns)
    }

    fn group(&mut self, room: &Room) {
        if room.participants.is_empty() {
            let _ = self
                .term
                .write_line(tr(&self.lang, "Nobody has joined yet."));
            self.status_lines = 0;
            return;
        }
        let all = room.group();
        let view = GroupView {
            questionnaire: &room.q,
            all: &all,
            source: "",
            by: None,
            warnings: &[],
            lang: &self.lang,
            plan: None,
        };
        let mut text = Vec::new();
        if report::render_group(
            report::Format::Table,
            &mut text,
            &view,
            self.term.size().1.clamp(60, 120),
            &report::Identity::dated(crate::clock::today()),
        )
        .is_ok()
        {
            let _ = self.term.write_line(&String::from_utf8_lossy(&text));
        }
        self.status_lines = 0;
    }
}
