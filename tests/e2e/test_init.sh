# budgetpress init: a blank department file with Chinese comments. As written, check lists exactly the
# places marked 填写; filled in programmatically with minimal data it passes check (and builds).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000
fill() {  # IN OUT — the minimal data: one 项 line, its economic line, department code and name
  python3 - "$1" "$2" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
t = re.sub(r'^(  code: )""', r'\1"901"', t, count=1, flags=re.M)
t = re.sub(r'^(  name: )""', r'\1测试局', t, count=1, flags=re.M)
t = re.sub(r'^(  gpb:) ', r'\1 100.00 ', t, count=1, flags=re.M)
t = re.sub(r'^(  - code: )""', r'\1"2010301"', t, count=1, flags=re.M)
t = re.sub(r'^(    basic:) ', r'\1 100.00 ', t, count=1, flags=re.M)
t = re.sub(r'^    project: .*\n', '', t, count=1, flags=re.M)
t = re.sub(r'^(  - code: )""', r'\1"30101"', t, count=1, flags=re.M)
t = re.sub(r'^(    amount:) ', r'\1 100.00 ', t, count=1, flags=re.M)
open(sys.argv[2], "w", encoding="utf-8").write(t)
PY
}
for year in 2021 2023 2024 2025 2026; do
  f="$TMP/$year/blank.yaml"
  mkdir -p "$TMP/$year"
  "$BP" init "$f" --year "$year" >/dev/null 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 0 ] && [ -s "$f" ]' "$year: init rc=$rc $(cat "$TMP/err")"
  check 'grep -q "^  year: $year" "$f" && grep -q "^schema: 1" "$f"' "$year: year/schema not written"
  check '[ "$(grep -c "填写" "$f")" -ge 6 ] && grep -q "^# .*中文\|^# .*budgetpress check" "$f"' "$year: Chinese comments with 填写 expected"
  # Every comment for the clerk is Chinese: no comment line made of ASCII only, except blank "#"
  # lines and commented-out YAML the clerk may switch on ("#   this_year:", "#     reception: 0").
  ascii=$(grep "#" "$f" | LC_ALL=C grep -v "[^ -~]" | grep -v "^#$" | grep -Ev "^ *# *(- )?[a-z_]+:( [0-9]+)?$")
  check '[ -z "$ascii" ]' "$year: ASCII-only comment lines: $ascii"
  # Blank: check fails at the places to fill, each named FILE:LINE:COL.
  "$BP" check --no-fonts "$f" 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 1 ]' "$year: blank file should not pass: rc=$rc"
  for key in "部门编码" "部门名称" "income.gpb" "功能分类科目编码" "经济分类科目编码"; do
    check 'grep -q "^$f:[0-9]*:[0-9]*: 错误\[E0[0-9]*\]: .*$key" "$TMP/err"' "$year: no error for the blank $key: $(head -4 "$TMP/err")"
  done
  # Filled: passes check.
  fill "$f" "$TMP/$year/filled.yaml"
  "$BP" check "$TMP/$year/filled.yaml" 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 0 ]' "$year: filled file does not pass check: rc=$rc $(grep 错误 "$TMP/err" | head -5)"
done
# It builds too (the 2025 one, PDF), and the text is in it.
"$BP" build -q -o "$TMP/out" "$TMP/2025/filled.yaml" >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ] && pdftotext "$TMP"/out/2025/901-*.pdf - | grep -q "测试局"' "filled 2025 file: build rc=$rc $(head -3 "$TMP/err")"
# An existing file is kept without --force; an unknown form is an error.
"$BP" init "$TMP/2025/filled.yaml" --year 2025 >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "已存在" "$TMP/err" && grep -q "测试局" "$TMP/2025/filled.yaml"' "existing file: rc=$rc"
"$BP" init "$TMP/x.yaml" --year 2025 --form 1999 >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "没有年度格式" "$TMP/err" && [ ! -e "$TMP/x.yaml" ]' "unknown form: rc=$rc $(cat "$TMP/err")"
"$BP" init "$TMP/y.yaml" --year 2030 --form 2024 >/dev/null 2>&1; rc=$?
check '[ "$rc" -eq 0 ] && grep -q "^  form: \"2024\"" "$TMP/y.yaml"' "--form 2024 for 2030: rc=$rc"
finish
