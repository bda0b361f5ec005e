"""Events that other events or clauses imply: an accusation in naming another's attacks ("dwelt on the junta's
raids") or in alleging them, a demand in "X said Y must …", and a threat in "if X were to attack, Y
would respond, Z said"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..annotate import tokens
from ._args import governing_verb, phrase_actors, prep_objects, subject_actors
from ._candidate import Candidate, unique
from ._lexicon import Lexicon, Trigger, inflections, noun_rule
from ._targets import other_actor, other_country

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..resolve import DocActors

__all__ = ["HOSTILE", "VERBAL_ATTACKS", "accusations", "allegations", "conditional_threats", "incursions",
           "obligations", "superseded"]

#: The types of hostile acts, whose alleging or naming accuses their doer.
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"})
#: Attack verbs that are also said of words ("Milei attacked Lula").
VERBAL_ATTACKS = frozenset({"attack", "attacked", "attacks", "attacking", "hit", "hits", "hitting", "target",
                            "targeted", "targets", "slam", "slammed"})


def accusations(sent: Span, lex: Lexicon, actors: DocActors, taken: set[int]) -> list[Candidate]:
    """ "X dwelt on 'the junta's repeated raids'": a speaker who names another's attacks or
    repression accuses them (ACCUSE X → Y), when the verb that carries the naming is no event of its own."""
    out = []
    for noun in tokens(sent):
        if not noun.tag_.startswith("NN") or noun.lower_ not in lex.nouns:
            continue
        rule = noun_rule(noun, lex)
        if rule is None or rule.type not in {"ASSAULT", "COERCE"}:
            continue
        doers = [s for c in noun.children if c.dep_ in {"poss", "amod", "compound"} for s in phrase_actors(c, actors)]
        verb = governing_verb(noun)
        if not doers or verb is None or verb.i in taken or verb.lower_ in VERBAL_ATTACKS:
            continue
        speaker = [s for s in subject_actors(verb, actors) if all(other_actor(s, [d]) for d in doers)]
        if speaker and other_country(doers[0], speaker):
            accuse = Trigger("V", verb.lower_, None, "ACCUSE", "disapprove", "112", frozenset())
            out.append(Candidate(verb, accuse, tuple(speaker[:1]), tuple(unique(doers)), nominal=False))
            taken.add(verb.i)
    return out


def allegations(found: list[Candidate], actors: DocActors, taken: set[int]) -> list[Candidate]:
    """ "The ministry alleged that rebels had shelled the town": alleging another's attack is an accusation of
    them, besides the attack it reports."""
    out = []
    for c in found:
        head = c.trigger.head
        if (c.rule.type not in HOSTILE or c.trigger.dep_ != "ccomp" or head.lower_ not in _ALLEGING
                or head.i in taken or not c.source):
            continue
        speaker = [s for s in subject_actors(head, actors) if all(other_actor(s, [d]) for d in c.source)]
        if speaker and other_country(c.source[0], speaker):
            rule = Trigger("V", head.lower_, None, "ACCUSE", "allege", "112", frozenset())
            out.append(Candidate(head, rule, tuple(speaker[:1]), c.source, nominal=False))
            taken.add(head.i)
    return out


def obligations(sent: Span, actors: DocActors) -> list[Candidate]:
    """ "Russia said Sudan must return the helicopter": a demand by the speaker on the one who must act."""
    out = []
    for verb in tokens(sent):
        if verb.dep_ != "ccomp" or verb.head.lower_ not in _DEMANDING:
            continue
        if not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in verb.children):
            continue
        speaker = subject_actors(verb.head, actors)
        target = [t for t in subject_actors(verb, actors) if t not in speaker]
        if speaker and target:
            rule = Trigger("V", verb.head.lower_, None, "REQUEST", None, "100", frozenset())
            out.append(Candidate(verb.head, rule, tuple(speaker[:1]), tuple(unique(target)), nominal=False))
    return out


def superseded(candidate: Candidate, speakers: set[str]) -> bool:
    """A targetless threat by a speaker whose conditional threat names the target."""
    same = {s.id for s in candidate.source} <= speakers
    return candidate.rule.type == "THREATEN" and not candidate.target and same


def conditional_threats(sent: Span, lex: Lexicon, actors: DocActors) -> list[Candidate]:
    """ "If Israel were to attack, Iran would respond, Raisi said": a threat by the speaker to the actor of the
    condition (or, when the condition names none, to the one the response is aimed at)."""
    out = []
    for clause in tokens(sent):
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if clause.dep_ != "advcl" or not marks & {"if", "unless"}:
            continue
        main = clause.head
        if not any(c.dep_ == "aux" and c.lower_ in {"would", "will", "'ll", "'d", "wo"} for c in main.children):
            continue
        if _offered(main, lex):
            continue  # "would agree to resume the talks only if …": a conditional offer, coded as its own act
        speech = main if main.lower_ in _THREAT_SPEECH else main.head if main.dep_ == "ccomp" else None
        if speech is None or speech.lower_ not in _THREAT_SPEECH:
            continue
        speaker = subject_actors(speech, actors)
        if not speaker:
            continue
        # "…, Iran would cut its cooperation with the agency, the minister said": the one who would respond is the
        # speaker's side, never the target; the target is the other party
        responder = subject_actors(main, actors)
        target = [t for t in subject_actors(clause, actors) if t not in responder and other_country(t, speaker)]
        if not target:
            inside = {t.i for t in clause.subtree}
            target = [s for t in main.subtree if t.i not in inside and t.i != main.i
                      for s in [actors.actor_at(t)] if s is not None and s not in responder
                      and other_country(s, speaker)][:1]
        if target:
            forceful = any(t.lower_ in _FORCE_WORDS for t in main.subtree)
            rule = Trigger("V", speech.lower_, None, "THREATEN", "violence" if forceful else None,
                           "138" if forceful else "130", frozenset())
            out.append(Candidate(speech, rule, tuple(speaker[:1]), tuple(unique(target)), nominal=False))
    return out


#: Types of an act that, promised on a condition, make an offer rather than a threat.
_OFFERED = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})


def _offered(main: Token, lex: Lexicon) -> bool:
    """Whether the act promised on a condition is cooperative: every lexicon row of its verb is."""
    rows = lex.verbs.get(main.lower_, ())
    return bool(rows) and all(r.type in _OFFERED for r in rows)


_THREAT_SPEECH = frozenset({"said", "says", "say", "warned", "warns", "warn", "threatened", "threatens", "vowed",
                            "stated", "declared", "added", "told", "insisted", "stressed", "announced", "announces",
                            "confirmed", "signalled", "signaled", "indicated"})


_OBLIGATION = frozenset({"must", "should", "ought"})


_DEMANDING = _THREAT_SPEECH | {"reiterated", "concluded", "demanded", "urged", "insists", "declares", "repeated"}


_FORCE_WORDS = frozenset({"force", "military", "strike", "strikes", "attack", "attacks", "retaliate", "retaliation",
                          "response", "respond", "action", "targets", "war", "missiles", "fire", "crush", "destroy"})


_ALLEGING = frozenset(form for verb in ("allege", "claim", "charge", "insist", "contend", "maintain")
                      for form in inflections(verb))


def incursions(sent: Span, actors: DocActors, taken: set[int]) -> list[Candidate]:
    """ "Ukrainian troops crossed the border into Russia", "rebels crossed into Chad in a raid": armed men who
    cross into another country attack it (ASSAULT); migrants or a minister who cross are no event."""
    out = []
    for verb in tokens(sent):
        if verb.lower_ not in _CROSSING or verb.i in taken or not _armed(verb):
            continue
        source = subject_actors(verb, actors)
        target = [t for c in verb.children if c.dep_ == "prep" and c.lower_ in {"into", "across"}
                  for t in prep_objects(c, actors) if source and other_country(t, source)]
        if not target and verb.lower_ in _ENTERING:  # "Russian troops entered Georgia" (a country named, not a town)
            target = [t for c in verb.children if c.dep_ == "dobj" for t in [actors.token_slot.get(c.i)]
                      if t is not None and t.entry.kind == "state" and source and other_country(t, source)]
        if source and target:
            rule = Trigger("V", verb.lower_, None, "ASSAULT", None, "190", frozenset())
            out.append(Candidate(verb, rule, tuple(unique(source)), tuple(unique(target)), nominal=False))
            taken.add(verb.i)
    return out


def _armed(verb: Token) -> bool:
    """Whether the one who crosses is a force ("troops", "tanks"), or crosses in an attack ("in a raid")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in _FORCES:
        return True
    return any(c.dep_ == "prep" and c.lower_ in {"in", "during"} and g.lower_ in _ATTACKS
               for c in verb.children for g in c.children)


_CROSSING = frozenset(inflections("cross") | inflections("enter") | {
    "pushed", "push", "pushes", "advanced", "advance", "advances", "poured", "rolled", "stormed"})
_ENTERING = frozenset(inflections("enter") | inflections("invade"))
_FORCES = frozenset({"troops", "forces", "soldiers", "army", "armies", "fighters", "militants", "militias", "militia",
                     "rebels", "insurgents", "gunmen", "tanks", "units", "paratroopers", "marines", "commandos",
                     "infantry", "columns", "battalions", "brigades", "jihadists", "guerrillas", "raiders"})
_ATTACKS = frozenset({"attack", "attacks", "offensive", "incursion", "raid", "raids", "assault", "invasion",
                      "operation", "counteroffensive", "counter-offensive", "push", "onslaught"})
