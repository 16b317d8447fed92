//! The [`Prompter`] for a real terminal, built on dialoguer.

use console::{Style, Term};
use dialoguer::Select;
use dialoguer::theme::ColorfulTheme;

use super::prompt::{Action, PromptError, Prompter, QuestionView};
use crate::answers::Answer;
use crate::terminal_text::clean;

/// Asks questions on the terminal on stderr, keeping stdout for the result.
pub struct TerminalPrompter {
    term: Term,
    theme: ColorfulTheme,
}

impl std::fmt::Debug for TerminalPrompter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TerminalPrompter").finish_non_exhaustive()
    }
}

impl Default for TerminalPrompter {
    fn default() -> Self {
        Self {
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
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

impl TerminalPrompter {
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
        let bold = Style::new().bold();
        let mut where_ = format!("Question {} of {}", v.number, v.total);
        for part in [&v.stage, &v.dimension].into_iter().flatten() {
            where_.push_str(" - ");
            where_.push_str(&clean(part, false));
        }
        self.term.write_line("")?;
        self.term.write_line(&dim.apply_to(where_).to_string())?;
        self.write(&bold.apply_to(clean(&v.text, false)).to_string())?;

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
                items.push(format!("{} (not applicable)", clean(na, false)));
                choices.push(Choice::NotApplicable);
            }
            if v.help.is_some() && !show_help {
                items.push("? Show help for this question".to_owned());
                choices.push(Choice::Help);
            }
            if v.can_go_back {
                items.push("< Back to the previous question".to_owned());
                choices.push(Choice::Back);
            }
            items.push("Save and quit (resume later)".to_owned());
            choices.push(Choice::Quit);

            let picked = Select::with_theme(&self.theme)
                .with_prompt("Your answer")
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
}
