//! Every figure `score --format csv` and `summarize --format json` print, checked against the
//! independent reference implementation of the scoring rule in `tests/reference/`.
//!
//! The answers are pseudo-random from a fixed seed, written as a CSV export the way a survey tool
//! would, and scored by the real binary; the reference scores the same answers from the values it
//! generated, never from the tool's reading of the file. This is the cross-check that runs in any
//! clone; `tests/peer_pandas.rs` repeats it against pandas where that is installed.
//!
//! The hand-computed cases at the end pin the reference itself to figures worked out on paper,
//! so that an agreement between the two cannot be an agreement in the same mistake.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod reference;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use reference::{Answer, Group, Outcome, Questionnaire, Status};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

const BUNDLED: &str = "questionnaires/customer-centricity.toml";
const MIXED: &str = "tests/fixtures/reference-mixed.toml";
const SECURITY: &str = "examples/questionnaires/security-maturity.toml";

/// A 64-bit linear congruential generator (Knuth's MMIX constants): the answers must be the same
/// on every run and every platform, and need no statistical quality beyond covering the cases.
#[derive(Debug)]
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // The low bits of an LCG cycle quickly; the high ones are the usable part.
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

#[derive(Debug)]
struct Respondent {
    id: String,
    team: String,
    answers: Vec<Answer>,
}

/// The option index that means `maturity` (0 lowest) on this item: reverse items agree less.
fn option_for(question: &reference::Question, maturity: usize) -> Answer {
    let mut by_value: Vec<f64> = question.options.iter().map(|o| o.0).collect();
    by_value.sort_by(f64::total_cmp);
    let m = maturity.min(by_value.len() - 1);
    let position = if question.reverse {
        by_value.len() - 1 - m
    } else {
        m
    };
    Answer::Value(by_value[position])
}

/// `n` respondents: most with a profile (high up to some stage, lower above it, so placements
/// spread over every level), some answering at random, and the edge cases every run must hold.
fn generate(q: &Questionnaire, n: usize, seed: u64) -> Vec<Respondent> {
    let mut rng = Lcg(seed);
    let stages = q.stages.len();
    let top = |question: &reference::Question| question.options.len() - 1;
    let mut out = Vec::new();
    for r in 0..n {
        let level = rng.below(stages + 2);
        let random = rng.percent(25);
        let missing_rate = [0, 5, 20][rng.below(3)];
        let na_rate = [0, 5, 15][rng.below(3)];
        let mut answers: Vec<Answer> = q
            .questions
            .iter()
            .map(|question| {
                if rng.percent(missing_rate) {
                    return Answer::Missing;
                }
                if question.not_applicable.is_some() && rng.percent(na_rate) {
                    return Answer::NotApplicable;
                }
                let maturity = if random {
                    rng.below(question.options.len())
                } else {
                    let high = question.stage.is_none_or(|s| s < level);
                    let base = if high { top(question) } else { 1 };
                    // Step down or up by one now and then so that stages land near their
                    // thresholds and single items near the floor.
                    match rng.below(6) {
                        0 => base.saturating_sub(1),
                        1 => base + 1,
                        2 if high => base.saturating_sub(2),
                        _ => base,
                    }
                };
                option_for(question, maturity)
            })
            .collect();

        // Edge cases, each on its own respondent; the rest stay as generated.
        let stage_of = |i: usize| q.questions[i].stage;
        let pick = if stages > 0 { r % stages } else { 0 };
        match r {
            0 => answers.fill(Answer::NotApplicable),
            1 => answers.fill(Answer::Missing),
            2 => {
                for (i, a) in answers.iter_mut().enumerate() {
                    *a = option_for(&q.questions[i], top(&q.questions[i]));
                }
            }
            3 => {
                for (i, a) in answers.iter_mut().enumerate() {
                    *a = option_for(&q.questions[i], 0);
                }
            }
            4 => {
                // Everything high but one item of the first stage at the bottom: the floor.
                for (i, a) in answers.iter_mut().enumerate() {
                    *a = option_for(&q.questions[i], top(&q.questions[i]));
                }
                if let Some(first) = (0..answers.len()).find(|&i| stage_of(i) == Some(0)) {
                    answers[first] = option_for(&q.questions[first], 0);
                }
            }
            _ if r % 11 == 5 => {
                for (i, a) in answers.iter_mut().enumerate() {
                    if stage_of(i) == Some(pick) {
                        *a = Answer::Missing;
                    }
                }
            }
            _ if r % 13 == 6 && q.questions.iter().all(|x| x.not_applicable.is_some()) => {
                for (i, a) in answers.iter_mut().enumerate() {
                    if stage_of(i) == Some(pick) {
                        *a = Answer::NotApplicable;
                    }
                }
            }
            _ => {}
        }
        out.push(Respondent {
            id: format!("r{r:04}"),
            team: ["North", "South", "East"][rng.below(3)].to_owned(),
            answers,
        });
    }
    out
}

/// The CSV export of `rows`: values mostly as numbers, sometimes as the option's label or the
/// scale's not-applicable label (as survey tools write them), and `n/a` or an empty cell.
fn write_csv(q: &Questionnaire, rows: &[Respondent], seed: u64) -> String {
    let mut rng = Lcg(seed ^ 0x5eed);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["respondent".to_owned(), "team".to_owned()];
    header.extend(q.questions.iter().map(|x| x.id.clone()));
    w.write_record(&header).unwrap();
    for row in rows {
        let mut record = vec![row.id.clone(), row.team.clone()];
        for (question, answer) in q.questions.iter().zip(&row.answers) {
            let label_ok = rng.percent(15);
            record.push(match answer {
                Answer::Missing => String::new(),
                Answer::NotApplicable => match &question.not_applicable {
                    Some(label) if label_ok => label.clone(),
                    _ => "n/a".to_owned(),
                },
                Answer::Value(v) => {
                    let label = question.options.iter().find(|o| o.0 == *v).map(|o| &o.1);
                    match label {
                        Some(label) if label_ok && !label.is_empty() => label.clone(),
                        _ => format!("{v}"),
                    }
                }
            });
        }
        w.write_record(&record).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn run(args: &[&str], what: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_centricity"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("run {what}: {e}"));
    assert!(
        out.status.success(),
        "{what} exited with {}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Whether a figure printed to `decimals` places is the reference value rounded the same way.
///
/// The tool prints scores to 1 decimal and the index to 2 in CSV, and 4 in JSON. Comparing the
/// reference rounded alike, the tolerance only has to absorb the binary noise of reading the
/// printed decimal back: 0.005 (half a unit of the index's last digit), or half a unit of the
/// last digit when more are printed, so any disagreement in a printed digit fails. When the
/// reference lies on a rounding tie (or within float noise of one, as 37.45 computed two ways
/// can), either neighbour is accepted: which way a tie goes depends on the last bit of a float,
/// not on the scoring rule.
fn agrees(printed: f64, reference: f64, decimals: i32) -> bool {
    let tolerance = 0.005_f64.min(0.5 * 10f64.powi(-decimals));
    let scale = 10f64.powi(decimals);
    let x = reference * scale;
    let candidates = if (x - x.floor() - 0.5).abs() < 1e-6 {
        vec![x.floor(), x.ceil()]
    } else {
        vec![x.round()]
    };
    candidates
        .iter()
        .any(|c| (printed - c / scale).abs() <= tolerance)
}

/// Collects every disagreement so that one failing run shows them all, each naming the
/// respondent, the figure, the reference's value and the tool's.
#[derive(Debug, Default)]
struct Check {
    compared: usize,
    failures: Vec<String>,
}

impl Check {
    fn number(
        &mut self,
        who: &str,
        figure: &str,
        printed: Option<f64>,
        expected: Option<f64>,
        decimals: i32,
    ) {
        self.compared += 1;
        let ok = match (printed, expected) {
            (None, None) => true,
            (Some(p), Some(e)) => agrees(p, e, decimals),
            _ => false,
        };
        if !ok {
            let show = |v: Option<f64>| v.map_or("no value".to_owned(), |v| format!("{v}"));
            self.failures.push(format!(
                "{who} {figure}: expected {} (reference, rounded to {decimals} decimals), centricity printed {}",
                show(expected),
                show(printed)
            ));
        }
    }

    fn same<T: PartialEq + std::fmt::Debug>(
        &mut self,
        who: &str,
        figure: &str,
        printed: T,
        expected: T,
    ) {
        self.compared += 1;
        if printed != expected {
            self.failures.push(format!(
                "{who} {figure}: expected {expected:?}, centricity printed {printed:?}"
            ));
        }
    }

    fn finish(self, what: &str) -> usize {
        if !self.failures.is_empty() {
            let shown: Vec<&String> = self.failures.iter().take(25).collect();
            panic!(
                "{what}: {} of {} figures disagree with the reference{}:\n  {}",
                self.failures.len(),
                self.compared,
                if self.failures.len() > shown.len() {
                    " (the first 25 shown)"
                } else {
                    ""
                },
                shown
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n  ")
            );
        }
        self.compared
    }
}

fn cell(row: &HashMap<String, String>, column: &str, who: &str) -> Option<f64> {
    let text = row
        .get(column)
        .unwrap_or_else(|| panic!("{who}: no column {column} in centricity's CSV"));
    if text.is_empty() {
        None
    } else {
        Some(
            text.parse()
                .unwrap_or_else(|e| panic!("{who} {column}: {text:?} is not a number: {e}")),
        )
    }
}

/// Per respondent: placement, its name, the index, every stage, dimension and overall score.
fn check_respondents(q: &Questionnaire, rows: &[Respondent], csv_text: &str, check: &mut Check) {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let printed: HashMap<String, HashMap<String, String>> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let row: HashMap<String, String> = headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect();
            (row["respondent"].clone(), row)
        })
        .collect();
    check.same("the CSV", "number of rows", printed.len(), rows.len());
    for respondent in rows {
        let who = respondent.id.as_str();
        let Some(row) = printed.get(who) else {
            check
                .failures
                .push(format!("{who}: missing from centricity's CSV"));
            continue;
        };
        let ours = reference::score_answers(q, &respondent.answers);
        if !q.stages.is_empty() {
            check.same(
                who,
                "placement",
                row["placement"].as_str(),
                &ours.placement.to_string(),
            );
            check.same(
                who,
                "placement_name",
                row["placement_name"].as_str(),
                q.placement_name(ours.placement),
            );
            check.number(who, "index", cell(row, "index", who), Some(ours.index), 2);
        }
        for (stage, outcome) in q.stages.iter().zip(&ours.stages) {
            let column = format!("stage.{}", stage.id);
            check.number(who, &column, cell(row, &column, who), outcome.score, 1);
        }
        for (dimension, outcome) in q.dimensions.iter().zip(&ours.dimensions) {
            let column = format!("dimension.{}", dimension.id);
            check.number(who, &column, cell(row, &column, who), outcome.0, 1);
        }
        check.number(who, "overall", cell(row, "overall", who), ours.overall, 1);
    }
}

fn json_number(v: &serde_json::Value) -> Option<f64> {
    v.as_f64()
}

/// The group result of rule 7 as `summarize --format json` prints it, figure by figure.
fn check_group_result(
    q: &Questionnaire,
    ours: &Outcome,
    result: &serde_json::Value,
    check: &mut Check,
) {
    let who = "the group";
    if !q.stages.is_empty() {
        check.same(
            who,
            "placement.level",
            result["placement"]["level"].as_u64(),
            Some(ours.placement as u64),
        );
        check.same(
            who,
            "placement.name",
            result["placement"]["name"].as_str(),
            Some(q.placement_name(ours.placement)),
        );
        check.number(
            who,
            "index",
            json_number(&result["index"]),
            Some(ours.index),
            2,
        );
    }
    check.number(
        who,
        "overall.score",
        json_number(&result["overall"]["score"]),
        ours.overall,
        4,
    );
    check.same(
        who,
        "overall.answered",
        result["overall"]["answered"].as_u64(),
        Some(ours.answered as u64),
    );

    let stages = result["stages"].as_array().expect("stages");
    check.same(who, "number of stages", stages.len(), q.stages.len());
    for ((stage, outcome), printed) in q.stages.iter().zip(&ours.stages).zip(stages) {
        let f = |name: &str| format!("stage {} {name}", stage.id);
        check.same(
            who,
            &f("id"),
            printed["id"].as_str(),
            Some(stage.id.as_str()),
        );
        check.number(
            who,
            &f("score"),
            json_number(&printed["score"]),
            outcome.score,
            4,
        );
        check.number(
            who,
            &f("threshold"),
            json_number(&printed["threshold"]),
            Some(stage.threshold),
            4,
        );
        check.same(
            who,
            &f("answered"),
            printed["answered"].as_u64(),
            Some(outcome.answered as u64),
        );
        check.same(
            who,
            &f("total"),
            printed["total"].as_u64(),
            Some(outcome.total as u64),
        );
        check.same(
            who,
            &f("status"),
            printed["status"].as_str(),
            Some(outcome.status.as_str()),
        );
        check.same(
            who,
            &f("counts"),
            printed["counts"].as_bool(),
            Some(outcome.counts),
        );
        check.same(
            who,
            &f("uneven_foundation"),
            printed["uneven_foundation"].as_bool(),
            Some(outcome.status == Status::Reached && !outcome.counts),
        );
        check.same(
            who,
            &f("below_threshold"),
            printed["below_threshold"].as_bool(),
            Some(outcome.score.is_none_or(|s| s < stage.threshold)),
        );
        let floor: Vec<&str> = printed["below_floor"]
            .as_array()
            .expect("below_floor")
            .iter()
            .map(|v| v.as_str().or_else(|| v["id"].as_str()).expect("item id"))
            .collect();
        check.same(
            who,
            &f("below_floor"),
            floor,
            outcome.below_floor.iter().map(String::as_str).collect(),
        );
    }

    let dimensions = result["dimensions"].as_array().expect("dimensions");
    check.same(
        who,
        "number of dimensions",
        dimensions.len(),
        q.dimensions.len(),
    );
    for ((dimension, outcome), printed) in q.dimensions.iter().zip(&ours.dimensions).zip(dimensions)
    {
        let f = |name: &str| format!("dimension {} {name}", dimension.id);
        check.same(
            who,
            &f("id"),
            printed["id"].as_str(),
            Some(dimension.id.as_str()),
        );
        check.number(
            who,
            &f("score"),
            json_number(&printed["score"]),
            outcome.0,
            4,
        );
        check.same(
            who,
            &f("answered"),
            printed["answered"].as_u64(),
            Some(outcome.1 as u64),
        );
        check.same(
            who,
            &f("total"),
            printed["total"].as_u64(),
            Some(outcome.2 as u64),
        );
    }

    let items = result["items"].as_array().expect("items");
    check.same(who, "number of items", items.len(), q.questions.len());
    for ((question, score), printed) in q.questions.iter().zip(&ours.item_scores).zip(items) {
        let f = |name: &str| format!("item {} {name}", question.id);
        check.same(
            who,
            &f("id"),
            printed["id"].as_str(),
            Some(question.id.as_str()),
        );
        check.number(who, &f("score"), json_number(&printed["score"]), *score, 4);
        check.number(
            who,
            &f("weight"),
            json_number(&printed["weight"]),
            Some(question.weight),
            4,
        );
    }

    // Rule 6. Equal priorities may be listed in either order (the rule orders by priority only),
    // so each position is checked for its stage and priority, and each item for being eligible
    // with the priority printed.
    let recommendations = &result["recommendations"];
    check.same(
        who,
        "recommendations next_step stage",
        recommendations["next_step"]["stage"].as_str(),
        q.stages.get(ours.placement).map(|s| s.id.as_str()),
    );
    if ours.placement > 0 {
        check.same(
            who,
            "recommendations customer_view stage",
            recommendations["customer_view"]["stage"].as_str(),
            Some(q.stages[ours.placement - 1].id.as_str()),
        );
    }
    let listed = recommendations["items"].as_array().expect("items");
    check.same(
        who,
        "number of recommended items",
        listed.len(),
        ours.recommendations.len(),
    );
    let last = (ours.placement + 1).min(q.stages.len());
    for (n, (printed, expected)) in listed.iter().zip(&ours.recommendations).enumerate() {
        let f = |name: &str| format!("recommendation {} {name}", n + 1);
        check.same(
            who,
            &f("stage"),
            printed["stage"].as_str(),
            Some(q.stages[expected.stage].id.as_str()),
        );
        check.number(
            who,
            &f("priority"),
            json_number(&printed["priority"]),
            Some(expected.priority),
            4,
        );
        let id = printed["id"].as_str().unwrap_or_default();
        let eligible = q.questions.iter().position(|x| x.id == id).and_then(|i| {
            let stage = q.questions[i].stage?;
            let score = ours.item_scores[i]?;
            (stage < last && score < q.stages[stage].threshold)
                .then_some(q.questions[i].weight * (100.0 - score))
        });
        check.number(
            who,
            &format!(
                "recommendation {} ({id}) priority as an eligible item",
                n + 1
            ),
            json_number(&printed["priority"]),
            eligible,
            4,
        );
    }
}

/// Rule 7's item statistics, the placement distribution, and rule 8's reliability.
fn check_group(q: &Questionnaire, ours: &Group, printed: &serde_json::Value, check: &mut Check) {
    let who = "the group";
    check.same(
        who,
        "respondents",
        printed["respondents"].as_u64(),
        Some(ours.respondents as u64),
    );
    check_group_result(q, &ours.result, &printed["result"], check);

    let items = printed["items"].as_array().expect("items");
    check.same(
        who,
        "number of item statistics",
        items.len(),
        q.questions.len(),
    );
    for (((question, stats), score), printed) in q
        .questions
        .iter()
        .zip(&ours.items)
        .zip(&ours.result.item_scores)
        .zip(items)
    {
        let f = |name: &str| format!("item {} {name}", question.id);
        check.same(
            who,
            &f("id"),
            printed["id"].as_str(),
            Some(question.id.as_str()),
        );
        check.same(
            who,
            &f("answered"),
            printed["answered"].as_u64(),
            Some(stats.answered as u64),
        );
        check.same(
            who,
            &f("not_applicable"),
            printed["not_applicable"].as_u64(),
            Some(stats.not_applicable as u64),
        );
        check.number(
            who,
            &f("mean"),
            json_number(&printed["mean"]),
            stats.mean,
            4,
        );
        check.number(who, &f("sd"), json_number(&printed["sd"]), stats.sd, 4);
        check.number(who, &f("score"), json_number(&printed["score"]), *score, 4);
        check.same(
            who,
            &f("discuss"),
            printed["discuss"].as_bool(),
            Some(stats.discuss),
        );
    }
    let discuss: BTreeSet<&str> = printed["discuss"]
        .as_array()
        .expect("discuss")
        .iter()
        .map(|v| v.as_str().expect("item id"))
        .collect();
    let expected: BTreeSet<&str> = q
        .questions
        .iter()
        .zip(&ours.items)
        .filter(|(_, s)| s.discuss)
        .map(|(x, _)| x.id.as_str())
        .collect();
    check.same(who, "discuss", discuss, expected);

    if !q.stages.is_empty() {
        let placements = printed["placements"].as_array().expect("placements");
        check.same(
            who,
            "number of placement levels",
            placements.len(),
            ours.placements.len(),
        );
        for (level, (printed, expected)) in placements.iter().zip(&ours.placements).enumerate() {
            check.same(
                who,
                &format!("respondents placed at level {level}"),
                printed["respondents"].as_u64(),
                Some(*expected as u64),
            );
        }
    }

    let printed = &printed["reliability"];
    let Some(reliability) = &ours.reliability else {
        check.same(who, "reliability", printed.is_null(), true);
        return;
    };
    for (kind, sets) in [
        ("stages", &reliability.stages),
        ("dimensions", &reliability.dimensions),
    ] {
        let listed = printed[kind].as_array().expect("reliability sets");
        check.same(
            who,
            &format!("reliability {kind}"),
            listed.len(),
            sets.len(),
        );
        for (set, printed) in sets.iter().zip(listed) {
            let f = |name: &str| format!("reliability {} {name}", set.id);
            check.same(who, &f("id"), printed["id"].as_str(), Some(set.id.as_str()));
            check.number(
                who,
                &f("alpha"),
                json_number(&printed["alpha"]),
                set.alpha,
                4,
            );
            // The rule does not define the count for a one-item set (the tool prints 0 there),
            // so it is compared only where the rule measures something.
            if let Some(complete) = set.complete {
                check.same(
                    who,
                    &f("complete"),
                    printed["complete"].as_u64(),
                    Some(complete as u64),
                );
            }
            let items = printed["items"].as_array().expect("items");
            check.same(who, &f("items"), items.len(), set.item_rest.len());
            for ((id, r), printed) in set.item_rest.iter().zip(items) {
                check.same(
                    who,
                    &f("item id"),
                    printed["id"].as_str(),
                    Some(id.as_str()),
                );
                check.number(
                    who,
                    &f(&format!("{id} item_rest")),
                    json_number(&printed["item_rest"]),
                    *r,
                    4,
                );
            }
        }
    }
}

/// Generates `n` respondents for `path`, has the binary score them one by one and as a group
/// (and a small group of the first few, which reports no reliability), and checks every figure.
fn cross_check(path: &str, n: usize, seed: u64) {
    let file = repo(path);
    let q = Questionnaire::load(&file);
    let rows = generate(&q, n, seed);
    // The generator has to keep covering every placement, or the check would quietly thin out.
    let mut placements = vec![0; q.stages.len() + 1];
    for r in &rows {
        placements[reference::score_answers(&q, &r.answers).placement] += 1;
    }
    assert!(
        placements.iter().all(|&n| n > 0),
        "{}: some placement has no respondent: {placements:?}",
        q.id
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let mut check = Check::default();

    let csv_path = dir.path().join("responses.csv");
    std::fs::write(&csv_path, write_csv(&q, &rows, seed)).expect("write csv");
    let csv_arg = csv_path.to_str().expect("utf-8 path");
    let file_arg = file.to_str().expect("utf-8 path");
    let scored = run(
        &[
            "score",
            "--format",
            "csv",
            "--questionnaire",
            file_arg,
            csv_arg,
        ],
        "centricity score",
    );
    check_respondents(&q, &rows, &scored, &mut check);

    let few = 4;
    let small_path = dir.path().join("small.csv");
    std::fs::write(&small_path, write_csv(&q, &rows[..few], seed)).expect("write csv");
    for (group, input) in [
        (&rows[..], csv_arg),
        (&rows[..few], small_path.to_str().expect("utf-8 path")),
    ] {
        let answers: Vec<Vec<Answer>> = group.iter().map(|r| r.answers.clone()).collect();
        let printed = run(
            &[
                "summarize",
                "--format",
                "json",
                "--questionnaire",
                file_arg,
                input,
            ],
            "centricity summarize",
        );
        let printed: serde_json::Value = serde_json::from_str(&printed).expect("json");
        check_group(&q, &reference::group(&q, &answers), &printed, &mut check);
    }

    let compared = check.finish(&format!("{} ({n} respondents, seed {seed})", q.id));
    println!(
        "{}: compared {compared} figures of {n} respondents (placements {placements:?}) and two groups with the reference",
        q.id
    );
}

#[test]
fn the_bundled_questionnaire_matches_the_reference() {
    cross_check(BUNDLED, 400, 11);
}

#[test]
fn reversed_weighted_items_on_two_scales_match_the_reference() {
    cross_check(MIXED, 400, 23);
}

#[test]
fn fractional_option_values_match_the_reference() {
    cross_check(SECURITY, 150, 5);
}

// ---------------------------------------------------------------------------------------------
// Hand-computed cases: the reference against figures worked out on paper.
// ---------------------------------------------------------------------------------------------

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

/// Bundled answers from a compact spelling: per question in file order, a digit 1-5, `n` for
/// n/a or `.` for missing.
fn bundled(spelling: &str) -> (Questionnaire, Vec<Answer>) {
    let q = Questionnaire::load(&repo(BUNDLED));
    let answers: Vec<Answer> = spelling
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'n' => Answer::NotApplicable,
            '.' => Answer::Missing,
            d => Answer::Value(f64::from(d.to_digit(10).expect("digit"))),
        })
        .collect();
    assert_eq!(answers.len(), q.questions.len());
    (q, answers)
}

#[test]
fn hand_computed_a_stage_reached_and_the_next_short_of_evidence() {
    // focused 5 4 4 3 4 n/a: scores 100 75 75 50 75, mean 375/5 = 75 >= 62.5, nothing below 25,
    // 5 of 6 answered: reached. driven 5 5 and four missing: 100, but 2/6 < 0.5 answered:
    // insufficient evidence. Placement 1; index 1 + min(100 / 62.5, 0.99) = 1.99. Overall over
    // the 7 answered items: (375 + 200) / 7 = 82.142857...
    let (q, a) = bundled("54434n 55.... ...... ......");
    let o = reference::score_answers(&q, &a);
    assert!(close(o.stages[0].score, 75.0));
    assert_eq!(o.stages[0].status, Status::Reached);
    assert!(close(o.stages[1].score, 100.0));
    assert_eq!(o.stages[1].status, Status::InsufficientEvidence);
    assert_eq!(o.stages[2].score, None);
    assert_eq!(o.placement, 1);
    assert!(close(Some(o.index), 1.99));
    assert!(close(o.overall, 575.0 / 7.0));
    // knowledge: focused 5 (100) and driven 5 (100) -> 100; empowerment: only n/a -> no score.
    assert!(close(o.dimensions[0].0, 100.0));
    assert_eq!(o.dimensions[5].0, None);
}

#[test]
fn hand_computed_an_uneven_foundation_and_a_blocking_item() {
    // focused all 3: 50 < 62.5, not reached. driven all 5: 100, reached on its own but does not
    // count. Placement 0; index 0 + 50 / 62.5 = 0.8.
    let (q, a) = bundled("333333 555555 ...... ......");
    let o = reference::score_answers(&q, &a);
    assert_eq!(o.stages[0].status, Status::NotReached);
    assert_eq!(o.stages[1].status, Status::Reached);
    assert!(!o.stages[1].counts);
    assert_eq!(o.placement, 0);
    assert!(close(Some(o.index), 0.8));

    // focused 5 5 5 5 5 1: (5 * 100 + 0) / 6 = 83.33 >= 62.5, but the last item scores 0 < 25:
    // blocked by focused-empowerment. Placement 0; index min(83.33 / 62.5, 0.99) = 0.99.
    let (q, a) = bundled("555551 ...... ...... ......");
    let o = reference::score_answers(&q, &a);
    assert_eq!(o.stages[0].status, Status::NotReached);
    assert_eq!(o.stages[0].below_floor, ["focused-empowerment"]);
    assert!(close(Some(o.index), 0.99));
}

#[test]
fn hand_computed_thresholds_and_shares_are_inclusive() {
    // focused 3 4 3 4 3 4: (3 * 50 + 3 * 75) / 6 = 62.5, exactly the threshold: reached.
    // driven 5 5 5 and three missing: 3/6 = 0.5 answered, exactly min_answered: reached.
    // engaged all 2: 25 each, not strictly below the floor of 25, but 25 < 62.5: not reached.
    // Placement 2; index 2 + 25 / 62.5 = 2.4.
    let (q, a) = bundled("343434 555... 222222 ......");
    let o = reference::score_answers(&q, &a);
    assert!(close(o.stages[0].score, 62.5));
    assert_eq!(o.stages[0].status, Status::Reached);
    assert_eq!(o.stages[1].status, Status::Reached);
    assert!(o.stages[2].below_floor.is_empty());
    assert_eq!(o.placement, 2);
    assert!(close(Some(o.index), 2.4));
    // Rule 6 looks at stages 1..3: focused's three answers of 3 (50 < 62.5, priority
    // 1 * (100 - 50) = 50) come first as the lower stage, then two of engaged's six (priority 75),
    // five in all.
    let listed: Vec<(usize, f64)> = o
        .recommendations
        .iter()
        .map(|r| (r.stage, r.priority))
        .collect();
    assert_eq!(
        listed,
        [(0, 50.0), (0, 50.0), (0, 50.0), (2, 75.0), (2, 75.0)]
    );
    let focused: BTreeSet<&str> = o.recommendations[..3]
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        focused,
        BTreeSet::from([
            "focused-knowledge",
            "focused-relationship",
            "focused-leadership"
        ])
    );
}

#[test]
fn hand_computed_reversed_items_and_weights() {
    // The mixed fixture's basic stage: basic-people (agree 1-5, weight 1), basic-process (often
    // 0/0.5/1.5/3/4, weight 2), basic-reverse (agree, reverse). Answers 4, 3, 2:
    //   basic-people  (4 - 1) / 4 * 100 = 75
    //   basic-process (3 - 0) / 4 * 100 = 75
    //   basic-reverse 100 - (2 - 1) / 4 * 100 = 75
    // stage: (75 + 2 * 75 + 75) / 4 = 75 >= 60: reached.
    // managed (threshold 70): managed-people 5 (100, weight 0.5), managed-process 0.5 reversed
    // (100 - 12.5 = 87.5, weight 3), managed-loose n/a, managed-extra 4 (75, weight 1.5):
    // (50 + 262.5 + 112.5) / 5 = 85; 3 of 4 answered = 0.75 >= 0.6: reached.
    // leading (threshold 55): leading-people 4 reversed (0 < floor 20), leading-process missing:
    // 1 of 2 = 0.5 < 0.6 answered: insufficient evidence. Placement 2; index 2 + min(0/55, .99) = 2.
    // people: basic-people 75, basic-reverse 75, managed-people 100 (w 0.5), leading-people 0:
    // (75 + 75 + 50 + 0) / 3.5 = 57.142857...
    let q = Questionnaire::load(&repo(MIXED));
    let v = Answer::Value;
    let a = [
        v(4.0),
        v(3.0),
        v(2.0),
        v(5.0),
        v(0.5),
        Answer::NotApplicable,
        v(4.0),
        v(4.0),
        Answer::Missing,
    ];
    let o = reference::score_answers(&q, &a);
    assert!(close(o.item_scores[2], 75.0));
    assert!(close(o.stages[0].score, 75.0));
    assert!(close(o.stages[1].score, 85.0));
    assert_eq!(o.stages[1].status, Status::Reached);
    assert_eq!(o.stages[2].status, Status::InsufficientEvidence);
    assert_eq!(o.stages[2].below_floor, ["leading-people"]);
    assert_eq!(o.placement, 2);
    assert!(close(Some(o.index), 2.0));
    assert!(close(o.dimensions[0].0, 200.0 / 3.5));
    assert_eq!(q.placement_name(0), "Not started");
}

#[test]
fn hand_computed_group_means_spread_and_alpha() {
    // Two respondents on focused-knowledge, 5 and 1 (a third says n/a): mean 3, score 50,
    // sd sqrt((2^2 + 2^2) / 1) = 2.828427..., at least a quarter of the range 4: discuss.
    // focused-listening 4 and 4: sd 0, no discussion.
    let (q, mut first) = bundled("54.... ...... ...... ......");
    let (_, second) = bundled("14.... ...... ...... ......");
    let (_, third) = bundled("n..... ...... ...... ......");
    first[1] = Answer::Value(4.0);
    let g = reference::group(&q, &[first, second, third]);
    assert!(close(g.items[0].mean, 3.0));
    assert!(close(g.result.item_scores[0], 50.0));
    assert!(close(g.items[0].sd, 8f64.sqrt()));
    assert!(g.items[0].discuss);
    assert_eq!(g.items[0].not_applicable, 1);
    assert!(close(g.items[1].sd, 0.0));
    assert!(!g.items[1].discuss);
    assert_eq!(g.placements[0], 3);
    assert!(g.reliability.is_none());

    // Alpha over two items and three respondents: a = 0 50 100, b = 0 100 50.
    // var a = var b = (2500 + 0 + 2500) / 2 = 2500; cov = ((-50)(-50) + 0 * 50 + 50 * 0) / 2 = 1250.
    // alpha = 2/1 * (1 - 5000 / (5000 + 2 * 1250)) = 2 * (1 - 2/3) = 0.6667.
    let s = |x: f64| Some(x);
    let scores = vec![
        vec![s(0.0), s(0.0)],
        vec![s(50.0), s(100.0)],
        vec![s(100.0), s(50.0)],
    ];
    assert!(close(reference::cronbach_alpha(&scores), 2.0 / 3.0));
    // Pairwise: a fourth respondent who answered only a adds to var a, not to the covariance.
    // a = 0 50 100 50 -> var (2500 + 0 + 2500 + 0) / 3 = 1666.67; alpha = 2 * (1 - 4166.67 /
    // 6666.67) = 0.75.
    let mut pairwise = scores.clone();
    pairwise.push(vec![s(50.0), None]);
    assert!(close(reference::cronbach_alpha(&pairwise), 0.75));
    // Item-rest with two items is the plain correlation: 1250 / 2500 = 0.5.
    assert!(close(
        reference::pearson(&[(0.0, 0.0), (50.0, 100.0), (100.0, 50.0)]),
        0.5
    ));
}
