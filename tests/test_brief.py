"""Briefings: what each section says, how modality is worded, and that every citation holds (issue 14)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from click.testing import CliRunner

from tests.briefs import Ev, Qu, check_briefing, story
from wirewatch.brief import Briefing, build_briefing, render_html, render_markdown
from wirewatch.brief._words import date_phrase, takes_the, verb_phrase
from wirewatch.cli import cli
from wirewatch.errors import BriefingError
from wirewatch.resolve import load_kb
from wirewatch.store import Store

APRIL = {"since": date(2024, 4, 1), "until": date(2024, 4, 30)}
D = date(2024, 4, 24)


def make(store: Store, *stories, **scope) -> Briefing:
    for s in stories:
        store.add(s)
    made = build_briefing(store, **{**APRIL, **scope})
    check_briefing(made, store)
    return made


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as opened:
        yield opened


# -- words -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "precision", "expected"), [
    (date(2024, 4, 24), "day", "on 24 April 2024"),
    (date(2024, 4, 26), "week", "in the last week of April 2024"),
    (date(2024, 4, 2), "week", "in the first week of April 2024"),
    (date(2024, 4, 15), "week", "in the week of 15 April 2024"),
    (date(2024, 4, 1), "month", "in April 2024"),
    (date(2024, 1, 1), "year", "in 2024"),
    (None, None, "(reported on 3 May 2024)"),
])  # fmt: skip
def test_a_date_is_written_at_its_precision(day, precision, expected):
    assert date_phrase(day, precision, date(2024, 5, 3)) == expected


@pytest.mark.parametrize(("type_", "mode", "target", "tense", "expected"), [
    ("CONSULT", None, "Turkey", "past", "held talks with Turkey"),
    ("CONSULT", "visit", "Turkey", "base", "visit Turkey"),
    ("ASSAULT", "firearms", "", "past", "opened fire"),
    ("ASSAULT", "no-such-mode", "Ukraine", "past", "attacked Ukraine"),
    ("SANCTION", "expel", "Russia", "past", "expelled diplomats of Russia"),
    ("NOT-A-TYPE", None, "", "base", "act"),
])  # fmt: skip
def test_a_verb_phrase_comes_from_the_type_and_mode(type_, mode, target, tense, expected):
    assert verb_phrase(type_, mode, target, tense=tense) == expected


@pytest.mark.parametrize(("name", "kind", "expected"), [
    ("United States", "state", True), ("United Kingdom", "state", True),
    ("Central African Republic", "state", True), ("Netherlands", "state", True), ("Philippines", "state", True),
    ("Russia", "state", False), ("Saudi Arabia", "state", False),
    ("European Union", "igo", True), ("Islamic Revolutionary Guard Corps", "military", True),
    ("Hezbollah", "armed_group", False), ("NATO", "igo", False), ("Taliban", "armed_group", False),
    ("US Department of State", "government", True),
])  # fmt: skip
def test_names_of_unions_republics_islands_phrases_and_plurals_take_the(name, kind, expected):
    assert takes_the(name, kind) is expected


@pytest.mark.parametrize(("day", "office"), [
    (date(2010, 6, 1), "Prime Minister of Russia"),
    (date(2024, 4, 24), "President of Russia"),
])
def test_a_person_is_named_with_the_office_held_on_the_event_date(store, day, office):
    made = make(store, story("p", "Wire A", day, Ev("CONSULT", "putin", "TUR", "Putin met Turkish envoys.", day=day)),
                since=day, until=day, actor="putin")
    assert f"Vladimir Putin ({office}) held talks with Turkey" in made.headlines[0].sentence.text


# -- modality and status -----------------------------------------------------------------------------------

STRIKE = Ev("ASSAULT", "RUS", "UKR", "Russian forces struck Ukrainian positions.", day=D, goldstein=-10)
STRIKE_TOLD_AGAIN = Ev("ASSAULT", "RUS", "UKR", "Ukrainian lines came under Russian fire.", day=D, goldstein=-10)


def test_two_outlets_asserting_a_happening_state_it_and_say_how_many(store):
    made = make(store, story("a", "Wire A", D, STRIKE), story("b", "Wire B", D, STRIKE_TOLD_AGAIN), actor="RUS")
    assert made.headlines[0].sentence.text == "Russia attacked Ukraine on 24 April 2024 [1][2]; reported by 2 outlets."
    assert made.headlines[0].status == "corroborated"


def test_a_single_source_claim_never_reads_as_fact(store):
    made = make(store, story("a", "Wire A", D, STRIKE), actor="RUS")
    assert made.headlines[0].sentence.text == (
        "According to Wire A, Russia attacked Ukraine on 24 April 2024 [1]; single source.")


def test_a_reported_claim_names_whom_it_is_according_to(store):
    said = Ev("ASSAULT", "RUS", "UKR", "Russia shelled Ukraine, Turkey said.", modality="reported",
              according_to="TUR", day=D)
    again = Ev("ASSAULT", "RUS", "UKR", "Turkey said Russia had shelled Ukraine.", modality="reported",
               according_to="TUR", day=D)
    made = make(store, story("a", "Wire A", D, said), story("b", "Wire B", D, again), actor="RUS")
    assert made.headlines[0].sentence.text.startswith("According to Turkey, Russia attacked Ukraine on 24 April")


def test_a_claim_and_its_denial_are_contested_and_disputed_both_sides_cited(store):
    denial = Ev("ASSAULT", "RUS", "UKR", "Russia denied striking Ukraine.", modality="denied", according_to="RUS",
                day=D)
    made = make(store, story("a", "Wire A", D, STRIKE), story("b", "Wire B", D, denial), actor="UKR")
    assert made.headlines[0].status == "contested"
    assert made.headlines[0].sentence.text == ("According to Wire A, Russia attacked Ukraine on 24 April 2024 [1]; "
                                               "Russia denied that it attacked Ukraine on 24 April 2024 [2]; "
                                               "contested (reported by 2 outlets).")
    [dispute] = made.disputes
    assert (dispute.claim.citations, dispute.denial.citations) == ((1,), (2,))


@pytest.mark.parametrize(("event", "words", "status"), [
    (Ev("ASSAULT", "RUS", "UKR", "Russia denied any strike.", modality="denied", according_to="RUS", day=D),
     "Russia denied that it attacked Ukraine", "denied"),
    (Ev("SANCTION", "TUR", "RUS", "Turkey imposed no sanctions.", modality="negated", day=D),
     "According to Wire A, Turkey did not impose sanctions on Russia", "denied"),
    (Ev("AGREE", "RUS", "TUR", "Russia will sign a deal with Turkey.", modality="future", day=D),
     "According to Wire A, Russia plans to reach an agreement with Turkey", "planned"),
    (Ev("ASSAULT", "RUS", "TUR", "Russia could strike Turkey, Putin said.", modality="hypothetical",
        according_to="putin", day=D), "According to Vladimir Putin, Russia might attack Turkey", "conditional"),
])  # fmt: skip
def test_denied_negated_future_and_hypothetical_events_keep_their_wording(store, event, words, status):
    made = make(store, story("a", "Wire A", D, event), actor="RUS")
    assert made.headlines[0].sentence.text.startswith(words)
    assert made.headlines[0].status == status


def test_a_party_saying_it_did_it_confirms_it(store):
    own = Ev("ASSAULT", "RUSMIL", "UKR", "The Russian military said it struck Ukraine.", modality="reported",
             according_to="RUSMIL", day=D)
    made = make(store, story("a", "Wire A", D, own), actor="UKR")
    assert made.headlines[0].status == "confirmed"
    assert "by its own account [1]; confirmed by a party to it" in made.headlines[0].sentence.text


# -- sections ----------------------------------------------------------------------------------------------


def test_more_outlets_rank_higher_then_a_larger_goldstein_magnitude(store):
    others = [Ev("ASSAULT", "RUS", "TUR", f"Russia struck Turkey ({n}).", day=D, goldstein=-10) for n in "bcd"]
    talks = Ev("CONSULT", "RUS", "EU", "Russia held talks with the EU.", day=D, goldstein=1)
    made = make(store, story("a", "Wire A", D, STRIKE, talks), *(story(t.sentence, f"Wire {t.sentence[-3]}", D, t)
                                                                 for t in others), actor="RUS")
    assert [(h.type, h.outlets) for h in made.headlines] == [("ASSAULT", 3), ("ASSAULT", 1), ("CONSULT", 1)]
    assert made.headlines[0].salience > made.headlines[1].salience > made.headlines[2].salience


def test_quotes_are_grouped_by_stance_with_speaker_office_and_citation(store):
    made = make(store, story("a", "Wire A", D, STRIKE, Qu("putin", "warn", "We will answer any provocation."),
                             Qu("fidan", "call for", "Both sides must return to talks.", about=("RUS",))),
                actor="RUS")
    assert [(s.stance, s.sentence.text) for s in made.statements] == [
        ("warn", "On 24 April 2024, Vladimir Putin (President of Russia) warned: “We will answer any provocation.” "
                 "[1]."),
        ("call for", "On 24 April 2024, Hakan Fidan (Minister of Foreign Affairs of Turkey) called for: “Both "
                     "sides must return to talks.” [1]."),
    ]


def test_a_denial_of_an_accusation_is_disputed(store):
    accuse = Ev("ACCUSE", "UKR", "RUS", "Ukraine accused Russia of shelling.", mode="allege", day=D)
    deny = Ev("ASSAULT", "RUS", "UKR", "Moscow denied shelling.", modality="denied", according_to="RUS", day=D)
    made = make(store, story("a", "Wire A", D, accuse, deny), actor="RUS")
    [dispute] = made.disputes
    assert dispute.claim.text.startswith("According to Wire A, Ukraine made allegations against Russia")
    assert dispute.denial.text.startswith("Russia denied that it attacked Ukraine")


def test_a_change_level_needs_a_large_enough_base(store):
    before = [story(f"m{i}", "Wire A", date(2024, 3, 2 + i), Ev("CONSULT", "RUS", "TUR", f"Talks {i} took place.",
                                                                day=date(2024, 3, 2 + i))) for i in range(5)]
    small = make(store, story("a", "Wire A", D, STRIKE), *before[:4], actor="RUS")
    assert small.trend.change is None and "too few" in render_markdown(small)
    large = make(store, before[4], actor="RUS")
    assert (large.trend.previous_happenings, large.trend.happenings, large.trend.change) == (5, 1, -80.0)


def test_sources_are_every_cited_article_and_only_those(store):
    quiet = story("q", "Wire Q", D, Ev("CONSULT", "EU", "TUR", "The EU held talks with Turkey.", day=D))
    made = make(store, story("a", "Wire A", D, STRIKE), quiet, actor="RUS")
    assert [s.outlet for s in made.sources] == ["Wire A"]
    assert made.coverage.articles == 2 and made.coverage.in_scope == 1


def test_coverage_counts_what_could_not_be_coded(store):
    made = make(store, story("a", "Wire A", D, STRIKE),
                story("f", "Wire F", D, not_coded="language 'fr' is not coded"),
                story("p", "Wire P", D, not_coded="not an article: a front page of 9 linked headlines"), actor="RUS")
    assert made.coverage.not_coded == (("in other languages", 1), ("pages that were not articles", 1))


def test_the_same_store_gives_byte_identical_markdown(store):
    first = make(store, story("a", "Wire A", D, STRIKE), story("b", "Wire B", D, STRIKE_TOLD_AGAIN), actor="RUS")
    assert render_markdown(first) == render_markdown(build_briefing(store, actor="RUS", **APRIL))


def test_a_citation_that_does_not_hold_is_refused(store):
    from wirewatch.brief._build import verify

    made = make(store, story("a", "Wire A", D, STRIKE), actor="RUS")
    extraction = store.extraction(made.sources[0].article_id)
    assert extraction is not None
    verify(made, [extraction])
    stripped = extraction.__class__(extraction.article, extraction.actors)
    with pytest.raises(BriefingError, match="points to no article"):
        verify(made, [stripped])


@pytest.mark.parametrize(("scope", "message"), [
    ({}, "exactly one"), ({"actor": "nobody at all"}, "no stored actor"), ({"country": "XXX"}, "not a country"),
    ({"actor": "RUS", "since": date(2024, 5, 1), "until": date(2024, 4, 1)}, "starts"),
])  # fmt: skip
def test_a_scope_that_cannot_be_briefed_is_refused(store, scope, message):
    store.add(story("a", "Wire A", D, STRIKE))
    with pytest.raises(BriefingError, match=message):
        build_briefing(store, **scope)


def test_a_dyad_holds_events_between_its_actors_in_any_role(store):
    talks = Ev("CONSULT", "TUR", "EU", "Turkey met the EU in Kyiv.", day=D, place="Kyiv")
    claim = Ev("ASSAULT", "RUS", None, "Russian guns fired, Ukraine said.", modality="reported", according_to="UKR",
               day=D)
    made = make(store, story("a", "Wire A", D, STRIKE, talks, claim), dyad=("UKR", "RUS"))
    assert sorted(h.sentence.text.split(" on ")[0] for h in made.headlines) == [
        "According to Ukraine, Russia carried out an attack", "According to Wire A, Russia attacked Ukraine"]


def test_a_country_holds_its_actors_events_and_the_events_in_it(store):
    from dataclasses import replace

    talks = Ev("CONSULT", "TUR", "EU", "Turkey met the EU in Kyiv.", day=D, place="Kyiv")
    stored = story("a", "Wire A", D, talks)
    event = replace(stored.events[0], location=replace(stored.events[0].location, country="UKR"))
    made = make(store, replace(stored, events=(event,)), country="UKR")
    assert made.headlines[0].sentence.text.startswith("According to Wire A, Turkey held talks with the European Union"
                                                      " in Kyiv")


def test_the_default_period_is_the_thirty_days_up_to_the_latest_event(store):
    store.add(story("a", "Wire A", D, STRIKE))
    made = build_briefing(store, actor="RUS")
    assert (made.scope.since, made.scope.until) == (date(2024, 3, 26), D)


# -- HTML --------------------------------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_html_escapes_article_text_and_loads_nothing_from_elsewhere(store):
    quote = Qu("putin", "warn", f"Hear this {HOSTILE} now.")
    made = make(store, story("a", "Wire A", D, STRIKE, quote, title=f"Title {HOSTILE}",
                             url="https://example.org/x?a=1&b=<b>"), actor="RUS")
    page = render_html(made)
    assert "<script" not in page and "<img" not in page and not re.search(r"<[^>]*\sonerror=", page)
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert page.count("<svg") == 1 and "<rect" in page


# -- CLI ---------------------------------------------------------------------------------------------------


def test_the_brief_command_writes_markdown_and_html(tmp_path):
    db = tmp_path / "b.duckdb"
    with Store.open(db) as opened:
        opened.add(story("a", "Wire A", D, STRIKE))
    runner = CliRunner()
    md = runner.invoke(cli, ["brief", "--db", str(db), "--actor", "RUS", "--since", "2024-04-01", "--until",
                             "2024-04-30"], obj={})
    assert md.exit_code == 0, md.output
    assert md.output.startswith("# Briefing: Russia\n") and "[1]" in md.output
    out = tmp_path / "b.html"
    html = runner.invoke(cli, ["brief", "--db", str(db), "--dyad", "RUS", "UKR", "--format", "html", "--out",
                               str(out)], obj={})
    assert html.exit_code == 0, html.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = runner.invoke(cli, ["brief", "--db", str(db), "--actor", "nobody at all"], obj={})
    assert bad.exit_code == 1 and "no stored actor" in bad.output


def test_the_knowledge_base_is_the_default_one():
    assert load_kb().people["vladimir-putin"].name == "Vladimir Putin"


# -- PDF ---------------------------------------------------------------------------------------------------


def test_pdf_is_rendered_from_the_html_with_its_text_timeline_and_an_embedded_font(store):
    pytest.importorskip("xhtml2pdf")
    from io import BytesIO

    from pypdf import PdfReader

    from wirewatch.brief import render_pdf

    made = make(store, story("a", "Wire A", D, STRIKE, Qu("putin", "warn", f"Radosław said “no” {HOSTILE}.")),
                actor="RUS")
    reader = PdfReader(BytesIO(render_pdf(made)))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 1 and text.startswith("Briefing: Russia")
    for words in ("Headline developments", "According to Wire A, Russia attacked Ukraine", "Radosław", "<script>"):
        assert words in " ".join(text.split()), words
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any("Vera" in f for f in fonts)
    content = b"".join(page.get_contents().get_data() for page in reader.pages)
    assert b".231373 .431373 .647059 rg" in content  # the timeline's bars, in their colour (#3b6ea5)


def test_an_event_dated_in_the_period_is_cited_from_an_older_article(store):
    ahead = Ev("AGREE", "RUS", "TUR", "Russia will sign a pact with Turkey on 24 April.", modality="future", day=D)
    made = make(store, story("old", "Wire O", date(2023, 1, 10), ahead), actor="TUR")
    assert made.headlines[0].status == "planned" and made.sources[0].published == date(2023, 1, 10)


def test_an_exact_copy_from_another_outlet_is_listed_with_its_source_but_not_counted_as_independent(store):
    import dataclasses

    original = story("a", "Wire A", D, STRIKE)
    copy = dataclasses.replace(original, article=dataclasses.replace(original.article, id="a-copy", outlet="Wire B"))
    made = make(store, original, copy, actor="RUS")
    assert made.headlines[0].status == "single-source"
    assert made.sources[0].carried_by == ("Wire B",) and made.coverage.copies == 1
    assert "(also carried by Wire B)" in render_markdown(made)


def test_with_incidents_linked_a_happening_in_scope_brings_all_its_reports_and_the_incident_status(store):
    from wirewatch.incidents import link

    claim = Ev("ASSAULT", "RUS", "UKR", "Russian forces shelled Ukrainian towns.", day=D)
    denial = Ev("ASSAULT", "RUS", None, "Moscow denied any shelling.", modality="denied", according_to="RUS", day=D)
    for s in (story("a", "Wire A", D, claim), story("b", "Wire B", D, denial)):
        store.add(s)
    link(store)
    made = make(store, dyad=("RUS", "UKR"))
    [headline] = made.headlines
    assert headline.status == "contested" and headline.sentence.citations == (1, 2)
    assert "; Russia denied that it carried out an attack on 24 April 2024 [2]; contested" in headline.sentence.text
