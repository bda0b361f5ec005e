"""The shape of the package: no two modules import each other, directly or round a circle (imports hidden in
functions count too), no stage imports another stage's private module, no module is over 500 lines and no
function over 60."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _modules() -> dict[str, Path]:
    found = {}
    for path in (SRC / "wirewatch").rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            subs = {f"{base}.{a.name}" for a in node.names} & known
            out |= subs or {base}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return {t for t in out & known if t != name and not name.startswith(t + ".")}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle, as the modules round it, or [] when there is none."""
    state: dict[str, int] = {}
    trail: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        trail.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return trail[trail.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        trail.pop()
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def test_the_cycle_finder_finds_a_circle_and_only_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_module_imports_itself_round_a_circle():
    modules = _modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    assert _cycle(graph) == []


#: The stage packages: a private module of one (``_x``) is never imported from another.
STAGES = ("clean", "annotate", "extract", "resolve", "store", "fetch", "batch", "incidents", "brief", "serve",
          "evaluation")


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def _private_across_stages(graph: dict[str, set[str]]) -> list[str]:
    """Imports of another stage's private module ("wirewatch.extract.x -> wirewatch.resolve._y")."""
    return sorted(f"{source} -> {target}" for source, targets in graph.items() for target in targets
                  if _stage(target) not in (None, _stage(source))
                  and any(part.startswith("_") for part in target.split(".")[2:]))


def test_the_private_import_finder_flags_only_another_stage_s_private_module():
    graph = {"wirewatch.extract.events": {"wirewatch.resolve._slot", "wirewatch.resolve", "wirewatch.extract._rules"}}
    assert _private_across_stages(graph) == ["wirewatch.extract.events -> wirewatch.resolve._slot"]


def test_no_stage_imports_another_stage_s_private_module():
    modules = _modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    assert _private_across_stages(graph) == []


def test_no_module_is_over_500_lines():
    long = [f"{path.relative_to(SRC)}: {n}" for path in (SRC / "wirewatch").rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500]
    assert long == []


def test_no_function_is_over_60_lines():
    functions = [(path, node) for path in (SRC / "wirewatch").rglob("*.py")
                 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    long = [f"{path.relative_to(SRC)}: {node.name} {n}" for path, node in functions
            if (n := (node.end_lineno or node.lineno) - node.lineno + 1) > 60]
    assert long == []
