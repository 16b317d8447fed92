//! The scoring rule of DESIGN.md section 4, as pure functions of a questionnaire and answers.
//! Every number the tool prints comes from here.

mod assessment;
mod dont_know;
mod figures;
mod group;
mod item;
mod reliability;

pub use assessment::{
    AreaScore, Assessment, ItemResult, Recommendations, ScoreOptions, StageResult, StageStatus,
    assess,
};
pub use dont_know::{DontKnow, DontKnowCount};
pub use figures::Figures;
pub use group::{GroupAccumulator, GroupResult, ItemSpread, MIN_RELIABILITY_GROUP};
pub use item::{item_score, weighted_mean};
pub use reliability::{Reliability, ReliabilityAccumulator, SetReliability};
