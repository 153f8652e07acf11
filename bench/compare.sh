#!/usr/bin/env bash
# Times `mizan compare` on N generated assessment files (many agencies and periods):
# loading, checking, scoring, grouping and writing the workbook, end to end.
#
#   bench/compare.sh [N_FILES] [MIZAN_BINARY]
#
# N_FILES defaults to 500 (100 agencies x 5 half-year periods). MIZAN_BINARY defaults to
# the first of build*/src/cli/mizan that exists. Prints the wall-clock and CPU time of each
# of RUNS runs (default 5) and the best, plain and --anonymize. Goal (issue 7): 500 files
# compared and exported in under 1 second. Needs /usr/bin/time (Debian package `time`).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
n="${1:-500}"
mizan="${2:-}"
runs="${RUNS:-5}"
if [[ -z "$mizan" ]]; then
  for b in "$root"/build*/src/cli/mizan; do
    [[ -x "$b" ]] && { mizan="$b"; break; }
  done
fi
[[ -x "$mizan" ]] || { echo "bench: no mizan binary (build one, or pass its path)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/mizan-compare-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 "$here/gen_assessments.py" "$n" "$work/in" --seed 7
bytes=$(du -sb "$work/in" | cut -f1)
echo "files: $n assessments in $work/in ($((bytes / 1000)) kB), $(nproc) CPU(s), load $(cut -d' ' -f1 /proc/loadavg)"
cat "$work"/in/*/* > /dev/null  # a warm page cache, as when a folder was just copied

for mode in plain anonymize; do
  flag=""
  [[ "$mode" == anonymize ]] && flag="--anonymize"
  best=""
  for i in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$mizan" compare "$work/in" -o "$work/compare.xlsx" $flag > "$work/out"
    read -r wall user sys rss < "$work/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "$mode run $i: ${wall} s wall, ${cpu} s CPU, $((rss / 1024)) MB peak"
    if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$wall"; fi
  done
  echo "$mode: best ${best} s wall for $n files; $(cat "$work/out")"
  echo "$mode: workbook $(( $(stat -c %s "$work/compare.xlsx") / 1000 )) kB"
done
