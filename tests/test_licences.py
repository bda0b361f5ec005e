"""No dependency of the core is under the GPL alone (issue 3): every package of requirements.lock is checked."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

LOCK = Path(__file__).resolve().parents[1] / "requirements.lock"
#: Packages that offer the GPL only as one choice among permissive licences, and the licence we take.
CHOSEN = {"tld": "MPL-1.1 (tri-licensed MPL-1.1 / GPL-2.0 / LGPL-2.1)"}


def _locked() -> list[str]:
    names = re.findall(r"^([A-Za-z0-9_.\-]+)==", LOCK.read_text(encoding="utf-8"), flags=re.M)
    return sorted(set(names))


def _licence_text(name: str) -> str:
    meta = metadata.metadata(name)
    parts = [meta.get("License") or "", meta.get("License-Expression") or ""]
    parts += [c for c in meta.get_all("Classifier") or [] if c.startswith("License")]
    return " | ".join(parts)


def test_no_core_dependency_is_gpl_only():
    offenders = []
    for name in _locked():
        if name in CHOSEN:
            continue
        text = _licence_text(name)
        gpl = re.search(r"\bGPL\b|General Public License", text) and not re.search(r"LGPL|Lesser", text)
        if gpl:
            offenders.append(f"{name}: {text}")
    assert not offenders, "GPL dependencies in the core:\n" + "\n".join(offenders)


def test_every_locked_package_is_installed_with_licence_metadata():
    for name in _locked():
        assert metadata.version(name)
