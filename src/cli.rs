//! The command line (clap types only; `app` runs them).

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Arg, Args, Parser, Subcommand, ValueEnum};

use crate::report::Format;

/// Where does your organisation stand on the customer-centric journey?
///
/// centricity asks a maturity questionnaire in the terminal (or scores answer files), places the
/// organisation on Bob Thompson's four stages (customer-focused, customer-driven,
/// customer-engaged, customer-inspired) and says what to do next.
#[derive(Debug, Parser)]
#[command(name = "centricity", version, about, long_about, max_term_width = 100)]
#[command(after_help = "Start with `centricity run` to take the bundled assessment.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Take the survey interactively and see where you stand
    #[command(
        after_help = "Keys: 1-5 choose the answer at that position (up to 9), n or 0 not applicable,\n\
        ? help, b back, q or Esc save and quit; arrows or j/k move, Enter chooses. The\n\
        menu stops at its first and last items: nothing wraps around to quit.\n\
        After the last question the answers are listed for review: change any, then\n\
        finish. `--resume FILE --review` opens that list again later.\n\
        Answers are saved after every question; Ctrl-C keeps them too."
    )]
    Run(RunArgs),
    /// Run a workshop on the participants' own phones: a local web page to answer, the room's
    /// results in this terminal
    #[command(
        after_help = "Participants on the same network open the address shown (or scan the QR code), type the
        join code and answer on their phone. Facilitator-paced keys: Enter or n next, b back,
        r reveal, v re-vote, 2 second round on the items the room disagrees on, g group
        result, e end. Self-paced keys: g group result, 2 second round, e end.
        Every answer is saved in the session folder as it is given; Ctrl-C stops, and
        --resume FOLDER continues with everyone able to go on where they were."
    )]
    Room(RoomArgs),
    /// Score answer files (or folders of them) and print each placement
    #[command(mut_arg("format", score_formats))]
    Score(ScoreArgs),
    /// Group result of many respondents: placement, spread, items the room disagrees on
    #[command(alias = "summarise")]
    #[command(
        mut_arg("format", summarize_formats),
        mut_arg("lang", lang_without_answers)
    )]
    Summarize(SummarizeArgs),
    /// What changed between two results: placement, index, stages, dimensions, items
    #[command(
        mut_arg("format", compare_formats),
        after_help = "Between two groups, the report counts the respondents on each side and on both (matched by\n\
        respondent id), and a bootstrap over respondents (2000 resamples of each side, fixed seed)\n\
        gives a 95% interval for the change in the index and each stage score: a change whose\n\
        interval holds zero is reported as within noise."
    )]
    Compare(CompareArgs),
    /// Teams over time: placement, index, stages and dimensions across two or more periods
    #[command(
        mut_arg("format", trend_formats),
        after_help = "Each period is an answer file, a folder of them or a CSV export (a group), or a result saved\n\
        by --format json; periods on different questionnaire versions are compared on the items\n\
        they share. For groups, a bootstrap over respondents (2000 resamples of each period's\n\
        respondents, fixed seed) gives a 95% interval for each change in the index and the stage\n\
        scores: a change whose interval holds zero is reported as within noise."
    )]
    Trend(TrendArgs),
    /// Plans: draft one from a result's recommendations
    #[command(subcommand)]
    Plan(PlanCommand),
    /// The perception gap: what the organisation believes set against what customers experience
    #[command(
        after_help = "INTERNAL is usually a workshop folder answered with the default questionnaire; CUSTOMER a\n\
        CSV export of the bundled customer-view questionnaire, run with any survey tool. A gap is\n\
        internal minus customer, in points; 10 points or more is a blind spot."
    )]
    #[command(mut_arg("format", gap_formats), mut_arg("lang", lang_without_answers))]
    Gap(GapArgs),
    /// Show how a survey tool's export is read, as a draft map file to check and adjust
    #[command(
        after_help = "Prints TOML: every column with the question it was matched to and how (id, text, alias),\n\
        the columns kept as metadata, and the answer codes seen. Save it, adjust it, and pass it\n\
        to score, summarize, compare or gap with --map FILE."
    )]
    Map(MapArgs),
    /// Write a questionnaire for a survey tool to import (Qualtrics, LimeSurvey, SurveyJS)
    #[command(
        after_help = "The tool's response export of a survey built from this file names every column by its\n\
        question id and codes the scale as the questionnaire does, so it scores without a map."
    )]
    Export(ExportArgs),
    /// Check questionnaires, answer files and plans, reporting every problem with file:line:column
    Validate(ValidateArgs),
    /// List the bundled questionnaires
    Questionnaires,
    /// Print a questionnaire readably: stages, dimensions and every question
    #[command(mut_arg("lang", lang_without_answers))]
    Show(ShowArgs),
    /// Write a new questionnaire (or with --plan, a plan) to FILE: valid as written, every field explained
    New {
        /// Where to write it (never replaced unless --force)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
        /// Write a plan file (target and actions, for --plan) instead of a questionnaire
        #[arg(long)]
        plan: bool,
    },
    /// Print the JSON Schema of the questionnaire, answer-file or plan format, or of score's or trend's JSON
    Schema {
        #[arg(value_enum, default_value = "questionnaire")]
        kind: crate::schema::SchemaKind,
    },
    /// Print a completion script for a shell (bash, zsh, fish, powershell, elvish)
    #[command(
        after_help = "Bash: centricity completions bash > ~/.local/share/bash-completion/completions/centricity\n\
        Zsh: centricity completions zsh > ~/.zfunc/_centricity (with ~/.zfunc in fpath)\n\
        Fish: centricity completions fish > ~/.config/fish/completions/centricity.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command with --dir
    #[command(
        after_help = "`centricity man > centricity.1` prints the main page; `centricity man --dir DIR` writes it\n\
        with a page per command (centricity-run.1, centricity-score.1, ...), which it refers to."
    )]
    Man {
        /// Write centricity.1 and a page per command (centricity-run.1, ...) into DIR
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Replace pages that exist in DIR
        #[arg(long, requires = "dir")]
        force: bool,
    },
}

impl Command {
    /// The options shared by the commands that show texts (`--lang`, `--ascii`); `None` for
    /// those that take none of them.
    pub fn common(&self) -> Option<&Common> {
        match self {
            Self::Run(a) => Some(&a.common),
            Self::Room(a) => Some(&a.common),
            Self::Score(a) => Some(&a.common),
            Self::Summarize(a) => Some(&a.read.common),
            Self::Compare(a) => Some(&a.common),
            Self::Trend(a) => Some(&a.common),
            Self::Gap(a) => Some(&a.common),
            Self::Show(a) => Some(&a.common),
            Self::Map(_)
            | Self::Export(_)
            | Self::Validate(_)
            | Self::Questionnaires
            | Self::Plan(_)
            | Self::New { .. }
            | Self::Schema { .. }
            | Self::Completions { .. }
            | Self::Man { .. } => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Questionnaire file or bundled id [default: customer-centricity]
    #[arg(value_name = "QUESTIONNAIRE")]
    pub questionnaire: Option<String>,
    /// Your name (or a code) as the respondent
    #[arg(long)]
    pub respondent: Option<String>,
    /// Your role, kept with the answers for grouping (`summarize --by role`); in a facilitated
    /// session, that of participants given none
    #[arg(long)]
    pub role: Option<String>,
    /// Your team, kept like --role (`summarize --by team`)
    #[arg(long)]
    pub team: Option<String>,
    /// Where to save the answers [default: a new file named after the respondent and date; for
    /// a facilitated session, a new folder workshop-DATE]
    #[arg(long, short, value_name = "FILE", conflicts_with = "resume")]
    pub output: Option<PathBuf>,
    /// Continue an unfinished survey saved in FILE (or a facilitated session's FOLDER)
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// With --resume FILE: open the list of answers first, to change any (finished or not)
    #[arg(long, requires = "resume", conflicts_with = "participants")]
    pub review: bool,
    /// Replace the output file if it exists
    #[arg(long)]
    pub force: bool,
    /// Ask for an optional note (evidence, an example) after each answer; in a facilitated
    /// session, take `NAME: text` lines after each question. Kept for --resume
    #[arg(long)]
    pub notes: bool,
    /// Run a facilitated session for a room: a number of participants, their names with an
    /// optional role and team ("Ana:Sales:North,Ben:Service,Chloé"), or @FILE (a CSV file with
    /// the columns name, role, team); each question takes one line of answers, one per
    /// participant, and every participant's answers are saved in the --output folder
    #[arg(long, value_name = "N|NAMES|@FILE", conflicts_with = "respondent")]
    pub participants: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct RoomArgs {
    /// Questionnaire file or bundled id [default: customer-centricity]
    #[arg(long, short, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,
    /// The session folder, one answer file per participant [default: a new folder room-DATE]
    #[arg(long, short, value_name = "FOLDER", conflicts_with = "resume")]
    pub output: Option<PathBuf>,
    /// Continue a session saved in FOLDER; participants go on where they were
    #[arg(long, value_name = "FOLDER")]
    pub resume: Option<PathBuf>,
    /// Who sets the pace: the facilitator, one question at a time, or each participant
    #[arg(long, value_enum, default_value_t = crate::room::Pace::Facilitator)]
    pub pace: crate::room::Pace,
    /// Ask no names: participants are P1, P2, ... in the files and the results
    #[arg(long)]
    pub anonymous: bool,
    /// The address to listen on, as ADDRESS or ADDRESS:PORT [default: this machine's address
    /// on the local network, any free port]
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<String>,
    /// The most participants the room takes
    #[arg(long, value_name = "N", default_value_t = 200,
          value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub max_participants: u32,
    /// The consensus rule of the second round: the share of answers, in percent, within one
    /// scale point of their median
    #[arg(long, value_name = "PCT", default_value_t = 75, value_parser = clap::value_parser!(u8).range(1..=100))]
    pub consensus: u8,
    /// Show no distribution of fewer answers than N, in the room or in a breakdown, so that
    /// no one's vote can be read off it
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub min_group: usize,
    #[command(flatten)]
    pub common: Common,
}

/// What `score` and `summarize` read, and how they report.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Answer files, folders of them (searched for *.toml), CSV exports (*.csv), or - for
    /// standard input
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Questionnaire file or bundled id [default: the one each answer file names]
    #[arg(long, short, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
    /// How many item recommendations to show at most
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    #[command(flatten)]
    pub csv: CsvArgs,
    /// A plan file: show the distance to its target and each action's items now (`compare` and
    /// `trend` also show the pace and what moved)
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// Also show the figures per value of FIELD (respondent metadata such as role or team)
    #[arg(long, value_name = "FIELD")]
    pub by: Option<String>,
    /// With --by: leave out the groups of fewer than N respondents, so that no one's answers
    /// can be read off a breakdown (the report says how many were left out)
    #[arg(long, value_name = "N", default_value_t = 3, requires = "by")]
    pub min_group: usize,
    #[command(flatten)]
    pub read: ScoreArgs,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier result: an answer file, a folder of them or a CSV export (a group), or
    /// results saved by --format json or jsonl (several saved results are a group)
    #[arg(value_name = "BEFORE")]
    pub before: PathBuf,
    /// The later result, in any of the same forms
    #[arg(value_name = "AFTER")]
    pub after: PathBuf,
    /// Questionnaire file or bundled id [default: the one the answer files name]
    #[arg(long, short, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
    #[command(flatten)]
    pub csv: CsvArgs,
    /// How many items to list among the biggest moves in each direction
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    /// A plan file: show the distance to its target, the pace, and whether each action's items
    /// moved (`centricity new --plan FILE` writes one to start from)
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The periods in order, two or more: answer files, folders of them or CSV exports
    /// (groups), or results saved by --format json or jsonl
    #[arg(required = true, num_args = 2.., value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The label of each period in order, once per period [default: the folder or file name]
    #[arg(long, value_name = "LABEL")]
    pub label: Vec<String>,
    /// Questionnaire file or bundled id [default: the one the answer files name]
    #[arg(long, short, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
    #[command(flatten)]
    pub csv: CsvArgs,
    /// How many items to list among the biggest moves over the whole span in each direction
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    /// A plan file: show the distance to its target, whether the pace so far reaches it by its
    /// date, and whether each action's items moved since it started
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Print a starting plan drafted from a result: the next stage a year from today, one
    /// planned action per recommendation
    Draft(PlanDraftArgs),
}

#[derive(Debug, Args)]
pub struct PlanDraftArgs {
    /// The result: an answer file, a folder of them or a CSV export (a group), or a result saved
    /// by --format json or jsonl
    #[arg(value_name = "RESULT")]
    pub result: PathBuf,
    /// Questionnaire file or bundled id [default: the one the answer files name]
    #[arg(long, short, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,
    #[command(flatten)]
    pub csv: CsvArgs,
    /// Language of the action titles (the recommendations) [default: as for compare]
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Args)]
pub struct GapArgs {
    /// The self-assessment: an answer file, a folder of them, or a CSV export
    #[arg(value_name = "INTERNAL")]
    pub internal: PathBuf,
    /// The customers' answers: an answer file, a folder of them, or a CSV export
    #[arg(value_name = "CUSTOMER")]
    pub customer: PathBuf,
    /// Questionnaire of the internal side [default: the one the answer files name; customer-centricity for a CSV]
    #[arg(long, value_name = "FILE|ID")]
    pub internal_questionnaire: Option<String>,
    /// Questionnaire of the customer side [default: the one the answer files name; customer-view for a CSV]
    #[arg(long, value_name = "FILE|ID")]
    pub customer_questionnaire: Option<String>,
    /// Map file for the internal side's export [default: --map]
    #[arg(long, value_name = "FILE")]
    pub internal_map: Option<PathBuf>,
    /// Map file for the customer side's export [default: --map]
    #[arg(long, value_name = "FILE")]
    pub customer_map: Option<PathBuf>,
    #[command(flatten)]
    pub out: OutputArgs,
    #[command(flatten)]
    pub csv: CsvArgs,
    /// How many mirrored statements to list, largest gap first
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    #[command(flatten)]
    pub common: Common,
}

/// How `validate` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagnosticFormat {
    /// For people: each problem with its line and a caret.
    Text,
    /// For editors and CI: `centricity.diagnostics.v1`.
    Json,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Questionnaires, answer files and plans (told apart by their content)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Questionnaire to check answer files against [default: the one each file names]
    #[arg(long, short, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = DiagnosticFormat::Text)]
    pub format: DiagnosticFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A bundled questionnaire id or a questionnaire file
    #[arg(value_name = "ID|FILE", default_value = crate::questionnaire::DEFAULT_ID)]
    pub questionnaire: String,
    #[command(flatten)]
    pub common: Common,
}

/// Where and how a command writes its result. Each command describes `--format` in its own
/// words (see [`score_formats`] and the others).
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: from the extension of --output, else table]
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,
    /// Write to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub identity: IdentityArgs,
}

/// What names a report (table, Markdown and HTML formats).
#[derive(Debug, Args)]
#[command(next_help_heading = "Report")]
pub struct IdentityArgs {
    /// Title of the report [default: the questionnaire's title]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The organisation assessed, printed under the title
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// Who ran the assessment, printed under the title
    #[arg(long, value_name = "NAME")]
    pub assessor: Option<String>,
}

#[derive(Debug, Args)]
pub struct CsvArgs {
    /// Export column that identifies each respondent [default: the first of respondent,
    /// ResponseId, Respondent ID, ID, #, Email Address found]
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,
    /// Report export rows with invalid answers and go on with the others (by default one bad
    /// row stops the run before anything is written)
    #[arg(long)]
    pub skip_invalid: bool,
    /// How to read the exports' columns and answer codes (a TOML map; `centricity map EXPORT`
    /// prints a draft)
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// The sheet of an .xlsx workbook to read [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Count unfinished responses (Qualtrics `Finished` = 0, answer files with
    /// `completed = false`) in group results; by default they are left out and counted
    #[arg(long)]
    pub include_unfinished: bool,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    /// A survey tool's export: CSV, Excel "Unicode Text", .xlsx workbook, or SurveyJS JSON
    #[arg(value_name = "EXPORT")]
    pub export: PathBuf,
    /// Questionnaire file or bundled id [default: the bundled one the columns match best]
    #[arg(long, short, value_name = "FILE|ID")]
    pub questionnaire: Option<String>,
    /// Export column that identifies each respondent [default: found by name]
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,
    /// A map to start from: its entries are kept and shown as applied
    #[arg(long, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// The sheet of an .xlsx workbook to read [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// A bundled questionnaire id or a questionnaire file
    #[arg(value_name = "ID|FILE", default_value = crate::questionnaire::DEFAULT_ID)]
    pub questionnaire: String,
    /// The survey tool to write for
    #[arg(long, value_enum, value_name = "TOOL")]
    pub to: crate::survey_tools::Tool,
    /// Language of the texts, for tools that take one language [default: every language the
    /// tool can hold, else the questionnaire's first]
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Write to FILE (atomically) instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct Common {
    /// Language of the texts: a code the questionnaire declares, in any case and with or without
    /// a region (fr, FR, fr-FR, fr_FR) [default: the answer file's language; else the locale's
    /// (LC_ALL, LC_MESSAGES, LANG) when the questionnaire has it; else the questionnaire's first]
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Draw tables and bars with ASCII characters only
    #[arg(long)]
    pub ascii: bool,
}

/// `--lang` of the commands that read no answer file's language (a group, a questionnaire).
fn lang_without_answers(arg: Arg) -> Arg {
    arg.help(
        "Language of the texts: a code the questionnaire declares, in any case and with or without \
         a region (fr, FR, fr-FR, fr_FR) [default: the locale's (LC_ALL, LC_MESSAGES, LANG) when \
         the questionnaire has it; else the questionnaire's first]",
    )
}

/// `--format` with what the command writes in each format.
fn formats(arg: Arg, values: [(&'static str, &'static str); 6]) -> Arg {
    let parser = PossibleValuesParser::new(values.map(|(name, help)| {
        debug_assert!(Format::from_str(name, false).is_ok(), "{name}");
        PossibleValue::new(name).help(help)
    }))
    .try_map(|name| Format::from_str(&name, false));
    arg.value_parser(parser).help(
        "Output format [default: from the extension of --output (.html, .md, .json, .jsonl, \
         .csv), else table]",
    )
}

fn score_formats(arg: Arg) -> Arg {
    formats(
        arg,
        [
            (
                "table",
                "A report per respondent, for reading in a terminal",
            ),
            (
                "json",
                "One JSON document (`centricity.results.v1`) with every respondent's result \
                 (`centricity.result.v1`) in `results`, whatever the number of inputs",
            ),
            (
                "jsonl",
                "JSON Lines: one result (`centricity.result.v1`) per line, written as each is \
                 scored",
            ),
            (
                "csv",
                "One row per respondent: placement, index, stage and dimension scores",
            ),
            (
                "markdown",
                "A report per respondent, to hand over or publish",
            ),
            (
                "html",
                "One respondent's report: a self-contained HTML file with charts, printable",
            ),
        ],
    )
}

fn summarize_formats(arg: Arg) -> Arg {
    formats(
        arg,
        [
            ("table", "The group report, for reading in a terminal"),
            (
                "json",
                "One JSON document (`centricity.group.v1`): the group's result, every item's \
                 spread, the placements and the --by groups",
            ),
            (
                "jsonl",
                "The same document on one line, to append to a JSON Lines file",
            ),
            (
                "csv",
                "One row for the group and one per --by group: respondents, placement, index, \
                 stage and dimension scores, items to discuss",
            ),
            ("markdown", "The group report, to hand over or publish"),
            (
                "html",
                "The group report: a self-contained HTML file with charts, printable",
            ),
        ],
    )
}

fn compare_formats(arg: Arg) -> Arg {
    formats(
        arg,
        [
            ("table", "The changes, for reading in a terminal"),
            (
                "json",
                "One JSON document (`centricity.comparison.v1`): both sides' figures and every \
                 change",
            ),
            (
                "jsonl",
                "The same document on one line, to append to a JSON Lines file",
            ),
            (
                "csv",
                "One row per figure (placement, index, overall, each stage and dimension, each \
                 item that moved): before, after, change",
            ),
            ("markdown", "The comparison report, to hand over or publish"),
            (
                "html",
                "The comparison report: a self-contained HTML file with charts, printable",
            ),
        ],
    )
}

fn trend_formats(arg: Arg) -> Arg {
    formats(
        arg,
        [
            (
                "table",
                "The periods and their changes, with a sparkline per row",
            ),
            (
                "json",
                "One JSON document (`centricity.trend.v1`): every period's figures, the changes \
                 since the previous and the first period, intervals, the plan",
            ),
            (
                "jsonl",
                "The same document on one line, to append to a JSON Lines file",
            ),
            (
                "csv",
                "Long form, one row per period and figure: period, figure (placement, index, \
                 overall, respondents, stage.ID, dimension.ID), value",
            ),
            ("markdown", "The trend report, to hand over or publish"),
            (
                "html",
                "The trend report: a self-contained HTML file with line charts, printable",
            ),
        ],
    )
}

fn gap_formats(arg: Arg) -> Arg {
    formats(
        arg,
        [
            ("table", "The perception gap, for reading in a terminal"),
            (
                "json",
                "One JSON document (`centricity.gap.v1`): both sides, every gap with its \
                 `blind_spot` flag, the verdict and the recommendations",
            ),
            (
                "jsonl",
                "The same document on one line, to append to a JSON Lines file",
            ),
            (
                "csv",
                "One row per figure (placement, index, overall, each stage, dimension and \
                 mirrored statement): internal, customer, gap",
            ),
            ("markdown", "The gap report, to hand over or publish"),
            (
                "html",
                "The gap report: a self-contained HTML file with both views overlaid, printable",
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }

    /// `--ascii` is read once, through `Command::common`: no command that takes it is left out.
    #[test]
    fn every_command_with_ascii_gives_its_common_options() {
        let cli = super::Cli::command();
        let mut checked = 0;
        for sub in cli.get_subcommands() {
            if !sub.get_arguments().any(|a| a.get_id() == "ascii") {
                continue;
            }
            let mut argv = vec!["centricity".to_owned(), sub.get_name().to_owned()];
            for a in sub.get_positionals().filter(|a| a.is_required_set()) {
                let least = a.get_num_args().map_or(1, |n| n.min_values().max(1));
                argv.extend(std::iter::repeat_n("x".to_owned(), least));
            }
            argv.push("--ascii".to_owned());
            let parsed = <super::Cli as clap::Parser>::try_parse_from(&argv)
                .unwrap_or_else(|e| panic!("{argv:?}: {e}"));
            assert!(
                parsed.command.common().is_some_and(|c| c.ascii),
                "{}",
                sub.get_name()
            );
            checked += 1;
        }
        assert_eq!(
            checked, 8,
            "run, room, score, summarize, compare, trend, gap and show"
        );
    }
}
