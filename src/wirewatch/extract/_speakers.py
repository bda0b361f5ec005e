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

from ..records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resolve import DocActors

__all__ = ["PERSON_ROLES", "STATEMENT_NOUNS", "earlier_speaker", "named_inside", "named_speaker", "phrase_text",
           "speaker_actor", "speaker_id", "speaker_of"]

STATEMENT_NOUNS = frozenset({"statement", "spokesman", "spokeswoman", "spokesperson", "communique", "release",
                             "ministry", "office", "report", "readout", "source", "sources", "agency", "press"})
#: Words of a role phrase that say nothing about the office ("the former secretary").
_ROLE_FILLER = frozenset({"the", "this", "that", "former", "then", "new", "current", "outgoing", "acting", "top"})
#: Role nouns that name a person: "the EU's top diplomat" is a person of the EU, not the EU.
PERSON_ROLES = frozenset({"diplomat", "chief", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
                          "president"})
#: Office words that a role word stands for when the office does not use the word itself.
_ROLE_OFFICES: dict[str, frozenset[str]] = {
    "diplomat": frozenset({"foreign", "ambassador", "envoy", "representative"}),
    "chief": frozenset({"secretary", "director", "head", "chair", "chairman", "president", "commander",
                        "representative", "leader"}),
    "spokesman": frozenset({"spokesperson", "spokeswoman", "press"}),
    "spokeswoman": frozenset({"spokesperson", "spokesman", "press"}),
    "spokesperson": frozenset({"spokesman", "spokeswoman", "press"}),
}
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
        return _past_dateline(min(subjects, key=lambda c: abs(c.i - verb.i)))
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        return speaker_of(verb.head)
    return None


def _past_dateline(subject: Token) -> Token:
    """ "PARIS — The minister said": a dateline taken for the subject gives way to the subject set after its dash."""
    doc = subject.doc
    dash = subject.i + 1
    if dash >= len(doc) or doc[dash].text not in {"\u2014", "\u2013", "-", "--"} or subject.sent.start + 2 < subject.i:
        return subject
    after = [c for c in subject.children if c.dep_ in {"appos", "conj"} and c.i > dash]
    return after[0] if after else subject


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
    if slot is not None and slot.entry.kind != "person" and token.lower_ in PERSON_ROLES:
        return _office_holder(token, actors, owner=slot) or str(slot.id)  # "the EU's top diplomat": its person
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


def _office_holder(token: Token, actors: DocActors, *, owner=None) -> str | None:  # noqa: ANN001
    """ "the foreign secretary", "the EU's top diplomat": the person named last before it whose office fits the
    phrase's lower-case words (and who belongs to the body or country the phrase names)."""
    role = {t.lower_ for t in token.subtree if t.i <= token.i and t.is_alpha and t.is_lower} - _ROLE_FILLER
    best, best_at = None, -1
    for actor in _people(actors):
        office = set(re.findall(r"[a-z]+", (actor.office or "").lower()))
        before = [m.span[0] for m in actor.mentions if m.span[1] <= token.idx]
        fits = role and all(w in office or _ROLE_OFFICES.get(w, frozenset()) & office for w in role)
        if fits and before and max(before) > best_at and (owner is None or _belongs(actor, owner, office)):
            best, best_at = actor.id, max(before)
    return best


def _belongs(person: Actor, owner, office: set[str]) -> bool:  # noqa: ANN001 - the resolver's slot
    """Whether a person acts for a body or country: affiliated to it, of its country, or its name in the office."""
    entry = owner.entry
    if person.affiliation == entry.key or (entry.country and person.country == entry.country):
        return True
    return bool((set(re.findall(r"[a-z]+", entry.name.lower())) - {"of", "the"}) & office)


def _people(actors: DocActors) -> list[Actor]:
    """The people resolved so far (their offices and names do not change)."""
    return [a for a in _everyone(actors) if a.kind == "person"]


def _everyone(actors: DocActors) -> list[Actor]:
    """The actors resolved so far, computed once per document."""
    cache = actors.doc.user_data.setdefault("wirewatch.actors", {})
    if "all" not in cache:
        cache["all"] = list(actors.actors())
    return list(cache["all"])


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


def named_inside(pronoun: Token, actors: DocActors, quote: tuple[int, int]) -> bool:
    """ "“… Japan …,” it added": whether the pronoun's resolution was named only inside the quote it cues."""
    if pronoun.tag_ != "PRP":
        return False
    slot = actors.actor_at(pronoun)
    if slot is None:
        return False
    earlier = [m for m in slot.mentions if m.span[1] <= pronoun.idx and m.how != "pronoun"]
    return bool(earlier) and all(quote[0] <= m.span[0] < quote[1] for m in earlier)


def earlier_speaker(pronoun: str, actors: DocActors, before: int, said: list[str | None]) -> str | None:
    """Who a pronoun speaker stands for when the resolver's answer lay inside the quote: the last earlier speaker
    of its kind (a person for "he" and "she", a body for "it"), else the actor of that kind named last before."""
    kinds = {a.id: a.kind == "person" for a in _everyone(actors)}
    person = pronoun.lower() != "it"
    spoke = [s for s in said if s is not None and kinds.get(s) == person]
    if spoke:
        return spoke[-1]
    best, best_at = None, -1
    for actor in _everyone(actors):
        named = [m.span[0] for m in actor.mentions if m.span[1] <= before and m.how != "pronoun"]
        if (actor.kind == "person") == person and named and max(named) > best_at:
            best, best_at = actor.id, max(named)
    return best
