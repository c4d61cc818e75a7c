# Tagged PDF/UA-1 and PDF/A-2u (docs/pdf-standards.md; on by default: theme pdf.tagged and
# pdf.archival, `build --pdf-tags on|off`): every example's PDF read back by poppler
# (structure tree, text in tree order = page text in reading order, every table cell in a TD/TH,
# /Headers and /Scope), qpdf (objects, XMP, output intent; --check) and pdf.js (getStructTree:
# headings, tables, tree text = page text per page); an untagged build (both switches false) must
# fail the same checks; --pdf-tags overrides the theme and is part of the incremental build's
# hash; the plain (no object streams) file layout passes too; builds are byte-deterministic.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000
# A copy of config/ whose theme sets pdf.tagged / pdf.archival / pdf.object_streams to $2 / $3 / $4.
theme_copy() {
  mkdir -p "$1" && cp -r config "$1/config" && ln -s "$(cd "$SRC" && pwd)/templates" "$1/templates"
  python3 - "$1/config/themes/default.yaml" "$2" "$3" "$4" <<'PY'
import re, sys
p, tagged, archival, streams = sys.argv[1:]
s = open(p, encoding="utf-8").read()
for key, value in (("tagged", tagged), ("archival", archival), ("object_streams", streams)):
    s, n = re.subn(r"(?m)^  %s: \w+" % key, "  %s: %s" % (key, value), s)
    assert n == 1, key
open(p, "w", encoding="utf-8").write(s)
PY
}
theme_copy "$TMP/off" false false true
theme_copy "$TMP/plain" true true false
# The default theme: tagged PDF/A-2u.
"$BP" build -q --format pdf,txt --out "$TMP/a" examples; rc=$?
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
pdfjs_check() {  # FILE… → one pdf.js process; its report without Node's canvas warnings
  node "$PDFJS/check_struct.mjs" tables "$@" 2>&1 | grep -v '^Warning: \|^Require stack\|^- .*pdf.mjs'
}

# poppler/qpdf checks two files at a time: `pdfinfo -struct-text` dominates (poppler extracts
# each element's text separately: ≈ 50 s CPU for the 44-page 434).
pdfs=("$TMP"/a/*/*.pdf)
n=${#pdfs[@]}
printf '%s\0' "${pdfs[@]}" | xargs -0 -P 2 -I{} sh -c \
  'python3 tests/e2e/py/check_tagged.py "$1" "${1%.pdf}.txt" "$2" >"$1.res" 2>&1; echo $? >"$1.rc"' \
  _ {} "$SOURCE_DATE_EPOCH"
for pdf in "${pdfs[@]}"; do
  name=$(basename "$pdf" .pdf)
  info=$(pdfinfo "$pdf")
  check 'grep -q "^Tagged: *yes" <<<"$info"' "$name: not tagged"
  check 'grep -q "^Metadata Stream: *yes" <<<"$info"' "$name: no XMP metadata"
  out=$(qpdf --check "$pdf" 2>&1)
  check '[ $? -eq 0 ] && grep -q "No syntax or stream encoding errors" <<<"$out"' "$name: qpdf --check: $out"
  check '[ "$(cat "$pdf.rc")" = 0 ]' "$name (poppler/qpdf): $(cat "$pdf.res")"
  # Every example has classification tables (合计 / 类款项 rows): their 科目 cells are row headers.
  check 'grep -q ", [1-9][0-9]* row headers$" "$pdf.res"' "$name: no row headers (TH /Scope /Row)"
  echo "$name: $(tail -2 "$pdf.res" | head -1)"
done
check '[ "$n" -ge 7 ]' "only $n example PDFs"
if [ "$pdfjs" = yes ]; then
  res=$(pdfjs_check "${pdfs[@]}")
  check '[ "$(grep -c "^OK " <<<"$res")" -eq "$n" ] && ! grep -q "^FAIL" <<<"$res"' "pdf.js: $res"
  grep "^OK " <<<"$res" | sed 's|^OK [^:]*/|pdf.js: |'
fi

# Determinism: a second build gives the same bytes.
"$BP" build -q --format pdf --out "$TMP/b" examples
for pdf in "${pdfs[@]}"; do
  rel=${pdf#"$TMP/a/"}
  check 'cmp -s "$pdf" "$TMP/b/$rel"' "$rel: not byte-identical across builds"
done

# The checks can fail: the same examples built untagged and without PDF/A.
"$BP" --config "$TMP/off/config" build -q --format pdf,txt --out "$TMP/u" examples
untagged=("$TMP"/u/*/*.pdf)
check '[ "${#untagged[@]}" -eq "$n" ]' "untagged build made ${#untagged[@]} PDFs, not $n"
for pdf in "${untagged[@]}"; do
  name=$(basename "$pdf" .pdf)
  check '! pdfinfo "$pdf" | grep -q "^Tagged: *yes"' "$name: untagged build says Tagged"
  check '! python3 tests/e2e/py/check_tagged.py "$pdf" "${pdf%.pdf}.txt" "$SOURCE_DATE_EPOCH" >/dev/null 2>&1' \
    "$name: the checks pass on an untagged PDF"
done
if [ "$pdfjs" = yes ]; then
  res=$(pdfjs_check "${untagged[@]}")
  failed=$(grep "^FAIL " <<<"$res" | sed 's/: .*//' | sort -u | wc -l)
  check '[ "$failed" -eq "$n" ] && ! grep -q "^OK " <<<"$res"' "pdf.js passes $((n - failed)) untagged PDFs"
fi

# build --pdf-tags: overrides the theme either way; a bad value is a usage error in Chinese that
# writes nothing; switching it rebuilds an otherwise unchanged department (incremental hash).
small=examples/2021/905.yaml
"$BP" --config "$TMP/off/config" build -q --pdf-tags on --out "$TMP/on" "$small"
check 'pdfinfo "$TMP"/on/*/*.pdf | grep -q "^Tagged: *yes"' "--pdf-tags on: untagged (theme pdf.tagged: false)"
"$BP" build -q --out "$TMP/t" "$small"
check 'pdfinfo "$TMP"/t/*/*.pdf | grep -q "^Tagged: *yes"' "default build of $small not tagged"
"$BP" build -q --pdf-tags off --out "$TMP/t" "$small"
check '! pdfinfo "$TMP"/t/*/*.pdf | grep -q "^Tagged: *yes"' \
  "--pdf-tags off after a tagged build: still tagged (the incremental build kept the old file?)"
check 'pdfinfo "$TMP"/t/*/*.pdf | grep -q "^Metadata Stream: *yes"' "--pdf-tags off dropped the PDF/A metadata"
"$BP" build -q --pdf-tags maybe --out "$TMP/bad" "$small" 2>"$TMP/bad.err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "pdf-tags 只能是 on" "$TMP/bad.err" && [ ! -e "$TMP/bad" ]' \
  "--pdf-tags maybe: rc=$rc, $(cat "$TMP/bad.err"), wrote ${TMP}/bad: $(ls "$TMP/bad" 2>&1)"

# The plain file layout (pdf.object_streams: false): classic xref table, same checks.
"$BP" --config "$TMP/plain/config" build -q --format pdf,txt --out "$TMP/p" "$small"
pdf=$(ls "$TMP"/p/*/*.pdf)
check 'grep -aq "^xref$" "$pdf" && ! grep -aq "/ObjStm" "$pdf"' "object_streams: false still packs objects"
out=$(qpdf --check "$pdf" 2>&1)
check '[ $? -eq 0 ] && grep -q "No syntax or stream encoding errors" <<<"$out"' "plain layout: qpdf --check: $out"
res=$(python3 tests/e2e/py/check_tagged.py "$pdf" "${pdf%.pdf}.txt" "$SOURCE_DATE_EPOCH")
check '[ $? -eq 0 ]' "plain layout (poppler/qpdf): $res"
finish
