//! `centricity summarize`: the group result of many respondents (rule 7), with the spread of
//! answers, the items the room disagrees on, and an optional breakdown by a metadata field.

use std::path::{Path, PathBuf};

use crate::app::failure::{Exit, Failure};
use crate::app::groups::read_group;
use crate::app::language;
use crate::app::questionnaire_cache::Questionnaires;
use crate::app::records::CsvOptions;
use crate::app::sink::Sink;
use crate::cli::SummarizeArgs;
use crate::comparison::Snapshot;
use crate::plan::Point;
use crate::report::{self, GroupView};
use crate::scoring::ScoreOptions;

pub(crate) fn run(args: &SummarizeArgs) -> anyhow::Result<Exit> {
    let format = crate::app::sink::output_format(&args.read.out)?;
    let plan = args
        .read
        .plan
        .as_deref()
        .map(crate::app::plan_file::read)
        .transpose()?;
    let mut questionnaires = Questionnaires::new(args.read.questionnaire.as_deref())?;
    let lang_flag = args.read.common.lang.as_deref();
    if let Some(q) = questionnaires.forced() {
        language::requested(lang_flag, q)?;
    }
    let options = ScoreOptions {
        max_recommendations: args.read.top,
    };
    let csv = CsvOptions::from_args(&args.read.csv)?;
    let mut read: Vec<&Path> = args.read.inputs.iter().map(PathBuf::as_path).collect();
    read.extend(args.read.questionnaire.as_deref().map(Path::new));
    read.extend(args.read.csv.map.as_deref());
    read.extend(args.read.plan.as_deref());
    let mut sink = Sink::open(
        args.read.out.output.as_deref(),
        args.read.out.force,
        false,
        &read,
    )?;
    let state = read_group(
        &args.read.inputs,
        &mut questionnaires,
        &csv,
        args.by.as_deref(),
        options,
    )?;
    let Some((q, groups)) = state else {
        return Err(Failure::invalid("no valid answers to summarize")
            .hint("name answer files or folders of them")
            .into());
    };
    let lang = language::choose(lang_flag, None, &q)?;
    let (all, by) = groups.finish(&q, &lang);
    // What was summarized, as given: the group's own line already counts the respondents.
    let names: Vec<String> = args
        .read
        .inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let source = match names.len() {
        0..=3 => names.join(", "),
        n => format!("{}, {} and {} more", names[0], names[1], n - 2),
    };
    let identity = crate::app::report_identity::identity(&args.read.out);
    let status = plan.as_ref().map(|plan| {
        let snapshot = Snapshot::from_assessment(&q, &all.assessment, &source, &lang);
        let point = Point {
            label: &source,
            date: None,
            snapshot: &snapshot,
        };
        crate::app::plan_file::set_against(plan, &[point], &identity.date)
    });
    let view = GroupView {
        questionnaire: &q,
        all: &all,
        source: &source,
        by: args.by.as_deref().map(|f| {
            report::Breakdown::new(
                f,
                by.iter().map(|(n, g)| (n.clone(), g)).collect(),
                args.min_group,
            )
        }),
        warnings: &[],
        lang: &lang,
        plan: status.as_ref(),
    };
    let width = sink.width();
    report::render_group(format, &mut sink, &view, width, &identity)?;
    sink.finish()?;
    // Invalid inputs were reported as they were found; the exit code says so (`settle`).
    Ok(Exit::Success)
}
