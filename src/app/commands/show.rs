//! `centricity show`: what a questionnaire holds, readably: stages, dimensions and every
//! question.

use std::io::Write;

use crate::answers::fmt_value;
use crate::app::failure::Exit;
use crate::app::inputs::load_questionnaire;
use crate::cli::ShowArgs;
use crate::i18n::{self, fill};
use crate::questionnaire::{Questionnaire, Text};
use crate::report::view::result::list_separator;
use crate::terminal_text::clean;

pub(crate) fn run(args: &ShowArgs) -> anyhow::Result<Exit> {
    let (q, _) = load_questionnaire(&args.questionnaire)?;
    let lang = crate::app::language::choose(args.common.lang.as_deref(), None, &q)?;
    let mut out = crate::app::sink::stdout();
    write!(out, "{}", render(&q, &lang))?;
    Ok(Exit::Success)
}

fn render(q: &Questionnaire, lang: &str) -> String {
    let tr = |t: &Text| clean(q.tr(t, lang), false).into_owned();
    let width = usize::from(crate::term_width::stdout());
    let wrap = |text: &str, indent: &str| {
        textwrap::fill(
            text,
            textwrap::Options::new(width)
                .initial_indent(indent)
                .subsequent_indent(indent),
        )
    };
    let mut s = String::new();
    let mut line = |text: String| {
        s.push_str(&text);
        s.push('\n');
    };
    line(fill(
        lang,
        "{label} ({questionnaire} {version})",
        &[
            ("label", &tr(&q.title)),
            ("questionnaire", &q.id),
            ("version", &q.version),
        ],
    ));
    if let Some(d) = &q.description {
        line(wrap(&tr(d), ""));
    }
    line(fill(
        lang,
        "Languages: {list}",
        &[("list", &q.languages.join(list_separator(lang)))],
    ));
    if let Some(target) = &q.mirror_of {
        line(wrap(
            &fill(
                lang,
                "Mirrors the questions of `{id}`: each statement names the ones it reflects.",
                &[("id", target)],
            ),
            "",
        ));
    }
    let sc = &q.scoring;
    let numbers = crate::report::number::Numbers::text(lang);
    if !q.stages.is_empty() {
        line(wrap(
            &fill(
                lang,
                "Scoring: a stage is reached at {threshold}% or more, with no item below {floor}% and at least {share}% of its items answered",
                &[
                    ("threshold", &numbers.plain(sc.stage_threshold)),
                    ("floor", &numbers.plain(sc.item_floor)),
                    ("share", &numbers.plain(sc.min_answered * 100.0)),
                ],
            ),
            "",
        ));
    }
    for scale in &q.scales {
        let options: Vec<String> = scale
            .options
            .iter()
            .map(|o| format!("{} {}", fmt_value(o.value), tr(&o.label)))
            .collect();
        let mut text = fill(
            lang,
            "Scale `{id}`: {options}",
            &[("id", &scale.id), ("options", &options.join(" / "))],
        );
        if let Some(dk) = &scale.dont_know {
            text.push_str(&format!(" / dk {}", tr(dk)));
        }
        if let Some(na) = &scale.not_applicable {
            text.push_str(&format!(" / n/a {}", tr(na)));
        }
        line(wrap(&text, ""));
        // The criterion of each option, when the scale gives them.
        for o in scale.options.iter().filter(|o| o.help.is_some()) {
            if let Some(help) = &o.help {
                line(wrap(
                    &format!(
                        "{} {}{}",
                        fmt_value(o.value),
                        fill(lang, "{name}: ", &[("name", &tr(&o.label))]),
                        tr(help)
                    ),
                    "  ",
                ));
            }
        }
    }
    if !q.dimensions.is_empty() {
        let dims: Vec<String> = q
            .dimensions
            .iter()
            .map(|d| {
                fill(
                    lang,
                    "{text} ({id})",
                    &[("text", &tr(&d.name)), ("id", &d.id)],
                )
            })
            .collect();
        line(wrap(
            &fill(
                lang,
                "Dimensions: {list}",
                &[("list", &dims.join(list_separator(lang)))],
            ),
            "",
        ));
    }
    let question = |line: &mut dyn FnMut(String), i: usize| {
        let x = &q.questions[i];
        let mut head = x.id.clone();
        if let Some(d) = x.dimension {
            head.push_str(&format!(" [{}]", q.dimensions[d].id));
        }
        if x.weight != 1.0 {
            head.push(' ');
            head.push_str(&fill(
                lang,
                "weight {w}",
                &[("w", &numbers.plain(x.weight))],
            ));
        }
        if x.reverse {
            head.push(' ');
            head.push_str(i18n::tr(lang, "(reverse-keyed)"));
        }
        line(format!("  {head}"));
        line(wrap(&tr(&x.text), "    "));
        if let Some(h) = &x.help {
            line(wrap(
                &fill(lang, "Help: {text}", &[("text", &tr(h))]),
                "    ",
            ));
        }
        if !x.mirrors.is_empty() {
            let ids: Vec<&str> = x.mirrors.iter().map(|m| m.id.as_str()).collect();
            line(wrap(
                &fill(
                    lang,
                    "mirrors {ids}",
                    &[("ids", &ids.join(list_separator(lang)))],
                ),
                "    ",
            ));
        }
    };
    for (n, stage) in q.stages.iter().enumerate() {
        line(String::new());
        line(fill(
            lang,
            "Stage {k} - {name} ({id}), threshold {threshold}%",
            &[
                ("k", &(n + 1).to_string()),
                ("name", &tr(&stage.name)),
                ("id", &stage.id),
                ("threshold", &numbers.plain(stage.threshold)),
            ],
        ));
        if let Some(t) = &stage.summary {
            line(wrap(&tr(t), "  "));
        }
        for i in q.stage_questions(n) {
            question(&mut line, i);
        }
    }
    if q.stages.is_empty() {
        line(String::new());
        line(i18n::tr(lang, "Questions").to_owned());
        for i in 0..q.questions.len() {
            question(&mut line, i);
        }
    }
    s
}
