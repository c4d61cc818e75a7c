#!/usr/bin/env bash
# The allocator the build chose (CMake's BP_MIMALLOC → mimalloc or glibc) is the one budgetpress
# uses: every object of the process — the executable, libc itself, libstdc++, ld.so, HarfBuzz,
# FreeType … — binds malloc/free/realloc/calloc/posix_memalign/aligned_alloc/memalign to the expected
# library. A replacement malloc that is linked but comes after libc.so.6 in the loader's scope (or
# is dropped by --as-needed) is not used at all: this test then fails. operator new/delete are
# libstdc++'s in both builds (with mimalloc, over mimalloc's malloc: Debian's mimalloc is built as
# C and its own operator new aborts instead of throwing std::bad_alloc — CMakeLists.txt). With
# libstdc++ linked statically (BP_STATIC_LIBSTDCXX) they are the executable's own: no libstdc++.so.6
# may be loaded at all, and the executable's calls of malloc/free bind to the expected library.
#
#   tests/build/test_allocator_binding.sh BUDGETPRESS mimalloc|glibc [shared|static]
#
# LD_BIND_NOW=1 makes ld.so bind every symbol reference at start, so LD_DEBUG=bindings lists them all.
set -euo pipefail
bp=$1
want=$2
runtime=${3:-shared}  # libstdc++: shared (libstdc++.so.6) or static (in the executable)
case $want in
  mimalloc) malloc_lib='libmimalloc\.so\.2' new_lib='libstdc\+\+\.so\.6' ;;
  glibc) malloc_lib='libc\.so\.6' new_lib='libstdc\+\+\.so\.6' ;;
  *) echo "unknown allocator '$want' (mimalloc or glibc)" >&2; exit 2 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
LD_BIND_NOW=1 LD_DEBUG=bindings LD_DEBUG_OUTPUT="$tmp/ld" "$bp" --version > /dev/null
cat "$tmp"/ld.* > "$tmp/bindings"

fail=0
# check SYMBOL LIBRARY_REGEX REQUIRED: every binding of SYMBOL goes to LIBRARY_REGEX; REQUIRED=1 also
# wants at least one binding (a symbol nothing imports is not bound at all).
check() {
  local sym=$1 lib=$2 required=$3
  grep -E "normal symbol \`$sym'" "$tmp/bindings" > "$tmp/sym" || true
  local n wrong
  n=$(wc -l < "$tmp/sym")
  wrong=$(grep -Ev " to [^ ]*/$lib \[" "$tmp/sym" || true)
  if [ "$required" = 1 ] && [ "$n" -eq 0 ]; then
    echo "FAIL: no binding of $sym at all" >&2
    fail=1
  fi
  if [ -n "$wrong" ]; then
    echo "FAIL: $sym must bind to $lib ($want), but:" >&2
    echo "$wrong" | sed -n 's/^[[:space:]]*[0-9]*:[[:space:]]*/  /; 1,5p' >&2
    fail=1
  fi
  return 0
}
for s in malloc free realloc calloc; do check "$s" "$malloc_lib" 1; done
for s in posix_memalign aligned_alloc memalign valloc malloc_usable_size reallocarray; do
  check "$s" "$malloc_lib" 0
done
from_list=('libc\.so\.6' 'libstdc\+\+\.so\.6' 'budgetpress')
if [ "$runtime" = static ]; then
  # operator new/delete are the executable's own (its calls need no binding); nothing may bring
  # libstdc++.so.6 in (and with it a second operator new). libgcc_s.so.1 (the unwinder) stays
  # shared (CMakeLists.txt, tests/build/test_runtime_exceptions.sh).
  if grep -E "libstdc\+\+\.so\.6" "$tmp/bindings" > /dev/null; then
    echo "FAIL: libstdc++ is linked statically, yet libstdc++.so.6 is loaded" >&2
    fail=1
  fi
  from_list=('libc\.so\.6' 'budgetpress')
  # Debian's libmimalloc.so defines operator new/delete too (aborting when memory runs out): the
  # executable must not call them (CMakeLists.txt links libstdc++.a's first).
  if grep -E "normal symbol \`_Z(nw|na|dl|da)[^']*'" "$tmp/bindings" > "$tmp/new"; then
    echo "FAIL: operator new/delete bound dynamically, not the executable's own:" >&2
    sed -n 's/^[[:space:]]*[0-9]*:[[:space:]]*/  /; 1,5p' "$tmp/new" >&2
    fail=1
  fi
else
  # operator new/delete (plain, sized, array, aligned, nothrow): libstdc++'s, over malloc.
  for s in _Znwm _ZdlPv; do check "$s" "$new_lib" 1; done
  for s in _ZdlPvm _Znam _ZdaPv _ZdaPvm _ZnwmRKSt9nothrow_t _ZnamRKSt9nothrow_t _ZnwmSt11align_val_t \
    _ZdlPvSt11align_val_t _ZdlPvmSt11align_val_t; do
    check "$s" "$new_lib" 0
  done
fi
# libc's own calls (strdup, fopen, getline …), libstdc++'s operator new (or the executable's) and
# the executable's: the whole process, not only C.
for from in "${from_list[@]}"; do
  if ! grep -E "binding file [^ ]*$from \[[0-9]+\] to [^ ]*/$malloc_lib \[[0-9]+\]: normal symbol \`(malloc|free)'" \
    "$tmp/bindings" > /dev/null; then
    echo "FAIL: no malloc/free binding from $from to $malloc_lib" >&2
    fail=1
  fi
done
if [ "$fail" = 0 ]; then
  echo "allocator: $want, libstdc++ $runtime ($(grep -c . "$tmp/bindings") bindings checked)"
fi
exit "$fail"
