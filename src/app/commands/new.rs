//! `centricity new`: a questionnaire to start from, valid as written, every field explained.

use std::io::Write;

use crate::app::failure::Exit;

/// `centricity new FILE`: a questionnaire to start from, written atomically, never replacing a
/// file unless `force`.
pub(crate) fn run(file: &std::path::Path, force: bool) -> anyhow::Result<Exit> {
    crate::app::sink::check_output(file, force, &[])?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let id: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let id = id.trim_matches('-');
    let id = if id.is_empty() {
        "my-questionnaire"
    } else {
        id
    };
    // The schema goes beside the questionnaire, where the `#:schema` line finds it.
    let schema_name = "questionnaire.schema.json";
    let text = crate::questionnaire::scaffold(id, schema_name);
    let write = |path: &std::path::Path, bytes: &[u8]| {
        crate::output_file::write_atomically(path, bytes).map_err(|e| {
            crate::app::failure::Failure::invalid(format!("cannot write {}: {e}", path.display()))
        })
    };
    write(file, text.as_bytes())?;
    let mut out = crate::app::sink::stdout();
    writeln!(out, "Wrote {} (questionnaire `{id}`).", file.display())?;
    let schema_path = file.with_file_name(schema_name);
    if !schema_path.exists() {
        write(
            &schema_path,
            crate::schema::schema(crate::schema::SchemaKind::Questionnaire).as_bytes(),
        )?;
        writeln!(
            out,
            "Wrote {} for editors that check TOML against a schema.",
            schema_path.display()
        )?;
    }
    writeln!(
        out,
        "Check it with `centricity validate {0}`, try it with `centricity run {0}`.",
        file.display()
    )?;
    Ok(Exit::Success)
}
