#!/usr/bin/env python3
"""Do two PDFs print the same amounts?  same_numbers.py OURS.pdf OTHER.pdf
Extracts the text of both with pdftotext and compares the multisets of decimal numbers (amounts such
as 2075.36, percentages such as 12.5): prints "<common>/<ours>" and, on stderr, what differs."""
import collections
import re
import subprocess
import sys


def amounts(pdf):
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    return collections.Counter(re.findall(r"(?<![\d.])-?\d+\.\d+(?![\d.])", text))


ours, other = amounts(sys.argv[1]), amounts(sys.argv[2])
common = sum((ours & other).values())
print(f"{common}/{sum(ours.values())}")
for name, d in (("only in ours", ours - other), ("only in other", other - ours)):
    if d:
        print(f"{name}: {dict(d.most_common(10))}", file=sys.stderr)
