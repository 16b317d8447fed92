//! Mirror links: the questions of an outside-in questionnaire (answered by customers) that
//! reflect questions of a self-assessment, so that what the organisation believes can be set
//! against what its customers experience.

use super::model::Questionnaire;
use crate::diagnostic::Diagnostic;
use crate::toml_source::closest;

/// One link from a question to a question of the mirrored questionnaire.
#[derive(Debug, Clone)]
pub struct Mirror {
    /// The mirrored question's id.
    pub id: String,
    /// Where the link is written: a diagnostic to fill in when the link is found wrong.
    pub(crate) place: Diagnostic,
}

impl Mirror {
    fn report(&self, error: bool, message: String, help: String) -> Diagnostic {
        let mut d = self.place.clone();
        d.severity = if error {
            crate::diagnostic::Severity::Error
        } else {
            crate::diagnostic::Severity::Warning
        };
        d.message = message;
        d.help = Some(help);
        d
    }
}

/// Checks the links of `outside` against the questionnaire it mirrors: an id that `inside` lacks
/// is an error; a link to a question of another stage is a warning, since the two then measure
/// different things.
pub fn check_mirrors(outside: &Questionnaire, inside: &Questionnaire) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for question in &outside.questions {
        for link in &question.mirrors {
            let Some(&i) = inside.question_index.get(&link.id) else {
                let known = inside.questions.iter().map(|q| q.id.as_str());
                let help = closest(&link.id, known).map_or_else(
                    || format!("questionnaire `{}` has no such question", inside.id),
                    |best| format!("did you mean `{best}`?"),
                );
                found.push(link.report(
                    true,
                    format!(
                        "question `{}` mirrors `{}`, which is not a question of `{}`",
                        question.id, link.id, inside.id
                    ),
                    help,
                ));
                continue;
            };
            let stage_id = |q: &Questionnaire, s: Option<usize>| {
                s.map_or("(none)", |s| q.stages[s].id.as_str()).to_owned()
            };
            let (theirs, ours) = (
                stage_id(inside, inside.questions[i].stage),
                stage_id(outside, question.stage),
            );
            if theirs != ours {
                found.push(link.report(
                    false,
                    format!(
                        "question `{}` (stage `{ours}`) mirrors `{}` of stage `{theirs}`",
                        question.id, link.id
                    ),
                    "a mirror should measure the same stage from the customer's side; link a question of the same stage".to_owned(),
                ));
            }
        }
    }
    found
}
