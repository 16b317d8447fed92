//! Arbitrary bytes as an .xlsx workbook, written to a file and converted to CSV by
//! `answers::xlsx_to_csv`, first sheet and then (when there is one) the second by name.
//!
//! Invariants beyond "no panic, no hang, no OOM": the CSV reads back with the `csv` crate as
//! UTF-8, with as many records as `XlsxInfo::rows` and every record `XlsxInfo::columns` wide.
//!
//! One panic is let through: integer overflow inside calamine 0.38, which parses cell
//! references (`A99999999999`) with unchecked arithmetic. cargo-fuzz builds with overflow checks,
//! release builds of `centricity` wrap instead, and `xlsx_to_csv` turns the panic into a
//! diagnostic either way; any other panic, in calamine or not, still aborts.
#![no_main]

use std::path::PathBuf;
use std::sync::{LazyLock, Once};

use centricity::answers::{XlsxInfo, xlsx_to_csv};
use libfuzzer_sys::fuzz_target;

/// One file per fuzzing process, rewritten for every input.
static PATH: LazyLock<PathBuf> = LazyLock::new(|| {
    std::env::temp_dir().join(format!("centricity-fuzz-{}.xlsx", std::process::id()))
});

static HOOK: Once = Once::new();

/// Wraps libFuzzer's panic hook (which aborts) to return on calamine's overflows, so that
/// `xlsx_to_csv` catches them as it does outside the fuzzer.
fn let_calamine_overflows_through() {
    HOOK.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_calamine = info
                .location()
                .is_some_and(|at| at.file().contains("/calamine-"));
            let overflow = info
                .payload_as_str()
                .is_some_and(|m| m.starts_with("attempt to ") && m.ends_with(" with overflow"));
            if !(in_calamine && overflow) {
                abort(info);
            }
        }));
    });
}

fn check(csv: &[u8], info: &XlsxInfo) {
    assert!(
        info.rows > 0 && info.columns > 0,
        "an empty sheet is an error, not a CSV"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv);
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("the CSV written reads back");
        assert_eq!(
            record.len(),
            info.columns,
            "record {rows} is not as wide as the sheet"
        );
        rows += 1;
    }
    assert_eq!(rows, info.rows, "one record per sheet row");
}

fuzz_target!(|data: &[u8]| {
    let_calamine_overflows_through();
    std::fs::write(&*PATH, data).expect("the workbook is written to a temporary file");
    let mut out = Vec::new();
    let info = match xlsx_to_csv("fuzz.xlsx", &PATH, None, &mut out) {
        Ok(info) => info,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    check(&out, &info);
    assert!(info.sheets.contains(&info.sheet));
    if let Some(second) = info.sheets.get(1) {
        out.clear();
        match xlsx_to_csv("fuzz.xlsx", &PATH, Some(second), &mut out) {
            Ok(other) => {
                assert_eq!(&other.sheet, second);
                check(&out, &other);
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
