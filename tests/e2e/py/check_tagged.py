"""Check a tagged PDF/A-2u + PDF/UA-1 file from BudgetPress with readers that did not write it.

usage: check_tagged.py FILE.pdf FILE.txt EPOCH
  FILE.txt  the same department built with `-f txt` (table rows as tab-separated cells)
  EPOCH     the SOURCE_DATE_EPOCH of the build

poppler (`pdfinfo -struct-text`, `pdftotext -raw`) reads the structure tree and the text; qpdf
(`--json`, `--qdf`) the objects. Checks:
  * the tree: Document root, standard types only, H1 present, tables with THead/TBody/TR/TH/TD,
    TH with /Scope (Row or Column), every /Headers entry the /ID of a TH of the same table, every
    Link with its annotation (OBJR), TOCI present;
  * the text under the tree, in tree order, equals the page text in reading (content) order with
    the artifacts (marked-content sequences tagged /Artifact, removed with qpdf's QDF form) left out;
  * every non-empty table cell of the txt export is the text of a TD or TH;
  * catalog: /Lang zh-CN, /MarkInfo /Marked, /ViewerPreferences /DisplayDocTitle, /StructTreeRoot,
    trailer /ID; every page /StructParents; every link annotation /StructParent, /Contents, /F 4;
  * PDF/A: uncompressed XMP (strict XML) with pdfaid part 2 / U, pdfuaid part 1 (declared by an
    extension schema), dc:title = Info Title, xmp dates = EPOCH; an sRGB ICC output intent.
Prints one line per failed check and "N passed, M failed"; exit 1 on any failure.
"""
import base64
import collections
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

pdf, txt, epoch = sys.argv[1], sys.argv[2], int(sys.argv[3])
passed = failed = 0


def check(ok, msg):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", msg)


def run(*args, text=True):
    return subprocess.run(args, capture_output=True, text=text, check=True).stdout


def squash(s):
    return re.sub(r"\s+", "", s)


# --- the structure tree as poppler reads it -------------------------------------------------
STANDARD = set(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 "
    "L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot "
    "Ruby RB RT RP Warichu WT WP Figure Formula Form".split())


class Node:
    def __init__(self, role, parent, ident=None):
        self.role, self.parent, self.kids, self.attrs, self.id = role, parent, [], [], ident


root = Node("(root)", None)
stack = [(-1, root)]
texts = []  # (text, node) in tree order
for line in run("pdfinfo", "-struct-text", pdf).splitlines():
    if not line.strip():
        continue
    indent = len(line) - len(line.lstrip(" "))
    body = line.strip()
    while stack and stack[-1][0] >= indent:
        stack.pop()
    parent = stack[-1][1]
    if body.startswith('"'):
        texts.append((body[1:-1] if body.endswith('"') else body[1:], parent))
    elif body.startswith("/"):
        parent.attrs.append(body)
    elif body.startswith("Object "):
        parent.kids.append(Node("OBJR", parent))
    else:
        role = re.match(r"[A-Za-z0-9]+", body).group(0)
        ident = re.match(r"[A-Za-z0-9]+ <([^>]*)>", body)
        n = Node(role, parent, ident.group(1) if ident else None)
        parent.kids.append(n)
        stack.append((indent, n))

roles = collections.Counter()


def walk(n):
    for k in n.kids:
        roles[k.role] += 1
        walk(k)


walk(root)
check([k.role for k in root.kids] == ["Document"], f"tree root: {[k.role for k in root.kids]}")
odd = sorted(r for r in roles if r not in STANDARD and r != "OBJR")
check(not odd, f"non-standard structure types: {odd}")
check(roles["H1"] >= 1, "no H1")
check(roles["TOCI"] >= 1, "no TOCI")


def all_nodes(n):
    for k in n.kids:
        yield k
        yield from all_nodes(k)


nodes = list(all_nodes(root))
tables = [n for n in nodes if n.role == "Table"]
check(tables, "no Table")
for t in tables:
    kinds = [k.role for k in t.kids]
    check(set(kinds) <= {"Caption", "THead", "TBody"} and "TBody" in kinds or "THead" in kinds,
          f"Table children {kinds}")
def table_of(n):
    while n is not None and n.role != "Table":
        n = n.parent
    return n


# /Headers name TH cells of the same table; /Scope is Row or Column.
th_ids = collections.defaultdict(set)
for n in nodes:
    if n.role == "TH" and n.id:
        th_ids[id(table_of(n))].add(n.id)
row_headers = 0
for n in nodes:
    for a in n.attrs:
        if a.startswith("/Scope"):
            check(a in ("/Scope /Row", "/Scope /Column"), f"{n.role} with {a}")
            row_headers += a == "/Scope /Row"
        if a.startswith("/Headers"):
            named = re.findall(r"\(([^)]*)\)", a)
            unknown = [h for h in named if h not in th_ids[id(table_of(n))]]
            check(named and not unknown, f"{n.role} /Headers names no TH of its table: {a}")
for n in nodes:
    if n.role == "TR":
        check(all(k.role in ("TH", "TD") for k in n.kids), f"TR with {[k.role for k in n.kids]}")
    if n.role == "TH":
        check(any(a.startswith("/Scope") for a in n.attrs), "TH without /Scope")
    if n.role == "Link":
        check(any(k.role == "OBJR" for k in n.kids), "Link without its annotation (OBJR)")

# --- tree order = reading order ---------------------------------------------------------------
tree_text = squash("".join(t for t, _ in texts))
with tempfile.TemporaryDirectory() as tmp:
    qdf, stripped = os.path.join(tmp, "q.pdf"), os.path.join(tmp, "s.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
    data = open(qdf, "rb").read()
    # Marked-content sequences tagged /Artifact (never nested in ours) are not content: their
    # glyphs are dropped (TJ arrays emptied; text moves are relative, so the Td stay).
    n_art = len(re.findall(rb"/Artifact (?:<<[^>]*>> BDC|BMC)\n", data))
    data = re.sub(rb"/Artifact (?:<<[^>]*>> BDC|BMC)\n.*?\nEMC\n",
                  lambda m: re.sub(rb"\[[^\]]*\] ?TJ", b"[] TJ", m.group(0)), data, flags=re.S)
    with open(qdf, "wb") as f:
        f.write(data)
    subprocess.run(["fix-qdf", qdf], stdout=open(stripped, "wb"), check=True)
    page_text = squash(run("pdftotext", "-raw", stripped, "-"))
check(n_art > 0, "no artifacts marked")
i = 0
while i < min(len(tree_text), len(page_text)) and tree_text[i] == page_text[i]:
    i += 1
check(tree_text == page_text,
      f"tree text ≠ page text (artifacts removed) at {i} of {len(tree_text)}/{len(page_text)}: "
      f"tree «{tree_text[i:i + 40]}» page «{page_text[i:i + 40]}»")

# --- every table cell is a TD/TH ----------------------------------------------------------------
owner_text = collections.defaultdict(str)
captions = ""
for t, p in texts:
    c = p
    while c is not None and c.role not in ("TD", "TH", "Caption"):
        c = c.parent
    if c is not None and c.role == "Caption":
        captions += squash(t)
    elif c is not None:
        owner_text[id(c)] += t
cells = collections.Counter(squash(v) for v in owner_text.values())
all_cells = "\x00".join(cells)
want = collections.Counter()
for line in open(txt, encoding="utf-8"):
    if "\t" in line:
        for c in line.rstrip("\n").split("\t"):
            if squash(c):
                want[squash(c)] += 1
# A cell with line breaks is split over lines in the txt export (its parts are inside one TD);
# the header block line (部门 / 预算年度 / 单位) is part of the table's Caption.
missing = collections.Counter({c: n for c, n in (want - cells).items()
                               if c not in all_cells and c not in captions})
check(sum(want.values()) > 0, "txt export has no table rows")
check(not missing, f"{sum(missing.values())} of {sum(want.values())} table cells not in a TD/TH: "
      f"{list(missing)[:5]}")

# --- catalog, pages, annotations, PDF/A ------------------------------------------------------
j = json.loads(run("qpdf", "--json", "--json-stream-data=inline", "--decode-level=none", pdf))
objs = j["qpdf"][1]


def obj(ref):
    return objs["obj:" + ref]


trailer = objs["trailer"]["value"]
check(isinstance(trailer.get("/ID"), list) and len(trailer["/ID"]) == 2, "trailer without /ID")
cat = obj(trailer["/Root"])["value"]
check(cat.get("/Lang") == "u:zh-CN", f"/Lang {cat.get('/Lang')}")
mark = cat.get("/MarkInfo", {})
mark = obj(mark)["value"] if isinstance(mark, str) else mark
check(mark.get("/Marked") is True, "/MarkInfo /Marked not true")
vp = cat.get("/ViewerPreferences", {})
check(vp.get("/DisplayDocTitle") is True, "/ViewerPreferences /DisplayDocTitle not true")
check("/StructTreeRoot" in cat, "no /StructTreeRoot")
pages = [o["value"] for k, o in objs.items() if isinstance(o.get("value"), dict) and o["value"].get("/Type") == "/Page"]
check(pages and all("/StructParents" in p for p in pages), "a page without /StructParents")
annots = [o["value"] for o in objs.values() if isinstance(o.get("value"), dict) and o["value"].get("/Subtype") == "/Link"]
for a in annots:
    check("/StructParent" in a and "/Contents" in a and a.get("/F") == 4,
          f"link annotation lacks /StructParent, /Contents or /F 4: {sorted(a)}")
for p in pages:
    if p.get("/Annots"):
        check(p.get("/Tabs") == "/S", "page with annotations without /Tabs /S")

check("/Metadata" in cat, "no XMP metadata")
md = obj(cat["/Metadata"])["stream"] if "/Metadata" in cat else {"dict": {}, "data": ""}
check("/Filter" not in md["dict"], "XMP metadata stream is filtered")
xmp = base64.b64decode(md["data"]) or b"<x:xmpmeta xmlns:x='adobe:ns:meta/'></x:xmpmeta>"
root_xml = ET.fromstring(xmp[xmp.index(b"<x:xmpmeta"):xmp.rindex(b"</x:xmpmeta>") + 12])
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
      "pdfuaid": "http://www.aiim.org/pdfua/ns/id/", "pdf": "http://ns.adobe.com/pdf/1.3/",
      "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#"}
desc = root_xml.find("rdf:RDF/rdf:Description", NS)
val = lambda path: (desc.find(path, NS).text if desc is not None and desc.find(path, NS) is not None else None)
check(val("pdfaid:part") == "2" and val("pdfaid:conformance") == "U", "pdfaid not part 2 / U")
check(val("pdfuaid:part") == "1", "pdfuaid:part not 1")
check(val("pdfaExtension:schemas/rdf:Bag/rdf:li/pdfaSchema:prefix".replace("pdfaExtension", "{http://www.aiim.org/pdfa/ns/extension/}schemas").replace("{http://www.aiim.org/pdfa/ns/extension/}schemas:schemas", "{http://www.aiim.org/pdfa/ns/extension/}schemas")) == "pdfuaid",
      "no PDF/A extension schema declaring pdfuaid")
info = run("pdfinfo", pdf)
title = re.search(r"^Title:\s*(.*)$", info, re.M)
check(title and val("dc:title/rdf:Alt/rdf:li") == title.group(1).strip(), "dc:title ≠ Info Title")
iso = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
check(val("xmp:CreateDate") == iso and val("xmp:ModifyDate") == iso, f"xmp dates ≠ {iso}")
check(val("pdf:Producer") and val("pdf:Producer") in info, "pdf:Producer ≠ Info Producer")
intents = cat.get("/OutputIntents", [])
check(len(intents) == 1, "no output intent")
if intents:
    oi = obj(intents[0])["value"]
    check(oi.get("/S") == "/GTS_PDFA1", f"output intent /S {oi.get('/S')}")
    prof = obj(oi["/DestOutputProfile"])["stream"]
    check(prof["dict"].get("/N") == 3, "ICC profile not /N 3")
    icc = run("qpdf", f"--show-object={oi['/DestOutputProfile'].split()[0]}", "--filtered-stream-data", pdf, text=False)
    check(icc[36:40] == b"acsp" and icc[16:20] == b"RGB ", "output intent profile is not an RGB ICC profile")

print(f"{len(texts)} tagged texts, {roles['Table']} tables ({roles['TD']} TD, {roles['TH']} TH), "
      f"{roles['TOCI']} TOCI, {roles['L']} L, {n_art} artifacts, {sum(want.values())} cells checked, "
      f"{row_headers} row headers")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
