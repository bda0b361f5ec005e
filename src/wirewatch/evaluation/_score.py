"""Scoring coded events against gold sentences.

For each gold event the coder's answer is one event of the sentence: the highest-confidence event whose sources
and targets match the gold ones (the pair), else the highest-confidence event with a source, else none. An
actor matches a gold actor when it is of the gold country, when the gold code names no country but a kind
(``IGO…``, ``NGO…``, ``---REB``) and the actor is a stateless one of that kind, or when one of its mentions overlaps
the gold actor's text. A gold event with no target matches any target. Sets whose gold actors are surface text
only (plv dev) match with :func:`shares_word` instead: the actor's name or one of its mentions shares a content
word with the gold text, as the set's README says.

Figures:

* **end-to-end accuracy**: share of gold events where the pair was found and the type is right;
* **pair found**: share of gold events where some event has the right source and target;
* **type accuracy where the pair was found**: of those, the share whose answer has the right type;
* **per type** precision, recall and F1 of the answer's type against the gold type (an answer of the wrong
  type is a false positive for its type and a false negative for the gold one);
* **false events**: events coded in sentences the gold set says hold none (PETRARCH-2 only).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..records import Actor, Event, Extraction
from ._gold import GoldActor, GoldEvent, GoldSentence

__all__ = ["ActorMatch", "Outcome", "Scores", "TypeScore", "judge", "same_actor", "score", "shares_word"]

#: Whether a coded actor is the gold actor, given the sentence's text.
ActorMatch = Callable[[Actor, GoldActor, str], bool]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The coder's answer to one gold event."""

    sentence: GoldSentence
    gold: GoldEvent
    answer: Event | None
    pair_found: bool
    answer_source: str
    answer_target: str

    @property
    def right(self) -> bool:
        """Source, target and type all right."""
        return self.pair_found and self.answer is not None and self.answer.type in self.gold.accepted


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Precision, recall and F1 for one PLOVER type."""

    type: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    """The figures for one gold set."""

    name: str
    sentences: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    unscored: int = 0  # gold events with no PLOVER type (CAMEO 01, 02)
    empty_sentences: int = 0  # sentences the gold set says hold no event
    false_events: int = 0  # events coded in those sentences (asserted or reported)

    @property
    def scored(self) -> int:
        return len(self.outcomes)

    @property
    def end_to_end(self) -> float:
        return sum(o.right for o in self.outcomes) / self.scored if self.scored else 0.0

    @property
    def pair_found(self) -> float:
        return sum(o.pair_found for o in self.outcomes) / self.scored if self.scored else 0.0

    @property
    def type_accuracy_where_pair_found(self) -> float:
        found = [o for o in self.outcomes if o.pair_found]
        return sum(o.right for o in found) / len(found) if found else 0.0

    @property
    def any_event(self) -> float:
        """Share of gold events whose sentence got any event with a source."""
        return sum(o.answer is not None for o in self.outcomes) / self.scored if self.scored else 0.0

    def per_type(self) -> list[TypeScore]:
        gold: Counter[str] = Counter()
        predicted: Counter[str] = Counter()
        correct: Counter[str] = Counter()
        for o in self.outcomes:
            if o.gold.type is None:  # unscored gold events are not among the outcomes
                continue
            gold[o.gold.type] += 1
            if o.answer is not None:
                right = o.answer.type in o.gold.accepted
                label = o.gold.type if right else o.answer.type  # a YIELD answered CONCEDE is right for YIELD
                predicted[label] += 1
                correct[label] += right
        return [TypeScore(t, gold[t], predicted[t], correct[t]) for t in sorted(gold | predicted)]


def score(name: str, sentences: Sequence[GoldSentence], extractions: Iterable[Extraction], *,
          match: ActorMatch | None = None) -> Scores:
    """Score one extraction per gold sentence, in the same order; ``match`` judges actors (:func:`same_actor`)."""
    scores = Scores(name)
    for sentence, extraction in zip(sentences, extractions, strict=True):
        scores.sentences += 1
        if not sentence.events:
            scores.empty_sentences += 1
            scores.false_events += sum(e.modality in ("asserted", "reported") and bool(e.source)
                                       for e in extraction.events)
        for gold in sentence.events:
            if gold.type is None:
                scores.unscored += 1
            else:
                scores.outcomes.append(judge(sentence, gold, extraction, match=match or same_actor))
    return scores


def judge(sentence: GoldSentence, gold: GoldEvent, extraction: Extraction, *, match: ActorMatch | None = None
          ) -> Outcome:
    """The coder's answer to one gold event of a sentence."""
    actors = {a.id: a for a in extraction.actors}
    text = extraction.article.text
    same = match or same_actor
    ranked = sorted((e for e in extraction.events if e.source), key=lambda e: (-e.confidence, e.span[0]))
    paired = [e for e in ranked if _matches(e.source, gold.sources, actors, text, same)
              and (not gold.targets or _matches(e.target, gold.targets, actors, text, same))]
    answer = paired[0] if paired else (ranked[0] if ranked else None)
    return Outcome(sentence, gold, answer, bool(paired), _names(answer.source, actors) if answer else "",
                   _names(answer.target, actors) if answer else "")


def _matches(ids: tuple[str, ...], golds: tuple[GoldActor, ...], actors: dict[str, Actor], text: str,
             same: ActorMatch) -> bool:
    return any(same(actors[i], g, text) for i in ids if i in actors for g in golds)


def same_actor(actor: Actor, gold: GoldActor, text: str) -> bool:
    """The actor is of the gold code's country or kind, or one of its mentions overlaps the gold text."""
    if gold.country is not None and actor.country == gold.country:
        return True
    if gold.country is None and gold.kind is not None and actor.country is None and actor.sector == gold.kind:
        return True  # a code with no country ("IGOEUREEC", "---REB") names the kind of actor
    start = text.lower().find(gold.text.lower()) if gold.text else -1
    if start < 0:
        return False
    end = start + len(gold.text)
    return any(m.span[0] < end and start < m.span[1] for m in actor.mentions)


#: Words that never make two actor names the same (plv dev's README lists them).
_STOP_WORDS = frozenset({"the", "of", "and", "a", "an", "in", "on", "for", "to", "s"})
_WORD = re.compile(r"[a-z0-9]+")


def content_words(text: str) -> frozenset[str]:
    """The lower-case words of a name, stop words aside."""
    return frozenset(_WORD.findall(text.lower())) - _STOP_WORDS


def shares_word(actor: Actor, gold: GoldActor, text: str) -> bool:
    """The actor's name or one of its mentions shares a content word with the gold actor's text."""
    wanted = content_words(gold.text)
    names = (actor.name, *(m.text for m in actor.mentions))
    return bool(wanted) and any(wanted & content_words(name) for name in names)


def _names(ids: tuple[str, ...], actors: dict[str, Actor]) -> str:
    return "+".join(actors[i].code or actors[i].name if i in actors else i for i in ids)
