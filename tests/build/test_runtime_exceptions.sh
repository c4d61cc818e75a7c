#!/usr/bin/env bash
# The C++ runtime as budgetpress links it (CMakeLists.txt, BP_STATIC_RUNTIME_FLAGS) unwinds an
# exception through a C frame of glibc: std::call_once runs its function inside pthread_once. With
# libgcc's unwinder linked statically (-static-libgcc, round 12) glibc handed that frame to
# libgcc_s.so.1's personality routine with the static unwinder's context and the process aborted
# (a broken theme met inside LazyTypesetting's call_once: SIGABRT instead of 错误[E628]). Run in
# every build, the sanitizer builds too, which link budgetpress with the shared runtime: the
# release recipe is checked here all the same. Usage: test_runtime_exceptions.sh CXX FLAGS…
set -u
cxx=$1
shift
probe="$(dirname "$0")/runtime_exceptions_probe.cpp"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! "$cxx" -O1 -pthread "$@" "$probe" -o "$tmp/probe" 2> "$tmp/err"; then
  echo "FAIL: the probe does not build with: $*" >&2
  cat "$tmp/err" >&2
  exit 1
fi
out=$("$tmp/probe" 2>&1)
rc=$?
if [ "$rc" -ne 0 ] || [ "$out" != "caught after std::call_once" ]; then
  echo "FAIL: an exception thrown inside std::call_once was not caught (rc $rc) with: $*" >&2
  echo "$out" >&2
  exit 1
fi
echo "ok: exceptions unwind through glibc's frames with: $*"
