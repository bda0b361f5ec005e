"""Groups named by who or where they are: "Ogaden rebels", "Salafist student marchers", "Ijaw elders",
"Iraqi Yazidis", "opposition parties in Togo", "a Somalia-based militant group".

A group is a noun of :data:`GROUP_SECTOR` ("rebels", "elders", "refugees") whose own phrase holds a word for a
people, faith, region or movement (its identity: "Ogaden", "Salafist", "Ijaw"), or a plural people's name on its own
("Uighurs"); for the non-state sectors of :data:`PLACED_GROUP_SECTORS`, a place named in its own phrase is enough
("rebels in Cameroon"). Its country, the first found of:

1. a country or demonym inside its phrase ("Iraqi Yazidis");
2. the identity's own country, where it has one ("Ogaden" → Ethiopia, ``communities.tsv``);
3. a place in its phrase ("rebels in X", "X-based", "based in X", a town: "Kandahar elders");
4. the one country the rest of the sentence shows it in, an attribution ("…, a Kenyan official said",
   "according to …") aside: a country's institutions at home and the places where things happen ("Pakistani police
   dispersed Baloch marchers", "clashed in Lahore"), and for a people or region also a country's people; not
   a state named as the other party ("Kurdish hackers attacked Turkish websites"). Where the clause shows none, an
   institution at home in the attribution will do ("…, the Nigerian army said"). Where there are several
   countries, there is none.

The resolver supplies what a token stands for (:class:`Evidence`) and makes the actor; this module reads the parse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..annotate import tokens
from ._lexicon import GROUP_SECTOR, INSTITUTION_SECTOR, PLACED_GROUP_SECTORS, TITLE_SECTOR
from ._places import find_place

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ._kb import Community, Entry, KnowledgeBase

__all__ = ["Evidence", "Group", "actor_evidence", "beside_attribution", "find_group", "place_evidence",
           "placed_org"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """The country a token of the sentence stands for. ``place``: it names the country or a town itself (not an
    institution or person of it). ``home``: it shows where things happen (an institution at home, a capital, a
    town, a country after "in"), which any group may take as its own. ``person``: a person of that country, which
    a people or region may take as its own, but not a faith or movement."""

    country: str
    place: bool
    home: bool
    person: bool = False


#: What a token stands for, as the resolver knows it (None: nothing with a country).
Look = Callable[["Token"], Evidence | None]

#: Kinds of actor that act at home, so that a group beside them is likely of their country.
_HOME_KINDS = frozenset({"government", "military", "police", "intelligence", "judiciary", "legislature"})
#: Words of an institution's mention that place it abroad ("the Swedish embassy").
_ABROAD = frozenset({"embassy", "embassies", "consulate", "ambassador", "envoy", "diplomat", "diplomats",
                     "delegation", "mission"})
_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within"})


def actor_evidence(token: Token, entry: Entry, mention: str) -> Evidence | None:
    """What a token of an actor's ``mention`` says of the country around it (nothing for another group)."""
    if entry.country is None or entry.key.startswith("group~"):
        return None
    abroad = bool(set(mention.lower().split()) & _ABROAD)
    state = entry.kind == "state"
    located = token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE
    home = (entry.kind in _HOME_KINDS and not abroad) or (state and located)
    return Evidence(entry.country, state, home, entry.kind == "person")


def place_evidence(token: Token, country: str | None, kb: KnowledgeBase) -> Evidence | None:
    """What a token that is no actor says: a town or region of a country, or a region of ``communities.tsv``
    ("refugees from Tigray")."""
    if country is not None:
        return Evidence(country, True, True)
    community = kb.community(token.text) if token.is_title else None
    if community is not None and community.country:
        return Evidence(community.country, True, False)
    return None


@dataclass(frozen=True, slots=True)
class Group:
    """A group found in the text: tokens ``start`` to ``end`` (exclusive) are its mention."""

    start: int
    end: int
    name: str
    sector: str | None
    country: str | None
    #: The country was read from the rest of the sentence, not from the group's own phrase.
    inferred: bool


_MODIFIER_TAGS = frozenset({"JJ", "NN", "NNP", "NNPS", "VBN", "HYPH", "CC"})
_IDENTITY_ENTS = frozenset({"NORP", "GPE", "LOC"})
#: Participles that place a group: "a group based in Somalia", "militias operating in Ituri".
_PLACING = frozenset({"based", "operating", "active", "living", "fighting", "stationed", "headquartered"})
_PLACE_PREPS = frozenset({"in", "of", "from", "inside", "across", "throughout"})
#: Verbs of an attribution, as written (the pipeline has no lemmatizer).
_SPEECH = frozenset({"say", "says", "said", "tell", "tells", "told", "report", "reports", "reported", "reporting",
                     "announce", "announced", "added", "adds", "claim", "claims", "claimed", "state", "stated",
                     "allege", "alleged", "confirm", "confirmed", "estimate", "estimated", "quoted", "quoting"})
#: Words that are never a people or a place of one's own, though capitalised at the start of a sentence.
_COMMON = frozenset(GROUP_SECTOR) | frozenset(INSTITUTION_SECTOR) | frozenset(TITLE_SECTOR)
#: The last word of every group phrase.
_GROUP_TAILS = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in GROUP_SECTOR)


def group_sector(head: Token) -> tuple[bool, str | None]:
    """Whether a noun names a group of people, and the group's sector: "terror group" → REB, "leaders" → none."""
    if head.tag_ not in {"NN", "NNS", "NNP", "NNPS"} or (" " not in head.lower_ and head.lower_ not in _GROUP_TAILS):
        return False, None  # no group phrase ends in this word: the sentence need not be looked up
    before = head.doc[head.i - 1].lower_ if head.i > head.sent.start else ""
    for phrase in (f"{before} {head.lower_}", head.lower_):
        if phrase in GROUP_SECTOR:
            return True, GROUP_SECTOR[phrase]
    return False, None


def find_group(head: Token, kb: KnowledgeBase, look: Look, usable: Callable[[Token], bool]) -> Group | None:
    """The group a noun heads, with its country, or None when its phrase says neither who nor where they are."""
    bare = _bare_people(head, kb)
    is_group, sector = (True, None) if bare is not None else group_sector(head)
    if not is_group:
        return None
    mods = _modifiers(head, usable)
    start = mods[0].i if mods else head.i
    owners = [t for t in head.children if t.dep_ in {"poss", "compound", "amod", "nmod"} and t.i < start]
    if start > head.sent.start and _modifies(head.doc[start - 1], head):
        owners.append(head.doc[start - 1])
    if any(not usable(t) and not _names_place(t, look) for t in owners):
        return None  # a known actor names them already ("Wagner fighters", "Hamas's fighters")
    communities = [c for c in (kb.community(t.text) for t in mods if t.is_title) if c is not None]
    communities += [bare] if bare is not None else []
    if any(c.kind == "bloc" for c in communities):
        return None
    unknown = [t for t in mods if _unknown_identity(t, kb)]
    possessor = [t for t in owners if t.dep_ == "poss"]
    inside = [e for t in [*possessor, *mods] for e in [look(t)] if e is not None and e.place]
    placed, end = _placed(head, mods, look)
    identity = bool(communities or unknown)
    if not identity and (placed is None or not _placed_sector(head, sector)):
        return None
    country = _first_country(inside, communities, unknown, look) or placed
    inferred = False
    if country is None:
        wide = any(c.kind in {"ethnic", "regional"} for c in communities) or any(
            t.ent_type_ in {"GPE", "LOC"} for t in unknown)
        country = context_country(head, range(start, head.i + 1), look, wide=wide)
        inferred = country is not None
    text = head.doc[start:end].text
    return Group(start, head.i + 1, text[0].upper() + text[1:], sector, country, inferred)


def _bare_people(head: Token, kb: KnowledgeBase) -> Community | None:
    """ "Uighurs", "Shiites", "Islamists": a plural people's or faith's name heading its own phrase."""
    if head.tag_ not in {"NNS", "NNPS"} or not head.is_title or not head.lower_.endswith("s"):
        return None
    if head.dep_ in {"compound", "amod", "nmod"} and head.head.i > head.i:
        return None
    community = kb.community(head.text)
    return community if community is not None and community.kind != "bloc" else None


def _modifiers(head: Token, usable: Callable[[Token], bool]) -> list[Token]:
    """The words before a noun that modify it ("Salafist student", "Somalia - based militant", "Sunni and
    Shiite"), at most five, without leading plain adjectives ("the largest Oromo armed group")."""
    out: list[Token] = []
    i = head.i - 1
    while i >= head.sent.start and len(out) < 5:
        token = head.doc[i]
        inside = _modifies(token, head) or token.dep_ == "dep" or (
            token.dep_ in {"conj", "cc"} and _modifies(token.head, head))
        if token.tag_ not in _MODIFIER_TAGS or not inside or not usable(token):
            break
        out.insert(0, token)
        i -= 1
    while out and (out[0].tag_ in {"HYPH", "CC"} or (out[0].tag_ in {"JJ", "VBN"} and out[0].is_lower)):
        out.pop(0)
    return out


def _names_place(token: Token, look: Look) -> bool:
    evidence = look(token)
    return evidence is not None and evidence.place


def _modifies(token: Token, head: Token) -> bool:
    return token.i < token.head.i <= head.i


def _unknown_identity(token: Token, kb: KnowledgeBase) -> bool:
    """A capitalised name the gazetteer lacks that names who a group is: a nationality or religion the recognizer
    tagged ("Maoist"), a region ("Ogaden"), or a lone proper noun it took for an organisation or a person."""
    if not (token.is_title and token.is_alpha) or token.lower_ in _COMMON or kb.phrase(token.text) is not None:
        return False
    if kb.community(token.text) is not None:
        return False  # listed: read from the table instead
    if token.ent_type_ in _IDENTITY_ENTS:
        return True
    lone = token.ent_iob_ == "B" and (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")
    return token.ent_type_ in {"ORG", "PERSON"} and lone and token.tag_ == "NNP"


def _first_country(inside: list[Evidence], communities: list[Community], unknown: list[Token],
                   look: Look) -> str | None:
    """The country the group's own words give: a country or demonym, else its people's country, else a town."""
    if inside:
        return inside[0].country
    for community in communities:
        if community.country:
            return community.country
    for token in unknown:
        evidence = look(token)
        if evidence is not None:
            return evidence.country
    return None


def _placed_sector(head: Token, sector: str | None) -> bool:
    """Whether a place alone makes this noun a group: not for state bodies ("forces in Syria" are Syria's)."""
    state_body = INSTITUTION_SECTOR.get(head.lower_) in {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"}
    return sector in PLACED_GROUP_SECTORS and not state_body


def _placed(head: Token, mods: list[Token], look: Look) -> tuple[str | None, int]:
    """The one country a place in the group's own phrase names ("rebels in X", "X-based", "based in X"), and where
    the group's name ends: after the phrase that places it ("Opposition parties in Togo")."""
    places: list[Token] = []
    for token in mods:
        if token.lower_ == "based":
            places += [c for c in token.children if c.dep_ in {"npadvmod", "compound", "nmod", "amod"}]
    countries = {e.country for t in places for e in [look(t)] if e is not None and e.place}
    end = head.i + 1
    for child in head.children:
        if countries:
            break
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            places = _objects(child)
        elif child.dep_ == "acl" and child.lower_ in _PLACING:
            places = [o for p in child.children if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS
                      for o in _objects(p)]
        else:
            continue
        countries = {e.country for t in places for e in [look(t)] if e is not None and e.place}
        end = max(t.i for t in child.subtree) + 1 if countries else end
    return (countries.pop() if len(countries) == 1 else None), end


def _objects(prep: Token) -> list[Token]:
    """A preposition's object and the objects conjoined with it."""
    out: list[Token] = []
    for obj in prep.children:
        if obj.dep_ == "pobj":
            out += [obj, *(c for c in obj.conjuncts)]
    return out


def context_country(anchor: Token, own: range, look: Look, *, wide: bool) -> str | None:
    """The one country the sentence around a group names, outside the group's own words and any attribution;
    ``wide``: people of a country count too, else only institutions at home and places (see the module notes).
    Where the clause names none, an institution at home in the attribution will do ("…, the Ethiopian army
    said"), but not a foreign witness ("…, an observer from the Kenyan mission said")."""
    keep = beside_attribution(anchor)
    other = _counterparts(anchor)
    found = [(t.i in keep, e) for t in anchor.sent if t.i not in own and t.i not in other
             for e in [look(t)] if e is not None]
    countries = {e.country for kept, e in found if kept and (e.home or (wide and e.person))}
    if not countries:
        countries = {e.country for kept, e in found if not kept and e.home and not e.place}
    return countries.pop() if len(countries) == 1 else None


def _counterparts(token: Token) -> set[int]:
    """The token indices of the other party in a "from"/"with" phrase of the verb a group's phrase hangs from
    ("Kurdish fighters received weapons from Washington", "… held talks with the Turkish government"): a
    counterpart, not the group's home."""
    verb = token
    while not verb.tag_.startswith("VB") and verb.head.i != verb.i:
        verb = verb.head
    if not verb.tag_.startswith("VB"):
        return set()
    heads = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "attr"})]
    return {t.i for head in heads for c in head.children
            if c.dep_ == "prep" and c.lower_ in {"from", "with"} and not _within(token, c) for t in c.subtree}


def beside_attribution(token: Token) -> set[int]:
    """The token indices of a token's sentence without the attribution it is reported in: "…, the Kenyan mission
    said", "according to Iraqi officials", "Officials said (that) …"."""
    sent = token.sent
    keep = set(range(sent.start, sent.end))
    for word in tokens(sent):
        if word.lower_ == "according" and word.dep_ == "prep" and not _within(token, word):
            keep -= {t.i for t in word.subtree}
    root = sent.root
    clause = _child_towards(root, token)
    if root.lower_ in _SPEECH and clause is not None and clause.dep_ in {"ccomp", "parataxis"}:
        keep &= {t.i for t in clause.subtree}
    for word in tokens(sent):
        if word.lower_ in _SPEECH and word.dep_ in {"parataxis", "ccomp"} and word.i > token.i \
                and not _within(token, word):
            keep -= {t.i for t in word.subtree}
    return keep


def _within(token: Token, ancestor: Token) -> bool:
    return token.i == ancestor.i or ancestor in token.ancestors


def _child_towards(root: Token, token: Token) -> Token | None:
    """The child of ``root`` whose subtree holds ``token`` (None when the token is the root)."""
    current = token
    while current.head.i != current.i:
        if current.head.i == root.i:
            return current
        current = current.head
    return None



#: Head words of an organisation's name that make it a state body or a state, not an organisation of a place.
_STATE_HEADS = frozenset({"kingdom", "republic", "emirate", "emirates", "sultanate", "principality", "federation",
                          "commonwealth", "union", "state", "states", "people", "peoples", "islands", "government"})


def placed_org(ent: Span, kb: KnowledgeBase) -> str | None:
    """The country of an organisation whose own name places it ("the Central Ferry Company of Mombasa" → Kenya), or
    None: not for a known name, a state body ("Ministry of Defence of Ukraine") or a state ("Kingdom of …")."""
    words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    cut = max((n for n, t in enumerate(words) if t.lower_ == "of"), default=0)
    place = words[cut + 1 :]
    place = place[1:] if place and place[0].lower_ == "the" else place
    if cut < 1 or not place or kb.phrase(ent.text) is not None:
        return None
    owner = ent.doc[words[0].i : words[cut].i]
    if kb.phrase(owner.text) is not None or any(t.lower_ in INSTITUTION_SECTOR or t.lower_ in TITLE_SECTOR
                                                or t.lower_ in _STATE_HEADS for t in owner):
        return None
    return _country_named(ent.doc[place[0].i : place[-1].i + 1].text, kb)


def _country_named(text: str, kb: KnowledgeBase) -> str | None:
    """The country a place name stands for: a country, a capital or a town."""
    entry = kb.phrase(text)
    if entry is not None:
        return entry.country if entry.kind in {"state", "government"} else None
    found = find_place(text)
    return kb.alpha2.get(found.alpha2) if found is not None else None
