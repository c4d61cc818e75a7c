#!/usr/bin/env bash
# Batch benchmark (not a test): builds N synthetic departments with -j2 and reports wall time,
# time per department and peak RSS, for N = 100, 1000, 5000 by default, then the same build again
# (every department unchanged: the incremental path).
#
#   bench/batch/run.sh [BUDGETPRESS] [N ...]        e.g. bench/batch/run.sh build/budgetpress 100 1000
#
# Environment: BENCH_DIR (work directory, default /tmp/budgetpress-bench; departments are generated
# once per N and reused), BENCH_JOBS (default 2), BENCH_FORMATS (default pdf,xlsx; formats the binary
# cannot build yet are dropped, and the script says so). Needs python3-yaml and GNU time
# (/usr/bin/time, Debian package `time`): scripts/install-deps installs both.
# Targets (docs/batch.md): 1000 departments < 60 s wall, < 500 MB peak RSS.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
BP=${1:-$SRC/build/budgetpress}
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
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %11s | %8s | %13s | %13s | %9s | %15s |\n' departments "wall (s)" "per dept (ms)" "peak RSS (MB)" "built" "no-op rerun (s)"
printf '|%s|%s|%s|%s|%s|%s|\n' -------: ---------: -------------: ------------: ---------: --------------:
for n in "${SIZES[@]}"; do
  depts="$WORK/depts-$n"
  if [ ! -d "$depts" ]; then
    python3 "$HERE/gen_departments.py" "$n" "$depts.tmp" && mv "$depts.tmp" "$depts"
  fi
  out="$WORK/out-$n"
  rm -rf "$out"
  /usr/bin/time -v -o "$WORK/time-$n.txt" "$BP" build -q -j "$JOBS" -f "$FORMATS" -o "$out" "$depts" \
    2>"$WORK/log-$n.txt" >/dev/null || true
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time-$n.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time-$n.txt")
  built=$(find "$out" -path "*/20*/*" -name "*.${formats[0]}" ! -name "汇总*" | wc -l)
  /usr/bin/time -f %e -o "$WORK/time-noop-$n.txt" "$BP" build -q -j "$JOBS" -f "$FORMATS" -o "$out" "$depts" >/dev/null 2>&1 || true
  noop=$(cat "$WORK/time-noop-$n.txt")
  per=$(awk -v w="$wall" -v n="$n" 'BEGIN { printf "%.0f", w * 1000 / n }')
  printf '| %11d | %8.1f | %13s | %13s | %9s | %15s |\n' "$n" "$wall" "$per" "$rss" "$built/$n" "$noop"
done
