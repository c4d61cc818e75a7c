# Our workbook → import → build gives the example's documents (issue 18, item 1).
# For every example (2021, 2023, 2024, 2025 forms; the 2021 form prints no tables, its workbook carries
# them after the printed parts with a note, see src/app/workbook_document.hpp):
#  1. build xlsx, json and pdf of the example;
#  2. import the xlsx: exit 0, no warning, and no TODO for anything the workbook carried
#     (机构设置, 项目绩效目标表, 政府采购预算, 国有资产, the full name, and from the 部门职责 /
#     说明数据 / 各单位资产情况 sheets: duties, gov_level, 三公 上年数, previous_year, running_cost);
#  3. the imported YAML alone: the 9 tables and EVERY figure (比上年增减, 三公 上年数, 机关运行经费
#     included) are identical in the JSON export — the figures come from the workbook;
#  4. the imported YAML completed with the free text no workbook carries (tests/e2e/py/
#     narrative_merge.py lists it: 三公 and previous_year reasons, performance, texts, blocks, review)
#     gives the same JSON, the same PDF text (pdftotext) and the same cells on every sheet of the
#     workbook.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"

# Cell values of every sheet of a workbook, one line per cell ("sheet!A1=value").
cells() {
  python3 - "$1" <<'PY'
import html, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
ss = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S):
        ss.append(html.unescape("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S))))
wb = z.read("xl/workbook.xml").decode()
rels = z.read("xl/_rels/workbook.xml.rels").decode()
for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', wb):
    t = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % rid, rels).group(1)
    s = z.read("xl/" + t.replace("xl/", "", 1).lstrip("/")).decode()
    for m in re.finditer(r'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', s, re.S):
        v = re.search(r"<v>(.*?)</v>", m.group(3) or "")
        if not v: continue
        val = ss[int(v.group(1))] if 't="s"' in m.group(2) else v.group(1)
        print(f"{html.unescape(name)}!{m.group(1)}={val}")
PY
}

# JSON exports: tables, department and every figure identical.
same_json() {  # a b mode
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
if sys.argv[3] == "yuan":
    # A 元 file through a 万元 workbook: changes against last year are computed from 元 totals
    # that the workbook carries only to 0.01 万元 (stated exception, docs/import.md).
    for d in (a, b):
        for k in ("total_change", "basic_change", "project_change", "three_public"):
            for kk in ("change", "rate_percent"):
                d["figures"].get(k, {}).pop(kk, None)
        d["figures"].pop("running_cost", None)
diff = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
for k in diff:
    if k == "tables":
        for x, y in zip(a[k], b[k]):
            if x != y: print("table", x["id"], "differs:", [r for r in x["rows"] if r not in y["rows"]][:2])
    elif isinstance(a.get(k), dict):
        print(k, {kk: (a[k].get(kk), b.get(k, {}).get(kk)) for kk in a[k] if a[k].get(kk) != b.get(k, {}).get(kk)})
    else:
        print(k, a.get(k), b.get(k))
sys.exit(1 if diff else 0)
PY
}

for ex in examples/2021/*.yaml examples/2023/*.yaml examples/2024/*.yaml examples/2025/*.yaml; do
  code=$(basename "$ex" .yaml)
  "$BP" build -q --format xlsx,json,pdf --out "$TMP/orig/$code" "$ex" >/dev/null 2>&1; rc=$?
  check '[ "$rc" -eq 0 ]' "$code: building the example failed (rc=$rc)"
  x=$(ls "$TMP"/orig/"$code"/*/*.xlsx 2>/dev/null | head -1)
  [ -n "$x" ] || { fail "$code: no workbook"; continue; }
  "$BP" import "$x" --out "$TMP/$code.yaml" 2>"$TMP/$code.err"; rc=$?
  check '[ "$rc" -eq 0 ]' "$code: import rc=$rc: $(head -5 "$TMP/$code.err")"
  yuan=""
  grep -q "^  unit: 元" "$ex" && yuan=1
  if [ -z "$yuan" ]; then
    check '! grep -q "警告: \|错误: " "$TMP/$code.err"' "$code: our own workbook gives findings: $(grep "警告\|错误" "$TMP/$code.err" | head -3)"
  else
    # A file kept in 元, exported in 万元: the workbook's totals are rounded from the 元 sums, so
    # its parts miss them by rounding — every finding is such a 尾差, settled (the summary says so).
    check '! grep "警告: \|错误: " "$TMP/$code.err" | grep -v "≠ 按明细计算\|都是万元表的尾差" | grep -q .' "$code: findings other than 尾差: $(grep "警告\|错误" "$TMP/$code.err" | grep -v "≠ 按明细计算\|都是万元表的尾差" | head -3)"
    # Where the 万元 workbook shows no 尾差 at all (905), the file is kept in 元 because a part
    # carries 分 (905's assets, stated in 元 by the 2021 form).
    if grep -q "≠ 按明细计算" "$TMP/$code.err"; then
      check 'grep -q "都是万元表的尾差" "$TMP/$code.err" && grep -q "^  unit: 元" "$TMP/$code.yaml"' "$code: the 尾差 must be settled in 元"
    else
      check 'grep -q "以元为单位" "$TMP/$code.err" && grep -q "^  unit: 元" "$TMP/$code.yaml"' "$code: assets to the 分 must keep the file in 元"
    fi
  fi
  [ -s "$TMP/$code.yaml" ] || continue
  # Nothing the workbook carried is left as a TODO.
  carried="机构设置\|institutions\|projects\|procurement\|assets\|部门全称\|TODO(import): gov_level\|TODO(import): last_year\|TODO(import): previous_year\|部门职责，每条"
  check '! grep "TODO(import)" "$TMP/$code.yaml" | grep -q "$carried"' \
    "$code: a TODO for something the workbook carried: $(grep "TODO(import)" "$TMP/$code.yaml" | grep "$carried" | head -2)"
  for key in "institutions:" "projects:" "procurement:" "assets:" "gov_level:" "duties:" "last_year:" \
    "last_year_total:" "previous_year:" "running_cost:" "units:" "list_zero_income:"; do
    if grep -q "^ *$key" "$ex" && ! grep -q "^ *$key *\[\]" "$ex"; then
      check 'grep -q "^ *$key" "$TMP/$code.yaml"' "$code: $key not imported"
    fi
  done
  # 3. The import alone.
  "$BP" build -q --format json --out "$TMP/alone/$code" "$TMP/$code.yaml" >/dev/null 2>&1
  j0=$(ls "$TMP"/orig/"$code"/*/*.json | head -1)
  j1=$(ls "$TMP"/alone/"$code"/*/*.json 2>/dev/null | head -1)
  mode=all; [ -n "$yuan" ] && mode=yuan
  out=$([ -n "$j1" ] && same_json "$j0" "$j1" $mode)
  check '[ -n "$j1" ] && [ -z "$out" ]' "$code: the imported YAML alone gives other tables/figures: $out"
  # 4. Completed with the free text: the same documents.
  python3 "$SRC/tests/e2e/py/narrative_merge.py" "$TMP/$code.yaml" "$ex" "$TMP/$code.full.yaml"
  "$BP" build -q --format xlsx,json,pdf --out "$TMP/full/$code" "$TMP/$code.full.yaml" >/dev/null 2>"$TMP/$code.full.err"; rc=$?
  check '[ "$rc" -eq 0 ]' "$code: building the completed import failed (rc=$rc): $(head -3 "$TMP/$code.full.err")"
  j2=$(ls "$TMP"/full/"$code"/*/*.json 2>/dev/null | head -1)
  out=$([ -n "$j2" ] && same_json "$j0" "$j2" $mode)
  check '[ -n "$j2" ] && [ -z "$out" ]' "$code: JSON differs after the round trip: $out"
  p0=$(ls "$TMP"/orig/"$code"/*/*.pdf | head -1)
  p2=$(ls "$TMP"/full/"$code"/*/*.pdf 2>/dev/null | head -1)
  if [ -n "$p2" ]; then
    pdftotext -layout "$p0" "$TMP/$code.orig.txt"
    pdftotext -layout "$p2" "$TMP/$code.full.txt"
    if [ -n "$yuan" ]; then
      # Stated exceptions for a file kept in 元 (docs/import.md): the 元 values behind a 万元 cell
      # are not in the workbook, so (a) 比上年增减 amounts, computed from the 元 total and last
      # year's figure, may differ by 0.01 万元, and (b) the 机关运行经费 item list (元 amounts
      # that must add up to the 公用经费 to the 分) is not re-added; page-number lines move with
      # the text. Every other line must be identical.
      for f in "$TMP/$code.orig.txt" "$TMP/$code.full.txt"; do
        python3 "$SRC/tests/e2e/py/yuan_text_exceptions.py" "$f"
      done
    fi
    check 'cmp -s "$TMP/$code.orig.txt" "$TMP/$code.full.txt"' "$code: PDF text differs: $(diff "$TMP/$code.orig.txt" "$TMP/$code.full.txt" | head -8)"
  else
    fail "$code: no PDF from the completed import"
  fi
  x2=$(ls "$TMP"/full/"$code"/*/*.xlsx 2>/dev/null | head -1)
  if [ -n "$x2" ]; then
    cells "$x" >"$TMP/$code.orig.cells"
    cells "$x2" >"$TMP/$code.full.cells"
    if [ -n "$yuan" ]; then
      # The totals of a 元 file are formulas in both workbooks; their cached values are exact
      # sums, which 元 leaves found for a 万元 workbook reproduce only as printed (2 decimals).
      for f in "$TMP/$code.orig.cells" "$TMP/$code.full.cells"; do
        python3 "$SRC/tests/e2e/py/yuan_text_exceptions.py" --cells "$f"
      done
    fi
    check 'cmp -s "$TMP/$code.orig.cells" "$TMP/$code.full.cells"' "$code: workbook cells differ: $(diff "$TMP/$code.orig.cells" "$TMP/$code.full.cells" | head -6)"
    echo "round trip $code: $(wc -l <"$TMP/$code.orig.cells") cells, $(grep -c . "$TMP/$code.orig.txt") PDF text lines, $(grep -c "^ *- {level1" "$TMP/$code.yaml") indicator rows imported"
  fi
done

finish
