# docs/schema.md: every key of its ```yaml blocks has a Chinese name in the table 键名中文对照
# (`three_public.*.reception` covers this_year and last_year; list items share their list's path).
source "$(dirname "$0")/lib.sh"
cd "$SRC"
missing=$(python3 - <<'PY'
import re, yaml, fnmatch
text = open("docs/schema.md", encoding="utf-8").read()
table = text[text.index("## 键名中文对照"):]
named = {}
for key, zh in re.findall(r"^\| `([^`]+)` \| (.+?) \|$", table, re.M):
    named[key] = zh
keys = set()
def walk(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            k = str(k)
            p = f"{path}.{k}" if path else k
            if path in ("catalog.function", "catalog.economic", "catalog.function_notes", "blocks", "review") or k == "...":
                continue  # codes, block names (their own table) and review codes are values, not keys
            keys.add(p)
            walk(v, p)
    elif isinstance(node, list):
        for v in node:
            walk(v, path)
for block in re.findall(r"```yaml\n(.*?)```", text[:text.index("## 键名中文对照")], re.S):
    try:
        walk(yaml.safe_load(block), "")
    except yaml.YAMLError:
        pass
out = []
for k in sorted(keys):
    alias = k.replace("special_funds.", "projects.").replace("assets.units.", "assets.")
    if not any(fnmatch.fnmatchcase(alias, pat) or fnmatch.fnmatchcase(k, pat) for pat in named) \
       and not any(re.fullmatch(r"[a-z_]+(\.[a-z_*]+)*", pat) and (k.startswith(pat + ".") and k.split(".")[-1] in named[pat]) for pat in named):
        out.append(k)
print(" ".join(out))
PY
)
check '[ -z "$missing" ]' "keys of docs/schema.md without a Chinese name: $missing"
check '[ "$(grep -c "^| \`[a-z_.*]*\` | " docs/schema.md)" -ge 150 ]' "the 键名中文对照 table looks too short"
finish
