"""`wirewatch serve` on the command line, and feeds watched inside the server (`--watch`)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.serving import TOKEN, copy_store, demo_store
from wirewatch.cli import cli
from wirewatch.config import Config
from wirewatch.fetch import Request, Response
from wirewatch.serve import ServeSettings, create_app

from fastapi.testclient import TestClient  # isort: skip

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Path:
    return demo_store(tmp_path_factory.mktemp("serve-cli"), config)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """What `serve` would have run: uvicorn.run is replaced by a recorder (the app's store closed after)."""
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    yield seen
    if "app" in seen:
        seen["app"].state.db.close()


def serve(args: list[str], home: Path) -> Any:
    return CliRunner().invoke(cli, ["serve", *args], obj={}, env={"XDG_CONFIG_HOME": str(home),
                                                                  "WIREWATCH_API_TOKEN": ""})


def test_serve_listens_on_127_0_0_1_and_port_8765_by_default_and_makes_a_token(
        demo_db: Path, tmp_path: Path, started: dict[str, Any]) -> None:
    result = serve(["--db", str(demo_db)], tmp_path)
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8765)
    assert "http://127.0.0.1:8765/" in result.output and "made now" in result.output
    assert (tmp_path / "wirewatch" / "api-token").exists()
    assert "Warning" not in result.output


@pytest.mark.parametrize(("extra", "warned"), [([], "no token was given"), (["--read-only"], "read the store")])
def test_another_host_is_warned_about(demo_db: Path, tmp_path: Path, started: dict[str, Any], extra: list[str],
                                      warned: str) -> None:
    result = serve(["--db", str(demo_db), "--host", "0.0.0.0", *extra], tmp_path)
    assert result.exit_code == 0, result.output
    assert "Warning: listening on 0.0.0.0" in result.output and warned in result.output


def test_a_given_token_file_is_used_and_no_token_is_made(demo_db: Path, tmp_path: Path,
                                                        started: dict[str, Any]) -> None:
    token = tmp_path / "token"
    token.write_text(TOKEN)
    result = serve(["--db", str(demo_db), "--token-file", str(token)], tmp_path)
    assert result.exit_code == 0, result.output
    assert started["app"].state.settings.token == TOKEN
    assert not (tmp_path / "wirewatch" / "api-token").exists()


@pytest.mark.parametrize("args", [["--watch", "ftp://feeds.example/rss"], ["--watch", "https://feeds.example/rss",
                                                                          "--read-only"]])
def test_a_bad_watch_is_refused_before_serving(demo_db: Path, tmp_path: Path, started: dict[str, Any],
                                               args: list[str]) -> None:
    result = serve(["--db", str(demo_db), *args], tmp_path)
    assert result.exit_code != 0 and "app" not in started


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>
<item><title>Ghana and Togo agree</title><link>https://news.test/ghana-togo.html</link>
<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Chile protests</title><link>https://news.test/chile.html</link>
<pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate></item></channel></rss>"""
PAGES = {
    "https://news.test/ghana-togo.html": "Ghana and Togo signed a border security agreement in Accra on Tuesday.",
    "https://news.test/chile.html": "Chile summoned the ambassador of Peru on Wednesday over a fishing dispute.",
}


class Site:
    """A feed and its pages, answered without a network."""

    def send(self, request: Request) -> Response:
        if request.url == "https://news.test/feed.rss":
            return Response(request.url, 200, {"content-type": "application/rss+xml"}, FEED.encode())
        if request.url in PAGES:
            page = f"<html><body><article><p>{PAGES[request.url]}</p></article></body></html>"
            return Response(request.url, 200, {"content-type": "text/html"}, page.encode())
        return Response(request.url, 404)


def test_watched_feeds_are_stored_while_the_server_answers(demo_db: Path, tmp_path: Path, config: Config) -> None:
    quick = config.with_overrides({"fetch.per_host_delay": 0.0})
    settings = ServeSettings(db=str(copy_store(demo_db, tmp_path)), token=TOKEN, config=quick,
                             watch=("https://news.test/feed.rss",), watch_interval=3600)
    with TestClient(create_app(settings, transport=Site())) as client:
        watcher = client.app.state.watcher  # type: ignore[attr-defined]
        deadline = time.monotonic() + 120
        while not watcher.polls and time.monotonic() < deadline:
            assert client.get("/api/summary").status_code == 200
            time.sleep(0.2)
        assert watcher.polls and watcher.polls[0].added == 2
        urls = {a["url"] for a in client.get("/api/articles", params={"limit": 500}).json()["items"]}
        assert set(PAGES) <= urls
        posted = client.post("/api/articles", content="Fiji and Samoa held talks in Suva on Friday.",
                             headers={"Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"})
        assert posted.status_code == 200 and posted.json()["added"] == 1
