"""Probe test of issue 14: every text key documented in docs/schema.md reaches the document, or `check`
warns that the form does not print it.

usage: schema_probe.py BUDGETPRESS SOURCE_DIR TMPDIR

Walks the keys of every ```yaml block of docs/schema.md. Each key whose documented value is free text
gets a probe value (a unique token) in a real department of each form (the examples), one file per
form with all probes at once; the file is checked and built to PDF. For every probe: its token is in the
PDF text, or `check` printed a warning (W112/W114) naming the key. Keys whose value is a code, a choice
from a fixed set, a date or a reference to another entry are not free text and are listed in
NOT_TEXT with the reason; amounts are covered by the identity checks and test_examples_figures.
"""
import copy
import os
import re
import subprocess
import sys

import yaml

BP, SRC, TMP = sys.argv[1:4]

# Keys that are not free text (value from a set, a code, a reference, a format): why each is skipped.
NOT_TEXT = {
    "department.code": "部门编码 (digits; printed in every header, checked by the examples tests)",
    "department.form": "choice of profile",
    "department.unit": "choice 万元/元",
    "department.header_separator": "separator, not a statement",
    "department.three_public_layout": "choice full/short",
    "department.duties.numbering": "choice of numbering style",
    "performance.numbering": "choice of numbering style",
    "expenditure.code": "功能分类 code (checked against the catalogue)",
    "expenditure.source": "choice of funding source",
    "expenditure.name": "a 项 name like catalog.function, which the probe sets for the same first line "
                        "(catalog.function wins, W616); printed and warned in test_inline_names.sh",
    "basic_economic.code": "经济分类 code",
    "projects.unit": "reference to an institution (probed separately below)",
    "projects.indicators.level1": "choice 产出/效益/满意度/成本指标",
    "procurement.project_code": "reference to a project's code",
    "procurement.catalog_code": "政府采购目录序号 (printed; A/B/C decides the 货物/工程/服务 split)",
    "assets.as_of": "date YYYY-MM-DD (probed separately below)",
    "assets.units.unit": "reference to an institution",
    "catalog.function": "names keyed by code (probed separately below)",
    "catalog.economic": "names keyed by code",
    "catalog.function_notes": "explanations keyed by code (probed separately below)",
    "review": "codes of review rules switched off (docs/review.md): settings, never printed",
    "department.theme": "choice of a theme file (the look, not text; tests/e2e/test_themes_fonts.sh)",
    "department.title_page.date": "date YYYY-MM-DD (probed separately below)",
    "department.title_page.logo": "path of a PNG file (drawn, not text; tests/e2e/test_themes_fonts.sh)",
}

BASES = {"2021": "examples/2021/512.yaml", "2023": "examples/2023/633.yaml",
         "2024": "examples/2024/201.yaml", "2025": "examples/2025/718.yaml",
         "2026": "examples/2025/718.yaml"}


def doc_keys():
    text = open(os.path.join(SRC, "docs/schema.md"), encoding="utf-8").read()
    keys = {}
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        try:
            node = yaml.safe_load(block)
        except yaml.YAMLError:
            continue
        walk(node, "", keys)
    return keys


def walk(node, path, out):
    if isinstance(node, dict):
        for k, v in node.items():
            walk(v, f"{path}.{k}" if path else str(k), out)
    elif isinstance(node, list):
        for v in node:
            walk(v, path, out)
    else:
        out.setdefault(path, node)


def is_text(path, value):
    if any(path == k or path.startswith(k + ".") for k in NOT_TEXT):
        return False
    if not isinstance(value, str) or value == "":
        return False
    return not re.fullmatch(r"[\d.]+", value)


def set_path(doc, path, value):
    parts = path.split(".")
    # blocks keys may contain a dot (glossary.<term>): the rest of the path is one key.
    if parts[0] == "blocks":
        parts = ["blocks", ".".join(parts[1:])]
    node = doc
    for i, key in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(node, list):
            if not node:
                node.append({})
            if not isinstance(node[0], dict):
                node[0] = value
                return
            node = node[0]
        if last:
            if isinstance(node.get(key), list):
                if node[key] and isinstance(node[key][0], dict):
                    return  # a list of maps documented as text: nothing to set
                node[key] = [value] + node[key][1:]
            else:
                node[key] = value
            return
        if key not in node or node[key] is None or not isinstance(node[key], (dict, list)):
            node[key] = [] if key in ("items", "indicators", "children", "institutions") else {}
            if key == "indicators":
                node[key].append({"level1": "产出指标"})
        node = node[key]


def main():
    keys = {p: v for p, v in doc_keys().items() if is_text(p, v)}
    failures = []
    total = 0
    for form, base in BASES.items():
        doc = yaml.safe_load(open(os.path.join(SRC, base), encoding="utf-8"))
        doc["department"]["form"] = form
        doc["department"]["year"] = int(form) if form != "2021" else 2021
        probes = {}
        for n, path in enumerate(sorted(keys)):
            token = f"PRB{n:02d}Q"
            probes[path] = token
            set_path(doc, path, token)
        # References and formats, with a value of their kind.
        doc["assets"]["as_of"] = "2019-06-30"
        doc["department"].setdefault("title_page", {})["date"] = "2024-12-30"
        used = doc["expenditure"][0]["code"]
        doc.setdefault("catalog", {}).setdefault("function", {})[used] = "PRBFNQ"
        doc["catalog"].setdefault("function_notes", {})[used] = "PRBNOTEQ"
        probes["catalog.function"] = "PRBFNQ"
        probes["catalog.function_notes"] = "PRBNOTEQ"
        inst = doc["department"]["institutions"][0]
        doc["projects"][0]["unit"] = inst["name"]
        fn = f"{TMP}/probe-{form}.yaml"
        with open(fn, "w", encoding="utf-8") as f:
            yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)
        chk = subprocess.run([BP, "check", fn], capture_output=True, text=True)
        out = chk.stdout + chk.stderr
        if chk.returncode != 0:
            failures.append(f"{form}: check failed: {out}")
            continue
        outdir = f"{TMP}/probe-out-{form}"
        b = subprocess.run([BP, "build", "-q", "--format", "pdf", "--out", outdir, fn],
                           capture_output=True, text=True)
        if b.returncode != 0:
            failures.append(f"{form}: build failed: {b.stdout}{b.stderr}")
            continue
        pdf = [os.path.join(r, f) for r, _, fs in os.walk(outdir) for f in fs if f.endswith(".pdf")][0]
        text = re.sub(r"\s+", "", subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                                  text=True).stdout)
        warnings = [l for l in out.splitlines() if "警告[W112]" in l or "警告[W114]" in l]
        for path, token in probes.items():
            total += 1
            leaf = path.split(".")[-1]
            if token in text:
                continue
            if any(path in w or f" {leaf} " in w for w in warnings):
                continue
            failures.append(f"{form}: {path} = {token}: neither printed nor warned about")
        if "预算单位：" not in text:
            failures.append(f"{form}: projects.unit not printed")
        if "2019年6月30日" not in text and "2019-06-30" not in text:
            failures.append(f"{form}: assets.as_of not printed")
        if "2024年12月30日" not in text:
            failures.append(f"{form}: department.title_page.date not printed")
    print(f"{len(keys)} text keys × {len(BASES)} forms = {total} probes, {len(failures)} failures")
    for f in failures:
        print("  " + f)
    sys.exit(1 if failures else 0)


main()
