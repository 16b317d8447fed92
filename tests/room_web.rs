//! `centricity room` over HTTP: a server on loopback, participants driven by an HTTP client.
//! Joining, answering, reloading, changing an answer, the reveal, the second round, and what a
//! participant without the code or with someone else's token can do (nothing).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use centricity::questionnaire::{Bundled, DEFAULT_ID, Questionnaire};
use centricity::room::{Move, Moved, Pace, Room, RoomServer, Settings, Store};

const CODE: &str = "K7P3QX";

/// The questionnaire of the agreement scale most of these tests answer on (1.0.0).
fn questionnaire() -> Arc<Questionnaire> {
    bundled(&format!("{DEFAULT_ID}@1.0.0"))
}

/// A bundled questionnaire by id (`id@version` for an earlier version).
fn bundled(id: &str) -> Arc<Questionnaire> {
    Arc::new(Bundled::find(id).expect("bundled").load().expect("loads"))
}

struct Session {
    server: RoomServer,
    folder: PathBuf,
    q: Arc<Questionnaire>,
    _dir: tempfile::TempDir,
}

fn start(settings: Settings) -> Session {
    start_on(questionnaire(), settings)
}

fn start_on(q: Arc<Questionnaire>, settings: Settings) -> Session {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("room");
    std::fs::create_dir(&folder).expect("folder");
    let room = Room::new(Arc::clone(&q), settings, CODE.into(), "2026-03-01".into());
    let store = Store::new(&folder, DEFAULT_ID);
    let server =
        RoomServer::start(room, store, "127.0.0.1:0".parse().expect("addr")).expect("starts");
    Session {
        server,
        folder,
        q,
        _dir: dir,
    }
}

fn facilitator_paced() -> Session {
    start(Settings::default())
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into()
}

/// What came back: status, the redirect target, the cookie set, the body.
#[derive(Debug)]
struct Reply {
    status: u16,
    location: Option<String>,
    cookie: Option<String>,
    body: String,
}

fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut r = r.expect("the server answers");
    let header = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let location = header("location");
    let cookie = header("set-cookie").and_then(|c| c.split(';').next().map(str::to_owned));
    Reply {
        status: r.status().as_u16(),
        location,
        cookie,
        body: r.body_mut().read_to_string().unwrap_or_default(),
    }
}

impl Session {
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.server.addr())
    }

    fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        let mut request = agent().get(self.url(path));
        if let Some(c) = cookie {
            request = request.header("Cookie", c);
        }
        reply(request.call())
    }

    fn post(&self, path: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Reply {
        let mut request = agent().post(self.url(path));
        if let Some(c) = cookie {
            request = request.header("Cookie", c);
        }
        reply(request.send_form(form.iter().copied()))
    }

    /// Joins as `name`; returns the participant's cookie.
    fn join(&self, name: &str) -> String {
        let r = self.post(
            "/join",
            None,
            &[("code", CODE), ("name", name), ("lang", "en")],
        );
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(r.location.as_deref(), Some("/q"));
        r.cookie.expect("a token cookie")
    }

    fn answer(&self, cookie: &str, item: usize, round: &str, choice: &str) -> Reply {
        let id = self.q.questions[item].id.clone();
        self.post(
            "/answer",
            Some(cookie),
            &[("item", &id), ("round", round), ("choice", choice)],
        )
    }

    fn file_of(&self, n: usize) -> String {
        let files = answer_files(&self.folder);
        std::fs::read_to_string(&files[n]).expect("answer file")
    }
}

fn answer_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// "Don't know" is an answer of its own on a scale that offers it: saved as `dk`, apart from not
/// applicable, and shown as chosen on a reload.
#[test]
fn a_participant_may_answer_don_t_know_apart_from_not_applicable() {
    let s = start_on(bundled(DEFAULT_ID), Settings::default());
    let scale = s.q.scale_of(&s.q.questions[0]);
    let dk = s.q.tr(
        scale
            .dont_know
            .as_ref()
            .expect("the current scale offers it"),
        "en",
    );
    let na =
        s.q.tr(scale.not_applicable.as_ref().expect("and n/a"), "en");
    let first = s.q.questions[0].id.clone();
    let ana = s.join("Ana");
    let page = s.get("/q", Some(&ana));
    assert!(page.body.contains("value=\"dk\""), "{}", page.body);
    let dk = dk.replace('\'', "&#39;");
    assert!(
        page.body.contains(&format!(">{dk}</label>")),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(&format!(">{na}</label>")),
        "{}",
        page.body
    );
    assert_eq!(s.answer(&ana, 0, "1", "dk").status, 303);
    assert!(
        s.file_of(0).contains(&format!("{first} = \"dk\"")),
        "{}",
        s.file_of(0)
    );
    let page = s.get("/q", Some(&ana));
    assert!(page.body.contains("value=\"dk\" checked"), "{}", page.body);
    assert_eq!(s.answer(&ana, 0, "1", "n/a").status, 303);
    assert!(s.file_of(0).contains(&format!("{first} = \"n/a\"")));
}

#[test]
fn a_participant_joins_answers_reloads_and_changes_the_answer() {
    let s = facilitator_paced();
    let first = s.q.questions[0].id.clone();
    let join_page = s.get(&format!("/?code={CODE}"), None);
    assert_eq!(join_page.status, 200);
    assert!(
        join_page.body.contains(&format!("value=\"{CODE}\"")),
        "the QR code's address fills in the code"
    );

    let ana = s.join("Ana");
    let page = s.get("/q", Some(&ana));
    assert!(page.body.contains("Question 1 of 24"), "{}", page.body);
    assert!(page.body.contains("<label for=\"a3\">Agree</label>"));

    let saved = s.answer(&ana, 0, "1", "4");
    assert_eq!(
        (saved.status, saved.location.as_deref()),
        (303, Some("/q?saved=1"))
    );
    assert!(
        s.file_of(0).contains(&format!("{first} = 4")),
        "saved before the answer is confirmed"
    );

    // A reload (a phone waking up) shows the same question with the answer given.
    let page = s.get("/q", Some(&ana));
    assert!(page.body.contains("value=\"4\" checked"), "{}", page.body);
    assert!(page.body.contains("Change my answer"));

    assert_eq!(s.answer(&ana, 0, "1", "5").status, 303);
    let file = s.file_of(0);
    assert!(
        file.contains(&format!("{first} = 5")) && file.contains("respondent = \"Ana\""),
        "{file}"
    );
    assert_eq!(
        s.answer(&ana, 1, "1", "4").status,
        409,
        "question 2 is not asked yet"
    );
    assert_eq!(s.answer(&ana, 0, "1", "9").status, 400, "not an option");
}

#[test]
fn the_rooms_answers_are_shown_only_after_the_reveal_and_voting_then_closes() {
    let s = facilitator_paced();
    let people: Vec<String> = ["Ana", "Ben", "Chloé"].iter().map(|n| s.join(n)).collect();
    s.answer(&people[0], 0, "1", "2");
    s.answer(&people[1], 0, "1", "4");
    let page = s.get("/q", Some(&people[0]));
    assert!(
        !page.body.contains("class=\"dist\""),
        "no distribution before the reveal"
    );
    assert!(page.body.contains("shown once everyone has voted"));
    let host = s.get("/host", None);
    assert!(
        host.body.contains("2 of 3 have voted") && host.body.contains(CODE),
        "{}",
        host.body
    );
    assert!(!host.body.contains("class=\"dist\""));

    assert_eq!(s.server.act(Move::Reveal).expect("saves"), Moved::Done);
    let page = s.get("/q", Some(&people[2]));
    assert!(
        page.body
            .contains("Fewer than 3 answers: the room&#39;s answers are not shown"),
        "two votes are revealed as nothing: {}",
        page.body
    );
    assert_eq!(
        s.answer(&people[2], 0, "1", "4").status,
        409,
        "voting is closed"
    );

    // A re-vote opens the question again; when everyone has voted it is revealed at once.
    s.server.act(Move::Revote).expect("saves");
    for (p, v) in people.iter().zip(["2", "4", "4"]) {
        assert_eq!(s.answer(p, 0, "1", v).status, 303);
    }
    let page = s.get("/q", Some(&people[0]));
    assert!(
        page.body
            .contains("<th scope=\"row\">Agree</th><td class=\"n\">2</td>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Your answer: Disagree"));
    let state = s.get("/state", Some(&people[0]));
    assert!(state.body.starts_with("{\"version\":"), "{}", state.body);
}

#[test]
fn a_second_round_asks_again_what_the_room_disagreed_on_and_the_file_keeps_both_rounds() {
    let s = facilitator_paced();
    let people: Vec<String> = ["A", "B", "C", "D"].iter().map(|n| s.join(n)).collect();
    for (p, v) in people.iter().zip(["1", "1", "5", "5"]) {
        s.answer(p, 0, "1", v);
    }
    s.server.act(Move::Next).expect("saves");
    for p in &people {
        s.answer(p, 1, "1", "4");
    }
    assert_eq!(
        s.server.act(Move::SecondRound).expect("saves"),
        Moved::SecondRound(1)
    );
    let page = s.get("/q", Some(&people[0]));
    assert!(
        page.body.contains("Second round: question 1 of 1"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("The room&#39;s answers in the first round")
    );
    assert!(
        page.body
            .contains("<th scope=\"row\">Strongly disagree</th><td class=\"n\">2</td>")
    );
    assert_eq!(
        s.answer(&people[0], 0, "1", "2").status,
        409,
        "round one is over"
    );
    for (p, v) in people.iter().zip(["2", "2", "3", "2"]) {
        assert_eq!(s.answer(p, 0, "2", v).status, 303);
    }
    let host = s.get("/host", None);
    assert!(
        host.body
            .contains("The room&#39;s answers in the second round")
            && host.body.contains(
                "100% within one scale point of the median (rule: 75%): consensus reached"
            ),
        "the projected page shows the second round's answers and the verdict: {}",
        host.body
    );
    let id = &s.q.questions[0].id;
    let file = s.file_of(0);
    assert!(file.contains(&format!("[answers]\n{id} = 1\n")), "{file}");
    assert!(file.contains(&format!("[rounds.2]\n{id} = 2\n")), "{file}");
    let g = s.server.with_room(Room::group);
    assert_eq!(g.rounds.len(), 1);
    assert!(!g.rounds[0].before.consensus(75.0) && g.rounds[0].consensus(75.0));

    // The folder's group report shows both rounds, read back from the answer files.
    let summarize = |format: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"))
            .args(["summarize", "--include-unfinished", "--format", format])
            .arg(&s.folder)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let table = summarize("table");
    assert!(table.contains("Second round"), "{table}");
    assert!(table.contains("at least 75% of the answers within one scale point"));
    let row = table
        .lines()
        .skip_while(|l| !l.starts_with("Second round"))
        .find(|l| l.contains(&id[..8]))
        .unwrap_or_default();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        cells[1..],
        ["2.31", "0.50", "0%", "100%", "yes"],
        "the spread and the share within one point before and after, and the verdict: {table}"
    );
    let json: serde_json::Value = serde_json::from_str(&summarize("json")).expect("json");
    let item = &json["rounds"]["items"][0];
    assert_eq!(item["id"], id.as_str());
    assert_eq!(item["before"]["counts"], serde_json::json!([2, 0, 0, 0, 2]));
    assert_eq!(item["after"]["counts"], serde_json::json!([0, 3, 1, 0, 0]));
    assert_eq!(item["consensus"], true);
}

#[test]
fn without_the_code_nothing_is_seen_and_wrong_codes_are_limited() {
    let s = facilitator_paced();
    let r = s.post("/join", None, &[("code", "AAAAAA"), ("name", "Eve")]);
    assert_eq!(r.status, 403);
    assert!(r.cookie.is_none());
    assert!(r.body.contains("not this room&#39;s code"));
    assert_eq!(
        s.get("/q", None).location.as_deref(),
        Some("/"),
        "no page without a token"
    );
    assert_eq!(
        s.get("/state", None).status,
        200,
        "loopback is the facilitator's machine"
    );
    for _ in 0..9 {
        assert_eq!(
            s.post("/join", None, &[("code", "AAAAAA"), ("name", "Eve")])
                .status,
            403
        );
    }
    let r = s.post("/join", None, &[("code", CODE), ("name", "Eve")]);
    assert_eq!(
        r.status, 429,
        "ten wrong codes a minute, then even the right one waits"
    );
    assert!(answer_files(&s.folder).is_empty());
}

#[test]
fn a_token_reaches_only_its_own_answers() {
    let s = facilitator_paced();
    let ana = s.join("Ana");
    let ben = s.join("Ben");
    let id = s.q.questions[0].id.clone();
    s.post(
        "/answer",
        Some(&ana),
        &[
            ("item", &id),
            ("round", "1"),
            ("choice", "2"),
            ("note", "Only in the CRM"),
        ],
    );
    let page = s.get("/q", Some(&ben));
    assert!(!page.body.contains("Only in the CRM") && !page.body.contains("\" checked"));

    let forged = "centricity_room=00112233445566778899aabbccddeeff";
    assert_eq!(s.get("/q", Some(forged)).location.as_deref(), Some("/"));
    let r = s.answer(forged, 0, "1", "5");
    assert_eq!(
        r.location.as_deref(),
        Some("/"),
        "an unknown token answers nothing"
    );

    s.answer(&ben, 0, "1", "5");
    assert!(
        s.file_of(0).contains(&format!("{id} = 2")),
        "Ben's answer left Ana's alone"
    );
    assert!(s.file_of(1).contains(&format!("{id} = 5")));
    let session =
        std::fs::read_to_string(s.folder.join(centricity::room::SESSION_FILE)).expect("session");
    let token = ana.split('=').nth(1).expect("token");
    assert!(
        !session.contains(token),
        "only a hash of each token is kept"
    );
}

#[test]
fn oversized_bodies_unknown_paths_and_a_full_room_are_refused() {
    let s = start(Settings {
        max_participants: 2,
        ..Settings::default()
    });
    let ana = s.join("Ana");
    let note = "x".repeat(20 * 1024);
    let id = s.q.questions[0].id.clone();
    let r = s.post(
        "/answer",
        Some(&ana),
        &[
            ("item", &id),
            ("round", "1"),
            ("choice", "4"),
            ("note", &note),
        ],
    );
    assert_eq!(r.status, 413);
    assert_eq!(s.get("/admin", None).status, 404);
    assert_eq!(s.get("/q/../.centricity-room", None).status, 404);
    assert_eq!(s.get("/answer", Some(&ana)).status, 405);
    s.join("Ben");
    let r = s.post("/join", None, &[("code", CODE), ("name", "Chloé")]);
    assert_eq!(r.status, 403);
    assert!(r.body.contains("The room is full"));
}

#[test]
fn names_and_notes_are_escaped_in_every_page_and_an_anonymous_room_keeps_no_name() {
    let s = facilitator_paced();
    let mallory = s.join("<script>alert(1)</script>");
    let page = s.get("/q", Some(&mallory));
    assert!(!page.body.contains("<script>alert"), "{}", page.body);
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let id = s.q.questions[0].id.clone();
    s.post(
        "/answer",
        Some(&mallory),
        &[
            ("item", &id),
            ("round", "1"),
            ("choice", "4"),
            ("note", "</textarea><img src=x>"),
        ],
    );
    let page = s.get("/q", Some(&mallory));
    assert!(
        page.body.contains("&lt;/textarea&gt;&lt;img src=x&gt;"),
        "{}",
        page.body
    );

    let anonymous = start(Settings {
        anonymous: true,
        pace: Pace::SelfPaced,
        ..Settings::default()
    });
    let r = anonymous.post("/join", None, &[("code", CODE), ("name", "Ana")]);
    let cookie = r.cookie.expect("joins");
    let file = anonymous.file_of(0);
    assert!(
        file.contains("respondent = \"P1\"") && !file.contains("Ana"),
        "{file}"
    );
    assert!(anonymous.get("/q", Some(&cookie)).body.contains("P1"));
}

#[test]
fn a_self_paced_participant_moves_on_after_each_answer() {
    let s = start(Settings {
        pace: Pace::SelfPaced,
        ..Settings::default()
    });
    let ana = s.join("Ana");
    let id = s.q.questions[0].id.clone();
    let r = s.post(
        "/answer",
        Some(&ana),
        &[
            ("item", &id),
            ("round", "1"),
            ("choice", "3"),
            ("next", "1"),
        ],
    );
    assert_eq!(r.location.as_deref(), Some("/q?n=1&saved=1"));
    assert!(s.get("/q", Some(&ana)).body.contains("Question 2 of 24"));
    let later = s.answer(&ana, 10, "1", "n/a");
    assert_eq!(later.status, 303, "any question of the round, in any order");
    assert!(
        s.get("/q?n=0", Some(&ana))
            .body
            .contains("value=\"3\" checked")
    );
}

/// Self-paced, the room's result is shown to participants only when the facilitator presses r:
/// then every question's page shows the room's answers (each kind of answer as it was given,
/// "don't know" apart from "not applicable"), and answers can still be given and changed.
#[test]
fn in_a_self_paced_room_r_shows_the_rooms_answers_to_participants_who_can_still_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("workshop");
    let folder_arg = folder.to_str().expect("utf-8 path");
    let q = bundled(DEFAULT_ID);
    let (first, second) = (q.questions[0].id.clone(), q.questions[1].id.clone());
    let mut f = Facilitator::start(&[
        "--bind",
        "127.0.0.1:0",
        "--output",
        folder_arg,
        "--pace",
        "self",
    ]);
    let addr = f.address();
    let code = host_code(&addr);
    let people: Vec<String> = ["Ana", "Ben", "Chloé"]
        .iter()
        .map(|name| {
            post_to(&addr, "/join", None, &[("code", &code), ("name", name)])
                .cookie
                .expect("joins")
        })
        .collect();
    for (cookie, choice) in people.iter().zip(["4", "dk", "4"]) {
        let r = post_to(
            &addr,
            "/answer",
            Some(cookie),
            &[("item", &first), ("round", "1"), ("choice", choice)],
        );
        assert_eq!(r.status, 303);
    }
    f.wait_for("Chloé");
    let page = get_from(&addr, "/q?n=0", &people[0]);
    assert!(
        !page.body.contains("class=\"dist\""),
        "nothing of the room is shown before r: {}",
        page.body
    );

    f.key("r");
    // The status does not change with r; the keys' help, asked after it, shows it was read.
    f.key("?");
    f.wait_for("r show the room's result to participants");
    let page = get_from(&addr, "/q?n=0", &people[0]);
    assert!(
        page.body.contains("The room&#39;s answers"),
        "{}",
        page.body
    );
    for (label, count) in [
        ("Routine across the unit", 2),
        ("Don&#39;t know", 1),
        ("Not applicable", 0),
        ("Not in place", 0),
    ] {
        assert!(
            page.body.contains(&format!(
                "<th scope=\"row\">{label}</th><td class=\"n\">{count}</td>"
            )),
            "{label}: {count} in {}",
            page.body
        );
    }
    assert!(
        page.body.contains("value=\"4\" checked"),
        "the form stays open after r"
    );
    let r = post_to(
        &addr,
        "/answer",
        Some(&people[1]),
        &[("item", &first), ("round", "1"), ("choice", "5")],
    );
    assert_eq!(r.status, 303, "an answer can still be changed");
    let r = post_to(
        &addr,
        "/answer",
        Some(&people[1]),
        &[("item", &second), ("round", "1"), ("choice", "2")],
    );
    assert_eq!(r.status, 303, "and the next question answered");
    let page = get_from(&addr, "/q?n=0", &people[2]);
    assert!(
        page.body
            .contains("<th scope=\"row\">Routine and measured</th><td class=\"n\">1</td>")
            && page
                .body
                .contains("<th scope=\"row\">Don&#39;t know</th><td class=\"n\">0</td>"),
        "the room's answers as they are now: {}",
        page.body
    );
    let page = get_from(&addr, "/q?n=1", &people[2]);
    assert!(
        page.body
            .contains("Fewer than 3 answers: the room&#39;s answers are not shown"),
        "one answer to the second question is not shown: {}",
        page.body
    );
    f.key("e");
    f.key("y");
    assert!(f.child.wait().expect("ends").success());
}

/// The binary, run as a facilitator would, its keys on standard input.
struct Facilitator {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Facilitator {
    fn start(args: &[&str]) -> Self {
        use std::io::BufRead;
        use std::process::{Command, Stdio};
        let mut child = Command::new(env!("CARGO_BIN_EXE_centricity"))
            .args(["room", "--lang", "en", "--ascii"])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts");
        let (send, lines) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr).lines() {
                let Ok(line) = line else { return };
                if send.send(line).is_err() {
                    return;
                }
            }
        });
        Self { child, lines }
    }

    /// Waits for a line of the terminal containing `text`.
    fn wait_for(&self, text: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        panic!("the terminal never showed `{text}`");
    }

    fn key(&mut self, key: &str) {
        use std::io::Write;
        let stdin = self.child.stdin.as_mut().expect("stdin");
        writeln!(stdin, "{key}").expect("a key");
        stdin.flush().expect("sent");
    }

    /// The server's address, from the join line.
    fn address(&self) -> String {
        let line = self.wait_for("Join on the same network: ");
        let url = line.rsplit(' ').next().expect("an address");
        url.trim_start_matches("http://")
            .split('/')
            .next()
            .expect("host")
            .to_owned()
    }
}

impl Drop for Facilitator {
    fn drop(&mut self) {
        // A failed test leaves no server behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The join code, as the room's page on the facilitator's machine shows it.
fn host_code(addr: &str) -> String {
    let page = reply(agent().get(format!("http://{addr}/host")).call());
    let at = page
        .body
        .find("class=\"code\">")
        .expect("the host page shows the code")
        + 13;
    page.body[at..at + 6].to_owned()
}

/// A participant of a server run by the binary.
fn post_to(addr: &str, path: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Reply {
    let mut request = agent().post(format!("http://{addr}{path}"));
    if let Some(c) = cookie {
        request = request.header("Cookie", c);
    }
    reply(request.send_form(form.iter().copied()))
}

fn get_from(addr: &str, path: &str, cookie: &str) -> Reply {
    reply(
        agent()
            .get(format!("http://{addr}{path}"))
            .header("Cookie", cookie)
            .call(),
    )
}

#[test]
fn a_killed_session_resumes_with_every_confirmed_answer_and_every_participant() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("workshop");
    let folder_arg = folder.to_str().expect("utf-8 path");
    // The binary runs the current questionnaire.
    let q = bundled(DEFAULT_ID);
    let (first, second) = (q.questions[0].id.clone(), q.questions[1].id.clone());

    let mut f = Facilitator::start(&["--bind", "127.0.0.1:0", "--output", folder_arg]);
    let addr = f.address();
    let code = host_code(&addr);
    let join = |name: &str| {
        let r = post_to(&addr, "/join", None, &[("code", &code), ("name", name)]);
        r.cookie.expect("joins")
    };
    let (ana, ben) = (join("Ana"), join("Ben"));
    for (cookie, v) in [(&ana, "4"), (&ben, "2")] {
        let r = post_to(
            &addr,
            "/answer",
            Some(cookie),
            &[("item", &first), ("round", "1"), ("choice", v)],
        );
        assert_eq!(r.status, 303);
    }
    f.key("n");
    f.wait_for("Question 2 of 24");
    let r = post_to(
        &addr,
        "/answer",
        Some(&ana),
        &[("item", &second), ("round", "1"), ("choice", "5")],
    );
    assert_eq!(r.status, 303, "confirmed");
    f.child.kill().expect("SIGKILL");
    f.child.wait().expect("ended");

    let files = answer_files(&folder);
    assert_eq!(files.len(), 2);
    let ana_file = std::fs::read_to_string(&files[0]).expect("Ana's file");
    assert!(
        ana_file.contains(&format!("{first} = 4\n{second} = 5")),
        "{ana_file}"
    );

    let mut f = Facilitator::start(&["--resume", folder_arg]);
    f.wait_for("Resumed with 2 participants");
    let resumed_addr = f.address();
    assert_eq!(
        resumed_addr, addr,
        "the same address, so that every page reconnects"
    );
    f.wait_for("Question 2 of 24");
    let page = get_from(&addr, "/q", &ben);
    assert!(
        page.body.contains("Question 2 of 24") && page.body.contains("Ben"),
        "Ben's cookie still works"
    );
    let page = get_from(&addr, "/q", &ana);
    assert!(
        page.body.contains("value=\"5\" checked"),
        "Ana's answer is there"
    );
    let r = post_to(
        &addr,
        "/answer",
        Some(&ben),
        &[("item", &second), ("round", "1"), ("choice", "3")],
    );
    assert_eq!(r.status, 303);
    f.key("e");
    f.key("y");
    let status = f.child.wait().expect("ends");
    assert!(status.success(), "{status:?}");
    let mut out = String::new();
    std::io::Read::read_to_string(&mut f.child.stdout.take().expect("stdout"), &mut out)
        .expect("reads");
    assert!(
        out.contains("group of 2 respondents"),
        "the group result at the end: {out}"
    );
    let ben_file = std::fs::read_to_string(&answer_files(&folder)[1]).expect("Ben's file");
    assert!(
        ben_file.contains(&format!("{first} = 2\n{second} = 3"))
            && ben_file.contains("completed = true"),
        "{ben_file}"
    );

    // The folder is an ordinary folder of answer files.
    let summary = std::process::Command::new(env!("CARGO_BIN_EXE_centricity"))
        .args(["summarize", folder_arg, "--format", "json"])
        .output()
        .expect("runs");
    assert!(
        summary.status.success(),
        "{}",
        String::from_utf8_lossy(&summary.stderr)
    );
    assert!(String::from_utf8_lossy(&summary.stdout).contains("\"respondents\": 2"));
}
