# A lone department's threads in two CPU lanes (util/cpu_lanes.hpp): the main thread pins itself
# to one CPU (the worker it starts inherits that), the fonts thread and the layout's and the PDF
# writer's helpers to the other CPUs; a batch pins nothing. Traced with strace (sched_setaffinity).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
command -v strace >/dev/null || { echo "FAIL: strace missing (scripts/install-deps)"; exit 1; }
if [ "$(nproc)" -lt 2 ]; then
  echo "SKIP: one CPU"
  exit 0
fi
export SOURCE_DATE_EPOCH=1700000000

# pins OUT FILES…: "TID CPU…" for each thread that pinned itself, the main thread first.
pins() {
  local out=$1
  shift
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
    strace -f -qq -e trace=sched_setaffinity -o "$TMP/trace" \
    "$BP" build -q -f pdf -o "$out" "$@" >/dev/null 2>"$TMP/err" || fail "build failed: $(cat "$TMP/err")"
  # The CPU list is in the call's first half, also when strace split the call ("<unfinished ...>"
  # and a later "<... resumed>" line: another thread's call came in between). The main thread's
  # TID is the process's PID, the smallest.
  python3 - "$TMP/trace" <<'PY'
import re, sys
calls = []
for line in open(sys.argv[1]):
    m = re.match(r"(\d+)\s+sched_setaffinity\((\d+), \d+, \[([0-9 ]*)\]", line)
    if m:
        calls.append((int(m.group(1)), m.group(3)))
for tid, cpus in sorted(calls):
    print(tid, cpus)
PY
}

pins "$TMP/lone" examples/2023/434.yaml > "$TMP/lone.pins"
front=$(head -1 "$TMP/lone.pins" | cut -d' ' -f2-)
check '[ -n "$front" ]' "a lone build pinned no thread: $(cat "$TMP/trace")"
check '[ "$front" = "${front%% *}" ]' "the front lane is more than one CPU: $front"
# The fonts thread, the layout's helper and the PDF writer's helper.
side=$(tail -n +2 "$TMP/lone.pins" | cut -d' ' -f2-)
check '[ "$(printf "%s\n" "$side" | grep -c .)" -ge 3 ]' "fewer than 3 threads on the side lane: $(cat "$TMP/trace")"
while read -r lane; do
  for cpu in $lane; do check '[ "$cpu" != "$front" ]' "a side thread on the front CPU $front: $lane"; done
done <<< "$side"

mkdir -p "$TMP/two"
cp examples/2023/434.yaml examples/2023/631.yaml "$TMP/two/"
batch_pins=$(pins "$TMP/batch" "$TMP/two")
check '[ -z "$batch_pins" ]' "a batch pinned threads: $batch_pins"
finish
