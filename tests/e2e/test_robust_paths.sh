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
check '[ "$rc" -eq 0 ]' "hostile names: rc=$rc $(head -3 "$TMP/err")"
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
