"""The shape of the code: packages import each other in one direction only.

A feature package (entries, review, wijk, walkin, api …) may use the packages beneath it, never
one that uses it back: a cycle makes the import order matter and hides which package owns a
rule. The check reads every module's imports, the lazy ones inside functions too.
"""

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "buurtlog"


def package_imports() -> dict[str, dict[str, list[str]]]:
    """Return, for each top-level part of buurtlog, the other parts it imports and where."""
    edges: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "migrations":
            continue
        source = relative.parts[0].removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.module:
                continue
            parts = node.module.split(".")
            if parts[0] != "buurtlog":
                continue
            targets = [parts[1]] if len(parts) > 1 else [a.name for a in node.names]
            for target in targets:
                if target != source:
                    edges[source][target].append(f"{relative}:{node.lineno}")
    return edges


def cycles(edges: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """Return the groups of packages that reach each other (Tarjan's strongly connected
    components of more than one package)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(edges):
        if node not in index:
            visit(node)
    return found


def test_no_package_imports_another_that_imports_it_back():
    edges = package_imports()
    assert edges["review"]["entries"], "the check reads imports"  # a known downward import
    found = cycles(edges)
    where = {
        " ↔ ".join(group): sorted(
            f"{a} → {b}: {edges[a][b][0]}" for a in group for b in group if b in edges[a]
        )
        for group in found
    }
    assert not found, where


def test_the_cycle_check_finds_a_cycle():
    edges = {
        "a": {"b": ["a.py:1"]},
        "b": {"c": ["b.py:1"]},
        "c": {"a": ["c.py:1"]},
        "d": {"a": ["d.py:1"]},
    }
    assert cycles(edges) == [["a", "b", "c"]]
