"""Across articles: people missing from the knowledge base become one actor when name, country and office agree.

Within an article the resolver keys an unknown person by the normalised name it first meets ("person~pyotr-
semenov"). Before an article is stored, each such key is compared with the unknown people already stored for the
same country: the same transliteration skeleton (or a surname within Jaro-Winkler 0.9 and a compatible first
name), and no clash of sector, make them one actor; the stored key is reused and the new spelling is kept as a
mention.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from ..records import Actor, Extraction
from ._names import jaro_winkler, normalise, skeleton

__all__ = ["StoredPerson", "same_person", "unify_people"]

#: (key, name, sector) of a stored unknown person.
StoredPerson = tuple[str, str, str | None]


def same_person(a: str, b: str) -> bool:
    """Whether two spellings name the same person: equal skeletons, or close surnames and compatible first names."""
    if skeleton(a) == skeleton(b):
        return True
    wa, wb = normalise(a).split(), normalise(b).split()
    if len(wa) < 2 or len(wb) < 2 or jaro_winkler(wa[-1], wb[-1]) < 0.9:
        return False
    first_a, first_b = wa[0], wb[0]
    return skeleton(first_a) == skeleton(first_b) or jaro_winkler(first_a, first_b) >= 0.85


def unify_people(extraction: Extraction, stored: Callable[[str], Sequence[StoredPerson]]) -> Extraction:
    """The extraction with each unknown person keyed as the stored unknown person they are, where there is one."""
    renamed: list[Actor] = []
    changed = False
    used = {a.key for a in extraction.actors}
    for actor in extraction.actors:
        match = _match(actor, stored) if actor.key.startswith("person~") and actor.country else None
        if match is not None and match not in used:
            used.add(match)
            actor = dataclasses.replace(actor, key=match)
            changed = True
        renamed.append(actor)
    return dataclasses.replace(extraction, actors=tuple(renamed)) if changed else extraction


def _match(actor: Actor, stored: Callable[[str], Sequence[StoredPerson]]) -> str | None:
    for key, name, sector in stored(actor.country or ""):
        clash = actor.sector is not None and sector is not None and actor.sector != sector
        if not clash and same_person(actor.name, name):
            return key
    return None
