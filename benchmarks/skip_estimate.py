"""Estimate: what parsing only the sentences that can hold an event or a quote would save, and what it would lose.

A cheap first pass (spaCy's tokenizer and rule-based sentencizer) keeps a sentence when it has a speech cue or a
quotation mark, or a trigger form of the event lexicon (light verbs included) and an actor candidate: a gazetteer
phrase, a known person's name word, a pronoun, a role or body noun ("tight"); "loose" also counts any capitalised
word, since the entity recognizer finds names the gazetteer lacks. For each filter it prints the share of tokens
kept, how many of the events that ``extract`` codes on the full texts lie outside the kept sentences (lost for
certain; losses through coreference and context come on top), and with ``--time`` the wirewatch pipeline's time on
the full texts against the kept sentences alone.

    .venv/bin/python benchmarks/skip_estimate.py [--longest N] [--time]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import spacy
from bench_extract import NAEB, _longest
from spacy.tokens import Span

from wirewatch.annotate import load_model
from wirewatch.clean import clean
from wirewatch.config import load_config
from wirewatch.extract._lexicon import lexicon
from wirewatch.extract._modality import SPEECH_VERBS
from wirewatch.extract._vocabulary import LIGHT_VERBS
from wirewatch.records import Extraction
from wirewatch.registry import build_pipeline
from wirewatch.resolve import BODY_SECTOR, INSTITUTION_SECTOR, load_kb
from wirewatch.resolve._lexicon import PRONOUNS, ROLE_NOUNS

_QUOTES = frozenset({'"', "\u201c", "\u201d", "\u2018", "\u2019", "'"})


def _filters() -> dict[str, Callable[[Span], bool]]:
    kb, lex = load_kb(), lexicon()
    triggers = set(lex.verbs) | set(lex.nouns) | set(LIGHT_VERBS)
    nouns = set(PRONOUNS) | set(BODY_SECTOR) | set(INSTITUTION_SECTOR) | set().union(*ROLE_NOUNS.values())

    def gazetteer(sent: Span) -> bool:
        phrases = (sent.doc[t.i : t.i + n].text for t in sent for n in range(1, 5) if t.i + n <= sent.end)
        words = any(t.lower_ in nouns or (t.is_title and kb.is_name_word(t.text)) for t in sent)
        return words or any(kb.phrase(p) is not None for p in phrases)

    def cue(sent: Span) -> bool:
        return any(t.text in _QUOTES or t.lower_ in SPEECH_VERBS for t in sent)

    def trigger(sent: Span) -> bool:
        return any(t.lower_ in triggers for t in sent)

    def names(sent: Span) -> bool:
        return any(t.is_title or (t.is_upper and t.is_alpha) for t in sent)

    return {"tight": lambda s: cue(s) or (trigger(s) and gazetteer(s)),
            "loose": lambda s: cue(s) or (trigger(s) and (names(s) or gazetteer(s)))}


def _kept(texts: list[str], keep: Callable[[Span], bool]) -> tuple[float, list[str], list[list[tuple[int, int]]]]:
    """The share of tokens kept, the kept sentences of each text joined, and their character ranges."""
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    total = kept = 0
    joined, ranges = [], []
    for doc in blank.pipe(texts):
        sents = [s for s in doc.sents if keep(s)]
        total, kept = total + len(doc), kept + sum(len(s) for s in sents)
        joined.append(" ".join(s.text for s in sents))
        ranges.append([(s.start_char, s.end_char) for s in sents])
    return kept / max(total, 1), joined, ranges


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--longest", type=int, default=200, help="the N longest NAEB texts (default 200)")
    parser.add_argument("--time", action="store_true", help="also time the pipeline on full and kept texts")
    args = parser.parse_args(argv)
    config = load_config(overrides={"dedup.enabled": False})
    docs = _longest(NAEB, args.longest)
    texts = [clean(d, config.clean).text for d in docs]
    results = list(build_pipeline(config).run(docs))
    starts = [[e.span[0] for e in r.events] if isinstance(r, Extraction) else [] for r in results]
    print(f"{len(texts)} texts, {sum(map(len, starts))} events coded on the full texts")
    for name, keep in _filters().items():
        share, joined, ranges = _kept(texts, keep)
        lost = sum(not any(a <= s < b for a, b in kept) for found, kept in zip(starts, ranges, strict=True)
                   for s in found)
        print(f"{name}: {100 * share:.1f} % of tokens kept; {lost} events outside the kept sentences")
        if args.time:
            print(f"  pipeline time: full {_seconds(texts):.1f} s, kept sentences only {_seconds(joined):.1f} s")
    return 0


def _seconds(texts: list[str]) -> float:
    nlp = load_model()
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
