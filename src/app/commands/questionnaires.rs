//! `centricity questionnaires`: the bundled questionnaires, one line each.

use std::io::Write;

use comfy_table::{ContentArrangement, Table, presets};

use crate::app::failure::Exit;
use crate::questionnaire::BUNDLED;

pub(crate) fn run() -> anyhow::Result<Exit> {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_HORIZONTAL_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(crate::term_width::stdout())
        .set_header(vec!["Id", "Version", "Questions", "Stages", "Title"]);
    for b in BUNDLED {
        let q = b.load()?;
        t.add_row(vec![
            q.id.clone(),
            q.version.clone(),
            q.questions.len().to_string(),
            q.stages.len().to_string(),
            // No --lang here: the locale's language when the questionnaire has it, else its
            // first, as in every command.
            q.tr(&q.title, crate::app::language::language(None, None, &q))
                .to_owned(),
        ]);
    }
    let mut out = crate::app::sink::stdout();
    writeln!(out, "{t}")?;
    writeln!(
        out,
        "Show one with `centricity show ID`; use your own with a file path instead of an id."
    )?;
    Ok(Exit::Success)
}
