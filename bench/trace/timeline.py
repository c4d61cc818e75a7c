#!/usr/bin/env python3
"""Draws a BUDGETPRESS_TRACE file (src/util/trace.hpp) as one line per thread.

    BUDGETPRESS_TRACE=/tmp/t.tsv build/budgetpress build -q -f pdf --force -o /tmp/o examples/2023/434.yaml
    python3 bench/trace/timeline.py /tmp/t.tsv [--ms-per-col 1] [--spans]

Per thread: a bar with one column per --ms-per-col milliseconds (the letter of the innermost span
running then, '.' idle), its busy time (union of its outermost spans), then the table of span
names: how often, total and mean milliseconds. --spans also lists every outermost span.
"""
import argparse
import collections
import sys

LETTERS = {
    "department": "D", "load": "l", "check": "c", "check.validate": "v", "check.derive": "d",
    "document": "t", "layout": "L", "layout.plan_table": "p", "layout.plan_grid": "g",
    "pdf": "P", "pdf.face(subset+deflate)": "F", "pdf.pages": "s", "pdf.structure_tree": "T",
    "pdf.embed_font": "e", "pdf.file(objects+streams)": "W", "pdf.write_file": "w",
    "pdf.file(ahead)": "A", "pdf.object_stream(deflate)": "z",
    "xlsx": "X", "publish": "u", "fonts": "f", "profile": "r", "wait(helper)": "_",
    "wait(previous tail)": "~", "wait(fonts)": "_", "helper.job": "j", "helper.tools": "h",
    "words(warm)": "k", "pdf.begin": "b", "pdf.page_objects": "o", "pdf.predict": "y",
    "pdf.links+outline+info": "i", "pdf.set_contents": "n", "pdf.file_id": "#", "pdf.end": "E",
    "file.write": "Y", "file.fsync": "S", "staging(drop)": "x", "journal": "J", "manifest": "M",
    "load(ahead)": "l", "wait(load)": "_", "shaping(warm)": "a",
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--ms-per-col", type=float, default=1.0)
    ap.add_argument("--spans", action="store_true")
    a = ap.parse_args()
    events = []
    for line in open(a.file, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        t, name, s, e = line.rstrip("\n").split("\t")
        events.append((int(t), name, int(s) / 1000.0, int(e) / 1000.0))
    if not events:
        print("no spans")
        return
    end = max(e for _, _, _, e in events)
    cols = int(end / a.ms_per_col) + 1
    by_thread = collections.defaultdict(list)
    for t, n, s, e in events:
        by_thread[t].append((s, e, n))
    print(f"0 … {end:.1f} ms, one column = {a.ms_per_col:g} ms; letters: " +
          " ".join(f"{v}={k}" for k, v in LETTERS.items()))
    for t in sorted(by_thread):
        spans = sorted(by_thread[t], key=lambda x: (x[0], -x[1]))
        bar = ["."] * cols
        # Longest first, so that inner spans overwrite their parents.
        for s, e, n in sorted(spans, key=lambda x: -(x[1] - x[0])):
            for c in range(int(s / a.ms_per_col), int(e / a.ms_per_col) + 1):
                if c < cols:
                    bar[c] = LETTERS.get(n, "?")
        outer, busy, last_end = [], 0.0, -1.0
        for s, e, n in spans:
            if s >= last_end:
                outer.append((s, e, n))
            if e > last_end:
                busy += e - max(s, last_end)
                last_end = e
        waits = sum(e - s for s, e, n in spans if n.startswith("wait("))
        print(f"\nthread {t}: busy {busy:.1f} ms (of which waiting {waits:.1f} ms), "
              f"{outer[0][0]:.1f}–{last_end:.1f} ms")
        print("".join(bar))
        if a.spans:
            for s, e, n in outer:
                print(f"  {s:8.2f} {e:8.2f} {e - s:7.2f}  {n}")
    print("\nspan                          thread  count   total ms   mean ms")
    totals = collections.defaultdict(lambda: [0, 0.0])
    for t, n, s, e in events:
        totals[(n, t)][0] += 1
        totals[(n, t)][1] += e - s
    for (n, t), (k, ms) in sorted(totals.items(), key=lambda x: (x[0][1], -x[1][1])):
        print(f"{n:30s} {t:6d} {k:6d} {ms:10.2f} {ms / k:9.2f}")


if __name__ == "__main__":
    sys.exit(main())
