# Every argument error is in Chinese (CLI11's English messages are replaced) and exits 2: no line of
# the error output may be ASCII only, and each says 错误.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
touch "$TMP/x.yaml" "$TMP/w.xlsx" "$TMP/l.csv"
while IFS= read -r args; do
  [ -z "$args" ] && continue
  eval "set -- $args"
  "$BP" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 2 ]' "[$args]: rc=$rc (want 2)"
  check 'grep -q "错误" "$TMP/err"' "[$args]: no 错误 in: $(cat "$TMP/err")"
  ascii_only=$(LC_ALL=C grep -v "[^ -~]" "$TMP/err" | grep -v "^[[:space:]]*$")
  check '[ -z "$ascii_only" ]' "[$args]: ASCII-only (untranslated) line: $ascii_only"
  check '[ ! -s "$TMP/out" ]' "[$args]: something on stdout: $(head -2 "$TMP/out")"
done <<EOF2

build $TMP/x.yaml
check
check --bogus $TMP/x.yaml
build -o $TMP/o -j 0 $TMP/x.yaml
build -o $TMP/o -j abc $TMP/x.yaml
build -o $TMP/o --time-limit -5 $TMP/x.yaml
build -o $TMP/o --max-memory 1 $TMP/x.yaml
build $TMP/x.yaml -o
check --strict=maybe $TMP/x.yaml
--config
frobnicate
import
import $TMP/w.xlsx $TMP/w.xlsx
import --year 1800 $TMP/w.xlsx
new-year
watch
catalog
catalog import $TMP/l.csv
catalog import $TMP/l.csv --year 2025
catalog import --kind function $TMP/l.csv --year twenty
site
site init
site show extra
init
init $TMP/n.yaml
init $TMP/n.yaml --year 1999
EOF2
# Help may stay bilingual, but it works and exits 0.
"$BP" --help >"$TMP/help" 2>&1; rc=$?
check '[ "$rc" -eq 0 ] && grep -q "子命令" "$TMP/help" && grep -q "用法" "$TMP/help"' "--help: rc=$rc $(head -5 "$TMP/help")"
finish
