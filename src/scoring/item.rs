//! Rule 1: an item's score in percent of its scale.

use crate::answers::Answer;
use crate::questionnaire::{Question, Scale};

/// `(value - min) / (max - min) * 100`, or `100 - that` for a reverse-keyed item. Missing and
/// not-applicable answers have no score.
///
/// ```
/// use centricity::answers::Answer;
/// use centricity::questionnaire::{Bundled, DEFAULT_ID};
/// use centricity::scoring::item_score;
///
/// let q = Bundled::find(DEFAULT_ID).unwrap().load().unwrap();
/// let question = &q.questions[0];
/// let scale = q.scale_of(question);
/// // "Agree" is 4 on a 1-5 scale: three quarters of the way up.
/// assert_eq!(item_score(scale, question, Some(Answer::Value(4.0))), Some(75.0));
/// assert_eq!(item_score(scale, question, Some(Answer::NotApplicable)), None);
/// ```
pub fn item_score(scale: &Scale, question: &Question, answer: Option<Answer>) -> Option<f64> {
    match answer? {
        Answer::NotApplicable | Answer::DontKnow => None,
        Answer::Value(v) => {
            let range = scale.max - scale.min;
            if range <= 0.0 {
                return None;
            }
            let s = ((v - scale.min) / range * 100.0).clamp(0.0, 100.0);
            Some(if question.reverse { 100.0 - s } else { s })
        }
    }
}

/// Rule 2: the weighted mean of the answered scores among `(score, weight)` pairs.
pub fn weighted_mean(items: impl IntoIterator<Item = (Option<f64>, f64)>) -> Option<f64> {
    let (mut sum, mut weights) = (0.0, 0.0);
    for (score, weight) in items {
        if let Some(s) = score {
            sum += s * weight;
            weights += weight;
        }
    }
    (weights > 0.0).then(|| sum / weights)
}
