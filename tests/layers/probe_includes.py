#!/usr/bin/env python3
"""The build enforces the layers: a generated translation unit, compiled with the exact command the
build uses for a source file of layer L (build/compile_commands.json), includes one header of every
layer M. It must compile exactly when L links M (build/layers.txt, PUBLIC ones transitively), and an
include of any other layer must stop the compiler with "No such file or directory".

    probe_includes.py BUILD_DIR SOURCE_DIR

Besides the whole matrix, the two arrows that once ran back up (model/profile.hpp and
derive/derived.hpp including document/document.hpp) and a backend reaching into app are named
explicitly, so that they stay compile errors even if the declared graph changes.
"""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layer_graph import read_layers, visible  # noqa: E402

MUST_FAIL = [("model", "document"), ("derive", "document"), ("util", "model"), ("text", "layout"),
             ("pdf", "docx"), ("pdf", "app"), ("app", "import"), ("import", "cli")]


def main() -> int:
    build, src = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    layers = read_layers(build / "layers.txt")
    commands = json.loads((build / "compile_commands.json").read_text(encoding="utf-8"))

    # One compile command per layer: that of its first source file.
    command_of: dict[str, dict] = {}
    for entry in sorted(commands, key=lambda e: e["file"]):
        f = Path(entry["file"]).resolve()
        if f.parent.parent == src / "src" and f.parent.name in layers:
            command_of.setdefault(f.parent.name, entry)
    # One header per layer: the smallest, so that a visible include preprocesses quickly.
    header_of = {n: min((src / "src" / n).glob("*.hpp"), key=lambda p: p.stat().st_size)
                 for n in layers}

    problems = [f"no compile command for layer {n}" for n in layers if n not in command_of]
    if problems:
        print("\n".join(problems))
        return 1

    tmp = Path(tempfile.mkdtemp(prefix="bp-layer-probe-"))

    def probe(lower: str, upper: str) -> tuple[str, str, bool, str]:
        inc = f"{upper}/{header_of[upper].name}"
        tu = tmp / f"{lower}__{upper}.cpp"
        tu.write_text(f'// probe: layer {lower} includes layer {upper}\n#include "{inc}"\n',
                      encoding="utf-8")
        entry = command_of[lower]
        args = shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])
        out: list[str] = []
        skip = False
        for a in args:  # the layer's flags, with the probe instead of the source and no object
            if skip:
                skip = False
                continue
            if a in ("-o", "-c", "-MF", "-MT", "-MQ"):
                skip = True
                continue
            if a in ("-MD", "-MMD"):
                continue
            out.append(a)
        out += ["-E", "-o", os.devnull, str(tu)]
        r = subprocess.run(out, cwd=entry["directory"], capture_output=True, text=True)
        return lower, upper, r.returncode == 0, r.stderr

    pairs = [(lo, up) for lo in layers for up in layers if lo != up]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda p: probe(*p), pairs))

    failures = 0
    compiled = {(lo, up): ok for lo, up, ok, _ in results}
    for lower, upper, ok, err in results:
        expected = upper in visible(layers, lower)
        missing = "No such file or directory" in err and f"{upper}/" in err
        if ok != expected or (not ok and not missing):
            failures += 1
            want = "compile" if expected else "fail with No such file"
            print(f"FAIL {lower} including {upper}/{header_of[upper].name}: expected to {want}, "
                  f"{'compiled' if ok else 'failed'}\n{err.strip()[:800]}")
    for lower, upper in MUST_FAIL:
        if compiled.get((lower, upper), True):
            failures += 1
            print(f"FAIL {lower} can include {upper}: that arrow must stay a compile error")
    ok_n = sum(1 for v in compiled.values() if v)
    print(f"{len(pairs)} probes: {ok_n} includes of a linked layer compile, "
          f"{len(pairs) - ok_n} of other layers fail to compile; {failures} unexpected")
    for f in tmp.iterdir():
        f.unlink()
    tmp.rmdir()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
