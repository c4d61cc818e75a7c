#!/usr/bin/env bash
# PDF benchmark (not a test): per example, cold wall time and peak RSS of one `budgetpress build -f pdf`
# process, warm time per department (the same example built 20× in one process, fonts loaded once), and
# the PDF size. Usage: bench/pdf/run.sh [BUILD_DIR]   (default build/, a release build)
#
# Second engine, same run: Typst (npm @myriaddreamin/typst-ts-node-compiler, see bench/pdf/README.md)
# typesets the same document — our DOCX of it, turned into Typst source by docx2typst.py (not timed) —
# with the same Noto CJK fonts: cold wall time / peak RSS of one `node compile.js` process, warm ms/doc
# (the 20 copies compiled by one compiler), size, pages, same-amounts check and the ratios Typst/ours.
# Skipped, with a note, when node or bench/pdf/typst/node_modules is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
BP="${1:-build}/budgetpress"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=1700000000
TYPST_DIR=bench/pdf/typst
typst=0
if command -v node >/dev/null && [ -d "$TYPST_DIR/node_modules/@myriaddreamin/typst-ts-node-compiler" ] &&
   command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then typst=1; fi
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

printf '%-10s %10s %10s %12s %10s\n' example cold_ms rss_MB warm_ms/doc size_KB
: > "$TMP/typst-rows"
for f in examples/2023/434.yaml examples/2023/631.yaml examples/2024/201.yaml; do
  code=$(basename "$f" .yaml)
  /usr/bin/time -f '%e %M' -o "$TMP/t" "$BP" build -q -f pdf --force -o "$TMP/cold" "$f"
  read -r secs kb < "$TMP/t"
  mkdir -p "$TMP/warm-$code"
  for i in $(seq 1 20); do sed "s/^  code: \"$code\"/  code: \"$code$i\"/" "$f" > "$TMP/warm-$code/$i.yaml"; done
  /usr/bin/time -f '%e' -o "$TMP/w" "$BP" build -q -j1 -f pdf --force -o "$TMP/warm" "$TMP/warm-$code"
  wsecs=$(cat "$TMP/w")
  pdf=$(echo "$TMP"/cold/*/"$code"-*.pdf)
  size=$(stat -c %s "$pdf")
  awk -v c="$code" -v s="$secs" -v k="$kb" -v w="$wsecs" -v z="$size" \
    'BEGIN { printf "%-10s %10.0f %10.1f %12.1f %10.1f\n", c, s*1000, k/1024, (w/20)*1000, z/1024 }'
  [ "$typst" = 1 ] || continue

  # Typst: the same documents as DOCX → Typst source (untimed), then compiled.
  "$BP" build -q -f docx --force -o "$TMP/docx" "$f" "$TMP/warm-$code"
  mkdir -p "$TMP/typ-cold" "$TMP/typ-warm-$code"
  python3 bench/pdf/docx2typst.py "$TMP"/docx/*/"$code"-*.docx "$TMP/typ-cold/$code.typ"
  for i in $(seq 1 20); do
    python3 bench/pdf/docx2typst.py "$TMP"/docx/*/"$code$i"-*.docx "$TMP/typ-warm-$code/$code$i.typ"
  done
  /usr/bin/time -f '%e %M' -o "$TMP/tt" node "$TYPST_DIR/compile.js" "$TMP/typst-cold" "$TMP/typ-cold/$code.typ" > /dev/null
  read -r tsecs tkb < "$TMP/tt"
  /usr/bin/time -f '%e' -o "$TMP/tw" node "$TYPST_DIR/compile.js" "$TMP/typst-warm" "$TMP/typ-warm-$code"/*.typ > /dev/null
  twsecs=$(cat "$TMP/tw")
  tpdf="$TMP/typst-cold/$code.pdf"
  tsize=$(stat -c %s "$tpdf")
  same=$(python3 bench/pdf/same_numbers.py "$pdf" "$tpdf" 2>/dev/null)
  echo "$code $secs $kb $wsecs $size $(pages "$pdf") $tsecs $tkb $twsecs $tsize $(pages "$tpdf") $same" >> "$TMP/typst-rows"
done

echo
if [ "$typst" = 0 ]; then
  echo "Typst comparison skipped: needs node, pdfinfo/pdftotext (poppler-utils) and the npm package:"
  echo "  npm ci --prefix $TYPST_DIR      (see bench/pdf/README.md)"
  exit 0
fi
typst_version=$(strings "$TYPST_DIR"/node_modules/@myriaddreamin/typst-ts-node-compiler-*/*.node 2>/dev/null |
  grep -om1 'typst-assets-[0-9.]*' | sed 's/typst-assets-/Typst /' || true)
echo "Same documents with ${typst_version:-Typst} (typst-ts-node-compiler $(node -p "require('./$TYPST_DIR/node_modules/@myriaddreamin/typst-ts-node-compiler/package.json').version")); ratios = Typst / ours"
printf '%-10s %10s %10s %12s %10s %6s %6s %9s %7s %7s %7s %7s\n' example cold_ms rss_MB warm_ms/doc size_KB pages ours amounts ×cold ×warm ×rss ×size
while read -r code secs kb wsecs size pg tsecs tkb tms tsize tpg same; do
  awk -v c="$code" -v s="$secs" -v k="$kb" -v w="$wsecs" -v z="$size" -v pg="$pg" \
      -v ts="$tsecs" -v tk="$tkb" -v tw="$tms" -v tz="$tsize" -v tpg="$tpg" -v same="$same" 'BEGIN {
    ow = (w / 20) * 1000; tw = (tw / 20) * 1000
    printf "%-10s %10.0f %10.1f %12.1f %10.1f %6s %6s %9s %7.2f %7.2f %7.2f %7.2f\n",
      c, ts*1000, tk/1024, tw, tz/1024, tpg, pg, same, ts/s, tw/ow, tk/k, tz/z }'
done < "$TMP/typst-rows"
echo "(Typst cold = one node process: startup, font scan, compile, PDF; warm = one node process compiling the"
echo " 20 copies / 20, as ours, with Typst's memo cache emptied before each document; amounts = decimal numbers"
echo " of our PDF also found in Typst's, by pdftotext)"
