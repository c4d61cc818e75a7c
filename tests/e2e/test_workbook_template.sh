# budgetpress workbook-template (issue 18, item 4): the empty fill-in workbook.
#  1. bad year / form / unit / layout, an existing -o, a name that is not .xlsx: exit 2, a Chinese
#     message, nothing written; the file is the only thing written (no temp file left);
#     byte-deterministic;
#  2. every XML part parses strictly; the sheets are 说明, the input tables, the parts (机构设置,
#     项目信息, 项目绩效指标, 政府采购预算, 国有资产, 各单位资产情况, 部门职责, 说明数据), 科目代码 and
#     下拉列表; every sheet is
#     protected, input cells are unlocked, formulas and headers are locked; the 科目编码 column
#     has a list validation on 科目代码 (as many codes as the catalogue's 项 / 款), the amount cells
#     a decimal validation; the 合计 row is =SUM() over the input rows; the parts have their
#     drop-down lists (一级/二级指标 as long as config/catalog/indicators/, 品目编码 as long as
#     config/catalog/procurement/, 单位性质, 经费保障形式 on 下拉列表; 项目名称 and 预算单位 on
#     the other part sheets), the 采购 合计 and 资产总额 formulas; every sheet but
#     说明 and 科目代码 has a frozen pane (the whole round trip of every part is
#     test_workbook_template_roundtrip.sh);
#  3. LibreOffice (headless) opens it and converts it to PDF, empty and filled, and every sheet of a
#     template filled with all parts to CSV;
#  4. acceptance: filled programmatically with an example's data (tests/e2e/py/fill_template.py,
#     standard library only) → budgetpress import (exit 0, no YAML error) → build: the 9 tables of the
#     JSON export are identical to building the example directly (434, 631 and 633 of the 2023 form,
#     631 with the short 三公 layout, 201 of the 2024 form).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"

# --- 1. refusals and the file itself ----------------------------------------------------------
mkdir -p "$TMP/w"
"$BP" workbook-template --year 2024 --form 1999 -o "$TMP/w/a.xlsx" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "未知的公开格式“1999”" "$TMP/err" && [ ! -e "$TMP/w/a.xlsx" ]' \
  "unknown form: rc=$rc $(cat "$TMP/err")"
"$BP" workbook-template --year 2024 --unit 千元 -o "$TMP/w/a.xlsx" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "金额单位应为 万元 或 元" "$TMP/err" && [ ! -e "$TMP/w/a.xlsx" ]' \
  "bad unit: rc=$rc $(cat "$TMP/err")"
"$BP" workbook-template --year 2019 -o "$TMP/w/a.xlsx" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "年度没有对应的公开格式" "$TMP/err" && [ ! -e "$TMP/w/a.xlsx" ]' \
  "year without a form: rc=$rc $(cat "$TMP/err")"
"$BP" workbook-template --year 2024 --three-public long -o "$TMP/w/a.xlsx" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "full（9 行）或 short（6 行）" "$TMP/err" && [ ! -e "$TMP/w/a.xlsx" ]' \
  "bad 三公 layout: rc=$rc $(cat "$TMP/err")"
"$BP" workbook-template --year 2024 -o "$TMP/w/a.txt" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "不是 .xlsx 文件名" "$TMP/err" && [ ! -e "$TMP/w/a.txt" ]' \
  "not .xlsx: rc=$rc $(cat "$TMP/err")"
check '[ -z "$(ls -A "$TMP/w")" ]' "refusals left files: $(ls -A "$TMP/w")"

"$BP" workbook-template --year 2024 -o "$TMP/w/部门预算录入表.xlsx" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ] && [ "$(ls -A "$TMP/w")" = "部门预算录入表.xlsx" ]' \
  "template: rc=$rc, files: $(ls -A "$TMP/w") $(cat "$TMP/err")"
echo old >"$TMP/w/keep.xlsx"
"$BP" workbook-template --year 2024 -o "$TMP/w/keep.xlsx" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "已存在" "$TMP/err" && [ "$(cat "$TMP/w/keep.xlsx")" = old ]' \
  "existing -o without --force: rc=$rc"
"$BP" workbook-template --year 2024 --force -o "$TMP/w/keep.xlsx" 2>/dev/null
check 'cmp -s "$TMP/w/keep.xlsx" "$TMP/w/部门预算录入表.xlsx"' "two runs differ (not deterministic)"
rm -f "$TMP/w/keep.xlsx"

# --- 2. structure -----------------------------------------------------------------------------
python3 - "$TMP/w/部门预算录入表.xlsx" config/catalog >"$TMP/structure" 2>&1 <<'PY'
import glob, html, re, sys, zipfile
import xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
bad = []
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        try:
            ET.fromstring(z.read(n))
        except ET.ParseError as e:
            bad.append(f"{n}: {e}")
wb = z.read("xl/workbook.xml").decode()
rels = z.read("xl/_rels/workbook.xml.rels").decode()
names = [html.unescape(n) for n, _ in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', wb)]
want = ["说明", "收入总表", "支出总表", "一般公共预算支出表", "基本支出表", "政府性基金支出表",
        "国有资本经营支出表", "三公经费支出表", "机构设置", "项目信息", "项目绩效指标",
        "政府采购预算", "国有资产", "各单位资产情况", "部门职责", "说明数据", "科目代码", "下拉列表"]
parts = {"机构设置", "项目信息", "项目绩效指标", "政府采购预算", "国有资产", "各单位资产情况", "部门职责",
         "说明数据"}
if names != want:
    bad.append(f"sheets {names}")
styles = z.read("xl/styles.xml").decode()
xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S).group(1)
xf = re.findall(r"<xf [^>]*?(?:/>|>.*?</xf>)", xfs, re.S)
unlocked = {i for i, x in enumerate(xf) if 'locked="0"' in x}
if not unlocked:
    bad.append("no unlocked cell format")
# Catalogue sizes: the drop-down lists must reach every 项 / 款 of the year's catalogue.
def count(kind, width):
    files = sorted(glob.glob(f"{sys.argv[2]}/{kind}/*.tsv"))
    best = [f for f in files if int(re.search(r"(\d{4})", f).group(1)) <= 2024][-1]
    return sum(1 for line in open(best, encoding="utf-8")
               if re.match(r"\d{%d}\t" % width, line))
n_fn, n_ec = count("function", 7), count("economic", 5)
# 一级 / 二级指标 and 品目编码 lists: as long as the catalogue files (config/catalog/indicators/,
# procurement/) — the one source `check` reads too.
pairs = [l.rstrip("\n").split("\t") for l in open(f"{sys.argv[2]}/indicators/2021.tsv", encoding="utf-8")
         if l.strip() and not l.startswith("#")]
n_l1 = len(dict.fromkeys(p[0] for p in pairs))
n_l2 = len(dict.fromkeys(p[1] for p in pairs))
n_proc = sum(1 for l in open(f"{sys.argv[2]}/procurement/2023.tsv", encoding="utf-8")
             if re.match(r"[ABC]\d{8}\t", l))
for i, name in enumerate(names, 1):
    s = z.read(f"xl/worksheets/sheet{i}.xml").decode()
    if "<sheetProtection" not in s:
        bad.append(f"{name}: not protected")
    if name in ("说明", "科目代码"):
        continue
    if 'state="frozen"' not in s:
        bad.append(f"{name}: no frozen pane")
    cells = {m.group(1): (m.group(2), m.group(3) or "")
             for m in re.finditer(r'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', s, re.S)}
    def style(ref):
        m = re.search(r's="(\d+)"', cells.get(ref, ("", ""))[0])
        return int(m.group(1)) if m else 0
    dv = re.findall(r"<dataValidation [^>]*>.*?</dataValidation>", s, re.S)
    if name == "下拉列表":
        continue
    if name in parts:
        # Title and header row (row 3; 政府采购预算 rows 3–4) locked, the first input row open,
        # the drop-down lists on the 下拉列表 sheet and the other part sheets.
        head_rows = (3, 4) if name == "政府采购预算" else () if name == "部门职责" else (3,)
        for ref in cells:
            row = int(re.sub(r"[A-Z]+", "", ref))
            if (row == 1 or row in head_rows) and style(ref) in unlocked:
                bad.append(f"{name}!{ref}: header cell unlocked")
            if "<f>" in cells[ref][1] and style(ref) in unlocked:
                bad.append(f"{name}!{ref}: formula unlocked")
        first = {"政府采购预算": "A6", "国有资产": "B5", "部门职责": "A2", "说明数据": "C4"}.get(name, "A4")
        if style(first) not in unlocked:
            bad.append(f"{name}!{first}: input cell locked")
        want_lists = {"机构设置": ["下拉列表!$C$2:$C$6", "下拉列表!$D$2:$D$5"],
                      "项目信息": ["机构设置!$B$4:$B$103"],
                      "项目绩效指标": ["项目信息!$A$4:$A$303", f"下拉列表!$A$2:$A${n_l1 + 1}",
                                     f"下拉列表!$B$2:$B${n_l2 + 1}"],
                      "政府采购预算": ["机构设置!$B$4:$B$103", "项目信息!$A$4:$A$303",
                                     f"下拉列表!$E$2:$E${n_proc + 1}"],
                      "国有资产": [], "各单位资产情况": ["机构设置!$B$4:$B$103"], "部门职责": [],
                      "说明数据": []}[name]
        for w in want_lists:
            if not any(f"<formula1>{w}</formula1>" in d and 'type="list"' in d for d in dv):
                bad.append(f"{name}: no list validation on {w}")
        if name == "政府采购预算" and not any('sqref="F6:F505"' in d and 'type="list"' in d for d in dv):
            bad.append(f"{name}: no 品目编码 drop-down on F6:F505")
        if name == "政府采购预算" and "<f>SUM(R6:R505)</f>" not in cells.get("R5", ("", ""))[1]:
            bad.append(f"{name}!R5: 合计 is not a column sum")
        if name == "国有资产" and "<f>SUM(C5,C7:C9)</f>" not in cells.get("C4", ("", ""))[1]:
            bad.append(f"{name}!C4: 资产总额 is not =SUM(C5,C7:C9): {cells.get('C4')}")
        continue
    # Header rows (title, header line, column heads) are locked; formulas are locked.
    for ref, (attrs, body) in cells.items():
        row = int(re.sub(r"[A-Z]+", "", ref))
        if row <= 4 and style(ref) in unlocked:
            bad.append(f"{name}!{ref}: header cell unlocked")
        if "<f>" in body and style(ref) in unlocked:
            bad.append(f"{name}!{ref}: formula unlocked")
    if not any('type="decimal"' in d for d in dv):
        bad.append(f"{name}: no decimal validation on amounts")
    if name == "三公经费支出表":
        if not re.search(r"<f>SUM\(", s):
            bad.append(f"{name}: no SUM formula")
        continue
    lists = [d for d in dv if 'type="list"' in d]
    n = n_ec if name == "基本支出表" else n_fn
    col = "C" if name == "基本支出表" else "A"
    if not any(f"<formula1>科目代码!${col}$2:${col}${n + 1}</formula1>" in d and 'sqref="B7:B206"' in d
               for d in lists):
        bad.append(f"{name}: no 科目编码 list over 科目代码!{col}2:{col}{n + 1} on B7:B206: {lists[:1]}")
    f = cells.get("D6", ("", ""))[1]
    if "<f>SUM(D7:D206)</f>" not in f:
        bad.append(f"{name}!D6: 合计 is not =SUM(D7:D206): {f}")
    if style("B7") not in unlocked or style("E7") not in unlocked:
        bad.append(f"{name}: input cells B7/E7 locked")
print("\n".join(bad) if bad else "ok")
sys.exit(1 if bad else 0)
PY
check '[ $? -eq 0 ]' "structure: $(head -20 "$TMP/structure")"

# --- 3. LibreOffice ---------------------------------------------------------------------------
lo_pdf() {  # xlsx → pdf with LibreOffice headless; prints the page count
  rm -rf "$TMP/lo" && mkdir -p "$TMP/lo"
  HOME="$TMP/lohome" timeout 300 soffice --headless --norestore --convert-to pdf --outdir "$TMP/lo" "$1" \
    >/dev/null 2>&1 || return 1
  pdfinfo "$TMP/lo/$(basename "${1%.xlsx}").pdf" 2>/dev/null | sed -n 's/^Pages: *//p'
}
if command -v soffice >/dev/null; then
  pages=$(lo_pdf "$TMP/w/部门预算录入表.xlsx")
  check '[ -n "$pages" ] && [ "$pages" -gt 8 ]' "LibreOffice: the empty template did not convert (pages=$pages)"
else
  fail "soffice (LibreOffice) is not installed (scripts/install-deps)"
fi

# --- 4. filled → import → build == the example ------------------------------------------------
for spec in 2023/434:full 2023/631:short 2023/633:full 2024/201:full; do
  ex=examples/${spec%%:*}.yaml layout=${spec##*:}
  code=$(basename "$ex" .yaml) year=$(dirname "${spec%%:*}")
  "$BP" build -q --format json --out "$TMP/orig/$code" "$ex" >/dev/null 2>&1
  j=$(ls "$TMP"/orig/"$code"/*/*.json 2>/dev/null | head -1)
  [ -n "$j" ] || { fail "$code: no JSON of the example"; continue; }
  "$BP" workbook-template --year "$year" --three-public "$layout" -o "$TMP/$code-tpl.xlsx" 2>/dev/null
  python3 tests/e2e/py/fill_template.py "$TMP/$code-tpl.xlsx" "$j" "$TMP/$code-filled.xlsx" 2>"$TMP/$code.fill"
  check '[ $? -eq 0 ]' "$code: filling failed: $(cat "$TMP/$code.fill")"
  "$BP" import "$TMP/$code-filled.xlsx" --out "$TMP/$code.yaml" 2>"$TMP/$code.err"; rc=$?
  check '[ "$rc" -eq 0 ]' "$code: import of the filled template rc=$rc: $(grep -m5 错误 "$TMP/$code.err")"
  # The only warnings: the two summary tables the template leaves to the program.
  others=$(grep "警告:" "$TMP/$code.err" | grep -v "工作簿中没有收支总表\|工作簿中没有财政拨款收支总表")
  check '[ -z "$others" ]' "$code: unexpected warnings: $others"
  "$BP" build -q --format json --out "$TMP/imp/$code" "$TMP/$code.yaml" >/dev/null 2>&1
  k=$(ls "$TMP"/imp/"$code"/*/*.json 2>/dev/null | head -1)
  [ -n "$k" ] || { fail "$code: the imported YAML did not build"; continue; }
  python3 - "$j" "$k" >"$TMP/$code.diff" <<'PY'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
ta = {t["id"]: t for t in a["tables"]}
tb = {t["id"]: t for t in b["tables"]}
if sorted(ta) != sorted(tb):
    print("tables", sorted(ta), sorted(tb))
for k in ta:
    if ta[k] != tb.get(k):
        x, y = ta[k], tb.get(k, {"rows": []})
        print(k, [r for r in x["rows"] if r not in y["rows"]][:2], [r for r in y["rows"] if r not in x["rows"]][:2])
for k in ("code", "name", "year", "form"):
    if a["department"].get(k) != b["department"].get(k):
        print("department", k, a["department"].get(k), b["department"].get(k))
sys.exit(1 if ta != tb else 0)
PY
  check '[ $? -eq 0 ] && [ ! -s "$TMP/$code.diff" ]' "$code: tables differ: $(head -5 "$TMP/$code.diff")"
done
if command -v soffice >/dev/null; then
  pages=$(lo_pdf "$TMP/201-filled.xlsx")
  check '[ -n "$pages" ] && [ "$pages" -gt 8 ]' "LibreOffice: the filled template did not convert"
  # Every sheet as CSV: LibreOffice reads each one, the parts included (filled with 201's data).
  "$BP" workbook-template --year 2024 -o "$TMP/201-tpl-parts.xlsx" 2>/dev/null
  python3 tests/e2e/py/fill_template.py "$TMP/201-tpl-parts.xlsx" "$TMP/orig/201/2024/"*.json \
    "$TMP/201-parts.xlsx" --parts examples/2024/201.yaml 2>/dev/null
  rm -rf "$TMP/csv" && mkdir -p "$TMP/csv"
  HOME="$TMP/lohome" timeout 300 soffice --headless --norestore \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
    --outdir "$TMP/csv" "$TMP/201-parts.xlsx" >/dev/null 2>&1
  n=$(ls "$TMP/csv" | wc -l)
  # 18 sheets and, the 2024 form printing 专项资金, 专项资金信息 and 专项资金绩效指标.
  check '[ "$n" -eq 20 ]' "LibreOffice: $n of 20 sheets as CSV"
  check '[ -s "$TMP/csv/201-parts-专项资金信息.csv" ] && [ -s "$TMP/csv/201-parts-专项资金绩效指标.csv" ]' \
    "LibreOffice: no 专项资金信息 / 专项资金绩效指标 sheet"
  ind=$(grep -c "产出指标\|效益指标\|成本指标\|满意度指标" "$TMP/csv/201-parts-项目绩效指标.csv" 2>/dev/null)
  check '[ "${ind:-0}" -ge 16 ]' "LibreOffice: the 项目绩效指标 sheet shows ${ind:-0} indicator rows with their 一级指标"
  check 'grep -q "党务活动经费,.*A02010105" "$TMP/csv/201-parts-政府采购预算.csv"' "LibreOffice: the 政府采购预算 rows are not read"
  check 'grep -q "上年预算数,基本支出," "$TMP/csv/201-parts-说明数据.csv"' "LibreOffice: the 说明数据 rows are not read"
fi

finish
