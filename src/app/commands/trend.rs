//! `centricity trend`: two or more periods in order, each read as `compare` reads a side, and
//! what moved across them.

use std::path::{Path, PathBuf};

use crate::app::failure::{Exit, Failure};
use crate::app::language;
use crate::app::questionnaire_cache::Questionnaires;
use crate::app::records::CsvOptions;
use crate::app::results::read_side;
use crate::app::sink::Sink;
use crate::cli::TrendArgs;
use crate::plan::Point;
use crate::report;
use crate::scoring::ScoreOptions;
use crate::scoring::bootstrap::SEED;
use crate::trend::{Period, trend};

/// A period's label: the folder's name, or the file's name without its extension.
fn default_label(path: &Path) -> String {
    let name = if path.is_dir() {
        path.file_name()
    } else {
        path.file_stem()
    };
    name.map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

pub(crate) fn run(args: &TrendArgs) -> anyhow::Result<Exit> {
    let format = crate::app::sink::output_format(&args.out)?;
    if !args.label.is_empty() && args.label.len() != args.inputs.len() {
        return Err(Failure::usage(format!(
            "{} --label given for {} periods",
            args.label.len(),
            args.inputs.len()
        ))
        .hint("give one --label per period, in the same order, or none")
        .into());
    }
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
    let mut read: Vec<&Path> = args.inputs.iter().map(PathBuf::as_path).collect();
    read.extend(args.questionnaire.as_deref().map(Path::new));
    read.extend(args.csv.map.as_deref());
    read.extend(args.plan.as_deref());
    let mut sink = Sink::open(args.out.output.as_deref(), args.out.force, false, &read)?;
    let mut periods = Vec::with_capacity(args.inputs.len());
    let mut report_lang = None;
    for (k, path) in args.inputs.iter().enumerate() {
        let label = args
            .label
            .get(k)
            .cloned()
            .unwrap_or_else(|| default_label(path));
        let side = read_side(
            path,
            &label,
            false,
            &mut questionnaires,
            &csv,
            lang,
            options,
        )?;
        // The report speaks the language of the last period whose texts a questionnaire put
        // in one.
        if side.lang.is_some() {
            report_lang.clone_from(&side.lang);
        }
        let seed = SEED + u64::try_from(k).unwrap_or(0);
        periods.push(Period {
            label,
            sample: side.respondents.as_ref().map(|r| r.sample(seed)),
            date: side.date,
            snapshot: side.snapshot,
        });
    }
    let lang = match report_lang {
        Some(lang) => lang,
        None => language::of_words(lang)?.to_owned(),
    };
    let mut t = trend(periods).map_err(Failure::invalid)?;
    let identity = crate::app::report_identity::identity(&args.out);
    if let Some(plan) = &plan {
        let points: Vec<Point<'_>> = t
            .periods
            .iter()
            .map(|p| Point {
                label: &p.label,
                date: p.date.as_deref(),
                snapshot: &p.snapshot,
            })
            .collect();
        let status = crate::app::plan_file::set_against(plan, &points, &identity.date);
        t.plan = Some(status);
    }
    let width = sink.width();
    report::render_trend(format, &mut sink, (&t, args.top), width, &lang, &identity)?;
    sink.finish()?;
    Ok(Exit::Success)
}
