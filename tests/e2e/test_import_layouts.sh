# budgetpress import on budget-system layouts (issue 18, items 2 and 3):
#  * our workbook of examples/2024/201.yaml rewritten as budget systems lay theirs out
#    (tests/e2e/py/budget_system_layout.py: sheets 表1…表N, one sheet per project, every second
#    project without 项目编码, procurement with 品目编码) imports to the same department: the same
#    JSON export, the same projects and indicators, the same procurement rows;
#  * a 项 with both 财政拨款 and 事业收入 whose 收入总表 事业收入 differs by 0.01 from the 支出总表
#    (a 万元 export's rounding) imports with a 尾差 warning at the cell; --strict refuses it.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"

"$BP" build -q --format xlsx --out "$TMP/ours" examples/2024/201.yaml >/dev/null 2>&1
ours=$(ls "$TMP"/ours/2024/201-*.xlsx 2>/dev/null | head -1)
check '[ -n "$ours" ]' "no workbook built"
python3 "$SRC/tests/e2e/py/budget_system_layout.py" "$ours" "$TMP/system.xlsx" >"$TMP/dropped"
check '[ "$(wc -l <"$TMP/dropped")" -ge 4 ]' "the rewrite must drop 项目编码 of several projects"
sheets=$(python3 -c "import re,sys,zipfile; print(len(re.findall('<sheet ', zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode())))" "$TMP/system.xlsx")
check '[ "$sheets" -ge 25 ]' "one sheet per project expected ($sheets sheets)"
for w in ours system; do
  f="$ours"; [ "$w" = system ] && f="$TMP/system.xlsx"
  "$BP" import "$f" --out "$TMP/$w.yaml" 2>"$TMP/$w.err"; rc=$?
  check '[ "$rc" -eq 0 ]' "$w: import rc=$rc: $(grep 错误 "$TMP/$w.err" | head -3)"
  check '! grep -q "警告: \|错误: " "$TMP/$w.err"' "$w: findings: $(grep "警告\|错误" "$TMP/$w.err" | head -3)"
  "$BP" build -q --format json --out "$TMP/json-$w" "$TMP/$w.yaml" >/dev/null 2>&1
done
a=$(ls "$TMP"/json-ours/*/*.json 2>/dev/null | head -1)
b=$(ls "$TMP"/json-system/*/*.json 2>/dev/null | head -1)
check '[ -n "$a" ] && [ -n "$b" ] && cmp -s "$a" "$b"' "the budget-system layout gives another JSON export"
# Projects: same names, indicators, amounts and plans; the dropped ones have no code.
python3 - "$TMP/ours.yaml" "$TMP/system.yaml" "$TMP/dropped" <<'PY' >"$TMP/projects.out"
import re, sys
def projects(p):
    text = open(p, encoding="utf-8").read()
    sec = text.split("\nprojects:\n", 1)[1].split("\n\n", 1)[0]
    items = re.split(r"\n  - ", "\n" + sec.strip("\n")[4:] if sec.startswith("  - ") else sec)
    out = []
    for it in re.split(r"(?m)^  - ", sec)[1:]:
        name = re.search(r"(?m)^(?:    )?name: (.*)$", it).group(1)
        code = re.search(r'(?m)^code: "(.*)"$', it)
        body = re.sub(r'(?m)^code: ".*"\n    ', "", it)
        out.append((name, code.group(1) if code else None, body))
    return out
a, b = projects(sys.argv[1]), projects(sys.argv[2])
dropped = set(open(sys.argv[3], encoding="utf-8").read().split())
bad = []
if [x[0] for x in a] != [x[0] for x in b]: bad.append("names differ")
for (n, ca, ba), (_, cb, bb) in zip(a, b):
    if ba != bb: bad.append(f"{n}: body differs")
    if n in dropped and cb is not None: bad.append(f"{n}: code should be gone")
    if n not in dropped and ca != cb: bad.append(f"{n}: code {ca} vs {cb}")
print("; ".join(bad))
PY
check '[ ! -s "$TMP/projects.out" ] || [ -z "$(tr -d "\n" <"$TMP/projects.out")" ]' "projects differ: $(cat "$TMP/projects.out")"
check 'diff <(grep "catalog_code\|item:" "$TMP/ours.yaml") <(grep "catalog_code\|item:" "$TMP/system.yaml") >/dev/null' "procurement rows differ with 品目编码"
check '[ "$(grep -c "^ *- {level1" "$TMP/system.yaml")" -eq "$(grep -c "^ *- {level1" "$TMP/ours.yaml")" ] && [ "$(grep -c "^ *- {level1" "$TMP/ours.yaml")" -gt 100 ]' "indicator rows lost"

# --- 尾差 between two tables of one 项 with 财政拨款 and 事业收入 ------------------------------------
sed -e 's/^  carryover: 0$/  business: 10.00/' \
    -e 's/^  - {code: "2013101", source: gpb, basic: 393.92}.*/&\n  - {code: "2013101", source: business, basic: 10.00}/' \
    -e '/^  \(income_total\|expenditure_total\|project_total\|basic_total\):/d' examples/2024/201.yaml >"$TMP/biz.yaml"
"$BP" build -q --format xlsx --out "$TMP/biz" "$TMP/biz.yaml" >/dev/null 2>&1
bx=$(ls "$TMP"/biz/2024/*.xlsx 2>/dev/null | head -1)
check '[ -n "$bx" ]' "the 事业收入 variant did not build"
python3 - "$bx" "$TMP/biz-tail.xlsx" <<'PY'
import html, re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    wb = zin.read("xl/workbook.xml").decode()
    rels = zin.read("xl/_rels/workbook.xml.rels").decode()
    sst = [html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
           for si in re.findall(r"<si>(.*?)</si>", zin.read("xl/sharedStrings.xml").decode(), re.S)]
    rid = re.search(r'<sheet name="收入总表" sheetId="\d+" r:id="(rId\d+)"', wb).group(1)
    target = "xl/" + re.search(r'Id="%s"[^>]*Target="([^"]+)"' % rid, rels).group(1)
    for n in zin.namelist():
        data = zin.read(n)
        if n == target:
            s = data.decode()
            def text(c):
                v = re.search(r"<v>(.*?)</v>", c)
                return sst[int(v.group(1))] if v and 't="s"' in c else (v.group(1) if v else "")
            cells = {m.group(1): m.group(0) for m in re.finditer(r'<c r="([A-Z]+\d+)"[^>]*?(?:/>|>.*?</c>)', s, re.S)}
            col = next(re.match(r"[A-Z]+", r).group(0) for r, c in cells.items() if text(c) == "事业收入")
            row = next(re.search(r"\d+", r).group(0) for r, c in cells.items() if text(c) == "2013101")
            ref = col + row
            # The 事业收入 cell of the 2013101 row: 9.99, as a rounded 万元 export may print it.
            assert text(cells[ref]) == "10", (ref, cells[ref])
            s = s.replace(cells[ref], f'<c r="{ref}"><v>9.99</v></c>')
            data = s.encode()
        zout.writestr(zin.getinfo(n), data)
PY
"$BP" import "$TMP/biz-tail.xlsx" --out "$TMP/biz-tail.yaml" 2>"$TMP/biz-tail.err"; rc=$?
check '[ "$rc" -eq 0 ] && [ -s "$TMP/biz-tail.yaml" ]' "a 0.01 尾差 between 收入总表 and 支出总表 must import (rc=$rc): $(grep 错误 "$TMP/biz-tail.err" | head -3)"
check 'grep -q "警告: 收入总表!B[0-9]*: 2013101.*相差一个尾差" "$TMP/biz-tail.err"' "the 尾差 must be warned at its row: $(grep 警告 "$TMP/biz-tail.err" | head -3)"
check 'grep -q "source: business" "$TMP/biz-tail.yaml"' "the 事业收入 line must be imported"
"$BP" import "$TMP/biz-tail.xlsx" --strict --out "$TMP/biz-strict.yaml" 2>"$TMP/biz-strict.err"; rc=$?
check '[ "$rc" -eq 1 ] && [ ! -e "$TMP/biz-strict.yaml" ] && grep -q "无法按来源拆分" "$TMP/biz-strict.err"' "--strict must refuse the 尾差 (rc=$rc): $(grep 错误 "$TMP/biz-strict.err" | head -2)"

finish
