//! How this program was called, so that a command it prints (the resume hint) can be typed again
//! as it is: `cargo run --release -- run ...` in a source tree where nothing is installed,
//! `./target/release/centricity run ...` when it was called by a path, `centricity run ...` when
//! it was found on the `PATH`.

use std::ffi::OsStr;
use std::path::Path;

/// The command that calls this program again, without arguments, quoted for a POSIX shell.
pub(crate) fn called_as() -> String {
    // `cargo run` (and `cargo test`) give the program these two; an installed binary run from
    // inside another crate's `cargo run` sees that crate's name instead.
    let cargo = std::env::var_os("CARGO").is_some_and(|c| !c.is_empty())
        && std::env::var_os("CARGO_PKG_NAME").is_some_and(|n| n == env!("CARGO_PKG_NAME"));
    let argv0 = std::env::args_os().next();
    let exe = std::env::current_exe().ok();
    command(argv0.as_deref(), cargo, exe.as_deref())
}

/// The command for a program called as `argv0` whose executable is `exe`; `cargo` when `cargo
/// run` started it.
///
/// Under cargo the profile is read from the folder the executable was built in
/// (`target/debug`, `target/release`, or `target/NAME` for a custom profile), so that the
/// command runs the same build rather than compiling another.
fn command(argv0: Option<&OsStr>, cargo: bool, exe: Option<&Path>) -> String {
    if cargo {
        let profile = exe
            .or_else(|| argv0.map(Path::new))
            .and_then(Path::parent)
            .and_then(Path::file_name)
            .and_then(OsStr::to_str);
        return match profile {
            Some("release") => "cargo run --release --".to_owned(),
            Some(name)
                if name != "debug"
                    && !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
            {
                format!("cargo run --profile {name} --")
            }
            _ => "cargo run --".to_owned(),
        };
    }
    match argv0.and_then(OsStr::to_str) {
        Some(path) if path.contains('/') || (cfg!(windows) && path.contains('\\')) => {
            shell_quote(path)
        }
        // A bare name was found on the PATH (or the caller gave none): the installed command.
        _ => "centricity".to_owned(),
    }
}

/// The command that resumes the survey saved at `answers` (a file, or a session's folder).
/// `questionnaire` is the questionnaire argument of the survey, named again when it was a file:
/// an answer file names its questionnaire by id, which finds only a bundled one.
pub(crate) fn resume_command(answers: &Path, questionnaire: Option<&str>) -> String {
    let clean = |s: &str| shell_quote(&crate::terminal_text::clean(s, false));
    // The program's own name goes through the same cleaning: it was typed, or it is a path.
    let mut command = format!(
        "{} run --resume {}",
        crate::terminal_text::clean(&called_as(), false),
        clean(&answers.display().to_string())
    );
    if let Some(q) = questionnaire.filter(|q| is_file(q)) {
        command.push(' ');
        command.push_str(&clean(q));
    }
    command
}

/// Whether questionnaire argument `spec` names a file rather than a bundled id (the rule of
/// `load_questionnaire`).
fn is_file(spec: &str) -> bool {
    Path::new(spec).exists() || spec.ends_with(".toml")
}

/// `s` as one word for a POSIX shell: as it is when that is safe, else in single quotes.
pub(crate) fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn called(argv0: &str, cargo: bool, exe: &str) -> String {
        command(Some(OsStr::new(argv0)), cargo, Some(Path::new(exe)))
    }

    #[test]
    fn under_cargo_run_the_command_is_cargo_run_with_the_profile_of_the_executable() {
        let argv0 = "/src/centricity/target/release/centricity";
        assert_eq!(called(argv0, true, argv0), "cargo run --release --");
        let debug = "/src/centricity/target/debug/centricity";
        assert_eq!(called(debug, true, debug), "cargo run --");
        // --target puts the profile's folder under the target's.
        let cross = "/src/target/x86_64-unknown-linux-gnu/release/centricity";
        assert_eq!(called(cross, true, cross), "cargo run --release --");
        let custom = "/src/target/release-lto/centricity";
        assert_eq!(
            called(custom, true, custom),
            "cargo run --profile release-lto --"
        );
        // A folder that cannot be a profile's name is left out rather than guessed at.
        let odd = "/src/my target/centricity";
        assert_eq!(called(odd, true, odd), "cargo run --");
        assert_eq!(command(None, true, None), "cargo run --");
    }

    #[test]
    fn a_path_is_printed_as_called_and_a_bare_name_is_the_installed_command() {
        assert_eq!(
            called(
                "./target/release/centricity",
                false,
                "/src/target/release/centricity"
            ),
            "./target/release/centricity"
        );
        assert_eq!(
            called(
                "/opt/my tools/centricity",
                false,
                "/opt/my tools/centricity"
            ),
            "'/opt/my tools/centricity'"
        );
        assert_eq!(
            called("centricity", false, "/usr/local/bin/centricity"),
            "centricity"
        );
        assert_eq!(command(None, false, None), "centricity");
    }

    #[test]
    fn quotes_words_for_the_shell_only_when_needed() {
        assert_eq!(shell_quote("answers-ana.toml"), "answers-ana.toml");
        assert_eq!(shell_quote("my answers.toml"), "'my answers.toml'");
        assert_eq!(shell_quote("it's.toml"), "'it'\\''s.toml'");
        assert_eq!(shell_quote(""), "''");
    }

    #[test]
    fn the_resume_command_names_a_questionnaire_file_but_not_a_bundled_id() {
        let file = Path::new("answers.toml");
        let plain = resume_command(file, None);
        assert!(plain.ends_with(" run --resume answers.toml"), "{plain}");
        assert_eq!(
            resume_command(file, Some("customer-centricity")),
            plain,
            "a bundled id is in the answer file"
        );
        assert_eq!(
            resume_command(file, Some("my survey.toml")),
            format!("{plain} 'my survey.toml'")
        );
    }
}
