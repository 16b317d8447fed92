//! Questionnaires embedded in the binary, so the tool works with no files at hand.

use super::load::parse_questionnaire;
use super::model::Questionnaire;

/// A questionnaire shipped inside the binary (and in `questionnaires/` of the repository).
#[derive(Debug, Clone, Copy)]
pub struct Bundled {
    pub id: &'static str,
    /// The version in the file; answer files that name it are scored with this one.
    pub version: &'static str,
    pub file_name: &'static str,
    pub source: &'static str,
}

/// Every bundled questionnaire, the current version of each id before its older ones: an
/// older version stays so that answer files and results that name it still score as they were
/// answered.
pub const BUNDLED: &[Bundled] = &[
    Bundled {
        id: "customer-centricity",
        version: "2.0.0",
        file_name: "customer-centricity-2.toml",
        source: include_str!("../../questionnaires/customer-centricity-2.toml"),
    },
    Bundled {
        id: "customer-view",
        version: "2.0.0",
        file_name: "customer-view-2.toml",
        source: include_str!("../../questionnaires/customer-view-2.toml"),
    },
    Bundled {
        id: "customer-centricity",
        version: "1.0.0",
        file_name: "customer-centricity.toml",
        source: include_str!("../../questionnaires/customer-centricity.toml"),
    },
    Bundled {
        id: "customer-view",
        version: "1.0.0",
        file_name: "customer-view.toml",
        source: include_str!("../../questionnaires/customer-view.toml"),
    },
];

/// The outside-in questionnaire customers answer, mirroring the default one.
pub const CUSTOMER_VIEW_ID: &str = "customer-view";

/// The questionnaire used when none is named.
pub const DEFAULT_ID: &str = "customer-centricity";

impl Bundled {
    /// The current version of bundled questionnaire `id`; `id@version` names an older one
    /// (`customer-centricity@1.0.0`).
    pub fn find(id: &str) -> Option<&'static Bundled> {
        match id.split_once('@') {
            Some((id, version)) => Self::find_version(id, version),
            None => BUNDLED.iter().find(|b| b.id == id),
        }
    }

    /// Bundled questionnaire `id` at exactly `version`.
    pub fn find_version(id: &str, version: &str) -> Option<&'static Bundled> {
        BUNDLED
            .iter()
            .find(|b| b.id == id && b.version == version.trim())
    }

    /// Whether this is the current version of its id (the one used when none is named).
    pub fn is_current(&self) -> bool {
        Self::find(self.id).is_some_and(|b| b.version == self.version)
    }

    /// The ids of the bundled questionnaires, each once, current versions first.
    pub fn ids() -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = Vec::new();
        for b in BUNDLED {
            if !ids.contains(&b.id) {
                ids.push(b.id);
            }
        }
        ids
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

/// Version 1.0.0 of the default questionnaire, for unit tests of what it still does (its
/// answer scale with one excluded answer, the survey-tool fixtures written from it).
#[cfg(test)]
#[allow(clippy::expect_used)]
pub(crate) fn version_one_for_tests() -> Questionnaire {
    Bundled::find_version(DEFAULT_ID, "1.0.0")
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
            assert_eq!(q.version, b.version, "{}", b.file_name);
            assert!(warnings.is_empty(), "{warnings:?}");
        }
    }

    #[test]
    fn an_id_finds_its_current_version_and_id_at_version_an_older_one() {
        let current = Bundled::find(DEFAULT_ID).expect("bundled");
        assert_eq!(current.version, "2.0.0");
        assert!(current.is_current());
        let old = Bundled::find("customer-centricity@1.0.0").expect("1.0.0 kept");
        assert_eq!(old.version, "1.0.0");
        assert!(!old.is_current());
        assert!(Bundled::find_version(CUSTOMER_VIEW_ID, "1.0.0").is_some());
        assert!(Bundled::find("customer-centricity@9.9.9").is_none());
        assert_eq!(Bundled::ids(), vec![DEFAULT_ID, CUSTOMER_VIEW_ID]);
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
        for (version, statements) in [("2.0.0", 18), ("1.0.0", 12)] {
            let load = |id| {
                Bundled::find_version(id, version)
                    .and_then(|b| b.load().ok())
                    .expect("bundled loads")
            };
            let (outside, inside) = (load(CUSTOMER_VIEW_ID), load(DEFAULT_ID));
            assert_eq!(outside.mirror_of.as_deref(), Some(DEFAULT_ID));
            assert_eq!(outside.questions.len(), statements, "{version}");
            for s in 0..4 {
                assert!(
                    outside.stage_members(s).len() >= 3,
                    "at least three statements per stage"
                );
                assert_eq!(outside.stages[s].id, inside.stages[s].id);
                assert_eq!(outside.stages[s].name, inside.stages[s].name, "{version}");
            }
            assert!(outside.questions.iter().all(|q| !q.mirrors.is_empty()));
            let problems = super::super::check_mirrors(&outside, &inside);
            assert!(problems.is_empty(), "{version}: {problems:?}");
        }
    }

    #[test]
    fn version_two_separates_dont_know_from_not_applicable_and_gives_every_point_a_criterion() {
        for id in [DEFAULT_ID, CUSTOMER_VIEW_ID] {
            let q = Bundled::find(id)
                .and_then(|b| b.load().ok())
                .expect("bundled loads");
            for scale in &q.scales {
                assert!(scale.dont_know.is_some() && scale.not_applicable.is_some());
                assert!(scale.options.iter().all(|o| o.help.is_some()), "{id}");
            }
            let old = Bundled::find(&format!("{id}@1.0.0"))
                .and_then(|b| b.load().ok())
                .expect("1.0.0 loads");
            assert!(
                !old.offers_dont_know(),
                "1.0.0 keeps its one excluded answer"
            );
        }
    }

    #[test]
    fn kept_ids_keep_their_stage_and_dimension_across_versions() {
        for id in [DEFAULT_ID, CUSTOMER_VIEW_ID] {
            let load = |v| {
                Bundled::find_version(id, v)
                    .and_then(|b| b.load().ok())
                    .expect("bundled loads")
            };
            let (new, old) = (load("2.0.0"), load("1.0.0"));
            for q in &new.questions {
                if let Some(i) = old.question(&q.id) {
                    let o = &old.questions[i];
                    assert_eq!(
                        (q.stage, q.dimension),
                        (o.stage, o.dimension),
                        "{} moved: it should have a new id",
                        q.id
                    );
                }
            }
        }
    }
}
