#!/usr/bin/env bash
# Batch-scoring benchmark: centricity against the pandas, Polars and DuckDB reference scorers and
# against a plain CSV parse of the same bytes; the same export in other shapes (question texts as
# headers, `;`-separated, Windows-1252) against the id-header file; an Excel workbook; then many
# answer files against `cat` of the same files.
#
# usage: bench/run.sh [ROWS] [FILES]      (defaults: 1000000 rows, 20000 answer files)
# Needs python3 (3.11 or later) and GNU time at /usr/bin/time; installs numpy, pandas, polars,
# duckdb and openpyxl with pip when they are missing. Prints wall time (the median of RUNS runs,
# default 3), peak memory (the largest of the runs) and ratios, and checks that centricity's
# figures equal each reference's within 0.05, and that every other shape gives exactly the
# figures of the id-header file.
#
# Environment: RUNS (default 3); XLSX_ROWS (rows of the workbook, default 100000; the workbook is
# kept in target/bench/ and made again only when the data change); PEER (folder of the reference
# scorers, default ../shared/bench); WAIT_FOR_QUIET=1 waits before each timed run, up to WAIT_MAX
# seconds in all (default 1500), while a rustc process runs (a compile on the same cores distorts
# the figures); the script says how many runs started while one was running anyway.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
FILES=${2:-20000}
XLSX_ROWS=${XLSX_ROWS:-100000}
PEER=${PEER:-../shared/bench}
Q=questionnaires/customer-centricity.toml
RUNS=${RUNS:-3}
WAIT_FOR_QUIET=${WAIT_FOR_QUIET:-0}
WAIT_MAX=${WAIT_MAX:-1500}

missing=$(python3 - <<'PY'
import importlib.util
print(" ".join(m for m in ["numpy", "pandas", "polars", "duckdb", "openpyxl"] if importlib.util.find_spec(m) is None))
PY
)
if [ -n "$missing" ]; then
  echo "installing with pip: $missing"
  python3 -m pip install --quiet $missing || {
    echo "error: pip could not install $missing; install them (a virtual environment works) and run again" >&2
    exit 1
  }
fi

cargo build --release --quiet --bin centricity --example count-records
# Where cargo put them: CARGO_TARGET_DIR and cargo's own configuration are honoured.
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
BIN=$target/release/centricity
COUNT=$target/release/examples/count-records
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache=$target/bench
mkdir -p "$cache"
: > "$work/noisy"
echo 0 > "$work/waited"
failed=0

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "tools: $(python3 -c 'import sys, numpy, pandas, polars, duckdb; print(f"python {sys.version.split()[0]}, numpy {numpy.__version__}, pandas {pandas.__version__}, polars {polars.__version__}, duckdb {duckdb.__version__}")')"
echo "generating $ROWS respondents..."
python3 "$PEER/gen_responses.py" "$Q" "$ROWS" > "$work/responses.csv"
echo "input: $(du -h "$work/responses.csv" | cut -f1)"

# Before a timed run: with WAIT_FOR_QUIET=1, waits while a compile runs (at most WAIT_MAX seconds
# over the whole script); records a run that starts while one is still running.
quiet() {
  if [ "$WAIT_FOR_QUIET" = 1 ]; then
    local waited
    waited=$(cat "$work/waited")
    while pgrep -f rustc > /dev/null && [ "$waited" -lt "$WAIT_MAX" ]; do
      echo "  (rustc running: waiting 60 s, $waited s waited so far)" >&2
      sleep 60
      waited=$((waited + 60))
      echo "$waited" > "$work/waited"
    done
  fi
  if pgrep -f rustc > /dev/null; then
    echo "$*" >> "$work/noisy"
  fi
}

# run_once NAME OUT COMMAND...: runs COMMAND once with stdout to OUT and stderr to OUT.err, and
# appends "seconds peak-KB" to the times of NAME. A failing command stops the script.
run_once() {
  local name=$1 out=$2
  shift 2
  quiet "$name"
  if ! /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out" 2> "$out.err"; then
    echo "error: $name failed: $*" >&2
    cat "$out.err" >&2
    exit 1
  fi
  cat "$work/time" >> "$work/times.$name"
}

# figures NAME: prints "seconds peak-MB": the median wall time of NAME's runs and the largest peak
# memory. The median damps the noise of a shared machine (a first run also pays for the page
# cache).
figures() {
  sort -n "$work/times.$1" | awk '{t[NR] = $1; if ($2 > m) m = $2} END {printf "%s %.1f", t[int((NR + 1) / 2)], m / 1024}'
}

# measure NAME OUT COMMAND...: RUNS runs of COMMAND, one after the other.
measure() {
  local name=$1 out=$2
  shift 2
  for _ in $(seq "$RUNS"); do
    run_once "$name" "$out" "$@"
  done
}

ratio() { awk "BEGIN {if ($2 > 0) printf \"%.2f\", $1 / $2; else printf \"-\"}"; }
ratio1() { awk "BEGIN {if ($2 > 0) printf \"%.1f\", $1 / $2; else printf \"-\"}"; }
row() { printf '%-46s %10s %10s %10s\n' "$@"; }

# check.py peers OURS NAME=PEER...: centricity's figures against each reference's, within 0.05.
# check.py same NAME=BASE NAME=OTHER...: another shape's figures against the base file's, exactly
# (every column but `source`, which names the file; respondent names read back from Windows-1252
# must be the UTF-8 `Zoë ...` the file was written with).
cat > "$work/check.py" <<'PY'
import sys
import pandas as pd

mode, base, others = sys.argv[1], sys.argv[2], sys.argv[3:]
base_name, _, base = base.rpartition("=")
ok = True
if mode == "peers":
    ours = pd.read_csv(base).set_index("respondent")
    for arg in others:
        name, path = arg.split("=", 1)
        peer = pd.read_csv(path).set_index("respondent")
        cols = list(peer.columns)
        problems = []
        if len(ours) != len(peer) or not ours.index.sort_values().equals(peer.index.sort_values()):
            problems.append(f"respondents differ ({len(ours)} against {len(peer)})")
            diff = float("nan")
        else:
            o = ours.loc[peer.index, cols]
            if not (o.isna() == peer.isna()).all().all():
                bad = (o.isna() != peer.isna()).any(axis=1)
                problems.append(f"missing scores differ in {int(bad.sum())} rows, first {bad[bad].index[0]}")
            diff = float((o - peer).abs().max().max())
            if not diff <= 0.05:
                problems.append(f"largest difference {diff}")
        if problems:
            ok = False
            print(f"check FAILED: {name}: " + "; ".join(problems))
        else:
            print(f"check: {len(peer)} respondents x {len(cols)} figures equal the {name} reference (largest difference {diff:.3f})")
else:
    read = lambda p: pd.read_csv(p, dtype=str, keep_default_na=False).drop(columns=["source"])
    b = read(base)
    base_name = base_name or "the base file"
    for arg in others:
        name, path = arg.split("=", 1)
        o = read(path)
        problems = []
        if list(o.columns) != list(b.columns) or len(o) != len(b):
            problems.append(f"shape {len(o)} x {list(o.columns)} against {len(b)} x {list(b.columns)}")
        else:
            named = o["respondent"].str.startswith("Zoë ")
            if name == "Windows-1252":
                expect = pd.Series(range(len(o))) % 10 == 3
                if not (named == expect).all():
                    problems.append(f"{int((named != expect).sum())} respondent names not read back as `Zoë ...`")
                o["respondent"] = o["respondent"].str.removeprefix("Zoë ")
            bad = (o != b).any(axis=1)
            if bad.any():
                i = int(bad.idxmax())
                cols = [c for c in b.columns if o.at[i, c] != b.at[i, c]]
                problems.append(f"{int(bad.sum())} rows differ, first row {i + 1}: " + ", ".join(f"{c} {o.at[i, c]!r} against {b.at[i, c]!r}" for c in cols))
        if problems:
            ok = False
            print(f"check FAILED: {name}: " + "; ".join(problems))
        else:
            print(f"check: {name}: {len(o)} respondents, every figure equal to {base_name}'s")
sys.exit(0 if ok else 1)
PY

# --- 1. The export against the reference scorers and a plain parse ------------------------------
measure ours "$work/ours.csv" "$BIN" score --format csv "$work/responses.csv"
measure pandas "$work/pandas.csv" python3 "$PEER/peer_pandas.py" "$Q" "$work/responses.csv"
measure polars /dev/null python3 "$PEER/peer_polars.py" "$Q" "$work/responses.csv" "$work/polars.csv"
measure duckdb /dev/null python3 "$PEER/peer_duckdb.py" "$Q" "$work/responses.csv" "$work/duckdb.csv"
measure count "$work/count.txt" "$COUNT" "$work/responses.csv"
python3 "$work/check.py" peers "$work/ours.csv" pandas="$work/pandas.csv" Polars="$work/polars.csv" DuckDB="$work/duckdb.csv" || failed=1

read -r c_s c_mb <<< "$(figures ours)"
read -r p_s p_mb <<< "$(figures pandas)"
read -r l_s l_mb <<< "$(figures polars)"
read -r d_s d_mb <<< "$(figures duckdb)"
read -r f_s f_mb <<< "$(figures count)"
echo
row "$ROWS-row CSV export" "seconds" "peak MB" "ratio"
row "centricity score --format csv" "$c_s" "$c_mb" "1.00"
row "pandas reference (peer_pandas.py)" "$p_s" "$p_mb" "$(ratio "$p_s" "$c_s")"
row "Polars reference (peer_polars.py)" "$l_s" "$l_mb" "$(ratio "$l_s" "$c_s")"
row "DuckDB reference (peer_duckdb.py)" "$d_s" "$d_mb" "$(ratio "$d_s" "$c_s")"
row "plain CSV parse (count records)" "$f_s" "$f_mb" "$(ratio "$f_s" "$c_s")"
echo "centricity is $(ratio1 "$p_s" "$c_s")x faster than pandas, $(ratio1 "$l_s" "$c_s")x faster than Polars, $(ratio1 "$d_s" "$c_s")x faster than DuckDB, and takes $(ratio "$c_s" "$f_s")x the time of a plain parse"

# --- 2. The same data in other shapes --------------------------------------------------------
echo
echo "writing the export with question texts as headers, with ';', and as Windows-1252 with ';'..."
python3 - "$Q" "$work/responses.csv" "$work" <<'PY'
import csv, sys, tomllib
qpath, src, out = sys.argv[1:]
with open(qpath, "rb") as f:
    text = {x["id"]: x["text"]["en"] for x in tomllib.load(f)["questions"]}
with (
    open(src, newline="") as f,
    open(f"{out}/text.csv", "w", newline="") as t,
    open(f"{out}/semicolon.csv", "w", newline="") as s,
    open(f"{out}/cp1252.csv", "w", newline="", encoding="cp1252") as w,
):
    rows = csv.reader(f)
    header = next(rows)
    # One header row, as Qualtrics writes a matrix question: "Stem - Statement".
    tw = csv.writer(t, lineterminator="\n")
    tw.writerow([f"How far do you agree? - {text[h]}" if h in text else h for h in header])
    sw = csv.writer(s, delimiter=";", lineterminator="\n")
    sw.writerow(header)
    ww = csv.writer(w, delimiter=";", lineterminator="\n")
    ww.writerow(header)
    for k, row in enumerate(rows):
        tw.writerow(row)
        sw.writerow(row)
        # A respondent name outside ASCII in one row of ten: the file is not valid UTF-8.
        ww.writerow(["Zoë " + row[0]] + row[1:] if k % 10 == 3 else row)
PY
printf '[values]\n' > "$work/values.toml"
# Rounds of one run of each shape, so that every shape meets the same state of the machine.
for _ in $(seq "$RUNS"); do
  run_once id "$work/id.csv" "$BIN" score --format csv "$work/responses.csv"
  run_once text "$work/text-out.csv" "$BIN" score --format csv --map "$work/values.toml" "$work/text.csv"
  run_once semicolon "$work/semicolon-out.csv" "$BIN" score --format csv "$work/semicolon.csv"
  run_once cp1252 "$work/cp1252-out.csv" "$BIN" score --format csv "$work/cp1252.csv"
done
python3 "$work/check.py" same "the id-header file=$work/id.csv" text-matched="$work/text-out.csv" semicolon="$work/semicolon-out.csv" Windows-1252="$work/cp1252-out.csv" || failed=1

read -r i_s i_mb <<< "$(figures id)"
read -r t_s t_mb <<< "$(figures text)"
read -r s_s s_mb <<< "$(figures semicolon)"
read -r w_s w_mb <<< "$(figures cp1252)"
echo
row "$ROWS-row export, other shapes" "seconds" "peak MB" "ratio"
row "question ids as headers (same rounds)" "$i_s" "$i_mb" "1.00"
row "question texts as headers (--map, [values])" "$t_s" "$t_mb" "$(ratio "$t_s" "$i_s")"
row "separated by ';'" "$s_s" "$s_mb" "$(ratio "$s_s" "$i_s")"
row "Windows-1252, separated by ';'" "$w_s" "$w_mb" "$(ratio "$w_s" "$i_s")"
awk -v t="$(ratio "$t_s" "$i_s")" -v s="$(ratio "$s_s" "$i_s")" -v w="$(ratio "$w_s" "$i_s")" 'BEGIN {
  n = split("text-matched " t " semicolon " s " Windows-1252 " w, a, " ")
  for (k = 1; k < n; k += 2) if (a[k + 1] > 1.10) miss = miss " " a[k] " (" a[k + 1] "x)"
  print (miss == "" ? "every shape is within 1.10x of the id-header file" : "over the 1.10x target:" miss)
}'

# --- 3. An Excel workbook --------------------------------------------------------------------
echo
head -n "$((XLSX_ROWS + 1))" "$work/responses.csv" > "$work/head.csv"
XLSX_ROWS=$(($(wc -l < "$work/head.csv") - 1))
xlsx="$cache/responses-$XLSX_ROWS-$(sha256sum "$work/head.csv" | cut -c1-12).xlsx"
if [ ! -f "$xlsx" ]; then
  echo "writing $xlsx ($XLSX_ROWS rows, openpyxl)..."
  python3 - "$work/head.csv" "$xlsx.tmp" <<'PY'
import csv, sys
from openpyxl import Workbook
src, out = sys.argv[1:]
wb = Workbook(write_only=True)
ws = wb.create_sheet("Sheet1")
with open(src, newline="") as f:
    rows = csv.reader(f)
    ws.append(next(rows))
    for row in rows:
        # Answers as numbers; "n/a" stays text and an empty cell is left out.
        ws.append(row[:2] + [int(v) if v.isdigit() else (v or None) for v in row[2:]])
wb.save(out)
PY
  mv "$xlsx.tmp" "$xlsx"
fi
echo "workbook: $xlsx, $(du -h "$xlsx" | cut -f1)"
for _ in $(seq "$RUNS"); do
  run_once csvhead "$work/head-out.csv" "$BIN" score --format csv "$work/head.csv"
  run_once xlsx "$work/xlsx-out.csv" "$BIN" score --format csv "$xlsx"
done
python3 "$work/check.py" same "the CSV file=$work/head-out.csv" xlsx="$work/xlsx-out.csv" || failed=1
read -r h_s h_mb <<< "$(figures csvhead)"
read -r x_s x_mb <<< "$(figures xlsx)"
echo
row "$XLSX_ROWS-row export" "seconds" "peak MB" "ratio"
row "CSV, centricity score --format csv" "$h_s" "$h_mb" "1.00"
row ".xlsx workbook, centricity score --format csv" "$x_s" "$x_mb" "$(ratio "$x_s" "$h_s")"

# --- 4. Answer files -------------------------------------------------------------------------
echo
echo "writing $FILES answer files..."
mkdir "$work/files"
python3 - "$work/responses.csv" "$work/files" "$FILES" <<'PY'
import csv, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, newline="") as f:
    rows = csv.reader(f)
    header = next(rows)
    for k, row in enumerate(rows):
        if k >= n:
            break
        lines = ['questionnaire = "customer-centricity"', f'respondent = "{row[0]}"', f'team = "{row[1]}"', "", "[answers]"]
        for h, v in zip(header[2:], row[2:]):
            if v == "":
                continue
            lines.append(f'{h} = "n/a"' if v == "n/a" else f"{h} = {v}")
        with open(f"{out}/{row[0]}.toml", "w") as g:
            g.write("\n".join(lines) + "\n")
PY
measure files "$work/files.csv" "$BIN" score --format csv "$work/files"
measure cat /dev/null find "$work/files" -name '*.toml' -exec cat {} +
read -r a_s a_mb <<< "$(figures files)"
read -r t_s t_mb <<< "$(figures cat)"
echo
row "$FILES answer files" "seconds" "peak MB" "ratio"
row "centricity score --format csv" "$a_s" "$a_mb" "1.00"
row "cat of the same files" "$t_s" "$t_mb" "$(ratio "$t_s" "$a_s")"

echo
runs=$(cat "$work"/times.* | wc -l)
noisy=$(wc -l < "$work/noisy")
if [ "$(cat "$work/waited")" -gt 0 ]; then
  echo "waited $(cat "$work/waited") s in all for running compiles to finish"
fi
if [ "$noisy" -gt 0 ]; then
  echo "note: $noisy of $runs timed runs started while a rustc process was running ($(sort "$work/noisy" | uniq -c | awk '{printf "%s%s %s", s, $2, $1; s = ", "}')); their figures may be slower"
else
  echo "$runs timed runs, none while a rustc process was running"
fi
if [ "$failed" = 1 ]; then
  echo "error: a check failed (see above)" >&2
  exit 1
fi
