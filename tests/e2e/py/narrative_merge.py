#!/usr/bin/env python3
"""The imported YAML completed with what a workbook cannot carry, taken from the example file.

usage: narrative_merge.py IMPORTED.yaml EXAMPLE.yaml OUT.yaml [--no-running-cost-items] [--extra KEY]...

The keys below are the narrative inputs that no table of our workbook prints (docs/import.md,
“工作簿带不了的内容”). Each is removed from the imported file (it holds at most a placeholder there)
and copied from the example, block by block (a key line and its more-indented lines). Nothing
else is touched: every figure, table, project, procurement row and asset comes from the import.
A plain-text merge keyed by indentation is enough for the block style the writers use.
"""
import sys

NARRATIVE = [
    ("department", "gov_level"),
    ("department", "list_zero_income"),
    ("department", "duties"),
    ("three_public", "last_year"),
    ("three_public", "last_year_total"),
    ("three_public", "reasons"),
    ("previous_year",),
    ("running_cost",),
    ("performance",),
    ("special_funds",),
    ("texts",),
    ("blocks",),
    ("review",),
]


def indent(line):
    return len(line) - len(line.lstrip(" "))


def is_key(line, name, ind):
    s = line[ind:]
    return indent(line) == ind and (s.startswith(name + ":"))


def find(lines, path):
    """(start, end) of the block at `path`, or None."""
    lo, hi, ind = 0, len(lines), 0
    for depth, name in enumerate(path):
        for i in range(lo, hi):
            if is_key(lines[i], name, ind):
                j = i + 1
                while j < hi and (not lines[j].strip() or lines[j].lstrip().startswith("#") and indent(lines[j]) > ind
                                  or indent(lines[j]) > ind):
                    j += 1
                # Trailing blank/comment lines belong to what follows.
                while j > i + 1 and (not lines[j - 1].strip() or lines[j - 1].lstrip().startswith("#")):
                    j -= 1
                if depth == len(path) - 1:
                    return i, j
                lo, hi, ind = i + 1, j, ind + 2
                break
        else:
            return None
    return None


if "--no-running-cost-items" in sys.argv:
    # A file kept in 元: its 机关运行经费 items must add up to the 公用经费 to the 分 (E051), and a
    # 万元 workbook does not carry the 公用经费 to the 分.
    NARRATIVE.remove(("running_cost",))
    NARRATIVE.append(("running_cost", "purpose"))
    NARRATIVE.append(("running_cost", "total"))
# --extra KEY[.SUB]: a further key the caller states the workbook cannot carry (each use is listed
# in docs/import.md).
for i, a in enumerate(sys.argv):
    if a == "--extra":
        NARRATIVE.append(tuple(sys.argv[i + 1].split(".")))
imported = open(sys.argv[1], encoding="utf-8").read().splitlines()
example = open(sys.argv[2], encoding="utf-8").read().splitlines()
for path in NARRATIVE:
    at = find(imported, path)
    if at:
        del imported[at[0]:at[1]]
    src = find(example, path)
    if not src:
        continue
    block = example[src[0]:src[1]]
    if len(path) == 1:
        imported += [""] + block
    else:
        parent = find(imported, path[:-1])
        if parent is None:
            imported += ["", path[0] + ":"] + block
        else:
            imported[parent[0] + 1:parent[0] + 1] = block
open(sys.argv[3], "w", encoding="utf-8").write("\n".join(imported) + "\n")
