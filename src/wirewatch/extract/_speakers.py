"""Who speaks: the subject of a cue verb, and the actor it stands for.

The speaker of "X said" is the cue's subject; "the agency quoted X as saying" gives X, "X, who said that …" gives
X. The actor behind a speaker phrase is the resolver's, else the institution of "a Kremlin statement", else the
person in apposition inside it ("the head of the agency, Jane Roe"), else for a
definite role phrase ("the foreign secretary") the person named before whose office holds its words, else for a
definite statement or role noun ("the statement", "the spokesman") what its earlier mention stood for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resolve import DocActors

__all__ = ["STATEMENT_NOUNS", "named_speaker", "phrase_text", "speaker_actor", "speaker_id", "speaker_of"]

STATEMENT_NOUNS = frozenset({"statement", "spokesman", "spokeswoman", "spokesperson", "communique", "release",
                             "ministry", "office", "report", "readout", "source", "sources", "agency", "press"})
#: Words of a role phrase that say nothing about the office ("the former secretary").
_ROLE_FILLER = frozenset({"the", "this", "that", "former", "then", "new", "current", "outgoing", "acting", "top"})
_SPEECH_LIKE = frozenset({"saying", "describing", "calling", "adding", "noting", "arguing", "warning"})


def speaker_of(verb: Token) -> Token | None:
    """The subject of a cue verb: "X said", "quoted X as saying", a conjoined or clausal verb's subject."""
    if verb.lower_ in _SPEECH_LIKE and verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        verb = verb.head.head
    if verb.lower_ in {"quoted", "quotes", "quote", "cited", "cites"}:
        for child in verb.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                return child
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:  # the nearest: a dateline the parser took for a subject ("MOSCOW — …") is farther
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        return speaker_of(verb.head)
    return None


def named_speaker(token: Token | None) -> Token | None:
    """The speaker a clause names: "X, who said that …" is X's."""
    if token is not None and token.lower_ in {"who", "that"} and token.head.dep_ == "relcl":
        return token.head.head
    return token


def phrase_text(token: Token) -> str:
    """The speaker phrase as written, from its left edge to its head and the head's trailing modifiers."""
    left = token.left_edge.i
    right = token.i
    for child in token.children:
        if child.dep_ in {"compound", "amod", "det", "poss", "flat"} and child.i > right:
            right = child.i
    return token.doc[left : right + 1].text


def speaker_actor(token: Token, actors: DocActors):  # noqa: ANN201 - returns the resolver's slot
    """The actor behind a speaker phrase: itself, or the institution of "a Kremlin statement"."""
    slot = actors.actor_at(token)
    if slot is not None:
        return slot
    if token.lower_ in STATEMENT_NOUNS or token.dep_ in {"nsubj", "dobj", "pobj"}:
        for child in token.children:
            found = _owner(child, actors)
            if found is not None:
                return found
    return None


def _owner(child: Token, actors: DocActors):  # noqa: ANN202 - the resolver's slot
    """The actor a modifier names: "Kremlin" in "a Kremlin statement", "the ministry" in "a readout from …"."""
    if child.dep_ in {"compound", "poss", "amod", "appos"}:
        return actors.actor_at(child)
    if child.dep_ == "prep" and child.lower_ in {"from", "of", "by"} and child.head.lower_ in STATEMENT_NOUNS:
        for pobj in (g for g in child.children if g.dep_ == "pobj"):
            return speaker_actor(pobj, actors)
    return None


def speaker_id(token: Token, actors: DocActors) -> str | None:
    """The id of the actor a speaker phrase stands for, or None when no one can be named."""
    slot = speaker_actor(token, actors) or _apposed_person(token, actors)
    if slot is not None:
        return str(slot.id)
    if not _definite(token):
        return None
    return _office_holder(token, actors) or _antecedent(token, actors)


def _apposed_person(token: Token, actors: DocActors):  # noqa: ANN202 - the resolver's slot
    """ "The head of the security service, Jane Roe, said": the person set in apposition inside the phrase."""
    for inner in token.subtree:
        if inner.dep_ == "appos" and inner.i > token.i:
            slot = actors.actor_at(inner)
            if slot is not None and slot.entry.kind == "person":
                return slot
    return None


def _definite(token: Token) -> bool:
    return token.tag_ in {"NN", "NNS"} and any(c.dep_ == "det" and c.lower_ in {"the", "this"}
                                               for c in token.children)


def _office_holder(token: Token, actors: DocActors) -> str | None:
    """ "the foreign secretary": the person named last before it whose office holds all the phrase's words."""
    role = {t.lower_ for t in token.subtree if t.i <= token.i and t.is_alpha} - _ROLE_FILLER
    best, best_at = None, -1
    for actor in _people(actors):
        office = set(re.findall(r"[a-z]+", (actor.office or "").lower()))
        before = [m.span[0] for m in actor.mentions if m.span[1] <= token.idx]
        if role and role <= office and before and max(before) > best_at:
            best, best_at = actor.id, max(before)
    return best


def _people(actors: DocActors) -> list:
    """The people resolved so far, computed once per document (their offices do not change)."""
    cache = actors.doc.user_data.setdefault("wirewatch.people", {})
    if "people" not in cache:
        cache["people"] = [a for a in actors.actors() if a.kind == "person"]
    return list(cache["people"])


def _antecedent(token: Token, actors: DocActors) -> str | None:
    """ "the statement said": what the last earlier "a Kremlin statement" (the same noun) stood for."""
    if token.lower_ not in STATEMENT_NOUNS:
        return None
    for earlier in reversed(token.doc[: token.i]):
        if earlier.lower_ == token.lower_:
            slot = speaker_actor(earlier, actors)
            if slot is not None:
                return str(slot.id)
    return None
