//! Shared TOML plumbing for the loaders: parsing with spans, unknown-key checks with
//! "did you mean" hints, and turning parser errors into diagnostics.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;

/// A parsed document whose keys and values still know where they are in the source.
pub(crate) type Document<'a> = Spanned<DeTable<'a>>;

/// Parses a TOML document, or describes the syntax error.
pub(crate) fn parse<'a>(file: &str, source: &'a str) -> Result<Document<'a>, Diagnostic> {
    DeTable::parse(source).map_err(|e| {
        let mut d = toml_error(file, source, &e);
        if source.contains('\r') && !source.contains('\n') {
            return Diagnostic::error(
                file,
                "lines end with a carriage return alone (old Mac line endings), which TOML does not allow",
            )
            .with_help("save the file with LF or CRLF line endings");
        }
        if d.line.is_none() && d.message == "values are nested too deeply" {
            d = d.at_line(deepest_line(source));
        }
        // A syntax error on a first line of content that is neither `key = value` nor a
        // [table]: the file is not TOML at all (perhaps not meant for this tool), so none of it
        // is quoted.
        let content = |l: &str| !(l.trim().is_empty() || l.trim_start().starts_with('#'));
        let first = source.lines().enumerate().find(|(_, l)| content(l));
        let not_toml = first.is_some_and(|(i, l)| {
            d.line == Some(i + 1) && !l.contains('=') && !l.trim_start().starts_with('[')
        });
        if not_toml {
            d.snippet = None;
            d.help = Some(
                "this does not look like TOML: questionnaires and answer files are `key = value` lines and [tables]"
                    .to_owned(),
            );
        }
        d
    })
}

/// The 1-based line whose keys or values nest deepest: where a nesting error without a place is.
fn deepest_line(source: &str) -> usize {
    source
        .lines()
        .enumerate()
        .max_by_key(|(i, l)| {
            let key = l.split('=').next().unwrap_or("");
            let depth = key.matches('.').count() + l.matches(['[', '{']).count();
            (depth, std::cmp::Reverse(*i))
        })
        .map_or(1, |(i, _)| i + 1)
}

/// Deserializes a parsed document into `T`, or describes the first type error.
pub(crate) fn deserialize<'a, T: Deserialize<'a>>(
    file: &str,
    source: &str,
    document: Document<'a>,
) -> Result<T, Diagnostic> {
    T::deserialize(toml::de::Deserializer::from(document)).map_err(|e| toml_error(file, source, &e))
}

pub(crate) fn toml_error(file: &str, source: &str, error: &toml::de::Error) -> Diagnostic {
    let mut message = plain_types(error.message().trim()).replace('\n', " ");
    let quoted = error
        .span()
        .and_then(|s| source.get(s))
        .unwrap_or("")
        .trim()
        .to_owned();
    if message == "duplicate key" && !quoted.is_empty() && quoted.len() < 80 {
        message = format!("duplicate key `{}`", quoted.escape_debug());
    }
    if message.starts_with("invalid type: number") && message.contains("expected a number") {
        // An integer too large for any number type: serde's message contradicts itself.
        message = format!("the number `{}` is too large", quoted.escape_debug());
    }
    if message.contains("recurse") || message.contains("recursion") {
        message = "values are nested too deeply".to_owned();
    }
    let d = Diagnostic::error(file, &message).at(source, error.span());
    let content = |l: &str| !(l.trim().is_empty() || l.trim_start().starts_with('#'));
    if !source.split(['\n', '\r']).any(content) {
        return Diagnostic::error(file, "the file is empty")
            .with_help("see `centricity new FILE` for a questionnaire to start from");
    }

    let help = match missing_field(error.message()) {
        Some("questionnaire") => Some("add a [questionnaire] table with id, version and title".to_owned()),
        Some("scales") => Some("declare a scale: [scales.NAME] with options = [{ value = 1, label = \"...\" }, ...]".to_owned()),
        Some(field) => Some(format!("add `{field} = ...` here")),
        None if message.starts_with("invalid type: string") && message.contains("expected a number") => {
            Some("write the number without quotes".to_owned())
        }
        None if message.starts_with("invalid type") && message.contains("expected a string") => {
            Some("put the text in double quotes".to_owned())
        }
        None if message.starts_with("invalid type: table") && message.contains("expected an array") => {
            Some("a list of tables is written with double brackets, such as [[questions]]".to_owned())
        }
        None if message.contains("expected true or false") => Some("write true or false, without quotes".to_owned()),
        None if message.starts_with("duplicate key") => Some("a key may appear once in a table; remove or rename one".to_owned()),
        None if message.contains("escape") => {
            Some("in double quotes a backslash starts an escape: write \\\\ for one, or use single quotes".to_owned())
        }
        None if message.contains("invalid basic string") || message.contains("invalid literal string") => {
            Some("close the string with the same quote it starts with".to_owned())
        }
        None if message.contains("too large") => Some("use a number of a sensible size".to_owned()),
        None => None,
    };
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// Serde's names for types, in the words of a TOML file.
fn plain_types(message: &str) -> String {
    let mut m = message.to_owned();
    for (rust, toml) in [
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
        ("expected i64", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("expected a boolean", "expected true or false"),
        ("expected a sequence", "expected an array [...]"),
        ("expected a map", "expected a table"),
        ("invalid type: map", "invalid type: table"),
        ("invalid type: sequence", "invalid type: array"),
        ("invalid type: floating point", "invalid type: number"),
        ("invalid type: integer", "invalid type: number"),
        (" as i128", ""),
        (" as u128", ""),
    ] {
        m = m.replace(rust, toml);
    }
    if let Some(i) = m.find("expected struct ") {
        m.replace_range(i.., "expected a table");
    }
    m
}

fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split('`').next()
}

/// Reports every key of `table` that is not one of `allowed`, suggesting the closest one.
pub(crate) fn check_keys(
    file: &str,
    source: &str,
    table: &DeTable<'_>,
    allowed: &[&str],
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    for key in table.keys() {
        let name: &str = key.get_ref();
        if allowed.contains(&name) {
            continue;
        }
        // `escape_debug` shows control characters in a key as escapes instead of hiding them.
        let mut d = Diagnostic::error(
            file,
            format!("unknown key `{}` in {what}", name.escape_debug()),
        )
        .at(source, Some(key.span()));
        d = match closest(name, allowed.iter().copied()) {
            Some(best) => d.with_help(format!("did you mean `{best}`?")),
            None => d.with_help(format!("expected one of: {}", allowed.join(", "))),
        };
        out.push(d);
    }
}

/// The candidate closest to `name`, when it is close enough to be a likely typo.
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The table stored under `key`, if that is what is there.
pub(crate) fn table<'t, 'a>(parent: &'t DeTable<'a>, key: &str) -> Option<&'t DeTable<'a>> {
    parent.get(key).and_then(|v| v.get_ref().as_table())
}

/// The tables of an array stored under `key`, skipping anything that is not a table.
pub(crate) fn tables<'t, 'a>(
    parent: &'t DeTable<'a>,
    key: &str,
) -> impl Iterator<Item = &'t DeTable<'a>> {
    parent
        .get(key)
        .and_then(|v| v.get_ref().as_array())
        .into_iter()
        .flat_map(|a| a.iter())
        .filter_map(|v| match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        })
}

/// The field names serde expects for struct `T`, read from its `Deserialize` impl so they never
/// drift from the type itself.
pub(crate) fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Probe<'a>(&'a mut &'static [&'static str]);

    impl<'de> Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("probe"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("probe"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        weight: f64,
        reverse: bool,
    }

    #[test]
    fn reads_field_names_from_the_type() {
        assert_eq!(fields_of::<Sample>(), ["weight", "reverse"]);
    }

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(closest("wieght", ["weight", "reverse"]), Some("weight"));
        assert_eq!(closest("colour", ["weight", "reverse"]), None);
    }

    #[test]
    fn unknown_keys_are_all_reported_with_position() {
        let src = "weight = 1\nwiegth = 2\nzzz = 3\n";
        let doc = parse("f.toml", src).expect("valid toml");
        let mut out = Vec::new();
        check_keys(
            "f.toml",
            src,
            doc.get_ref(),
            &["weight"],
            "the file",
            &mut out,
        );
        assert_eq!(out.len(), 2);
        assert_eq!(
            out[0].to_string(),
            "f.toml:2:1: error: unknown key `wiegth` in the file\n  help: did you mean `weight`?"
        );
        assert_eq!(out[1].line, Some(3));
    }
}
