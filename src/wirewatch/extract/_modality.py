"""How sure an event is: asserted, reported (and by whom), negated, future, hypothetical or denied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._args import ACCUSING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Framing", "SPEECH_VERBS", "framing"]

#: Verbs that report what someone said or believes; an event in their complement is reported by their subject.
SPEECH_VERBS = frozenset({
    "say", "said", "says", "saying", "announce", "announced", "announces", "state", "stated", "states", "report",
    "reported", "reports", "claim", "claimed", "claims", "confirm", "confirmed", "confirms", "confirming", "tell",
    "told", "tells", "add", "added", "adds", "note", "noted", "notes", "allege", "alleged", "alleges", "insist",
    "insisted", "believe", "believed", "believes", "stress", "stressed", "explain", "explained", "write", "wrote",
    "argue", "argued", "assert", "asserted", "declare", "declared", "suggest", "suggested", "indicate",
    "indicated", "indicating", "emphasize", "emphasized", "emphasise", "emphasised", "reveal", "revealed",
    "show", "showed", "shows", "quote", "quoted", "according", "think", "thinks", "thought", "warn", "warned",
})
DENIAL_VERBS = frozenset({"deny", "denied", "denies", "denying", "dismiss", "dismissed", "reject", "rejected",
                          "refute", "refuted", "rebut", "rebutted"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
_FUTURE_HEADS = frozenset({"plan", "plans", "planned", "planning", "intend", "intends", "intended", "expect",
                           "expected", "expects", "prepare", "prepares", "preparing", "set", "going", "due",
                           "scheduled", "poised", "agree", "agreed", "agrees", "decide", "decided", "vow", "vowed",
                           "pledge", "pledged", "promise", "promised", "seek", "seeks", "sought", "aim", "aims",
                           "willing", "ready", "prepared", "committed", "determined", "eager", "keen", "offer",
                           "offered"})


#: Heads after which an infinitive happened ("continued to strike"); any other infinitive is an intention.
_ACHIEVED_HEADS = frozenset({"continue", "continued", "continues", "began", "begin", "begins", "started",
                             "start", "starts", "managed", "manage", "used", "went", "kept", "tried", "came",
                             "attempted", "attempt", "attempts", "sought", "failed", "proceeded"})


@dataclass(frozen=True, slots=True)
class Framing:
    """The modality of one event and, when reported, the token of whoever reports it."""

    modality: str
    reporter: Token | None
    future: bool


def framing(trigger: Token) -> Framing:
    """Work out the modality of the event whose trigger is ``trigger``."""
    verb = _clause_verb(trigger)
    future = _is_future(verb)
    hypothetical = _is_hypothetical(verb)
    reporter, denied = _reporter(verb)
    if hypothetical and reporter is not None and _future_in_the_past(verb):
        hypothetical, future = False, True
    negated = any(c.dep_ == "neg" for c in verb.children) or (
        verb is not trigger and any(c.dep_ == "neg" for c in trigger.children)
    )
    if hypothetical and negated and not _conditional(verb):
        hypothetical = False
    if hypothetical:
        modality = "hypothetical"
    elif negated:
        modality = "negated"
    elif denied:
        modality = "denied"
    elif future:
        modality = "future"
    elif reporter is not None:
        modality = "reported"
    else:
        modality = "asserted"
    return Framing(modality, reporter, future)


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a trigger sits in (the trigger itself when it is a verb)."""
    current = token
    for _ in range(6):
        if current.tag_.startswith("VB"):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def _is_future(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lower_ in _FUTURE_HEADS:
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return infinitive and verb.head.lower_ not in _ACHIEVED_HEADS


def _conditional(verb: Token) -> bool:
    """An "if"/"unless" clause or a modal of possibility, as opposed to a bare "would"."""
    current = verb
    for _ in range(3):
        for child in current.children:
            if child.dep_ == "mark" and child.lower_ in {"if", "unless", "whether"}:
                return True
            if child.dep_ == "aux" and child.lower_ in {"could", "might", "may"}:
                return True
        if current.dep_ not in {"xcomp", "conj"}:
            break
        current = current.head
    return False


def _future_in_the_past(verb: Token) -> bool:
    """ "said Pakistan would ask the UN": a reported "would" with no condition anywhere in the sentence."""
    if not any(c.dep_ == "aux" and c.lower_ in {"would", "'d"} for c in verb.children):
        return False
    return not any(t.lower_ in {"if", "unless", "were"} for t in verb.sent)


def _is_hypothetical(verb: Token) -> bool:
    current = verb
    for _ in range(3):
        children = list(current.children)
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_AUX for c in children):
            return True
        if current.dep_ == "xcomp" and current.head.lower_ == "were":
            current = current.head
            continue
        if current.dep_ not in {"xcomp", "conj"}:
            break
        current = current.head
    return False


def _reporter(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a speech verb that governs this clause, and whether that verb is a denial."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            objects = [g for c in child.children for g in ([c] if c.dep_ == "pobj" else c.children)
                       if g.dep_ == "pobj"]
            if objects:
                return objects[0], False
    if verb.dep_ == "pcomp" and verb.head.head.lower_ in ACCUSING and verb.head.head.i != verb.head.i:
        return _subject(verb.head.head), False
    for child in verb.children:
        trailing = child.dep_ in {"parataxis", "advcl", "ccomp"} and child.lower_ in SPEECH_VERBS and child.i > verb.i
        if trailing and not any(g.dep_ == "ccomp" for g in child.children):
            subject = _subject(child)
            if subject is not None:
                return subject, False
    current = verb
    for _ in range(8):
        head = current.head
        if head.i == current.i:
            return None, False
        lower = head.lower_
        if current.dep_ in {"ccomp", "xcomp", "conj", "parataxis"} and (lower in SPEECH_VERBS or lower in DENIAL_VERBS):
            subject = _subject(head)
            if subject is not None:
                return subject, lower in DENIAL_VERBS
        current = head
    return None, False


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if verb.dep_ in {"conj", "xcomp", "advcl", "acl"} and verb.head.i != verb.i:
        return _subject(verb.head)
    return None
