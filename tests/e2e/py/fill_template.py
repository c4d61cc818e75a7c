#!/usr/bin/env python3
"""Fills the workbook of `budgetpress workbook-template` the way a clerk would, from a department's
built JSON (tables t2 t3 t5–t9): the 科目 rows (项 of 功能分类, 款 of 经济分类) with code, name and
the amounts of every input column, the 三公 amounts, the department code and name on 说明; then
stores the result of every formula (as Excel or WPS does when the clerk saves), so that
`budgetpress import` reads the cached values.

usage: fill_template.py TEMPLATE.xlsx DEPT.json OUT.xlsx

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
    r = first + 1
    for row in t["rows"]:
        code = row["cells"][1]
        if len(code) != width:
            continue
        sh.put(r, 1, code)
        sh.put(r, 2, row["cells"][2])
        for c in range(3, len(row["cells"])):
            if sh.formula(r, c) is None and amount(row["cells"][c]):
                sh.put(r, c, amount(row["cells"][c]))
        r += 1
        filled += 1

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
    m = re.fullmatch(r'IF\(说明!\$C\$4="","[^"]*",说明!\$C\$4&" "&说明!\$C\$5\)', f)
    if m:
        return guide.values[(3, 2)] + " " + guide.values[(4, 2)]
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
