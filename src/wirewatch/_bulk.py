"""spaCy's transition-based components (the entity recognizer and the dependency parser) decoded in bulk: the same
models, the same moves, the same answers, several times faster.

spaCy decides a document's moves one at a time, one state a document, and its compiled loop takes and drops
Python's interpreter lock several times for each candidate move of each token (some 40 µs a token for the entity
recognizer, more than its network costs). Both components compute their token features over whole documents
first; after that, the pieces of a document that cannot influence one another can be decided side by side, many
states a step, with the lock held throughout:

- **Entities** cannot cross a sentence boundary, and a state's features are the token under the cursor, the open
  entity's first token and the token before the cursor (the last two only while an entity is open). So the
  sentences are independent: :class:`BulkEntityRecognizer` advances one state per sentence, all sentences of the
  batch together, in numpy, with the same scores summed in the same order, the same rules for which moves are
  allowed, and the same choice of the best allowed move (the first, on a tie).
- **Dependencies** cannot cross a paragraph break (a preset sentence start: a move that would join a word across
  it is never allowed). A paragraph's state can read the first two words after it (the buffer's first two
  features) and its moves stop when its stack is empty and the break is next; from there a fresh state at the
  break is in the same configuration. :class:`BulkParser` gives each paragraph, with those two words, a state of
  its own, and steps them together through spaCy's own scoring and transition code. The one move that would carry
  a decision across (marking the word after the break a sentence start while the paragraph's stack is not empty)
  is detected, and that document is parsed again by spaCy's own loop.

``tests/test_bulk_decoding.py`` compares both with spaCy's loops on real text. Where a component is not one these
decoders know (other features, beam search, classes never seen in training), or a document already carries
entities, spaCy's own loop runs instead.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.pipeline import EntityRecognizer
    from spacy.tokens import Doc

__all__ = ["BulkEntityRecognizer", "BulkParser", "supports", "supports_parser"]

_BEGIN, _IN, _LAST, _UNIT, _OUT = "BILUO"
_OPENS, _CLOSES, _UNITS = 1, 2, 3


@dataclass(frozen=True, slots=True)
class _Moves:
    """The recognizer's moves as column sets: which columns begin, continue, end or make a one-token entity, and
    with which label; the out move's column."""

    begin: numpy.ndarray
    inside: numpy.ndarray
    inside_labels: numpy.ndarray
    last: numpy.ndarray
    last_labels: numpy.ndarray
    unit: numpy.ndarray
    out: int
    never: numpy.ndarray  # moves never allowed here (no label, or not a BILUO move)
    label_of: numpy.ndarray  # the label (a string-store id) each column carries, 0 for none
    kind: numpy.ndarray  # what each column does to the entity: _OPENS, _CLOSES, _UNITS, or 0 (nothing)


def _moves(ner: EntityRecognizer) -> _Moves | None:
    strings = ner.vocab.strings
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    label_of = numpy.zeros(len(names), dtype=numpy.uint64)
    kinds: dict[str, list[int]] = {k: [] for k in (_BEGIN, _IN, _LAST, _UNIT)}
    out = None
    for column, name in enumerate(names):
        kind, _, label = name.partition("-")
        if name == _OUT:
            out = column
        elif kind in kinds and label:  # a move with no label ("U-": a blocked preset) is never allowed here
            kinds[kind].append(column)
            label_of[column] = strings.add(label)
        elif kind not in kinds:
            return None
    if out is None:
        return None

    def cols(kind: str) -> numpy.ndarray:
        return numpy.array(kinds[kind], dtype=numpy.intp)

    kind = numpy.zeros(len(names), dtype=numpy.uint8)
    kind[cols(_BEGIN)], kind[cols(_LAST)], kind[cols(_UNIT)] = _OPENS, _CLOSES, _UNITS
    used = {out, *(c for k in kinds.values() for c in k)}
    never = numpy.array([c for c in range(len(names)) if c not in used], dtype=numpy.intp)
    return _Moves(begin=cols(_BEGIN), inside=cols(_IN), inside_labels=label_of[cols(_IN)], last=cols(_LAST),
                  last_labels=label_of[cols(_LAST)], unit=cols(_UNIT), out=out, never=never, label_of=label_of,
                  kind=kind)


def supports(ner: Any) -> bool:
    """Whether ``ner`` is a recognizer this decoder reproduces: greedy BILUO moves over spaCy's transition model
    with three features (cursor, entity start, token before the cursor), maxout pieces and an output layer."""
    from spacy.pipeline import EntityRecognizer

    if not isinstance(ner, EntityRecognizer) or ner.cfg.get("beam_width", 1) != 1:
        return False
    model = ner.model
    if not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
        return False
    try:
        lower = model.get_ref("lower")
        return lower.get_dim("nF") == 3 and lower.get_dim("nP") >= 2 and _moves(ner) is not None
    except (KeyError, ValueError):
        return False


class _Component(ABC):
    """A pipeline component standing for one of spaCy's, decoded in bulk where it can be: each subclass says how
    a batch is decoded (:meth:`decode`); calling it on one document and piping documents come from here."""

    def __call__(self, doc: Doc) -> Doc:
        self.decode([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            self.decode(batch)
            yield from batch

    @abstractmethod
    def decode(self, docs: list[Doc]) -> None:
        """Set this component's annotations on a batch of documents."""


class BulkEntityRecognizer(_Component):
    """A pipeline component that stands for spaCy's ``ner``: its model and moves, decoded in bulk (see the
    module's text). It needs sentence boundaries (the parser before it)."""

    def __init__(self, ner: EntityRecognizer) -> None:
        self.ner = ner
        self.moves = _moves(ner) if supports(ner) else None

    def decode(self, docs: list[Doc]) -> None:
        """Set the entities of ``docs``: in bulk where this decoder applies, else with spaCy's own loop."""
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        if self.moves is None or any(doc.has_annotation("ENT_IOB") for doc in docs):
            self.ner.set_annotations(docs, self.ner.predict(docs))
            return
        spans = self._decode(docs)
        for doc, found in zip(docs, spans, strict=True):
            doc.set_ents(found, default="outside")

    def _decode(self, docs: list[Doc]) -> list[list[Any]]:
        moves = self.moves
        assert moves is not None
        model = self.ner.model
        tok2vec, lower, upper = model.get_ref("tok2vec"), model.get_ref("lower"), model.get_ref("upper")
        # rows: a padding row (0), then one per token of the batch, each (features, hidden, pieces); computed a
        # document at a time (a document's rows do not depend on the others), so the network's working memory
        # stays that of one document
        rows = [lower.predict(tok2vec.predict([doc])) for doc in docs]
        table = rows[0] if len(rows) == 1 else numpy.concatenate([rows[0], *(r[1:] for r in rows[1:])])
        bias = lower.get_param("b")
        weights, shift, gemm = upper.get_param("W"), upper.get_param("b"), _scores_gemm()
        start, end, is_space, first = _sentences(docs)
        length = end - start
        n = len(start)
        live_at = numpy.searchsorted(-length, -numpy.arange(int(length[0])), side="left")  # sentences left

        open_ = numpy.zeros(n, dtype=bool)
        label = numpy.zeros(n, dtype=numpy.uint64)
        entity_start = numpy.zeros(n, dtype=numpy.intp)
        found: list[tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]] = []
        for step, live in enumerate(live_at.tolist()):
            cursor = start[:live] + step
            is_open = open_[:live]
            held = label[:live]
            # features as spaCy's state gives them: the cursor; the entity's start and the token before the
            # cursor while an entity is open, else the padding row (token rows are shifted by one for it)
            summed = table[cursor + 1, 0] + table[numpy.where(is_open, entity_start[:live] + 1, 0), 1]
            summed += table[numpy.where(is_open, cursor, 0), 2]
            summed += bias
            scores = gemm(summed.max(axis=-1), weights, trans2=True)
            scores += shift
            best = self._best(scores, is_open, held, cursor + 1 >= end[:live], is_space[cursor])
            kind = moves.kind[best]
            if not kind.any():
                continue
            opens, closes, units = kind == _OPENS, kind == _CLOSES, kind == _UNITS
            if opens.any():
                open_[:live] |= opens
                held[opens] = moves.label_of[best[opens]]
                entity_start[:live][opens] = cursor[opens]
            if closes.any():
                found.append((entity_start[:live][closes], cursor[closes] + 1, held[closes]))
                is_open &= ~closes
            if units.any():
                found.append((cursor[units], cursor[units] + 1, moves.label_of[best[units]]))
        return _spans(docs, first, found)

    def _best(self, scores: numpy.ndarray, is_open: numpy.ndarray, held: numpy.ndarray, last_token: numpy.ndarray,
              blank: numpy.ndarray) -> numpy.ndarray:
        """Each state's best allowed move (the first on a tie), by spaCy's rules with no preset entities: out,
        begin and unit only with no entity open, begin never on a sentence's last token, begin and unit never on
        whitespace; in and last only for the open entity's label, in never on a sentence's last token."""
        moves = self.moves
        assert moves is not None
        closed = ~is_open
        allowed = numpy.empty(scores.shape, dtype=bool)
        allowed[:, moves.out] = closed
        allowed[:, moves.begin] = (closed & ~last_token & ~blank)[:, None]
        allowed[:, moves.unit] = (closed & ~blank)[:, None]
        allowed[:, moves.inside] = (is_open & ~last_token)[:, None] & (held[:, None] == moves.inside_labels)
        allowed[:, moves.last] = is_open[:, None] & (held[:, None] == moves.last_labels)
        allowed[:, moves.never] = False
        scores[~allowed] = -numpy.inf
        return scores.argmax(axis=1)


def _sentences(docs: list[Doc]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, list[int]]:
    """The sentences of a batch as [start, end) over the batch's tokens, longest first; which tokens are
    whitespace; and where each document starts."""
    from spacy.attrs import IS_SPACE, SENT_START

    starts, ends, space = [], [], []
    first = _offsets(docs)
    for doc, offset in zip(docs, first, strict=True):
        marks = doc.to_array([SENT_START, IS_SPACE])
        begins = numpy.flatnonzero(marks[:, 0].view(numpy.int64) == 1)
        if not len(begins) or begins[0] != 0:
            begins = numpy.concatenate(([0], begins))
        starts.append(begins + offset)
        ends.append(numpy.concatenate((begins[1:], [len(doc)])) + offset)
        space.append(marks[:, 1].astype(bool))
    start, end = numpy.concatenate(starts), numpy.concatenate(ends)
    order = numpy.argsort(start - end, kind="stable")
    return start[order], end[order], numpy.concatenate(space), first


def _spans(docs: list[Doc], first: list[int], found: list[tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]]
           ) -> list[list[Any]]:
    """The entities found, as spans of their documents in order."""
    from spacy.tokens import Span

    out: list[list[Any]] = [[] for _ in docs]
    if not found:
        return out
    begin, stop, kinds = (numpy.concatenate([f[i] for f in found]) for i in range(3))
    which = numpy.searchsorted(numpy.asarray(first), begin, side="right") - 1
    for i in numpy.argsort(begin, kind="stable").tolist():
        d = int(which[i])
        out[d].append(Span(docs[d], int(begin[i]) - first[d], int(stop[i]) - first[d], label=int(kinds[i])))
    return out


#: The words after a paragraph that its state may read (the buffer's first two features).
_LOOKAHEAD = 2


def supports_parser(parser: Any) -> bool:
    """Whether ``parser`` is one :class:`BulkParser` reproduces: spaCy's greedy arc-eager parser over its
    transition model with an output layer, with every class seen in training."""
    from spacy.pipeline import DependencyParser

    if not isinstance(parser, DependencyParser) or parser.cfg.get("beam_width", 1) != 1:
        return False
    return bool(parser.model.attrs.get("has_upper")) and not parser.model.attrs.get("unseen_classes")


@dataclass(slots=True)
class _Paragraph:
    doc: Doc
    start: int  # the paragraph's first word in ``doc``
    end: int  # one past its last word
    piece: Doc  # its words and the lookahead after them, as a document of their own
    state: Any  # spaCy's parse state over ``piece``
    stop: int  # where the break is in ``piece`` (-2: none, the paragraph ends the document)


class BulkParser(_Component):
    """A pipeline component that stands for spaCy's ``parser``: its model and moves, with the paragraphs of a
    batch parsed side by side (see the module's text)."""

    def __init__(self, parser: Any) -> None:
        self.parser = parser
        self.bulk = supports_parser(parser)
        #: documents parsed again by spaCy's loop (their paragraphs were not independent), in this process
        self.reparsed = 0
        self.tangled: list[tuple[Doc, int]] = []  # during a batch: (document, break) where that was found

    def decode(self, docs: list[Doc]) -> None:
        """Set the dependencies (and so the sentences) of ``docs``."""
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        if not self.bulk:
            self.parser.set_annotations(docs, self.parser.predict(docs))
            return
        redo = self._parse(docs)
        if redo:
            self.parser.set_annotations(redo, self.parser.predict(redo))

    def _parse(self, docs: list[Doc]) -> list[Doc]:
        """Parse ``docs`` by paragraphs; the documents whose paragraphs turned out not to be independent (see the
        module's text) are returned unparsed."""
        from spacy.attrs import DEP, HEAD

        parser = self.parser
        model = parser.model.predict(docs)  # token features over whole documents, as spaCy computes them
        step, weights, shift = model.state2vec.predict, model.vec2scores.get_param("W"), model.vec2scores.get_param("b")
        gemm = _scores_gemm()
        paragraphs = [p for doc, offset in zip(docs, _offsets(docs), strict=True)
                      for p in _paragraphs(doc, offset)]
        active = [p for p in paragraphs if not p.state.is_final()]
        while active:
            going, watched = [], []
            for p in active:
                if p.state.B(0) == p.stop:  # the break is next
                    depth = p.state.stack_depth()
                    if not depth:
                        continue  # done: a fresh state at the break goes on from here
                    watched.append((p, depth))
                going.append(p)
            if not going:
                break
            states = [p.state for p in going]
            scores = gemm(step(model.get_token_ids(states)), weights, trans2=True)
            scores += shift
            alive = {id(state) for state in parser.transition_states(states, scores)}
            for p, depth in watched:
                if p.state.stack_depth() == depth and p.state.B(0) == p.stop:
                    self.tangled.append((p.doc, p.end))  # a sentence break was set after the paragraph's break
            active = [p for p in going if id(p.state) in alive]
            self.tangled.extend((p.doc, p.end) for p in going if p.stop >= 0 and id(p.state) not in alive)
        model.clear_memory()

        redo = {id(doc) for doc, _ in self.tangled}
        self.tangled.clear()
        mine = [p for p in paragraphs if id(p.doc) not in redo]
        parser.set_annotations([p.piece for p in mine], [p.state for p in mine])
        rows: dict[int, list[numpy.ndarray]] = {}
        for p in mine:
            rows.setdefault(id(p.doc), []).append(p.piece.to_array([HEAD, DEP])[: p.end - p.start])
        for doc in docs:
            if id(doc) not in redo:
                joined: Any = numpy.concatenate(rows[id(doc)])  # the uint64 rows to_array gives (spaCy's stub: Ints2d)
                doc.from_array([HEAD, DEP], joined)
        self.reparsed += len(redo)
        return [doc for doc in docs if id(doc) in redo]


def _scores_gemm() -> Any:
    """The matrix product that scores states: BLIS's, as in spaCy's compiled loop (which multiplies with thinc's
    ``CBlas`` whatever ops the model has), so that the moves are spaCy's to the last bit."""
    from thinc.api import NumpyOps

    return NumpyOps(use_blis=True).gemm


def _offsets(docs: list[Doc]) -> list[int]:
    out, total = [], 0
    for doc in docs:
        out.append(total)
        total += len(doc)
    return out


def _paragraphs(doc: Doc, offset: int) -> list[_Paragraph]:
    """``doc`` cut before each preset sentence start, each piece with the lookahead words after it."""
    from spacy.attrs import ORTH, SENT_START, SPACY
    from spacy.pipeline._parser_internals.stateclass import StateClass
    from spacy.tokens import Doc

    table = doc.to_array([SENT_START, ORTH, SPACY])
    marks: Any = table[:, :1]  # uint64, as to_array gives them (spaCy's stub says Ints2d)
    cuts = [0, *(i for i in numpy.flatnonzero(marks.view(numpy.int64) == 1).tolist() if i > 0), len(doc)]
    strings = doc.vocab.strings
    words = [strings[orth] for orth in table[:, 1].tolist()]  # no Token objects: they are slow to make
    spaces = table[:, 2].astype(bool).tolist()
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        stop = min(end + _LOOKAHEAD, len(doc))
        piece = Doc(doc.vocab, words=words[start:stop], spaces=spaces[start:stop])
        piece.from_array([SENT_START], marks[start:stop])
        out.append(_Paragraph(doc, start, end, piece, StateClass(piece, offset=offset + start),
                              end - start if end < len(doc) else -2))
    return out
