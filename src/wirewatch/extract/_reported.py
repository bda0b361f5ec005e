"""Reported speech: "X said (that) …", "X expressed hope that …", "…, X said, …", "according to X, …".

A speech verb's complement clause is the quote and its subject the speaker, kept (as words) when no actor can be
named; a clause inside another is part of it unless another speaker says it; a clause that crosses a quotation's
marks is left to the direct quote.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..annotate import text_of, tokens
from ._modality import DENIAL_VERBS, SPEECH_VERBS
from ._speakers import named_speaker, phrase_text, speaker_id, speaker_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..resolve import DocActors

__all__ = ["INDIRECT_CUES", "SAYING", "cue_phrase", "is_quote", "reported_speech"]

#: Verbs of saying beyond the modality lexicon's: posting, recalling, complaining, answering, joking.
SAYING = frozenset({
    "tweeted", "tweets", "posted", "recalled", "recalls", "complained", "complains", "boasted", "boasts", "joked",
    "jokes", "quipped", "quips", "remarked", "remarks", "commented", "comments", "observed", "observes",
    "testified", "testifies", "concluded", "concludes", "cautioned", "cautions", "demanded", "demands",
    "shouted", "shouts", "answered", "answers", "replied", "replies", "responded", "responds", "recounted",
    "recounts", "explained", "explains", "told", "tells", "wrote", "writes", "argued", "argues", "insisted",
    "insists", "stressed", "stresses", "noted", "notes", "added", "adds", "says", "said", "asserted", "asserts"})


INDIRECT_CUES = (SPEECH_VERBS | DENIAL_VERBS | {"expressed", "expressing", "hoped", "hopes", "urged", "called",
                                                  "pointed", "referred", "warned", "accused", "acknowledged",
                                                  "admitted", "vowed", "pledged", "conceded", "maintained",
                                                  "predicted", "promised"} | SAYING) - {
    "according", "indicate", "indicated", "indicating", "show", "shows", "showed", "suggest", "suggested",
    "reveal", "revealed", "think", "thinks", "thought", "believe", "believes"}


#: Subjects that name no speaker unless the resolver finds who they stand for ("it is said that", "this shows").
_NO_ONE = frozenset({"it", "this", "that", "these", "those", "which", "what", "there", "all", "one", "each"})


_MIN_WORDS = 4


def _outermost(found: list[tuple]) -> list[tuple]:
    """ "X said that he believed Y": a reported clause inside another is part of it unless another speaker says it."""
    def inside(f: tuple, g: tuple) -> bool:
        return f[-1] != g[-1] and g[-1][0] <= f[-1][0] and f[-1][1] <= g[-1][1] and f[0] in (None, g[0])

    return [f for f in found if not any(inside(f, g) for g in found)]


def cue_phrase(verb: Token) -> str:
    """The cue as a reader names it: "said", "expressed hope", "called for"."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in {"hope", "concern", "concerns", "regret", "confidence"}:
            return f"{verb.text} {child.text}"
        if child.dep_ in {"prep", "prt"} and verb.lower_ in {"called", "calls", "call"} and child.lower_ in {
                "for", "on"}:
            return f"{verb.text} {child.text}"
    return verb.text


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps any of ``spans``."""
    return any(s < span[1] and span[0] < e for s, e in spans)


def _through_marks(text: str, span: tuple[int, int], direct: list[tuple[int, int]]) -> int:
    """The end of a reported clause, carried over the stop of a quotation it ends in ("was “unhinged.”")."""
    for s, e in direct:
        if span[0] <= s < span[1] < e and not text[span[1] : e].strip(".,!?;:"):
            return e
    return span[1]


def _clashes(span: tuple[int, int], direct: list[tuple[int, int]]) -> bool:
    """Whether a reported clause clashes with a direct quote: crosses its marks or is that quote but a word or two
    ("said that “…”")."""
    for s, e in direct:
        inside = span[0] <= s and e <= span[1] and 5 * (e - s) < 4 * (span[1] - span[0])
        if s < span[1] and span[0] < e and not inside:
            return True
    return False


def is_quote(text: str) -> bool:
    return len(re.findall(r"\w+", text)) >= _MIN_WORDS


def _indirect(doc: Doc, actors: DocActors, direct: list[tuple[int, int]]) -> list[tuple]:
    out = []
    for token in tokens(doc):
        if token.lower_ == "according" and token.dep_ == "prep":
            found = _according(token, actors, direct)
        elif token.lower_ in INDIRECT_CUES and token.tag_.startswith("VB"):
            found = _reported_clause(token, actors, direct)
        else:
            found = None
        if found is not None:
            out.append(found)
    return out


def _reported_clause(verb: Token, actors: DocActors, direct: list[tuple[int, int]]) -> tuple | None:
    clause = _complement(verb)
    speaker = named_speaker(speaker_of(verb))
    if clause is None and speaker is not None and verb.dep_ in {"parataxis", "ccomp"} and verb.i != verb.head.i:
        return _parenthetical(verb, speaker, actors, direct)
    if clause is None or speaker is None:
        return None
    left, right = clause.left_edge, clause.right_edge
    while left.dep_ == "mark" or left.is_punct:
        left = left.doc[left.i + 1]
    start, end = left.idx, right.idx + len(right.text)
    end = _through_marks(text_of(verb.doc), (start, end), direct)
    if end <= start or _clashes((start, end), direct):
        return None
    who = speaker_id(speaker, actors)
    if who is None and speaker.lower_ in _NO_ONE:
        return None
    text = text_of(verb.doc)[start:end]
    stripped = text.strip("\u201c\u201d\"' ")
    start += text.index(stripped) if stripped else 0
    end = start + len(stripped)
    text = stripped
    cue = cue_phrase(verb)
    return who, phrase_text(speaker), text, "indirect", cue, (start, end)


def _parenthetical(verb: Token, speaker: Token, actors: DocActors, direct: list[tuple[int, int]]) -> tuple | None:
    """ "On Tuesday, she said, the vote will go ahead": the sentence around a cue set inside it is the quote."""
    sent = verb.sent
    cue = sorted(verb.subtree, key=lambda t: t.i)
    if any(t.lower_ in {"that", "whether"} for t in cue) or sum(not t.is_punct for t in cue) > 4:
        return None
    first, last = cue[0].i, cue[-1].i
    tokens = [t for t in sent if (t.i < first or t.i > last) and not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if not is_quote(text_of(verb.doc)[start:end]) or _overlaps((start, end), direct):
        return None
    text = text_of(verb.doc)[start:end]
    return speaker_id(speaker, actors), phrase_text(speaker), text, "indirect", verb.text, (start, end)


def _complement(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for noun in child.children:
                clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"}
                               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
                if noun.dep_ == "pobj" and clause is not None:
                    return clause
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in {"hope", "concern", "confidence", "belief"}:
            for grandchild in child.children:
                if grandchild.dep_ in {"acl", "ccomp", "relcl"}:
                    return grandchild
        if child.dep_ == "prep" and verb.lower_ in {"referred", "pointed"} and child.lower_ in {"to", "out"}:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _according(prep: Token, actors: DocActors, direct: list[tuple[int, int]]) -> tuple | None:
    objects = [g for c in prep.children for g in ([c] if c.dep_ == "pobj" else c.children) if g.dep_ == "pobj"]
    if not objects:
        return None
    speaker = objects[0]
    span = _according_content(prep)
    if span is None:
        return None
    start, end = span
    text = text_of(prep.doc)[start:end].rstrip(" ,")
    end = start + len(text)
    if not is_quote(text) or _overlaps((start, end), direct):
        return None
    return speaker_id(speaker, actors), phrase_text(speaker), text, "indirect", "according to", (start, end)


def _according_content(prep: Token) -> tuple[int, int] | None:
    """What "according to X" reports: the rest of its sentence when it opens it, what precedes when it closes it."""
    sent = prep.sent
    last = sent.end_char if not sent[-1].is_punct else sent[-1].idx
    if prep.i > sent.start + 1:
        closes = max(t.i for t in prep.subtree) >= sent.end - 2
        cued = any(t.lower_ in INDIRECT_CUES and t.tag_.startswith("VB") and speaker_of(t) is not None
                   for t in sent if t.i < prep.i)
        if cued:
            return None
        return (sent.start_char, prep.idx) if closes else (sent.start_char, last)  # "X, according to Y, in Z"
    comma = next((t.i for t in sent if t.i > prep.i and t.text == ","), None)
    phrase_end = comma - 1 if comma is not None else max(t.i for t in prep.subtree)
    rest = [t for t in sent if t.i > phrase_end and not (t.is_punct and t.i == phrase_end + 1)]
    return (rest[0].idx, last) if rest and rest[0].idx < last else None


def reported_speech(doc: Doc, actors: DocActors, direct: list[tuple[int, int]]) -> list[tuple]:
    """Every reported statement outside the direct quotes ``direct``: (speaker id, speaker text, text, kind, cue,
    span)."""
    return _outermost(_indirect(doc, actors, direct))
