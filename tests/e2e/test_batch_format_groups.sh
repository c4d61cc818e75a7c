# Formats built together are the same files as built one by one (docs/batch.md): a department's
# PDF, DOCX and layout JSON share one layout and its XLSX, JSON and text one document tree, and
# the shared work must not change a byte of any of them — nor the order the files are listed in.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000

D="$TMP/depts"
mkdir -p "$D"
cp examples/2023/434.yaml examples/2024/201.yaml "$D/"
formats=(pdf docx layout xlsx json txt)

"$BP" build -f "$(IFS=,; echo "${formats[*]}")" --force -o "$TMP/together" "$D" >"$TMP/together.log" 2>&1
check '[ $? -eq 0 ]' "build of all formats together failed: $(cat "$TMP/together.log")"
for f in "${formats[@]}"; do
  "$BP" build -q -f "$f" --force -o "$TMP/alone-$f" "$D" >"$TMP/alone-$f.log" 2>&1 ||
    fail "build -f $f failed: $(cat "$TMP/alone-$f.log")"
  n=0
  while IFS= read -r -d '' file; do
    n=$((n + 1))
    rel=${file#"$TMP/alone-$f/"}
    check 'cmp -s "$file" "$TMP/together/$rel"' "$rel differs when built with the other formats"
  done < <(find "$TMP/alone-$f" -path '*/20*/*' -type f -print0)
  check '[ "$n" -eq 2 ]' "build -f $f wrote $n files for 2 departments"
done
# Listed per department in format order (json pdf xlsx docx txt layout), whatever the grouping.
order=$(grep -o '\.[a-z.]*$' "$TMP/together.log" | head -6 | tr -d '\n')
check '[ "$order" = ".json.pdf.xlsx.docx.txt.layout.json" ]' "files listed in the order $order"
finish
