"""A page's metadata: title, publication date, authors, outlet and canonical address.

Read from the markup news pages carry: the title from ``og:title``, ``twitter:title``, JSON-LD ``headline``
or ``<title>``, giving way to the page's ``<h1>`` when one of them repeats it with the site's name around it
("… | The Courier"), and with the site's name cut otherwise; the date by htmldate (:data:`DATE_PARAMS`); the
outlet from ``og:site_name``, ``application-name`` or the JSON-LD publisher; the canonical address from
``<link rel="canonical">`` or ``og:url``; the authors by ``_authors``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

from htmldate import find_date
from lxml.html import HtmlElement

from ._authors import find_authors
from ._jsonld import as_list, is_article

__all__ = ["DATE_PARAMS", "Metadata", "page_metadata", "split_url"]

#: htmldate's settings, chosen by measurement on 421 news pages (benchmarks/article_extraction.py): the
#: original publication date rather than the last update (0.84 of dates right against 0.79); the extensive
#: search through the page's text found no date more there and cost about 13 ms a page against 0.6.
DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": False}

_MAX_OUTLET_WORDS = 6
#: A part of a title this short that holds the site's name is the site's name ("Tech Digest News").
_SITE_PART_WORDS = 4
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|«)\s+")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page says about itself; every field None (or empty) when it does not say."""

    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    authors: tuple[str, ...] = ()


def page_metadata(tree: HtmlElement, json_ld: Sequence[dict[str, Any]], url: str | None) -> Metadata:
    """The metadata of a parsed page (``json_ld``: its JSON-LD objects); ``url`` is where it came from."""
    metas = _meta_tags(tree)
    canonical = _canonical(tree, metas, url)
    outlet = _outlet(metas, json_ld)
    return Metadata(
        title=_title(tree, metas, json_ld, _site_keys(outlet, canonical or url)),
        published=_published(tree, canonical or url),
        outlet=outlet,
        url=canonical or url,
        canonical_url=canonical,
        authors=find_authors(tree, json_ld, outlet=outlet),
    )


def _published(tree: HtmlElement, url: str | None) -> date | None:
    """The publication date htmldate finds (it gives ``YYYY-MM-DD``); None when it finds none."""
    try:
        found = find_date(tree, url=url, **DATE_PARAMS)
    except (ValueError, TypeError):
        return None
    try:
        return date.fromisoformat(found[:10]) if found else None
    except ValueError:
        return None


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by lower-cased name or property; the first of each wins."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            found.setdefault(key, content)
    return found


def split_url(url: str | None) -> SplitResult:
    """The parts of an address; empty ones for an address that cannot be read ("http://[broken")."""
    try:
        return urlsplit(url or "")
    except ValueError:
        return urlsplit("")


def _canonical(tree: HtmlElement, metas: dict[str, str], url: str | None) -> str | None:
    """The page's canonical address, absolute, from ``<link rel="canonical">`` or else ``og:url``."""
    links = tree.xpath(
        "//link[@href][contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', "
        "'canonical')), ' '), ' canonical ')]/@href"
    )
    for href in [*links, metas.get("og:url", "")]:
        try:
            absolute = urljoin(url or "", str(href).strip())
            parts = urlsplit(absolute)
        except ValueError:  # "http://[broken": no address at all
            continue
        if parts.scheme in {"http", "https"} and parts.netloc:
            return absolute
    return None


def _outlet(metas: dict[str, str], json_ld: Sequence[dict[str, Any]]) -> str | None:
    """The site's name from ``og:site_name``, ``application-name`` or the article's JSON-LD publisher."""
    publishers = [p.get("name") for node in json_ld if is_article(node) for p in as_list(node.get("publisher"))
                  if isinstance(p, dict)]  # fmt: skip
    for name in (metas.get("og:site_name"), metas.get("application-name"), *publishers):
        name = name.strip(" -|–—:·").lstrip("@") if isinstance(name, str) else ""
        if name and len(name.split()) <= _MAX_OUTLET_WORDS:
            return name
    return None


def _site_keys(outlet: str | None, url: str | None) -> frozenset[str]:
    """What the site's name looks like folded: the outlet, and the address's main label ("techcrunch")."""
    keys = {_key(outlet)} if outlet else set()
    host = split_url(url).netloc.lower().removeprefix("www.")
    labels = [label for label in host.split(".") if label not in {"com", "co", "org", "net", "uk", "news"}]
    keys.update(label for label in labels[:1] if len(label) > 2)
    return frozenset(k for k in keys if k)


def _title(
    tree: HtmlElement, metas: dict[str, str], json_ld: Sequence[dict[str, Any]], site: frozenset[str]
) -> str | None:
    """The headline: the page's ``<h1>`` when a title repeats it, else the first title with the site's name cut."""
    headlines = [n.get("headline") for n in json_ld if is_article(n) and isinstance(n.get("headline"), str)]
    candidates = [" ".join(str(c).split()) for c in (metas.get("og:title"), metas.get("twitter:title"),
                                                     *headlines[:1], _title_tag(tree)) if c]  # fmt: skip
    candidates = [c for c in candidates if c]
    for heading in _headings(tree):
        if not _names_site(heading, site) and any(_repeats(candidate, heading) for candidate in candidates):
            return heading
    return _strip_site(candidates[0], site) if candidates else None


def _title_tag(tree: HtmlElement) -> str | None:
    element = tree.find(".//title")
    return " ".join(element.text_content().split()) or None if element is not None else None


def _headings(tree: HtmlElement) -> list[str]:
    texts = (" ".join(h1.text_content().split()) for h1 in tree.iter("h1"))
    return [text for text in texts if text]


def _repeats(candidate: str, heading: str) -> bool:
    """Whether a title is the heading, alone or with the site's name before or after a separator."""
    if _key(candidate) == _key(heading):
        return True
    parts = _SEPARATOR.split(candidate)
    return len(parts) > 1 and any(_key(part) == _key(heading) for part in (parts[0], parts[-1]))


def _strip_site(title: str, site: frozenset[str]) -> str:
    """A title without a leading or trailing part that names the site ("… - Autoblog", "CNN | …")."""
    parts = [p for p in _SEPARATOR.split(title) if p]
    while len(parts) > 1 and _names_site(parts[-1], site):
        parts.pop()
    while len(parts) > 1 and _names_site(parts[0], site):
        parts.pop(0)
    if len(parts) == len(_SEPARATOR.split(title)):
        return title.strip()
    return _rejoin(title, parts)


def _names_site(part: str, site: frozenset[str]) -> bool:
    """Whether a part of a title is the site's name ("Autoblog", "The Verge", "TechCrunch Reviews")."""
    key = _key(part)
    if not key:
        return False
    short = len(part.split()) <= _SITE_PART_WORDS
    return any(key in (s, f"the{s}") or (short and len(s) > 3 and s in key) for s in site)


def _rejoin(title: str, parts: list[str]) -> str:
    """The stretch of the title from the first kept part to the last, separators as written."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).casefold()
    return "".join(c for c in folded if c.isalnum())
