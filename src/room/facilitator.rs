//! The facilitator's side of a room: keys in, a status out. The loop reads keys through
//! [`Keys`], changes the room through [`Control`] and shows what the room needs to see through
//! [`Screen`], so it runs the same in a terminal and in tests.
//!
//! Facilitator-paced: Enter or n next, b back, r reveal, v re-vote, 2 second round, e end.
//! Self-paced: g shows the group result, 2 and e as above. ? lists the keys.

use std::fmt::Write as _;
use std::time::Duration;

use super::state::{Move, Moved, Pace, Room};
use super::store::StoreError;
use crate::i18n::{fill, tr};
use crate::scoring::RoundFigures;
use crate::terminal_text::clean;

/// A key the facilitator pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    /// Ctrl-C, or the end of the keys: stop here, the session can be resumed.
    Quit,
}

/// Where keys come from.
pub trait Keys {
    /// The next key, waiting at most `wait`; `None` when none came.
    fn next(&mut self, wait: Duration) -> Option<Key>;
}

/// Where the status goes.
pub trait Screen {
    /// Shows the room's status (called when it changes).
    fn status(&mut self, text: &str);
    /// Shows a message in answer to a key.
    fn message(&mut self, text: &str);
    /// Shows the group result of the room (`g` in a self-paced room).
    fn group(&mut self, room: &Room);
    /// The columns the status may take: it is wrapped to them, so that a narrow terminal
    /// breaks lines between words rather than anywhere.
    fn width(&self) -> usize {
        80
    }
}

/// What the loop changes the room through.
pub trait Control {
    fn act(&self, m: Move) -> Result<Moved, StoreError>;
    fn read(&self, f: &mut dyn FnMut(&Room));
}

impl Control for super::RoomServer {
    fn act(&self, m: Move) -> Result<Moved, StoreError> {
        super::RoomServer::act(self, m)
    }

    fn read(&self, f: &mut dyn FnMut(&Room)) {
        self.with_room(|room| f(room));
    }
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The facilitator ended the session (`e`, then `y`).
    Ended,
    /// Stopped without ending: `--resume` continues.
    Stopped,
}

/// What a key asks for in a room of `pace`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Move(Move),
    Group,
    AskEnd,
    Help,
}

/// The command of `key`, if it has one at this pace.
pub fn command(key: Key, pace: Pace) -> Option<Command> {
    let c = match key {
        Key::Enter => 'n',
        Key::Char(c) => c.to_ascii_lowercase(),
        Key::Quit => return None,
    };
    match (c, pace) {
        ('n' | ' ', Pace::Facilitator) => Some(Command::Move(Move::Next)),
        ('b', Pace::Facilitator) => Some(Command::Move(Move::Back)),
        ('r', Pace::Facilitator) => Some(Command::Move(Move::Reveal)),
        ('v', Pace::Facilitator) => Some(Command::Move(Move::Revote)),
        ('r', Pace::SelfPaced) => Some(Command::Move(Move::Reveal)),
        ('g', _) => Some(Command::Group),
        ('2', _) => Some(Command::Move(Move::SecondRound)),
        ('e', _) => Some(Command::AskEnd),
        ('?' | 'h', _) => Some(Command::Help),
        _ => None,
    }
}

/// The keys of a room of `pace`, as a line.
pub fn help(pace: Pace, lang: &str) -> &'static str {
    match pace {
        Pace::Facilitator => tr(
            lang,
            "Keys: Enter or n next, b back, r reveal, v re-vote, 2 second round, g group result, e end, ? keys",
        ),
        Pace::SelfPaced => tr(
            lang,
            "Keys: g group result, r show the room's result to participants, 2 second round, e end, ? keys",
        ),
    }
}

/// Runs the facilitator's loop until the session ends or stops.
pub fn facilitate(
    control: &dyn Control,
    keys: &mut dyn Keys,
    screen: &mut dyn Screen,
    lang: &str,
    ascii: bool,
) -> Result<End, StoreError> {
    let mut shown = String::new();
    let mut pace = Pace::Facilitator;
    control.read(&mut |room| pace = room.settings.pace);
    screen.message(help(pace, lang));
    loop {
        let mut now = String::new();
        let width = screen.width();
        control.read(&mut |room| now = status(room, lang, ascii, width));
        if now != shown {
            screen.status(&now);
            shown = now;
        }
        let Some(key) = keys.next(Duration::from_millis(400)) else {
            continue;
        };
        if key == Key::Quit {
            return Ok(End::Stopped);
        }
        match command(key, pace) {
            None => {}
            Some(Command::Help) => screen.message(help(pace, lang)),
            Some(Command::Group) => control.read(&mut |room| screen.group(room)),
            Some(Command::AskEnd) => {
                screen.message(tr(
                    lang,
                    "End the session for everyone? y ends it, any other key goes on.",
                ));
                let answer = loop {
                    if let Some(k) = keys.next(Duration::from_millis(400)) {
                        break k;
                    }
                };
                match answer {
                    Key::Char('y' | 'Y') => {
                        control.act(Move::End)?;
                        return Ok(End::Ended);
                    }
                    Key::Quit => return Ok(End::Stopped),
                    _ => screen.message(tr(lang, "The session goes on.")),
                }
            }
            Some(Command::Move(m)) => match control.act(m)? {
                Moved::NoDisagreement => screen.message(tr(
                    lang,
                    "No item to ask again: the room broadly agrees on every item.",
                )),
                Moved::AlreadySecondRound => {
                    screen.message(tr(lang, "The second round is already under way."));
                }
                Moved::SecondRound(n) => screen.message(&fill(
                    lang,
                    "Second round: {n} items the room disagreed on are asked again.",
                    &[("n", &n.to_string())],
                )),
                Moved::Nothing | Moved::Done => {}
            },
        }
    }
}

/// A distribution as terminal bars, one line per option: label, count, bar; "don't know" and
/// "not applicable" on lines of their own. The lines fit `width` columns: a label is shortened
/// when a bar of ten columns would not fit beside it, and the bars are at most 30 columns.
pub fn bars(
    room: &Room,
    (item, round): (usize, u8),
    figures: &RoundFigures,
    lang: &str,
    (ascii, width): (bool, usize),
) -> String {
    let q = &room.q;
    if !room.showable(figures) {
        return wrap(
            &fill(
                lang,
                "Fewer than {n} answers: the room's answers are not shown, so that no one's vote can be read off them.",
                &[("n", &room.settings.min_group.to_string())],
            ),
            width,
        );
    }
    let scale = q.scale_of(&q.questions[item]);
    let mut options: Vec<(f64, String)> = scale
        .options
        .iter()
        .map(|o| (o.value, clean(q.tr(&o.label, lang), false).into_owned()))
        .collect();
    options.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rows: Vec<(String, usize)> = options
        .into_iter()
        .map(|(_, label)| label)
        .zip(figures.counts.iter().copied())
        .collect();
    let dont_know = room.dont_know(item, round);
    if let Some(dk) = &scale.dont_know {
        rows.push((clean(q.tr(dk, lang), false).into_owned(), dont_know));
    }
    if let Some(na) = &scale.not_applicable {
        rows.push((
            clean(q.tr(na, lang), false).into_owned(),
            figures.not_applicable.saturating_sub(dont_know),
        ));
    }
    let label_width = rows
        .iter()
        .map(|(l, _)| console::measure_text_width(l))
        .max()
        .unwrap_or(0)
        .min(30)
        // A bar of ten columns at least keeps a difference of one vote visible.
        .min(width.saturating_sub(7 + 10));
    // Two columns of margin, a space, the count in three, a space: the rest is the bar's.
    let bar_width = width.saturating_sub(label_width + 7).clamp(1, 30);
    let most = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let tail = if ascii { "..." } else { "…" };
    let mut out = String::new();
    for (label, count) in rows {
        let label = console::truncate_str(&label, label_width, tail);
        let bar = if ascii { "#" } else { "█" }.repeat((count * bar_width).div_ceil(most));
        let pad = label_width.saturating_sub(console::measure_text_width(&label));
        let line = format!("  {label}{} {count:>3} {bar}", " ".repeat(pad));
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// The share of the answers within one scale point of their median and whether that meets the
/// room's consensus rule, as a sentence; `None` when the answers are not shown.
pub fn consensus(room: &Room, figures: &RoundFigures, lang: &str) -> Option<String> {
    let share = figures.within_one.filter(|_| room.showable(figures))?;
    let rule = crate::report::round(room.settings.consensus, 1).to_string();
    let verdict = if figures.consensus(room.settings.consensus) {
        tr(lang, "consensus reached")
    } else {
        tr(lang, "no consensus")
    };
    Some(fill(
        lang,
        "{share}% within one scale point of the median (rule: {rule}%): {verdict}",
        &[
            ("share", &format!("{:.0}", share * 100.0)),
            ("rule", &rule),
            ("verdict", verdict),
        ],
    ))
}

/// `text` wrapped to `width` columns at its spaces (a word longer than a line is broken),
/// ending with a newline.
pub fn wrap(text: &str, width: usize) -> String {
    let options = textwrap::Options::new(width.max(20))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        // Between words only: an address is never cut at its `/` or `?`.
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    let mut out = String::new();
    for line in text.lines() {
        if console::measure_text_width(line) <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if line.is_empty() {
            out.push('\n');
        }
        for part in textwrap::wrap(line, &options) {
            out.push_str(&part);
            out.push('\n');
        }
    }
    out
}

/// The room as the facilitator's terminal shows it.
pub fn status(room: &Room, lang: &str, ascii: bool, width: usize) -> String {
    let q = &room.q;
    let mut out = String::new();
    let people = room.participants.len().to_string();
    if room.ended {
        return wrap(tr(lang, "The session has ended."), width);
    }
    match room.settings.pace {
        Pace::Facilitator => {
            let Some(item) = room.current_item() else {
                return String::new();
            };
            let round = room.round;
            let of = room.items(round).len().to_string();
            let k = (room.current + 1).to_string();
            let head = if round == 2 {
                fill(
                    lang,
                    "Second round: question {k} of {n}",
                    &[("k", &k), ("n", &of)],
                )
            } else {
                fill(lang, "Question {k} of {n}", &[("k", &k), ("n", &of)])
            };
            out.push('\n');
            out.push_str(&wrap(
                &format!(
                    "{head}: {}",
                    clean(q.tr(&q.questions[item].text, lang), false)
                ),
                width,
            ));
            let mut voted = fill(
                lang,
                "{voted} of {n} have voted",
                &[
                    ("voted", &room.voted(item, round).to_string()),
                    ("n", &people),
                ],
            );
            // How many wrote a note, not what: the text stays in their files, where a small
            // room's notes cannot be matched to faces on the projected terminal.
            let notes = room.notes(item);
            if notes > 0 {
                voted.push_str(" - ");
                voted.push_str(&fill(
                    lang,
                    "{n} notes on this question",
                    &[("n", &notes.to_string())],
                ));
            }
            out.push_str(&wrap(&voted, width));
            if round == 2 {
                out.push_str(&wrap(
                    tr(lang, "The room's answers in the first round"),
                    width,
                ));
                out.push_str(&bars(
                    room,
                    (item, 1),
                    &room.distribution(item, 1),
                    lang,
                    (ascii, width),
                ));
            }
            if room.revealed {
                let caption = if round == 2 {
                    tr(lang, "The room's answers in the second round")
                } else {
                    tr(lang, "The room's answers")
                };
                out.push_str(&wrap(caption, width));
                let figures = room.distribution(item, round);
                out.push_str(&bars(room, (item, round), &figures, lang, (ascii, width)));
                if let Some(verdict) = consensus(room, &figures, lang) {
                    out.push_str(&wrap(&verdict, width));
                }
            }
        }
        Pace::SelfPaced => {
            let head = if room.round == 2 {
                tr(lang, "Second round: progress")
            } else {
                tr(lang, "Progress")
            };
            out.push('\n');
            out.push_str(&wrap(
                &format!(
                    "{head} ({})",
                    fill(lang, "{n} participants", &[("n", &people)])
                ),
                width,
            ));
            // A name takes what the progress leaves of the line, and at most 24 columns.
            let name_width = width.saturating_sub(2 + 1 + 16).clamp(8, 24);
            let tail = if ascii { "..." } else { "…" };
            for (name, done, of) in room.progress() {
                let name = clean(&name, false);
                let name = console::truncate_str(&name, name_width, tail);
                let pad = name_width.saturating_sub(console::measure_text_width(&name));
                let _ = writeln!(
                    out,
                    "  {name}{} {}",
                    " ".repeat(pad),
                    fill(
                        lang,
                        "{answered} of {total}",
                        &[("answered", &done.to_string()), ("total", &of.to_string())]
                    )
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::answers::Answer;
    use crate::questionnaire::default_for_tests as bundled;
    use crate::room::state::Settings;

    struct Script(VecDeque<Key>);
    impl Keys for Script {
        fn next(&mut self, _: Duration) -> Option<Key> {
            Some(self.0.pop_front().unwrap_or(Key::Quit))
        }
    }

    #[derive(Default)]
    struct Seen(Vec<String>);
    impl Screen for Seen {
        fn status(&mut self, text: &str) {
            self.0.push(format!("status: {text}"));
        }
        fn message(&mut self, text: &str) {
            self.0.push(format!("message: {text}"));
        }
        fn group(&mut self, room: &Room) {
            self.0.push(format!("group of {}", room.participants.len()));
        }
    }

    struct InMemory(Mutex<Room>);
    impl Control for InMemory {
        fn act(&self, m: Move) -> Result<Moved, StoreError> {
            Ok(self.0.lock().expect("room").apply(m))
        }
        fn read(&self, f: &mut dyn FnMut(&Room)) {
            f(&self.0.lock().expect("room"));
        }
    }

    fn room(pace: Pace, people: usize) -> InMemory {
        let settings = Settings {
            pace,
            ..Settings::default()
        };
        let mut r = Room::new(
            Arc::new(bundled()),
            settings,
            "ABCDEF".into(),
            "2026-01-01".into(),
        );
        for k in 0..people {
            r.join(Some(&format!("P{k}")), "en", format!("t{k}"))
                .expect("joins");
        }
        InMemory(Mutex::new(r))
    }

    fn keys(list: &[Key]) -> Script {
        Script(list.iter().copied().collect())
    }

    #[test]
    fn keys_move_the_room_and_end_asks_first() {
        let control = room(Pace::Facilitator, 3);
        let mut screen = Seen::default();
        let script = [
            Key::Enter,
            Key::Char('n'),
            Key::Char('b'),
            Key::Char('r'),
            Key::Char('e'),
            Key::Char('x'),
        ];
        let end = facilitate(&control, &mut keys(&script), &mut screen, "en", true).expect("runs");
        assert_eq!(
            end,
            End::Stopped,
            "x did not confirm the end; the keys ran out"
        );
        let room = control.0.lock().expect("room");
        assert_eq!(room.current, 1, "next, next, back");
        assert!(room.revealed);
        assert!(!room.ended);
        assert!(
            screen
                .0
                .iter()
                .any(|s| s == "message: The session goes on."),
            "{:?}",
            screen.0
        );
        drop(room);

        let end = facilitate(
            &control,
            &mut keys(&[Key::Char('e'), Key::Char('y')]),
            &mut Seen::default(),
            "en",
            true,
        )
        .expect("runs");
        assert_eq!(end, End::Ended);
        assert!(control.0.lock().expect("room").ended);
    }

    #[test]
    fn the_status_counts_votes_and_shows_the_answers_only_after_the_reveal() {
        let control = room(Pace::Facilitator, 3);
        {
            let mut r = control.0.lock().expect("room");
            r.answer(0, 0, 1, Answer::Value(4.0), None).expect("open");
            r.answer(1, 0, 1, Answer::Value(5.0), None).expect("open");
        }
        let mut screen = Seen::default();
        facilitate(&control, &mut keys(&[]), &mut screen, "en", true).expect("runs");
        let status = screen
            .0
            .iter()
            .find(|s| s.starts_with("status:"))
            .expect("a status");
        assert!(status.contains("2 of 3 have voted"), "{status}");
        assert!(!status.contains('#'), "no bars before the reveal: {status}");

        let mut screen = Seen::default();
        facilitate(
            &control,
            &mut keys(&[Key::Char('r')]),
            &mut screen,
            "en",
            true,
        )
        .expect("runs");
        let last = screen
            .0
            .iter()
            .rev()
            .find(|s| s.starts_with("status:"))
            .expect("a status");
        assert!(last.contains("The room's answers"), "{last}");
        assert!(
            last.contains("Fewer than 3 answers"),
            "two votes are not shown: {last}"
        );
    }

    #[test]
    fn a_self_paced_room_shows_progress_and_the_group_on_g() {
        let control = room(Pace::SelfPaced, 2);
        control
            .0
            .lock()
            .expect("room")
            .answer(1, 5, 1, Answer::Value(3.0), None)
            .expect("open");
        let mut screen = Seen::default();
        facilitate(
            &control,
            &mut keys(&[Key::Char('g'), Key::Char('b')]),
            &mut screen,
            "en",
            false,
        )
        .expect("runs");
        let status = screen
            .0
            .iter()
            .find(|s| s.starts_with("status:"))
            .expect("a status");
        assert!(
            status.contains("P1") && status.contains("1 of 24"),
            "{status}"
        );
        assert!(screen.0.contains(&"group of 2".to_owned()));
        assert_eq!(
            command(Key::Char('b'), Pace::SelfPaced),
            None,
            "no back when self-paced"
        );
    }
}
