#!/usr/bin/env python3
"""The imported YAML completed with the free text a workbook does not carry, taken from the example.

usage: narrative_merge.py IMPORTED.yaml EXAMPLE.yaml OUT.yaml

The keys below are the prose of the 说明 (docs/import.md, “工作簿带不了的内容”): reasons for changes,
the 部门整体绩效目标, the department's own paragraphs and sentence overrides, review switches. Each
is removed from the imported file (it holds at most a placeholder there) and copied from the
example, block by block (a key line and its more-indented lines). Nothing else is touched: every
figure — tables, projects, procurement, assets (per unit too), last year's figures, 三公 上年数,
机关运行经费 and its items — and the settings gov_level / list_zero_income / duties come from the
import (the 部门职责 and 说明数据 sheets). A plain-text merge keyed by indentation is enough for the
block style the writers use.
"""
import sys

NARRATIVE = [
    ("three_public", "reasons"),
    ("previous_year", "reasons"),
    ("performance",),
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
