"""The event coder: PLOVER events from the dependency parse (``plover.rules.v2``), with the classifier of
``_classifier`` naming the type of verbs outside the lexicon (``plover.hybrid.v2``).

For each trigger (a verb or an event noun in the lexicon) the coder reads the source from the subject (or the
passive agent, or the possessor of an event noun), the target from the object, the object's possessor or
modifier, or a preposition the trigger names ("with", "against", "to", "on", "between"), and the framing
(asserted, reported by someone, negated, future, hypothetical, denied) from the clauses around it. The CAMEO code
of the trigger gives the Goldstein score and QuadClass; the event's date and place come from its clause.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING

from ..config import DEFAULTS
from ..records import Event
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
from ._classifier import NONE, Classifier
from ._dates import date_entities, resolve_date
from ._derived import HOSTILE as _HOSTILE
from ._derived import VERBAL_ATTACKS as _VERBAL_ATTACKS
from ._derived import accusations as _accusations
from ._derived import allegations as _allegations
from ._derived import conditional_threats as _conditional_threats
from ._derived import incursions as _incursions
from ._derived import obligations as _obligations
from ._derived import superseded as _superseded
from ._lexicon import Lexicon, Trigger, crosswalk, inflections, lexicon, noun_rule, quad_class
from ._modality import DENIAL_VERBS, SPEECH_VERBS, denied_gerund, disowns, framing, warning_only, wished
from ._places import at_crowd as _at_crowd
from ._places import crowd_country as _crowd_country
from ._places import home_of as _home_of
from ._places import locative as _locative
from ._places import place_state as _place_state
from ._places import where as _where
from ._targets import complement_target as _complement_target
from ._targets import nearest_target as _nearest_target
from ._targets import other_actor as _other_actor
from ._targets import other_country as _other_country
from ._targets import subject_here as _subject_here

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..resolve import DocActors
    from ..resolve._resolver import _Slot

__all__ = ["CODER_NAME", "LEARNED_CODER", "code_events"]

CODER_NAME = "plover.rules.v2"
#: The name on events whose type the classifier chose (the hybrid coder's statistical half).
LEARNED_CODER = "plover.classifier.v1"

_LIGHT_VERBS = frozenset({"convey", "conveyed", "conveys", "announce", "announced", "began", "begin", "carried",
                          "carry", "complete", "completed",
                          "conclude", "concluded", "conduct", "conducted", "continue", "continued", "continues",
                          "continuing", "declare", "declared", "deliver",
                          "delivered", "express", "expressed", "expressing", "gave", "give", "given", "had", "has",
                          "have", "held", "hold", "holding", "holds", "host", "hosted", "impose", "imposed",
                          "issue", "issued", "issues", "launch", "launched", "level", "leveled", "levelled",
                          "made", "make", "offer", "offered", "open", "opened", "paid", "pay", "placed", "pledge",
                          "pledged", "present", "presented", "put", "reaffirm", "reaffirmed", "reiterate",
                          "reiterated", "remain", "remained", "renew", "renewed", "resume", "resumed", "sign",
                          "signed", "stage", "staged", "start", "started", "undertake", "undertaken", "undertook",
                          "voice", "voiced"})

_TOPIC_OBJECT = frozenset(
    form for verb in ("discuss", "negotiate", "talk", "agree", "propose", "sign", "conclude", "ink", "ratify",
                      "exchange", "share", "provide", "supply", "deliver", "send", "ship", "transfer", "sell",
                      "donate", "offer", "hold", "have", "conduct", "launch", "carry", "impose", "fire", "express")
    for form in inflections(verb)
)
_NO_OBJECT = frozenset({"-"})
_ACTOR_OBJECT = frozenset({"@"})
_STRIKES = frozenset({"strike", "strikes"})
_STAGING = frozenset({"stage", "staged", "staging", "stages", "hold", "held", "holding", "holds", "begin", "began",
                      "begun", "start", "started", "continue", "continued", "continuing", "called", "call"})
_LABOUR_STRIKE = Trigger("N", "strike", None, "PROTEST", "boycott", "143", frozenset({"against", "over"}))
_PROMISING = frozenset(form for verb in ("offer", "pledge", "promise") for form in inflections(verb))
#: The CAMEO 03 code of a promise, by the type of what is promised (aid, a meeting, mediation).
_PROMISE_CODES = {"AID": "033", "CONSULT": "036", "COOPERATE": "031", "RETREAT": "035", "CONCEDE": "035"}
_NATURE = frozenset({"earthquake", "quake", "typhoon", "hurricane", "cyclone", "storm", "storms", "flood", "floods",
                     "flooding", "tsunami", "wildfire", "wildfires", "fire", "drought", "landslide", "avalanche",
                     "epidemic", "pandemic", "outbreak", "virus", "heatwave", "tornado", "eruption", "blizzard"})
_EXERCISES = frozenset({"exercises", "exercise", "drills", "drill", "maneuvers", "manoeuvres", "games", "wargames"})
#: Words the parser may take for prepositions that still make a phrasal verb ("forced them out of").
_ADVERBIAL_PARTICLES = frozenset({"out", "off", "up", "down", "back", "away"})
_CROWDS = frozenset({"protesters", "demonstrators", "people", "thousands", "hundreds", "residents", "activists",
                     "students", "crowds", "workers", "supporters", "opponents", "prisoners", "inmates",
                     "detainees", "villagers", "youths", "women", "farmers", "traders", "drivers"})
_INTENT_HEADS = frozenset({"plan", "plans", "planned", "ready", "willing", "prepared", "going", "due",
                           "set", "poised", "determined", "decision", "agreement", "pledge", "promise"})
_RAISING = frozenset({"set", "expected", "scheduled", "slated", "due", "poised", "tipped", "likely", "supposed",
                      "said", "believed", "thought", "reported", "alleged", "understood", "rumoured", "rumored",
                      "suspected", "known"})
#: Verbs whose object names the act they order: "ordered the release of", "authorised air strikes on".
_ORDERING = frozenset(form for verb in ("order", "authorise", "authorize") for form in inflections(verb))
_PARTITIVES = frozenset({"some", "part", "most", "all", "half", "many", "several", "rest", "remainder", "bulk",
                         "majority", "none", "third", "quarter", "few", "dozens", "hundreds", "thousands"})
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"})
_SUBORDINATE = frozenset({"acl", "relcl", "advcl", "xcomp", "pcomp", "amod"})
_LOCATIVE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: The CAMEO code of an intent to yield, by the mode of the act intended (release, ease, withdraw).
_YIELD_INTENT = {"release": "0353", "ease": "0354", "withdraw": "0356", "disarm": "0356", "ceasefire": "0356",
                 "access": "0355", "resign": "0341"}
_SYMMETRIC = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AGREE"})
#: The CAMEO code of each PLOVER type when no mode is known (the crosswalk's plain row; ACCUSE has none).
_PLAIN_CODES = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
                "CONCEDE": "080", "RETREAT": "0813", "REQUEST": "100", "ACCUSE": "111", "REJECT": "120",
                "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
                "ASSAULT": "180"}
_LEARNED_PREPS = frozenset({"with", "against", "to", "on", "for", "from", "into", "at", "over"})
#: Announced conflictual acts and the THREATEN mode and CAMEO code they are coded as.
_FUTURE_TO_THREAT = {"SANCTION": ("relations", "1311"), "COERCE": ("restrict", "1312"),
                     "PROTEST": (None, "130"), "ASSAULT": ("violence", "138")}
_ANSWERS = frozenset({"REJECT", "CONCEDE", "AGREE", "SUPPORT", "ACCUSE"})
_TAKING_PART = frozenset({"during", "in", "on", "at", "for", "under"})
_AIMED_BY_CLAUSE = frozenset({"PROTEST", "REQUEST", "ACCUSE"})
_CROWD_TARGETED = frozenset({"COERCE", "ASSAULT"})
_DOMESTIC_PLACED = frozenset({"COERCE", "CONCEDE", "PROTEST", "MOBILIZE", "RETREAT"})
#: Subjects that name an attack or its weapon, not a doer: "a car bomb wounded …", "the blast wounded …".
_DEVICES = frozenset({"bomb", "bombs", "bombing", "bombings", "explosion", "explosions", "blast", "blasts", "attack",
                      "attacks", "device", "devices", "mine", "mines", "landmine", "rocket", "rockets", "shell",
                      "shells", "shelling", "strike", "strikes", "airstrike", "airstrikes", "gunfire", "mortar",
                      "mortars", "missile", "missiles", "grenade", "grenades", "ambush", "raid", "drone", "drones",
                      "bomber", "bombers", "gunmen", "assailants", "attackers", "sniper", "snipers"})
_PLACE_ACTED = frozenset({"COERCE", "ASSAULT", "RETREAT"})
_RECEIVING = frozenset(form for verb in ("receive", "obtain") for form in inflections(verb))
_FAILING = frozenset(form for verb in ("fail", "refuse", "decline") for form in inflections(verb))
_REFUSABLE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
_DOMESTIC = frozenset({"COERCE", "ASSAULT", "MOBILIZE", "PROTEST", "ACCUSE", "REQUEST", "REJECT", "CONCEDE"})
#: Heads whose complement is an act only intended, demanded, refused or threatened: "threatened to impose
#: sanctions" is one THREATEN event, not also a SANCTION.
_EMBEDDING = frozenset({"THREATEN", "REQUEST", "REJECT", "AGREE"})


def code_events(doc: Doc, actors: DocActors, *, published: date | None,
                min_confidence: float = DEFAULTS.extract.min_confidence, classifier: Classifier | None = None,
                threshold: float = DEFAULTS.extract.classifier_threshold) -> list[Event]:
    """Code every event in a parsed article: lexicon triggers, plus (given a classifier) the verbs outside the
    lexicon that the classifier says name an event with at least ``threshold`` probability."""
    lex = lexicon()
    events: list[Event] = []
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...], int]] = set()
    for sent in doc.sents:
        found = _candidates(sent, lex, actors)
        if classifier is not None:
            found += _learned(sent, lex, actors, classifier, threshold, {c.trigger.i for c in found})
        for candidate in found:
            if _self_directed(candidate):
                if candidate.trigger.dep_ in _SUBORDINATE or candidate.nominal:
                    continue
                # "Tokayev pledged to modernise Kazakhstan": the act stands, with no target between actors
                candidate = dataclasses.replace(candidate, target=())
            event = _event(candidate, actors, published, len(events) + 1)
            if event is None or event.confidence < min_confidence:
                continue
            key = (event.type, event.source, event.target, sent.start)
            if key not in seen:
                seen.add(key)
                events.append(event)
    return _once(events)


_FACTUAL = frozenset({"asserted", "reported"})


def _once(events: list[Event]) -> list[Event]:
    """One event, one record: a later sentence that tells the same event again (same type, source, target, both
    factual or both not, and the same date, or no date of its own) adds nothing; the first telling is kept."""
    kept: list[Event] = []
    seen: dict[tuple[object, ...], list[Event]] = {}
    for event in events:
        key = (event.type, event.source, event.target, event.modality in _FACTUAL)
        told = seen.setdefault(key, [])
        if event.source and event.target and any(_same_day(event, e) for e in told):
            continue
        told.append(event)
        kept.append(event if event.id == f"e{len(kept) + 1}" else dataclasses.replace(event, id=f"e{len(kept) + 1}"))
    return kept


def _same_day(later: Event, earlier: Event) -> bool:
    """Whether two tellings can be of one event: the same date, or one of them gives none of its own."""
    return later.date == earlier.date or later.date_precision is None or earlier.date_precision is None


def _learned(sent: Span, lex: Lexicon, actors: DocActors, classifier: Classifier, threshold: float,
             taken: set[int]) -> list[_Candidate]:
    """Verbs outside the lexicon whose type the classifier is sure of, with arguments read as for a trigger."""
    out = []
    for token in sent:
        if (not token.tag_.startswith("VB") or token.i in taken or token.dep_ in {"aux", "auxpass"}
                or token.lower_ in _LIGHT_VERBS or token.lower_ in SPEECH_VERBS or token.lower_ in _COPULAS
                or token.lower_ in _FAILING
                or warning_only(token)):
            continue
        if not (_agent(token, actors) or _subject_actors(token, actors)):
            continue  # no actor acts: nothing to code, so no need to ask the classifier
        label, probability = classifier.predict(token)
        if label == NONE or probability < threshold or label not in _PLAIN_CODES:
            continue
        rule = Trigger("V", token.lower_, None, label, None, _PLAIN_CODES[label], _LEARNED_PREPS)
        found = _verb_candidate(token, rule, actors, None)
        if found is not None and found.source and not _within_one_state(found):
            out.append(dataclasses.replace(found, learned=probability))
    return out


def _within_one_state(c: _Candidate) -> bool:
    """A guess between a state and its own government ("Real Madrid beat … the Spanish league" read as Spain's
    government and Spain) is no event; the lexicon alone codes acts at home."""
    sides = [*c.source, *c.target]
    return bool(c.target) and len({s.entry.country for s in sides}) == 1 and all(
        s.entry.kind in {"state", "government"} for s in sides)


def _self_directed(c: _Candidate) -> bool:
    """ "Russia … the policies of Moscow": a state acting on its own government is no event between actors. A
    government that arrests, bans, attacks or deploys at home, or is protested against, acts on its own people."""
    if c.rule.type in _DOMESTIC and any(s.entry.kind != "state" for s in c.source):
        return False
    if c.rule.type == "PROTEST" and all(t.entry.kind != "state" for t in c.target):
        return False  # "Kenyan nurses struck against the health ministry": the people against their government
    sides = [*c.source, *c.target]
    countries = {s.entry.country for s in sides}
    if not c.source or not c.target or len(countries) != 1 or None in countries:
        return False
    state_level = all(s.entry.kind in {"state", "government"} for s in sides)
    own_state = all(t.entry.kind == "state" for t in c.target) and all(s.entry.kind == "person" for s in c.source)
    return state_level or own_state


def _candidates(sent: Span, lex: Lexicon, actors: DocActors) -> list[_Candidate]:
    out: list[_Candidate] = []
    used: set[int] = set()
    for token in sent:
        if token.tag_.startswith("VB") and (token.lower_ in lex.verbs or token.lower_ in _LIGHT_VERBS):
            rule, obj = _verb_rule(token, lex, actors)
            if rule is not None and not (rule.type == "THREATEN" and warning_only(token)):
                if obj is not None:
                    used.add(obj.i)
                found = _verb_candidate(token, rule, actors, obj)
                if found is not None:
                    out.append(found)
    for token in sent:
        if token.i in used or not token.tag_.startswith("NN") or token.lower_ not in lex.nouns:
            continue
        rule = noun_rule(token, lex)
        found = _noun_candidate(token, rule, actors) if rule is not None else None
        if found is not None:
            out.append(found)
    out = _outermost(out)
    taken = {c.trigger.i for c in out}
    out += _accusations(sent, lex, actors, taken) + _allegations(out, actors, taken) + _incursions(sent, actors, taken)
    demands = _obligations(sent, actors)
    owed = {c.trigger.i for c in out} & {t.i for d in demands for t in d.trigger.children if t.dep_ == "ccomp"}
    # "said Sudan must return the helicopter": the return is demanded, not done; "removing the sanctions is out
    # of the question": an act named as a subject is talked about, not done
    out = [c for c in out if c.trigger.i not in owed and not (c.trigger.dep_ == "csubj" and c.trigger.tag_ == "VBG")]
    out += demands
    threats = _conditional_threats(sent, lex, actors)
    if threats:
        speakers = {s.id for t in threats for s in t.source}
        out = [c for c in out if not _superseded(c, speakers)]
    return out + threats


def _outermost(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop an act that sits in the complement of a threat, demand, refusal or agreement by the same source."""
    heads = {c.trigger.i: c for c in candidates if c.rule.type in _EMBEDDING and not c.nominal}
    kept = []
    for c in candidates:
        token, outer = c.trigger, None
        for _ in range(3):
            if token.dep_ not in {"xcomp", "ccomp", "conj"} or token.head.i == token.i:
                break
            token = token.head
            if token.i in heads:
                outer = heads[token.i]
                break
        same_source = outer is not None and (not c.source or {s.id for s in c.source} <= {s.id for s in outer.source})
        if outer is None or outer is c or not same_source:
            kept.append(c)
    return kept


def _verb_rule(verb: Token, lex: Lexicon, actors: DocActors) -> tuple[Trigger | None, Token | None]:
    """The lexicon row for a verb in context, and the object noun it consumed (for light verbs). A row's object
    words match the object's head or a noun modifying it ("halted mediation efforts"), a particle ("call off"), or
    both ("off:strike"); ``@`` matches an object that stands for an actor ("released the prime minister")."""
    obj = _direct_object(verb)
    obj_word = obj.lower_ if obj is not None else None
    obj_words = {obj_word} | {c.lower_ for c in obj.children if c.dep_ == "compound"} if obj is not None else set()
    if obj is not None and obj.lower_ in _PARTITIVES:  # "withdrew some of its troops", "freed half of the hostages"
        obj_words |= {g.lower_ for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}
    # "went on strike", "took to the streets": a preposition and its object together
    combos = {f"{c.lower_}:{g.lower_}" for c in verb.children if c.dep_ in {"prep", "prt"}
              for g in c.children if g.dep_ == "pobj"}
    # "called on Iran", "called off the talks"; but "called an election for March" is no "call for"
    particles = {c.lower_ for c in verb.children
                 if c.dep_ == "prt" or c.dep_ == "prep" and (obj is None or c.lower_ in _ADVERBIAL_PARTICLES)}
    combos |= {f"{p}:{w}" for p in particles for w in obj_words}
    if obj is not None and (verb.lower_ in _LIGHT_VERBS or verb.lower_ in _ORDERING):
        # "held talks", and "began a mediation push": the event noun may modify the object
        for noun in (obj, *(c for c in obj.children if c.dep_ in {"compound", "amod"})):
            light = noun_rule(noun, lex) if noun.lower_ in lex.nouns else None
            if light is not None and light.type == "ASSAULT" and noun.lower_ in _STRIKES and verb.lower_ in _STAGING:
                light = _LABOUR_STRIKE  # "staged a strike", "held a two-day strike": no air strike
            if light is not None and verb.lower_ in _PROMISING and light.type in _PROMISE_CODES:
                # "pledged aid to Ukraine", "offered mediation": a promise is an agreement (CAMEO 03); support
                # pledged or criticism offered is voiced now
                light = dataclasses.replace(light, type="AGREE", mode=None, cameo=_PROMISE_CODES.get(light.type, "030"))
            if light is not None:
                return light, obj
    fallback: Trigger | None = None
    for rule in lex.verbs.get(verb.lower_, ()):
        if rule.objects is None:
            fallback = fallback or rule
        elif rule.objects == _NO_OBJECT:
            if obj is None:
                fallback = fallback or rule
        elif rule.objects == _ACTOR_OBJECT:
            if obj is not None and obj.dep_ in {"dobj", "nsubjpass"} and _names_actor(obj, actors):
                return rule, None
        elif rule.objects & obj_words or rule.objects & particles or rule.objects & combos:
            return rule, obj if rule.objects & obj_words else None
    return fallback, None


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
    if subject is not None and subject.lower_ in _NATURE:
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
    return infinitive and verb.dep_ in {"advcl", "acl"} and verb.head.lower_ not in _INTENT_HEADS


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
    if not source and verb.dep_ == "xcomp" and verb.head.lower_ in _RAISING:
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
            target += _conjuncts(child, actors) if verb.lower_ in _TOPIC_OBJECT else _phrase_actors(child, actors)
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
    if verb.lower_ in _RECEIVING and rule.type in {"AID", "AGREE"} and target and not passive:
        # "the rebels received weapons from Iran": the giver is the source, the receiver the target
        source, target = target, source
    if not target and obj is not None and rule.type in _ANSWERS:
        # "turned down a proposal from Baku", "accepted terms set by the strikers": the answer goes to the proposer
        target = [t for c in obj.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"from", "by"}
                  for t in _prep_objects(c, actors) if t not in source]
    if not target and rule.type == "COOPERATE" and obj is not None and _through_of(obj).lower_ in _EXERCISES:
        # "Belarus began army drills near Brest": drills with no partner are a show of force
        rule = dataclasses.replace(rule, type="MOBILIZE", mode=None, cameo="150")
    if not target and source and rule.type in _CROWD_TARGETED and _at_crowd(verb, obj):
        # "police detained 300 protesters": a crowd with no name is of the country where it is, and one that
        # forces arrest or disperse is of their own country
        home = _home_of(source, actors) if rule.type == "COERCE" else []
        target = [t for t in _crowd_country(verb, [], actors) or home if t not in source]
    if not target and source and not disowns(verb):
        target = (_complement_target(verb, source, actors)
                  or _nearest_target(verb, source, actors, aims=rule.type in _AIMED_BY_CLAUSE))
    named = bool(source)
    if not source and rule.type == "PROTEST" and _subject_word(verb) in _CROWDS:
        source = _crowd_country(verb, target, actors)
        target = [t for t in target if t not in source]
    if not target and (rule.type in _LOCATIVE_TYPES or rule.mode == "ceasefire"):
        # "struck villages in southern Lebanon", "massed troops near its border with Ukraine": the place
        # insurgents attack inside their own country: "Taliban fighters stormed a police post in Afghanistan"
        insurgents = rule.type == "ASSAULT" and bool(source) and all(s.entry.sector == "REB" for s in source)
        target = [t for t in _locative(verb, obj, actors)
                  if t not in source and (insurgents or _other_country(t, source))]
    if not target and source and rule.type in _DOMESTIC_PLACED and all(s.entry.kind != "state" for s in source):
        # "the army eased the lockdown in Amhara": an act at home is aimed at the country where it happens
        target = [t for t in _place_state(verb, actors) if _other_actor(t, source)]
    if not source and target and rule.type in _PLACE_ACTED and (passive or _subject_word(verb) in _DEVICES):
        # "was detained in Belarus": the authorities of the place acted; "a car bomb near Kunduz wounded two
        # Turkish engineers": an attack no actor claims is coded to the country where it happened
        source = [p for p in _place_state(verb, actors) if _other_actor(p, target)]
    if not source and (not target or verb.dep_ in _SUBORDINATE):
        return None
    if _unnamed_only(source) and _placed_only(target):
        return None  # "the minister stood by his comments", "protesters marched through London": no one named
    return _Candidate(verb, rule, tuple(source), tuple(target), nominal=False, inferred=bool(source) and not named)


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
    elif (not source and noun.dep_ == "pobj" and noun.head.lower_ in _TAKING_PART
          and noun.head.head.tag_.startswith("VB")):
        # "chanted slogans during a rally against X", "stayed on alert": the subject takes part
        source = _subject_actors(noun.head.head, actors)
    if not source and verb is not None and unnamed and rule.type in _PLACE_ACTED | {"ACCUSE"}:
        # "was placed under investigation in Spain": the one the passive is about, by the authorities of the place
        target = target or [t for c in verb.children if c.dep_ == "nsubjpass" for t in _phrase_actors(c, actors)]
        places = (_place_state(noun, actors) or _place_state(verb, actors)) if target else []
        source = [p for p in places if _other_actor(p, target)]
        inferred = True
    source, target = _settle(source, target, pair, rule)
    if source and not target and rule.type in _LOCATIVE_TYPES:
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
    if not target and len(source) > 1 and rule.type in _SYMMETRIC:
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


def _event(c: _Candidate, actors: DocActors, published: date | None, number: int) -> Event | None:
    frame = framing(c.trigger, presupposed=c.nominal and _presupposes(c.trigger))
    rule = c.rule
    etype, mode, code = rule.type, rule.mode, rule.cameo
    if etype == "ASSAULT" and c.trigger.lower_ in _VERBAL_ATTACKS and _verbal(c):
        etype, mode, code = "ACCUSE", "disapprove", "111"
    if etype == "CONSULT" and mode == "visit" and not c.nominal:
        arriving = _arriving_force(c.trigger)
        if arriving is not None:
            etype, mode, code = arriving
    if etype == "MOBILIZE" and _peacekeeping(c.trigger):
        etype, mode, code = "AID", None, "074"  # "sent troops to Liberia on a peacekeeping mission"
    if frame.modality == "future" and etype in _FUTURE_TO_AGREE:
        etype, mode, code = "AGREE", None, "030"
    elif frame.modality == "future" and etype in {"RETREAT", "CONCEDE"} and mode != "resign":
        # CAMEO 035: an intent to yield, release or withdraw is an agreement until it is carried out
        etype, mode, code = "AGREE", None, _YIELD_INTENT.get(mode or "", "035")
    elif frame.modality == "future" and etype in _FUTURE_TO_THREAT:
        # an announced blockade, boycott, sanction or attack is a threat until it happens
        etype, mode, code = "THREATEN", *_FUTURE_TO_THREAT[etype]
    elif frame.modality == "hypothetical" and etype in _FUTURE_TO_THREAT and (
            _conditioned(c.trigger) or wished(c.trigger)):
        # "may halt mediation if cooperation founders": a sanction held over a condition is a threat, and so is
        # an attack its doer says it wants
        etype, mode, code = "THREATEN", *_FUTURE_TO_THREAT[etype]
    modality = frame.modality
    if etype in _REFUSABLE and c.trigger.dep_ == "xcomp" and c.trigger.head.lower_ in _FAILING:
        # "failed to reach an agreement", "declined to meet": no act, but a refusal
        etype, mode, code = "REJECT", None, "120"
        if modality == "negated":  # the refusal itself happened, as its reporter tells it
            modality = "reported" if frame.reporter is not None else "asserted"
    if modality == "negated" and frame.future and etype in _REFUSABLE:
        # "will not accept more refugees", "would not meet the envoy": a refusal, which PLOVER codes REJECT
        etype, mode, code, modality = "REJECT", None, "120", "asserted"
    xw = crosswalk()[code]
    according = actors.actor_at(frame.reporter) if frame.reporter is not None else None
    speech_act = according is not None and according in c.source and quad_class(code) == 3
    if speech_act and modality == "reported":
        modality = "asserted"
    sent = c.trigger.sent
    sentence = sent.text.rstrip()
    start = sent.start_char + (len(sentence) - len(sentence.lstrip()))
    sentence = sentence.strip()
    anchors = {c.trigger.i}
    if speech_act and frame.reporter is not None:
        anchors.add(frame.reporter.head.i)
    when = _when(c.trigger, anchors, published, frame.future)
    confidence = 0.5 + (0.25 if c.source else 0.0) + (0.15 if c.target else 0.0) - (0.1 if c.nominal else 0.0)
    if c.learned is not None:  # the classifier's word counts for less than the lexicon's
        confidence -= 0.25 * (1.0 - c.learned) + 0.1
    if c.inferred:
        confidence -= 0.2
    return Event(
        id=f"e{number}", type=etype, mode=mode, cameo=code[:2], cameo_code=code, goldstein=xw.goldstein,
        quad_class=quad_class(code), source=tuple(s.id for s in c.source), target=tuple(t.id for t in c.target),
        modality=modality,  # type: ignore[arg-type]
        according_to=according.id if according is not None else None,
        date=when[0] if when else published, date_precision=when[1] if when else None,  # type: ignore[arg-type]
        location=_where(c.trigger, actors), sentence=sentence, span=(start, start + len(sentence)),
        confidence=round(min(confidence, 0.95), 2), trigger=c.trigger.text,
        coder=LEARNED_CODER if c.learned is not None else CODER_NAME,
    )


_FORCES = frozenset({"troops", "forces", "soldiers", "peacekeepers", "contingent", "units", "battalion", "brigade",
                     "deployment", "marines", "paratroopers", "warships", "ships", "jets", "aircraft", "tanks"})
_PEACEKEEPING = frozenset({"peacekeeping", "peacekeepers", "peacekeeper", "monitors", "observers", "stabilization",
                           "stabilisation"})


def _arriving_force(verb: Token) -> tuple[str, str | None, str] | None:
    """ "UN peacekeepers arrived in Goma": troops that arrive are no visit but a deployment, of
    peacekeepers (AID) or of a force (MOBILIZE)."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or _through_of(subject).lower_ not in _FORCES and subject.lower_ not in _FORCES:
        return None
    if any(t.lower_ in _PEACEKEEPING for t in subject.subtree):
        return "AID", None, "074"
    return "MOBILIZE", None, "150"


def _peacekeeping(trigger: Token) -> bool:
    """Whether a deployment is of peacekeepers or monitors: its clause names them or their mission."""
    clause = trigger if trigger.tag_.startswith("VB") else trigger.head
    return any(t.lower_ in _PEACEKEEPING for t in clause.subtree)


def _judges(verb: Token, actors: DocActors) -> bool:
    """Whether a verb speaks of an act rather than performs it: an event verb of its own in this context
    ("condemned", "welcomed", "discussed"; not "stepped up attacks", whose row is "step down") or a verb of
    saying ("reported")."""
    lower = verb.lower_
    if lower in _LIGHT_VERBS:
        return False
    return lower in SPEECH_VERBS or (lower in lexicon().verbs and _verb_rule(verb, lexicon(), actors)[0] is not None)


def _presupposes(noun: Token) -> bool:
    """ "has never supported Russia's invasion": an event verb of its own takes the named act as given."""
    verb = _governing_verb(noun)
    lower = verb.lower_ if verb is not None else ""
    return lower in lexicon().verbs and lower not in _LIGHT_VERBS and lower not in DENIAL_VERBS


def _passive_without_agent(verb: Token) -> bool:
    children = {c.dep_ for c in verb.children}
    return "nsubjpass" in children and "agent" not in children


def _conditioned(trigger: Token) -> bool:
    """Whether an "if"/"unless" clause hangs from the trigger's clause."""
    verb = trigger if trigger.tag_.startswith("VB") else trigger.head
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
               for c in verb.children)


def _verbal(c: _Candidate) -> bool:
    """ "Milei attacked Lula": one civilian person attacking another does so in words."""
    people = [*c.source, *c.target]
    return bool(c.target) and all(s.entry.kind == "person" and s.entry.sector not in {"MIL", "REB"} for s in people)


def _when(trigger: Token, anchors: set[int], published: date | None, future: bool) -> tuple[date, str] | None:
    verb = trigger if trigger.tag_.startswith("VB") else trigger.head
    anchors = anchors | {verb.i}
    pieces = []
    for ent in date_entities(trigger.sent):
        anchor = ent.root
        for _ in range(3):
            if anchor.i in anchors:
                prep = ent.root.head if ent.root.head.dep_ == "prep" else None
                pieces.append(f"{prep.text} {ent.text}" if prep is not None else ent.text)
                break
            if anchor.head.i == anchor.i:
                break
            anchor = anchor.head
    return resolve_date(" ; ".join(pieces), published, future=future) if pieces else None

