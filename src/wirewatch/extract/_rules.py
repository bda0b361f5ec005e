"""The event coder's rules that find an event's source and target, for a verb trigger or an event noun."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ._args import agent as _agent
from ._args import conjuncts as _conjuncts
from ._args import governing_verb as _governing_verb
from ._args import passive_conjunct as _passive_conjunct
from ._args import phrase_actors as _phrase_actors
from ._args import placed_only as _placed_only
from ._args import prep_objects as _prep_objects
from ._args import stative as _stative
from ._args import subject_actors as _subject_actors
from ._args import through_of as _through_of
from ._args import unnamed_only as _unnamed_only
from ._candidate import Candidate as _Candidate
from ._candidate import unique as _unique
from ._derived import HOSTILE as _HOSTILE
from ._lexicon import Lexicon, Trigger, lexicon, noun_rule
from ._modality import SPEECH_VERBS, denied_gerund, disowns
from ._places import at_crowd as _at_crowd
from ._places import crowd_country as _crowd_country
from ._places import home_of as _home_of
from ._places import locative as _locative
from ._places import place_state as _place_state
from ._targets import complement_target as _complement_target
from ._targets import nearest_target as _nearest_target
from ._targets import other_actor as _other_actor
from ._targets import other_country as _other_country
from ._targets import subject_here as _subject_here
from ._vocabulary import (
    ACTOR_OBJECT,
    ADVERBIAL_PARTICLES,
    AIMED_BY_CLAUSE,
    ANSWERS,
    CROWD_TARGETED,
    CROWDS,
    DEVICES,
    DOMESTIC_PLACED,
    EXERCISES,
    INTENT_HEADS,
    LABOUR_STRIKE,
    LIGHT_VERBS,
    LOCATIVE_TYPES,
    NATURE,
    NO_OBJECT,
    ORDERING,
    PARTITIVES,
    PLACE_ACTED,
    PROMISE_CODES,
    PROMISING,
    RAISING,
    RECEIVING,
    STAGING,
    STRIKES,
    SUBORDINATE,
    SYMMETRIC,
    TAKING_PART,
    TOPIC_OBJECT,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resolve import ActorSlot as _Slot
    from ..resolve import DocActors


def _verb_rule(verb: Token, lex: Lexicon, actors: DocActors) -> tuple[Trigger | None, Token | None]:
    """The lexicon row for a verb in context, and the object noun it consumed (for light verbs). A row's object
    words match the object's head or a noun modifying it ("halted mediation efforts"), a particle ("call off"), or
    both ("off:strike"); ``@`` matches an object that stands for an actor ("released the prime minister")."""
    obj = _direct_object(verb)
    obj_word = obj.lower_ if obj is not None else None
    obj_words = {obj_word} | {c.lower_ for c in obj.children if c.dep_ == "compound"} if obj is not None else set()
    if obj is not None and (obj.lower_ in PARTITIVES or obj.lower_ in _COLLECTIVES):
        # "withdrew some of its troops", "freed half of the hostages", "sent a team of doctors"
        obj_words |= {g.lower_ for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}
    # "went on strike", "took to the streets": a preposition and its object together
    combos = {f"{c.lower_}:{g.lower_}" for c in verb.children if c.dep_ in {"prep", "prt"}
              for g in c.children if g.dep_ == "pobj"}
    # "called on Iran", "called off the talks"; but "called an election for March" is no "call for"
    particles = {c.lower_ for c in verb.children
                 if c.dep_ == "prt" or c.dep_ == "prep" and (obj is None or c.lower_ in ADVERBIAL_PARTICLES)}
    combos |= {f"{p}:{w}" for p in particles for w in obj_words}
    if obj is not None and (verb.lower_ in LIGHT_VERBS or verb.lower_ in ORDERING):
        # "held talks", and "began a mediation push": the event noun may modify the object
        for noun in (obj, *(c for c in obj.children if c.dep_ in {"compound", "amod"})):
            light = noun_rule(noun, lex) if noun.lower_ in lex.nouns else None
            if light is not None and light.type == "ASSAULT" and noun.lower_ in STRIKES and verb.lower_ in STAGING:
                light = LABOUR_STRIKE  # "staged a strike", "held a two-day strike": no air strike
            if light is not None and verb.lower_ in PROMISING and light.type in PROMISE_CODES:
                # "pledged aid to Ukraine", "offered mediation": a promise is an agreement (CAMEO 03); support
                # pledged or criticism offered is voiced now
                light = dataclasses.replace(light, type="AGREE", mode=None, cameo=PROMISE_CODES.get(light.type, "030"))
            if light is not None:
                return light, obj
    fallback: Trigger | None = None
    for rule in lex.verbs.get(verb.lower_, ()):
        if rule.objects is None:
            fallback = fallback or rule
        elif rule.objects == NO_OBJECT:
            if obj is None:
                fallback = fallback or rule
        elif rule.objects == ACTOR_OBJECT:
            if obj is not None and obj.dep_ in {"dobj", "nsubjpass"} and _names_actor(obj, actors):
                return rule, None
        elif rule.objects & obj_words or rule.objects & particles or rule.objects & combos:
            return rule, obj if rule.objects & obj_words else _combo_object(verb, rule.objects & combos)
    return fallback, None


#: Nouns that count what their "of" object names: "a team of doctors" is sent as doctors are.
_COLLECTIVES = frozenset({"team", "teams", "group", "groups", "batch", "batches", "convoy", "convoys", "shipment",
                          "shipments", "consignment", "consignments", "planeload", "planeloads", "squad"})


def _combo_object(verb: Token, matched: frozenset[str]) -> Token | None:
    """ "called for sanctions against Iran": the noun a preposition row names is the object of the act (its own
    preposition names the target), not an event of its own."""
    for child in verb.children:
        for noun in child.children if child.dep_ == "prep" else ():
            if noun.dep_ == "pobj" and f"{child.lower_}:{noun.lower_}" in matched:
                return noun
    return None


def _names_actor(obj: Token, actors: DocActors) -> bool:
    """Whether an object stands for an actor: "the prime minister", "the Spanish engineer", "the envoy of
    Niger"; not "its borders" (a possessor owns the thing, it is not the thing)."""
    if _conjuncts(obj, actors):
        return True
    return any((c.dep_ in {"amod", "compound", "nmod"} and _conjuncts(c, actors))
               or (c.dep_ == "prep" and c.lower_ == "of" and _prep_objects(c, actors)) for c in obj.children)


def _direct_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass", "attr"}:
            return _through_of(child)
    for child in verb.children:
        if child.dep_ == "prt":
            for grandchild in child.children:
                if grandchild.dep_ == "dobj":
                    return grandchild
    return None


def _no_actor_acts(verb: Token) -> bool:
    """ "An earthquake hit southern Turkey", "North Korea test-fired a missile": nature, or a test, is no event."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in NATURE:
        return True
    before = verb.doc[verb.i - 2 : verb.i]
    return any(t.lower_ == "test" for t in before) or any(
        c.lower_ == "test" and c.dep_ in {"npadvmod", "compound", "amod", "advmod"} for c in verb.children)


def _not_an_act(verb: Token) -> bool:
    """ "Asked whether …, X said" is a question put to X; "sent troops to support Y" states a purpose."""
    if verb.lower_ == "asked" and verb.dep_ in {"advcl", "ccomp"} and not any(
            c.dep_ in {"nsubj", "aux"} for c in verb.children):
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return infinitive and verb.dep_ in {"advcl", "acl"} and verb.head.lower_ not in INTENT_HEADS


def _verb_candidate(verb: Token, rule: Trigger, actors: DocActors, obj: Token | None) -> _Candidate | None:
    if _not_an_act(verb) or _no_actor_acts(verb):
        return None
    # "tanks sold to Serbia" is a reduced passive; "reports that it had sold tanks" is a clause of its own
    reduced = verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in {"nsubj", "aux"} for c in verb.children)
    passive = reduced or any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or _passive_conjunct(verb)
    if passive and _stative(verb):
        passive = False  # "Hungary is opposed to the quota": a stance of the subject, not a passive
    source = _agent(verb, actors) if passive else _subject_actors(verb, actors)
    denier = denied_gerund(verb)  # "denied supplying missiles to Iran": the denier's subject and preposition
    if denier is not None and not source:
        source = _subject_actors(denier, actors)
    if not source and verb.dep_ == "xcomp" and verb.head.lower_ in RAISING:
        # "Iran is set to sign a deal", "the envoys are expected to meet": the subject of the plan acts
        source = [s for c in verb.head.children if c.dep_ == "nsubjpass" for s in _phrase_actors(c, actors)]
    if passive and not source and rule.type in _HOSTILE:
        source = _attack_doers(verb, actors)  # "died in a Russian missile attack"
    target: list[_Slot] = _phrase_actors(verb.head, actors) if reduced else []
    pair: list[_Slot] = []
    for child in (*verb.children, *(c for c in (denier.children if denier is not None else ()) if c.dep_ == "prep")):
        if passive and child.dep_ == "nsubjpass":
            target += _phrase_actors(child, actors)
        elif not passive and child.dep_ == "dobj":
            target += _conjuncts(child, actors) if verb.lower_ in TOPIC_OBJECT else _phrase_actors(child, actors)
        elif not passive and child.dep_ == "dative":
            target += _prep_objects(child, actors) if child.lower_ in {"to", "for"} else _phrase_actors(child, actors)
        elif child.dep_ == "prep" and child.lower_ in rule.preps:
            (pair if child.lower_ == "between" else target).extend(_prep_objects(child, actors))
    obj = obj if obj is not None else _direct_object(verb)
    if obj is not None and rule.type == "ACCUSE" and not target:
        # "investigating crimes by extremists": whoever the object names as the doer is the accused
        target += [t for c in obj.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
                   for t in _prep_objects(c, actors)]
    if obj is not None:
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ in rule.preps:
                (pair if child.lower_ == "between" else target).extend(_prep_objects(child, actors))
    source, target = _settle(list(source), target, pair, rule)
    if verb.lower_ in RECEIVING and rule.type in {"AID", "AGREE"} and target and not passive:
        # "the rebels received weapons from Iran": the giver is the source, the receiver the target
        source, target = target, source
    if not target and obj is not None and rule.type in ANSWERS:
        # "turned down a proposal from Baku", "accepted terms set by the strikers": the answer goes to the proposer
        target = [t for c in obj.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"from", "by"}
                  for t in _prep_objects(c, actors) if t not in source]
    if not target and rule.type == "COOPERATE" and obj is not None and _through_of(obj).lower_ in EXERCISES:
        # "Belarus began army drills near Brest": drills with no partner are a show of force
        rule = dataclasses.replace(rule, type="MOBILIZE", mode=None, cameo="150")
    target = _aimed_target(verb, obj, rule, actors, source, target)
    named = bool(source)
    source, target = _placed_sides(verb, obj, rule, actors, source, target, passive=passive)
    if not source and (not target or verb.dep_ in SUBORDINATE):
        return None
    if _unnamed_only(source) and _placed_only(target):
        return None  # "the minister stood by his comments", "protesters marched through London": no one named
    return _Candidate(verb, rule, tuple(source), tuple(target), nominal=False, inferred=bool(source) and not named)


def _aimed_target(verb: Token, obj: Token | None, rule: Trigger, actors: DocActors, source: list[_Slot],
                  target: list[_Slot]) -> list[_Slot]:
    """The target a clause that names none implies: the country of a crowd acted on, a complement's actor or
    the nearest one."""
    if not target and source and rule.type in CROWD_TARGETED and _at_crowd(verb, obj):
        # "police detained 300 protesters": a crowd with no name is of the country where it is, and one that
        # forces arrest or disperse is of their own country
        home = _home_of(source, actors) if rule.type == "COERCE" else []
        target = [t for t in _crowd_country(verb, [], actors) or home if t not in source]
    if not target and source and not disowns(verb):
        target = (_complement_target(verb, source, actors)
                  or _nearest_target(verb, source, actors, aims=rule.type in AIMED_BY_CLAUSE))
    return target


def _placed_sides(verb: Token, obj: Token | None, rule: Trigger, actors: DocActors, source: list[_Slot],
                  target: list[_Slot], *, passive: bool) -> tuple[list[_Slot], list[_Slot]]:
    """The sides a place supplies when the clause names none: a protesting crowd's country, the place
    attacked or deployed at, the state where an act at home or an unclaimed attack happens."""
    if not source and rule.type == "PROTEST" and _subject_word(verb) in CROWDS:
        source = _crowd_country(verb, target, actors)
        target = [t for t in target if t not in source]
    if not target and (rule.type in LOCATIVE_TYPES or rule.mode == "ceasefire"):
        # "struck villages in southern Lebanon", "massed troops near its border with Ukraine": the place
        # insurgents attack inside their own country: "Taliban fighters stormed a police post in Afghanistan"
        insurgents = rule.type == "ASSAULT" and bool(source) and all(s.entry.sector == "REB" for s in source)
        target = [t for t in _locative(verb, obj, actors)
                  if t not in source and (insurgents or _other_country(t, source))]
    if not target and source and rule.type in DOMESTIC_PLACED and all(s.entry.kind != "state" for s in source):
        # "the army eased the lockdown in Amhara": an act at home is aimed at the country where it happens
        target = [t for t in _place_state(verb, actors) if _other_actor(t, source)]
    if not source and target and rule.type in PLACE_ACTED and (passive or _subject_word(verb) in DEVICES):
        # "was detained in Belarus": the authorities of the place acted; "a car bomb near Kunduz wounded two
        # Turkish engineers": an attack no actor claims is coded to the country where it happened
        source = [p for p in _place_state(verb, actors) if _other_actor(p, target)]
    return source, target


def _subject_word(verb: Token) -> str | None:
    return next((c.lower_ for c in verb.children if c.dep_ == "nsubj"), None)


def _attack_doers(verb: Token, actors: DocActors) -> list[_Slot]:
    """The actor named on the attack a passive happened in or by: "wounded in Russian artillery fire"."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ not in {"prep", "agent"} or child.lower_ not in {"in", "by", "during"}:
            continue
        for noun in child.children:
            rule = noun_rule(noun, lex) if noun.dep_ == "pobj" and noun.lower_ in lex.nouns else None
            if rule is not None and rule.type in _HOSTILE:
                found = [s for c in noun.children if c.dep_ in {"poss", "amod", "compound"}
                         for s in _phrase_actors(c, actors)]
                if found:
                    return found
    return []


def _noun_candidate(noun: Token, rule: Trigger, actors: DocActors) -> _Candidate | None:
    """An event named by a noun: "his talks with X", "an attack on X by Y", "evidence that X ..."."""
    source: list[_Slot] = []
    target: list[_Slot] = []
    pair: list[_Slot] = []
    for child in noun.children:
        if child.dep_ in {"poss", "amod", "compound"}:
            source += _phrase_actors(child, actors)
        elif child.dep_ == "prep" and child.lower_ == "by":
            source += _prep_objects(child, actors)
        elif child.dep_ == "prep" and child.lower_ in rule.preps:
            (pair if child.lower_ == "between" else target).extend(_prep_objects(child, actors))
        elif child.dep_ in {"acl", "relcl"} and rule.type == "ACCUSE":
            target += _clause_subjects(child, actors)
        elif child.dep_ in {"acl", "ccomp"} and rule.type == "REQUEST":
            # "its demands that the government grant more rights": the one who must act
            target += _subject_here(child, actors)
        if child.dep_ == "prep" and child.lower_ == "of":
            # "the pullout of troops from Mali": the target may hang from the "of" object
            target += [t for g in child.children if g.dep_ == "pobj" for c in g.children
                       if c.dep_ == "prep" and c.lower_ in rule.preps and c.lower_ != "of"
                       for t in _prep_objects(c, actors)]
    verb = _governing_verb(noun)
    unnamed = verb is not None and _passive_without_agent(verb)
    inferred = False
    if not source and rule.type == "ACCUSE" and not unnamed:
        source = _speaker_above(noun, actors)
    elif not source and noun.dep_ in {"dobj", "nsubjpass"} and noun.head.tag_.startswith("VB") and not _judges(
            noun.head, actors):
        # "completed the pullout of its troops", "launched an offensive against": the acting subject (but
        # "Japan condemned the invasion of Ukraine": Japan judges an act, it does not do it)
        source = _subject_actors(noun.head, actors)
    elif (not source and noun.dep_ == "pobj" and noun.head.lower_ in TAKING_PART
          and noun.head.head.tag_.startswith("VB")):
        # "chanted slogans during a rally against X", "stayed on alert": the subject takes part
        source = _subject_actors(noun.head.head, actors)
    if not source and verb is not None and unnamed and rule.type in PLACE_ACTED | {"ACCUSE"}:
        # "was placed under investigation in Spain": the one the passive is about, by the authorities of the place
        target = target or [t for c in verb.children if c.dep_ == "nsubjpass" for t in _phrase_actors(c, actors)]
        places = (_place_state(noun, actors) or _place_state(verb, actors)) if target else []
        source = [p for p in places if _other_actor(p, target)]
        inferred = True
    source, target = _settle(source, target, pair, rule)
    if source and not target and rule.type in LOCATIVE_TYPES:
        # "kept its units on alert in Donbas": the place of a deployment or a crackdown is what it is aimed at;
        # "Ukraine's offensive in the Kursk region entered its second week": the noun's own place, whatever the verb
        target = [t for t in _locative(verb or noun.head, noun, actors) if _other_country(t, source)]
    if not source or not target:
        return None
    return _Candidate(noun, rule, tuple(source), tuple(target), nominal=True, inferred=inferred)


def _settle(source: list[_Slot], target: list[_Slot], pair: list[_Slot], rule: Trigger) -> tuple[list, list]:
    """Fill source and target from a "between X and Y" pair or a compound subject of a symmetric event."""
    if pair and not source:
        source, target = pair[:1], pair[1:] + target
    elif pair:
        target = [p for p in pair if p not in source] + target
    if not target and len(source) > 1 and rule.type in SYMMETRIC:
        source, target = source[:1], source[1:]
    source = _unique(source)
    target = [t for t in _unique(target) if t not in source]
    return source, target


def _clause_subjects(clause: Token, actors: DocActors) -> list[_Slot]:
    for token in clause.subtree:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.tag_.startswith("VB"):
            found = _phrase_actors(token, actors)
            if found:
                return found
    return []


def _speaker_above(noun: Token, actors: DocActors) -> list[_Slot]:
    current = noun
    for _ in range(4):
        if current.head.i == current.i:
            break
        current = current.head
        if current.tag_.startswith("VB"):
            subject = _subject_actors(current, actors)
            if subject:
                return subject
    return []


def _judges(verb: Token, actors: DocActors) -> bool:
    """Whether a verb speaks of an act rather than performs it: an event verb of its own in this context
    ("condemned", "welcomed", "discussed"; not "stepped up attacks", whose row is "step down") or a verb of
    saying ("reported")."""
    lower = verb.lower_
    if lower in LIGHT_VERBS:
        return False
    return lower in SPEECH_VERBS or (lower in lexicon().verbs and _verb_rule(verb, lexicon(), actors)[0] is not None)


def _passive_without_agent(verb: Token) -> bool:
    children = {c.dep_ for c in verb.children}
    return "nsubjpass" in children and "agent" not in children
