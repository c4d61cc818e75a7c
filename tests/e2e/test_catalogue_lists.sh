# The 一级/二级指标 and 政府采购品目 lists are configuration (issue 18, item 2/3): one file each under
# config/catalog/ that `check` and `workbook-template` both read.
#  1. every example and every YAML under tests/ checks without W740/W741 (existing files stay clean);
#  2. a 二级指标 not in the list → W740 at its line, exit 0; an unknown 一级指标 → E063 naming the
#     list; a 品目编码 of an unknown 门类 → W741 at its line;
#  3. one source: a site overlay replacing config/catalog/indicators/2021.tsv with a list that has
#     “测试效益指标” makes that 二级指标 clean for `check` AND puts it in the template's drop-down
#     list (下拉列表 column B), and the 一级 list of the template follows the file too;
#  4. the template's 品目编码 drop-down has every code of config/catalog/procurement/;
#  5. import of our own workbook with an unknown 品目编码 warns at the workbook cell (W741's words).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"

# 1. Existing files stay clean.
dirty=""
for f in examples/*/*.yaml $(find tests -name "*.yaml"); do
  "$BP" check "$f" 2>&1 | grep -q "W740\|W741" && dirty="$dirty $f"
done
check '[ -z "$dirty" ]' "W740/W741 on existing files:$dirty"

# 2. The warnings and E063 from the file.
sed -e 's/level2: 数量指标, name: 维护学校数/level2: 产量指标, name: 维护学校数/' \
    -e 's/catalog_code: A02021001/catalog_code: A99021001/' examples/2021/512.yaml >"$TMP/w.yaml"
"$BP" check "$TMP/w.yaml" >"$TMP/w.out" 2>&1; rc=$?
check '[ "$rc" -eq 0 ]' "W740/W741 are warnings, exit $rc"
l2=$(grep -n "产量指标" "$TMP/w.yaml" | cut -d: -f1)
l3=$(grep -n "A99021001" "$TMP/w.yaml" | cut -d: -f1)
check 'grep -q "w.yaml:$l2:[0-9]*: 警告\[W740\]: 二级指标“产量指标”不在二级指标目录中" "$TMP/w.out"' "no W740 at line $l2: $(cat "$TMP/w.out")"
check 'grep -q "w.yaml:$l3:[0-9]*: 警告\[W741\]: 品目编码 A99021001 不在政府采购品目分类目录中" "$TMP/w.out"' "no W741 at line $l3: $(cat "$TMP/w.out")"
sed 's/level1: 产出指标, level2: 数量指标, name: 维护学校数/level1: 投入指标, level2: 数量指标, name: 维护学校数/' \
  examples/2021/512.yaml >"$TMP/e.yaml"
"$BP" check "$TMP/e.yaml" >"$TMP/e.out" 2>&1; rc=$?
check '[ "$rc" -ne 0 ] && grep -q "E063.*“投入指标”不是 产出指标/成本指标/效益指标/满意度指标 之一" "$TMP/e.out"' \
  "E063 does not list the file's 一级指标: $(cat "$TMP/e.out")"

# 3. One source: a site overlay's list is what check and the template use.
mkdir -p "$TMP/site/catalog/indicators"
{ grep -v "^#" config/catalog/indicators/2021.tsv; printf '效益指标\t测试效益指标\n绩效指标\t综合指标\n'; } \
  >"$TMP/site/catalog/indicators/2021.tsv"
sed 's/level2: 数量指标, name: 维护学校数/level2: 测试效益指标, name: 维护学校数/' examples/2021/512.yaml >"$TMP/s.yaml"
"$BP" check "$TMP/s.yaml" >"$TMP/s0.out" 2>&1
check 'grep -q "W740" "$TMP/s0.out"' "without the site list 测试效益指标 must warn"
"$BP" --site "$TMP/site" check "$TMP/s.yaml" >"$TMP/s1.out" 2>&1
check '! grep -q "W740" "$TMP/s1.out"' "with the site list 测试效益指标 is clean: $(cat "$TMP/s1.out")"
"$BP" --site "$TMP/site" workbook-template --year 2024 -o "$TMP/site.xlsx" 2>"$TMP/t.err"
check '[ $? -eq 0 ]' "template with the site list: $(cat "$TMP/t.err")"
"$BP" workbook-template --year 2024 -o "$TMP/plain.xlsx" 2>/dev/null
lists() {  # workbook → the 下拉列表 sheet's columns A, B and E, one line each
  python3 - "$1" <<'PY'
import html, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
ss = [html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
      for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
wb = z.read("xl/workbook.xml").decode()
names = [html.unescape(n) for n in re.findall(r'<sheet name="([^"]+)"', wb)]
s = z.read(f"xl/worksheets/sheet{names.index('下拉列表') + 1}.xml").decode()
cols = {}
for m in re.finditer(r'<c r="([A-Z]+)(\d+)"[^>]*t="s"[^>]*><v>(\d+)</v>', s):
    if int(m.group(2)) > 1:
        cols.setdefault(m.group(1), []).append(ss[int(m.group(3))])
for c in "ABE":
    print(c, " ".join(cols.get(c, [])))
PY
}
lists "$TMP/site.xlsx" >"$TMP/site.lists"
lists "$TMP/plain.xlsx" >"$TMP/plain.lists"
check 'grep -q "^B .*测试效益指标" "$TMP/site.lists" && grep -q "^A .* 绩效指标$" "$TMP/site.lists"' \
  "the template's lists are not the site file's: $(cat "$TMP/site.lists" | head -2)"
check '! grep -q "测试效益指标" "$TMP/plain.lists"' "the default template lists the site's 二级指标"
want_l2=$(grep -v "^#" config/catalog/indicators/2021.tsv | cut -f2 | awk '!s[$0]++' | tr '\n' ' ' | sed 's/ $//')
check 'grep -qx "B $want_l2" "$TMP/plain.lists"' "二级指标 list ≠ config: $(grep ^B "$TMP/plain.lists") vs $want_l2"

# 4. The 品目编码 drop-down: every code of the catalogue file.
want_proc=$(grep -v "^#" config/catalog/procurement/2023.tsv | cut -f1 | tr '\n' ' ' | sed 's/ $//')
check 'grep -qx "E $want_proc" "$TMP/plain.lists"' "品目编码 list ≠ config/catalog/procurement/2023.tsv"

# 5. import warns at the cell for a code of an unknown 门类.
"$BP" build -q --format xlsx --out "$TMP/o" "$TMP/w.yaml" >/dev/null 2>&1
x=$(ls "$TMP"/o/*/*.xlsx 2>/dev/null | head -1)
"$BP" import "$x" --out "$TMP/w-import.yaml" >"$TMP/i.out" 2>&1
check 'grep -q "政府采购预算![A-Z]*[0-9]*: 品目编码 A99021001 不在政府采购品目分类目录中" "$TMP/i.out"' \
  "import gives no cell warning: $(grep -i "品目\|错误" "$TMP/i.out" | head -3)"

finish
