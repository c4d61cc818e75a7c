# new-year (docs/batch.md#new-year): next year's files from this year's. Written to the sibling
# year directory, year + 1, amounts cleared so that check lists exactly the lines to fill, last
# year's figures filled in, never overwriting without --force, and valid once the amounts are in.
source "$(dirname "$0")/lib.sh"
cd "$SRC"

mkdir -p "$TMP/depts/2023" "$TMP/flat"
cp examples/2023/434.yaml examples/2023/631.yaml "$TMP/depts/2023/"
cp examples/2024/201.yaml "$TMP/flat/"

out=$("$BP" new-year "$TMP/depts/2023" 2>"$TMP/err"); rc=$?
check '[ "$rc" -eq 0 ]' "new-year failed: rc=$rc $(cat "$TMP/err")"
check '[ -f "$TMP/depts/2024/434.yaml" ] && [ -f "$TMP/depts/2024/631.yaml" ]' "files in the sibling year directory: $(find "$TMP/depts")"
check 'grep -q "2024/434.yaml" <<<"$out"' "written paths on stdout: $out"
f="$TMP/depts/2024/434.yaml"
check 'grep -q "^  year: 2024" "$f"' "year + 1"
check 'grep -q "^  form: \"2023\"" "$f"' "form kept (2024 is a changed form)"
check 'grep -q "^  - code: \"2010301\"   # 行政运行" "$f"' "codes and their comments kept"
check 'grep -q "^  basic: 1892.49" "$f" && grep -q "^  project: 182.87" "$f" && grep -q "^  running_cost: 109.45" "$f"' "previous_year = this year's 基本/项目/公用: $(grep -A4 "^previous_year" "$f")"
check '! grep -q "^expect:" "$f"' "expect removed"

# As generated: check lists the lines to fill, nothing else.
err=$("$BP" check "$f" 2>&1); rc=$?
codes=$(grep -o "错误\[E[0-9]*\]" <<<"$err" | sort -u | tr '\n' ' ')
check '[ "$rc" -eq 1 ] && [ "$codes" = "错误[E023] " ]' "only E023 (lines to fill) expected: $codes"
check '[ "$(grep -c "错误\[E023\]" <<<"$err")" -eq "$(grep -c "^  - code:" examples/2023/434.yaml)" ]' "one E023 per expenditure line"
check 'grep -q "^$f:[0-9]*:[0-9]*: 错误\[E023\]" <<<"$err"' "FILE:LINE:COL for each line to fill"

# Never overwrite without --force; never the input itself.
echo "# clerk's work" >>"$f"
sum=$(md5sum <"$f")
err=$("$BP" new-year "$TMP/depts/2023/434.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 1 ] && grep -q "已存在" <<<"$err" && grep -q -- "--force" <<<"$err"' "existing file must be refused: rc=$rc $err"
check '[ "$(md5sum <"$f")" = "$sum" ]' "existing file was modified"
"$BP" new-year --force "$TMP/depts/2023/434.yaml" >/dev/null 2>&1; rc=$?
check '[ "$rc" -eq 0 ] && ! grep -q "clerk" "$f"' "--force overwrites: rc=$rc"
err=$("$BP" new-year "$TMP/flat/201.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 1 ] && grep -q -- "--out" <<<"$err"' "not in a year directory: --out required: $err"
err=$("$BP" new-year --force --out "$TMP/flat" "$TMP/flat/201.yaml" 2>&1); rc=$?
check '[ "$rc" -eq 1 ] && grep -q "输入文件本身" <<<"$err" && grep -q "^  year: 2024" "$TMP/flat/201.yaml"' "the input itself is never overwritten: $err"
"$BP" new-year --out "$TMP/next" "$TMP/flat/201.yaml" >/dev/null 2>&1
check '[ -f "$TMP/next/201.yaml" ] && grep -q "^  year: 2025" "$TMP/next/201.yaml"' "--out DIR"
# The 2025 profile continues the 2024 form unchanged: the draft names it and checks without W110.
check 'grep -q "^  form: \"2025\"" "$TMP/next/201.yaml" && grep -q "公开格式由“2024”改为" "$TMP/next/201.yaml"' "2024 form moves to 2025: $(grep -n "form" "$TMP/next/201.yaml" | head -3)"
out=$("$BP" check "$TMP/next/201.yaml" 2>&1)
check '! grep -q "W110\|W111" <<<"$out"' "2025 draft warns about its form or catalogue: $out"
err=$("$BP" new-year --out "$TMP/next" tests/bad/income-mismatch.yaml 2>&1); rc=$?
check '[ "$rc" -eq 1 ] && grep -q "先修正" <<<"$err"' "a file with errors is refused: $err"

# Filled in (python: this year's amounts where next year has 0), the file passes check and builds.
if python3 -c "import yaml" 2>/dev/null; then
  python3 - "$TMP/depts/2023/631.yaml" "$TMP/depts/2024/631.yaml" "$TMP/filled.yaml" <<'PY'
import sys, yaml
now, nxt = (yaml.load(open(p), Loader=yaml.BaseLoader) for p in sys.argv[1:3])
def fill(a, b):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in a:
            if k not in ("previous_year", "last_year") and k in b: a[k] = fill(a[k], b[k])
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [fill(x, y) for x, y in zip(a, b)]
    elif a == "0" and isinstance(b, str):
        return b
    return a
yaml.safe_dump(fill(nxt, now), open(sys.argv[3], "w"), allow_unicode=True, sort_keys=False)
PY
  err=$("$BP" check "$TMP/filled.yaml" 2>&1); rc=$?
  check '[ "$rc" -eq 0 ]' "filled next-year file should pass check: $err"
  "$BP" build -f json -o "$TMP/out" "$TMP/filled.yaml" >/dev/null 2>&1
  j=$(ls "$TMP"/out/2024/631-*.json 2>/dev/null | head -1)
  check '[ -n "$j" ] && [ "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d[\"figures\"][\"total_change\"][\"change\"])" "$j")" = "0.00" ]' "same amounts as last year: 比上年增减 0.00"
else
  echo "python3-yaml missing: the fill-in check is covered by tests/unit/test_batch_new_year.cpp only"
fi
finish
