"""Clean: turn a :class:`~wirewatch.records.RawDocument` into an :class:`~wirewatch.records.Article`.

The stage needs a raw document (plain text or HTML) and adds the article: the cleaned body, with every
paragraph it dropped recorded in ``Article.removed`` and its reason (see ``_junk`` for the reasons), plus
title, date, outlet, URL and the language (an article in a language not in ``clean.languages`` gets
``not_coded`` and is kept but not coded). HTML goes through trafilatura first (``_html``); the junk
filter then runs over the extracted blocks knowing what the markup made them (``_body``), because extractors
keep related-link blocks, captions and share boxes. A page also gives its authors and canonical address
(``_meta``, ``_authors``) and what kind of page it is (``_page``): a listing, a front page or an empty
document is kept with ``not_coded`` saying why, and is not coded.

Kept paragraphs are joined by a blank line, each with its runs of spaces and tabs made one space and
nothing else changed, so every body sentence survives verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..config import CleanConfig
from ..records import Article, RawDocument
from ._body import filter_blocks
from ._html import extract_html
from ._language import guess_language, not_coded_reason
from ._page import NO_TEXT, judge_page
from ._text import filter_text

__all__ = ["Cleaner", "clean"]

_DEFAULT = CleanConfig()
#: UTF-16 halves standing alone (a JSON escape such as a lone ``\\ud800``): no encoder or model accepts them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """The text with every lone surrogate replaced by U+FFFD, so that it can be encoded and parsed."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def clean(raw: RawDocument, config: CleanConfig = _DEFAULT) -> Article:
    """Clean one raw document into an article; a page with no article in it gives empty text."""
    raw = replace(raw, text=scrub(raw.text) if raw.text else raw.text, html=scrub(raw.html) if raw.html else raw.html)
    if raw.text is None and raw.html:
        return _clean_page(raw, config)
    kept = filter_text(
        raw.text or "",
        title=raw.title,
        infer_title=True,
        drop_headings=config.drop_headings,
        heading_max_words=config.heading_max_words,
    )
    text = "\n\n".join(kept.paragraphs)
    language = guess_language(text)
    return Article(
        id=raw.id,
        text=text,
        url=raw.url,
        title=raw.title or kept.title,
        published=raw.published or raw.fallback_published,
        outlet=raw.outlet,
        language=language,
        removed=kept.removed,
        source=raw.source,
        page_kind="article" if text else "empty",
        not_coded=NO_TEXT if not text else not_coded_reason(language, config.languages),
    )


def _clean_page(raw: RawDocument, config: CleanConfig) -> Article:
    """An HTML page: its body by trafilatura and the block filter, its metadata, and what kind of page it is."""
    page = extract_html(raw.html or "", url=raw.url, favor_precision=config.favor_precision)
    meta = page.meta
    title = raw.title or meta.title
    kept = filter_blocks(page.blocks, title=title, heading_max_words=config.heading_max_words)
    text = "\n\n".join(kept.paragraphs)
    url = raw.url or meta.url
    kind, why = judge_page(page.signals, kept.paragraphs, url=meta.canonical_url or url)
    language = guess_language(text)
    return Article(
        id=raw.id,
        text=text,
        url=url,
        title=title or kept.title,
        published=raw.published or meta.published or raw.fallback_published,
        outlet=raw.outlet or meta.outlet,
        language=language,
        removed=kept.removed,
        source=raw.source,
        authors=meta.authors,
        canonical_url=meta.canonical_url if meta.canonical_url != raw.url else None,
        page_kind=kind,
        not_coded=why or not_coded_reason(language, config.languages),
    )


@dataclass(frozen=True, slots=True)
class Cleaner:
    """The clean stage as a picklable callable: ``Cleaner(config)(raw) -> Article``."""

    config: CleanConfig = field(default_factory=CleanConfig)

    def __call__(self, raw: RawDocument) -> Article:
        """Clean one raw document with this stage's configuration."""
        return clean(raw, self.config)
