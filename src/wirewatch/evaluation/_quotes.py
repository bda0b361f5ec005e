"""Scoring extracted quotes against articles with every attribution marked (the PolNeAR dev split).

``polnear_dev/polnear_dev.jsonl`` holds one article a line: ``id``, ``text``, ``published`` and ``attributions``
as ``[{source, cue, content}]``. Each article is extracted as its own document, dated by ``published``.

* **counted**: attributions with a source and a content whose cue ends in a speech word (:data:`SPEECH_WORDS`,
  "according to", or a colon) or whose content opens with a quotation mark;
* **found**: some quote's text holds at least half of the gold content's words (:func:`words`: stop words aside);
* **speaker right**, over the counted attributions whose source is not a bare pronoun (:data:`PRONOUNS`): a found
  quote whose ``speaker_text``, or its speaker actor's name or mentions, shares a word with the gold source;
* **precision**: the share of predicted quotes that cover some gold content of the article (any attribution),
  half its words either way (the quote holds half the content's words, or the content half the quote's).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import InputError
from ..records import Extraction, Quote

__all__ = ["PRONOUNS", "SPEECH_WORDS", "Attribution", "AttributionOutcome", "GoldArticle", "QuoteScores",
           "load_polnear", "score_quotes", "words"]

#: The verbs (every inflection) that make a cue a speech cue when the cue ends in one; "according to" and a
#: colon count too. Verbs of belief, finding or showing ("believes", "found", "shows") do not.
SPEECH_WORDS = frozenset({
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "write", "writes", "wrote", "writing",
    "written", "add", "adds", "added", "adding", "state", "states", "stated", "stating", "explain", "explains",
    "explained", "explaining", "declare", "declares", "declared", "declaring", "remark", "remarks", "remarked",
    "comment", "comments", "commented", "reply", "replies", "replied", "replying", "respond", "responds",
    "responded", "responding", "answer", "answers", "answered", "ask", "asks", "asked", "asking", "tweet",
    "tweets", "tweeted", "tweeting", "argue", "argues", "argued", "arguing", "claim", "claims", "claimed",
    "claiming", "insist", "insists", "insisted", "insisting", "note", "notes", "noted", "noting", "recall",
    "recalls", "recalled", "continue", "continues", "continued", "quip", "quipped", "joke", "joked", "exclaim",
    "exclaimed", "shout", "shouted", "yell", "yelled", "announce", "announces", "announced", "warn", "warns",
    "warned", "warning", "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted",
    "concede", "conceded", "testify", "testified", "report", "reports", "reported", "complain", "complained",
    "mention", "mentions", "mentioned",
})
#: Sources that are a bare pronoun: personal, possessive and relative. These are left out of "speaker right".
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "me", "us", "his",
                      "hers", "their", "theirs", "its", "our", "my", "your", "who", "whom", "which", "that",
                      "this", "one", "someone"})
_QUOTE_MARKS = "\"\u201c\u201d\u2018'\u00ab\u201e"
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One marked attribution: who (source), the cue words, and what was attributed (content)."""

    source: str
    cue: str
    content: str

    @property
    def counted(self) -> bool:
        """A source and content, and a speech cue or a content that opens with a quotation mark."""
        if not self.source.strip() or not words(self.content):
            return False
        return _speech_cue(self.cue) or self.content.lstrip()[:1] in _QUOTE_MARKS

    @property
    def named(self) -> bool:
        """The source is more than a bare pronoun."""
        return self.source.strip().lower() not in PRONOUNS


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """An article and every attribution marked in it."""

    id: str
    text: str
    published: date | None
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True, slots=True)
class AttributionOutcome:
    """The extractor's answer to one counted attribution: the quotes that hold it, and whether one has its speaker."""

    article: str
    gold: Attribution
    found: tuple[Quote, ...]
    speaker_right: bool

    @property
    def speakers(self) -> str:
        """The speakers the found quotes give, for an error line."""
        return "; ".join(q.speaker_text or q.speaker or "?" for q in self.found) or "-"


@dataclass(slots=True)
class QuoteScores:
    """The quote figures for one set."""

    name: str
    articles: int = 0
    outcomes: list[AttributionOutcome] = field(default_factory=list)
    predicted: int = 0
    false_quotes: list[tuple[str, Quote]] = field(default_factory=list)

    @property
    def counted(self) -> int:
        return len(self.outcomes)

    @property
    def named(self) -> list[AttributionOutcome]:
        """The outcomes whose gold source is not a bare pronoun."""
        return [o for o in self.outcomes if o.gold.named]

    @property
    def found(self) -> float:
        return sum(bool(o.found) for o in self.outcomes) / self.counted if self.counted else 0.0

    @property
    def speaker_right(self) -> float:
        named = self.named
        return sum(o.speaker_right for o in named) / len(named) if named else 0.0

    @property
    def precision(self) -> float:
        return (self.predicted - len(self.false_quotes)) / self.predicted if self.predicted else 0.0

    def summary(self) -> dict[str, object]:
        """The figures as a plain mapping (``wirewatch eval --format json``)."""
        return {"set": self.name, "articles": self.articles, "counted_attributions": self.counted,
                "named_sources": len(self.named), "found": round(self.found, 3),
                "speaker_right_named": round(self.speaker_right, 3), "predicted_quotes": self.predicted,
                "false_quotes": len(self.false_quotes), "precision": round(self.precision, 3)}

    def error_lines(self, limit: int) -> list[str]:
        """Up to ``limit`` missed attributions, wrong speakers and false quotes, one line each."""
        lines = [f"missed {o.article}: {o.gold.source} | {o.gold.cue} | {o.gold.content}"
                 for o in self.misses()[:limit]]
        lines += [f"speaker {o.article}: gold {o.gold.source}; got {o.speakers} | {o.gold.content}"
                  for o in self.wrong_speakers()[:limit]]
        lines += [f"false quote {article}: {q.speaker_text or '?'} | {q.cue or '-'} | {q.text}"
                  for article, q in self.false_quotes[:limit]]
        return lines

    def misses(self) -> list[AttributionOutcome]:
        """Counted attributions that no quote holds."""
        return [o for o in self.outcomes if not o.found]

    def wrong_speakers(self) -> list[AttributionOutcome]:
        """Found attributions with a named source that no found quote gives to it."""
        return [o for o in self.named if o.found and not o.speaker_right]


def words(text: str) -> frozenset[str]:
    """The lower-cased words of a text, stop words aside (spaCy's English list; curly apostrophes as straight)."""
    found = (w.replace("\u2019", "'") for w in _WORD.findall(text.lower()))
    return frozenset(w for w in found if w not in STOP_WORDS)


def _speech_cue(cue: str) -> bool:
    text = cue.strip().lower()
    if text.endswith(":") or re.search(r"\baccording to$", text):
        return True
    last = _WORD.findall(text)
    return bool(last) and last[-1].replace("\u2019", "'") in SPEECH_WORDS


def load_polnear(path: Path) -> list[GoldArticle]:
    """The articles of a PolNeAR JSON-lines file, one article a line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as err:
        raise InputError(str(path), f"cannot read the PolNeAR gold file: {err}") from err
    return [_article(n, record) for n, record in enumerate(records) if isinstance(record, dict)]


def _article(n: int, record: dict) -> GoldArticle:
    marks = tuple(Attribution(str(a.get("source") or ""), str(a.get("cue") or ""), str(a.get("content") or ""))
                  for a in record.get("attributions") or () if isinstance(a, dict))
    return GoldArticle(str(record.get("id", n)), str(record.get("text") or ""), _iso(record.get("published")), marks)


def _iso(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def score_quotes(name: str, articles: Sequence[GoldArticle], extractions: Iterable[Extraction]) -> QuoteScores:
    """Score one extraction per gold article, in the same order."""
    scores = QuoteScores(name)
    for article, extraction in zip(articles, extractions, strict=True):
        scores.articles += 1
        quotes = [(q, words(q.text)) for q in extraction.quotes]
        scores.outcomes.extend(_judge(article.id, a, quotes, extraction) for a in article.attributions
                               if a.counted)
        contents = [words(a.content) for a in article.attributions if words(a.content)]
        scores.predicted += len(quotes)
        scores.false_quotes.extend((article.id, q) for q, held in quotes
                                   if not any(_covers(held, c) for c in contents))
    return scores


def _holds(quote: frozenset[str], content: frozenset[str]) -> bool:
    """The quote holds at least half of the content's words."""
    return bool(content) and 2 * len(quote & content) >= len(content)


def _covers(quote: frozenset[str], content: frozenset[str]) -> bool:
    return _holds(quote, content) or _holds(content, quote)


def _judge(article: str, gold: Attribution, quotes: list[tuple[Quote, frozenset[str]]],
           extraction: Extraction) -> AttributionOutcome:
    content = words(gold.content)
    found = tuple(q for q, held in quotes if _holds(held, content))
    source = words(gold.source)
    right = any(source & _speaker_words(q, extraction) for q in found)
    return AttributionOutcome(article, gold, found, right)


def _speaker_words(quote: Quote, extraction: Extraction) -> frozenset[str]:
    """The words naming a quote's speaker: its speaker text, its actor's name and the actor's mentions."""
    names = [quote.speaker_text or ""]
    actor = next((a for a in extraction.actors if a.id == quote.speaker), None)
    if actor is not None:
        names.append(actor.name)
        names.extend(m.text for m in actor.mentions)
    return frozenset().union(*(words(n) for n in names))
