"""Clean: junk goes, with its reason; body sentences stay verbatim; metadata comes from raw, then page."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest

from wirewatch.clean import Cleaner, clean
from wirewatch.config import CleanConfig
from wirewatch.records import Article, RawDocument, Removed

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

LEAD = "Negotiators met in the capital on Monday to discuss a new trade agreement."
CLOSE = "The next round of talks is expected to take place in the autumn, officials said."


DEFAULT = CleanConfig()


def clean_text(text: str, config: CleanConfig = DEFAULT, **raw: object) -> Article:
    return clean(RawDocument(id="t1", source="test", text=text, **raw), config)  # type: ignore[arg-type]


def around(paragraph: str) -> str:
    """A paragraph set between two body paragraphs, so it is neither the first nor the last."""
    return f"{LEAD}\n\n{paragraph}\n\n{CLOSE}"


# --- what goes, and why ---------------------------------------------------------------------------------

JUNK = [
    # links to other stories
    ("See also: Fishing fleets return to port as fuel prices climb", "see-also"),
    ("See also\u00a0Storm closes the airport for a second day", "see-also"),
    ("See also Rail strike called off after late-night talks.", "see-also"),
    ("Read also: Drought cuts the wheat harvest", "see-also"),
    ("Read more: Why the fisheries dispute matters", "see-also"),
    ("read more about the strike", "see-also"),
    ("Also read: The long history of the shipyard", "see-also"),
    ("Related: Ferries sail again after the storms", "see-also"),
    ("RELATED: Ferries sail again after the storms", "see-also"),
    ("Related articles", "see-also"),
    ("Recommended for you", "see-also"),
    ("Recommended: Five charts on the energy crisis", "see-also"),
    # image captions
    ("A soldier stands at a checkpoint in Kherson (Reuters).", "caption"),
    ("The minister arrives for talks in Ankara (Government of Turkey).", "caption"),
    ("Firefighters work at the site of the blast (AFP/Getty Images)", "caption"),
    ("The president speaks at a meeting in Moscow (Kremlin press service).", "caption"),
    ("A tanker at anchor off the coast of Oman (Tasnim).", "caption"),
    ("Delegates pose for a group picture before the summit (handout).", "caption"),
    ("Rescue teams search the rubble in the old town (social media).", "caption"),
    ("Mr. Lee meets Gen. Park at the border in St. Petersburg (Yonhap).", "caption"),
    ("Photo: A crane lifts a container at dawn", "caption"),
    ("Image: The harbour at night", "caption"),
    ("File photo of the refinery near the coast", "caption"),
    ("Picture: Protesters outside parliament", "caption"),
    ("Workers repair the pipeline near the border. Photo: Reuters", "caption"),
    ("Crowds gather in the square. Image credit: Anadolu Agency", "caption"),
    # comment forms, share buttons, newsletters, navigation, footers
    ("Leave a Reply", "reply-box"),
    ("Leave a comment", "reply-box"),
    ("Your email address will not be published. Required fields are marked *", "reply-box"),
    ("Required fields are marked *", "reply-box"),
    ("Comments", "reply-box"),
    ("12 Comments", "reply-box"),
    ("Share this:", "share-box"),
    ("Share on Facebook", "share-box"),
    ("Share on X", "share-box"),
    ("Like this:", "share-box"),
    ("Click to share on Twitter (Opens in new window)", "share-box"),
    ("Facebook Twitter WhatsApp Email", "share-box"),
    ("Print this article", "share-box"),
    ("Subscribe to our newsletter", "newsletter"),
    ("Sign up for our daily briefing email", "newsletter"),
    ("Follow us on Telegram", "newsletter"),
    ("Post navigation", "navigation"),
    ("Previous article", "navigation"),
    ("Next article: Storm closes the airport", "navigation"),
    ("Tags: Malta, fisheries, diplomacy", "navigation"),
    ("Copyright © 2024 The Harbour Courier. All rights reserved.", "footer"),
    ("© 2024 Example Media Group", "footer"),
    # stray section headings
    ("Where the Talks Stand", "heading"),
    ("Context & Reactions", "heading"),
    ("a turning point", "heading"),
    ("\u201cHarbours\u201d", "heading"),
    ("What comes next for the port", "heading"),
]

BODY = [
    "The talks ended on Friday (local time).",
    "Iran's Revolutionary Guards (IRGC) said they had seized a tanker in the Gulf.",
    "The drills were run by the Islamic Revolutionary Guard Corps (IRGC).",
    "The report was first published by Agence France-Presse (AFP).",
    "The statement was carried by the official news agency (IRNA).",
    "Officials met in Brussels (Belgium) to discuss the plan.",
    "The ceasefire, he said, would hold (for now).",
    "Trucks may not drive faster than 50 km/h on the bridge (50 km/h).",
    "Soldiers stand guard in Kherson (Reuters). The city was shelled overnight, officials said.",
    "Share prices fell sharply in Tokyo on Monday.",
    "Comments by the minister drew criticism from the opposition.",
    "Related talks will be held in Oslo next week.",
    "Recommended changes to the law were published on Tuesday.",
    "More than 200 people were evacuated from the coast.",
    "Sign up for military service became compulsory in 2019.",
    "Leave was cancelled for all police officers ahead of the vote.",
    "Tags on the containers showed they came from Rotterdam.",
    "Photographers were kept away from the site, the agency said.",
    "Copyright lawyers for the broadcaster filed a complaint on Wednesday.",
    "Follow-up talks are planned for March.",
    "Who will pay for the repairs?",
    "“We came here to sign.”",
    "The minister said:",
    "Delegates from twelve countries met in the capital to discuss the future of the shared river basin",
    "- 15 fishing boats seized near the island",
    "• Ferries cancelled until Friday",
    "2. Rebuild the harbour wall",
    "The app adds a shortcut for recording (in Photo mode).",
    "港の再開は月曜日に発表された。",
]


@pytest.mark.parametrize(("paragraph", "reason"), JUNK)
def test_junk_is_dropped_and_recorded_with_its_reason(paragraph: str, reason: str) -> None:
    article = clean_text(around(paragraph))
    assert article.removed == (Removed(paragraph, reason),)
    assert article.text == f"{LEAD}\n\n{CLOSE}"


@pytest.mark.parametrize("paragraph", BODY)
def test_body_paragraphs_stay_verbatim(paragraph: str) -> None:
    article = clean_text(around(paragraph))
    assert article.removed == ()
    assert article.text == around(paragraph)


# --- paragraphs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("One line.\nAnother line.\n", ["One line.", "Another line."]),
        ("A wrapped\nparagraph.\n\nA second one.", ["A wrapped paragraph.", "A second one."]),
        ("Tabs\tand   runs  of spaces.", ["Tabs and runs of spaces."]),
        ("  Leading and trailing.  \n\n\n\n  Next.  ", ["Leading and trailing.", "Next."]),
        ("Windows\r\nline ends.\r\n\r\nNext.", ["Windows line ends.", "Next."]),
    ],
)
def test_text_splits_into_paragraphs_with_whitespace_normalised(text: str, paragraphs: list[str]) -> None:
    assert clean_text(text).text.split("\n\n") == paragraphs


def test_a_wrapped_line_ending_in_a_credit_is_not_taken_for_a_caption() -> None:
    wrapped = "Oil prices rose on Monday. Traders reacted to news from\nthe port of Basra (Reuters)."
    assert clean_text(f"{LEAD}\n\n{wrapped}").text == f"{LEAD}\n\n" + wrapped.replace("\n", " ")


def test_a_junk_line_inside_a_block_is_dropped_alone() -> None:
    article = clean_text(f"{LEAD}\nShare this:\nFacebook\nTwitter\n\n{CLOSE}")
    assert article.text == f"{LEAD}\n\n{CLOSE}"
    assert [r.reason for r in article.removed] == ["share-box"] * 3


def test_empty_text_gives_an_empty_article() -> None:
    article = clean_text("")
    assert (article.text, article.removed, article.language, article.title) == ("", (), None, None)


# --- a scraped article ---------------------------------------------------------------------------------


def test_a_scraped_article_loses_its_junk_and_keeps_its_body() -> None:
    path = FIXTURES / "scraped_article.txt"
    article = clean_text(path.read_text(encoding="utf-8"))
    assert article.title == "Harbour talks in Valletta end without a deal"
    assert [r.reason for r in article.removed] == [
        "title",
        "see-also",
        "caption",
        "heading",
        "see-also",
        "share-box",
        "share-box",
        "share-box",
        "navigation",
        "reply-box",
        "reply-box",
    ]
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 6
    assert all(p.endswith((".", ".\u201d")) for p in paragraphs)
    assert "(local time)." in article.text and "(IRGC) said" in article.text and "(CDF), said" in article.text


# --- headings and the title -----------------------------------------------------------------------------


def test_a_heading_like_first_paragraph_is_the_title() -> None:
    article = clean_text(f"Talks end without a deal\n\n{LEAD}")
    assert article.title == "Talks end without a deal"
    assert article.removed == (Removed("Talks end without a deal", "title"),)
    assert article.text == LEAD


def test_only_the_first_paragraph_can_be_the_title() -> None:
    article = clean_text(f"{LEAD}\n\nTalks in the capital end without a deal\n\n{CLOSE}")
    assert article.title is None
    assert article.removed == (Removed("Talks in the capital end without a deal", "heading"),)


def test_a_title_already_known_wins_and_its_repeat_in_the_body_goes() -> None:
    article = clean_text(f"Talks end without a deal\n\n{LEAD}", title="Talks end without a deal")
    assert article.title == "Talks end without a deal"
    assert article.removed == (Removed("Talks end without a deal", "title"),)


def test_a_first_heading_unlike_the_known_title_is_a_heading() -> None:
    article = clean_text(f"Breaking news\n\n{LEAD}", title="Talks end without a deal")
    assert article.title == "Talks end without a deal"
    assert article.removed == (Removed("Breaking news", "heading"),)


def test_headings_stay_when_the_config_says_so() -> None:
    article = clean_text(around("Context & Reactions"), CleanConfig(drop_headings=False))
    assert article.text == around("Context & Reactions")


def test_a_heading_has_at_most_the_configured_number_of_words() -> None:
    config = CleanConfig(heading_max_words=3)
    assert clean_text(around("What comes next"), config).removed == (Removed("What comes next", "heading"),)
    assert clean_text(around("What comes next now"), config).removed == ()


# --- metadata -------------------------------------------------------------------------------------------


def test_the_raw_documents_metadata_is_kept() -> None:
    raw = RawDocument(
        id="a7",
        source="batch.jsonl:7",
        text=LEAD,
        url="https://example.org/a7",
        title="Trade talks",
        published=date(2024, 5, 2),
        outlet="Example Wire",
    )
    article = clean(raw)
    assert article == Article(
        id="a7",
        text=LEAD,
        url="https://example.org/a7",
        title="Trade talks",
        published=date(2024, 5, 2),
        outlet="Example Wire",
        language="en",
        source="batch.jsonl:7",
    )


ENGLISH = (
    "The government announced on Monday a new set of measures to support fishermen on the coast, after "
    "three weeks of strikes in the country's ports. It said the money would be paid by the end of the year."
)
FOREIGN = {
    "fr": "Le gouvernement a annoncé lundi une nouvelle série de mesures pour soutenir les pêcheurs de la "
    "côte atlantique, après trois semaines de grève dans les ports du pays.",
    "de": "Die Regierung hat am Montag neue Maßnahmen angekündigt, um die Fischer an der Küste zu "
    "unterstützen, nachdem die Häfen drei Wochen lang bestreikt worden waren.",
    "es": "El gobierno anunció el lunes un nuevo paquete de medidas para apoyar a los pescadores de la "
    "costa, tras tres semanas de huelga en los puertos del país.",
    "ru": "Правительство в понедельник объявило о новых мерах поддержки рыбаков на побережье после "
    "трёхнедельной забастовки в портах страны.",
    "ar": "أعلنت الحكومة يوم الاثنين عن حزمة جديدة من الإجراءات لدعم الصيادين على الساحل بعد ثلاثة أسابيع "
    "من الإضراب في موانئ البلاد.",
}


@pytest.mark.parametrize(
    ("text", "language"),
    [(ENGLISH, "en"), *((text, code) for code, text in FOREIGN.items()), ("", None), ("2024 — 17:30", None)],
    ids=["en", *FOREIGN, "empty", "no-words"],
)
def test_language_is_the_iso_639_1_code_and_unknown_without_words(text: str, language: str | None) -> None:
    assert clean_text(text).language == language


# --- HTML -----------------------------------------------------------------------------------------------

PAGE_BODY = [
    "Dock workers in the port of Gdansk returned to work on Thursday",
    "voted by a wide margin to take the offer",
    "diverted more than forty vessels to other Baltic ports",
    "review safety rules at the terminals next month",
    "Talks on a separate dispute over night shifts will resume next week.",
]
PAGE_JUNK = [
    "Home",
    "Business",
    "Related stories",
    "Rail unions call a walkout",
    "Cranes stand idle",
    "Share this",
    "Share on Facebook",
    "Comments",
    "Good news for the city",
    "Leave a Reply",
    "Your email address",
    "Copyright",
    "Privacy policy",
    "shipyard (Reuters)",
    "Read more",
]


@pytest.fixture(scope="module", params=[True, False], ids=["precision", "balanced"])
def page(request: pytest.FixtureRequest) -> Article:
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    raw = RawDocument(id="p1", source="page.html", html=html)
    return clean(raw, CleanConfig(favor_precision=request.param))


@pytest.mark.parametrize("body", PAGE_BODY)
def test_a_pages_body_paragraphs_survive(page: Article, body: str) -> None:
    assert body in page.text


@pytest.mark.parametrize("junk", PAGE_JUNK)
def test_a_pages_navigation_related_links_captions_share_box_comments_and_footer_go(
    page: Article, junk: str
) -> None:
    assert junk not in page.text


def test_junk_that_the_extractor_keeps_is_dropped_by_the_filter(page: Article) -> None:
    reasons = {r.reason for r in page.removed}
    assert {"caption", "see-also"} <= reasons


def test_a_pages_metadata_is_extracted(page: Article) -> None:
    assert page.title == "Port workers end strike after pay deal"
    assert page.published == date(2024, 3, 14)
    assert page.outlet == "The Harbour Courier"
    assert page.url == "https://courier.example.org/world/port-strike-ends"
    assert page.language == "en"
    assert (page.id, page.source) == ("p1", "page.html")


def test_the_raw_documents_metadata_wins_over_the_pages() -> None:
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    raw = RawDocument(
        id="p2",
        source="x.jsonl:1",
        html=html,
        url="https://mirror.example.net/p2",
        title="Strike over",
        published=date(2024, 3, 15),
        outlet="Mirror",
    )
    article = clean(raw)
    assert (article.url, article.title, article.published, article.outlet) == (
        "https://mirror.example.net/p2",
        "Strike over",
        date(2024, 3, 15),
        "Mirror",
    )


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><head></head><body></body></html>",
    ],
)
def test_a_page_without_an_article_gives_empty_text_not_an_error(html: str) -> None:
    article = clean(RawDocument(id="e", source="e.html", html=html))
    assert article.text == ""
    assert article.language is None


# --- the stage ------------------------------------------------------------------------------------------


def test_the_cleaner_stage_is_clean_with_its_config() -> None:
    raw = RawDocument(id="t", source="t", text=around("Context & Reactions"))
    config = CleanConfig(drop_headings=False)
    assert Cleaner(config)(raw) == clean(raw, config)
    assert Cleaner()(raw) == clean(raw)


def test_the_cleaner_stage_pickles() -> None:
    stage = Cleaner(CleanConfig(heading_max_words=5))
    assert pickle.loads(pickle.dumps(stage)) == stage


# --- the founding seed article (read from ../shared at run time, never copied here) ---------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, Article]:
    found = sorted(SEEDS.glob("001_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip("../shared/seeds not found: seed checks skipped")
    text = found[0].read_text(encoding="utf-8")
    return text, clean(RawDocument(id="seed-001", source=str(found[0]), text=text))


def test_seed_see_also_lines_go(seed: tuple[str, Article]) -> None:
    text, article = seed
    expected = [line for line in text.splitlines() if line.startswith("See also")]
    assert len(expected) == 3
    assert [r.text for r in article.removed if r.reason == "see-also"] == expected
    assert not any(p.startswith("See also") for p in article.text.split("\n\n"))


def test_seed_captions_ending_in_a_credit_go(seed: tuple[str, Article]) -> None:
    _, article = seed
    captions = [r.text for r in article.removed if r.reason == "caption"]
    assert len(captions) == 2
    assert all(c.endswith(").") for c in captions)
    assert not any(c in article.text for c in captions)


def test_seed_reply_box_and_stray_headings_go(seed: tuple[str, Article]) -> None:
    _, article = seed
    reasons = [r.reason for r in article.removed]
    assert reasons.count("reply-box") == 2
    assert "Leave a Reply" not in article.text
    headings = [r.text for r in article.removed if r.reason in {"heading", "title"}]
    assert len(headings) >= 5
    assert all(len(h.split()) <= 12 and not h.endswith(".") for h in headings)


def test_seed_sentences_ending_in_a_full_stop_stay(seed: tuple[str, Article]) -> None:
    text, article = seed
    dropped = {r.text for r in article.removed}
    body = [line.strip() for line in text.splitlines() if line.strip().endswith(".") and line not in dropped]
    assert len(body) > 20
    assert all(line in article.text for line in body)
    assert article.language == "en"
