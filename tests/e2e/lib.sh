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
finish() {
  echo "$PASSES passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}
