#!/usr/bin/env python3
"""Writes the malformed-workbook corpus of `budgetpress import` (tests/e2e/test_import_bad.sh).

usage: make_bad_workbooks.py BASE.xlsx OUTDIR

BASE is a good workbook (our own export of examples/2024/201.yaml, built by the test). Each case
is BASE with one defect, written with zipfile — no binary blobs in the repository. OUTDIR gets the
files and expected.tsv: file<TAB>text the error must contain (a sheet!cell where there is one).
"""
import io
import re
import sys
import zipfile

base, out = sys.argv[1], sys.argv[2]
src = zipfile.ZipFile(base)
parts = {n: src.read(n) for n in src.namelist()}
wb = parts["xl/workbook.xml"].decode()
rels = parts["xl/_rels/workbook.xml.rels"].decode()


def part_of(sheet):
    rid = re.search(r'<sheet name="%s" sheetId="\d+" r:id="(rId\d+)"' % re.escape(sheet), wb).group(1)
    target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % rid, rels) or re.search(
        r'Target="([^"]+)"[^>]*Id="%s"' % rid, rels)
    return "xl/" + target.group(1).lstrip("/").replace("xl/", "", 1)


EXP = part_of("支出总表")
PROJ = part_of("项目绩效目标")
INST = part_of("机构设置")
PROC = part_of("政府采购预算")
expected = []


def write(name, files, expect, order=None):
    with zipfile.ZipFile(f"{out}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        for n in order or files:
            if n in files:
                z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), files[n])
    expected.append((name, expect))


def raw(name, data, expect):
    with open(f"{out}/{name}", "wb") as f:
        f.write(data)
    expected.append((name, expect))


def with_part(part, text):
    files = dict(parts)
    files[part] = text.encode() if isinstance(text, str) else text
    return files


def set_cell(part, ref, element):
    """The cell `ref` of `part` replaced by `element` (an empty string deletes it)."""
    s = parts[part].decode()
    pat = re.compile(r'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref)
    assert pat.search(s), (part, ref)
    return pat.sub(lambda m: element, s, count=1)


def shared_index(text):
    sst = parts["xl/sharedStrings.xml"].decode()
    items = re.findall(r"<si>(.*?)</si>", sst, re.S)
    for i, si in enumerate(items):
        if "".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)) == text:
            return i
    raise KeyError(text)


# --- not a workbook at all ---------------------------------------------------------------------
raw("not-zip.xlsx", "这不是工作簿，只是改了扩展名的文本文件\n".encode(), "不是 .xlsx")
raw("empty.xlsx", b"", "不是 .xlsx")
raw("truncated.xlsx", open(base, "rb").read()[:3000], "错误")
ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504
raw("old-format.xls", ole + "Workbook".encode("utf-16-le") + b"\0" * 4096, ".xls 旧格式")
raw("renamed-xls.xlsx", ole + "Workbook".encode("utf-16-le") + b"\0" * 4096, ".xls 旧格式")
raw("encrypted.xlsx", ole + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64 +
    "EncryptedPackage".encode("utf-16-le") + b"\0" * 4096, "已加密")
docx = io.BytesIO()
with zipfile.ZipFile(docx, "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", "<w:document/>")
raw("docx-renamed.xlsx", docx.getvalue(), "缺少")

# --- broken package parts ----------------------------------------------------------------------
files = dict(parts)
del files["xl/workbook.xml"]
write("no-workbook-part.xlsx", files, "缺少")
write("workbook-not-xml.xlsx", with_part("xl/workbook.xml", "<workbook><sheets>"), "不是有效的 XML")
write("sheet-not-xml.xlsx", with_part(EXP, parts[EXP][: len(parts[EXP]) // 2]), "不是有效的 XML")
write("sst-not-xml.xlsx", with_part("xl/sharedStrings.xml", "<sst><si><t>未闭合"), "不是有效的 XML")
files = dict(parts)
del files[EXP]
write("sheet-part-missing.xlsx", files, "工作表“支出总表”的内容")
write("no-sheets.xlsx",
      with_part("xl/workbook.xml", re.sub(r"<sheets>.*</sheets>", "<sheets/>", wb, flags=re.S)),
      "没有工作表")

# --- sheets missing or twice -------------------------------------------------------------------
no_exp = re.sub(r'<sheet name="支出总表"[^>]*/>', "", wb)
write("missing-expenditure.xlsx", with_part("xl/workbook.xml", no_exp), "没有找到部门预算支出总表")
# The 收入总表's title cell says 部门预算支出总表: two titled 支出总表.
inc = part_of("收入总表")
title = shared_index("部门预算支出总表")
write("duplicated-expenditure.xlsx",
      with_part(inc, set_cell(inc, "A1", f'<c r="A1" t="s"><v>{title}</v></c>')), "都是支出总表，请删除多余的一张")

# --- cells ---------------------------------------------------------------------------------------
write("sst-index-out-of-range.xlsx",
      with_part(EXP, set_cell(EXP, "C9", '<c r="C9" t="s"><v>99999</v></c>')),
      "支出总表!C9 引用了不存在的共享字符串")
write("text-in-amount.xlsx",
      with_part(EXP, set_cell(EXP, "E9", '<c r="E9" t="inlineStr"><is><t>叁佰玖拾叁</t></is></c>')),
      "支出总表!E9")
write("bad-thousands.xlsx",
      with_part(EXP, set_cell(EXP, "E9", '<c r="E9" t="str"><v>39,3.92</v></c>')), "支出总表!E9")
write("formula-no-cache.xlsx",
      with_part(EXP, set_cell(EXP, "E9", '<c r="E9"><f>SUM(E10:E11)</f></c>')),
      "支出总表!E9: 公式没有保存计算结果")
write("error-value.xlsx",
      with_part(EXP, set_cell(EXP, "E9", '<c r="E9" t="e"><v>#DIV/0!</v></c>')),
      "支出总表!E9: 单元格是错误值 #DIV/0!")
write("bool-in-amount.xlsx",
      with_part(EXP, set_cell(EXP, "E9", '<c r="E9" t="b"><v>1</v></c>')), "支出总表!E9: 金额单元格是逻辑值")
write("bad-cell-ref.xlsx",
      with_part(EXP, set_cell(EXP, "E9", '<c r="XFE9"><v>1</v></c>')), "单元格引用“XFE9”无效")
write("bad-code.xlsx",
      with_part(EXP, set_cell(EXP, "B9", '<c r="B9" t="inlineStr"><is><t>2O13101</t></is></c>')),
      "支出总表!B9")
s = parts[EXP].decode()
code9 = re.search(r'<c r="B9"[^>]*?>(.*?)</c>', s).group(0)
write("duplicated-code.xlsx",
      with_part(EXP, set_cell(EXP, "B10", code9.replace('r="B9"', 'r="B10"'))), "重复")

# --- merged cells in odd places ----------------------------------------------------------------
s = parts[EXP].decode().replace("</mergeCells>", '<mergeCell ref="E9:E10"/></mergeCells>')
s = re.sub(r'<mergeCells count="\d+"', lambda m: m.group(0), s)
write("merged-amounts.xlsx", with_part(EXP, s), "支出总表!E9: 金额单元格与下面 1 行合并")
s = parts[EXP].decode().replace("</mergeCells>", '<mergeCell ref="A1:ZZZZ9"/></mergeCells>')
write("bad-merge-ref.xlsx", with_part(EXP, s), "合并区域“A1:ZZZZ9”无效")

# --- size ------------------------------------------------------------------------------------------
s = parts[EXP].decode()
rows = "".join(f'<row r="{r}"><c r="C{r}" t="inlineStr"><is><t>行{r}</t></is></c></row>'
               for r in range(30, 100030))
write("100000-rows.xlsx", with_part(EXP, s.replace("</sheetData>", rows + "</sheetData>")),
      "有 100029 行，超过 20000 行的上限")
s = parts[EXP].decode()
s = s.replace('<row r="3" spans="1:10"', '<row r="3"', 1)
s = re.sub(r'(<row r="3"[^>]*>)(.*?)(</row>)',
           lambda m: m.group(1) + m.group(2) + '<c r="XFD3" t="inlineStr"><is><t>多余</t></is></c>' + m.group(3),
           s, count=1, flags=re.S)
write("16384-columns.xlsx", with_part(EXP, s), "一直到 XFD 列")

# A zip bomb: one sheet part that inflates past the 256 MB cap (a few hundred KB on disk).
with zipfile.ZipFile(f"{out}/zip-bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, data in parts.items():
        if n != EXP:
            z.writestr(zipfile.ZipInfo(n, (1980, 1, 1, 0, 0, 0)), data)
    info = zipfile.ZipInfo(EXP, (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as f:
        f.write(parts[EXP][:-len(b"</worksheet>")])
        chunk = b" " * (1 << 20)
        for _ in range(300):
            f.write(chunk)
        f.write(b"</worksheet>")
expected.append(("zip-bomb.xlsx", "过大"))

# --- the parts beyond the 9 tables -----------------------------------------------------------------
write("bad-spend-plan.xlsx",
      with_part(PROJ, set_cell(PROJ, "B7", '<c r="B7" t="inlineStr"><is><t>一季度过半</t></is></c>')),
      "项目绩效目标!B7: 资金支出计划")
write("bad-procurement-quantity.xlsx",
      with_part(PROC, set_cell(PROC, "F8", '<c r="F8" t="inlineStr"><is><t>两台</t></is></c>')),
      "政府采购预算!F8: 数量")
write("bad-procurement-amount.xlsx",
      with_part(PROC, set_cell(PROC, "I8", '<c r="I8" t="inlineStr"><is><t>一万</t></is></c>')),
      "政府采购预算!I8")
s = parts[INST].decode()
s = s.replace("</sheetData>", '<row r="4"><c r="A4" t="inlineStr"><is><t>下属单位</t></is></c>'
              '<c r="B4" t="inlineStr"><is><t>事业</t></is></c></row></sheetData>')
# 机构设置 of 201 has no 单位编码 column: put a non-numeric code under a new one.
s = s.replace('<c r="A2"', '<c r="E2" t="inlineStr"><is><t>单位编码</t></is></c><c r="A2"', 1)
s = s.replace('<c r="A3"', '<c r="E3" t="inlineStr"><is><t>二〇一</t></is></c><c r="A3"', 1)
write("bad-institution-code.xlsx", with_part(INST, s), "机构设置!E3: 单位编码")

with open(f"{out}/expected.tsv", "w", encoding="utf-8") as f:
    for name, exp in expected:
        f.write(f"{name}\t{exp}\n")
print(len(expected), "malformed workbooks")
