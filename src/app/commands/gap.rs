//! `centricity gap`: a self-assessment set against the customers' view of the same
//! organisation, each side a group (rule 7) read from answer files, folders or CSV exports.

use std::path::Path;

use crate::app::failure::{Exit, Failure, print_diagnostics};
use crate::app::groups::read_group;
use crate::app::language;
use crate::app::questionnaire_cache::Questionnaires;
use crate::app::records::CsvOptions;
use crate::app::sink::Sink;
use crate::cli::GapArgs;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::gap::Gap;
use crate::questionnaire::{CUSTOMER_VIEW_ID, DEFAULT_ID, Questionnaire, check_mirrors};
use crate::report;
use crate::scoring::{GroupResult, ScoreOptions};

/// One side read as a group.
fn side(
    path: &Path,
    questionnaires: &mut Questionnaires,
    csv: &CsvOptions,
) -> anyhow::Result<(Questionnaire, GroupResult)> {
    let state = read_group(
        &[path.to_owned()],
        questionnaires,
        csv,
        None,
        ScoreOptions::default(),
    )?;
    let Some((q, groups)) = state else {
        return Err(
            Failure::invalid(format!("{}: no valid answers", path.display()))
                .hint("each side is an answer file, a folder of them, or a CSV export")
                .into(),
        );
    };
    // Only the scores are used: the label's language does not matter.
    let (all, _) = groups.finish(&q, "en");
    Ok((q, all))
}

pub(crate) fn run(args: &GapArgs) -> anyhow::Result<Exit> {
    let format = crate::app::sink::output_format(&args.out)?;
    let common_map = args.csv.map.as_deref();
    let inside_csv = CsvOptions::with_map(&args.csv, args.internal_map.as_deref().or(common_map))?;
    let outside_csv = CsvOptions::with_map(&args.csv, args.customer_map.as_deref().or(common_map))?;
    let mut inside = Questionnaires::new(args.internal_questionnaire.as_deref())?
        .with_csv_default(DEFAULT_ID)
        .with_flag("--internal-questionnaire");
    let mut outside = Questionnaires::new(args.customer_questionnaire.as_deref())?
        .with_csv_default(CUSTOMER_VIEW_ID)
        .with_flag("--customer-questionnaire");
    for q in [inside.forced(), outside.forced()].into_iter().flatten() {
        language::requested(args.common.lang.as_deref(), q)?;
    }
    let mut read = vec![args.internal.as_path(), args.customer.as_path()];
    for q in [&args.internal_questionnaire, &args.customer_questionnaire] {
        read.extend(q.as_deref().map(std::path::Path::new));
    }
    read.extend(
        [
            common_map,
            args.internal_map.as_deref(),
            args.customer_map.as_deref(),
        ]
        .into_iter()
        .flatten(),
    );
    let mut sink = Sink::open(args.out.output.as_deref(), args.out.force, false, &read)?;
    let (iq, ig) = side(&args.internal, &mut inside, &inside_csv)?;
    let (oq, og) = side(&args.customer, &mut outside, &outside_csv)?;
    // The report speaks the self-assessment's language, which the customers' texts must have
    // too.
    let lang = language::choose(args.common.lang.as_deref(), None, &iq)?;
    language::requested(args.common.lang.as_deref(), &oq)?;

    if oq.mirror_of.as_deref() != Some(iq.id.as_str()) {
        if iq.mirror_of.as_deref() == Some(oq.id.as_str()) {
            // The internal side answers the questionnaire that mirrors the customer side's: the
            // two paths were given the other way round.
            return Err(Failure::usage(format!(
                "the sides look swapped: {} answers `{}`, the customers' questionnaire, and {} answers `{}`, the self-assessment",
                args.internal.display(),
                iq.id,
                args.customer.display(),
                oq.id
            ))
            .hint(format!(
                "put the internal answers first: centricity gap {} {}",
                args.customer.display(),
                args.internal.display()
            ))
            .into());
        }
        let (hint, message) = match &oq.mirror_of {
            Some(target) => (
                format!(
                    "score the internal side with `{target}`, or pass --customer-questionnaire naming a questionnaire that mirrors `{}`",
                    iq.id
                ),
                format!(
                    "the customer side answers `{}`, which mirrors `{target}`, not `{}`",
                    oq.id, iq.id
                ),
            ),
            None => (
                format!(
                    "the customer side needs a questionnaire with `mirror_of = \"{}\"`, such as the bundled `{CUSTOMER_VIEW_ID}`",
                    iq.id
                ),
                format!(
                    "the customer side answers `{}`, which mirrors no questionnaire",
                    oq.id
                ),
            ),
        };
        return Err(Failure::usage(message).hint(hint).into());
    }
    let problems = check_mirrors(&oq, &iq);
    if problems.iter().any(Diagnostic::is_error) {
        return Err(Diagnostics(problems).into());
    }
    print_diagnostics(&problems);

    let gap = Gap::new(
        (&iq, &ig, &args.internal.display().to_string()),
        (&oq, &og, &args.customer.display().to_string()),
        &lang,
    );
    let width = sink.width();
    report::render_gap(
        format,
        &mut sink,
        (&gap, args.top),
        width,
        &lang,
        &crate::app::report_identity::identity(&args.out),
    )?;
    sink.finish()?;
    // Invalid inputs were reported as they were found; the exit code says so (`settle`).
    Ok(Exit::Success)
}
