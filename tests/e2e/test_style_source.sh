# One style source and one typesetting per department (issue 20, items 2 and 3):
# - the XLSX takes its font from the department's theme as loaded for the PDF and DOCX: its
#   `theme:` (from a site overlay), --theme, else default — not from a second reading of
#   themes/default.yaml;
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
