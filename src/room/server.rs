//! The room's web server (axum on a small tokio runtime of its own): the join page, each
//! participant's question page and answer form, a JSON endpoint for live refresh, and the
//! facilitator's projected page, which only the facilitator's own machine can open.
//!
//! A participant is known by a random token in a cookie; the server keeps only its hash. An
//! answer is written to the participant's file before the response confirms it.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::Deserialize;

use super::pages::{self, JoinProblem};
use super::rules::{RateLimiter, new_nonce, new_token, normalize_code, token_hash};
use super::state::{AnswerRefusal, JoinRefusal, Move, Moved, Pace, Room};
use super::store::{Store, StoreError};
use crate::answers::Answer;
use crate::i18n::tr;

/// The cookie holding a participant's token.
pub const COOKIE: &str = "centricity_room";
/// The largest request body taken, in bytes: an answer with a long note fits many times over.
pub const BODY_LIMIT: usize = 16 * 1024;

/// What the handlers share.
#[derive(Debug)]
pub struct Shared {
    room: Mutex<Room>,
    store: Store,
    limiter: Mutex<RateLimiter>,
    join_url: Mutex<String>,
    qr_svg: Mutex<Option<String>>,
    /// The server's own address: a request from it comes from the facilitator's machine.
    own_ip: IpAddr,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A running room server; dropping it stops the server.
#[derive(Debug)]
pub struct RoomServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl RoomServer {
    /// Binds `bind` (port 0: any free port) and serves `room` from a runtime of its own. The
    /// room's files are written first, so a session that could not save never starts.
    pub fn start(room: Room, store: Store, bind: SocketAddr) -> Result<Self, StartError> {
        store.write_all(&room)?;
        let listener = std::net::TcpListener::bind(bind)
            .map_err(|source| StartError::Bind { addr: bind, source })?;
        listener
            .set_nonblocking(true)
            .map_err(|source| StartError::Bind { addr: bind, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| StartError::Bind { addr: bind, source })?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("room-server")
            .enable_io()
            .enable_time()
            .build()
            .map_err(StartError::Runtime)?;
        let join_url = format!("http://{addr}/?code={}", room.code);
        let mut room = room;
        room.address = Some(addr.to_string());
        store.write_session(&store.session_of(&room))?;
        let qr_svg = super::qr::svg(&join_url);
        let shared = Arc::new(Shared {
            room: Mutex::new(room),
            store,
            limiter: Mutex::new(RateLimiter::default()),
            join_url: Mutex::new(join_url),
            qr_svg: Mutex::new(qr_svg),
            own_ip: addr.ip(),
        });
        let app = router(Arc::clone(&shared));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let listener = {
            let _guard = runtime.enter();
            tokio::net::TcpListener::from_std(listener)
                .map_err(|source| StartError::Bind { addr: bind, source })?
        };
        runtime.spawn(async move {
            let _ = axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await;
        });
        Ok(Self {
            addr,
            shared,
            stop: Some(stop),
            runtime: Some(runtime),
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The address participants open: the server's, with the join code.
    pub fn join_url(&self) -> String {
        lock(&self.shared.join_url).clone()
    }

    /// Sets the address shown to participants (when the server listens on one address but is
    /// reached by another name).
    pub fn set_join_url(&self, url: String) {
        *lock(&self.shared.qr_svg) = super::qr::svg(&url);
        *lock(&self.shared.join_url) = url;
    }

    /// Reads the room.
    pub fn with_room<R>(&self, f: impl FnOnce(&Room) -> R) -> R {
        f(&lock(&self.shared.room))
    }

    /// Applies a facilitator's move and saves what it changed.
    pub fn act(&self, m: Move) -> Result<Moved, StoreError> {
        let room = &mut lock(&self.shared.room);
        let moved = room.apply(m);
        self.shared.store.write_all(room)?;
        Ok(moved)
    }

    /// The session folder.
    pub fn folder(&self) -> &std::path::Path {
        self.shared.store.folder()
    }

    /// Stops serving; every confirmed answer is already on disk.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_timeout(std::time::Duration::from_secs(2));
        }
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Why the server did not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot start the server: {0}")]
    Runtime(std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

type App = Arc<Shared>;

fn router(shared: App) -> Router {
    Router::new()
        .route("/", get(join_page).post(join_page_language))
        .route("/join", axum::routing::post(join))
        .route("/q", get(question))
        .route("/answer", axum::routing::post(answer))
        .route("/lang", axum::routing::post(language))
        .route("/state", get(state))
        .route("/host", get(host))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::map_response(common_headers))
        .with_state(shared)
}

/// Headers of every response: nothing is cached, sniffed, framed or referred.
async fn common_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        );
    }
    response
}

/// An HTML page whose inline style and script carry `nonce`.
fn html(status: StatusCode, nonce: &str, body: String) -> Response {
    let csp = format!(
        "default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; \
         connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; \
         frame-ancestors 'none'"
    );
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&csp) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

fn nonce() -> String {
    new_nonce().unwrap_or_else(|_| "0".repeat(32))
}

/// The participant a request's cookie names, if any.
fn participant(app: &App, jar: &CookieJar) -> Option<usize> {
    let token = jar.get(COOKIE)?.value();
    lock(&app.room).participant(&token_hash(token))
}

/// The first of the browser's preferred languages that the questionnaire has.
fn preferred_language(room: &Room, headers: &HeaderMap, asked: Option<&str>) -> String {
    let q = &room.q;
    if let Some(lang) = asked.and_then(|l| q.language(l)) {
        return lang.to_owned();
    }
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    accepted
        .split(',')
        .filter_map(|part| part.split(';').next())
        .find_map(|code| q.language(code.trim()))
        .unwrap_or_else(|| q.default_language())
        .to_owned()
}

#[derive(Debug, Deserialize)]
struct JoinQuery {
    code: Option<String>,
    lang: Option<String>,
}

async fn join_page(
    State(app): State<App>,
    jar: CookieJar,
    headers: HeaderMap,
    Query(query): Query<JoinQuery>,
) -> Response {
    if participant(&app, &jar).is_some() {
        return Redirect::to("/q").into_response();
    }
    join_form(&app, &headers, &query)
}

/// The join page in the language asked for, with the code given (a QR code's address fills
/// it in).
fn join_form(app: &App, headers: &HeaderMap, query: &JoinQuery) -> Response {
    let room = lock(&app.room);
    let lang = preferred_language(&room, headers, query.lang.as_deref());
    let code = query
        .code
        .as_deref()
        .map(normalize_code)
        .unwrap_or_default();
    let n = nonce();
    html(
        StatusCode::OK,
        &n,
        pages::join(&room, &lang, &code, None, &n),
    )
}

/// The join page's language picker.
async fn join_page_language(
    State(app): State<App>,
    headers: HeaderMap,
    Form(query): Form<JoinQuery>,
) -> Response {
    join_form(&app, &headers, &query)
}

#[derive(Debug, Deserialize)]
struct JoinForm {
    code: String,
    name: Option<String>,
    lang: Option<String>,
}

async fn join(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    jar: CookieJar,
    headers: HeaderMap,
    Form(form): Form<JoinForm>,
) -> Response {
    let ip: IpAddr = peer.ip();
    let now = Instant::now();
    let refuse = |app: &App, lang: &str, status, problem, code: &str| {
        let n = nonce();
        let room = lock(&app.room);
        html(
            status,
            &n,
            pages::join(&room, lang, code, Some(problem), &n),
        )
    };
    let (lang, right_code) = {
        let room = lock(&app.room);
        let lang = preferred_language(&room, &headers, form.lang.as_deref());
        (lang, normalize_code(&form.code) == room.code)
    };
    {
        let mut limiter = lock(&app.limiter);
        if !limiter.allows(ip, now) {
            drop(limiter);
            return refuse(
                &app,
                &lang,
                StatusCode::TOO_MANY_REQUESTS,
                JoinProblem::TooManyTries,
                "",
            );
        }
        if !right_code {
            limiter.failed(ip, now);
            drop(limiter);
            return refuse(
                &app,
                &lang,
                StatusCode::FORBIDDEN,
                JoinProblem::WrongCode,
                "",
            );
        }
    }
    // Someone who already joined and opens the join page again keeps their place.
    if participant(&app, &jar).is_some() {
        return Redirect::to("/q").into_response();
    }
    let Ok(token) = new_token() else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "no randomness").into_response();
    };
    let saves = {
        let mut room = lock(&app.room);
        match room.join(form.name.as_deref(), &lang, token_hash(&token)) {
            Ok(p) => (Store::answers_of(&room, p), app.store.session_of(&room)),
            Err(refusal) => {
                drop(room);
                let (status, problem) = match refusal {
                    JoinRefusal::Full => (StatusCode::FORBIDDEN, JoinProblem::Full),
                    JoinRefusal::Ended => (StatusCode::GONE, JoinProblem::Ended),
                    JoinRefusal::NameNeeded => (StatusCode::BAD_REQUEST, JoinProblem::NameNeeded),
                };
                let code = normalize_code(&form.code);
                return refuse(&app, &lang, status, problem, &code);
            }
        }
    };
    let writer = Arc::clone(&app);
    let saved = tokio::task::spawn_blocking(move || {
        if let Some(answers) = &saves.0 {
            writer.store.write_answers(answers)?;
        }
        writer.store.write_session(&saves.1)
    })
    .await;
    if !matches!(saved, Ok(Ok(()))) {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            tr(
                &lang,
                "Your place could not be saved. Please tell the facilitator.",
            ),
        )
            .into_response();
    }
    let cookie = Cookie::build((COOKIE, token))
        .http_only(true)
        .same_site(SameSite::Strict)
        .path("/")
        .max_age(time::Duration::hours(12))
        .build();
    (jar.add(cookie), Redirect::to("/q")).into_response()
}

#[derive(Debug, Deserialize)]
struct QuestionQuery {
    n: Option<usize>,
    saved: Option<u8>,
}

async fn question(
    State(app): State<App>,
    jar: CookieJar,
    Query(query): Query<QuestionQuery>,
) -> Response {
    let Some(p) = participant(&app, &jar) else {
        return Redirect::to("/").into_response();
    };
    let room = lock(&app.room);
    let position = match room.settings.pace {
        Pace::SelfPaced => query.n,
        Pace::Facilitator => None,
    };
    let n = nonce();
    html(
        StatusCode::OK,
        &n,
        pages::question(&room, p, position, &n, query.saved == Some(1)),
    )
}

#[derive(Debug, Deserialize)]
struct AnswerForm {
    item: String,
    round: u8,
    choice: String,
    note: Option<String>,
    next: Option<usize>,
}

async fn answer(State(app): State<App>, jar: CookieJar, Form(form): Form<AnswerForm>) -> Response {
    let Some(p) = participant(&app, &jar) else {
        return Redirect::to("/").into_response();
    };
    let (result, lang, saves) = {
        let mut room = lock(&app.room);
        let lang = room.participants[p].lang.clone();
        let item = room.q.question(&form.item);
        let answer = if form.choice == Answer::NOT_APPLICABLE {
            Some(Answer::NotApplicable)
        } else if form.choice == Answer::DONT_KNOW {
            Some(Answer::DontKnow)
        } else {
            form.choice
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(Answer::Value)
        };
        let result = match (item, answer) {
            (Some(item), Some(answer)) => room.answer(p, item, form.round, answer, form.note),
            _ => Err(AnswerRefusal::Unknown),
        };
        let saves = result
            .is_ok()
            .then(|| (Store::answers_of(&room, p), app.store.session_of(&room)));
        (result, lang, saves)
    };
    if let Err(refusal) = result {
        let (status, message) = match refusal {
            AnswerRefusal::Closed => (
                StatusCode::CONFLICT,
                tr(&lang, "Voting on this question is closed."),
            ),
            AnswerRefusal::Ended => (StatusCode::GONE, tr(&lang, "This session has ended.")),
            AnswerRefusal::Unknown => (
                StatusCode::BAD_REQUEST,
                tr(&lang, "That answer is not one of the options."),
            ),
        };
        let n = nonce();
        return html(status, &n, pages::refused(&lang, &n, message));
    }
    let writer = Arc::clone(&app);
    let saved = tokio::task::spawn_blocking(move || {
        if let Some((answers, session)) = saves {
            if let Some(answers) = &answers {
                writer.store.write_answers(answers)?;
            }
            writer.store.write_session(&session)?;
        }
        Ok::<(), StoreError>(())
    })
    .await;
    if !matches!(saved, Ok(Ok(()))) {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            tr(
                &lang,
                "Your answer could not be saved. Please tell the facilitator.",
            ),
        )
            .into_response();
    }
    let to = match form.next {
        Some(next) => format!("/q?n={next}&saved=1"),
        None => "/q?saved=1".to_owned(),
    };
    Redirect::to(&to).into_response()
}

#[derive(Debug, Deserialize)]
struct LanguageForm {
    lang: String,
}

async fn language(
    State(app): State<App>,
    jar: CookieJar,
    Form(form): Form<LanguageForm>,
) -> Response {
    let Some(p) = participant(&app, &jar) else {
        return Redirect::to("/").into_response();
    };
    let saves = {
        let mut room = lock(&app.room);
        let Some(lang) = room.q.language(&form.lang).map(str::to_owned) else {
            return Redirect::to("/q").into_response();
        };
        room.set_language(p, &lang);
        (Store::answers_of(&room, p), app.store.session_of(&room))
    };
    let writer = Arc::clone(&app);
    let _ = tokio::task::spawn_blocking(move || {
        if let Some(answers) = &saves.0 {
            writer.store.write_answers(answers)?;
        }
        writer.store.write_session(&saves.1)
    })
    .await;
    Redirect::to("/q").into_response()
}

/// What a page compares to know whether to reload: for a participant, the room's version; for
/// the facilitator's page, that and every vote.
fn host_version(room: &Room) -> String {
    let activity: u64 = room.participants.iter().map(|p| p.changes).sum();
    format!("{}-{}-{}", room.version, room.participants.len(), activity)
}

async fn state(
    State(app): State<App>,
    jar: CookieJar,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
) -> Response {
    let p = participant(&app, &jar);
    let room = lock(&app.room);
    let version = match p {
        Some(_) => room.version.to_string(),
        None if from_facilitator(&app, peer) => host_version(&room),
        None => return StatusCode::UNAUTHORIZED.into_response(),
    };
    axum::Json(serde_json::json!({ "version": version })).into_response()
}

async fn host(State(app): State<App>, ConnectInfo(peer): ConnectInfo<SocketAddr>) -> Response {
    if !from_facilitator(&app, peer) {
        return not_found_page();
    }
    let url = lock(&app.join_url).clone();
    let svg = lock(&app.qr_svg).clone();
    let room = lock(&app.room);
    let n = nonce();
    let version = host_version(&room);
    html(
        StatusCode::OK,
        &n,
        pages::host(&room, &url, svg.as_deref(), &n, &version),
    )
}

/// Whether a request comes from the machine the server runs on.
fn from_facilitator(app: &App, peer: SocketAddr) -> bool {
    peer.ip().is_loopback() || peer.ip() == app.own_ip
}

fn not_found_page() -> Response {
    let n = nonce();
    html(StatusCode::NOT_FOUND, &n, pages::not_found("en", &n))
}

async fn not_found() -> Response {
    not_found_page()
}
