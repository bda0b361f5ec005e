"""An event candidate: a trigger and the sides the coder read for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._lexicon import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resolve import ActorSlot as _Slot

__all__ = ["Candidate", "unique"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger with the sides read for it, before framing, date and place make it an event."""

    trigger: Token
    rule: Trigger
    source: tuple[_Slot, ...]
    target: tuple[_Slot, ...]
    nominal: bool
    #: The classifier's probability when it, not the lexicon, named the type.
    learned: float | None = None
    #: Whether a side was inferred from a place rather than named (the country where an unclaimed attack
    #: happened, the people of the place where a crowd protests).
    inferred: bool = False


def unique(slots: list[_Slot]) -> list[_Slot]:
    """The slots in their order, each once."""
    out: list[_Slot] = []
    for slot in slots:
        if slot not in out:
            out.append(slot)
    return out
