//! The [`Prompter`] for a real terminal: answers on a [`Menu`] of single keys, notes on
//! dialoguer's input line.

use console::{Style, Term};
use dialoguer::Input;
use dialoguer::theme::{ColorfulTheme, Theme};

use super::menu::{Item, Menu};
use super::prompt::{Action, PromptError, Prompter, QuestionView, ReviewAction, ReviewLine};
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
    /// The room's last prompt, to confirm the line read at it.
    room_prompt: String,
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
            room_prompt: String::new(),
        }
    }
}

/// What an item of the answer menu does.
#[derive(Debug, Clone, Copy)]
enum Choice {
    Option(usize),
    NotApplicable,
    DontKnow,
    Help,
    Back,
    Quit,
}

/// The option keys: `1`-`9` for the first nine options.
fn option_key(n: usize) -> Option<char> {
    u32::try_from(n + 1)
        .ok()
        .filter(|k| *k <= 9)
        .and_then(|k| char::from_digit(k, 10))
}

/// Below this many rows the blank line between questions is left out, to keep the question in
/// sight above its menu.
const ROOMY: u16 = 20;

fn interrupted(term: &Term, e: std::io::Error) -> PromptError {
    let _ = term.show_cursor();
    if e.kind() == std::io::ErrorKind::Interrupted {
        PromptError::Interrupted
    } else {
        PromptError::Io(e)
    }
}

/// The not-applicable answer as the survey names it. On a scale whose one excluded answer is
/// labelled otherwise ("Don't know"), the label is glossed "(not applicable)"; on a scale that
/// has a "don't know" answer of its own, the not-applicable label says it alone.
fn not_applicable_label(lang: &str, label: &str, separate_dont_know: bool) -> String {
    if separate_dont_know {
        label.to_owned()
    } else {
        fill(lang, "{label} (not applicable)", &[("label", label)])
    }
}

fn answer_text(a: Option<Answer>) -> String {
    match a {
        Some(Answer::Value(v)) => crate::answers::fmt_value(v),
        Some(Answer::NotApplicable) => "n".to_owned(),
        Some(Answer::DontKnow) => "d".to_owned(),
        None => "?".to_owned(),
    }
}

impl TerminalPrompter {
    /// Draws the question's heading and text; returns how many lines must stay in sight.
    fn heading(&self, v: &QuestionView) -> std::io::Result<usize> {
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
        if self
            .term
            .size_checked()
            .is_none_or(|(rows, _)| rows >= ROOMY)
        {
            self.term.write_line("")?;
        }
        let heading = self.write_styled(&where_, &Style::new().dim())?;
        let text = self.write_styled(&clean(&v.text, false), &Style::new().bold())?;
        Ok(heading + text)
    }

    /// Draws what dialoguer draws when a prompt is confirmed (`✔ prompt · value`). The prompts
    /// do not draw it themselves, so that an answer is marked only once it is saved.
    fn confirm(&self, prompt: &str, value: &str) -> std::io::Result<()> {
        let mut line = String::new();
        let _ = self
            .theme
            .format_input_prompt_selection(&mut line, prompt, value);
        let width = usize::from(crate::term_width::of(&self.term));
        self.term
            .write_line(&console::truncate_str(&line, width, "…"))
    }

    /// Writes `text` (styled already) wrapped to the terminal's width.
    fn write(&self, text: &str) -> std::io::Result<()> {
        let width = usize::from(crate::term_width::of(&self.term));
        for line in super::menu::wrap(text, width) {
            self.term.write_line(&line)?;
        }
        Ok(())
    }

    /// Writes `text` wrapped to the terminal's width, each line in `style`; returns how many
    /// lines it took.
    fn write_styled(&self, text: &str, style: &Style) -> std::io::Result<usize> {
        let width = usize::from(crate::term_width::of(&self.term));
        let lines = super::menu::wrap(text, width);
        for line in &lines {
            self.term.write_line(&style.apply_to(line).to_string())?;
        }
        Ok(lines.len())
    }

    /// The menu of answers to `v`, and what each of its items does.
    fn answer_menu(&self, v: &QuestionView, help_shown: bool) -> (Menu, Vec<Choice>) {
        let lang = self.lang.as_str();
        let mut items = Vec::new();
        let mut choices = Vec::new();
        let mut cursor = 0;
        for (n, (value, label)) in v.options.iter().enumerate() {
            if v.current == Some(Answer::Value(*value)) {
                cursor = items.len();
            }
            items.push(Item::new(option_key(n), clean(label, false)));
            choices.push(Choice::Option(n));
        }
        let mut legend = Vec::new();
        if !v.options.is_empty() {
            let keys = match v.options.len() {
                1 => "1".to_owned(),
                n => format!("1-{}", n.min(9)),
            };
            legend.push(fill(lang, "{keys} answer", &[("keys", &keys)]));
        }
        let mut aliases = Vec::new();
        if let Some(dk) = &v.dont_know {
            if v.current == Some(Answer::DontKnow) {
                cursor = items.len();
            }
            let dk = clean(dk, false);
            items.push(Item::new(Some('d'), dk.clone()).short(format!("d {dk}")));
            choices.push(Choice::DontKnow);
            legend.push(fill(lang, "{keys} don't know", &[("keys", "d")]));
        }
        if let Some(na) = &v.not_applicable {
            if v.current == Some(Answer::NotApplicable) {
                cursor = items.len();
            }
            let na = clean(na, false);
            aliases.push(('0', items.len()));
            items.push(
                Item::new(
                    Some('n'),
                    not_applicable_label(lang, &na, v.dont_know.is_some()),
                )
                .short(format!("n {na}")),
            );
            choices.push(Choice::NotApplicable);
            legend.push(fill(lang, "{keys} not applicable", &[("keys", "n/0")]));
        }
        if v.help.is_some() && !help_shown {
            items.push(
                Item::new(Some('?'), tr(lang, "Show help for this question"))
                    .short(tr(lang, "? help")),
            );
            choices.push(Choice::Help);
            legend.push(tr(lang, "? help").to_owned());
        }
        if v.can_go_back {
            let back = if v.reviewing {
                tr(lang, "Back to the list of answers")
            } else {
                tr(lang, "Back to the previous question")
            };
            items.push(Item::new(Some('b'), back).short(tr(lang, "b back")));
            choices.push(Choice::Back);
            legend.push(tr(lang, "b back").to_owned());
        }
        let quit = items.len();
        items.push(
            Item::new(Some('q'), tr(lang, "Save and quit (resume later)"))
                .short(tr(lang, "q save and quit")),
        );
        choices.push(Choice::Quit);
        legend.push(tr(lang, "q save and quit").to_owned());
        let menu = Menu {
            prompt: tr(lang, "Your answer").to_owned(),
            items,
            aliases,
            escape: Some(quit),
            legend,
            moves: tr(lang, "↑↓ move, Enter choose").to_owned(),
            scrolls: false,
            cursor,
        };
        (menu, choices)
    }
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, v: &QuestionView) -> Result<Action, PromptError> {
        let mut above = self.heading(v)?;
        let mut help_shown = false;
        loop {
            let (mut menu, choices) = self.answer_menu(v, help_shown);
            let picked = menu
                .pick(&self.term, above)
                .map_err(|e| interrupted(&self.term, e))?;
            // An answer is confirmed by `saved`, once on disk; help, back and quit leave no
            // line that could read as an answer.
            return Ok(match choices[picked] {
                Choice::Option(n) => Action::Choose(n),
                Choice::NotApplicable => Action::NotApplicable,
                Choice::DontKnow => Action::DontKnow,
                Choice::Help => {
                    help_shown = true;
                    if let Some(help) = &v.help {
                        above += self.write_styled(&clean(help, true), &Style::new().dim())?;
                    }
                    continue;
                }
                Choice::Back => Action::Back,
                Choice::Quit => Action::Quit,
            });
        }
    }

    fn review(
        &mut self,
        lines: &[ReviewLine],
        at: Option<usize>,
    ) -> Result<ReviewAction, PromptError> {
        let lang = self.lang.as_str();
        let complete = lines.iter().all(|l| l.answer.is_some());
        let not_answered = tr(lang, "not answered");
        let mut items = vec![Item::new(
            None,
            if complete {
                tr(lang, "Finish: show the result")
            } else {
                tr(lang, "Go on with the unanswered questions")
            },
        )];
        let digits = lines.len().to_string().len();
        // A line answered "don't know" shows the scale has both answers: "not applicable" then
        // needs no gloss.
        let separate_dont_know = lines.iter().any(|l| l.answer == Some(Answer::DontKnow));
        for l in lines {
            let answer = match (&l.answer, &l.label) {
                (Some(Answer::NotApplicable), label) => not_applicable_label(
                    lang,
                    &clean(label.as_deref().unwrap_or("n/a"), false),
                    separate_dont_know,
                ),
                (Some(Answer::DontKnow), label) => {
                    clean(label.as_deref().unwrap_or("dk"), false).into_owned()
                }
                (Some(Answer::Value(_)), Some(label)) => clean(label, false).into_owned(),
                (Some(Answer::Value(v)), None) => crate::answers::fmt_value(*v),
                (None, _) => format!("({not_answered})"),
            };
            items.push(Item::new(
                None,
                format!(
                    "{:>digits$}. {answer} · {}",
                    l.number,
                    clean(&l.text, false)
                ),
            ));
        }
        self.term.write_line("")?;
        let above = self.write_styled(
            tr(lang, "Your answers: choose one to change it, or finish."),
            &Style::new().bold(),
        )?;
        let mut menu = Menu {
            prompt: tr(lang, "Review").to_owned(),
            items,
            aliases: Vec::new(),
            escape: Some(0),
            legend: Vec::new(),
            moves: tr(lang, "↑↓ move, Enter choose").to_owned(),
            scrolls: true,
            cursor: at.map_or(0, |i| i + 1),
        };
        // Finished answers have nothing left to save: q finishes. Unfinished ones can stop here.
        let quit = if complete {
            menu.aliases.push(('q', 0));
            menu.legend.push(tr(lang, "q finish").to_owned());
            None
        } else {
            let quit = menu.items.len();
            menu.items
                .push(Item::new(None, tr(lang, "Save and quit (resume later)")));
            menu.aliases.push(('q', quit));
            menu.escape = Some(quit);
            menu.legend.push(tr(lang, "q save and quit").to_owned());
            Some(quit)
        };
        let picked = menu
            .pick(&self.term, above)
            .map_err(|e| interrupted(&self.term, e))?;
        // The list is redrawn after every change: its heading is not left behind each time.
        self.term.clear_last_lines(above + 1)?;
        Ok(match picked {
            0 => ReviewAction::Finish,
            i if Some(i) == quit => ReviewAction::Quit,
            i => ReviewAction::Change(i - 1),
        })
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
            .report(false)
            .interact_text_on(&self.term)
            .map_err(|dialoguer::Error::IO(e)| interrupted(&self.term, e))?;
        let note = note.trim();
        Ok((!note.is_empty()).then(|| note.to_owned()))
    }

    fn saved(&mut self, v: &QuestionView, answer: Answer) -> Result<(), PromptError> {
        let label = match answer {
            Answer::Value(value) => v
                .options
                .iter()
                .find(|(x, _)| *x == value)
                .map(|(_, label)| clean(label, false).into_owned())
                .unwrap_or_else(|| crate::answers::fmt_value(value)),
            Answer::NotApplicable => not_applicable_label(
                &self.lang,
                &clean(v.not_applicable.as_deref().unwrap_or("n/a"), false),
                v.dont_know.is_some(),
            ),
            Answer::DontKnow => clean(v.dont_know.as_deref().unwrap_or("dk"), false).into_owned(),
        };
        self.confirm(tr(&self.lang, "Your answer"), &label)?;
        Ok(())
    }

    fn noted(&mut self, note: Option<&str>) -> Result<(), PromptError> {
        self.confirm(
            tr(&self.lang, "Note (evidence or an example; Enter to skip)"),
            &clean(note.unwrap_or_default(), false),
        )?;
        Ok(())
    }

    fn not_saved(&mut self, why: &std::io::Error) -> Result<(), PromptError> {
        let why = why.to_string();
        let text = format!(
            "! {}",
            fill(
                &self.lang,
                "Not saved: {why}. The answer is kept: fix the problem and give it again to save it.",
                &[("why", &clean(&why, false))],
            )
        );
        self.write_styled(&text, &Style::new().yellow())?;
        Ok(())
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
            if let Some(dk) = &v.dont_know {
                legend.push(format!("d {}", clean(dk, false)));
            }
            if let Some(na) = &v.not_applicable {
                legend.push(format!("n {}", clean(na, false)));
            }
            let width = usize::from(self.term.size().1).clamp(40, 100);
            for line in legend_lines(&legend, width) {
                self.term
                    .write_line(&Style::new().dim().apply_to(line).to_string())?;
            }
        }
        if help && let Some(h) = &v.help {
            self.write(&Style::new().dim().apply_to(clean(h, false)).to_string())?;
        }
        self.room_problem(problem)?;
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
        self.room_prompt = fill(
            &self.lang,
            "{names} (b back, ? help, q quit)",
            &[("names", &names.join(" "))],
        );
        self.room_input(initial)
    }

    fn taken(&mut self, line: &str) -> Result<(), PromptError> {
        self.confirm(&self.room_prompt, line)?;
        Ok(())
    }

    fn refused(&mut self, line: &str) -> Result<(), PromptError> {
        // What was typed stays in view, marked as refused, for the reason that follows.
        let t = &self.theme;
        let line = format!(
            "{} {} {} {}",
            t.error_prefix,
            t.prompt_style.apply_to(&self.room_prompt),
            t.success_suffix,
            t.error_style.apply_to(clean(line, false))
        );
        self.term.write_line(&line)?;
        Ok(())
    }

    fn read_note(
        &mut self,
        room: &RoomView,
        notes: &[Option<String>],
        first: bool,
        problem: Option<&str>,
    ) -> Result<String, PromptError> {
        if first {
            // Notes given earlier (before going back, or before a resume), to change or keep.
            for (name, note) in room.participants.iter().zip(notes) {
                if let Some(note) = note {
                    let line = format!("  {}: {}", clean(name, false), clean(note, false));
                    self.write(&Style::new().dim().apply_to(line).to_string())?;
                }
            }
        }
        self.room_problem(problem)?;
        tr(&self.lang, "Note (name: text; Enter to go on)").clone_into(&mut self.room_prompt);
        self.room_input(String::new())
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
            let n = crate::report::number::Numbers::text(&self.lang);
            let (mean, sd) = (n.points(Some(m)), n.points(Some(sd)));
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

impl TerminalPrompter {
    /// Shows why the room's last line was refused.
    fn room_problem(&self, problem: Option<&str>) -> Result<(), PromptError> {
        if let Some(p) = problem {
            self.write(
                &Style::new()
                    .yellow()
                    .apply_to(format!("! {}", clean(p, false)))
                    .to_string(),
            )?;
        }
        Ok(())
    }

    /// Reads one line at the room's current prompt, starting from `initial`.
    fn room_input(&self, initial: String) -> Result<String, PromptError> {
        Input::<String>::with_theme(&self.theme)
            .with_prompt(&self.room_prompt)
            .with_initial_text(initial)
            .allow_empty(true)
            .report(false)
            .interact_text_on(&self.term)
            .map_err(|dialoguer::Error::IO(e)| interrupted(&self.term, e))
    }
}

/// The entries of a scale's legend (`4 Agree`, `n Don't know`) joined by ` | ` into lines of at
/// most `width` columns, broken only between entries so that none is split across two lines.
/// An entry wider than `width` has a line of its own.
fn legend_lines(entries: &[String], width: usize) -> Vec<String> {
    const SEPARATOR: &str = " | ";
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for entry in entries {
        if !current.is_empty()
            && console::measure_text_width(&current)
                + SEPARATOR.len()
                + console::measure_text_width(entry)
                > width
        {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push_str(SEPARATOR);
        }
        current.push_str(entry);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(list: &[&str]) -> Vec<String> {
        list.iter().map(|e| (*e).to_owned()).collect()
    }

    #[test]
    fn the_legend_breaks_between_entries_never_inside_one() {
        let legend = entries(&[
            "1 Strongly disagree",
            "2 Disagree",
            "3 Neither agree nor disagree",
            "4 Agree",
            "5 Strongly agree",
            "n Don't know",
        ]);
        let wide = legend_lines(&legend, 120);
        assert_eq!(wide.len(), 1, "{wide:?}");
        assert_eq!(
            legend_lines(&legend, 100),
            [
                "1 Strongly disagree | 2 Disagree | 3 Neither agree nor disagree | 4 Agree | 5 \
                 Strongly agree",
                "n Don't know"
            ]
        );
        let narrow = legend_lines(&legend, 40);
        assert_eq!(
            narrow,
            [
                "1 Strongly disagree | 2 Disagree",
                "3 Neither agree nor disagree | 4 Agree",
                "5 Strongly agree | n Don't know"
            ]
        );
        assert!(narrow.iter().all(|l| l.chars().count() <= 40), "{narrow:?}");
    }

    #[test]
    fn a_legend_entry_wider_than_the_line_has_a_line_of_its_own() {
        let legend = entries(&[
            "1 No",
            "2 A label far longer than the line is wide",
            "3 Yes",
        ]);
        assert_eq!(
            legend_lines(&legend, 20),
            [
                "1 No",
                "2 A label far longer than the line is wide",
                "3 Yes"
            ]
        );
        assert!(legend_lines(&[], 20).is_empty());
    }

    #[test]
    fn wide_characters_count_twice() {
        // Each Chinese character takes two columns: 6 + 3 + 8 = 17 columns, over 16 (counted
        // as characters they would be 12).
        let legend = entries(&["1 同意", "2 很同意"]);
        assert_eq!(legend_lines(&legend, 16), ["1 同意", "2 很同意"]);
        assert_eq!(legend_lines(&legend, 17), ["1 同意 | 2 很同意"]);
    }
}
