//! The floor for any CSV scorer: parse every record of a CSV file and count them, nothing else.
//!
//! usage: cargo run --release --example count-records -- FILE.csv

use std::io::BufReader;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: count-records FILE.csv")?;
    let file = std::fs::File::open(path)?;
    let mut reader = csv::Reader::from_reader(BufReader::with_capacity(1 << 16, file));
    let mut record = csv::StringRecord::new();
    let mut n = 0u64;
    while reader.read_record(&mut record)? {
        n += 1;
    }
    println!("{n}");
    Ok(())
}
