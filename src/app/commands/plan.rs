//! `centricity plan draft`: a starting plan from a result's recommendations, printed as TOML.

use std::io::Write as _;

use crate::app::failure::Exit;
use crate::app::questionnaire_cache::Questionnaires;
use crate::app::records::CsvOptions;
use crate::app::results::read_side;
use crate::cli::{PlanCommand, PlanDraftArgs};
use crate::scoring::ScoreOptions;

pub(crate) fn run(command: &PlanCommand) -> anyhow::Result<Exit> {
    match command {
        PlanCommand::Draft(args) => draft(args),
    }
}

fn draft(args: &PlanDraftArgs) -> anyhow::Result<Exit> {
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
    let csv = CsvOptions::from_args(&args.csv)?;
    let label = args.result.display().to_string();
    let side = read_side(
        &args.result,
        &label,
        true,
        &mut questionnaires,
        &csv,
        args.lang.as_deref(),
        ScoreOptions::default(),
    )?;
    let text = crate::plan::draft(&side.snapshot, &crate::clock::today());
    let mut out = crate::app::sink::stdout();
    out.write_all(text.as_bytes()).and_then(|()| out.flush())?;
    Ok(Exit::Success)
}
