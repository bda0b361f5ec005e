"""HTML pages: the article body and its metadata, by trafilatura (its dates come from htmldate)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura
from trafilatura.settings import Document

__all__ = ["Extracted", "extract_html"]


@dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura found in a page: one paragraph a line, no blank lines, and metadata when present."""

    text: str = ""
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None


def extract_html(html: str, *, url: str | None, favor_precision: bool) -> Extracted:
    """The body text and metadata of a page; empty text when it holds no article."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=favor_precision,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
    )
    if isinstance(doc, Document):
        lines = (line for line in (doc.text or "").splitlines() if line.strip())
        return _from_document(doc, "\n".join(lines))
    return _metadata_only(html, url)


def _metadata_only(html: str, url: str | None) -> Extracted:
    """Metadata of a page trafilatura found no article in (it returns None then, metadata included)."""
    if not html.strip():
        return Extracted()
    try:
        return _from_document(trafilatura.extract_metadata(html, default_url=url), "")
    except (TypeError, ValueError, AttributeError):
        return Extracted()


def _from_document(doc: Document, text: str) -> Extracted:
    return Extracted(
        text=text,
        title=_nonempty(doc.title),
        published=_date(doc.date),
        outlet=_nonempty(doc.sitename),
        url=_nonempty(doc.url),
    )


def _nonempty(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _date(value: str | None) -> date | None:
    """trafilatura gives dates as ``YYYY-MM-DD`` strings."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
