# Every bad input gives its documented error (FILE:LINE:COL: 错误[Exxx]) and exit 1 or 2, never a crash.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
n=0
while IFS=$'\t' read -r file want_exit want_code desc; do
  case "$file" in ''|'#'*) continue ;; esac
  n=$((n + 1))
  out=$(timeout 60 "$BP" check -q "tests/bad/$file" 2>&1)
  rc=$?
  if [ "$rc" -ne "$want_exit" ]; then fail "$file: exit $rc, expected $want_exit ($desc)"; echo "$out" | head -5; continue; fi
  if ! grep -q "错误\[$want_code\]" <<<"$out"; then fail "$file: no $want_code in: $(head -2 <<<"$out")"; continue; fi
  # The first line names the file, and (except whole-file errors) a line and column.
  first=$(head -1 <<<"$out")
  case "$want_code" in
    E001) [[ "$first" == "tests/bad/$file: 错误[E001]"* ]] || { fail "$file: bad location: $first"; continue; } ;;
    *) [[ "$first" =~ ^tests/bad/$file:[0-9]+:[0-9]+:\ 错误\[E[0-9]+\]: ]] || { fail "$file: no FILE:LINE:COL in: $first"; continue; } ;;
  esac
  pass
done < tests/bad/expected.tsv
check '[ "$n" -ge 50 ]' "expected at least 50 bad inputs, found $n"

# A 10 MB file is refused before parsing.
big="$TMP/big.yaml"
{ echo "schema: 1"; echo "texts:"; echo "  other_matters: |"; yes "    这一行只是为了把文件撑大到十兆字节以上。" | head -n 250000; } > "$big"
out=$("$BP" check "$big" 2>&1); rc=$?
check '[ "$rc" -eq 1 ] && grep -q "错误\[E001\].*文件过大" <<<"$out"' "10 MB file: rc=$rc $out"

# A missing path is a usage/I-O error (exit 2); so is an unknown format.
"$BP" check "$TMP/does-not-exist.yaml" >/dev/null 2>&1; rc=$?
check '[ "$rc" -eq 2 ]' "missing path should exit 2, got $rc"
"$BP" build --format pdfx --out "$TMP/o" tests/data/minimal.yaml >/dev/null 2>&1; rc=$?
check '[ "$rc" -eq 2 ]' "unknown format should exit 2, got $rc"
"$BP" --no-such-flag >/dev/null 2>&1; rc=$?
check '[ "$rc" -eq 2 ]' "unknown flag should exit 2, got $rc"

# All errors of a file are reported in one run, not just the first.
printf 'schema: 1\ndepartment:\n  code: "9"\n  name: x\n  year: 2023\n  form: "2023"\nincome: {gpb: 1.001}\nexpenditure:\n  - {code: "201", basic: -1}\n' > "$TMP/multi.yaml"
out=$("$BP" check -q "$TMP/multi.yaml" 2>&1)
check 'grep -q "E010" <<<"$out" && grep -q "E012" <<<"$out"' "multiple errors not all reported: $out"
finish
