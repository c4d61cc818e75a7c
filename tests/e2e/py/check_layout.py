#!/usr/bin/env python3
"""Checks the layout JSON files (build --format layout) of a build directory.

Usage: check_layout.py OUT_DIR TERMS_FILE ENFORCE

Two kinds of checks:
- structure (always fail): strict JSON, the format header, every cell and block on its page,
  every table complete (every row of every table placed, every value of the open-data JSON export
  OUT/<year>/<stem>.json present in its table's cells);
- typesetting acceptance of issue 15 (fail only when ENFORCE is 1, always measured and printed):
  1. cells with more than one line whose last line is a single character,
  2. header labels broken inside a budget term (TERMS_FILE, one term a line, '#' comments); only
     a term longer than the cell's lines may break, and only where a shorter term of the list
     begins or ends (一般公共预算/财政拨款),
  3. project 绩效目标表 column edges: one grid per project (info rows and indicator rows) and the
     same grid for every project table of a document,
  4. headings, captions and labels last on a page,
  5. table continuation pages with fewer than 3 body rows where the table has them,
  6. an empty column (blank, zero amounts or dashes in every body row) whose header label stays on
     one line though it may split at a seam of its terms (财政专户/收入) while a text cell of the
     same table wraps: an empty column takes its minimum first (issue 15d),
  7. a 收入总表 (t2-income) on more pages than its 支出总表 sibling (t3-expenditure) while it has
     no more body rows (the regression of issue 15d: 201's spilled 3 rows onto a second page).
Prints one "figure" line per check and document, then FAIL lines; exits 1 on a failure.
"""
import glob
import json
import os
import re
import sys

out, terms_file, enforce = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
terms = []
for line in open(terms_file, encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if line:
        terms.append(line)
terms.sort(key=len, reverse=True)

structure_fails, acceptance_fails, figures = [], [], []
totals = {k: 0 for k in ("single", "term", "grid", "last", "cont", "empty", "sibling")}


def strict_load(path):
    def no_dupes(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError(f"duplicate key in {path}")
        return dict(pairs)

    def no_const(c):
        raise ValueError(f"non-JSON constant {c} in {path}")

    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_dupes, parse_constant=no_const)


def flat(s):
    return re.sub(r"\s+", "", s)


def inside(inner, outer, tol=0.6):
    return (inner[0] >= outer[0] - tol and inner[2] <= outer[2] + tol and
            inner[1] >= outer[1] - tol and inner[3] <= outer[3] + tol)


# A label: a one-line paragraph that introduces what follows ("机构设置：", "（二）项目支出情况").
LABEL = re.compile(r"^(.{1,30}[：:]|[（(][一二三四五六七八九十\d]+[）)][^。；，,;]{0,30}|"
                   r"[一二三四五六七八九十]+、[^。；，,;]{0,30}|\d+[.．、][^。；，,;]{0,30})$")
PROJECT = re.compile(r"^proj-(?:sf-)?(\d+)(?:-info)?$")
FILLER = re.compile(r"^(0\.0+|0|[-－—–]+)?$")  # what an empty column's body cells may hold
NUMBER = re.compile(r"^[-+]?[\d,]+(\.\d+)?%?$")


def seams_of(label):
    """Where a label may split between the terms of the list: a shorter term begins or ends."""
    at = set()
    for term in terms:
        if len(term) < len(label):
            for m in re.finditer(re.escape(term), label):
                at.update((m.start(), m.end()))
    return {k for k in at if 0 < k < len(label)}

files = sorted(glob.glob(os.path.join(out, "*", "*.layout.json")))
if not files:
    structure_fails.append(f"no *.layout.json under {out}")
for path in files:
    name = os.path.relpath(path, out)
    try:
        lay = strict_load(path)
    except ValueError as e:
        structure_fails.append(f"{name}: {e}")
        continue
    if lay.get("format") != "budgetpress-layout" or lay.get("version") != 1:
        structure_fails.append(f"{name}: format header {lay.get('format')} {lay.get('version')}")
    tables, pages = lay["tables"], lay["pages"]
    cells_of = {t["index"]: [] for t in tables}  # table → [(page index, cell)]
    for p in pages:
        for c in p["cells"]:
            cells_of[c["table"]].append((p["index"], c))

    # --- structure ------------------------------------------------------------------------------
    for p in pages:
        page = [0, 0, p["width"], p["height"]]
        for c in p["cells"]:
            x0, y0, x1, y1 = c["rect"]
            if not (x1 > x0 and y1 > y0 and inside(c["rect"], page)):
                structure_fails.append(f"{name}: p{p['index']} cell rect {c['rect']} off the page")
        for b in p["blocks"]:
            if b["lines"] and (b["rect"] is None or not inside(b["rect"], page)):
                structure_fails.append(f"{name}: p{p['index']} block rect {b['rect']}: {b['lines']}")
    for t in tables:
        rows = {c["row"] for _, c in cells_of[t["index"]] if not c["repeat"]}
        n = t["head_rows"] + t["body_rows"]
        if rows != set(range(n)):
            structure_fails.append(f"{name}: table {t.get('id')} placed rows {sorted(rows)[:5]}… of {n}")
    # every value of the open-data export appears in its table (values are never lost)
    open_data = path[: -len(".layout.json")] + ".json"
    if os.path.exists(open_data):
        od = strict_load(open_data)
        by_id = {t.get("id"): t for t in tables}
        for ot in od["tables"]:
            lt = by_id.get(ot["id"])
            if lt is None:
                continue  # a form that prints no tables (2021) still exports them
            texts = {flat("".join(c["lines"])) for _, c in cells_of[lt["index"]]}
            for r in ot["rows"]:
                for v in r["cells"]:
                    v = flat(v)
                    if v and v != "0.00" and v not in texts:
                        structure_fails.append(f"{name}: {ot['id']}: value {v} not in any cell")
                        break

    # --- 1. single character last lines ---------------------------------------------------------
    single = [(p["index"], c["lines"]) for p in pages for c in p["cells"]
              if not c["repeat"] and len(c["lines"]) > 1 and len(c["lines"][-1].strip()) == 1]
    for pi, lines in single:
        acceptance_fails.append(f"{name}: p{pi} cell ends with one character: {'/'.join(lines)}")

    # --- 2. header labels broken inside a term --------------------------------------------------
    broken = []
    for p in pages:
        for c in p["cells"]:
            if not c["header"] or c["repeat"] or len(c["lines"]) < 2:
                continue
            text = "".join(c["lines"])
            cuts, at = set(), 0
            for line in c["lines"][:-1]:
                at += len(line)
                cuts.add(at)
            # Where a term begins or ends: a term too long for the cell may break between the terms
            # it is made of (一般公共预算/财政拨款), never elsewhere.
            seams = set()
            for term in terms:
                for m in re.finditer(re.escape(term), text):
                    seams.update((m.start(), m.end()))
            widest = max(len(line) for line in c["lines"])
            for term in terms:
                for m in re.finditer(re.escape(term), text):
                    # A seam inside the term is a break between words only when the term cannot
                    # stand whole on a line of this cell.
                    fits = len(term) <= widest
                    if any(m.start() < k < m.end() and (fits or k not in seams) for k in cuts):
                        broken.append((p["index"], term, "/".join(c["lines"])))
    for pi, term, label in sorted(set(broken)):
        acceptance_fails.append(f"{name}: p{pi} header label breaks {term}: {label}")

    # --- 3. project table grids ------------------------------------------------------------------
    grids = {}  # project number → set of x edges relative to the table's left edge
    for t in tables:
        m = PROJECT.match(t.get("id") or "")
        if not m:
            continue
        key = t["id"].split("-info")[0]
        cells = [c for _, c in cells_of[t["index"]]]
        if not cells:
            continue
        left = min(c["rect"][0] for c in cells)
        edges = grids.setdefault(key, set())
        for c in cells:
            edges.add(round(c["rect"][0] - left, 1))
            edges.add(round(c["rect"][2] - left, 1))
    bad_grid = 0
    for key, edges in sorted(grids.items()):
        cols = max(t["columns"] for t in tables if (t.get("id") or "").split("-info")[0] == key)
        if len(edges) != cols + 1:
            bad_grid += 1
            acceptance_fails.append(f"{name}: {key}: {len(edges)} column edges for {cols} columns "
                                    f"(info and indicator rows on different grids): {sorted(edges)}")
    distinct = {tuple(sorted(e)) for e in grids.values()}
    if len(distinct) > 1:
        bad_grid += len(distinct) - 1
        acceptance_fails.append(f"{name}: {len(distinct)} different project table grids")

    # --- 4. headings, captions, labels last on a page ---------------------------------------------
    last_alone = []
    for i, p in enumerate(pages):
        if i + 1 == len(pages) or p["number"] == 0:
            continue
        items = [(b["rect"][3], b) for b in p["blocks"]
                 if b["rect"] and b["type"] not in ("running_header", "page_number", "leader")]
        items += [(c["rect"][3], None) for c in p["cells"]]
        if not items:
            continue
        y, b = max(items, key=lambda x: x[0])
        if b is None or b["type"] in ("toc_entry", "toc_title"):
            continue
        text = "".join(b["lines"])
        if b["type"] in ("heading", "caption") or (
                b["type"] in ("paragraph", "list_label") and len(b["lines"]) == 1 and LABEL.match(text)):
            last_alone.append((p["index"], b["type"], text))
    for pi, kind, text in last_alone:
        acceptance_fails.append(f"{name}: p{pi} page ends with a {kind}: {text}")

    # --- 5. short continuation pages --------------------------------------------------------------
    short = []
    for t in tables:
        on = {}
        for pi, c in cells_of[t["index"]]:
            if not c["header"] and not c["repeat"]:
                on.setdefault(pi, set()).add(c["row"])
        for pi in sorted(on)[1:]:
            if len(on[pi]) < 3 and t["body_rows"] >= 3:
                short.append((pi, t.get("id"), len(on[pi])))
    for pi, tid, n in short:
        acceptance_fails.append(f"{name}: p{pi} continuation of {tid} holds {n} body row(s)")

    # --- 6. empty columns holding their label on one line while text wraps ----------------------
    wide_empty = []
    for t in tables:
        own = [c for _, c in cells_of[t["index"]] if not c["repeat"]]
        if not own:
            continue
        lefts = {}
        for c in own:
            lefts[c["col"]] = min(lefts.get(c["col"], 1e9), c["rect"][0])
        right_end = max(c["rect"][2] for c in own)
        edges = [lefts.get(k) for k in range(t["columns"])] + [right_end]
        if any(e is None for e in edges):
            continue
        body = [c for c in own if not c["header"]]
        wraps = [c for c in body if len(c["lines"]) > 1 and not NUMBER.match(flat("".join(c["lines"])))]
        if not wraps:
            continue
        for k in range(t["columns"]):
            x0, x1 = edges[k], edges[k + 1]
            over = [c for c in body if c["rect"][0] < x1 - 0.5 and c["rect"][2] > x0 + 0.5]
            if any(not FILLER.match(flat("".join(c["lines"]))) for c in over):
                continue
            heads = [c for c in own if c["header"] and c["col"] == k and abs(c["rect"][2] - x1) < 0.5
                     and not NUMBER.match(flat("".join(c["lines"]))) and flat("".join(c["lines"])) != "栏次"]
            for h in heads:
                label = flat("".join(h["lines"]))
                if len(h["lines"]) == 1 and seams_of(label):
                    wide_empty.append((t.get("id"), label, "/".join(wraps[0]["lines"])))
    for tid, label, wrapped in wide_empty:
        acceptance_fails.append(f"{name}: {tid}: empty column {label} kept on one line while "
                                f"{wrapped} wraps")

    # --- 7. a 收入总表 on more pages than its 支出总表 sibling with no more rows --------------------
    sibling = []
    by_id = {t.get("id"): t for t in tables}
    inc, exp = by_id.get("t2-income"), by_id.get("t3-expenditure")
    if inc and exp:
        pages_of = lambda t: len({pi for pi, c in cells_of[t["index"]] if not c["header"]})
        if pages_of(inc) > pages_of(exp) and inc["body_rows"] <= exp["body_rows"]:
            sibling.append((pages_of(inc), pages_of(exp)))
    for pi, pe in sibling:
        acceptance_fails.append(f"{name}: t2-income on {pi} pages, its sibling t3-expenditure with "
                                f"as many body rows or more on {pe}")

    ncells = sum(len(p["cells"]) for p in pages)
    figures.append(f"{name}: {len(pages)} pages, {len(tables)} tables, {ncells} cells; "
                   f"single-char last lines {len(single)}, broken terms {len(set(broken))}, "
                   f"project grid faults {bad_grid} ({len(grids)} projects), "
                   f"label/heading last on page {len(last_alone)}, short continuations {len(short)}, "
                   f"wide empty columns {len(wide_empty)}, income table longer than expenditure "
                   f"{len(sibling)}")
    totals["single"] += len(single)
    totals["term"] += len(set(broken))
    totals["grid"] += bad_grid
    totals["last"] += len(last_alone)
    totals["cont"] += len(short)
    totals["empty"] += len(wide_empty)
    totals["sibling"] += len(sibling)

print("\n".join(figures))
print(f"TOTAL: single-char last lines {totals['single']}, broken terms {totals['term']}, "
      f"project grid faults {totals['grid']}, label/heading last on page {totals['last']}, "
      f"short continuations {totals['cont']}, wide empty columns {totals['empty']}, "
      f"income table longer than expenditure {totals['sibling']} (acceptance enforced: {int(enforce)})")
for f in structure_fails:
    print("FAIL:", f)
for f in acceptance_fails:
    print(("FAIL: " if enforce else "(not enforced) ") + f)
sys.exit(1 if structure_fails or (enforce and acceptance_fails) else 0)
