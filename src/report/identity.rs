//! What names a report, as its author chose: the title, the client, who ran the assessment, and
//! the report's date. The command line fills it once; every text format prints it.

/// The names and date a report carries besides its figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    /// The report's title [default: the questionnaire's, or the report kind's].
    pub title: Option<String>,
    /// The organisation assessed.
    pub client: Option<String>,
    /// Who ran the assessment.
    pub assessor: Option<String>,
    /// The report date (YYYY-MM-DD): passed in, so that a report never reads the clock itself.
    pub date: String,
}

impl Identity {
    /// A report with no names of its own, dated `date`.
    pub fn dated(date: impl Into<String>) -> Self {
        Self {
            date: date.into(),
            ..Self::default()
        }
    }
}
