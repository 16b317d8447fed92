//! Questionnaires embedded in the binary, so the tool works with no files at hand.

use super::load::parse_questionnaire;
use super::model::Questionnaire;

/// A questionnaire shipped inside the binary (and in `questionnaires/` of the repository).
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    pub id: &'static str,
    pub file_name: &'static str,
    pub source: &'static str,
}

pub const BUNDLED: &[Bundled] = &[
    Bundled {
        id: "customer-centricity",
        file_name: "customer-centricity.toml",
        source: include_str!("../../questionnaires/customer-centricity.toml"),
    },
    Bundled {
        id: "customer-view",
        file_name: "customer-view.toml",
        source: include_str!("../../questionnaires/customer-view.toml"),
    },
];

/// The outside-in questionnaire customers answer, mirroring the default one.
pub const CUSTOMER_VIEW_ID: &str = "customer-view";

/// The questionnaire used when none is named.
pub const DEFAULT_ID: &str = "customer-centricity";

impl Bundled {
    pub fn find(id: &str) -> Option<&'static Bundled> {
        BUNDLED.iter().find(|b| b.id == id)
    }

    /// The bundled questionnaire, parsed. A bundled file that does not load is a build defect,
    /// which the test suite rules out, so the error here carries the diagnostics as text.
    pub fn load(&self) -> Result<Questionnaire, crate::diagnostic::Diagnostics> {
        parse_questionnaire(&format!("<bundled>/{}", self.file_name), self.source).map(|(q, _)| q)
    }
}

/// The default bundled questionnaire, for unit tests across the crate.
#[cfg(test)]
#[allow(clippy::expect_used)]
pub(crate) fn default_for_tests() -> Questionnaire {
    Bundled::find(DEFAULT_ID)
        .and_then(|b| b.load().ok())
        .expect("bundled loads")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_questionnaire_loads_without_warnings() {
        for b in BUNDLED {
            let (q, warnings) = parse_questionnaire(b.file_name, b.source)
                .unwrap_or_else(|e| panic!("{}: {e}", b.file_name));
            assert_eq!(q.id, b.id);
            assert!(warnings.is_empty(), "{warnings:?}");
        }
    }

    #[test]
    fn the_default_questionnaire_is_the_four_by_six_grid() {
        let q = Bundled::find(DEFAULT_ID)
            .and_then(|b| b.load().ok())
            .expect("bundled loads");
        assert_eq!(q.stages.len(), 4);
        assert_eq!(q.dimensions.len(), 6);
        assert_eq!(q.questions.len(), 24);
        for s in 0..4 {
            for d in 0..6 {
                let n = q
                    .questions
                    .iter()
                    .filter(|x| x.stage == Some(s) && x.dimension == Some(d))
                    .count();
                assert_eq!(n, 1, "stage {s} dimension {d}");
            }
        }
        assert!(
            q.questions
                .iter()
                .all(|x| x.help.is_some() && x.recommendation.is_some())
        );
        assert!(
            q.stages
                .iter()
                .all(|s| s.summary.is_some() && s.customer_view.is_some() && s.next_step.is_some())
        );
    }

    #[test]
    fn the_customer_view_mirrors_the_default_questionnaire_stage_for_stage() {
        let load = |id| {
            Bundled::find(id)
                .and_then(|b| b.load().ok())
                .expect("bundled loads")
        };
        let (outside, inside) = (load(CUSTOMER_VIEW_ID), load(DEFAULT_ID));
        assert_eq!(outside.mirror_of.as_deref(), Some(DEFAULT_ID));
        assert_eq!(outside.questions.len(), 12);
        for s in 0..4 {
            assert_eq!(
                outside.stage_members(s).len(),
                3,
                "three statements per stage"
            );
            assert_eq!(outside.stages[s].id, inside.stages[s].id);
        }
        assert!(outside.questions.iter().all(|q| !q.mirrors.is_empty()));
        let problems = super::super::check_mirrors(&outside, &inside);
        assert!(problems.is_empty(), "{problems:?}");
    }
}
