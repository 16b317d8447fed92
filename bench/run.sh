#!/usr/bin/env bash
# Batch-scoring benchmark: centricity against the pandas reference scorer and against a plain
# CSV parse of the same bytes, then many answer files against `cat` of the same files.
#
# usage: bench/run.sh [ROWS] [FILES]      (defaults: 1000000 rows, 20000 answer files)
# Needs python3 with numpy and pandas, and GNU time at /usr/bin/time. Prints wall time (the median
# of RUNS runs, default 3), peak memory and ratios, and checks that centricity's figures equal the
# reference's within 0.05.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
FILES=${2:-20000}
PEER=${PEER:-../shared/bench}
Q=questionnaires/customer-centricity.toml

cargo build --release --quiet --bin centricity --example count-records
BIN=target/release/centricity
COUNT=target/release/examples/count-records
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "generating $ROWS respondents..."
python3 "$PEER/gen_responses.py" "$Q" "$ROWS" > "$work/responses.csv"
echo "input: $(du -h "$work/responses.csv" | cut -f1)"

# Runs a command RUNS times with stdout to $1; prints "seconds peak-MB": the median wall time and
# the largest peak memory. The median damps the noise of a shared machine (a first run also pays
# for the page cache).
RUNS=${RUNS:-3}
measure() {
  local out=$1
  shift
  : > "$work/times"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out"
    cat "$work/time" >> "$work/times"
  done
  sort -n "$work/times" | awk '{t[NR] = $1; if ($2 > m) m = $2} END {printf "%s %.1f", t[int((NR + 1) / 2)], m / 1024}'
}

read -r c_s c_mb <<< "$(measure "$work/ours.csv" "$BIN" score --format csv "$work/responses.csv" 2>/dev/null)"
read -r p_s p_mb <<< "$(measure "$work/peer.csv" python3 "$PEER/peer_pandas.py" "$Q" "$work/responses.csv")"
read -r f_s f_mb <<< "$(measure "$work/count.txt" "$COUNT" "$work/responses.csv")"

python3 - "$work/ours.csv" "$work/peer.csv" <<'PY'
import sys
import pandas as pd
ours = pd.read_csv(sys.argv[1]).set_index("respondent")
peer = pd.read_csv(sys.argv[2]).set_index("respondent")
assert len(ours) == len(peer), (len(ours), len(peer))
cols = [c for c in peer.columns]
ours = ours.loc[peer.index, cols]
diff = (ours - peer).abs().max().max()
both_missing = (ours.isna() == peer.isna()).all().all()
assert both_missing, "missing scores differ"
assert diff <= 0.05, f"largest difference {diff}"
print(f"check: {len(peer)} respondents x {len(cols)} figures equal the pandas reference (largest difference {diff:.3f})")
PY

printf '\n%-34s %10s %10s %10s\n' "$ROWS-row CSV export" "seconds" "peak MB" "ratio"
printf '%-34s %10s %10s %10s\n' "centricity score --format csv" "$c_s" "$c_mb" "1.00"
printf '%-34s %10s %10s %10s\n' "pandas reference (peer_pandas.py)" "$p_s" "$p_mb" "$(awk "BEGIN {printf \"%.2f\", $p_s / $c_s}")"
printf '%-34s %10s %10s %10s\n' "plain CSV parse (count records)" "$f_s" "$f_mb" "$(awk "BEGIN {printf \"%.2f\", $f_s / $c_s}")"
echo "centricity is $(awk "BEGIN {printf \"%.1f\", $p_s / $c_s}")x faster than pandas and takes $(awk "BEGIN {printf \"%.2f\", $c_s / $f_s}")x the time of a plain parse"

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
read -r a_s a_mb <<< "$(measure "$work/files.csv" "$BIN" score --format csv "$work/files")"
read -r t_s t_mb <<< "$(measure /dev/null find "$work/files" -name '*.toml' -exec cat {} +)"
printf '\n%-34s %10s %10s %10s\n' "$FILES answer files" "seconds" "peak MB" "ratio"
printf '%-34s %10s %10s %10s\n' "centricity score --format csv" "$a_s" "$a_mb" "1.00"
printf '%-34s %10s %10s %10s\n' "cat of the same files" "$t_s" "$t_mb" "$(awk "BEGIN {printf \"%.2f\", $t_s / $a_s}")"
