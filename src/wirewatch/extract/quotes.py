"""The quote extractor ``quotes.rules.v1``: direct, mixed and indirect quotes with their speakers.

Direct quotes are found in the text by their quotation marks (curly or straight, split around the cue, running
over paragraphs when a paragraph opens a quote without closing it); the cue is a speech verb outside the marks
in the same sentence (the one whose clause holds the quote), or a sentence ending in a colon just before. A quote
with no cue carries on from the quote before it (the short first half of a split quote included), is signed by a
name after a dash ("“…” ― Jane Roe"), or, alone in its paragraph, speaks for the person the sentence before it is
about. Interview transcripts give each "NAME: …" paragraph to its label. Indirect quotes (``_reported``) are speech
verbs with a complement clause ("X said that …", "X expressed hope that …", "according to X, …"); one that holds a
partial quotation becomes one mixed quote. Speakers (``_speakers``) are resolved to actors, pronouns and role
phrases included, never to a word inside the quote; "the agency quoted X as saying" gives X as the speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..annotate import text_of, tokens
from ..records import Actor, Quote, QuoteKind
from ._modality import DENIAL_VERBS, SPEECH_VERBS
from ._reported import SAYING, cue_phrase, is_quote, reported_speech
from ._speakers import earlier_speaker, named_inside, phrase_text, speaker_id, speaker_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..resolve import DocActors

__all__ = ["QUOTES_NAME", "extract_quotes", "find_quoted_spans", "stance_of"]

QUOTES_NAME = "quotes.rules.v1"

_OPEN = {"\u201c": "\u201d", '"': '"', "\u00ab": "\u00bb", "\u201e": "\u201d"}
_NOT_CUES = frozenset({"according", "indicate", "indicated", "indicating", "show", "shows", "showed"})
_CUES = (SPEECH_VERBS | DENIAL_VERBS) - _NOT_CUES | {
    "believed", "believes", "expressed", "referred", "refers", "asked", "replied", "responded", "urged", "warned",
    "pointed", "continued", "went", "acknowledged", "admitted", "vowed", "conceded", "maintained"} | SAYING
_PRONOUN_SPEAKERS = frozenset({"he", "she", "it"})
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
    spans = find_quoted_spans(text_of(doc))
    marked = [s for s in spans if is_quote(text_of(doc)[s[0] : s[1]])]
    indirect = [Quote("q", *found) for found in reported_speech(doc, actors, marked)]
    direct = _direct_quotes(doc, actors, spans, indirect) + _transcript(doc, actors)
    quotes = sorted(_absorb_partials(direct, indirect), key=lambda q: q.span)
    everyone = actors.actors()
    return [
        Quote(f"q{n}", q.speaker, q.speaker_text, q.text, q.kind, q.cue, q.span, stance_of(q.cue),
              _about(everyone, q.span, q.speaker))
        for n, q in enumerate(quotes, 1)
    ]


def _direct_quotes(doc: Doc, actors: DocActors, spans: list[tuple[int, int]], indirect: list[Quote]) -> list[Quote]:
    """The quotes in marks; one with no cue carries on from the quote before it, or takes its paragraph's speaker."""
    quotes: list[Quote] = []
    previous: Quote | None = None
    for span in spans:
        quote = _direct(doc, actors, span, len(quotes) + 1)
        signed = _dash_attributed(doc, actors, span, quote)
        if signed is not None:
            quote = signed
        elif quote.speaker is None and quote.speaker_text and quote.speaker_text.lower() in _PRONOUN_SPEAKERS:
            said = [q.speaker for q in sorted(quotes + indirect, key=lambda q: q.span) if q.span[0] < quote.span[0]]
            quote = replace(quote, speaker=earlier_speaker(quote.speaker_text, actors, quote.span[0], said))
        elif quote.speaker_text is None and quote.cue is None:
            if previous is not None and _continues(text_of(doc), previous, quote):
                quote = replace(quote, speaker=previous.speaker, speaker_text=previous.speaker_text, cue=previous.cue)
            else:
                quote = _paragraph_speaker(doc, actors, quote)
        if is_quote(quote.text):
            quotes.append(quote)
            previous = quote
        elif quote.text.endswith(",") and quote.cue is not None:
            previous = quote  # the short first half of a split quote: "“No,” she said. “We never agreed.”"
    return quotes


def _absorb_partials(direct: list[Quote], indirect: list[Quote]) -> list[Quote]:
    """A reported clause that holds a partial quotation is one mixed quote, the clause with the marks in it."""
    kept = list(direct)
    out: list[Quote] = []
    for clause in indirect:
        inside = [q for q in kept if q.kind == "mixed" and clause.span[0] <= q.span[0] and q.span[1] <= clause.span[1]]
        if inside:
            kept = [q for q in kept if q not in inside]
            speaker = clause.speaker or inside[0].speaker
            clause = replace(clause, kind="mixed", speaker=speaker)
        out.append(clause)
    return kept + out


_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,4}"
_DASH_NAME = re.compile(r"[\s\u201d\"]*[\u2015\u2014\u2013]\s*(" + _NAME + r")\s*(?:\n|,|$|(?=[\u201c\"]))")


def _dash_attributed(doc: Doc, actors: DocActors, span: tuple[int, int], quote: Quote) -> Quote | None:
    """ "“…” ― Jane Roe": a quote signed by the name after a dash at its end."""
    match = _DASH_NAME.match(text_of(doc), span[1] + 1)
    if match is None:
        return None
    token = _token_at(doc, match.start(1))
    who = speaker_id(token, actors) if token is not None else None
    return replace(quote, speaker=who, speaker_text=match.group(1), cue="\u2015")


def _paragraph_speaker(doc: Doc, actors: DocActors, quote: Quote) -> Quote:
    """A paragraph that is only a quotation speaks for the person the sentence before it is about."""
    text = text_of(doc)
    start = text.rfind("\n\n", 0, quote.span[0]) + 2
    end = text.find("\n\n", quote.span[1])
    after = text[quote.span[1] : end if end != -1 else len(text)]
    if text[start : quote.span[0]].strip(" \u201c\"") or after.strip(" .,\u201d\"") or start < 2:
        return quote
    sents, starts = _sentences(doc)
    before = [s for s in sents[: bisect.bisect_right(starts, start)] if s.end_char <= start][-1:]
    subject = speaker_of(before[0].root) if before else None
    who = speaker_id(subject, actors) if subject is not None else None
    if who is None or subject is None or subject.ent_type_ != "PERSON":
        return quote
    return replace(quote, speaker=who, speaker_text=phrase_text(subject))


_LABEL = re.compile(r"(?:^|\n\n)([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):[ \t]+(?=\S)")


def _transcript(doc: Doc, actors: DocActors) -> list[Quote]:
    """An interview transcript: two or more paragraphs open with a speaker's name in capitals and a colon, and
    each such paragraph is that speaker's words."""
    text = text_of(doc)
    turns = list(_LABEL.finditer(text))
    quotes: list[Quote] = []
    for turn in turns if len(turns) >= 2 else []:
        end = text.find("\n\n", turn.end())
        end = len(text.rstrip()) if end == -1 else len(text[:end].rstrip())
        if not is_quote(text[turn.end() : end]):
            continue
        token = _token_at(doc, turn.start(1))
        who = speaker_id(token, actors) if token is not None else None
        quotes.append(Quote("q", who, turn.group(1), text[turn.end() : end], "direct", ":", (turn.end(), end)))
    return quotes


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.root if span is not None else None


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


def _direct(doc: Doc, actors: DocActors, span: tuple[int, int], number: int) -> Quote:
    start, end = span
    raw = text_of(doc)[start:end]
    text = raw.strip()
    inner = (start + raw.index(text[:1]) if text else start, start + len(raw.rstrip()))
    cue = _cue_near(doc, start, end)
    speaker = speaker_text = cue_text = None
    if cue is not None:
        cue_text = cue_phrase(cue.verb)
        if cue.speaker is not None:
            speaker_text = phrase_text(cue.speaker)
            if not named_inside(cue.speaker, actors, (start, end)):
                speaker = speaker_id(cue.speaker, actors)
    if speaker is None:
        fallback = _according_cue(_sentences_around(doc, start, end), start)
        found = speaker_id(fallback.speaker, actors) if fallback and fallback.speaker is not None else None
        if fallback is not None and found is not None and fallback.speaker is not None:
            speaker, speaker_text, cue_text = found, phrase_text(fallback.speaker), "according to"
    kind: QuoteKind = "mixed" if _is_partial(doc, start, end, cue) else "direct"
    return Quote(f"q{number}", speaker, speaker_text, text_of(doc)[inner[0] : inner[1]], kind, cue_text, inner)


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
    cues = [t for sent in sents for t in sent
            if not start - 1 <= t.idx < end + 1 and t.lower_ in _CUES and t.tag_.startswith("VB")]
    if cues:
        verb = next((t for t in cues if t.left_edge.idx < start and end <= t.right_edge.idx), cues[0])
        return _Cue(verb, _subject_outside(verb, start, end))
    according = _according_cue(sents, start)
    if according is not None:
        return according
    sents_all, starts = _sentences(doc)
    before = [s for s in sents_all[: bisect.bisect_right(starts, start)] if s.end_char <= start][-1:]
    if before and before[-1].text.rstrip().endswith(":"):
        for token in before[-1]:
            if token.lower_ in _CUES and token.tag_.startswith("VB"):
                return _Cue(token, speaker_of(token))
    if sents and text_of(doc)[sents[0].start_char : start].rstrip().endswith(":"):
        for token in sents[0]:
            if token.idx < start and token.lower_ in _CUES and token.tag_.startswith("VB"):
                return _Cue(token, speaker_of(token))
    if sents:
        root = sents[0].root
        subject = speaker_of(root)
        if subject is not None and not (start <= subject.idx < end) and root.idx < start:
            return _Cue(root, subject)
    return None


def _subject_outside(verb: Token, start: int, end: int) -> Token | None:
    """The cue's subject, never a word inside the quote it introduces ("“I …,” the senator said")."""
    speaker = speaker_of(verb)
    if speaker is None or not start <= speaker.idx < end:
        return speaker
    others = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and not start <= c.idx < end]
    return others[0] if others else None


def _according_cue(sents: list[Span], start: int) -> _Cue | None:
    """The "according to X" nearest before a quote in its sentence."""
    best: _Cue | None = None
    for sent in sents:
        for token in tokens(sent):
            if token.lower_ == "according" and token.dep_ == "prep" and token.idx < start:
                objects = [c for c in token.children if c.dep_ == "pobj"] + [
                    g for c in token.children for g in c.children if g.dep_ == "pobj"]
                if objects:
                    best = _Cue(token, objects[0])
    return best


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

