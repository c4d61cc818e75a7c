# A lone department's front (app/batch.cpp, build_into): its document tree is built while its
# fonts may still be loading on the other thread (FontsBeside), before the wait for them — the
# trace shows "document" ending before "wait(fonts)" begins, on the worker — and the outputs are
# the same bytes as when the tree is built after the wait (a batch of two, which has no fonts
# thread and builds each tree in write_outputs). Its theme is read on that thread too (cli,
# run_build): a broken one is still 错误[E628] with exit code 2 and no output, as for a batch.
# Its worker, once the department is delivered, and its fonts thread, once the fonts are loaded,
# are left to the process's end (parked in pause(), never ending themselves); a batch's workers
# end (strace).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000

before_us=$(date +%s%6N)
BUDGETPRESS_TRACE="$TMP/trace.tsv" "$BP" build -q -f pdf,xlsx,docx -o "$TMP/lone" examples/2023/631.yaml \
  >/dev/null 2>"$TMP/err"
check '[ $? -eq 0 ]' "lone build failed: $(cat "$TMP/err")"
after_us=$(date +%s%6N)
# The trace's origin on the wall clock (bench/trace/edges.sh splits a run's time with it): within
# the run, and its last span ends before the run does.
origin_us=$(awk -F'\t' '/^# origin_unix_us\t/ { print $2 }' "$TMP/trace.tsv")
last_us=$(awk -F'\t' '!/^#/ && $4 > m { m = $4 } END { print m + 0 }' "$TMP/trace.tsv")
check '[ -n "$origin_us" ] && [ "$origin_us" -ge "$before_us" ] &&
       [ $((origin_us + last_us)) -le "$after_us" ]' \
  "trace origin ${origin_us:-missing} (last span +$last_us us) not within the run [$before_us, $after_us]"
order=$(python3 - "$TMP/trace.tsv" <<'PY'
import sys
spans = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if not l.startswith("#")]
doc = [(int(s), int(e), t) for t, n, s, e in spans if n == "document"]
wait = [(int(s), int(e), t) for t, n, s, e in spans if n == "wait(fonts)"]
if len(doc) != 1 or len(wait) != 1:
    print("spans", len(doc), len(wait))
elif doc[0][2] != wait[0][2]:
    print("threads", doc[0][2], wait[0][2])
else:
    print("ok" if doc[0][1] <= wait[0][0] else "after")
PY
)
check '[ "$order" = ok ]' "the document tree was not built before the wait for the fonts: $order"

# The department is loaded on the fonts thread ahead of its worker (app/loaded_ahead.hpp), and the
# worker takes that load (the outputs below are compared with a batch's, which loads on its
# workers); under --max-memory it is not, and the worker loads it as before.
ahead() {  # ahead TRACE: "yes" when a load(ahead) span ran on another thread than the department's
  python3 - "$1" <<'PY'
import sys
spans = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if not l.startswith("#")]
dept = {t for t, n, s, e in spans if n == "department"}
ahead = {t for t, n, s, e in spans if n == "load(ahead)"}
print("yes" if ahead and not (ahead & dept) else "no" if not ahead else "same thread")
PY
}
check '[ "$(ahead "$TMP/trace.tsv")" = yes ]' "lone build: no load ahead on the fonts thread: $(ahead "$TMP/trace.tsv")"
BUDGETPRESS_TRACE="$TMP/trace-mem.tsv" "$BP" build -q -f pdf --max-memory 512 -o "$TMP/lone-mem" \
  examples/2023/631.yaml >/dev/null 2>"$TMP/err"
check '[ $? -eq 0 ]' "lone build under --max-memory failed: $(cat "$TMP/err")"
check '[ "$(ahead "$TMP/trace-mem.tsv")" = no ]' "lone build under --max-memory: loaded ahead"
check 'cmp -s "$TMP"/lone/2023/631-*.pdf "$TMP"/lone-mem/2023/631-*.pdf' "lone build under --max-memory: another PDF"

mkdir -p "$TMP/two"
cp examples/2023/631.yaml examples/2023/434.yaml "$TMP/two/"
"$BP" build -q -f pdf,xlsx,docx -o "$TMP/batch" "$TMP/two" >/dev/null 2>"$TMP/err"
check '[ $? -eq 0 ]' "batch build failed: $(cat "$TMP/err")"
for f in "$TMP"/lone/2023/631-*; do
  check 'cmp -s "$f" "$TMP/batch/2023/$(basename "$f")"' "$(basename "$f") differs between a lone build and a batch"
done
check '[ "$(ls "$TMP"/lone/2023/631-* | wc -l)" -eq 3 ]' "lone build: 3 outputs expected"

# The parked threads: two pause, and no thread calls exit itself; in the batch none pauses.
# (A sanitizer build ends its threads as usual: nothing to see there.)
if command -v strace >/dev/null && ! nm -D "$BP" 2>/dev/null | grep -q __asan_init; then
  strace -f -qq -e trace=pause,exit -o "$TMP/lone.trace" "$BP" build -q -f pdf -o "$TMP/park" \
    examples/2023/631.yaml >/dev/null 2>&1
  parked=$(python3 - "$TMP/lone.trace" <<'PY'
import re, sys
paused, exited = set(), set()
for line in open(sys.argv[1]):
    m = re.match(r"(\d+)\s+(pause|exit)\(", line)
    if m:
        (paused if m.group(2) == "pause" else exited).add(m.group(1))
print(len(paused - exited), len(exited))
PY
)
  check '[ "${parked% *}" -eq 2 ]' "lone build: ${parked% *} threads parked (2 expected: the worker, the fonts thread)"
  # The layout's and the PDF's helpers are parked too (waiting on a condition variable): no thread
  # of a lone build ends itself; the process's exit takes them all.
  check '[ "${parked#* }" -eq 0 ]' "lone build: ${parked#* } threads ended themselves (0 expected)"
  strace -f -qq -e trace=pause -o "$TMP/batch.trace" "$BP" build -q -f pdf -o "$TMP/park2" "$TMP/two" \
    >/dev/null 2>&1
  check '! grep -q "pause(" "$TMP/batch.trace"' "a batch parked a worker: $(grep pause "$TMP/batch.trace")"
fi

# A broken theme (a site overlay's default.yaml): the lone build and a batch of two say the same.
mkdir -p "$TMP/site/themes"
printf 'body:\n  size: abc\n' > "$TMP/site/themes/default.yaml"
"$BP" --site "$TMP/site" build -q -f pdf -o "$TMP/bad-lone" examples/2023/631.yaml >/dev/null 2>"$TMP/lone.err"
rc_lone=$?
"$BP" --site "$TMP/site" build -q -f pdf -o "$TMP/bad-batch" "$TMP/two" >/dev/null 2>"$TMP/batch.err"
rc_batch=$?
check '[ "$rc_lone" -eq 2 ] && [ "$rc_batch" -eq 2 ]' "broken theme: exit codes $rc_lone (lone), $rc_batch (batch); 2 expected"
check 'grep -q "错误\[E628\]: 主题文件有误" "$TMP/lone.err"' "broken theme, lone: $(cat "$TMP/lone.err")"
check 'grep -q "错误\[E628\]: 主题文件有误" "$TMP/batch.err"' "broken theme, batch: $(cat "$TMP/batch.err")"
check '[ -z "$(find "$TMP/bad-lone" -type f 2>/dev/null)" ]' "broken theme, lone: files written: $(find "$TMP/bad-lone" -type f)"
finish
