//! The [`Prompter`] for a real terminal, built on dialoguer.

use console::{Style, Term};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Input, Select};

use super::prompt::{Action, PromptError, Prompter, QuestionView};
use super::room::{RoomPrompter, RoomView, Spread};
use crate::answers::Answer;
use crate::i18n::{fill, tr};
use crate::terminal_text::clean;

/// Asks questions on the terminal on stderr, keeping stdout for the result.
pub struct TerminalPrompter {
    term: Term,
    theme: ColorfulTheme,
    /// The question a room session last showed, so a re-prompt does not repeat it.
    room_question: Option<usize>,
    /// The language of the prompter's own words.
    lang: String,
}

impl std::fmt::Debug for TerminalPrompter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TerminalPrompter").finish_non_exhaustive()
    }
}

impl TerminalPrompter {
    /// A prompter that speaks `lang` (English for a language the catalogue lacks).
    pub fn new(lang: &str) -> Self {
        Self {
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
            room_question: None,
            lang: lang.to_owned(),
        }
    }
}

enum Choice {
    Option(usize),
    NotApplicable,
    Help,
    Back,
    Quit,
}

fn interrupted(term: &Term, e: std::io::Error) -> PromptError {
    let _ = term.show_cursor();
    if e.kind() == std::io::ErrorKind::Interrupted {
        PromptError::Interrupted
    } else {
        PromptError::Io(e)
    }
}

fn answer_text(a: Option<Answer>) -> String {
    match a {
        Some(Answer::Value(v)) => crate::answers::fmt_value(v),
        Some(Answer::NotApplicable) => "n".to_owned(),
        None => "?".to_owned(),
    }
}

impl TerminalPrompter {
    fn heading(&self, v: &QuestionView) -> std::io::Result<()> {
        let mut where_ = fill(
            &self.lang,
            "Question {n} of {total}",
            &[
                ("n", &v.number.to_string()),
                ("total", &v.total.to_string()),
            ],
        );
        for part in [&v.stage, &v.dimension].into_iter().flatten() {
            where_.push_str(" - ");
            where_.push_str(&clean(part, false));
        }
        self.term.write_line("")?;
        self.term
            .write_line(&Style::new().dim().apply_to(where_).to_string())?;
        self.write(
            &Style::new()
                .bold()
                .apply_to(clean(&v.text, false))
                .to_string(),
        )
    }

    fn write(&self, text: &str) -> std::io::Result<()> {
        let width = usize::from(self.term.size().1).clamp(40, 100);
        for line in textwrap::wrap(text, width) {
            self.term.write_line(&line)?;
        }
        Ok(())
    }
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, v: &QuestionView) -> Result<Action, PromptError> {
        let dim = Style::new().dim();
        self.heading(v)?;

        let mut show_help = false;
        loop {
            if show_help && let Some(help) = &v.help {
                self.write(&dim.apply_to(clean(help, false)).to_string())?;
            }
            let mut items = Vec::new();
            let mut choices = Vec::new();
            let mut default = 0;
            for (n, (value, label)) in v.options.iter().enumerate() {
                if v.current == Some(Answer::Value(*value)) {
                    default = items.len();
                }
                items.push(clean(label, false).into_owned());
                choices.push(Choice::Option(n));
            }
            if let Some(na) = &v.not_applicable {
                if v.current == Some(Answer::NotApplicable) {
                    default = items.len();
                }
                items.push(fill(
                    &self.lang,
                    "{label} (not applicable)",
                    &[("label", &clean(na, false))],
                ));
                choices.push(Choice::NotApplicable);
            }
            if v.help.is_some() && !show_help {
                items.push(tr(&self.lang, "? Show help for this question").to_owned());
                choices.push(Choice::Help);
            }
            if v.can_go_back {
                items.push(tr(&self.lang, "< Back to the previous question").to_owned());
                choices.push(Choice::Back);
            }
            items.push(tr(&self.lang, "Save and quit (resume later)").to_owned());
            choices.push(Choice::Quit);

            let picked = Select::with_theme(&self.theme)
                .with_prompt(tr(&self.lang, "Your answer"))
                .items(&items)
                .default(default)
                .interact_on_opt(&self.term);
            let picked = match picked {
                Ok(p) => p,
                Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
                    let _ = self.term.show_cursor();
                    return Err(PromptError::Interrupted);
                }
                Err(dialoguer::Error::IO(e)) => {
                    let _ = self.term.show_cursor();
                    return Err(PromptError::Io(e));
                }
            };
            return Ok(match picked.map(|i| &choices[i]) {
                Some(Choice::Option(n)) => Action::Choose(*n),
                Some(Choice::NotApplicable) => Action::NotApplicable,
                Some(Choice::Help) => {
                    show_help = true;
                    continue;
                }
                Some(Choice::Back) => Action::Back,
                Some(Choice::Quit) | None => Action::Quit,
            });
        }
    }

    fn note(
        &mut self,
        _: &QuestionView,
        current: Option<&str>,
    ) -> Result<Option<String>, PromptError> {
        let note: String = Input::with_theme(&self.theme)
            .with_prompt(tr(
                &self.lang,
                "Note (evidence or an example; Enter to skip)",
            ))
            .with_initial_text(clean(current.unwrap_or_default(), false))
            .allow_empty(true)
            .interact_text_on(&self.term)
            .map_err(|dialoguer::Error::IO(e)| {
                let _ = self.term.show_cursor();
                if e.kind() == std::io::ErrorKind::Interrupted {
                    PromptError::Interrupted
                } else {
                    PromptError::Io(e)
                }
            })?;
        let note = note.trim();
        Ok((!note.is_empty()).then(|| note.to_owned()))
    }
}
impl RoomPrompter for TerminalPrompter {
    fn read_line(
        &mut self,
        room: &RoomView,
        help: bool,
        problem: Option<&str>,
    ) -> Result<String, PromptError> {
        let v = &room.question;
        if self.room_question != Some(v.number) {
            self.room_question = Some(v.number);
            self.heading(v)?;
            let mut legend: Vec<String> = v
                .options
                .iter()
                .map(|(value, label)| {
                    format!(
                        "{} {}",
                        crate::answers::fmt_value(*value),
                        clean(label, false)
                    )
                })
                .collect();
            if let Some(na) = &v.not_applicable {
                legend.push(format!("n {}", clean(na, false)));
            }
            self.write(&Style::new().dim().apply_to(legend.join(" | ")).to_string())?;
        }
        if help && let Some(h) = &v.help {
            self.write(&Style::new().dim().apply_to(clean(h, false)).to_string())?;
        }
        if let Some(p) = problem {
            self.write(
                &Style::new()
                    .yellow()
                    .apply_to(format!("! {}", clean(p, false)))
                    .to_string(),
            )?;
        }
        let names: Vec<String> = room
            .participants
            .iter()
            .map(|n| clean(n, false).into_owned())
            .collect();
        let initial = if room.current.iter().all(Option::is_some) {
            room.current
                .iter()
                .map(|a| answer_text(*a))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            String::new()
        };
        Input::<String>::with_theme(&self.theme)
            .with_prompt(fill(
                &self.lang,
                "{names} (b back, ? help, q quit)",
                &[("names", &names.join(" "))],
            ))
            .with_initial_text(initial)
            .allow_empty(true)
            .interact_text_on(&self.term)
            .map_err(|dialoguer::Error::IO(e)| interrupted(&self.term, e))
    }

    fn show_spread(&mut self, room: &RoomView, s: &Spread) -> Result<(), PromptError> {
        let each: Vec<String> = room
            .participants
            .iter()
            .zip(&s.answers)
            .map(|(n, a)| format!("{} {}", clean(n, false), answer_text(Some(*a))))
            .collect();
        let mut line = format!("  {}", each.join(", "));
        if let (Some(m), Some(sd)) = (s.mean, s.sd) {
            let (mean, sd) = (format!("{m:.2}"), format!("{sd:.2}"));
            line.push_str(&format!(
                "  | {}",
                fill(
                    &self.lang,
                    "mean {mean}, sd {sd}",
                    &[("mean", &mean), ("sd", &sd)]
                )
            ));
        }
        let styled = if s.discuss {
            Style::new()
                .yellow()
                .apply_to(format!(
                    "{line}  | {}",
                    tr(&self.lang, "discuss: the room disagrees")
                ))
                .to_string()
        } else {
            Style::new().green().apply_to(line).to_string()
        };
        self.write(&styled)?;
        Ok(())
    }
}
