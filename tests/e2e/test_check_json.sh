# check accepts the bundled examples; build --format json writes the derived tables as open data.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
out=$("$BP" check examples 2>&1); rc=$?
check '[ "$rc" -eq 0 ]' "examples should pass check: $out"
check 'grep -q "检查了 7 个文件" <<<"$out"' "summary line missing: $out"

"$BP" build --format json --out "$TMP/out" examples >/dev/null 2>&1; rc=$?
check '[ "$rc" -eq 0 ]' "json build failed: rc=$rc"
f434=$(ls "$TMP"/out/2023/434-*.json 2>/dev/null | head -1)
f201=$(ls "$TMP"/out/2024/201-*.json 2>/dev/null | head -1)
check '[ -n "$f434" ] && [ -n "$f201" ]' "json files not at OUT/<year>/<code>-<name>.json: $(find "$TMP/out")"
py() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); $1" "$2"; }
check '[ "$(py "t={x[\"id\"]:x for x in d[\"tables\"]}; print(t[\"t1-summary\"][\"rows\"][31][\"cells\"][4])" "$f434")" = "2075.36" ]' "434 本年支出合计"
check '[ "$(py "print(d[\"figures\"][\"total_change\"][\"change\"])" "$f434")" = "354.58" ]' "434 比上年增减"
check '[ "$(py "print(d[\"figures\"][\"project_change\"][\"change\"])" "$f434")" = "-5.20" ]' "434 项目支出增减"
check '[ "$(py "print(len(d[\"tables\"]))" "$f201")" = "9" ]' "201 should have 9 tables"
check '[ "$(py "t={x[\"id\"]:x for x in d[\"tables\"]}; print(t[\"t9-three-public\"][\"rows\"][0][\"cells\"][2])" "$f201")" = "5.00" ]' "201 三公合计"
check '[ "$(py "t={x[\"id\"]:x for x in d[\"tables\"]}; print(t[\"t2-income\"][\"columns\"][4])" "$f434")" = "本年收入/小计" ]' "column label path"
# Deterministic: a second build gives identical bytes.
"$BP" build --format json --out "$TMP/out2" examples >/dev/null 2>&1
check 'diff -r "$TMP/out" "$TMP/out2" >/dev/null' "json output not deterministic"
# A bad file among good ones: the good ones still build, exit 1.
mkdir -p "$TMP/batch"; cp examples/2023/434.yaml tests/bad/income-mismatch.yaml "$TMP/batch/"
"$BP" build --format json --out "$TMP/out3" "$TMP/batch" >/dev/null 2>&1; rc=$?
check '[ "$rc" -eq 1 ] && ls "$TMP"/out3/2023/434-*.json >/dev/null 2>&1' "bad file must not stop the batch (rc=$rc)"
check '[ -z "$(find "$TMP/out3" -name ".*tmp*")" ]' "temp files left behind"
finish
