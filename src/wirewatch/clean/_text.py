"""Plain-text cleaning: split a body into paragraphs, drop the junk ones and find the title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Removed
from ._junk import is_heading, junk_reason, line_junk_reason

__all__ = ["Filtered", "filter_text", "split_paragraphs"]

_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True, slots=True)
class Filtered:
    """The paragraphs kept, the segments dropped and the title found among them, if any."""

    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...]
    title: str | None


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs (each line one, where there are no blank lines), whitespace normalised.

    Inside a block, the lines of a hard-wrapped paragraph are joined with a space, but a line that is junk on
    its own ("Share this:", "See also …") becomes a paragraph of its own so it can be dropped alone.
    """
    lines = text.splitlines()
    if all(line.strip() for line in lines):
        return [_normalise(line) for line in lines]
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line)
        elif block:
            paragraphs.extend(_unwrap(block))
            block = []
    return paragraphs


def _unwrap(block: list[str]) -> list[str]:
    parts: list[str] = []
    pending: list[str] = []
    for line in (_normalise(line) for line in block):
        if line_junk_reason(line) is None:
            pending.append(line)
            continue
        if pending:
            parts.append(" ".join(pending))
            pending = []
        parts.append(line)
    if pending:
        parts.append(" ".join(pending))
    return parts


#: A wire dateline opening a paragraph: "MOSCOW —", "KYIV, Ukraine (AP) —", "BEIRUT, March 3 (Reuters) -".
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]{1,30}[A-Z.](?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Za-z0-9.]+){0,3})?(?:\s*\([A-Za-z .]{2,20}\))?"
    r"\s*[\u2014\u2013-]{1,2}\s+"
)

#: A dateline in other house styles: a town in capitals or title case, a colon or a dash after it ("KABUL: ",
#: "KABUL (Pajhwok) : ", "Lucknow: ", "Pyongyang, North Korea - "), or an agency alone in brackets ("(CNN) ").
_LOOSE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'\- ]{1,30}[A-Za-z.])(?P<more>,\s*[A-Z][A-Za-z.]+(?:\s+[A-Za-z0-9.]+){0,3})?"
    r"(?:\s*\([A-Za-z .]{2,20}\))?\s*(?::|[\u2014\u2013-]{1,2})\s+(?=[A-Z\"\u201c])"
)
_AGENCY_DATELINE = re.compile(r"^\((?:[A-Z][A-Za-z]{1,11})\)\s+(?=[A-Z])")

#: A headline may run longer than a stray section heading.
_TITLE_MAX_WORDS = 25


def _normalise(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def filter_text(
    text: str,
    *,
    title: str | None,
    infer_title: bool,
    drop_headings: bool,
    heading_max_words: int,
) -> Filtered:
    """Drop junk paragraphs, and stray headings when ``drop_headings``.

    ``title`` is the title already known: a leading heading-like paragraph that repeats it is dropped as
    "title". With no title known and ``infer_title``, the leading heading-like paragraph becomes the title.
    """
    kept: list[str] = []
    removed: list[Removed] = []
    found: str | None = None
    paragraphs = list(split_paragraphs(text))
    for paragraph in paragraphs:
        reason = junk_reason(paragraph)
        leading = found is None and not kept
        longest = max(heading_max_words, _TITLE_MAX_WORDS) if leading else heading_max_words
        # a document of one paragraph is its own body, however short, never a title or a stray heading
        if reason is None and len(paragraphs) > 1 and is_heading(paragraph, max_words=longest):
            if leading and _matches(title, paragraph, infer=infer_title):
                reason, found = "title", paragraph
            elif drop_headings:
                reason = "heading"
        if reason is None:
            dateline = _dateline(paragraph) if not kept else 0  # a dateline opens the story, not a later paragraph
            if dateline:
                removed.append(Removed(paragraph[:dateline].strip(), "dateline"))
                paragraph = paragraph[dateline:]
            kept.append(paragraph)
        else:
            removed.append(Removed(paragraph, reason))
    return Filtered(tuple(kept), tuple(removed), found)


def _dateline(paragraph: str) -> int:
    """Where the body starts after a dateline opening the paragraph, or 0 where there is none."""
    match = _DATELINE.match(paragraph)
    if match and _is_dateline(match.group(0)):
        end = match.end()
    else:
        match = _LOOSE_DATELINE.match(paragraph) or _AGENCY_DATELINE.match(paragraph)
        end = match.end() if match and _is_loose_dateline(match) else 0
    return end if len(paragraph) > end + 20 else 0


def _is_loose_dateline(match: re.Match[str]) -> bool:
    """A dateline of another house style names a town the gazetteer knows, or is an agency in brackets."""
    if "place" not in match.groupdict():
        return True
    place = match.group("place").strip()
    from ..resolve import find_place

    return len(place.split()) <= 3 and find_place(place) is not None


def _is_dateline(prefix: str) -> bool:
    """A dateline names a place: it has a comma or an agency in brackets, or its first words are a town."""
    if "," in prefix or "(" in prefix:
        return True
    from ..resolve import find_place

    return find_place(prefix.strip(" -\u2014\u2013")) is not None


def _matches(title: str | None, paragraph: str, *, infer: bool) -> bool:
    """Whether a heading-like paragraph is the title: it repeats the known one, or none is known to repeat."""
    if title is None:
        return infer
    a, b = title.casefold().strip(), paragraph.casefold().strip()
    return a in b or b in a
