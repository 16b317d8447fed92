//! Which column of an export holds what: each column matched to a question by its id (as tools
//! rewrite ids), by an alias, or by the question's text in any of the questionnaire's languages
//! (also inside the patterns tools use for grids: `Stem - Statement`, `Stem [Statement]`,
//! `Statement:Stem`); the column that identifies respondents; metadata.

use std::collections::HashMap;
use std::sync::Arc;

use super::edit_distance::levenshtein_within;
use super::export_head::{ExportHead, ExportKind};
use super::export_index::{ExportIndex, char_bag};
use super::export_map::{ExportMap, MapTarget};
use super::normalize::{id_key, normal};
use crate::diagnostic::Diagnostic;
use crate::questionnaire::Questionnaire;

/// How a column was matched to its question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Its header is the question's id (also with `_` for `-`, in any case).
    Id,
    /// Its header is one of the question's `aliases`.
    Alias,
    /// Its header holds the question's text.
    Text,
    /// The map file says so.
    Map,
}

impl How {
    pub fn name(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Alias => "alias",
            Self::Text => "text",
            Self::Map => "map",
        }
    }
}

/// What one column holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Question {
        index: usize,
        how: How,
    },
    Respondent,
    Metadata(String),
    /// A column without a name at the end of the row (Qualtrics' legacy layout has one), or one
    /// the map says to ignore.
    Ignored,
}

/// The header cells of one column, by what they are compared with.
#[derive(Debug, Clone, Default)]
pub(crate) struct Header {
    /// The name the column is shown and mapped by.
    pub(crate) label: String,
    /// Cells compared with question ids (export tags, codes, the whole header).
    pub(crate) ids: Vec<String>,
    /// Cells compared with question texts.
    pub(crate) texts: Vec<String>,
}

/// Names of respondent id columns tools write, most specific first, as [`id_key`]s.
const ID_COLUMNS: [&str; 8] = [
    "respondent",
    "responseid",
    "respondentid",
    "id",
    "#",
    "emailaddress",
    "email",
    "participant",
];

/// The headers of every column of `head`, as its tool lays them out.
pub(crate) fn headers(head: &ExportHead) -> Vec<Header> {
    let width = head
        .header
        .iter()
        .map(csv::StringRecord::len)
        .max()
        .unwrap_or(0);
    let cell = |row: usize, c: usize| -> String {
        head.header
            .get(row)
            .and_then(|r| r.get(c))
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let mut out: Vec<Header> = Vec::with_capacity(width);
    let mut group = String::new();
    for c in 0..width {
        let h = match head.kind {
            ExportKind::Qualtrics => {
                let (tag, text) = (cell(0, c), cell(1, c));
                Header {
                    label: tag.clone(),
                    ids: vec![tag],
                    texts: vec![text],
                }
            }
            ExportKind::QualtricsLegacy => {
                let (tag, text) = (cell(0, c), cell(1, c));
                let numbered = tag.len() > 1
                    && tag.starts_with('V')
                    && tag[1..].bytes().all(|b| b.is_ascii_digit());
                Header {
                    label: if numbered || tag.is_empty() {
                        text.clone()
                    } else {
                        tag.clone()
                    },
                    ids: vec![tag, text.clone()],
                    texts: vec![text],
                }
            }
            ExportKind::SurveyMonkey => {
                let (top, sub) = (cell(0, c), cell(1, c));
                if !top.is_empty() {
                    group.clone_from(&top);
                }
                let whole = sub.is_empty()
                    || sub.eq_ignore_ascii_case("response")
                    || sub.eq_ignore_ascii_case("open-ended response");
                if whole {
                    Header {
                        label: group.clone(),
                        ids: vec![group.clone()],
                        texts: vec![group.clone()],
                    }
                } else {
                    Header {
                        label: sub.clone(),
                        ids: vec![sub.clone()],
                        texts: vec![sub.clone(), format!("{group} - {sub}")],
                    }
                }
            }
            _ => {
                let name = cell(0, c);
                Header {
                    label: name.clone(),
                    ids: vec![name.clone()],
                    texts: vec![name],
                }
            }
        };
        out.push(h);
    }
    // Statements repeated under two SurveyMonkey questions are told apart by their question.
    if head.kind == ExportKind::SurveyMonkey {
        let mut group = String::new();
        let mut times: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for h in &out {
            *times.entry(h.label.clone()).or_default() += 1;
        }
        for (c, h) in out.iter_mut().enumerate() {
            let top = cell(0, c);
            if !top.is_empty() {
                group = top;
            }
            if times.get(&h.label).is_some_and(|&n| n > 1) && h.label != group {
                h.label = format!("{group} [{}]", h.label);
            }
        }
    }
    out
}

/// Header texts longer than this are not compared for near misses: no question text is that
/// long, and comparing costs the product of the lengths.
const MAX_NEAR_MISS_CHARS: usize = 1000;
/// The most occurrences of one grid separator (`-`, `:`, ...) a question's own text is taken to
/// hold, plus one.
const MAX_SEPARATORS_IN_TEXT: usize = 8;

/// Columns checked for near misses at most; a file with more unmatched columns than this is not
/// a survey export with a typo.
const MAX_NEAR_MISS_COLUMNS: usize = 500;

/// Looks questions up by id, alias and text.
#[derive(Debug)]
pub(crate) struct Matcher<'q> {
    q: &'q Questionnaire,
    index: Arc<ExportIndex>,
}

impl<'q> Matcher<'q> {
    pub(crate) fn new(q: &'q Questionnaire) -> Self {
        Self {
            q,
            index: ExportIndex::of(q),
        }
    }

    /// The question whose id `cell` is, as tools write ids: exactly, with `_` for `-`, in any
    /// case, inside LimeSurvey's `Q[SQ]` brackets or after SurveyJS' `question.row` dot.
    pub(crate) fn by_id(&self, cell: &str) -> Option<usize> {
        if let Some(i) = self.q.question(cell) {
            return Some(i);
        }
        let mut candidates = vec![cell];
        if let Some(inner) = bracketed(cell) {
            candidates.push(inner.1);
        }
        if let Some((_, row)) = cell.rsplit_once('.') {
            candidates.push(row);
        }
        candidates
            .into_iter()
            .map(id_key)
            .filter(|k| !k.is_empty())
            .find_map(|k| self.index.ids.get(&k).copied())
    }

    pub(crate) fn by_alias(&self, cell: &str) -> Option<usize> {
        if self.index.aliases.is_empty() {
            return None;
        }
        text_candidates(cell).find_map(|c| self.index.aliases.get(&normal(c)).copied())
    }

    /// The question whose text `cell` holds, whole or as the statement of a grid header.
    pub(crate) fn by_text(&self, cell: &str) -> Option<usize> {
        text_candidates(cell).find_map(|c| self.index.by_text.get(&normal(c)).copied())
    }

    /// A question id or text that `cell` is a near miss of: a typo rather than another column.
    pub(crate) fn near_miss(&self, cell: &str) -> Option<usize> {
        let key = id_key(cell);
        if key.len() >= 5 {
            // A near miss is at most len / 8 edits away, so ids whose length differs by more
            // are ruled out without computing a distance.
            let best = self
                .index
                .ids
                .iter()
                .filter(|(k, _)| key.len().abs_diff(k.len()) <= (k.len() / 8).max(1))
                .filter_map(|(k, i)| {
                    levenshtein_within(&key, k, self.index.most_id_edits).map(|d| (d, *i, k.len()))
                })
                .min();
            if let Some((d, i, len)) = best
                && d > 0
                && d <= (len / 8).max(1)
            {
                return Some(i);
            }
        }
        let mut tried = std::collections::HashSet::new();
        for candidate in text_candidates(cell) {
            let c = normal(candidate);
            let len = c.chars().count();
            if !(16..=MAX_NEAR_MISS_CHARS).contains(&len) || !tried.insert(c.clone()) {
                continue;
            }
            // A similarity of 0.85 needs lengths within 15% of each other: most texts are
            // ruled out without computing a distance.
            let bag = char_bag(&c);
            if let Some((score, i)) = self
                .index
                .texts
                .iter()
                .zip(&self.index.text_bags)
                .filter(|((t, _), (n, tbag))| {
                    // One edit changes the counts by at most 2, so a bag this far apart is more
                    // edits away than a near miss can be.
                    let most = n.max(&len) * 15 / 100;
                    n.abs_diff(len) <= most
                        && bag
                            .iter()
                            .zip(tbag)
                            .map(|(a, b)| a.abs_diff(*b) as usize)
                            .sum::<usize>()
                            <= 2 * most
                        && !t.is_empty()
                })
                .filter_map(|((t, i), (n, _))| {
                    // A similarity of 0.85 is at most 15% of the longer text in edits; one more
                    // edit is let through so that the similarity decides at the boundary.
                    let longer = *n.max(&len);
                    let d = levenshtein_within(&c, t, longer * 15 / 100 + 1)?;
                    Some((1.0 - d as f64 / longer as f64, *i))
                })
                .max_by(|a, b| a.0.total_cmp(&b.0))
                && score >= 0.85
            {
                return Some(i);
            }
        }
        None
    }
}

/// `Stem [Statement]` as (stem, statement).
fn bracketed(cell: &str) -> Option<(&str, &str)> {
    let body = cell.trim_end().strip_suffix(']')?;
    let open = body.rfind('[')?;
    Some((&body[..open], &body[open + 1..]))
}

/// The parts of a header that may be a question's whole text: the header itself, and each side
/// of the grid patterns tools write.
fn text_candidates(cell: &str) -> impl Iterator<Item = &str> {
    let mut out = vec![cell];
    if let Some((stem, statement)) = bracketed(cell) {
        out.push(statement);
        out.push(stem);
    }
    // Qualtrics' legacy layout writes `Stem?-Statement`, without spaces. A statement holds a
    // few separators of its own at most ("up-to-date"), so a statement after the stem starts at
    // one of the last occurrences, and one before it ends at one of the first: taking only those
    // keeps the work linear in the header, however many separators it holds.
    for sep in [" - ", ":", " – ", "-"] {
        let at: Vec<usize> = cell.match_indices(sep).map(|(at, _)| at).collect();
        let first = &at[..at.len().min(MAX_SEPARATORS_IN_TEXT)];
        let last = &at[at.len().saturating_sub(MAX_SEPARATORS_IN_TEXT)..];
        out.extend(last.iter().map(|&at| &cell[at + sep.len()..]));
        out.extend(first.iter().map(|&at| &cell[..at]));
    }
    out.into_iter().filter(|s| !s.trim().is_empty())
}

/// What every column of an export holds, and what to tell the user about it.
#[derive(Debug, Clone)]
pub(crate) struct Matched {
    pub(crate) headers: Vec<Header>,
    pub(crate) roles: Vec<Role>,
    pub(crate) problems: Vec<Diagnostic>,
}

/// Matches every column of `head` against `q`. `id_column` is the user's `--id-column`.
pub(crate) fn match_columns(
    file: &str,
    head: &ExportHead,
    q: &Questionnaire,
    id_column: Option<&str>,
    map: Option<&ExportMap>,
) -> Matched {
    let headers = headers(head);
    let matcher = Matcher::new(q);
    let line = 1;
    let mut problems = Vec::new();
    let mut roles: Vec<Option<Role>> = vec![None; headers.len()];

    // Trailing columns without a name hold nothing (Qualtrics' legacy layout ends with one).
    let named = headers
        .iter()
        .rposition(|h| !h.label.is_empty() || h.ids.iter().any(|c| !c.is_empty()))
        .map_or(0, |p| p + 1);
    for role in roles.iter_mut().skip(named) {
        *role = Some(Role::Ignored);
    }

    // Each header's label and ids as `id_key`s, computed once: a map names many columns.
    let keys: Vec<Vec<String>> = headers
        .iter()
        .map(|h| {
            let mut k = vec![id_key(&h.label)];
            k.extend(h.ids.iter().map(|c| id_key(c)));
            if h.label == "#" {
                k.push("#".to_owned());
            }
            k
        })
        .collect();
    // The first column of each label, label in ASCII lower case, id and id key: a map names
    // many columns, each looked up in time independent of the number of columns.
    let mut by_label = HashMap::new();
    let mut by_lower_label = HashMap::new();
    let mut by_id = HashMap::new();
    let mut by_key = HashMap::new();
    for (c, (h, k)) in headers.iter().zip(&keys).enumerate() {
        by_label.entry(h.label.as_str()).or_insert(c);
        by_lower_label
            .entry(h.label.to_ascii_lowercase())
            .or_insert(c);
        for id in &h.ids {
            by_id.entry(id.as_str()).or_insert(c);
        }
        for key in k[1..].iter().filter(|key| !key.is_empty()) {
            by_key.entry(key.as_str()).or_insert(c);
        }
    }
    let find = |name: &str| -> Option<usize> {
        by_label.get(name).copied().or_else(|| {
            [
                by_lower_label.get(&name.to_ascii_lowercase()),
                by_id.get(name),
                by_key.get(id_key(name).as_str()),
            ]
            .into_iter()
            .flatten()
            .min()
            .copied()
        })
    };

    if let Some(map) = map {
        for entry in &map.columns {
            let Some(c) = find(&entry.header) else {
                let labels = headers.iter().map(|h| h.label.as_str());
                let mut d = map.error_at(
                    entry.key_span.clone(),
                    format!("{file} has no column `{}`", entry.header.escape_debug()),
                );
                d = match crate::toml_source::closest(&entry.header, labels) {
                    Some(best) => d.with_help(format!("did you mean `{best}`?")),
                    None => {
                        d.with_help("run `centricity map` on the export to see its column names")
                    }
                };
                problems.push(d);
                continue;
            };
            roles[c] = Some(match &entry.target {
                MapTarget::Respondent => Role::Respondent,
                MapTarget::Ignore => Role::Ignored,
                MapTarget::Name(name) => match q.question(name) {
                    Some(index) => Role::Question {
                        index,
                        how: How::Map,
                    },
                    None => {
                        if let Some(best) = crate::toml_source::closest(
                            name,
                            q.questions.iter().map(|x| x.id.as_str()),
                        ) {
                            problems.push(
                                map.error_at(
                                    entry.value_span.clone(),
                                    format!("`{}` is not a question of `{}`", name.escape_debug(), q.id),
                                )
                                .with_help(format!(
                                    "did you mean `{best}`? (any other name keeps the column as metadata)"
                                )),
                            );
                        }
                        Role::Metadata(name.clone())
                    }
                },
            });
        }
    }

    match id_column {
        Some(name) => match find(name) {
            Some(c) if roles[c].is_none() => roles[c] = Some(Role::Respondent),
            Some(_) => {}
            None => {
                let labels = headers.iter().map(|h| h.label.as_str());
                let mut d = Diagnostic::error(
                    file,
                    format!("--id-column `{name}`: the file has no such column"),
                )
                .at_line(line);
                d = match crate::toml_source::closest(name, labels) {
                    Some(best) => d.with_help(format!("did you mean `{best}`?")),
                    None => d.with_help(format!(
                        "the columns are: {}",
                        list(headers.iter().map(|h| h.label.as_str()))
                    )),
                };
                problems.push(d);
            }
        },
        None if !roles.contains(&Some(Role::Respondent)) => {
            // The most specific name tools use, among columns that are not questions.
            if let Some(c) = ID_COLUMNS.iter().find_map(|name| {
                (0..headers.len())
                    .find(|&c| roles[c].is_none() && keys[c].iter().any(|k| k == name))
            }) {
                roles[c] = Some(Role::Respondent);
            }
        }
        None => {}
    }

    let mut near_checked = 0usize;
    for (c, h) in headers.iter().enumerate() {
        if roles[c].is_some() {
            continue;
        }
        let by_id = h.ids.iter().find_map(|cell| matcher.by_id(cell));
        let by_text = h.texts.iter().find_map(|cell| matcher.by_text(cell));
        let role =
            if let Some(index) = by_id {
                if let Some(t) = by_text
                    && t != index
                {
                    problems.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "column `{}` is named like question `{}` but holds the text of `{}`",
                            excerpt(&h.label), q.questions[index].id, q.questions[t].id
                        ),
                    )
                    .at_line(line)
                    .with_help(
                        "say which it is in a map file: [columns] \"<column>\" = \"<question id>\"",
                    ),
                );
                }
                Some(Role::Question {
                    index,
                    how: How::Id,
                })
            } else if let Some(index) = h
                .ids
                .iter()
                .chain(&h.texts)
                .find_map(|cell| matcher.by_alias(cell))
            {
                Some(Role::Question {
                    index,
                    how: How::Alias,
                })
            } else {
                by_text.map(|index| Role::Question {
                    index,
                    how: How::Text,
                })
            };
        if let Some(role) = role {
            roles[c] = Some(role);
            continue;
        }
        if h.label.is_empty() {
            problems.push(
                Diagnostic::error(file, format!("column {} has no name", c + 1))
                    .at_line(line)
                    .with_help("give every column a name, or remove the empty one"),
            );
            roles[c] = Some(Role::Ignored);
            continue;
        }
        near_checked += 1;
        if near_checked > MAX_NEAR_MISS_COLUMNS {
            roles[c] = Some(Role::Metadata(h.label.clone()));
            continue;
        }
        if let Some(i) = h
            .ids
            .iter()
            .chain(&h.texts)
            .find_map(|cell| matcher.near_miss(cell))
        {
            let question = &q.questions[i];
            problems.push(
                Diagnostic::error(
                    file,
                    format!(
                        "column `{}` is not a question of `{}`, but nearly: did you mean `{}` ({})?",
                        excerpt(&h.label),
                        q.id,
                        question.id,
                        crate::terminal_text::clean(question.text.get("", q.default_language()), false)
                    ),
                )
                .at_line(line)
                .with_help(format!(
                    "rename the column to `{}`, or say what it is in a map file (--map): [columns] \"{}\" = \"{}\" (or any other name to keep it as metadata)",
                    question.id, excerpt(&h.label), question.id
                )),
            );
        }
        roles[c] = Some(Role::Metadata(h.label.clone()));
    }
    let roles: Vec<Role> = roles
        .into_iter()
        .map(|r| r.unwrap_or(Role::Ignored))
        .collect();

    // One question in two columns: which one holds the answer is not for us to guess.
    let mut column_of = std::collections::HashMap::new();
    for (c, role) in roles.iter().enumerate() {
        let Role::Question { index, .. } = role else {
            continue;
        };
        let first = *column_of.entry(*index).or_insert(c);
        if first != c && headers[first].label != headers[c].label {
            problems.push(
                Diagnostic::error(
                    file,
                    format!(
                        "question `{}` is in two columns: {} `{}` and {} `{}`",
                        q.questions[*index].id,
                        first + 1,
                        excerpt(&headers[first].label),
                        c + 1,
                        excerpt(&headers[c].label)
                    ),
                )
                .at_line(line)
                .with_help(format!(
                    "remove one, or say in a map file which is which: [columns] \"{}\" = \"ignore\"",
                    excerpt(&headers[c].label)
                )),
            );
        }
    }
    let mut first_of = std::collections::HashMap::new();
    for (c, h) in headers.iter().enumerate() {
        if matches!(roles[c], Role::Ignored) || h.label.is_empty() {
            continue;
        }
        let first = *first_of.entry(h.label.as_str()).or_insert(c);
        if first != c {
            problems.push(
                Diagnostic::error(
                    file,
                    format!(
                        "column `{}` appears twice (columns {} and {})",
                        excerpt(&h.label),
                        first + 1,
                        c + 1
                    ),
                )
                .at_line(line)
                .with_help("rename or remove one of them"),
            );
        }
    }
    crate::diagnostic::cap(file, &mut problems);
    Matched {
        headers,
        roles,
        problems,
    }
}

/// How many columns of `head` are questions of `q` (by id, alias or text): how well an export
/// fits a questionnaire.
pub fn matching_columns(head: &ExportHead, q: &Questionnaire) -> usize {
    let matcher = Matcher::new(q);
    headers(head)
        .iter()
        .filter(|h| {
            h.ids.iter().any(|c| matcher.by_id(c).is_some())
                || h.ids
                    .iter()
                    .chain(&h.texts)
                    .any(|c| matcher.by_alias(c).is_some())
                || h.texts.iter().any(|c| matcher.by_text(c).is_some())
        })
        .count()
}

/// A cell quoted in a message: at most [`EXCERPT_CHARS`] characters, so a huge or hostile cell
/// never floods the terminal.
pub(crate) fn excerpt(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..cut])),
        None => std::borrow::Cow::Borrowed(text),
    }
}

const EXCERPT_CHARS: usize = 200;

/// Names as a list for a message, the first dozen.
pub(crate) fn list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    list_first(names, 12)
}

/// Names as a list for a message, the first `n`.
pub(crate) fn list_first<'a>(names: impl Iterator<Item = &'a str>, n: usize) -> String {
    let names: Vec<String> = names.map(|n| format!("`{}`", excerpt(n))).collect();
    if names.len() > n {
        format!("{}, and {} more", names[..n].join(", "), names.len() - n)
    } else {
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> Questionnaire {
        // The texts these tests quote are version 1.0.0's.
        crate::questionnaire::version_one_for_tests()
    }

    #[test]
    fn ids_as_tools_write_them() {
        let q = q();
        let m = Matcher::new(&q);
        let i = q.question("focused-knowledge");
        for cell in [
            "focused-knowledge",
            "focused_knowledge",
            "FOCUSED_KNOWLEDGE",
            "cc[focusedknowledge]",
            "matrix.focused-knowledge",
        ] {
            assert_eq!(m.by_id(cell), i, "{cell}");
        }
        assert_eq!(m.by_id("Q1_1"), None);
    }

    #[test]
    fn texts_in_grid_patterns_and_languages() {
        let q = q();
        let m = Matcher::new(&q);
        let i = q.question("driven-listening").unwrap();
        let en = q.questions[i].text.get("en", "en").to_owned();
        let fr = q.questions[i].text.get("fr", "en").to_owned();
        for cell in [
            en.clone(),
            en.replace('\'', "’").to_uppercase(),
            format!("How far do you agree? - {en}"),
            format!("How far do you agree? [{en}]"),
            format!("{en}:How far do you agree?"),
            format!("Dans quelle mesure ? - {fr}"),
        ] {
            assert_eq!(m.by_text(&cell), Some(i), "{cell}");
        }
        assert_eq!(m.by_text("How far do you agree?"), None);
    }

    #[test]
    fn a_header_full_of_separators_gives_a_bounded_number_of_candidates() {
        let cell = format!("{}x", "-".repeat(20_000));
        // The cell itself, then for each of the four separators its first and last occurrences.
        assert!(text_candidates(&cell).count() <= 1 + 4 * 2 * MAX_SEPARATORS_IN_TEXT);
        // A statement with separators of its own is still found after a stem that has many.
        let q = q();
        let m = Matcher::new(&q);
        let i = q.question("focused-knowledge").unwrap();
        let text = q.questions[i].text.get("en", "en");
        let cell = format!("{}-{text}", "Q-".repeat(50));
        assert_eq!(m.by_text(&cell), Some(i), "{cell}");
        let cell = format!("{text}:{}", ":x".repeat(50));
        assert_eq!(m.by_text(&cell), Some(i), "{cell}");
    }

    #[test]
    fn near_misses_are_typos_not_other_columns() {
        let q = q();
        let m = Matcher::new(&q);
        assert_eq!(
            m.near_miss("focused-knowlege"),
            q.question("focused-knowledge")
        );
        let i = q.question("driven-listening").unwrap();
        let text = q.questions[i].text.get("en", "en");
        let typo = text.replacen("feedback", "feedbak", 1);
        assert_eq!(m.near_miss(&typo), Some(i));
        for other in [
            "Duration (in seconds)",
            "StartDate",
            "Email Address",
            "team",
            "role",
            "Q1_1",
        ] {
            assert_eq!(m.near_miss(other), None, "{other}");
        }
    }
}
