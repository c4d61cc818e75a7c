# libxlsxwriter and libzip are loaded on first use (docs/architecture.md, "Libraries loaded on
# first use"; src/util/shared_library.hpp):
#  1. budgetpress does not need them (readelf DT_NEEDED, ldd: nor libminizip, libbz2 they bring); a
#     -f pdf build maps neither, -f xlsx maps libxlsxwriter only, -f docx libzip only;
#  2. in the process that loaded them, their malloc is the program's allocator's and
#     libxlsxwriter's gmtime() the program's thread-safe one (util/libc_time.hpp): the lookup
#     starts in the global scope, as when they were linked;
#  3. a library that cannot be loaded — a file that is no shared object, or one without the
#     functions (LD_LIBRARY_PATH points at them; no seam in the program) — fails each department
#     that needs it with 错误[E990] (libxlsxwriter) / 错误[E991] (libzip) naming the Debian
#     package, exit 1, no file and no temp file left; the formats that do not need it still build;
#     workbook-template, import and catalog import stop with the code, exit 2.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}"
export XDG_CACHE_HOME="$TMP/xdg"
IN=examples/2023/434.yaml

# --- 1. not linked; mapped only when used --------------------------------------------------------
needed=$(readelf -d "$BP" | grep NEEDED)
check '! echo "$needed" | grep -Eq "libxlsxwriter|libzip"' "DT_NEEDED names them: $needed"
mapped=$(ldd "$BP")
for lib in libxlsxwriter libzip libminizip libbz2; do
  check '! echo "$mapped" | grep -q "$lib"' "ldd lists $lib"
done
loaded() {  # FORMATS → the shared objects a build of FORMATS opened
  LD_DEBUG=files LD_DEBUG_OUTPUT="$TMP/ld" "$BP" build -q --force -f "$1" -o "$TMP/o-$1" "$IN" \
    >/dev/null 2>&1
  cat "$TMP"/ld.* 2>/dev/null | grep -o 'file=[^ ]*' | sort -u
  rm -f "$TMP"/ld.*
}
pdf=$(loaded pdf)
check '[ -n "$pdf" ] && ! echo "$pdf" | grep -Eq "libxlsxwriter|libzip"' "-f pdf opened: $pdf"
xlsx=$(loaded xlsx)
check 'echo "$xlsx" | grep -q libxlsxwriter && ! echo "$xlsx" | grep -q libzip' "-f xlsx opened: $xlsx"
docx=$(loaded docx)
check 'echo "$docx" | grep -q libzip && ! echo "$docx" | grep -q libxlsxwriter' "-f docx opened: $docx"

# --- 2. bindings of the loaded libraries ---------------------------------------------------------
LD_DEBUG=bindings LD_DEBUG_OUTPUT="$TMP/bind" "$BP" build -q --force -f xlsx,docx \
  -o "$TMP/o-bind" "$IN" >/dev/null 2>&1
cat "$TMP"/bind.* >"$TMP/bindings"
malloc_lib=$(grep -E "binding file [^ ]*budgetpress \[0\] to [^ ]* \[[0-9]+\]: normal symbol \`malloc'" \
  "$TMP/bindings" | head -1 | sed -E 's/.* to ([^ ]*) \[.*/\1/')
for lib in libxlsxwriter libzip; do
  line=$(grep -E "binding file [^ ]*$lib[^ ]* \[[0-9]+\] to [^ ]* \[[0-9]+\]: normal symbol \`malloc'" \
    "$TMP/bindings" | head -1)
  check '[ -n "$line" ] && echo "$line" | grep -qF " to $malloc_lib "' \
    "$lib's malloc is not the program's ($malloc_lib): $line"
done
line=$(grep -E "binding file [^ ]*libxlsxwriter[^ ]* \[[0-9]+\] to [^ ]* \[[0-9]+\]: normal symbol \`gmtime'" \
  "$TMP/bindings" | head -1)
check 'echo "$line" | grep -Eq " to [^ ]*budgetpress \["' \
  "libxlsxwriter's gmtime is not the program's thread-safe one: $line"

# --- 3. a library that cannot be loaded ----------------------------------------------------------
mkdir -p "$TMP/in"
copies_of_434 2 900 "$TMP/in"
built() { find "$TMP/out/2023" -name "*.$1" 2>/dev/null | wc -l; }
temps() { find "$TMP/out" -name '.*.tmp.*' -o -name '.budgetpress-staging.*' 2>/dev/null; }
run_with() {  # LIBDIR FORMATS → exit code; stderr in $TMP/err
  rm -rf "$TMP/out"
  LD_LIBRARY_PATH="$1" "$BP" build -q -f "$2" -o "$TMP/out" "$TMP/in" >/dev/null 2>"$TMP/err"
}
broken_cases=(junk)
mkdir -p "$TMP/junk"
echo "not a shared object" >"$TMP/junk/libxlsxwriter.so.4"
cp "$TMP/junk/libxlsxwriter.so.4" "$TMP/junk/libzip.so.4"
if command -v cc >/dev/null; then
  mkdir -p "$TMP/empty"
  echo 'int bp_not_the_library(void) { return 0; }' >"$TMP/empty.c"
  cc -shared -fPIC -o "$TMP/empty/libxlsxwriter.so.4" "$TMP/empty.c" &&
    cp "$TMP/empty/libxlsxwriter.so.4" "$TMP/empty/libzip.so.4" && broken_cases+=(empty)
else
  echo "note: no C compiler: the missing-function case is not run"
fi
for c in "${broken_cases[@]}"; do
  dir="$TMP/$c"
  want_xlsx="无法加载 libxlsxwriter.so.4"
  want_zip="无法加载 libzip.so.4"
  if [ "$c" = empty ]; then
    want_xlsx="libxlsxwriter.so.4 缺少函数 format_set_align"
    want_zip="libzip.so.4 缺少函数 zip_close"
  fi
  run_with "$dir" pdf,xlsx; rc=$?
  check '[ "$rc" -eq 1 ]' "$c: -f pdf,xlsx rc=$rc (want 1) $(head -3 "$TMP/err")"
  check '[ "$(grep -c "错误\[E990\]: $want_xlsx.*apt-get install libxlsxwriter4" "$TMP/err")" -eq 2 ]' \
    "$c: not one E990 per department: $(cat "$TMP/err")"
  check '[ "$(built xlsx)" -eq 0 ] && [ "$(built pdf)" -eq 0 ] && [ -z "$(temps)" ]' \
    "$c: files or temp files left: $(find "$TMP/out" -type f)"
  run_with "$dir" pdf,docx; rc=$?
  check '[ "$rc" -eq 1 ] && [ "$(grep -c "错误\[E991\]: $want_zip.*apt-get install libzip4" "$TMP/err")" -eq 2 ]' \
    "$c: -f pdf,docx rc=$rc: $(cat "$TMP/err")"
  check '[ "$(built docx)" -eq 0 ] && [ -z "$(temps)" ]' "$c: docx or temp files left"
  # What needs neither library is built as usual with the same environment.
  run_with "$dir" pdf,json,txt; rc=$?
  check '[ "$rc" -eq 0 ] && [ "$(built pdf)" -eq 2 ] && [ "$(built json)" -eq 2 ]' \
    "$c: pdf,json,txt rc=$rc $(head -3 "$TMP/err")"
  # The commands that write or read a workbook on their own.
  LD_LIBRARY_PATH="$dir" "$BP" workbook-template --year 2023 -o "$TMP/t-$c.xlsx" 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 2 ] && grep -q "错误\[E990\]: $want_xlsx" "$TMP/err" && [ ! -e "$TMP/t-$c.xlsx" ]' \
    "$c: workbook-template rc=$rc $(cat "$TMP/err")"
  if [ ! -f "$TMP/t.xlsx" ]; then
    # (Under ASan its leak check at exit names libxlsxwriter's frames only if the library is still
    # mapped then: tests/lsan.supp's lxw_strdup.)
    "$BP" workbook-template --year 2023 -o "$TMP/t.xlsx" 2>"$TMP/err"; rc=$?
    check '[ "$rc" -eq 0 ]' "workbook-template with the real library: rc=$rc $(tail -5 "$TMP/err")"
  fi
  LD_LIBRARY_PATH="$dir" "$BP" import "$TMP/t.xlsx" >/dev/null 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 2 ] && grep -q "错误\[E991\]: $want_zip" "$TMP/err"' \
    "$c: import rc=$rc $(cat "$TMP/err")"
  LD_LIBRARY_PATH="$dir" "$BP" catalog import --kind function --year 2023 -o "$TMP/cat-$c.yaml" \
    "$TMP/t.xlsx" >/dev/null 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 2 ] && grep -q "错误\[E991\]: $want_zip" "$TMP/err" && [ ! -e "$TMP/cat-$c.yaml" ]' \
    "$c: catalog import rc=$rc $(cat "$TMP/err")"
done
finish
