//! `centricity summarize`: the group result of many respondents (rule 7), with the spread of
//! answers, the items the room disagrees on, and an optional breakdown by a metadata field.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::failure::{Exit, Failure};
use super::group_input::read_group;
use super::records::CsvOptions;
use super::score::Questionnaires;
use super::sink::Sink;
use crate::answers::{Metadata, Response};
use crate::cli::SummarizeArgs;
use crate::questionnaire::Questionnaire;
use crate::report::{self, GroupView};
use crate::scoring::{Assessment, GroupAccumulator, GroupResult, ScoreOptions, assess};

/// Respondents folded into the whole group and, with `--by`, into one group per value.
pub(crate) struct Groups {
    pub(crate) all: GroupAccumulator,
    pub(crate) by: BTreeMap<String, GroupAccumulator>,
    field: Option<String>,
    options: ScoreOptions,
}

impl Groups {
    pub(crate) fn new(q: &Questionnaire, field: Option<&str>, options: ScoreOptions) -> Self {
        Self {
            all: GroupAccumulator::new(q),
            by: BTreeMap::new(),
            field: field.map(str::to_owned),
            options,
        }
    }

    pub(crate) fn add(&mut self, q: &Questionnaire, response: &Response) {
        let individual = assess(
            q,
            response,
            ScoreOptions {
                max_recommendations: 0,
            },
        );
        self.add_assessed(q, response, &individual);
    }

    /// Adds a respondent whose own result is already computed.
    pub(crate) fn add_assessed(
        &mut self,
        q: &Questionnaire,
        response: &Response,
        individual: &Assessment,
    ) {
        self.all.add(response, individual);
        if let Some(field) = &self.field {
            let value = response
                .meta
                .get(field)
                .map_or_else(|| "(none)".to_owned(), str::to_owned);
            self.by
                .entry(value)
                .or_insert_with(|| GroupAccumulator::new(q))
                .add(response, individual);
        }
    }

    /// The group results, labelled in `lang`.
    pub(crate) fn finish(
        self,
        q: &Questionnaire,
        lang: &str,
    ) -> (GroupResult, Vec<(String, GroupResult)>) {
        let label = |n: usize| Metadata {
            respondent: Some(crate::i18n::fill(
                lang,
                "group of {n} respondents",
                &[("n", &n.to_string())],
            )),
            ..Metadata::default()
        };
        let n = self.all.respondents();
        let all = self.all.finish(q, label(n), self.options);
        let by = self
            .by
            .into_iter()
            .map(|(name, acc)| {
                let n = acc.respondents();
                (name, acc.finish(q, label(n), self.options))
            })
            .collect();
        (all, by)
    }
}

pub(crate) fn summarize(args: &SummarizeArgs) -> anyhow::Result<Exit> {
    let format = super::sink::output_format(&args.read.out)?;
    let mut questionnaires = Questionnaires::new(args.read.questionnaire.as_deref())?;
    let lang_flag = args.read.common.lang.as_deref();
    if let Some(q) = questionnaires.forced() {
        super::language::requested(lang_flag, q)?;
    }
    let options = ScoreOptions {
        max_recommendations: args.read.top,
    };
    let csv = CsvOptions::from_args(&args.read.csv)?;
    let mut read: Vec<&Path> = args.read.inputs.iter().map(PathBuf::as_path).collect();
    read.extend(args.read.questionnaire.as_deref().map(Path::new));
    read.extend(args.read.csv.map.as_deref());
    let mut sink = Sink::open(
        args.read.out.output.as_deref(),
        args.read.out.force,
        false,
        &read,
    )?;
    let (state, invalid) = read_group(
        &args.read.inputs,
        &mut questionnaires,
        &csv,
        args.by.as_deref(),
        options,
    )?;
    let Some((q, groups)) = state else {
        return Err(Failure::invalid("no valid answers to summarize")
            .hint("name answer files or folders of them")
            .into());
    };
    super::language::requested(lang_flag, &q)?;
    let lang = super::language::language(lang_flag, None, &q).to_owned();
    let (all, by) = groups.finish(&q, &lang);
    // What was summarized, as given: the group's own line already counts the respondents.
    let names: Vec<String> = args
        .read
        .inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let source = match names.len() {
        0..=3 => names.join(", "),
        n => format!("{}, {} and {} more", names[0], names[1], n - 2),
    };
    let view = GroupView {
        questionnaire: &q,
        all: &all,
        source: &source,
        by: args.by.as_deref().map(|f| {
            report::Breakdown::new(
                f,
                by.iter().map(|(n, g)| (n.clone(), g)).collect(),
                args.min_group,
            )
        }),
        warnings: &[],
        lang: &lang,
    };
    let width = sink.width();
    report::render_group(
        format,
        &mut sink,
        &view,
        width,
        &super::report_identity::identity(&args.read.out),
    )?;
    sink.finish()?;
    Ok(if invalid {
        Exit::Invalid
    } else {
        Exit::Success
    })
}
