"""Resolve: actor mentions to canonical actors (countries, institutions, organisations, people)."""

from __future__ import annotations

from ._bodies import BODY_SECTOR
from ._crossdoc import same_person, unify_people
from ._kb import Entry, KnowledgeBase, Office, Person, build_kb, load_kb
from ._names import normalise, skeleton
from ._resolver import DocActors, resolve_actors

__all__ = [
    "BODY_SECTOR",
    "DocActors",
    "Entry",
    "KnowledgeBase",
    "Office",
    "Person",
    "build_kb",
    "load_kb",
    "normalise",
    "resolve_actors",
    "same_person",
    "skeleton",
    "unify_people",
]
