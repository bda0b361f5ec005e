"""Find actor mentions in a parsed article and resolve them to canonical actors.

Mentions come from the knowledge-base gazetteer (countries, demonyms, capitals, metonyms, organisations), from
spaCy's entities (people, organisations, places), from a demonym or country heading an institution noun ("the
Israeli military", "Russian military intelligence"), from groups named by who or where they are ("Ogaden rebels",
"opposition parties in Togo", see ``_groups``), and lazily, when an extractor asks, from pronouns and role
phrases ("he", "the US official", "his Iranian counterpart") that point back to an earlier actor.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..annotate import tokens
from ..records import Actor, Location
from ._bodies import ANAPHORIC, body_sector, body_span
from ._context import entity_of, expletive
from ._coref import _Coref, role_noun
from ._groups import Evidence, actor_evidence, context_country, place_evidence
from ._kb import SECTOR_KIND, Entry, KnowledgeBase
from ._lexicon import PRONOUNS
from ._mentions import _Mentions
from ._names import normalise
from ._people import _People
from ._places import find_place
from ._slot import _last_mention_before, _Slot

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["DocActors", "resolve_actors"]

_ORGS = frozenset({"organisation", "armed_group", "igo", "ngo", "party", "business", "media"})
#: Compass words: a direction, never a town of that name ("the North" is no hamlet in the United States).
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                      "north-east", "north-west", "south-east", "south-west"})
#: On the Korean peninsula "the North" and "the South" are the two Korean states.
_KOREAN_HALVES = {"north": "PRK", "south": "KOR"}


class DocActors(_Coref, _People, _Mentions):
    """The actors of one parsed article, with a token → actor index the extractors query."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, published: date | None) -> None:
        self.doc, self.kb, self.published = doc, kb, published
        self.slots: list[_Slot] = []
        self._by_key: dict[str, _Slot] = {}
        self.token_slot: dict[int, _Slot] = {}
        self._referred: dict[int, _Slot | None] = {}
        self._find_mentions()

    # -- public queries ------------------------------------------------------------------------------
    def actor_at(self, token: Token) -> _Slot | None:
        """The actor a token belongs to or refers to (pronouns and role phrases resolved on demand, once)."""
        slot = self.token_slot.get(token.i)
        if slot is not None:
            return slot
        if token.i not in self._referred:
            self._referred[token.i] = self._refer(token)
        return self._referred[token.i]

    def _refer(self, token: Token) -> _Slot | None:
        lower = token.lower_
        if lower in PRONOUNS and token.tag_ in {"PRP", "PRP$"} and not expletive(token):
            return self._pronoun(token, PRONOUNS[lower])
        if role_noun(token):
            return self._role_phrase(token)
        if token.ent_type_ in {"GPE", "LOC", "FAC"}:
            return self._place_actor(token)
        if token.ent_type_ == "PERSON" and len(entity_of(token)) == 1 and find_place(token.text) is not None:
            return self._place_actor(token)  # a town the tagger took for a person ("attacked Kharkiv")
        return self._body(token)

    def _body(self, token: Token) -> _Slot | None:
        """ "The court convicted …", "police arrested …": a body named by a common noun alone is an actor under
        its own words, of the country its sentence places it in (if one)."""
        span = body_span(token)
        if span is None or any(t.i in self.token_slot for t in span) or self.kb.phrase(span.text) is not None:
            return None
        if token.tag_ == "NNS" and any(self.actor_at(o) is not None for c in token.children
                                       if c.dep_ == "prep" and c.lower_ in {"of", "from"} for o in c.children
                                       if o.dep_ == "pobj" and o.tag_ == "NNP"):
            return None  # "inspectors from the Atomic Energy Agency", "the armed forces of India": the named one
        if token.lower_ in ANAPHORIC and any(_last_mention_before(s, token.idx) >= 0 and s.entry.kind in _ORGS
                                             for s in self.slots):
            return None  # "the group" after a named group is that group
        sector = body_sector(span)
        # "the court" is of where it sits, and so is a crowd ("angry activists"); "top Kurdish officials" say
        # who they are
        bare = len(span) == 1
        placed = bare or sector in {"CVL", "LAB", "EDU", "REF"}
        country = context_country(token, range(span.start, span.end), self._evidence, wide=False) if placed else None
        if country is None and sector in {"CVL", "LAB", "EDU", "REF"}:
            country = self._where_crowd(token)  # "crowds filled the squares in Minsk"
        state = self.kb.country(country)
        kind = SECTOR_KIND.get(sector or "", "group")
        if state is not None and sector is not None and bare:
            entry = Entry(f"{state.key}:{sector}", f"{state.name} ({kind.replace('_', ' ')})", kind, country, sector)
        else:
            name = span.text[0].upper() + span.text[1:]
            entry = Entry(f"body~{country or '-'}~{normalise(span.text).replace(' ', '-')}", name, kind, country,
                          sector, None, "body")
        return self._attach(entry, span, "body", set())

    def state_slot(self, state: Entry) -> _Slot:
        """The actor of a country's state, created (without mentions) when the text has not named it yet."""
        slot = self._by_key.get(state.key)
        if slot is None:
            slot = _Slot(f"a{len(self.slots) + 1}", state, first=len(self.doc), implied=True)
            self.slots.append(slot)
            self._by_key[state.key] = slot
        slot.implied = slot.implied or not slot.mentions  # kept in the output though the text never names it
        return slot

    def place_of(self, token: Token) -> Location | None:
        """Where a place name points: a country, a capital or a town of the gazetteer, with coordinates."""
        span = entity_of(token)
        if _compass(span.text):
            return None
        entry = self.kb.phrase(span.text)
        found = find_place(span.text)
        if entry is not None and entry.country and entry.how == "name" and entry.kind == "state":
            return Location(span.text, entry.country)
        if found is not None:
            return Location(span.text, self.kb.alpha2.get(found.alpha2), found.lat, found.lon)
        return Location(span.text, entry.country) if entry is not None and entry.country else None

    def _place_actor(self, token: Token) -> _Slot | None:
        """A town named as a party to an event stands for its country ("shelled Kharkiv" → Ukraine)."""
        location = self.place_of(token)
        country = location.country if location is not None else self._korean_half(token)
        if country is None:
            return None
        state = self.kb.country(country)
        if state is None:
            return None
        span = entity_of(token)
        slot = self._by_key.get(state.key) or self._attach(state, span, "place", set())
        slot.add(span.text, (span.start_char, span.end_char), "place")
        for t in tokens(span):
            self.token_slot[t.i] = slot
        return slot

    def _korean_half(self, token: Token) -> str | None:
        """ "the North" / "the South" in a text that names either Korea: that Korean state."""
        half = _KOREAN_HALVES.get(_compass(entity_of(token).text) or "")
        return half if half is not None and any(s.entry.country in {"PRK", "KOR"} for s in self.slots) else None

    def actors(self) -> tuple[Actor, ...]:
        """The frozen actor records, each with its mentions in text order."""
        return tuple(
            Actor(
                id=s.id, key=s.entry.key, name=s.entry.name, kind=s.entry.kind, country=s.entry.country,
                sector=s.entry.sector, wikidata=s.entry.wikidata, office=s.office,
                mentions=tuple(sorted(s.mentions, key=lambda m: m.span)), affiliation=s.affiliation,
            )
            for s in self.slots
            if s.mentions or s.implied
        )


    def _attach(self, entry: Entry, span: Span, how: str, taken: set[int]) -> _Slot:
        slot = self._by_key.get(entry.key)
        if slot is None:
            slot = _Slot(f"a{len(self.slots) + 1}", entry, first=span.start)
            self.slots.append(slot)
            self._by_key[entry.key] = slot
        slot.add(span.text, (span.start_char, span.end_char), how)
        for t in tokens(span):
            self.token_slot[t.i] = slot
            taken.add(t.i)
        return slot


    def _evidence(self, token: Token) -> Evidence | None:
        """The country a token stands for in its sentence, for the groups beside it (see ``_groups``)."""
        slot = self.token_slot.get(token.i)
        if slot is None:
            location = self.place_of(token) if token.ent_type_ in {"GPE", "LOC"} else None
            return place_evidence(token, location.country if location is not None else None, self.kb)
        mention = next((m.text for m in slot.mentions if m.span[0] <= token.idx < m.span[1]), "")
        return actor_evidence(token, slot.entry, mention)


    def _where_crowd(self, token: Token) -> str | None:
        """The country of the place where the clause a crowd acts in happens ("… in Hong Kong")."""
        verb = token
        while not verb.tag_.startswith("VB") and verb.head.i != verb.i:
            verb = verb.head
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")] if verb.tag_.startswith("VB") else []
        for child in (c for head in heads for c in head.children):
            for obj in child.children if child.dep_ == "prep" and child.lower_ in {"in", "at", "across"} else ():
                location = self.place_of(obj) if obj.dep_ == "pobj" and obj.ent_type_ in {"GPE", "LOC"} else None
                if location is not None and location.country:
                    return location.country
        return None


def resolve_actors(doc: Doc, kb: KnowledgeBase, published: date | None) -> DocActors:
    """Find and resolve every actor mention in ``doc``."""
    return DocActors(doc, kb, published)


def _compass(text: str) -> str | None:
    """The compass word a name is, without its article ("the North" → "north"), or None."""
    word = text.lower().removeprefix("the ").strip()
    return word if word in _COMPASS else None
