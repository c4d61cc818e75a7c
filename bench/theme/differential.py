#!/usr/bin/env python3
"""Theme reader, old against new: line-level mutations of the shipped themes, read by two binaries.

Usage: bench/theme/differential.py BASE NEW [N] [SEED]
Each mutant is written as themes/x.yaml of a scratch site overlay and read by
`BIN --site S --theme x check -q --no-fonts tests/data/minimal.yaml`; the exit code and stderr of
the two binaries are compared. Prints the mutants that differ (issue 20p: the theme moved from
yaml-cpp to libyaml through util/yaml_tree, and must read and fail as before).
"""
import os, random, subprocess, sys, tempfile

base, new = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
src = os.path.join(os.path.dirname(__file__), "..", "..")
themes = [open(os.path.join(src, "config/themes", f), encoding="utf-8").read().splitlines()
          for f in ("default.yaml", "gongwen.yaml")]
values = ["abc", "0x10", "017", "1e3", "1e", "'12'", '" 12 "', "yes", "On", "TRUE", "tRue", "Y",
          "n", "off", ".inf", "-.inf", ".nan", "", "~", "null", "[1, 2]", "{a: 1}", "&a 5", "*a",
          "*nope", "!!str 7", "!!float 3", "12pt", "小四", "五号", "-3", "+4.5", "1_000", "0.5.1",
          "'true'", "2147483648", "-2147483649", "9e999", "\"\\u4e2d\"", "| \n  x", "[unclosed",
          "'open", "a: b", "- x", "\t12", "12 # c", "@x", "%x"]
keys = ["szie", "null", "~", "'size'", "? [a]", "size", "font", "bold", "<<", "dirs", "roles"]


def mutate(lines):
    lines = list(lines)
    i = rnd.randrange(len(lines))
    op = rnd.randrange(7)
    line = lines[i]
    if op == 0:
        del lines[i]
    elif op == 1:
        lines.insert(i, line)
    elif op == 2 and ":" in line:
        k, _, _ = line.partition(":")
        lines[i] = k + ": " + rnd.choice(values)
    elif op == 3 and ":" in line:
        _, _, v = line.partition(":")
        ind = len(line) - len(line.lstrip(" "))
        lines[i] = " " * ind + rnd.choice(keys) + ":" + v
    elif op == 4:
        lines[i] = " " + line
    elif op == 5 and ":" in line:
        k, _, v = line.partition(":")
        lines[i] = k + ": &a" + v
        j = rnd.randrange(len(lines))
        if ":" in lines[j] and j != i:
            kk, _, _ = lines[j].partition(":")
            lines[j] = kk + ": *a"
    else:
        lines.insert(i, "---" if rnd.random() < 0.5 else "...")
    return lines


def run(binary, site):
    p = subprocess.run([binary, "--site", site, "--theme", "x", "check", "-q", "--no-fonts",
                        os.path.join(src, "tests/data/minimal.yaml")],
                       capture_output=True, text=True, errors="replace")
    return p.returncode, p.stderr


import re

def where(out):
    """(exit code, FILE:LINE:COL and code of the first message) — what a diagnostic points at."""
    m = re.search(r"(:\d+:\d+: 错误\[E\d+\])", out[1])
    return out[0], m.group(1) if m else out[1]

same = message_only = differ = 0
with tempfile.TemporaryDirectory() as tmp:
    os.makedirs(os.path.join(tmp, "themes"))
    for k in range(n):
        lines = rnd.choice(themes)
        for _ in range(rnd.randrange(1, 3)):
            lines = mutate(lines)
        text = "\n".join(lines) + "\n"
        with open(os.path.join(tmp, "themes", "x.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        a, b = run(base, tmp), run(new, tmp)
        if a == b:
            same += 1
        elif where(a) == where(b) and "不是有效的 YAML" in a[1] and "不是有效的 YAML" in b[1]:
            message_only += 1  # a YAML syntax error at the same place, in libyaml's words
        else:
            differ += 1
            print(f"--- mutant {k}\n{text[:0]}base: {a}\nnew:  {b}")
            with open(os.path.join(tmp, f"differ-{k}.yaml"), "w", encoding="utf-8") as f:
                f.write(text)
            os.makedirs("/tmp/theme-differ", exist_ok=True)
            with open(f"/tmp/theme-differ/{k}.yaml", "w", encoding="utf-8") as f:
                f.write(text)
print(f"{same} mutants read alike, {message_only} syntax errors at the same position with "
      f"libyaml's message instead of yaml-cpp's, {differ} differ otherwise")
