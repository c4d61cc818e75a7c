#!/usr/bin/env bash
# The include graph of src/ keeps to the declared layers (check_include_graph.py), and the check
# itself catches the arrows it exists for: run on a copy of src/ with a back-arrow, a header
# exposing a PRIVATE layer, a relative include, a folder in no layer and another layer's private
# header (detail/), it must fail and name each.
#   test_include_graph.sh SOURCE_DIR LAYERS_TXT
set -euo pipefail
src=$1/src
layers=$2
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/check_include_graph.py" "$src" "$layers"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src" "$tmp/src"
echo '#include "document/document.hpp"' >>"$tmp/src/model/profile.hpp"
echo '#include "pdf/render.hpp"' >>"$tmp/src/docx/docx.hpp"
# (catalog_import links util PRIVATE and nothing PUBLIC; model now links util PUBLIC for yaml_tree)
echo '#include "util/utf8.hpp"' >>"$tmp/src/catalog_import/catalog_import.hpp"
echo '#include "../document/document.hpp"' >>"$tmp/src/derive/derive.cpp"
echo '#include "app/detail/workbook_template_writer.hpp"' >>"$tmp/src/import/importer.cpp"
mkdir -p "$tmp/src/app/detail" && echo '#include "pdf/render.hpp"' >"$tmp/src/app/exposed.hpp"
mkdir "$tmp/src/planted" && echo '#include "util/utf8.hpp"' >"$tmp/src/planted/planted.cpp"
if python3 "$here/check_include_graph.py" "$tmp/src" "$layers" >"$tmp/out" 2>&1; then
  echo "FAIL: the check passed a tree with layer violations" >&2
  exit 1
fi
status=0
for want in 'src/model/profile.hpp:[0-9]*: "document/document.hpp": layer model may not include document' \
            'src/docx/docx.hpp:[0-9]*: "pdf/render.hpp": layer docx may not include pdf' \
            'a header of catalog_import includes util, which catalog_import links PRIVATE' \
            'src/derive/derive.cpp:[0-9]*: "../document/document.hpp": project headers are included as' \
            'src/planted/ is in no layer' \
            'src/import/importer.cpp:[0-9]*: "app/detail/workbook_template_writer.hpp": a private header of app' \
            'src/app/exposed.hpp:[0-9]*: "pdf/render.hpp": a header of app includes pdf, which app links PRIVATE'; do
  if ! grep -q "$want" "$tmp/out"; then
    echo "FAIL: the check did not report: $want" >&2
    status=1
  fi
done
[ $status -eq 0 ] || cat "$tmp/out" >&2
exit $status
