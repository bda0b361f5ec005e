"""Where an event happens, and what its place says about its sides: the place of a clause resolved to a country
and coordinates ("in St. Petersburg"), the state of that place standing in for an unnamed side ("a bomb near
Kunduz"), a place or a border as the target of a deployment or strike, and the country of an unnamed crowd."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._args import phrase_actors, prep_objects, through_of
from ._lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import Location
    from ..resolve import ActorSlot as _Slot
    from ..resolve import DocActors

__all__ = ["at_crowd", "crowd_country", "home_of", "locative", "place_in", "place_slots", "place_state", "where"]


def where(trigger: Token, actors: DocActors) -> Location | None:
    """The place of the clause a trigger sits in ("met in Ankara", "outside of the city of Kherson"), resolved to a
    country and coordinates."""
    verb = trigger if trigger.tag_.startswith("VB") else trigger.head
    for head in (trigger, verb):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _WHERE_PREPS:
                # "outside of the city of Kherson": the preposition may take another
                objects = [g for c in child.children for g in ([c] if c.dep_ == "pobj" else c.children)
                           if g.dep_ == "pobj"]
                for obj in objects:
                    place = place_in(obj)
                    if place is not None:
                        return actors.place_of(place)
    return None


_WHERE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around"})


_SETTLEMENTS = frozenset({"town", "city", "village", "port", "capital", "province", "region", "district", "suburb",
                          "enclave", "island", "state", "county", "governorate", "oblast"})


def place_in(noun: Token, depth: int = 0) -> Token | None:
    """The named place of a locative phrase: "Kunduz", also in "the town of Kunduz" or "a district of Homs"."""
    if noun.ent_type_ in {"GPE", "LOC", "FAC"}:
        return noun
    if noun.tag_ == "NNP" and noun.head.lower_ == "of" and noun.head.head.lower_ in _SETTLEMENTS:
        return noun  # "the town of Kunduz", whatever the tagger took the name for
    if depth >= 2:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "in", "near"}:
            for obj in child.children:
                place = place_in(obj, depth + 1) if obj.dep_ == "pobj" else None
                if place is not None:
                    return place
    return None


def place_state(verb: Token, actors: DocActors) -> list[_Slot]:
    """The state of the place where a clause (or its subject: "a car bomb near Kunduz") happens."""
    location = where(verb, actors) or next(
        (place for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for place in [where(c, actors)]
         if place is not None), None)
    state = actors.kb.country(location.country) if location is not None and location.country else None
    return [actors.state_slot(state)] if state is not None else []


def place_slots(noun: Token, actors: DocActors) -> list[_Slot]:
    """The actors a locative phrase names, else the state of the place it names ("in the West Bank"); for a
    border, the country on its other side ("near its border with Ukraine")."""
    if noun.lower_ in _BORDERS:
        beyond = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for t in prep_objects(c, actors)]
        if beyond:
            return beyond
    found = phrase_actors(noun, actors)
    place = place_in(noun) if not found else None
    location = actors.place_of(place) if place is not None else None
    state = actors.kb.country(location.country) if location is not None and location.country else None
    return found or ([actors.state_slot(state)] if state is not None else [])


_BORDERS = frozenset({"border", "borders", "frontier", "frontiers", "boundary"})


def locative(verb: Token, obj: Token | None, actors: DocActors) -> list[_Slot]:
    """ "struck villages in southern Lebanon": the place of a strike stands for its target."""
    for head in (obj, verb):
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "inside", "across", "near", "on"}:
                for obj_ in child.children:
                    if obj_.lower_ in lexicon().nouns:
                        continue  # "in a Turkish drone strike" names the attack, not its place
                    found = place_slots(obj_, actors) if obj_.dep_ == "pobj" else []
                    if found:
                        return found
    return []


def crowd_country(verb: Token, target: list[_Slot], actors: DocActors) -> list[_Slot]:
    """Unnamed protesters stand for the people of the country where they protest, or of whom they protest to."""
    location = where(verb, actors) or next((where(c, actors) for c in verb.children if c.dep_ == "dobj"), None)
    countries = [location.country] if location is not None and location.country else []
    countries = countries or [t.entry.country for t in target if t.entry.country]
    state = actors.kb.country(countries[0]) if countries else None
    return [actors.state_slot(state)] if state is not None else []


def home_of(source: list[_Slot], actors: DocActors) -> list[_Slot]:
    """The state of the country whose institution the source is (none for a state or a stateless actor)."""
    countries = {s.entry.country for s in source if s.entry.kind != "state" and s.entry.country}
    state = actors.kb.country(countries.pop()) if len(countries) == 1 else None
    return [actors.state_slot(state)] if state is not None else []


def at_crowd(verb: Token, obj: Token | None) -> bool:
    """Whether an act falls on an unnamed crowd: "detained 300 protesters", "fired tear gas at demonstrators"."""
    aimed = [obj] if obj is not None else []
    aimed += [through_of(g) for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "on", "against"}
              for g in c.children if g.dep_ == "pobj"]
    return any(t.lower_ in _POLITICAL_CROWDS for t in aimed)


#: Crowds that gather to be heard; victims ("people", "civilians") are no crowd of the attacker's country.
_POLITICAL_CROWDS = frozenset({"protesters", "protestors", "demonstrators", "students", "activists", "strikers",
                               "marchers", "rioters", "crowds", "crowd", "opponents", "supporters", "dissidents"})
