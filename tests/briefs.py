"""Articles written for the briefing tests, as stored extractions: a few actors, events and quotes each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from wirewatch.brief import Briefing
from wirewatch.records import Actor, Article, Event, Extraction, Location, Mention, Quote
from wirewatch.store import Store

#: The words each modality must be told in, wherever a sentence rests on an event of that modality.
MODALITY_WORDS = {"future": "plans to", "hypothetical": "might", "denied": "denied", "negated": "did not"}

#: Actors by a short name: key, name, kind, country, sector.
ACTORS = {
    "RUS": ("country:RUS", "Russia", "state", "RUS", None),
    "UKR": ("country:UKR", "Ukraine", "state", "UKR", None),
    "TUR": ("country:TUR", "Turkey", "state", "TUR", None),
    "RUSMIL": ("country:RUS:MIL", "Russia (military)", "military", "RUS", "MIL"),
    "putin": ("person:vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV"),
    "fidan": ("person:hakan-fidan", "Hakan Fidan", "person", "TUR", "GOV"),
    "EU": ("org:EU", "European Union", "igo", None, "IGO"),
}


@dataclass(frozen=True)
class Ev:
    """An event to write into a story: who did what to whom, as one sentence of the story."""

    type: str
    source: str
    target: str | None
    sentence: str
    modality: str = "asserted"
    according_to: str | None = None
    mode: str | None = None
    day: date | None = None
    precision: str | None = "day"
    place: str | None = None
    goldstein: float = -5.0
    quote: str | None = None


@dataclass(frozen=True)
class Qu:
    """A quote to write into a story: its speaker, stance and words (a sentence of the story of its own)."""

    speaker: str
    stance: str
    text: str
    kind: str = "direct"
    about: tuple[str, ...] = field(default=())


def story(doc: str, outlet: str, published: date, *items: Ev | Qu, title: str | None = None,
          url: str | None = None, not_coded: str | None = None) -> Extraction:
    """A stored article made of the sentences of its events and quotes, with the actors they name."""
    parts = [i.sentence if isinstance(i, Ev) else f"“{i.text}”" for i in items]
    text = " ".join(parts) or f"An article ({doc}) with nothing to code."
    names = [n for i in items for n in _names(i)]
    local = {name: f"a{n}" for n, name in enumerate(dict.fromkeys(names), 1)}
    actors = tuple(_actor(local[name], name, text) for name in local)
    events, quotes, start = [], [], 0
    for n, item in enumerate(items, 1):
        sentence = parts[n - 1]
        span = (text.index(sentence, start), text.index(sentence, start) + len(sentence))
        start = span[1]
        if isinstance(item, Ev):
            events.append(_event(f"e{n}", item, span, local))
        else:
            quotes.append(Quote(f"q{n}", local[item.speaker], item.speaker, item.text, item.kind,  # type: ignore[arg-type]
                                "said", span, item.stance, tuple(local[a] for a in item.about)))
    article = Article(doc, text, url=url, title=title or f"{outlet} on {doc}", published=published, outlet=outlet,
                      language="en", not_coded=not_coded)
    return Extraction(article, actors, tuple(events), tuple(quotes))


def _names(item: Ev | Qu) -> list[str]:
    if isinstance(item, Qu):
        return [item.speaker, *item.about]
    return [n for n in (item.source, item.target, item.according_to) if n is not None]


def _actor(local_id: str, name: str, text: str) -> Actor:
    key, full, kind, country, sector = ACTORS[name]
    word = full.split()[0]
    found = text.find(word)
    span = (found, found + len(word)) if found >= 0 else (0, 1)
    return Actor(local_id, key, full, kind, country, sector, mentions=(Mention(word, span),))


def _event(event_id: str, e: Ev, span: tuple[int, int], local: dict[str, str]) -> Event:
    return Event(
        event_id, e.type, e.mode, "000", "000", e.goldstein, 4 if e.goldstein < 0 else 1, (local[e.source],),
        (local[e.target],) if e.target else (), e.modality,  # type: ignore[arg-type]
        local[e.according_to] if e.according_to else None, e.day, e.precision if e.day else None,  # type: ignore[arg-type]
        Location(e.place, None) if e.place else None, e.sentence, span, 0.9, quote=e.quote,
    )  # fmt: skip


def check_briefing(briefing: Briefing, store: Store) -> None:
    """What holds of every briefing: each sentence cites; each [n] is an article that, as stored, holds one of the
    records the sentence was made from; every source is cited; every event is told in its modality's words; a
    single-source headline is attributed."""
    numbered = {s.number: s.article_id for s in briefing.sources}
    cited: set[int] = set()
    for sentence in briefing.sentences():
        assert sentence.citations, sentence.text
        assert sorted({int(n) for n in re.findall(r"\[(\d+)\]", sentence.text)}) == sorted(sentence.citations)
        records = {}
        for n in sentence.citations:
            stored = store.extraction(numbered[n])
            assert stored is not None
            held = {e.id: e for e in stored.events} | {q.id: q for q in stored.quotes}
            found = [held[e.record_id] for e in sentence.evidence if e.article_id == numbered[n] and e.record_id
                     in held]
            assert found, f"[{n}] of {sentence.text!r} holds none of its records"
            records.update({(n, r.id): r for r in found})
        for record in records.values():
            words = MODALITY_WORDS.get(getattr(record, "modality", ""))
            assert words is None or words in sentence.text, (words, sentence.text)
        cited.update(sentence.citations)
    assert cited == set(numbered)
    for headline in briefing.headlines:
        if headline.status == "single-source":
            text = headline.sentence.text
            assert text.startswith("According to") or "own account" in text, text
