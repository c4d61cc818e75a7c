# An expenditure line may carry its 项 name (issue 17): a code the catalogue lacks is a warning naming
# the line (W610), never a blocked department; the name is printed. A name differing from the
# catalogue (W611) or from catalog.function (W616, which wins) is a warning; two lines naming one code
# differently are an error (E626).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000
mk() {  # FILE, then the expenditure lines on stdin
  { cat <<'YAML'
schema: 1
department: {code: "901", name: 测试局, year: 2023, form: "2023"}
income: {gpb: 100.00}
basic_economic:
  - {code: "30101", amount: 100.00}
YAML
    cat; } >"$1"
}
# 2080506 is not in the 2023 catalogue.
mk "$TMP/new.yaml" <<'YAML'
expenditure:
  - {code: "2080505", basic: 60.00}
  - code: "2080506"
    name: 机关事业单位职业年金缴费支出
    basic: 40.00
YAML
"$BP" check --no-fonts "$TMP/new.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ]' "new code with its name: check rc=$rc $(grep 错误 "$TMP/err" | head -3)"
check 'grep -q "^$TMP/new.yaml:9:11: 警告\[W610\]: 科目目录中没有功能分类科目 2080506" "$TMP/err"' "W610 at the name expected: $(cat "$TMP/err")"
"$BP" build -q -o "$TMP/out" "$TMP/new.yaml" >/dev/null 2>&1; rc=$?
check '[ "$rc" -eq 0 ] && pdftotext "$TMP"/out/2023/901-*.pdf - | grep -q "机关事业单位职业年金缴费支出"' "the inline name is printed: rc=$rc"
# Without the name: the known error.
sed '/name: 机关事业单位/d' "$TMP/new.yaml" >"$TMP/noname.yaml"
"$BP" check --no-fonts "$TMP/noname.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 1 ] && grep -q "错误\[E020\]" "$TMP/err"' "without the name: E020 expected, rc=$rc"
# A name that differs from the catalogue's: W611, the line's name printed.
mk "$TMP/other.yaml" <<'YAML'
expenditure:
  - {code: "2010301", name: 行政运行（本级）, basic: 100.00}
YAML
"$BP" check --no-fonts "$TMP/other.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ] && grep -q "警告\[W611\].*行政运行（本级）.*“行政运行”" "$TMP/err"' "W611 expected: rc=$rc $(cat "$TMP/err")"
# catalog.function wins over a line's name: W616.
mk "$TMP/both.yaml" <<'YAML'
expenditure:
  - {code: "2080506", name: 职业年金, basic: 100.00}
catalog:
  function: {"2080506": 机关事业单位职业年金缴费支出}
YAML
"$BP" check --no-fonts "$TMP/both.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ] && grep -q "警告\[W616\]" "$TMP/err"' "W616 expected: rc=$rc $(cat "$TMP/err")"
"$BP" build -q -f json -o "$TMP/out3" "$TMP/both.yaml" >/dev/null 2>&1
check 'grep -q "机关事业单位职业年金缴费支出" "$TMP"/out3/2023/901-*.json && ! grep -q "\"职业年金\"" "$TMP"/out3/2023/901-*.json' "catalog.function should win in the output"
# Two lines, one code, two names: E626.
cat >"$TMP/two.yaml" <<'YAML'
schema: 1
department: {code: "901", name: 测试局, year: 2023, form: "2023"}
income: {gpb: 100.00, fund: 10.00}
expenditure:
  - {code: "2080506", name: 职业年金甲, basic: 100.00}
  - {code: "2080506", source: fund, name: 职业年金乙, project: 10.00}
basic_economic:
  - {code: "30101", amount: 100.00}
YAML
"$BP" check --no-fonts "$TMP/two.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 1 ] && grep -q "^$TMP/two.yaml:6:[0-9]*: 错误\[E626\].*职业年金乙.*第 5 行.*职业年金甲" "$TMP/err"' "E626 expected: rc=$rc $(cat "$TMP/err")"
finish
