# Resource limits that need generated inputs (issue 9, docs/limits.md): the 4 MiB file size, the
# YAML node limit, the total-rows limit (all at check), and the per-department ceilings of a build —
# time (--time-limit), pages, memory (--max-memory) — which fail that department with E014 while
# the others still build. The small bad inputs are in tests/bad/ (test_bad_inputs.sh).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
G="$TMP/gen"
mkdir -p "$G"
python3 - "$G" <<'PY'
import sys
g = sys.argv[1]
base = open("tests/data/minimal.yaml", encoding="utf-8").read()
# 4 MiB + 1 byte (the limit is 4 MiB): E001 before parsing
pad = 4 * 1024 * 1024 + 1 - len(base.encode()) - len("texts:\n  other_matters: |\n")
open(f"{g}/size-4mib-plus-1.yaml", "w").write(base + "texts:\n  other_matters: |\n" + ("    " + "x" * 95 + "\n") * (pad // 100) + "#" * (pad % 100))
# exactly 4 MiB of comments after a valid file: still accepted
pad = 4 * 1024 * 1024 - len(base.encode())
open(f"{g}/size-4mib.yaml", "w").write(base + ("#" * 99 + "\n") * (pad // 100) + "#" * (pad % 100))
# 200001 YAML nodes in 400 KB (would take ~100 MB in yaml-cpp): E014 from the streaming prescan
open(f"{g}/nodes.yaml", "w").write("schema: 1\nexpenditure: [" + ",".join(["0"] * 200001) + "]\n")
# 20001 list items in five lists of ≤ 5000 (each list is within its own limit): E014
s = base + "projects:\n"
for p in range(5):
    s += f"  - name: 项目{p}\n    indicators: [" + ",".join(["{}"] * (4000 if p < 4 else 4001)) + "]\n"
open(f"{g}/rows.yaml", "w").write(s)
# a valid department with 19990 table rows whose names wrap (about 1800 pages): seconds
# even on a fast machine (a release build typesets 600 one-line rows in well under a second)
s = base + "projects:\n"
for p in range(4):
    s += f"  - name: 项目{p}\n    indicators:\n"
    s += "".join(f"      - {{level1: 产出指标, level2: 数量指标, name: 第{p}组第{i}项按季度考核的重点工作完成情况及其质量、时效、成本和服务对象满意程度, value: \"{i}\"}}\n" for i in range(4996))
open(f"{g}/slow.yaml", "w").write(s.replace('code: "901"', 'code: "902"'))
# a valid department whose narrow 指标值 cells hold 190 long texts: more than 2000 pages (the column
# widths follow the content since issue 15: an unbreakable 60-letter code in 三级指标 keeps 指标值
# narrow, as the 4 MB file limit allows no text long enough for a wide column)
s = base + "projects:\n  - name: 项目\n    indicators:\n"
s += "".join(f"      - {{level1: 产出指标, level2: 数量指标, name: {'A' * 60}{i}, value: \"{'值' * 6600}\"}}\n" for i in range(190))
open(f"{g}/pages.yaml", "w").write(s.replace('code: "901"', 'code: "903"'))
PY

expect_check() {  # FILE CODE TEXT
  file=$1 code=$2 text=$3
  out=$(timeout 120 "$BP" check -q "$G/$file" 2>&1); rc=$?
  check '[ "$rc" -eq 1 ] && grep -q "错误\[$code\].*$text" <<<"$out"' "$file: rc=$rc, want $code $text: $(head -2 <<<"$out")"
}
expect_check size-4mib-plus-1.yaml E001 "文件过大"
expect_check nodes.yaml E014 "YAML 节点过多"
expect_check rows.yaml E014 "合计超过 20000 条"
out=$("$BP" check -q "$G/size-4mib.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 0 ]' "exactly 4 MiB is accepted: rc=$rc $(head -2 <<<"$out")"

# The node limit bounds memory: the prescan stops early.
/usr/bin/time -f "%M" -o "$TMP/rss" "$BP" check -q "$G/nodes.yaml" >/dev/null 2>&1
check '[ "$(tail -1 "$TMP/rss")" -lt 400000 ]' "nodes.yaml: peak RSS $(tail -1 "$TMP/rss") KB"

# Time: --time-limit 1 stops the slow department in its layout; the minimal one still builds.
cp tests/data/minimal.yaml "$G/ok.yaml"
mkdir -p "$TMP/two" && cp "$G/slow.yaml" "$G/ok.yaml" "$TMP/two/"
err=$(timeout 300 "$BP" build -j 2 --time-limit 1 -f pdf -o "$TMP/out" "$TMP/two" 2>&1); rc=$?
check '[ "$rc" -eq 1 ]' "--time-limit 1: rc=$rc, want 1: $(tail -3 <<<"$err")"
check 'grep -q "slow.yaml: 错误\[E014\]: 处理超时" <<<"$err"' "--time-limit 1: no 处理超时 error: $(tail -3 <<<"$err")"
check '[ -f "$TMP/out/2023/901-测试局.pdf" ] && [ ! -e "$TMP/out/2023/902-测试局.pdf" ]' "--time-limit 1: $(ls "$TMP/out/2023")"
check '[ -z "$(find "$TMP/out" -name ".*tmp*" -o -name ".budgetpress-staging*")" ]' "--time-limit: temp files left"
err=$(timeout 120 "$BP" build --time-limit abc -f pdf -o "$TMP/out" "$G/ok.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 2 ]' "--time-limit abc is a usage error: rc=$rc"

# Pages: more than 2000 pages is an error of that department (the DOCX, which Word paginates, is
# still written).
err=$(timeout 600 "$BP" build -f pdf -o "$TMP/out" "$G/pages.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 1 ] && grep -q "错误\[E014\]: 排版结果超过 2000 页" <<<"$err"' "pages: rc=$rc $(tail -2 <<<"$err")"
check '[ ! -e "$TMP/out/2023/903-测试局.pdf" ]' "pages: a PDF was written"

# Memory: --max-memory caps the address space; a department that needs more fails with E014 and
# the others build. (AddressSanitizer builds reserve terabytes of address space: ignored there.)
err=$(timeout 300 "$BP" build -j 1 --max-memory 256 -f pdf --force -o "$TMP/mem" "$TMP/two" 2>&1); rc=$?
if grep -q "ASan 构建不支持 --max-memory" <<<"$err"; then
  echo "(ASan build: --max-memory ignored, as documented)"
  check '[ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]' "--max-memory under ASan: rc=$rc"
else
  check '[ "$rc" -eq 1 ] && grep -q "slow.yaml: 错误\[E014\]: 内存不足" <<<"$err"' "--max-memory 256: rc=$rc $(tail -2 <<<"$err")"
  check '[ -f "$TMP/mem/2023/901-测试局.pdf" ]' "--max-memory 256: the small department was not built"
fi
# Since 20I the cap is the writable memory (RLIMIT_DATA), not the address space: the 32 MiB
# segments mimalloc reserves per thread no longer count until they are used. At the minimum cap,
# with two workers (each with helper threads whose 8 MiB stacks count whole), nothing aborts: a
# thread that cannot start leaves its work to the thread that asked or fails the run with E014,
# departments that do not fit fail with E014, and no temp file is left. At 128 MiB the small
# department builds in all four formats and the large one fails with E014.
if ! grep -q "ASan 构建不支持 --max-memory" <<<"$err"; then
  for mib in 64 128; do
    err=$(timeout 300 "$BP" build -j 2 --max-memory $mib -f pdf,xlsx,docx,json --force -o "$TMP/mem$mib" "$TMP/two" 2>&1); rc=$?
    check '[ "$rc" -eq 1 ] || { [ "$mib" -eq 64 ] && [ "$rc" -eq 2 ] && grep -q "错误\[E014\]" <<<"$err"; }' "--max-memory $mib -j 2: rc=$rc $(tail -2 <<<"$err")"
    check '! grep -q -E "terminate called|Aborted|E002" <<<"$err"' "--max-memory $mib -j 2: $(grep -m1 -E "terminate|Aborted|E002" <<<"$err")"
    check '[ ! -e "$TMP/mem$mib/2023/902-测试局.pdf" ]' "--max-memory $mib -j 2: the large department has a PDF"
    check '[ -z "$(find "$TMP/mem$mib" -name ".*tmp*" -o -name ".budgetpress-staging*")" ]' "--max-memory $mib: temp files left"
  done
  check 'grep -q "slow.yaml: 错误\[E014\]: 内存不足" <<<"$err"' "--max-memory 128 -j 2: $(tail -2 <<<"$err")"
  check '[ "$(ls "$TMP/mem128/2023" | grep -c "^901-测试局")" -eq 4 ]' "--max-memory 128 -j 2, the small department: $(ls "$TMP/mem128/2023")"
  # Where memory runs out at 64 MiB depends on the two workers' timing: repeated, so that each
  # place is met. Found in round 11: a worker whose result could not be set up ended the process
  # with std::terminate (about 1 run in 10), and a YAML parser whose buffers could not be
  # allocated looped for ever. Each run must end, by itself, with E014 or a failed department.
  for rep in $(seq 1 15); do
    rm -rf "$TMP/mem64r"
    err=$(timeout -s KILL 60 "$BP" build -j 2 --max-memory 64 -f pdf,xlsx,docx,json --force -o "$TMP/mem64r" "$TMP/two" 2>&1); rc=$?
    check '[ "$rc" -eq 1 ] || { [ "$rc" -eq 2 ] && grep -q "错误\[E014\]" <<<"$err"; }' "--max-memory 64 -j 2, run $rep: rc=$rc $(tail -2 <<<"$err")"
    check '! grep -q -E "terminate called|Aborted|std::bad_alloc" <<<"$err"' "--max-memory 64 -j 2, run $rep: $(grep -m1 -E "terminate|Aborted|std::bad_alloc" <<<"$err")"
  done
  # A lone department (its fonts loaded on a second thread) builds under 96 MiB.
  err=$(timeout 120 "$BP" build --max-memory 96 -f pdf --force -o "$TMP/mem-one" "$G/ok.yaml" 2>&1); rc=$?
  check '[ "$rc" -eq 0 ] && [ -f "$TMP/mem-one/2023/901-测试局.pdf" ]' "--max-memory 96, one department: rc=$rc $(tail -2 <<<"$err")"
fi
err=$(timeout 60 "$BP" build --max-memory 1 -f pdf -o "$TMP/mem" "$G/ok.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 2 ]' "--max-memory below 64 MiB is a usage error: rc=$rc"
finish
