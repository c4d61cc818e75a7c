#!/usr/bin/env python3
"""Pages of a DOCX as LibreOffice lays it out (PDFs converted from our DOCX by soffice):
- the 目录: every entry's page number is the printed page its heading or table title lands on;
- every project 绩效目标表 title ("3、…绩效目标表") shares its page with the project's indicator grid
  head (一级指标): the info block is never left at a page foot while its grid moves on;
- no blank page (nothing but the page number).

Usage: check_docx_pages.py FILE.pdf…
Prints one line per file with the counts, and FAIL lines; exits 1 on a failure.
"""
import re
import subprocess
import sys


def pages_of(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), pdf, "-"],
                           capture_output=True, text=True).stdout for i in range(1, n + 1)]


def printed_number(text):
    """The page number the footer prints (theme page_number "— {n} —")."""
    m = re.findall(r"—\s*(\d+)\s*—", text)
    return int(m[-1]) if m else None


ENTRY = re.compile(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$")  # title, dot leader, page number

fails = []
for pdf in sys.argv[1:]:
    pages = pages_of(pdf)
    first = next((i for i, t in enumerate(pages) if "目录" in re.sub(r"\s+", "", t)[:120]), None)
    if first is None:
        fails.append(f"{pdf}: no 目录 page")
        continue
    toc_pages = [first]  # the 目录 runs on while pages hold dot-leader lines
    while toc_pages[-1] + 1 < len(pages) and any(
            ENTRY.match(line) for line in pages[toc_pages[-1] + 1].splitlines()):
        toc_pages.append(toc_pages[-1] + 1)
    entries = []
    for i in toc_pages:
        for line in pages[i].splitlines():
            m = ENTRY.match(line)
            if m:
                entries.append((re.sub(r"\s+", "", m.group(1)), int(m.group(2))))
    flat = [re.sub(r"\s+", "", t) for t in pages]
    wrong = 0
    start = toc_pages[-1] + 1
    for title, number in entries:
        # Headings come in document order: search from the page the previous one was found on.
        at = next((i for i in range(start, len(pages)) if title in flat[i]), None)
        if at is None:
            fails.append(f"{pdf}: 目录 entry {title} not found after the 目录")
            wrong += 1
            continue
        start = at
        landed = printed_number(pages[at])
        if landed != number:
            fails.append(f"{pdf}: 目录 says {title} is on page {number}, LibreOffice puts it on {landed}")
            wrong += 1
    if not entries:
        fails.append(f"{pdf}: no 目录 entries read")

    projects = split = 0
    for i in range(toc_pages[-1] + 1, len(pages)):
        for m in re.finditer(r"\d+、[^、。]{1,80}?绩效目标表", flat[i]):
            projects += 1
            if "一级指标" not in flat[i][m.end():]:
                split += 1
                fails.append(f"{pdf}: page {i + 1}: {m.group(0)} without its indicator grid")
    blank = [i + 1 for i, t in enumerate(flat) if not re.sub(r"—\d+—", "", t)]
    for b in blank:
        fails.append(f"{pdf}: page {b} is blank")
    print(f"{pdf.rsplit('/', 1)[-1]}: {len(pages)} pages, {len(entries)} 目录 entries, {wrong} wrong; "
          f"{projects} project tables, {split} apart from their grid; {len(blank)} blank pages")
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
