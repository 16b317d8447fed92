//! One writer per text format over the report model ([`super::view`]): each decides only how a
//! block looks. JSON and CSV are not here: they write the typed results as data.

mod chart;
pub(crate) mod html;
mod line_chart;
pub(crate) mod markdown;
pub(crate) mod table;
