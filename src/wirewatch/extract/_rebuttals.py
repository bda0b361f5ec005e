"""A party's answer to a claim: rejecting, disputing or casting doubt on it, calling it false or contradictory, or
denying any part in what it tells. Each is a REJECT by the one who answers (CAMEO 120; the PLOVER manual lets CAMEO
016, "deny responsibility", count as REJECT), aimed at the claim's author when the sentence names one. Declining
to comment, having no information or being unable to confirm answers nothing: no event, and never a denial."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..annotate import tokens
from ._args import conjuncts, prep_objects, subject_actors
from ._candidate import Candidate, unique
from ._lexicon import Trigger, inflections
from ._modality import CALLING_VERBS, CLAIM_NOUNS, FALSE_WORDS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..resolve import ActorSlot as _Slot
    from ..resolve import DocActors

__all__ = ["DOUBTFUL", "no_comment", "rebuttals"]


def _forms(*verbs: str) -> frozenset[str]:
    return frozenset(form for verb in verbs for form in inflections(verb))


#: Words that cast doubt on a claim without calling it false: "pointed to conflicting statements".
DOUBTFUL = frozenset({"conflicting", "contradictory", "contradicting", "inconsistent", "unverified",
                      "unsubstantiated", "unproven", "speculative", "dubious", "doubtful", "questionable",
                      "unreliable", "far-fetched", "exaggerated", "politicised", "politicized"})
_JUDGED = FALSE_WORDS | DOUBTFUL
#: What a speaker must call the claims it points to: "pointed to unverified reports that …" may cite them.
_CONTRADICTED = FALSE_WORDS | {"conflicting", "contradictory", "contradicting", "inconsistent"}
#: What an answer takes on: a claim, or the statements and remarks that make it.
_SAID = CLAIM_NOUNS | {"statement", "statements", "remarks", "assertion", "assessment", "assessments"}
#: A part in an act that a party denies: "denied any involvement", "there is no evidence of its involvement".
_PART = frozenset({"involvement", "role", "part", "responsibility", "complicity", "participation", "link", "links",
                   "connection", "connections"})
_GROUNDS = frozenset({"basis", "truth", "substance", "foundation", "grounds", "evidence", "proof"})
_REBUTTING = _forms("deny", "refute", "rebut", "dispute", "contest", "question", "reject", "dismiss")
_DENYING = _forms("deny", "reject")
_POINTING = _forms("point", "refer", "speak", "talk", "note")
_CASTING = _forms("cast", "raise", "throw")
_SAYING = SPEECH_VERBS | _forms("answer", "reply", "respond", "retort", "counter", "insist", "maintain", "tell")
_HAVING, _PLAYING = _forms("have"), _forms("play")
#: Acts a party may decline without denying anything: "declined to comment on the reports".
_NO_COMMENT = frozenset({"comment", "confirm", "elaborate", "speculate", "disclose", "specify", "say"})
#: Answering, which declined is no comment when it answers questions or a claim ("refused to respond to questions
#: about the reports"), but a refusal when it answers a request or a demand.
_ANSWERING = frozenset({"respond", "reply", "answer"})
_QUESTIONS = frozenset({"question", "questions", "query", "queries", "inquiry", "inquiries", "enquiry", "enquiries"})
_DECLINING = _forms("decline", "refuse", "fail")
_REJECT = "REJECT", "120"


def no_comment(trigger: Token) -> bool:
    """ "declined to comment on the reports", "refused to confirm": a refusal to speak, which denies nothing (told
    by the refusing verb or by the act refused)."""
    if trigger.lower_ in _DECLINING:
        return any(c.dep_ == "xcomp" and _speaking(c) for c in trigger.children)
    return trigger.dep_ == "xcomp" and trigger.head.lower_ in _DECLINING and _speaking(trigger)


def _speaking(verb: Token) -> bool:
    """Commenting, confirming, or answering questions or a claim (not a request)."""
    if verb.lower_ in _NO_COMMENT:
        return True
    answered = [c for c in verb.children if c.dep_ == "dobj"] + _pobjects(verb)
    return verb.lower_ in _ANSWERING and all(a.lower_ in _QUESTIONS | _SAID for a in answered)


def rebuttals(sent: Span, actors: DocActors, taken: set[int]) -> list[Candidate]:
    """Every answer to a claim in a sentence (see the module doc), by its verb, with the answerer as source."""
    out = []
    for verb in tokens(sent):
        if not verb.tag_.startswith("VB") or verb.i in taken:
            continue
        answered = _answered(verb)
        source = unique(subject_actors(verb, actors)) if answered is not None else []
        if answered is None or not source:
            continue
        target = [t for t in _authors(answered, actors) if t not in source]
        rule = Trigger("V", verb.lower_, None, _REJECT[0], None, _REJECT[1], frozenset())
        out.append(Candidate(verb, rule, tuple(source), tuple(unique(target)), nominal=False))
        taken.add(verb.i)
    return out


def _answered(verb: Token) -> Token | None:
    """What a verb answers: the claim (or the part in an act) it rejects, judges, casts doubt on or says is false."""
    if verb.lower_ in _SAYING:
        said = next((found for c in verb.children if c.dep_ == "ccomp" for found in [_false_clause(c)] if found), None)
        if said is not None:
            return said
    return _taken_on(verb, [c for c in verb.children if c.dep_ == "dobj"])


def _taken_on(verb: Token, objects: list[Token]) -> Token | None:
    """ "denied the accusations", "called the claims baseless", "pointed to conflicting statements", "cast doubt on
    the reports", "denied any involvement": the claim, or the part in an act, a verb takes on."""
    low = verb.lower_
    if low in _REBUTTING:
        found = next((o for o in objects if o.lower_ in _SAID or (low in _DENYING and o.lower_ in _PART)), None)
        if found is not None:
            return found
    judged = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "acomp", "ccomp"} and c.lower_ in _JUDGED]
    if low in CALLING_VERBS and judged:  # "called the claims baseless" (or the claims the judgement's subject)
        held = objects + [c for j in judged for c in j.children if c.dep_ == "nsubj"]
        return next((o for o in held if o.lower_ in _SAID), None)
    if low in _POINTING:
        return next((o for o in (*objects, *_pobjects(verb)) if o.lower_ in _SAID and _judged(o)), None)
    if low in _CASTING and any(o.lower_ in {"doubt", "doubts"} for o in objects):
        held = [p for o in objects for p in _pobjects(o)] + _pobjects(verb)
        return next((p for p in held if p.lower_ in _SAID), None)
    return None


def _false_clause(clause: Token) -> Token | None:
    """ "(said) the reports were false", "there was no basis for the claims", "it had nothing to do with the attack",
    "it played no role in it", "the claims have no basis": a clause that denies a claim or a part in an act."""
    if any(c.dep_ == "neg" for c in clause.children):
        return None
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "expl"}), None)
    said = subject is not None and subject.lower_ in _SAID
    for child in clause.children:
        if said and child.dep_ in {"acomp", "attr"} and child.lower_ in _JUDGED:
            return subject
        if child.dep_ in {"attr", "dobj"} and child.lower_ in _GROUNDS and _none(child):
            if said and clause.lower_ in _HAVING:
                return subject
            return next((p for p in _pobjects(child) if p.lower_ in _SAID | _PART), None)
        if child.dep_ == "dobj" and clause.lower_ in _HAVING and child.lower_ == "nothing" and _to_do_with(child):
            return child
        if child.dep_ == "dobj" and clause.lower_ in _PLAYING and child.lower_ in {"role", "part"} and _none(child):
            return child
    return None


def _none(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _to_do_with(nothing: Token) -> bool:
    """ "nothing to do with …" """
    return any(c.lower_ == "do" and any(g.dep_ == "prep" and g.lower_ == "with" for g in c.children)
               for c in nothing.children)


def _judged(noun: Token) -> bool:
    """ "conflicting statements", "unfounded claims": a claim its modifier calls false or contradictory."""
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in _CONTRADICTED for c in noun.children)


def _pobjects(token: Token) -> list[Token]:
    """The objects of a token's prepositions ("pointed to …", "doubt on …", "basis for …")."""
    return [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]


def _authors(answered: Token, actors: DocActors) -> list[_Slot]:
    """Who made the claim, when the sentence says so: "Kyiv's claims", "the Ukrainian claims", "claims by Kyiv"."""
    if answered.lower_ not in _SAID:
        return []  # a part in an act names the act's sides, not the accuser
    found: list[_Slot] = []
    for child in answered.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            found += conjuncts(child, actors)
        elif child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            found += prep_objects(child, actors)
    return found
