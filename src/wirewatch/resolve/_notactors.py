"""Names that look like actors but are not: the portfolio in an office title ("Secretary of State"), a title word
the recognizer took for an organisation ("Supreme Leader"), a ship's name ("the frigate Admiral Gorshkov"), a
country or town after an honorific ("Mr. Ireland" is a person), a capital named as a place ("the port of
Manila"), and the spellings of one person within one article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lexicon import TITLE_SECTOR
from ._names import jaro_winkler, normalise, skeleton

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["HONORIFICS", "after_honorific", "named_vessel", "office_portfolio", "placed_capital", "title_word",
           "variant_of"]

#: Words that name a government's portfolio inside an office title: "Secretary of State", "Minister of Defence".
_PORTFOLIOS = frozenset({"state", "defence", "defense", "justice", "health", "energy", "commerce", "interior",
                         "treasury", "labor", "labour", "education", "agriculture", "transportation", "transport",
                         "finance", "foreign affairs", "home affairs", "homeland security", "war", "trade",
                         "industry", "information", "culture", "economy", "environment", "the interior",
                         "internal affairs", "public security", "national defense", "national defence"})
#: Vessels: a capitalised name right after one of these is a ship ("the cruiser Varyag"), never a person.
_VESSELS = frozenset({"ship", "vessel", "cruiser", "frigate", "destroyer", "corvette", "carrier", "submarine",
                      "warship", "tanker", "freighter", "trawler", "yacht", "ferry", "boat", "flagship",
                      "icebreaker", "minesweeper", "supertanker", "liner", "barge", "tug"})
#: Honorifics that only stand before a person's name.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr.", "madam", "madame", "mme",
                        "monsieur", "herr", "frau", "sir", "dame"})
#: Nouns of which a capital is the place, not its government: "the port of Manila", "the streets of Kyiv".
_PLACE_NOUNS = frozenset({"port", "city", "town", "capital", "streets", "outskirts", "centre", "center",
                          "suburbs", "airport", "harbour", "harbor", "mayor", "residents", "people", "outside"})


def office_portfolio(ent: Span) -> bool:
    """ "Secretary of State", "Minister of Defence", "the Interior Minister": the portfolio after "of" and a title
    word, or before a capitalised title word, is no organisation."""
    text = normalise(ent.text)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if text in _PORTFOLIOS and after is not None and after.is_title and after.lower_ in TITLE_SECTOR:
        return True
    if text not in _PORTFOLIOS or before is None or before.lower_ != "of":
        return False
    title = ent.doc[before.i - 1] if before.i > 0 else None
    return title is not None and title.lower_ in TITLE_SECTOR


def title_word(ent: Span) -> bool:
    """ "Supreme Leader Ali Khamenei": a one-word entity that opens a title ("Supreme" before "Leader") is no
    organisation."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (len(ent) == 1 and ent[0].lower_ in _TITLE_OPENERS and after is not None
            and after.lower_ in TITLE_SECTOR and after.is_title)


#: Words that open an office title and name no body of their own ("Supreme Leader", "Grand Mufti").
_TITLE_OPENERS = frozenset({"supreme", "prime", "deputy", "vice", "chief", "grand", "crown", "acting", "interim",
                            "former", "first", "high", "lord", "foreign", "senior"})


def named_vessel(span: Span) -> bool:
    """Whether a name follows a word for a ship ("the frigate Admiral Gorshkov", "the tanker Stena Impero")."""
    start = span.start
    while start > span.sent.start and span.doc[start - 1].is_title and span.doc[start - 1].tag_ == "NNP":
        start -= 1
    before = span.doc[start - 1] if start > span.sent.start else None
    return before is not None and before.lower_ in _VESSELS


def after_honorific(span: Span) -> bool:
    """Whether a name stands right after an honorific ("Mr. Ireland", "Ms Jordan"): a person, whatever else the
    name is."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in HONORIFICS


def placed_capital(span: Span) -> bool:
    """A capital named as a place: "the port of Manila", "the streets of Kyiv" (no government acting)."""
    root = span.root
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PLACE_NOUNS


def variant_of(word: str, surname: str) -> bool:
    """Whether a one-word name is another spelling of a surname already named in the article ("Pezeshkiyan",
    "Peseschkian", "Pezhashyan" for "Pezeshkian"): the same transliteration skeleton, or, for names of six
    letters or more, the same first two letters and a close spelling. Short names must be spelt alike."""
    a, b = normalise(word), normalise(surname)
    if not a or not b or " " in a or a == b:
        return a == b and bool(a)
    if min(len(a), len(b)) < 6:
        return False
    same_bones = skeleton(a) == skeleton(b) and len(skeleton(a)) >= 4
    return same_bones or (a[:2] == b[:2] and abs(len(a) - len(b)) <= 2 and jaro_winkler(a, b) >= 0.8)

