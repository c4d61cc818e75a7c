# Output names from hostile department names (issue 9). tests/e2e/test_batch.sh already covers
# separators, "..", absolute paths, ASCII controls and a 300-byte name; this adds NUL, DEL, C1 and
# bidirectional controls, a name cut inside multi-byte characters, names made only of dots and
# spaces, and checks that the sanitized names are exactly the documented ones (docs/cli.md).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
D="$TMP/depts"
mkdir -p "$D"
long=$(printf '财%.0s' $(seq 1 60))  # 180 bytes
i=0
# YAML double-quoted name → expected file stem
while IFS='|' read -r yaml want; do
  i=$((i + 1))
  code=$((960 + i))
  python3 - "$code" "$yaml" "$D/n$i.yaml" <<'PY'
import sys
code, name, out = sys.argv[1:]
text = open("tests/data/minimal.yaml", encoding="utf-8").read()
text = text.replace('code: "901"', 'code: "%s"' % code, 1).replace("name: 测试局", "name: " + name, 1)
open(out, "w", encoding="utf-8").write(text)
PY
  printf '%s\t%s\n' "$code" "$want" >>"$TMP/want"
done <<EOF2
"a\0b"|a_b
"del\x7Fx"|del_x
"c1\u009B[31mred"|c1_[31mred
"\u202Efdp.exe"|_fdp.exe
"iso\u2066x\u2069"|iso_x_
"line\u2028sep"|line_sep
" . . ."|. . .
"${long}"|${long:0:39}
"../${long}"|.._${long:0:38}
EOF2
"$BP" build -q -f json -o "$TMP/out" "$D" >/dev/null 2>"$TMP/err"; rc=$?
# Since issue 19 the loader refuses names with NUL, DEL, C1, bidi controls and line separators
# (E016) before any file name is made: those departments fail, with the position of the character,
# and write nothing. The sanitizer still maps these characters to "_" for text from other sources
# (test_batch_run.cpp, test_robust_reliability.cpp).
check '[ "$rc" -eq 1 ]' "hostile names: rc=$rc (want 1: six names refused) $(head -3 "$TMP/err")"
check '[ "$(grep -c "错误\[E016\]" "$TMP/err")" -eq 6 ]' "hostile names: want 6 × E016: $(grep -c E016 "$TMP/err") $(head -3 "$TMP/err")"
for code in 961 962 963 964 965 966; do
  check '[ -z "$(ls "$TMP/out/2023" 2>/dev/null | grep "^$code-")" ]' "name of $code refused but written: $(ls "$TMP/out/2023" | grep "^$code")"
  check 'grep -q "n$((code - 960)).yaml:5:[0-9]*: 错误\[E016\]" "$TMP/err"' "name of $code: no E016 at line 5: $(grep "n$((code - 960)).yaml" "$TMP/err" | head -1)"
done
sed -i '/^96[1-6]\t/d' "$TMP/want"
while IFS=$'\t' read -r code want; do
  stem="$code-$want"
  # the rule: / \ : * ? " < > | and controls → _, leading dots/spaces dropped, ≤ 120 bytes
  stem=$(python3 -c '
import sys
s = sys.argv[1]
b = s.encode()
if len(b) > 120:
    b = b[:120]
    while b and (b[-1] & 0xC0) == 0x80: b = b[:-1]
    if b and b[-1] >= 0xC0: b = b[:-1]
print(b.decode().rstrip(" ."))' "$stem")
  check '[ -f "$TMP/out/2023/$stem.json" ]' "name of $code: want $TMP/out/2023/$stem.json, have: $(ls "$TMP/out/2023" | grep "^$code" )"
done <"$TMP/want"
# Every name is valid UTF-8, at most 120 bytes before the extension, one component inside OUT/2023.
bad=$(cd "$TMP/out" && find . -type f ! -name '.budgetpress-manifest.json' | python3 -c '
import sys
for line in sys.stdin.read().splitlines():
    parts = line.split("/")
    name = parts[-1]
    stem = name.rsplit(".", 1)[0]
    try:
        stem.encode("utf-8", "strict")
    except UnicodeEncodeError:
        print("not UTF-8:", line); continue
    if len(parts) != 3 or parts[1] != "2023": print("outside OUT/2023:", line)
    if len(stem.encode("utf-8", "surrogateescape")) > 120: print("too long:", line)
    if any(ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f or c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" for c in stem): print("control character:", repr(line))
')
check '[ -z "$bad" ]' "$bad"
finish
