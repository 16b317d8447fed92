//! `centricity schema`: the JSON Schema of the questionnaire or answer-file format, or of
//! `score`'s JSON.

use std::io::Write as _;

use crate::app::failure::Exit;
use crate::schema::SchemaKind;

pub(crate) fn run(kind: SchemaKind) -> anyhow::Result<Exit> {
    let mut out = crate::app::sink::stdout();
    out.write_all(crate::schema::schema(kind).as_bytes())
        .and_then(|()| out.flush())?;
    Ok(Exit::Success)
}
