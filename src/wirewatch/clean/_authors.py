"""Bylines: the people who wrote a page, as a list of clean names.

Where a page names its authors, in order of trust: the article's JSON-LD (``author`` of an article object,
people only), author ``<meta>`` tags, and byline elements (``rel="author"``, ``itemprop="author"``, a
``byline`` or ``author`` class). The first source that gives a clean name wins; a later single byline that
names the same people and more completes it. A byline is split into names ("A and B", "A, B", "A & B",
"A; B") and each piece is cleaned: "By", "Written by", "View all posts by" go, and so does what is not a
person: "Email the author", "Staff", roles ("Chief Technology Officer", "Staff Writer"), trailing dates,
degrees, e-mail addresses and handles, the outlet's own name, the publisher and other organisations
("The Associated Press", "Condé Nast", "NJ Advance Media"). trafilatura's own search through the page's
text is the last resort.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import extract_author

from ._jsonld import as_list, is_article

__all__ = ["clean_byline", "find_authors"]

_MAX_NAME_WORDS = 5
_MAX_AUTHORS = 8
_MAX_BYLINE_ELEMENTS = 12

_META_NAMES = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
    "article:author_name", "cxenseparse:author", "byl",
)  # fmt: skip
_BYLINE_XPATH = etree.XPath(
    "//body//*[@rel='author' or @itemprop='author' or contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
    " or contains(@class, 'author-name') or contains(@class, 'authorName') or contains(@class, 'byline__name')]"
)

_PREFIX = re.compile(
    r"^(?:(?:written|posted|words|reporting|story|text|photos?|compiled|edited|published|updated)\s+by|by|from"
    r"|view\s+all\s+(?:posts|articles|stories)\s+by|more\s+(?:from|by)|authors?|words|reporter|contributors?)"
    r"\s*[:|\-–—]?\s+",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"\s*(?:\||•|·|\bpublished\b|\bupdated\b|\bposted\b|\blink\s+copied\b|\bfollow\b|\bemail\b|\be-mail\b"
    r"|\bcontact\b|\bon\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,2}[:/.]\d{1,2}"
    r"|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d).*$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|\s&\s|\b[Aa][Nn][Dd]\b|\s/\s|\s\|\s|\s[-–—]\s|\s(?=The\s))\s*")
_JUNK_TOKENS = re.compile(r"\S+@\S+|@\w+|https?://\S+|www\.\S+|\(\s*\)")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_INNER_BY = re.compile(r"^.*?\bby\s+(?=(?-i:[A-Z]))", re.IGNORECASE)
#: Two words run together by a page's markup ("CarrPublished", "DunlopContributions"); "McCain" is fine.
_RUN_TOGETHER = re.compile(r"(?<!^Mc)(?<!^Mac)(?<!^De)(?<!^Le)(?<!^La)(?<!^Di)[a-z]{2,}[A-Z]")
_DEGREES = re.compile(
    r"^(?:ph\.?\s?d\.?|m\.?d\.?|m\.?s\.?|m\.?a\.?|b\.?a\.?|mba|rdn|ld|rn|cpa|esq\.?|dr\.?)$", re.IGNORECASE
)
_ROLE_WORDS = frozenset((
    "staff", "reporter", "reporters", "writer", "writers", "editor", "editors", "correspondent", "correspondents",
    "contributor", "contributors", "columnist", "officer", "director", "producer", "journalist", "team", "desk",
    "bureau", "newsroom", "editorial", "sponsored", "author", "authors", "analyst", "chief", "head", "manager",
    "founder", "ceo", "president", "senior", "contributing", "freelance", "guest", "admin", "administrator",
    "published", "updated", "posted", "email", "follow", "share", "view", "profile", "posts", "more", "latest",
    "news", "media", "press", "agency", "wire", "wires", "reports", "report", "service", "services", "online",
    "magazine", "times", "post", "journal", "daily", "herald", "tribune", "gazette", "telegraph", "network",
    "group", "inc", "ltd", "llc", "company", "university", "institute", "school", "foundation", "association",
    "images", "image", "photo", "photos", "photographer", "courtesy", "getty", "via", "www", "com", "last",
))  # fmt: skip
_ORG_TOKEN = re.compile(r"\.(?:com|net|org|co|uk|de|fr|in|io|tv)\b", re.IGNORECASE)


def find_authors(tree: HtmlElement, json_ld: Sequence[dict[str, Any]], *, outlet: str | None) -> tuple[str, ...]:
    """The people a page names as its authors, in byline order; empty when it names none."""
    avoid = _outlet_keys(outlet) | _publisher_keys(json_ld)
    found = _people(_json_ld_authors(json_ld), avoid, outlet) or _people(_meta_authors(tree), avoid, outlet)
    elements = _byline_elements(tree)
    if not found:
        first = next((text for text in elements if _split(text)), None)
        found = _people([first], avoid, outlet) if first else ()
    for byline in elements:
        fuller = _people([byline], avoid, outlet)
        if len(fuller) > len(found) and {_key(n) for n in found} <= {_key(n) for n in fuller}:
            found = fuller
    return found or _people(_trafilatura_author(tree), avoid, outlet)


def clean_byline(byline: str, *, outlet: str | None = None) -> tuple[str, ...]:
    """The people a byline names ("By Ana Lima and Tom Ford, Staff Writers" gives both names)."""
    return _people([byline], _outlet_keys(outlet), outlet)


def _trafilatura_author(tree: HtmlElement) -> list[str]:
    """trafilatura's own search for an author in the page's text, the last resort (its bylines come ';'-joined)."""
    try:
        found = extract_author(tree)
    except (ValueError, TypeError, AttributeError):
        return []
    return found.split(";") if found else []


def _people(bylines: Iterable[str], avoid: frozenset[str], outlet: str | None = None) -> tuple[str, ...]:
    names: list[str] = []
    for byline in bylines:
        if outlet:
            byline = re.sub(rf"(?:\bthe\s+)?{re.escape(outlet)}", ",", byline, flags=re.IGNORECASE)
        for name in _split(byline):
            key = _key(name)
            if key not in avoid and key not in {_key(n) for n in names} and not _is_organisation(name):
                names.append(name)
    return tuple(names[:_MAX_AUTHORS])


def _split(byline: str) -> list[str]:
    """A byline cut at its first date or role marker, split into names, each cleaned; junk pieces dropped."""
    text = _JUNK_TOKENS.sub(" ", " ".join(byline.split()))
    text = _INNER_BY.sub("", _PREFIX.sub("", text.strip(" ,;:|-–—")))
    text = _CUT.sub("", text)
    pieces: list[str] = []
    for raw in _SPLIT.split(text):
        piece = _tidy(_PREFIX.sub("", _tidy(raw)))
        if not piece:
            continue
        if piece.lower().rstrip(".") in _SUFFIXES and pieces:
            pieces[-1] = f"{pieces[-1]} {piece}"
        elif not _DEGREES.match(piece):
            pieces.append(piece)
    return [piece for piece in pieces if _is_name(piece)]


def _tidy(piece: str) -> str:
    """A piece without surrounding punctuation, trailing degrees ("MS", "Ph.D."), lower-case tail words or a
    final full stop (an initial keeps its own)."""
    words = piece.strip(" ,;:|-–—'\"()[]").split()
    while len(words) > 1 and (_DEGREES.match(words[-1]) or words[-1].islower()):
        words.pop()
    last = words[-1] if words else ""
    if len(last) > 2 and "." not in last[:-1] and last.lower().rstrip(".") not in _SUFFIXES:
        words[-1] = words[-1].rstrip(".")
    return " ".join(words)


def _is_name(piece: str) -> bool:
    """A plausible name: two to five words with letters, capitalised, no digits, slashes or run-together words."""
    words = piece.split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS or any(c.isdigit() or c in "/\\@#" for c in piece):
        return False
    if not all(any(c.isalpha() for c in w) for w in words) or piece.lower() == piece:
        return False
    return not any(_RUN_TOGETHER.search(w) for w in words)


def _is_organisation(name: str) -> bool:
    """Agencies, publishers, desks and roles: a role word ("Staff", "Press", "Editor") or a web address."""
    words = name.split()
    lowered = {w.strip(".,'’").lower() for w in words}
    return bool(lowered & _ROLE_WORDS) or any(_ORG_TOKEN.search(w) for w in words) or words[0].lower() == "the"


def _outlet_keys(outlet: str | None) -> frozenset[str]:
    if not outlet:
        return frozenset()
    key = _key(outlet)
    return frozenset({key, key.removeprefix("the")})


def _key(name: str) -> str:
    """A name folded for comparison: accents, case, spaces and punctuation gone."""
    folded = unicodedata.normalize("NFKD", name).casefold()
    return "".join(c for c in folded if c.isalnum())


# --- the sources --------------------------------------------------------------------------------------------


def _json_ld_authors(json_ld: Sequence[dict[str, Any]]) -> list[str]:
    """The people the page's JSON-LD names as its article's authors (organisations left out)."""
    for node in json_ld:
        if not is_article(node):
            continue
        people = [name for name, kind in map(_author_name, as_list(node.get("author")) + as_list(node.get("creator")))
                  if name and kind != "Organization"]  # fmt: skip
        if people:
            return people
    return []


def _publisher_keys(json_ld: Sequence[dict[str, Any]]) -> frozenset[str]:
    """The publishers the JSON-LD names: never authors, even when listed among them."""
    names = (_author_name(p)[0] for node in json_ld if is_article(node) for p in as_list(node.get("publisher")))
    return frozenset(_key(name) for name in names if name)


def _author_name(author: Any) -> tuple[str | None, str]:
    if isinstance(author, str):
        return (None if author.startswith("http") else author), "Person"
    if isinstance(author, dict):
        name = author.get("name")
        kind = next((k for k in as_list(author.get("@type")) if isinstance(k, str)), "Person")
        if isinstance(name, list):
            name = next((n for n in name if isinstance(n, str)), None)
        return (name if isinstance(name, str) else None), kind
    return None, "Person"


def _meta_authors(tree: HtmlElement) -> list[str]:
    found: list[str] = []
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key in _META_NAMES and content and not content.startswith(("http", "www.", "/")):
            found.append(content)
    return found


def _byline_elements(tree: HtmlElement) -> list[str]:
    """The texts of the page's byline elements, in page order."""
    found: list[str] = []
    for element in _BYLINE_XPATH(tree)[:_MAX_BYLINE_ELEMENTS]:
        if not isinstance(element, HtmlElement) or element.tag in {"meta", "link", "script", "style"}:
            continue
        text = " ".join(element.text_content().split())
        if text and len(text.split()) <= 3 * _MAX_NAME_WORDS:
            found.append(text)
    return found
