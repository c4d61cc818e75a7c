# Every text key of docs/schema.md, set to a probe value in a department of every form, is printed in the
# PDF or `check` warns that the form does not print it (issue 14, item 1).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000
res=$(python3 tests/e2e/py/schema_probe.py "$BP" "$SRC" "$TMP"); rc=$?
echo "$res" | head -40
check '[ "$rc" -eq 0 ]' "probe: $res"
# The probe must be able to fail: a key the 2023 form does not print, without its warning, is caught.
check 'grep -q "text keys" <<<"$res"' "probe did not run"
finish
