"""Bodies and crowds named by a common noun alone ("the court", "the government", "police", "protesters",
"the company"): when nothing else in the text says who they are, they are still actors, under their own words, of
the one country their sentence places them in where it places them in one."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["ANAPHORIC", "BODY_SECTOR", "body_sector", "body_span", "unknown_body_name", "unknown_full_name",
           "unknown_name"]

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
    "countries": None, "nations": None, "donors": None, "officials": "GOV", "investigators": "COP",
    "forces": "MIL", "fighters": "REB", "peacekeepers": "MIL", "bomber": "REB", "bombers": "REB",
    "attackers": "REB", "assailants": "REB",
    "people": "CVL", "men": "CVL", "women": "CVL", "man": "CVL", "woman": "CVL", "individuals": "CVL",
    "citizens": "CVL", "citizen": "CVL", "civilian": "CVL", "suspects": "CVL", "suspect": "CVL", "inmate": "CVL",
    "prisoner": "CVL", "detainee": "CVL", "activist": "CVL", "protester": "CVL", "journalist": "MED",
    "student": "EDU", "worker": "LAB", "migrant": "REF", "refugee": "REF", "children": "CVL",
    "hostages": "CVL", "captives": "CVL", "victims": "CVL", "survivors": "CVL", "seekers": "REF",
    "settlers": "CVL", "pilgrims": "CVL", "worshippers": "CVL", "voters": "CVL", "fishermen": "CVL",
    "drivers": "LAB", "truckers": "LAB", "traders": "BUS", "officers": "COP", "guards": "COP", "allies": None,
    # people and bodies named by what they do or stand for ("its critics", "aid agencies", "a top militant")
    "critics": "CVL", "critic": "CVL", "opponents": "CVL", "dissidents": "CVL", "dissident": "CVL",
    "parties": None, "agencies": None,  # "parties to the conflict": opposition by their modifier only
    "inspectors": None, "monitors": None, "observers": None,
    "servicemen": "MIL", "serviceman": "MIL", "soldier": "MIL", "militant": "REB", "rebel": "REB",
    "fighter": "REB", "gunman": "REB", "insurgent": "REB", "candidate": "OPP", "candidates": "OPP",
    "lawmaker": "LEG", "legislator": "LEG", "mps": "LEG", "mlas": "LEG", "deputies": "LEG", "senators": "LEG",
    "watchdog": None, "regulator": "GOV", "regulators": "GOV",
}
#: A modifier that says more of a body's sector than its noun ("rebel forces", "government troops").
_MODIFIER_SECTOR = {"rebel": "REB", "opposition": "OPP", "government": "GOV", "police": "COP", "army": "MIL",
                    "military": "MIL", "insurgent": "REB", "militia": "REB", "jihadist": "REB", "labor": "LAB",
                    "labour": "LAB", "student": "EDU", "peacekeeping": "MIL", "suicide": "REB"}
#: Forces are the acting side's own when they are sent or used ("sent troops to Uganda"): a party only as subject.
_FORCES = frozenset({"army", "military", "troops", "soldiers", "navy", "forces", "peacekeepers", "fighters",
                     "monitors", "observers", "inspectors"})  # "deployed election monitors in Guinea"
#: "the group", "the company": after an organisation is named these point back to it.
ANAPHORIC = frozenset({"group", "organization", "organisation", "company", "firm", "party", "agency", "movement"})
#: "dozens of demonstrators", "a handful of journalists": the crowd after "of" is the party.
_QUANTITIES = frozenset({"dozens", "hundreds", "thousands", "millions", "scores", "handful", "number", "group",
                         "majority", "minority", "couple", "lot", "lots", "crowd", "crowds", "wave", "batch", "some",
                         "most", "many", "several", "few", "all", "none", "one", "two", "three", "four", "five"})
#: Nouns of an act done to or by the people after "of": "the release of the students", "the arrest of a suspected
#: militant", "the demands of the strikers" (they are the party, unlike "the head of the company").
_ACTS = frozenset({"arrest", "arrests", "release", "detention", "killing", "killings", "murder", "execution",
                   "abduction", "kidnapping", "deportation", "expulsion", "extradition", "trial", "conviction",
                   "demands", "demand", "protest", "protests", "evacuation", "rescue", "return", "surrender"})
#: Where a noun phrase is a party to a clause (not a time, a measure or a modifier).
_ARGUMENT = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "poss"})
#: Determiners that name no one in particular ("no party", "any court") or pick an unnamed one of many.
_NO_ONE = frozenset({"no", "any", "every", "each", "which", "what", "whose", "such"})


def body_span(token: Token) -> Span | None:
    """The words of a body named by a common noun ("the court", "anti-war groups", "the striking workers"), or
    None when the token is no such noun in a party's place."""
    if token.lower_ not in BODY_SECTOR or not token.tag_.startswith("NN") or token.dep_ not in _ARGUMENT:
        return None
    agent = token.dep_ == "pobj" and token.head.dep_ == "agent"
    if token.lower_ in _FORCES and token.dep_ not in {"nsubj", "nsubjpass"} and not agent:
        return None
    if token.ent_type_ or (token.is_title and not token.is_sent_start) or _of_a_name(token):
        return None  # a word of a name: "the Government of National Accord", "the Supreme Court"
    if any((c.dep_ == "det" and c.lower_ in _NO_ONE) or c.dep_ == "poss" for c in token.children) or _counted(token):
        return None  # "no party"; "Castro's government" is the possessor's; "the two countries" are named
    owner = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ in {"of", "for"} and owner.tag_.startswith("NN") and (
            owner.lower_ not in _QUANTITIES and not (token.head.lower_ == "of" and owner.lower_ in _ACTS)):
        return None  # "a member of the committee", "the head of the company": the person is the party
    mods = [c for c in token.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < token.i]
    start = min([c.left_edge.i for c in mods] + [token.i])
    return token.doc[start : token.i + 1]


def _of_a_name(token: Token) -> bool:
    """Whether "of" and a proper name follow a singular noun ("the Government of National Accord"); a crowd's
    ("employees of …") is for the resolver to judge, by whether the name is an actor."""
    return token.tag_ != "NNS" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.tag_ == "NNP" for g in c.children) for c in token.children)


#: Nouns whose "the two" or "both" points back at parties already named ("the two countries", "both sides").
_NAMED_BY_COUNT = frozenset({"countries", "nations", "governments", "parties", "groups", "sides", "allies"})


def _counted(token: Token) -> bool:
    """ "the two governments", "both parties": parties named before, never a new actor; "two servicemen" who act
    (the subject) are new ones."""
    count = [c for c in token.children if c.lower_ in {"two", "both"}]
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in token.children)
    acting = token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ not in _NAMED_BY_COUNT
    return bool(count) and (definite or count[0].lower_ == "both" or not acting)


def body_sector(span: Span) -> str | None:
    """The sector of a body: its modifiers' where they say one ("rebel forces"), else its noun's."""
    for token in span[:-1]:
        if token.lower_ in _MODIFIER_SECTOR:
            return _MODIFIER_SECTOR[token.lower_]
    return BODY_SECTOR[span[-1].lower_]


#: Entity types that name no actor ("May", "Monday", "2016", a law).
_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW", "EVENT",
                         "WORK_OF_ART", "LANGUAGE"})
#: Where an unknown name acts or is acted on: a subject, an object, an agent, or the object of a party's preposition.
_PARTY_PREPS = frozenset({"by", "with", "against", "to", "from", "on"})


def unknown_name(token: Token, taken: set[int]) -> Span | None:
    """A one-word proper name in a party's place that no one has claimed ("ICE", "Malloy"), or None. A place the
    recognizer found stays a place unless it is an acronym."""
    acronym = token.is_upper and 2 <= len(token.text) <= 8
    if token.i in taken or not (token.tag_ == "NNP" or acronym) or not (token.is_title or acronym):
        return None
    if token.ent_type_ in _NOT_ACTORS or (token.ent_type_ in {"GPE", "LOC", "FAC"} and not token.is_upper):
        return None
    if not token.text.isalpha() or token.sent.text.isupper() or token.lower_ in _TITLE_LIKE:
        return None
    party = token.dep_ in {"nsubj", "nsubjpass", "dobj"} or (
        token.dep_ == "pobj" and token.head.lower_ in _PARTY_PREPS) or (
        acronym and token.i == token.sent.start and token.head.tag_.startswith("VB")
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.head.children))  # "USAID provided …"
    alone = not any(c.dep_ in {"compound", "amod", "poss"} or (c.dep_ == "det" and not (acronym and c.lower_ == "the"))
                    for c in token.children)  # "the PA", "the KWA": an acronym keeps its article
    return token.doc[token.i : token.i + 1] if party and alone else None


def unknown_full_name(token: Token, taken: set[int]) -> Span | None:
    """ "Police arrested Kwame Asante": two or three capitalised words the recognizer did not take for any name,
    in a party's place, ending in a word that names no body ("County Commission" is a body, not a person)."""
    if token.i in taken or token.tag_ != "NNP" or not token.is_title or token.ent_type_ or not _party(token):
        return None
    given = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    if not 1 <= len(given) <= 2 or given[0].i != token.i - len(given) or token.lower_ in _NOT_A_SURNAME:
        return None
    if any(g.i in taken or g.ent_type_ or not (g.is_title and g.is_alpha and g.tag_ == "NNP")
           or g.lower_ in _NOT_A_SURNAME for g in given):
        return None
    if any(c.dep_ in {"amod", "poss", "det"} for c in token.children):
        return None  # "the Golden Horn", "a Black Hawk": a thing or a place
    return token.doc[given[0].i : token.i + 1]


def unknown_body_name(token: Token, taken: set[int]) -> Span | None:
    """ "County Commission approved …", "The Nakuru High Court freed …": a capitalised body noun after the other
    words of its name, that the recognizer did not take for any name, in a party's place, is an organisation."""
    if token.i in taken or token.tag_ != "NNP" or token.ent_type_ or token.lower_ not in _BODY_HEADS:
        return None
    if not _party(token):
        return None
    start = token.i
    while start > token.sent.start and _name_word(token.doc[start - 1], token, taken):
        start -= 1
    return token.doc[start : token.i + 1] if start < token.i else None


def _name_word(word: Token, head: Token, taken: set[int]) -> bool:
    return (word.i not in taken and word.dep_ == "compound" and word.head.i <= head.i and word.tag_ == "NNP"
            and word.is_title and word.is_alpha and not word.ent_type_)


#: Capitalised nouns that head the name of a public body.
_BODY_HEADS = frozenset({"court", "commission", "council", "committee", "agency", "ministry", "tribunal",
                         "authority", "board", "department", "bureau", "assembly", "directorate", "inspectorate"})


def _party(token: Token) -> bool:
    return token.dep_ in {"nsubj", "nsubjpass", "dobj"} or (token.dep_ == "pobj" and token.head.lower_ in _PARTY_PREPS)


#: Capitalised words that open sentences or titles but name no one.
_TITLE_LIKE = frozenset({"president", "minister", "mr", "mrs", "ms", "dr", "government", "police", "state",
                         "god", "allah", "parliament", "congress", "senate", "court", "army", "today", "yesterday"})
#: Words that end or open a capitalised phrase without its being a person's name ("County Commission", "Prime
#: Minister", "North District").
_NOT_A_SURNAME = frozenset(BODY_SECTOR) | _TITLE_LIKE | frozenset({
    "commission", "committee", "council", "agency", "authority", "board", "department", "bureau", "office",
    "district", "province", "county", "region", "city", "street", "square", "river", "valley", "mountains",
    "north", "south", "east", "west", "central", "minister", "secretary", "general", "house", "airport", "bank",
    "group", "party", "front", "movement", "union", "association", "institute", "university", "school", "hospital",
    "forum", "summit", "day", "week", "act", "law", "bill", "plan", "accord", "agreement", "treaty"})
