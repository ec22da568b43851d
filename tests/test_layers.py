"""The layers hold: the import-linter contracts in pyproject.toml, and no import cycle between
any two modules of the app — imports inside functions count, since they are cycles all the same."""

import subprocess
import sys
from pathlib import Path

import grimp

from app.core.settings import ROOT


def _cycles() -> list[list[str]]:
    """Strongly connected groups of modules (Tarjan), largest first."""
    graph = grimp.build_graph("app")
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in edges[module]:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in modules:
        if module not in index:
            visit(module)
    return sorted(groups, key=len, reverse=True)


def test_no_module_imports_its_way_into_a_cycle() -> None:
    # Package __init__ modules that only re-export are part of the graph too.
    assert _cycles() == []


def test_import_linter_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-3000:]
