"""The public surface is small, declared and sorted (like httpx's test_exported_members)."""

from __future__ import annotations

import wirewatch


def test_all_is_sorted_and_every_name_exists():
    assert wirewatch.__all__ == sorted(wirewatch.__all__)
    for name in wirewatch.__all__:
        assert hasattr(wirewatch, name), name


def test_every_public_name_has_a_docstring():
    for name in wirewatch.__all__:
        obj = getattr(wirewatch, name)
        if callable(obj):
            assert obj.__doc__, name


def test_every_error_derives_from_the_root():
    for name in wirewatch.__all__:
        obj = getattr(wirewatch, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, wirewatch.WirewatchError), name
