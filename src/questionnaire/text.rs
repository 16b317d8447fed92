//! Text that is either one string or a table of language -> string.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// A text field of a questionnaire: `"..."` or `{ en = "...", fr = "..." }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Localized(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, else in `fallback`, else any language it has.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        match self {
            Self::Plain(s) => s,
            Self::Localized(map) => map
                .get(lang)
                .or_else(|| map.get(fallback))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Whether the text is there for `lang` (a plain string counts for every language).
    pub fn has(&self, lang: &str) -> bool {
        match self {
            Self::Plain(_) => true,
            Self::Localized(map) => map.contains_key(lang),
        }
    }

    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Self::Plain(s) => s.trim().is_empty(),
            Self::Localized(map) => map.values().all(|s| s.trim().is_empty()),
        }
    }
}

impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text: one string, or a table of language code to string; the questionnaire's first language is the fallback.",
            "anyOf": [
                { "type": "string" },
                { "type": "object", "additionalProperties": { "type": "string" }, "minProperties": 1 }
            ]
        })
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self::Plain(s.to_owned())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, or a table of language = string such as { en = \"...\" }")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Plain(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Text, A::Error> {
                let mut map = BTreeMap::new();
                while let Some((lang, text)) = access.next_entry::<String, String>()? {
                    map.insert(lang, text);
                }
                if map.is_empty() {
                    return Err(de::Error::custom(
                        "a text table needs at least one language, such as { en = \"...\" }",
                    ));
                }
                Ok(Text::Localized(map))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_first_language_then_to_any() {
        let t = Text::Localized(BTreeMap::from([
            ("en".to_owned(), "Hello".to_owned()),
            ("fr".to_owned(), "Bonjour".to_owned()),
        ]));
        assert_eq!(t.get("fr", "en"), "Bonjour");
        assert_eq!(t.get("nl", "en"), "Hello");
        assert_eq!(t.get("nl", "zh"), "Hello");
        assert_eq!(Text::from("x").get("fr", "en"), "x");
    }
}
