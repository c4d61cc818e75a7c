#!/usr/bin/env python3
"""Compares the review warnings (W2xx) that `check --format json` gave for one file with the
`# expect Wxxx` markers of that file: every marked line must get exactly its codes, and no other
line any review warning. Prints the differences; exit 1 if there are any.
usage: compare.py FILE.yaml CHECK.json"""
import json, re, sys

path, report = sys.argv[1], sys.argv[2]
want = set()
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    m = re.search(r"# expect ((?:W2\d\d ?)+)", line)
    if m:
        for code in m.group(1).split():
            want.add((code, n))
doc = json.load(open(report, encoding="utf-8"))
(f,) = doc["files"]
got = {(d["code"], d["line"]) for d in f["diagnostics"] if re.fullmatch(r"W2\d\d", d["code"])}
errors = [d for d in f["diagnostics"] if d["severity"] == "error"]
ok = True
if errors:
    print(f"{path}: unexpected errors: {[(d['code'], d['line'], d['message']) for d in errors]}")
    ok = False
for code, line in sorted(want - got):
    print(f"{path}:{line}: missing {code}")
    ok = False
for code, line in sorted(got - want):
    msg = next(d["message"] for d in f["diagnostics"] if d["code"] == code and d["line"] == line)
    print(f"{path}:{line}: unexpected {code}: {msg}")
    ok = False
sys.exit(0 if ok else 1)
