//! `centricity run` driven through a pseudo-terminal: the real binary, real keystrokes, the real
//! answer file.
//!
//! Every key is sent only after the prompt it answers has been drawn (the question's heading and
//! then the end of the menu's legend), and only plain substrings are matched: the menu redraws
//! itself with escape sequences, so nothing that spans a redraw is ever expected.

#![cfg(unix)]
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::process::{Command, Stdio};

use toml::Value;

mod support;
use support::{
    CTRL_C, DIMENSIONS, DOWN, ENTER, NA, Pty, STAGES, TIMEOUT_MS, assert_answers, completed,
    read_answer_file,
};

const UP: &str = "\x1b[A";
const ESCAPE: &str = "\x1b";

/// The end of every menu's legend, drawn last, just before the menu waits for a key.
const MENU_END: &str = "Enter choose";

/// The first line of the review of the answers.
const REVIEW: &str = "Your answers: choose one to change it, or finish.";

/// What a one-respondent survey adds to a session on a pseudo-terminal: menus answered with
/// keys.
trait Menus {
    fn at_question(&mut self, n: usize) -> String;
    fn answer(&mut self, n: usize, downs: usize);
    fn at_review(&mut self) -> String;
}

impl Menus for Pty {
    /// Waits until question `n` is asked and its menu is drawn; returns the menu as drawn.
    fn at_question(&mut self, n: usize) -> String {
        self.expect(&format!("Question {n} of 24 - "));
        self.expect(MENU_END)
    }

    /// At question `n`, moves the cursor `downs` items down from where it starts and confirms.
    fn answer(&mut self, n: usize, downs: usize) {
        self.at_question(n);
        self.keys(&(DOWN.repeat(downs) + ENTER));
    }

    /// Waits until the review of the answers is drawn; returns the list as drawn.
    fn at_review(&mut self) -> String {
        self.expect(REVIEW);
        self.expect(MENU_END)
    }
}

/// `centricity run ARGS` on a pseudo-terminal of `columns` by `rows`, set before it starts.
fn sized(dir: &std::path::Path, columns: u16, rows: u16, args: &[&str]) -> Pty {
    // The screens quoted here are version 1.0.0's (see `support::command`).
    let mut all = vec!["run", "customer-centricity@1.0.0"];
    all.extend(args);
    sized_command(dir, columns, rows, &all)
}

/// `centricity ARGS` on a pseudo-terminal of `columns` by `rows`, set before it starts.
fn sized_command(dir: &std::path::Path, columns: u16, rows: u16, args: &[&str]) -> Pty {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "stty cols {columns} rows {rows} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_centricity"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("CLICOLOR_FORCE");
    let session =
        rexpect::session::spawn_command(cmd, Some(TIMEOUT_MS)).expect("start centricity on a pty");
    Pty { session }
}

/// Every piece of text written in one go, between line breaks, carriage returns and escape
/// sequences: what the terminal would fold if it were wider than the window.
fn fragments(shown: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = shown.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\r' => out.push(String::new()),
            '\x1b' => {
                // CSI: ESC [ parameters final-byte; anything else: ESC and one character.
                if chars.next_if_eq(&'[').is_some() {
                    while chars.next().is_some_and(|c| !c.is_ascii_alphabetic()) {}
                } else {
                    chars.next();
                }
                out.push(String::new());
            }
            c => out.last_mut().expect("one fragment at least").push(c),
        }
    }
    out.retain(|f| !f.trim().is_empty());
    out
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn a_full_survey_answered_with_arrow_keys_is_saved_after_every_answer_and_placed_by_the_scoring_rule()
 {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut survey = Pty::start(
        dir.path(),
        &[
            "--respondent",
            "Ana Lima",
            "--role",
            "Head of CX",
            "--output",
            "answers.toml",
        ],
    );
    survey.expect("Customer-centricity maturity (24 questions)");
    survey.expect("Answers are saved to answers.toml after every question.");

    // Agree (3 down) for stages 1-2: item score 75, so both stages are reached. Disagree
    // (1 down) for stages 3-4: item score 25, mean 25 < 62.5, so neither is. Placement: stage 2.
    let values: Vec<i64> = (0..24).map(|i| if i < 12 { 4 } else { 2 }).collect();
    for (i, value) in values.iter().enumerate() {
        let n = i + 1;
        let heading = format!(
            "Question {n} of 24 - {} - {}",
            STAGES[i / 6],
            DIMENSIONS[i % 6]
        );
        survey.expect(&heading);
        let menu = survey.expect(MENU_END);
        // Each item with its key, then the legend of the keys.
        for item in [
            "1 Strongly disagree",
            "3 Neither agree nor disagree",
            "5 Strongly agree",
            "n Don't know (not applicable)",
            "? Show help for this question",
            "q Save and quit (resume later)",
            "1-5 answer · n/0 not applicable · ? help",
            "q save and quit",
        ] {
            assert!(
                menu.contains(item),
                "question {n} offers {item:?}: {menu:?}"
            );
        }
        assert_eq!(
            menu.contains("b Back to the previous question"),
            n > 1,
            "only questions after the first offer to go back: {menu:?}"
        );
        assert!(!menu.contains("[Page"), "never paged: {menu:?}");

        // Saved before the first question and after every answer: the file always holds
        // exactly the answers confirmed so far.
        let file = read_answer_file(&dir.path().join("answers.toml"));
        assert!(!completed(&file), "not completed at question {n}");
        assert_answers(&file, &values[..i], "the respondent");

        let downs = usize::try_from(value - 1).expect("value 1..5");
        survey.keys(&(DOWN.repeat(downs) + ENTER));
    }
    // The review lists every answer; Enter on its first item finishes.
    let review = survey.at_review();
    assert!(review.contains("Finish: show the result"), "{review:?}");
    assert!(
        review.contains(" 1. Agree · Marketing, sales"),
        "{review:?}"
    );
    assert!(review.contains("24. Disagree · "), "{review:?}");
    let file = read_answer_file(&dir.path().join("answers.toml"));
    assert!(completed(&file), "saved as completed before the review");
    survey.keys(ENTER);
    survey.expect("All 24 questions answered; saved to answers.toml.");
    let (table, code) = survey.finish();
    assert_eq!(code, 0, "exit status; output: {table:?}");
    assert!(
        table.contains("Placement: Customer-driven (stage 2 of 4)"),
        "placement in {table:?}"
    );
    assert!(
        table.contains("24 of 24 items answered"),
        "answered count in {table:?}"
    );
    assert!(table.contains("Maturity index "), "index in {table:?}");

    let file = read_answer_file(&dir.path().join("answers.toml"));
    assert!(completed(&file));
    assert_answers(&file, &values, "the respondent");
    assert_eq!(
        file.get("questionnaire").and_then(Value::as_str),
        Some("customer-centricity")
    );
    assert_eq!(
        file.get("respondent").and_then(Value::as_str),
        Some("Ana Lima")
    );
    assert_eq!(file.get("role").and_then(Value::as_str), Some("Head of CX"));
    let date = file
        .get("date")
        .and_then(Value::as_str)
        .expect("the survey dates the answers");
    assert!(
        date.len() == 10
            && date.char_indices().all(|(i, c)| if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }),
        "date is YYYY-MM-DD: {date:?}"
    );
}

#[test]
fn digit_keys_answer_at_once_n_and_0_mark_not_applicable_and_q_saves_and_quits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut survey = Pty::start(dir.path(), &["--output", "answers.toml"]);
    // Each key answers as it is pressed, wherever the cursor is: no Enter.
    for (n, key) in ["4", "n", "0", "5", "1", "2"].iter().enumerate() {
        survey.at_question(n + 1);
        survey.keys(key);
    }
    survey.at_question(7);
    let file = read_answer_file(&dir.path().join("answers.toml"));
    assert_answers(&file, &[4, NA, NA, 5, 1, 2], "the respondent");
    survey.keys("q");
    survey.expect("Saved 6 of 24 answers to answers.toml.");
    survey.expect("resume with: centricity run --resume answers.toml");
    let (_, code) = survey.finish();
    assert_eq!(code, 0);
    let file = read_answer_file(&dir.path().join("answers.toml"));
    assert!(!completed(&file));
    assert_answers(&file, &[4, NA, NA, 5, 1, 2], "the respondent");
}

#[test]
fn the_current_questionnaire_takes_d_for_dont_know_apart_from_n_for_not_applicable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut survey = Pty::spawn(support::command_current(
        dir.path(),
        &["--output", "answers.toml"],
    ));
    let menu = survey.at_question(1);
    assert!(menu.contains("4 Routine across the unit"), "{menu:?}");
    assert!(menu.contains("d Don't know"), "{menu:?}");
    assert!(menu.contains("n Not applicable"), "no gloss: {menu:?}");
    // Help shows the criterion of every scale point under the question's own help.
    survey.keys("?");
    survey.expect("Routine across the unit: Done as a matter of course");
    survey.expect(MENU_END);
    survey.keys("d");
    survey.at_question(2);
    survey.keys("n");
    survey.at_question(3);
    survey.keys("0");
    survey.at_question(4);
    survey.keys("4");
    survey.at_question(5);
    survey.keys("q");
    survey.expect("Saved 4 of 24 answers to answers.toml.");
    let (_, code) = survey.finish();
    assert_eq!(code, 0);
    let file = read_answer_file(&dir.path().join("answers.toml"));
    let answers = file["answers"].as_table().expect("answers");
    assert_eq!(file["questionnaire_version"].as_str(), Some("2.0.0"));
    assert_eq!(answers["focused-know-customers"].as_str(), Some("dk"));
    assert_eq!(answers["focused-listening"].as_str(), Some("n/a"));
    assert_eq!(answers["focused-relationship"].as_str(), Some("n/a"));
    assert_eq!(answers["focused-targeting"].as_integer(), Some(4));
}

#[test]
fn help_is_shown_under_the_question_and_b_goes_back_and_neither_reads_as_an_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Recorded {
        pty: Pty::start(dir.path(), &["--output", "answers.toml"]),
        shown: String::new(),
    };
    s.expect("Question 1 of 24 - ");
    s.expect(MENU_END);
    s.pty.keys("4");

    // Q2: ? shows the help under the question, then the menu again without the help item.
    s.expect("Question 2 of 24 - ");
    s.expect(MENU_END);
    s.pty.keys("?");
    s.expect("Agree if complaints are recorded with a category");
    let menu = s.pty.expect(MENU_END);
    s.shown.push_str(&menu);
    assert!(
        !menu.contains("Show help for this question"),
        "help is offered once: {menu:?}"
    );
    assert!(menu.contains("b Back to the previous question"), "{menu:?}");
    s.pty.keys("2");

    // Q3: b goes back to Q2, where the cursor starts on the answer given; 5 changes it.
    s.expect("Question 3 of 24 - ");
    s.expect(MENU_END);
    s.pty.keys("b");
    s.expect("Question 2 of 24 - ");
    s.expect(MENU_END);
    s.pty.keys("5");
    s.expect("Question 3 of 24 - ");
    s.expect(MENU_END);
    s.pty.keys("q");
    s.expect("Saved 2 of 24 answers to answers.toml.");
    let (shown, code) = s.finish();
    assert_eq!(code, 0, "{shown:?}");

    let confirmed: Vec<&str> = shown
        .split(['\r', '\n'])
        .filter_map(|l| l.split("✔ Your answer · ").nth(1))
        .collect();
    assert_eq!(
        confirmed,
        ["Agree", "Disagree", "Strongly agree"],
        "only saved answers are marked, never help, back or quit: {shown:?}"
    );
    let file = read_answer_file(&dir.path().join("answers.toml"));
    assert_answers(&file, &[4, 5], "the respondent");
}

#[test]
fn the_cursor_stops_at_the_ends_of_the_menu_so_up_never_reaches_save_and_quit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut survey = Pty::start(dir.path(), &["--output", "answers.toml"]);
    // Up on the first option stays there: Enter answers Strongly disagree.
    survey.at_question(1);
    survey.keys(&(UP.repeat(3) + ENTER));
    survey.at_question(2);
    survey.keys(&("kkk".to_owned() + ENTER));
    // Down past the last item stays on it (Save and quit): Enter there quits, as chosen.
    survey.at_question(3);
    survey.keys(&(DOWN.repeat(20) + ENTER));
    survey.expect("Saved 2 of 24 answers to answers.toml.");
    let (_, code) = survey.finish();
    assert_eq!(code, 0);
    let file = read_answer_file(&dir.path().join("answers.toml"));
    assert_answers(&file, &[1, 1], "the respondent");
}

#[test]
fn a_60_column_terminal_gets_every_line_wrapped_to_60_columns_and_no_word_broken() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Recorded {
        pty: sized(dir.path(), 60, 40, &["--output", "answers.toml"]),
        shown: String::new(),
    };
    for n in 1..=24 {
        s.expect(&format!("Question {n} of 24 - "));
        s.expect(MENU_END);
        s.pty.keys("4");
    }
    s.expect(REVIEW);
    s.expect(MENU_END);
    s.pty.keys(ENTER);
    s.expect("All 24 questions answered; saved to answers.toml.");
    let (shown, code) = s.finish();
    assert_eq!(code, 0, "{shown:?}");
    for f in fragments(&shown) {
        assert!(
            f.chars().count() <= 60,
            "a line wider than the terminal, which would break a word: {f:?}"
        );
    }
    // The heading (63 columns) wraps between words, and the result's lines too.
    let start: String = shown.chars().take(400).collect();
    assert!(
        shown.contains("Question 1 of 24 - Customer-focused - Customer knowledge\r\n& data")
            || shown.contains("Question 1 of 24 - Customer-focused - Customer knowledge &\r\ndata"),
        "{start:?}"
    );
    let result = &shown[shown.find("Placement: ").expect("a result")..];
    assert!(result.contains(" items answered") || result.contains("\nitems answered"));
    assert!(
        result.contains("Placement: Customer-inspired"),
        "{result:?}"
    );
}

#[test]
fn score_on_a_terminal_lays_out_its_result_to_the_terminal_width_wide_or_narrow() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let args = [
        "score",
        "--lang",
        "it",
        "examples/answers/telecom-driven.toml",
    ];
    // The line is over 80 columns: whole on a wide terminal, folded between words on a narrow
    // one (and at 80 columns in a file, as the golden cases show).
    let score =
        "Indice di maturità 2,73 su 4 - punteggio complessivo 58,7 - risposte a 23 item su 24";
    let (wide, code) = sized_command(repo, 140, 40, &args).finish();
    assert_eq!(code, 0, "{wide}");
    assert!(wide.contains(score), "{wide}");

    let (narrow, code) = sized_command(repo, 60, 40, &args).finish();
    assert_eq!(code, 0, "{narrow}");
    assert!(!narrow.contains(score), "{narrow}");
    for f in fragments(&narrow) {
        assert!(f.chars().count() <= 60, "wider than the terminal: {f:?}");
    }
}

#[test]
fn a_10_row_terminal_keeps_the_question_in_sight_above_a_compact_menu() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut survey = sized(dir.path(), 60, 10, &["--output", "answers.toml"]);
    for n in 1..=3 {
        survey.expect(&format!("Question {n} of 24 - "));
        // From the heading to the end of the menu: ten rows at most, so nothing scrolls away.
        let drawn = survey.expect(MENU_END);
        let rows = drawn.matches('\n').count() + 1;
        assert!(rows <= 10, "question {n} takes {rows} rows: {drawn:?}");
        assert!(!drawn.contains("[Page"), "{drawn:?}");
        for key in [
            "1 Strongly disagree",
            "4 Agree",
            "n Don't know",
            "q save and quit",
        ] {
            assert!(drawn.contains(key), "{key:?} in {drawn:?}");
        }
        if n == 1 {
            assert!(
                drawn.contains("Marketing, sales and service work from one shared,"),
                "{drawn:?}"
            );
        }
        survey.keys("4");
    }
    survey.expect("Question 4 of 24 - ");
    survey.expect(MENU_END);
    survey.keys("q");
    survey.expect("Saved 3 of 24 answers to answers.toml.");
    let (_, code) = survey.finish();
    assert_eq!(code, 0);
}

#[test]
fn the_review_changes_an_answer_saved_at_once_and_resume_review_reopens_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut survey = Pty::start(dir.path(), &["--output", "answers.toml"]);
    for n in 1..=24 {
        survey.at_question(n);
        survey.keys("4");
    }
    let review = survey.at_review();
    assert!(review.contains(" 7. Agree · "), "{review:?}");
    // The first item is Finish: seven down is question 7, reopened with Back to the list.
    survey.keys(&(DOWN.repeat(7) + ENTER));
    let menu = survey.at_question(7);
    assert!(menu.contains("b Back to the list of answers"), "{menu:?}");
    survey.keys("1");
    survey.expect("Your answer · Strongly disagree");
    let review = survey.at_review();
    assert!(review.contains(" 7. Strongly disagree · "), "{review:?}");
    let file = read_answer_file(&dir.path().join("answers.toml"));
    assert!(completed(&file));
    let mut values = vec![4; 24];
    values[6] = 1;
    assert_answers(&file, &values, "the changed answer, saved at once");
    survey.keys("q");
    survey.expect("All 24 questions answered; saved to answers.toml.");
    let (table, code) = survey.finish();
    assert_eq!(code, 0, "{table:?}");
    assert!(table.contains("Placement: "), "{table:?}");

    // Resumed, a finished survey only prints its result, and says how to review it.
    let survey = Pty::start(dir.path(), &["--resume", "answers.toml"]);
    let (out, code) = survey.finish();
    assert_eq!(code, 0, "{out:?}");
    assert!(out.contains("Placement: "), "{out:?}");
    assert!(
        out.contains("To change an answer: centricity run --resume answers.toml --review"),
        "{out:?}"
    );

    // --review opens the list at once: question 24 becomes not applicable.
    let mut survey = Pty::start(dir.path(), &["--resume", "answers.toml", "--review"]);
    survey.at_review();
    survey.keys(&(DOWN.repeat(24) + ENTER));
    survey.at_question(24);
    survey.keys("n");
    survey.at_review();
    survey.keys("q");
    survey.expect("All 24 questions answered; saved to answers.toml.");
    let (_, code) = survey.finish();
    assert_eq!(code, 0);
    let file = read_answer_file(&dir.path().join("answers.toml"));
    values[23] = NA;
    assert_answers(&file, &values, "the respondent");
    assert!(completed(&file));
}

#[test]
fn ctrl_c_keeps_exactly_the_confirmed_answers_and_resume_continues_at_the_next_question() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut survey = Pty::start(
        dir.path(),
        &["--respondent", "Ana", "--output", "answers.toml"],
    );
    let first = [4, 5, 4, 3, 4];
    for (i, value) in first.iter().enumerate() {
        survey.answer(i + 1, usize::try_from(value - 1).expect("1..5"));
    }
    // At question 6, move the cursor (not confirmed) and press Ctrl-C.
    survey.at_question(6);
    survey.keys(&(DOWN.to_owned() + CTRL_C));
    let (rest, code) = survey.finish();
    assert_eq!(code, 130, "exit status; output: {rest:?}");
    assert!(
        rest.contains("Interrupted. Every confirmed answer is saved in answers.toml (5 of 24)."),
        "report in {rest:?}"
    );
    assert!(
        rest.contains("resume with: centricity run --resume answers.toml"),
        "resume hint in {rest:?}"
    );
    assert_eq!(count(&rest, "Interrupted."), 1, "reported once: {rest:?}");
    assert!(rest.contains("\x1b[?25h"), "cursor shown again: {rest:?}");

    let file = read_answer_file(&dir.path().join("answers.toml"));
    assert!(!completed(&file));
    assert_answers(&file, &first, "the respondent");
    assert_eq!(file.get("respondent").and_then(Value::as_str), Some("Ana"));

    // Resume: starts at question 6 and keeps the first five answers.
    let mut survey = Pty::start(dir.path(), &["--resume", "answers.toml"]);
    survey.expect("Resuming: 5 of 24 already answered.");
    let before = survey.expect("Question 6 of 24 - Customer-focused - Employees & empowerment");
    assert!(
        !before.contains("Question "),
        "no earlier question is asked again: {before:?}"
    );
    // Stage 1 mean 75 and stage 2 all Agree: reached. Stage 3 mean 75, lowest item 50: reached.
    // Stage 4 mean 83 but one item at 0 (< 25): not reached. Placement: stage 3.
    let rest_values = [
        4, // stage 1
        4, 4, 4, 4, 4, 4, // stage 2
        5, 5, 4, 4, 3, 3, // stage 3
        5, 5, 5, 5, 5, 1, // stage 4
    ];
    survey.keys(&(DOWN.repeat(3) + ENTER));
    for (i, value) in rest_values.iter().enumerate().skip(1) {
        survey.answer(i + 6, usize::try_from(value - 1).expect("1..5"));
    }
    survey.at_review();
    survey.keys(ENTER);
    survey.expect("All 24 questions answered; saved to answers.toml.");
    let (table, code) = survey.finish();
    assert_eq!(code, 0, "exit status; output: {table:?}");
    assert!(
        table.contains("Placement: Customer-engaged (stage 3 of 4)"),
        "placement in {table:?}"
    );

    let file = read_answer_file(&dir.path().join("answers.toml"));
    assert!(completed(&file));
    let all: Vec<i64> = first.iter().chain(&rest_values).copied().collect();
    assert_answers(&file, &all, "the respondent");
    assert_eq!(file.get("respondent").and_then(Value::as_str), Some("Ana"));
}

#[test]
fn escape_at_the_first_question_saves_an_empty_answer_file_and_quotes_the_resume_hint() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut survey = Pty::start(dir.path(), &["--output", "my answers.toml"]);
    survey.at_question(1);
    survey.keys(ESCAPE);
    survey.expect("Saved 0 of 24 answers to my answers.toml.");
    survey.expect("resume with: centricity run --resume 'my answers.toml'");
    let (_, code) = survey.finish();
    assert_eq!(code, 0);

    let file = read_answer_file(&dir.path().join("my answers.toml"));
    assert!(!completed(&file));
    assert_answers(&file, &[], "the respondent");
}

#[test]
fn run_without_a_terminal_exits_2_and_points_to_centricity_score() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_centricity"))
        .args(["run", "--output", "answers.toml"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run centricity");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.contains("needs a terminal"), "stderr: {stderr}");
    assert!(stderr.contains("centricity score"), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "nothing on stdout");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        0,
        "no answer file is created"
    );
}

/// A questionnaire whose every text tries to retitle the window (OSC 2) and clear the screen.
const HOSTILE: &str = r#"
[questionnaire]
id = "hostile"
version = "1"
title = "Hostile \u001b]2;PWNED\u0007\u001b[2Jtitle"
[scales.s]
options = [
  { value = 1, label = "No\u001b]2;PWNED\u0007\u001b[2J" },
  { value = 2, label = "Yes\u001b[2J" },
]
not_applicable = "Unsure\u001b]2;PWNED\u0007"
[[stages]]
id = "one"
name = "Stage\u001b[2J one"
[[dimensions]]
id = "d"
name = "Dim\u001b]2;PWNED\u0007 one"
[[questions]]
id = "q1"
stage = "one"
dimension = "d"
text = "First\u001b[2J question?"
help = "Help\u001b]2;PWNED\u0007 text"
[[questions]]
id = "q2"
stage = "one"
dimension = "d"
text = "Second\u001b[2J question?"
"#;

/// What a session printed, kept whole so that nothing between two waits escapes the check.
struct Recorded {
    pty: Pty,
    shown: String,
}

impl Recorded {
    fn expect(&mut self, text: &str) {
        self.shown.push_str(&self.pty.expect(text));
        self.shown.push_str(text);
    }

    fn finish(self) -> (String, i32) {
        let (rest, code) = self.pty.finish();
        (self.shown + &rest, code)
    }
}

fn assert_no_hostile_sequences(shown: &str) {
    assert!(
        !shown.contains("\x1b]"),
        "an OSC sequence reached the terminal: {shown:?}"
    );
    assert!(
        !shown.contains("\x1b[2J"),
        "the screen was cleared: {shown:?}"
    );
    assert!(!shown.contains("PWNED"), "{shown:?}");
}

#[test]
fn escape_sequences_in_questionnaire_answer_and_file_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("hostile.toml"), HOSTILE).expect("write questionnaire");
    let file = "evil\x1b[2J.toml";
    let mut s = Recorded {
        pty: Pty::start(dir.path(), &["hostile.toml", "--notes", "--output", file]),
        shown: String::new(),
    };
    s.expect("Hostile title (2 questions)");
    s.expect("Answers are saved to evil.toml after every question.");
    s.expect("Question 1 of 2 - Stage one - Dim one");
    s.expect("First question?");
    for item in ["No", "Yes", "Unsure (not applicable)"] {
        s.expect(item);
    }
    s.expect(MENU_END);
    // The help (item 4), then Yes.
    s.pty.keys(&(DOWN.repeat(3) + ENTER));
    s.expect("Help text");
    s.expect(MENU_END);
    s.pty.keys(&(DOWN.to_owned() + ENTER));
    s.expect("Note (evidence or an example; Enter to skip)");
    s.pty.keys(ENTER);
    s.expect("Question 2 of 2 - Stage one - Dim one");
    s.expect(MENU_END);
    s.pty.keys("q");
    s.expect("Saved 1 of 2 answers to evil.toml.");
    let (shown, code) = s.finish();
    assert_eq!(code, 0, "{shown:?}");
    assert_no_hostile_sequences(&shown);

    // Resumed from a file whose note and respondent hold escape sequences: the note is shown
    // for editing without them.
    let answers = dir.path().join(file);
    let mut text = std::fs::read_to_string(&answers).expect("read answers");
    text.push_str("\n[notes]\nq1 = \"Seen \\u001b]2;PWNED\\u0007\\u001b[2Jtwice\"\n");
    std::fs::write(&answers, text).expect("add a note");
    let mut s = Recorded {
        pty: Pty::start(dir.path(), &["hostile.toml", "--notes", "--resume", file]),
        shown: String::new(),
    };
    s.expect("Resuming: 1 of 2 already answered.");
    s.expect("Question 2 of 2 - Stage one - Dim one");
    s.expect(MENU_END);
    // Back (item 4: question 2 has no help) to question 1, keep Yes, and see the note.
    s.pty.keys(&(DOWN.repeat(3) + ENTER));
    s.expect("Question 1 of 2 - Stage one - Dim one");
    s.expect(MENU_END);
    s.pty.keys(ENTER);
    s.expect("Seen twice");
    s.pty.keys(ENTER);
    s.expect("Question 2 of 2 - Stage one - Dim one");
    s.expect(MENU_END);
    s.pty.keys("q");
    s.expect("resume with: centricity run --resume evil.toml");
    let (shown, code) = s.finish();
    assert_eq!(code, 0, "{shown:?}");
    assert_no_hostile_sequences(&shown);
}

#[test]
fn escape_sequences_in_a_facilitated_session_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("hostile.toml"), HOSTILE).expect("write questionnaire");
    let mut s = Recorded {
        pty: Pty::start(
            dir.path(),
            &[
                "hostile.toml",
                "--participants",
                "Ana\x1b]2;PWNED\x07,Ben\x1b[2J",
                "--output",
                "room\x1b[2J",
            ],
        ),
        shown: String::new(),
    };
    s.expect("Hostile title (2 questions) with Ana, Ben");
    s.expect("in this order: Ana, Ben.");
    s.expect("Answers are saved in room after every question.");
    s.expect("Question 1 of 2 - Stage one - Dim one");
    s.expect("First question?");
    s.expect("1 No | 2 Yes | n Unsure");
    s.expect("Ana Ben (b back, ? help, q quit)");
    s.pty.keys("?\r");
    s.expect("Help text");
    s.expect("(b back, ? help, q quit)");
    s.pty.keys("2\r");
    s.expect("! expected 2 answers (Ana, Ben), got 1");
    s.expect("(b back, ? help, q quit)");
    s.pty.keys("2 1\r");
    s.expect("Ana 2, Ben 1");
    s.expect("Question 2 of 2 - Stage one - Dim one");
    s.expect("(b back, ? help, q quit)");
    s.pty.keys("q\r");
    s.expect("Saved the answers to 1 of 2 questions in room.");
    s.expect("resume with: centricity run --resume room");
    let (shown, code) = s.finish();
    assert_eq!(code, 0, "{shown:?}");
    assert_no_hostile_sequences(&shown);
}

/// The note prompt of `run --notes`.
const NOTE_PROMPT: &str = "Note (evidence or an example; Enter to skip)";

/// The names in `dir`, sorted: what a survey leaves behind.
fn left_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list the folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn notes_asked_for_when_a_survey_starts_are_asked_for_again_when_it_is_resumed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.toml");
    let mut survey = Pty::start(dir.path(), &["--notes", "--output", "a.toml"]);
    survey.answer(1, 3);
    survey.expect(NOTE_PROMPT);
    survey.keys("Only in the CRM.\r");
    survey.at_question(2);
    survey.keys("q");
    // The answer file remembers --notes, so the hint needs nothing but the file.
    survey.expect("resume with: centricity run --resume a.toml");
    let (rest, code) = survey.finish();
    assert_eq!(code, 0, "{rest:?}");
    assert!(rest.trim().is_empty(), "nothing after the hint: {rest:?}");
    let file = read_answer_file(&path);
    assert_eq!(
        file.get("session")
            .and_then(Value::as_table)
            .and_then(|s| s.get("notes")),
        Some(&Value::Boolean(true)),
        "{file:?}"
    );

    let mut survey = Pty::start(dir.path(), &["--resume", "a.toml"]);
    survey.expect("Resuming: 1 of 24 already answered.");
    survey.answer(2, 1);
    survey.expect(NOTE_PROMPT);
    survey.keys("After complaints only.\r");
    survey.at_question(3);
    survey.keys("q");
    assert_eq!(survey.finish().1, 0);
    let notes: Vec<(String, Value)> = read_answer_file(&path)
        .get("notes")
        .and_then(Value::as_table)
        .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    assert_eq!(
        notes,
        [
            (
                "focused-knowledge".to_owned(),
                Value::String("Only in the CRM.".into())
            ),
            (
                "focused-listening".to_owned(),
                Value::String("After complaints only.".into())
            )
        ]
    );
}

#[test]
fn ctrl_c_and_sigterm_remove_the_lock_file_and_leave_only_the_answers() {
    for how in ["Ctrl-C", "SIGTERM"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut survey = Pty::start(dir.path(), &["--output", "a.toml"]);
        survey.answer(1, 3);
        survey.at_question(2);
        assert_eq!(
            left_in(dir.path()),
            [".a.toml.lock", "a.toml"],
            "{how}: the lock is held while the survey runs"
        );
        if how == "Ctrl-C" {
            survey.keys(CTRL_C);
        } else {
            // A moment for the prompt to wait for a key, as a user's `kill` would find it.
            std::thread::sleep(std::time::Duration::from_millis(200));
            survey
                .session
                .process_mut()
                .signal(rexpect::process::Signal::SIGTERM)
                .expect("SIGTERM");
        }
        let (rest, code) = survey.finish();
        assert_eq!(code, 130, "{how}: {rest:?}");
        assert!(
            rest.contains("Interrupted. Every confirmed answer is saved in a.toml (1 of 24)."),
            "{how}: {rest:?}"
        );
        assert_eq!(
            left_in(dir.path()),
            ["a.toml"],
            "{how}: no lock file is left"
        );
        assert_answers(&read_answer_file(&dir.path().join("a.toml")), &[4], how);
    }
}

#[test]
fn a_french_survey_interrupted_says_so_in_french() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut survey = Pty::start(dir.path(), &["--lang", "fr", "--output", "a.toml"]);
    survey.expect("Question 1 sur 24 - ");
    // Ctrl-C at the prompt or just before it: either way the same report.
    std::thread::sleep(std::time::Duration::from_millis(300));
    survey.keys(CTRL_C);
    let (rest, code) = survey.finish();
    assert_eq!(code, 130, "{rest:?}");
    assert!(
        rest.contains(
            "Interruption. Toutes les réponses confirmées sont enregistrées dans a.toml (0 sur 24)."
        ),
        "{rest:?}"
    );
    assert!(
        rest.contains("pour reprendre\u{a0}: centricity run --resume a.toml"),
        "{rest:?}"
    );
    assert!(!rest.contains("Interrupted"), "{rest:?}");
    assert_eq!(left_in(dir.path()), ["a.toml"]);
}

#[test]
fn the_resume_hint_repeats_the_command_as_it_was_called() {
    use std::os::unix::process::CommandExt;

    // Under `cargo run`: the profile is the folder the binary was built in.
    let profile = std::path::Path::new(env!("CARGO_BIN_EXE_centricity"))
        .parent()
        .and_then(std::path::Path::file_name)
        .and_then(std::ffi::OsStr::to_str)
        .expect("the binary's folder");
    let cargo = match profile {
        "debug" => "cargo run --".to_owned(),
        "release" => "cargo run --release --".to_owned(),
        other => format!("cargo run --profile {other} --"),
    };
    let by_path = "./target/release/centricity";
    for (how, expected) in [("cargo", cargo.as_str()), ("path", by_path)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cmd = support::command(dir.path(), &["--output", "a.toml"]);
        if how == "cargo" {
            cmd.env("CARGO", "cargo")
                .env("CARGO_PKG_NAME", "centricity");
        } else {
            cmd.arg0(by_path);
        }
        let mut survey = Pty::spawn(cmd);
        survey.at_question(1);
        survey.keys("q");
        survey.expect(&format!("resume with: {expected} run --resume a.toml"));
        assert_eq!(survey.finish().1, 0, "{how}");
    }
}
