//! Arbitrary bytes, read as UTF-8 (lossy), as SurveyJS results converted to CSV by
//! `answers::surveyjs_to_csv`.
//!
//! Invariants beyond "no panic, no hang, no OOM": the CSV reads back with the `csv` crate as
//! UTF-8, a header and at least one record, every record as wide as the header.
#![no_main]

use centricity::answers::surveyjs_to_csv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut out = Vec::new();
    if let Err(e) = surveyjs_to_csv("fuzz.json", &text, &mut out) {
        let _ = e.to_string();
        return;
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(out.as_slice());
    let mut width = None;
    let mut records = 0;
    for record in reader.records() {
        let record = record.expect("the CSV written reads back");
        let width = *width.get_or_insert(record.len());
        assert!(width > 0, "a header with no column");
        assert_eq!(
            record.len(),
            width,
            "record {records} is not as wide as the header"
        );
        records += 1;
    }
    assert!(records >= 2, "a header and at least one result");
});
