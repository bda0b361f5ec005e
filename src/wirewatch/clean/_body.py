"""The body of a web page: drop the junk blocks trafilatura kept, knowing what the page's markup made them.

Beyond the paragraph rules of ``_junk`` (each block judged on its own), three rules look at blocks together:

- a related-link block: after a "See also", "Related stories", "Don't miss" or "Most read" line, the teasers
  that follow (headline-like lines, list items, lines that are all one link) go with it, up to the next
  paragraph of prose or section heading;
- a teaser: a line of four words or more that is, whole, the text of one link on the page;
- the lead: headline-like lines before the first paragraph of prose (the title, a kicker, a section label)
  go. After it, a headline-like line is the article's own section heading and stays
  (``clean.drop_headings`` is for plain text, where such a line may be debris).

A wire dateline opening a paragraph ("KYIV, Ukraine (AP) —") is cut off and recorded, as for plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Removed
from ._html import ITEM_MARKER, Block
from ._junk import is_heading, junk_reason
from ._text import _TITLE_MAX_WORDS, Filtered, _dateline, _matches

__all__ = ["filter_blocks"]

#: A line that is all one link is a teaser from this many words (shorter ones may be names or products).
TEASER_MIN_WORDS = 4
_ANY_LENGTH = 10**6


def filter_blocks(blocks: Sequence[Block], *, title: str | None, heading_max_words: int) -> Filtered:
    """Keep the body's prose and section headings; record every block dropped with its reason."""
    reasons = _reasons(blocks, heading_max_words=heading_max_words)
    _trim_lead(blocks, reasons, title=title, heading_max_words=heading_max_words)
    kept: list[str] = []
    removed: list[Removed] = []
    found: str | None = None
    for block, reason in zip(blocks, reasons, strict=True):
        if reason is not None:
            removed.append(Removed(block.text, reason))
            found = block.text if reason == "title" and found is None else found
            continue
        paragraph = block.text
        dateline = _dateline(paragraph) if not kept else 0  # a dateline opens the story, never a later paragraph
        if dateline:
            removed.append(Removed(paragraph[:dateline].strip(), "dateline"))
            paragraph = paragraph[dateline:]
        kept.append(paragraph)
    return Filtered(tuple(kept), tuple(removed), found)


def _reasons(blocks: Sequence[Block], *, heading_max_words: int) -> list[str | None]:
    """Each block's reason to go, judged in page order (a related-link block spans several)."""
    reasons: list[str | None] = []
    in_related = False
    for block in blocks:
        reason = junk_reason(block.text)
        if reason is None and (_continues_related(block, in_related, heading_max_words) or _is_link_teaser(block)):
            reason = "see-also"
        in_related = reason == "see-also" or (in_related and reason is not None)
        reasons.append(reason)
    return reasons


def _continues_related(block: Block, in_related: bool, heading_max_words: int) -> bool:
    """Inside a related-link block, a teaser or a list item belongs to it; a heading the page marks up as one
    starts a new section instead, unless it is a link."""
    if not in_related or (block.kind == "head" and not block.linked):
        return False
    return block.kind == "item" or _is_teaser(block, heading_max_words)


def _is_link_teaser(block: Block) -> bool:
    """A line of several words that is, whole, the text of one link."""
    return block.linked and len(block.text.split()) >= TEASER_MIN_WORDS


def _is_teaser(block: Block, heading_max_words: int) -> bool:
    """A headline-like line: short, no final punctuation (or all one link)."""
    return block.linked or is_heading(_bare(block), max_words=max(heading_max_words, _TITLE_MAX_WORDS))


def _trim_lead(
    blocks: Sequence[Block], reasons: list[str | None], *, title: str | None, heading_max_words: int
) -> None:
    """Headline-like blocks before the first paragraph of prose go: the title (when it repeats the known one),
    kickers, section labels."""
    first = next((i for i, b in enumerate(blocks) if reasons[i] is None and _is_prose(b)), len(blocks))
    for i, block in enumerate(blocks[:first]):
        if reasons[i] is not None or not _is_teaser(block, heading_max_words):
            continue
        if "title" not in reasons and _matches(title, block.text, infer=False):
            reasons[i] = "title"
        else:
            reasons[i] = "heading"


def _is_prose(block: Block) -> bool:
    """A paragraph of running text: not a heading, not all one link, ends like a sentence."""
    return block.kind != "head" and not block.linked and not is_heading(_bare(block), max_words=_ANY_LENGTH)


def _bare(block: Block) -> str:
    """The block's text without a table row's bars or a list item's marker."""
    return ITEM_MARKER.sub("", block.text) if block.kind == "item" else block.text.strip(" |")
