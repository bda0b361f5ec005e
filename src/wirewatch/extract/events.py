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

from ..annotate import tokens
from ..config import DEFAULTS
from ..records import Event
from ._args import agent as _agent
from ._args import subject_actors as _subject_actors
from ._candidate import Candidate as _Candidate
from ._classifier import NONE, Classifier
from ._constructions import constructions as _constructions
from ._derived import accusations as _accusations
from ._derived import allegations as _allegations
from ._derived import conditional_threats as _conditional_threats
from ._derived import incursions as _incursions
from ._derived import obligations as _obligations
from ._derived import superseded as _superseded
from ._lexicon import Lexicon, Trigger, lexicon, noun_rule
from ._modality import SPEECH_VERBS, danger_clauses, warning_only
from ._rebuttals import no_comment
from ._rebuttals import rebuttals as _rebuttals
from ._reframe import _event
from ._rules import _noun_candidate, _verb_candidate, _verb_rule
from ._targets import subject_here as _subject_here
from ._vocabulary import (
    CODER_NAME,
    COPULAS,
    DOMESTIC,
    EMBEDDING,
    FAILING,
    LEARNED_CODER,
    LEARNED_PREPS,
    LIGHT_VERBS,
    PLAIN_CODES,
    SUBORDINATE,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..resolve import DocActors

__all__ = ["CODER_NAME", "LEARNED_CODER", "code_events"]


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
            if no_comment(candidate.trigger):
                continue  # "declined to comment": no refusal of anything, and no denial
            if _self_directed(candidate) and not _judges_own_act(candidate, actors):
                if candidate.trigger.dep_ in SUBORDINATE or candidate.nominal:
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
    for token in tokens(sent):
        if (not token.tag_.startswith("VB") or token.i in taken or token.dep_ in {"aux", "auxpass"}
                or token.lower_ in LIGHT_VERBS or token.lower_ in SPEECH_VERBS or token.lower_ in COPULAS
                or token.lower_ in FAILING
                or warning_only(token)):
            continue
        if not (_agent(token, actors) or _subject_actors(token, actors)):
            continue  # no actor acts: nothing to code, so no need to ask the classifier
        label, probability = classifier.predict(token)
        if label == NONE or probability < threshold or label not in PLAIN_CODES:
            continue
        rule = Trigger("V", token.lower_, None, label, None, PLAIN_CODES[label], LEARNED_PREPS)
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
    if c.rule.type in DOMESTIC and any(s.entry.kind != "state" for s in c.source):
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


def _judges_own_act(c: _Candidate, actors: DocActors) -> bool:
    """ "Merkel defended Germany's decision": a person who praises or faults an act of their own state, named as
    the possessor of the object, judges that state; that is an event between them."""
    if c.nominal or c.rule.type not in _JUDGING or not all(s.entry.kind == "person" for s in c.source):
        return False
    owners = [actors.actor_at(p) for o in c.trigger.children if o.dep_ == "dobj"
              for p in o.children if p.dep_ == "poss"]
    return bool(c.target) and all(t in owners for t in c.target)


#: Types by which a speaker judges an act.
_JUDGING = frozenset({"SUPPORT", "ACCUSE", "REJECT"})


def _candidates(sent: Span, lex: Lexicon, actors: DocActors) -> list[_Candidate]:
    out: list[_Candidate] = []
    used: set[int] = set()
    for token in tokens(sent):
        if token.tag_.startswith("VB") and (token.lower_ in lex.verbs or token.lower_ in LIGHT_VERBS):
            rule, obj = _verb_rule(token, lex, actors)
            if rule is not None and rule.type == "THREATEN" and warning_only(token):
                rule = _blamed_danger(token, actors)
            if rule is not None:
                if obj is not None:
                    used.add(obj.i)
                found = _verb_candidate(token, rule, actors, obj)
                if found is not None:
                    out.append(found)
    for token in tokens(sent):
        if token.i in used or not token.tag_.startswith("NN") or token.lower_ not in lex.nouns:
            continue
        rule = noun_rule(token, lex)
        found = _noun_candidate(token, rule, actors) if rule is not None else None
        if found is not None:
            out.append(found)
    out = _outermost(out)
    taken = {c.trigger.i for c in out}
    out += _accusations(sent, lex, actors, taken) + _allegations(out, actors, taken) + _incursions(sent, actors, taken)
    out += _constructions(sent, lex, actors, taken)  # verdicts, criticism drawn, nouns handed, stated roles
    out += _rebuttals(sent, actors, taken)  # answers to a claim: rejected, called false, no part in it
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


#: A warning that blames a danger on an actor: a criticism of that actor (CAMEO 111), no threat by the speaker.
_BLAMING_WARNING = Trigger("V", "warn", None, "ACCUSE", "disapprove", "111", frozenset({"about", "over"}))


def _blamed_danger(warning: Token, actors: DocActors) -> Trigger | None:
    """ "warned that Oslo's new pipeline endangers the region's security" blames Norway (ACCUSE); a danger that no
    actor is named as causing ("warned that the drought threatens stability") is no event."""
    return _BLAMING_WARNING if any(_subject_here(c, actors) for c in danger_clauses(warning)) else None


def _outermost(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop an act that sits in the complement of a threat, demand, refusal or agreement by the same source."""
    heads = {c.trigger.i: c for c in candidates if c.rule.type in EMBEDDING and not c.nominal}
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
