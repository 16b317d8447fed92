//! The session folder of a room: one ordinary answer file per participant, and a small session
//! file that lets `centricity room --resume` restart with everyone able to continue.
//!
//! The session file is TOML named `.centricity-room`: hidden, and without the `.toml` extension,
//! so that `summarize`, `compare` and `gap` read the folder's answer files and nothing else. It
//! keeps a hash of each participant's token, never the token. Every file is written atomically
//! (a temporary file renamed over the old one) before the participant is told it is saved.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::state::{Participant, Room, Settings};
use crate::answers::AnswerDocument;
use crate::output_file::write_atomically;
use crate::questionnaire::Questionnaire;

/// The session file's name in the folder.
pub const SESSION_FILE: &str = ".centricity-room";

/// Why a session folder could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a room's session file: {message}")]
    Session { path: String, message: String },
    #[error("{0}")]
    Answers(String),
}

/// What the session file keeps.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionFile {
    /// The questionnaire as named when the session started (a bundled id or a file).
    pub questionnaire: String,
    pub code: String,
    #[serde(flatten)]
    pub settings: Settings,
    pub round: u8,
    pub current: usize,
    pub revealed: bool,
    pub ended: bool,
    /// Where the server listened, to listen there again on `--resume`.
    #[serde(default)]
    pub address: Option<String>,
    /// The ids of the second round's items.
    #[serde(default)]
    pub second_round: Vec<String>,
    #[serde(default)]
    pub participants: Vec<SavedParticipant>,
}

/// A participant as the session file keeps them; their name and answers are in their file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedParticipant {
    pub file: String,
    /// SHA-256 of their token.
    pub token: String,
    pub lang: String,
}

/// Saves that land in order: a save older than one already written is skipped, since the newer
/// text holds its change too.
#[derive(Debug, Default)]
struct Ordered {
    written: Mutex<u64>,
}

impl Ordered {
    fn write(&self, path: &Path, change: u64, text: &str) -> Result<(), StoreError> {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        if *written >= change {
            return Ok(());
        }
        write_atomically(path, text.as_bytes()).map_err(|source| StoreError::Write {
            path: path.display().to_string(),
            source,
        })?;
        *written = change;
        Ok(())
    }
}

/// The session folder.
#[derive(Debug)]
pub struct Store {
    folder: PathBuf,
    /// How the questionnaire was named, for `--resume`.
    questionnaire: String,
    session: Ordered,
    files: Mutex<HashMap<String, Arc<Ordered>>>,
}

/// A participant's answer file, ready to write.
#[derive(Debug)]
pub struct AnswerSave {
    file: String,
    change: u64,
    text: String,
}

/// The session file, ready to write.
#[derive(Debug)]
pub struct SessionSave {
    change: u64,
    text: String,
}

impl Store {
    /// The store of `folder` (which exists), for a questionnaire named `questionnaire`.
    pub fn new(folder: &Path, questionnaire: &str) -> Self {
        Self {
            folder: folder.to_owned(),
            questionnaire: questionnaire.to_owned(),
            session: Ordered::default(),
            files: Mutex::new(HashMap::new()),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Participant `p`'s answer file as it stands, to write once the room is unlocked.
    pub fn answers_of(room: &Room, p: usize) -> Option<AnswerSave> {
        let part = room.participants.get(p)?;
        Some(AnswerSave {
            file: part.file.clone(),
            change: part.changes,
            text: part.response.to_toml(&room.q),
        })
    }

    /// The session file as the room stands.
    pub fn session_of(&self, room: &Room) -> SessionSave {
        let file = SessionFile {
            questionnaire: self.questionnaire.clone(),
            code: room.code.clone(),
            settings: room.settings.clone(),
            round: room.round,
            current: room.current,
            revealed: room.revealed,
            ended: room.ended,
            address: room.address.clone(),
            second_round: room
                .second_round
                .iter()
                .map(|&i| room.q.questions[i].id.clone())
                .collect(),
            participants: room
                .participants
                .iter()
                .map(|p| SavedParticipant {
                    file: p.file.clone(),
                    token: p.token_hash.clone(),
                    lang: p.lang.clone(),
                })
                .collect(),
        };
        SessionSave {
            change: room.state_changes,
            text: toml::to_string(&file).unwrap_or_default(),
        }
    }

    /// Writes an answer file, unless a newer save of it has been written already.
    pub fn write_answers(&self, save: &AnswerSave) -> Result<(), StoreError> {
        let ordered = {
            let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(files.entry(save.file.clone()).or_default())
        };
        ordered.write(&self.folder.join(&save.file), save.change, &save.text)
    }

    /// Writes the session file, unless a newer save has been written already.
    pub fn write_session(&self, save: &SessionSave) -> Result<(), StoreError> {
        self.session
            .write(&self.folder.join(SESSION_FILE), save.change, &save.text)
    }

    /// Every file of the room as it stands: the session file and each answer file.
    pub fn write_all(&self, room: &Room) -> Result<(), StoreError> {
        for p in 0..room.participants.len() {
            if let Some(save) = Self::answers_of(room, p) {
                self.write_answers(&save)?;
            }
        }
        self.write_session(&self.session_of(room))
    }

    /// Reads the session file of `folder`.
    pub fn read_session(folder: &Path) -> Result<SessionFile, StoreError> {
        let path = folder.join(SESSION_FILE);
        let text = std::fs::read_to_string(&path).map_err(|source| StoreError::Read {
            path: path.display().to_string(),
            source,
        })?;
        toml::from_str(&text).map_err(|e| StoreError::Session {
            path: path.display().to_string(),
            message: e.message().to_owned(),
        })
    }

    /// The room saved in `folder`, as its session file and answer files left it.
    pub fn resume(
        folder: &Path,
        session: SessionFile,
        q: Arc<Questionnaire>,
        date: String,
    ) -> Result<(Room, Self), StoreError> {
        let store = Self::new(folder, &session.questionnaire);
        let mut room = Room::new(Arc::clone(&q), session.settings, session.code, date);
        room.round = if session.round == 2 { 2 } else { 1 };
        room.revealed = session.revealed;
        room.ended = session.ended;
        room.address = session.address;
        for id in &session.second_round {
            let i = q.question(id).ok_or_else(|| StoreError::Session {
                path: folder.join(SESSION_FILE).display().to_string(),
                message: format!("`{id}` is not a question of `{}`", q.id),
            })?;
            room.second_round.push(i);
        }
        room.current = session.current;
        for saved in session.participants {
            if saved.file.contains(['/', '\\']) || saved.file.starts_with('.') {
                return Err(StoreError::Session {
                    path: folder.join(SESSION_FILE).display().to_string(),
                    message: format!("`{}` is not a file of the folder", saved.file),
                });
            }
            let path = folder.join(&saved.file);
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|source| StoreError::Read {
                path: shown.clone(),
                source,
            })?;
            let document = AnswerDocument::parse(&shown, text)
                .map_err(|d| StoreError::Answers(d.to_string()))?;
            let (response, _) = document
                .resolve(&q)
                .map_err(|d| StoreError::Answers(d.to_string()))?;
            let name = response
                .meta
                .respondent
                .clone()
                .unwrap_or_else(|| format!("P{}", room.participants.len() + 1));
            room.restore(Participant {
                name,
                file: saved.file,
                token_hash: saved.token,
                lang: saved.lang,
                response,
                changes: 1,
                at: 0,
            });
        }
        Ok((room, store))
    }
}
