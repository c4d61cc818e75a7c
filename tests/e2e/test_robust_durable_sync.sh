# Durability with one fsync less per file (issue 20): every output's data is fsync'ed in the
# department's staging directory before it is renamed into OUT/<year> — a lone build fsyncs each
# temp file before its rename in staging, a batch's publisher thread (round 10) each staged file
# just before the renames —, and OUT/<year> is fsync'ed after the last rename into it; the staging
# directory itself is never fsync'ed (the next build removes it, its entries need not survive a
# crash). Then the record of the department: in a batch the journal line, written and fsync'ed
# after OUT/<year>; in a lone build (round 9, 20G) no journal but the manifest itself, its temp
# file fsync'ed after OUT/<year>, renamed, and OUT fsync'ed.
# Traced with strace -y (paths of the descriptors).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
command -v strace >/dev/null || { echo "FAIL: strace missing (scripts/install-deps)"; exit 1; }

# traced OUT ARGS…: the build under strace, its system calls in $TMP/trace.OUT-name.
traced() {
  local out=$1
  shift
  # LeakSanitizer cannot stop the threads of a traced process: no leak check under strace.
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
    strace -f -y -qq -e trace=fsync,rename,renameat,renameat2 -o "$TMP/trace.$(basename "$out")" \
    "$BP" build -q -o "$out" "$@" >/dev/null 2>"$TMP/err"
}

# check_order OUT MODE FILES: MODE lone (one department) or batch; FILES: outputs per department.
check_order() {
  python3 - "$TMP/trace.$(basename "$1")" "$1" "$2" "$3" >"$TMP/report" <<'PY'
import re, sys
trace, out, mode, files = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
# strace -f splits a call that another thread's call interrupts into "PID call(args <unfinished
# ...>" and later "PID <... call resumed>) = 0"; put the halves together (skipping them made the
# test fail now and then under load). An fsync counts where it returned (its data is on disk only
# then), any other call where it began: "fsync before rename" is never read from an fsync still
# running when the rename began.
lines = []    # whole calls, in the order above
pending = {}  # pid -> (slot in lines or None, first half)
for line in open(trace, encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    pid, _, rest = line.partition(" ")
    rest = rest.lstrip()
    if rest.endswith("<unfinished ...>"):
        head = rest[: -len("<unfinished ...>")].rstrip()
        slot = None
        if not head.startswith("fsync("):
            slot = len(lines)
            lines.append("")
        pending[pid] = (slot, head)
        continue
    resumed = re.match(r"<\.\.\. \w+ resumed>(.*)$", rest)
    if resumed and pid in pending:
        slot, head = pending.pop(pid)
        whole = head + resumed.group(1)
        if slot is None:
            lines.append(whole)
        else:
            lines[slot] = whole
        continue
    lines.append(rest)
calls = []  # (kind, paths)
for line in lines:
    m = re.search(r"\b(fsync|rename|renameat2?)\((.*)\)\s+= (-?\d+)", line)
    if not m:
        continue
    kind, args = m.group(1), m.group(2)
    # strace -y prints "fd</path>" and octal escapes for non-ASCII bytes.
    paths = [p.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")
             for p in re.findall(r"<([^>]*)>|\"([^\"]*)\"", args) for p in p if p]
    calls.append((kind, paths))
departments = 1 if mode == "lone" else 2
problems = []
# A file in a staging directory: ".budgetpress-staging.<pid>.<n>/<year>/<name>" (a temp file's name
# ".<name>.tmp.<pid>.<n>"); anything else there is the directory itself.
in_staging = re.compile(r"/\.budgetpress-staging\.[^/]*/[0-9]+/(.+)$")
def staged_name(path):
    m = in_staging.search(path)
    if not m:
        return None
    name = m.group(1)
    t = re.match(r"\.(.*)\.tmp\.[0-9]+\.[0-9]+$", name)
    return t.group(1) if t else name
staged_files = [(i, c) for i, c in enumerate(calls) if c[0] == "fsync" and c[1]
                and staged_name(c[1][0])]
staged_dirs = [c for c in calls if c[0] == "fsync" and c[1] and ".budgetpress-staging." in c[1][0]
               and not staged_name(c[1][0])]
if len(staged_files) != files * departments:
    problems.append(f"{len(staged_files)} staged files fsync'ed, expected {files * departments}")
if staged_dirs:
    problems.append(f"staging directory fsync'ed: {staged_dirs}")
year_dir = f"{out}/2023"
publish = [i for i, c in enumerate(calls) if c[0].startswith("renameat") and len(c[1]) >= 3 and c[1][-2] == year_dir]
if len(publish) != files * departments:
    problems.append(f"{len(publish)} renames into OUT/2023, expected {files * departments}")
# Each file's data before it is visible in OUT/2023: an fsync of it (or of the temp file it was)
# in its staging directory before its rename.
for i in publish:
    source_dir, name = calls[i][1][0], calls[i][1][-1]
    if not any(j < i and staged_name(c[1][0]) == name and c[1][0].startswith(source_dir + "/")
               for j, c in staged_files):
        problems.append(f"{name} renamed into OUT/2023 before its data was fsync'ed")
synced = [i for i, c in enumerate(calls) if c[0] == "fsync" and c[1] == [year_dir]]
if not synced or (publish and synced[-1] < publish[-1]):
    problems.append("OUT/2023 not fsync'ed after the last rename into it")
journal = [i for i, c in enumerate(calls) if c[0] == "fsync" and c[1] and c[1][0].endswith("/.budgetpress-manifest.journal")]
manifest_data = [i for i, c in enumerate(calls) if c[0] == "fsync" and c[1] and "/..budgetpress-manifest.json.tmp." in c[1][0]]
manifest_rename = [i for i, c in enumerate(calls) if c[0] == "rename" and c[1] and c[1][-1] == f"{out}/.budgetpress-manifest.json"]
out_synced = [i for i, c in enumerate(calls) if c[0] == "fsync" and c[1] == [out]]
if mode == "batch":
    # Each department's journal line after its OUT/2023 fsync: the first one after the first.
    if len(journal) != departments or (synced and journal[0] < synced[0]):
        problems.append(f"journal not fsync'ed after OUT/2023 for each department: {len(journal)} fsyncs")
    if journal and manifest_rename and manifest_rename[0] < journal[-1]:
        problems.append("manifest renamed before the last journal line")
elif journal:
    problems.append("a lone build wrote a journal line (its manifest records it)")
if not manifest_data or (synced and manifest_data[0] < synced[-1]):
    problems.append("manifest not fsync'ed after OUT/2023")
if not manifest_rename or (manifest_data and manifest_rename[0] < manifest_data[-1]):
    problems.append("manifest not renamed into place after its fsync")
if not out_synced or (manifest_rename and out_synced[-1] < manifest_rename[0]):
    problems.append("OUT not fsync'ed after the manifest's rename")
if problems:
    print(mode + ": " + "\n".join(problems))
PY
  check '[ ! -s "$TMP/report" ]' "$(cat "$TMP/report")"
}

traced "$TMP/lone" -f pdf,xlsx,json examples/2023/434.yaml
check '[ $? -eq 0 ]' "lone build under strace failed: $(head -c 400 "$TMP/err")"
outputs=$(find "$TMP/lone/2023" -type f | wc -l)
check '[ "$outputs" -eq 3 ]' "expected 3 outputs in OUT/2023, found $outputs"
check '[ ! -e "$TMP/lone/.budgetpress-manifest.journal" ]' "a journal is left after a lone build"
check_order "$TMP/lone" lone 3

traced "$TMP/batch" -j1 -f pdf,json examples/2023/434.yaml examples/2023/631.yaml
check '[ $? -eq 0 ]' "two-department build under strace failed: $(head -c 400 "$TMP/err")"
outputs=$(find "$TMP/batch/2023" -type f | wc -l)
check '[ "$outputs" -eq 4 ]' "expected 4 outputs in OUT/2023, found $outputs"
check_order "$TMP/batch" batch 2
finish
