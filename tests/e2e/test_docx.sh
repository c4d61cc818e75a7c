# build --format docx: an editable Word document of the whole disclosure. The XML is checked against
# the JSON export (every table title in the 目录 (live PAGEREF entries) and as a bookmarked title, repeating header
# rows, landscape sections for the wide tables), two builds are byte-identical, and LibreOffice
# converts each file to PDF whose text has every heading and every table value and whose 目录
# numbers are the pages LibreOffice puts the headings on.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000

start=$(date +%s%N)
out=$("$BP" build --format docx --out "$TMP/out" examples 2>&1); rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check '[ "$rc" -eq 0 ]' "docx build failed: rc=$rc $out"
check '! grep -q "目录页码未能排版" <<<"$out"' "目录 page numbers did not come from the layout: $out"
"$BP" build --format json --out "$TMP/out" examples >/dev/null 2>&1
docs=$(find "$TMP/out" -name '*.docx' | sort)
n=$(grep -c . <<<"$docs")
check '[ "$n" -eq 7 ]' "expected 7 docx files (one per example), got $n: $docs"
check 'ls "$TMP"/out/2023/434-*.docx "$TMP"/out/2024/201-*.docx >/dev/null 2>&1' "not at OUT/<year>/<code>-<name>.docx"
check '[ -z "$(find "$TMP/out" -name ".*tmp*")" ]' "temp files left behind"
echo "docx: $n files in $ms ms, $(du -cb $docs | tail -1 | cut -f1) bytes"

# --- determinism: a second build gives the same bytes; the epoch changes only core.xml ----------------
"$BP" build --format docx --out "$TMP/out2" examples >/dev/null 2>&1
for f in $docs; do
  check 'cmp -s "$f" "$TMP/out2/${f#$TMP/out/}"' "two builds differ: ${f#$TMP/out/}"
done
SOURCE_DATE_EPOCH=1800000000 "$BP" build --format docx --out "$TMP/out3" examples >/dev/null 2>&1
d434=$(ls "$TMP"/out/2023/434-*.docx)
check 'python3 -c "
import sys, zipfile
a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
assert a.namelist() == b.namelist()
diff = [n for n in a.namelist() if a.read(n) != b.read(n)]
times = {i.date_time for i in a.infolist()}
sys.exit(0 if diff == [\"docProps/core.xml\"] and times == {(2023, 11, 14, 22, 13, 20)} else 1)" "$d434" "$TMP"/out3/2023/434-*.docx' \
  "only docProps/core.xml may depend on the epoch; entry times must be the epoch"

# --- the package and its XML -------------------------------------------------------------------------
for f in $docs; do
  check 'unzip -tq "$f" >/dev/null 2>&1' "zip test failed: $f"
done
out=$(python3 - "$TMP/out" "$SRC/config/profiles" <<'PY'
import glob, json, os, re, sys, zipfile
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
out, profiles = sys.argv[1], sys.argv[2]
fails = []
def fail(msg): fails.append(msg)
def wide_tables(year):
    # ids of the tables the profile marks landscape
    ids, cur = set(), None
    for line in open(os.path.join(profiles, f"{year}.yaml"), encoding="utf-8"):
        m = re.match(r"\s*- id:\s*(\S+)", line)
        if m: cur = m.group(1)
        if re.match(r"\s+landscape:\s*true", line) and cur: ids.add(cur)
    return ids
def has_tables(year):
    for line in open(os.path.join(profiles, f"{year}.yaml"), encoding="utf-8"):
        if re.match(r"has_tables:\s*false", line): return False
    return True
def text(el): return "".join(t.text or "" for t in el.iter(W + "t"))
for path in sorted(glob.glob(os.path.join(out, "*", "*.docx"))):
    name = os.path.relpath(path, out)
    year = name.split("/")[0]
    js = json.load(open(path[:-5] + ".json", encoding="utf-8"))
    z = zipfile.ZipFile(path)
    parts = z.namelist()
    if parts[0] != "[Content_Types].xml": fail(f"{name}: first entry {parts[0]}")
    for p in parts:
        if p.endswith(".xml") or p.endswith(".rels"):
            try: ET.fromstring(z.read(p))
            except ET.ParseError as e: fail(f"{name}: {p} not well-formed: {e}")
    doc = ET.fromstring(z.read("word/document.xml"))
    body = doc.find(W + "body")
    instr = [t.text for t in doc.iter(W + "instrText")]
    # 目录 entries: live PAGEREF fields (no TOC field around them, see src/docx/toc_xml.hpp)
    pagerefs = [i for i in instr if i.strip().startswith("PAGEREF ")]
    links = list(doc.iter(W + "hyperlink"))
    if not links or len(pagerefs) != len(links): fail(f"{name}: {len(links)} 目录 links, {len(pagerefs)} PAGEREF fields")
    if any(i.strip().startswith("TOC ") for i in instr): fail(f"{name}: a TOC field: LibreOffice would show its cached numbers")
    begins = sum(1 for f in doc.iter(W + "fldChar") if f.get(W + "fldCharType") == "begin")
    ends = sum(1 for f in doc.iter(W + "fldChar") if f.get(W + "fldCharType") == "end")
    if begins != ends or begins != len(instr): fail(f"{name}: unbalanced fields {begins}/{ends}/{len(instr)}")
    bookmarks = {b.get(W + "name") for b in doc.iter(W + "bookmarkStart")}
    # TOC entries: hyperlink text = title + page number (from our layout).
    toc = {}
    for h in doc.iter(W + "hyperlink"):
        t = text(h)
        m = re.match(r"(.*?)(\d*)$", t)
        toc[m.group(1)] = m.group(2)
        if h.get(W + "anchor") not in bookmarks: fail(f"{name}: TOC link to missing bookmark {h.get(W + 'anchor')}")
    for t, n in toc.items():
        if not n: fail(f"{name}: TOC entry {t} has no page number")
    titles = [t["title"] for t in js["tables"]]
    if not has_tables(year):  # narrative-only form: the 9 tables are open data, not printed
        for t in titles:
            if t in toc: fail(f"{name}: narrative-only form lists table {t}")
        titles = []
    for t in titles:
        if t not in toc: fail(f"{name}: TOC has no entry for {t}")
        elif not toc[t]: fail(f"{name}: TOC entry {t} has no page number")
    # Every table title is a bookmarked TableTitle paragraph followed by its table.
    blocks = list(body)
    wide = wide_tables(year)
    ids = [t["id"] for t in js["tables"]]
    for tid, title in zip(ids, titles):
        idx = [i for i, b in enumerate(blocks) if b.tag == W + "p" and text(b) == title
               and b.find(f"{W}pPr/{W}pStyle") is not None
               and b.find(f"{W}pPr/{W}pStyle").get(W + "val") == "TableTitle"]
        if len(idx) != 1: fail(f"{name}: title {title} found {len(idx)} times"); continue
        p = blocks[idx[0]]
        if not any(b.get(W + "name") for b in p.iter(W + "bookmarkStart")): fail(f"{name}: {title} has no bookmark")
        tbl = blocks[idx[0] + 1]
        if tbl.tag != W + "tbl": fail(f"{name}: {title} not followed by a table"); continue
        rows = tbl.findall(W + "tr")
        flags = [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows]
        nhead = flags.index(False) if False in flags else len(flags)
        # header block + ≥1 head row + 栏次, repeated; no header flag after the first body row
        if nhead < 3: fail(f"{name}: {title}: only {nhead} repeating header rows")
        if any(flags[nhead:]): fail(f"{name}: {title}: tblHeader on a body row")
        if not all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows): fail(f"{name}: {title}: row without cantSplit")
        body_rows = len(rows) - nhead
        jrows = next(t for t in js["tables"] if t["id"] == tid)["rows"]
        if body_rows != len(jrows): fail(f"{name}: {title}: {body_rows} body rows, JSON has {len(jrows)}")
        # The section a block belongs to is closed by the next sectPr in document order.
        sect = None
        for b in blocks[idx[0]:]:
            s = b.find(f"{W}pPr/{W}sectPr") if b.tag == W + "p" else (b if b.tag == W + "sectPr" else None)
            if s is not None: sect = s; break
        sz = sect.find(W + "pgSz")
        land = sz.get(W + "orient") == "landscape" and int(sz.get(W + "w")) > int(sz.get(W + "h"))
        if land != (tid in wide): fail(f"{name}: {title}: landscape={land}, profile says {tid in wide}")
    styles = ET.fromstring(z.read("word/styles.xml"))
    for lvl in range(1, 5):
        s = [x for x in styles.iter(W + "style") if x.get(W + "styleId") == f"Heading{lvl}"]
        o = s[0].find(f"{W}pPr/{W}outlineLvl") if s else None
        if o is None or o.get(W + "val") != str(lvl - 1): fail(f"{name}: Heading{lvl} without outlineLvl {lvl - 1}")
    fonts = {f.get(W + "eastAsia") for f in styles.iter(W + "rFonts")}
    if not fonts or None in fonts: fail(f"{name}: rFonts without eastAsia: {fonts}")
    core = z.read("docProps/core.xml").decode()
    if f"<dc:creator>{js['department']['name']}</dc:creator>" not in core: fail(f"{name}: creator is not the department")
    if "2023-11-14T22:13:20Z" not in core: fail(f"{name}: created not from SOURCE_DATE_EPOCH")
    settings = z.read("word/settings.xml").decode()
    if '<w:updateFields w:val="1"/>' not in settings: fail(f"{name}: updateFields missing")
print("\n".join(fails))
PY
)
check '[ -z "$out" ]' "docx XML: $out"

# --- LibreOffice converts every file; the PDF has every heading and every table value ----------------
if ! command -v soffice >/dev/null 2>&1; then
  fail "soffice not found (scripts/install-deps installs libreoffice-writer)"
  finish
  exit
fi
export HOME="$TMP/home"
mkdir -p "$HOME" "$TMP/pdf"
start=$(date +%s)
timeout 300 soffice --headless --norestore --convert-to pdf --outdir "$TMP/pdf" $docs >"$TMP/soffice.log" 2>&1
rc=$?
check '[ "$rc" -eq 0 ]' "soffice failed: rc=$rc $(tail -3 "$TMP/soffice.log")"
check '! grep -qi "error" "$TMP/soffice.log"' "soffice reported errors: $(grep -i error "$TMP/soffice.log" | head -3)"
echo "soffice: $(ls "$TMP/pdf" | wc -l) PDFs in $(( $(date +%s) - start )) s"
out=$(python3 - "$TMP/out" "$TMP/pdf" <<'PY'
import glob, json, os, re, subprocess, sys, zipfile
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
out, pdfdir = sys.argv[1], sys.argv[2]
fails, checked = [], 0
for path in sorted(glob.glob(os.path.join(out, "*", "*.docx"))):
    name = os.path.relpath(path, out)
    pdf = os.path.join(pdfdir, os.path.basename(path)[:-5] + ".pdf")
    if not os.path.exists(pdf): fails.append(f"{name}: no PDF"); continue
    raw = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", raw)
    doc = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    # every heading and table title
    for p in doc.iter(W + "p"):
        st = p.find(f"{W}pPr/{W}pStyle")
        if st is None or not re.match(r"Heading\d|TableTitle", st.get(W + "val")): continue
        t = re.sub(r"\s+", "", "".join(x.text or "" for x in p.iter(W + "t")))
        checked += 1
        if t and t not in flat: fails.append(f"{name}: heading {t} not in PDF text")
    # every paragraph of every table cell (narrative tables included)
    for tc in doc.iter(W + "tc"):
        for p in tc.iter(W + "p"):
            t = re.sub(r"\s+", "", "".join(x.text or "" for x in p.iter(W + "t")))
            if not t: continue
            checked += 1
            if t not in flat: fails.append(f"{name}: cell text {t} not in PDF text")
    # every non-blank value of the 9 tables in the JSON export (zero amounts print blank), when the
    # form prints them (the 2021 form is narrative-only)
    js = json.load(open(path[:-5] + ".json", encoding="utf-8"))
    titled = {re.sub(r"\s+", "", "".join(x.text or "" for x in p.iter(W + "t")))
              for p in doc.iter(W + "p")
              if p.find(f"{W}pPr/{W}pStyle") is not None and p.find(f"{W}pPr/{W}pStyle").get(W + "val") == "TableTitle"}
    printed = [t for t in js["tables"] if re.sub(r"\s+", "", t["title"]) in titled]
    if printed and len(printed) != len(js["tables"]): fails.append(f"{name}: only {len(printed)} of the tables printed")
    for t in printed:
        for r in t["rows"]:
            for c in r["cells"]:
                c = re.sub(r"\s+", "", c)
                if c in ("", "0.00"): continue
                checked += 1
                if c not in flat: fails.append(f"{name}: {t['id']}: value {c} not in PDF text")
    # the 目录 page shows our layout's page numbers
    toc = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", pdf, "-"],
                                            capture_output=True, text=True).stdout)
    for t in printed:
        if not re.search(re.escape(re.sub(r"\s+", "", t["title"])) + r"\.*\d+", toc):
            fails.append(f"{name}: 目录 line of {t['title']} has no page number")
print("\n".join(fails[:20]))
print(f"checked {checked}", file=sys.stderr)
PY
)
check '[ -z "$out" ]' "LibreOffice PDF text: $out"

# --- LibreOffice's pages: 目录 numbers are the pages it puts the headings on, each project's info block
# shares its page with its indicator grid, no blank page -------------------------------------------------
out=$(python3 "$SRC/tests/e2e/py/check_docx_pages.py" "$TMP"/pdf/*.pdf); rc=$?
echo "$out" | grep -v '^FAIL'
check '[ "$rc" -eq 0 ]' "LibreOffice pages: $(grep '^FAIL' <<<"$out" | head -10)"

# Page images for a person to look at (kept only with KEEP_DOCX_PNG=dir).
if [ -n "${KEEP_DOCX_PNG:-}" ]; then
  mkdir -p "$KEEP_DOCX_PNG"
  for f in "$TMP"/pdf/*.pdf; do pdftoppm -r 60 -png -l 6 "$f" "$KEEP_DOCX_PNG/$(basename "$f" .pdf)"; done
fi
finish
