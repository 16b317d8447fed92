//! What the pseudo-terminal tests share: the bundled questionnaire's layout, the keys, a session on a
//! pseudo-terminal, and reading the answer files it writes.

#![allow(dead_code, unreachable_pub)]

pub(crate) const TIMEOUT_MS: u64 = 20_000;

pub(crate) const DOWN: &str = "\x1b[B";
pub(crate) const ENTER: &str = "\r";
pub(crate) const CTRL_C: &str = "\x03";

/// The bundled questionnaire's question ids, in the order it asks them.
pub(crate) const QUESTION_IDS: [&str; 24] = [
    "focused-knowledge",
    "focused-listening",
    "focused-relationship",
    "focused-innovation",
    "focused-leadership",
    "focused-empowerment",
    "driven-knowledge",
    "driven-listening",
    "driven-relationship",
    "driven-innovation",
    "driven-leadership",
    "driven-empowerment",
    "engaged-knowledge",
    "engaged-listening",
    "engaged-relationship",
    "engaged-innovation",
    "engaged-leadership",
    "engaged-empowerment",
    "inspired-knowledge",
    "inspired-listening",
    "inspired-relationship",
    "inspired-innovation",
    "inspired-leadership",
    "inspired-empowerment",
];

pub(crate) const STAGES: [&str; 4] = [
    "Customer-focused",
    "Customer-driven",
    "Customer-engaged",
    "Customer-inspired",
];

pub(crate) const DIMENSIONS: [&str; 6] = [
    "Customer knowledge & data",
    "Listening & feedback",
    "Relationship & emotional connection",
    "Innovation & anticipating needs",
    "Leadership & culture",
    "Employees & empowerment",
];

/// `centricity run ARGS` on a pseudo-terminal, in a folder: the real binary and real keys.
pub(crate) struct Pty {
    pub(crate) session: rexpect::session::PtySession,
}

/// `centricity run ARGS` in `dir`, called as an installed `centricity` is: by that name (the
/// resume hint repeats the name the program was called by) and outside cargo (`cargo test`
/// gives its children the environment of `cargo run`, where the hint says `cargo run`).
///
/// The survey's mechanics are specified against version 1.0.0 of the bundled questionnaire, whose
/// texts these tests quote: when `args` name no questionnaire, that version is named (a bundled
/// id is never repeated in the resume hint, so the screens read as without it). Tests of the
/// current version use [`command_current`].
pub(crate) fn command(dir: &std::path::Path, args: &[&str]) -> std::process::Command {
    let mut all: Vec<&str> = args.to_vec();
    if !names_questionnaire(args) {
        all.insert(0, "customer-centricity@1.0.0");
    }
    command_current(dir, &all)
}

/// Whether `run ARGS` names a questionnaire: a word that is not an option or an option's value.
fn names_questionnaire(args: &[&str]) -> bool {
    const VALUED: [&str; 8] = [
        "--output",
        "-o",
        "--resume",
        "--respondent",
        "--role",
        "--team",
        "--participants",
        "--lang",
    ];
    let mut words = args.iter();
    while let Some(a) = words.next() {
        if VALUED.contains(a) {
            words.next();
        } else if !a.starts_with('-') {
            return true;
        }
    }
    false
}

/// `centricity run ARGS` as [`command`], with the questionnaire `args` name or the current
/// default.
pub(crate) fn command_current(dir: &std::path::Path, args: &[&str]) -> std::process::Command {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"));
    cmd.arg0("centricity")
        .arg("run")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CARGO")
        .env_remove("CARGO_PKG_NAME");
    cmd
}

impl Pty {
    pub(crate) fn start(dir: &std::path::Path, args: &[&str]) -> Self {
        Self::spawn(command(dir, args))
    }

    /// Runs `cmd` (see [`command`]) on a pseudo-terminal.
    pub(crate) fn spawn(cmd: std::process::Command) -> Self {
        let session = rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS))
            .expect("start centricity on a pty");
        Self { session }
    }

    /// Waits for `text` and returns what came before it. rexpect turns every byte of output into
    /// the `char` of the same value (`Chloé` arrives as `ChloÃ©`); this translates both ways.
    pub(crate) fn expect(&mut self, text: &str) -> String {
        let before = self
            .session
            .exp_string(&as_read(text))
            .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"));
        decoded(&before)
    }

    pub(crate) fn keys(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
        self.session.flush().expect("send keys");
    }

    /// Waits for the process to end; returns the rest of its output and its exit code.
    pub(crate) fn finish(mut self) -> (String, i32) {
        let rest = self
            .session
            .exp_eof()
            .unwrap_or_else(|e| panic!("waiting for centricity to end: {e}"));
        let rest = decoded(&rest);
        match self.session.process().wait().expect("wait for centricity") {
            rexpect::process::WaitStatus::Exited(_, code) => (rest, code),
            other => panic!("centricity did not exit normally: {other:?}; output: {rest:?}"),
        }
    }
}

/// `text` as rexpect reads it: one `char` per byte.
fn as_read(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// The UTF-8 text rexpect read as `read`.
fn decoded(read: &str) -> String {
    let bytes: Vec<u8> = read
        .chars()
        .map(|c| u8::try_from(c).expect("rexpect reads one byte per char"))
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

pub(crate) fn read_answer_file(path: &std::path::Path) -> toml::Table {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    text.parse()
        .unwrap_or_else(|e| panic!("{} is not TOML: {e}\n{text}", path.display()))
}

pub(crate) fn answers(file: &toml::Table) -> &toml::Table {
    file.get("answers")
        .and_then(toml::Value::as_table)
        .expect("the answer file has an [answers] table")
}

pub(crate) fn completed(file: &toml::Table) -> bool {
    file.get("completed")
        .and_then(toml::Value::as_bool)
        .expect("the answer file says whether it is completed")
}

/// N/A in the answer lists below (the scale's values are 1..5).
pub(crate) const NA: i64 = 0;

/// Checks that `file` holds exactly the answers `values` (1..5, or [`NA`]) to the first
/// questions, in question order.
pub(crate) fn assert_answers(file: &toml::Table, values: &[i64], whose: &str) {
    let expected: toml::Table = QUESTION_IDS
        .iter()
        .zip(values)
        .map(|(id, v)| {
            let value = if *v == NA {
                toml::Value::String("n/a".into())
            } else {
                toml::Value::Integer(*v)
            };
            ((*id).to_owned(), value)
        })
        .collect();
    let got = answers(file);
    assert_eq!(got, &expected, "{whose}'s answers");
    let order: Vec<&str> = got.keys().map(String::as_str).collect();
    assert_eq!(
        order,
        QUESTION_IDS[..values.len()],
        "{whose}'s answers in question order"
    );
}
