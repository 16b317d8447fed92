//! The small rules around a room that need no network: the join code, participant tokens, the
//! limit on wrong join codes, and what a participant may type as a name or a note.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// The characters of a join code: capital letters and digits that cannot be misread for one
/// another on a projected screen (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
const CODE_ALPHABET: &[u8] = b"34679ACDEFGHJKMNPQRTUVWXY";
/// The length of a join code: 25^6, about 244 million codes, against 10 wrong tries a minute.
pub const CODE_LENGTH: usize = 6;

/// Random bytes from the operating system.
fn random<const N: usize>() -> Result<[u8; N], getrandom::Error> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)?;
    Ok(bytes)
}

/// A new join code.
pub fn new_code() -> Result<String, getrandom::Error> {
    let bytes = random::<CODE_LENGTH>()?;
    // 256 is not a multiple of 25: the first 250 values map evenly, the rest are drawn again.
    let mut code = String::with_capacity(CODE_LENGTH);
    for b in bytes {
        let mut b = b;
        while b >= 250 {
            b = random::<1>()?[0];
        }
        code.push(char::from(
            CODE_ALPHABET[usize::from(b) % CODE_ALPHABET.len()],
        ));
    }
    Ok(code)
}

/// A join code as typed: spaces and dashes dropped, letters in capitals, so that `k7p 3qx` is
/// `K7P3QX`.
pub fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// A new participant token: 128 random bits in hex.
pub fn new_token() -> Result<String, getrandom::Error> {
    Ok(hex(&random::<16>()?))
}

/// What the session folder keeps of a token: its SHA-256, so that the folder alone does not let
/// anyone act as a participant.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A per-response nonce for the page's inline style and script.
pub fn new_nonce() -> Result<String, getrandom::Error> {
    Ok(hex(&random::<16>()?))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Wrong join codes allowed per client address in [`RATE_WINDOW`].
pub const MAX_WRONG_CODES: usize = 10;
/// The window of the limit on wrong join codes.
pub const RATE_WINDOW: Duration = Duration::from_secs(60);
/// Addresses remembered at most; past that, the oldest are forgotten first.
const MAX_ADDRESSES: usize = 10_000;

/// Counts wrong join codes per client address over a sliding window, so that nobody on the
/// network can try codes until one works. Right codes are not counted: a room of 200 phones
/// behind one address (a hotspot, a test on one machine) joins freely.
#[derive(Debug)]
pub struct RateLimiter {
    limit: usize,
    window: Duration,
    failures: HashMap<IpAddr, VecDeque<Instant>>,
}

impl Default for RateLimiter {
    fn default() -> Self {
        Self::new(MAX_WRONG_CODES, RATE_WINDOW)
    }
}

impl RateLimiter {
    pub fn new(limit: usize, window: Duration) -> Self {
        Self {
            limit,
            window,
            failures: HashMap::new(),
        }
    }

    /// Whether `ip` may try a code at `now`.
    pub fn allows(&mut self, ip: IpAddr, now: Instant) -> bool {
        let window = self.window;
        match self.failures.get_mut(&ip) {
            None => true,
            Some(times) => {
                while times
                    .front()
                    .is_some_and(|&t| now.saturating_duration_since(t) >= window)
                {
                    times.pop_front();
                }
                times.len() < self.limit
            }
        }
    }

    /// Records a wrong code from `ip` at `now`.
    pub fn failed(&mut self, ip: IpAddr, now: Instant) {
        if self.failures.len() >= MAX_ADDRESSES && !self.failures.contains_key(&ip) {
            let window = self.window;
            self.failures.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|&t| now.saturating_duration_since(t) < window)
            });
            if self.failures.len() >= MAX_ADDRESSES {
                return;
            }
        }
        self.failures.entry(ip).or_default().push_back(now);
    }
}

/// The longest name a participant may give, in characters.
pub const MAX_NAME_CHARS: usize = 60;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// A name or note as typed, made fit to keep: control characters (escape sequences among them)
/// and invisible format characters dropped, line breaks kept only in notes, surrounding space
/// trimmed and the length capped. `None` when nothing is left.
pub fn clean_text(typed: &str, multiline: bool, max_chars: usize) -> Option<String> {
    let kept: String = typed
        .chars()
        .map(|c| if c == '\r' || c == '\t' { ' ' } else { c })
        .filter(|&c| {
            (multiline && c == '\n')
                || !(c.is_control() || crate::terminal_text::is_invisible_format(c))
        })
        .take(max_chars)
        .collect();
    let kept = kept.trim();
    (!kept.is_empty()).then(|| kept.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_code_is_six_unambiguous_characters_and_is_typed_loosely() {
        for _ in 0..50 {
            let code = new_code().expect("random");
            assert_eq!(code.len(), CODE_LENGTH);
            assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)), "{code}");
        }
        assert_eq!(normalize_code(" k7p-3qx "), "K7P3QX");
    }

    #[test]
    fn tokens_are_128_bits_and_only_their_hash_is_kept() {
        let (a, b) = (new_token().expect("random"), new_token().expect("random"));
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), token_hash(&b));
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn ten_wrong_codes_a_minute_then_the_address_waits() {
        let mut limit = RateLimiter::default();
        let (me, other) = (IpAddr::from([10, 0, 0, 7]), IpAddr::from([10, 0, 0, 8]));
        let t0 = Instant::now();
        for k in 0..10 {
            assert!(limit.allows(me, t0), "try {k}");
            limit.failed(me, t0 + Duration::from_secs(k));
        }
        assert!(!limit.allows(me, t0 + Duration::from_secs(30)));
        assert!(
            limit.allows(other, t0 + Duration::from_secs(30)),
            "per address"
        );
        assert!(
            !limit.allows(me, t0 + Duration::from_secs(59)),
            "the window slides from each failure"
        );
        assert!(
            limit.allows(me, t0 + Duration::from_secs(61)),
            "the first has expired"
        );
    }

    #[test]
    fn names_and_notes_keep_no_control_characters() {
        assert_eq!(
            clean_text("  Ana\u{1b}[31m\u{7}  ", false, 60).as_deref(),
            Some("Ana[31m")
        );
        assert_eq!(clean_text("a\nb", false, 60).as_deref(), Some("ab"));
        assert_eq!(clean_text("a\r\nb", true, 60).as_deref(), Some("a \nb"));
        assert_eq!(clean_text(" \u{200b} ", false, 60), None);
        assert_eq!(clean_text("abcdef", false, 3).as_deref(), Some("abc"));
    }
}
