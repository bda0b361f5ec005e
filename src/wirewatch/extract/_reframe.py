"""An event record from a candidate: its reframing (a future act, a refusal, a deployment), date, place and
confidence."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..records import Event
from ._args import governing_verb as _governing_verb
from ._args import through_of as _through_of
from ._candidate import Candidate as _Candidate
from ._dates import date_entities, resolve_date
from ._derived import VERBAL_ATTACKS as _VERBAL_ATTACKS
from ._lexicon import crosswalk, inflections, lexicon, quad_class
from ._modality import DENIAL_VERBS, Framing, framing, wished
from ._places import where as _where
from ._vocabulary import (
    CODER_NAME,
    FAILING,
    FORCES,
    FUTURE_TO_AGREE,
    FUTURE_TO_THREAT,
    LEARNED_CODER,
    LIGHT_VERBS,
    ORDERING,
    PEACEKEEPING,
    REFUSABLE,
    YIELD_INTENT,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resolve import ActorSlot as _Slot
    from ..resolve import DocActors


def _event(c: _Candidate, actors: DocActors, published: date | None, number: int) -> Event | None:
    frame = framing(c.trigger, presupposed=c.nominal and _presupposes(c.trigger))
    construed = _construed(c)
    if construed is None:
        return None
    etype, mode, code = _intended(c, frame, *construed)
    modality = frame.modality
    if etype in REFUSABLE and c.trigger.dep_ == "xcomp" and c.trigger.head.lower_ in FAILING:
        # "failed to reach an agreement", "declined to meet": no act, but a refusal
        etype, mode, code = "REJECT", None, "120"
        if modality == "negated":  # the refusal itself happened, as its reporter tells it
            modality = "reported" if frame.reporter is not None else "asserted"
    if modality == "negated" and frame.future and etype in REFUSABLE:
        # "will not accept more refugees", "would not meet the envoy": a refusal, which PLOVER codes REJECT
        etype, mode, code, modality = "REJECT", None, "120", "asserted"
    xw = crosswalk()[code]
    according = actors.actor_at(frame.reporter) if frame.reporter is not None else None
    if modality == "negated" and not frame.future and according is not None and _own_act(according, c):
        modality = "denied"  # "Iran said it had not sent drones": a party that says its act did not happen denies it
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
    confidence = _confidence(c)
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


def _own_act(speaker: _Slot, c: _Candidate) -> bool:
    """Whether the one who tells an act is its doer or speaks for the doer's country."""
    country = speaker.entry.country
    return speaker in c.source or (country is not None and any(s.entry.country == country for s in c.source))


def _construed(c: _Candidate) -> tuple[str, str | None, str] | None:
    """The type, mode and CAMEO code the trigger's construction gives its row (None: no event at all)."""
    rule = c.rule
    etype, mode, code = rule.type, rule.mode, rule.cameo
    attack = c.trigger.lower_ in _VERBAL_ATTACKS or any(
        o.dep_ == "dobj" and o.lower_ in _VERBAL_ATTACKS for o in c.trigger.children)  # "launched an attack"
    if etype == "ASSAULT" and attack and (_verbal(c) or _worded(c.trigger)):
        etype, mode, code = "ACCUSE", "disapprove", "111"
    if etype == "CONSULT" and mode == "visit" and not c.nominal:
        if code == "042" and _no_visitor(c.trigger):
            return None  # migrants or a craft travel; hosting ("demonstrators received the ministers") stands
        arriving = _arriving_force(c.trigger)
        if arriving is not None:
            etype, mode, code = arriving
    if etype == "MOBILIZE" and _peacekeeping(c.trigger):
        etype, mode, code = "AID", None, "074"  # "sent troops to Liberia on a peacekeeping mission"
    if etype in {"CONSULT", "REQUEST"} and c.trigger.lower_ in _CALLS:
        etype, mode, code = _call_content(c.trigger) or (etype, mode, code)
    if etype == "REQUEST" and c.trigger.lower_ in ORDERING:
        etype, mode, code = _ordered_restriction(c.trigger) or (etype, mode, code)
    return etype, mode, code


def _intended(c: _Candidate, frame: Framing, etype: str, mode: str | None, code: str
              ) -> tuple[str, str | None, str]:
    """An act to come or held over a condition, as PLOVER codes the intent: AGREE or THREATEN."""
    if frame.modality == "future" and etype in FUTURE_TO_AGREE:
        return "AGREE", None, "030"
    if frame.modality == "future" and etype in {"RETREAT", "CONCEDE"} and mode != "resign":
        # CAMEO 035: an intent to yield, release or withdraw is an agreement until it is carried out
        return "AGREE", None, YIELD_INTENT.get(mode or "", "035")
    if frame.modality == "future" and etype in FUTURE_TO_THREAT:
        # an announced blockade, boycott, sanction or attack is a threat until it happens
        return ("THREATEN", *FUTURE_TO_THREAT[etype])
    if frame.modality == "hypothetical" and etype in FUTURE_TO_THREAT and (
            _conditioned(c.trigger) or wished(c.trigger)) and not _speculated(frame):
        # "may halt mediation if cooperation founders": a sanction held over a condition is a threat, and so is
        # an attack its doer says it wants
        return ("THREATEN", *FUTURE_TO_THREAT[etype])
    return etype, mode, code


#: Speakers who foresee rather than speak for a side: their "could … if" is a forecast, not a threat.
_ONLOOKERS = frozenset({"analyst", "analysts", "expert", "experts", "observer", "observers", "commentator",
                        "commentators", "economist", "economists", "scholar", "scholars", "researcher", "researchers",
                        "pundit", "pundits", "academic", "academics", "historian", "historians", "specialist",
                        "specialists", "forecaster", "forecasters", "strategist", "strategists"})


def _speculated(frame: Framing) -> bool:
    """ "Iranians could take to the streets if prices rise, analysts said": a condition that onlookers foresee is no
    threat by the doer; one told by a side ("two EU diplomats said", "a spokesman said") is."""
    return frame.reporter is not None and frame.reporter.lower_ in _ONLOOKERS


def _confidence(c: _Candidate) -> float:
    """How sure the coder is of a candidate: named sides raise it; a noun, a classifier's guess or an inferred side
    lower it."""
    confidence = 0.5 + (0.25 if c.source else 0.0) + (0.15 if c.target else 0.0) - (0.1 if c.nominal else 0.0)
    if c.learned is not None:  # the classifier's word counts for less than the lexicon's
        confidence -= 0.25 * (1.0 - c.learned) + 0.1
    if c.inferred:
        confidence -= 0.2
    return confidence


_CALLS = frozenset(inflections("call") | inflections("phone") | inflections("telephone") | inflections("ring"))
#: Words that make a name a praise ("called him a true friend"); any other name called is a criticism.
_PRAISE = frozenset({"friend", "friends", "ally", "allies", "partner", "partners", "brother", "brothers", "hero",
                     "heroes", "model", "example", "success", "champion", "visionary", "good", "great", "true",
                     "reliable", "trusted", "strategic", "important", "valuable", "dear", "close", "best"})
#: What a call made to do so does: praise (CAMEO 051) or apologise (055).
_CALLED_TO = {**{form: "051" for verb in ("congratulate", "thank", "praise", "commend", "hail", "welcome")
                 for form in inflections(verb)},
              **{form: "055" for verb in ("apologize", "apologise") for form in inflections(verb)}}


_EXPRESSING = frozenset(inflections("express") | inflections("offer") | inflections("convey"))
_SYMPATHY = frozenset({"support", "solidarity", "condolences", "sympathy", "sympathies", "gratitude", "thanks",
                       "congratulations", "appreciation"})


def _called_name(call: Token) -> Token | None:
    """The name given in "called his rival a liar": a common noun predicated of the object, however parsed (the
    name as predicate beside an object, or as an indefinite apposition to the object)."""
    objects = [c for c in call.children if c.dep_ in {"dobj", "oprd"}]
    if len(objects) == 2 and objects[1].dep_ == "oprd" and objects[1].tag_ in {"NN", "NNS"}:
        return objects[1]
    return next((a for o in objects for a in o.children if a.dep_ == "appos" and a.tag_ in {"NN", "NNS"}
                 and any(d.lower_ in {"a", "an"} for d in a.children)), None)


def _call_content(call: Token) -> tuple[str, str | None, str] | None:
    """ "called his rival a liar" (ACCUSE) or "a true friend" (SUPPORT): a name given; "phoned Ruto to
    congratulate him": a call whose purpose is praise or apology is coded for what it says (SUPPORT)."""
    named = _called_name(call)
    if named is not None:
        praised = named.lower_ in _PRAISE or any(c.lower_ in _PRAISE for c in named.children)
        return ("SUPPORT", None, "051") if praised else ("ACCUSE", "disapprove", "111")
    for child in call.children:
        if child.dep_ in {"xcomp", "advcl"} and child.lower_ in _CALLED_TO:
            return "SUPPORT", None, _CALLED_TO[child.lower_]
        if child.dep_ in {"xcomp", "advcl"} and child.lower_ in _EXPRESSING and any(
                o.dep_ == "dobj" and o.lower_ in _SYMPATHY for o in child.children):
            return "SUPPORT", None, "051"  # "phoned him to express his support", "… to offer condolences"
    return None


#: What an order makes its object do that restricts it: shut or suspend (CAMEO 172), or leave (174, expulsion).
_RESTRICTIONS = {
    **{form: ("restrict", "172") for verb in ("suspend", "close", "shut", "halt", "cease", "disband", "dissolve",
                                               "stop", "vacate", "evict") for form in inflections(verb)},
    **{form: ("deport", "174") for form in inflections("leave")},
}


def _ordered_restriction(order: Token) -> tuple[str, str | None, str] | None:
    """ "ordered the weekly to suspend publication", "ordered the reporter to leave the country": an order that
    closes, suspends or expels its object is coercion (COERCE), not a request."""
    for child in order.children:
        if child.dep_ in {"xcomp", "ccomp"} and child.lower_ in _RESTRICTIONS:
            return ("COERCE", *_RESTRICTIONS[child.lower_])
    return None


def _arriving_force(verb: Token) -> tuple[str, str | None, str] | None:
    """ "UN peacekeepers arrived in Goma": troops that arrive are no visit but a deployment, of
    peacekeepers (AID) or of a force (MOBILIZE)."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or _through_of(subject).lower_ not in FORCES and subject.lower_ not in FORCES:
        return None
    if any(t.lower_ in PEACEKEEPING for t in subject.subtree):
        return "AID", None, "074"
    return "MOBILIZE", None, "150"


#: Who travels without visiting anyone: migrants and craft ("300 migrants arrived", "a plane flying to X").
_NO_VISITORS = frozenset({"migrants", "refugees", "asylum-seekers", "tourists", "pilgrims", "passengers", "travellers",
                         "travelers", "plane", "planes", "airliner", "airliners", "flight", "flights", "vessel",
                         "vessels", "tanker", "tankers", "freighter", "ferry", "boat", "boats", "train", "convoy"})


def _no_visitor(verb: Token) -> bool:
    """Whether a verb of travel has migrants or a craft for its traveller: a movement, no visit."""
    traveller = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return traveller is not None and _through_of(traveller).lower_ in _NO_VISITORS


def _peacekeeping(trigger: Token) -> bool:
    """Whether a deployment is of peacekeepers or monitors: its clause names them or their mission."""
    clause = trigger if trigger.tag_.startswith("VB") else trigger.head
    return any(t.lower_ in PEACEKEEPING for t in clause.subtree)


def _presupposes(noun: Token) -> bool:
    """ "has never supported Russia's invasion": an event verb of its own takes the named act as given."""
    verb = _governing_verb(noun)
    lower = verb.lower_ if verb is not None else ""
    return lower in lexicon().verbs and lower not in LIGHT_VERBS and lower not in DENIAL_VERBS


def _conditioned(trigger: Token) -> bool:
    """Whether an "if"/"unless" clause hangs from the trigger's clause."""
    verb = trigger if trigger.tag_.startswith("VB") else trigger.head
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
               for c in verb.children)


def _verbal(c: _Candidate) -> bool:
    """ "Milei attacked Lula": one civilian person attacking another does so in words."""
    people = [*c.source, *c.target]
    return bool(c.target) and all(s.entry.kind == "person" and s.entry.sector not in {"MIL", "REB"} for s in people)


#: Words that make an attack one of words: "a scathing attack on the bank", "attacked …, calling it a farce".
_WORDED = frozenset({"verbal", "scathing", "blistering", "stinging", "withering", "rhetorical", "personal",
                     "bitter", "furious", "thinly-veiled", "veiled", "extraordinary", "vitriolic", "caustic",
                     "calling", "saying", "accusing", "describing", "branding", "labelling", "labeling", "dubbing",
                     "denouncing", "deriding"})


def _worded(attack: Token) -> bool:
    """Whether an attack is made in words: a modifier says so, or a verb of speech goes with it."""
    verb = attack if attack.tag_.startswith("VB") else attack.head
    nouns = [attack, *(o for o in attack.children if o.dep_ == "dobj")]
    return any(c.dep_ == "amod" and c.lower_ in _WORDED for n in nouns for c in n.children) or any(
        c.dep_ == "advcl" and c.tag_ == "VBG" and c.lower_ in _WORDED for c in verb.children)


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
