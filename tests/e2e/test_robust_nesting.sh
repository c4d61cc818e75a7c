# YAML nesting depth (issue 19): docs/limits.md states the exact depth at which yaml-cpp's depth
# guard refuses a file (E003, never a crash); this pins those numbers so the document stays true.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
deep() {  # KIND DEPTH → first line of check's output
  python3 - "$1" "$2" >"$TMP/n.yaml" <<'PY'
import sys
kind, n = sys.argv[1], int(sys.argv[2])
if kind == "flow-seq":   # n nested flow sequences as the document
    print("[" * n + "]" * n)
elif kind == "flow-map":  # the top-level map + n-1 nested flow maps
    print("schema: 1\nx: " + "{a: " * (n - 1) + "1" + "}" * (n - 1))
elif kind == "block-map":  # the top-level map + n-1 nested block maps
    print("schema: 1\nx:\n" + "".join(" " * (2 * i) + "a:\n" for i in range(1, n - 1)) + " " * (2 * (n - 1)) + "a: 1")
PY
  "$BP" check "$TMP/n.yaml" 2>&1 | head -1
}
for spec in "flow-seq 499 500" "flow-map 498 499" "block-map 498 499"; do
  set -- $spec
  ok=$(deep "$1" "$2"); bad=$(deep "$1" "$3")
  check '! grep -q "E003" <<<"$ok"' "$1: depth $2 should pass the depth guard: $ok"
  check 'grep -q "E003.*嵌套层次过深" <<<"$bad"' "$1: depth $3 should be refused (E003): $bad"
done
finish
