# The examples as PDF: structure, fonts, 目录 page numbers, every table value, continuation pages,
# determinism — inspected with poppler-utils and qpdf.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000
"$BP" build -q --format pdf,json --out "$TMP/a" examples; rc=$?
check '[ "$rc" -eq 0 ]' "pdf build failed (rc=$rc)"
for pdf in "$TMP"/a/*/*.pdf; do
  name=$(basename "$pdf" .pdf)
  json="${pdf%.pdf}.json"
  out=$(qpdf --check "$pdf" 2>&1); check '[ $? -eq 0 ] && grep -q "No syntax or stream encoding errors" <<<"$out"' "$name: qpdf --check: $out"
  fonts=$(pdffonts "$pdf" | tail -n +3)
  check '[ -n "$fonts" ]' "$name: no fonts"
  check '! grep -v "CID Type 0C *Identity-H *yes yes yes" <<<"$fonts" | grep -q .' "$name: a font not embedded+subset+ToUnicode CID: $fonts"
  check '! grep -q "Type 3" <<<"$fonts"' "$name: Type 3 font"
  info=$(pdfinfo "$pdf")
  check 'grep -q "PDF version: *1.7" <<<"$info"' "$name: not PDF 1.7"
  check 'grep -q "Author: .*" <<<"$info"' "$name: no Author"
  if [ -f "$json" ] && grep -q '"t1-summary"' "$json" && ! grep -q '"form": "2021"' "$json"; then
    res=$(python3 tests/e2e/py/check_pdf.py "$pdf" "$json")
    check '[ $? -eq 0 ]' "$name: $res"
    echo "$name: $(tail -1 <<<"$res")"
  fi
  # The outline (bookmarks) exists.
  check 'qpdf --show-object=trailer "$pdf" >/dev/null 2>&1 && qpdf --json "$pdf" | grep -q "\"/Outlines\""' "$name: no outlines"
done
# Narrative text is extractable as real text (ToUnicode works): a sentence of 434 with its figures.
t=$(pdftotext "$TMP"/a/2023/434-*.pdf - | tr -d ' \n')
check 'grep -q "基本支出1892.49万元" <<<"$t"' "434: narrative figure not extractable"
# Every project 绩效目标表 starts its indicator grid on the page of its title (the info rows and
# the indicator table are never separated by a page break).
for pdf in "$TMP"/a/*/*.pdf; do
  res=$(pdftotext "$pdf" - | python3 -c '
import re, sys
pages = sys.stdin.read().split("\f")
titles = bad = 0
for n, page in enumerate(pages, 1):
    for m in re.finditer(r"^\d+、.*绩效目标表$", page, re.M):
        titles += 1
        if "一级指标" not in page[m.end():]:
            bad += 1
            print(f"page {n}: {m.group(0)} without its indicator table")
print(f"{titles} project tables, {bad} separated")
sys.exit(1 if bad else 0)')
  check '[ $? -eq 0 ]' "$(basename "$pdf"): $res"
  echo "$(basename "$pdf" .pdf): $(tail -1 <<<"$res")"
done
# Two builds give byte-identical files.
"$BP" build -q --format pdf --out "$TMP/b" examples
for pdf in "$TMP"/a/*/*.pdf; do
  rel=${pdf#"$TMP/a/"}
  check 'cmp -s "$pdf" "$TMP/b/$rel"' "$rel: not byte-identical across builds"
done
finish
