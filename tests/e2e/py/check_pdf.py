"""Inspect a BudgetPress PDF with poppler's pdftotext against the JSON export of the same department.

usage: check_pdf.py FILE.pdf FILE.json
Prints one line per failed check and "N passed, M failed" at the end; exit 1 on any failure.
"""
import json
import re
import subprocess
import sys

pdf, js = sys.argv[1], sys.argv[2]
data = json.load(open(js))
passed = failed = 0


def check(ok, msg):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", msg)


def pdf_pages(mode):
    args = ["pdftotext"] + (["-layout"] if mode == "layout" else []) + [pdf, "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.split("\f")
    return out[:-1] if out and not out[-1].strip() else out


pages = pdf_pages("layout")  # columns kept apart: numbers, page footers
raw = pdf_pages("raw")       # content order: a wrapped cell's lines stay together

# Printed page number of each physical page, from the centered footer "— N —".
printed = {}
for i, p in enumerate(pages):
    m = re.findall(r"—\s*(\d+)\s*—", p)
    if m:
        printed[int(m[-1])] = i
check(len(printed) >= len(pages) - 1, f"footer page numbers found on {len(printed)} of {len(pages)} pages")

# The 目录: "entry . . . . N" lines; each entry's heading must be on the page with that number.
toc_page = next(i for i, p in enumerate(pages) if "目录" in p)
entries = re.findall(r"^\s*(\S.*?)\s*(?:\.\s*){3,}\s*(\d+)\s*$", pages[toc_page], re.M)
check(len(entries) >= 9, f"目录 has {len(entries)} numbered entries")
for title, num in entries:
    num = int(num)
    idx = printed.get(num)
    title = title.replace(" ", "")
    ok = idx is not None and title in pages[idx].replace(" ", "") and idx != toc_page
    check(ok, f"目录 entry '{title}' → page {num}, heading not found there")

# Every amount of every table appears in the pages of that table.
starts = []
for title, num in entries:
    for t in data["tables"]:
        if t["title"] == title.replace(" ", "") and int(num) in printed:
            starts.append((printed[int(num)], t))
starts.sort(key=lambda x: x[0])
for k, (start, t) in enumerate(starts):
    end = starts[k + 1][0] if k + 1 < len(starts) else len(pages)
    # A table ends on the page where the next one starts (if it does not start a new page).
    body = "".join(pages[start:end + 1])
    values = [c for r in t["rows"] for c in r["cells"] if re.fullmatch(r"-?\d+\.\d\d", c) and c not in ("0.00",)]
    missing = [v for v in values if v not in body]
    check(not missing, f"{t['id']}: {len(missing)} of {len(values)} values missing, e.g. {missing[:3]}")
    labels = [c for r in t["rows"] for c in r["cells"][1:3] if c and not re.fullmatch(r"[-\d.]+", c)]
    flat = "".join(raw[start:end + 1]).replace(" ", "").replace("\n", "")
    def found(label):
        # A label wrapped inside its cell may have other cells' text between its lines in content
        # order: accept it when its first and second halves are both there, or (a label on three
        # lines of a narrow column: header terms kept whole take width from 科目名称, issue 15) when
        # it is three pieces of two characters or more found one after the other.
        label = label.replace(" ", "")
        half = len(label) // 2
        if label in flat or (label[:half] in flat and label[half:] in flat):
            return True
        for i in range(2, len(label) - 3):
            a = flat.find(label[:i])
            for j in range(i + 2, len(label) - 1):
                b = flat.find(label[i:j], a + i) if a >= 0 else -1
                if b >= 0 and flat.find(label[j:], b + j - i) >= 0:
                    return True
        return False

    missing = [l for l in labels if not found(l)]
    check(not missing, f"{t['id']}: labels missing {missing[:3]}")

# Continuation pages repeat the header block and the column headers incl. 栏次.
cont = [i for i, p in enumerate(pages) if "续表" in p]
for i in cont:
    flat_page = raw[i].replace(" ", "").replace("\n", "")
    if not any(h in flat_page for h in ("栏次", "一级指标", "政府采购项目来源", "价值（金额单位")):
        check(False, f"page {i + 1}: 续表 without repeated column headers")
        continue
    check(True, "")
    if "栏次" in flat_page:
        check("单位：万元" in pages[i].replace(" ", ""), f"page {i + 1}: 续表 without the header block")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
