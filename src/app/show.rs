//! `centricity questionnaires` and `centricity show`: what a questionnaire holds, readably.

use std::io::Write;

use comfy_table::{ContentArrangement, Table, presets};

use super::failure::Exit;
use super::inputs::load_questionnaire;
use crate::answers::fmt_value;
use crate::cli::ShowArgs;
use crate::i18n::{self, fill};
use crate::questionnaire::{BUNDLED, Questionnaire, Text};
use crate::terminal_text::clean;

pub(crate) fn list() -> anyhow::Result<Exit> {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_HORIZONTAL_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(crate::term_width::stdout())
        .set_header(vec!["Id", "Version", "Questions", "Stages", "Title"]);
    for b in BUNDLED {
        let q = b.load()?;
        t.add_row(vec![
            q.id.clone(),
            q.version.clone(),
            q.questions.len().to_string(),
            q.stages.len().to_string(),
            q.tr(&q.title, q.default_language()).to_owned(),
        ]);
    }
    let mut out = super::sink::stdout();
    writeln!(out, "{t}")?;
    writeln!(
        out,
        "Show one with `centricity show ID`; use your own with a file path instead of an id."
    )?;
    Ok(Exit::Success)
}

pub(crate) fn show(args: &ShowArgs) -> anyhow::Result<Exit> {
    let (q, _) = load_questionnaire(&args.questionnaire)?;
    super::language::requested(args.common.lang.as_deref(), &q)?;
    let lang = super::language::language(args.common.lang.as_deref(), None, &q).to_owned();
    let mut out = super::sink::stdout();
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
    line(format!("{} ({} {})", tr(&q.title), q.id, q.version));
    if let Some(d) = &q.description {
        line(wrap(&tr(d), ""));
    }
    line(fill(
        lang,
        "Languages: {list}",
        &[("list", &q.languages.join(", "))],
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
        if let Some(na) = &scale.not_applicable {
            text.push_str(&format!(" / n/a {}", tr(na)));
        }
        line(wrap(&text, ""));
    }
    if !q.dimensions.is_empty() {
        let dims: Vec<String> = q
            .dimensions
            .iter()
            .map(|d| format!("{} ({})", tr(&d.name), d.id))
            .collect();
        line(wrap(
            &fill(lang, "Dimensions: {list}", &[("list", &dims.join(", "))]),
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
                &fill(lang, "mirrors {ids}", &[("ids", &ids.join(", "))]),
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

/// `centricity new FILE`: a questionnaire to start from, written atomically, never replacing a
/// file unless `force`.
pub(crate) fn new_questionnaire(file: &std::path::Path, force: bool) -> anyhow::Result<Exit> {
    super::sink::check_output(file, force, &[])?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let id: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let id = id.trim_matches('-');
    let id = if id.is_empty() {
        "my-questionnaire"
    } else {
        id
    };
    // The schema goes beside the questionnaire, where the `#:schema` line finds it.
    let schema_name = "questionnaire.schema.json";
    let text = crate::questionnaire::scaffold(id, schema_name);
    let write = |path: &std::path::Path, bytes: &[u8]| {
        crate::output_file::write_atomically(path, bytes).map_err(|e| {
            super::failure::Failure::invalid(format!("cannot write {}: {e}", path.display()))
        })
    };
    write(file, text.as_bytes())?;
    let mut out = super::sink::stdout();
    writeln!(out, "Wrote {} (questionnaire `{id}`).", file.display())?;
    let schema_path = file.with_file_name(schema_name);
    if !schema_path.exists() {
        write(
            &schema_path,
            crate::schema::schema(crate::schema::SchemaKind::Questionnaire).as_bytes(),
        )?;
        writeln!(
            out,
            "Wrote {} for editors that check TOML against a schema.",
            schema_path.display()
        )?;
    }
    writeln!(
        out,
        "Check it with `centricity validate {0}`, try it with `centricity run {0}`.",
        file.display()
    )?;
    Ok(Exit::Success)
}
