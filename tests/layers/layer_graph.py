"""The layer graph CMakeLists.txt declares (build/layers.txt, written by bp_layer()), shared by the
include-graph check and the violation probes.

Each line: `NAME TARGET public: A B private: C D`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Layer:
    name: str
    target: str
    public: list[str] = field(default_factory=list)
    private: list[str] = field(default_factory=list)

    @property
    def executable(self) -> bool:  # libraries are bp_NAME; an executable's headers have no users
        return not self.target.startswith("bp_")


def read_layers(path: Path) -> dict[str, Layer]:
    layers: dict[str, Layer] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        head, rest = line.split(" public:", 1)
        name, target = head.split()
        pub, priv = rest.split(" private:", 1)
        layers[name] = Layer(name, target, pub.split(), priv.split())
    return layers


def public_closure(layers: dict[str, Layer], name: str) -> set[str]:
    """`name` and every layer its headers expose (PUBLIC, transitively): what a user of it sees."""
    seen, todo = set(), [name]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        todo.extend(layers[n].public)
    return seen


def visible(layers: dict[str, Layer], name: str) -> set[str]:
    """The layers whose headers a source file of `name` can include (its own included)."""
    seen = {name}
    for dep in layers[name].public + layers[name].private:
        seen |= public_closure(layers, dep)
    return seen


def cycle(layers: dict[str, Layer]) -> list[str] | None:
    """A dependency cycle among the declared layers, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for d in layers[n].public + layers[n].private:
            if state.get(d) == 1:
                return stack[stack.index(d):] + [d]
            if d not in state and (found := visit(d)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in layers:
        if n not in state and (found := visit(n)):
            return found
    return None
