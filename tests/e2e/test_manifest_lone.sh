# The incremental-build record of a lone build (round 9, 20G): a run of one department writes no
# journal line, only the manifest at its end. The records must be those a batch makes (journal
# then compaction), a journal left by a killed run must still be folded in and removed, and the
# next run must credit the department.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000
A=examples/2023/434.yaml
B=examples/2023/631.yaml
M=.budgetpress-manifest.json
J=.budgetpress-manifest.journal

# A lone build: manifest, no journal; the rerun finds the department unchanged.
"$BP" build -q -f pdf,json -o "$TMP/lone" "$A" >/dev/null 2>"$TMP/err"
check '[ $? -eq 0 ]' "lone build failed: $(head -c 400 "$TMP/err")"
check '[ -f "$TMP/lone/$M" ] && [ ! -e "$TMP/lone/$J" ]' "lone build: manifest missing or journal left"
err=$("$BP" build -f pdf,json -o "$TMP/lone" "$A" 2>&1 >/dev/null)
check 'grep -q "生成 0 个部门，失败 0 个，未变化 1 个" <<<"$err"' "lone rerun: $(tail -1 <<<"$err")"

# Two lone builds give the manifest of one batch of both (journaled, then compacted).
"$BP" build -q -j1 -f pdf,json -o "$TMP/batch" "$A" "$B" >/dev/null 2>"$TMP/err"
check '[ $? -eq 0 ]' "batch failed: $(head -c 400 "$TMP/err")"
"$BP" build -q -f pdf,json -o "$TMP/two" "$A" >/dev/null 2>&1
"$BP" build -q -f pdf,json -o "$TMP/two" "$B" >/dev/null 2>&1
check 'cmp -s "$TMP/batch/$M" "$TMP/two/$M"' "two lone builds' manifest differs from the batch's: $(diff "$TMP/batch/$M" "$TMP/two/$M" | head -5)"

# After a killed run: its journal (B's line, B's outputs in place, no manifest) is folded into
# the manifest by a lone build of A and removed; B is then credited.
mkdir -p "$TMP/killed/2023"
cp "$TMP/batch/2023/"631-* "$TMP/killed/2023/"
python3 - "$TMP/batch/$M" "$TMP/killed/$J" <<'PY'
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
key = next(k for k in m["departments"] if k.endswith("631.yaml"))
line = {"budgetpress_journal": 1, "file": key, "entry": m["departments"][key]}
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(line, ensure_ascii=False) + "\n")
PY
"$BP" build -q -f pdf,json -o "$TMP/killed" "$A" >/dev/null 2>"$TMP/err"
check '[ $? -eq 0 ]' "lone build after a killed run failed: $(head -c 400 "$TMP/err")"
check '[ ! -e "$TMP/killed/$J" ]' "the killed run's journal was not compacted by the lone build"
check 'cmp -s "$TMP/batch/$M" "$TMP/killed/$M"' "manifest after the killed run's journal: $(diff "$TMP/batch/$M" "$TMP/killed/$M" | head -5)"
err=$("$BP" build -f pdf,json -o "$TMP/killed" "$B" 2>&1 >/dev/null)
check 'grep -q "生成 0 个部门，失败 0 个，未变化 1 个" <<<"$err"' "journaled department not credited: $(tail -1 <<<"$err")"
finish
