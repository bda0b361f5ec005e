"""HTML pages: the article body as blocks, by trafilatura tuned for precision, and the page's metadata.

trafilatura returns the body as a small XML tree (``p``, ``head``, ``list`` of ``item``, ``quote``, ``table``
of ``row``). Each line of it becomes a :class:`Block` that keeps what the markup said: its kind, and whether
the whole line is the text of one link on the page (a teaser). The junk filter in ``_body`` judges blocks
with that knowledge. When precision mode keeps too little of a page, the balanced mode is tried as well and
its body taken if it holds clearly more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from ._jsonld import json_ld
from ._junk import line_junk_reason
from ._meta import Metadata, page_metadata
from ._page import PageSignals, page_signals

__all__ = ["ITEM_MARKER", "Block", "Extracted", "extract_html"]

#: Below this many words, a precision-mode body is checked against the balanced mode's.
FALLBACK_BELOW_WORDS = 50
#: The balanced body replaces the precision one when it holds at least this many times the words.
FALLBACK_GAIN = 1.5

#: Pages nested deeper than libxml2's 256 are parsed again without its limit, up to this depth (deeper ones are
#: no articles, and the extractor's time grows fast with depth).
MAX_DEPTH = 1000

#: A line of this many words that does not end a sentence was wrapped, and runs on into the next one.
WRAPPED_MIN_WORDS = 6

_SPACES = re.compile(r"[ \t]+")
_SENTENCE_END = re.compile(r"[.!?:;…。！？؟।][\"'”’»)\]」』]*$")
#: The marker trafilatura puts before a list item ("- "), or the item's own ("1.", "•").
ITEM_MARKER = re.compile(r"^(?:[-–•*·▪]|\d{1,3}[.)])\s+")
_KINDS = {"p": "p", "head": "head", "list": "item", "quote": "quote", "table": "row"}


@dataclass(frozen=True, slots=True)
class Block:
    """One line of the extracted body: its text, what the markup made it, and whether it is all one link."""

    text: str
    kind: str = "p"  # p | head | item | quote | row | other
    linked: bool = False


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a page holds: the body's blocks in page order (none when it holds no article) and its metadata."""

    blocks: tuple[Block, ...] = ()
    meta: Metadata = Metadata()
    #: What the markup says about the page (teasers, declared type), for the page-kind judgement.
    signals: PageSignals = PageSignals()


def extract_html(html: str, *, url: str | None, favor_precision: bool) -> Extracted:
    """The body blocks and metadata of a page; no blocks when it holds no article.

    When precision mode keeps under :data:`FALLBACK_BELOW_WORDS` words of a page that does not look like a
    page of links, the balanced mode's body is taken instead if it holds :data:`FALLBACK_GAIN` times more.
    """
    tree = _parse(html)
    if tree is None:
        return Extracted()
    found = _extract(tree, url, favor_precision=favor_precision)
    if not found.blocks and (deep := _parse_deep(html)) is not None:
        # libxml2 stops building the tree 256 elements deep and drops what lies below; parse such a page again
        # without that limit rather than lose its text
        again = _extract(deep, url, favor_precision=favor_precision)
        found = again if again.blocks else found
    return found


def _extract(tree: HtmlElement, url: str | None, *, favor_precision: bool) -> Extracted:
    objects = json_ld(tree)
    signals = page_signals(tree, objects)
    body = _body(tree, url, favor_precision=favor_precision)
    if favor_precision and not signals.links_page and _words(body) < FALLBACK_BELOW_WORDS:
        balanced = _body(tree, url, favor_precision=False)
        if _words(balanced) >= FALLBACK_GAIN * max(_words(body), 1):
            body = balanced
    blocks = tuple(_blocks(body, _link_texts(tree))) if body is not None else ()
    return Extracted(blocks=blocks, meta=page_metadata(tree, objects, url), signals=signals)


def _parse(html: str) -> HtmlElement | None:
    if not html.strip():
        return None
    try:
        tree = load_html(html)
    except (ValueError, TypeError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


def _parse_deep(html: str) -> HtmlElement | None:
    """The page parsed with no limit on how deep its elements nest; None when it cannot be parsed."""
    parser = lxml.html.HTMLParser(huge_tree=True, collect_ids=False, default_doctype=False, remove_comments=True,
                                  remove_pis=True, encoding="utf-8")
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return None
    return tree if isinstance(tree, HtmlElement) and _depth(tree) <= MAX_DEPTH else None


def _depth(tree: HtmlElement) -> int:
    """How deep the page's elements nest, in one walk."""
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _body(tree: HtmlElement, url: str | None, *, favor_precision: bool) -> _Element | None:
    """trafilatura's body of one page (it works on a copy of the tree); None when it finds none."""
    doc = trafilatura.bare_extraction(
        tree, url=url, favor_precision=favor_precision, include_comments=False, include_tables=True
    )
    return doc.body if isinstance(doc, Document) else None


def _words(body: _Element | None) -> int:
    return sum(len(text.split()) for text in body.itertext()) if body is not None else 0


def _link_texts(tree: HtmlElement) -> frozenset[str]:
    """The text of every link on the page, whitespace normalised."""
    texts = (" ".join(anchor.text_content().split()) for anchor in tree.iter("a"))
    return frozenset(text for text in texts if text)


def _blocks(body: _Element, links: frozenset[str]) -> list[Block]:
    """Each line of each top-level element of trafilatura's body, with the element's kind.

    Inside a paragraph or a quote, lines broken by ``<br>`` in the middle of a sentence are joined again.
    """
    blocks: list[Block] = []
    for element in body:
        tail, element.tail = element.tail, None
        kind = _KINDS.get(str(element.tag), "other")
        lines = _lines(xmltotxt(element, False))
        for text in _rejoin(lines) if kind in {"p", "quote"} else lines:
            bare = ITEM_MARKER.sub("", text) if kind == "item" else text
            blocks.append(Block(text, kind, " ".join(bare.split()) in links))
        # Loose text after an element (trafilatura keeps it as the element's tail) is a paragraph of its own.
        blocks.extend(Block(text, "p", " ".join(text.split()) in links) for text in _rejoin(_lines(tail or "")))
    return blocks


def _lines(text: str) -> list[str]:
    return [line for line in (_SPACES.sub(" ", raw).strip() for raw in text.splitlines()) if line]


def _rejoin(lines: list[str]) -> list[str]:
    """Lines of one paragraph with the hard-wrapped ones joined: a line of :data:`WRAPPED_MIN_WORDS` words or
    more that does not end a sentence runs on into the next, unless either is junk on its own."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if (
            previous
            and len(previous.split()) >= WRAPPED_MIN_WORDS
            and not _SENTENCE_END.search(previous)
            and line_junk_reason(previous) is None
            and line_junk_reason(line) is None
        ):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined
