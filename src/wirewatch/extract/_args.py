"""Arguments of an event or a statement: which actors a subject, object or prepositional phrase stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..resolve import INSTITUTION_SECTOR, institution_sector

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resolve import ActorSlot as _Slot
    from ..resolve import DocActors

__all__ = ["ACCUSING", "agent", "conjuncts", "passive_conjunct", "phrase_actors", "prep_objects", "served_country",
           "stative", "subject_actors", "through_of", "governing_verb", "placed_only", "unnamed_only"]

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Past participles that state the subject's stance: "is opposed to", "is committed to" (not passives).
_STATIVE = frozenset({"opposed", "committed", "determined", "prepared", "resolved", "dedicated", "inclined",
                      "engaged", "involved"})
#: What an actor issues that can itself demand, condemn or accuse ("issued a statement condemning X").
_STATEMENTS = frozenset({"statement", "statements", "declaration", "communique", "communiqué", "letter", "note",
                         "resolution", "report", "appeal", "message", "ultimatum", "decree", "order"})
#: "X accused Y of doing": the one who did it is Y.
ACCUSING = frozenset({"accuse", "accused", "accuses", "accusing", "blame", "blamed", "blames", "blaming",
                      "suspect", "suspected", "suspects", "charge", "charged", "charges", "condemn", "condemned",
                      "condemns", "criticize", "criticized", "criticise", "criticised"})


def stative(verb: Token) -> bool:
    """ "Hungary is opposed to the quota": a participle that states its subject's stance, when no "by" follows."""
    return verb.lower_ in _STATIVE and not any(c.dep_ == "agent" for c in verb.children)


def unnamed_only(slots: list[_Slot]) -> bool:
    """Whether every actor is named by a common noun or a role alone ("police", "the minister")."""
    return bool(slots) and all(slot.mentions and all(m.how in {"body", "role", "pronoun"} for m in slot.mentions)
                               and slot.entry.kind != "state" for slot in slots)


def placed_only(slots: list[_Slot]) -> bool:
    """Whether the actors are none, or only states read from a place ("through London")."""
    return all(slot.entry.kind == "state" and all(m.how == "place" for m in slot.mentions) for slot in slots)


def passive_conjunct(verb: Token) -> bool:
    """ "was tortured and killed": a bare participle conjoined to a passive is passive too."""
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
            and any(c.dep_ == "auxpass" for c in verb.head.children))


def subject_actors(verb: Token, actors: DocActors) -> list[_Slot]:
    """The actors of a verb's subject, climbing conjoined and complement clauses."""
    current = verb
    active_conjunct = False  # "was indicted and will resign": the one indicted resigns
    for _ in range(4):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.tag_ in {"WP", "WDT"} and current.dep_ == "relcl":
                    return phrase_actors(current.head, actors)
                return phrase_actors(child, actors) or _doer(child, actors)
            if child.dep_ == "nsubjpass":
                if stative(current) or active_conjunct:
                    return phrase_actors(child, actors)
                return agent(current, actors)
        if current.dep_ in {"conj", "xcomp", "advcl", "acomp"} and current.head.i != current.i:
            active_conjunct = current.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in current.children) and (
                not passive_conjunct(current))
            current = current.head
        elif current.dep_ == "pcomp" and current.head.head.i != current.head.i:
            governor = current.head.head
            accused = [c for c in governor.children if c.dep_ == "dobj"]
            if governor.lower_ in ACCUSING and accused:
                return phrase_actors(accused[0], actors)
            current = governor
        elif current.dep_ in {"relcl", "acl"}:
            found = phrase_actors(current.head, actors)
            if found or current.head.lower_ not in _STATEMENTS or current.head.dep_ != "dobj":
                return found
            current = current.head.head  # "issued a statement condemning X": whoever issued it
        else:
            break
    return []


def _doer(subject: Token, actors: DocActors) -> list[_Slot]:
    """ "A bombing by the Islamic State killed …", "rockets fired by the militia struck …": a subject that names
    an attack or a weapon, and who carried it out."""
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return prep_objects(child, actors)
        if child.dep_ == "acl" and child.tag_ == "VBN":
            found = agent(child, actors)
            if found:
                return found
    return []


def agent(verb: Token, actors: DocActors) -> list[_Slot]:
    """The actors of a passive verb's "by" phrase."""
    for child in verb.children:
        if child.dep_ == "agent":
            return prep_objects(child, actors)
    return []


def prep_objects(prep: Token, actors: DocActors) -> list[_Slot]:
    """The actors of a preposition's object."""
    out: list[_Slot] = []
    for child in prep.children:
        if child.dep_ in {"pobj", "dobj"}:
            out += phrase_actors(child, actors)
        elif child.dep_ == "prep":
            out += prep_objects(child, actors)
    return out


def phrase_actors(token: Token, actors: DocActors, depth: int = 0) -> list[_Slot]:
    """The actors a noun phrase stands for: itself and its conjuncts, else its possessor, modifier or "of" object."""
    found = conjuncts(token, actors)
    if found and depth <= 1 and actors.actor_at(token) is None:
        # "the city's central bank office and a customs post": the first conjunct's owner too
        owners = [s for c in token.children if c.dep_ in {"poss", "compound", "amod", "nmod"}
                  for s in conjuncts(c, actors) if s not in found]
        return owners + found
    if found or depth > 1:
        return found
    for child in token.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            found += conjuncts(child, actors)
    if found:
        return found
    if token.lower_ in INSTITUTION_SECTOR or institution_sector(token) is not None:
        found += _located(token, actors)
        if found:
            return found
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "from", "between", "for"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    found += phrase_actors(grandchild, actors, depth + 1)
        elif child.dep_ == "appos":
            found += phrase_actors(child, actors, depth + 1)
    return found


def served_country(prep: Token, actors: DocActors) -> list[_Slot]:
    """ "sent troops to the UN force in Somalia": a multinational mission's country, for a preposition whose object
    is a force, mission or operation placed in one (not "the Russian force in Syria": a state's own force)."""
    for obj in prep.children:
        if (obj.dep_ == "pobj" and obj.lower_ in _MISSIONS
                and not any(s.entry.kind == "state" for s in phrase_actors(obj, actors))):
            return _located(obj, actors)
    return []


_MISSIONS = frozenset({"force", "mission", "operation"})


def _located(token: Token, actors: DocActors) -> list[_Slot]:
    """ "border guards in Moldova": an institution placed in a country belongs to it."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "throughout", "across", "from"}:
            for obj in child.children:
                slot = actors.actor_at(obj) if obj.dep_ == "pobj" else None
                if slot is not None and slot.entry.kind == "state":
                    return [slot]
    return []


def conjuncts(token: Token, actors: DocActors) -> list[_Slot]:
    """The actor of a token and of each token conjoined with it."""
    out: list[_Slot] = []
    slot = actors.actor_at(token)
    if slot is not None:
        out.append(slot)
    else:
        out.extend(actors.group_at(token))
    for child in token.children:
        if child.dep_ == "conj":
            # "the EU and the Mercosur bloc": a common-noun conjunct that is no actor itself stands for the one
            # that names it (a proper noun is a name of its own: "Lonmin and Anglo American Platinum")
            named = [s for c in child.children if c.dep_ in {"compound", "amod"} and child.text.islower()
                     for s in [actors.actor_at(c)] if s is not None and s not in out]
            out += conjuncts(child, actors) or named
        elif child.dep_ == "appos" and slot is not None and slot.entry.kind == "state":
            # "France, Poland and Spain" parsed as an apposition: two countries are never one
            out += [s for s in conjuncts(child, actors) if s.entry.kind == "state" and s is not slot]
        elif child.dep_ in {"amod", "compound"} and slot is not None:
            # "Czech and Slovak diplomats": the second modifier's institution is a party too
            out += [s for c in child.children if c.dep_ == "conj"
                    for s in [actors.actor_at(c)] if s is not None and s is not slot and s not in out]
    return out


def through_of(noun: Token) -> Token:
    """ "two days of talks", "the same number of servicemen": the noun after "of" carries the meaning."""
    if noun.lower_ in _MEASURE_NOUNS:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
    return noun


_MEASURE_NOUNS = frozenset({"days", "hours", "weeks", "rounds", "round", "number", "series", "dozens", "hundreds",
                            "thousands", "group", "batch", "set", "wave", "waves", "day", "night", "couple", "tons",
                            "tonnes", "millions", "billions", "batches", "shipment", "shipments", "lot", "lots",
                            "pieces", "units", "package", "consignment", "amount", "range", "kind", "type", "part",
                            "parts", "portion", "section", "most", "much", "kg", "kilograms", "kilos", "litres",
                            "liters", "barrels", "truckloads", "crates", "boxes", "containers", "planeloads", "state",
                            "deployment", "contingent"})


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun phrase hangs from, through prepositions, conjuncts and appositions (four steps at most)."""
    current = noun
    for _ in range(4):
        if current.head.i == current.i or current.dep_ not in {"pobj", "dobj", "conj", "appos", "prep", "attr"}:
            return None
        current = current.head
        if current.tag_.startswith("VB"):
            return current
    return None
