# budgetpress catalog import: the official 政府收支分类科目 list (CSV or XLSX) → a catalogue file.
#  * good lists: a budget-system CSV (科目编码/科目名称/说明), the MoF layout in XLSX (类/款/项 columns
#    under a merged 科目编码 heading, parents from the rows above), a GB18030 CSV, an economic list;
#    the written file has the catalogue format (sorted, parents present, source recorded) and the 说明
#    column becomes the 名词解释 file;
#  * the written catalogue is used: in a site overlay it lets a department with a new code pass check;
#  * ≥ 10 bad lists: each exits 1 with its Chinese error code at FILE:LINE or FILE:sheet!A1 and writes
#    nothing; unreadable files exit 2.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
MK="python3 $SRC/tests/e2e/py/make_xlsx.py"
D="$TMP/lists"
mkdir -p "$D"

xlsx() {  # OUT JSON
  printf '%s' "$2" >"$TMP/spec.json"
  $MK "$1" "$TMP/spec.json"
}

# --- Good: budget-system CSV with 说明 -------------------------------------------------------------
cat >"$D/function.csv" <<'CSV'
2025年支出功能分类科目,,
科目编码,科目名称,说明
201,一般公共服务支出,反映政府提供一般公共服务的支出。
20103,政府办公厅（室）及相关机构事务,
2010301,行政运行,"反映行政单位的基本支出，
包括“机关运行”。"
2010302, 一般行政管理事务 ,
205,教育支出,
20501,教育管理事务,
2050101,行政运行,
2050199,其他教育管理事务支出,反映其他教育管理事务支出。
注：本表为示例,,
CSV
mkdir -p "$TMP/site"
out=$("$BP" catalog import "$D/function.csv" --year 2025 --kind function -o "$TMP/site/catalog/function/2025.tsv" 2>"$TMP/err"); rc=$?
check '[ "$rc" -eq 0 ]' "good CSV: rc=$rc $(head -5 "$TMP/err")"
F="$TMP/site/catalog/function/2025.tsv"
N="$TMP/site/catalog/function-notes/2025.tsv"
check '[ -f "$F" ] && [ -f "$N" ]' "good CSV: catalogue and notes files expected: $out"
check '[ "$(grep -v "^#" "$F" | wc -l)" -eq 8 ]' "good CSV: 8 codes expected: $(cat "$F")"
check 'grep -qP "^2010302\t一般行政管理事务$" "$F"' "good CSV: name trimmed: $(grep 2010302 "$F")"
check '[ "$(grep -v "^#" "$F" | cut -f1)" = "$(grep -v "^#" "$F" | cut -f1 | LC_ALL=C sort)" ]' "good CSV: not sorted"
check 'grep -q "^# .*来源：function.csv" "$F" && grep -q "FNV-1a 64 [0-9a-f]\{16\}" "$F"' "good CSV: source not recorded: $(head -3 "$F")"
check 'grep -qP "^2010301\t反映行政单位的基本支出，包括“机关运行”。$" "$N"' "good CSV: 说明 with a line break: $(cat "$N")"
check '[ "$(grep -vc "^#" "$N")" -eq 3 ]' "good CSV: 3 notes expected: $(cat "$N")"
check 'grep -q "警告\[W613\].*注：本表为示例" "$TMP/err" && grep -q "function.csv:12:" "$TMP/err"' "good CSV: footnote row without code: W613 at line 12 expected: $(cat "$TMP/err")"
# Deterministic, and an existing file is not overwritten without --force.
cp "$F" "$TMP/first.tsv"
"$BP" catalog import "$D/function.csv" --year 2025 --kind function -o "$F" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "已存在.*--force" "$TMP/err"' "existing file: rc=$rc $(cat "$TMP/err")"
"$BP" catalog import "$D/function.csv" --year 2025 --kind function -o "$F" --force 2>/dev/null; rc=$?
check '[ "$rc" -eq 0 ] && cmp -s "$F" "$TMP/first.tsv"' "--force: rc=$rc or output differs"
# stdout
"$BP" catalog import "$D/function.csv" --year 2025 --kind function -o - 2>/dev/null >"$TMP/stdout.tsv"
check 'cmp -s "$TMP/stdout.tsv" "$F"' "-o - differs from the file"

# --- The catalogue in a site overlay: a department using 2050199 (not in the bundled catalogue) ----
cat >"$TMP/dept.yaml" <<'YAML'
schema: 1
department: {code: "901", name: 测试教育局, year: 2025, form: "2025"}
income: {gpb: 100.00}
expenditure:
  - {code: "2050101", basic: 80.00}
  - {code: "2050199", project: 20.00}
basic_economic:
  - {code: "30101", amount: 80.00}
YAML
"$BP" check --no-fonts "$TMP/dept.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 1 ] && grep -q "错误\[E020\]" "$TMP/err"' "without the site the code is unknown: rc=$rc $(head -3 "$TMP/err")"
"$BP" --site "$TMP/site" check --no-fonts "$TMP/dept.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ]' "with the imported catalogue in the site: rc=$rc $(head -5 "$TMP/err")"

# --- Good: MoF layout in XLSX (类/款/项 columns, 2 header rows, merged heading, numbers) ------------
xlsx "$D/mof.xlsx" '{"sheets": [{"name": "说明", "rows": [["本工作簿为科目表"]]},
 {"name": "功能分类", "merges": ["A2:C2", "D2:D3", "E2:E3"], "rows": [
  ["2025年政府收支分类科目（支出功能分类）"],
  ["科目编码", "", "", "科目名称", "说明"],
  ["类", "款", "项", "", ""],
  [201, "", "", "一般公共服务支出", "反映政府提供一般公共服务的支出。"],
  ["", "03", "", "政府办公厅（室）及相关机构事务", ""],
  ["", "", "01", "行政运行", ""],
  ["", "", 2, "一般行政管理事务", ""],
  ["205", "", "", "教育支出", ""],
  ["", "01", "", "教育管理事务", ""],
  ["", "", "01", "行政运行", ""]]}]}'
"$BP" catalog import "$D/mof.xlsx" --year 2025 --kind function -o "$TMP/mof/function/2025.tsv" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ]' "MoF xlsx: rc=$rc $(head -5 "$TMP/err")"
check '[ "$(grep -v "^#" "$TMP/mof/function/2025.tsv" | cut -f1 | tr "\n" " ")" = "201 20103 2010301 2010302 205 20501 2050101 " ]' "MoF xlsx codes: $(grep -v "^#" "$TMP/mof/function/2025.tsv" | cut -f1 | tr "\n" " ")"
check 'grep -q "工作表“功能分类”" "$TMP/mof/function/2025.tsv"' "MoF xlsx: sheet not recorded"

# --- Good: GB18030 CSV (as Excel saves it on a Chinese system), economic kinds ---------------------
printf '科目编码,科目名称\n301,工资福利支出\n30101,基本工资\n302,商品和服务支出\n30201,办公费\n303,对个人和家庭的补助\n30302,退休费\n' | iconv -f UTF-8 -t GB18030 >"$D/economic-gbk.csv"
"$BP" catalog import "$D/economic-gbk.csv" --year 2025 --kind economic -o "$TMP/eco.tsv" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ] && grep -q "警告\[W615\]" "$TMP/err"' "GB18030 CSV: rc=$rc, W615 expected: $(cat "$TMP/err")"
check 'grep -qP "^301\t工资福利支出\t人员经费$" "$TMP/eco.tsv" && grep -qP "^302\t商品和服务支出\t公用经费$" "$TMP/eco.tsv" && grep -qP "^303\t对个人和家庭的补助\t人员经费$" "$TMP/eco.tsv" && grep -qP "^30101\t基本工资$" "$TMP/eco.tsv"' "economic kinds: $(cat "$TMP/eco.tsv")"

# --- Bad lists: exit 1, the code, the place, nothing written ---------------------------------------
bad() {  # NAME KIND EXPECTED_CODE EXPECTED_PLACE (regex)
  local name=$1 kind=$2 code=$3 place=$4
  local f="$D/$name" o="$TMP/bad-out/$name.tsv"
  "$BP" catalog import "$f" --year 2025 --kind "$kind" -o "$o" 2>"$TMP/err"; local rc=$?
  check '[ "$rc" -eq 1 ]' "$name: rc=$rc (want 1): $(head -3 "$TMP/err")"
  check 'grep -q "^$place: 错误\[$code\]" "$TMP/err"' "$name: $code at $place expected: $(head -3 "$TMP/err")"
  check '[ ! -e "$o" ]' "$name: a file was written"
  local ascii_only
  ascii_only=$(LC_ALL=C grep -v "[^ -~]" "$TMP/err" | grep -v "^[[:space:]]*$")
  check '[ -z "$ascii_only" ]' "$name: an ASCII-only (untranslated) line: $ascii_only"
}
printf '科目编码,科目名称\n201,一般公共服务支出\n20103,政府办公厅（室）及相关机构事务\n20103,政府办公厅\n' >"$D/dup.csv"
bad dup.csv function E622 ".*dup.csv:4"
printf '科目编码,科目名称\n201,一般公共服务支出\n20503,职业教育\n' >"$D/no-lei.csv"
bad no-lei.csv function E624 ".*no-lei.csv:3"
printf '科目编码,科目名称\n201,一般公共服务支出\n2010301,行政运行\n' >"$D/no-kuan.csv"
bad no-kuan.csv function E624 ".*no-kuan.csv:3"
printf '科目编码,科目名称\n201,\n' >"$D/no-name.csv"
bad no-name.csv function E623 ".*no-name.csv:2"
printf '科目编码,科目名称\n201,一般公共服务支出\n201O3,政府办公厅\n' >"$D/letter.csv"
bad letter.csv function E621 ".*letter.csv:3"
printf '科目编码,科目名称\n2010,一般公共服务\n' >"$D/length.csv"
bad length.csv function E621 ".*length.csv:2"
printf '编号;标题\n201;一般公共服务支出\n' >"$D/no-header.csv"
bad no-header.csv function E620 ".*no-header.csv"
printf '科目编码,科目名称\n301,工资福利支出\n3010101,基本工资细项\n' >"$D/eco-xiang.csv"
bad eco-xiang.csv economic E621 ".*eco-xiang.csv:3"
printf '科目编码,科目名称\n501,机关工资福利支出\n' >"$D/eco-gov.csv"
bad eco-gov.csv economic E621 ".*eco-gov.csv:2"
printf '科目编码,科目名称\n101,税收收入\n' >"$D/revenue.csv"
bad revenue.csv function E621 ".*revenue.csv:2"
printf '科目编码,科目名称\n' >"$D/empty.csv"
bad empty.csv function E625 ".*empty.csv"
xlsx "$D/kuan-first.xlsx" '{"sheets": [{"name": "科目", "rows": [["类", "款", "项", "科目名称"], ["", "03", "", "政府办公厅"]]}]}'
bad kuan-first.xlsx function E624 ".*kuan-first.xlsx:科目!B2"
xlsx "$D/dup.xlsx" '{"sheets": [{"name": "Sheet1", "rows": [["科目编码", "科目名称"], ["201", "一般公共服务支出"], [201, "一般公共服务"]]}]}'
bad dup.xlsx function E622 ".*dup.xlsx:Sheet1!A3"

# --- Unreadable: exit 2 ---------------------------------------------------------------------------
unreadable() {  # FILE WHAT
  local what=$2
  "$BP" catalog import "$1" --year 2025 --kind function -o "$TMP/x.tsv" 2>"$TMP/err"; local rc=$?
  check '[ "$rc" -eq 2 ] && grep -q "错误\[E620\]" "$TMP/err" && [ ! -e "$TMP/x.tsv" ]' "$what: rc=$rc (want 2, E620): $(cat "$TMP/err")"
}
unreadable "$D/missing.csv" "missing file"
echo "not a zip" >"$D/broken.xlsx"; unreadable "$D/broken.xlsx" "broken xlsx"
cp "$D/dup.csv" "$D/old.xls"; unreadable "$D/old.xls" ".xls"
printf '科目编码,科目名称\n201,"一般公共服务支出\n' >"$D/quote.csv"; unreadable "$D/quote.csv" "unterminated quote"
"$BP" catalog import "$D/function.csv" --year 2025 --kind revenue -o "$TMP/x.tsv" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "未知的科目类别" "$TMP/err"' "--kind revenue: rc=$rc $(cat "$TMP/err")"

finish
