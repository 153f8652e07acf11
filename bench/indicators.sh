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
# under 50 MB peak resident memory on 1,000,000 rows.
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

# seconds and peak RSS (KB) from a `time -v` log
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"; }
peak_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
cpu_s() { awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$1"; }

best_s="" best_kb="" best_cpu=""
for run in 1 2 3; do
  /usr/bin/time -v -o "$work/mizan.time" "$mizan" indicators "$csv" --as-of "$as_of" --json > "$work/mizan.json"
  s=$(elapsed "$work/mizan.time"); kb=$(peak_kb "$work/mizan.time"); c=$(cpu_s "$work/mizan.time")
  echo "mizan run $run: ${s} s wall, ${c} s CPU, peak ${kb} KB"
  if [[ -z "$best_cpu" ]] || awk "BEGIN {exit !($c < $best_cpu)}"; then best_cpu=$c; fi
  if [[ -z "$best_s" ]] || awk "BEGIN {exit !($s < $best_s)}"; then best_s=$s; fi
  if [[ -z "$best_kb" ]] || (( kb > best_kb )); then best_kb=$kb; fi
done

/usr/bin/time -v -o "$work/pandas.time" "$py" "$here/pandas_indicators.py" "$csv" --as-of "$as_of" > "$work/pandas.json"
p_s=$(elapsed "$work/pandas.time"); p_kb=$(peak_kb "$work/pandas.time"); p_cpu=$(cpu_s "$work/pandas.time")
echo "pandas: ${p_s} s wall, ${p_cpu} s CPU, peak ${p_kb} KB"

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

# Wall-clock time is the goal's measure; CPU time (user + system) is shown too because it
# is steadier on a machine shared with other work.
awk -v m="$best_s" -v p="$p_s" -v mk="$best_kb" -v pk="$p_kb" -v mc="$best_cpu" -v pc="$p_cpu" 'BEGIN {
  printf "mizan:  %.2f s wall (best of 3), %.2f s CPU, peak %.1f MB (largest of 3)\n", m, mc, mk / 1024
  printf "pandas: %.2f s wall, %.2f s CPU, peak %.1f MB\n", p, pc, pk / 1024
  printf "speed: mizan is %.1fx faster than pandas in wall time (goal >= 30x): %s; %.1fx in CPU time\n", p / m, (p / m >= 30 ? "met" : "MISSED"), pc / mc
  printf "memory: %.1f MB peak (goal < 50 MB): %s\n", mk / 1024, (mk / 1024 < 50 ? "met" : "MISSED")
}'
