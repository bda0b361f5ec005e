"""The resolver's working record of one actor, and the state its parts share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..records import Mention
from ._groups import Evidence
from ._kb import Entry, KnowledgeBase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(slots=True)
class _Slot:
    id: str
    entry: Entry
    office: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    surname_key: str | None = None
    titles: set[str] = field(default_factory=set)
    first: int = 0
    implied: bool = False
    affiliation: str | None = None
    #: A group named by a plural ("Ogaden rebels"): "they", never "it".
    plural: bool = False

    def add(self, text: str, span: tuple[int, int], how: str) -> None:
        """Record a mention once."""
        if all(m.span != span for m in self.mentions):
            self.mentions.append(Mention(text, span, how))


class _Index:
    """The state the parts of the resolver share: the article, its actors so far and the token index."""

    doc: Doc
    kb: KnowledgeBase
    published: date | None
    slots: list[_Slot]
    _by_key: dict[str, _Slot]
    token_slot: dict[int, _Slot]
    _referred: dict[int, _Slot | None]

    if TYPE_CHECKING:
        def actor_at(self, token: Token) -> _Slot | None: ...
        def _place_actor(self, token: Token) -> _Slot | None: ...
        def _pronouns(self) -> None: ...
        def _earlier_variant(self, word: str) -> bool: ...
        def _earlier_surname(self, word: str) -> bool: ...
        def _known_exactly(self, name: str) -> bool: ...
        def _near_country(self, token: Token) -> Entry | None: ...
        def _attach(self, entry: Entry, span: Span, how: str, taken: set[int]) -> _Slot: ...
        def _evidence(self, token: Token) -> Evidence | None: ...
        def _person(self, ent: Span, taken: set[int]) -> None: ...
        def _unknown_person(self, span: Span, titles: list[str], taken: set[int]) -> _Slot: ...


def _drop_mention(slot: _Slot, span: tuple[int, int]) -> None:
    slot.mentions = [m for m in slot.mentions if m.span != span]


def _last_mention_before(slot: _Slot, offset: int) -> int:
    return max((m.span[0] for m in slot.mentions if m.span[1] <= offset), default=-1)
