"""How sure an event is: asserted, reported (and by whom), negated, future, hypothetical or denied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._args import ACCUSING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["CALLING_VERBS", "CLAIM_NOUNS", "DENIAL_VERBS", "FALSE_WORDS", "Framing", "SPEECH_VERBS", "danger_clauses",
           "denied_gerund", "disowns", "framing", "warning_only", "wished"]

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
                           "scheduled", "poised", "agree", "agreed", "agrees", "vow", "vowed",
                           "pledge", "pledged", "promise", "promised", "seek", "seeks", "sought", "aim", "aims",
                           "willing", "ready", "prepared", "committed", "determined", "eager", "keen", "offer",
                           "offered"})


#: Predicates that put a named event in the future: "a meeting is planned", "talks are expected next week", "the
#: visit, scheduled for May", and the modifiers that do the same: "the planned visit", "upcoming talks".
_PLANNED = frozenset({"planned", "expected", "scheduled", "due", "set", "slated", "proposed", "envisaged",
                      "foreseen", "mooted", "pencilled", "penciled", "tipped", "likely", "upcoming", "forthcoming",
                      "prospective", "anticipated", "intended"})
#: Nouns that report a claim: "denied allegations that X sent weapons" denies the sending.
CLAIM_NOUNS = frozenset({"allegation", "allegations", "claim", "claims", "accusation", "accusations", "report",
                         "reports", "charge", "charges", "suggestion", "suggestions", "assertion", "assertions",
                         "rumour", "rumours", "rumor", "rumors", "speculation"})
#: Words that call a claim false: "allegations that X sent weapons are groundless".
FALSE_WORDS = frozenset({"groundless", "baseless", "unfounded", "false", "untrue", "fabricated", "fabrication", "lies",
                        "lie", "nonsense", "absurd", "ridiculous", "fake", "invented", "slander", "slanderous",
                        "misleading", "incorrect", "wrong", "smear", "fiction", "preposterous"})
#: Verbs that describe a claim as false given a word of :data:`FALSE_WORDS`: "called the allegations baseless".
CALLING_VERBS = frozenset({"call", "called", "calls", "calling", "describe", "described", "describes", "brand",
                          "branded", "brands", "term", "termed", "terms", "label", "labelled", "labeled", "dub",
                          "dubbed", "consider", "considered", "considers", "find", "found"})


#: Heads after which an infinitive happened ("continued to strike", "decided to lift the curfew": a decision taken
#: is the act, as the CAMEO codebook codes it); any other infinitive is an intention.
_ACHIEVED_HEADS = frozenset({"continue", "continued", "continues", "began", "begin", "begins", "started",
                             "start", "starts", "managed", "manage", "used", "went", "kept", "tried", "came",
                             "attempted", "attempt", "attempts", "sought", "failed", "proceeded",
                             "decided", "decide", "decides", "begun", "beginning", "starting", "continuing",
                             "launched", "staged", "held", "stopped", "shunned", "organized", "organised"})


@dataclass(frozen=True, slots=True)
class Framing:
    """The modality of one event and, when reported, the token of whoever reports it."""

    modality: str
    reporter: Token | None
    future: bool


def framing(trigger: Token, *, presupposed: bool = False) -> Framing:
    """Work out the modality of the event whose trigger is ``trigger``; a ``presupposed`` event noun ("never
    supported Russia's invasion") takes the reporter of its clause but not the negation of the verb it hangs from."""
    verb = _clause_verb(trigger)
    future = _is_future(verb) or _planned(trigger)
    hypothetical = _is_hypothetical(verb)
    reporter, denied = _reporter(verb)
    if not denied:
        reporter, denied = _disclaimed(trigger, reporter)
    if hypothetical and reporter is not None and _future_in_the_past(verb):
        hypothetical, future = False, True
    negated = any(c.dep_ == "neg" for c in trigger.children) or (
        not presupposed and (any(c.dep_ == "neg" for c in verb.children) or _none_took_part(verb, trigger))
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
    elif reporter is not None or _hearsay(verb) or _in_claim(verb):
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


def _none_took_part(verb: Token, trigger: Token) -> bool:
    """ "No talks were held", "sent no troops", "Neither Russia nor Ukraine attacked", "failed to capture": the
    act named did not happen."""
    if verb.dep_ == "xcomp" and verb.head.lower_ in _FAILED:
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.lower_ in _PREVENTING:
        return True  # "prevented aid agencies from delivering food": the delivery did not happen
    parts = [trigger, *(c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"})]
    return any(g.lower_ in {"no", "neither"} and g.dep_ in {"det", "preconj"} for p in parts for g in p.children)


_FAILED = frozenset({"fail", "fails", "failed", "failing"})
_PREVENTING = frozenset(f"{stem}{end}" for stem in ("prevent", "stopp", "barr", "block", "ban", "prohibit", "deterr",
                                                    "restrain", "dissuad", "discourag")
                        for end in ("ed", "ing")) | {"prevent", "prevents", "stop", "stops", "bar", "bars", "ban",
                                                     "bans", "block", "blocks", "prohibit", "prohibits", "kept",
                                                     "keep", "keeps", "keeping"}


def _planned(trigger: Token) -> bool:
    """ "A meeting is planned", "talks are expected next week", "the visit, scheduled for May", "the planned
    visit": an event noun that a predicate or modifier puts in the future."""
    if trigger.tag_.startswith("VB"):
        return False
    if any(c.dep_ in {"amod", "acl"} and c.lower_ in _PLANNED for c in trigger.children):
        return True
    if trigger.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = trigger.head
    return head.lower_ in _PLANNED or any(c.dep_ in {"acomp", "attr", "xcomp"} and c.lower_ in _PLANNED
                                          for c in head.children)


def _disclaimed(trigger: Token, reporter: Token | None) -> tuple[Token | None, bool]:
    """ "denied allegations that X sent weapons", "allegations that X sent weapons are groundless": an event told
    in a claim that someone denies or calls false is denied, according to that someone (the one who says so)."""
    verb = _clause_verb(trigger)
    claim = verb.head if verb.dep_ in {"acl", "ccomp"} and verb.head.lower_ in CLAIM_NOUNS else None
    if claim is None:
        return reporter, False
    holder = claim.head
    if claim.dep_ in {"dobj", "conj"} and holder.lower_ in DENIAL_VERBS:
        return _subject(holder), True
    falsified = any(t.lower_ in FALSE_WORDS for t in holder.subtree if t.i not in {t2.i for t2 in verb.subtree})
    if falsified and claim.dep_ in {"nsubj", "nsubjpass"}:
        return reporter, True  # "… are groundless, the ministry said": the one who says so denies it
    if falsified or (claim.dep_ == "dobj" and holder.lower_ in CALLING_VERBS and _false_inside(verb)):
        return _subject(holder), True
    return reporter, False


def _in_claim(verb: Token) -> bool:
    """ "pointed to reports that Russian troops had crossed", "an inquiry into claims that agents hacked": an act
    told only as what a report, claim or allegation says is reported, not asserted."""
    return verb.dep_ in {"acl", "ccomp"} and verb.head.lower_ in CLAIM_NOUNS


def _false_inside(verb: Token) -> bool:
    """ "called the allegations that it armed Russia baseless": the parser may hang the judgement in the claim."""
    return any(c.lower_ in FALSE_WORDS and c.dep_ in {"advmod", "acomp", "oprd", "amod", "xcomp"}
               for c in verb.children)


#: What a danger threatens, as opposed to whom a threat is made to: "the drills threaten regional stability".
_ENDANGERED = frozenset({"security", "stability", "peace", "safety", "sovereignty", "integrity", "existence",
                         "lives", "life", "future", "independence", "unity", "order", "economy", "interests",
                         "survival", "health", "environment", "balance", "recovery", "growth", "prosperity"})
_THREAT_MODALS = frozenset({"will", "would", "'ll", "'d", "shall", "could", "might", "may", "wo"})
_WARNING = frozenset({"warn", "warns", "warned", "warning"})
_WARNED_OF = frozenset({"of", "against", "about"})
_DANGER = frozenset({"threaten", "threatens", "threatened", "threatening", "endanger", "endangers",
                     "endangered", "jeopardise", "jeopardises", "jeopardised", "jeopardize", "jeopardizes",
                     "jeopardized"})


def warning_only(verb: Token) -> bool:
    """ "warned that their cooperation threatens Europe's security" names a danger: no threat by the speaker (one
    is "warned that it would retaliate", "warned Kyiv against", "warned of consequences"); nor is a danger to
    security or stability ("the drills threaten regional stability") a threat made to anyone."""
    if verb.lower_ in _DANGER:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return bool(objects) and objects[0].lower_ in _ENDANGERED
    if verb.lower_ not in _WARNING or any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in _WARNED_OF
                                          for c in verb.children):
        return False  # "warned of consequences", "warned Kyiv against", but not "warned on Thursday that"
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    addressed = any(c.dep_ in {"dobj", "dative"} for c in verb.children)
    if addressed and any(t.dep_ == "aux" and t.lower_ in _THREAT_MODALS and t.head.lower_ not in _UNBIDDEN
                         for t in verb.subtree):
        return False  # "warned Berlin in a letter that Washington would …", however the clause hangs
    return bool(clauses) and not any(_speaker_foretold(c, addressed=addressed) for c in clauses)


_HARMING = _DANGER | frozenset(f"{stem}{end}" for stem in ("undermine", "destabilise", "destabilize", "imperil",
                                                             "harm", "damage", "risk", "fuel", "provoke")
                               for end in ("", "s", "d", "ed"))


def danger_clauses(verb: Token) -> list[Token]:
    """The clauses of a warning that name a danger an act poses: "warned that Oslo's pipeline threatens …"."""
    return [c for c in verb.children if c.dep_ == "ccomp" and c.lower_ in _HARMING]


def _speaker_foretold(clause: Token, *, addressed: bool) -> bool:
    """ "… that it would retaliate", "… that its army will respond", "warned Kyiv that …would": an act to come
    that the speaker names as its own, or tells to the one it is aimed at."""
    if not any(c.dep_ == "aux" and c.lower_ in _THREAT_MODALS for c in clause.children):
        return False
    if clause.lower_ in _UNBIDDEN:
        return False  # "warned that the truce would collapse", "… that it would happen": no one's act
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "expl"}), None)
    if addressed or subject is None or subject.tag_ == "PRP" or subject.lower_ == "there":
        return True
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in subject.children):
        return True  # "its army will respond"
    return not any(t.ent_type_ in _NAMED for t in subject.subtree)  # "police will not tolerate", not "Russia could"


#: Verbs of what befalls, which no speaker does: a warning that one will come is no threat.
_UNBIDDEN = frozenset(form for verb in ("happen", "occur", "follow", "ensue", "collapse", "worsen", "deteriorate",
                                        "spread", "spiral", "rise", "fall", "grow", "increase", "suffer", "fail",
                                        "starve", "die", "perish", "backfire", "erupt")
                      for form in (verb, verb + "s", verb + "ed", verb[:-1] + "ed" if verb.endswith("e") else verb))
_NAMED = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})


def disowns(verb: Token) -> bool:
    """ "Iran rejected allegations that it sent missiles to Russia": a denial of a claim is aimed at whoever made
    it, never at an actor the claim names."""
    return verb.lower_ in DENIAL_VERBS and any(c.dep_ == "dobj" and c.lower_ in CLAIM_NOUNS for c in verb.children)


def denied_gerund(verb: Token) -> Token | None:
    """ "denied supplying missiles to Iran" parsed with the gerund as a modifier of the object: the denial verb."""
    if verb.tag_ != "VBG" or verb.dep_ != "amod" or verb.head.dep_ != "dobj":
        return None
    governor = verb.head.head
    return governor if governor.lower_ in DENIAL_VERBS else None


def _is_future(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children):
        return True
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i != verb.i and not any(
            c.dep_ in {"nsubj", "mark"} for c in verb.children):
        return _is_future(verb.head)  # "will extend the curfew, banning all gatherings": the adjunct is to come
    if verb.dep_ == "xcomp" and verb.head.lower_ in _FUTURE_HEADS:
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)  # "is said to have sent"
    return infinitive and not perfect and verb.head.lower_ not in _ACHIEVED_HEADS and not _passive_speech(verb.head)


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


def _hearsay(verb: Token) -> bool:
    """ "Iran allegedly supplied drones", "North Korea is believed to have sent shells": told as a claim whose
    source the sentence does not name."""
    if any(c.dep_ == "advmod" and c.lower_ in _HEARSAY for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and _passive_speech(verb.head)


def _passive_speech(verb: Token) -> bool:
    """ "is said", "was believed", "are reported": a verb of saying with no sayer."""
    return verb.lower_ in SPEECH_VERBS | {"suspected", "rumoured", "rumored", "understood", "known"} and any(
        c.dep_ == "auxpass" for c in verb.children)


_HEARSAY = frozenset({"allegedly", "reportedly", "purportedly", "supposedly", "reputedly", "ostensibly"})
#: Heads of a wish, whose complement may never happen: "Ukraine hopes to receive tanks".
_WISHING = frozenset({"hope", "hopes", "hoped", "hoping", "want", "wants", "wanted", "wanting", "wish", "wishes",
                      "wished", "like", "dream", "dreams", "dreamed"})


def wished(trigger: Token) -> bool:
    """ "Ukraine hopes to receive tanks", "wants to attack": an act its doer wishes for."""
    verb = _clause_verb(trigger)
    return verb.dep_ == "xcomp" and verb.head.lower_ in _WISHING


def _is_hypothetical(verb: Token) -> bool:
    if wished(verb):
        return True
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
        denier = denied_gerund(current) if current.dep_ == "amod" else None
        if denier is not None:
            return _subject(denier), True
        if current.dep_ == "xcomp" and _passive_speech(head):
            return None, False  # "is believed to have": no one named reports it
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
