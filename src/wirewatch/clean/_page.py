"""What a web page is: a news article, or a page of links to articles (a listing, a section front, a home page).

A page of links has many teasers (headlines that are links: ``<h3><a>…</a></h3>``, or several ``<article>``
items), and what prose it has is their blurbs (the paragraphs in a teaser's card); an article has paragraphs
of its own prose, however many teasers sit around them.
The page's own markup breaks ties: ``og:type`` and JSON-LD say ``article``, or ``website`` (``CollectionPage``).
A page of links is a *front* when it is a home page or a section's front (an address with at most one path
segment), and a *listing* otherwise (tag, topic, author, search and archive pages, later pages of a list).
A page with no text and no teasers is *empty*. Only an article is coded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from ._jsonld import ARTICLE_TYPE, types
from ._junk import is_heading
from ._meta import split_url

__all__ = ["NO_TEXT", "PageSignals", "judge_page", "page_signals"]

#: Why a document with no text (an empty file, a page with nothing but navigation) is not coded.
NO_TEXT = "not an article: the document holds no text"

#: From this many teasers (linked headlines, ``<article>`` items) a page may be a page of links.
MIN_TEASERS = 5
#: A page of many teasers is a page of links when at least this share of its prose is their blurbs.
BLURB_SHARE = 0.5
#: A headline's card (its parent) holds at most this many paragraphs; more, and it is an article's body.
MAX_CARD_PARAGRAPHS = 3
#: A paragraph of prose has at least this many words and ends like a sentence.
PROSE_MIN_WORDS = 12

_LISTING_PATH = re.compile(
    r"/(?:tags?|topics?|category|categories|section|sections|authors?|search|archives?|page|latest|news-?list)(?:/|$)"
    r"|[?&](?:page|p|q|s|tag|category)=",
    re.IGNORECASE,
)
_LIST_TYPE = re.compile(r"^(?:CollectionPage|SearchResultsPage|ProfilePage)$")


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What the markup says about a page, read once before extraction."""

    #: Distinct linked headlines: an ``<h2>``–``<h4>`` holding a link, or inside one.
    teasers: int = 0
    #: ``<article>`` elements holding a link.
    articles: int = 0
    #: The page says it is an article (``og:type`` article, JSON-LD ``NewsArticle`` …): True, a collection
    #: or website: False, nothing: None.
    declared_article: bool | None = None
    #: The paragraphs that sit beside a linked headline in its card (a teaser's blurb), whitespace normalised.
    blurbs: frozenset[str] = frozenset()

    @property
    def many_teasers(self) -> bool:
        """Whether the page carries enough teasers to be a page of links."""
        return max(self.teasers, self.articles) >= MIN_TEASERS

    @property
    def links_page(self) -> bool:
        """Whether, before looking at the body, the page may be a page of links rather than an article."""
        return self.many_teasers and not self.declared_article


def page_signals(tree: HtmlElement, json_ld: Sequence[dict[str, Any]]) -> PageSignals:
    """Count the page's teasers, collect their blurbs and read what the page declares itself to be."""
    headlines: set[str] = set()
    blurbs: set[str] = set()
    for heading in tree.iter("h2", "h3", "h4"):
        parent = heading.getparent()
        wrapped = parent is not None and parent.tag == "a" and parent.get("href") is not None
        text = " ".join(heading.text_content().split())
        if not text or not (wrapped or heading.find(".//a[@href]") is not None):
            continue
        headlines.add(text)
        card = parent.getparent() if wrapped and parent is not None else parent
        paragraphs = card.findall(".//p") if card is not None else []
        if len(paragraphs) <= MAX_CARD_PARAGRAPHS:
            blurbs.update(" ".join(p.text_content().split()) for p in paragraphs)
    articles = sum(1 for element in tree.iter("article") if element.find(".//a[@href]") is not None)
    return PageSignals(len(headlines), articles, _declared(tree, json_ld), frozenset(b for b in blurbs if b))


def judge_page(signals: PageSignals, paragraphs: Sequence[str], *, url: str | None) -> tuple[str, str | None]:
    """The page's kind (``article``, ``front``, ``listing`` or ``empty``) and, when it is not an article, why.

    A page that declares itself an article is one as long as it has text, and so is a page with few teasers.
    A page with many teasers is a page of links when it has no text left, or when at least half its running
    prose is teaser blurbs; otherwise its prose is an article's, the teasers round it.
    """
    prose = [p for p in paragraphs if _is_prose(p)]
    words = sum(len(p.split()) for p in prose)
    blurbs = sum(len(p.split()) for p in prose if " ".join(p.split()) in signals.blurbs)
    if paragraphs and (signals.declared_article or not signals.many_teasers):
        return "article", None
    if not signals.many_teasers:
        return "empty", NO_TEXT
    if paragraphs and words and blurbs < BLURB_SHARE * words:
        return "article", None
    kind = _front_or_listing(url)
    teasers = max(signals.teasers, signals.articles)
    share = f"{blurbs} of {words} words of prose in their blurbs"
    return kind, f"not an article: a {_NAMES[kind]} of {teasers} linked headlines, {share}"


_NAMES = {"front": "front page", "listing": "listing page"}


def _front_or_listing(url: str | None) -> str:
    """A home page or section front (at most one path segment), else a listing."""
    address = split_url(url)
    path = address.path
    if _LISTING_PATH.search(path + ("?" + address.query if address.query else "")):
        return "listing"
    segments = [s for s in path.split("/") if s and not s.startswith("index.")]
    return "front" if len(segments) <= 1 else "listing"


def _is_prose(paragraph: str) -> bool:
    text = paragraph.strip(" |")
    return len(text.split()) >= PROSE_MIN_WORDS and not is_heading(text, max_words=10**6)


def _declared(tree: HtmlElement, json_ld: Sequence[dict[str, Any]]) -> bool | None:
    """What the page says it is: an article (True), a website or collection (False), or nothing (None).

    JSON-LD naming an article wins over an ``og:type`` of ``website``, which many article pages leave as is.
    """
    kinds = [kind for node in json_ld for kind in types(node)]
    og_type = next(
        ((m.get("content") or "").strip().lower() for m in tree.iter("meta")
         if (m.get("property") or m.get("name") or "").lower() == "og:type"),
        "",
    )  # fmt: skip
    if og_type == "article" or any(ARTICLE_TYPE.search(k) for k in kinds):
        return True
    if og_type == "website" or any(_LIST_TYPE.match(k) for k in kinds):
        return False
    return None
