"""The quote extractor ``quotes.rules.v1``: direct, mixed and indirect quotes with their speakers.

Direct quotes are found in the text by their quotation marks (curly or straight, split around the cue, running
over paragraphs when a paragraph opens a quote without closing it); the cue is a speech verb outside the marks
in the same sentence, or a sentence ending in a colon just before. Indirect quotes are speech verbs with a
complement clause ("X said that …", "X expressed hope that …", "according to X, …"). Speakers are resolved to
actors, pronouns and role phrases included; "the agency quoted X as saying" gives X as the speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..annotate import text_of
from ..records import Actor, Quote, QuoteKind
from ._modality import DENIAL_VERBS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..resolve import DocActors

__all__ = ["QUOTES_NAME", "extract_quotes", "find_quoted_spans", "stance_of"]

QUOTES_NAME = "quotes.rules.v1"

_OPEN = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb", "\u201e": "\u201d"}
_NOT_CUES = frozenset({"according", "indicate", "indicated", "indicating", "show", "shows", "showed"})
_CUES = (SPEECH_VERBS | DENIAL_VERBS) - _NOT_CUES | {
    "believed", "believes", "expressed", "referred", "refers", "asked", "replied", "responded", "urged", "warned",
    "pointed", "continued", "went", "acknowledged", "admitted", "vowed", "conceded", "maintained"}
_INDIRECT_CUES = (SPEECH_VERBS | DENIAL_VERBS | {"expressed", "expressing", "hoped", "hopes", "urged", "called",
                                                  "pointed", "referred", "warned", "accused", "acknowledged",
                                                  "admitted", "vowed", "pledged", "conceded", "maintained",
                                                  "predicted", "promised"}) - {
    "according", "indicate", "indicated", "indicating", "show", "shows", "showed", "suggest", "suggested",
    "reveal", "revealed", "think", "thinks", "thought", "believe", "believes"}
_STATEMENT_NOUNS = frozenset({"statement", "spokesman", "spokeswoman", "spokesperson", "communique", "release",
                              "ministry", "office", "report", "readout", "source", "sources", "agency", "press"})
_MIN_WORDS = 4
_STANCES: tuple[tuple[str, frozenset[str]], ...] = (
    ("deny", frozenset({"denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "dismisses",
                        "refuted", "rebutted"})),
    ("confirm", frozenset({"confirmed", "confirms", "confirm", "acknowledged", "admitted", "conceded",
                           "verified"})),
    ("warn", frozenset({"warned", "warns", "warn", "threatened", "cautioned"})),
    ("express concern", frozenset({"concern", "concerned", "worried", "feared", "fears"})),
    ("accuse", frozenset({"accused", "accuses", "blamed", "blames", "condemned", "criticised", "criticized",
                          "alleged", "alleges"})),
    ("hope", frozenset({"hope", "hoped", "hopes", "hoping", "wished"})),
    ("call for", frozenset({"urged", "urges", "called", "calls", "demanded", "demands", "appealed", "asked",
                            "pressed"})),
)


@dataclass(frozen=True, slots=True)
class _Cue:
    verb: Token
    speaker: Token | None


def find_quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages (inside the marks), a quote left open at a paragraph's end included."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN and (ch != '"' or _opens(text, i)):
            close = _find_close(text, i + 1, _OPEN[ch])
            if close is None:
                i += 1
                continue
            spans.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return [s for s in spans if s[1] > s[0]]


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    return before.isspace() or before in "([:—-" or i == 0


def _find_close(text: str, start: int, closer: str) -> int | None:
    """The index of the closing mark; a paragraph that ends open continues if the next one reopens."""
    j = start
    while True:
        end = text.find(closer, j)
        para = text.find("\n\n", j)
        if end != -1 and (para == -1 or end < para):
            return end
        if para == -1:
            return None
        reopen = para + 2
        if reopen < len(text) and text[reopen] in _OPEN:
            j = reopen + 1
            continue
        return None


def extract_quotes(doc: Doc, actors: DocActors) -> list[Quote]:
    """Every quote in a parsed article, in text order."""
    quotes: list[Quote] = []
    direct = [s for s in find_quoted_spans(text_of(doc)) if _is_quote(text_of(doc)[s[0] : s[1]])]
    for span in direct:
        quote = _direct(doc, actors, span, len(quotes) + 1)
        if quote.speaker is None and quote.cue is None and quotes and _continues(text_of(doc), quotes[-1], quote):
            previous = quotes[-1]
            quote = Quote(quote.id, previous.speaker, previous.speaker_text, quote.text, quote.kind, previous.cue,
                          quote.span)
        quotes.append(quote)
    for found in _indirect(doc, actors, direct):
        quotes.append(Quote(f"q{len(quotes) + 1}", *found))
    quotes.sort(key=lambda q: q.span)
    everyone = actors.actors()
    return [
        Quote(f"q{n}", q.speaker, q.speaker_text, q.text, q.kind, q.cue, q.span, stance_of(q.cue),
              _about(everyone, q.span, q.speaker))
        for n, q in enumerate(quotes, 1)
    ]


def _cue_phrase(verb: Token) -> str:
    """The cue as a reader names it: "said", "expressed hope", "called for"."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in {"hope", "concern", "concerns", "regret", "confidence"}:
            return f"{verb.text} {child.text}"
        if child.dep_ in {"prep", "prt"} and verb.lower_ in {"called", "calls", "call"} and child.lower_ in {
                "for", "on"}:
            return f"{verb.text} {child.text}"
    return verb.text


def stance_of(cue: str | None) -> str | None:
    """The stance a cue expresses: assert, confirm, deny, warn, express concern, accuse, hope or call for."""
    if not cue:
        return None
    words = cue.lower().split()
    for word in words:
        for stance, cues in _STANCES:
            if word in cues:
                return stance
    return "assert"


def _about(everyone: tuple[Actor, ...], span: tuple[int, int], speaker: str | None) -> tuple[str, ...]:
    found: list[str] = []
    for actor in everyone:
        if actor.id != speaker and actor.id not in found and any(
                span[0] <= m.span[0] and m.span[1] <= span[1] for m in actor.mentions):
            found.append(actor.id)
    return tuple(found)


def _continues(text: str, a: Quote, b: Quote) -> bool:
    """Whether quote ``b`` carries on from ``a``: same paragraph, or a paragraph that is only a quotation."""
    between = text[a.span[1] : b.span[0]]
    if "\n\n" not in between:
        return True
    paragraph_start = text.rfind("\n\n", 0, b.span[0]) + 2
    paragraph_end = text.find("\n\n", b.span[1])
    rest = text[b.span[1] : paragraph_end if paragraph_end != -1 else len(text)]
    return between.count("\n\n") == 1 and b.span[0] - paragraph_start <= 1 and len(rest.strip(" .,\u201d\"")) == 0


def speaker_actor(token: Token, actors: DocActors):  # noqa: ANN201 - returns the resolver's slot
    """The actor behind a speaker phrase: itself, or the institution of "a Kremlin statement"."""
    slot = actors.actor_at(token)
    if slot is not None:
        return slot
    if token.lower_ in _STATEMENT_NOUNS or token.dep_ in {"nsubj", "dobj", "pobj"}:
        for child in token.children:
            if child.dep_ in {"compound", "poss", "amod", "appos"}:
                found = actors.actor_at(child)
                if found is not None:
                    return found
    return None


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps any of ``spans``."""
    return any(s < span[1] and span[0] < e for s, e in spans)


def _is_quote(text: str) -> bool:
    return len(re.findall(r"\w+", text)) >= _MIN_WORDS


def _direct(doc: Doc, actors: DocActors, span: tuple[int, int], number: int) -> Quote:
    start, end = span
    raw = text_of(doc)[start:end]
    text = raw.strip()
    inner = (start + raw.index(text[:1]) if text else start, start + len(raw.rstrip()))
    cue = _cue_near(doc, start, end)
    speaker_id = speaker_text = cue_text = None
    if cue is not None:
        cue_text = _cue_phrase(cue.verb)
        if cue.speaker is not None:
            speaker_text = _phrase_text(cue.speaker)
            slot = speaker_actor(cue.speaker, actors)
            speaker_id = slot.id if slot is not None else None
    if speaker_id is None:
        fallback = _according_cue(_sentences_around(doc, start, end), start)
        slot = speaker_actor(fallback.speaker, actors) if fallback and fallback.speaker is not None else None
        if fallback is not None and slot is not None and fallback.speaker is not None:
            speaker_id, speaker_text, cue_text = slot.id, _phrase_text(fallback.speaker), "according to"
    kind: QuoteKind = "mixed" if _is_partial(doc, start, end, cue) else "direct"
    return Quote(f"q{number}", speaker_id, speaker_text, text_of(doc)[inner[0] : inner[1]], kind, cue_text, inner)


def _sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    """The document's sentences and their start offsets, computed once per document."""
    cached = doc.user_data.get("wirewatch.sents")
    if cached is None:
        sents = list(doc.sents)
        cached = doc.user_data["wirewatch.sents"] = (sents, [s.start_char for s in sents])
    return cached


def _sentences_around(doc: Doc, start: int, end: int) -> list[Span]:
    sents, starts = _sentences(doc)
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    last = bisect.bisect_left(starts, end)
    return [s for s in sents[first:last] if s.end_char > start and s.start_char < end]


def _cue_near(doc: Doc, start: int, end: int) -> _Cue | None:
    sents = _sentences_around(doc, start, end)
    for sent in sents:
        for token in sent:
            if start - 1 <= token.idx < end + 1 or token.lower_ not in _CUES or not token.tag_.startswith("VB"):
                continue
            return _Cue(token, _speaker_of(token))
    according = _according_cue(sents, start)
    if according is not None:
        return according
    sents_all, starts = _sentences(doc)
    before = [s for s in sents_all[: bisect.bisect_right(starts, start)] if s.end_char <= start][-1:]
    if before and before[-1].text.rstrip().endswith(":"):
        for token in before[-1]:
            if token.lower_ in _CUES and token.tag_.startswith("VB"):
                return _Cue(token, _speaker_of(token))
    if sents and text_of(doc)[sents[0].start_char : start].rstrip().endswith(":"):
        for token in sents[0]:
            if token.idx < start and token.lower_ in _CUES and token.tag_.startswith("VB"):
                return _Cue(token, _speaker_of(token))
    if sents:
        root = sents[0].root
        subject = _speaker_of(root)
        if subject is not None and not (start <= subject.idx < end) and root.idx < start:
            return _Cue(root, subject)
    return None


def _according_cue(sents: list[Span], start: int) -> _Cue | None:
    """The "according to X" nearest before a quote in its sentence."""
    best: _Cue | None = None
    for sent in sents:
        for token in sent:
            if token.lower_ == "according" and token.dep_ == "prep" and token.idx < start:
                objects = [c for c in token.children if c.dep_ == "pobj"] + [
                    g for c in token.children for g in c.children if g.dep_ == "pobj"]
                if objects:
                    best = _Cue(token, objects[0])
    return best


def _speaker_of(verb: Token) -> Token | None:
    if verb.lower_ in {"saying", "describing", "calling"} and verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        verb = verb.head.head
    if verb.lower_ in {"quoted", "quotes", "quote", "cited", "cites"}:
        for child in verb.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                return child
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        return _speaker_of(verb.head)
    return None


def _phrase_text(token: Token) -> str:
    left = token.left_edge.i
    right = token.i
    for child in token.children:
        if child.dep_ in {"compound", "amod", "det", "poss", "flat"} and child.i > right:
            right = child.i
    doc = token.doc
    return doc[left : right + 1].text


def _is_partial(doc: Doc, start: int, end: int, cue: _Cue | None) -> bool:
    """A quote is mixed when reported words outside the marks carry part of its content."""
    sents = _sentences_around(doc, start, end)
    if not sents:
        return False
    before = text_of(doc)[sents[0].start_char : start - 1].strip()
    if not before or before.endswith((":", ",")):
        return False
    cue_words: set[int] = set()
    if cue is not None:
        cue_words.add(cue.verb.i)
        for child in cue.verb.children:
            if child.dep_ in {"nsubj", "nsubjpass", "dobj", "aux", "auxpass", "neg", "advmod", "prep", "npadvmod"}:
                cue_words.update(t.i for t in child.subtree)
    content = [t for t in sents[0] if t.idx < start - 1 and t.i not in cue_words and t.is_alpha]
    return len(content) > 0


def _indirect(doc: Doc, actors: DocActors, direct: list[tuple[int, int]]) -> list[tuple]:
    out = []
    for token in doc:
        if token.lower_ == "according" and token.dep_ == "prep":
            found = _according(token, actors, direct)
        elif token.lower_ in _INDIRECT_CUES and token.tag_.startswith("VB"):
            found = _reported_clause(token, actors, direct)
        else:
            found = None
        if found is not None:
            out.append(found)
    return out


def _reported_clause(verb: Token, actors: DocActors, direct: list[tuple[int, int]]) -> tuple | None:
    clause = _complement(verb)
    speaker = _speaker_of(verb)
    if clause is None and speaker is not None and verb.dep_ in {"parataxis", "ccomp"} and verb.i != verb.head.i:
        return _parenthetical(verb, speaker, actors, direct)
    if clause is None or speaker is None:
        return None
    left, right = clause.left_edge, clause.right_edge
    while left.dep_ == "mark" or left.is_punct:
        left = left.doc[left.i + 1]
    start, end = left.idx, right.idx + len(right.text)
    if end <= start or _overlaps((start, end), direct):
        return None
    slot = speaker_actor(speaker, actors)
    if slot is None:
        return None
    text = text_of(verb.doc)[start:end]
    stripped = text.strip("\u201c\u201d\"' ")
    start += text.index(stripped) if stripped else 0
    end = start + len(stripped)
    text = stripped
    cue = _cue_phrase(verb)
    return slot.id, _phrase_text(speaker), text, "indirect", cue, (start, end)


def _parenthetical(verb: Token, speaker: Token, actors: DocActors, direct: list[tuple[int, int]]) -> tuple | None:
    """ "In Kenya, she said, the courts must …": the sentence around the cue is the quote."""
    sent = verb.sent
    cue = sorted(verb.subtree, key=lambda t: t.i)
    if any(t.lower_ in {"that", "whether"} for t in cue) or len(cue) > 4:
        return None
    first, last = cue[0].i, cue[-1].i
    tokens = [t for t in sent if (t.i < first or t.i > last) and not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    slot = speaker_actor(speaker, actors)
    if slot is None or not _is_quote(text_of(verb.doc)[start:end]) or _overlaps((start, end), direct):
        return None
    return slot.id, _phrase_text(speaker), text_of(verb.doc)[start:end], "indirect", verb.text, (start, end)


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
    slot = speaker_actor(speaker, actors)
    if slot is None:
        return None
    sent = prep.sent
    phrase_end = max(t.i for t in prep.subtree)
    comma = next((t.i for t in sent if t.i > prep.i and t.text == ","), None)
    if prep.i <= sent.start + 1 and comma is not None:
        phrase_end = comma - 1
    rest = [t for t in sent if t.i > phrase_end and not (t.is_punct and t.i == phrase_end + 1)]
    if not rest or rest[0].i > sent.end - 1:
        return None
    start = rest[0].idx
    end = sent.end_char if not sent[-1].is_punct else sent[-1].idx
    if prep.i > sent.start + 1:
        if max(t.i for t in prep.subtree) < sent.end - 2:
            return None
        start, end = sent.start_char, prep.idx
    text = text_of(prep.doc)[start:end].rstrip(" ,")
    end = start + len(text)
    if not _is_quote(text) or _overlaps((start, end), direct):
        return None
    return slot.id, _phrase_text(speaker), text, "indirect", "according to", (start, end)
