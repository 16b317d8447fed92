//! Inputs read as one group (rule 7): answer files, folders of them and CSV exports, each
//! respondent scored on every core and folded in input order. `summarize`, `compare` and `gap`
//! read their groups this way.

use std::path::PathBuf;

use super::failure::print_diagnostics;
use super::inputs::expand;
use super::records::{CsvOptions, for_each_prepared};
use super::score::Questionnaires;
use super::summarize::Groups;
use crate::answers::Response;
use crate::diagnostic::Diagnostic;
use crate::questionnaire::Questionnaire;
use crate::scoring::{ScoreOptions, assess};

/// The respondents of `paths` folded into one group, with a group per value of metadata field
/// `by` when given, and whether any input was invalid. Respondents to another questionnaire than
/// the first one read are reported and left out. `None` when no respondent is valid.
pub(crate) fn read_group(
    paths: &[PathBuf],
    questionnaires: &mut Questionnaires,
    csv: &CsvOptions,
    by: Option<&str>,
    options: ScoreOptions,
) -> anyhow::Result<(Option<(Questionnaire, Groups)>, bool)> {
    let (inputs, problems) = expand(paths);
    let mut invalid = problems.iter().any(Diagnostic::is_error);
    print_diagnostics(&problems);
    let mut state: Option<(Questionnaire, Groups)> = None;
    let mut mixed = false;
    // Each respondent's own result (for the distribution of placements) is the costly part.
    let prepare = |q: &Questionnaire, response: Response, warnings: &[Diagnostic], source: &str| {
        let individual = assess(
            q,
            &response,
            ScoreOptions {
                max_recommendations: 0,
            },
        );
        (response, individual, warnings.to_vec(), source.to_owned())
    };
    invalid |= for_each_prepared(&inputs, questionnaires, csv, &prepare, None, &mut |q,
                                                                                     (
        response,
        individual,
        warnings,
        source,
    )| {
        print_diagnostics(&warnings);
        let (first, groups) = state.get_or_insert_with(|| (q.clone(), Groups::new(q, by, options)));
        if first.id == q.id {
            groups.add_assessed(first, &response, &individual);
        } else {
            mixed = true;
            print_diagnostics(&[Diagnostic::error(
                &source,
                format!(
                    "answers questionnaire `{}`, but this group answers `{}`; left out",
                    q.id, first.id
                ),
            )
            .with_help("a group answers one questionnaire")]);
        }
        Ok(())
    })?;
    Ok((state, invalid || mixed))
}
