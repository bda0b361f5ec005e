"""Resolve: actor mentions to canonical actors (countries, institutions, organisations, people).

The surface other stages read: ``resolve_actors`` gives a ``DocActors``, the actor index of one article
(``actor_at(token)``, ``group_at(token)``, ``place_of(token)``, ``actors()``); ``ActorSlot`` is the working record
of one actor it returns; ``institution_sector`` and ``INSTITUTION_SECTOR`` name the sector an institution noun
stands for; ``find_place`` looks a place name up in the gazetteer. Other stages import these from
``wirewatch.resolve``, never from its private modules.
"""

from __future__ import annotations

from ._bodies import BODY_SECTOR
from ._context import institution_sector
from ._crossdoc import same_person, unify_people
from ._kb import Entry, KnowledgeBase, Office, Person, build_kb, load_kb
from ._lexicon import INSTITUTION_SECTOR
from ._names import normalise, skeleton
from ._places import find_place
from ._resolver import DocActors, resolve_actors
from ._slot import _Slot as ActorSlot

__all__ = [
    "BODY_SECTOR",
    "INSTITUTION_SECTOR",
    "ActorSlot",
    "DocActors",
    "Entry",
    "KnowledgeBase",
    "Office",
    "Person",
    "build_kb",
    "find_place",
    "institution_sector",
    "load_kb",
    "normalise",
    "resolve_actors",
    "same_person",
    "skeleton",
    "unify_people",
]
