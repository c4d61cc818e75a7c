# Two department files whose outputs would have the same names (issue 19): the first in input order
# is built, every time, whatever -j; the other fails with 错误[E019] naming both files; check
# reports the collision before anything is built.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
D="$TMP/depts"
mkdir -p "$D"
# a.yaml and b.yaml differ (another 经济分类 split) but both give 901-测试局.*; ten more files
# that do not collide keep both workers busy.
cp tests/data/minimal.yaml "$D/a.yaml"
sed -e 's/amount: 70.00/amount: 69.00/; s/amount: 10.00/amount: 11.00/' tests/data/minimal.yaml >"$D/b.yaml"
for i in 1 2 3 4 5 6 7 8 9 10; do cp examples/2023/434.yaml "$D/z$i.yaml"; sed -i "0,/^  code: \"434\"/s//  code: \"$((7000 + i))\"/" "$D/z$i.yaml"; done

out=$("$BP" check "$D" 2>&1); rc=$?
check '[ "$rc" -eq 1 ]' "check: rc=$rc (want 1)"
check 'grep -q "b.yaml: 错误\[E019\].*a.yaml" <<<"$out"' "check does not report the collision: $(grep -m2 E019 <<<"$out")"
check '! grep -q "a.yaml: 错误" <<<"$out"' "check blames the first file"

winners=""
for round in 1 2 3 4 5 6; do
  rm -rf "$TMP/out"
  "$BP" build -j 2 -f json -o "$TMP/out" "$D" >/dev/null 2>"$TMP/err"; rc=$?
  check '[ "$rc" -eq 1 ]' "round $round: rc=$rc (want 1)"
  check 'grep -q "b.yaml: 错误\[E019\]: .*a.yaml" "$TMP/err"' "round $round: message: $(grep -m1 "错误" "$TMP/err")"
  # The JSON that was published is a.yaml's (compared with a build of a.yaml alone below).
  winners="$winners $(md5sum <"$TMP/out/2023/901-测试局.json" | cut -c1-8)"
  check '[ "$(ls "$TMP/out/2023" | wc -l)" -eq 11 ]' "round $round: $(ls "$TMP/out/2023" | wc -l) files, want 11"
done
rm -rf "$TMP/solo"
"$BP" build -f json -o "$TMP/solo" "$D/a.yaml" >/dev/null 2>&1
want=$(md5sum <"$TMP/solo/2023/901-测试局.json" | cut -c1-8)
check '[ "$(tr " " "\n" <<<"$winners" | sort -u | grep -c .)" -eq 1 ]' "the published file changed between rounds:$winners"
check '[ "$(tr " " "\n" <<<"$winners" | sort -u | grep .)" = "$want" ]' "the published file is not a.yaml's ($want):$winners"
# Input order decides: with b.yaml given first, b wins.
rm -rf "$TMP/out"
"$BP" build -j 2 -f json -o "$TMP/out" "$D/b.yaml" "$D/a.yaml" >/dev/null 2>"$TMP/err"; rc=$?
check 'grep -q "a.yaml: 错误\[E019\]: .*b.yaml" "$TMP/err"' "order b a: $(grep -m1 "错误" "$TMP/err")"
finish
