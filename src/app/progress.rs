//! A progress bar on standard error for long batch runs: only on a terminal, never in pipes or
//! CI, and only when the work is large enough to wait for.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Inputs smaller than this finish before a bar would be worth drawing.
const MIN_BYTES: u64 = 8 * 1024 * 1024;
const MIN_FILES: usize = 2_000;

fn wanted() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

fn bar(len: u64, template: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr_with_hz(4));
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

/// A bar over the bytes of a CSV export, or a hidden one.
pub(crate) fn bytes(total: u64) -> ProgressBar {
    if wanted() && total >= MIN_BYTES {
        bar(
            total,
            "{spinner} reading {bytes}/{total_bytes} [{bar:30}] {percent}% eta {eta}",
        )
    } else {
        ProgressBar::hidden()
    }
}

/// A bar over a number of answer files, or a hidden one.
pub(crate) fn files(total: usize) -> ProgressBar {
    if wanted() && total >= MIN_FILES {
        bar(
            u64::try_from(total).unwrap_or(u64::MAX),
            "{spinner} scoring {pos}/{len} files [{bar:30}] eta {eta}",
        )
    } else {
        ProgressBar::hidden()
    }
}
