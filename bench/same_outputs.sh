#!/usr/bin/env bash
# Byte-for-byte comparison of two builds of the same inputs, for refactors that must not change
# any output (issue 20: "every example's PDF, XLSX, DOCX and JSON byte-identical before and after").
#
#   bench/same_outputs.sh BASE_BINARY NEW_BINARY [PATH...]
#
# Builds PATH... (default: examples/) with each binary into its own output directory with every
# format (pdf, xlsx incl. 汇总.xlsx, docx, json, txt, layout), the same
# SOURCE_DATE_EPOCH and --force, then compares every file of both trees with cmp. Each binary
# reads the config/ next to its build/ directory (app/context.cpp), so a base binary copied out of
# an older checkout should sit in that checkout's build/ (git archive BASE | tar -x -C DIR).
# Then every department file under PATH... is built alone (-j1, pdf and layout), as one process each:
# a lone department and -j1 use the second core inside the department (layout planned ahead, PDF
# helper thread), a path the -j2 batch never takes. Set SAME_ALONE=0 to skip that part.
# Prints one line per file that differs or exists on one side only; exit 0 = identical trees.
# SAME_MASK_HASHES=1: a PDF's /ID and the manifest's input hashes are compared masked (the two
# hashes changed from FNV-1a to XXH3 in round 15, same lengths: every other byte must be equal),
# and such files are counted apart ("equal but for their hashes").
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 BASE_BINARY NEW_BINARY [PATH...]" >&2
  exit 2
fi
base=$(realpath "$1")
new=$(realpath "$2")
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=("$here/examples")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

build() {  # binary out-dir
  if ! "$1" build -q --force -j2 -f pdf,xlsx,docx,json,txt,layout -o "$2" "${paths[@]}" >"$2.log" 2>&1; then
    echo "build failed: $1" >&2
    cat "$2.log" >&2
    exit 2
  fi
}
build "$base" "$work/base"
build "$new" "$work/new"
if [ "${SAME_ALONE:-1}" = 1 ]; then
  # One process per department file, written beside the batch's outputs under alone/.
  while IFS= read -r -d '' f; do
    for side in base new; do
      bin=$base; [ "$side" = new ] && bin=$new
      if ! "$bin" build -q --force -j1 -f pdf,layout -o "$work/$side/alone" "$f" >>"$work/$side.alone.log" 2>&1; then
        # Departments that do not build (deliberate errors) must fail the same way on both sides.
        echo "fails alone: $f" >>"$work/$side/alone-failures.txt"
      fi
    done
  done < <(find "${paths[@]}" -name '*.yaml' ! -path '*/config/*' -print0 | sort -z)
fi

(cd "$work/base" && find . -type f | sort) >"$work/base.list"
(cd "$work/new" && find . -type f | sort) >"$work/new.list"
status=0
while read -r f; do
  echo "only in base: $f"
  status=1
done < <(comm -23 "$work/base.list" "$work/new.list")
while read -r f; do
  echo "only in new: $f"
  status=1
done < <(comm -13 "$work/base.list" "$work/new.list")
# The file with its PDF /ID and manifest input hashes replaced by zeros (same length).
masked() {
  python3 - "$1" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
data = re.sub(rb"/ID\[<[0-9a-f]{32}><[0-9a-f]{32}>\]", b"/ID[<" + b"0" * 32 + b"><" + b"0" * 32 + b">]", data)
data = re.sub(rb'"inputs": "[0-9a-f]{16}"', b'"inputs": "' + b"0" * 16 + b'"', data)
sys.stdout.buffer.write(data)
PY
}
same=0
masked_same=0
while read -r f; do
  if cmp -s "$work/base/$f" "$work/new/$f"; then
    same=$((same + 1))
  elif [ "${SAME_MASK_HASHES:-0}" = 1 ] &&
    cmp -s <(masked "$work/base/$f") <(masked "$work/new/$f"); then
    masked_same=$((masked_same + 1))
  else
    echo "differs: $f"
    status=1
  fi
done < <(comm -12 "$work/base.list" "$work/new.list")
echo "$same identical files of $(wc -l <"$work/base.list") (base) / $(wc -l <"$work/new.list") (new)"
[ "${SAME_MASK_HASHES:-0}" = 1 ] && echo "$masked_same equal but for their hashes (PDF /ID, manifest)"
exit $status
