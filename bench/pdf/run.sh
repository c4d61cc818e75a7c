#!/usr/bin/env bash
# PDF benchmark (not a test): per example, cold wall time and peak RSS of one `budgetpress build -f pdf`
# process, warm time per department (the same example built 20× in one process, fonts loaded once), and
# the PDF size. Usage: bench/pdf/run.sh [BUILD_DIR]   (default build/, a release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
BP="${1:-build}/budgetpress"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=1700000000
printf '%-10s %10s %10s %12s %10s\n' example cold_ms rss_MB warm_ms/doc size_KB
for f in examples/2023/434.yaml examples/2023/631.yaml examples/2024/201.yaml; do
  code=$(basename "$f" .yaml)
  /usr/bin/time -f '%e %M' -o "$TMP/t" "$BP" build -q -f pdf --force -o "$TMP/cold" "$f"
  read -r secs kb < "$TMP/t"
  mkdir -p "$TMP/warm-$code"
  for i in $(seq 1 20); do sed "s/^  code: \"$code\"/  code: \"$code$i\"/" "$f" > "$TMP/warm-$code/$i.yaml"; done
  /usr/bin/time -f '%e' -o "$TMP/w" "$BP" build -q -j1 -f pdf --force -o "$TMP/warm" "$TMP/warm-$code"
  wsecs=$(cat "$TMP/w")
  size=$(stat -c %s "$TMP"/cold/*/"$code"-*.pdf)
  awk -v c="$code" -v s="$secs" -v k="$kb" -v w="$wsecs" -v z="$size" \
    'BEGIN { printf "%-10s %10.0f %10.1f %12.1f %10.1f\n", c, s*1000, k/1024, (w/20)*1000, z/1024 }'
done
