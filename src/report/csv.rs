//! CSV output: one row per respondent with metadata, placement, index and every score.
//! Scores are rounded to one decimal and the index to two, as the pandas reference does.

use std::io::{self, Write};

use super::{Renderer, Scored, placement_name, round};

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
                header.extend(
                    ["placement", "placement_name", "index"]
                        .iter()
                        .map(|h| (*h).to_owned()),
                );
                header.extend(q.stages.iter().map(|st| format!("stage.{}", st.id)));
                header.extend(q.dimensions.iter().map(|d| format!("dimension.{}", d.id)));
                header.push("overall".into());
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
        if q.stages.is_empty() {
            row.extend([String::new(), String::new(), String::new()]);
        } else {
            row.push(a.placement.to_string());
            row.push(placement_name(q, a.placement, s.lang).to_owned());
            row.push(score(a.index, 2));
        }
        row.extend(a.stages.iter().map(|st| score(st.area.score, 1)));
        row.extend(a.dimensions.iter().map(|d| score(d.score, 1)));
        row.push(score(a.overall.score, 1));
        w.write_record(&row)?;
        w.flush()
    }
}
