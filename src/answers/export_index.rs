//! What reading an export looks up in a questionnaire: question ids as tools rewrite them,
//! aliases, question texts in every language (normalised), and per scale every cell text that
//! means an answer. Built once per questionnaire and kept with it, since a batch run reads many
//! exports (and each export many cells) against one questionnaire.

use std::collections::HashMap;
use std::sync::Arc;

use super::normalize::{id_key, normal};
use super::response::Answer;
use crate::questionnaire::Questionnaire;

#[derive(Debug)]
pub(crate) struct ExportIndex {
    /// Question index by [`id_key`] of its id.
    pub(crate) ids: HashMap<String, usize>,
    /// The most edits a near miss of any id may be: `len / 8`, at least 1, for the longest.
    pub(crate) most_id_edits: usize,
    /// Question index by normalised alias.
    pub(crate) aliases: HashMap<String, usize>,
    /// Every normalised question text in any language, with its question index.
    pub(crate) texts: Vec<(String, usize)>,
    /// Per text (as `texts`), its length in characters and its [`char_bag`].
    pub(crate) text_bags: Vec<(usize, [u16; 64])>,
    /// Question index by normalised text.
    pub(crate) by_text: HashMap<String, usize>,
    /// Per scale, every cell text that means an answer (values, labels and aliases in every
    /// language, n/a forms), lower-cased and normalised: most cells are found here without
    /// parsing.
    pub(crate) known: Vec<HashMap<String, Answer>>,
}

impl ExportIndex {
    /// The index of `q`, built on first use.
    pub(crate) fn of(q: &Questionnaire) -> Arc<Self> {
        Arc::clone(q.export_index.get_or_init(|| Arc::new(Self::build(q))))
    }

    fn build(q: &Questionnaire) -> Self {
        let mut ids = HashMap::new();
        let mut aliases = HashMap::new();
        let mut by_text = HashMap::new();
        for (i, question) in q.questions.iter().enumerate() {
            ids.entry(id_key(&question.id)).or_insert(i);
            for a in &question.aliases {
                aliases.entry(normal(a)).or_insert(i);
            }
            for lang in &q.languages {
                let t = normal(question.text.get(lang, q.default_language()));
                if !t.is_empty() {
                    by_text.entry(t).or_insert(i);
                }
            }
        }
        let texts: Vec<(String, usize)> = by_text.iter().map(|(t, i)| (t.clone(), *i)).collect();
        let text_bags = texts
            .iter()
            .map(|(t, _)| (t.chars().count(), char_bag(t)))
            .collect();
        let most_id_edits = ids.keys().map(|k| (k.len() / 8).max(1)).max().unwrap_or(1);
        Self {
            most_id_edits,
            ids,
            aliases,
            texts,
            text_bags,
            by_text,
            known: known_cells(q),
        }
    }
}

/// How often each character occurs, folded into 64 counts: a cheap lower bound of how far apart
/// two texts are.
pub(crate) fn char_bag(text: &str) -> [u16; 64] {
    let mut bag = [0u16; 64];
    for c in text.chars() {
        let slot = &mut bag[(u32::from(c) % 64) as usize];
        *slot = slot.saturating_add(1);
    }
    bag
}

/// Per scale, every cell text that means an answer, keyed as `CsvLayout::cell` looks it up.
fn known_cells(q: &Questionnaire) -> Vec<HashMap<String, Answer>> {
    q.scales
        .iter()
        .map(|scale| {
            let mut map = HashMap::new();
            let mut add = |text: &str, answer: Answer| {
                map.entry(text.trim().to_lowercase()).or_insert(answer);
                map.entry(normal(text)).or_insert(answer);
            };
            for lang in &q.languages {
                for o in &scale.options {
                    add(o.label.get(lang, lang), Answer::Value(o.value));
                }
                // "Don't know" first: on a scale that has both, its label wins over an alias.
                if let Some(dk) = &scale.dont_know {
                    add(dk.get(lang, lang), Answer::DontKnow);
                }
                if let Some(na) = &scale.not_applicable {
                    add(na.get(lang, lang), Answer::NotApplicable);
                }
            }
            if scale.dont_know.is_some() {
                for a in &scale.dont_know_aliases {
                    add(a, Answer::DontKnow);
                }
            }
            for o in &scale.options {
                for a in &o.aliases {
                    add(a, Answer::Value(o.value));
                }
            }
            for a in &scale.not_applicable_aliases {
                add(a, Answer::NotApplicable);
            }
            for o in &scale.options {
                map.insert(super::value::fmt_value(o.value), Answer::Value(o.value));
            }
            map.insert("n/a".to_owned(), Answer::NotApplicable);
            map.insert("na".to_owned(), Answer::NotApplicable);
            if scale.dont_know.is_some() {
                map.insert(Answer::DONT_KNOW.to_owned(), Answer::DontKnow);
            }
            map
        })
        .collect()
}
