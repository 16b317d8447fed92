//! CSV output: one row per respondent with metadata, placement, index and every score.
//! Scores are rounded to one decimal and the index to two, as the pandas reference does.

use std::io::{self, Write};

use super::{GroupView, Renderer, Scored, placement_name, round};
use crate::comparison::Comparison;
use crate::questionnaire::Questionnaire;
use crate::scoring::Assessment;

const META: [&str; 5] = ["role", "team", "date", "language", "completed"];

/// Writes a header before the first row; every row follows the first result's questionnaire.
#[derive(Debug, Default)]
pub struct CsvRenderer {
    questionnaire: Option<String>,
}

fn score(x: Option<f64>, decimals: i32) -> String {
    x.map(|v| format!("{}", round(v, decimals)))
        .unwrap_or_default()
}

impl Renderer for CsvRenderer {
    fn result(&mut self, out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()> {
        let (q, a) = (s.questionnaire, s.assessment);
        let mut w = csv::Writer::from_writer(out);
        match &self.questionnaire {
            None => {
                let mut header: Vec<String> = ["respondent", "source"]
                    .iter()
                    .map(|h| (*h).to_owned())
                    .collect();
                header.extend(META.iter().map(|h| (*h).to_owned()));
                header.extend(figure_columns(q));
                w.write_record(&header)?;
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
        let mut row = vec![
            m.respondent.clone().unwrap_or_default(),
            s.source.to_owned(),
        ];
        for field in META {
            row.push(match field {
                "completed" => s.response.completed.to_string(),
                f => m.get(f).unwrap_or_default().to_owned(),
            });
        }
        row.extend(figures(q, a, s.lang));
        w.write_record(&row)?;
        w.flush()
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
        row.push(placement_name(q, a.placement, lang).to_owned());
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
    let field = view.by.as_ref().map_or("group", |(f, _)| *f);
    let mut header: Vec<String> = vec![field.to_owned(), "respondents".into()];
    header.extend(figure_columns(q));
    header.push("discuss".into());
    w.write_record(&header)?;
    let mut rows = vec![("all".to_owned(), view.all)];
    if let Some((_, groups)) = &view.by {
        rows.extend(groups.iter().map(|(name, g)| (name.clone(), *g)));
    }
    for (name, g) in rows {
        let a = &g.assessment;
        let mut row = vec![name, g.respondents.to_string()];
        row.extend(figures(q, a, view.lang));
        row.push(
            g.discuss
                .iter()
                .map(|&i| q.questions[i].id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
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
                ch.id.clone(),
                ch.name.clone(),
                score(ch.before, 1),
                score(ch.after, 1),
                score(ch.delta(), 1),
            ])?;
        }
    }
    w.flush()
}
