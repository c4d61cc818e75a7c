#!/usr/bin/env bash
# PDF benchmark (not a test): per example, cold wall time, CPU time and peak RSS of one
# `budgetpress build -f pdf` process, warm time per department (the same example built 20× in one
# process, fonts loaded once), and the PDF size. Usage:
#
#   bench/pdf/run.sh [BUILD_DIR]          (default build/, a release build)
#
# Environment: BENCH_REPS (default 3) runs of everything, interleaved (base, ours, Typst, base,
# ours, Typst …) so that every engine sees the same machine load; the tables give the min and the
# median. BENCH_BASE=/path/to/budgetpress: a baseline binary measured in the same run (its ratios
# to ours are printed: base/ours > 1 means we are faster).
#
# Second engine, same run: Typst (npm @myriaddreamin/typst-ts-node-compiler, see bench/pdf/README.md)
# typesets the same document — our DOCX of it, turned into Typst source by docx2typst.py (not timed) —
# with the same Noto CJK fonts: cold wall time / peak RSS of one `node compile.js` process, warm ms/doc
# (the 20 copies compiled by one compiler), size, pages, same-amounts check and the ratios Typst/ours.
# Skipped, with a note, when node or bench/pdf/typst/node_modules is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
BP="${1:-build}/budgetpress"
BASE=${BENCH_BASE:-}
REPS=${BENCH_REPS:-3}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=1700000000
export LC_NUMERIC=C  # EPOCHREALTIME and awk read a decimal point
TYPST_DIR=bench/pdf/typst
typst=0
if command -v node >/dev/null && [ -d "$TYPST_DIR/node_modules/@myriaddreamin/typst-ts-node-compiler" ] &&
   command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then typst=1; fi
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

# measure ENGINE EXAMPLE KIND CMD…: one timed run, a line "engine example kind wall_s cpu_s rss_kb".
measure() {
  local engine=$1 code=$2 kind=$3
  shift 3
  # Wall time from bash's microsecond clock around the whole /usr/bin/time call (GNU time's %e has
  # only 10 ms steps, an eighth of a cold run of ours); CPU (user + sys) and peak RSS from GNU time.
  local t0=$EPOCHREALTIME
  /usr/bin/time -f '%e %U %S %M' -o "$TMP/t" "$@" > /dev/null
  local t1=$EPOCHREALTIME
  read -r _ u s m < "$TMP/t"
  echo "$engine $code $kind $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }') $(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') $m" >> "$TMP/runs"
}

examples=(examples/2023/434.yaml examples/2023/631.yaml examples/2024/201.yaml)
engines=(ours)
[ -n "$BASE" ] && engines=(base ours)
[ "$typst" = 1 ] && engines+=(typst)
: > "$TMP/runs"
: > "$TMP/sizes"
for f in "${examples[@]}"; do
  code=$(basename "$f" .yaml)
  mkdir -p "$TMP/warm-$code"
  for i in $(seq 1 20); do sed "s/^  code: \"$code\"/  code: \"$code$i\"/" "$f" > "$TMP/warm-$code/$i.yaml"; done
  if [ "$typst" = 1 ]; then
    # Typst: the same documents as DOCX → Typst source (untimed).
    "$BP" build -q -f docx --force -o "$TMP/docx" "$f" "$TMP/warm-$code"
    mkdir -p "$TMP/typ-cold" "$TMP/typ-warm-$code"
    python3 bench/pdf/docx2typst.py "$TMP"/docx/*/"$code"-*.docx "$TMP/typ-cold/$code.typ"
    for i in $(seq 1 20); do
      python3 bench/pdf/docx2typst.py "$TMP"/docx/*/"$code$i"-*.docx "$TMP/typ-warm-$code/$code$i.typ"
    done
  fi
  # Each build its own font cache (text/font_cache.hpp), made by an untimed run first, as a user's
  # installation has one: two binaries of other checkouts sharing ~/.cache/budgetpress/fonts.cache
  # would each find the other's stamps and ask fontconfig again on every run (+≈ 28 M instructions
  # a cold run, both sides; found in round 9, 20F).
  for e in base ours; do
    case " ${engines[*]} " in *" $e "*)
      bin=$BP; [ "$e" = base ] && bin=$BASE
      XDG_CACHE_HOME="$TMP/xdg-$e" "$bin" build -q -f pdf --force -o "$TMP/cold-$e" "$f" > /dev/null ;;
    esac
  done
  for rep in $(seq 1 "$REPS"); do
    for e in "${engines[@]}"; do
      case $e in
        base | ours)
          bin=$BP; [ "$e" = base ] && bin=$BASE
          XDG_CACHE_HOME="$TMP/xdg-$e" measure "$e" "$code" cold "$bin" build -q -f pdf --force -o "$TMP/cold-$e" "$f"
          XDG_CACHE_HOME="$TMP/xdg-$e" measure "$e" "$code" warm "$bin" build -q -j1 -f pdf --force -o "$TMP/warm-out-$e" "$TMP/warm-$code" ;;
        typst)
          measure typst "$code" cold node "$TYPST_DIR/compile.js" "$TMP/typst-cold" "$TMP/typ-cold/$code.typ"
          measure typst "$code" warm node "$TYPST_DIR/compile.js" "$TMP/typst-warm" "$TMP/typ-warm-$code"/*.typ ;;
      esac
    done
  done
  ours_pdf=$(echo "$TMP"/cold-ours/*/"$code"-*.pdf)
  echo "ours $code $(stat -c %s "$ours_pdf") $(pages "$ours_pdf") -" >> "$TMP/sizes"
  if [ -n "$BASE" ]; then
    base_pdf=$(echo "$TMP"/cold-base/*/"$code"-*.pdf)
    echo "base $code $(stat -c %s "$base_pdf") $(pages "$base_pdf") -" >> "$TMP/sizes"
  fi
  if [ "$typst" = 1 ]; then
    tpdf="$TMP/typst-cold/$code.pdf"
    same=$(python3 bench/pdf/same_numbers.py "$ours_pdf" "$tpdf" 2>/dev/null || echo "?")
    echo "typst $code $(stat -c %s "$tpdf") $(pages "$tpdf") $same" >> "$TMP/sizes"
  fi
done

echo "$REPS runs interleaved (${engines[*]}), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$typst" = 1 ] && echo "Typst: $(strings "$TYPST_DIR"/node_modules/@myriaddreamin/typst-ts-node-compiler-*/*.node 2>/dev/null |
  grep -om1 'typst-assets-[0-9.]*' | sed 's/typst-assets-/Typst /' || true) (typst-ts-node-compiler $(node -p "require('./$TYPST_DIR/node_modules/@myriaddreamin/typst-ts-node-compiler/package.json').version"))"
# Per engine and example: min and median of cold wall, median cold CPU, max RSS, min and median of
# warm wall per document, size; then the ratios.
awk -v reps="$REPS" '
  function med(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function mn(list,   n, a, i, m) { n = split(list, a, " "); m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
  FILENAME ~ /sizes$/ { size[$1 " " $2] = $3; pg[$1 " " $2] = $4; same[$1 " " $2] = $5; next }
  {
    k = $1 " " $2
    if (!(k in seen)) { seen[k] = 1; order[++n] = k }
    if ($3 == "cold") { cw[k] = cw[k] " " $4 * 1000; cc[k] = cc[k] " " $5 * 1000; if ($6 > rss[k]) rss[k] = $6 }
    else { ww[k] = ww[k] " " $4 * 1000 / 20; wc[k] = wc[k] " " $5 * 1000 / 20 }
  }
  END {
    printf "%-6s %-5s %8s %8s %8s %7s %9s %9s %9s %9s %5s %9s\n", "engine", "ex", "cold_min", "cold_med", "cold_cpu", "rss_MB", "warm_min", "warm_med", "warm_cpu", "size_KB", "pages", "amounts"
    for (i = 1; i <= n; i++) {
      k = order[i]; split(k, p, " ")
      printf "%-6s %-5s %8.0f %8.0f %8.0f %7.1f %9.1f %9.1f %9.1f %9.1f %5s %9s\n", p[1], p[2], mn(cw[k]), med(cw[k]), med(cc[k]), rss[k] / 1024, mn(ww[k]), med(ww[k]), med(wc[k]), size[k] / 1024, pg[k], same[k]
    }
    print ""
    print "ratios (median; min in brackets): Typst/ours and base/ours — above 1 means ours is faster/smaller"
    printf "%-5s %-7s %15s %15s %8s %8s %8s\n", "ex", "vs", "×cold wall", "×warm wall", "×cpu", "×rss", "×size"
    for (i = 1; i <= n; i++) {
      k = order[i]; split(k, p, " "); if (p[1] != "ours") continue
      for (e = 1; e <= 2; e++) {
        other = e == 1 ? "typst" : "base"; o = other " " p[2]
        if (!(o in seen)) continue
        printf "%-5s %-7s %7.2f (%5.2f) %7.2f (%5.2f) %8.2f %8.2f %8.2f\n", p[2], other, med(cw[o]) / med(cw[k]), mn(cw[o]) / mn(cw[k]), med(ww[o]) / med(ww[k]), mn(ww[o]) / mn(ww[k]), med(cc[o]) / med(cc[k]), rss[o] / rss[k], size[o] / size[k]
      }
    }
  }' "$TMP/sizes" "$TMP/runs"
echo "(ms; cold = one process: startup, fonts, YAML → PDF (Typst: node start, font scan, compile, PDF);"
echo " warm = one process building the 20 copies, per document (Typst: one compiler, memo cache emptied"
echo " before each document); cpu = user+sys; amounts = decimal numbers of our PDF also found in Typst's)"
if [ "$typst" = 0 ]; then
  echo "Typst comparison skipped: needs node, pdfinfo/pdftotext (poppler-utils) and the npm package:"
  echo "  npm ci --prefix $TYPST_DIR      (see bench/pdf/README.md)"
fi
