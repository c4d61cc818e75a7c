# The output directory (issue 19): nothing below OUT is followed out of it (OUT/<year>, the lock
# file, the journal may be planted symlinks), and an OUT that cannot be used gives one Chinese
# message and exit 2 before any department. OUT itself may be a symlink to a directory.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
IN=tests/data/minimal.yaml
OUTSIDE="$TMP/outside"
mkdir -p "$OUTSIDE"
outside_empty() { [ -z "$(find "$OUTSIDE" -mindepth 1 ! -type d 2>/dev/null)" ]; }
department_lines() { grep -c "minimal.yaml" "$TMP/err"; }

# 1. OUT/<year> is a symlink to a directory outside OUT: the department fails, nothing is written
#    there, the message names the link.
O="$TMP/o1"
mkdir -p "$O" "$OUTSIDE/year"
ln -s "$OUTSIDE/year" "$O/2023"
"$BP" build -f json,pdf -o "$O" "$IN" >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 1 ]' "year symlink: rc=$rc (want 1) $(head -3 "$TMP/err")"
check 'grep -q "2023 是符号链接" "$TMP/err"' "year symlink: message: $(head -3 "$TMP/err")"
check 'outside_empty' "year symlink: files written outside OUT: $(find "$OUTSIDE" -type f)"
check '[ -z "$(find "$O" -name ".budgetpress-staging*" -o -name ".*.tmp.*")" ]' "year symlink: temp files left"

# 2. Planted symlinks named like the lock file of the next pids, and like the manifest journal:
#    the build neither follows nor writes through them.
O="$TMP/o2"
mkdir -p "$O"
base=$$
for p in $(seq "$base" $((base + 400))); do ln -s "$OUTSIDE/lock-$p" "$O/.budgetpress-lock.$p"; done
ln -s "$OUTSIDE/journal" "$O/.budgetpress-manifest.journal"
"$BP" build -f json -o "$O" "$IN" >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ]' "planted symlinks: rc=$rc $(head -3 "$TMP/err")"
check 'outside_empty' "planted symlinks: a file was created outside OUT: $(find "$OUTSIDE" -type f)"
check '[ -f "$O/2023/901-测试局.json" ]' "planted symlinks: output missing"
# The journal name holds a symlink: the run warns (the record goes to the manifest at the end).
check '[ ! -e "$OUTSIDE/journal" ]' "journal symlink followed"

# 3. OUT itself a symlink to a directory: allowed, the files land in the directory it names.
O="$TMP/o3"
mkdir -p "$TMP/real3"
ln -s "$TMP/real3" "$O"
"$BP" build -f json -o "$O" "$IN" >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ] && [ -f "$TMP/real3/2023/901-测试局.json" ]' "OUT as a symlink: rc=$rc $(head -3 "$TMP/err")"

# 4. Unusable OUT: one message, exit 2, no department reported.
unusable() {  # LABEL OUT
  "$BP" build -j 2 -f json -o "$2" "$IN" tests/data/minimal.yaml examples/2023/434.yaml >/dev/null 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 2 ]' "$1: rc=$rc (want 2) $(head -3 "$TMP/err")"
  check '[ "$(grep -c "错误" "$TMP/err")" -eq 1 ] && grep -q "输出目录.*不可用" "$TMP/err"' "$1: want one message: $(head -5 "$TMP/err")"
  check '! grep -q "filesystem error" "$TMP/err"' "$1: raw library message: $(head -3 "$TMP/err")"
  check '[ "$(department_lines)" -eq 0 ]' "$1: departments were reported: $(head -5 "$TMP/err")"
}
echo "not a directory" >"$TMP/afile"
unusable "OUT is a file" "$TMP/afile"
ln -s "$TMP/nowhere" "$TMP/dangling"
unusable "OUT is a dangling symlink" "$TMP/dangling"
unusable "OUT below a file" "$TMP/afile/out"
# Read-only and no permission: root ignores permission bits, so run as nobody where possible.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  mkdir -p "$TMP/ro"
  chmod 755 "$TMP"
  chmod 555 "$TMP/ro"
  as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  if as_nobody test -r "$IN" && as_nobody test -x "$BP"; then
    as_nobody "$BP" build -f json -o "$TMP/ro" "$IN" >/dev/null 2>"$TMP/err"; rc=$?
    check '[ "$rc" -eq 2 ] && grep -q "输出目录.*不可用" "$TMP/err"' "read-only OUT: rc=$rc $(head -3 "$TMP/err")"
    mkdir -p "$TMP/noperm" && chmod 700 "$TMP/noperm"
    as_nobody "$BP" build -f json -o "$TMP/noperm/out" "$IN" >/dev/null 2>"$TMP/err"; rc=$?
    check '[ "$rc" -eq 2 ] && grep -q "输出目录.*不可用" "$TMP/err"' "OUT without permission: rc=$rc $(head -3 "$TMP/err")"
  else
    echo "skip: nobody cannot read the sources or run the binary"
  fi
  chmod 755 "$TMP/ro"
fi
finish
