#!/usr/bin/env python3
"""Turn a BudgetPress DOCX into Typst source with the same content, for bench/pdf/run.sh.

Why the DOCX: it is written from the same document tree as our PDF and is the only output that keeps
everything a second engine needs — paragraph styles (sizes, fonts, spacing, indents from the theme),
heading levels and 目录 targets, bold runs, table column widths, header rows, row/col spans
(gridSpan / vMerge), cell alignment and indents, portrait/landscape sections and page numbering.
`-f txt` loses the spans and styles; `-f json` has the tables but not the narrative.

What is carried over: every paragraph and table cell text; style → font family (Noto Serif / Sans CJK
SC), weight, size, line pitch, space before/after, first-line / left indent, alignment; tables with their
column widths, header rows repeated on every page, spans, cell alignment; section page size and margins
(A4 portrait / landscape); footer "— n —" with the numbering restart; the 目录, built from the DOCX's
TOC entries, with page numbers resolved by Typst itself (locate + counter) and links; PDF bookmarks for
the headings and table titles that are in the 目录 (Typst headings).
What is not: Word's exact tab stops (the header block line becomes a 3-column grid), minimum row
heights, keep-with-next / widow settings beyond Typst's own defaults.

Usage: docx2typst.py IN.docx OUT.typ      (stdlib only)
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def q(tag):
    return W + tag


def attr(el, name, default=None):
    if el is None:
        return default
    return el.get(q(name), default)


def tw(v):
    """twips → pt string"""
    return f"{int(v) / 20:g}pt"


def tstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


# ---------------------------------------------------------------- styles

def parse_styles(xml):
    root = ET.fromstring(xml)
    raw = {}
    for st in root.iter(q("style")):
        if attr(st, "type") != "paragraph":
            continue
        sid = attr(st, "styleId")
        d = {}
        based = st.find(q("basedOn"))
        d["based"] = attr(based, "val")
        ppr, rpr = st.find(q("pPr")), st.find(q("rPr"))
        if rpr is not None:
            f = rpr.find(q("rFonts"))
            if f is not None and attr(f, "eastAsia"):
                d["font"] = attr(f, "eastAsia")
            b = rpr.find(q("b"))
            if b is not None:
                d["bold"] = attr(b, "val", "1") in ("1", "true")
            sz = rpr.find(q("sz"))
            if sz is not None:
                d["size"] = int(attr(sz, "val")) / 2
        if ppr is not None:
            sp = ppr.find(q("spacing"))
            if sp is not None:
                for k in ("before", "after", "line"):
                    if attr(sp, k) is not None:
                        d[k] = int(attr(sp, k)) / 20
            ind = ppr.find(q("ind"))
            if ind is not None:
                if attr(ind, "firstLine") is not None:
                    d["first"] = int(attr(ind, "firstLine")) / 20
                if attr(ind, "left") is not None:
                    d["left"] = int(attr(ind, "left")) / 20
            jc = ppr.find(q("jc"))
            if jc is not None:
                d["jc"] = attr(jc, "val")
        raw[sid] = d

    def resolved(sid, seen=()):
        d = raw.get(sid, {})
        base = resolved(d["based"], seen + (sid,)) if d.get("based") and d["based"] not in seen else {}
        out = dict(base)
        out.update({k: v for k, v in d.items() if k != "based"})
        return out

    defaults = {"font": "Noto Serif CJK SC", "bold": False, "size": 12, "before": 0, "after": 0,
                "line": 19.2, "first": 0, "left": 0, "jc": "both"}
    return {sid: {**defaults, **resolved(sid)} for sid in raw}


ALIGN = {"both": "left", "left": "left", "start": "left", "center": "center", "right": "right", "end": "right"}


def style_fn(name, st):
    """A Typst function that typesets its body as one paragraph of this style."""
    size, line = st["size"], max(st["line"], st["size"])
    weight = '"bold"' if st["bold"] else '"regular"'
    return (
        f"#let S-{name}(body, align-to: {ALIGN.get(st['jc'], 'left')}, indent: {st['left']:g}pt) = {{\n"
        f"  set text(font: {tstr(st['font'])}, size: {size:g}pt, weight: {weight},"
        f" top-edge: 0.88em, bottom-edge: -0.12em)\n"
        f"  set par(leading: {line - size:g}pt, spacing: {line - size:g}pt, justify: {'true' if st['jc'] == 'both' else 'false'},"
        f" first-line-indent: (amount: {st['first']:g}pt, all: true))\n"
        f"  block(above: {st['before'] + line - size:g}pt, below: {st['after'] + line - size:g}pt, width: 100%,"
        f" pad(left: indent, align(align-to, par(body))))\n"
        f"}}\n"
    )


# ---------------------------------------------------------------- body

class Conv:
    def __init__(self, styles):
        self.styles = styles
        self.out = []
        self.used_styles = set()
        self.toc_labels = set()

    # runs of one paragraph → Typst content expression ("[...]")
    def runs(self, p, bold_default=False):
        parts = []
        for el in p.iter():
            if el.tag == q("r"):
                rpr = el.find(q("rPr"))
                b = rpr.find(q("b")) if rpr is not None else None
                bold = (attr(b, "val", "1") in ("1", "true")) if b is not None else None
                for c in el:
                    if c.tag == q("t") and c.text:
                        s = tstr(c.text)
                        if bold is True and not bold_default:
                            s = f'text(weight: "bold", {s})'
                        elif bold is False and bold_default:
                            s = f'text(weight: "regular", {s})'
                        parts.append("#" + s)
                    elif c.tag == q("tab"):
                        parts.append("#TAB")
                    elif c.tag == q("br") and attr(c, "type") == "page":
                        parts.append("#pagebreak()")
        return "[" + "".join(parts) + "]"

    def para_style(self, p):
        ppr = p.find(q("pPr"))
        sid = attr(ppr.find(q("pStyle")), "val") if ppr is not None and ppr.find(q("pStyle")) is not None else "Normal"
        return sid, ppr

    def style_call(self, sid, body, ppr=None):
        self.used_styles.add(sid)
        args = ""
        if ppr is not None:
            jc = ppr.find(q("jc"))
            if jc is not None:
                args += f", align-to: {ALIGN.get(attr(jc, 'val'), 'left')}"
            ind = ppr.find(q("ind"))
            if ind is not None and attr(ind, "left") is not None:
                args += f", indent: {int(attr(ind, 'left')) / 20:g}pt"
        return f"#S-{safe(sid)}({body}{args})"

    def paragraph(self, p):
        sid, ppr = self.para_style(p)
        st = self.styles.get(sid, self.styles["Normal"])
        if ppr is not None and ppr.find(q("pageBreakBefore")) is not None:
            self.out.append("#pagebreak(weak: true)")
        text = "".join(t.text or "" for t in p.iter(q("t")))
        bm = p.find(q("bookmarkStart"))
        label = attr(bm, "name")
        lvl_el = ppr.find(q("outlineLvl")) if ppr is not None else None
        if sid.startswith("TOC"):
            self.toc_entry(p, sid)
        elif sid.startswith("Heading") or (lvl_el is not None and attr(lvl_el, "val") != "9"):
            level = int(attr(lvl_el, "val")) + 1 if lvl_el is not None and attr(lvl_el, "val") != "9" else int(sid[-1]) if sid[-1].isdigit() else 2
            outlined = "true" if label and not (lvl_el is not None and attr(lvl_el, "val") == "9") else "false"
            h = f"heading(level: {min(level, 6)}, outlined: {outlined}, bookmarked: {outlined}, {self.runs(p, st['bold'])})"
            lab = f" <{label}>" if label else ""
            self.out.append(self.style_call(sid, f"[#{h}{lab}]", ppr))
        elif text or sid not in ("TableNote",):
            if not text and ppr is not None and ppr.find(q("sectPr")) is not None:
                pass  # the empty carrier paragraph of a section break
            elif sid == "CoverTitle" or sid == "CoverLine":
                sp = ppr.find(q("spacing")) if ppr is not None else None
                if sp is not None and attr(sp, "before"):
                    self.out.append(f"#v({tw(attr(sp, 'before'))})")
                self.out.append(self.style_call(sid, self.runs(p, st["bold"]), ppr))
            else:
                self.out.append(self.style_call(sid, self.runs(p, st["bold"]), ppr))
        sect = ppr.find(q("sectPr")) if ppr is not None else None
        if sect is not None:
            self.section_end()

    def toc_entry(self, p, sid):
        st = self.styles[sid]
        link = p.find(q("hyperlink"))
        if link is None:
            text = "".join(t.text or "" for t in p.iter(q("t")))
            self.out.append(f"#S-{safe(sid)}({tstr(text)})")
            self.used_styles.add(sid)
            return
        # the entry text is the runs before the tab; the number after it comes from Typst
        text = ""
        for r in link.iter(q("r")):
            if r.find(q("tab")) is not None:
                break
            text += "".join(t.text or "" for t in r.iter(q("t")))
        target = attr(link, "anchor")
        self.used_styles.add(sid)
        self.out.append(f"#S-{safe(sid)}(toc-line({tstr(text)}, label({tstr(target)})))")

    # -------------------------------------------------------- tables
    def table(self, tbl):
        cols = [int(attr(g, "w")) for g in tbl.find(q("tblGrid")).iter(q("gridCol"))]
        rows = tbl.findall(q("tr"))
        grid_cells = []  # (row, cell dict)
        open_v = {}
        header_rows = 0
        for ri, tr in enumerate(rows):
            trpr = tr.find(q("trPr"))
            if trpr is not None and trpr.find(q("tblHeader")) is not None and header_rows == ri:
                header_rows += 1
            c = 0
            for tc in tr.findall(q("tc")):
                tcpr = tc.find(q("tcPr"))
                span = int(attr(tcpr.find(q("gridSpan")), "val", "1")) if tcpr is not None and tcpr.find(q("gridSpan")) is not None else 1
                vm = tcpr.find(q("vMerge")) if tcpr is not None else None
                if vm is not None and attr(vm, "val") != "restart":
                    if c in open_v:
                        open_v[c]["rowspan"] += 1
                    c += span
                    continue
                cell = {"row": ri, "col": c, "colspan": span, "rowspan": 1, "tc": tc}
                if vm is not None:
                    open_v[c] = cell
                else:
                    open_v.pop(c, None)
                grid_cells.append(cell)
                c += span
        head, body = [], []
        ncols = len(cols)
        for cell in grid_cells:
            (head if cell["row"] < header_rows else body).append(self.cell(cell, ncols))
        colspec = "(" + ", ".join(tw(w) for w in cols) + ("," if len(cols) == 1 else "") + ")"
        hdr = f"table.header({', '.join(head)})," if head else ""
        # Word's minimum row height (trHeight atLeast) → vertical inset around one 1-em line box
        heights = [int(attr(tr.find(q("trPr")).find(q("trHeight")), "val")) / 20 for tr in rows
                   if tr.find(q("trPr")) is not None and tr.find(q("trPr")).find(q("trHeight")) is not None]
        size = self.styles.get("TableText", self.styles["Normal"])["size"]
        inset = max(2.55, (max(set(heights), key=heights.count) - size) / 2) if heights else 2.55
        self.out.append(f"#tbl({colspec}, {inset:.2f}pt, {hdr} {', '.join(body)})")

    def cell(self, cell, ncols):
        tc = cell["tc"]
        paras = tc.findall(q("p"))
        sid, ppr = self.para_style(paras[0]) if paras else ("TableText", None)
        self.used_styles.add(sid)
        st = self.styles.get(sid, self.styles["Normal"])
        bodies = []
        for p in paras:
            s2, ppr2 = self.para_style(p)
            bodies.append(self.style_call(s2, self.runs(p, self.styles.get(s2, st)["bold"]), ppr2).lstrip("#"))
        content = bodies[0] if len(bodies) == 1 else "{" + "; ".join(bodies) + "}"
        args = []
        if cell["colspan"] > 1:
            args.append(f"colspan: {cell['colspan']}")
        if cell["rowspan"] > 1:
            args.append(f"rowspan: {cell['rowspan']}")
        tcpr = tc.find(q("tcPr"))
        borders = tcpr.find(q("tcBorders")) if tcpr is not None else None
        if borders is not None:  # the header block line: only a bottom rule, no side padding
            args.append("stroke: (top: none, left: none, right: none, bottom: 1pt)")
            args.append("inset: (x: 0pt, top: 0pt, bottom: 3pt)")
        va = tcpr.find(q("vAlign")) if tcpr is not None else None
        if va is not None and attr(va, "val") == "bottom":
            args.append("align: bottom")
        return f"table.cell({', '.join(args + [content])})"

    def section_end(self):
        self.section_index += 1
        if self.section_index < len(self.sections):
            self.out.append(page_set(self.sections[self.section_index], first=False))

    def body(self, body_el, sections):
        self.sections = sections
        self.section_index = 0
        self.out.append(page_set(sections[0], first=True))
        for el in body_el:
            if el.tag == q("p"):
                self.paragraph(el)
            elif el.tag == q("tbl"):
                self.table(el)


def safe(sid):
    return re.sub(r"[^A-Za-z0-9]", "-", sid)


def page_set(sect, first):
    pg = sect.find(q("pgSz"))
    mar = sect.find(q("pgMar"))
    w, h = int(attr(pg, "w")), int(attr(pg, "h"))
    margin = f"(top: {tw(attr(mar, 'top'))}, bottom: {tw(attr(mar, 'bottom'))}, left: {tw(attr(mar, 'left'))}, right: {tw(attr(mar, 'right'))})"
    footer = "footer-num" if sect.find(q("footerReference")) is not None else "none"
    s = (f"#set page(paper: \"a4\", flipped: {'true' if w > h else 'false'}, margin: {margin}, "
         f"footer: {footer}, footer-descent: {int(attr(mar, 'bottom')) / 20 - int(attr(mar, 'footer')) / 20 - 12:g}pt)")
    if sect.find(q("pgNumType")) is not None and attr(sect.find(q("pgNumType")), "start"):
        s += f"\n#counter(page).update({attr(sect.find(q('pgNumType')), 'start')})"
    return s


PREAMBLE = """// Generated by bench/pdf/docx2typst.py from a BudgetPress DOCX — do not edit.
#set document(title: {title}, author: {author})
#set text(lang: "zh", region: "cn", font: "Noto Serif CJK SC", size: 12pt)
#show heading: it => it.body
#let TAB = h(1fr)
#let footer-num = context align(center, text(font: "Noto Serif CJK SC", size: 10.5pt)[— #counter(page).display() —])
#let toc-line(title, target) = link(target, context {{
  let n = counter(page).at(locate(target)).first()
  [#title#box(width: 1fr, repeat(gap: 2pt)[.])#str(n)]
}})
#let tbl(columns, inset-y, ..cells) = {{
  set text(size: 10.5pt)
  table(columns: columns, stroke: 0.5pt, inset: (x: 3.4pt, y: inset-y), align: horizon, ..cells)
}}
"""


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(src) as z:
        styles = parse_styles(z.read("word/styles.xml"))
        doc = ET.fromstring(z.read("word/document.xml"))
        core = z.read("docProps/core.xml").decode() if "docProps/core.xml" in z.namelist() else ""
    title = re.search(r"<dc:title>([^<]*)</dc:title>", core)
    author = re.search(r"<dc:creator>([^<]*)</dc:creator>", core)
    body = doc.find(q("body"))
    sections = [s for s in body.iter(q("sectPr"))]
    conv = Conv(styles)
    conv.body(body, sections)
    fns = "".join(style_fn(safe(s), styles.get(s, styles["Normal"])) for s in sorted(conv.used_styles))
    pre = PREAMBLE.format(title=tstr(title.group(1) if title else ""), author=tstr(author.group(1) if author else ""))
    with open(dst, "w", encoding="utf-8") as f:
        f.write(pre + fns + "\n".join(conv.out) + "\n")


if __name__ == "__main__":
    main()
