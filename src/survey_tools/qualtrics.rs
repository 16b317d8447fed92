//! Qualtrics' Advanced Format TXT (Survey > Tools > Import/Export > Import Survey).
//!
//! One block per stage; one single-answer multiple-choice question per statement, because only a
//! question's own export tag (`[[ID:...]]`) names its column in the response export: a matrix
//! names its columns `tag_1`, `tag_2`, ... after the statements' positions, and the format has no
//! tag for setting a statement's export name. The tag is our id with every character Qualtrics
//! does not keep in export tags (`-` among them) turned into `_`.
//!
//! Choices are written with `[[AdvancedChoices]]` and `[[Choice:recode]]`, so the numeric export
//! records our option values. The not-applicable choice comes last and gets the next integer
//! after the largest option value (6 on a 1-5 scale, which is also the code Qualtrics would give
//! the sixth choice by default): see [`coding`].
//!
//! The format holds one language; texts are written in the requested one. Texts are HTML in
//! Qualtrics, so markup characters are escaped, and `[` is written as `&#91;` so that no text can
//! open a `[[...]]` tag.

use super::{Coding, html, integer, page_name, pages, unique};
use crate::questionnaire::{Questionnaire, Scale};

pub(crate) fn write(q: &Questionnaire, lang: &str) -> String {
    let tags = tags(q);
    let mut out = String::from("[[AdvancedFormat]]\n\n");
    for page in pages(q) {
        out.push_str(&format!(
            "[[Block:{}]]\n\n",
            block_name(page_name(q, &page, lang))
        ));
        for grid in &page.grids {
            let scale = &q.scales[grid.scale];
            let codes = coding(scale);
            for &i in &grid.questions {
                let question = &q.questions[i];
                out.push_str("[[Question:MC:SingleAnswer:Horizontal]]\n");
                out.push_str(&format!("[[ID:{}]]\n", tags[i]));
                out.push_str(&text(q.tr(&question.text, lang)));
                out.push_str("\n\n[[AdvancedChoices]]\n");
                for (option, code) in scale.options.iter().zip(&codes.options) {
                    out.push_str(&format!(
                        "[[Choice:{code}]]\n{}\n",
                        text(q.tr(&option.label, lang))
                    ));
                }
                for (label, code) in [
                    (&scale.dont_know, &codes.dont_know),
                    (&scale.not_applicable, &codes.not_applicable),
                ] {
                    if let (Some(label), Some(code)) = (label, code) {
                        out.push_str(&format!("[[Choice:{code}]]\n{}\n", text(q.tr(label, lang))));
                    }
                }
                out.push('\n');
            }
        }
    }
    out
}

/// The export tag of question `id`: letters, digits and `_` kept, anything else made `_`.
pub(crate) fn export_tag(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Every question's export tag, unique: Qualtrics would rename a duplicate on import.
fn tags(q: &Questionnaire) -> Vec<String> {
    unique(
        q.questions.iter().map(|x| export_tag(&x.id)).collect(),
        |t| t.to_lowercase(),
    )
}

/// Options are coded by their values when every value is an integer; otherwise (Qualtrics
/// recode values are whole numbers here) by their position, 1 to N. The not-applicable choice
/// takes the next integer after the largest option code, so it never collides with an option;
/// "don't know", when the scale has it, the one after.
pub(crate) fn coding(scale: &Scale) -> Coding {
    let values: Option<Vec<i64>> = scale.options.iter().map(|o| integer(o.value)).collect();
    let (codes, by_value) = match values {
        Some(v) => (v, true),
        None => ((1..).take(scale.options.len()).collect(), false),
    };
    let next = codes.iter().max().map_or(1, |m| m + 1);
    Coding {
        options: codes.iter().map(i64::to_string).collect(),
        not_applicable: scale.not_applicable.as_ref().map(|_| next.to_string()),
        dont_know: scale.dont_know.as_ref().map(|_| (next + 1).to_string()),
        values: by_value,
    }
}

pub(crate) fn problems(q: &Questionnaire) -> Vec<String> {
    let mut found = super::duplicates(q, export_tag, super::folded, "Qualtrics");
    for scale in &q.scales {
        if !coding(scale).values {
            found.push(format!(
                "scale `{}` has values that are not whole numbers, so Qualtrics records its \
                 options by position (1 to {}) instead of by value",
                scale.id,
                scale.options.len()
            ));
        }
    }
    found
}

/// Text for a question or a choice: HTML, on one line, unable to start a tag.
fn text(plain: &str) -> String {
    html(plain.trim()).replace('[', "&#91;")
}

/// A block name sits inside a `[[Block:...]]` tag and is not HTML (respondents never see it).
fn block_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::questionnaire::version_one_for_tests as bundled;
    use crate::survey_tools::tests::{AWKWARD, questionnaire};

    /// The file read back by the format's grammar: every line that starts with `[[` is a tag of
    /// the documented set; a question is a type tag, an `[[ID:...]]`, its text, then
    /// `[[AdvancedChoices]]` and `[[Choice:n]]` + text pairs.
    #[derive(Debug, Default)]
    struct Parsed {
        blocks: Vec<String>,
        questions: Vec<ParsedQuestion>,
    }

    #[derive(Debug, Default)]
    struct ParsedQuestion {
        kind: String,
        tag: String,
        text: Vec<String>,
        choices: Vec<(String, String)>,
    }

    fn parse(file: &str) -> Parsed {
        let mut lines = file.lines();
        assert_eq!(
            lines.next(),
            Some("[[AdvancedFormat]]"),
            "the first line declares the format"
        );
        let mut parsed = Parsed::default();
        let mut in_choices = false;
        let mut pending_code: Option<String> = None;
        for line in lines {
            if let Some(rest) = line.strip_prefix("[[") {
                let tag = rest
                    .strip_suffix("]]")
                    .unwrap_or_else(|| panic!("unclosed tag {line}"));
                assert!(!tag.contains("[["), "nested tag in {line}");
                assert!(
                    pending_code.is_none(),
                    "a choice without text before {line}"
                );
                if let Some(name) = tag.strip_prefix("Block:") {
                    parsed.blocks.push(name.to_owned());
                } else if let Some(kind) = tag.strip_prefix("Question:") {
                    assert!(!parsed.blocks.is_empty(), "a question before any block");
                    parsed.questions.push(ParsedQuestion {
                        kind: kind.to_owned(),
                        ..ParsedQuestion::default()
                    });
                    in_choices = false;
                } else if let Some(id) = tag.strip_prefix("ID:") {
                    let question = parsed.questions.last_mut().expect("an ID after a question");
                    assert!(question.text.is_empty() && question.tag.is_empty());
                    question.tag = id.to_owned();
                } else if tag == "AdvancedChoices" {
                    in_choices = true;
                } else if let Some(code) = tag.strip_prefix("Choice:") {
                    assert!(in_choices, "a choice outside [[AdvancedChoices]]");
                    assert!(
                        code.parse::<i64>().is_ok(),
                        "recode {code} is a whole number"
                    );
                    pending_code = Some(code.to_owned());
                } else {
                    panic!("undocumented tag {line}");
                }
                continue;
            }
            assert!(!line.contains("[["), "text that opens a tag: {line}");
            if line.is_empty() {
                continue;
            }
            let question = parsed.questions.last_mut().expect("text after a question");
            match pending_code.take() {
                Some(code) => question.choices.push((code, line.to_owned())),
                None => {
                    assert!(!in_choices, "a choice line without [[Choice]]: {line}");
                    question.text.push(line.to_owned());
                }
            }
        }
        parsed
    }

    #[test]
    fn the_bundled_questionnaire_is_four_blocks_of_six_tagged_questions() {
        let q = bundled();
        let parsed = parse(&write(&q, "en"));
        assert_eq!(
            parsed.blocks,
            [
                "Customer-focused",
                "Customer-driven",
                "Customer-engaged",
                "Customer-inspired"
            ]
        );
        assert_eq!(parsed.questions.len(), 24);
        let tags: Vec<&str> = parsed.questions.iter().map(|x| x.tag.as_str()).collect();
        assert_eq!(
            tags.iter().collect::<HashSet<_>>().len(),
            24,
            "export tags are unique"
        );
        assert_eq!(tags[0], "focused_knowledge");
        assert_eq!(tags[23], "inspired_empowerment");
        for (question, ours) in parsed.questions.iter().zip(&q.questions) {
            assert_eq!(question.kind, "MC:SingleAnswer:Horizontal");
            assert_eq!(question.tag, ours.id.replace('-', "_"));
            assert_eq!(question.text, [q.tr(&ours.text, "en")]);
            let codes: Vec<&str> = question.choices.iter().map(|(c, _)| c.as_str()).collect();
            assert_eq!(
                codes,
                ["1", "2", "3", "4", "5", "6"],
                "values, then n/a as 6"
            );
        }
        assert_eq!(
            parsed.questions[0].choices[5],
            ("6".to_owned(), "Don't know".to_owned())
        );
        assert_eq!(parsed.questions[0].choices[0].1, "Strongly disagree");
    }

    #[test]
    fn texts_are_written_in_the_requested_language() {
        let q = bundled();
        let parsed = parse(&write(&q, "fr"));
        assert_eq!(parsed.blocks[0], "Orientée client");
        assert_eq!(parsed.questions[0].choices[5].1, "Je ne sais pas");
        assert_eq!(parsed.questions[0].text, [q.tr(&q.questions[0].text, "fr")]);
    }

    #[test]
    fn awkward_texts_cannot_break_the_grammar_and_tags_stay_unique() {
        let q = questionnaire(AWKWARD);
        let file = write(&q, "en");
        let parsed = parse(&file);
        assert_eq!(parsed.blocks, ["First (stage)", "Second"]);
        let tags: Vec<&str> = parsed.questions.iter().map(|x| x.tag.as_str()).collect();
        assert_eq!(tags, ["a_b", "a_b2", "AB", "loose_one"]);
        assert_eq!(
            parsed.questions[0].text,
            ["Line one<br>line two\twith a tab and \"quotes\""]
        );
        assert_eq!(
            parsed.questions[1].text,
            ["&#91;&#91;Question:MC]] is not a tag here"]
        );
        // Non-integer values: positions, and n/a after them.
        let codes: Vec<&str> = parsed.questions[1]
            .choices
            .iter()
            .map(|(c, _)| c.as_str())
            .collect();
        assert_eq!(codes, ["1", "2", "3"]);
        // Integer values are the codes; no n/a choice when the scale has none.
        let codes: Vec<&str> = parsed.questions[0]
            .choices
            .iter()
            .map(|(c, _)| c.as_str())
            .collect();
        assert_eq!(codes, ["0", "10"]);
    }

    #[test]
    fn coding_uses_values_and_puts_not_applicable_after_the_largest() {
        let q = bundled();
        let c = coding(&q.scales[0]);
        assert_eq!(c.options, ["1", "2", "3", "4", "5"]);
        assert_eq!(c.not_applicable.as_deref(), Some("6"));
        assert!(c.values);
    }

    #[test]
    fn problems_name_clashing_ids_and_scales_coded_by_position() {
        let q = questionnaire(AWKWARD);
        let found = problems(&q);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("`a-b`, `a_b`, `AB`"), "{}", found[0]);
        assert!(found[1].contains("scale `half`"), "{}", found[1]);
    }
}
