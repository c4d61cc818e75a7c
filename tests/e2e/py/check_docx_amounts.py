#!/usr/bin/env python3
"""Every amount printed in a DOCX's tables stays on one line when LibreOffice lays the file out.

Usage: check_docx_amounts.py OUT_DIR PDF_DIR

For each OUT_DIR/<year>/<stem>.docx with its JSON export <stem>.json and LibreOffice's PDF
PDF_DIR/<stem>.pdf: the amounts are the values of the JSON export's tables that look like amounts
(digits with a decimal part, e.g. 834.36) and are printed in a table cell of the DOCX. Each must
appear whole — not cut into "834.3" and "6" on two lines of its cell — as often as the DOCX's cells
print it, in the text pdftotext reads from LibreOffice's PDF (-raw: one text line per line set).
A broken amount leaves its two pieces and lowers the count. Prints one line per failure.
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AMOUNT = re.compile(r"^-?\d{1,3}(?:,?\d{3})*\.\d+$")
out, pdfdir = sys.argv[1], sys.argv[2]
fails, checked, files = [], 0, 0
for path in sorted(glob.glob(os.path.join(out, "*", "*.docx"))):
    name = os.path.relpath(path, out)
    stem = os.path.basename(path)[:-5]
    pdf = os.path.join(pdfdir, stem + ".pdf")
    if not os.path.exists(pdf):
        fails.append(f"{name}: LibreOffice wrote no PDF")
        continue
    files += 1
    exported = json.load(open(path[:-5] + ".json", encoding="utf-8"))
    amounts = {re.sub(r"\s+", "", v) for t in exported["tables"] for r in t["rows"]
               for v in r["cells"]}
    amounts = {v for v in amounts if AMOUNT.match(v)}
    doc = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    printed = collections.Counter()
    for tc in doc.iter(W + "tc"):
        for p in tc.iter(W + "p"):
            t = re.sub(r"\s+", "", "".join(x.text or "" for x in p.iter(W + "t")))
            if t in amounts:
                printed[t] += 1
    text = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    seen = collections.Counter()
    for line in text.splitlines():
        for m in re.finditer(r"(?<![\d.,])-?\d[\d,]*\.\d+(?![\d.])", line):
            seen[m.group(0)] += 1
    broken = sorted(v for v, n in printed.items() if seen[v] < n)
    checked += sum(printed.values())
    for v in broken:
        fails.append(f"{name}: amount {v} printed in {printed[v]} cell(s) but whole on only "
                     f"{seen[v]} line(s) of LibreOffice's PDF (broken across lines)")
for f in fails:
    print(f)
print(f"checked {checked} amount cells in {files} files, {len(fails)} broken", file=sys.stderr)
sys.exit(1 if fails or files == 0 else 0)
