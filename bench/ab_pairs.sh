#!/bin/bash
# Alternating A/B pairs of cold runs (not a test): one `build -f pdf --force` process of binary A,
# then one of binary B, N times, then per binary the median, mean and minimum wall time in ms.
# For a change too small for bench/pdf/run.sh's 5 runs: this machine's speed drifts by up to a
# quarter between batches of runs, so only pairs run side by side compare; 150–200 pairs per
# example tell a 1–2 % change from noise (bench/pdf/README.md, rounds 13–14). Usage:
#
#   bench/ab_pairs.sh N EXAMPLE.yaml BINARY_A BINARY_B
#
# Each binary writes to its own temporary directory and uses its own XDG_CACHE_HOME (both warmed
# by one run first), as bench/pdf/run.sh does.
set -euo pipefail
if [ $# -ne 4 ]; then
  echo "usage: $0 N EXAMPLE.yaml BINARY_A BINARY_B" >&2
  exit 2
fi
n=$1 example=$2 a=$3 b=$4
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
run() {  # run LABEL BINARY: one cold build, prints "LABEL ms"
  local t0=$EPOCHREALTIME
  XDG_CACHE_HOME="$TMP/xdg-$1" "$2" build -q -f pdf --force -o "$TMP/out-$1" "$example" > /dev/null
  local t1=$EPOCHREALTIME
  echo "$1 $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }')"
}
run A "$a" > /dev/null
run B "$b" > /dev/null
for _ in $(seq 1 "$n"); do
  run A "$a"
  run B "$b"
done > "$TMP/times"
for label in A B; do
  awk -v l="$label" '$1 == l { print $2 }' "$TMP/times" | sort -n | awk -v l="$label" '
    { v[NR] = $1; s += $1 }
    END { printf "%s median %.2f mean %.2f min %.2f ms (%d runs)\n", l, v[int((NR + 1) / 2)], s / NR, v[1], NR }'
done
