# Hostile and broken files in the project font directory (issue 9). The configuration is copied to a
# temporary directory whose sibling fonts/ (searched before the system fonts) holds the bad files.
# A broken file of a family the theme uses gives a clear error naming the file and never a crash;
# broken files that no style uses, and FIFOs (which used to hang the build), do not matter.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
NOTO=/usr/share/fonts/opentype/noto
W="$TMP/site"
mkdir -p "$W/fonts"
cp -r config templates "$W"/
IN=tests/data/minimal.yaml

build() {  # → exit code; output in $TMP/err
  timeout -k 5 120 "$BP" --config "$W/config" build --force -f pdf -o "$W/out" "$IN" >/dev/null 2>"$TMP/err"
}
crashed() { [ "$1" -ge 124 ]; }  # timeout, signals (134 abort, 139 segv …)
temps() { find "$W/out" -name '.*.tmp.*' -o -name '.budgetpress-staging.*' 2>/dev/null; }

# 1. Junk that is not a font at all, and truncated fonts fontconfig cannot read: ignored.
echo "this is not a font" >"$W/fonts/readme.otf"
: >"$W/fonts/empty.ttf"
printf '\x00\x01\x00\x00\x00\x0c\x00\x80\x00\x03' >"$W/fonts/header-only.ttf"
head -c 100000 "$NOTO/NotoSansCJK-Regular.ttc" >"$W/fonts/trunc-100k.ttc"
head -c $(( $(stat -c %s "$NOTO/NotoSerifCJK-Regular.ttc") / 2 )) "$NOTO/NotoSerifCJK-Regular.ttc" >"$W/fonts/trunc-half.ttc"
mkdir -p "$W/fonts/sub" && ln -s /nonexistent/font.ttf "$W/fonts/sub/dangling.ttf"
ln -s . "$W/fonts/sub/loop"
mkfifo "$W/fonts/fifo.ttf"  # fontconfig opened it and blocked forever
build; rc=$?
check '[ "$rc" -eq 0 ]' "junk in fonts/: rc=$rc $(head -3 "$TMP/err")"
f=$(ls "$W"/out/2023/*.pdf 2>/dev/null | head -1)
check '[ -n "$f" ] && qpdf --check "$f" >/dev/null 2>&1' "junk in fonts/: no valid PDF"

# 2. A corrupted copy of a family the theme uses (its name table intact, so fontconfig lists it and
#    it is preferred over the system font): the department fails with the file named.
python3 - "$NOTO/NotoSerifCJK-Regular.ttc" "$W/fonts/serif-corrupt.ttc" <<'PY'
import random, sys
data = bytearray(open(sys.argv[1], 'rb').read())
rng = random.Random(1)
for _ in range(200):
    at = rng.randrange(len(data) // 10, len(data) - 2048)
    data[at:at + 2048] = bytes(rng.randrange(256) for _ in range(2048))
open(sys.argv[2], 'wb').write(data)
PY
check 'fc-scan --format "%{family}\n" "$W/fonts/serif-corrupt.ttc" | grep -q "Noto Serif CJK SC"' "the corrupted copy should still be listed by fontconfig"
rm -rf "$W/out"
build; rc=$?
check '! crashed $rc && [ "$rc" -eq 1 ]' "corrupted serif: rc=$rc (want 1, no crash) $(head -3 "$TMP/err")"
check 'grep -q "错误.*serif-corrupt.ttc" "$TMP/err"' "corrupted serif: the error does not name the file: $(head -3 "$TMP/err")"
check '[ -z "$(ls "$W"/out/2023/*.pdf 2>/dev/null)" ]' "corrupted serif: a PDF was written"
check '[ -z "$(temps)" ]' "corrupted serif: temp files left: $(temps)"
# check and the other formats do not need the font
err=$(timeout 60 "$BP" --config "$W/config" build --force -f json -o "$W/out" "$IN" 2>&1); rc=$?
check '[ "$rc" -eq 0 ]' "json with a corrupted font present: rc=$rc $err"

# 3. The corrupted font of a family nobody uses: builds as usual.
rm "$W/fonts/serif-corrupt.ttc"
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  python3 - /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$W/fonts/dejavu-corrupt.ttf" <<'PY'
import sys
data = bytearray(open(sys.argv[1], 'rb').read())
for at in range(len(data) // 4, len(data), 4096):
    data[at:at + 512] = b'\xff' * 512
open(sys.argv[2], 'wb').write(data)
PY
  build; rc=$?
  check '[ "$rc" -eq 0 ]' "corrupted unused family: rc=$rc $(head -3 "$TMP/err")"
fi

# 4. A truncated copy of a used family that fontconfig still lists (tables cut off after the
#    directory): an error naming the file, or (if FreeType accepts it) a valid PDF — never a crash.
python3 - "$NOTO/NotoSansCJK-Bold.ttc" "$W/fonts/sans-bold-cut.ttc" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
open(sys.argv[2], 'wb').write(data[:len(data) * 9 // 10])
PY
rm -rf "$W/out"
build; rc=$?
check '! crashed $rc' "truncated sans bold: crashed (rc=$rc) $(head -3 "$TMP/err")"
if [ "$rc" -ne 0 ]; then
  check 'grep -q "sans-bold-cut.ttc" "$TMP/err"' "truncated sans bold: the error does not name the file: $(head -3 "$TMP/err")"
else
  check 'qpdf --check "$W"/out/2023/*.pdf >/dev/null 2>&1' "truncated sans bold: PDF invalid"
fi
# 5. Damaged tables of the family the body uses (issue 19): hhea numberOfHMetrics = 0 and a cut
#    hmtx gave exit 0 and a PDF whose glyphs had no width; a zeroed cmap silently set the body in
#    the fallback family. Each now stops the PDF with a Chinese error naming the file.
rm -f "$W/fonts/sans-bold-cut.ttc"
damage() {  # KIND OUTFILE: a copy of the serif regular .ttc with KIND applied to every face
  python3 - "$NOTO/NotoSerifCJK-Regular.ttc" "$2" "$1" <<'PY'
import struct, sys
src, dst, kind = sys.argv[1:4]
data = bytearray(open(src, "rb").read())
def faces():
    if data[:4] == b"ttcf":
        n = struct.unpack(">I", data[8:12])[0]
        return [struct.unpack(">I", data[12 + 4 * i:16 + 4 * i])[0] for i in range(n)]
    return [0]
for base in faces():
    num = struct.unpack(">H", data[base + 4:base + 6])[0]
    for i in range(num):
        rec = base + 12 + 16 * i
        tag = bytes(data[rec:rec + 4])
        off, length = struct.unpack(">II", data[rec + 8:rec + 16])
        if kind == "hmetrics0" and tag == b"hhea":
            data[off + 34:off + 36] = b"\0\0"
        elif kind == "hmtx-cut" and tag == b"hmtx":
            data[rec + 12:rec + 16] = struct.pack(">I", min(length, 400))
        elif kind == "cmap-zero" and tag == b"cmap":
            data[off:off + length] = bytes(length)
open(dst, "wb").write(data)
PY
}
for kind in hmetrics0 hmtx-cut cmap-zero; do
  rm -rf "$W/out" "$W/fonts/"serif-*.ttc
  damage "$kind" "$W/fonts/serif-$kind.ttc"
  build; rc=$?
  # A theme font that cannot be loaded is a configuration error (issue 17): found by the preflight
  # before any department, reported once (E628), exit 2 — it used to fail each department (exit 1).
  check '! crashed $rc && [ "$rc" -eq 2 ]' "$kind: rc=$rc (want 2) $(head -3 "$TMP/err")"
  check '[ "$(grep -c "错误\[E628\]" "$TMP/err")" -eq 1 ]' "$kind: one E628 expected: $(head -3 "$TMP/err")"
  check 'grep -q "字体文件 .*serif-$kind.ttc 已损坏" "$TMP/err"' "$kind: no Chinese error naming the file: $(head -3 "$TMP/err")"
  check '[ -z "$(ls "$W"/out/2023/*.pdf 2>/dev/null)" ]' "$kind: a PDF was written"
  check '[ -z "$(temps)" ]' "$kind: temp files left: $(temps)"
done
rm -f "$W/fonts/"serif-*.ttc

# A character the body face lacks but a theme fallback has (U+9FEB: Noto Sans CJK has it, Noto Serif
# CJK not) is set in the fallback and reported (W300) with the character; without it nothing is said.
mkdir -p "$TMP/fb"
{ cat tests/data/minimal.yaml; printf 'texts:\n  other_matters: "本单位承办鿫元素科普展览。"\n'; } >"$TMP/fb/901.yaml"
"$BP" build --force -f pdf -o "$TMP/fb/out" "$TMP/fb/901.yaml" >/dev/null 2>"$TMP/fb/err"; rc=$?
check '[ "$rc" -eq 0 ] && [ -n "$(ls "$TMP"/fb/out/2023/*.pdf 2>/dev/null)" ]' "fallback character: rc=$rc $(head -3 "$TMP/fb/err")"
check 'grep -q "901.yaml: 警告\[W300\]: 字体 NotoSansCJK.*U+9FEB" "$TMP/fb/err"' "fallback not reported: $(cat "$TMP/fb/err")"
check 'pdftotext "$TMP"/fb/out/2023/*.pdf - | grep -q "承办鿫元素"' "fallback character not in the PDF text"
"$BP" build --force -f pdf -o "$TMP/fb/out2" tests/data/minimal.yaml >/dev/null 2>"$TMP/fb/err2"
check '! grep -q "W300" "$TMP/fb/err2"' "W300 without a fallback character: $(cat "$TMP/fb/err2")"
finish
