# The examples of real-department features (issue 14): every figure each department file states appears
# in the text of its PDF and of its DOCX; each checks clean (no error, no warning).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH=1700000000
for f in examples/2021/512.yaml examples/2023/633.yaml examples/2025/718.yaml; do
  out=$("$BP" check "$f" 2>&1); rc=$?
  check '[ "$rc" -eq 0 ] && ! grep -q "警告\[\|错误\[" <<<"$out"' "$f: check not clean: $out"
  rm -rf "$TMP/o"
  "$BP" build -q --format pdf,docx --out "$TMP/o" "$f" >/dev/null 2>&1; rc=$?
  check '[ "$rc" -eq 0 ]' "$f: build failed (rc=$rc)"
  pdf=$(find "$TMP/o" -name '*.pdf' | head -1)
  docx=$(find "$TMP/o" -name '*.docx' | head -1)
  pdftotext -layout "$pdf" "$TMP/t.txt"
  res=$(python3 tests/e2e/py/check_figures.py "$f" "$TMP/t.txt" "$docx"); rc=$?
  check '[ "$rc" -eq 0 ]' "$f: $res"
  echo "$f: $(head -1 <<<"$res")"
done
# What the examples show, beyond the figures.
"$BP" build -q --format pdf --out "$TMP/all" examples/2021/512.yaml examples/2023/633.yaml examples/2025/718.yaml
p512=$(pdftotext "$TMP"/all/2021/512-*.pdf - | tr -d ' \n')
p633=$(pdftotext "$TMP"/all/2023/633-*.pdf - | tr -d ' \n')
p718=$(pdftotext "$TMP"/all/2025/718-*.pdf - | tr -d ' \n')
# 2021: zero income sources listed; units in 机构设置 and on project tables; 功能分类名词解释 table.
check 'grep -q "国有资本经营预算拨款收入0.00万元" <<<"$p512"' "512: zero income source not listed"
check 'grep -q "512002示例县第一中学" <<<"$p512"' "512: unit code/name not in 机构设置"
check 'grep -q "预算单位：512003示例县实验小学" <<<"$p512"' "512: project table without its unit line"
check 'grep -q "支出功能分类科目名词解释" <<<"$p512" && grep -q "反映各部门举办的初中教育支出" <<<"$p512"' "512: no 功能分类名词解释 table"
check 'grep -q "截至2020年12月31日" <<<"$p512"' "512: assets 截止 date not printed"
check 'grep -q "人员经费2267.60万元" <<<"$p512" && grep -q "日常公用经费252.90万元" <<<"$p512"' "512: 支出说明 without 人员/公用经费"
check 'grep -q "行政单位机关运行经费预算68.30万元" <<<"$p512"' "512: 机关运行经费 not for 行政 units"
check 'grep -q "25.00%" <<<"$p512" && grep -q "99.50%" <<<"$p512"' "512: indicator values not as written"
check 'grep -q "项目预算300.00万元，其中财政资金180.00万元，其他资金120.00万元" <<<"$p512"' "512: 资金用途 amount sentence"
check 'grep -q "1、保障学校正常运转" <<<"$p512"' "512: 分项绩效目标 numbering style 1、"
# 2023: two projects of the same name, each with its code; blocks replaced and switched off.
check '[ "$(grep -o "政务公开专项经费绩效目标表" <<<"$p633" | wc -l)" -eq 2 ] && grep -q "项目编码：633001P2301" <<<"$p633" && grep -q "项目编码：633001P2302" <<<"$p633"' "633: same-name projects not both printed with codes"
check 'grep -q "根据预算公开的有关规定，现将示例区人民政府办公室2023年部门预算情况说明如下" <<<"$p633"' "633: opening block not replaced"
check '! grep -q "依据《中华人民共和国预算法》" <<<"$p633"' "633: default opening still printed"
check 'grep -q "本部门2023年不管理专项资金。" <<<"$p633"' "633: no_special_funds block not replaced"
check '! grep -q "基本支出1070.60万元，占" <<<"$p633"' "633: basic_share block not switched off"
check '! grep -q "同一采购目录序号下的物品" <<<"$p633"' "633: procurement_note not switched off"
check '! grep -q "上缴上级支出" <<<"$p633"' "633: glossary term not switched off"
check 'grep -q "行政单位机关运行经费预算98.40万元" <<<"$p633"' "633: 机关运行经费 not for 行政 units"
check 'grep -q "公务用车购置及运维费减少3.00万元" <<<"$p633"' "633: 三公 group comparison missing"
check '! grep -q "公务用车购置费减少\|公务用车运行维护费减少" <<<"$p633"' "633: 三公 group split by guess"
# 2025 in 元: tables in 万元 with the 尾差 note.
check 'grep -q "尾差" <<<"$p718"' "718: no 尾差 note"
check 'grep -q "141.80" <<<"$p718"' "718: 基本支出 not in 万元"
finish
