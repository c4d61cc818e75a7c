# DOCX tables as Word and LibreOffice lay them out: no amount of a table is broken across lines
# ("834.3" / "6") in LibreOffice's rendering of any example's DOCX (soffice --headless --convert-to
# pdf, read with pdftotext; tests/e2e/py/check_docx_amounts.py). Our layout measures amount columns
# with the digits the DOCX uses (the font's own, wider than the PDF's half-width figures), so the
# widths it hands the DOCX hold every amount on one line; LibreOffice ignores w:noWrap, so nothing
# else would keep an amount whole.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000

out=$("$BP" build --format docx,json --out "$TMP/out" examples 2>&1); rc=$?
check '[ "$rc" -eq 0 ]' "build failed: rc=$rc $out"
docs=$(find "$TMP/out" -name '*.docx' | sort)
nex=$(find examples -name '*.yaml' | wc -l)
n=$(grep -c . <<<"$docs")
check '[ "$n" -eq "$nex" ]' "expected $nex docx files (one per example), got $n"

if ! command -v soffice >/dev/null 2>&1; then
  fail "soffice not found (scripts/install-deps installs libreoffice-writer)"
  finish
  exit
fi
export HOME="$TMP/home"
mkdir -p "$HOME" "$TMP/pdf"
timeout 600 soffice --headless --norestore --convert-to pdf --outdir "$TMP/pdf" $docs >"$TMP/soffice.log" 2>&1
rc=$?
check '[ "$rc" -eq 0 ]' "soffice failed: rc=$rc $(tail -3 "$TMP/soffice.log")"

report=$(python3 "$SRC/tests/e2e/py/check_docx_amounts.py" "$TMP/out" "$TMP/pdf" 2>"$TMP/summary"); rc=$?
cat "$TMP/summary"
check '[ "$rc" -eq 0 ]' "amounts broken in LibreOffice's layout of the DOCX: $(head -20 <<<"$report")"
finish
