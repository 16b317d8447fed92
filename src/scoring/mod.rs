//! The scoring rule of DESIGN.md section 4, as pure functions of a questionnaire and answers.
//! Every number the tool prints comes from here.

mod assessment;
mod group;
mod item;

pub use assessment::{
    AreaScore, Assessment, ItemResult, Recommendations, ScoreOptions, StageResult, StageStatus,
    assess,
};
pub use group::{GroupAccumulator, GroupResult, ItemSpread};
pub use item::{item_score, weighted_mean};
