# A lone department's threads in two CPU lanes (util/cpu_lanes.hpp): the main thread pins itself
# to one CPU (the worker it starts inherits that), the fonts thread (which makes ICU's word-break
# engine first) and the layout's and the PDF writer's helpers go to the other CPUs, placed there
# when they are created
# (util/lane_thread.hpp: glibc's pthread_create sets the new thread's affinity from the creating
# thread before the new one runs); a batch pins nothing. Traced with strace (sched_setaffinity).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
command -v strace >/dev/null || { echo "FAIL: strace missing (scripts/install-deps)"; exit 1; }
if [ "$(nproc)" -lt 2 ]; then
  echo "SKIP: one CPU"
  exit 0
fi
export SOURCE_DATE_EPOCH=1700000000

# pins OUT FILES…: "TID CPU… by CALLER" for each thread pinned (by itself or, at its creation, by the
# thread that created it), the main thread first.
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
        caller, target = int(m.group(1)), int(m.group(2))
        calls.append((target or caller, m.group(3), caller))
for tid, cpus, caller in sorted(calls):
    print(tid, cpus, "by", caller)
PY
}

pins "$TMP/lone" examples/2023/434.yaml > "$TMP/lone.pins"
front=$(head -1 "$TMP/lone.pins" | sed 's/^[0-9]* //; s/ by .*//')
check '[ -n "$front" ]' "a lone build pinned no thread: $(cat "$TMP/trace")"
check '[ "$front" = "${front%% *}" ]' "the front lane is more than one CPU: $front"
# The fonts thread, the layout's helper and the PDF writer's helper.
side=$(tail -n +2 "$TMP/lone.pins" | sed 's/^[0-9]* //; s/ by .*//')
check '[ "$(printf "%s\n" "$side" | grep -c .)" -ge 3 ]' "fewer than 3 threads on the side lane: $(cat "$TMP/trace")"
# Each placed there by the thread that created it (not by itself, once it first ran).
at_creation=$(tail -n +2 "$TMP/lone.pins" | awk '$1 != $NF' | wc -l)
check '[ "$at_creation" -ge 3 ]' "side threads not pinned at creation: $(cat "$TMP/lone.pins")"
while read -r lane; do
  for cpu in $lane; do check '[ "$cpu" != "$front" ]' "a side thread on the front CPU $front: $lane"; done
done <<< "$side"

mkdir -p "$TMP/two"
cp examples/2023/434.yaml examples/2023/631.yaml "$TMP/two/"
batch_pins=$(pins "$TMP/batch" "$TMP/two")
check '[ -z "$batch_pins" ]' "a batch pinned threads: $batch_pins"
finish
