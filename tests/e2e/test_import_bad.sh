# budgetpress import on malformed workbooks (tests/import-bad/make_bad_workbooks.py writes them
# from our own export of examples/2024/201.yaml): each must end with a clear Chinese error naming
# the sheet and cell where there is one — no crash (exit 1 or 2, never a signal), no YAML written,
# nothing on stdout.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"

"$BP" build -q --format xlsx --out "$TMP/base" examples/2024/201.yaml >/dev/null 2>&1
base=$(ls "$TMP"/base/2024/201-*.xlsx 2>/dev/null | head -1)
check '[ -n "$base" ]' "no base workbook built"
# The base itself imports cleanly (so each defect below is what fails).
"$BP" import "$base" --out "$TMP/base.yaml" >/dev/null 2>"$TMP/base.err"; rc=$?
check '[ "$rc" -eq 0 ]' "the good base workbook must import: rc=$rc $(head -3 "$TMP/base.err")"

mkdir -p "$TMP/bad"
python3 "$SRC/tests/import-bad/make_bad_workbooks.py" "$base" "$TMP/bad" >/dev/null
n=$(wc -l <"$TMP/bad/expected.tsv")
check '[ "$n" -ge 25 ]' "the corpus must hold at least 25 malformed workbooks ($n)"
while IFS=$'\t' read -r name expect; do
  f="$TMP/bad/$name"
  out="$TMP/bad/$name.yaml"
  timeout 120 "$BP" import "$f" --out "$out" >"$TMP/bad/$name.stdout" 2>"$TMP/bad/$name.err"; rc=$?
  check '[ "$rc" -eq 1 ] || [ "$rc" -eq 2 ]' "$name: exit $rc (1 or 2 expected; a crash or hang is >2): $(head -3 "$TMP/bad/$name.err")"
  check '[ ! -e "$out" ]' "$name: a YAML was written"
  check '[ ! -s "$TMP/bad/$name.stdout" ]' "$name: something on stdout"
  check 'grep -q "错误" "$TMP/bad/$name.err"' "$name: no Chinese error: $(head -3 "$TMP/bad/$name.err")"
  check 'grep -qF -- "$expect" "$TMP/bad/$name.err"' "$name: the error should say “$expect”: $(grep 错误 "$TMP/bad/$name.err" | head -3)"
  # No English library text leaks to the clerk.
  check '! grep -qi "exception\|what()\|terminate\|std::" "$TMP/bad/$name.err"' "$name: internal text in the message: $(head -3 "$TMP/bad/$name.err")"
  echo "$name: $(grep -m1 错误 "$TMP/bad/$name.err" | cut -c1-160)"
done <"$TMP/bad/expected.tsv"

finish
