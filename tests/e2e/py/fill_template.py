#!/usr/bin/env python3
"""Fills the workbook of `budgetpress workbook-template` the way a clerk would, from a department's
built JSON (tables t2 t3 t5–t9): the 科目 rows (项 of 功能分类, 款 of 经济分类) with code, name and
the amounts of every input column, the 三公 amounts, the department code and name on 说明; then
stores the result of every formula (as Excel or WPS does when the clerk saves), so that
`budgetpress import` reads the cached values.

usage: fill_template.py TEMPLATE.xlsx DEPT.json OUT.xlsx [--parts DEPT.yaml]

With --parts, the sheets beyond the 9 tables are filled from the department file itself (PyYAML):
机构设置, 项目信息 (one row per project; 资金用途 with the generated “项目预算…” sentence when the file
sets purpose_amounts, as the clerk copies it from last year's document), 项目绩效指标 (one row per
indicator, the project's name on its first row only — the importer repeats it downwards, as a clerk
leaves it blank), 政府采购预算, 国有资产 (department totals and 截止时间), 各单位资产情况 (per unit), 部门职责
(one duty per row) and 说明数据 (政府层级, 上年预算数, 三公 上年数, 机关运行经费 and its items, 资产说明).

Only the standard library (zipfile + re + xml.etree for a strict parse of each written part):
openpyxl is not needed. The formulas the template uses are evaluated here: SUM(ranges and cells),
IF(COUNT(x)=0,"",SUM(x)) and the header line's IF(说明!C4="",…,说明!C4&" "&说明!C5).
"""
import html
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal

tpl, dept_json, out = sys.argv[1:4]
parts_yaml = sys.argv[sys.argv.index("--parts") + 1] if "--parts" in sys.argv else None
dept = json.load(open(dept_json, encoding="utf-8"))
tables = {t["title"]: t for t in dept["tables"]}

zin = zipfile.ZipFile(tpl)
parts = {n: zin.read(n) for n in zin.namelist()}
shared = [html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
          for si in re.findall(r"<si>(.*?)</si>", parts["xl/sharedStrings.xml"].decode(), re.S)]
wb = parts["xl/workbook.xml"].decode()
rels = parts["xl/_rels/workbook.xml.rels"].decode()
sheets = {}  # name → part
for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', wb):
    target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % rid, rels).group(1)
    sheets[html.unescape(name)] = "xl/" + target.lstrip("/").replace("xl/", "", 1)


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def col_letters(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def split_ref(ref):
    m = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", ref)
    return int(m.group(2)) - 1, col_index(m.group(1))


CELL = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)


class Sheet:
    def __init__(self, xml):
        self.xml = xml
        self.cells = {}  # (row, col) → dict(attrs, body)
        for m in CELL.finditer(xml):
            self.cells[(int(m.group(2)) - 1, col_index(m.group(1)))] = {
                "attrs": m.group(3), "body": m.group(4) or ""}
        self.values = {}  # written values: (row, col) → Decimal or str

    def text(self, r, c):
        cell = self.cells.get((r, c))
        if not cell:
            return ""
        v = re.search(r"<v>(.*?)</v>", cell["body"])
        if 't="s"' in cell["attrs"] and v:
            return shared[int(v.group(1))]
        return html.unescape(v.group(1)) if v else ""

    def formula(self, r, c):
        cell = self.cells.get((r, c))
        f = re.search(r"<f>(.*?)</f>", cell["body"]) if cell else None
        return html.unescape(f.group(1)) if f else None

    def put(self, r, c, value):
        assert (r, c) in self.cells and self.formula(r, c) is None, (r, c)
        self.values[(r, c)] = value

    def render(self, computed):
        def repl(m):
            key = (int(m.group(2)) - 1, col_index(m.group(1)))
            attrs = re.sub(r'\s*t="[^"]*"', "", m.group(3))
            ref = m.group(1) + m.group(2)
            if key in computed:
                f = re.search(r"<f>.*?</f>", m.group(4) or "", re.S).group(0)
                v = computed[key]
                if isinstance(v, str):
                    return f'<c r="{ref}"{attrs} t="str">{f}<v>{html.escape(v, quote=False)}</v></c>'
                return f'<c r="{ref}"{attrs}>{f}<v>{v}</v></c>'
            if key in self.values:
                v = self.values[key]
                if isinstance(v, str):
                    return (f'<c r="{ref}"{attrs} t="inlineStr"><is><t>'
                            f'{html.escape(v, quote=False)}</t></is></c>')
                return f'<c r="{ref}"{attrs}><v>{v}</v></c>'
            return m.group(0)
        return CELL.sub(repl, self.xml)


loaded = {name: Sheet(parts[p].decode()) for name, p in sheets.items()}


def amount(text):
    return Decimal(text.replace(",", "")) if text.strip() else Decimal(0)


# 说明: department code and name (C4, C5).
guide = loaded["说明"]
guide.put(3, 2, dept["department"]["code"])
guide.put(4, 2, dept["department"]["name"])
guide.put(6, 2, "是")
if parts_yaml:
    # The names and the header line exactly as the department file prints them.
    import yaml
    dd = yaml.safe_load(open(parts_yaml, encoding="utf-8"))["department"]
    guide.put(3, 2, str(dd["code"]))
    guide.put(4, 2, dd.get("short_name") or dd["name"])
    if dd.get("short_name"):
        guide.put(5, 2, dd["name"])
    guide.put(6, 2, "是" if dd.get("header_separator") == " " else "否")

def catalogue(kind):
    """Codes of config/catalog/<kind>/ for the department's year (the latest file not after it)."""
    import glob, os
    year = int(dept["department"]["year"])
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../config/catalog", kind)
    files = sorted(f for f in glob.glob(os.path.join(root, "*.tsv"))
                   if int(os.path.basename(f)[:4]) <= year)
    if not files:
        return set()
    return {line.split("\t", 1)[0] for line in open(files[-1], encoding="utf-8")}


filled = 0
for name, sh in loaded.items():
    title = sh.text(0, 0)
    t = tables.get(title)
    if not t:
        continue
    # The row after the header: the 合计 row of a code table, or the first fixed row of 三公.
    first = min(r for (r, c) in sh.cells if sh.formula(r, c) and c >= 2 and r > 1)
    if t["id"] == "t9-three-public":
        # Rows by their label (a department may print the short 6-row layout).
        label_row = {}
        for (r, c) in sh.cells:
            if c == 1 and r >= first:
                label_row[sh.text(r, 1)] = r
        for row in t["rows"]:
            r = label_row.get(row["cells"][1])
            if r is None:
                raise SystemExit(f"fill_template: 三公 row {row['cells'][1]} not in the template")
            for c, text in enumerate(row["cells"]):
                if c >= 2 and (r, c) in sh.cells and sh.formula(r, c) is None and amount(text):
                    sh.put(r, c, amount(text))
                    filled += 1
        continue
    width = 5 if t["id"] == "t6-gpb-basic" else 7
    known = catalogue("economic" if width == 5 else "function")
    r = first + 1
    for row in t["rows"]:
        code = row["cells"][1]
        if len(code) != width:
            # A 类/款 the catalogue lacks: its code and name on a row of their own, no amounts
            # (as docs/import.md tells the clerk).
            if code and code not in known:
                sh.put(r, 1, code)
                sh.put(r, 2, row["cells"][2])
                r += 1
            continue
        sh.put(r, 1, code)
        sh.put(r, 2, row["cells"][2])
        for c in range(3, len(row["cells"])):
            if sh.formula(r, c) is None and amount(row["cells"][c]):
                sh.put(r, c, amount(row["cells"][c]))
        r += 1
        filled += 1

def fill_parts(path):
    import yaml
    d = yaml.safe_load(open(path, encoding="utf-8"))
    dept = d["department"]
    yuan = dept.get("unit") == "元"

    def dec(v):
        return Decimal(str(v)) if v is not None else None

    def header_cols(sh, rows):
        cols = {}
        for (r, c) in sh.cells:
            if r in rows:
                t = sh.text(r, c).replace("\n", "")
                if t:
                    cols[t] = c
        return cols

    def first_blank_row(sh):
        return 3

    global filled
    sh = loaded["机构设置"]
    cols = header_cols(sh, {2})
    for i, inst in enumerate(dept.get("institutions") or []):
        r = 3 + i
        for key, head in (("code", "单位编码"), ("name", "单位名称"), ("nature", "单位性质"),
                          ("rank", "单位规格"), ("funding", "经费保障形式")):
            if inst.get(key):
                sh.put(r, cols[head], str(inst[key]))
        filled += 1

    # 项目信息 / 项目绩效指标, and the same two sheets for 专项资金 (absent from a form that does
    # not print them).
    def fill_projects(info, ind_sheet, items):
        global filled
        if info not in loaded:
            if items:
                raise SystemExit(f"the template has no {info} sheet for {len(items)} entries")
            return
        sh = loaded[info]
        cols = header_cols(sh, {2})
        col = lambda prefix: next(c for t, c in cols.items() if t.startswith(prefix))

        def fmt_wan(v):
            w = v / 10000 if yuan else v
            return str(w.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP"))

        for i, p in enumerate(items):
            r = 3 + i
            sh.put(r, col("项目名称"), p["name"])
            if p.get("code"):
                sh.put(r, col("项目编码"), str(p["code"]))
            if p.get("unit"):
                sh.put(r, col("预算单位"), str(p["unit"]))
            fiscal, other = dec(p.get("fiscal")), dec(p.get("other"))
            if fiscal is not None:
                sh.put(r, col("财政资金"), fiscal)
            if other is not None:
                sh.put(r, col("其他资金"), other)
            purpose = p.get("purpose") or ""
            if dept.get("purpose_amounts") and (fiscal is not None or other is not None):
                f, o = fiscal or Decimal(0), other or Decimal(0)
                sent = "项目预算" + fmt_wan(f + o) + "万元"
                if f and o:
                    sent += "，其中财政资金" + fmt_wan(f) + "万元，其他资金" + fmt_wan(o) + "万元"
                elif o:
                    sent += "，全部为其他资金"
                else:
                    sent += "，全部为财政资金"
                purpose = sent + "。" + purpose
            if purpose and "资金用途" in cols:
                sh.put(r, cols["资金用途"], purpose)
            plan = p.get("spend_plan")
            if plan and "3月底（%）" in cols:
                for k, m in enumerate(["3月底（%）", "6月底（%）", "10月底（%）", "12月底（%）"]):
                    if plan[k] is not None:
                        sh.put(r, cols[m], Decimal(str(plan[k])))
            goals = [g.rstrip("\n") for g in (p.get("goals") or [])]
            if goals:
                text = goals[0] if len(goals) == 1 else "\n".join(f"{k + 1}.{g}" for k, g in enumerate(goals))
                sh.put(r, col("绩效目标"), text)
            filled += 1

        sh = loaded[ind_sheet]
        cols = header_cols(sh, {2})
        r = 3
        names = [p["name"] for p in items]
        for p in items:
            first = True
            prev = (None, None)
            for ind in p.get("indicators") or []:
                if first:
                    sh.put(r, cols["项目名称"], p["name"])
                    if names.count(p["name"]) > 1:  # two projects of one name: the code tells
                        sh.put(r, cols["项目编码"], str(p["code"]))
                # 一级 / 二级 written only where they change (merged cells in the documents).
                if (ind.get("level1"), ind.get("level2")) != prev or first:
                    sh.put(r, cols["一级指标"], ind["level1"])
                    sh.put(r, cols["二级指标"], ind.get("level2") or "")
                prev = (ind.get("level1"), ind.get("level2"))
                for key, head in (("name", "三级指标"), ("description", "绩效指标描述"),
                                  ("value", "指标值"), ("basis", "指标值确定依据")):
                    if ind.get(key) is not None and str(ind.get(key)) != "":
                        sh.put(r, cols[head], str(ind[key]))
                first = False
                r += 1
                filled += 1

    fill_projects("项目信息", "项目绩效指标", d.get("projects") or [])
    fill_projects("专项资金信息", "专项资金绩效指标", d.get("special_funds") or [])

    sh = loaded["政府采购预算"]
    cols = header_cols(sh, {2, 3})
    src = {"gpb": "一般公共预算拨款", "fund": "政府性基金预算拨款", "soc": "国有资本经营预算拨款",
           "special": "财政专户核拨", "unit": "单位资金", "carryover_fiscal": "上年财政拨款结转",
           "carryover_other": "上年非财政拨款结转", "carryover": "上年结转结余"}
    for i, row in enumerate(d.get("procurement") or []):
        r = 5 + i
        for key, head in (("unit", "预算单位"), ("project", "项目名称"), ("project_code", "项目编码"),
                          ("item", "采购物品名称"), ("catalog_code", "品目编码"), ("uom", "计量单位")):
            if row.get(key):
                sh.put(r, cols[head], str(row[key]))
        for key, head in (("project_budget", "预算资金"), ("unit_price", "单价"),
                          ("sme_reserved", "预留中小微企业份额")):
            if row.get(key) is not None:
                sh.put(r, cols[head], dec(row[key]))
        if row.get("quantity") is not None:
            sh.put(r, cols["数量"], Decimal(int(row["quantity"])))
        for key, v in (row.get("amounts") or {}).items():
            sh.put(r, cols[src[key]], dec(v))
        filled += 1

    a = d.get("assets")
    if a and not a.get("units"):
        sh = loaded["国有资产"]
        if a.get("as_of"):
            sh.put(1, 1, str(a["as_of"]))
        labels = {sh.text(r, 0): r for (r, c) in sh.cells if c == 0}
        for key, label in (("buildings", "1、房屋（平方米）"), ("office", "其中：办公用房（平方米）"),
                           ("vehicles", "2、车辆（台、辆）"), ("equipment", "3、单价在20万元以上的设备"),
                           ("other", "4、其他固定资产")):
            row = a.get(key)
            if row:
                if row.get("quantity") is not None:
                    sh.put(labels[label], 1, Decimal(int(row["quantity"])))
                if row.get("value") is not None:
                    sh.put(labels[label], 2, dec(row["value"]))
        filled += 1

    # 部门职责: one duty per row, below the title.
    duties = dept.get("duties") or {}
    sh = loaded["部门职责"]
    for i, t in enumerate(duties.get("items") or []):
        sh.put(1 + i, 0, str(t).rstrip("\n"))
        filled += 1

    # 说明数据: the 数值 column of the labelled rows (src/app/workbook_narrative.hpp).
    sh = loaded["说明数据"]
    rows, item_rows = {}, []
    for (r, c) in sorted(sh.cells):
        if c == 0 and r >= 3 and sh.text(r, 0):
            if sh.text(r, 0) == "机关运行经费明细":
                item_rows.append(r)
            else:
                rows[(sh.text(r, 0), sh.text(r, 1))] = r

    def put(group, item, value):
        global filled
        sh.put(rows[(group, item)], 2, value)
        filled += 1

    if dept.get("gov_level"):
        put("基本情况", "政府层级", str(dept["gov_level"]))
    if dept.get("list_zero_income"):
        put("基本情况", "收入说明列出金额为零的来源", "是")
    if duties.get("intro"):
        put("基本情况", "部门职责导语", str(duties["intro"]))
    if duties.get("numbering"):
        put("基本情况", "部门职责编号样式", str(duties["numbering"]))
    prev = d.get("previous_year") or {}
    for key, label in (("basic", "基本支出"), ("project", "项目支出"), ("running_cost", "机关运行经费")):
        if prev.get(key) is not None:
            put("上年预算数", label, dec(prev[key]))
    tp = d.get("three_public") or {}
    if tp.get("last_year_total") is not None:
        put("上年“三公”经费", "合计（只知合计时填）", dec(tp["last_year_total"]))
    labels = {"outbound_research": "教学科研人员因公出国（境）费", "outbound_other": "其他因公出国（境）费",
              "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行维护费",
              "reception": "公务接待费", "meeting_university": "省属高校业务性会议费",
              "meeting_other": "其他会议费", "training": "培训费",
              "outbound": "因公出国（境）费（只知合计时填）", "vehicle": "公务用车购置及运维费（只知合计时填）"}
    for key, v in (tp.get("last_year") or {}).items():
        assert not isinstance(v, dict) or set(v) == {"gpb"}, "the template has 上年数 rows for 一般公共预算 only"
        put("上年“三公”经费", labels[key], dec(v["gpb"] if isinstance(v, dict) else v))
    rc = d.get("running_cost") or {}
    if rc.get("total") is not None:
        put("机关运行经费", "合计（只计行政单位时填）", dec(rc["total"]))
    if rc.get("purpose"):
        put("机关运行经费", "用途", str(rc["purpose"]))
    for r, item in zip(item_rows, rc.get("items") or []):
        sh.put(r, 1, str(item["name"]))
        sh.put(r, 2, dec(item["amount"]))
        filled += 1
    a = d.get("assets") or {}
    if a.get("note"):
        put("国有资产", "说明", str(a["note"]))
    stmt = (("original", "固定资产原值"), ("depreciation", "累计折旧"), ("intangible_original", "无形资产原值"),
            ("intangible_amortization", "无形资产累计摊销"), ("net_assets", "净资产"))
    if not a.get("units"):
        for key, label in stmt:
            if a.get(key) is not None:
                put("国有资产", label, dec(a[key]))

    # 各单位资产情况: one row per unit.
    sh = loaded["各单位资产情况"]
    cols = header_cols(sh, {2})
    for i, u in enumerate(a.get("units") or []):
        r = 3 + i
        sh.put(r, cols["单位"], str(u["unit"]))
        for key, label in (("buildings", "房屋"), ("office", "办公用房"), ("vehicles", "车辆"),
                           ("equipment", "设备"), ("other", "其他固定资产")):
            if u.get(key):
                sh.put(r, cols[label + "数量"], Decimal(int(u[key].get("quantity") or 0)))
                sh.put(r, cols[label + "价值"], dec(u[key].get("value") or 0))
        for key, label in stmt:
            if u.get(key) is not None:
                sh.put(r, cols[label], dec(u[key]))
        filled += 1


if parts_yaml:
    fill_parts(parts_yaml)


# Every formula's value, as the office program stores it on saving.
def cell_value(sheet, r, c, computed):
    if (r, c) in sheet.values:
        return sheet.values[(r, c)]
    if (r, c) in computed:
        return computed[(r, c)]
    return None


def refs(arg):
    out = []
    for part in arg.split(","):
        if ":" in part:
            (r1, c1), (r2, c2) = (split_ref(x) for x in part.split(":"))
            out += [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
        else:
            out.append(split_ref(part))
    return out


def evaluate(sheet, f, computed):
    m = re.fullmatch(r"SUM\(([^()]*)\)", f)
    if m:
        total = Decimal(0)
        for rc in refs(m.group(1)):
            v = cell_value(sheet, *rc, computed)
            if isinstance(v, Decimal):
                total += v
        return total
    m = re.fullmatch(r'IF\(COUNT\(([^()]*)\)=0,"",SUM\(([^()]*)\)\)', f)
    if m:
        vals = [cell_value(sheet, *rc, computed) for rc in refs(m.group(1))]
        if not any(isinstance(v, Decimal) for v in vals):
            return ""
        return evaluate(sheet, "SUM(" + m.group(2) + ")", computed)
    m = re.fullmatch(r'IF\(说明!\$C\$4="","[^"]*",说明!\$C\$4&IF\(说明!\$C\$7="是"," ",""\)&说明!\$C\$5\)', f)
    if m:
        space = " " if guide.values.get((6, 2)) == "是" else ""
        return guide.values[(3, 2)] + space + guide.values[(4, 2)]
    raise SystemExit(f"fill_template: formula not understood: {f}")


for name, sh in loaded.items():
    computed = {}
    # Row sums first (they refer to cells on their own row), then column sums over them.
    pending = [(r, c) for (r, c) in sh.cells if sh.formula(r, c)]
    for _ in range(4):
        for r, c in pending:
            computed[(r, c)] = evaluate(sh, sh.formula(r, c), computed)
    parts[sheets[name]] = sh.render(computed).encode()

with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for n in zin.namelist():
        if n.endswith(".xml") or n.endswith(".rels"):
            ET.fromstring(parts[n])  # strict parse of every written part
        z.writestr(n, parts[n])
print(f"fill_template: {filled} rows filled", file=sys.stderr)
