# kill -9 credit (issue 19): every finished department is journaled (OUT/.budgetpress-manifest.journal,
# appended and fsync'ed), so the run after a kill -9 rebuilds only what was not finished; the end
# of a run compacts the journal into the manifest.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000
N=120
D="$TMP/depts"
OUT="$TMP/out"
copies_of_434 "$N" 10000 "$D"
J="$OUT/.budgetpress-manifest.journal"

"$BP" build -j 2 -f json,pdf -o "$OUT" "$D" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do  # until ≥ 10 departments are journaled (at most ~60 s)
  [ -f "$J" ] && [ "$(grep -c . "$J")" -ge 10 ] && break
  sleep 0.1
done
kill -9 $pid
wait $pid 2>/dev/null
check '[ ! -f "$OUT/.budgetpress-manifest.json" ]' "the manifest was written although the run was killed"
journaled=$(python3 - "$J" <<'PY'
import json, sys
n = set()
for line in open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]:  # a cut last line is skipped
    try:
        n.add(json.loads(line)["file"])
    except Exception:
        pass
print(len(n))
PY
)
complete=$(find "$OUT/2023" -name "*.pdf" | wc -l)
echo "killed: $journaled departments journaled, $complete PDFs in place"
check '[ "$journaled" -ge 10 ] && [ "$journaled" -lt $N ]' "journal: $journaled of $N"
check '[ "$complete" -ge "$journaled" ]' "journaled departments without their PDF: $complete < $journaled"

err=$("$BP" build -j 2 -f json,pdf -o "$OUT" "$D" 2>&1 >/dev/null); rc=$?
check '[ "$rc" -eq 0 ]' "rerun: rc=$rc $(tail -2 <<<"$err")"
# Every journaled department is credited; at most the ones published but not yet journaled when
# the kill came (one per worker) are built again.
unchanged=$(grep -o "未变化 [0-9]* 个" <<<"$err" | grep -o "[0-9]*")
check '[ -n "$unchanged" ] && [ "$unchanged" -ge "$journaled" ] && [ "$unchanged" -le "$complete" ]' "rerun credits $unchanged, journaled $journaled, complete $complete: $(tail -1 <<<"$err")"
check '[ ! -e "$J" ]' "the journal was not compacted at the end of the run"
check '[ -f "$OUT/.budgetpress-manifest.json" ]' "no manifest after the rerun"
err=$("$BP" build -j 2 -f json,pdf -o "$OUT" "$D" 2>&1 >/dev/null)
check 'grep -q "生成 0 个部门，失败 0 个，未变化 $N 个" <<<"$err"' "third run: $(tail -1 <<<"$err")"
finish
