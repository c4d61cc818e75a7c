#!/usr/bin/env python3
"""The stated exceptions of the import round trip for a department file kept in 元
(tests/e2e/test_import_roundtrip.sh, docs/import.md): rewrites FILE in place.

  yuan_text_exceptions.py PDF_TEXT     — the 比上年增减 amounts and rates become "x" (computed
      from the 元 totals, they may differ in the last place); the 机关运行经费 item list
      (具体为：…。) and page numbers are dropped; spacing and line breaks are ignored.
  yuan_text_exceptions.py --cells CELLS — numeric cell values ("sheet!A1=value") rounded to 2
      decimals (a SUM formula caches the exact 元-derived sum); the 说明数据 rows of the
      机关运行经费明细 dropped and the sheet's remaining rows numbered anew (the items, 元 that must
      add up to the 公用经费 to the 分, are imported as a comment when the 公用经费 found from the
      万元 workbook misses them).
"""
import re
import sys

if sys.argv[1] == "--cells":
    p = sys.argv[2]
    out = []
    lines = open(p, encoding="utf-8").read().splitlines()
    items = {re.match(r"说明数据!A(\d+)=", l).group(1) for l in lines
             if re.fullmatch(r"说明数据!A\d+=机关运行经费明细", l)}
    for line in lines:
        k, _, v = line.partition("=")
        m = re.fullmatch(r"说明数据!([A-Z]+)(\d+)", k)
        if m and m.group(2) in items:
            continue
        if m:
            k = "说明数据!" + m.group(1) + str(int(m.group(2)) - sum(int(i) < int(m.group(2)) for i in items))
        if re.fullmatch(r"-?\d+(\.\d+)?(E-?\d+)?", v):
            v = "%.2f" % round(float(v) + 1e-9, 2)
        out.append(k + "=" + v)
    open(p, "w", encoding="utf-8").write("\n".join(out) + "\n")
    sys.exit(0)

p = sys.argv[1]
text = open(p, encoding="utf-8").read()
text = re.sub(r"—\s*\d+\s*—", "", text)   # page numbers
text = re.sub(r"\s+", "", text)             # line breaks move with the text
text = re.sub(r"具体为：[^。]*。", "具体为：…。", text)
text = re.sub(r"(增加|减少)\d+\.\d\d万元", r"\1x万元", text)
text = re.sub(r"(增长|下降)\d+\.\d\d%", r"\1x%", text)
open(p, "w", encoding="utf-8").write(text.replace("。", "。\n"))
