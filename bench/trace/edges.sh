#!/usr/bin/env bash
# Where a cold build's wall time goes outside its trace (a developer's measurement, not a test):
# N cold builds of EXAMPLE with BUDGETPRESS_TRACE, each split into
#   start — from bash starting the process to the trace's origin (fork, exec, the dynamic loader,
#           the static initialisers that run before src/util/trace.cpp's);
#   spans — from the origin to the end of the last span;
#   end   — from the last span to the process's end as bash sees it (the exit, the kernel's teardown).
# The origin's wall-clock time is the trace file's "# origin_unix_us" line.
#
#   bench/trace/edges.sh [N] [EXAMPLE] [BINARY]     (defaults: 10, examples/2023/434.yaml,
#                                                     build/budgetpress)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10}
EX=${2:-examples/2023/434.yaml}
BP=${3:-build/budgetpress}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=1700000000 XDG_CACHE_HOME="$TMP/xdg"
"$BP" build -q -f pdf --force -o "$TMP/out" "$EX"  # the font cache, as a user's installation has
for _ in $(seq "$N"); do
  t0=$EPOCHREALTIME
  BUDGETPRESS_TRACE="$TMP/trace.tsv" "$BP" build -q -f pdf --force -o "$TMP/out" "$EX"
  t1=$EPOCHREALTIME
  echo "$t0 $t1 $(awk -F'\t' '/^# origin_unix_us/ { o = $2 } !/^#/ && $4 > m { m = $4 }
                              END { print o, m + 0 }' "$TMP/trace.tsv")"
done | python3 -c '
import statistics, sys
rows = []
for line in sys.stdin:
    t0, t1, origin, last = line.split()
    t0, t1 = float(t0) * 1e6, float(t1) * 1e6
    start, spans = (int(origin) - t0) / 1000, int(last) / 1000
    rows.append((start, spans, (t1 - t0) / 1000 - start - spans, (t1 - t0) / 1000))
    print("start %6.1f  spans %6.1f  end %5.1f  total %6.1f ms" % rows[-1])
med = [statistics.median(r[i] for r in rows) for i in range(4)]
print("median: start %.1f  spans %.1f  end %.1f  total %.1f ms" % tuple(med))
'
