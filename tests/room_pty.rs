//! `centricity run --participants` (a facilitated session: one line of answers per question for
//! the whole room, one answer file per participant) and `centricity run --notes`, driven through
//! a pseudo-terminal: the real binary, real keystrokes, the real answer files.
//!
//! As in `survey_pty.rs`, every key is sent only after the prompt it answers has been drawn, and
//! only plain substrings are matched. Two details of the terminal matter here:
//!
//! - rexpect turns every byte of output into the `char` of the same value, so `Chloé` arrives as
//!   `ChloÃ©`; `Pty::expect` translates both ways.
//! - Between two keys console puts the terminal back in canonical mode, where the line discipline
//!   itself handles erase (`\x7f`): a DEL that arrives before dialoguer has switched to raw mode
//!   is swallowed. Ctrl-H (`\x08`) is also a backspace for dialoguer but means nothing to the
//!   line discipline, so it is the backspace these tests send.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use toml::{Table, Value};

mod support;
use support::{
    CTRL_C, DIMENSIONS, DOWN, ENTER, NA, Pty, QUESTION_IDS, STAGES, assert_answers, completed,
    read_answer_file,
};

const BACKSPACE: &str = "\x08";

/// The end of a facilitated session's prompt, drawn just before it waits for a line. dialoguer
/// repeats the prompt with the line once it is confirmed, so it is only ever expected after
/// something that comes before it (a heading, a problem, the help).
const ROOM_PROMPT: &str = "(b back, ? help, q quit)";
/// The last item of the survey's menu, drawn just before it waits for a key.
const MENU_END: &str = "Save and quit (resume later)";
const NOTE_PROMPT: &str = "Note (evidence or an example; Enter to skip)";

const PARTICIPANTS: [&str; 3] = ["Ana", "Ben", "Chloé"];
const FILES: [&str; 3] = ["1-ana.toml", "2-ben.toml", "3-chloé.toml"];

/// What a facilitated session adds to a session on a pseudo-terminal: headings, the room's
/// prompt and lines of answers.
trait Room {
    fn heading(n: usize) -> String;
    fn at_question(&mut self, n: usize, prompt_end: &str) -> String;
    fn at_room_question(&mut self, n: usize) -> String;
    fn line(&mut self, line: &str);
    fn answer(&mut self, n: usize, line: &str);
}

impl Room for Pty {
    /// The heading of question `n` (1-based).
    fn heading(n: usize) -> String {
        format!(
            "Question {n} of 24 - {} - {}",
            STAGES[(n - 1) / 6],
            DIMENSIONS[(n - 1) % 6]
        )
    }

    /// Waits until question `n` is asked and its prompt is drawn; returns everything shown since
    /// the last wait, heading included.
    fn at_question(&mut self, n: usize, prompt_end: &str) -> String {
        let heading = Self::heading(n);
        let before = self.expect(&heading);
        let after = self.expect(prompt_end);
        format!("{before}{heading}{after}{prompt_end}")
    }

    /// Waits until question `n` of a facilitated session is asked.
    fn at_room_question(&mut self, n: usize) -> String {
        self.at_question(n, ROOM_PROMPT)
    }

    /// Types `line` and Enter.
    fn line(&mut self, line: &str) {
        self.keys(&format!("{line}{ENTER}"));
    }

    /// At question `n` of a facilitated session, types the room's answers.
    fn answer(&mut self, n: usize, line: &str) {
        self.at_room_question(n);
        self.line(line);
    }
}

/// Checks the session's folder: one file per participant, each holding exactly that
/// participant's column of `rows` (one row per question: Ana, Ben, Chloé) and `completed`.
fn assert_room(folder: &Path, rows: &[[i64; 3]], done: bool) {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("list the session's folder")
        .map(|e| {
            e.expect("folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(
        names, FILES,
        "one answer file per participant, and nothing else"
    );
    for (p, (name, file)) in PARTICIPANTS.iter().zip(FILES).enumerate() {
        let table = read_answer_file(&folder.join(file));
        let column: Vec<i64> = rows.iter().map(|row| row[p]).collect();
        assert_answers(&table, &column, name);
        assert_eq!(completed(&table), done, "{name}'s file completed");
        assert_eq!(
            table.get("respondent").and_then(Value::as_str),
            Some(*name),
            "{file} names its participant"
        );
        assert_eq!(
            table.get("questionnaire").and_then(Value::as_str),
            Some("customer-centricity")
        );
    }
}

/// The legend of the bundled questionnaire's scale, one entry per option.
const LEGEND: [&str; 6] = [
    "1 Strongly disagree",
    "2 Disagree",
    "3 Neither agree nor disagree",
    "4 Agree",
    "5 Strongly agree",
    "n Don't know",
];

/// Checks that every entry of the legend stands whole on one line of `shown`, whatever the width
/// it was wrapped to.
fn assert_legend_whole(shown: &str) {
    for entry in LEGEND {
        assert!(
            shown.lines().any(|line| line.contains(entry)),
            "{entry:?} on one line in {shown:?}"
        );
    }
}

/// The lines of `text` with runs of whitespace collapsed and score bars left out, for matching
/// table rows.
fn rows(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            l.split_whitespace()
                .filter(|w| !w.chars().all(|c| matches!(c, '█' | '░' | '│')))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Checks that some row of `table` starts with `start` (whitespace collapsed).
fn assert_row(table: &[String], start: &str) {
    assert!(
        table.iter().any(|row| row.starts_with(start)),
        "a row starting with {start:?} in:\n{}",
        table.join("\n")
    );
}

/// The part of `text` from the line starting with `from` up to the line starting with `to`.
fn section<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} in {text}"));
    let end = text[start..]
        .find(to)
        .map_or(text.len(), |offset| start + offset);
    &text[start..end]
}

#[test]
fn a_facilitated_session_saves_each_participants_confirmed_answers_survives_ctrl_c_and_resumes_to_the_group_summary()
 {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder: PathBuf = dir.path().join("room");
    let mut room = Pty::start(
        dir.path(),
        &["--participants", "Ana,Ben,Chloé", "--output", "room"],
    );
    room.expect("Customer-centricity maturity (24 questions) with Ana, Ben, Chloé");
    room.expect("Type every participant's answer on one line, in this order: Ana, Ben, Chloé.");
    room.expect("Answers are saved in room after every question.");

    // Question 1: the statement, the legend, and the prompt naming the room.
    let shown = room.at_room_question(1);
    for part in [
        "Marketing, sales and service work from one shared",
        "1 Strongly disagree | 2 Disagree |",
        "| 4 Agree",
        "n Don't know",
        "Ana Ben Chloé (b back, ? help, q quit)",
    ] {
        assert!(shown.contains(part), "question 1 shows {part:?}: {shown:?}");
    }
    assert_legend_whole(&shown);
    // Saved before the first question: one empty answer file per participant.
    assert_room(&folder, &[], false);
    room.line("4 3 5");
    // sd 1.00 is a quarter of the scale's range: the room is asked to discuss.
    room.expect("  Ana 4, Ben 3, Chloé 5  | mean 4.00, sd 1.00  | discuss: the room disagrees");

    // Question 2: two malformed lines are refused and nothing is saved for them; `?` shows the
    // help and asks again without repeating the question; commas separate answers, n is n/a.
    room.at_room_question(2);
    room.line("4 3");
    room.expect("! expected 3 answers (Ana, Ben, Chloé), got 2");
    room.expect(ROOM_PROMPT);
    assert_room(&folder, &[[4, 3, 5]], false);
    room.line("4 x 2");
    room.expect("! `x` is not an answer: use 1, 2, 3, 4, 5, or n for not applicable");
    room.expect(ROOM_PROMPT);
    room.line("?");
    room.expect("Agree if complaints are recorded with a category");
    let again = room.expect(ROOM_PROMPT);
    assert!(
        !again.contains("Question "),
        "the help does not repeat the question: {again:?}"
    );
    assert_room(&folder, &[[4, 3, 5]], false);
    room.line("1,5,n");
    // The mean and sd leave the n/a out: 1 and 5.
    room.expect("  Ana 1, Ben 5, Chloé n  | mean 3.00, sd 2.83  | discuss: the room disagrees");

    // Question 3: digits written together, one per participant; sd 0.58 needs no discussion.
    room.answer(3, "445");
    let shown = room.at_room_question(4);
    assert!(
        shown.contains("  Ana 4, Ben 4, Chloé 5  | mean 4.33, sd 0.58"),
        "spread of question 3: {shown:?}"
    );
    assert!(
        !shown.contains("discuss"),
        "the room agrees on question 3: {shown:?}"
    );
    assert_room(&folder, &[[4, 3, 5], [1, 5, NA], [4, 4, 5]], false);

    // Back twice, to question 2: the prompt starts from the answers given, and Enter keeps them.
    // At question 3 the `b` lands after its pre-filled answers (`4 4 5b`) and still goes back.
    room.line("b");
    room.at_room_question(3);
    room.expect("4 4 5");
    room.line("b");
    room.at_room_question(2);
    let before = room.expect("1 5 n");
    assert!(
        !before.contains('\n'),
        "question 2's answers are pre-filled on the prompt line: {before:?}"
    );
    room.keys(ENTER);

    // Question 3 again: erase the pre-filled `4 4 5` and change Ana's answer to 3.
    room.at_room_question(3);
    let before = room.expect("4 4 5");
    assert!(!before.contains('\n'), "pre-filled: {before:?}");
    room.keys(&format!("{}3 4 5{ENTER}", BACKSPACE.repeat(5)));
    room.expect("  Ana 3, Ben 4, Chloé 5  | mean 4.00, sd 1.00  | discuss: the room disagrees");

    room.answer(4, "3 3 3");
    room.expect("  Ana 3, Ben 3, Chloé 3  | mean 3.00, sd 0.00");
    room.answer(5, "5 4 4");

    // Question 6: half a line typed, not confirmed, then Ctrl-C.
    let confirmed = [[4, 3, 5], [1, 5, NA], [3, 4, 5], [3, 3, 3], [5, 4, 4]];
    room.at_room_question(6);
    assert_room(&folder, &confirmed, false);
    room.keys(&format!("4 4{CTRL_C}"));
    let (rest, code) = room.finish();
    assert_eq!(code, 130, "exit status; output: {rest:?}");
    assert!(
        rest.contains("Interrupted. Every confirmed answer is saved in room (5 of 24)."),
        "report in {rest:?}"
    );
    assert!(
        rest.contains("resume with: centricity run --resume room"),
        "resume hint in {rest:?}"
    );
    assert_eq!(
        rest.matches("Interrupted.").count(),
        1,
        "reported once: {rest:?}"
    );
    assert_room(&folder, &confirmed, false);

    // Resume: the room, in the same order, at question 6; nothing earlier is asked again.
    let mut room = Pty::start(dir.path(), &["--resume", "room"]);
    room.expect("Customer-centricity maturity (24 questions) with Ana, Ben, Chloé");
    room.expect("Resuming at question 6 of 24.");
    let shown = room.at_room_question(6);
    assert_eq!(
        shown.matches("Question ").count(),
        1,
        "no earlier question is asked again: {shown:?}"
    );
    assert!(
        shown.contains("Ana Ben Chloé (b back, ? help, q quit)"),
        "{shown:?}"
    );
    let rest: Vec<&str> = std::iter::once("445") // stage 1
        .chain(["445"; 6]) // stage 2
        .chain(["555", "555", "555", "555", "555", "112"]) // stage 3
        .chain(["555"; 6]) // stage 4
        .collect();
    room.line(rest[0]);
    for (i, line) in rest.iter().enumerate().skip(1) {
        room.answer(i + 6, line);
    }
    room.expect("All 24 questions answered; saved in room.");
    let (summary, code) = room.finish();
    assert_eq!(code, 0, "exit status; output: {summary:?}");

    let mut all = confirmed.to_vec();
    all.extend(rest.iter().map(|line| {
        let digits: Vec<i64> = line
            .chars()
            .map(|c| i64::from(c.to_digit(10).expect("a digit")))
            .collect();
        [digits[0], digits[1], digits[2]]
    }));
    assert_eq!(all.len(), 24);
    assert_room(&folder, &all, true);

    // By hand, item score = (mean - 1) / 4 * 100 over the answers given:
    // stage 1: 75, 50 (1 and 5; n/a left out), 75 (3, 4, 5 after the change), 50, 83.3, 83.3:
    //   mean 69.4 >= 62.5, lowest 50 >= 25: reached.
    // stage 2: 83.3 everywhere: reached.
    // stage 3: 100 five times but engaged-empowerment (1, 1, 2) is 8.3 < 25: not reached.
    // stage 4: 100 everywhere, but stage 3 is not reached. Placement: stage 2.
    let table = rows(&summary);
    assert!(
        summary.contains("Placement: Customer-driven (stage 2 of 4)"),
        "placement in {summary}"
    );
    assert!(
        summary.contains("24 of 24 items answered"),
        "answered in {summary}"
    );
    assert_row(&table, "1 Customer-focused 69.4 62.5 reached");
    assert_row(&table, "> 2 Customer-driven 83.3 62.5 reached");
    assert_row(&table, "3 Customer-engaged 84.7 62.5 not reached");
    assert_row(&table, "4 Customer-inspired 100.0 62.5 passes on its own");
    assert!(
        summary.contains("engaged-empowerment (8.3)"),
        "the item that blocks stage 3 in {summary}"
    );

    // Individually: Ana's 1 on focused-listening (score 0) keeps her below stage 1; Ben's 1 on
    // engaged-empowerment stops him at stage 2; Chloé's 2 there is exactly the floor (25), and
    // her n/a leaves 5 of 6 items answered in stage 1: she reaches stage 4.
    let individual = rows(section(
        &summary,
        "Individual placements",
        "Items to discuss",
    ));
    assert_row(&individual, "0 Company-centric 1");
    assert_row(&individual, "1 Customer-focused 0");
    // The group's own placement is marked.
    assert_row(&individual, "> 2 Customer-driven 1");
    assert_row(&individual, "3 Customer-engaged 0");
    assert_row(&individual, "4 Customer-inspired 1");

    // sd >= 1: the first three items, with the answer changed after going back.
    let discuss = section(&summary, "Items to discuss", "Every item");
    let discussed: Vec<&str> = QUESTION_IDS
        .into_iter()
        .filter(|id| discuss.contains(&format!(" {id} ")))
        .collect();
    assert_eq!(
        discussed,
        [
            "focused-knowledge",
            "focused-listening",
            "focused-relationship"
        ],
        "items to discuss in {discuss}"
    );
    let every = rows(&summary[summary.find("Every item").expect("every item")..]);
    assert_row(&every, "focused-knowledge 3 0 4.00 1.00 75.0 discuss");
    assert_row(&every, "focused-listening 2 1 3.00 2.83 50.0 discuss");
    assert_row(&every, "focused-relationship 3 0 4.00 1.00 75.0 discuss");
    assert_row(&every, "focused-innovation 3 0 3.00 0.00 50.0");
    assert_row(&every, "engaged-empowerment 3 0 1.33 0.58 8.3");
}

#[test]
fn notes_typed_after_an_answer_are_saved_under_notes_and_enter_skips_the_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.toml");
    let mut survey = Pty::start(
        dir.path(),
        &["--respondent", "Ana", "--notes", "--output", "a.toml"],
    );

    // Question 1: Agree (3 down), then a note. The answer is saved before the note is asked.
    survey.at_question(1, MENU_END);
    survey.keys(&(DOWN.repeat(3) + ENTER));
    survey.expect(NOTE_PROMPT);
    let file = read_answer_file(&path);
    assert_answers(&file, &[4], "Ana");
    assert!(file.get("notes").is_none(), "no note yet: {file:?}");
    survey.line("Only in the CRM, not in the shop.");

    // Question 2: Disagree (1 down), and Enter skips the note.
    survey.at_question(2, MENU_END);
    let note: Table = [(
        "focused-knowledge".to_owned(),
        Value::String("Only in the CRM, not in the shop.".into()),
    )]
    .into_iter()
    .collect();
    let file = read_answer_file(&path);
    assert_eq!(file.get("notes").and_then(Value::as_table), Some(&note));
    survey.keys(&(DOWN.to_owned() + ENTER));
    survey.expect(NOTE_PROMPT);
    survey.keys(ENTER);

    // Question 3: q saves and quits.
    survey.at_question(3, MENU_END);
    survey.keys("q");
    survey.expect("Saved 2 of 24 answers to a.toml.");
    survey.expect("resume with: centricity run --resume a.toml");
    let (_, code) = survey.finish();
    assert_eq!(code, 0);

    let file = read_answer_file(&path);
    assert!(!completed(&file));
    assert_answers(&file, &[4, 2], "Ana");
    assert_eq!(
        file.get("notes").and_then(Value::as_table),
        Some(&note),
        "only the first question has a note"
    );
}

#[test]
fn a_numbered_room_quits_with_q_typed_after_the_answers_of_a_question_gone_back_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("room");
    let mut room = Pty::start(dir.path(), &["--participants", "2", "--output", "room"]);
    room.expect("Customer-centricity maturity (24 questions) with P1, P2");
    let shown = room.at_room_question(1);
    assert!(
        shown.contains("P1 P2 (b back, ? help, q quit)"),
        "{shown:?}"
    );
    room.line("45");
    room.expect("  P1 4, P2 5  | mean 4.50, sd 0.71");
    room.answer(2, "n 3");
    // One answer: no spread to discuss.
    room.expect("  P1 n, P2 3  | mean 3.00, sd 0.00");

    // Back from question 3 to 2, then `q` after the pre-filled answers: saved and quit.
    room.at_room_question(3);
    room.line("b");
    room.at_room_question(2);
    room.expect("n 3");
    room.line("q");
    room.expect("Saved the answers to 2 of 24 questions in room.");
    room.expect("resume with: centricity run --resume room");
    let (_, code) = room.finish();
    assert_eq!(code, 0);

    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("list the session's folder")
        .map(|e| {
            e.expect("folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(names, ["1-p1.toml", "2-p2.toml"]);
    for (name, file, values) in [("P1", "1-p1.toml", [4, NA]), ("P2", "2-p2.toml", [5, 3])] {
        let table = read_answer_file(&folder.join(file));
        assert_answers(&table, &values, name);
        assert!(!completed(&table), "{name} has not finished");
        assert_eq!(table.get("respondent").and_then(Value::as_str), Some(name));
    }
}

fn file_names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("list {}: {e}", folder.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_forced_new_session_moves_the_earlier_sessions_files_aside_and_resumes_only_its_own_room() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("room");
    let mut room = Pty::start(
        dir.path(),
        &["--participants", "Ana,Ben", "--output", "room"],
    );
    room.answer(1, "4 5");
    room.at_room_question(2);
    room.line("q");
    assert_eq!(room.finish().1, 0);

    // Without --force the folder is refused, as before.
    let (out, code) =
        Pty::start(dir.path(), &["--participants", "Cleo", "--output", "room"]).finish();
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("room already holds files"), "{out}");
    assert!(out.contains("--force"), "{out}");

    let mut room = Pty::start(
        dir.path(),
        &["--participants", "Cleo", "--output", "room", "--force"],
    );
    room.expect(
        "The earlier session's files in room were moved to room.previous-1; this session starts \
         in an empty room.",
    );
    room.answer(1, "3");
    room.at_room_question(2);
    room.line("q");
    assert_eq!(room.finish().1, 0);
    assert_eq!(file_names_in(&folder), ["1-cleo.toml"]);
    let earlier = dir.path().join("room.previous-1");
    assert_eq!(file_names_in(&earlier), ["1-ana.toml", "2-ben.toml"]);
    assert_answers(&read_answer_file(&earlier.join("1-ana.toml")), &[4], "Ana");
    assert_answers(&read_answer_file(&earlier.join("2-ben.toml")), &[5], "Ben");

    // A second forced start keeps both earlier sessions.
    let mut room = Pty::start(
        dir.path(),
        &["--participants", "Dan", "--output", "room", "--force"],
    );
    room.expect("moved to room.previous-2;");
    room.at_room_question(1);
    room.line("q");
    assert_eq!(room.finish().1, 0);
    assert_eq!(
        file_names_in(&dir.path().join("room.previous-2")),
        ["1-cleo.toml"]
    );

    // Resuming reads only the new session's room.
    let mut room = Pty::start(dir.path(), &["--resume", "room"]);
    room.expect("(24 questions) with Dan\r\n");
    room.at_room_question(1);
    room.line("q");
    assert_eq!(room.finish().1, 0);
}

/// The prompt of a facilitated session's notes, drawn just before it waits for a line.
const ROOM_NOTE_PROMPT: &str = "Note (name: text; Enter to go on)";

/// The start of question 1's help text.
const HELP_1: &str = "Agree if each of these teams can open a customer";

fn string_of<'a>(file: &'a Table, key: &str) -> Option<&'a str> {
    file.get(key).and_then(Value::as_str)
}

fn notes_of(file: &Table) -> Option<&Table> {
    file.get("notes").and_then(Value::as_table)
}

fn session_notes(file: &Table) -> Option<bool> {
    file.get("session")
        .and_then(Value::as_table)
        .and_then(|s| s.get("notes"))
        .and_then(Value::as_bool)
}

#[test]
fn participants_given_with_roles_and_teams_keep_them_in_their_answer_files_and_refused_lines_say_why()
 {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("room");
    let mut room = Pty::start(
        dir.path(),
        &[
            "--participants",
            "Ana:Sales:North,Ben:Service,Élodie",
            "--team",
            "Claims",
            "--output",
            "room",
        ],
    );
    room.expect(
        "Customer-centricity maturity (24 questions) with Ana (Sales, North), Ben (Service, \
         Claims), Élodie (Claims)",
    );
    room.at_room_question(1);

    // `b` at the first question: refused, with the reason, never confirmed.
    room.line("b");
    let shown = room.expect("! this is the first question");
    assert!(
        shown.contains("✘ Ana Ben Élodie (b back, ? help, q quit) · b"),
        "the line is marked refused: {shown:?}"
    );
    assert!(!shown.contains('✔'), "nothing is confirmed: {shown:?}");
    room.expect(ROOM_PROMPT);

    // `?` shows the help once; the problems that follow do not repeat it.
    room.line("?");
    room.expect(HELP_1);
    room.expect(ROOM_PROMPT);
    room.line("4 3");
    let shown = room.expect("! expected 3 answers (Ana, Ben, Élodie), got 2");
    assert!(
        shown.contains("✘ Ana Ben Élodie (b back, ? help, q quit) · 4 3"),
        "{shown:?}"
    );
    assert!(
        !shown.contains("✔ Ana Ben Élodie (b back, ? help, q quit) · 4 3"),
        "a refused line is not confirmed: {shown:?}"
    );
    room.expect(ROOM_PROMPT);
    room.line("4 x 2");
    let shown = room.expect("! `x` is not an answer: use 1, 2, 3, 4, 5, or n for not applicable");
    assert!(shown.contains("✘ "), "{shown:?}");
    room.expect(ROOM_PROMPT);
    room.line("4 3 5");
    let shown = room.expect("  Ana 4, Ben 3, Élodie 5");
    assert!(
        !shown.contains(HELP_1),
        "the help was printed once, not again before each problem: {shown:?}"
    );
    assert!(
        shown.contains("✔ Ana Ben Élodie (b back, ? help, q quit) · 4 3 5"),
        "{shown:?}"
    );
    room.at_room_question(2);
    room.line("q");
    let (_, code) = room.finish();
    assert_eq!(code, 0);

    // File names in Unicode lower case; each file holds its participant's role and team.
    assert_eq!(
        file_names_in(&folder),
        ["1-ana.toml", "2-ben.toml", "3-élodie.toml"]
    );
    for (file, name, role, team, answer) in [
        ("1-ana.toml", "Ana", Some("Sales"), "North", 4),
        ("2-ben.toml", "Ben", Some("Service"), "Claims", 3),
        ("3-élodie.toml", "Élodie", None, "Claims", 5),
    ] {
        let table = read_answer_file(&folder.join(file));
        assert_eq!(string_of(&table, "respondent"), Some(name));
        assert_eq!(string_of(&table, "role"), role, "{file}");
        assert_eq!(string_of(&table, "team"), Some(team), "{file}");
        assert_answers(&table, &[answer], name);
    }
}

#[test]
fn notes_in_a_room_are_typed_after_each_question_and_a_resumed_room_keeps_taking_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("room");
    std::fs::write(
        dir.path().join("people.csv"),
        "name,role,team\nAna,Sales,North\nBen,Service,South\n",
    )
    .expect("write the participants file");
    let mut room = Pty::start(
        dir.path(),
        &[
            "--participants",
            "@people.csv",
            "--notes",
            "--output",
            "room",
        ],
    );
    room.expect("with Ana (Sales, North), Ben (Service, South)");
    room.expect("After each question, type notes as name: text, one per line; Enter goes on.");
    room.answer(1, "4 2");
    room.expect("  Ana 4, Ben 2  | mean 3.00, sd 1.41  | discuss: the room disagrees");
    room.expect(ROOM_NOTE_PROMPT);
    room.line("ben: Only after complaints.");
    room.expect("✔ Note (name: text; Enter to go on) · ben: Only after complaints.");
    room.expect(ROOM_NOTE_PROMPT);
    let ben = read_answer_file(&folder.join("2-ben.toml"));
    assert_eq!(
        notes_of(&ben).and_then(|n| n.get("focused-knowledge")),
        Some(&Value::String("Only after complaints.".into())),
        "saved as soon as it is confirmed: {ben:?}"
    );
    room.line("Chloé: not here");
    room.expect("✘ Note (name: text; Enter to go on) · Chloé: not here");
    room.expect("! `Chloé` is not a participant: Ana, Ben");
    room.expect(ROOM_NOTE_PROMPT);
    room.line("");

    // Ctrl-C at question 2: the lock goes with the process.
    room.at_room_question(2);
    room.keys(CTRL_C);
    let (rest, code) = room.finish();
    assert_eq!(code, 130, "{rest:?}");
    assert!(
        rest.contains("resume with: centricity run --resume room\r\n"),
        "nothing but the folder is needed to resume: {rest:?}"
    );
    assert_eq!(
        file_names_in(dir.path()),
        ["people.csv", "room"],
        "no lock file is left"
    );
    for file in ["1-ana.toml", "2-ben.toml"] {
        let table = read_answer_file(&folder.join(file));
        assert_eq!(session_notes(&table), Some(true), "{file}: {table:?}");
    }
    let ana = read_answer_file(&folder.join("1-ana.toml"));
    assert_eq!(
        (string_of(&ana, "role"), string_of(&ana, "team")),
        (Some("Sales"), Some("North"))
    );
    assert!(notes_of(&ana).is_none(), "{ana:?}");

    // Resumed without --notes: notes are still taken, by number too.
    let mut room = Pty::start(dir.path(), &["--resume", "room"]);
    room.expect("with Ana (Sales, North), Ben (Service, South)");
    room.expect("After each question, type notes as name: text, one per line; Enter goes on.");
    room.answer(2, "5 5");
    room.expect(ROOM_NOTE_PROMPT);
    room.line("1: Seen in the CRM.");
    room.expect("· 1: Seen in the CRM.");
    room.expect(ROOM_NOTE_PROMPT);
    room.line("");
    room.at_room_question(3);
    room.line("q");
    assert_eq!(room.finish().1, 0);
    let ana = read_answer_file(&folder.join("1-ana.toml"));
    assert_eq!(
        notes_of(&ana).and_then(|n| n.get("focused-listening")),
        Some(&Value::String("Seen in the CRM.".into()))
    );
    assert_answers(&ana, &[4, 5], "Ana");
}

#[test]
fn a_french_room_interrupted_says_so_in_french_and_leaves_no_lock() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut room = Pty::start(
        dir.path(),
        &["--participants", "2", "--lang", "fr", "--output", "salle"],
    );
    room.expect("(24 questions) avec P1, P2");
    room.expect("Question 1 sur 24 - ");
    room.expect("P1 P2 (b retour, ? aide, q quitter)");
    room.line("4");
    room.expect("! réponses attendues\u{a0}: 2 (P1, P2)\u{202f}; reçues\u{a0}: 1");
    room.expect("(b retour, ? aide, q quitter)");
    room.keys(CTRL_C);
    let (rest, code) = room.finish();
    assert_eq!(code, 130, "{rest:?}");
    assert!(
        rest.contains(
            "Interruption. Toutes les réponses confirmées sont enregistrées dans salle (0 sur 24)."
        ),
        "{rest:?}"
    );
    assert!(
        rest.contains("pour reprendre\u{a0}: centricity run --resume salle"),
        "{rest:?}"
    );
    assert!(!rest.contains("Interrupted"), "{rest:?}");
    assert_eq!(file_names_in(dir.path()), ["salle"], "no lock file is left");
}

/// `centricity room ARGS` on a pseudo-terminal of `rows` by `columns`, seen through a terminal
/// emulator: what the facilitator's screen shows after the status has been redrawn in place,
/// not only the bytes written. Participants are driven over HTTP.
struct RoomScreen {
    session: rexpect::session::PtySession,
    parser: vt100::Parser,
    /// Every byte written, to check lines that have scrolled off the screen.
    written: Vec<u8>,
}

impl RoomScreen {
    fn start(dir: &Path, (rows, columns): (u16, u16), args: &[&str]) -> Self {
        // The size is set before the program starts, as a terminal window has it.
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c")
            .arg(format!(
                "stty rows {rows} cols {columns} && exec \"$0\" room \"$@\""
            ))
            .arg(env!("CARGO_BIN_EXE_centricity"))
            .args(["--lang", "en", "--bind", "127.0.0.1:0"])
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env_remove("CLICOLOR_FORCE");
        let session = rexpect::session::spawn_command(cmd, Some(support::TIMEOUT_MS))
            .expect("start centricity room on a pty");
        Self {
            session,
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(rows).expect("rows"),
                std::num::NonZeroU16::new(columns).expect("columns"),
                0,
            ),
            written: Vec::new(),
        }
    }

    /// Reads what the program wrote so far into the emulator.
    fn pump(&mut self) {
        let mut bytes = Vec::new();
        while let Some(c) = self.session.try_read() {
            bytes.push(u8::try_from(c).expect("rexpect reads one byte per char"));
        }
        self.parser.process(&bytes);
        self.written.extend(bytes);
    }

    /// The screen's rows as they are shown now.
    fn rows(&self) -> Vec<String> {
        let screen = self.parser.screen();
        screen.rows(0, screen.size().1.get()).collect()
    }

    /// Waits until `text` is on the screen; returns the screen.
    fn wait_for(&mut self, text: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            self.pump();
            let screen = self.rows().join("\n");
            if screen.contains(text) {
                return screen;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the screen never showed {text:?}; it shows:\n{screen}"
            );
            std::thread::sleep(std::time::Duration::from_millis(30));
        }
    }

    fn key(&mut self, key: &str) {
        self.session.send(key).expect("send a key");
        self.session.flush().expect("send a key");
    }

    /// The join address and the code in it, read off the screen.
    fn join_address(&mut self) -> (String, String) {
        let screen = self.wait_for("/?code=");
        let url = screen
            .split_whitespace()
            .find(|w| w.starts_with("http://") && w.contains("/?code="))
            .expect("the join address on the screen");
        let (address, code) = url
            .trim_start_matches("http://")
            .split_once("/?code=")
            .expect("address and code");
        (address.to_owned(), code.to_owned())
    }

    /// Waits for the program to end; returns everything it wrote, as text, and its exit code.
    fn finish(mut self) -> (String, i32) {
        let rest = self.session.exp_eof().expect("centricity room ends");
        self.written.extend(
            rest.chars()
                .map(|c| u8::try_from(c).expect("one byte per char")),
        );
        let code = match self.session.process().wait().expect("wait") {
            rexpect::process::WaitStatus::Exited(_, code) => code,
            other => panic!("centricity room did not exit normally: {other:?}"),
        };
        (String::from_utf8_lossy(&self.written).into_owned(), code)
    }
}

/// A participant's requests to the room at `address`.
struct Phone {
    address: String,
    cookie: String,
}

fn http() -> ureq::Agent {
    ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into()
}

impl Phone {
    fn join(address: &str, code: &str, name: &str) -> Self {
        let r = http()
            .post(format!("http://{address}/join"))
            .send_form([("code", code), ("name", name), ("lang", "en")])
            .expect("the room answers");
        assert_eq!(r.status().as_u16(), 303, "{name} joins");
        let cookie = r
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|c| c.split(';').next())
            .expect("a token cookie")
            .to_owned();
        Self {
            address: address.to_owned(),
            cookie,
        }
    }

    /// Answers `item` (a question id) with `choice`, and a note when there is one; the status.
    fn answer(&self, item: &str, choice: &str, note: &str) -> u16 {
        http()
            .post(format!("http://{}/answer", self.address))
            .header("Cookie", &self.cookie)
            .send_form([
                ("item", item),
                ("round", "1"),
                ("choice", choice),
                ("note", note),
            ])
            .expect("the room answers")
            .status()
            .as_u16()
    }
}

/// The ids of the bundled questionnaire the room asks (the current version).
fn room_question_ids() -> Vec<String> {
    let q = centricity::questionnaire::Bundled::find(centricity::questionnaire::DEFAULT_ID)
        .expect("bundled")
        .load()
        .expect("loads");
    q.questions.iter().map(|q| q.id.clone()).collect()
}

/// The lines of everything written, escape sequences taken out, as wide as they were shown.
fn written_lines(written: &str) -> Vec<String> {
    console::strip_ansi_codes(written)
        .split(['\n', '\r'])
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_facilitators_screen_counts_votes_reveals_moves_on_and_ends_with_the_group_result() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ids = room_question_ids();
    let mut room = RoomScreen::start(
        dir.path(),
        (24, 80),
        &["--output", "workshop", "--min-group", "1"],
    );
    let (address, code) = room.join_address();
    let screen = room.wait_for("0 of 0 have voted");
    assert!(screen.contains("Question 1 of 24: "), "{screen}");
    assert!(
        screen.contains("The QR code needs a terminal of 37 columns and 35 rows;")
            && screen.contains(&format!("it: http://{address}/host")),
        "24 rows leave no room for the QR code with the join code and the status:\n{screen}"
    );

    let ana = Phone::join(&address, &code, "Ana");
    let ben = Phone::join(&address, &code, "Ben");
    room.wait_for("0 of 2 have voted");
    assert_eq!(ana.answer(&ids[0], "4", "Only in the CRM"), 303);
    let screen = room.wait_for("1 of 2 has voted - 1 note on this question");
    assert!(
        !screen.contains("0 of 2") && !screen.contains("Only in the CRM"),
        "the count is redrawn in place, and a note's text is never shown:\n{screen}"
    );
    assert!(!screen.contains("The room's answers"), "{screen}");

    room.key("r");
    let screen = room.wait_for("The room's answers");
    let rows: Vec<&str> = screen.lines().collect();
    let bar = rows
        .iter()
        .find(|r| r.starts_with("  Routine across the unit"))
        .unwrap_or_else(|| panic!("a bar for each option:\n{screen}"));
    assert_eq!(
        bar.trim_end(),
        format!("  Routine across the unit         1 {}", "█".repeat(30)),
        "labels padded to the longest, the count, a bar as long as the largest count allows"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("  Not in place") && r.ends_with("   0")),
        "{screen}"
    );
    assert!(
        screen.contains("100% within one scale point of the median (rule: 75%): consensus reached"),
        "{screen}"
    );
    assert_eq!(
        ben.answer(&ids[0], "2", ""),
        409,
        "voting closed at the reveal"
    );

    room.key("n");
    let screen = room.wait_for("Question 2 of 24: ");
    let status = &screen[screen.find("Question 2 of 24: ").expect("shown")..];
    assert!(status.contains("0 of 2 have voted"), "{screen}");
    assert!(
        !screen.contains("Question 1 of 24") && !status.contains("The room's answers"),
        "the next question replaces the revealed one:\n{screen}"
    );
    for (phone, choice) in [(&ana, "2"), (&ben, "5")] {
        assert_eq!(phone.answer(&ids[1], choice, ""), 303);
    }
    let screen = room.wait_for("2 of 2 have voted");
    assert!(
        screen.contains("The room's answers") && screen.contains("no consensus"),
        "everyone has voted: the answers are shown at once:\n{screen}"
    );

    room.key("e");
    room.wait_for("End the session for everyone? y ends it, any other key goes on.");
    room.key("y");
    let (written, code) = room.finish();
    assert_eq!(code, 0, "{written}");
    assert!(
        written.contains("group of 2 respondents"),
        "the group result at the end:\n{written}"
    );
    assert!(written.contains("The session has ended. 2 answer files are in workshop;"));
    for line in written_lines(&written) {
        assert!(
            console::measure_text_width(&line) <= 80,
            "wider than the terminal: {line:?}"
        );
    }
}

#[test]
fn a_60_column_terminal_shows_the_qr_code_and_everything_within_60_columns_with_names_cleaned() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ids = room_question_ids();
    let mut room = RoomScreen::start(
        dir.path(),
        (40, 60),
        &["--output", "workshop", "--pace", "self", "--min-group", "1"],
    );
    let (address, code) = room.join_address();
    let screen = room.wait_for("Progress (0 participants)");
    // A row of the code is drawn in half blocks only (which ones depends on the code).
    let qr_rows = screen
        .lines()
        .filter(|r| {
            let r = r.trim_end();
            r.chars().count() >= 20 && r.chars().all(|c| matches!(c, '█' | '▀' | '▄' | ' '))
        })
        .count();
    assert!(
        qr_rows >= 15,
        "the QR code fits 60 columns and 40 rows:\n{screen}"
    );
    assert!(screen.contains("Join code:"));

    let named = [
        "Ana\u{1b}[2J\u{1b}]0;pwned\u{7}",
        "Bénédicte-Alexandrine de la Fontaine-Saint-Martin",
        "Chloé\u{1b}[31m",
    ];
    let phones: Vec<Phone> = named
        .iter()
        .map(|n| Phone::join(&address, &code, n))
        .collect();
    assert_eq!(phones[0].answer(&ids[0], "3", ""), 303);
    assert_eq!(phones[1].answer(&ids[0], "4", ""), 303);
    let screen = room.wait_for("Progress (3 participants)");
    let screen = if screen.contains("  Chloé") {
        screen
    } else {
        room.wait_for("  Chloé")
    };
    assert!(
        screen.contains("Join code:"),
        "no escape sequence in a name cleared the screen:\n{screen}"
    );
    let rows: Vec<&str> = screen.lines().collect();
    let row_of = |name: &str| {
        *rows
            .iter()
            .find(|r| r.starts_with(&format!("  {name}")))
            .unwrap_or_else(|| panic!("{name} on the screen:\n{screen}"))
    };
    assert!(row_of("Ana[2J]0;pwned").ends_with(" 1 of 24"), "{screen}");
    assert!(
        row_of("Bénédicte-Alexandrine d…").ends_with(" 1 of 24"),
        "a long name is shortened to keep the line whole:\n{screen}"
    );
    assert!(row_of("Chloé[31m").ends_with(" 0 of 24"), "{screen}");

    room.key("g");
    room.wait_for("How customers see you");
    room.pump();
    assert!(
        String::from_utf8_lossy(&room.written).contains("group of 3 respondents"),
        "g shows the group result: {}",
        String::from_utf8_lossy(&room.written)
    );
    room.key("e");
    room.wait_for("End the session for everyone?");
    room.key("y");
    let (written, code) = room.finish();
    assert_eq!(code, 0, "{written}");
    assert!(
        !written.contains("\u{1b}]0;") && !written.contains("\u{1b}[2J"),
        "a participant's escape sequences never reach the terminal"
    );
    let lines = written_lines(&written);
    assert!(
        lines.iter().any(|l| l.contains("group of 3 respondents")),
        "{written}"
    );
    for line in lines {
        assert!(
            console::measure_text_width(&line) <= 60,
            "wider than the 60-column terminal: {line:?}"
        );
    }
}
