# build over a bureau of departments (docs/batch.md): a bad file among good ones, progress and
# summary lines, incremental skips and rebuilds (config copied to a temp dir, the repo is never
# modified), shards that cover every file exactly once, names that try to leave OUT, usage errors.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000

# A config of our own, so that templates can be edited.
cp -r config templates "$TMP/"
mkdir -p "$TMP/fonts"
CFG="$TMP/config"
bp() { "$BP" --config "$CFG" "$@"; }

# --- a bureau: 12 good departments (copies of the examples with their own codes) ----------------------
D="$TMP/depts"
mkdir -p "$D/a" "$D/b"
n=0
for ex in examples/2023/434.yaml examples/2023/631.yaml examples/2024/201.yaml examples/2021/905.yaml; do
  code=$(grep -m1 '^  code:' "$ex" | sed 's/.*"\(.*\)".*/\1/')
  for k in 1 2 3; do
    n=$((n + 1))
    sub=a; [ $((n % 2)) -eq 0 ] && sub=b
    sed "0,/^  code: \"$code\"/s//  code: \"7$k$code\"/" "$ex" >"$D/$sub/d$n.yaml"
  done
done
check '[ "$(ls "$D"/a "$D"/b | grep -c yaml)" -eq 12 ]' "fixture: 12 department files"

out=$(bp build -j 3 -f json -o "$TMP/out" "$D" 2>"$TMP/err"); rc=$?
err=$(cat "$TMP/err")
check '[ "$rc" -eq 0 ]' "clean batch should exit 0: rc=$rc $err"
check '[ "$(find "$TMP/out" -name "*.json" -path "*/20*/*" | wc -l)" -eq 12 ]' "12 json outputs: $(find "$TMP/out")"
check '[ "$(grep -c "\.json$" <<<"$out")" -eq 12 ]' "stdout lists the 12 written files: $out"
check 'grep -q "生成 12 个部门，失败 0 个，未变化 0 个" <<<"$err"' "summary line: $err"
# Not a terminal: one plain progress line per department, in input order.
check '[ "$(grep -c "^\[[0-9]*/12\] .* ✓$" <<<"$err")" -eq 12 ]' "plain progress lines: $err"
check '[ "$(grep -o "^\[[0-9]*/12\]" <<<"$err" | tr -d "[]" | cut -d/ -f1 | tr "\n" " ")" = "1 2 3 4 5 6 7 8 9 10 11 12 " ]' "progress numbered in input order: $err"
check '[ -f "$TMP/out/.budgetpress-manifest.json" ]' "manifest written"
# The same log for any -j (messages are printed per department, in input order).
bp build -j 1 --force -f json -o "$TMP/outj1" "$D" 2>&1 | grep -v "用时" >"$TMP/log1"
bp build -j 4 --force -f json -o "$TMP/outj4" "$D" 2>&1 | grep -v "用时" | sed "s#$TMP/outj4#$TMP/outj1#" >"$TMP/log4"
check 'diff "$TMP/log1" "$TMP/log4" >/dev/null' "log differs between -j1 and -j4: $(diff "$TMP/log1" "$TMP/log4" | head -5)"

# On a terminal: one progress line redrawn in place (\r + erase line), then the summary.
if command -v script >/dev/null; then
  script -qec "$BP --config $CFG build --force -j 2 -f json -o $TMP/outtty $D" /dev/null >"$TMP/tty.log" 2>&1
  check 'grep -q $'"'"'\r\033\[K\[[0-9]*/12\] '"'"' "$TMP/tty.log"' "terminal progress line (\\r ESC[K [k/12] …) missing"
  check 'grep -q "生成 12 个部门，失败 0 个" "$TMP/tty.log"' "summary on a terminal: $(tail -2 "$TMP/tty.log")"
fi

# --- incremental ----------------------------------------------------------------------------------
err=$(bp build -f json -o "$TMP/out" "$D" 2>&1 >/dev/null); rc=$?
check '[ "$rc" -eq 0 ] && grep -q "生成 0 个部门，失败 0 个，未变化 12 个" <<<"$err"' "second run: all unchanged: $err"
err=$(cd "$TMP" && "$BP" --config config build -f json -o ./out depts/../depts 2>&1 >/dev/null)
check 'grep -q "未变化 12 个" <<<"$err"' "another working directory, the same files spelled differently: $err"
tpl=$(find "$TMP/templates" -type f | sort | head -1)
touch "$tpl"
err=$(bp build -f json -o "$TMP/out" "$D" 2>&1 >/dev/null)
check 'grep -q "未变化 12 个" <<<"$err"' "touching a template (same bytes) must not rebuild: $err"
echo "" >>"$tpl"
err=$(bp build -f json -o "$TMP/out" "$D" 2>&1 >/dev/null)
check 'grep -q "生成 12 个部门" <<<"$err"' "editing a template must rebuild everything: $err"
echo "# note" >>"$D/a/d1.yaml"
err=$(bp build -f json -o "$TMP/out" "$D" 2>&1 >/dev/null)
check 'grep -q "生成 1 个部门，失败 0 个，未变化 11 个" <<<"$err"' "one edited file: one rebuilt: $err"
err=$(bp build --force -f json -o "$TMP/out" "$D" 2>&1 >/dev/null)
check 'grep -q "生成 12 个部门" <<<"$err"' "--force rebuilds all: $err"
rm "$TMP"/out/2023/71434-*.json
err=$(bp build -f json -o "$TMP/out" "$D" 2>&1 >/dev/null)
check 'grep -q "生成 1 个部门" <<<"$err"' "a deleted output is rebuilt: $err"

# --- 汇总.xlsx with incremental builds: rewritten only for a year where something was built, and
# then with every department of that year (unchanged ones are read again for their figures).
if "$BP" build -q -f xlsx -o "$TMP/probe" examples/2023/434.yaml >/dev/null 2>&1; then
  bp build -q -f xlsx -o "$TMP/sx" "$D" >/dev/null 2>&1
  s23="$TMP/sx/2023/汇总.xlsx"
  codes() { python3 -c "
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1]); text = ' '.join(z.read(n).decode() for n in z.namelist() if n.endswith('.xml'))
print(' '.join(sorted(set(re.findall(r'\\b7[123](?:434|631|201|905)\\b', text)))))" "$1"; }
  check '[ "$(codes "$s23")" = "71434 71631 72434 72631 73434 73631" ]' "2023 summary rows: $(codes "$s23")"
  m23=$(stat -c %y "$s23")
  m24=$(stat -c %y "$TMP/sx/2024/汇总.xlsx")
  sleep 1
  out=$(bp build -f xlsx -o "$TMP/sx" "$D" 2>/dev/null)
  check '[ "$(stat -c %y "$s23")" = "$m23" ] && ! grep -q 汇总 <<<"$out"' "nothing built: 汇总.xlsx must not be rewritten"
  echo "# edited" >>"$D/b/d6.yaml"   # 73631, year 2023
  out=$(bp build -f xlsx -o "$TMP/sx" "$D" 2>/dev/null)
  check 'grep -q "2023/汇总.xlsx" <<<"$out" && ! grep -q "2024/汇总.xlsx" <<<"$out"' "only the 2023 summary is rewritten: $out"
  check '[ "$(stat -c %y "$TMP/sx/2024/汇总.xlsx")" = "$m24" ]' "2024 summary touched"
  check '[ "$(codes "$s23")" = "71434 71631 72434 72631 73434 73631" ]' "rewritten 2023 summary keeps the unchanged departments: $(codes "$s23")"
  sed -i '$ d' "$D/b/d6.yaml"   # back to the bytes the json builds above recorded
fi

# --- a bad file among good ones ---------------------------------------------------------------------
bad="$D/b/d4.yaml"   # code 71631, a copy of 631
old=$(ls "$TMP"/out/2023/71631-*.json)
check '[ -f "$old" ]' "fixture: output of the department to break"
sum_before=$(md5sum <"$old")
sed -i '0,/^  gpb: /s/^  gpb: .*/  gpb: 1.00/' "$bad"
echo "# touched" >>"$D/a/d1.yaml"
out=$(bp build -j 3 -f json -o "$TMP/out" "$D" 2>"$TMP/err"); rc=$?
err=$(cat "$TMP/err")
check '[ "$rc" -eq 1 ]' "a failed department must exit 1: rc=$rc"
check 'grep -q "生成 1 个部门，失败 1 个，未变化 10 个" <<<"$err"' "summary with the failure: $err"
check 'grep -q "失败的部门" <<<"$err" && grep -q "^  $bad:[0-9]*:[0-9]*: 错误\[E03" <<<"$err"' "first error of the failure, FILE:LINE:COL: $err"
check '[ "$(md5sum <"$old")" = "$sum_before" ]' "the failed department's previous output changed"
check '[ -z "$(find "$TMP/out" -name ".*tmp*" -o -name ".budgetpress-staging*")" ]' "temp files left behind"

# --- shards: every file in exactly one shard --------------------------------------------------------
for k in 1 2 3; do
  bp build -q --shard $k/3 -f json -o "$TMP/shard$k" "$D" >/dev/null 2>&1
done
all=$( (cd "$TMP/out" && find . -path "./20*" -name "*.json" | sort) | grep -v 71631-)
union=$(for k in 1 2 3; do (cd "$TMP/shard$k" 2>/dev/null && find . -path "./20*" -name "*.json"); done | sort)
check '[ "$all" = "$union" ]' "shards must cover every department exactly once: all=[$all] union=[$union]"
check '[ "$(sort <<<"$union" | uniq -d)" = "" ]' "a department built by two shards"
# Shards run concurrently into one OUT: the manifest keeps every shard's records.
for k in 1 2 3; do bp build -q --shard $k/3 -f json -o "$TMP/shared" "$D" >/dev/null 2>&1 & done
wait
entries=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['departments']))" "$TMP/shared/.budgetpress-manifest.json")
check '[ "$entries" -eq 11 ]' "shared manifest after 3 concurrent shards: $entries entries (want 11)"
err=$(bp build -f json -o "$TMP/shared" "$D" 2>&1 >/dev/null)
check 'grep -q "未变化 11 个" <<<"$err"' "after the shards an unsharded run finds everything built: $err"
err=$(bp build --shard 0/3 -f json -o "$TMP/x" "$D" 2>&1); rc=$?
check '[ "$rc" -eq 2 ] && grep -q "k/N" <<<"$err"' "--shard 0/3 is a usage error: rc=$rc $err"
err=$(bp build -j 0 -f json -o "$TMP/x" "$D" 2>&1); rc=$?
check '[ "$rc" -eq 2 ]' "-j 0 is a usage error: rc=$rc"

# --- names that try to leave OUT ---------------------------------------------------------------------
mkdir -p "$TMP/evil"
i=0
for name in '"../../../../tmp/bp-escaped"' '"a/../../b"' '".."' '"/etc/passwd"' '"x\u0001\u001fy"' "\"$(printf 'n%.0s' $(seq 300))\""; do
  i=$((i + 1))
  sed -e "s/^  code: \"901\"/  code: \"95$i\"/" -e "s|^  name: 测试局|  name: $name|" tests/data/minimal.yaml >"$TMP/evil/e$i.yaml"
done
bp build -f json -o "$TMP/evilout" "$TMP/evil" >/dev/null 2>&1
check '[ ! -e /tmp/bp-escaped.json ] && [ ! -e "$TMP/bp-escaped.json" ]' "a name escaped the output directory"
stray=$(cd "$TMP/evilout" && find . -type f ! -path "./2023/*" ! -name .budgetpress-manifest.json)
check '[ -z "$stray" ]' "files outside OUT/<year>/: $stray"
check '[ -z "$(cd "$TMP/evilout" && find . -mindepth 3)" ]' "nested output paths: $(cd "$TMP/evilout" && find . -mindepth 3)"
built=$(find "$TMP/evilout/2023" -type f | wc -l)
check '[ "$built" -ge 5 ]' "hostile names are sanitized, not fatal: $built built"
longest=$(cd "$TMP/evilout/2023" && ls | awk '{ print length($0) }' | sort -n | tail -1)
check '[ "$longest" -le 125 ]' "long names are cut: $longest"

finish
