# Issue 20e: the year profiles are parsed when a department first needs one, and a lone department's
# fonts load on a second thread while it is read. What a clerk sees must not change: a malformed
# profile that the department uses stops `build` with the message (and exit 2) that `check` — which
# still validates every profile at start — gives; one it does not use stops nothing; a broken font
# stops a lone department's build with 错误[E628] before any diagnostic of the department.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000
IN=tests/data/minimal.yaml   # form "2023"
S="$TMP/site"
mkdir -p "$S/profiles"
# A table without its title, in the overlay's copy of a profile.
break_profile() { sed -e '0,/^    title: /s//    titel: /' config/profiles/2024.yaml >"$S/profiles/$1.yaml"; }

# --- unused: build goes on, check (all profiles) stops ----------------------------------------------
break_profile 2026
"$BP" --site "$S" build --force -q -f pdf,json -o "$TMP/unused" "$IN" >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ] && [ -s "$TMP"/unused/2023/*.pdf ]' "unused broken profile: rc=$rc $(head -3 "$TMP/err")"
"$BP" --site "$S" check "$IN" >/dev/null 2>"$TMP/check-err"; rc=$?
check '[ "$rc" -eq 2 ] && grep -q "^budgetpress: 错误: .*profiles/2026.yaml:[0-9:]*: 年度格式配置错误" "$TMP/check-err"' \
  "check validates every profile: rc=$rc $(head -3 "$TMP/check-err")"

# --- used: build stops exactly as check does, nothing written ---------------------------------------
rm "$S/profiles/2026.yaml"
break_profile 2023
"$BP" --site "$S" check "$IN" >/dev/null 2>"$TMP/check-err"; crc=$?
for fmt in pdf json pdf,xlsx; do
  "$BP" --site "$S" build --force -q -f "$fmt" -o "$TMP/used-$fmt" "$IN" >/dev/null 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 2 ] && [ "$crc" -eq 2 ] && cmp -s "$TMP/err" "$TMP/check-err"' \
    "used broken profile, -f $fmt: rc=$rc (check $crc), stderr differs: $(diff "$TMP/check-err" "$TMP/err" | head -4)"
  check '[ -z "$(find "$TMP/used-$fmt" -type f ! -name ".*" 2>/dev/null)" ]' "used broken profile, -f $fmt: files written"
done
# A batch of two (one uses it): stops with the same message, exit 2.
mkdir -p "$TMP/two"
cp "$IN" "$TMP/two/a.yaml"
sed -e 's/code: "901"/code: "902"/' "$IN" >"$TMP/two/b.yaml"
"$BP" --site "$S" build --force -q -j2 -f json -o "$TMP/two-out" "$TMP/two" >/dev/null 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && cmp -s "$TMP/err" "$TMP/check-err"' "batch with a used broken profile: rc=$rc $(head -3 "$TMP/err")"

# --- a lone department with a broken font: E628 first, nothing of the department ---------------------
mkdir -p "$TMP/badfont/themes"
sed -e 's/^  serif: .*/  serif: 没有这个字体族/' config/themes/default.yaml >"$TMP/badfont/themes/default.yaml"
printf 'department:\n  code: "9x"\n' >"$TMP/bad-dept.yaml"   # broken data too: must not be reported
for f in "$IN" "$TMP/bad-dept.yaml"; do
  "$BP" --site "$TMP/badfont" build --force -q -f pdf -o "$TMP/font-out" "$f" >/dev/null 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 2 ] && grep -q "错误\[E628\]" "$TMP/err" && [ "$(grep -c "错误" "$TMP/err")" -eq 1 ]' \
    "broken font, lone department $f: rc=$rc $(head -4 "$TMP/err")"
  check '[ -z "$(find "$TMP/font-out" -type f ! -name ".*" 2>/dev/null)" ]' "broken font: files written"
done
# The same message as the preflight of a batch (two departments: fonts first, before any department).
"$BP" --site "$TMP/badfont" build --force -q -f pdf -o "$TMP/font-out2" "$TMP/two" >/dev/null 2>"$TMP/err2"; rc=$?
check '[ "$rc" -eq 2 ] && cmp -s "$TMP/err" "$TMP/err2"' "broken font: lone and batch messages differ: $(diff "$TMP/err" "$TMP/err2" | head -4)"

finish
