"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright): every page loads
without console errors, filters change the results, chart bars and network nodes open the right page, and hostile
article text is shown as text with nothing executed. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.serving import demo_store, running
from wirewatch import api
from wirewatch.config import Config
from wirewatch.records import RawDocument
from wirewatch.serve import ServeSettings

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).parent / "artifacts"

HOSTILE = RawDocument(
    id="hostile-1", source="test", url="javascript:window.__xss=3",
    title="<script>window.__xss=1</script> Talks <img src=x onerror=\"window.__xss=2\">",
    published=None,
    text=("Norway and Sweden held talks in Oslo on Monday about fishing rights. "
          "<script>window.__xss=1;alert('script')</script>\n\n"
          "The ministers said an <img src=x onerror=\"window.__xss=2;alert('img')\"> agreement was close. "
          "See <a href=\"javascript:window.__xss=3\">the record</a> and <svg onload=\"window.__xss=4\"></svg>."),
)

#: A report whose sentence carries markup: an incident page shows it as text.
HOSTILE_REPORT = RawDocument(
    id="hostile-2", source="test", url="javascript:window.__xss=6", title="Fishing talks", published=date(2025, 3, 3),
    text=("Norway and Sweden held talks in Oslo on Monday about fishing rights, an "
          "<img src=x onerror=\"window.__xss=5\"> officials said."),
)


@dataclass
class Watched:
    """A page and what went wrong on it."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Iterator[str]:
    db = demo_store(tmp_path_factory.mktemp("dashboard"), config)
    api.ingest(documents=[HOSTILE, HOSTILE_REPORT], db=db, config=config)
    with running(ServeSettings(db=str(db), read_only=True, config=config)) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} not found: browser tests skipped (apt-get install chromium to run them)")
    if os.environ.get("CI") == "true":
        import playwright.sync_api as sync_api  # in CI a missing playwright is a failure, not a skip
    else:
        sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed "
                                       "(requirements-dev.lock)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    found = Watched(context.new_page())
    found.page.on("console", lambda m: found.errors.append(m.text) if m.type == "error" else None)
    found.page.on("pageerror", lambda e: found.errors.append(str(e)))
    found.page.on("dialog", lambda d: (found.dialogs.append(d.message), d.dismiss()))
    yield found
    context.close()


def article_id(base: str, doc_id: str) -> str:
    import httpx

    items = httpx.get(f"{base}/api/articles", params={"limit": 500}).json()["items"]
    return next(a["article_id"] for a in items if a["doc_id"] == doc_id)


PAGES = [("overview", "/"), ("search", "/search"), ("dyad", "/dyad?source=RUS&target=UKR&interval=year"),
         ("network", "/network"), ("actor", "/actor/country:RUS"), ("docs", "/docs"),
         ("briefing-form", "/briefing")]


@pytest.mark.parametrize(("name", "path"), PAGES)
def test_each_page_loads_without_console_errors(base: str, watched: Watched, name: str, path: str) -> None:
    response = watched.page.goto(base + path)
    assert response is not None and response.status == 200
    assert watched.page.locator("h1").inner_text()
    watched.shot(name)
    assert watched.errors == []


def test_the_article_page_highlights_and_links_actors_triggers_and_quotes(base: str, watched: Watched) -> None:
    first = watched.page.goto(f"{base}/api/articles?limit=1").json()["items"][0]["article_id"]  # type: ignore[union-attr]
    watched.page.goto(f"{base}/article/{first}")
    for kind in ("actor", "trigger", "quote"):
        assert watched.page.locator(f"#text a.{kind}").count() > 0, kind
    watched.shot("article")
    watched.page.locator("#text a.actor").first.click()
    assert "/actor/" in watched.page.url
    assert watched.errors == []


def test_an_incident_opens_from_the_overview_with_its_reports_side_by_side(base: str, watched: Watched) -> None:
    watched.page.goto(base + "/")
    watched.page.locator("#incidents a").first.click()
    watched.page.wait_for_url(re.compile(r"/incident/inc-"))
    rows = watched.page.locator("#reports tbody tr")
    assert rows.count() > 0
    assert watched.page.locator("#reports thead").inner_text().split() == [
        "outlet", "date", "modality", "according", "to", "side", "sentence", "article"]
    watched.shot("incident")
    rows.first.locator("a.article").click()
    watched.page.wait_for_url(re.compile(r"/article/"))
    assert watched.errors == []


def test_the_briefing_form_gives_a_briefing_and_its_downloads(base: str, watched: Watched) -> None:
    watched.page.goto(base + "/briefing")
    assert watched.page.locator("#briefing").count() == 0
    watched.page.fill("input[name=dyad]", "RUS,UKR")
    watched.page.click("button[type=submit]")
    watched.page.wait_for_url(re.compile(r"dyad=RUS"))
    assert watched.page.locator("#briefing").inner_text().startswith("# Briefing:")
    watched.shot("briefing")
    for kind, media in (("md", "text/markdown"), ("html", "text/html")):
        href = watched.page.locator(f"#downloads a#{kind}").get_attribute("href")
        answer = watched.page.request.get(base + href)
        assert answer.ok and answer.headers["content-type"].startswith(media)
    assert watched.errors == []


def test_the_html_briefing_shows_styled_with_no_policy_violation(base: str, watched: Watched) -> None:
    watched.page.goto(base + "/api/briefing?country=RUS&format=html")
    assert watched.page.locator("h1").inner_text().startswith("Briefing:")
    font = watched.page.evaluate("getComputedStyle(document.body).fontFamily")
    watched.shot("briefing-html")
    assert watched.errors == []
    assert "Georgia" in font  # the page's own style block applied


def test_a_filter_changes_the_results(base: str, watched: Watched) -> None:
    watched.page.goto(f"{base}/search")
    before = watched.page.locator("table.events tbody tr").count()
    watched.page.fill("input[name=source]", "RUS")
    watched.page.select_option("select[name=type]", "ASSAULT")
    watched.page.click("button[type=submit]")
    watched.page.wait_for_url(re.compile(r"source=RUS"))
    rows = watched.page.locator("table.events tbody tr")
    assert 0 < rows.count() < before
    assert all(text == "ASSAULT" for text in watched.page.locator("table.events .type").all_inner_texts())
    watched.shot("search-filtered")
    assert watched.errors == []


def test_a_click_on_a_dyad_bar_opens_that_periods_events(base: str, watched: Watched) -> None:
    watched.page.goto(f"{base}/dyad?source=RUS&target=UKR&interval=year")
    bar = watched.page.locator("#dyad-chart a.bar").first
    start = bar.get_attribute("data-start")
    bar.locator("rect.hit").click()
    watched.page.wait_for_url(re.compile(r"/search\?"))
    assert f"since={start}" in watched.page.url and "source=RUS" in watched.page.url
    dates = watched.page.locator("table.events tbody tr td:first-child").all_inner_texts()
    assert dates and all(d[:4] == start[:4] for d in dates)  # type: ignore[index]
    assert watched.errors == []


def test_a_click_on_a_network_node_opens_its_actor(base: str, watched: Watched) -> None:
    watched.page.goto(f"{base}/network")
    node = watched.page.locator("#network a.node").first
    key = node.get_attribute("data-key")
    node.locator("circle").click()
    watched.page.wait_for_url(re.compile(r"/actor/"))
    assert key is not None and key in watched.page.locator("code").first.inner_text()
    assert watched.errors == []


def test_the_network_zooms_with_the_wheel_and_an_actor_can_be_dragged(base: str, watched: Watched) -> None:
    watched.page.goto(f"{base}/network")
    svg = watched.page.locator("#network svg")
    before = svg.get_attribute("viewBox")
    area = svg.bounding_box()
    assert area is not None
    watched.page.mouse.move(area["x"] + area["width"] / 2, area["y"] + area["height"] / 2)
    watched.page.mouse.wheel(0, -400)
    watched.page.wait_for_function("before => document.querySelector('#network svg').getAttribute('viewBox') "
                                   "!== before", arg=before)
    watched.page.dblclick("#network svg", position={"x": 5, "y": 5})
    assert svg.get_attribute("viewBox") == before
    circle = watched.page.locator("#network a.node circle").first
    x = circle.get_attribute("cx")
    circle.scroll_into_view_if_needed()  # the layout may put the node at the page's edge
    spot = circle.bounding_box()
    assert spot is not None
    watched.page.mouse.move(spot["x"] + spot["width"] / 2, spot["y"] + spot["height"] / 2)
    watched.page.mouse.down()
    down = 40 if spot["y"] < 450 else -40  # drag towards the middle of the 900-pixel viewport, never off it
    watched.page.mouse.move(spot["x"] + 80, spot["y"] + down, steps=5)
    watched.page.mouse.up()
    assert circle.get_attribute("cx") != x
    assert watched.page.url.endswith("/network")
    assert watched.errors == []


def test_hostile_article_text_is_shown_as_text_and_nothing_runs(base: str, watched: Watched) -> None:
    watched.page.goto(f"{base}/article/{article_id(base, 'hostile-1')}")
    text = watched.page.locator("main").inner_text()
    assert "<script>window.__xss=1;alert('script')</script>" in text
    assert "onerror=\"window.__xss=2" in text and "javascript:window.__xss=3" in text
    assert "<script>" in watched.page.locator("h1").inner_text()
    assert watched.page.evaluate("typeof window.__xss") == "undefined"
    assert watched.page.locator("main script, main img, main svg").count() == 0
    assert watched.page.locator("a[href^='javascript:']").count() == 0
    watched.shot("hostile-article")
    watched.page.goto(f"{base}/")
    assert watched.page.evaluate("typeof window.__xss") == "undefined"
    assert watched.dialogs == [] and watched.errors == []


def test_a_hostile_articles_incident_shows_its_report_as_text_and_nothing_runs(base: str, watched: Watched) -> None:
    import httpx

    hostile = article_id(base, "hostile-2")
    found = httpx.get(f"{base}/api/incidents", params={"limit": 500}).json()["items"]
    held = next(i["id"] for i in found if any(r["article_id"] == hostile for r in i["reports"]))
    watched.page.goto(f"{base}/incident/{held}")
    assert 'onerror="window.__xss=5"' in watched.page.locator("#reports").inner_text()
    assert watched.page.evaluate("typeof window.__xss") == "undefined"
    assert watched.page.locator("main script, main img, main svg, a[href^='javascript:']").count() == 0
    watched.shot("hostile-incident")
    assert watched.dialogs == [] and watched.errors == []
