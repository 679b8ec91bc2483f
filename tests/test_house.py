"""The house keeps its shape: arrows point one way and no modules import each other in a circle.

``ui → pos → ledger`` and ``pos → printing`` (or ``ui → printing``) with plain data;
``ledger`` knows nothing of the shop, ``printing`` nothing of the database, and only
``ui`` knows Qt. Every import counts, also one inside a function (a lazy import is
still an arrow) and one for type annotations only (under ``if TYPE_CHECKING:``): it never
runs, but a reader still has to know both ends to read either.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("pos", "ledger", "printing", "ui")
# What each package may import of the others (and of Qt).
ALLOWED = {
    "ui": {"ui", "pos", "ledger", "printing", "PySide6", "shiboken6"},  # shiboken6: is a Qt object still alive
    "pos": {"pos", "ledger", "printing"},
    "ledger": {"ledger"},
    "printing": {"printing"},
}
WATCHED = set(PACKAGES) | {"PySide6", "shiboken6"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def sources() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The project's modules (and Qt) that ``name`` imports, anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from pos import closure` names a module; `from pos.x import name` names x.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        else:
            continue
        for target in targets:
            if target.split(".")[0] not in WATCHED:
                continue
            while target not in known and "." in target:
                target = target.rpartition(".")[0]
            found.add(target)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    files = sources()
    known = set(files) | {"PySide6", "shiboken6"}
    return {name: imports(name, path, known) for name, path in files.items()}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in edges:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_modules_import_each_other_in_a_circle():
    assert circles(graph()) == []


def test_arrows_point_one_way_and_only_the_window_knows_qt():
    wrong = []
    for name, targets in graph().items():
        allowed = ALLOWED[name.split(".")[0]]
        wrong += [f"{name} -> {target}" for target in sorted(targets) if target.split(".")[0] not in allowed]
    assert wrong == []


def test_the_front_door_is_in_the_window_and_the_command_line_is_in_the_shop():
    edges = graph()
    assert "pos.cli.main" in edges["ui.main"]
    assert not any(target.startswith("ui") for target in edges["pos.cli.main"])


def test_the_check_sees_a_circle_and_a_wrong_arrow():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    edges = graph()
    assert "pos.service" in edges["pos.users"]  # the check reads real imports


def test_an_import_for_annotations_only_is_still_an_arrow(tmp_path):
    module = tmp_path / "tab.py"
    module.write_text("from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from ui.shell import Screen\n",
                      encoding="utf-8")
    assert imports("ui.goods.tab", module, {"ui.shell", "ui.goods.tab"}) == {"ui.shell"}


def test_no_source_file_in_the_shop_or_the_window_is_over_600_lines():
    long = {str(p.relative_to(ROOT)): n for package in ("pos", "ui") for p in (ROOT / package).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}


def test_no_function_in_the_house_is_over_80_lines():
    """A migration's upgrade writes its tables out whole, as Alembic made them; all else is split."""
    long = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 80:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert long == []
