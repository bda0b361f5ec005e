"""Finding an event's target when no rule of its trigger names one: the one a complement or purpose clause aims
at ("demanded that Moscow withdraw"), else the nearest actor below the trigger that is not its source."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..resolve import BODY_SECTOR
from ._args import conjuncts, phrase_actors, unnamed_only
from ._lexicon import lexicon
from ._vocabulary import RECEIVING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resolve import ActorSlot as _Slot
    from ..resolve import DocActors

__all__ = ["complement_target", "first_actor", "locative_prep", "nearest_target", "other_actor", "other_country",
           "subject_here"]


def complement_target(verb: Token, source: list[_Slot], actors: DocActors, *, own_side: bool = False
                      ) -> list[_Slot]:
    """ "demanded that Moscow withdraw": the one who must act; "threatened to impose sanctions on Iraq",
    "pledged to send grain to Gabon": the one the intended act is aimed at. With ``own_side`` (a threat) the
    subject of a complement that names an act, when it can be the threatener's side, is that side, and the act's
    target is the target ("warned that Iran would cut its cooperation with the agency": the agency, never Iran)."""
    for child in verb.children:
        purpose = child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if child.dep_ not in {"xcomp", "ccomp"} and not purpose:
            continue
        if child.dep_ == "ccomp":
            subject = [t for t in subject_here(child, actors) if t not in source]
            if subject and own_side and _names_act(child) and _same_side(subject, source):
                aimed = first_actor(child, [*source, *subject], actors, skip_subjects=True,
                                    keep=lambda t, side=subject: other_country(t, side))  # type: ignore[misc]
                if aimed:
                    return aimed
                continue
            if subject:
                return subject
        found = first_actor(child, source, actors, skip_subjects=True, places=True)
        if found:
            return found
    return []


def _same_side(subject: list[_Slot], source: list[_Slot]) -> bool:
    """Whether a clause's subject can be the speaker's own side: of the speaker's country, or the speaker is of
    none that the text names ("the envoy threatened that Pakistan would …"; not "China warned that Australia's
    plan threatens …")."""
    return all(s.entry.country is None for s in source) or any(not other_country(t, source) for t in subject)


def _names_act(verb: Token) -> bool:
    """Whether a verb is a trigger its subject carries out ("cut", "strike"; not "face", "pay", "receive", nor a
    passive: "would be arrested")."""
    active = any(c.dep_ == "nsubj" for c in verb.children) and not any(c.dep_ == "auxpass" for c in verb.children)
    return active and verb.lower_ in lexicon().verbs and verb.lower_ not in RECEIVING


def subject_here(verb: Token, actors: DocActors) -> list[_Slot]:
    """The actors of a clause's own subject (no climbing to the clause above)."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return phrase_actors(child, actors)
    return []


def nearest_target(verb: Token, source: list[_Slot], actors: DocActors, *, aims: bool = False,
                   yields: bool = False) -> list[_Slot]:
    """The closest actor below the trigger that is not its source: the fallback when no rule names a target.
    With ``aims`` a participle or purpose clause may name it too ("rallied, calling for autonomy from
    Madrid")."""
    skip = {"ccomp", "parataxis", "relcl"} if aims else {"advcl", "ccomp", "parataxis", "relcl"}
    found = first_actor(verb, source, actors, skip_subjects=True, skip=skip, yields=yields)
    if found or unnamed_only(source):
        return found  # a crowd's place is no target of its own ("farmers protested in Paris")
    return first_actor(verb, source, actors, skip_subjects=True, skip=skip, places=True, yields=yields,
                       keep=lambda t: t.entry.kind == "state" and other_country(t, source))


def first_actor(head: Token, source: list[_Slot], actors: DocActors, *, skip_subjects: bool,
                 skip: frozenset[str] | set[str] = frozenset(), places: bool = False,
                 keep: Callable[[_Slot], bool] | None = None, yields: bool = False) -> list[_Slot]:
    """Breadth-first below ``head``: the first phrase that stands for an actor other than the source (and, given
    ``keep``, one it keeps), past no clause of reason or time (``yields``: of reason)."""
    queue = [c for c in head.children if not (skip_subjects and c.dep_ in _ARG_SUBJECTS) and c.dep_ not in skip
             and (places or not locative_prep(c)) and c.lower_ != "according"  # a source of news, no party
             and not _side_clause(c, yields=yields)]
    while queue:
        token = queue.pop(0)
        if token.dep_ not in {"punct", "cc", "det"} and not _speaking_body(token):
            found = [t for t in conjuncts(token, actors) if t not in source and other_actor(t, source)
                     and (keep is None or keep(t))]
            if found:
                return found
        queue += [c for c in token.children if c.dep_ not in skip and c.dep_ != "conj"
                  and (places or not locative_prep(c)) and not _side_clause(c, yields=yields)]
    return []


def _side_clause(token: Token, *, yields: bool) -> bool:
    """ "because the files were kept in Panama", "days after Minsk diverted a jet": a clause of reason, concession or
    time says why or when, not at whom (a condition may: "threatened to quit the talks if the United States …"; and
    with ``yields`` a time may: "scrapped the tax after thousands took to the streets")."""
    marks = _REASON_MARKS if yields else _REASON_MARKS | _TIME_MARKS
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)


_REASON_MARKS = frozenset({"because", "since", "as", "although", "though", "whereas"})
_TIME_MARKS = frozenset({"while", "when", "whenever", "after", "before", "once"})


def _speaking_body(token: Token) -> bool:
    """ "in what officials called …": a body named by a common noun as the subject of a clause below the
    trigger speaks or acts there; it is not what the trigger aims at."""
    return token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ in BODY_SECTOR and token.tag_.startswith("NN")


_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "throughout", "within",
                          "during", "after", "before", "since", "until", "amid", "despite"})


def locative_prep(token: Token) -> bool:
    """ "protested in Paris": a place or a time is no target ("in protest at X" is no place)."""
    # "after reaching a deal with X": the preposition's clause may name the cause too
    objects = [g for c in token.children for g in ([c] if c.dep_ == "pobj" else c.children if c.dep_ == "pcomp"
                                                   else []) if g.dep_ in {"pobj", "dobj"} or g is c]
    return (token.dep_ == "prep" and token.lower_ in _PLACE_PREPS
            and not any(o.lower_ in _CAUSES for o in objects))


def other_actor(slot: _Slot, source: list[_Slot]) -> bool:
    """Whether an actor is none of the source's actors."""
    return all(s.id != slot.id and s.entry.key != slot.entry.key for s in source)


def other_country(slot: _Slot, source: list[_Slot]) -> bool:
    """Whether an actor is of no country of the source's (a stateless one always is); rebels, crowds and other
    groups that do not govern their country may act against it ("the Taliban stormed a base in Afghanistan")."""
    return slot.entry.country is None or all(
        s.entry.country != slot.entry.country or s.entry.sector in _NOT_GOVERNING for s in source)


#: Sectors of actors that are of a country without standing for it.
_NOT_GOVERNING = frozenset({"REB", "CVL", "OPP", "NGO", "LAB", "REF", "EDU", "MED", "BUS"})


#: "in protest at", "in defiance of", "in response to", "after talks with", "after a deal with": a phrase of cause,
#: not of place.
_CAUSES = frozenset({"protest", "defiance", "response", "retaliation", "solidarity", "support", "opposition",
                     "reprisal", "revenge", "talks", "negotiations", "deliberations", "consultations", "meeting",
                     "meetings", "discussions", "pressure", "demands", "agreement", "agreements", "deal", "accord"})


_ARG_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
