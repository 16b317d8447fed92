#!/usr/bin/env bash
# Opens each kind of HTML report in headless Chromium: no console errors, a screenshot that is
# not blank, and a report built from hostile texts shows them literally with nothing run.
#
# usage: tests/browser/run.sh [OUT_DIR]    (needs chromium; .ci/run installs Debian's package)
# Screenshots go to OUT_DIR (default: a temporary folder). Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
bin=${CENTRICITY:-${CARGO_TARGET_DIR:-target}/debug/centricity}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium not found: browser tests skipped"
  echo "0 passed, 0 failed, 6 skipped"
  exit 0
fi
export SOURCE_DATE_EPOCH=1763769600   # reports carry a fixed date: 2025-11-22
passed=0
failed=0
check() { # name, condition message
  if [ "$2" = ok ]; then passed=$((passed + 1)); echo "ok: $1"; else failed=$((failed + 1)); echo "FAILED: $1: $2"; fi
}

# Runs Chromium on an HTML file: a screenshot, the DOM after load, and the console log.
open_page() { # html, png, dom, log
  local profile
  profile=$(mktemp -d)
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1000,1400 \
    --enable-logging=stderr --v=0 --screenshot="$2" "file://$(realpath "$1")" > /dev/null 2> "$4"
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --dump-dom "file://$(realpath "$1")" > "$3" 2>> "$4"
  rm -rf "$profile"
}

# A PNG counts as blank when it has fewer than 10 distinct colours.
not_blank() {
  python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, ctype = 8, b"", 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    chunk = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", chunk[:10])
    elif kind == b"IDAT":
        idat += chunk
    pos += 12 + n
raw = zlib.decompress(idat)
bpp = {2: 3, 6: 4}.get(ctype, 4)
stride = width * bpp + 1
colours = set()
for y in range(0, height, max(1, height // 200)):
    row = raw[y * stride + 1:(y + 1) * stride]
    for x in range(0, width * bpp, bpp * max(1, width // 200)):
        colours.add(row[x:x + 3])
print(len(colours))
sys.exit(0 if len(colours) >= 10 else 1)
PY
}

report() { # name, command...
  local name=$1
  shift
  "$@" > "$out/$name.html" 2> "$out/$name.stderr" || { check "$name builds" "exit $? ($(head -c 300 "$out/$name.stderr"))"; return; }
  open_page "$out/$name.html" "$out/$name.png" "$out/$name.dom" "$out/$name.log"
  if grep -qiE "uncaught|console\(.*error|Refused to" "$out/$name.log"; then
    check "$name: no console errors" "$(grep -iE "uncaught|console|Refused" "$out/$name.log" | head -3)"
  else
    check "$name: no console errors" ok
  fi
  if [ -s "$out/$name.png" ] && not_blank "$out/$name.png" > /dev/null; then
    check "$name: screenshot is not blank" ok
  else
    check "$name: screenshot is not blank" "blank or missing screenshot"
  fi
}

cargo build --quiet
report score "$bin" score examples/answers/telecom-driven.toml --format html
report summarize "$bin" summarize examples/workshop --format html
report compare "$bin" compare examples/quarterly/2026-q1 examples/quarterly/2026-q3 --format html
report gap "$bin" gap examples/gap/workshop examples/gap/customers.csv --format html
report xss "$bin" score --questionnaire tests/fixtures/xss.toml tests/fixtures/xss-answers.toml --format html

# Hostile texts: shown literally, and no element they describe exists in the page.
if [ ! -s "$out/xss.dom" ]; then
  check "hostile texts do not become elements" "no page was loaded"
elif grep -q "<script" "$out/xss.dom" || grep -qi "<img src=\"\\?x" "$out/xss.dom"; then
  check "hostile texts do not become elements" "found an injected element in the DOM"
else
  check "hostile texts do not become elements" ok
fi
if grep -q "&lt;script&gt;" "$out/xss.dom" && grep -q "&lt;/style&gt;" "$out/xss.dom"; then
  check "hostile texts are shown literally" ok
else
  check "hostile texts are shown literally" "escaped payload not found in the page text"
fi
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
