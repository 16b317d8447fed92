//! The state of a room and its rules, without network or files: who joined, which question is
//! asked, what each participant answered in each round, what has been revealed. The server and
//! the facilitator's terminal change it only through these methods, so the rules are tested
//! here.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::rules::{MAX_NAME_CHARS, clean_text};
use crate::answers::{Answer, Response};
use crate::questionnaire::Questionnaire;
use crate::scoring::{
    GroupAccumulator, GroupResult, RoundFigures, ScoreOptions, assess, option_values,
};

/// Who sets the pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Pace {
    /// One question at a time, moved on by the facilitator.
    Facilitator,
    /// Everyone answers at their own pace.
    #[value(name = "self")]
    #[serde(rename = "self")]
    SelfPaced,
}

/// How a room runs, fixed when it starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub pace: Pace,
    /// Participants give no name and are called P1, P2, ...
    pub anonymous: bool,
    pub max_participants: usize,
    /// The consensus rule of the second round: percent of answers within one scale point of
    /// the median.
    pub consensus: f64,
    /// No distribution of fewer answers than this is shown, in the room or in a breakdown.
    pub min_group: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            pace: Pace::Facilitator,
            anonymous: false,
            max_participants: 200,
            consensus: crate::scoring::DEFAULT_CONSENSUS,
            min_group: 3,
        }
    }
}

/// One person in the room.
#[derive(Debug, Clone)]
pub struct Participant {
    /// The name shown and saved: as given, or P1, P2, ... in an anonymous room.
    pub name: String,
    /// Their answer file's name in the session folder.
    pub file: String,
    /// SHA-256 of their token (hex).
    pub token_hash: String,
    pub lang: String,
    pub response: Response,
    /// Counts the changes to `response`, so that saves land in order.
    pub changes: u64,
    /// In a self-paced room, the position in the round they are at.
    pub at: usize,
}

/// Which round a vote belongs to.
pub type Round = u8;

/// Why a participant could not join.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinRefusal {
    Full,
    Ended,
    NameNeeded,
}

/// Why an answer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerRefusal {
    /// The question is not open now (another is asked, or it has been revealed).
    Closed,
    /// The item, round or option does not exist.
    Unknown,
    Ended,
}

/// What a participant's page shows now.
#[derive(Debug, Clone, PartialEq)]
pub enum Now {
    /// The session has ended.
    Ended,
    /// Waiting for the facilitator (self-paced: every question of the round is answered).
    Waiting,
    /// Question `item` of `round`, at `position` of `of` in the round.
    Asking {
        item: usize,
        round: Round,
        position: usize,
        of: usize,
        /// The answer already given in this round.
        current: Option<Answer>,
        /// Voting is closed and the distribution is shown.
        revealed: bool,
    },
}

/// A facilitator's move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Next,
    Back,
    Reveal,
    /// Clears the current question's votes of this round and asks it again.
    Revote,
    /// Starts the second round on the items the room disagreed on.
    SecondRound,
    End,
}

/// What a move did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    Done,
    /// Nothing to do (the first question has no "back", the last no "next").
    Nothing,
    /// A second round with this many items.
    SecondRound(usize),
    /// No item to ask again: the room agrees.
    NoDisagreement,
    /// The second round has already been held.
    AlreadySecondRound,
}

/// The room: its questionnaire, settings, participants and where it stands.
#[derive(Debug)]
pub struct Room {
    pub q: Arc<Questionnaire>,
    pub settings: Settings,
    /// The join code.
    pub code: String,
    pub participants: Vec<Participant>,
    by_token: HashMap<String, usize>,
    /// 1, or 2 once the second round has started.
    pub round: Round,
    /// The items of the second round, in questionnaire order.
    pub second_round: Vec<usize>,
    /// Facilitator-paced: the position in the round of the question asked.
    pub current: usize,
    /// Facilitator-paced: the question asked is revealed. Self-paced: the room's result is.
    pub revealed: bool,
    pub ended: bool,
    /// Counts the changes that participants' pages show (question, reveal, round, end), so a
    /// page knows when to refresh. Votes do not change it: nobody sees others' votes.
    pub version: u64,
    /// Counts the changes to what the session file keeps.
    pub state_changes: u64,
    /// Today, for the answer files.
    pub date: String,
    /// Where the server listens, kept so that a resumed session listens there again.
    pub address: Option<String>,
}

impl Room {
    pub fn new(q: Arc<Questionnaire>, settings: Settings, code: String, date: String) -> Self {
        Self {
            q,
            settings,
            code,
            participants: Vec::new(),
            by_token: HashMap::new(),
            round: 1,
            second_round: Vec::new(),
            current: 0,
            revealed: false,
            ended: false,
            version: 1,
            state_changes: 1,
            date,
            address: None,
        }
    }

    /// Adds a participant who already joined (a resumed session).
    pub fn restore(&mut self, mut p: Participant) {
        p.at = self.first_open(&p.response);
        self.by_token
            .insert(p.token_hash.clone(), self.participants.len());
        self.participants.push(p);
    }

    /// The items of `round`, in the order asked.
    pub fn items(&self, round: Round) -> Vec<usize> {
        if round == 2 {
            self.second_round.clone()
        } else {
            (0..self.q.questions.len()).collect()
        }
    }

    fn round_len(&self) -> usize {
        if self.round == 2 {
            self.second_round.len()
        } else {
            self.q.questions.len()
        }
    }

    fn item_at(&self, position: usize) -> Option<usize> {
        if self.round == 2 {
            self.second_round.get(position).copied()
        } else {
            (position < self.q.questions.len()).then_some(position)
        }
    }

    /// A participant's answer to `item` in `round`.
    pub fn answer_of(r: &Response, item: usize, round: Round) -> Option<Answer> {
        if round == 2 {
            r.round_two(item)
        } else {
            r.round_one(item)
        }
    }

    /// The first position of the current round a response has not answered (the round's length
    /// when all are answered).
    fn first_open(&self, r: &Response) -> usize {
        let items = self.items(self.round);
        items
            .iter()
            .position(|&i| Self::answer_of(r, i, self.round).is_none())
            .unwrap_or(items.len())
    }

    /// The participant holding a token of this hash.
    pub fn participant(&self, token_hash: &str) -> Option<usize> {
        self.by_token.get(token_hash).copied()
    }

    /// A new participant: `name` (ignored in an anonymous room), their language and the hash of
    /// the token they were given. Returns their index.
    pub fn join(
        &mut self,
        name: Option<&str>,
        lang: &str,
        token_hash: String,
    ) -> Result<usize, JoinRefusal> {
        if self.ended {
            return Err(JoinRefusal::Ended);
        }
        if self.participants.len() >= self.settings.max_participants {
            return Err(JoinRefusal::Full);
        }
        let k = self.participants.len() + 1;
        let name = if self.settings.anonymous {
            format!("P{k}")
        } else {
            name.and_then(|n| clean_text(n, false, MAX_NAME_CHARS))
                .ok_or(JoinRefusal::NameNeeded)?
        };
        let width = self.settings.max_participants.to_string().len();
        let slug = slug(&name);
        let file = format!("{k:0width$}-{slug}.toml");
        let mut response = Response::new(&self.q);
        response.meta.respondent = Some(name.clone());
        response.meta.date = Some(self.date.clone());
        response.meta.language = Some(lang.to_owned());
        let p = Participant {
            name,
            file,
            token_hash,
            lang: lang.to_owned(),
            response,
            changes: 1,
            at: 0,
        };
        self.restore(p);
        self.state_changes += 1;
        Ok(k - 1)
    }

    /// Sets the language a participant reads in.
    pub fn set_language(&mut self, p: usize, lang: &str) {
        if let Some(part) = self.participants.get_mut(p) {
            part.lang = lang.to_owned();
            part.response.meta.language = Some(lang.to_owned());
            part.changes += 1;
            self.state_changes += 1;
        }
    }

    /// What participant `p` sees now; in a self-paced room `position` picks a question of the
    /// round (their own place when `None`).
    pub fn now(&self, p: usize, position: Option<usize>) -> Now {
        if self.ended {
            return Now::Ended;
        }
        let Some(part) = self.participants.get(p) else {
            return Now::Ended;
        };
        let of = self.round_len();
        let (position, revealed) = match self.settings.pace {
            Pace::Facilitator => (self.current, self.revealed),
            Pace::SelfPaced => (position.unwrap_or(part.at), false),
        };
        let Some(item) = self.item_at(position) else {
            return Now::Waiting;
        };
        Now::Asking {
            item,
            round: self.round,
            position,
            of,
            current: Self::answer_of(&part.response, item, self.round),
            revealed,
        }
    }

    /// Records participant `p`'s answer to `item` in `round`; `note` replaces their note on the
    /// item when given. In a self-paced room, their place moves to the next open question.
    pub fn answer(
        &mut self,
        p: usize,
        item: usize,
        round: Round,
        answer: Answer,
        note: Option<String>,
    ) -> Result<(), AnswerRefusal> {
        if self.ended {
            return Err(AnswerRefusal::Ended);
        }
        if p >= self.participants.len() || item >= self.q.questions.len() {
            return Err(AnswerRefusal::Unknown);
        }
        if let Answer::Value(v) = answer
            && self.q.scale_of(&self.q.questions[item]).option(v).is_none()
        {
            return Err(AnswerRefusal::Unknown);
        }
        let scale = self.q.scale_of(&self.q.questions[item]);
        if (answer == Answer::NotApplicable && scale.not_applicable.is_none())
            || (answer == Answer::DontKnow && scale.dont_know.is_none())
        {
            return Err(AnswerRefusal::Unknown);
        }
        if round != self.round {
            return Err(AnswerRefusal::Closed);
        }
        match self.settings.pace {
            Pace::Facilitator => {
                if self.item_at(self.current) != Some(item) || self.revealed {
                    return Err(AnswerRefusal::Closed);
                }
            }
            Pace::SelfPaced => {
                if !self.items(round).contains(&item) {
                    return Err(AnswerRefusal::Closed);
                }
            }
        }
        let part = &mut self.participants[p];
        if round == 2 {
            part.response.set_round_two(item, Some(answer));
        } else {
            part.response.set_round_one(item, Some(answer));
        }
        if let Some(note) = note {
            part.response.notes[item] = clean_text(&note, true, super::rules::MAX_NOTE_CHARS);
        }
        let all = self.q.questions.len();
        part.response.completed = part.response.answered() == all;
        part.changes += 1;
        if self.settings.pace == Pace::SelfPaced {
            let response = self.participants[p].response.clone();
            let next = self.first_open(&response);
            self.participants[p].at = next;
        } else if self.voted(item, round) == self.participants.len()
            && self.participants.len() >= self.settings.min_group
        {
            // Everyone has voted: the distribution is shown at once. Not in a room smaller
            // than the smallest group shown, where it would not be shown anyway (and where the
            // first to join, voting before the others arrive, would close the question).
            self.revealed = true;
            self.version += 1;
            self.state_changes += 1;
        }
        Ok(())
    }

    /// How many participants have answered `item` in `round`.
    pub fn voted(&self, item: usize, round: Round) -> usize {
        self.participants
            .iter()
            .filter(|p| Self::answer_of(&p.response, item, round).is_some())
            .count()
    }

    /// How many of the answers to `item` in `round` are "don't know". [`Room::distribution`]
    /// counts them with "not applicable" (neither is a position on the scale); the room's
    /// bars show them apart, as they were given.
    pub fn dont_know(&self, item: usize, round: Round) -> usize {
        self.participants
            .iter()
            .filter(|p| Self::answer_of(&p.response, item, round) == Some(Answer::DontKnow))
            .count()
    }

    /// How many participants left a note on `item`: a count only, as the facilitator's
    /// terminal shows it; the notes themselves stay in each participant's file.
    pub fn notes(&self, item: usize) -> usize {
        self.participants
            .iter()
            .filter(|p| {
                p.response
                    .notes
                    .get(item)
                    .is_some_and(|n| n.as_ref().is_some_and(|n| !n.trim().is_empty()))
            })
            .count()
    }

    /// How many participants answered each option of `item` in `round`, and n/a.
    pub fn distribution(&self, item: usize, round: Round) -> RoundFigures {
        let values = option_values(&self.q, item);
        let mut counts = vec![0; values.len()];
        let mut not_applicable = 0;
        for p in &self.participants {
            match Self::answer_of(&p.response, item, round) {
                Some(Answer::Value(v)) => {
                    if let Some(k) = values.iter().position(|o| (o - v).abs() < 1e-9) {
                        counts[k] += 1;
                    }
                }
                // Neither is a position on the scale: both stand outside the spread.
                Some(Answer::NotApplicable | Answer::DontKnow) => not_applicable += 1,
                None => {}
            }
        }
        RoundFigures::new(&values, counts, not_applicable)
    }

    /// Whether a distribution of `figures` may be shown: it holds at least `min_group` answers,
    /// so that nobody's vote can be read off it.
    pub fn showable(&self, figures: &RoundFigures) -> bool {
        figures.answered + figures.not_applicable >= self.settings.min_group
    }

    /// Whether participants see the distribution of `item` in `round` now.
    pub fn reveals(&self, item: usize, round: Round) -> bool {
        match self.settings.pace {
            Pace::Facilitator => {
                (self.revealed && self.item_at(self.current) == Some(item) && round == self.round)
                    // The second round shows the first round's answers of its items.
                    || (round == 1 && self.second_round.contains(&item) && self.round == 2)
            }
            Pace::SelfPaced => {
                self.revealed
                    || (round == 1 && self.round == 2 && self.second_round.contains(&item))
            }
        }
    }

    /// Applies a facilitator's move.
    pub fn apply(&mut self, m: Move) -> Moved {
        if self.ended {
            return Moved::Nothing;
        }
        let moved = match m {
            Move::Next if self.current + 1 < self.round_len() => {
                self.current += 1;
                self.revealed = false;
                Moved::Done
            }
            Move::Back if self.current > 0 => {
                self.current -= 1;
                self.revealed = false;
                Moved::Done
            }
            Move::Next | Move::Back => Moved::Nothing,
            Move::Reveal if !self.revealed => {
                self.revealed = true;
                Moved::Done
            }
            Move::Reveal => Moved::Nothing,
            Move::Revote => {
                let Some(item) = self.item_at(self.current) else {
                    return Moved::Nothing;
                };
                let round = self.round;
                for p in &mut self.participants {
                    if Self::answer_of(&p.response, item, round).is_some() {
                        if round == 2 {
                            p.response.set_round_two(item, None);
                        } else {
                            p.response.set_round_one(item, None);
                        }
                        p.response.completed = false;
                        p.changes += 1;
                    }
                }
                self.revealed = false;
                Moved::Done
            }
            Move::SecondRound if self.round == 2 => Moved::AlreadySecondRound,
            Move::SecondRound => {
                let items = self.group().discuss;
                if items.is_empty() {
                    return Moved::NoDisagreement;
                }
                let mut items = items;
                items.sort_unstable();
                self.second_round = items;
                self.round = 2;
                self.current = 0;
                self.revealed = false;
                let n = self.second_round.len();
                for k in 0..self.participants.len() {
                    let r = self.participants[k].response.clone();
                    self.participants[k].at = self.first_open(&r);
                }
                Moved::SecondRound(n)
            }
            Move::End => {
                self.ended = true;
                for p in &mut self.participants {
                    if p.response.answered() > 0 && !p.response.completed {
                        p.response.completed = true;
                        p.changes += 1;
                    }
                }
                Moved::Done
            }
        };
        if moved != Moved::Nothing {
            self.version += 1;
            self.state_changes += 1;
        }
        moved
    }

    /// The room's group result (rule 7), every participant's last round counted.
    pub fn group(&self) -> GroupResult {
        let q = &self.q;
        let mut acc = GroupAccumulator::new(q).with_consensus_rule(self.settings.consensus);
        for p in &self.participants {
            let individual = assess(
                q,
                &p.response,
                ScoreOptions {
                    max_recommendations: 0,
                },
            );
            acc.add(&p.response, &individual);
        }
        let n = acc.respondents().to_string();
        let meta = crate::answers::Metadata {
            respondent: Some(crate::i18n::fill(
                q.default_language(),
                "group of {n} respondents",
                &[("n", &n)],
            )),
            ..crate::answers::Metadata::default()
        };
        acc.finish(q, meta, ScoreOptions::default())
    }

    /// Each participant's progress in the current round: (name, answered, of).
    pub fn progress(&self) -> Vec<(String, usize, usize)> {
        let items = self.items(self.round);
        self.participants
            .iter()
            .map(|p| {
                let done = items
                    .iter()
                    .filter(|&&i| Self::answer_of(&p.response, i, self.round).is_some())
                    .count();
                (p.name.clone(), done, items.len())
            })
            .collect()
    }

    /// The item asked now in a facilitator-paced room.
    pub fn current_item(&self) -> Option<usize> {
        self.item_at(self.current)
    }
}

/// A file-name-safe form of a name: letters and digits in lower case, dashes between words,
/// at most 40 characters; `participant` when nothing is left.
pub fn slug(name: &str) -> String {
    let s = name
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
    let s: String = s.chars().take(40).collect();
    let s = s.trim_end_matches('-');
    if s.is_empty() {
        "participant".to_owned()
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_for_tests as bundled;

    fn room(pace: Pace) -> Room {
        let settings = Settings {
            pace,
            ..Settings::default()
        };
        Room::new(
            Arc::new(bundled()),
            settings,
            "ABCDEF".into(),
            "2026-01-01".into(),
        )
    }

    fn vote(r: &mut Room, p: usize, item: usize, v: f64) -> Result<(), AnswerRefusal> {
        let round = r.round;
        r.answer(p, item, round, Answer::Value(v), None)
    }

    #[test]
    fn joining_names_each_participant_and_their_file() {
        let mut r = room(Pace::Facilitator);
        assert_eq!(r.join(Some(" Ana "), "en", "h1".into()), Ok(0));
        assert_eq!(r.join(Some("Jean-Luc Éric"), "fr", "h2".into()), Ok(1));
        assert_eq!(
            r.join(Some(" \u{1b} "), "fr", "h3".into()),
            Err(JoinRefusal::NameNeeded)
        );
        assert_eq!(r.participants[0].file, "001-ana.toml");
        assert_eq!(r.participants[1].file, "002-jean-luc-éric.toml");
        assert_eq!(r.participant("h2"), Some(1));
        assert_eq!(r.participant("nobody"), None);
        assert_eq!(
            r.participants[1].response.meta.language.as_deref(),
            Some("fr")
        );

        let mut anonymous = room(Pace::Facilitator);
        anonymous.settings.anonymous = true;
        anonymous
            .join(Some("Ana"), "en", "h".into())
            .expect("joins");
        assert_eq!(anonymous.participants[0].name, "P1", "no name is kept");
        assert_eq!(
            anonymous.participants[0]
                .response
                .meta
                .respondent
                .as_deref(),
            Some("P1")
        );
    }

    #[test]
    fn a_full_room_takes_nobody_more() {
        let mut r = room(Pace::Facilitator);
        r.settings.max_participants = 2;
        r.join(Some("A"), "en", "a".into()).expect("joins");
        r.join(Some("B"), "en", "b".into()).expect("joins");
        assert_eq!(r.join(Some("C"), "en", "c".into()), Err(JoinRefusal::Full));
    }

    #[test]
    fn facilitator_paced_votes_go_to_the_current_question_only_until_it_is_revealed() {
        let mut r = room(Pace::Facilitator);
        for name in ["A", "B", "C"] {
            r.join(Some(name), "en", name.into()).expect("joins");
        }
        assert_eq!(
            vote(&mut r, 0, 1, 4.0),
            Err(AnswerRefusal::Closed),
            "not asked yet"
        );
        assert_eq!(
            vote(&mut r, 0, 0, 9.0),
            Err(AnswerRefusal::Unknown),
            "no such option"
        );
        vote(&mut r, 0, 0, 4.0).expect("open");
        vote(&mut r, 0, 0, 5.0).expect("a vote can change until the reveal");
        vote(&mut r, 1, 0, 2.0).expect("open");
        assert_eq!(r.voted(0, 1), 2);
        assert!(!r.revealed);
        assert!(!r.reveals(0, 1));
        let before = r.version;
        vote(&mut r, 2, 0, 5.0).expect("open");
        assert!(r.revealed, "everyone has voted");
        assert!(r.version > before, "pages refresh");
        assert!(r.reveals(0, 1));
        assert_eq!(
            vote(&mut r, 0, 0, 1.0),
            Err(AnswerRefusal::Closed),
            "revealed"
        );
        assert_eq!(r.distribution(0, 1).counts, vec![0, 1, 0, 0, 2]);

        assert_eq!(r.apply(Move::Revote), Moved::Done);
        assert_eq!(r.voted(0, 1), 0, "a re-vote starts afresh");
        assert!(!r.revealed);
        assert_eq!(r.apply(Move::Back), Moved::Nothing, "the first question");
        assert_eq!(r.apply(Move::Next), Moved::Done);
        assert_eq!(r.current_item(), Some(1));
        assert_eq!(
            r.apply(Move::Reveal),
            Moved::Done,
            "the facilitator reveals early"
        );
        assert!(r.reveals(1, 1));
    }

    #[test]
    fn a_distribution_of_fewer_answers_than_the_minimum_group_is_not_shown() {
        let mut r = room(Pace::Facilitator);
        for name in ["A", "B", "C"] {
            r.join(Some(name), "en", name.into()).expect("joins");
        }
        vote(&mut r, 0, 0, 4.0).expect("open");
        vote(&mut r, 1, 0, 2.0).expect("open");
        assert!(!r.showable(&r.distribution(0, 1)));
        vote(&mut r, 2, 0, 2.0).expect("open");
        assert!(r.showable(&r.distribution(0, 1)));
    }

    #[test]
    fn the_second_round_asks_again_the_items_the_room_disagreed_on() {
        let mut r = room(Pace::SelfPaced);
        for name in ["A", "B", "C", "D"] {
            r.join(Some(name), "en", name.into()).expect("joins");
        }
        let n = r.q.questions.len();
        for p in 0..4 {
            for i in 0..n {
                // Item 3 splits the room (1, 1, 5, 5); the rest is unanimous.
                let v = if i == 3 { [1.0, 1.0, 5.0, 5.0][p] } else { 4.0 };
                vote(&mut r, p, i, v).expect("open");
            }
            assert_eq!(r.participants[p].at, n, "self-paced: at the end");
        }
        assert_eq!(r.now(0, None), Now::Waiting);
        assert_eq!(r.apply(Move::SecondRound), Moved::SecondRound(1));
        assert_eq!(r.second_round, vec![3]);
        assert!(r.reveals(3, 1), "round two shows round one's answers");
        assert!(!r.reveals(3, 2));
        assert!(matches!(
            r.now(0, None),
            Now::Asking {
                item: 3,
                round: 2,
                current: None,
                ..
            }
        ));
        assert_eq!(
            vote(&mut r, 0, 4, 4.0),
            Err(AnswerRefusal::Closed),
            "not in round two"
        );
        for p in 0..4 {
            vote(&mut r, p, 3, [2.0, 2.0, 3.0, 2.0][p]).expect("round two");
        }
        let g = r.group();
        assert_eq!(g.rounds.len(), 1);
        let item = &g.rounds[0];
        assert_eq!(item.before.counts, vec![2, 0, 0, 0, 2]);
        assert_eq!(item.after.counts, vec![0, 3, 1, 0, 0]);
        assert!(!item.before.consensus(75.0));
        assert!(item.consensus(75.0));
        assert_eq!(
            g.items[3].mean,
            Some(2.25),
            "the group result uses the last round"
        );
        let first = &r.participants[0].response;
        assert_eq!(
            (first.round_one(3), first.round_two(3)),
            (Some(Answer::Value(1.0)), Some(Answer::Value(2.0)))
        );
        assert_eq!(r.apply(Move::SecondRound), Moved::AlreadySecondRound);
    }

    #[test]
    fn a_room_that_agrees_has_no_second_round_and_the_end_completes_the_files() {
        let mut r = room(Pace::Facilitator);
        r.join(Some("A"), "en", "a".into()).expect("joins");
        assert_eq!(r.apply(Move::SecondRound), Moved::NoDisagreement);
        vote(&mut r, 0, 0, 4.0).expect("open");
        assert!(!r.participants[0].response.completed);
        assert_eq!(r.apply(Move::End), Moved::Done);
        assert!(r.participants[0].response.completed);
        assert_eq!(r.now(0, None), Now::Ended);
        assert_eq!(vote(&mut r, 0, 0, 4.0), Err(AnswerRefusal::Ended));
        assert_eq!(r.join(Some("B"), "en", "b".into()), Err(JoinRefusal::Ended));
    }
}
