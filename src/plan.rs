//! A plan file (DESIGN.md section 8): where a team means to be and by when (a stage, or a
//! maturity index, with optional per-dimension targets), and the actions meant to get it there,
//! each with the question ids it means to move. [`status`] sets a plan against results in
//! order: the distance to the target, whether the pace so far reaches it by the date, whether
//! each action's items moved since it started, and which actions are overdue.

use std::collections::BTreeMap;
use std::ops::Range;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::comparison::Snapshot;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::toml_source;

/// Plan files are a few dozen lines; anything larger is not one.
const MAX_PLAN_BYTES: usize = 1 << 20;

/// A plan: a target and the actions meant to reach it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "centricity plan")]
pub struct PlanFile {
    pub target: TargetFile,
    /// What the team will do, each action with the questions it means to move.
    #[serde(default)]
    pub actions: Vec<ActionFile>,
}

/// Where the team means to be, and by when: a stage, or a maturity index.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetFile {
    /// The id of the stage to reach (reached as the scoring rule says: its score at or above
    /// its threshold, every stage below it reached).
    pub stage: Option<String>,
    /// Or a maturity index to reach (0 to the number of stages).
    pub index: Option<f64>,
    /// The date to reach it by, YYYY-MM-DD.
    pub by: String,
    /// Optional targets per dimension: dimension id -> score (0-100).
    #[serde(default)]
    pub dimensions: BTreeMap<String, f64>,
}

/// How far an action is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActionState {
    Planned,
    Started,
    Done,
    Dropped,
}

impl ActionState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Started => "started",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }
}

/// One action of the plan.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionFile {
    /// A short id, unique in the plan: [a-z0-9-]+.
    pub id: String,
    pub title: String,
    /// Who answers for it.
    pub owner: Option<String>,
    /// When it is due, YYYY-MM-DD.
    pub due: Option<String>,
    pub status: ActionState,
    /// When work on it started, YYYY-MM-DD: its items are compared from the last result on or
    /// before this date.
    pub started: Option<String>,
    /// The question ids it means to move.
    #[serde(default)]
    pub items: Vec<String>,
}

/// A plan read from a file, with where each of its values is, for messages about them.
#[derive(Debug, Clone)]
pub struct Plan {
    pub file: String,
    source: String,
    pub plan: PlanFile,
    /// Spans by path ("target.stage", "actions.0.items.1").
    spans: BTreeMap<String, Range<usize>>,
}

/// Whether `text` is a date YYYY-MM-DD that exists.
pub fn is_date(text: &str) -> bool {
    parse_date(text).is_some()
}

/// (year, month, day) of a YYYY-MM-DD date that exists.
fn parse_date(text: &str) -> Option<(i64, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = text.get(..4)?.parse().ok()?;
    let m: u32 = text.get(5..7)?.parse().ok()?;
    let d: u32 = text.get(8..)?.parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// Days since 1970-01-01 of a date (H. Hinnant's algorithm).
pub fn days(text: &str) -> Option<i64> {
    let (y, m, d) = parse_date(text)?;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The same day a year after `date` (28 February for 29 February).
pub fn a_year_after(date: &str) -> Option<String> {
    let (y, m, d) = parse_date(date)?;
    let d = if m == 2 && d == 29 { 28 } else { d };
    Some(format!("{:04}-{m:02}-{d:02}", y + 1))
}

impl Plan {
    /// Reads a plan file; every problem is reported with its line and column.
    pub fn parse(file: &str, source: String) -> Result<Self, Diagnostics> {
        if source.len() > MAX_PLAN_BYTES {
            return Err(Diagnostics(vec![Diagnostic::error(
                file,
                "the file is larger than 1 MiB; a plan file is a few dozen lines",
            )]));
        }
        let one = |d| Diagnostics(vec![d]);
        let document = toml_source::parse(file, &source).map_err(one)?;
        let mut spans = BTreeMap::new();
        collect_spans(document.get_ref(), "", &mut spans);
        let plan: PlanFile = toml_source::deserialize(file, &source, document).map_err(one)?;
        let plan = Self {
            file: file.to_owned(),
            source,
            plan,
            spans,
        };
        let problems = plan.check();
        if problems.is_empty() {
            Ok(plan)
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// A message at the value `path` holds.
    fn at(&self, path: &str, message: String) -> Diagnostic {
        Diagnostic::error(&self.file, message).at(&self.source, self.spans.get(path).cloned())
    }

    /// What the types cannot say: dates that exist, one target, ids unique, scores in range.
    fn check(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let t = &self.plan.target;
        let date = |path: &str, value: &str, out: &mut Vec<Diagnostic>| {
            if !is_date(value) {
                out.push(
                    self.at(path, format!("`{}` is not a date", value.escape_debug()))
                        .with_help("write dates as \"YYYY-MM-DD\", such as \"2027-12-31\""),
                );
            }
        };
        date("target.by", &t.by, &mut out);
        match (&t.stage, t.index) {
            (Some(_), Some(_)) => out.push(
                self.at(
                    "target.index",
                    "the target names both a stage and an index".to_owned(),
                )
                .with_help("keep one of `stage` and `index`"),
            ),
            (None, None) => out.push(
                Diagnostic::error(&self.file, "the target names neither a stage nor an index")
                    .at(&self.source, self.spans.get("target").cloned())
                    .with_help("add `stage = \"engaged\"` (a stage id) or `index = 3.0`"),
            ),
            (None, Some(x)) if !(0.0..=100.0).contains(&x) || !x.is_finite() => out.push(
                self.at("target.index", format!("index {x} cannot be reached"))
                    .with_help("an index lies between 0 and the number of stages"),
            ),
            _ => {}
        }
        for (id, score) in &t.dimensions {
            if !(0.0..=100.0).contains(score) {
                out.push(self.at(
                    &format!("target.dimensions.{id}"),
                    format!("`{id}` targets {score}, but a score lies between 0 and 100"),
                ));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (k, a) in self.plan.actions.iter().enumerate() {
            if !seen.insert(a.id.as_str()) {
                out.push(
                    self.at(
                        &format!("actions.{k}.id"),
                        format!("a second action with id `{}`", a.id.escape_debug()),
                    )
                    .with_help("give each action its own id"),
                );
            }
            for (key, value) in [("due", &a.due), ("started", &a.started)] {
                if let Some(v) = value {
                    date(&format!("actions.{k}.{key}"), v, &mut out);
                }
            }
        }
        out
    }

    /// Warnings for ids the questionnaire does not have: stages, dimensions, items.
    pub fn check_ids(&self, snapshot: &Snapshot) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let warn = |path: &str, message: String| {
            let mut d = self.at(path, message);
            d.severity = crate::diagnostic::Severity::Warning;
            d
        };
        if let Some(stage) = &self.plan.target.stage
            && !snapshot.stages.iter().any(|s| s.id == *stage)
        {
            out.push(warn(
                "target.stage",
                format!(
                    "`{}` is not a stage of {}",
                    stage.escape_debug(),
                    snapshot.questionnaire
                ),
            ));
        }
        for id in self.plan.target.dimensions.keys() {
            if !snapshot.dimensions.iter().any(|d| d.id == *id) {
                out.push(warn(
                    &format!("target.dimensions.{id}"),
                    format!(
                        "`{}` is not a dimension of {}",
                        id.escape_debug(),
                        snapshot.questionnaire
                    ),
                ));
            }
        }
        for (k, a) in self.plan.actions.iter().enumerate() {
            for (j, item) in a.items.iter().enumerate() {
                if !snapshot.items.iter().any(|m| m.id == *item) {
                    out.push(warn(
                        &format!("actions.{k}.items.{j}"),
                        format!(
                            "`{}` is not a question of {}",
                            item.escape_debug(),
                            snapshot.questionnaire
                        ),
                    ));
                }
            }
        }
        out
    }
}

/// The span of every value in `table`, by dotted path.
fn collect_spans(
    table: &toml::de::DeTable<'_>,
    prefix: &str,
    out: &mut BTreeMap<String, Range<usize>>,
) {
    for (key, value) in table {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        collect_value(value, &path, out);
    }
}

fn collect_value(
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    path: &str,
    out: &mut BTreeMap<String, Range<usize>>,
) {
    out.insert(path.to_owned(), value.span());
    match value.get_ref() {
        toml::de::DeValue::Table(t) => collect_spans(t, path, out),
        toml::de::DeValue::Array(a) => {
            for (k, v) in a.iter().enumerate() {
                collect_value(v, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// One result the plan is set against: its label, its date when known, and its figures.
#[derive(Debug, Clone, Copy)]
pub struct Point<'a> {
    pub label: &'a str,
    pub date: Option<&'a str>,
    pub snapshot: &'a Snapshot,
}

/// Whether the pace so far reaches the target by its date.
#[derive(Debug, Clone, PartialEq)]
pub enum Pace {
    /// The target is reached already.
    Reached,
    /// At the pace between the first and the last dated result, the figure would be
    /// `projected` on the target date.
    OnTrack {
        projected: f64,
    },
    OffTrack {
        projected: f64,
    },
    /// The target date is past (on the report's date, or before the last result) and the
    /// target is not reached.
    Missed,
    /// The pace is not known, and why.
    Unknown(Unknown),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// A single result: a pace needs a before (compare, trend).
    OneResult,
    /// Fewer than two results carry a date, or they carry the same one.
    NoDates,
    /// The figure the target is on is missing.
    NoFigure,
}

/// One item an action means to move, from the result before it started to the last.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemMove {
    pub id: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// Where one action stands.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionStatus {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub state: ActionState,
    pub started: Option<String>,
    /// The label of the result its items are compared from; `None` without a result before.
    pub since: Option<String>,
    pub items: Vec<ItemMove>,
    /// Due before the report date and neither done nor dropped.
    pub overdue: bool,
}

/// The plan set against results.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub by: String,
    pub report_date: String,
    /// The target stage's id and name.
    pub target_stage: Option<String>,
    pub target_stage_name: Option<String>,
    pub target_index: Option<f64>,
    /// The figure the target is on, in the last result: the target stage's score, or the index.
    pub now: Option<f64>,
    /// Where that figure has to be: the stage's threshold, or the index.
    pub goal: Option<f64>,
    pub pace: Pace,
    /// Per-dimension targets: (id, target).
    pub dimension_targets: Vec<(String, f64)>,
    /// (id, name, score now, target) for each per-dimension target the results have.
    pub dimensions: Vec<(String, String, Option<f64>, f64)>,
    pub actions: Vec<ActionStatus>,
}

impl Status {
    /// The actions overdue.
    pub fn overdue(&self) -> impl Iterator<Item = &ActionStatus> {
        self.actions.iter().filter(|a| a.overdue)
    }
}

/// The plan set against `points` (results in order, the last the current one) on `report_date`.
pub fn status(plan: &PlanFile, points: &[Point<'_>], report_date: &str) -> Status {
    let last = points.last();
    let t = &plan.target;
    let stage_at = |s: &Snapshot| {
        t.stage
            .as_ref()
            .and_then(|id| s.stages.iter().position(|m| m.id == *id))
    };
    // The figure the target is on, in one result.
    let figure = |s: &Snapshot| -> Option<f64> {
        if t.stage.is_some() {
            s.stages.get(stage_at(s)?)?.score
        } else {
            s.index
        }
    };
    let goal = last.and_then(|p| {
        if t.stage.is_some() {
            p.snapshot.stages.get(stage_at(p.snapshot)?)?.threshold
        } else {
            t.index
        }
    });
    let now = last.and_then(|p| figure(p.snapshot));
    let reached = last.is_some_and(|p| match (stage_at(p.snapshot), t.index) {
        (Some(k), _) => p.snapshot.placement.as_ref().is_some_and(|(l, _)| *l > k),
        (None, Some(x)) => p.snapshot.index.is_some_and(|i| i >= x),
        _ => false,
    });
    let last_day = points.iter().filter_map(|p| days(p.date?)).max();
    let passed = days(&t.by).is_some_and(|by| {
        days(report_date).is_some_and(|today| by < today) || last_day.is_some_and(|d| by <= d)
    });
    let pace = if reached {
        Pace::Reached
    } else if passed {
        Pace::Missed
    } else if points.len() < 2 {
        Pace::Unknown(Unknown::OneResult)
    } else if now.is_none() || goal.is_none() {
        Pace::Unknown(Unknown::NoFigure)
    } else {
        let dated: Vec<(i64, f64)> = points
            .iter()
            .filter_map(|p| Some((days(p.date?)?, figure(p.snapshot)?)))
            .collect();
        match (dated.first(), dated.last(), days(&t.by)) {
            (Some(&(d0, f0)), Some(&(d1, f1)), Some(by)) if d1 > d0 => {
                #[allow(clippy::cast_precision_loss)]
                let rate = (f1 - f0) / (d1 - d0) as f64;
                #[allow(clippy::cast_precision_loss)]
                let projected = f1 + rate * (by - d1) as f64;
                if goal.is_some_and(|g| projected >= g) {
                    Pace::OnTrack { projected }
                } else {
                    Pace::OffTrack { projected }
                }
            }
            _ => Pace::Unknown(Unknown::NoDates),
        }
    };
    let dimensions = last.map_or_else(Vec::new, |p| {
        t.dimensions
            .iter()
            .filter_map(|(id, target)| {
                let m = p.snapshot.dimensions.iter().find(|d| d.id == *id)?;
                Some((id.clone(), m.name.clone(), m.score, *target))
            })
            .collect()
    });
    let actions = plan
        .actions
        .iter()
        .map(|a| {
            // The result before the action started: the last one dated on or before its start,
            // else the first result when there are several.
            let before = match (&a.started, points.len()) {
                (_, 0 | 1) => None,
                (Some(started), n) => points[..n - 1]
                    .iter()
                    .rev()
                    .find(|p| p.date.is_some_and(|d| d <= started.as_str()))
                    .or(points.first()),
                (None, _) => points.first(),
            };
            let score = |p: Option<&Point<'_>>, id: &str| {
                p.and_then(|p| p.snapshot.items.iter().find(|m| m.id == id))
                    .and_then(|m| m.score)
            };
            ActionStatus {
                id: a.id.clone(),
                title: a.title.clone(),
                owner: a.owner.clone(),
                due: a.due.clone(),
                state: a.status,
                started: a.started.clone(),
                since: before.map(|p| p.label.to_owned()),
                items: a
                    .items
                    .iter()
                    .map(|id| ItemMove {
                        id: id.clone(),
                        before: before.and_then(|_| score(before, id)),
                        after: score(last, id),
                    })
                    .collect(),
                overdue: !matches!(a.status, ActionState::Done | ActionState::Dropped)
                    && a.due.as_deref().is_some_and(|d| d < report_date),
            }
        })
        .collect();
    Status {
        by: t.by.clone(),
        report_date: report_date.to_owned(),
        target_stage: t.stage.clone(),
        target_stage_name: last.and_then(|p| {
            let k = stage_at(p.snapshot)?;
            Some(p.snapshot.stages[k].name.clone())
        }),
        target_index: t.index,
        now,
        goal,
        pace,
        dimension_targets: t.dimensions.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        dimensions,
        actions,
    }
}

/// A TOML string literal for `text`.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A starting plan from a result's recommendations: reach the next stage (or every stage) a
/// year after `date`, one planned action per recommended item.
pub fn draft(s: &Snapshot, date: &str) -> String {
    let by = a_year_after(date).unwrap_or_else(|| date.to_owned());
    let level = s.placement.as_ref().map_or(0, |(l, _)| *l);
    let mut out = format!(
        "#:schema plan.schema.json\n# A starting plan drafted from {} ({} {}) on {date}.\n# Check the target, give each action an owner and a due date, and keep the statuses current.\n\n[target]\n",
        s.label.replace('\n', " "),
        s.questionnaire,
        s.version
    );
    match s.stages.get(level) {
        Some(next) => {
            out.push_str(&format!(
                "stage = {}            # {}\n",
                quoted(&next.id),
                next.name.replace('\n', " ")
            ));
        }
        None => {
            out.push_str(&format!("index = {}.0\n", s.stages.len()));
        }
    }
    out.push_str(&format!("by = \"{by}\"\n"));
    for (id, text) in &s.recommendations {
        out.push_str(&format!(
            "\n[[actions]]\nid = {}\ntitle = {}\nowner = \"\"\ndue = \"{by}\"\nstatus = \"planned\"\nitems = [{}]\n",
            quoted(id),
            quoted(text),
            quoted(id)
        ));
    }
    out
}

/// A plan to start from, valid as written, every field explained.
pub fn scaffold(schema: &str) -> String {
    format!(
        r##"#:schema {schema}
# A plan for `centricity trend --plan`, `compare --plan`, `score --plan` and `summarize --plan`:
# where the team means to be and by when, and what it will do to get there.
# `centricity plan draft RESULT` drafts one from a result's recommendations.

[target]
stage = "engaged"             # a stage id to reach (see `centricity show`); or, instead:
# index = 3.0                 # a maturity index to reach (0 to the number of stages)
by = "2027-12-31"             # YYYY-MM-DD

[target.dimensions]           # optional: scores (0-100) to reach per dimension id
listening = 75.0

[[actions]]
id = "journey-owner"          # unique in the plan
title = "Give the onboarding journey an owner and a journey-level measure"
owner = "COO"                 # optional
due = "2027-06-30"            # optional, YYYY-MM-DD; past due and not done is reported overdue
status = "started"            # planned | started | done | dropped
started = "2027-01-15"        # optional: items are compared from the last result on or before it
items = ["engaged-relationship"]   # the question ids the action means to move
"##
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_counted_in_days() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2000-03-01"), Some(11_017));
        assert_eq!(days("2025-11-22"), Some(20_414));
        assert_eq!(days("2026-02-29"), None);
        assert_eq!(a_year_after("2028-02-29").as_deref(), Some("2029-02-28"));
    }

    #[test]
    fn the_scaffold_is_a_valid_plan() {
        let plan = Plan::parse("plan.toml", scaffold("plan.schema.json")).expect("valid");
        assert_eq!(plan.plan.actions.len(), 1);
    }

    #[test]
    fn problems_are_reported_where_they_are() {
        let source = "[target]\nstage = \"engaged\"\nby = \"2027-13-01\"\n\n[[actions]]\nid = \"a\"\ntitle = \"t\"\nstatus = \"planned\"\n\n[[actions]]\nid = \"a\"\ntitle = \"u\"\nstatus = \"started\"\n";
        let Err(Diagnostics(problems)) = Plan::parse("p.toml", source.to_owned()) else {
            panic!("accepted")
        };
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, Some(3));
        assert_eq!(problems[1].line, Some(11));
        let Err(Diagnostics(typo)) = Plan::parse(
            "p.toml",
            "[target]\nstage = \"a\"\nby = \"2027-01-01\"\nowner = 1\n".to_owned(),
        ) else {
            panic!("accepted")
        };
        assert_eq!(typo[0].line, Some(4), "{typo:?}");
    }
}
