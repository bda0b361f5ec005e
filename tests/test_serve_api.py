"""The HTTP API of `wirewatch serve`: every endpoint, pages and cursors, JSON errors, the token for writes,
readers answering while the writer ingests."""

from __future__ import annotations

import os
import re
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.serving import TOKEN, copy_store, demo_store, running
from wirewatch.config import Config
from wirewatch.errors import ConfigError
from wirewatch.serve import ServeSettings, create_app, resolve_token, token_path
from wirewatch.serve._app import CSP

from fastapi.testclient import TestClient  # isort: skip

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Path:
    return demo_store(tmp_path_factory.mktemp("serve"), config)


@pytest.fixture(scope="module")
def client(demo_db: Path, config: Config) -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(db=str(demo_db), read_only=True, config=config))) as c:
        yield c


@pytest.fixture
def writable(demo_db: Path, tmp_path: Path, config: Config) -> Iterator[TestClient]:
    settings = ServeSettings(db=str(copy_store(demo_db, tmp_path)), token=TOKEN, config=config)
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# -- every endpoint ---------------------------------------------------------------------------------------

LISTS = ["/api/articles", "/api/events", "/api/actors", "/api/quotes"]


@pytest.mark.parametrize("path", LISTS)
def test_a_list_answers_a_page_of_items_and_a_cursor(client: TestClient, path: str) -> None:
    body = client.get(path, params={"limit": 3}).json()
    assert len(body["items"]) == 3
    assert isinstance(body["next_cursor"], str)


@pytest.mark.parametrize("path", LISTS)
def test_following_the_cursors_gives_every_row_once_as_one_big_page_does(client: TestClient, path: str) -> None:
    whole = client.get(path, params={"limit": 500}).json()
    assert whole["next_cursor"] is None
    walked: list[Any] = []
    cursor = None
    while True:
        body = client.get(path, params={"limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        walked += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert walked == whole["items"]


def test_events_take_the_cli_filters(client: TestClient) -> None:
    rows = client.get("/api/events", params={"source": "RUS", "limit": 500}).json()["items"]
    assert rows and all("RUS" in r["source_countries"] for r in rows)
    typed = client.get("/api/events", params={"type": "consult", "since": "2024-01-01", "limit": 500}).json()
    assert typed["items"] and all(r["type"] == "CONSULT" and r["date"] >= "2024-01-01" for r in typed["items"])


def test_articles_filter_by_outlet_words_and_dates(client: TestClient) -> None:
    every = client.get("/api/articles", params={"limit": 500}).json()["items"]
    outlet = every[0]["outlet"]
    by_outlet = client.get("/api/articles", params={"outlet": outlet.upper(), "limit": 500}).json()["items"]
    assert by_outlet and all(a["outlet"] == outlet for a in by_outlet) and len(by_outlet) < len(every)
    word = every[0]["title"].split()[0]
    by_word = client.get("/api/articles", params={"q": word, "limit": 500}).json()["items"]
    assert every[0] in by_word and len(by_word) < len(every)
    dated = client.get("/api/articles", params={"since": "2024-06-01", "until": "2024-06-30"}).json()["items"]
    assert dated and all("2024-06-01" <= a["published"] <= "2024-06-30" for a in dated)


def test_events_come_newest_first(client: TestClient) -> None:
    dates = [r["date"] or r["published"] for r in client.get("/api/events", params={"limit": 500}).json()["items"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)


def test_all_modalities_keeps_more_events_than_the_default(client: TestClient) -> None:
    default = client.get("/api/events", params={"limit": 500}).json()["items"]
    every = client.get("/api/events", params={"limit": 500, "all_modalities": True}).json()["items"]
    assert {r["modality"] for r in default} <= {"asserted", "reported"}
    assert len(every) > len(default)


def test_an_article_comes_with_its_cleaned_text_and_spans(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 1}).json()["items"][0]
    body = client.get(f"/api/articles/{first['article_id']}").json()
    assert body["article_id"] == first["article_id"]
    mention = body["actors"][0]["mentions"][0]
    assert body["text"][mention["span"][0]:mention["span"][1]] == mention["text"]
    assert {"events", "quotes", "removed"} <= set(body)


def test_an_actor_profile_lists_its_names_and_events(client: TestClient) -> None:
    body = client.get("/api/actors/country:RUS").json()
    assert body["actor"]["name"] == "Russia"
    assert body["as_source"]["count"] >= len(body["as_source"]["latest"]) > 0
    assert any(text == "Russia" for text, _ in body["actor"]["variants"])


def test_quotes_filter_by_speaker(client: TestClient) -> None:
    rows = client.get("/api/quotes", params={"speaker": "IRN", "limit": 500}).json()["items"]
    assert rows and all(r["speaker_key"] for r in rows)


def test_a_dyad_series_counts_cooperation_and_conflict_by_period(client: TestClient) -> None:
    body = client.get("/api/dyad", params={"source": "RUS", "target": "UKR", "interval": "year"}).json()
    assert body["periods"]
    events = client.get("/api/events", params={"source": "RUS", "target": "UKR", "limit": 500}).json()["items"]
    counted = sum(p["verbal_cooperation"] + p["material_cooperation"] + p["verbal_conflict"] + p["material_conflict"]
                  for p in body["periods"])
    assert counted == len(events)


def test_a_series_has_every_period_from_the_first_to_the_last_empty_ones_included(client: TestClient) -> None:
    periods = client.get("/api/activity", params={"interval": "month"}).json()["periods"]
    months = [p["start"][:7] for p in periods]
    assert any(p["articles"] == p["events"] == 0 for p in periods)
    for before, after in zip(months, months[1:], strict=False):
        year, month = map(int, before.split("-"))
        assert after == (f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}")


def test_the_network_joins_actors_that_its_edges_name(client: TestClient) -> None:
    body = client.get("/api/network", params={"edges": 10}).json()
    keys = {n["key"] for n in body["nodes"]}
    assert 0 < len(body["edges"]) <= 10
    assert all(e["source"] in keys and e["target"] in keys for e in body["edges"])


def test_summary_and_activity_count_the_store(client: TestClient) -> None:
    summary = client.get("/api/summary").json()
    periods = client.get("/api/activity", params={"interval": "year"}).json()["periods"]
    assert summary["articles"] == 25
    assert sum(p["articles"] for p in periods) <= summary["articles"]


# -- errors -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "status"), [
    ("/api/events?limit=501", 400),
    ("/api/events?limit=0", 400),
    ("/api/events?cursor=not-a-cursor", 400),
    ("/api/events?since=yesterday", 400),
    ("/api/network?edges=many", 422),
    ("/api/events?modality=rumoured", 400),
    ("/api/articles/no-such-article", 404),
    ("/api/actors/nobody-at-all-by-this-name", 404),
    ("/api/dyad?source=RUS", 400),
    ("/api/activity?interval=fortnight", 400),
    ("/api/no-such-route", 404),
    ("/api/incidents/no-such-incident", 404),
    ("/api/incidents?status=rumoured", 400),
    ("/api/incidents?cursor=not-a-cursor", 400),
    ("/api/incidents?limit=0", 400),
    ("/api/briefing", 400),
    ("/api/briefing?actor=RUS&country=RUS", 400),
    ("/api/briefing?dyad=RUS", 400),
    ("/api/briefing?actor=nobody-at-all-by-this-name", 400),
    ("/api/briefing?country=RUS&format=pdf", 422),
])
def test_errors_come_as_json_with_a_message(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and error["message"]


def test_an_unexpected_failure_answers_json_without_a_stack_trace(writable: TestClient,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch.store import Store

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Store, "summary", broken)
    response = writable.get("/api/summary")
    assert response.status_code == 500
    assert "secret internals" not in response.text and "Traceback" not in response.text
    assert response.json()["error"]["message"].startswith("internal error")


def test_every_response_carries_a_policy_forbidding_inline_script(client: TestClient) -> None:
    for path in ("/", "/api/events", "/api/no-such-route", "/static/style.css"):
        assert client.get(path).headers["content-security-policy"] == CSP
    assert "default-src 'none'" in CSP and "script-src 'self';" in CSP
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP


def test_cors_is_off_unless_configured(client: TestClient, demo_db: Path, config: Config) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/api/events", headers=origin).headers
    settings = ServeSettings(db=str(demo_db), read_only=True, cors_origins=("https://elsewhere.example",),
                             config=config)
    with TestClient(create_app(settings)) as allowed:
        assert allowed.get("/api/events", headers=origin).headers["access-control-allow-origin"] == origin["Origin"]


# -- incidents and briefings ------------------------------------------------------------------------------

def every_incident(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    body = client.get("/api/incidents", params={**params, "limit": 500}).json()
    assert body["next_cursor"] is None
    items: list[dict[str, Any]] = body["items"]
    return items


def test_incidents_come_as_pages_whose_cursors_give_every_incident_once(client: TestClient) -> None:
    whole = [i["id"] for i in every_incident(client)]
    seen: list[str] = []
    cursor = None
    while True:
        body = client.get("/api/incidents", params={"limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        assert len(body["items"]) <= 7
        seen += [i["id"] for i in body["items"]]
        if (cursor := body["next_cursor"]) is None:
            break
    assert len(whole) > 7 and seen == whole


def test_incidents_come_newest_first_as_records_of_the_json_contract(client: TestClient) -> None:
    found = every_incident(client)
    days = [i["date"] for i in found if i["date"]]
    assert days == sorted(days, reverse=True)
    assert {"id", "type", "source", "target", "date", "status", "outlets", "outlet_names", "reports"} <= set(found[0])
    assert {"outlet", "published", "modality", "according_to", "sentence", "article_id"} <= set(found[0]["reports"][0])


@pytest.mark.parametrize("status", ["single-source", "contested", "denied"])
def test_incidents_filter_by_status(client: TestClient, status: str) -> None:
    kept = every_incident(client, status=status)
    assert kept and {i["status"] for i in kept} == {status}
    assert len(kept) < len(every_incident(client))


def test_incidents_filter_by_actor_type_and_dates(client: TestClient) -> None:
    whole = every_incident(client)
    first = whole[-1]
    by_type = every_incident(client, type=first["type"])
    assert first["id"] in [i["id"] for i in by_type] and len(by_type) < len(whole)
    source = first["source"][0]
    assert all(source in i["source"] or source in i["target"] for i in every_incident(client, source=source))
    day = first["date"]
    dated = every_incident(client, since=day, until=day)
    assert dated and {i["date"] for i in dated if i["date"]} == {day}


def test_one_incident_answers_its_record_with_every_report(client: TestClient) -> None:
    listed = max(every_incident(client), key=lambda i: len(i["reports"]))
    assert client.get(f"/api/incidents/{listed['id']}").json() == listed


def test_a_briefing_comes_as_markdown_or_as_a_self_contained_page(client: TestClient) -> None:
    markdown = client.get("/api/briefing", params={"country": "RUS"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("# Briefing: Russia")
    page = client.get("/api/briefing", params={"dyad": "RUS,UKR", "format": "html"})
    assert page.headers["content-type"].startswith("text/html") and "<html" in page.text
    assert "<script" not in page.text and "<style>" in page.text


def test_the_briefing_page_may_apply_its_own_style_block_and_nothing_else_inline(client: TestClient) -> None:
    policy = client.get("/api/briefing", params={"country": "RUS", "format": "html"}).headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    assert re.search(r"style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';", policy)
    assert policy.replace(re.findall(r" 'sha256-[^']+'", policy)[0], "") == CSP


def test_a_briefing_takes_its_period(client: TestClient) -> None:
    text = client.get("/api/briefing", params={"country": "RUS", "since": "2024-12-01", "until": "2024-12-31"}).text
    assert "1 December 2024 to 31 December 2024" in text


# -- the schema -------------------------------------------------------------------------------------------

def test_the_openapi_schema_lists_every_api_route(client: TestClient) -> None:
    from fastapi.routing import APIRoute

    from wirewatch.serve._app import API_ROUTERS

    schema = client.get("/openapi.json").json()
    routes = {(m.lower(), "/api" + r.path.replace(":path", "")) for router in API_ROUTERS for r in router.routes
              if isinstance(r, APIRoute) for m in r.methods}
    listed = {(m, p) for p, ops in schema["paths"].items() for m in ops}
    assert routes == listed
    assert {p for _, p in listed} == {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/actors",
                                      "/api/actors/{name}", "/api/quotes", "/api/dyad", "/api/network",
                                      "/api/summary", "/api/activity", "/api/incidents",
                                      "/api/incidents/{incident_id}", "/api/briefing"}
    docs = client.get("/docs").text
    assert all(p in docs for _, p in listed)


# -- writes -----------------------------------------------------------------------------------------------

ARTICLE = "Brazil and Chile signed a trade agreement in Santiago on Tuesday, officials said."


@pytest.mark.parametrize("headers", [{}, auth("wrong-token-0123456789"), {"Authorization": TOKEN}])
def test_a_write_without_the_token_is_refused(writable: TestClient, headers: dict[str, str]) -> None:
    response = writable.post("/api/articles", content=ARTICLE, headers={"Content-Type": "text/plain", **headers})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert writable.get("/api/summary").json()["articles"] == 25


def test_a_read_only_server_takes_no_write_even_with_a_token(client: TestClient) -> None:
    response = client.post("/api/articles", content=ARTICLE, headers={"Content-Type": "text/plain", **auth()})
    assert response.status_code == 403


def test_a_posted_text_is_extracted_stored_and_answered(writable: TestClient) -> None:
    response = writable.post("/api/articles", content=ARTICLE, params={"published": "2024-05-07", "id": "t1"},
                             headers={"Content-Type": "text/plain", **auth()})
    body = response.json()
    assert response.status_code == 200 and body["added"] == 1
    document = body["documents"][0]
    assert document["id"] == "t1" and document["published"] == "2024-05-07"
    stored = writable.get("/api/events", params={"article": document["article_id"]}).json()["items"]
    assert document["events"]
    assert {e["event_id"] for e in stored} == {e["id"] for e in document["events"]}


def test_posting_the_same_text_again_stores_nothing_twice(writable: TestClient) -> None:
    for expected in (1, 0):
        body = writable.post("/api/articles", content=ARTICLE, headers={"Content-Type": "text/plain", **auth()}).json()
        assert body["added"] == expected
    assert writable.get("/api/summary").json()["articles"] == 26


def test_an_answer_is_reused_until_the_next_write(writable: TestClient) -> None:
    db = writable.app.state.db  # type: ignore[attr-defined]
    before = writable.get("/api/events", params={"limit": 500})
    calls: list[object] = []
    original = db.reader

    def counted() -> object:
        calls.append(1)
        return original()

    db.reader = counted
    assert writable.get("/api/events", params={"limit": 500}).content == before.content
    assert calls == []
    writable.post("/api/articles", content=ARTICLE, headers={"Content-Type": "text/plain", **auth()})
    after = writable.get("/api/events", params={"limit": 500})
    assert calls and len(after.json()["items"]) > len(before.json()["items"])


def test_json_lines_and_html_are_ingested_too(writable: TestClient) -> None:
    lines = ('{"id": "j1", "text": "Kenya recalled its ambassador from Uganda on Friday.",'
             ' "published": "2024-02-02"}\n'
             '{"id": "j2", "text": "Peru and Ecuador held talks on border security in Lima.",'
             ' "published": "2024-02-03"}\n')
    body = writable.post("/api/articles", content=lines, headers={"Content-Type": "application/x-ndjson", **auth()})
    assert [d["id"] for d in body.json()["documents"]] == ["j1", "j2"]
    page = "<html><head><title>Talks</title></head><body><article><p>" + ARTICLE.replace("Tuesday", "Monday") * 3
    html = writable.post("/api/articles", content=page + "</p></article></body></html>",
                         headers={"Content-Type": "text/html", **auth()})
    assert html.json()["added"] == 1


@pytest.mark.parametrize(("content", "status"), [("", 400), ("x" * (10 * 2**20 + 1), 413)])
def test_an_empty_or_oversized_body_is_refused(writable: TestClient, content: str, status: int) -> None:
    response = writable.post("/api/articles", content=content, headers={"Content-Type": "text/plain", **auth()})
    assert response.status_code == status and response.json()["error"]["message"]


def test_readers_keep_answering_while_the_writer_ingests(demo_db: Path, tmp_path: Path, config: Config) -> None:
    settings = ServeSettings(db=str(copy_store(demo_db, tmp_path)), token=TOKEN, config=config)
    failures: list[str] = []
    reads = [0]
    stop = threading.Event()
    with running(settings) as base:
        def read() -> None:
            with httpx.Client(base_url=base, timeout=30) as http:
                while not stop.is_set():
                    for path in ("/api/events?limit=20", "/api/summary", "/api/actors?limit=5", "/api/network"):
                        response = http.get(path)
                        reads[0] += 1
                        if response.status_code != 200:
                            failures.append(f"{path}: {response.status_code} {response.text[:200]}")
        readers = [threading.Thread(target=read) for _ in range(4)]
        for thread in readers:
            thread.start()
        with httpx.Client(base_url=base, timeout=60, headers=auth()) as http:
            for n in range(5):
                text = f"Mexico and Canada signed {n + 2} accords on water sharing in Ottawa on Thursday."
                posted = http.post("/api/articles", content=text, headers={"Content-Type": "text/plain"})
                assert posted.status_code == 200, posted.text
        stop.set()
        for thread in readers:
            thread.join()
        with httpx.Client(base_url=base) as http:
            assert http.get("/api/summary").json()["articles"] == 30
    assert not failures
    assert reads[0] > 20


# -- the token --------------------------------------------------------------------------------------------

def test_a_token_is_made_at_first_start_readable_by_its_owner_only_and_kept(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    made = resolve_token(env=env)
    assert made.origin == "made" and made.path == token_path(env) and len(made.value) >= 32
    assert stat.S_IMODE(os.stat(made.path).st_mode) == 0o600
    kept = resolve_token(env=env)
    assert (kept.origin, kept.value) == ("kept", made.value)


def test_a_token_file_wins_over_the_environment_which_wins_over_the_kept_one(tmp_path: Path) -> None:
    file = tmp_path / "token"
    file.write_text("from-a-file-0123456789\n")
    env = {"XDG_CONFIG_HOME": str(tmp_path), "WIREWATCH_API_TOKEN": "from-the-environment-0123"}
    assert resolve_token(token_file=file, env=env).value == "from-a-file-0123456789"
    assert resolve_token(env=env).value == "from-the-environment-0123"
    assert not token_path(env).exists()


def test_a_short_token_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "token"
    file.write_text("short")
    with pytest.raises(ConfigError, match="shorter than 16"):
        resolve_token(token_file=file, env={})
