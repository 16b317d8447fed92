#!/usr/bin/env bash
# `centricity room` in headless Chromium (tests/browser/room/room.mjs): several participants'
# pages and the facilitator's page, screenshots at phone width, no console errors, axe-core
# with zero violations. Skips with a message when Chromium, Node or the npm packages are absent.
#
# usage: tests/browser/room.sh [OUT_DIR]    Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
bin=${CENTRICITY:-${CARGO_TARGET_DIR:-target}/debug/centricity}
if ! command -v chromium >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "chromium or node not found: the room's browser test is skipped"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
if [ ! -d tests/browser/room/node_modules/playwright-core ]; then
  # The versions are pinned in package.json; no browser is downloaded (Debian's Chromium runs).
  (cd tests/browser/room && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent) \
    || { echo "npm packages could not be installed: the room's browser test is skipped"; echo "0 passed, 0 failed, 1 skipped"; exit 0; }
fi
[ -x "$bin" ] || cargo build --quiet
node tests/browser/room/room.mjs "$(realpath "$bin")" "$out"
