//! CSV output: one row per respondent with metadata, placement, index and every score.
//! Scores are rounded to one decimal and the index to two, as the pandas reference does.

use std::io::{self, Write};

use super::{GroupView, Renderer, Scored, round};
use crate::comparison::Comparison;
use crate::questionnaire::Questionnaire;
use crate::scoring::Assessment;

/// Metadata columns of the result CSV, after respondent and source.
const META: [&str; 5] = ["role", "team", "date", "language", "completed"];

/// Writes a header before the first row; every row follows the first result's questionnaire.
#[derive(Debug, Default)]
pub struct CsvRenderer {
    questionnaire: Option<String>,
    /// Metadata columns after the standard ones: a respondent's `extra` metadata.
    metadata: Vec<String>,
    /// The row being written, reused so that a row costs no allocation.
    line: Vec<u8>,
}

impl CsvRenderer {
    /// A renderer whose header for questionnaire `id`, with the extra metadata columns
    /// `metadata`, is already written: it writes rows only.
    pub fn rows_of(id: &str, metadata: &[String]) -> Self {
        Self {
            questionnaire: Some(id.to_owned()),
            metadata: metadata.to_vec(),
            line: Vec::new(),
        }
    }
}

/// The header row of a result CSV for `q`, with the extra metadata columns `metadata` after the
/// standard ones. A metadata column named like one of the others is written `meta.NAME`.
pub(super) fn header(q: &Questionnaire, metadata: &[String]) -> Vec<u8> {
    let mut header: Vec<String> = ["respondent", "source"].map(String::from).to_vec();
    header.extend(META.iter().map(|h| (*h).to_owned()));
    let figures = figure_columns(q);
    for name in metadata {
        let taken = header.contains(name) || figures.contains(name);
        header.push(if taken {
            format!("meta.{name}")
        } else {
            text_cell(name).into_owned()
        });
    }
    header.extend(figures);
    if q.offers_dont_know() {
        header.push("dont_know".into());
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(&header);
    w.into_inner().unwrap_or_default()
}

fn score(x: Option<f64>, decimals: i32) -> String {
    let mut s = Vec::new();
    push_number(&mut s, x, decimals);
    String::from_utf8(s).unwrap_or_default()
}

/// Appends `x` rounded to `decimals` (ties to even), without trailing zeros, as `{}` prints
/// the rounded number; nothing for `None`. Integer arithmetic keeps this off the hot path's
/// float formatter.
fn push_number(out: &mut Vec<u8>, x: Option<f64>, decimals: i32) {
    let Some(x) = x else { return };
    // Constant scales let the compiler turn the divisions below into multiplications.
    match decimals {
        0 => push_fixed::<1>(out, x, 0),
        1 => push_fixed::<10>(out, x, 1),
        2 => push_fixed::<100>(out, x, 2),
        d => out.extend_from_slice(round(x, d).to_string().as_bytes()),
    }
}

/// `y` rounded to an integer, ties to even. Adding and taking away 1.5 * 2^52 leaves no bits
/// after the point and rounds as the FPU does (to even), without a call to `rint`.
fn round_even(y: f64) -> f64 {
    const SHIFT: f64 = 6_755_399_441_055_744.0;
    if y.abs() < 1e15 {
        (y + SHIFT) - SHIFT
    } else {
        y.round_ties_even()
    }
}

/// The text of every whole number of tenths (`decimals` 1) or hundredths (2) below 10,000, as
/// [`push_fixed`] writes it, in 8 bytes and a length: scores and indexes are copied with one
/// fixed-size move rather than formatted.
fn small_numbers(decimals: u32) -> &'static [([u8; 8], u8)] {
    static TENTHS: std::sync::OnceLock<Vec<([u8; 8], u8)>> = std::sync::OnceLock::new();
    static HUNDREDTHS: std::sync::OnceLock<Vec<([u8; 8], u8)>> = std::sync::OnceLock::new();
    let build = |unit: u64| {
        (0..10_000u64)
            .map(|n| {
                let mut s = Vec::new();
                push_parts(&mut s, n / unit, n % unit, decimals);
                let mut text = [0u8; 8];
                text[..s.len()].copy_from_slice(&s);
                (text, u8::try_from(s.len()).unwrap_or(8))
            })
            .collect()
    };
    match decimals {
        1 => TENTHS.get_or_init(|| build(10)),
        _ => HUNDREDTHS.get_or_init(|| build(100)),
    }
}

/// Appends `whole` and, when not zero, `.frac` without trailing zeros (`frac` has `decimals`
/// digits).
fn push_parts(out: &mut Vec<u8>, whole: u64, mut frac: u64, decimals: u32) {
    push_digits(out, whole, 1);
    if frac > 0 {
        let mut digits = decimals;
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        out.push(b'.');
        push_digits(out, frac, digits);
    }
}

/// [`push_number`] for a scale of `UNIT` = 10^`decimals`.
fn push_fixed<const UNIT: u64>(out: &mut Vec<u8>, x: f64, decimals: u32) {
    #[allow(clippy::cast_precision_loss)]
    let scaled = round_even(x * UNIT as f64);
    if (0.0..10_000.0).contains(&scaled) && (1..=2).contains(&decimals) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (text, len) = &small_numbers(decimals)[scaled as usize];
        let end = out.len() + usize::from(*len);
        out.extend_from_slice(text);
        out.truncate(end);
        return;
    }
    if !scaled.is_finite() || scaled.abs() >= 1e15 {
        out.extend_from_slice(
            round(x, i32::try_from(decimals).unwrap_or(0))
                .to_string()
                .as_bytes(),
        );
        return;
    }
    #[allow(clippy::cast_possible_truncation)]
    let n = scaled as i64;
    if n < 0 {
        out.push(b'-');
    }
    push_parts(
        out,
        n.unsigned_abs() / UNIT,
        n.unsigned_abs() % UNIT,
        decimals,
    );
}

/// Appends `v` in decimal with at least `width` digits (zero-padded).
fn push_digits(out: &mut Vec<u8>, mut v: u64, width: u32) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    let mut written = 0;
    while v > 0 || written < width {
        i -= 1;
        #[allow(clippy::cast_possible_truncation)]
        let digit = (v % 10) as u8;
        buf[i] = b'0' + digit;
        v /= 10;
        written += 1;
    }
    out.extend_from_slice(&buf[i..]);
}

/// What one row of the result CSV shows.
pub(crate) struct Row<'a, 'b> {
    pub(crate) respondent: &'a str,
    pub(crate) source: &'a str,
    /// role, team, date, language
    pub(crate) meta: [&'a str; 4],
    pub(crate) completed: bool,
    /// The values of the extra metadata columns, in the header's order.
    pub(crate) extra: &'b mut dyn Iterator<Item = &'a str>,
    pub(crate) placement: usize,
    pub(crate) index: Option<f64>,
    pub(crate) stages: &'b mut dyn Iterator<Item = Option<f64>>,
    pub(crate) dimensions: &'b mut dyn Iterator<Item = Option<f64>>,
    pub(crate) overall: Option<f64>,
    /// How many answers were "don't know"; written when the questionnaire offers that answer.
    pub(crate) dont_know: usize,
}

/// Appends one row of the result CSV, with its line ending: the one place that lays a row out,
/// for full assessments and for batch figures alike.
pub(crate) fn push_row(line: &mut Vec<u8>, q: &Questionnaire, lang: &str, row: Row<'_, '_>) {
    push_field(line, row.respondent);
    line.push(b',');
    push_field(line, row.source);
    for value in row.meta {
        line.push(b',');
        push_field(line, value);
    }
    line.push(b',');
    line.extend_from_slice(if row.completed { b"true" } else { b"false" });
    for value in row.extra {
        line.push(b',');
        push_field(line, value);
    }
    line.push(b',');
    if q.stages.is_empty() {
        line.extend_from_slice(b",,");
    } else {
        push_digits(line, u64::try_from(row.placement).unwrap_or(u64::MAX), 1);
        line.push(b',');
        push_field(line, q.placement_name(row.placement, lang));
        line.push(b',');
        push_number(line, row.index, 2);
    }
    for x in row.stages.chain(row.dimensions) {
        line.push(b',');
        push_number(line, x, 1);
    }
    line.push(b',');
    push_number(line, row.overall, 1);
    if q.offers_dont_know() {
        line.push(b',');
        push_digits(line, u64::try_from(row.dont_know).unwrap_or(u64::MAX), 1);
    }
    line.push(b'\n');
}

/// A text cell a spreadsheet cannot take for a formula: text starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading `'`, as OWASP's CSV-injection guidance says.
/// Numbers stay numbers: `-2.5` is not a formula.
pub(crate) fn text_cell(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `-2.5`, `+3`, `-1e3`: a number as a spreadsheet reads one, not an expression.
fn is_plain_number(text: &str) -> bool {
    text.len() < 40
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        && text.parse::<f64>().is_ok_and(f64::is_finite)
}

/// Appends one CSV field, made safe with [`text_cell`] and quoted only when it holds a comma, a
/// quote or a line break.
fn push_field(out: &mut Vec<u8>, field: &str) {
    let field = &*text_cell(field);
    if field.contains([',', '"', '\n', '\r']) {
        out.push(b'"');
        out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(field.as_bytes());
    }
}

impl Renderer for CsvRenderer {
    fn result(&mut self, out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()> {
        let (q, a) = (s.questionnaire, s.assessment);
        match &self.questionnaire {
            None => {
                out.write_all(&header(q, &self.metadata))?;
                self.questionnaire = Some(q.id.clone());
            }
            Some(id) if *id != q.id => {
                return Err(io::Error::other(format!(
                    "{}: answers to questionnaire `{}` cannot share a CSV with answers to `{id}`; score them separately",
                    s.source, q.id
                )));
            }
            Some(_) => {}
        }
        let m = &s.response.meta;
        let meta = [
            m.role.as_deref(),
            m.team.as_deref(),
            m.date.as_deref(),
            m.language.as_deref(),
        ]
        .map(Option::unwrap_or_default);
        let line = &mut self.line;
        line.clear();
        let row = Row {
            respondent: m.respondent.as_deref().unwrap_or_default(),
            source: s.source,
            meta,
            completed: s.response.completed,
            extra: &mut self
                .metadata
                .iter()
                .map(|name| m.extra.get(name).map_or("", String::as_str)),
            placement: a.placement,
            index: a.index,
            stages: &mut a.stages.iter().map(|st| st.area.score),
            dimensions: &mut a.dimensions.iter().map(|d| d.score),
            overall: a.overall.score,
            dont_know: s
                .response
                .answers
                .iter()
                .filter(|a| **a == Some(crate::answers::Answer::DontKnow))
                .count(),
        };
        push_row(line, q, s.lang, row);
        out.write_all(line)
    }
}

/// The columns of every figure of a result: placement, index, stage, dimension and overall
/// scores.
fn figure_columns(q: &Questionnaire) -> Vec<String> {
    let mut columns: Vec<String> = ["placement", "placement_name", "index"]
        .map(String::from)
        .to_vec();
    columns.extend(q.stages.iter().map(|st| format!("stage.{}", st.id)));
    columns.extend(q.dimensions.iter().map(|d| format!("dimension.{}", d.id)));
    columns.push("overall".into());
    columns
}

/// The cells under [`figure_columns`]: scores to one decimal, the index to two.
fn figures(q: &Questionnaire, a: &Assessment, lang: &str) -> Vec<String> {
    let mut row = Vec::with_capacity(4 + a.stages.len() + a.dimensions.len());
    if q.stages.is_empty() {
        row.extend([String::new(), String::new(), String::new()]);
    } else {
        row.push(a.placement.to_string());
        row.push(text_cell(q.placement_name(a.placement, lang)).into_owned());
        row.push(score(a.index, 2));
    }
    row.extend(a.stages.iter().map(|st| score(st.area.score, 1)));
    row.extend(a.dimensions.iter().map(|d| score(d.score, 1)));
    row.push(score(a.overall.score, 1));
    row
}

/// One row for the whole group, then one per `--by` group.
pub(crate) fn group(out: &mut dyn Write, view: &GroupView<'_>) -> io::Result<()> {
    let q = view.questionnaire;
    let mut w = csv::Writer::from_writer(out);
    let field = view.by.as_ref().map_or("group", |b| b.field);
    let mut header: Vec<String> = vec![text_cell(field).into_owned(), "respondents".into()];
    header.extend(figure_columns(q));
    header.push("discuss".into());
    let dont_know = q.offers_dont_know();
    if dont_know {
        header.extend(["dont_know".into(), "dont_know_share".into()]);
    }
    w.write_record(&header)?;
    let mut rows = vec![("all".to_owned(), view.all)];
    // The groups too small to show are left out here as in every format; the table, Markdown
    // and HTML reports and the JSON document say how many.
    if let Some(by) = &view.by {
        rows.extend(by.groups.iter().map(|(name, g)| (name.clone(), *g)));
    }
    for (name, g) in rows {
        let a = &g.assessment;
        let mut row = vec![text_cell(&name).into_owned(), g.respondents.to_string()];
        row.extend(figures(q, a, view.lang));
        row.push(
            text_cell(
                &g.discuss
                    .iter()
                    .map(|&i| q.questions[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
            .into_owned(),
        );
        if dont_know {
            row.push(g.dont_know.overall.dont_know.to_string());
            row.push(score(g.dont_know.overall.percent(), 1));
        }
        w.write_record(&row)?;
    }
    w.flush()
}

/// One row per compared figure: kind, id, name, before, after, change.
pub(crate) fn comparison(out: &mut dyn Write, c: &Comparison) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["kind", "id", "name", "before", "after", "change"])?;
    let headline = |b: Option<f64>, a: Option<f64>, d| {
        vec![
            score(b, d),
            score(a, d),
            score(a.zip(b).map(|(x, y)| x - y), d),
        ]
    };
    if let (Some((lb, _)), Some((la, _))) = (&c.before.placement, &c.after.placement) {
        #[allow(clippy::cast_precision_loss)]
        let row = headline(Some(*lb as f64), Some(*la as f64), 0);
        w.write_record(
            ["placement", "", "placement"]
                .into_iter()
                .map(str::to_owned)
                .chain(row),
        )?;
    }
    w.write_record(
        ["index", "", "maturity index"]
            .into_iter()
            .map(str::to_owned)
            .chain(headline(c.before.index, c.after.index, 2)),
    )?;
    w.write_record(
        ["overall", "", "overall score"]
            .into_iter()
            .map(str::to_owned)
            .chain(headline(c.before.overall, c.after.overall, 1)),
    )?;
    for (kind, rows) in [
        ("stage", &c.stages),
        ("dimension", &c.dimensions),
        ("item", &c.item_moves),
    ] {
        for ch in rows {
            w.write_record([
                kind.to_owned(),
                text_cell(&ch.id).into_owned(),
                text_cell(&ch.name).into_owned(),
                score(ch.before, 1),
                score(ch.after, 1),
                score(ch.delta(), 1),
            ])?;
        }
    }
    w.flush()
}

/// The perception gap in long form: one row per figure (placement, index, overall score, each
/// stage, each dimension, each mirrored statement) with both sides and the gap.
pub(crate) fn gap(out: &mut dyn Write, g: &crate::gap::Gap) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["kind", "id", "name", "internal", "customer", "gap"])?;
    let row = |kind: &str, id: &str, name: &str, i: Option<f64>, c: Option<f64>, d: i32| {
        [
            kind.to_owned(),
            text_cell(id).into_owned(),
            text_cell(name).into_owned(),
            score(i, d),
            score(c, d),
            score(i.zip(c).map(|(x, y)| x - y), d),
        ]
    };
    let (i, c) = (&g.internal, &g.customer);
    if let (Some((li, _)), Some((lc, _))) = (&i.placement, &c.placement) {
        #[allow(clippy::cast_precision_loss)]
        w.write_record(row(
            "placement",
            "",
            "placement",
            Some(*li as f64),
            Some(*lc as f64),
            0,
        ))?;
    }
    if i.index.is_some() || c.index.is_some() {
        w.write_record(row("index", "", "maturity index", i.index, c.index, 2))?;
    }
    w.write_record(row("overall", "", "overall score", i.overall, c.overall, 1))?;
    for (kind, rows) in [("stage", &g.stages), ("dimension", &g.dimensions)] {
        for a in rows {
            w.write_record(row(kind, &a.id, &a.name, a.internal, a.customer, 1))?;
        }
    }
    for m in &g.mirrors {
        w.write_record(row("mirror", &m.id, &m.text, m.internal, m.customer, 1))?;
    }
    w.flush()
}

/// A trend in long form: one row per period and figure (`period,figure,value`), the figures
/// `placement`, `index`, `overall`, `respondents`, `stage.<id>` and `dimension.<id>`; a figure a
/// period lacks is left out.
pub(crate) fn trend(out: &mut dyn Write, t: &crate::trend::Trend) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["period", "figure", "value"])?;
    for p in &t.periods {
        let s = &p.snapshot;
        let label = text_cell(&p.label).into_owned();
        let mut rows: Vec<(String, String)> = Vec::new();
        if let Some((level, _)) = &s.placement {
            rows.push(("placement".to_owned(), level.to_string()));
        }
        if s.index.is_some() {
            rows.push(("index".to_owned(), score(s.index, 2)));
        }
        if s.overall.is_some() {
            rows.push(("overall".to_owned(), score(s.overall, 1)));
        }
        if let Some(sample) = &p.sample {
            rows.push(("respondents".to_owned(), sample.respondents.to_string()));
        }
        for (kind, list) in [("stage", &s.stages), ("dimension", &s.dimensions)] {
            for m in list.iter().filter(|m| m.score.is_some()) {
                rows.push((
                    text_cell(&format!("{kind}.{}", m.id)).into_owned(),
                    score(m.score, 1),
                ));
            }
        }
        for (figure, value) in rows {
            w.write_record([label.as_str(), figure.as_str(), value.as_str()])?;
        }
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::{push_field, push_number, score};

    #[test]
    fn numbers_print_like_the_rounded_float() {
        for (x, d, want) in [
            (75.0, 1, "75"),
            (56.25, 1, "56.2"),
            (56.35, 1, "56.4"),
            (66.666_666, 1, "66.7"),
            (1.4, 2, "1.4"),
            (1.125, 2, "1.12"),
            (0.0, 1, "0"),
            (0.05, 1, "0"),
            (3.999, 2, "4"),
            (-1.25, 1, "-1.2"),
        ] {
            assert_eq!(score(Some(x), d), want, "{x} to {d} decimals");
            assert_eq!(score(Some(x), d), format!("{}", super::round(x, d)), "{x}");
        }
        let mut s = Vec::new();
        push_number(&mut s, None, 1);
        assert_eq!(s, b"");
    }

    #[test]
    fn looked_up_numbers_read_as_formatted_ones() {
        for n in 0..10_000u32 {
            for d in [1, 2] {
                let x = f64::from(n) / 10f64.powi(d) + 0.3 / 10f64.powi(d + 1);
                assert_eq!(score(Some(x), d), format!("{}", super::round(x, d)), "{x}");
            }
        }
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut s = Vec::new();
        push_field(&mut s, "Sales, EMEA");
        push_field(&mut s, "plain");
        push_field(&mut s, "say \"hi\"");
        assert_eq!(s, b"\"Sales, EMEA\"plain\"say \"\"hi\"\"\"");
    }
}
