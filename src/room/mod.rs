//! `centricity room`: a workshop on the participants' own phones. The facilitator's terminal
//! runs a small web server on the local network; participants join with a code, answer on a
//! page served by the binary, and each participant's answers are saved as an ordinary answer
//! file in the session folder after every answer.
//!
//! The parts: the rules of a room as pure code ([`state`], [`rules`]), the session folder
//! ([`store`]), the HTTP server ([`server`]), the pages ([`pages`]), the QR code ([`qr`]) and
//! the facilitator's keys ([`facilitator`]).

pub mod facilitator;
pub mod pages;
pub mod qr;
pub mod rules;
pub mod server;
pub mod state;
pub mod store;

pub use server::{BODY_LIMIT, COOKIE, RoomServer, StartError};
pub use state::{Move, Moved, Pace, Room, Settings};
pub use store::{SESSION_FILE, Store, StoreError};

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};

/// The machine's address on the local network: the one the system would send from towards a
/// private address. Connecting a UDP socket only picks a route; nothing is sent.
pub fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind(SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0))).ok()?;
    socket
        .connect(SocketAddr::from((Ipv4Addr::new(10, 255, 255, 255), 9)))
        .ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified()).then_some(ip)
}
