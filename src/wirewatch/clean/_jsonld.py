"""A page's JSON-LD, parsed once: every object in its ``<script type="application/ld+json">`` blocks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

__all__ = ["ARTICLE_TYPE", "as_list", "is_article", "json_ld", "types"]

#: Schema.org types of a news or blog article (``NewsArticle``, ``ReportageNewsArticle``, ``BlogPosting`` …).
ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting|LiveBlogPosting|Report)$")
_NESTED = ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement")


def json_ld(tree: HtmlElement) -> tuple[dict[str, Any], ...]:
    """Every JSON-LD object on the page, nested ``@graph`` and ``mainEntity`` ones included; bad blocks skipped."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        found.extend(_walk(data, depth=0))
    return tuple(found)


def _walk(data: Any, *, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth=depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in _NESTED:
            if isinstance(data.get(key), (list, dict)):
                yield from _walk(data[key], depth=depth + 1)


def types(node: dict[str, Any]) -> list[str]:
    """The object's ``@type`` names."""
    return [kind for kind in as_list(node.get("@type")) if isinstance(kind, str)]


def is_article(node: dict[str, Any]) -> bool:
    """Whether the object describes an article."""
    return any(ARTICLE_TYPE.search(kind) for kind in types(node))


def as_list(value: Any) -> list[Any]:
    """A JSON-LD value that may be one item or a list, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
