//! Golden command-line cases: each `tests/cmd/*.toml` names the arguments, the exit code and
//! the expected output of one run of the real binary (`TRYCMD=overwrite` refreshes them); and
//! every `console` block of the README, run as written, so that the README cannot drift from
//! what the tool prints (`...` on a line of its own, and `[..]` inside one, stand for output
//! the README leaves out).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .env("LC_ALL", "C")
        .env("SOURCE_DATE_EPOCH", "1763769600")
        .case("tests/cmd/*.toml");
}

#[test]
fn readme_console_blocks() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .env("LC_ALL", "C")
        .env("SOURCE_DATE_EPOCH", "1763769600")
        .case("README.md");
}
