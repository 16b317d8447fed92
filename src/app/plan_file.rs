//! A plan file given with `--plan`: read once, its ids checked against the results it is set
//! against, and its status computed for the report's date.

use std::path::Path;

use crate::app::failure::print_diagnostics;
use crate::app::inputs::read_text;
use crate::diagnostic::Diagnostics;
use crate::plan::{Plan, Point, Status, status};

/// Reads and checks the plan file at `path`; its problems are the error.
pub(crate) fn read(path: &Path) -> anyhow::Result<Plan> {
    let name = path.display().to_string();
    let text = read_text(path).map_err(|d| Diagnostics(vec![d]))?;
    Ok(Plan::parse(&name, text)?)
}

/// The plan set against `points` (in order, the last the current result) on `date`; ids the
/// questionnaire lacks are warned about.
pub(crate) fn set_against(plan: &Plan, points: &[Point<'_>], date: &str) -> Status {
    if let Some(last) = points.last() {
        print_diagnostics(&plan.check_ids(last.snapshot));
    }
    status(&plan.plan, points, date)
}
