"""Clean: turn a :class:`~wirewatch.records.RawDocument` into an :class:`~wirewatch.records.Article`.

The stage needs a raw document (plain text or HTML) and adds the article: the cleaned body, with every
paragraph it dropped recorded in ``Article.removed`` and its reason (see ``_junk`` for the reasons), plus
title, date, outlet, URL and a language guess. HTML goes through trafilatura first; the same junk filter
then runs over the extracted body, because extractors keep some captions and related-link lines.

Kept paragraphs are joined by a blank line, each with its runs of spaces and tabs made one space and
nothing else changed, so every body sentence survives verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import CleanConfig
from ..records import Article, RawDocument
from ._html import Extracted, extract_html
from ._language import guess_language
from ._text import filter_text

__all__ = ["Cleaner", "clean"]

_DEFAULT = CleanConfig()


def clean(raw: RawDocument, config: CleanConfig = _DEFAULT) -> Article:
    """Clean one raw document into an article; a page with no article in it gives empty text."""
    page = _extract(raw, config)
    body = raw.text if raw.text is not None else page.text
    known_title = raw.title or page.title
    kept = filter_text(
        body,
        title=known_title,
        infer_title=raw.text is not None,
        drop_headings=config.drop_headings,
        heading_max_words=config.heading_max_words,
    )
    text = "\n\n".join(kept.paragraphs)
    return Article(
        id=raw.id,
        text=text,
        url=raw.url or page.url,
        title=known_title or kept.title,
        published=raw.published or page.published or raw.fallback_published,
        outlet=raw.outlet or page.outlet,
        language=guess_language(text),
        removed=kept.removed,
        source=raw.source,
    )


def _extract(raw: RawDocument, config: CleanConfig) -> Extracted:
    """What trafilatura finds in the HTML; nothing when the document is plain text (text wins over HTML)."""
    if raw.text is not None or not raw.html:
        return Extracted()
    return extract_html(raw.html, url=raw.url, favor_precision=config.favor_precision)


@dataclass(frozen=True, slots=True)
class Cleaner:
    """The clean stage as a picklable callable: ``Cleaner(config)(raw) -> Article``."""

    config: CleanConfig = field(default_factory=CleanConfig)

    def __call__(self, raw: RawDocument) -> Article:
        """Clean one raw document with this stage's configuration."""
        return clean(raw, self.config)
