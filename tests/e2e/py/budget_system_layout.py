#!/usr/bin/env python3
"""Rewrites our workbook the way budget systems lay theirs out (issue 18, item 2):

usage: budget_system_layout.py OURS.xlsx OUT.xlsx

  * every sheet renamed 表1, 表2 … (the tables are found by their titles, not their names);
  * the stacked 项目绩效目标 sheet split into one sheet per project (表N-1, 表N-2 …), and the
    项目编码 row dropped from every second project (budget systems without 项目编码);
  * the procurement header 政府采购目录序号 written as 品目编码.
Prints the names of the projects that lost their code, one per line.
"""
import html
import re
import sys
import zipfile

src, dst = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(src)
parts = {n: z.read(n) for n in z.namelist()}
wb = parts["xl/workbook.xml"].decode()
rels = parts["xl/_rels/workbook.xml.rels"].decode()
ct = parts["[Content_Types].xml"].decode()
sst_xml = parts["xl/sharedStrings.xml"].decode()
sst = [html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
       for si in re.findall(r"<si>(.*?)</si>", sst_xml, re.S)]
sheets = re.findall(r'<sheet name="([^"]+)" sheetId="(\d+)" r:id="(rId\d+)"/>', wb)


def target(rid):
    return "xl/" + re.search(r'Id="%s"[^>]*Target="([^"]+)"' % rid, rels).group(1).lstrip("/").replace("xl/", "", 1)


def text_of(cell_xml):
    v = re.search(r"<v>(.*?)</v>", cell_xml)
    if 't="s"' in cell_xml and v:
        return sst[int(v.group(1))]
    t = re.search(r"<t[^>]*>(.*?)</t>", cell_xml)
    return html.unescape(t.group(1)) if t else (v.group(1) if v else "")


def col_row(ref):
    m = re.match(r"([A-Z]+)(\d+)", ref)
    return m.group(1), int(m.group(2))


def block(sheet_xml, first, last):
    """Rows first..last (1-based) of a sheet as a new sheet starting at row 1."""
    rows = re.findall(r'(<row r="(\d+)"[^>]*>.*?</row>|<row r="(\d+)"[^>]*/>)', sheet_xml, re.S)
    out = []
    for whole, r1, r2 in rows:
        r = int(r1 or r2)
        if first <= r <= last:
            nr = r - first + 1
            x = re.sub(r'<row r="\d+"', f'<row r="{nr}"', whole, count=1)
            x = re.sub(r'(<c r="[A-Z]+)\d+"', lambda m: f'{m.group(1)}{nr}"', x)
            out.append(x)
    merges = []
    for a, b in re.findall(r'<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"/>', sheet_xml):
        (ca, ra), (cb, rb) = col_row(a), col_row(b)
        if first <= ra and rb <= last:
            merges.append(f'<mergeCell ref="{ca}{ra - first + 1}:{cb}{rb - first + 1}"/>')
    head = sheet_xml[: sheet_xml.index("<sheetData>")]
    head = re.sub(r"<dimension[^>]*/>", "", head)
    head = re.sub(r"<pane [^>]*/>", "", head)
    body = "<sheetData>" + "".join(out) + "</sheetData>"
    if merges:
        body += f'<mergeCells count="{len(merges)}">' + "".join(merges) + "</mergeCells>"
    return head + body + "</worksheet>"


new_sheets, new_rels, new_ct, files = [], [], [], {}
dropped = []
n = 0
for name, sid, rid in sheets:
    part = target(rid)
    xml = parts[part].decode()
    if name == "项目绩效目标":
        # Titles: rows whose first cell ends with 绩效目标表.
        rows = re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', xml, re.S)
        titles = []
        last_row = max(int(r) for r, _ in rows)
        for r, body in rows:
            first_cell = re.search(r'<c r="A\d+"[^>]*?(?:/>|>.*?</c>)', body, re.S)
            if first_cell and text_of(first_cell.group(0)).endswith("绩效目标表"):
                titles.append(int(r))
        for i, t in enumerate(titles):
            end = titles[i + 1] - 1 if i + 1 < len(titles) else last_row
            sub = block(xml, t, end)
            if i % 2 == 1:
                # No 项目编码 row: drop the row whose first cell is 项目编码 (its project keeps its name).
                m = re.search(r'<row r="(\d+)"[^>]*>(?:(?!</row>).)*?<c r="A\d+"[^>]*t="s"[^>]*><v>(\d+)</v></c>(?:(?!</row>).)*</row>', sub, re.S)
                for rr in re.finditer(r'<row r="(\d+)"[^>]*>(.*?)</row>', sub, re.S):
                    a = re.search(r'<c r="A\d+"[^>]*?(?:/>|>.*?</c>)', rr.group(2), re.S)
                    if a and text_of(a.group(0)) == "项目编码":
                        name_cell = re.findall(r'<c r="E\d+"[^>]*?>.*?</c>', rr.group(2), re.S)
                        dropped.append(text_of(name_cell[0]) if name_cell else "?")
                        # Keep 项目名称 (D, E) but blank the code cells.
                        kept = re.sub(r'<c r="[ABC]\d+"[^>]*?(?:/>|>.*?</c>)', "", rr.group(2), flags=re.S)
                        sub = sub.replace(rr.group(2), kept, 1)
                        break
            n += 1
            p = f"xl/worksheets/bs{n}.xml"
            files[p] = sub.encode()
            new_sheets.append((f"表{len(new_sheets) + 1}", f"rIdB{n}", p))
        continue
    if name == "政府采购预算":
        # Header labels carry our line breaks (src/xlsx/label_lines): compare without them.
        i = [t.replace("\n", "") for t in sst].index("政府采购目录序号")
        xml = xml.replace(f't="s"><v>{i}</v>', 't="inlineStr"><is><t>品目编码</t></is>')
    n += 1
    p = f"xl/worksheets/bs{n}.xml"
    files[p] = xml.encode()
    new_sheets.append((f"表{len(new_sheets) + 1}", f"rIdB{n}", p))

wb2 = re.sub(r"<sheets>.*</sheets>", "<sheets>" + "".join(
    f'<sheet name="{nm}" sheetId="{i + 1}" r:id="{rid}"/>' for i, (nm, rid, _) in enumerate(new_sheets)) + "</sheets>", wb, flags=re.S)
wb2 = re.sub(r"<definedNames>.*</definedNames>", "", wb2, flags=re.S)
rels2 = re.sub(r'<Relationship [^>]*worksheet"?[^>]*/>', "", rels)
rels2 = re.sub(r'<Relationship Id="rId\d+" Type="[^"]+/worksheet" Target="[^"]+"/>', "", rels2)
rels2 = rels2.replace("</Relationships>", "".join(
    f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{p[3:]}"/>'
    for _, rid, p in new_sheets) + "</Relationships>")
ct2 = re.sub(r'<Override PartName="/xl/worksheets/[^"]+"[^>]*/>', "", ct)
ct2 = ct2.replace("</Types>", "".join(
    f'<Override PartName="/{p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    for _, _, p in new_sheets) + "</Types>")
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for name, data in parts.items():
        if name.startswith("xl/worksheets/") or name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            continue
        out.writestr(name, data)
    out.writestr("[Content_Types].xml", ct2)
    out.writestr("xl/workbook.xml", wb2)
    out.writestr("xl/_rels/workbook.xml.rels", rels2)
    for p, data in files.items():
        out.writestr(p, data)
for d in dropped:
    print(d)
