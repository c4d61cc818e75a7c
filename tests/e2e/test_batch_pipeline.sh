# build -j1 over several departments on a machine with a second core (docs/batch.md): one
# department's front (read, check, document tree, layout) runs beside the previous one's outputs
# being written. Everything the user sees must be what building one department after the other
# gives: the same bytes (each department also built alone), the same log, report, exit code,
# manifest, journal and 汇总.xlsx, also with failing departments in the middle (a check error, a
# name collision). The strictly sequential run is the same binary pinned to one CPU (taskset), where
# the batch has no second core to overlap on.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000

if ! command -v taskset >/dev/null || [ "$(nproc)" -lt 2 ]; then
  echo "skipped: needs taskset and two CPUs"
  finish
  exit
fi

D="$TMP/depts"
mkdir -p "$D"
n=0
add() {  # add EXAMPLE NEWCODE
  local code
  code=$(grep -m1 '^  code:' "$1" | sed 's/.*"\(.*\)".*/\1/')
  n=$((n + 1))
  sed "0,/^  code: \"$code\"/s//  code: \"$2\"/" "$1" >"$D/$(printf %02d $n).yaml"
}
add examples/2023/434.yaml 7434
add examples/2024/201.yaml 7201
add examples/2023/631.yaml 7631
# A department that fails its check (an unknown form) between good ones.
add examples/2023/434.yaml 8434
sed -i 's/^  form: "2023"/  form: "1999"/' "$D/04.yaml"
add examples/2021/905.yaml 7905
# The same code and name as 02: fails with E019 after its check, in its front.
n=$((n + 1))
cp "$D/02.yaml" "$D/06.yaml"
add examples/2023/633.yaml 7633
add examples/2023/434.yaml 9434
check '[ "$(ls "$D" | grep -c yaml)" -eq 8 ]' "fixture: 8 department files"

# The pipelined run (traced, to see that it overlapped), then the same binary on one CPU.
BUDGETPRESS_TRACE="$TMP/trace.tsv" "$BP" build -j1 -f pdf,xlsx -o "$TMP/a" "$D" >"$TMP/a.out" 2>"$TMP/a.err"
rc_a=$?
taskset -c 0 "$BP" build -j1 -f pdf,xlsx -o "$TMP/b" "$D" >"$TMP/b.out" 2>"$TMP/b.err"
rc_b=$?
check '[ "$rc_a" -eq 1 ] && [ "$rc_a" -eq "$rc_b" ]' "exit codes: pipelined $rc_a, one CPU $rc_b (1 expected: failures)"

# The pipeline really ran: two workers, and some department started while an earlier one was
# still being written.
overlap=$(python3 - "$TMP/trace.tsv" <<'PY'
import sys
spans = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if not l.startswith("#")]
depts = sorted((int(s), int(e), t) for t, n, s, e in spans if n == "department")
threads = {t for _, _, t in depts}
overlaps = sum(1 for a, b in zip(depts, depts[1:]) if b[0] < a[1] and a[2] != b[2])
print(len(depts), len(threads), overlaps)
PY
)
read -r nd nt no <<<"$overlap"
check '[ "$nd" -eq 8 ] && [ "$nt" -eq 2 ] && [ "$no" -ge 1 ]' "trace: $nd departments on $nt threads, $no overlaps (8, 2, ≥ 1 expected)"

# The same log, in the same order (the summary's time aside), the same files listed.
strip() { grep -v "用时" "$1" | sed "s#$TMP/[ab]/#OUT/#g"; }
check 'diff <(strip "$TMP/a.err") <(strip "$TMP/b.err") >/dev/null' "stderr differs: $(diff <(strip "$TMP/a.err") <(strip "$TMP/b.err") | head -8)"
check 'diff <(strip "$TMP/a.out") <(strip "$TMP/b.out") >/dev/null' "stdout differs: $(diff <(strip "$TMP/a.out") <(strip "$TMP/b.out") | head -8)"
check 'grep -q "生成 6 个部门，失败 2 个，未变化 0 个" "$TMP/a.err"' "summary: $(grep 生成 "$TMP/a.err")"
check 'grep -q "E013" "$TMP/a.err" && grep -q "E019" "$TMP/a.err"' "both failures reported: $(cat "$TMP/a.err")"
check '[ "$(grep -o "^\[[0-9]*/8\]" "$TMP/a.err" | tr -d "[]" | cut -d/ -f1 | tr "\n" " ")" = "1 2 3 4 5 6 7 8 " ]' "progress in input order: $(cat "$TMP/a.err")"

# Every file the same bytes (PDFs, workbooks, 汇总.xlsx, the manifest); no journal or temp file left.
files_a=$(cd "$TMP/a" && find . -type f | sort)
files_b=$(cd "$TMP/b" && find . -type f | sort)
check '[ "$files_a" = "$files_b" ]' "different files: $(diff <(echo "$files_a") <(echo "$files_b"))"
check '[ "$(grep -c "\.pdf$" <<<"$files_a")" -eq 6 ] && [ "$(grep -c "\.xlsx$" <<<"$files_a")" -ge 6 ]' "6 PDFs and their workbooks: $files_a"
check 'grep -q "budgetpress-manifest.json" <<<"$files_a" && ! grep -q "journal\|staging\|tmp\|lock" <<<"$files_a"' "manifest only, nothing left over: $files_a"
differ=""
for f in $files_a; do cmp -s "$TMP/a/$f" "$TMP/b/$f" || differ="$differ $f"; done
check '[ -z "$differ" ]' "bytes differ between pipelined and one-by-one:$differ"

# Each good department built alone gives the same PDF and workbook.
alone_differ=""
for y in "$D"/*.yaml; do
  case "$(basename "$y")" in 04.yaml | 06.yaml) continue ;; esac
  "$BP" build -q -f pdf,xlsx -o "$TMP/c" "$y" >/dev/null 2>&1 || alone_differ="$alone_differ failed:$y"
done
for f in $(cd "$TMP/c" && find . -name "*.pdf" -o -name "*-*.xlsx" | sort); do
  cmp -s "$TMP/a/$f" "$TMP/c/$f" || alone_differ="$alone_differ $f"
done
check '[ -z "$alone_differ" ] && [ "$(find "$TMP/c" -name "*.pdf" | wc -l)" -eq 6 ]' "alone vs pipelined batch:$alone_differ"

# Incremental: a second pipelined run finds everything unchanged, like the one-CPU run.
"$BP" build -j1 -f pdf,xlsx -o "$TMP/a" "$D" >/dev/null 2>"$TMP/a2.err"
taskset -c 0 "$BP" build -j1 -f pdf,xlsx -o "$TMP/b" "$D" >/dev/null 2>"$TMP/b2.err"
check 'diff <(strip "$TMP/a2.err") <(strip "$TMP/b2.err") >/dev/null && grep -q "未变化 6 个" "$TMP/a2.err"' "second run: $(diff <(strip "$TMP/a2.err") <(strip "$TMP/b2.err") | head -5) $(grep 生成 "$TMP/a2.err")"

# One department changed in the middle: only it is rebuilt, the same way in both.
echo "# 改过一处（只是注释，文件的字节变了）" >>"$D/03.yaml"
"$BP" build -j1 -f pdf,xlsx -o "$TMP/a" "$D" >/dev/null 2>"$TMP/a3.err"
taskset -c 0 "$BP" build -j1 -f pdf,xlsx -o "$TMP/b" "$D" >/dev/null 2>"$TMP/b3.err"
check 'diff <(strip "$TMP/a3.err") <(strip "$TMP/b3.err") >/dev/null && grep -q "生成 1 个部门，失败 2 个，未变化 5 个" "$TMP/a3.err"' "third run: $(diff <(strip "$TMP/a3.err") <(strip "$TMP/b3.err") | head -5) $(grep 生成 "$TMP/a3.err")"
differ=""
for f in $(cd "$TMP/a" && find . -type f | sort); do cmp -s "$TMP/a/$f" "$TMP/b/$f" || differ="$differ $f"; done
check '[ -z "$differ" ]' "after the change, bytes differ:$differ"

# Ctrl-C during a pipelined -j1 batch: exit 130, every department has all of its outputs or none,
# no temp file; the departments not built are counted as such (built + not built = all), and the
# next run builds exactly those.
N=30
E="$TMP/many"
copies_of_434 "$N" 20000 "$E"
"$BP" build -j1 -f pdf,xlsx -o "$TMP/int" "$E" >/dev/null 2>"$TMP/int.err" &
pid=$!
for _ in $(seq 1 300); do
  [ -n "$(find "$TMP/int" -path "*/2023/*" -name "*.pdf" 2>/dev/null | head -1)" ] && break
  sleep 0.05
done
kill -INT $pid
wait $pid; rc=$?
pdfs=$(find "$TMP/int" -path "*/2023/*" -name "*.pdf" | wc -l)
xlsxs=$(find "$TMP/int" -path "*/2023/*" -name "*-*.xlsx" | wc -l)
left=$(sed -n 's/.*已中断：\([0-9]*\) 个部门未生成.*/\1/p' "$TMP/int.err")
check '[ "$rc" -eq 130 ]' "SIGINT should exit 130, got $rc ($(tail -3 "$TMP/int.err"))"
check '[ "$pdfs" -eq "$xlsxs" ] && [ "$pdfs" -gt 0 ] && [ "$pdfs" -lt $N ]' "all or nothing per department: $pdfs PDFs, $xlsxs workbooks of $N"
check '[ -n "$left" ] && [ $((pdfs + left)) -eq $N ]' "built $pdfs + not built ${left:-?} should be $N: $(tail -2 "$TMP/int.err")"
check '[ -z "$(find "$TMP/int" -name ".*.tmp.*" -o -name ".budgetpress-staging*")" ]' "temp files left after SIGINT"
err=$("$BP" build -j1 -f pdf,xlsx -o "$TMP/int" "$E" 2>&1 >/dev/null)
check 'grep -q "生成 $((N - pdfs)) 个部门，失败 0 个，未变化 $pdfs 个" <<<"$err"' "the next run builds exactly the rest ($pdfs done): $(grep 生成 <<<"$err")"

finish
