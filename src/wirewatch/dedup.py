"""Duplicates: find the copies of one story, so that a wire story republished by twenty outlets is coded once.

Two articles are *near-duplicates* when their word shingles (runs of ``shingle_words`` words, lower-cased)
overlap by at least ``threshold`` (Jaccard similarity), estimated with datasketch's MinHash and found among many
with its LSH index. *Exact duplicates* have the same text, hence the same content hash (the articles' key).

The API is small, so that a distributed runner can compute signatures in its workers and keep the index in its
driver::

    sig = signature(text, shingle_words=5)          # deterministic and picklable: same text, same signature
    index = DuplicateIndex(threshold=0.5, shingle_words=5)
    index.check(key, sig)                           # call in input order, once per article:
                                                    #   the key of the earlier article it copies (its own key
                                                    #   when an article with the same text was seen), else None,
                                                    #   and then the article is remembered as an original
    index.signature(key)                            # an original's signature, to persist
    mark_duplicate(article, index, sig)             # check() on an Article: a copy comes back with duplicate_of
                                                    #   and not_coded set (sig: optional, computed if not given)

Only originals (articles that are coded) are remembered, so every copy points to an article that is coded and
chains of edits cannot drift from one story to another; the oldest are forgotten beyond ``max_originals``
(datasketch's LSH takes about 12 kB an original; the copies of a story arrive within days of it).
:func:`load_index` builds the index from a store (signatures persist in its ``signatures`` table, computed for
older articles on first use), so that copies of articles stored in an earlier run are caught too.
:class:`DedupStage` is the pipeline stage, after clean: it sets ``Article.duplicate_of`` and ``Article.not_coded``
on a copy, and the pipeline skips coding it. It runs in the main process, in input order, so the answer does not
depend on ``model.n_process``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, ClassVar, Protocol

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .config import DedupConfig
from .records import Article

if TYPE_CHECKING:
    from .pipeline import Work

__all__ = ["DedupStage", "DuplicateIndex", "Signature", "load_index", "mark_duplicate", "signature"]

NUM_PERM = 128
#: The share of pairs at the threshold that the LSH bands must find as candidates (then verified).
_RECALL = 0.95
_SEED = 1
_SCHEME = "affine32"  # datasketch's 32-bit permutations: 4 bytes a value
_WORD = re.compile(r"\w+")
_EMPTY = np.uint32(0xFFFFFFFF)  # every minimum of a set with no shingles


@dataclass(frozen=True, slots=True)
class Signature:
    """A text's MinHash: ``NUM_PERM`` 32-bit minima (little-endian bytes) and the scheme that made them."""

    values: bytes
    scheme: str

    @property
    def empty(self) -> bool:
        """Whether the text had no words (such a signature matches nothing)."""
        return bool(np.all(self.array() == _EMPTY))

    def array(self) -> np.ndarray:
        """The minima as a numpy array."""
        return np.frombuffer(self.values, dtype="<u4")


def scheme_name(shingle_words: int) -> str:
    """The name of the signature scheme: its shingle size, permutation count and permutations."""
    return f"minhash.{_SCHEME}.w{shingle_words}.p{NUM_PERM}.s{_SEED}"


@cache
def _permutations() -> np.ndarray:
    """The permutations shared by every signature (drawn once from the fixed seed)."""
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def signature(text: str, *, shingle_words: int = 5) -> Signature:
    """The MinHash of the text's word shingles; the same text always gives the same signature, in any process."""
    words = _WORD.findall(text.lower())
    width = min(shingle_words, len(words))
    shingles = {" ".join(words[i : i + width]) for i in range(len(words) - width + 1)} if words else set()
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_permutations(), scheme=_SCHEME)
    minhash.update_batch(sorted(s.encode("utf-8") for s in shingles))
    return Signature(minhash.hashvalues.astype("<u4").tobytes(), scheme_name(shingle_words))


def _bands(threshold: float) -> tuple[int, int]:
    """LSH bands and rows per band: the most rows that still find ``_RECALL`` of the pairs at the threshold."""
    for rows in range(NUM_PERM // 2, 0, -1):
        bands = NUM_PERM // rows
        if bands >= 2 and 1 - (1 - threshold**rows) ** bands >= _RECALL:
            return bands, rows
    return NUM_PERM // 2, 2


class DuplicateIndex:
    """The originals seen so far, and which of them a new article copies.

    Picklable; one per run (or per store, see :func:`load_index`). Answers depend only on the order of
    :meth:`check` calls.
    """

    def __init__(self, *, threshold: float = 0.5, shingle_words: int = 5, max_originals: int = 50_000) -> None:
        self.threshold = threshold
        self.scheme = scheme_name(shingle_words)
        self.shingle_words = shingle_words
        self.max_originals = max_originals
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=_bands(threshold))
        self._originals: dict[str, tuple[int, np.ndarray]] = {}  # key → (order seen, minima), oldest first
        self._seen = 0

    @classmethod
    def for_config(cls, config: DedupConfig) -> DuplicateIndex:
        """An empty index with the ``[dedup]`` settings."""
        return cls(threshold=config.threshold, shingle_words=config.shingle_words,
                   max_originals=config.max_originals)

    def __len__(self) -> int:
        return len(self._originals)

    def __contains__(self, key: object) -> bool:
        return key in self._originals

    def __eq__(self, other: object) -> bool:
        """Equal when the settings and the originals remembered (in order) are."""
        if not isinstance(other, DuplicateIndex):
            return NotImplemented
        settings = (self.threshold, self.scheme, self.max_originals) == (other.threshold, other.scheme,
                                                                         other.max_originals)
        return settings and list(self._originals) == list(other._originals) and all(
            np.array_equal(minima, other._originals[key][1]) for key, (_, minima) in self._originals.items())

    __hash__ = None  # type: ignore[assignment]  # mutable

    def check(self, key: str, sig: Signature) -> str | None:
        """The key of the earlier original that the article ``key`` copies, else None, remembering it as one."""
        found = self.match(key, sig)
        if found is None:
            self.add(key, sig)
        return found

    def match(self, key: str, sig: Signature) -> str | None:
        """The earlier original with the same key, else the most similar one at or above the threshold."""
        if key in self._originals:
            return key
        self._check_scheme(sig)
        if sig.empty or not self._originals:
            return None
        minima = sig.array()
        best: tuple[float, int, str] | None = None
        for candidate in self._lsh.query(self._lean(minima)):
            order, other = self._originals[candidate]
            similarity = float(np.count_nonzero(other == minima)) / NUM_PERM
            if similarity >= self.threshold and (best is None or (-similarity, order) < (-best[0], best[1])):
                best = (similarity, order, candidate)
        return best[2] if best is not None else None

    def add(self, key: str, sig: Signature) -> None:
        """Remember an original, forgetting the oldest beyond ``max_originals`` (an empty signature, or a key
        already known, is ignored)."""
        self._check_scheme(sig)
        if key in self._originals or sig.empty:
            return
        minima = sig.array().copy()
        self._originals[key] = (self._seen, minima)
        self._seen += 1
        self._lsh.insert(key, self._lean(minima), check_duplication=False)
        if len(self._originals) > self.max_originals:
            oldest = next(iter(self._originals))
            del self._originals[oldest]
            self._lsh.remove(oldest)

    def signature(self, key: str) -> Signature | None:
        """The signature of a remembered original, None for any other key."""
        found = self._originals.get(key)
        return Signature(found[1].astype("<u4").tobytes(), self.scheme) if found is not None else None

    def _check_scheme(self, sig: Signature) -> None:
        if sig.scheme != self.scheme:
            raise ValueError(f"a signature of scheme {sig.scheme!r} given to an index of scheme {self.scheme!r}; "
                             "compute signatures with this index's shingle_words")

    @staticmethod
    def _lean(minima: np.ndarray) -> LeanMinHash:
        return LeanMinHash(seed=_SEED, hashvalues=minima, scheme=_SCHEME)


def mark_duplicate(article: Article, index: DuplicateIndex, sig: Signature | None = None) -> Article:
    """The article, marked as a copy (``duplicate_of``, ``not_coded``) when it copies an earlier original.

    ``sig`` is the article's signature when a worker computed it already.
    """
    if not article.text.strip():
        return article
    key = article.content_hash
    found = index.check(key, sig if sig is not None else signature(article.text, shingle_words=index.shingle_words))
    if found is None:
        return article
    why = f"duplicate of {found} (the same text)" if found == key else f"near-duplicate of {found}"
    return dataclasses.replace(article, duplicate_of=found, not_coded=why)


@dataclass(frozen=True, slots=True)
class DedupStage:
    """dedup: an article that copies an earlier one is marked, stored, and not coded (runs in the main process)."""

    index: DuplicateIndex
    name: str = "dedup"
    requires: ClassVar[frozenset[str]] = frozenset({"article"})
    assigns: ClassVar[frozenset[str]] = frozenset({"duplicate_of"})

    def __call__(self, work: Work) -> None:
        if work.article is not None:
            work.article = mark_duplicate(work.article, self.index)


class _SignatureStore(Protocol):
    def unsigned(self, scheme: str, *, newest: int) -> list[tuple[str, str]]: ...

    def add_signatures(self, signatures: Iterable[tuple[str, Signature]]) -> None: ...

    def signatures(self, scheme: str, *, newest: int) -> Iterable[tuple[str, bytes]]: ...


def load_index(duplicates: _SignatureStore, config: DedupConfig) -> DuplicateIndex:
    """The index of the newest ``max_originals`` coded originals of a store (``Store.duplicates``), signing the
    ones not signed yet (articles stored before signatures were kept, or by a run killed half-way)."""
    index = DuplicateIndex.for_config(config)
    missing = duplicates.unsigned(index.scheme, newest=config.max_originals)
    if missing:
        duplicates.add_signatures((key, signature(text, shingle_words=config.shingle_words)) for key, text in missing)
    for key, values in duplicates.signatures(index.scheme, newest=config.max_originals):
        index.add(key, Signature(values, index.scheme))
    return index
