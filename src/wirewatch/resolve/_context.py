"""Reading a person's or an institution's context in the parse: titles, appositions, entity spans, expletives."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ._kb import Person
from ._lexicon import INSTITUTION_SECTOR, ROLE_NOUNS, TITLE_SECTOR
from ._names import normalise, skeleton

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "context_tokens",
    "entity_of",
    "expletive",
    "first_compatible",
    "institution_sector",
    "pick",
    "sector_of",
    "title_words",
    "trim_person",
]


def entity_of(token: Token) -> Span:
    """The entity span a token belongs to ("the" dropped), or the token alone.

    Read off the tokens' IOB tags, in the entity's length: ``Doc.ents`` builds every entity of the document on each
    call, which made resolving a long document quadratic."""
    doc = token.doc
    if token.ent_iob_ not in ("B", "I"):
        return doc[token.i : token.i + 1]
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    ent = doc[start:end]
    return ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent


def expletive(token: Token) -> bool:
    """ "It is noteworthy that …", "it seems …": an "it" that refers to nothing."""
    if token.lower_ != "it":
        return False
    head = token.head
    clause = any(c.dep_ in {"ccomp", "csubj"} for c in head.children)
    extraposed = any(c.dep_ == "xcomp" and c.i > head.i for c in head.children) and head.lower_ in {
        "seems", "seemed", "appears", "appeared"}
    return (clause or extraposed) and head.lower_ in _EXPLETIVE_HEADS


_EXPLETIVE_HEADS = frozenset({"is", "was", "be", "been", "seems", "seemed", "appears", "appeared", "emphasized",
                              "noted", "reported", "said", "believed", "expected", "known", "understood", "clear",
                              "true", "important", "noteworthy", "likely", "possible"})


def institution_sector(head: Token) -> str | None:
    """The sector an institution noun names ("defence ministry" → MIL), or None."""
    words = [c.lower_ for c in head.children if c.dep_ in {"compound", "amod"} and c.i < head.i]
    for n in (2, 1):
        phrase = " ".join([*words[-(n - 1):], head.lower_]) if n == 2 and words else head.lower_
        if phrase in INSTITUTION_SECTOR:
            return INSTITUTION_SECTOR[phrase]
    return None


def trim_person(ent: Span) -> Span | None:
    """A PERSON entity without leading titles and trailing punctuation, or None if nothing is left."""
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].lower_ in TITLE_SECTOR or not ent.doc[start].is_alpha):
        start += 1
    while end > start and not any(c.isalpha() for c in ent.doc[end - 1].text):  # "O'Neill" is a name
        end -= 1
    if end <= start or not ent.doc[start].is_title:
        return None
    return ent.doc[start:end]


def context_tokens(span: Span) -> list[Token]:
    """Tokens of a person's title, apposition and the phrase they head ("a deputy in the Bundestag")."""
    root = span.root
    inside = range(span.start, span.end)
    before = root.doc[max(0, span.start - 6) : span.start]
    out: list[Token] = [t for t in before if _governed_by(t, inside)]
    for child in root.children:
        if child.dep_ == "appos":
            out.extend(child.subtree)
    if root.dep_ == "appos":
        out.extend(t for t in root.head.subtree if t.i < span.start)
    return out


def _governed_by(token: Token, inside: range, depth: int = 3) -> bool:
    for _ in range(depth):
        if token.head.i in inside:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def title_words(span: Span) -> list[str]:
    """The title and role words around a person's name."""
    return [t.lower_ for t in context_tokens(span) if t.lower_ in TITLE_SECTOR or t.lower_ in ROLE_NOUNS]


#: Titles in which "general" is no military rank: "Secretary General", "Attorney General", "Consul General".
_CIVIL_GENERAL = frozenset({"secretary", "attorney", "director", "consul", "governor", "solicitor", "auditor",
                            "inspector", "prosecutor", "commissioner", "registrar", "postmaster"})


def sector_of(titles: list[str]) -> str | None:
    """The sector a set of title words gives, the most specific first."""
    titles = [w for n, w in enumerate(titles) if not (w == "general" and n and titles[n - 1] in _CIVIL_GENERAL)]
    for word in _SECTOR_PRIORITY:
        if word in titles:
            return TITLE_SECTOR[word]
    for word in titles:
        if word in TITLE_SECTOR:
            return TITLE_SECTOR[word]
    return None


#: Title words in the order they decide a sector: a Duma committee is legislative even on defence.
_SECTOR_PRIORITY = ("intelligence", "duma", "parliament", "senate", "congress", "knesset", "majlis", "committee",
                    "lawmaker", "senator", "legislator", "mp", "judge", "prosecutor", "defence", "defense", "force",
                    "forces", "army", "navy", "military", "general", "brigadier", "commander", "admiral", "colonel")


def first_compatible(person: Person, words: list[str]) -> bool:
    """Whether a query's first name agrees with the person's (or is absent)."""
    first = skeleton(normalise(person.name).split()[0])
    return skeleton(words[0]) == first or len(words) == 1


def pick(candidates: list[Person], published: date | None) -> Person | None:
    """The one candidate, or the only one in office on the date, else None."""
    if len(candidates) == 1:
        return candidates[0]
    if published is not None and candidates:
        in_office = [p for p in candidates if any(o.held_on(published) for o in p.offices)]
        if len(in_office) == 1:
            return in_office[0]
    return None
