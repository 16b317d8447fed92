//! Arbitrary bytes as a map file (`--map`) applied to a small Qualtrics-like export, and as an
//! export whose draft map (`centricity map`) is printed and read back.
//!
//! Invariants beyond "no panic": every draft map parses as a map file.
#![no_main]

use std::sync::{Arc, LazyLock};

use centricity::answers::{CsvLayout, ExportHead, ExportMap, LayoutOptions, draft_map};
use centricity::questionnaire::{Bundled, DEFAULT_ID, Questionnaire};
use libfuzzer_sys::fuzz_target;

static QUESTIONNAIRE: LazyLock<Questionnaire> = LazyLock::new(|| {
    Bundled::find(DEFAULT_ID)
        .expect("the default questionnaire is bundled")
        .load()
        .expect("the bundled questionnaire loads")
});

const EXPORT: &[u8] = b"ResponseId,Finished,Q1_1,Q1_2\nResponse ID,Finished,How far? - Marketing, sales and service work from one shared, up-to-date record of each customer's purchases and contacts.,Q2\n\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"finished\"\"}\",\"{\"\"ImportId\"\":\"\"QID1_1\"\"}\",\"{\"\"ImportId\"\":\"\"QID1_2\"\"}\"\nR_1,1,4,6\nR_2,0,AO01,\n";

fuzz_target!(|data: &[u8]| {
    let q = &*QUESTIONNAIRE;
    let text = String::from_utf8_lossy(data).into_owned();
    if let Ok(map) = ExportMap::parse("fuzz.toml", text) {
        let head = ExportHead::read("export.csv", EXPORT, true, None).expect("the export reads");
        let options = LayoutOptions {
            id_column: None,
            map: Some(Arc::new(map)),
        };
        let _ = CsvLayout::new("export.csv", &head, q, &options);
    }
    if let Ok(head) = ExportHead::read("fuzz.csv", data, true, None) {
        let (draft, _) = draft_map("fuzz.csv", &head, q, None, None);
        if let Err(e) = ExportMap::parse("draft.toml", draft.clone()) {
            panic!("the draft map does not parse: {e:?}\n{draft}");
        }
    }
});
