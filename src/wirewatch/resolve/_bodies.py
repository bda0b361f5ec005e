"""Bodies and crowds named by a common noun alone ("the court", "the government", "police", "protesters",
"the company"): when nothing else in the text says who they are, they are still actors, under their own words, of
the one country their sentence places them in where it places them in one."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["ANAPHORIC", "BODY_SECTOR", "body_span"]

#: Nouns that name a body or a crowd that acts, and its sector (None where the noun says nothing of it).
BODY_SECTOR: dict[str, str | None] = {
    "government": "GOV", "authorities": "GOV", "administration": "GOV", "regime": "GOV", "cabinet": "GOV",
    "ministry": "GOV", "presidency": "GOV", "junta": "GOV", "municipality": "GOV",
    "parliament": "LEG", "senate": "LEG", "congress": "LEG", "assembly": "LEG", "lawmakers": "LEG",
    "legislators": "LEG", "legislature": "LEG",
    "court": "JUD", "courts": "JUD", "tribunal": "JUD", "judge": "JUD", "judges": "JUD", "prosecutors": "JUD",
    "prosecutor": "JUD", "judiciary": "JUD",
    "police": "COP", "policemen": "COP", "gendarmes": "COP",
    "army": "MIL", "military": "MIL", "troops": "MIL", "soldiers": "MIL", "navy": "MIL",
    "rebels": "REB", "militants": "REB", "insurgents": "REB", "gunmen": "REB", "militiamen": "REB",
    "jihadists": "REB", "separatists": "REB", "guerrillas": "REB",
    "protesters": "CVL", "protestors": "CVL", "demonstrators": "CVL", "activists": "CVL", "residents": "CVL",
    "civilians": "CVL", "villagers": "CVL", "prisoners": "CVL", "detainees": "CVL", "inmates": "CVL",
    "students": "EDU", "teachers": "EDU", "lecturers": "EDU",
    "workers": "LAB", "strikers": "LAB", "employees": "LAB", "union": "LAB", "unions": "LAB", "nurses": "LAB",
    "doctors": "LAB", "miners": "LAB", "farmers": "LAB", "musicians": "LAB",
    "refugees": "REF", "migrants": "REF", "asylum-seekers": "REF",
    "journalists": "MED", "newspaper": "MED", "newspapers": "MED", "broadcaster": "MED",
    "company": "BUS", "companies": "BUS", "firm": "BUS", "firms": "BUS", "bank": "BUS", "banks": "BUS",
    "party": "OPP", "opposition": "OPP",
    "committee": None, "commission": None, "council": None, "group": None, "groups": None, "organization": None,
    "organisation": None, "agency": None, "ngo": "NGO", "charity": "NGO",
}
#: Forces are the acting side's own when they are sent or used ("sent troops to Uganda"): a party only as subject.
_FORCES = frozenset({"army", "military", "troops", "soldiers", "navy"})
#: "the group", "the company": after an organisation is named these point back to it.
ANAPHORIC = frozenset({"group", "organization", "organisation", "company", "firm", "party", "agency", "movement"})
#: Where a noun phrase is a party to a clause (not a time, a measure or a modifier).
_ARGUMENT = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "poss"})
#: Determiners that name no one in particular ("no party", "any court") or pick an unnamed one of many.
_NO_ONE = frozenset({"no", "any", "every", "each", "which", "what", "whose", "such"})


def body_span(token: Token) -> Span | None:
    """The words of a body named by a common noun ("the court", "anti-war groups", "the striking workers"), or
    None when the token is no such noun in a party's place."""
    if token.lower_ not in BODY_SECTOR or not token.tag_.startswith("NN") or token.dep_ not in _ARGUMENT:
        return None
    if token.lower_ in _FORCES and token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    if token.ent_type_ or (token.is_title and not token.is_sent_start) or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.tag_ == "NNP" for g in c.children) for c in token.children):
        return None  # a word of a name: "the Government of National Accord", "the Supreme Court"
    if any((c.dep_ == "det" and c.lower_ in _NO_ONE) or c.dep_ == "poss" for c in token.children):
        return None  # "no party"; "Castro's government" is the possessor's
    if token.dep_ == "pobj" and token.head.lower_ in {"of", "for"} and token.head.head.tag_.startswith("NN"):
        return None  # "a member of the committee", "the head of the company": the person is the party
    mods = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < token.i]
    start = min([c.left_edge.i for c in mods] + [token.i])
    return token.doc[start : token.i + 1]
