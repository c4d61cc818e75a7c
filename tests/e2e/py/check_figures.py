"""Every figure a department file states appears in the document built from it.

usage: check_figures.py DEPT.yaml PDF_TEXT.txt DOCX_FILE

The figures are the money amounts of the file (every key whose value is an amount), the percentages of
资金支出计划, and the `expect:` totals. A figure is found when its display form is in the text with
spaces and line breaks removed: 万元 with two decimals (the tables and most prose), or 元 with two decimals
(the 2021 form's asset prose). Zero is never printed in a table (blank), so zeros are skipped. Last year's
figures (previous_year, three_public.last_year) are stated as comparisons: either the figure itself or its
difference to this year's figure counts. A form without tables (profile `has_tables: false`, the 2021
form) states the 项-level expenditure lines and the economic lines only through their totals (基本支出,
项目支出, 人员经费, 日常公用经费), which are then checked instead via `expect:`. Exits non-zero listing
what is missing.
"""
import re
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import yaml

# Keys whose value is an amount in the file's unit (dotted paths, list indices dropped).
MONEY = re.compile(
    r"^(income\.\w+|expenditure\.(basic|project|operating|upper|subsidiary|personnel|public)"
    r"|basic_economic\.amount|three_public\.(this_year|last_year)\.\w+(\.\w+)?|three_public\.last_year_total"
    r"|previous_year\.(basic|project|running_cost)|running_cost\.(total|items\.amount)"
    r"|projects\.(fiscal|other)|special_funds\.(fiscal|other)"
    r"|procurement\.(project_budget|unit_price|amounts\.\w+|sme_reserved)"
    r"|assets(\.units)?\.((buildings|office|vehicles|equipment|other)\.value|original|depreciation"
    r"|intangible_original|intangible_amortization|net_assets)|expect\.\w+)$")


def leaves(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, f"{path}.{k}" if path else str(k))
    elif isinstance(node, list):
        for v in node:
            yield from leaves(v, path)
    else:
        yield path, node


def fen(value, unit):
    d = Decimal(str(value))
    return int((d * (100 if unit == "元" else 1000000)).to_integral_value())


def wan(f):  # 分 → "123.46" (万元, half away from zero)
    return str((Decimal(f) / 1000000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def yuan(f):
    return str((Decimal(f) / 100).quantize(Decimal("0.01")))


def docx_text(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def main():
    dept = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    unit = dept["department"].get("unit", "万元")
    profile = yaml.safe_load(open(f"config/profiles/{dept['department']['form']}.yaml", encoding="utf-8"))
    tables = profile.get("has_tables", True)
    if not tables:
        for key in ("basic_total", "project_total", "personnel_total", "public_total"):
            assert key in dept.get("expect", {}), f"a form without tables needs expect.{key}"
    texts = {"PDF": re.sub(r"\s+", "", open(sys.argv[2], encoding="utf-8").read()),
             "DOCX": re.sub(r"\s+", "", docx_text(sys.argv[3]))}
    # This year's figures that last year's are compared with.
    this_year = {}
    ty = dept.get("three_public", {}).get("this_year", {})
    for path, v in leaves(ty, "three_public.this_year"):
        this_year[path.replace("this_year", "last_year")] = fen(v, unit)
    def item(k):
        return sum(fen(x, unit) for _, x in leaves(ty.get(k, 0)))
    this_year["three_public.last_year.vehicle"] = item("vehicle_purchase") + item("vehicle_operation")
    this_year["three_public.last_year.outbound"] = item("outbound_research") + item("outbound_other")
    this_year["three_public.last_year_total"] = (this_year["three_public.last_year.vehicle"] +
                                                 this_year["three_public.last_year.outbound"] + item("reception"))
    rc = dept.get("running_cost", {})
    if "total" in rc:
        this_year["previous_year.running_cost"] = fen(rc["total"], unit)
    checked = 0
    missing = []
    for path, v in leaves(dept):
        if isinstance(v, bool) or v is None:
            continue
        if path == "projects.spend_plan" or path == "special_funds.spend_plan":
            forms = [f"{v}%"]
        elif MONEY.match(path):
            f = fen(v, unit)
            if f == 0 or path in ("previous_year.basic", "previous_year.project"):
                continue  # (last year's 基本/项目支出: checked below as their change)
            if not tables and (path.startswith("expenditure.") or path.startswith("basic_economic.")):
                continue
            forms = [wan(f), yuan(f)]
            if path in this_year:
                forms.append(wan(abs(this_year[path] - f)))
        else:
            continue
        checked += 1
        for name, text in texts.items():
            if not any(x in text for x in forms):
                missing.append(f"{name}: {path} = {v} (looked for {' / '.join(forms)})")
    # Last year's 基本支出 / 项目支出 are stated as the change against this year's.
    prev = dept.get("previous_year", {})
    for kind in ("basic", "project"):
        if kind not in prev:
            continue
        now = sum(fen(line.get(kind, 0), unit) for line in dept["expenditure"])
        delta = wan(abs(now - fen(prev[kind], unit)))
        for name, text in texts.items():
            if delta not in text and wan(fen(prev[kind], unit)) not in text:
                missing.append(f"{name}: previous_year.{kind}: change {delta} not stated")
    print(f"{checked} figures checked in PDF and DOCX, {len(missing)} missing")
    for m in missing:
        print("  missing", m)
    sys.exit(1 if missing else 0)


main()
