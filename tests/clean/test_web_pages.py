"""Web pages: the article body without the news site's junk, its metadata, and pages that are not articles.

The pages under ``fixtures/web`` were written for these tests: two articles full of boxes (related links,
share buttons, newsletter prompts, captions, cookie notices), an article with two authors and a canonical link,
a front page and a tag listing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirewatch.clean import clean
from wirewatch.clean._authors import clean_byline
from wirewatch.clean._body import filter_blocks
from wirewatch.clean._html import Block
from wirewatch.clean._page import NO_TEXT, PageSignals, judge_page
from wirewatch.config import CleanConfig
from wirewatch.records import Article, RawDocument
from wirewatch.sample import corpus_dir

WEB = Path(__file__).parents[1] / "fixtures" / "web"
MODES = pytest.mark.parametrize("precision", [True, False], ids=["precision", "balanced"])


def page(name: str, *, url: str | None = None, precision: bool = True) -> Article:
    html = (WEB / name).read_text(encoding="utf-8")
    return clean(RawDocument(id=name, source=name, html=html, url=url), CleanConfig(favor_precision=precision))


def reasons(article: Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


# --- the body -------------------------------------------------------------------------------------------

RELATED_BODY = [
    "Fishing fleets from the northern and western harbours agreed on Wednesday to swap part of their cod",
    "the two producer organisations said in a joint statement after a week of talks",
    '"Nobody got everything they wanted, but the boats can go back to sea on Monday," said Maren Dahl',
    "What the deal changes",
    "welcomed the swap and said it would approve the transfer within days.",
    "some had begun to buy fish from abroad.",
    "The agreement runs until the end of the year, when the quotas for next season are due to be set.",
]
RELATED_JUNK = {
    "Fisheries": "heading",
    "Fishing fleets agree quota swap after week of talks": "title",
    "Maren Dahl speaks to reporters on the quay at Vardel (Photo: Harbour Authority)": "caption",
    "Don't miss": "see-also",
    "Advertisement": "advert",
    "Sign up for The Northern Tide's free business newsletter to get stories like this in your inbox.": "newsletter",
    "Like this story? Share it with a friend!": "share-box",
    "Read more: How the quota system was built": "see-also",
    "(Reporting by Ingrid Solberg; editing by Paul Hartmann)": "credit",
}
RELATED_GONE = [
    "Fuel prices push small boats to the brink",
    "Harbour dredging plan wins council backing",
    "Cod stocks recover",
    "We use cookies",
    "Share this article",
    "Sign up for our morning briefing",
    "Ferry timetable changes",
    "About time they sorted this out",
    "Leave a Reply",
    "All rights reserved",
    "fisheries, trade",
]


@MODES
def test_an_articles_body_paragraphs_and_section_heading_survive_verbatim(precision: bool) -> None:
    article = page("article_related.html", precision=precision)
    for body in RELATED_BODY:
        assert body in article.text
    assert article.text.startswith("Fishing fleets from the northern")
    assert "\n\nWhat the deal changes\n\n" in article.text


@MODES
def test_captions_boxes_prompts_and_credits_are_dropped_with_their_reasons(precision: bool) -> None:
    found = reasons(page("article_related.html", precision=precision))
    assert {text: reason for text, reason in found.items() if text in RELATED_JUNK} == RELATED_JUNK


@MODES
@pytest.mark.parametrize("junk", RELATED_GONE)
def test_related_links_cookie_notice_share_box_most_read_comments_and_footer_are_gone(
    precision: bool, junk: str
) -> None:
    assert junk not in page("article_related.html", precision=precision).text


@MODES
def test_a_related_link_block_goes_with_its_heading_up_to_the_next_section(precision: bool) -> None:
    article = page("article_related.html", precision=precision)
    found = reasons(article)
    assert found["Don't miss"] == "see-also"
    assert all(found.get(t, "see-also") == "see-also" for t in RELATED_GONE[:2])
    assert "What the deal changes" not in found


BOXES_JUNK = {
    "Grain convoy reaches port after corridor reopens": "title",
    "Related: Grain prices fall on news of the corridor deal": "see-also",
    "A woman watches the first ship of the convoy enter the harbour at Salvan (Reuters).": "caption",
    "Subscribe to our newsletter": "newsletter",
    "Get the latest economy news straight to your inbox every weekday morning.": "newsletter",
    "Share on Facebook Share on X Share on WhatsApp": "share-box",
    "Follow us on Telegram": "newsletter",
    "Tags: grain, shipping, Salvan": "navigation",
    "Most popular": "see-also",
}


@MODES
def test_boxes_written_as_plain_paragraphs_are_dropped_too(precision: bool) -> None:
    article = page("article_boxes.html", precision=precision)
    assert {t: r for t, r in reasons(article).items() if t in BOXES_JUNK} == BOXES_JUNK
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("A convoy of six cargo ships") and paragraphs[-1].endswith("was finished.")
    assert "Prices and insurance" in paragraphs
    for gone in ("Navy closes sea corridor", "Floods cut off villages", "Central bank holds rates", "logged in"):
        assert gone not in article.text


def blocks(*lines: str | tuple[str, str] | tuple[str, str, bool]) -> list[Block]:
    """Blocks from lines: a string is a paragraph; a tuple gives (text, kind) or (text, kind, linked)."""
    return [Block(line) if isinstance(line, str) else Block(*line) for line in lines]


LEAD = "The two sides met in the capital on Monday to discuss the terms of a ceasefire in the north."
MORE = "Officials said the next round would be held in Geneva later this month."


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        # a teaser that is all one link goes; a linked name or a short label stays
        (blocks(LEAD, ("Floods cut off villages in the delta", "p", True), MORE), [LEAD, MORE]),
        (blocks(LEAD, ("Geneva talks", "p", True), MORE), [LEAD, "Geneva talks", MORE]),
        # a related block takes the teasers and list items after it, up to the next paragraph of prose
        (blocks(LEAD, "See also", "Floods cut off villages", ("- Bridge reopens", "item"), MORE), [LEAD, MORE]),
        # ... or the next section heading, which stays
        (blocks(LEAD, "Related stories", ("What happens next", "head"), MORE), [LEAD, "What happens next", MORE]),
        # headline-like lines before the first paragraph of prose go; after it they are section headings
        (blocks("World", "Ceasefire talks resume", LEAD, "Where the talks stand", MORE),
         [LEAD, "Where the talks stand", MORE]),
        # a table row with a sentence in it is prose; one of figures is kept where it stands
        (blocks(("| Kyle | 5040 |", "row"), LEAD), [LEAD]),
        (blocks(LEAD, ("| Kyle | 5040 |", "row")), [LEAD, "| Kyle | 5040 |"]),
    ],
)  # fmt: skip
def test_blocks_are_judged_with_what_the_markup_made_them(given: list[Block], kept: list[str]) -> None:
    assert list(filter_blocks(given, title=None, heading_max_words=12).paragraphs) == kept


def test_the_leading_title_is_recorded_as_the_title() -> None:
    kept = filter_blocks(blocks("Talks resume in Geneva", LEAD), title="Talks resume in Geneva", heading_max_words=12)
    assert [(r.text, r.reason) for r in kept.removed] == [("Talks resume in Geneva", "title")]


NEW_JUNK = [
    ("SEE MORE: Hong Kong students leave the campus", "see-also"),
    ("DON'T MISS", "see-also"),
    ("Most read in world news", "see-also"),
    ("You may also like...", "see-also"),
    ("[Related: Ports reopen after the storm]", "see-also"),
    ("Like this story? Share it with a friend!", "share-box"),
    ("Every delay costs us money.Click To Tweet", "share-box"),
    ("Get the day's top headlines delivered to your inbox every morning.", "newsletter"),
    ("Sign up for The Courier today to get the free daily newsletter.", "newsletter"),
    ("Follow Newsbeat on Instagram, Facebook and YouTube.", "newsletter"),
    ("If you enjoyed this article, join our members' club.", "newsletter"),
    ("(Reporting by Ana Lima; editing by Tom Ford)", "credit"),
    ("Reporting by Ana Lima; additional reporting by Tom Ford; Editing by Jo Park", "credit"),
    ("Associated Press writers Ana Lima and Tom Ford contributed to this report.", "credit"),
    ("Keith Marsh contributed reporting from Hong Kong.", "credit"),
    ("SOURCE: News agencies", "credit"),
    ("Have a tip? Ana Lima may be reached at alima@example.org.", "contact"),
    ("ana.lima@example.org", "contact"),
    ("Updated at 1:23 p.m.", "timestamp"),
    ("November 20, 2019 - 11:28 AMT", "timestamp"),
    ("5:45 AM PST 11/19/2019 by Ana Lima", "timestamp"),
    ("Published: 12:01 EST, 3 March 2024 | Updated: 14:20 EST, 3 March 2024", "timestamp"),
    ("Advertisement", "advert"),
    ("Story continues below advertisement", "advert"),
    ("We use cookies to give you the best experience on our website.", "cookie"),
    ("Accept all cookies", "cookie"),
    ("This copy is for your personal, non-commercial use only.", "footer"),
    ("Tags", "navigation"),
    ("4 min read", "navigation"),
]
NEW_BODY = [
    "Sources said the talks would resume on Tuesday.",
    "Advertisement revenue fell by a third last year.",
    "Also, the minister resigned on Friday.",
    "Most of the ships were carrying grain.",
    "More than 200 people were evacuated from the coast.",
    "Trending prices for wheat pushed bread costs higher, the bakers said.",
    "The reporter was reached at her home in the capital.",
    "The newsletter reached 40,000 readers, the union said in its statement.",
    "2019 was the hottest year on record in the region.",
    "Cookies and cakes were handed out to the crowd.",
]


@pytest.mark.parametrize(("paragraph", "reason"), NEW_JUNK)
def test_more_news_junk_is_dropped_with_its_reason(paragraph: str, reason: str) -> None:
    article = clean(RawDocument(id="t", source="t", text=f"{LEAD}\n\n{paragraph}\n\n{MORE}"))
    assert [(r.text, r.reason) for r in article.removed] == [(paragraph, reason)]
    assert article.text == f"{LEAD}\n\n{MORE}"


@pytest.mark.parametrize("paragraph", NEW_BODY)
def test_sentences_that_start_like_junk_stay(paragraph: str) -> None:
    article = clean(RawDocument(id="t", source="t", text=f"{LEAD}\n\n{paragraph}\n\n{MORE}"))
    assert article.removed == ()


def test_lines_broken_inside_a_paragraph_are_joined_again() -> None:
    html = (
        "<html><body><article><p>Ministers from the two countries met in the capital on<br>"
        "Monday and agreed to reopen the border crossing<br>for trucks carrying food and medicine.</p>"
        f"<p>{MORE} {LEAD}</p></article></body></html>"
    )
    article = clean(RawDocument(id="t", source="t", html=html))
    assert article.text.split("\n\n")[0] == (
        "Ministers from the two countries met in the capital on Monday and agreed to reopen the border "
        "crossing for trucks carrying food and medicine."
    )


# --- metadata -------------------------------------------------------------------------------------------


def test_a_pages_metadata_comes_from_its_markup() -> None:
    article = page("article_related.html")
    assert article.title == "Fishing fleets agree quota swap after week of talks"
    assert article.published == date(2024, 5, 16)
    assert article.outlet == "The Northern Tide"
    assert article.authors == ("Ingrid Solberg",)
    assert article.url == article.canonical_url == "https://northerntide.example/business/fishing-quota-swap"


def test_two_authors_in_one_byline_are_split_and_the_junk_around_them_dropped() -> None:
    article = page("article_two_authors.html")
    assert article.authors == ("Ana Lima", "Tom Ford")
    assert article.title == "Port city council approves new ferry contract"
    assert article.published == date(2024, 3, 3)


def test_the_canonical_link_is_made_absolute_against_the_address_the_page_came_from() -> None:
    url = "https://www.coastalherald.example/local/ferry-contract-approved?utm_source=feed"
    article = page("article_two_authors.html", url=url)
    assert article.url == url
    assert article.canonical_url == "https://www.coastalherald.example/local/ferry-contract-approved"


def test_the_canonical_url_is_left_empty_when_it_is_the_address_given() -> None:
    article = page("article_two_authors.html", url="https://www.coastalherald.example/local/ferry-contract-approved")
    assert article.canonical_url is None


def test_og_url_stands_in_for_a_missing_canonical_link() -> None:
    html = (WEB / "article_two_authors.html").read_text(encoding="utf-8")
    html = html.replace('<link rel="canonical" href="/local/ferry-contract-approved">', "")
    article = clean(RawDocument(id="t", source="t", html=html))
    assert article.canonical_url == "https://www.coastalherald.example/local/ferry-contract-approved"


def test_json_ld_authors_are_people_and_the_publisher_is_not_one() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "headline": "Talks resume", "author": [{"@type": "Person", "name": "Condé Nast"},'
        ' {"@type": "Person", "name": "Jesa Marie Calaor"}, {"@type": "Organization", "name": "Wire Desk"}],'
        ' "publisher": {"@type": "Organization", "name": "Condé Nast"}}]}</script></head>'
        f"<body><article><h1>Talks resume</h1><p>{LEAD}</p><p>{MORE}</p></article></body></html>"
    )
    article = clean(RawDocument(id="t", source="t", html=html))
    assert article.authors == ("Jesa Marie Calaor",)
    assert article.title == "Talks resume"


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        ("Ferry contract approved | Coastal Herald", "Ferry contract approved", "Ferry contract approved"),
        ("Coastal Herald - Ferry contract approved", "", "Ferry contract approved"),
        ("Ferry contract approved - Coastal Herald", "", "Ferry contract approved"),
        ("Storm - the aftermath", "", "Storm - the aftermath"),
    ],
)
def test_the_title_loses_the_sites_name(title: str, h1: str, expected: str) -> None:
    html = (
        f'<html><head><title>{title}</title><meta property="og:site_name" content="Coastal Herald"></head>'
        f"<body><article>{f'<h1>{h1}</h1>' if h1 else ''}<p>{LEAD}</p><p>{MORE}</p></article></body></html>"
    )
    assert clean(RawDocument(id="t", source="t", html=html)).title == expected


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ana Lima and Tom Ford", ("Ana Lima", "Tom Ford")),
        ("Ana Lima, Tom Ford", ("Ana Lima", "Tom Ford")),
        ("Ana Lima & Tom Ford; Jo Park", ("Ana Lima", "Tom Ford", "Jo Park")),
        ("By RALPH D. RUSSO and BOB FERRANTE", ("RALPH D. RUSSO", "BOB FERRANTE")),
        ("Written by Ana Lima | March 3, 2024", ("Ana Lima",)),
        ("Ana Lima Published 10:42 AM EST, Mon March 4, 2024", ("Ana Lima",)),
        ("View all posts by Will Carter", ("Will Carter",)),
        ("Ana Lima, Chief Technology Officer", ("Ana Lima",)),
        ("By Tom Ford, Staff Writer", ("Tom Ford",)),
        ("Robert E. Moffit, Ph.D.", ("Robert E. Moffit",)),
        ("Lauren Manaker MS, RDN, LD", ("Lauren Manaker",)),
        ("John Garcia Jr.", ("John Garcia Jr.",)),
        ("Nelson C.J.", ("Nelson C.J.",)),
        ("Ana Lima The Associated Press", ("Ana Lima",)),
        ("Email the author", ()),
        ("Staff", ()),
        ("By Staff Reporter", ()),
        ("The Associated Press", ()),
        ("Chicago Tribune staff", ()),
        ("Sponsored", ()),
        ("@analima", ()),
        ("ana.lima@example.org", ()),
    ],
)
def test_a_byline_gives_the_people_it_names(byline: str, names: tuple[str, ...]) -> None:
    assert clean_byline(byline) == names


def test_the_outlets_own_name_is_not_an_author() -> None:
    assert clean_byline("Jim Walsh, The Daily Journal", outlet="The Daily Journal") == ("Jim Walsh",)
    assert clean_byline("Coastal Herald", outlet="Coastal Herald") == ()


def test_the_raw_documents_metadata_still_wins_over_the_pages() -> None:
    html = (WEB / "article_two_authors.html").read_text(encoding="utf-8")
    raw = RawDocument(id="t", source="t", html=html, title="Ferry deal", published=date(2024, 3, 4), outlet="Wire")
    article = clean(raw)
    assert (article.title, article.published, article.outlet) == ("Ferry deal", date(2024, 3, 4), "Wire")
    assert article.authors == ("Ana Lima", "Tom Ford")


# --- pages that are not articles ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["article_related.html", "article_boxes.html", "article_two_authors.html"])
def test_an_article_page_is_an_article_and_is_coded(name: str) -> None:
    article = page(name)
    assert (article.page_kind, article.not_coded) == ("article", None)


@MODES
def test_a_front_page_is_recognised_and_not_coded(precision: bool) -> None:
    article = page("front_page.html", precision=precision)
    assert article.page_kind == "front"
    assert article.not_coded is not None and article.not_coded.startswith("not an article: a front page")


@MODES
def test_a_listing_page_is_recognised_and_not_coded_its_text_left_as_it_is(precision: bool) -> None:
    article = page("listing_page.html", precision=precision)
    assert article.page_kind == "listing"
    assert article.not_coded is not None and article.not_coded.startswith("not an article: a listing page")
    assert "The crane, the largest the port has bought" in article.text


def test_the_sample_corpus_front_page_gives_empty_text_and_is_not_an_article() -> None:
    html = (corpus_dir() / "19_world_front_page.html").read_text(encoding="utf-8")
    article = clean(RawDocument(id="front", source="front", html=html))
    assert article.text == ""
    assert article.page_kind == "front"
    assert article.not_coded


@pytest.mark.parametrize("html", ["", "<html><body><nav><a href='/'>Home</a></nav></body></html>"])
def test_a_page_with_no_text_is_empty_and_not_coded(html: str) -> None:
    article = clean(RawDocument(id="e", source="e", html=html))
    assert (article.text, article.page_kind, article.not_coded) == ("", "empty", NO_TEXT)


def test_an_empty_text_document_is_empty_and_not_coded() -> None:
    article = clean(RawDocument(id="e", source="e", text="   \n"))
    assert (article.page_kind, article.not_coded) == ("empty", NO_TEXT)


PROSE = " ".join([LEAD] * 3)
BLURB = "Crews accepted a six percent rise on Friday, and services resume on Monday morning as planned."
BLURBS = frozenset({BLURB})


@pytest.mark.parametrize(
    ("signals", "paragraphs", "url", "kind"),
    [
        # an article says so, or has few teasers, or has prose of its own beside its teasers
        (PageSignals(teasers=12, declared_article=True, blurbs=BLURBS), [BLURB], None, "article"),
        (PageSignals(teasers=2, blurbs=BLURBS), [BLURB], None, "article"),
        (PageSignals(teasers=12, blurbs=BLURBS), [PROSE, PROSE, BLURB], "https://x.example/world", "article"),
        # a page of links: many teasers, and its prose is their blurbs (or it has none)
        (PageSignals(teasers=12, blurbs=BLURBS), ["Top stories", BLURB], "https://x.example/", "front"),
        (PageSignals(teasers=12, declared_article=False), [], "https://x.example/world", "front"),
        (PageSignals(articles=9, blurbs=BLURBS), [BLURB], "https://x.example/world/europe", "listing"),
        (PageSignals(teasers=9), [], "https://x.example/tag/energy", "listing"),
        (PageSignals(teasers=9, blurbs=BLURBS), [BLURB], "https://x.example/news?page=3", "listing"),
        (PageSignals(teasers=9), ["Shipping", "Older stories"], "https://x.example/shipping", "front"),
        # nothing at all
        (PageSignals(), [], None, "empty"),
    ],
)
def test_the_kind_of_page_follows_its_teasers_prose_and_declared_type(
    signals: PageSignals, paragraphs: list[str], url: str | None, kind: str
) -> None:
    found, why = judge_page(signals, paragraphs, url=url)
    assert found == kind
    assert (why is None) == (kind == "article")
