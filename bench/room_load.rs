//! Load benchmark of `centricity room` (not a timed test): 200 participants on loopback, each
//! on a thread of its own, join a self-paced room and answer all 24 questions at once. Every
//! answer must be in the participants' files afterwards; the latency of an answer (the POST
//! that saves it, until the server confirms) is reported at the 50th and 99th percentile.
//!
//! Run: `cargo run --release --example room-load [PARTICIPANTS]`

// A benchmark stops at the first thing that goes wrong, with what it was doing.
#![allow(clippy::expect_used, clippy::cast_precision_loss)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use centricity::questionnaire::{Bundled, DEFAULT_ID};
use centricity::room::{Pace, Room, RoomServer, Settings, Store};

fn main() {
    let participants: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let q = Arc::new(
        Bundled::find(DEFAULT_ID)
            .and_then(|b| b.load().ok())
            .expect("the bundled questionnaire"),
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("room");
    std::fs::create_dir(&folder).expect("the session folder");
    let settings = Settings {
        pace: Pace::SelfPaced,
        max_participants: participants,
        ..Settings::default()
    };
    let room = Room::new(
        Arc::clone(&q),
        settings,
        "K7P3QX".into(),
        "2026-03-01".into(),
    );
    let store = Store::new(&folder, DEFAULT_ID);
    let server = RoomServer::start(room, store, "127.0.0.1:0".parse().expect("addr"))
        .expect("the server starts");
    let base = format!("http://{}", server.addr());
    let ids: Arc<Vec<String>> = Arc::new(q.questions.iter().map(|x| x.id.clone()).collect());

    let started = Instant::now();
    let threads: Vec<_> = (0..participants)
        .map(|k| {
            let (base, ids) = (base.clone(), Arc::clone(&ids));
            std::thread::spawn(move || participant(&base, k, &ids))
        })
        .collect();
    let mut latencies: Vec<Duration> = Vec::new();
    for t in threads {
        latencies.extend(t.join().expect("a participant"));
    }
    let elapsed = started.elapsed();
    server.stop();

    // Every answer saved: each file holds all 24.
    let mut saved = 0;
    let mut files = 0;
    for entry in std::fs::read_dir(&folder).expect("the folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).expect("an answer file");
        let table: toml::Table = text.parse().expect("TOML");
        saved += table
            .get("answers")
            .and_then(toml::Value::as_table)
            .map_or(0, toml::Table::len);
    }
    latencies.sort();
    let at = |p: f64| {
        let k = ((latencies.len() as f64 - 1.0) * p).round() as usize;
        latencies[k].as_secs_f64() * 1000.0
    };
    println!("participants: {participants}, answer files: {files}");
    println!(
        "answers confirmed: {}, answers in the files: {saved} (expected {})",
        latencies.len(),
        participants * ids.len()
    );
    println!(
        "answer latency: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        at(0.50),
        at(0.99),
        at(1.0)
    );
    println!(
        "wall time {:.2} s, {:.0} answers/s",
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64()
    );
    if saved != participants * ids.len() || files != participants {
        eprintln!("some answers were not saved");
        std::process::exit(1);
    }
}

/// One participant: joins, then answers every question; returns the latency of each answer.
fn participant(base: &str, k: usize, ids: &[String]) -> Vec<Duration> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into();
    let name = format!("Participant {k}");
    let joined = agent
        .post(format!("{base}/join"))
        .send_form([("code", "K7P3QX"), ("name", name.as_str())])
        .expect("joins");
    let cookie = joined
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.split(';').next())
        .expect("a cookie")
        .to_owned();
    let mut latencies = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let choice = ((k + i) % 5 + 1).to_string();
        let t = Instant::now();
        let r = agent
            .post(format!("{base}/answer"))
            .header("Cookie", &cookie)
            .send_form([
                ("item", id.as_str()),
                ("round", "1"),
                ("choice", choice.as_str()),
            ])
            .expect("answers");
        latencies.push(t.elapsed());
        assert_eq!(r.status().as_u16(), 303, "answer {i} of participant {k}");
    }
    latencies
}
