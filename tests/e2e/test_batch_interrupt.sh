# Ctrl-C / SIGTERM during a large batch (docs/batch.md): no new department starts, exit 130 / 143,
# no partial file and no temp file is left, every department has all of its outputs or none, and
# the next run builds exactly what is missing.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000

N=300
D="$TMP/depts"
copies_of_434 "$N" 10000 "$D"
FORMATS=json,xlsx
"$BP" build -f xlsx -o "$TMP/probe" examples/2023/434.yaml >/dev/null 2>&1 || FORMATS=json,txt

# Waits (at most ~30 s) until OUT has at least one output, then sends the signal.
interrupt_when_started() {  # PID SIGNAL OUT
  for _ in $(seq 1 300); do
    [ -n "$(find "$3" -path "*/2023/*" -name "*.json" 2>/dev/null | head -1)" ] && break
    sleep 0.1
  done
  kill -"$2" "$1"
}
wait_bounded() {  # PID → exit code (kills after ~60 s)
  for _ in $(seq 1 600); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$1" 2>/dev/null && { kill -9 "$1"; echo "budgetpress did not stop" >&2; }
  wait "$1"
}
# Every department has all of its outputs or none; each file is complete (JSON parses, the xlsx
# zip passes its CRC test).
consistent() {  # OUT
  python3 - "$1" "$FORMATS" <<'PY'
import json, os, sys, zipfile
out, formats = sys.argv[1], sys.argv[2].split(",")
d = os.path.join(out, "2023")
names = [n for n in os.listdir(d) if n != "汇总.xlsx"] if os.path.isdir(d) else []
stems = {n.rsplit(".", 1)[0] for n in names}
bad = []
for s in sorted(stems):
    for f in formats:
        p = os.path.join(d, s + "." + f)
        if not os.path.isfile(p):
            bad.append("missing " + p); continue
        try:
            if f == "json": json.load(open(p))
            if f == "xlsx":
                with zipfile.ZipFile(p) as z:
                    if z.testzip() is not None: bad.append("crc " + p)
        except Exception as e:
            bad.append("broken %s: %s" % (p, e))
if bad: print("\n".join(bad[:5]))
sys.exit(1 if bad else 0)
PY
}
count() { find "$1" -path "*/2023/*" -name "*.json" | wc -l; }
temps() { find "$1" -name ".*.tmp.*" -o -name ".budgetpress-staging*"; }

"$BP" build -j 2 -f $FORMATS -o "$TMP/out" "$D" >/dev/null 2>"$TMP/err" &
pid=$!
interrupt_when_started $pid INT "$TMP/out"
wait_bounded $pid; rc=$?
built=$(count "$TMP/out")
check '[ "$rc" -eq 130 ]' "SIGINT should exit 130, got $rc ($(tail -3 "$TMP/err"))"
check '[ "$built" -gt 0 ] && [ "$built" -lt $N ]' "interrupted part-way: $built of $N built"
check 'grep -q "已中断" "$TMP/err"' "interruption notice: $(tail -3 "$TMP/err")"
check '[ -z "$(temps "$TMP/out")" ]' "temp files left after SIGINT: $(temps "$TMP/out" | head -3)"
check 'consistent "$TMP/out"' "partial department outputs after SIGINT: $(consistent "$TMP/out" | head -3)"

"$BP" build -j 2 -f $FORMATS -o "$TMP/out" "$D" >/dev/null 2>"$TMP/err" &
pid=$!
sleep 0.5
kill -TERM $pid
wait_bounded $pid; rc=$?
check '[ "$rc" -eq 143 ] || [ "$rc" -eq 0 ]' "SIGTERM should exit 143, got $rc"
check '[ -z "$(temps "$TMP/out")" ]' "temp files left after SIGTERM"
check 'consistent "$TMP/out"' "partial department outputs after SIGTERM"

# The rest: what was built is unchanged, the others are built now.
before=$(count "$TMP/out")
err=$("$BP" build -j 2 -f $FORMATS -o "$TMP/out" "$D" 2>&1 >/dev/null); rc=$?
check '[ "$rc" -eq 0 ]' "final run: rc=$rc"
check 'grep -q "生成 $((N - before)) 个部门，失败 0 个，未变化 $before 个" <<<"$err"' "final run builds exactly the rest ($before done before): $(tail -1 <<<"$err")"
check '[ "$(count "$TMP/out")" -eq $N ]' "all $N built at the end"
check 'consistent "$TMP/out"' "final outputs consistent"
finish
