# The fill-in workbook carries a whole department (issue 18, item 4 and its acceptance): for EVERY
# example (2021, 2023, 2024 and 2025 forms, 万元 and 元):
#  1. `workbook-template` for the example's year, form, unit and 三公 layout;
#  2. filled programmatically (tests/e2e/py/fill_template.py: the 9 tables' input rows from the
#     example's JSON export — for a file kept in 元, from a copy read as 万元 so that the export shows
#     the 元 figures to the 分 — and 说明, 机构设置, 项目信息, 项目绩效指标, 政府采购预算, 国有资产,
#     各单位资产情况, 部门职责 and 说明数据 from the example file itself);
#  3. `budgetpress import`: exit 0, no warning other than the two summary tables the template leaves
#     to the program, nothing the workbook carried left as TODO;
#  4. completed with the free text no workbook carries (tests/e2e/py/narrative_merge.py: reasons,
#     performance, texts, blocks, review), the build gives the same JSON (tables and every figure) and
#     the same PDF text (pdftotext) as building the example directly — project tables, procurement,
#     机构设置, 国有资产 (per unit too), 部门职责 and the 说明数据 figures included.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"

info() {  # example.yaml → "year form unit layout"
  python3 - "$1" <<'PY'
import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["department"]
print(d["year"], d.get("form") or d["year"], d.get("unit") or "万元", d.get("three_public_layout") or "full")
PY
}

for ex in examples/*/*.yaml; do
  code=$(basename "$ex" .yaml)
  read -r year form unit layout <<<"$(info "$ex")"
  start=$(date +%s)
  "$BP" build -q --format json,pdf --out "$TMP/orig/$code" "$ex" >/dev/null 2>&1
  j0=$(ls "$TMP"/orig/"$code"/*/*.json 2>/dev/null | head -1)
  p0=$(ls "$TMP"/orig/"$code"/*/*.pdf 2>/dev/null | head -1)
  [ -n "$j0" ] && [ -n "$p0" ] || { fail "$code: building the example failed"; continue; }
  jt=$j0
  if [ "$unit" = 元 ]; then
    sed 's/^  unit: 元/  unit: 万元/' "$ex" >"$TMP/$code.wan.yaml"
    "$BP" build -q --format json --out "$TMP/wan/$code" "$TMP/$code.wan.yaml" >/dev/null 2>&1
    jt=$(ls "$TMP"/wan/"$code"/*/*.json 2>/dev/null | head -1)
    [ -n "$jt" ] || { fail "$code: the 万元 reading of the 元 file did not build"; continue; }
  fi
  "$BP" workbook-template --year "$year" --form "$form" --unit "$unit" --three-public "$layout" \
    -o "$TMP/$code-tpl.xlsx" 2>"$TMP/$code.tpl.err"
  check '[ $? -eq 0 ]' "$code: workbook-template failed: $(cat "$TMP/$code.tpl.err")"
  python3 tests/e2e/py/fill_template.py "$TMP/$code-tpl.xlsx" "$jt" "$TMP/$code-filled.xlsx" \
    --parts "$ex" 2>"$TMP/$code.fill"
  check '[ $? -eq 0 ]' "$code: filling failed: $(tail -3 "$TMP/$code.fill")"
  "$BP" import "$TMP/$code-filled.xlsx" --out "$TMP/$code.yaml" 2>"$TMP/$code.err"; rc=$?
  check '[ "$rc" -eq 0 ]' "$code: import of the filled template rc=$rc: $(grep -m5 "错误\|error" "$TMP/$code.err")"
  others=$(grep "警告:" "$TMP/$code.err" | grep -v "工作簿中没有收支总表\|工作簿中没有财政拨款收支总表")
  check '[ -z "$others" ]' "$code: unexpected warnings: $others"
  [ -s "$TMP/$code.yaml" ] || continue
  carried="机构设置\|institutions\|projects\|procurement\|assets\|部门全称\|TODO(import): gov_level\|TODO(import): last_year\|TODO(import): previous_year\|部门职责，每条"
  check '! grep "TODO(import)" "$TMP/$code.yaml" | grep -q "$carried"' \
    "$code: a TODO for something the workbook carried: $(grep "TODO(import)" "$TMP/$code.yaml" | head -2)"
  grep -q "^  form: \"$form\"" "$TMP/$code.yaml"
  check '[ $? -eq 0 ]' "$code: imported as another form: $(grep "^  form:" "$TMP/$code.yaml")"
  python3 tests/e2e/py/narrative_merge.py "$TMP/$code.yaml" "$ex" "$TMP/$code.full.yaml"
  "$BP" build -q --format json,pdf --out "$TMP/full/$code" "$TMP/$code.full.yaml" >/dev/null 2>"$TMP/$code.full.err"; rc=$?
  check '[ "$rc" -eq 0 ]' "$code: building the completed import failed (rc=$rc): $(head -3 "$TMP/$code.full.err")"
  j2=$(ls "$TMP"/full/"$code"/*/*.json 2>/dev/null | head -1)
  p2=$(ls "$TMP"/full/"$code"/*/*.pdf 2>/dev/null | head -1)
  [ -n "$j2" ] && [ -n "$p2" ] || { fail "$code: no JSON/PDF from the completed import"; continue; }
  python3 - "$j0" "$j2" >"$TMP/$code.jdiff" <<'PY'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
for k in sorted(set(a) | set(b)):
    if a.get(k) == b.get(k):
        continue
    if k == "tables":
        for x, y in zip(a[k], b[k]):
            if x != y:
                print("table", x["id"], [r for r in x["rows"] if r not in y["rows"]][:2])
    elif isinstance(a.get(k), dict):
        print(k, {kk: (a[k].get(kk), (b.get(k) or {}).get(kk)) for kk in a[k] if a[k].get(kk) != (b.get(k) or {}).get(kk)})
    else:
        print(k, a.get(k), b.get(k))
PY
  check '[ ! -s "$TMP/$code.jdiff" ]' "$code: JSON differs: $(head -4 "$TMP/$code.jdiff")"
  pdftotext -layout "$p0" "$TMP/$code.orig.txt"
  pdftotext -layout "$p2" "$TMP/$code.full.txt"
  check 'cmp -s "$TMP/$code.orig.txt" "$TMP/$code.full.txt"' \
    "$code: PDF text differs: $(diff "$TMP/$code.orig.txt" "$TMP/$code.full.txt" | head -10)"
  cells=$(grep -o "[0-9]* rows filled" "$TMP/$code.fill")
  echo "template round trip $code ($form, $unit): $cells, $(grep -c . "$TMP/$code.orig.txt") PDF text lines, $(grep -c "^ *- {level1" "$TMP/$code.yaml") indicator rows, $(( $(date +%s) - start )) s"
done

finish
