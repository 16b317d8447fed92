//! The scoring rule of DESIGN.md section 4, as pure functions of a questionnaire and answers.
//! Every number the tool prints comes from here.

mod assessment;
pub mod bootstrap;
mod consensus;
mod dont_know;
mod figures;
mod group;
mod item;
mod reliability;

pub use assessment::{
    AreaScore, Assessment, ItemResult, Recommendations, ScoreOptions, StageResult, StageStatus,
    assess,
};
pub use consensus::{DEFAULT_CONSENSUS, RoundFigures};
pub use dont_know::{DontKnow, DontKnowCount};
pub use figures::Figures;
pub use group::{
    GroupAccumulator, GroupResult, ItemRounds, ItemSpread, MIN_RELIABILITY_GROUP, option_values,
};
pub use item::{item_score, weighted_mean};
pub use reliability::{Reliability, ReliabilityAccumulator, SetReliability};
