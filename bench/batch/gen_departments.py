#!/usr/bin/env python3
"""Synthetic departments for the batch benchmark (bench/batch/run.sh).

    gen_departments.py N OUT_DIR [--seed S]

Writes N department files OUT_DIR/<year>/<code>.yaml made from the four examples, each different:
its own code and name, every amount multiplied by an integer factor 1..3 (all identities of the
form are linear, so they still hold exactly), and 0..40 extra 项目支出 lines (codes from the year's
catalogue) with matching income and, where the example's projects carry amounts, one extra project
per line. `expect:` is dropped (its totals no longer apply). Amounts are handled as integer 分.
"""
import argparse
import copy
import os
import random
import re
import sys
from decimal import Decimal

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = ["examples/2023/434.yaml", "examples/2023/631.yaml", "examples/2024/201.yaml",
            "examples/2021/905.yaml"]
NUMBER = re.compile(r"-?\d+(\.\d+)?")
KINDS = ["basic", "project", "operating", "upper", "subsidiary", "personnel", "public"]


def scale(s, k):
    """'661.03' × k as a 2-decimal string (exact)."""
    if not isinstance(s, str) or not NUMBER.fullmatch(s):
        return s
    return str((Decimal(s) * k).quantize(Decimal("0.01")))


def scale_map(m, k):
    if isinstance(m, dict):
        for key, v in m.items():
            m[key] = scale_map(v, k) if isinstance(v, dict) else scale(v, k)
    return m


def scale_budget(d, k):
    scale_map(d.get("income", {}), k)
    for line in d.get("expenditure", []):
        for kind in KINDS:
            if kind in line:
                line[kind] = scale(line[kind], k)
    for e in d.get("basic_economic", []):
        e["amount"] = scale(e["amount"], k)
    tp = d.get("three_public") or {}
    for key in ("this_year", "last_year"):
        if isinstance(tp.get(key), dict):
            scale_map(tp[key], k)
    if "last_year_total" in tp:
        tp["last_year_total"] = scale(tp["last_year_total"], k)
    prev = d.get("previous_year") or {}
    for key in ("basic", "project", "running_cost"):
        if key in prev:
            prev[key] = scale(prev[key], k)
    for item in (d.get("running_cost") or {}).get("items", []) or []:
        item["amount"] = scale(item["amount"], k)
    for lst in ("projects", "special_funds"):
        for p in d.get(lst, []) or []:
            for key in ("fiscal", "other"):
                if key in p:
                    p[key] = scale(p[key], k)
    for r in d.get("procurement", []) or []:
        for key in ("project_budget", "unit_price", "sme_reserved"):
            if key in r:
                r[key] = scale(r[key], k)
        scale_map(r.get("amounts", {}), k)
    for key, v in (d.get("assets") or {}).items():
        if isinstance(v, dict) and "value" in v:
            v["value"] = scale(v["value"], k)


def project_codes(year):
    path = os.path.join(ROOT, "config/catalog/function/%d.tsv" % year)
    codes = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            code = line.split("\t", 1)[0]
            if len(code) == 7 and code.isdigit():
                codes.append(code)
    return codes


def add_lines(d, n, rng):
    year = int(d["department"]["year"])
    used = {(l["code"], l.get("source", "gpb")) for l in d["expenditure"]}
    free = [c for c in project_codes(year) if (c, "gpb") not in used]
    projects = d.get("projects") or []
    with_amounts = projects and all("fiscal" in p or "other" in p for p in projects)
    total = Decimal(0)
    # Project codes stay unique (E061): a synthetic code skips every code the file has already.
    taken = {str(p["code"]) for p in projects if "code" in p}
    for j in range(min(n, len(free))):
        amount = Decimal(rng.randint(100, 500000)) / 100
        total += amount
        d["expenditure"].append({"code": free[j], "source": "gpb", "project": str(amount)})
        if projects:
            p = copy.deepcopy(projects[0])
            p["name"] = "合成项目%02d" % j
            if "code" in p:
                stem, k = str(p["code"])[:-2], j
                while "%s%02d" % (stem, k % 100) in taken:
                    k += 1
                p["code"] = "%s%02d" % (stem, k % 100)
                taken.add(p["code"])
            p.pop("other", None)
            if with_amounts:
                p["fiscal"] = str(amount)
            else:
                p.pop("fiscal", None)
            projects.append(p)
    income = d["income"]
    income["gpb"] = str((Decimal(income.get("gpb", "0")) + total).quantize(Decimal("0.01")))
    # Procurement rows are tied to project budgets by name; the new projects have none.


class Dumper(yaml.SafeDumper):
    pass


def represent_str(dumper, s):
    # Numbers read as strings are written plain, so they read back as the same text.
    if NUMBER.fullmatch(s):
        tag = "tag:yaml.org,2002:float" if "." in s else "tag:yaml.org,2002:int"
        return dumper.represent_scalar(tag, s)
    return dumper.represent_scalar("tag:yaml.org,2002:str", s)


Dumper.add_representer(str, represent_str)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    bases = []
    for ex in EXAMPLES:
        with open(os.path.join(ROOT, ex), encoding="utf-8") as f:
            bases.append(yaml.load(f, Loader=yaml.BaseLoader))
    for i in range(a.n):
        d = copy.deepcopy(bases[i % len(bases)])
        d.pop("expect", None)
        code = "%d" % (100000 + i)
        d["department"]["code"] = code
        d["department"]["name"] = d["department"]["name"] + "第%d分局" % i
        d["department"].pop("short_name", None)
        scale_budget(d, rng.randint(1, 3))
        add_lines(d, rng.choice([0, 0, 5, 10, 20, 40]), rng)
        year_dir = os.path.join(a.out, d["department"]["year"])
        os.makedirs(year_dir, exist_ok=True)
        with open(os.path.join(year_dir, code + ".yaml"), "w", encoding="utf-8") as f:
            yaml.dump(d, f, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)


if __name__ == "__main__":
    sys.exit(main())
