"""Constructions of wire prose that no lexicon row can say: a verdict or blame put in a predicate ("found the
minister guilty", "held Iran responsible", "said the rebels were responsible"), criticism one side draws from
another ("faced criticism from the UN"), an event noun given to someone ("gave Moscow a deadline"), a role
stated with a copula ("Germany is the largest donor to Ukraine") and an act named by a verb's phrase ("put the
pilot on trial", "joined Wang for talks")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..annotate import tokens
from ._args import phrase_actors, prep_objects, subject_actors
from ._candidate import Candidate, unique
from ._lexicon import Lexicon, Trigger, inflections, noun_rule
from ._modality import SPEECH_VERBS
from ._targets import other_actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..resolve import ActorSlot as _Slot
    from ..resolve import DocActors

__all__ = ["constructions", "criticism_drawn", "given_nouns", "phrasal_acts", "stated_roles", "verdicts"]

#: Predicates that put blame or guilt on their subject.
_CULPABLE = frozenset({"guilty", "liable", "responsible", "accountable", "culpable"})
#: Verbs that pass a verdict (CAMEO 116, found guilty or liable) and verbs that put blame (CAMEO 112).
_VERDICT = frozenset(f for v in ("find", "declare", "pronounce", "rule") for f in inflections(v)) | {"found"}
_BLAMING = frozenset(f for v in ("hold", "consider", "deem") for f in inflections(v)) | SPEECH_VERBS
#: What someone may be held responsible for: a harm, not a duty ("responsible for security" is a role).
_HARMS = frozenset({"attack", "attacks", "bombing", "bombings", "blast", "blasts", "explosion", "explosions",
                    "killing", "killings", "deaths", "death", "violence", "crimes", "crime", "massacre", "abduction",
                    "kidnapping", "shooting", "shootings", "assassination", "murder", "murders", "crash", "downing",
                    "unrest", "riots", "atrocities", "strike", "strikes", "raid", "raids", "shelling", "fire",
                    "hack", "hacking", "cyberattack", "breach", "leak", "sinking", "destruction", "collapse"})
#: Verbs whose subject receives the criticism or accusation that is their object.
_DRAWING = frozenset(f for v in ("face", "draw", "attract", "receive", "incur", "earn", "meet")
                     for f in inflections(v)) | {"drew", "drawn"}
#: Verbs that hand their object to a dative: "gave Iran a deadline", "issued Kyiv an ultimatum".
_HANDING = frozenset(f for v in ("give", "issue", "hand", "send", "serve", "offer") for f in inflections(v))
#: Verbs that state what their subject is: "remains the largest donor".
_BEING = frozenset(f for v in ("remain", "become", "stay") for f in inflections(v)) | {
    "be", "is", "are", "was", "were", "'s", "been", "became"}


def constructions(sent: Span, lex: Lexicon, actors: DocActors, taken: set[int]) -> list[Candidate]:
    """Every event of these constructions in a sentence, none on a token another candidate took."""
    return (verdicts(sent, actors, taken) + criticism_drawn(sent, lex, actors, taken)
            + given_nouns(sent, lex, actors, taken) + stated_roles(sent, lex, actors, taken)
            + phrasal_acts(sent, actors, taken))


def verdicts(sent: Span, actors: DocActors, taken: set[int]) -> list[Candidate]:
    """ "A court found the minister guilty", "Paris held Tehran responsible for the attack", "officials said the
    militants were responsible": ACCUSE by the one who judges or blames, on the one judged."""
    out = []
    for adj in tokens(sent):
        if adj.lower_ not in _CULPABLE or not _for_a_harm(adj):
            continue
        found = _judged(adj)
        if found is None or found[0].i in taken:
            continue
        verb, accused_word = found
        legal = verb.lower_ in _VERDICT and adj.lower_ in {"guilty", "liable"}
        if verb.lower_ not in _VERDICT | _BLAMING or (verb.lower_ in _VERDICT and not legal):
            continue
        accused = phrase_actors(accused_word, actors)
        judge = [s for s in subject_actors(verb, actors) if all(other_actor(s, [a]) for a in accused)]
        if judge and accused:
            rule = Trigger("V", verb.lower_, None, "ACCUSE", "disapprove", "116" if legal else "112", frozenset())
            out.append(Candidate(verb, rule, tuple(judge[:1]), tuple(unique(accused)), nominal=False))
            taken.add(verb.i)
    return out


def _for_a_harm(adj: Token) -> bool:
    """Whether blame is for a harm: "guilty of", or "responsible" with no object or one that names a harm."""
    if adj.lower_ in {"guilty", "liable", "culpable"}:
        return True
    objects = [g for c in adj.children if c.dep_ == "prep" and c.lower_ in {"for", "behind"}
               for g in c.children if g.dep_ in {"pobj", "pcomp"}]
    return not objects or any(o.lower_ in _HARMS or o.tag_ == "VBG" for o in objects)


def _judged(adj: Token) -> tuple[Token, Token] | None:
    """The verb that judges and the word for the one judged, in the shapes the parser gives."""
    if adj.dep_ in {"ccomp", "xcomp", "oprd"}:  # "found [the minister guilty]", "found the minister guilty"
        subject = next((c for c in adj.children if c.dep_ == "nsubj"), None)
        obj = subject or next((c for c in adj.head.children if c.dep_ == "dobj"), None)
        return (adj.head, obj) if obj is not None else None
    if adj.dep_ == "amod" and adj.head.dep_ == "dobj" and adj.i > adj.head.i:  # "held Iran responsible"
        return adj.head.head, adj.head
    if adj.dep_ == "acomp" and adj.head.lower_ in _BEING and adj.head.dep_ == "ccomp":  # "said X was responsible"
        subject = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
        return (adj.head.head, subject) if subject is not None else None
    return None


def criticism_drawn(sent: Span, lex: Lexicon, actors: DocActors, taken: set[int]) -> list[Candidate]:
    """ "Egypt faced criticism from the EU", "the plan drew condemnation from Jordan": ACCUSE by the critic on the
    one who draws it."""
    out = []
    for noun in tokens(sent):
        rule = noun_rule(noun, lex) if noun.tag_.startswith("NN") and noun.lower_ in lex.nouns else None
        verb = noun.head if noun.dep_ == "dobj" else None
        if rule is None or rule.type != "ACCUSE" or verb is None or verb.lower_ not in _DRAWING or noun.i in taken:
            continue
        critics = [s for p in (*noun.children, *verb.children) if p.dep_ == "prep" and p.lower_ == "from"
                   for s in prep_objects(p, actors)]
        criticised = [s for s in subject_actors(verb, actors) if all(other_actor(s, [c]) for c in critics)]
        if critics and criticised:
            out.append(Candidate(noun, rule, tuple(unique(critics)), tuple(criticised), nominal=True))
            taken.add(noun.i)
    return out


def given_nouns(sent: Span, lex: Lexicon, actors: DocActors, taken: set[int]) -> list[Candidate]:
    """ "Britain gave Iran a deadline", "issued Kyiv an ultimatum": an event noun handed to a dative, which is the
    target, by the verb's subject."""
    out = []
    for noun in tokens(sent):
        rule = noun_rule(noun, lex) if noun.tag_.startswith("NN") and noun.lower_ in lex.nouns else None
        verb = noun.head if noun.dep_ == "dobj" else None
        if rule is None or verb is None or verb.lower_ not in _HANDING or noun.i in taken or verb.i in taken:
            continue
        target = [s for c in verb.children if c.dep_ == "dative" and c.lower_ not in {"to", "for"}
                  for s in phrase_actors(c, actors)]
        source = [s for s in subject_actors(verb, actors) if all(other_actor(s, [t]) for t in target)]
        if source and target:
            out.append(Candidate(noun, rule, tuple(source[:1]), tuple(unique(target)), nominal=True))
            taken.add(noun.i)
    return out


def stated_roles(sent: Span, lex: Lexicon, actors: DocActors, taken: set[int]) -> list[Candidate]:
    """ "Germany is the largest donor of aid to Ukraine": an event noun stated of the subject, aimed by the
    noun's own prepositions."""
    out = []
    for noun in tokens(sent):
        rule = noun_rule(noun, lex) if noun.tag_.startswith("NN") and noun.lower_ in lex.nouns else None
        if rule is None or noun.dep_ != "attr" or noun.head.lower_ not in _BEING or noun.i in taken:
            continue
        source = subject_actors(noun.head, actors)
        target = [s for s in _aimed(noun, rule, actors) if all(other_actor(s, [o]) for o in source)]
        if source and target:
            out.append(Candidate(noun, rule, tuple(source[:1]), tuple(unique(target)), nominal=True))
            taken.add(noun.i)
    return out


def _aimed(noun: Token, rule: Trigger, actors: DocActors) -> list[_Slot]:
    """The actors of the noun's prepositions the row names, and of those hanging from its "of" object."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    preps += [p for c in preps if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
              for p in g.children if p.dep_ == "prep"]
    return [s for p in preps if p.lower_ in rule.preps and p.lower_ != "of" for s in prep_objects(p, actors)]


#: Verbs that take an actor object and a phrase naming the act, and the event each phrase codes: "put X on trial",
#: "placed X under arrest", "sent X to prison", "joined X for talks". Kept out of the lexicon, where the verb alone
#: would make a negated event noun its object takes ("has not joined the sanctions") a presupposed one.
_TRIAL = Trigger("V", "put", None, "ACCUSE", "allege", "1121", frozenset())
_ARREST = Trigger("V", "put", None, "COERCE", "arrest", "173", frozenset())
_MEETING = Trigger("V", "join", None, "CONSULT", None, "040", frozenset())
_PHRASAL: dict[tuple[str, str], dict[str, Trigger]] = {
    ("put", "on"): {"trial": _TRIAL},
    ("put", "under"): {"arrest": _ARREST, "detention": _ARREST},
    ("place", "under"): {"arrest": _ARREST, "detention": _ARREST},
    ("send", "to"): {"prison": _ARREST, "jail": _ARREST},
    ("join", "for"): dict.fromkeys(("talks", "meeting", "meetings", "consultations", "negotiations", "discussions",
                                    "dinner", "lunch", "breakfast", "summit"), _MEETING),
}
_BASE = {form: base for base in ("put", "place", "send", "join") for form in inflections(base)}


def phrasal_acts(sent: Span, actors: DocActors, taken: set[int]) -> list[Candidate]:
    """ "Moscow put the pilot on trial", "Blinken joined Wang for talks": the subject acts on the object."""
    out = []
    for verb in tokens(sent):
        rule = _phrasal_rule(verb) if verb.tag_.startswith("VB") and verb.i not in taken else None
        if rule is None:
            continue
        target = [s for c in verb.children if c.dep_ == "dobj" for s in phrase_actors(c, actors)]
        source = [s for s in subject_actors(verb, actors) if all(other_actor(s, [t]) for t in target)]
        if source and target:
            out.append(Candidate(verb, rule, tuple(source[:1]), tuple(unique(target)), nominal=False))
            taken.add(verb.i)
    return out


def _phrasal_rule(verb: Token) -> Trigger | None:
    """The event a verb's preposition phrase names, if the verb and preposition are one of ``_PHRASAL``."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        words = _PHRASAL.get((_BASE.get(verb.lower_, ""), prep.lower_), {})
        for obj in (g for g in prep.children if g.dep_ == "pobj" and g.lower_ in words):
            return words[obj.lower_]
    return None
