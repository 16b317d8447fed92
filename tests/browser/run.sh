#!/usr/bin/env bash
# Opens each kind of HTML report in headless Chromium: no console errors, a screenshot that is
# not blank, and a report built from hostile texts shows them literally with nothing run. Then
# check.mjs (Node, with playwright-core and axe-core pinned in package-lock.json) lays every
# report out at 400, 800 and 1200 px and on A4 and Letter paper, and fails on anything past the
# edge of the screen or the paper, overlapping figures or chart labels, a near-empty page, a
# heading alone at the foot of a page, or an accessibility violation found by axe-core.
#
# usage: tests/browser/run.sh [OUT_DIR]    (needs chromium; .ci/run installs Debian's package,
#        and poppler-utils for reading the printed pages)
# Given OUT_DIR, it keeps there a screenshot of each report at each width and each PDF, for a
# person to look at (default: a temporary folder). Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
keep=${1:+1}
out=${1:-$(mktemp -d)}
mkdir -p "$out"
bin=${CENTRICITY:-${CARGO_TARGET_DIR:-target}/debug/centricity}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium not found: browser tests skipped"
  echo "0 passed, 0 failed, 7 skipped"
  exit 0
fi
export SOURCE_DATE_EPOCH=1763769600   # reports carry a fixed date: 2025-11-22
passed=0
failed=0
skipped=0
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

laid_out=()   # NAME=FILE.html of every report check.mjs lays out
report() { # name, command...
  local name=$1
  shift
  "$@" > "$out/$name.html" 2> "$out/$name.stderr" || { check "$name builds" "exit $? ($(head -c 300 "$out/$name.stderr"))"; return; }
  laid_out+=("$name=$out/$name.html")
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
report trend "$bin" trend examples/quarterly/2026-q1 examples/quarterly/2026-q2 examples/quarterly/2026-q3 examples/quarterly/2026-q4 --plan examples/quarterly/plan.toml --format html
report xss "$bin" score --questionnaire tests/fixtures/xss.toml tests/fixtures/xss-answers.toml --format html
# Longer words, wider characters, and groups side by side.
report gap-fr "$bin" gap examples/gap/workshop examples/gap/customers.csv --format html --lang fr
report summarize-zh "$bin" summarize examples/workshop --format html --lang zh --by role

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

# Layout on screens and paper, and accessibility: with Node and the pinned packages.
here=tests/browser
if ! command -v node > /dev/null 2>&1; then
  echo "node not found: layout, print and accessibility checks skipped"
  skipped=$((skipped + 1))
else
  if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/axe-core" ]; then
    npm ci --prefix "$here" --no-audit --no-fund --loglevel=error > "$out/npm.log" 2>&1 \
      || echo "npm ci failed: $(tail -3 "$out/npm.log")"
  fi
  if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/axe-core" ]; then
    if [ "${CI:-}" = true ]; then
      check "layout, print and accessibility checks" "playwright-core and axe-core could not be installed"
    else
      echo "playwright-core and axe-core not installed (npm ci --prefix $here): layout, print and accessibility checks skipped"
      skipped=$((skipped + 1))
    fi
  else
    SHOTS=$keep CHROMIUM="$browser" node "$here/check.mjs" "$out" "${laid_out[@]}" > "$out/check.log" 2>&1
    code=$?
    cat "$out/check.log"
    ok=$(grep -c '^ok: ' "$out/check.log")
    bad=$(grep -c '^FAILED: ' "$out/check.log")
    passed=$((passed + ok))
    failed=$((failed + bad))
    if [ "$code" -ne 0 ] && [ "$bad" -eq 0 ]; then
      check "layout, print and accessibility checks run" "check.mjs stopped with exit $code"
    fi
    if grep -q '^pdftotext not found' "$out/check.log"; then skipped=$((skipped + 1)); fi
  fi
fi
echo "browser: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
