# The PDF engine on a synthetic document (tests/tools/render_sample.cpp, built next to the CLI):
# text, fonts, structure, 目录 page numbers, repeated table headers and byte-determinism are checked
# on the real PDF with poppler-utils and qpdf.
source "$(dirname "$0")/lib.sh"
RS="$(dirname "$BP")/render_sample"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"
if [ ! -x "$RS" ]; then
  fail "render_sample not built next to $BP"
  finish
  exit 1
fi

out=$("$RS" "$TMP/a.pdf" --manifest "$TMP/manifest.txt" 2>&1); rc=$?
check '[ "$rc" -eq 0 ] && [ -s "$TMP/a.pdf" ]' "render_sample failed: $out"
"$RS" "$TMP/b.pdf" >/dev/null 2>&1
check 'cmp -s "$TMP/a.pdf" "$TMP/b.pdf"' "two renders differ (not deterministic)"
check '[ -z "$(find "$TMP" -name ".*.pdf.tmp*")" ]' "temp files left behind"

# Structure: qpdf clean, PDF 1.7, metadata, dates from SOURCE_DATE_EPOCH only.
qc=$(qpdf --check "$TMP/a.pdf" 2>&1); rc=$?
check '[ "$rc" -eq 0 ] && grep -q "No syntax or stream encoding errors" <<<"$qc"' "qpdf --check: $qc"
info=$(pdfinfo "$TMP/a.pdf")
check 'grep -q "^PDF version: *1.7" <<<"$info"' "not PDF 1.7: $info"
check 'grep -q "^Author: *示例市示例局" <<<"$info"' "Author missing: $info"
check 'grep -q "^Title: *示例市示例局2023年部门预算信息公开" <<<"$info"' "Title missing"
check 'grep -q "^CreationDate: *Tue Nov 14 22:13:20 2023 UTC" <<<"$info"' "CreationDate not from SOURCE_DATE_EPOCH: $info"
pages=$(sed -n 's/^Pages: *//p' <<<"$info")
check '[ "${pages:-0}" -ge 10 ]' "too few pages: $pages"
check 'qpdf --qdf --object-streams=disable "$TMP/a.pdf" "$TMP/q.pdf" && grep -aq "/Lang (zh-CN)" "$TMP/q.pdf"' "/Lang zh-CN missing"
check 'grep -aq "/Outlines" "$TMP/q.pdf" && [ "$(grep -ac "/Subtype /Link" "$TMP/q.pdf")" -ge 9 ]' "outline or 目录 links missing"
check '[ "$(grep -ac "/Title <feff" "$TMP/q.pdf")" -ge 10 ]' "outline items missing"
check 'pdfinfo -f 1 -l "$pages" "$TMP/a.pdf" | grep -q "size: *841.89 x 595.276 pts"' "no landscape A4 page"

# Fonts: every font embedded as a subset, Type 0 / CID (CFF), Identity-H, with ToUnicode.
fonts=$(pdffonts "$TMP/a.pdf" | tail -n +3)
check '[ -n "$fonts" ]' "no fonts"
check '! grep -qv "CID Type 0C *Identity-H *yes yes yes" <<<"$fonts"' "a font is not an embedded CID subset with ToUnicode: $fonts"
check '! grep -qv "^[A-Z]\{6\}+" <<<"$fonts"' "a font name has no subset tag: $fonts"
check '[ "$(stat -c %s "$TMP/a.pdf")" -lt 400000 ]' "PDF too large for a subset: $(stat -c %s "$TMP/a.pdf") bytes"

# Text: every heading and every cell value of the manifest is in the PDF's text. pdftotext -raw
# keeps content-stream order, in which a wrapped cell's lines are consecutive; whitespace is
# dropped (Han–Latin spacing and letter-spaced headers extract as spaces).
pdftotext -raw "$TMP/a.pdf" "$TMP/raw.txt"
missing=$(python3 - "$TMP/manifest.txt" "$TMP/raw.txt" <<'PY'
import re, sys
text = re.sub(r"\s+", "", open(sys.argv[2], encoding="utf-8").read())
miss = []
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    want = re.sub(r"\s+", "", parts[-1])
    if want and want not in text:
        miss.append(parts[-1])
print("\n".join(miss[:10]))
PY
)
check '[ -z "$missing" ]' "text not found in the PDF: $missing"

# 目录: each entry's page number is the page where its heading first appears after the 目录, and
# each numbered page prints its number in the footer. The title page is unnumbered: label = index - 1.
# Entries are read from the 目录 page itself (text, dot leader, number); with a manifest, every
# manifest entry must be among them.
toc_problems() {
  python3 - "$1" "${2:-}" <<'PY'
import re, subprocess, sys
pdf, manifest = sys.argv[1], sys.argv[2]
def text(i, mode):
    return subprocess.run(["pdftotext", mode, "-f", str(i), "-l", str(i), pdf, "-"],
                          capture_output=True, text=True).stdout
n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
pages = [None] + [re.sub(r"\s+", "", text(i, "-raw")) for i in range(1, n + 1)]
problems = []
if "目录" not in pages[2]:
    problems.append("目录 is not on physical page 2")
entries = []
for line in text(2, "-layout").splitlines():
    m = re.match(r"^\s*(\S.*?)\s*(?:\.\s*){3,}(\d+)\s*$", line)
    if m:
        entries.append((re.sub(r"\s+", "", m.group(1)), int(m.group(2))))
if not entries:
    problems.append("no 目录 entries with page numbers")
if manifest:
    want = [re.sub(r"\s+", "", l.split("\t")[1]) for l in open(manifest, encoding="utf-8") if l.startswith("T\t")]
    got = [e for e, _ in entries]
    problems += [f"目录 entry {w} missing" for w in want if w not in got]
for key, label in entries:
    first = next((i for i in range(3, n + 1) if key in pages[i]), None)
    if first is None or first - 1 != label:
        problems.append(f"{key}: 目录 says {label}, heading first on page label {None if first is None else first - 1}")
for i in range(2, n + 1):
    if f"—{i-1}—" not in pages[i]:
        problems.append(f"physical page {i} lacks footer —{i-1}—")
if re.search(r"—\d+—", pages[1]):
    problems.append("title page carries a page number")
print("\n".join(problems))
PY
}
toc_check=$(toc_problems "$TMP/a.pdf" "$TMP/manifest.txt")
check '[ -z "$toc_check" ]' "目录/page numbers: $toc_check"

# The 60-row table (its codes 2011xxx appear nowhere else) runs over at least 3 pages; every one of
# them repeats the column headers (all three levels and the 栏次 row) and the header block, and every
# continuation page carries 续表.
long_check=$(python3 - "$TMP/a.pdf" <<'PY'
import re, subprocess, sys
pdf = sys.argv[1]
n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
hits = []
for i in range(1, n + 1):
    t = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-raw", "-f", str(i), "-l", str(i), pdf, "-"],
                                          capture_output=True, text=True).stdout)
    if re.search(r"2011\d{3}", t):
        hits.append((i, t))
problems = []
if len(hits) < 3:
    problems.append(f"long table on {len(hits)} pages, expected >= 3")
for k, (i, t) in enumerate(hits):
    for h in ["序号", "资金分组", "科目编码", "科目名称", "合计", "基本支出", "人员经费", "项目支出", "一般项目", "本级", "栏次", "预算年度：2023", "单位：万元"]:
        if h not in t:
            problems.append(f"page {i}: header text {h} missing")
    if k > 0 and "续表" not in t:
        problems.append(f"page {i}: 续表 missing")
    if k > 0 and "一般公共预算" not in t and "政府性基金" not in t and "财政专户" not in t:
        problems.append(f"page {i}: rowspan label not repeated")
if hits and "续表" in hits[0][1]:
    problems.append("first page of the table marked 续表")
print("\n".join(problems))
PY
)
check '[ -z "$long_check" ]' "long table: $long_check"

# Every page renders.
check 'pdftoppm -r 20 -png "$TMP/a.pdf" "$TMP/page" 2>/dev/null && [ "$(ls "$TMP"/page*.png | wc -l)" -eq "$pages" ]' "pdftoppm cannot render every page"

# The real documents: the CLI renders the bundled examples through the same engine; each PDF is
# clean, embeds subsets only, and its 目录 numbers match the pages of its headings.
if "$BP" build --format pdf --out "$TMP/ex" "$SRC/examples" >/dev/null 2>&1; then
  check '[ -n "$(find "$TMP/ex" -name "*.pdf")" ]' "the CLI wrote no PDF for the examples"
  find "$TMP/ex" -name "*.pdf" | sort > "$TMP/ex.list"
  while read -r f; do
    check 'qpdf --check "$f" >/dev/null 2>&1' "qpdf --check fails on $f"
    check '! pdffonts "$f" | tail -n +3 | grep -qv "CID Type 0C *Identity-H *yes yes yes"' "fonts not embedded subsets in $f"
    if pdftotext -f 2 -l 2 "$f" - | grep -q "目录"; then
      p=$(toc_problems "$f")
      check '[ -z "$p" ]' "$(basename "$f"): $p"
    fi
  done < "$TMP/ex.list"
else
  fail "budgetpress build --format pdf failed on the examples"
fi

# A character that no font covers is an error listing it and where it is; no file is written.
bad=$(printf '合计\U0010FFFD万元')
err=$("$RS" "$TMP/bad.pdf" --append "$bad" 2>&1); rc=$?
check '[ "$rc" -ne 0 ] && [ ! -e "$TMP/bad.pdf" ]' "uncovered character did not fail (rc=$rc)"
check 'grep -q "U+10FFFD" <<<"$err" && grep -q "paragraph .合计" <<<"$err"' "error does not name the character and its place: $err"
finish
