"""Duplicates: find the copies of one story, so that a wire story republished by twenty outlets is coded once.

Two articles are *near-duplicates* when their word shingles (runs of ``shingle_words`` words, lower-cased)
overlap by at least ``threshold`` (Jaccard similarity), estimated with datasketch's MinHash (the share of equal
minima) and found among many by locality-sensitive hashing: an original is a candidate when its signature agrees
with the article's on every row of one of ``b`` bands (``_bands``), and a candidate counts when its estimated
similarity reaches the threshold. *Exact duplicates* have the same text, hence the same content hash (the
articles' key).

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
chains of edits cannot drift from one story to another; the oldest are forgotten beyond ``max_originals`` (the
copies of a story arrive within days of it). The index is compact, about 1.4 kB an original (datasketch's
``MinHashLSH`` took 13 kB): the signatures lie in numpy chunks (512 bytes a signature), and the buckets are two sorted
numpy arrays of (64-bit hash of a band, original), 16 bytes a band, into which the newest originals are merged
in batches; the band hashes depend only on the minima, so every process builds the same index.
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
from typing import Any, ClassVar, Protocol

import numpy as np
from datasketch import MinHash

from .base import Work
from .config import DEFAULTS, DedupConfig
from .errors import ConfigError
from .records import Article

__all__ = ["DedupStage", "DuplicateIndex", "Signature", "load_index", "mark_duplicate", "signature"]

NUM_PERM = 128
#: The share of pairs at the threshold that the LSH bands must find as candidates (then verified).
_RECALL = 0.95
_SEED = 1
_SCHEME = "affine32"  # datasketch's 32-bit permutations: 4 bytes a value
_WORD = re.compile(r"\w+")
_EMPTY = np.uint32(0xFFFFFFFF)  # every minimum of a set with no shingles
_CHUNK = 1024  # originals' signatures a chunk of the index holds (512 kB)
_FIRST_ROWS = 16  # the first chunk starts this small, and doubles up to _CHUNK
#: New originals wait in a dict (about 2.8 kB each) until there are this many, or this share of the index, to merge.
_WAITING = 128
_WAITING_SHARE = 16


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


def signature(text: str, *, shingle_words: int = DEFAULTS.dedup.shingle_words) -> Signature:
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


def _band_hashes(minima: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """The 64-bit hash of each band's ``rows`` minima (``minima``: one signature, or a matrix of them, one a row).

    A multilinear hash (each position has its own odd multiplier, so a band's index is part of its hash) and a
    mixing step; it depends only on the numbers, so it is the same in every process.
    """
    values = minima[..., : bands * rows].astype(np.uint64) * _MULTIPLIERS[: bands * rows]
    return _mix(values.reshape(*minima.shape[:-1], bands, rows).sum(axis=-1, dtype=np.uint64))


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, on every element (uint64 arithmetic wraps around)."""
    values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


_MULTIPLIERS = _mix(np.arange(1, NUM_PERM + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)) | np.uint64(1)


class _Buckets:
    """The LSH buckets: which originals (by order seen) have a band with a given hash.

    Most entries sit in two sorted numpy arrays (band hash, order; 16 bytes an entry, one entry per band of an
    original); the newest wait in a dict until there are enough of them to merge in one pass.
    """

    def __init__(self) -> None:
        self._hashes = np.empty(0, dtype=np.uint64)  # sorted
        self._orders = np.empty(0, dtype=np.int64)  # the original of each hash
        self._pending: dict[int, int | tuple[int, ...]] = {}  # band hash → order(s), not merged yet
        self.waiting = 0  # originals in _pending

    def add(self, hashes: np.ndarray, order: int) -> None:
        """File the original ``order`` under each of its band hashes."""
        for band in hashes.tolist():
            found = self._pending.get(band)
            if found is None:
                self._pending[band] = order
            else:
                self._pending[band] = (*found, order) if isinstance(found, tuple) else (found, order)
        self.waiting += 1

    def find(self, hashes: np.ndarray) -> set[int]:
        """The originals with at least one band hash in common with ``hashes`` (forgotten ones included)."""
        found: set[int] = set()
        if self._hashes.size:
            starts = np.searchsorted(self._hashes, hashes, side="left")
            ends = np.searchsorted(self._hashes, hashes, side="right")
            for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
                if end > start:
                    found.update(self._orders[start:end].tolist())
        for band in hashes.tolist():
            hit = self._pending.get(band)
            if isinstance(hit, tuple):
                found.update(hit)
            elif hit is not None:
                found.add(hit)
        return found

    def merge(self, oldest: int) -> None:
        """Move the waiting entries into the sorted arrays, dropping those of originals before ``oldest``."""
        hashes: list[int] = []
        orders: list[int] = []
        for band, hit in self._pending.items():
            hits = hit if isinstance(hit, tuple) else (hit,)
            hashes += [band] * len(hits)
            orders += hits
        self._pending, self.waiting = {}, 0
        new_hashes, new_orders = np.array(hashes, dtype=np.uint64), np.array(orders, dtype=np.int64)
        keep = new_orders >= oldest
        new_hashes, new_orders = new_hashes[keep], new_orders[keep]
        by_hash = np.argsort(new_hashes, kind="stable")
        new_hashes, new_orders = new_hashes[by_hash], new_orders[by_hash]
        # one array at a time, so that at most one and a half copies of the buckets are held at once
        if self._orders.size and int(self._orders.min()) < oldest:
            keep = self._orders >= oldest
            self._hashes = self._hashes[keep]
            self._orders = self._orders[keep]
        at = np.searchsorted(self._hashes, new_hashes)
        self._hashes = np.insert(self._hashes, at, new_hashes)
        self._orders = np.insert(self._orders, at, new_orders)

    def fill(self, hashes: np.ndarray) -> None:
        """Start from the band hashes of originals 0, 1, … (a matrix, one row an original); only when empty."""
        orders = np.repeat(np.arange(hashes.shape[0], dtype=np.int64), hashes.shape[1])
        by_hash = np.argsort(hashes.ravel(), kind="stable")
        self._hashes, self._orders = hashes.ravel()[by_hash], orders[by_hash]


class _Originals:
    """The originals' keys and signatures by order seen, in numpy chunks of ``_CHUNK`` rows (4 bytes a minimum).

    The originals remembered are always the orders ``first`` to ``next - 1``, since the oldest are forgotten first;
    a chunk is freed when all its originals are forgotten.
    """

    def __init__(self) -> None:
        self._minima: list[np.ndarray] = []
        self._keys: list[list[str]] = []
        self.base = self.first = self.next = 0  # order of the first row of the first chunk, oldest kept, next

    def append(self, key: str, minima: np.ndarray) -> int:
        """Keep an original; its order."""
        at = self.next - self.base
        if at == len(self._keys) * _CHUNK:
            self._minima.append(np.empty((_FIRST_ROWS if not self._minima else _CHUNK, NUM_PERM), dtype="<u4"))
            self._keys.append([])
        chunk = self._minima[-1]
        if at % _CHUNK == len(chunk):  # the first chunk starts small and doubles
            self._minima[-1] = chunk = np.concatenate([chunk, np.empty_like(chunk)])
        chunk[at % _CHUNK] = minima
        self._keys[-1].append(key)
        self.next += 1
        return self.next - 1

    def forget_oldest(self) -> str:
        """Forget the oldest original; its key."""
        key = self.key(self.first)
        self.first += 1
        if self.first - self.base == _CHUNK:
            del self._minima[0], self._keys[0]
            self.base += _CHUNK
        return key

    def key(self, order: int) -> str:
        at = order - self.base
        return self._keys[at // _CHUNK][at % _CHUNK]

    def minima(self, order: int) -> np.ndarray:
        at = order - self.base
        return self._minima[at // _CHUNK][at % _CHUNK]

    def all(self) -> tuple[list[str], np.ndarray]:
        """The keys and signatures (a matrix) of the originals kept, oldest first."""
        kept = slice(self.first - self.base, self.next - self.base)  # only the last chunk is not full
        keys = [key for chunk in self._keys for key in chunk][kept]
        return keys, np.concatenate([*self._minima, np.empty((0, NUM_PERM), dtype="<u4")])[kept]


class DuplicateIndex:
    """The originals seen so far, and which of them a new article copies.

    Picklable; one per run (or per store, see :func:`load_index`). Answers depend only on the order of
    :meth:`check` calls.
    """

    def __init__(self, *, threshold: float = DEFAULTS.dedup.threshold,
                 shingle_words: int = DEFAULTS.dedup.shingle_words,
                 max_originals: int = DEFAULTS.dedup.max_originals) -> None:
        self.threshold = threshold
        self.scheme = scheme_name(shingle_words)
        self.shingle_words = shingle_words
        self.max_originals = max_originals
        self._bands = _bands(threshold)
        self._orders: dict[str, int] = {}  # key → order seen
        self._originals = _Originals()
        self._buckets = _Buckets()

    @classmethod
    def for_config(cls, config: DedupConfig) -> DuplicateIndex:
        """An empty index with the ``[dedup]`` settings."""
        return cls(threshold=config.threshold, shingle_words=config.shingle_words,
                   max_originals=config.max_originals)

    def __len__(self) -> int:
        return len(self._orders)

    def __contains__(self, key: object) -> bool:
        return key in self._orders

    def __eq__(self, other: object) -> bool:
        """Equal when the settings and the originals remembered (in order) are."""
        if not isinstance(other, DuplicateIndex):
            return NotImplemented
        settings = (self.threshold, self.scheme, self.max_originals) == (other.threshold, other.scheme,
                                                                         other.max_originals)
        if not settings or list(self._orders) != list(other._orders):
            return False
        return all(np.array_equal(self._originals.minima(order), other._originals.minima(other._orders[key]))
                   for key, order in self._orders.items())

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __getstate__(self) -> dict[str, object]:
        """The settings and the originals (keys, and their signatures as one matrix), oldest first."""
        keys, minima = self._originals.all()
        return {"threshold": self.threshold, "shingle_words": self.shingle_words,
                "max_originals": self.max_originals, "keys": keys, "minima": minima}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(threshold=state["threshold"], shingle_words=state["shingle_words"],  # type: ignore[misc]
                      max_originals=state["max_originals"])
        for key, minima in zip(state["keys"], state["minima"], strict=True):
            self._orders[key] = self._originals.append(key, minima)
        self._buckets.fill(_band_hashes(state["minima"], *self._bands))

    def check(self, key: str, sig: Signature) -> str | None:
        """The key of the earlier original that the article ``key`` copies, else None, remembering it as one."""
        found = self.match(key, sig)
        if found is None:
            self.add(key, sig)
        return found

    def match(self, key: str, sig: Signature) -> str | None:
        """The earlier original with the same key, else the most similar one at or above the threshold."""
        if key in self._orders:
            return key
        self._check_scheme(sig)
        if sig.empty or not self._orders:
            return None
        minima = sig.array()
        best: tuple[float, int] | None = None
        for order in sorted(self._buckets.find(_band_hashes(minima, *self._bands))):
            if order < self._originals.first:  # forgotten
                continue
            similarity = float(np.count_nonzero(self._originals.minima(order) == minima)) / NUM_PERM
            if similarity >= self.threshold and (best is None or similarity > best[0]):
                best = (similarity, order)
        return self._originals.key(best[1]) if best is not None else None

    def add(self, key: str, sig: Signature) -> None:
        """Remember an original, forgetting the oldest beyond ``max_originals`` (an empty signature, or a key
        already known, is ignored)."""
        self._check_scheme(sig)
        if key in self._orders or sig.empty:
            return
        minima = sig.array()
        order = self._orders[key] = self._originals.append(key, minima)
        self._buckets.add(_band_hashes(minima, *self._bands), order)
        if len(self._orders) > self.max_originals:
            del self._orders[self._originals.forget_oldest()]
        if self._buckets.waiting >= max(_WAITING, len(self._orders) // _WAITING_SHARE):
            self._buckets.merge(self._originals.first)

    def signature(self, key: str) -> Signature | None:
        """The signature of a remembered original, None for any other key."""
        order = self._orders.get(key)
        return Signature(self._originals.minima(order).tobytes(), self.scheme) if order is not None else None

    def _check_scheme(self, sig: Signature) -> None:
        if sig.scheme != self.scheme:
            raise ConfigError(f"a signature of scheme {sig.scheme!r} given to an index of scheme {self.scheme!r}; "
                             "compute signatures with this index's shingle_words")


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
