//! Golden command-line cases: each `tests/cmd/*.toml` names the arguments, the exit code and
//! the expected output of one run of the real binary (`TRYCMD=overwrite` refreshes them).

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
