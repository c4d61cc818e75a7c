# Tagged PDF/UA-1 and PDF/A-2u (docs/pdf-standards.md; theme pdf.tagged: true, pdf.archival: true):
# every example's PDF read back by poppler
# (structure tree, text in tree order = page text in reading order, every table cell in a TD/TH),
# qpdf (objects, XMP, output intent; --check) and pdf.js (getStructTree: headings, tables, tree
# text = page text per page); an untagged build (both switches false) must fail the same checks;
# the default theme's PDF is PDF/A (XMP) but untagged; builds are byte-deterministic.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000
# A copy of config/ whose theme sets pdf.tagged / pdf.archival to $2 / $3.
theme_copy() {
  mkdir -p "$1" && cp -r config "$1/config" && ln -s "$SRC/templates" "$1/templates"
  python3 - "$1/config/themes/default.yaml" "$2" "$3" <<'PY'
import re, sys
p, tagged, archival = sys.argv[1:]
s = open(p, encoding="utf-8").read()
s = re.sub(r"(?m)^  tagged: \w+", "  tagged: " + tagged, s)
s = re.sub(r"(?m)^  archival: \w+", "  archival: " + archival, s)
open(p, "w", encoding="utf-8").write(s)
PY
}
theme_copy "$TMP/on" true true
theme_copy "$TMP/off" false false
"$BP" --config "$TMP/on/config" build -q --format pdf,txt --out "$TMP/a" examples; rc=$?
check '[ "$rc" -eq 0 ]' "build failed (rc=$rc)"

# pdf.js from the npm registry (package-lock.json pins it); node_modules stays out of git.
PDFJS="$SRC/tests/e2e/pdfjs"
pdfjs=no
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -d "$PDFJS/node_modules/pdfjs-dist" ]; then
    timeout 300 npm ci --prefix "$PDFJS" --omit=optional --no-audit --no-fund >"$TMP/npm.log" 2>&1 ||
      echo "SKIP pdf.js: npm ci failed (registry unreachable?): $(tail -2 "$TMP/npm.log")"
  fi
  [ -d "$PDFJS/node_modules/pdfjs-dist" ] && pdfjs=yes
else
  echo "SKIP pdf.js: node/npm not installed"
fi

n=0
for pdf in "$TMP"/a/*/*.pdf; do
  name=$(basename "$pdf" .pdf)
  n=$((n + 1))
  info=$(pdfinfo "$pdf")
  check 'grep -q "^Tagged: *yes" <<<"$info"' "$name: not tagged"
  check 'grep -q "^Metadata Stream: *yes" <<<"$info"' "$name: no XMP metadata"
  out=$(qpdf --check "$pdf" 2>&1)
  check '[ $? -eq 0 ] && grep -q "No syntax or stream encoding errors" <<<"$out"' "$name: qpdf --check: $out"
  res=$(python3 tests/e2e/py/check_tagged.py "$pdf" "${pdf%.pdf}.txt" "$SOURCE_DATE_EPOCH")
  check '[ $? -eq 0 ]' "$name (poppler/qpdf): $res"
  echo "$name: $(tail -2 <<<"$res" | head -1)"
  if [ "$pdfjs" = yes ]; then
    res=$(node "$PDFJS/check_struct.mjs" "$pdf" tables 2>&1 | grep -v '^Warning: \|^Require stack\|^- .*pdf.mjs')
    check '[ ${PIPESTATUS[0]} -eq 0 ] && ! grep -q "^FAIL" <<<"$res"' "$name (pdf.js): $res"
    echo "$name (pdf.js): $(head -1 <<<"$res")"
  fi
done
check '[ "$n" -ge 4 ]' "only $n example PDFs"

# Determinism: a second build gives the same bytes.
"$BP" --config "$TMP/on/config" build -q --format pdf --out "$TMP/b" examples
for pdf in "$TMP"/a/*/*.pdf; do
  rel=${pdf#"$TMP/a/"}
  check 'cmp -s "$pdf" "$TMP/b/$rel"' "$rel: not byte-identical across builds"
done

# The checks can fail: the same examples built untagged and without PDF/A.
"$BP" --config "$TMP/off/config" build -q --format pdf,txt --out "$TMP/u" examples
check '[ "$(ls "$TMP"/u/*/*.pdf | wc -l)" -eq "$n" ]' "untagged build made no PDFs"
for pdf in "$TMP"/u/*/*.pdf; do
  name=$(basename "$pdf" .pdf)
  check '! pdfinfo "$pdf" | grep -q "^Tagged: *yes"' "$name: untagged build says Tagged"
  check '! python3 tests/e2e/py/check_tagged.py "$pdf" "${pdf%.pdf}.txt" "$SOURCE_DATE_EPOCH" >/dev/null 2>&1' \
    "$name: the checks pass on an untagged PDF"
  if [ "$pdfjs" = yes ]; then
    check '! node "$PDFJS/check_struct.mjs" "$pdf" tables >/dev/null 2>&1' "$name: pdf.js check passes untagged"
  fi
done
# The default theme: PDF/A-2u metadata, no structure tree.
"$BP" build -q --format pdf --out "$TMP/d" examples/2023/434.yaml
pdf=$(ls "$TMP"/d/*/*.pdf)
check 'pdfinfo "$pdf" | grep -q "^Metadata Stream: *yes"' "default build without XMP metadata"
check '! pdfinfo "$pdf" | grep -q "^Tagged: *yes"' "default build is tagged (theme default pdf.tagged: false)"
finish
