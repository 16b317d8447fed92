//! Numbers as a reader sees them in text reports (table, Markdown, HTML, the survey's room view
//! and `show`): how many decimals each kind of figure has, the decimal separator of the
//! report's language, the dash for a missing figure, and signed differences.
//!
//! A difference is always computed from the two figures as printed, so that the printed before,
//! after and change add up ("1.67 -> 2.53 (+0.86)", never "+0.87"); the same for a gap between
//! two printed scores. A difference that rounds to zero is printed without a sign ("0.0"): zero
//! is neither a rise nor a fall, and it stays plain ASCII for `--ascii` terminals.
//!
//! Machine formats never come here: CSV and JSON keep the point whatever the language, so that
//! spreadsheets and scripts read them the same everywhere.

/// Decimals of a score in percent (a stage, a dimension, an item, a threshold).
const SCORE: usize = 1;
/// Decimals of a mean or standard deviation in scale points.
const POINTS: usize = 2;
/// Decimals of a maturity index.
const INDEX: usize = 2;
/// Decimals of a reliability coefficient (Cronbach's alpha, item-rest r).
const COEFFICIENT: usize = 2;
/// At most this many decimals for figures printed as short as they go ([`Numbers::plain`]):
/// enough for any figure an author writes, few enough to hide floating-point noise.
const PLAIN: usize = 6;

/// The dash of a missing figure in plain-text formats (terminal tables, Markdown).
pub(crate) const TEXT_DASH: &str = "-";
/// The dash of a missing figure in HTML.
pub(crate) const HTML_DASH: &str = "–";

/// The number formatter of one report: its language's decimal separator and its dash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numbers {
    decimal: char,
    missing: &'static str,
}

impl Numbers {
    /// The formatter for a report in `lang` (`fr`, `fr-FR`, `FR` alike) whose missing figures
    /// show as `missing`.
    pub(crate) fn new(lang: &str, missing: &'static str) -> Self {
        Self {
            decimal: decimal_separator(lang),
            missing,
        }
    }

    /// The formatter of a plain-text report in `lang`.
    pub(crate) fn text(lang: &str) -> Self {
        Self::new(lang, TEXT_DASH)
    }

    /// The formatter of an HTML report in `lang`.
    pub(crate) fn html(lang: &str) -> Self {
        Self::new(lang, HTML_DASH)
    }

    /// The dash this report shows for a missing figure.
    pub(crate) fn missing(&self) -> &'static str {
        self.missing
    }

    /// A score in percent, one decimal: "58.7", "58,7".
    pub(crate) fn score(&self, x: Option<f64>) -> String {
        self.fixed(x, SCORE)
    }

    /// A mean or standard deviation in scale points, two decimals.
    pub(crate) fn points(&self, x: Option<f64>) -> String {
        self.fixed(x, POINTS)
    }

    /// A maturity index, two decimals.
    pub(crate) fn index(&self, x: Option<f64>) -> String {
        self.fixed(x, INDEX)
    }

    /// A reliability coefficient (alpha, item-rest r), two decimals.
    pub(crate) fn coefficient(&self, x: Option<f64>) -> String {
        self.fixed(x, COEFFICIENT)
    }

    /// `a - b` between two scores as printed, with its sign: "+12.5", "-3.0", "0.0".
    pub(crate) fn score_difference(&self, a: Option<f64>, b: Option<f64>) -> String {
        self.signed(a, b, SCORE)
    }

    /// `a - b` between two maturity indices as printed, with its sign: "+0.86".
    pub(crate) fn index_difference(&self, a: Option<f64>, b: Option<f64>) -> String {
        self.signed(a, b, INDEX)
    }

    /// A figure of a questionnaire (a threshold, a share, a weight) as short as it goes, with at
    /// most six decimals: "62.5", "50", "0.25".
    pub(crate) fn plain(&self, x: f64) -> String {
        if !x.is_finite() {
            return self.missing.to_owned();
        }
        let rounded = units(x, PLAIN) / scale(PLAIN) + 0.0;
        if rounded == 0.0 && x != 0.0 {
            // A tiny weight is not nothing: written in full rather than as "0".
            return self.localise(format!("{x}"));
        }
        let text = self.localise(format!("{rounded:.PLAIN$}"));
        let text = text.trim_end_matches('0');
        text.strip_suffix(self.decimal).unwrap_or(text).to_owned()
    }

    fn fixed(&self, x: Option<f64>, decimals: usize) -> String {
        match x.filter(|v| v.is_finite()) {
            // Adding 0 turns -0 (a small negative rounded away) into 0.
            Some(v) => self.localise(format!(
                "{:.*}",
                decimals,
                units(v, decimals) / scale(decimals) + 0.0
            )),
            None => self.missing.to_owned(),
        }
    }

    fn signed(&self, a: Option<f64>, b: Option<f64>, decimals: usize) -> String {
        let Some(steps) = printed_steps(a, b, decimals) else {
            return self.missing.to_owned();
        };
        let size = self.localise(format!("{:.*}", decimals, steps.abs() / scale(decimals)));
        if steps > 0.0 {
            format!("+{size}")
        } else if steps < 0.0 {
            format!("-{size}")
        } else {
            size
        }
    }

    fn localise(&self, text: String) -> String {
        if self.decimal == '.' {
            text
        } else {
            text.replace('.', &self.decimal.to_string())
        }
    }
}

/// The decimal separator of a language: a comma for French, Dutch and Italian, a point for
/// English, Chinese and any language the tool does not know.
fn decimal_separator(lang: &str) -> char {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    match primary.to_ascii_lowercase().as_str() {
        "fr" | "nl" | "it" => ',',
        _ => '.',
    }
}

fn scale(decimals: usize) -> f64 {
    10f64.powi(i32::try_from(decimals).unwrap_or(0))
}

/// `x` counted in steps of its last printed decimal: the integer the reader sees without its
/// decimal separator. Ties go to the even digit, as [`super::round`] and the exports round.
fn units(x: f64, decimals: usize) -> f64 {
    (x * scale(decimals)).round_ties_even()
}

/// `a - b` as printed, in steps of the last decimal (an integer); `None` when either figure is
/// missing.
fn printed_steps(a: Option<f64>, b: Option<f64>, decimals: usize) -> Option<f64> {
    let (a, b) = (a.filter(|v| v.is_finite())?, b.filter(|v| v.is_finite())?);
    Some(units(a, decimals) - units(b, decimals))
}

/// `a - b` between two scores as printed, as a number: what a text report lists as a rise (more
/// than 0) or a fall (less than 0).
pub(crate) fn printed_score_difference(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    printed_steps(a, b, SCORE).map(|steps| steps / scale(SCORE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_the_difference_of_the_printed_figures() {
        let n = Numbers::text("en");
        let (before, after) = (Some(1.666), Some(2.534));
        assert_eq!(n.index(before), "1.67");
        assert_eq!(n.index(after), "2.53");
        // 2.534 - 1.666 = 0.868 would print +0.87; the printed figures differ by 0.86.
        assert_eq!(n.index_difference(after, before), "+0.86");
        assert_eq!(n.index_difference(before, after), "-0.86");
        // Scores: 45.84 prints 45.8 and 79.16 prints 79.2; 33.32 would print +33.3.
        assert_eq!(n.score(Some(45.84)), "45.8");
        assert_eq!(n.score(Some(79.16)), "79.2");
        assert_eq!(n.score_difference(Some(79.16), Some(45.84)), "+33.4");
        assert_eq!(
            printed_score_difference(Some(79.16), Some(45.84)),
            Some(33.4)
        );
    }

    #[test]
    fn french_dutch_and_italian_write_a_decimal_comma() {
        for lang in ["fr", "nl", "it", "fr-FR", "FR", "it_IT"] {
            let n = Numbers::text(lang);
            assert_eq!(n.index(Some(1.666)), "1,67", "{lang}");
            assert_eq!(n.score(Some(58.66)), "58,7", "{lang}");
            assert_eq!(n.index_difference(Some(2.534), Some(1.666)), "+0,86");
            assert_eq!(n.points(Some(2.3094)), "2,31");
            assert_eq!(n.coefficient(Some(-0.125)), "-0,12");
            assert_eq!(n.plain(62.5), "62,5");
        }
        for lang in ["en", "zh", "de", "", "en-GB"] {
            let n = Numbers::text(lang);
            assert_eq!(n.index(Some(1.666)), "1.67", "{lang}");
            assert_eq!(n.score(Some(58.66)), "58.7", "{lang}");
            assert_eq!(n.plain(62.5), "62.5");
        }
    }

    #[test]
    fn a_difference_that_rounds_to_zero_has_no_sign() {
        let n = Numbers::text("en");
        // Different figures that print alike: no change, neither +0.0 nor -0.0.
        assert_eq!(n.score_difference(Some(50.04), Some(49.96)), "0.0");
        assert_eq!(n.score_difference(Some(49.96), Some(50.04)), "0.0");
        assert_eq!(n.index_difference(Some(1.0), Some(1.0)), "0.00");
        assert_eq!(
            Numbers::text("fr").score_difference(Some(3.0), Some(3.0)),
            "0,0"
        );
        assert_eq!(
            printed_score_difference(Some(50.04), Some(49.96)),
            Some(0.0)
        );
        // A small negative figure rounds to a plain zero too.
        assert_eq!(n.score(Some(-0.04)), "0.0");
        assert_eq!(n.plain(-0.000_000_1), "-0.0000001");
        assert_eq!(n.plain(-0.0), "0");
        // The smallest printed steps keep their sign.
        assert_eq!(n.score_difference(Some(50.06), Some(49.96)), "+0.1");
        assert_eq!(n.score_difference(Some(0.0), Some(0.1)), "-0.1");
    }

    #[test]
    fn ties_round_to_the_even_digit_as_the_exports_do() {
        let n = Numbers::text("en");
        assert_eq!(n.score(Some(12.25)), "12.2");
        assert_eq!(n.score(Some(12.75)), "12.8");
        assert_eq!(n.score(Some(62.5)), "62.5");
        assert_eq!(n.score(Some(100.0)), "100.0");
        for x in [0.0, 12.25, 33.333_333, 58.65, 87.5, 99.95] {
            assert_eq!(
                n.score(Some(x)),
                format!("{:.1}", super::super::round(x, 1))
            );
        }
    }

    #[test]
    fn a_missing_figure_is_the_dash_of_its_format() {
        let (text, html) = (Numbers::text("fr"), Numbers::html("fr"));
        assert_eq!(text.score(None), "-");
        assert_eq!(html.score(None), "–");
        assert_eq!(html.index_difference(Some(1.0), None), "–");
        assert_eq!(text.score_difference(None, Some(1.0)), "-");
        assert_eq!(text.score(Some(f64::NAN)), "-");
        assert_eq!(html.plain(f64::INFINITY), "–");
        assert_eq!(printed_score_difference(None, Some(1.0)), None);
    }

    #[test]
    fn plain_figures_are_as_short_as_they_go() {
        let (en, it) = (Numbers::text("en"), Numbers::text("it"));
        assert_eq!(en.plain(50.0), "50");
        assert_eq!(en.plain(25.0), "25");
        assert_eq!(en.plain(0.25), "0.25");
        assert_eq!(en.plain(1.5), "1.5");
        assert_eq!(en.plain(100.0 / 3.0), "33.333333");
        // 0.6 * 100 is 60.00000000000001 in floating point.
        assert_eq!(en.plain(0.6 * 100.0), "60");
        assert_eq!(it.plain(0.25), "0,25");
        assert_eq!(it.plain(0.000_000_01), "0,00000001");
        assert_eq!(it.plain(10.0), "10");
        assert_eq!(it.plain(100.0), "100");
    }
}
