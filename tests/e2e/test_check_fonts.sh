# check verifies the theme's fonts (issue 17): a character no font of the theme covers is 错误[E627] at
# its FILE:LINE:COL, so that build never fails on coverage after check passed; a character only a
# fallback covers passes both; a missing theme font stops check once with exit 2 (E628).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
mk() {  # FILE TEXT
  cat >"$1" <<YAML
schema: 1
department: {code: "901", name: 测试局, year: 2023, form: "2023"}
income: {gpb: 100.00}
expenditure:
  - {code: "2010301", basic: 80.00}
  - {code: "2010302", project: 20.00}
basic_economic:
  - {code: "30101", amount: 70.00}
  - {code: "30201", amount: 10.00}
texts:
  other_matters: $2
YAML
}
# U+1F600 (an emoji): in no font of the default theme.
mk "$TMP/emoji.yaml" "本部门无其他😀事项。"
"$BP" check "$TMP/emoji.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 1 ]' "uncovered character: check rc=$rc (want 1)"
check 'grep -q "^$TMP/emoji.yaml:11:24: 错误\[E627\]: .*😀.*U+1F600" "$TMP/err"' "E627 at FILE:11:24 naming the character expected: $(cat "$TMP/err")"
check '[ "$(grep -c "E627" "$TMP/err")" -eq 1 ]' "one E627 per character expected"
"$BP" build -q -o "$TMP/out" "$TMP/emoji.yaml" >/dev/null 2>"$TMP/berr"; rc=$?
check '[ "$rc" -eq 1 ]' "uncovered character: build should fail as check did: rc=$rc"
"$BP" check --no-fonts "$TMP/emoji.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ] && ! grep -q E627 "$TMP/err"' "--no-fonts skips the coverage: rc=$rc $(head -2 "$TMP/err")"
# U+9FEB: not in Noto Serif CJK but in Noto Sans CJK (a fallback): check passes, build passes (W300).
mk "$TMP/fallback.yaml" "本部门承办鿫元素。"
"$BP" check "$TMP/fallback.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ]' "fallback character: check rc=$rc $(grep 错误 "$TMP/err" | head -2)"
"$BP" build -q -o "$TMP/out2" "$TMP/fallback.yaml" >/dev/null 2>"$TMP/berr"; rc=$?
check '[ "$rc" -eq 0 ]' "fallback character: build rc=$rc after check passed $(head -2 "$TMP/berr")"
# Invisible characters the typesetter sets without a glyph (U+200B, U+FE0F) are not reported.
mk "$TMP/zw.yaml" "本部门​无其他️事项。"
sed -i 's/\\u200b/\xe2\x80\x8b/; s/\\ufe0f/\xef\xb8\x8f/' "$TMP/zw.yaml"
check 'grep -q "$(printf "\xe2\x80\x8b")" "$TMP/zw.yaml"' "test setup: no U+200B in the file"
"$BP" check "$TMP/zw.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 0 ] && ! grep -q E627 "$TMP/err"' "invisible characters: rc=$rc $(head -2 "$TMP/err")"
# A character from a catalogue or template rather than the file: E627 names the file without a line.
mkdir -p "$TMP/site/catalog/function"
sed 's/^2010301\t.*/2010301\t行政运行😀/' config/catalog/function/2023.tsv >"$TMP/site/catalog/function/2023.tsv"
mk "$TMP/plain.yaml" "无。"
"$BP" --site "$TMP/site" check "$TMP/plain.yaml" 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 1 ] && grep -q "^$TMP/plain.yaml: 错误\[E627\]: .*来自说明模板、科目目录或年度格式" "$TMP/err"' "catalogue character: rc=$rc $(cat "$TMP/err")"
# A theme font that is not there: once, exit 2, before any file.
mkdir -p "$TMP/nofont/themes"
sed 's/^  serif: .*/  serif: No Such Font SC/' config/themes/default.yaml >"$TMP/nofont/themes/default.yaml"
"$BP" --site "$TMP/nofont" check "$TMP/plain.yaml" examples/2023 2>"$TMP/err"; rc=$?
check '[ "$rc" -eq 2 ] && [ "$(grep -c "错误\[E628\]" "$TMP/err")" -eq 1 ] && grep -q "No Such Font SC" "$TMP/err"' "missing font: rc=$rc $(cat "$TMP/err")"
check '! grep -q "检查了" "$TMP/err"' "missing font: files were checked anyway"
finish
