#!/usr/bin/env bash
# Times `mizan indicators --json` against the same computation in pandas on a generated
# case file, checks that both give the same figures, and prints the speed ratio and the
# peak memory of each.
#
#   bench/indicators.sh [N_ROWS] [MIZAN_BINARY]
#
# N_ROWS defaults to 1000000 (about 110 MB). MIZAN_BINARY defaults to the first of
# build*/src/cli/mizan that exists. Needs /usr/bin/time (Debian package `time`) and
# /usr/bin/python3 with python3-pandas. Goal (issue 6): >= 30x faster than pandas and
# under 50 MB peak resident memory on 1,000,000 rows. RUNS=N runs each side N times (3).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
n="${1:-1000000}"
mizan="${2:-}"
if [[ -z "$mizan" ]]; then
  for b in "$root"/build*/src/cli/mizan; do
    [[ -x "$b" ]] && { mizan="$b"; break; }
  done
fi
[[ -x "$mizan" ]] || { echo "bench: no mizan binary (build one, or pass its path)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
py=/usr/bin/python3
"$py" -c 'import pandas' 2>/dev/null || { echo "bench: python3-pandas missing (apt-get install python3-pandas)" >&2; exit 2; }

as_of=2026-06-30
work="${MIZAN_BENCH_DIR:-/tmp/mizan-bench}"
mkdir -p "$work"
csv="$work/cases-$n.csv"
if [[ ! -s "$csv" ]]; then
  echo "generating $n rows..."
  "$py" "$here/gen_cases.py" "$n" "$csv" --as-of "$as_of"
fi
bytes=$(stat -c %s "$csv")
echo "file: $csv ($n rows, $((bytes / 1000000)) MB)"
cat "$csv" > /dev/null  # both start from a warm page cache

# Both sides are timed the same way: the whole process (start-up, reading, output), from a
# warm page cache, RUNS times each, alternating (mizan, pandas, mizan, pandas, ...) so that
# other work on the machine weighs on both alike. Wall time from bash's microsecond clock;
# CPU time (user + system, all threads), peak RSS and the share of a CPU from `time -v`.
runs="${RUNS:-3}"
peak_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
cpu_s() { awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$1"; }
cpu_pct() { awk -F': ' '/Percent of CPU/ {print $2}' "$1"; }
preempted() { awk -F': ' '/Involuntary context switches/ {print $2}' "$1"; }
# timed NAME OUT CMD...: one run; appends "wall cpu kb" to $work/NAME.runs
timed() {
  local name=$1 out=$2
  shift 2
  local t0=$EPOCHREALTIME
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$out"
  local t1=$EPOCHREALTIME
  local s c kb
  s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
  c=$(cpu_s "$work/$name.time"); kb=$(peak_kb "$work/$name.time")
  echo "$s $c $kb" >> "$work/$name.runs"
  printf '%-6s run %d: %7.3f s wall, %6.2f s CPU (%s of a CPU, preempted %s times), peak %d KB\n' \
    "$name" "$run" "$s" "$c" "$(cpu_pct "$work/$name.time")" "$(preempted "$work/$name.time")" "$kb"
}
rm -f "$work/mizan.runs" "$work/pandas.runs"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work slows either side)"
for ((run = 1; run <= runs; run++)); do
  timed mizan "$work/mizan.json" "$mizan" indicators "$csv" --as-of "$as_of" --json
  timed pandas "$work/pandas.json" "$py" "$here/pandas_indicators.py" "$csv" --as-of "$as_of"
done
# best and median of a column of a .runs file
best() { sort -n -k"$2" "$work/$1.runs" | head -1 | awk -v k="$2" '{print $k}'; }
median() { sort -n -k"$2" "$work/$1.runs" | awk -v k="$2" '{v[NR] = $k} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
largest() { sort -n -k"$2" "$work/$1.runs" | tail -1 | awk -v k="$2" '{print $k}'; }

# Same figures? Every indicator pandas computes must equal mizan's.
"$py" - "$work/mizan.json" "$work/pandas.json" <<'EOF'
import json, math, sys
m = json.load(open(sys.argv[1])); p = json.load(open(sys.argv[2]))
bad = []
if m["rows"] != p["rows"]:
    bad.append(("rows", m["rows"], p["rows"]))
for k, pv in p["indicators"].items():
    mv = m["indicators"].get(k, "missing")
    same = (mv is None and pv is None) or (
        isinstance(mv, (int, float)) and isinstance(pv, (int, float)) and math.isclose(mv, pv, rel_tol=1e-12, abs_tol=1e-12))
    if not same:
        bad.append((k, mv, pv))
if bad:
    for b in bad:
        print("DIFFERENT %s: mizan %r, pandas %r" % b)
    sys.exit(1)
print("figures agree: rows and %d indicators identical" % len(p["indicators"]))
EOF

# Wall-clock time is the goal's measure (best of the runs on each side, and the medians);
# CPU time (user + system) is shown too because it is steadier on a machine shared with
# other work. Mizan reads a large file in two halves on two threads, so its CPU time can
# exceed its wall time.
awk -v m="$(best mizan 1)" -v mm="$(median mizan 1)" -v p="$(best pandas 1)" -v pm="$(median pandas 1)" \
    -v mc="$(best mizan 2)" -v pc="$(best pandas 2)" -v mk="$(largest mizan 3)" -v pk="$(largest pandas 3)" -v r="$runs" 'BEGIN {
  printf "mizan:  %.3f s wall best of %d (median %.3f), %.2f s CPU, peak %.1f MB (largest)\n", m, r, mm, mc, mk / 1024
  printf "pandas: %.3f s wall best of %d (median %.3f), %.2f s CPU, peak %.1f MB (largest)\n", p, r, pm, pc, pk / 1024
  printf "speed: mizan is %.1fx faster than pandas in wall time, best against best (goal >= 30x): %s; %.1fx median against median; %.1fx in CPU time\n", p / m, (p / m >= 30 ? "met" : "MISSED"), pm / mm, pc / mc
  printf "memory: %.1f MB peak (goal < 50 MB): %s\n", mk / 1024, (mk / 1024 < 50 ? "met" : "MISSED")
}'
