#!/usr/bin/env bash
# Batch benchmark (not a test): builds N synthetic departments with -j2 and reports wall time,
# time per department and peak RSS, for N = 100, 1000, 5000 by default, then the same build again
# (every department unchanged: the incremental path).
#
#   bench/batch/run.sh [BUDGETPRESS] [N ...]        e.g. bench/batch/run.sh build/budgetpress 100 1000
#
# Environment: BENCH_DIR (work directory, default /tmp/budgetpress-bench; departments are generated
# once per N and reused), BENCH_JOBS (default 2), BENCH_FORMATS (default pdf,xlsx; formats the binary
# cannot build yet are dropped, and the script says so). BENCH_BASE=/path/to/budgetpress: a baseline
# binary run side by side — for each N, base and ours alternate BENCH_REPS times (default 1) — and
# the ratio ours/base of the wall time is printed (below 1: ours is faster). Needs python3-yaml and GNU time
# (/usr/bin/time, Debian package `time`): scripts/install-deps installs both.
# Targets (docs/batch.md): 1000 departments < 60 s wall, < 500 MB peak RSS.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
BP=${1:-$SRC/build/budgetpress}
BASE=${BENCH_BASE:-}
REPS=${BENCH_REPS:-1}
shift || true
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000 5000)
WORK=${BENCH_DIR:-/tmp/budgetpress-bench}
JOBS=${BENCH_JOBS:-2}
WANT=${BENCH_FORMATS:-pdf,xlsx}
[ -x "$BP" ] || { echo "no budgetpress binary at $BP" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install time (scripts/install-deps)" >&2; exit 2; }
python3 -c "import yaml" 2>/dev/null || { echo "python3-yaml missing (scripts/install-deps)" >&2; exit 2; }
mkdir -p "$WORK"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

# Which of the wanted formats this binary builds.
formats=()
for f in ${WANT//,/ }; do
  if "$BP" build -q -f "$f" -o "$WORK/probe" "$SRC/examples/2023/434.yaml" >/dev/null 2>&1; then
    formats+=("$f")
  else
    echo "note: format $f is not available in this binary; measured without it" >&2
  fi
done
[ ${#formats[@]} -gt 0 ] || formats=(json)
FORMATS=$(IFS=,; echo "${formats[*]}")
rm -rf "$WORK/probe"

echo "budgetpress $("$BP" --version | awk '{print $2}'), formats $FORMATS, -j$JOBS, $(nproc) CPUs," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)${BASE:+, base $BASE}"
bins=(ours)
[ -n "$BASE" ] && bins=(base ours)
printf '| %4s | %11s | %8s | %8s | %13s | %13s | %9s | %15s |\n' bin departments "wall (s)" "CPU (s)" "per dept (ms)" "peak RSS (MB)" "built" "no-op rerun (s)"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' ---- -------: ---------: ---------: -------------: ------------: ---------: --------------:
: > "$WORK/walls"
for n in "${SIZES[@]}"; do
  depts="$WORK/depts-$n"
  if [ ! -d "$depts" ]; then
    python3 "$HERE/gen_departments.py" "$n" "$depts.tmp" && mv "$depts.tmp" "$depts"
  fi
  for rep in $(seq 1 "$REPS"); do
    for b in "${bins[@]}"; do
      bin=$BP; [ "$b" = base ] && bin=$BASE
      out="$WORK/out-$n-$b"
      rm -rf "$out"
      /usr/bin/time -v -o "$WORK/time-$n.txt" "$bin" build -q -j "$JOBS" -f "$FORMATS" -o "$out" "$depts" \
        2>"$WORK/log-$n.txt" >/dev/null || true
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time-$n.txt")
      cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$WORK/time-$n.txt")
      rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time-$n.txt")
      built=$(find "$out" -path "*/20*/*" -name "*.${formats[0]}" ! -name "汇总*" | wc -l)
      /usr/bin/time -f %e -o "$WORK/time-noop-$n.txt" "$bin" build -q -j "$JOBS" -f "$FORMATS" -o "$out" "$depts" >/dev/null 2>&1 || true
      noop=$(tail -n 1 "$WORK/time-noop-$n.txt")
      per=$(awk -v w="$wall" -v n="$n" 'BEGIN { printf "%.0f", w * 1000 / n }')
      printf '| %4s | %11d | %8.1f | %8.1f | %13s | %13s | %9s | %15s |\n' "$b" "$n" "$wall" "$cpu" "$per" "$rss" "$built/$n" "$noop"
      echo "$n $b $wall $cpu $rss" >> "$WORK/walls"
    done
  done
done
if [ -n "$BASE" ]; then
  echo
  echo "ours / base (median of $REPS; below 1 = ours faster or smaller):"
  awk '
    function med(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { w[$1 " " $2] = w[$1 " " $2] " " $3; c[$1 " " $2] = c[$1 " " $2] " " $4; r[$1 " " $2] = r[$1 " " $2] " " $5; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
    END { for (i = 1; i <= n; i++) { k = order[i]
      printf "  %6d departments: wall %.2f, CPU %.2f, peak RSS %.2f\n", k, med(w[k " ours"]) / med(w[k " base"]), med(c[k " ours"]) / med(c[k " base"]), med(r[k " ours"]) / med(r[k " base"]) } }' "$WORK/walls"
fi
