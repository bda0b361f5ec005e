"""The evaluation gate read from ``data/eval_gates.toml``: each gold file's pin, label and floors, and its checks."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GATES_PATH = Path(__file__).parent / "data" / "eval_gates.toml"
LABELS = frozenset({"development", "blind"})


@dataclass(frozen=True)
class Gate:
    """One gold file: where it is, what it is, its pinned SHA-256, and the floors of the figures measured on it."""

    name: str
    path: str
    label: str
    sha256: str
    floors: dict[str, float]
    history: dict[str, list[float]]
    note: str = ""
    reason: str = ""
    previous_sha256: list[str] = field(default_factory=list)
    lowered_because: str = ""

    @property
    def file(self) -> Path:
        return (ROOT / self.path).resolve()


@cache
def gates() -> dict[str, Gate]:
    """Every entry of the gate file, by name."""
    data = tomllib.loads(GATES_PATH.read_text(encoding="utf-8"))
    return {name: Gate(name=name, **entry) for name, entry in data["sets"].items()}


def floor(name: str, figure: str) -> float:
    """The floor a figure measured on a gold set must hold."""
    return gates()[name].floors[figure]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pin_problems(gate: Gate, digest: str) -> list[str]:
    """What is wrong with a present file's pin: unpinned, changed, or a blind set changed without a reason."""
    problems = []
    if gate.label not in LABELS:
        problems.append(f"{gate.name}: label {gate.label!r} is neither development nor blind")
    if not gate.sha256:
        problems.append(f"{gate.name}: {gate.path} exists but is not pinned (sha256 {digest})")
    elif digest != gate.sha256:
        problems.append(f"{gate.name}: {gate.path} changed (sha256 {digest}, pinned {gate.sha256})")
    if gate.label == "blind" and gate.previous_sha256 and not gate.reason.strip():
        problems.append(f"{gate.name}: a blind set changed without a `reason`")
    return problems


def floor_problems(gate: Gate) -> list[str]:
    """What is wrong with a gate's floors: no history, a floor not the last of its history, or one lowered silently."""
    problems = []
    for figure, value in gate.floors.items():
        past = gate.history.get(figure, [])
        if not past or past[-1] != value:
            problems.append(f"{gate.name}.{figure}: floor {value} is not the last of its history {past}")
        elif value < max(past) and not gate.lowered_because.strip():
            problems.append(f"{gate.name}.{figure}: floor {value} is below {max(past)} without `lowered_because`")
    return problems
