#!/usr/bin/env python3
"""Include-graph check of src/ against the layers CMakeLists.txt declares (docs/architecture.md).

    check_include_graph.py SRC_DIR LAYERS_TXT

Fails (exit 1, one line per problem) when
  * a folder of src/ belongs to no layer (its files would be built into nothing),
  * a file includes a project header by a relative or absolute path (around the include roots),
  * a file includes a header of a layer its own layer does not link (an upward or sideways arrow),
  * a header includes a layer its layer links only PRIVATE (users of the header could not build) —
    except a private header of the layer (under src/<layer>/detail/, included only by the layer's own
    files, which see its PRIVATE links),
  * a file includes another layer's private header (src/<other>/detail/…),
  * a declared dependency is not used (PUBLIC: by no header; at all: by no file),
  * the declared layers, or the headers, include each other in a cycle.
Prints the layer graph as found in the sources on success.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layer_graph import cycle, public_closure, read_layers, visible  # noqa: E402

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def main() -> int:
    src, layers_txt = Path(sys.argv[1]), Path(sys.argv[2])
    layers = read_layers(layers_txt)
    problems: list[str] = []
    if c := cycle(layers):
        problems.append("declared layers form a cycle: " + " → ".join(c))

    used: dict[str, set[str]] = {n: set() for n in layers}         # by any file
    used_by_header: dict[str, set[str]] = {n: set() for n in layers}
    header_edges: dict[str, set[str]] = {}
    for folder in sorted(p for p in src.iterdir() if p.is_dir()):
        name = folder.name
        if name not in layers:
            problems.append(f"src/{name}/ is in no layer: add a bp_layer({name} …) to CMakeLists.txt")
            continue
        seen = visible(layers, name)
        header_seen: set[str] = set()
        for dep in layers[name].public:
            header_seen |= public_closure(layers, dep)
        header_seen.add(name)
        for f in sorted(folder.rglob("*")):
            if f.suffix not in (".hpp", ".cpp", ".h"):
                continue
            rel = f.relative_to(src).as_posix()
            # A header under detail/ is private to its layer: only the layer's own files include
            # it (checked below), so like a .cpp it may include the layer's PRIVATE links.
            is_header = f.suffix != ".cpp" and "detail" not in f.relative_to(folder).parts[:-1]
            for lineno, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                inc = m.group(1)
                where = f"src/{rel}:{lineno}"
                if inc.startswith(("/", ".")) or "/../" in inc or "/" not in inc:
                    problems.append(f'{where}: "{inc}": project headers are included as "layer/file"')
                    continue
                target = inc.split("/", 1)[0]
                if target not in layers:
                    problems.append(f'{where}: "{inc}": {target}/ is no layer')
                    continue
                if not (src / inc).is_file():
                    problems.append(f'{where}: "{inc}" does not exist')
                if f.suffix != ".cpp":
                    header_edges.setdefault(rel, set()).add(inc)
                if target == name:
                    continue
                if "detail" in inc.split("/")[1:-1]:
                    problems.append(f'{where}: "{inc}": a private header of {target} (detail/) is '
                                    f'included only by files of {target}')
                used[name].add(target)
                if is_header:
                    used_by_header[name].add(target)
                if target not in seen:
                    problems.append(f'{where}: "{inc}": layer {name} may not include {target} '
                                    f'(it sees {", ".join(sorted(seen - {name})) or "no other layer"})')
                elif is_header and not layers[name].executable and target not in header_seen:
                    problems.append(f'{where}: "{inc}": a header of {name} includes {target}, which '
                                    f'{name} links PRIVATE: make it PUBLIC in CMakeLists.txt')
    for name, layer in layers.items():
        if not (src / name).is_dir():
            problems.append(f"layer {name} has no folder src/{name}/")
            continue
        for dep in layer.public:
            if dep not in used_by_header[name]:
                problems.append(f"layer {name} links {dep} PUBLIC but no header of {name} includes it"
                                f"{' (make it PRIVATE)' if dep in used[name] else ' (drop it)'}")
        for dep in layer.private:
            if dep not in used[name]:
                problems.append(f"layer {name} links {dep} but no file of {name} includes it")

    # Header cycles: a header that (transitively) includes itself.
    state: dict[str, int] = {}

    def visit(h: str, path: list[str]) -> None:
        state[h] = 1
        for nxt in sorted(header_edges.get(h, ())):
            if state.get(nxt) == 1:
                problems.append("include cycle: " + " → ".join(path[path.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[h] = 2

    for h in sorted(header_edges):
        if h not in state:
            visit(h, [h])

    if problems:
        print("\n".join(problems))
        return 1
    for name in layers:
        print(f"{name} → {', '.join(sorted(used[name])) or '—'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
