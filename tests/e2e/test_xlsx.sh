# build --format xlsx: the workbook XML (merges, number formats, SUM formulas, print setup, frozen
# panes), 汇总.xlsx, byte-identical rebuilds, and LibreOffice's reading of every sheet compared with the
# JSON export cell by cell (formulas recalculated by LibreOffice, not just their cached values).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"

"$BP" build -q --format xlsx,json --out "$TMP/out" examples >/dev/null 2>&1; rc=$?
check '[ "$rc" -eq 0 ]' "xlsx build failed: rc=$rc"
x434=$(ls "$TMP"/out/2023/434-*.xlsx 2>/dev/null | head -1)
x631=$(ls "$TMP"/out/2023/631-*.xlsx 2>/dev/null | head -1)
x201=$(ls "$TMP"/out/2024/201-*.xlsx 2>/dev/null | head -1)
check '[ -n "$x434" ] && [ -n "$x631" ] && [ -n "$x201" ]' "xlsx files not at OUT/<year>/<code>-<name>.xlsx: $(find "$TMP/out")"
check '[ -f "$TMP/out/2023/汇总.xlsx" ]' "2023 has two departments: 汇总.xlsx expected"
check '[ ! -e "$TMP/out/2024/汇总.xlsx" ]' "2024 has one department: no 汇总.xlsx"
check '[ -z "$(find "$TMP/out" -name ".*tmp*")" ]' "temp files left behind"
[ -n "$x434" ] || { finish; exit 1; }

# --- The package XML ------------------------------------------------------------------------------
X="$TMP/x434"
mkdir -p "$X" && unzip -q -o "$x434" -d "$X"
# Path of a sheet's XML by its name (workbook.xml → rels).
sheet() {
  python3 - "$X" "$1" <<'PY'
import re, sys
d, name = sys.argv[1], sys.argv[2]
wb = open(f"{d}/xl/workbook.xml", encoding="utf-8").read()
rels = open(f"{d}/xl/_rels/workbook.xml.rels", encoding="utf-8").read()
m = re.search(r'<sheet name="%s" sheetId="\d+" r:id="(rId\d+)"' % re.escape(name), wb)
t = m and re.search(r'Id="%s" Type="[^"]+" Target="([^"]+)"' % m.group(1), rels)
print(f"{d}/xl/{t.group(1)}" if t else "/nonexistent")
PY
}
wb="$X/xl/workbook.xml"
check 'grep -q "<sheets><sheet name=\"目录\" sheetId=\"1\"" "$wb"' "目录 must be the first sheet"
n_sheets=$(grep -o '<sheet name=' "$wb" | wc -l)
check '[ "$n_sheets" -ge 14 ]' "434: 目录 + 9 tables + 机构/项目/采购/资产 expected, got $n_sheets sheets"
check '[ "$(grep -o "name=\"项目绩效目标\"" "$wb" | wc -l)" -eq 1 ]' "project tables must share one sheet"
# Every sheet is linked from the 目录.
toc=$(sheet 目录)
for name in $(grep -o '<sheet name="[^"]*"' "$wb" | sed 's/<sheet name="//;s/"$//' | grep -v '^目录$'); do
  check "grep -q \"location=\\\"'$name'!A1\\\"\" \"$toc\"" "目录 has no link to $name"
done
check '[ "$(grep -o "location=\"'"'"'项目绩效目标'"'"'!A[0-9]*\"" "$toc" | wc -l)" -ge 10 ]' "目录 should link every project table"

s2=$(sheet 收入总表)
for r in A1:M1 A3:A4 B3:C3 D3:D4 E3:L3 M3:M4; do
  check "grep -q '<mergeCell ref=\"$r\"/>' \"$s2\"" "收入总表: merged range $r missing"
done
check 'grep -q "A2:C2\|A2:B2" "$s2"' "收入总表: header block left part not merged"
# The cell styles whose number format is #,##0.00 (a custom numFmt, or Excel's built-in 4).
num_styles=$(python3 - "$X/xl/styles.xml" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
ids = {"4"} | set(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="#,##0.00"/>', s))
xfs = re.search(r"<cellXfs[^>]*>(.*)</cellXfs>", s, re.S).group(1)
print(" ".join(str(i) for i, x in enumerate(re.findall(r"<xf [^>]*>", xfs))
               if re.search(r'numFmtId="(\d+)"', x).group(1) in ids))
PY
)
check '[ -n "$num_styles" ]' "no cell style with #,##0.00"
d9=$(grep -o '<c r="D9" s="[0-9]*"><v>661.03</v></c>' "$s2")
check '[ -n "$d9" ] && [[ " $num_styles " == *" $(sed "s/.*s=\"\([0-9]*\)\".*/\1/" <<<"$d9") "* ]]' "D9 should be the number 661.03 styled #,##0.00: $d9"
check 'grep -q "<c r=\"D6\" s=\"[0-9]*\"><f>SUM(D7,D15,D20,D25)</f><v>2075.36</v></c>" "$s2"' "合计 row: SUM over the 类 rows with cached 2075.36"
check 'grep -q "<f>SUM(D9:D12)</f><v>1504.16</v>" "$s2"' "款 20103: SUM over a contiguous 项 range"
check 'grep -q "<c r=\"G9\" s=\"[0-9]*\"/>" "$s2"' "zero amount must be a blank cell, not 0"
code_idx=$(python3 -c "
import re,sys; s=open(sys.argv[1],encoding='utf-8').read()
print([m for m in re.findall(r'<si><t[^>]*>([^<]*)</t></si>', s)].index('2010301'))" "$X/xl/sharedStrings.xml" 2>/dev/null)
check "grep -q '<c r=\"B9\" s=\"[0-9]*\" t=\"s\"><v>$code_idx</v></c>' \"$s2\"" "科目编码 2010301 must be a text cell"
check 'grep -q "<pane ySplit=\"5\" topLeftCell=\"A6\"[^>]*state=\"frozen\"" "$s2"' "收入总表: frozen pane below the header rows"
check 'grep -q "orientation=\"landscape\"" "$s2"' "收入总表 is landscape"
check 'grep -q "paperSize=\"9\"" "$s2" && grep -q "fitToHeight=\"0\"" "$s2" && grep -q "<pageSetUpPr fitToPage=\"1\"/>" "$s2"' "A4, one page wide"
check 'grep -q "<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>" "$s2"' "footer 第 &P 页 共 &N 页"
check 'grep -q "orientation=\"portrait\"" "$(sheet 收支总表)"' "收支总表 is portrait"
check "grep -q \"<definedName name=\\\"_xlnm.Print_Titles\\\" localSheetId=\\\"2\\\">'收入总表'!\\\$2:\\\$5</definedName>\" \"$wb\"" "收入总表 print titles rows 2–5"
check "grep -q \"<definedName name=\\\"_xlnm.Print_Area\\\" localSheetId=\\\"2\\\">'收入总表'!\\\$A\\\$1:\\\$M\\\$27</definedName>\" \"$wb\"" "收入总表 print area"
check '[ "$(grep -o "_xlnm.Print_Area" "$wb" | wc -l)" -eq "$n_sheets" ]' "every sheet needs a print area"
check 'grep -q "<name val=\"Noto Serif CJK SC\"/>" "$X/xl/styles.xml"' "cells use the theme body font"
check 'grep -q "<dc:creator>秦皇岛经济技术开发区管理委员会办公室</dc:creator>" "$X/docProps/core.xml"' "author = department"
check 'grep -q "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-11-14T22:13:20Z" "$X/docProps/core.xml"' "created = SOURCE_DATE_EPOCH"
# Project sheet: each project after the first starts a printed page.
check 'grep -q "<rowBreaks count=\"[1-9][0-9]*\"" "$(sheet 项目绩效目标)"' "project sheet: page breaks between projects"
S="$TMP/sum" && mkdir -p "$S" && unzip -q -o "$TMP/out/2023/汇总.xlsx" -d "$S"
check 'grep -q "<autoFilter ref=\"A3:H6\"/>" "$S/xl/worksheets/sheet1.xml"' "汇总: autofilter over header + 3 departments"
check 'grep -q "<f>SUBTOTAL(109,D4:D6)</f><v>14624.51</v>" "$S/xl/worksheets/sheet1.xml"' "汇总: 合计 follows the filter"

# --- Deterministic bytes ---------------------------------------------------------------------------
"$BP" build -q --format xlsx --out "$TMP/out2" examples >/dev/null 2>&1
same=1
for f in $(cd "$TMP/out" && find . -name '*.xlsx'); do cmp -s "$TMP/out/$f" "$TMP/out2/$f" || { same=0; fail "not byte-identical: $f"; }; done
n1=$(find "$TMP/out" -name "*.xlsx" | wc -l); n2=$(find "$TMP/out2" -name "*.xlsx" | wc -l)
check '[ "$same" -eq 1 ] && [ "$n1" -ge 4 ] && [ "$n1" -eq "$n2" ]' "second build should give the same workbooks ($n1 vs $n2)"
check 'python3 -c "
import sys, zipfile
bad = [i.filename for i in zipfile.ZipFile(sys.argv[1]).infolist() if i.date_time != (1980, 1, 1, 0, 0, 0)]
sys.exit(1 if bad else 0)" "$x434"' "zip entries must carry the fixed 1980-01-01 time"
SOURCE_DATE_EPOCH=1600000000 "$BP" build -q --format xlsx --out "$TMP/out3" examples/2023/434.yaml >/dev/null 2>&1
check '! cmp -s "$x434" "$TMP"/out3/2023/434-*.xlsx' "a different SOURCE_DATE_EPOCH must change the file (created time)"
check 'python3 -c "
import sys, zipfile
a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
diff = [n for n in a.namelist() if a.read(n) != b.read(n)]
sys.exit(0 if diff == [\"docProps/core.xml\"] else 1)" "$x434" "$TMP"/out3/2023/434-*.xlsx' "only docProps/core.xml may depend on the epoch"

# --- header labels and header-block parts we break (xlsx/label_lines): lines obey 禁则, dates whole ---
out=$(python3 - "$TMP/out" <<'PY'
import glob, html, re, sys, zipfile
fails, broken = [], 0
for path in sorted(glob.glob(sys.argv[1] + "/*/*.xlsx")):
    ss = zipfile.ZipFile(path).read("xl/sharedStrings.xml").decode()
    for raw in re.findall(r"<si>(.*?)</si>", ss, re.S):
        text = html.unescape("".join(re.findall(r"<t[^>]*>([^<]*)</t>", raw)))
        if "截止时间" in text and not re.search(r"\d{4}-\d{2}-\d{2}", text):
            fails.append(f"{path}: date broken: {text!r}")
        if "\n" not in text or len(text) > 40:
            continue  # a cell's own paragraphs (goals, notes) are not labels we broke
        broken += 1
        lines = text.split("\n")
        for a, b in zip(lines, lines[1:]):
            if b[:1] in "：，。）、；！？」』" or a[-1:] in "（「『“":
                fails.append(f"{path}: label breaks against 禁则: {text!r}")
print("\n".join(fails[:10]))
print(f"labels broken by us: {broken}", file=sys.stderr)
PY
)
check '[ -z "$out" ]' "xlsx labels: $out"

# --- LibreOffice reads every sheet; values equal the JSON export -------------------------------------
if ! command -v soffice >/dev/null 2>&1; then
  fail "soffice not found (scripts/install-deps installs libreoffice-calc)"
  finish
  exit
fi
export HOME="$TMP/home"
mkdir -p "$HOME/.config/libreoffice/4/user"
# Always recalculate xlsx formulas on load, so the CSV shows what the formulas compute.
cat > "$HOME/.config/libreoffice/4/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
# A copy of 434 whose cached totals are wrong: after recalculation the CSV must still be right.
python3 - "$x434" "$TMP/stale.xlsx" <<'PY'
import re, sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for i in src.infolist():
    data = src.read(i.filename)
    if i.filename.startswith("xl/worksheets/"):
        data = re.sub(rb"(</f><v>)[^<]*(</v>)", rb"\g<1>99999\g<2>", data)
    dst.writestr(i, data)
dst.close()
PY
mkdir -p "$TMP/csv"
start=$(date +%s)
timeout 180 soffice --headless --norestore \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  --outdir "$TMP/csv" $(find "$TMP/out" -name '*.xlsx' | sort) "$TMP/stale.xlsx" >"$TMP/soffice.log" 2>&1
rc=$?
check '[ "$rc" -eq 0 ]' "soffice failed: rc=$rc $(tail -3 "$TMP/soffice.log")"
echo "soffice: $(ls "$TMP/csv" | wc -l) sheets as CSV in $(( $(date +%s) - start )) s"
out=$(python3 - "$TMP/out" "$TMP/csv" <<'PY'
import csv, glob, json, os, re, sys
out, csvdir = sys.argv[1], sys.argv[2]
fails = checked = 0
def read(p):
    with open(p, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))
def same(j, c):
    c = c.strip()
    if j == "0.00":  # zero amounts are blank cells
        return c == ""
    if re.fullmatch(r"-?\d+\.\d\d", j):  # amounts show as #,##0.00
        return c.replace(",", "") == j
    return c == j
def compare(stem, jpath, tag):
    global fails, checked
    d = json.load(open(jpath, encoding="utf-8"))
    if not d["tables"]:
        return
    toc = read(os.path.join(csvdir, f"{stem}-目录.csv"))
    sheet_of = {r[1]: r[2] for r in toc[2:] if len(r) >= 3}
    if not any(t["title"] in sheet_of for t in d["tables"]):
        return  # a form without the 9 tables (2021): the JSON has them, the disclosure does not
    for t in d["tables"]:
        name = sheet_of.get(t["title"])
        if not name:
            print(f"FAIL {tag}: {t['title']} not in 目录"); fails += 1; continue
        rows = read(os.path.join(csvdir, f"{stem}-{name}.csv"))
        first = next((i for i, r in enumerate(rows) if r and r[0] == "栏次"), None)
        if first is None:
            print(f"FAIL {tag}/{name}: no 栏次 row"); fails += 1; continue
        ncols = len(t["columns"])
        labels = [x for x in rows[first][1:ncols]]
        if labels != [str(i) for i in range(1, ncols)]:
            print(f"FAIL {tag}/{name}: 栏次 row {labels}"); fails += 1
        body = rows[first + 1:first + 1 + len(t["rows"])]
        if len(body) != len(t["rows"]):
            print(f"FAIL {tag}/{name}: {len(body)} rows, JSON has {len(t['rows'])}"); fails += 1; continue
        for i, (jr, cr) in enumerate(zip(t["rows"], body)):
            for k, jv in enumerate(jr["cells"]):
                checked += 1
                cv = cr[k] if k < len(cr) else ""
                if not same(jv, cv):
                    print(f"FAIL {tag}/{name} row {i+1} col {k+1}: sheet {cv!r} ≠ JSON {jv!r}"); fails += 1
for jpath in sorted(glob.glob(f"{out}/*/*.json")):
    stem = os.path.basename(jpath)[:-5]
    compare(stem, jpath, stem.split("-")[0])
compare("stale", glob.glob(f"{out}/2023/434-*.json")[0], "recalculated")
# 汇总: one row per department with its figures.
rows = read(os.path.join(csvdir, "汇总-汇总.csv"))
keys = ["income_total", "expenditure_total", "basic", "project"]
for jpath in sorted(glob.glob(f"{out}/2023/*.json")):
    d = json.load(open(jpath, encoding="utf-8"))
    r = next((r for r in rows if len(r) > 2 and r[1] == d["department"]["code"]), None)
    want = [d["figures"][k] for k in keys]
    if not r or [c.replace(",", "") for c in r[3:7]] != want:
        print(f"FAIL 汇总 {d['department']['code']}: {r} ≠ {want}"); fails += 1
    checked += 4
print(f"checked {checked} cells, {fails} differences")
sys.exit(1 if fails else 0)
PY
)
rc=$?
echo "$out" | tail -15
check '[ "$rc" -eq 0 ]' "LibreOffice values differ from the JSON export"
check 'grep -q "checked [0-9]\{4,\} cells" <<<"$out"' "too few cells compared: $out"
finish
