"""``wirewatch eval``: score the event coder on the public gold sets in ``../shared/eval``.

Sets, all development sets: ``plover`` (``plover_gsr/PLOVER_GSR_CAMEO.json``, 322 sentences from the CAMEO
manual's examples), ``petr2`` (``petr2_gsr/PETR2_GSR_validation.xml``, 78 news sentences of the PETRARCH-2
validation suite) and ``plv`` (``plv_dev/plv_train.jsonl``, 1,050 real news rows of the PLV data's training split,
actors as surface text). Each sentence is extracted as its own document, dated by the gold record. See ``_score``
for how answers are judged. No model is trained on any of them, but the rules were refined against their failures,
so their figures are optimistic. Labels and floors of every gold set: ``tests/data/eval_gates.toml``.

The quote set ``polnear`` (``polnear_dev/polnear_dev.jsonl``, 84 political articles with every attribution marked;
a development set) scores the quote extractor instead, one article a document: see ``_quotes``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..config import Config, load_config
from ..errors import InputError
from ..pipeline import Pipeline
from ..records import Extraction, Failure, RawDocument
from ..registry import build_pipeline
from ._gold import GoldSentence, load_petr2, load_plover, load_plv
from ._quotes import QuoteScores, load_polnear, score_quotes
from ._score import ActorMatch, Outcome, Scores, TypeScore, judge, same_actor, score, shares_word

__all__ = ["QUOTE_SETS", "SETS", "Outcome", "QuoteScores", "Scores", "TypeScore", "default_data_dir", "evaluate",
           "extract_sentences", "judge", "load_set"]

#: Gold set name → (path under the eval folder, loader).
SETS = {
    "plover": ("plover_gsr/PLOVER_GSR_CAMEO.json", load_plover),
    "petr2": ("petr2_gsr/PETR2_GSR_validation.xml", load_petr2),
    "plv": ("plv_dev/plv_train.jsonl", load_plv),
}
#: How each set's gold actors are matched: by code and span (the default), or by shared words (surface text only).
MATCHERS: dict[str, ActorMatch] = {"plv": shares_word}
#: Quote set name → path under the eval folder (articles with their attributions marked).
QUOTE_SETS = {"polnear": "polnear_dev/polnear_dev.jsonl"}


def default_data_dir() -> Path:
    """``../shared/eval`` beside the current directory, where the project's checkouts keep it."""
    return Path.cwd().parent / "shared" / "eval"


def load_set(name: str, data_dir: Path) -> list[GoldSentence]:
    """The gold sentences of one set; an InputError naming the missing file and what to do."""
    if name not in SETS:
        raise InputError(name, f"unknown gold set; choose from {', '.join(SETS)}")
    relative, loader = SETS[name]
    path = data_dir / relative
    if not path.is_file():
        raise InputError(str(path), f"gold file not found; pass --data with the folder that holds {relative} "
                                    "(the shared eval folder)")
    return loader(path)


def evaluate(names: Sequence[str], data_dir: Path,
             config: Config | None = None) -> list[Scores | QuoteScores]:
    """Extract every gold sentence of each named set and score the events (the quotes, for a quote set)."""
    # each gold sentence stands alone: a sentence coded twice in a set (once per event) is no duplicate
    config = (config or load_config()).with_overrides({"dedup.enabled": False})
    pipeline = build_pipeline(config)
    results: list[Scores | QuoteScores] = []
    for name in names:
        if name in QUOTE_SETS:
            results.append(_evaluate_quotes(name, data_dir, pipeline))
            continue
        sentences = load_set(name, data_dir)
        extractions = extract_sentences(name, sentences, pipeline)
        results.append(score(name, sentences, extractions, match=MATCHERS.get(name, same_actor)))
    return results


def extract_sentences(name: str, sentences: Sequence[GoldSentence], pipeline: Pipeline) -> list[Extraction]:
    """Each gold sentence extracted as a document of its own, dated by its record, in order; an InputError for one
    that fails (build the pipeline with ``dedup.enabled`` off: a sentence coded twice in a set is no copy)."""
    documents = [RawDocument(id=s.id, source=f"{name}:{s.id}", text=s.text, published=s.published)
                 for s in sentences]
    return [_extraction(r) for r in pipeline.run(documents)]


def _extraction(result: Extraction | Failure) -> Extraction:
    if isinstance(result, Failure):
        raise InputError(result.where, result.error)
    return result


def _evaluate_quotes(name: str, data_dir: Path, pipeline: Pipeline) -> QuoteScores:
    """Extract every article of a quote set, dated by its publication, and score the quotes."""
    path = data_dir / QUOTE_SETS[name]
    if not path.is_file():
        raise InputError(str(path), "gold file not found; pass --data with the shared eval folder that holds it")
    articles = load_polnear(path)
    documents = [RawDocument(id=a.id, source=f"{name}:{a.id}", text=a.text, published=a.published)
                 for a in articles]
    return score_quotes(name, articles, [_extraction(r) for r in pipeline.run(documents)])
