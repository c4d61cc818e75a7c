# The 说明数据 sheet is data (issue 18, item 1): what it says is what the imported file says.
#  1. our workbook of 512 with 说明数据's 上年基本支出 changed → the imported previous_year.basic and
#     the JSON's 比上年 figure follow the workbook, not the example;
#  2. a 机关运行经费明细 amount changed so that the items miss the 公用经费 (no 尾差 in a 万元 file) →
#     a warning at that sheet's first item cell, the items written as a comment, the file checks clean;
#  3. a row with a 细项 the importer does not know → an error naming the cell, no YAML written;
#  4. a 各单位资产情况 quantity changed → the unit's buildings in the imported file follow.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"

# edit.py IN OUT SHEET LABEL VALUE: sets the cell right of the cell whose text is LABEL (first match
# on SHEET; "A|B" matches a row whose A and B cells read A and B, the value then goes to column C;
# "=LABEL" sets that cell itself). Prints the cell set.
cat >"$TMP/edit.py" <<'PY'
import html, re, sys, zipfile
src, dst, sheet, label, value = sys.argv[1:6]
z = zipfile.ZipFile(src)
parts = {n: z.read(n) for n in z.namelist()}
ss = [html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
      for si in re.findall(r"<si>(.*?)</si>", parts["xl/sharedStrings.xml"].decode(), re.S)]
wb = parts["xl/workbook.xml"].decode()
names = [html.unescape(n) for n in re.findall(r'<sheet name="([^"]+)"', wb)]
path = f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"
xml = parts[path].decode()
cells = {}
for m in re.finditer(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', xml, re.S):
    v = re.search(r"<v>(.*?)</v>", m.group(4) or "")
    cells[(m.group(1), int(m.group(2)))] = ss[int(v.group(1))] if v and 't="s"' in m.group(3) else (v.group(1) if v else "")
itself = label.startswith("=")
want = label.lstrip("=").split("|")
target = None
for (col, row), text in sorted(cells.items(), key=lambda x: (x[0][1], x[0][0])):
    if len(want) == 2 and col == "A" and cells.get(("A", row)) == want[0] and cells.get(("B", row)) == want[1]:
        target = ("C", row); break
    if len(want) == 1 and text == want[0]:
        target = (col if itself else chr(ord(col) + 1), row); break
assert target, label
ref = f"{target[0]}{target[1]}"
m = re.search(r'<c r="%s"([^>]*?)(?:/>|>(.*?)</c>)' % ref, xml, re.S)
attrs = re.sub(r'\s*t="[^"]*"', "", m.group(1))
try:
    float(value)
    new = f'<c r="{ref}"{attrs}><v>{value}</v></c>'
except ValueError:
    new = f'<c r="{ref}"{attrs} t="inlineStr"><is><t>{html.escape(value)}</t></is></c>'
parts[path] = (xml[:m.start()] + new + xml[m.end():]).encode()
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for n in z.namelist():
        out.writestr(n, parts[n])
print(ref)
PY

"$BP" build -q --format xlsx --out "$TMP/o" examples/2021/512.yaml >/dev/null 2>&1
x=$(ls "$TMP"/o/*/*.xlsx | head -1)

# 1. 上年基本支出 from the workbook.
python3 "$TMP/edit.py" "$x" "$TMP/1.xlsx" 说明数据 "上年预算数|基本支出" 2500.5 >/dev/null
"$BP" import "$TMP/1.xlsx" --out "$TMP/1.yaml" 2>"$TMP/1.err"
check '[ $? -eq 0 ] && grep -q "^  basic: 2500.50" "$TMP/1.yaml"' "previous_year.basic does not follow the workbook: $(grep -A2 "^previous_year" "$TMP/1.yaml")"
"$BP" build -q --format json --out "$TMP/j1" "$TMP/1.yaml" >/dev/null 2>&1
check 'grep -q "\"previous\": \"2500.50\"" "$TMP"/j1/*/*.json' "the JSON's basic_change does not compare against 2500.50"

# 2. Items that miss the 公用经费.
ref=$(python3 "$TMP/edit.py" "$x" "$TMP/2.xlsx" 说明数据 "机关运行经费明细|办公费" 21)
first=$(python3 - "$x" <<'PY'
import html, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
ss = [html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
      for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
names = [html.unescape(n) for n in re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())]
xml = z.read(f"xl/worksheets/sheet{names.index('说明数据') + 1}.xml").decode()
rows = sorted(int(m.group(1)) for m in re.finditer(r'<c r="A(\d+)"[^>]*t="s"[^>]*><v>(\d+)</v>', xml)
              if ss[int(m.group(2))] == "机关运行经费明细")
print(f"C{rows[0]}")
PY
)
"$BP" import "$TMP/2.xlsx" --out "$TMP/2.yaml" 2>"$TMP/2.err"; rc=$?
check '[ "$rc" -eq 0 ]' "import with items that miss the total: rc=$rc $(cat "$TMP/2.err" | head -3)"
check 'grep -q "警告: 说明数据!$first: 机关运行经费明细之和 .* 与机关运行经费 68.30 不等，明细作为注释写入" "$TMP/2.err"' \
  "no warning at 说明数据!$first: $(grep "机关运行经费" "$TMP/2.err")"
check 'grep -q "^  #    - {name: 办公费, amount: 21.00}" "$TMP/2.yaml" && ! grep -q "^  items:" "$TMP/2.yaml"' "the items are not a comment"
"$BP" check "$TMP/2.yaml" >"$TMP/2.check" 2>&1
check '[ $? -eq 0 ]' "the imported file does not check: $(head -3 "$TMP/2.check")"

# 3. An unknown 细项: error at the cell, nothing written.
ref=$(python3 "$TMP/edit.py" "$x" "$TMP/3.xlsx" 说明数据 "=基本支出" 事业支出)
"$BP" import "$TMP/3.xlsx" --out "$TMP/3.yaml" 2>"$TMP/3.err"; rc=$?
check '[ "$rc" -ne 0 ] && [ ! -e "$TMP/3.yaml" ]' "an unknown 细项 must fail without YAML (rc=$rc)"
check 'grep -q "说明数据!$ref: 说明数据中不认识“上年预算数 / 事业支出”这一行" "$TMP/3.err"' "no error at 说明数据!$ref: $(grep 错误 "$TMP/3.err" | head -2)"

# 4. 各单位资产情况 from the workbook.
python3 "$TMP/edit.py" "$x" "$TMP/4.xlsx" 各单位资产情况 512001 1250 >/dev/null
"$BP" import "$TMP/4.xlsx" --out "$TMP/4.yaml" 2>"$TMP/4.err"
check 'grep -q "^      buildings: {quantity: 1250, value: 360.00}" "$TMP/4.yaml"' "the unit's buildings do not follow the workbook: $(grep -A2 "unit: \"512001\"" "$TMP/4.yaml")"

finish
