# Shared helpers for the end-to-end tests. Each test script is run as: bash SCRIPT BUDGETPRESS SOURCE_DIR
set -u
BP="$1"
SRC="$2"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
PASSES=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }
pass() { PASSES=$((PASSES + 1)); }
check() { if eval "$1"; then pass; else fail "$2"; fi; }
# copies_of_434 N FIRST DIR: N copies of examples/2023/434.yaml as DIR/d1.yaml … DIR/dN.yaml, with
# the department codes FIRST+1 … FIRST+N (a batch of distinct departments from one real file).
copies_of_434() {
  mkdir -p "$3"
  local i
  for i in $(seq 1 "$1"); do
    sed "0,/^  code: \"434\"/s//  code: \"$(($2 + i))\"/" "$SRC/examples/2023/434.yaml" >"$3/d$i.yaml"
  done
}
finish() {
  echo "$PASSES passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}
