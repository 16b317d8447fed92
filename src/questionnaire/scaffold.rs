//! A starting questionnaire for `centricity new`: valid as written, every field explained.

/// The text of a new questionnaire with id `id`, naming the schema at `schema` for editors.
pub fn scaffold(id: &str, schema: &str) -> String {
    format!(
        r#"#:schema {schema}
# A centricity questionnaire. Check it with `centricity validate FILE`, try it with
# `centricity run FILE`, and score answers with `centricity score --questionnaire FILE ANSWERS...`.
# Every text can also be a table of language to text: text = {{ en = "...", fr = "..." }}.

[questionnaire]
id = "{id}"                  # lower-case letters, digits and dashes; answer files name it
version = "0.1.0"            # answer files record the version they answered
title = "My maturity model"
description = "What this questionnaire measures, and for whom."
languages = ["en"]           # the first language is the fallback for every text

[scoring]                    # optional; these are the defaults
stage_threshold = 62.5       # percent: a stage is reached at or above this score ...
item_floor = 25.0            # ... with no answered item in it strictly below this score ...
min_answered = 0.5           # ... and at least this share of its items answered
below_first_stage = "Not yet started"   # shown when the first stage is not reached
below_first_stage_view = "How customers experience it before the first stage."

[scales.agreement]           # a named answer scale; values run from 0% (lowest) to 100% (highest)
options = [
  {{ value = 1, label = "Strongly disagree" }},
  {{ value = 2, label = "Disagree" }},
  {{ value = 3, label = "Neither agree nor disagree" }},
  {{ value = 4, label = "Agree" }},
  {{ value = 5, label = "Strongly agree" }},
]
not_applicable = "Don't know"   # optional: an answer left out of every score

# Stages, lowest first. Placement is the highest stage reached with every stage below it.
[[stages]]
id = "starting"
name = "Starting"
summary = "What an organisation at this stage does."
customer_view = "How its customers experience it."
next_step = "What to do to reach this stage."

[[stages]]
id = "established"
name = "Established"
summary = "What an organisation at this stage does."
customer_view = "How its customers experience it."
next_step = "What to do to reach this stage from the one below."
threshold = 70.0             # optional: this stage's own threshold

# Dimensions cut across stages and give a profile (optional).
[[dimensions]]
id = "practice"
name = "Everyday practice"
description = "What this dimension covers."

# One statement per question: an observable behaviour a respondent can agree or disagree with.
[[questions]]
id = "starting-practice"     # unique; answer files and CSV columns use it
stage = "starting"           # required when there are stages
dimension = "practice"       # optional
text = "We write down who our customers are and what they buy."
help = "Agree if you can show the list and it was updated this year."   # optional
weight = 1.0                 # optional, greater than 0
recommendation = "Start a simple customer list with an owner."         # shown when this item holds back

[[questions]]
id = "established-practice"
stage = "established"
dimension = "practice"
text = "Every team reviews customer feedback about its own work each month."
recommendation = "Give each team a monthly half hour on its own customers' comments."
# reverse = true             # set on items where agreeing means less maturity
"#
    )
}

#[cfg(test)]
mod tests {
    use super::scaffold;
    use crate::questionnaire::parse_questionnaire;

    #[test]
    fn a_new_questionnaire_is_valid_as_written() {
        let text = scaffold("my-model", "schema.json");
        let (q, warnings) = parse_questionnaire("new.toml", &text).expect("valid");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(q.id, "my-model");
        assert_eq!(
            (q.stages.len(), q.dimensions.len(), q.questions.len()),
            (2, 1, 2)
        );
    }
}
