# Crash safety (issue 9): kill -9 in the middle of a batch leaves every output file either in its
# old or in its new version, never truncated — PDFs pass qpdf --check, xlsx/docx unzip -t, JSON
# parses — and the hidden temp files a killed run leaves behind are removed by the next build.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
N=${ROBUST_CRASH_DEPARTMENTS:-200}
D="$TMP/depts"
OUT="$TMP/out"
mkdir -p "$D"
for i in $(seq 1 "$N"); do
  sed -e "s/^  code: \"905\"/  code: \"$((9000 + i))\"/" examples/2021/905.yaml >"$D/d$i.yaml"
done

# Every output file changed since MARK (or all with MARK empty) is complete.
complete() {
  local mark=$1 bad=0 f
  local newer=()
  [ -n "$mark" ] && newer=(-newer "$mark")
  find "$OUT" -path "$OUT/20*" -type f ! -name '.*' "${newer[@]}" >"$TMP/files"
  wc -l <"$TMP/files" >"$TMP/checked"
  while IFS= read -r f; do
    case "$f" in
      *.pdf) qpdf --check "$f" >/dev/null 2>&1 || { echo "truncated PDF: $f"; bad=1; } ;;
      *.xlsx | *.docx) unzip -tq "$f" >/dev/null 2>&1 || { echo "broken zip: $f"; bad=1; } ;;
    esac
  done <"$TMP/files"
  grep '\.json$' "$TMP/files" | python3 -c '
import json, sys
bad = 0
for name in sys.stdin.read().splitlines():
    try:
        json.load(open(name))
    except Exception:
        print("broken JSON:", name); bad = 1
sys.exit(bad)' || bad=1
  return $bad
}
temps() { find "$OUT" -name '.*.tmp.*' -o -name '.budgetpress-staging.*' -o -name '.budgetpress-lock.*'; }

"$BP" build -q -j 2 -f all -o "$OUT" "$D" >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ]' "first build: rc=$rc $(tail -3 "$TMP/err")"
total=$(find "$OUT/2021" -type f | wc -l)
check '[ "$total" -eq $((4 * N + 1)) ]' "first build: $total files, want $((4 * N + 1))"
check 'complete ""' "first build has broken files"

# Rebuild everything (--force) and kill -9 at random moments.
rewritten=0
for round in 1 2 3 4 5; do
  touch "$TMP/mark"
  sleep 1.1  # mtime granularity: files written from now on are newer than the mark
  "$BP" build -q -j 2 --force -f all -o "$OUT" "$D" >/dev/null 2>&1 &
  pid=$!
  sleep "$(( (RANDOM % 40) / 10 + 1 )).$(( RANDOM % 10 ))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  out=$(complete "$TMP/mark"); ok=$?
  check '[ "$ok" -eq 0 ]' "round $round: $out"
  rewritten=$((rewritten + $(cat "$TMP/checked")))
  left=$(find "$OUT/2021" -type f ! -name '.*' | wc -l)
  check '[ "$left" -eq "$total" ]' "round $round: $left output files, want $total (a file vanished)"
done
check '[ "$rewritten" -gt 0 ]' "no kill landed after the first outputs were rewritten"

# Leftovers of the killed runs are allowed now, but the next build removes them.
leftovers=$(temps | wc -l)
echo "kill -9 rounds: $rewritten files rewritten and checked; $leftovers temp entries left behind"
# Incremental credit (issue 19): the killed --force runs journaled what they finished; nothing
# changed since the first build, so the next normal build renders nothing at all, and it compacts
# the journal into the manifest.
journal="$OUT/.budgetpress-manifest.journal"
echo "journal after the kills: $( [ -f "$journal" ] && grep -c . "$journal" || echo 0) lines"
"$BP" build -j 2 -f all -o "$OUT" "$D" >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ]' "build after the kills: rc=$rc $(tail -3 "$TMP/err")"
check 'grep -q "生成 0 个部门，失败 0 个，未变化 $N 个" "$TMP/err"' "build after the kills rebuilt departments: $(tail -1 "$TMP/err")"
check '[ ! -e "$journal" ]' "journal not compacted by the build after the kills"
check '[ -z "$(temps)" ]' "temp files not cleaned by the next build: $(temps | head -3)"
check 'complete ""' "outputs after the final build"
finish
