# watch (docs/batch.md#watch): builds once, rebuilds on every save (also when the editor saves by
# renaming a new file over the old one), replaces the output atomically, prints errors as
# FILE:LINE:COL and keeps the last good output, and ends cleanly on Ctrl-C. Every wait is bounded.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000

W="$TMP/w"
mkdir -p "$W"
cp examples/2023/434.yaml "$W/434.yaml"
FMT=pdf
"$BP" build -f pdf -o "$TMP/probe" examples/2023/434.yaml >/dev/null 2>&1 || FMT=json
echo "watch: testing with --format $FMT"

"$BP" watch -f $FMT -o "$TMP/out" "$W" >"$TMP/stdout" 2>"$TMP/stderr" &
pid=$!
cleanup_watch() { kill -9 $pid 2>/dev/null; }
trap 'cleanup_watch; rm -rf "$TMP"' EXIT

# until CONDITION holds, at most SECONDS (0.1 s steps)
until_true() {
  local i
  for i in $(seq 1 $(($2 * 10))); do
    eval "$1" && return 0
    kill -0 $pid 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
out_file() { ls "$TMP"/out/2023/434-*.$FMT 2>/dev/null | head -1; }
sum() { md5sum <"$(out_file)" 2>/dev/null; }

check 'until_true "[ -n \"\$(out_file)\" ] && grep -q 正在监视 \"\$TMP/stderr\"" 60' "first build and watch message: $(cat "$TMP/stderr")"
first=$(sum)

# An editor that saves by writing a new file and renaming it into place: two 人员经费 lines
# exchange 0.10 万元 (the budget still balances), so the tables change.
sed -e 's/amount: 783.60}/amount: 783.50}/' -e 's/amount: 138.59}/amount: 138.69}/' "$W/434.yaml" >"$W/.434.yaml.new"
mv "$W/.434.yaml.new" "$W/434.yaml"
check 'until_true "[ \"\$(sum)\" != \"$first\" ]" 30' "output not rebuilt after a rename-on-save: $(cat "$TMP/stderr")"
check 'until_true "grep -q \"✓ 434-\" \"\$TMP/stderr\"" 10' "rebuild message: $(tail -3 "$TMP/stderr")"
good=$(sum)

# An in-place save with an error: the error with its position, the last good output stays.
sed -i 's/^  gpb: 2075.36/  gpb: 2,075.36/' "$W/434.yaml"
line=$(grep -n "^  gpb: 2,075.36" "$W/434.yaml" | cut -d: -f1)
check 'until_true "grep -q \"434.yaml:$line:[0-9]*: 错误\" \"\$TMP/stderr\"" 30' "error with FILE:LINE:COL: $(tail -5 "$TMP/stderr")"
check 'grep -q "上一次生成的文件保持不变" "$TMP/stderr"' "message that the last good output stays"
sleep 0.5
check '[ "$(sum)" = "$good" ]' "the last good output was replaced by a broken build"
check '[ -z "$(find "$TMP/out" -name ".*.tmp.*" -o -name ".budgetpress-staging*")" ]' "temp files while watching"

# Saving several times quickly is one rebuild (debounce), and fixing the file rebuilds it.
n_before=$(grep -c "✓ 434-" "$TMP/stderr")
for pair in 783.40:138.79 783.30:138.89 783.20:138.99; do  # each save balanced, 0.1 s apart
  sed -i -e "s/^  gpb: 2,075.36/  gpb: 2075.36/" -e "s/amount: 783\.[0-9]*}/amount: ${pair%:*}}/" \
    -e "s/amount: 138\.[0-9]*}/amount: ${pair#*:}}/" "$W/434.yaml"
  sleep 0.1
done
sed -i -e 's/amount: 783\.[0-9]*}/amount: 783.60}/' -e 's/amount: 138\.[0-9]*}/amount: 138.59}/' "$W/434.yaml"
check 'until_true "[ \"\$(sum)\" = \"$first\" ]" 30' "fixed file back to the first content: not rebuilt ($(tail -3 "$TMP/stderr"))"
sleep 0.6
n_after=$(grep -c "✓ 434-" "$TMP/stderr")
check '[ $((n_after - n_before)) -le 2 ]' "quick saves should be debounced: $((n_after - n_before)) rebuilds"

# A new department file dropped into the watched directory is built too.
sed "0,/^  code: \"434\"/s//  code: \"4340\"/" examples/2023/434.yaml >"$W/4340.yaml"
check 'until_true "ls \"\$TMP\"/out/2023/4340-*.$FMT >/dev/null 2>&1" 30' "new file in the watched directory not built"

# Ctrl-C: clean exit, nothing temporary left.
kill -INT $pid
for _ in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
if kill -0 $pid 2>/dev/null; then
  fail "watch did not stop on SIGINT"
  kill -9 $pid
fi
wait $pid; rc=$?
check '[ "$rc" -eq 0 ]' "watch should exit 0 on Ctrl-C, got $rc"
check 'grep -q "已停止监视" "$TMP/stderr"' "stop message"
check '[ -z "$(find "$TMP/out" -name ".*.tmp.*" -o -name ".budgetpress-staging*")" ]' "temp files after Ctrl-C"
finish
