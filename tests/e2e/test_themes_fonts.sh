# Issue 17 (part A): named themes (--theme, department.theme), the GB/T 9704 公文 theme on Fandol
# fonts, TrueType (glyf) fonts embedded as subset CIDFontType2 with synthetic bold, the title page's
# date, issuing-unit and logo slots, and configuration errors (Chinese, with codes).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
IN=tests/data/minimal.yaml
export SOURCE_DATE_EPOCH=1700000000

# pdffonts rows: name type … emb sub uni (the last three columns before the object id).
fonts_ok() {  # PDF TYPE → every font embedded, subset, with ToUnicode and of the type
  pdffonts "$1" | tail -n +3 | awk -v t="$2" '
    { n++; if ($0 !~ t) bad++; if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad++ }
    END { exit (n > 0 && bad == 0) ? 0 : 1 }'
}
ink() {  # PNG (P6 via pdftoppm -ppm) → share of dark pixels × 10000
  python3 - "$1" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
# P6\nW H\n255\n<rgb>
parts = data.split(b'\n', 3)
w, h = map(int, parts[1].split())
px = parts[3]
dark = sum(1 for i in range(0, len(px), 3) if px[i] < 128)
print(dark * 10000 // (w * h))
PY
}

# 1. The 公文 theme: Fandol (CFF) fonts for every role, the text extracts, the file is valid.
out=$("$BP" --theme gongwen build -f pdf,docx,txt -o "$TMP/gw" "$IN" 2>&1); rc=$?
check '[ "$rc" -eq 0 ]' "gongwen build: rc=$rc $out"
pdf=$(ls "$TMP"/gw/2023/*.pdf 2>/dev/null)
check '[ -n "$pdf" ] && qpdf --check "$pdf" >/dev/null 2>&1' "gongwen: PDF invalid"
check 'fonts_ok "$pdf" "CID Type 0C"' "gongwen: fonts not embedded subset CFF: $(pdffonts "$pdf" 2>&1)"
for f in FandolFang FandolHei FandolKai FandolSong-Bold; do
  check 'pdffonts "$pdf" | grep -q "+$f"' "gongwen: $f not used: $(pdffonts "$pdf" 2>&1)"
done
check 'pdftotext "$pdf" - | grep -q "测试局"' "gongwen: text does not extract"
check 'unzip -p "$TMP"/gw/2023/*.docx word/fontTable.xml | grep -q FandolFang' "gongwen: DOCX font table lacks FandolFang"
# 仿宋 三号 body: the first body line of the 情况说明 is 16 pt FandolFang (pdftotext -bbox heights).
pdftoppm -r 40 -f 3 -l 3 "$pdf" "$TMP/gw-page"
check '[ "$(ink "$TMP"/gw-page*.ppm)" -gt 20 ]' "gongwen: page 3 renders blank"
# Same input, same bytes.
"$BP" --theme gongwen build --force -f pdf -o "$TMP/gw2" "$IN" >/dev/null 2>&1
check 'cmp -s "$pdf" "$TMP"/gw2/2023/*.pdf' "gongwen: output not deterministic"

# 2. TrueType fonts for every role (a copied configuration with its own theme): CIDFontType2 subsets
#    of WenQuanYi Zen Hei and AR PL UMing; bold headings and table heads are synthetic bold.
W="$TMP/site"
mkdir -p "$W"
cp -r config templates "$W"/
cat >"$W/config/themes/tt.yaml" <<'YAML'
name: tt
fonts:
  serif: AR PL UMing CN
  sans: WenQuanYi Zen Hei
  fallbacks: [AR PL UMing CN, WenQuanYi Zen Hei]
YAML
out=$("$BP" --config "$W/config" --theme tt build -f pdf -o "$TMP/tt" examples/2023/434.yaml 2>&1); rc=$?
check '[ "$rc" -eq 0 ]' "truetype build: rc=$rc $out"
pdf=$(ls "$TMP"/tt/2023/*.pdf 2>/dev/null)
check '[ -n "$pdf" ] && qpdf --check "$pdf" >/dev/null 2>&1' "truetype: PDF invalid"
check 'fonts_ok "$pdf" "CID TrueType"' "truetype: not all fonts embedded subset CID TrueType: $(pdffonts "$pdf" 2>&1)"
check '[ "$(pdffonts "$pdf" | tail -n +3 | wc -l)" -eq 2 ]' "truetype: expected 2 font subsets (bold shares the regular one): $(pdffonts "$pdf")"
check 'pdffonts "$pdf" | grep -q "+WenQuanYiZenHei" && pdffonts "$pdf" | grep -q "+UMingCN"' "truetype: families missing"
txt=$(pdftotext "$pdf" - 2>/dev/null)
for s in "秦皇岛经济技术开发区管理委员会办公室" "部门预算收支总表" "一般公共预算拨款收入" "2075.36"; do
  check 'grep -q "$s" <<<"$txt"' "truetype: '$s' does not extract"
done
size=$(stat -c %s "$pdf")
check '[ "$size" -lt 1500000 ]' "truetype: PDF of $size bytes (the fonts are 10–20 MB: not subset?)"
# The synthetic bold is drawn filled and stroked: qpdf's uncompressed content shows 2 Tr.
qpdf --qdf --object-streams=disable "$pdf" "$TMP/tt-qdf.pdf" 2>/dev/null
check 'grep -aq "2 Tr" "$TMP/tt-qdf.pdf"' "truetype: no synthetic bold (2 Tr) in the content"
check 'grep -aq "/CIDToGIDMap /Identity" "$TMP/tt-qdf.pdf"' "truetype: no /CIDToGIDMap"
check 'grep -aq "/FontFile2" "$TMP/tt-qdf.pdf"' "truetype: no /FontFile2"
# Rendered: the glyphs the content addresses exist in the subsets (a wrong CID renders blank or
# as .notdef boxes); each page has ink and the table page about as much as with the default fonts.
pdftoppm -r 40 -f 3 -l 3 "$pdf" "$TMP/tt-page"
"$BP" build -f pdf -o "$TMP/def" examples/2023/434.yaml >/dev/null 2>&1
pdftoppm -r 40 -f 3 -l 3 "$TMP"/def/2023/*.pdf "$TMP/def-page"
a=$(ink "$TMP"/tt-page*.ppm); b=$(ink "$TMP"/def-page*.ppm)
check '[ "$a" -gt 50 ] && [ "$a" -gt $((b / 2)) ] && [ "$a" -lt $((b * 2)) ]' "truetype: page 3 ink $a vs $b with the default fonts"
# Every glyph drawn maps back to its character: a regular and a bold (synthetic) run extract alike.
check 'grep -q "第一部分" <<<"$txt"' "truetype: bold heading does not extract"

# 3. department.theme selects a theme; --theme wins; an unknown name is an error of the file (E604).
sed 's/^  form: "2023"/  form: "2023"\n  theme: gongwen/' "$IN" >"$TMP/with-theme.yaml"
out=$("$BP" check "$TMP/with-theme.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 0 ]' "department.theme gongwen: check rc=$rc $out"
"$BP" build -f pdf -o "$TMP/dt" "$TMP/with-theme.yaml" >/dev/null 2>&1
check 'pdffonts "$TMP"/dt/2023/*.pdf | grep -q FandolFang' "department.theme gongwen: not used"
"$BP" --theme default build -f pdf -o "$TMP/dt2" "$TMP/with-theme.yaml" >/dev/null 2>&1
check '! pdffonts "$TMP"/dt2/2023/*.pdf | grep -q Fandol' "--theme default does not win over department.theme"
sed 's/^  form: "2023"/  form: "2023"\n  theme: gongwne/' "$IN" >"$TMP/bad-theme.yaml"
out=$("$BP" check "$TMP/bad-theme.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 1 ]' "unknown department.theme: rc=$rc"
check 'grep -q "bad-theme.yaml:8:10: 错误\[E604\]" <<<"$out"' "unknown department.theme: no E604 at the key: $out"
check 'grep -q "gongwne" <<<"$out" && grep -q "gongwen" <<<"$out"' "E604 does not name the theme and the existing ones: $out"

# 4. Configuration errors: --theme unknown (E600) or unreadable (E601) stops once with exit 2
#    before any department; a missing font family (E602) names the family.
out=$("$BP" --theme nosuch build -f pdf -o "$TMP/none" "$IN" 2>&1); rc=$?
check '[ "$rc" -eq 2 ]' "--theme nosuch: rc=$rc $out"
check 'grep -q "错误\[E600\]" <<<"$out" && grep -q "找不到主题“nosuch”" <<<"$out"' "--theme nosuch: message: $out"
check '[ ! -e "$TMP/none" ]' "--theme nosuch: output directory created"
printf 'styles:\n  body: {size: 三号, font: fangsong}\n' >"$W/config/themes/badrole.yaml"
out=$("$BP" --config "$W/config" --theme badrole build -f pdf -o "$TMP/none" "$IN" 2>&1); rc=$?
check '[ "$rc" -eq 2 ]' "theme with an undefined role: rc=$rc $out"
check 'grep -q "badrole.yaml:2:.*错误\[E601\].*fangsong" <<<"$out"' "undefined role: message: $out"
printf 'fonts: [unclosed\n' >"$W/config/themes/broken.yaml"
out=$("$BP" --config "$W/config" --theme broken check "$IN" 2>&1); rc=$?
check '[ "$rc" -eq 2 ] && grep -q "broken.yaml:.*错误\[E601\]" <<<"$out"' "broken theme YAML: rc=$rc $out"
printf 'fonts:\n  serif: No Such Font 仿宋\n' >"$W/config/themes/nofont.yaml"
out=$("$BP" --config "$W/config" --theme nofont build -f pdf -o "$TMP/nofont" "$IN" 2>&1); rc=$?
check '[ "$rc" -ne 0 ]' "missing font family: rc=$rc"
check 'grep -q "找不到字体“No Such Font 仿宋”" <<<"$out" && grep -q "E602" <<<"$out"' "missing font family: message: $out"
check '[ -z "$(ls "$TMP"/nofont/2023/*.pdf 2>/dev/null)" ]' "missing font family: a PDF was written"

# 5. Title page: date line with its label, issuing unit and logo (PDF image, DOCX picture).
python3 - "$TMP/logo.png" <<'PY'
import struct, sys, zlib
w, h = 60, 40
raw = b''.join(b'\x00' + bytes([200, 30, 30]) * w for _ in range(h))
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) \
    + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY
title() {  # extra department lines → $TMP/title.yaml
  { sed -n '1,7p' "$IN"; printf '  title_page:\n'; printf '    %s\n' "$@"; sed -n '8,$p' "$IN"; } >"$TMP/title.yaml"
}
title "date: 2025-01-20" "issuer: 示例区财政局" "logo: logo.png"
out=$("$BP" check "$TMP/title.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 0 ]' "title_page: check rc=$rc $out"
out=$("$BP" build -f pdf,docx,txt -o "$TMP/tp" "$TMP/title.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 0 ]' "title_page: build rc=$rc $out"
pdf=$(ls "$TMP"/tp/2023/*.pdf 2>/dev/null)
p1=$(pdftotext -f 1 -l 1 "$pdf" - 2>/dev/null | tr -d ' ')  # no Han–digit spaces
check 'grep -q "公开日期：2025年1月20日" <<<"$p1"' "title_page: no date line: $p1"
check 'grep -q "示例区财政局" <<<"$p1"' "title_page: no issuer line: $p1"
check '[ "$(pdfimages -list -f 1 -l 1 "$pdf" | tail -n +3 | wc -l)" -eq 1 ]' "title_page: no logo image on page 1"
check 'pdfimages -list "$pdf" | tail -n +3 | awk "{exit !(\$4 == 60 && \$5 == 40)}"' "title_page: logo not 60×40: $(pdfimages -list "$pdf")"
check 'qpdf --check "$pdf" >/dev/null 2>&1' "title_page: PDF invalid"
check 'grep -q "公开日期：2025年1月20日" "$TMP"/tp/2023/*.txt' "title_page: TXT lacks the date line"
docx=$(ls "$TMP"/tp/2023/*.docx)
check 'unzip -l "$docx" | grep -q "word/media/logo.png"' "title_page: DOCX lacks the logo part"
check 'cmp -s <(unzip -p "$docx" word/media/logo.png) "$TMP/logo.png"' "title_page: DOCX logo differs from the file"
check 'unzip -p "$docx" word/document.xml | python3 -c "import sys, xml.dom.minidom as m; m.parseString(sys.stdin.buffer.read())"' "title_page: document.xml not well-formed"
check 'unzip -p "$docx" word/document.xml | grep -q "r:embed=\"rId6\""' "title_page: DOCX picture not referenced"
check 'unzip -p "$docx" word/_rels/document.xml.rels | grep -q "media/logo.png"' "title_page: DOCX relationship missing"
check 'unzip -p "$docx" word/document.xml | grep -q "示例区财政局"' "title_page: DOCX lacks the issuer"
title "date: 2025-02" "date_label: 编制日期"
"$BP" build -f txt -o "$TMP/tp2" "$TMP/title.yaml" >/dev/null 2>&1
check 'grep -q "^编制日期：2025年2月$" "$TMP"/tp2/2023/*.txt' "title_page: date_label not used"
# Without title_page nothing changes: no date line.
"$BP" build -f txt -o "$TMP/tp3" "$IN" >/dev/null 2>&1
check '! grep -q "公开日期" "$TMP"/tp3/2023/*.txt' "a date line without title_page.date"
# Bureau-wide slots from the theme; the department's own values win.
cp "$TMP/logo.png" "$W/config/themes/bureau-logo.png"
printf 'title_page:\n  issuer: 示例区财政局办公室\n  date_label: 编制日期\n  logo: bureau-logo.png\n' >"$W/config/themes/bureau.yaml"
title "date: 2025-03-01"
out=$("$BP" --config "$W/config" --theme bureau build -f pdf,txt -o "$TMP/tp4" "$TMP/title.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 0 ]' "theme title_page: rc=$rc $out"
check 'grep -q "^编制日期：2025年3月1日$" "$TMP"/tp4/2023/*.txt && grep -q "^示例区财政局办公室$" "$TMP"/tp4/2023/*.txt' "theme title_page: slots not used: $(head -5 "$TMP"/tp4/2023/*.txt)"
check '[ "$(pdfimages -list "$TMP"/tp4/2023/*.pdf | tail -n +3 | wc -l)" -eq 1 ]' "theme title_page: no logo"
title "date: 2025-03-01" "issuer: 部门自己的发布单位" "date_label: 公开日期"
"$BP" --config "$W/config" --theme bureau build -f txt -o "$TMP/tp5" "$TMP/title.yaml" >/dev/null 2>&1
check 'grep -q "^公开日期：2025年3月1日$" "$TMP"/tp5/2023/*.txt && grep -q "^部门自己的发布单位$" "$TMP"/tp5/2023/*.txt' "department title_page does not win over the theme's"
printf 'title_page:\n  logo: no-such-logo.png\n' >"$W/config/themes/badlogo.yaml"
out=$("$BP" --config "$W/config" --theme badlogo build -f pdf -o "$TMP/none" "$IN" 2>&1); rc=$?
check '[ "$rc" -eq 2 ] && grep -q "badlogo.yaml:2:.*错误\[E605\]" <<<"$out"' "theme with a missing logo: rc=$rc $out"
# Bad values are errors of the department at check.
title "date: 2025-02-30"
out=$("$BP" check "$TMP/title.yaml" 2>&1)
check 'grep -q "title.yaml:9:11: 错误\[E610\]" <<<"$out"' "bad date: no E610: $out"
title "logo: missing.png"
out=$("$BP" check "$TMP/title.yaml" 2>&1)
check 'grep -q "错误\[E605\].*missing.png" <<<"$out"' "missing logo: no E605: $out"
echo "GIF89a not a png" >"$TMP/fake.png"
title "logo: fake.png"
out=$("$BP" check "$TMP/title.yaml" 2>&1)
check 'grep -q "错误\[E605\].*不是 PNG" <<<"$out"' "not a PNG: no E605: $out"
title "colour: red"
out=$("$BP" check "$TMP/title.yaml" 2>&1)
check 'grep -q "错误\[E004\]" <<<"$out"' "unknown title_page key accepted: $out"

finish
