# Durability with one fsync less per file (issue 20): every output's data is fsync'ed in the
# department's staging directory, the files are renamed into OUT/<year> and that directory is
# fsync'ed after the last rename, before the journal line is written and fsync'ed; the staging
# directory itself is never fsync'ed (the next build removes it, its entries need not survive a
# crash). Traced with strace -y (paths of the descriptors).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
command -v strace >/dev/null || { echo "FAIL: strace missing (scripts/install-deps)"; exit 1; }
OUT="$TMP/out"
# LeakSanitizer cannot stop the threads of a traced process: no leak check under strace.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
  strace -f -y -qq -e trace=fsync,rename,renameat,renameat2 -o "$TMP/trace" \
  "$BP" build -q -f pdf,xlsx,json -o "$OUT" examples/2023/434.yaml >/dev/null 2>"$TMP/err"
check '[ $? -eq 0 ]' "build under strace failed: $(head -c 400 "$TMP/err")"
outputs=$(find "$OUT/2023" -type f | wc -l)
check '[ "$outputs" -eq 3 ]' "expected 3 outputs in OUT/2023, found $outputs"
python3 - "$TMP/trace" "$OUT" >"$TMP/report" <<'PY'
import re, sys
trace, out = sys.argv[1], sys.argv[2]
calls = []  # (kind, path)
for line in open(trace, encoding="utf-8", errors="replace"):
    m = re.search(r"\b(fsync|rename|renameat2?)\((.*)\)\s+= (-?\d+)", line)
    if not m:
        continue
    kind, args = m.group(1), m.group(2)
    # strace -y prints "fd</path>" and octal escapes for non-ASCII bytes.
    paths = [p.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")
             for p in re.findall(r"<([^>]*)>|\"([^\"]*)\"", args) for p in p if p]
    calls.append((kind, paths))
problems = []
staged_files = [c for c in calls if c[0] == "fsync" and c[1] and ".budgetpress-staging." in c[1][0]
                and re.search(r"/\.[^/]*\.tmp\.", c[1][0])]
staged_dirs = [c for c in calls if c[0] == "fsync" and c[1] and ".budgetpress-staging." in c[1][0]
               and not re.search(r"/\.[^/]*\.tmp\.", c[1][0])]
if len(staged_files) != 3:
    problems.append(f"{len(staged_files)} staged files fsync'ed, expected 3")
if staged_dirs:
    problems.append(f"staging directory fsync'ed: {staged_dirs}")
year_dir = f"{out}/2023"
publish = [i for i, c in enumerate(calls) if c[0].startswith("renameat") and len(c[1]) >= 3 and c[1][-2] == year_dir]
if len(publish) != 3:
    problems.append(f"{len(publish)} renames into OUT/2023, expected 3")
synced = [i for i, c in enumerate(calls) if c[0] == "fsync" and c[1] == [year_dir]]
if not synced or (publish and synced[-1] < publish[-1]):
    problems.append("OUT/2023 not fsync'ed after the last rename into it")
journal = [i for i, c in enumerate(calls) if c[0] == "fsync" and c[1] and c[1][0].endswith("/.budgetpress-manifest.journal")]
if not journal or (synced and journal[0] < synced[-1]):
    problems.append("journal not fsync'ed after OUT/2023")
if problems:
    print("\n".join(problems))
PY
check '[ ! -s "$TMP/report" ]' "$(cat "$TMP/report")"
finish
