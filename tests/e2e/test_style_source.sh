# One style source and one typesetting per department (issue 20, items 2 and 3):
# - the XLSX takes its font from the department's theme as loaded for the PDF and DOCX: its
#   `theme:` (from a site overlay), --theme, else default — not from a second reading of
#   themes/default.yaml;
# - a crafted theme (other families and type sizes, in a site overlay) reaches the PDF, the DOCX,
#   the department's XLSX and 汇总.xlsx alike; the default theme gives the XLSX sizes it always had;
# - a theme with a bad value stops every format once, with FILE:LINE:COL, and writes nothing;
# - PDF, DOCX and layout JSON built together (one layout shared) are byte-identical to each built
#   alone (each laid out on its own run).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000

# The families of an XLSX's fonts (xl/styles.xml), one a line (the first is libxlsxwriter's own
# default font, which no cell uses).
xlsx_font() {
  python3 - "$1" <<'PY'
import re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("xl/styles.xml"))
names = [n.get("val") for n in root.findall("m:fonts/m:font/m:name", ns)]
print("\n".join(names[1:]))
PY
}

# --- A crafted theme in a site overlay, named by the department's `theme:` ------------------------
S="$TMP/site"
mkdir -p "$S/themes" "$TMP/in"
sed -e 's/^  serif: .*/  serif: FandolKai/' config/themes/default.yaml >"$S/themes/xstyle.yaml"
check 'grep -q "serif: FandolKai" "$S/themes/xstyle.yaml"' "crafted theme not written"
sed -e 's/^  form: "2023"$/  form: "2023"\n  theme: xstyle/' tests/data/minimal.yaml >"$TMP/in/dept.yaml"
check 'grep -q "^  theme: xstyle" "$TMP/in/dept.yaml"' "crafted department has no theme: line"

"$BP" --site "$S" build -q --format xlsx --out "$TMP/out1" "$TMP/in/dept.yaml" >"$TMP/log1" 2>&1; rc=$?
check '[ "$rc" -eq 0 ]' "build with the department's site theme failed: rc=$rc $(cat "$TMP/log1")"
x=$(ls "$TMP"/out1/2023/*.xlsx 2>/dev/null | head -1)
check '[ -n "$x" ]' "no xlsx written: $(find "$TMP/out1")"
[ -n "$x" ] && f=$(xlsx_font "$x")
check '[ "$(sort -u <<<"$f")" = "FandolKai" ]' "XLSX fonts are '$f', expected the department theme's body family FandolKai"

# The same department without its theme: line keeps the default theme's body family.
"$BP" --site "$S" build -q --format xlsx --out "$TMP/out2" tests/data/minimal.yaml >/dev/null 2>&1
x=$(ls "$TMP"/out2/2023/*.xlsx 2>/dev/null | head -1)
[ -n "$x" ] && f=$(xlsx_font "$x")
want=$(python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["fonts"]["serif"])' config/themes/default.yaml)
check '[ -n "$want" ] && [ "$(sort -u <<<"$f")" = "$want" ]' "default-theme XLSX fonts are '$f', expected '$want'"

# --theme gongwen: the body style names the fangsong role (fonts.roles), whose family is the font.
"$BP" --theme gongwen build -q --format xlsx --out "$TMP/out3" tests/data/minimal.yaml >/dev/null 2>&1
x=$(ls "$TMP"/out3/2023/*.xlsx 2>/dev/null | head -1)
[ -n "$x" ] && f=$(xlsx_font "$x")
want=$(python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["fonts"]["roles"]["fangsong"])' config/themes/gongwen.yaml)
check '[ -n "$want" ] && [ "$(sort -u <<<"$f")" = "$want" ]' "--theme gongwen XLSX fonts are '$f', expected '$want'"

# --- Every format follows a crafted theme -------------------------------------------------------
# (name, size, bold) of every font an XLSX's cells use (xl/styles.xml; the first font is
# libxlsxwriter's own default, which no cell uses), one a line.
xlsx_fonts() {
  python3 - "$1" <<'PY'
import sys, zipfile
import xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("xl/styles.xml"))
for f in root.findall("m:fonts/m:font", ns)[1:]:
    print(f.find("m:name", ns).get("val"), f.find("m:sz", ns).get("val"),
          "bold" if f.find("m:b", ns) is not None else "regular")
PY
}
# Height of the tallest box of WORD in a PDF (pdftotext -bbox: a CJK word's box is its type size).
pdf_word_size() {
  pdftotext -bbox "$1" - 2>/dev/null | python3 -c '
import re, sys
want = sys.argv[1]
hs = [float(b) - float(a) for a, b, w in re.findall(r"yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">([^<]*)<", sys.stdin.read()) if w == want]
print(round(max(hs), 1) if hs else "none")' "$2"
}
# w:sz (half-points) and whether bold, of a paragraph style of a DOCX's word/styles.xml.
docx_style() {
  unzip -p "$1" word/styles.xml | python3 -c '
import sys
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
root = ET.fromstring(sys.stdin.buffer.read())
for s in root.iter(W + "style"):
    if s.get(W + "styleId") == sys.argv[1]:
        r = s.find(W + "rPr")
        sz = r.find(W + "sz").get(W + "val")
        b = r.find(W + "b")
        bold = b is not None and b.get(W + "val") not in ("0", "false")
        print(sz, "bold" if bold else "regular")' "$2"
}
docx_default_family() {
  unzip -p "$1" word/styles.xml | python3 -c '
import sys
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
root = ET.fromstring(sys.stdin.buffer.read())
print(root.find(W + "docDefaults").find(".//" + W + "rFonts").get(W + "eastAsia"))'
}

# The overlay's default.yaml: the default theme with the serif role in FandolKai (TeX Live's
# directory, as the gongwen theme names it) and every table size changed; the header grid not bold.
C="$TMP/craft"
mkdir -p "$C/themes" "$TMP/two"
python3 - config/themes/default.yaml config/themes/gongwen.yaml "$C/themes/default.yaml" <<'PY'
import sys, yaml
t = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
g = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
t["fonts"]["serif"] = "FandolKai"
t["fonts"]["dirs"] = g["fonts"]["dirs"]
t["styles"]["table_title"]["size"] = "二号"        # 22
t["table"]["header_block"]["size"] = "小三"        # 15
t["table"]["head"]["size"] = "四号"                # 14
t["table"]["head"]["bold"] = False
t["table"]["cell"]["size"] = "小四"                # 12
t["table"]["note"]["size"] = 8
yaml.safe_dump(t, open(sys.argv[3], "w", encoding="utf-8"), allow_unicode=True, sort_keys=False)
PY
cp tests/data/minimal.yaml "$TMP/two/a.yaml"
sed -e 's/code: "901"/code: "902"/; s/name: 测试局/name: 测试二局/' tests/data/minimal.yaml >"$TMP/two/b.yaml"
"$BP" --site "$C" build -q -f pdf,xlsx,docx -o "$TMP/craft-out" "$TMP/two" >"$TMP/craft.log" 2>&1; rc=$?
check '[ "$rc" -eq 0 ]' "build with the crafted theme failed: rc=$rc $(cat "$TMP/craft.log")"
"$BP" build -q -f pdf,xlsx,docx -o "$TMP/plain-out" "$TMP/two" >/dev/null 2>&1
O="$TMP/craft-out/2023"; P="$TMP/plain-out/2023"

# PDF: the serif role's face is embedded; table titles and header blocks at the theme's sizes.
check 'pdffonts "$O/901-测试局.pdf" | grep -q "FandolKai"' "crafted theme: PDF does not embed FandolKai: $(pdffonts "$O/901-测试局.pdf")"
check '[ "$(pdf_word_size "$O/901-测试局.pdf" 部门预算收支总表)" = 22.0 ]' "crafted theme: PDF table title is $(pdf_word_size "$O/901-测试局.pdf" 部门预算收支总表) pt, expected 22"
check '[ "$(pdf_word_size "$P/901-测试局.pdf" 部门预算收支总表)" = 16.0 ]' "default theme: PDF table title is $(pdf_word_size "$P/901-测试局.pdf" 部门预算收支总表) pt, expected 16"
check '[ "$(pdf_word_size "$O/901-测试局.pdf" 单位：万元)" = 15.0 ]' "crafted theme: PDF header block is $(pdf_word_size "$O/901-测试局.pdf" 单位：万元) pt, expected 15"

# DOCX: the table styles carry the same sizes and weight, the defaults the same family.
d="$O/901-测试局.docx"
check '[ "$(docx_default_family "$d")" = FandolKai ]' "crafted theme: DOCX default family is $(docx_default_family "$d")"
check '[ "$(docx_style "$d" TableTitle)" = "44 bold" ]' "crafted theme: DOCX TableTitle is '$(docx_style "$d" TableTitle)'"
check '[ "$(docx_style "$d" HeaderBlock)" = "30 regular" ]' "crafted theme: DOCX HeaderBlock is '$(docx_style "$d" HeaderBlock)'"
check '[ "$(docx_style "$d" TableHead)" = "28 regular" ]' "crafted theme: DOCX TableHead is '$(docx_style "$d" TableHead)'"
check '[ "$(docx_style "$d" TableText)" = "24 regular" ]' "crafted theme: DOCX TableText is '$(docx_style "$d" TableText)'"
check '[ "$(docx_style "$d" TableNote)" = "16 regular" ]' "crafted theme: DOCX TableNote is '$(docx_style "$d" TableNote)'"

# XLSX of a department and 汇总.xlsx: one family, the theme's sizes only (title 22 bold, body 12,
# header grid 14) — none of the default theme's 16 / 10.5 / 9.
for x in "$O/901-测试局.xlsx" "$O/汇总.xlsx"; do
  f=$(xlsx_fonts "$x")
  check '[ -n "$f" ] && [ "$(cut -d" " -f1 <<<"$f" | sort -u)" = FandolKai ]' "crafted theme: $(basename "$x") families: $f"
  check 'grep -qx "FandolKai 22 bold" <<<"$f" && grep -qx "FandolKai 12 regular" <<<"$f" && grep -q "^FandolKai 14 " <<<"$f"' "crafted theme: $(basename "$x") lacks the theme's title/body/head sizes: $f"
  check '! grep -qE " (16|10\.5|9) " <<<"$f"' "crafted theme: $(basename "$x") keeps a default size: $f"
  check '! grep -qE " ([0-9.]+) " <<<"$(grep -vE " (22|15|14|12|8) " <<<"$f")"' "crafted theme: $(basename "$x") has a size the theme does not name: $f"
done
f=$(xlsx_fonts "$O/901-测试局.xlsx")
check 'grep -qx "FandolKai 8 regular" <<<"$f" && grep -qx "FandolKai 15 regular" <<<"$f"' "crafted theme: XLSX notes (8) or header block (15) not at the theme's size: $f"
# The header grid follows head.bold: false (its cells bold only where the document says so, e.g.
# the 目录 sheet's), so regular 14 pt cells exist.
check 'grep -qx "FandolKai 14 regular" <<<"$f"' "crafted theme: XLSX header grid is bold although head.bold is false: $f"
# The default theme gives exactly the sizes the XLSX had when they were fixed in src/xlsx/.
for x in "$P/901-测试局.xlsx" "$P/汇总.xlsx"; do
  f=$(xlsx_fonts "$x")
  check '[ -n "$f" ] && ! grep -vqE " (16|10\.5|9) " <<<"$f" && grep -q " 16 bold" <<<"$f"' "default theme: $(basename "$x") sizes: $f"
done

# --- A theme with a bad value: every format stops once with FILE:LINE:COL, nothing written -------
B="$TMP/badsite"
mkdir -p "$B/themes"
printf 'table:\n  cell: {size: 大四}\n' >"$B/themes/default.yaml"
for fmt in pdf xlsx docx json txt pdf,xlsx,docx,json; do
  out=$("$BP" --site "$B" build -f "$fmt" -o "$TMP/bad-$fmt" "$TMP/two" 2>&1); rc=$?
  check '[ "$rc" -eq 2 ]' "bad theme, -f $fmt: rc=$rc $out"
  # Reported once, before any department (E628, as for a PDF), with the theme's own E601 and
  # FILE:LINE:COL of the bad value.
  check '[ "$(grep -c "default.yaml:2:16: " <<<"$out")" -eq 1 ] && grep -q "错误\[E628\].*default.yaml:2:16: .*table.cell.size.*大四.*（E601）" <<<"$out"' "bad theme, -f $fmt: not one E601 at FILE:LINE:COL naming the key: $out"
  check '[ -z "$(find "$TMP/bad-$fmt" -type f 2>/dev/null)" ]' "bad theme, -f $fmt: files written: $(find "$TMP/bad-$fmt" -type f 2>/dev/null)"
done
out=$("$BP" --site "$B" check "$TMP/two" 2>&1); rc=$?
check '[ "$rc" -eq 2 ] && [ "$(grep -c "default.yaml:2:16: " <<<"$out")" -eq 1 ]' "bad theme, check: rc=$rc $out"

# A department's own theme with a bad value: its error at `check` (E860 at the theme: key, quoting
# the theme's E601 and FILE:LINE:COL), the same at `build`, which writes nothing for it.
cp "$B/themes/default.yaml" "$B/themes/xbad.yaml"
cp config/themes/default.yaml "$B/themes/default.yaml"
sed -e 's/^  form: "2023"$/  form: "2023"\n  theme: xbad/' tests/data/minimal.yaml >"$TMP/xbad.yaml"
line=$(grep -n "^  theme: xbad" "$TMP/xbad.yaml" | cut -d: -f1)
check '[ -n "$line" ]' "department with theme: xbad not written"
out=$("$BP" --site "$B" check "$TMP/xbad.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 1 ] && grep -q "xbad.yaml:$line:10: 错误\[E860\].*xbad.yaml:2:16: .*table.cell.size.*（E601）" <<<"$out"' "department theme with a bad value, check: rc=$rc $out"
out=$("$BP" --site "$B" build -f xlsx,json -o "$TMP/xbad-out" "$TMP/xbad.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 1 ] && grep -q "E860" <<<"$out" && [ -z "$(find "$TMP/xbad-out" -name "*.xlsx" -o -name "*.json" 2>/dev/null | grep -v manifest)" ]' "department theme with a bad value, build: rc=$rc $out"

# --- Typeset once: the shared layout gives the bytes each output gets alone ------------------------
E=examples/2023/434.yaml
"$BP" build -q --format pdf,docx,layout --out "$TMP/all" "$E" >/dev/null 2>&1; rc=$?
check '[ "$rc" -eq 0 ]' "pdf,docx,layout build failed: rc=$rc"
for fmt in pdf docx layout; do
  "$BP" build -q --format "$fmt" --out "$TMP/one-$fmt" "$E" >/dev/null 2>&1
  ext=$fmt; [ "$fmt" = layout ] && ext=layout.json
  a=$(ls "$TMP"/all/2023/*."$ext" 2>/dev/null | head -1)
  b=$(ls "$TMP"/one-"$fmt"/2023/*."$ext" 2>/dev/null | head -1)
  check '[ -n "$a" ] && [ -n "$b" ] && cmp -s "$a" "$b"' "$ext built with the others differs from $ext built alone"
done
finish
