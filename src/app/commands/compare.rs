//! `centricity compare`: what moved between two results (answer files, folders as groups, or
//! saved JSON results).

use std::path::Path;

use crate::app::failure::{Exit, Failure};
use crate::app::language;
use crate::app::questionnaire_cache::Questionnaires;
use crate::app::records::CsvOptions;
use crate::app::results::read_side;
use crate::app::sink::Sink;
use crate::cli::CompareArgs;
use crate::comparison::compare;
use crate::report;
use crate::scoring::ScoreOptions;
use crate::scoring::bootstrap::SEED;

pub(crate) fn run(args: &CompareArgs) -> anyhow::Result<Exit> {
    let format = crate::app::sink::output_format(&args.out)?;
    let plan = args
        .plan
        .as_deref()
        .map(crate::app::plan_file::read)
        .transpose()?;
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
    let options = ScoreOptions::default();
    let lang = args.common.lang.as_deref();
    if let Some(q) = questionnaires.forced() {
        language::requested(lang, q)?;
    }
    let csv = CsvOptions::from_args(&args.csv)?;
    let mut read = vec![args.before.as_path(), args.after.as_path()];
    read.extend(args.questionnaire.as_deref().map(Path::new));
    read.extend(args.csv.map.as_deref());
    read.extend(args.plan.as_deref());
    let mut sink = Sink::open(args.out.output.as_deref(), args.out.force, false, &read)?;
    let mut side = |path: &Path| {
        let label = path.display().to_string();
        read_side(path, &label, true, &mut questionnaires, &csv, lang, options)
    };
    let (before, after) = (side(&args.before)?, side(&args.after)?);
    let (before_lang, after_lang) = (before.lang.clone(), after.lang.clone());
    // The report speaks the language its sides' texts were put in (the later side's when they
    // differ); between two saved results, the tool's own words follow the same rule.
    let lang = match after_lang.or(before_lang) {
        Some(lang) => lang,
        None => language::of_words(lang)?.to_owned(),
    };
    // For groups: who answered on each side, and a bootstrap of each side (seeds by position,
    // as `trend` draws its periods, so that the same two inputs give the same intervals).
    let samples = before
        .respondents
        .as_ref()
        .zip(after.respondents.as_ref())
        .filter(|(b, a)| b.members.len() > 1 || a.members.len() > 1)
        .map(|(b, a)| (b.sample(SEED), a.sample(SEED + 1)));
    let mut comparison = compare(before.snapshot, after.snapshot).map_err(Failure::invalid)?;
    if let Some((b, a)) = samples {
        comparison.noise = Some(crate::noise::noise(
            (&comparison.before, &b),
            (&comparison.after, &a),
        ));
    }
    let identity = crate::app::report_identity::identity(&args.out);
    if let Some(plan) = &plan {
        let points = [
            (&comparison.before, before.date.as_deref()),
            (&comparison.after, after.date.as_deref()),
        ]
        .map(|(snapshot, date)| crate::plan::Point {
            label: &snapshot.label,
            date,
            snapshot,
        });
        comparison.plan = Some(crate::app::plan_file::set_against(
            plan,
            &points,
            &identity.date,
        ));
    }
    let width = sink.width();
    report::render_comparison(
        format,
        &mut sink,
        (&comparison, args.top),
        width,
        &lang,
        &identity,
    )?;
    sink.finish()?;
    // Invalid inputs were reported as they were found; the exit code says so (`settle`).
    Ok(Exit::Success)
}
