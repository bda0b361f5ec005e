"""Actors on real wire prose: who an event's sides are, and what is never an actor (issue 11, actors part).

Every table shows one construction with sentences of our own: names that contain a country, people who must or
must not merge, bylines and datelines, office words, ships and places, pronouns, and the arguments the coder reads
from attack subjects, passives and places.
"""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import extract_text
from wirewatch.clean._junk import junk_reason
from wirewatch.clean._text import filter_text

pytestmark = pytest.mark.slow

DAY = date(2024, 4, 20)


def _by_mention(text: str) -> dict[str, tuple[str, str | None, str]]:
    result = extract_text(text, published=DAY)
    return {m.text: (a.key, a.country, a.kind) for a in result.actors for m in a.mentions}


def _sides(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(type, source names, target names) of each event."""
    result = extract_text(text, published=DAY)
    names = {a.id: a.name for a in result.actors}
    return [(e.type, tuple(names[i] for i in e.source), tuple(names[i] for i in e.target)) for e in result.events]


# -- a name part that is a country, a demonym or a place does not make a person a country ---------------------
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Mr. Ireland told reporters the plan had failed.", "Ireland"),
        ("Ms. Jordan criticized the budget on Tuesday.", "Jordan"),
        ("Dr. Chad said the clinic had run out of vaccines.", "Chad"),
    ],
)
def test_a_country_name_after_an_honorific_is_a_person(text, mention):
    found = _by_mention(text)
    assert found[mention][2] == "person", found
    assert not found[mention][0].startswith("country:")


def test_a_person_whose_surname_is_a_demonym_keeps_their_own_country():
    found = _by_mention("UN rights chief Volker Turk condemned the attack on the hospital.")
    assert found["Volker Turk"][0] == "person:volker-turk"
    assert found["Volker Turk"][1] != "TUR"


# -- do not merge different people on a loose match --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a Hamas official is not the Lebanese politician with a similar surname
        ("Hamas official Bassal said the talks had stalled.", "Bassal"),
        # a surname alone, close to a known one but spelt otherwise, is a new person
        ("Bassal said rescuers were still digging through the rubble.", "Bassal"),
    ],
)
def test_an_unknown_person_is_never_the_nearest_known_one(text, mention):
    found = _by_mention(text)
    assert mention not in found or not found[mention][0].startswith("person:"), found


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Civil defence spokesman Mahmud Basal said 20 people died. Basal said rescuers were still searching.",
         "Mahmud Basal", "Basal"),
        ("Hamas official Osama Hamdan spoke in Beirut. Hamdan said the proposal was unacceptable.",
         "Osama Hamdan", "Hamdan"),
    ],
)
def test_a_surname_goes_back_to_the_person_the_article_named_not_to_the_knowledge_base(text, first, second):
    found = _by_mention(text)
    assert found[second][0] == found[first][0]


@pytest.mark.parametrize(
    ("text", "one", "other"),
    [
        ("Lebanese Forces leader Samir Geagea spoke first. Later, Gaza spokesman Samer Gagea said the strike hit "
         "a school.", "Samir Geagea", "Samer Gagea"),
        ("Colonel Ivan Markov led the unit. Separately, teacher Pavel Markin said the school had closed.",
         "Ivan Markov", "Pavel Markin"),
    ],
)
def test_different_first_names_or_a_short_name_several_edits_away_are_different_people(text, one, other):
    found = _by_mention(text)
    assert other not in found or found[other][0] != found[one][0]


@pytest.mark.parametrize(
    "text",
    [
        "Supreme Leader Ali Khamenei praised President Pezeshkian. Pezeshkiyan thanked him. Peseschkian then "
        "flew to New York, where Pezhashyan addressed the assembly.",
        "President Masoud Pezeshkian arrived in Baku. Pezeshkiyan met his host. Later Pezhashyan left the city.",
    ],
)
def test_every_spelling_of_a_person_in_one_article_is_one_actor(text):
    result = extract_text(text, published=DAY)
    people = [a for a in result.actors if a.key == "person:masoud-pezeshkian"]
    assert len(people) == 1
    spellings = {m.text for m in people[0].mentions}
    assert {w for w in ("Pezeshkiyan", "Peseschkian", "Pezhashyan") if w in text} <= spellings


# -- bylines, credits and datelines are never actors --------------------------------------------------------------
@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        ("By Jane Roe", "byline"),
        ("By JANE ROE and Tom Fields, Reuters", "byline"),
        ("Ivan Petrov/POOL/AFP", "caption"),
        ("Jane Roe / Reuters", "caption"),
        ("Photo: John Doe/Reuters", "caption"),
        ("Reporting by Ivan Petrov; Editing by Jane Roe", "credit"),
    ],
)
def test_bylines_and_credits_are_dropped(paragraph, reason):
    assert junk_reason(paragraph) == reason


@pytest.mark.parametrize(
    "paragraph",
    [
        "By Monday the army had pulled back from the ridge.",
        "By then Russia and Ukraine had agreed to talk.",
    ],
)
def test_a_sentence_opening_with_by_is_no_byline(paragraph):
    assert junk_reason(paragraph) is None


@pytest.mark.parametrize(
    ("paragraph", "body"),
    [
        ("MOSCOW, April 17 (Reuters) - Russia accused Ukraine of shelling a border village.",
         "Russia accused Ukraine of shelling a border village."),
        ("Pyongyang, North Korea - North Korea fired a missile toward Japan on Sunday.",
         "North Korea fired a missile toward Japan on Sunday."),
        ("KABUL: The Taliban seized two checkpoints in Helmand after a night of fighting.",
         "The Taliban seized two checkpoints in Helmand after a night of fighting."),
        ("KABUL (Pajhwok) : Gunmen attacked a checkpoint in the east of the country.",
         "Gunmen attacked a checkpoint in the east of the country."),
        ("Lucknow: The state government will sign an agreement with its neighbours.",
         "The state government will sign an agreement with its neighbours."),
        ("(CNN) Greek coastguards detained the crew of a fishing boat on Friday.",
         "Greek coastguards detained the crew of a fishing boat on Friday."),
    ],
)
def test_a_dateline_is_cut_and_the_sentence_after_it_keeps_its_subject(paragraph, body):
    kept = filter_text(paragraph, title=None, infer_title=True, drop_headings=True, heading_max_words=8)
    assert kept.paragraphs == (body,)
    assert [r.reason for r in kept.removed] == ["dateline"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Russia, China - both said they would veto the draft resolution.",
        "Analysts: the war has cost far more than expected this year.",
    ],
)
def test_a_sentence_that_opens_with_a_name_and_a_dash_is_no_dateline(paragraph):
    kept = filter_text(paragraph, title=None, infer_title=True, drop_headings=True, heading_max_words=8)
    assert kept.paragraphs == (paragraph,)


def test_the_town_of_a_dateline_is_no_side_of_the_event():
    sides = _sides("KABUL: The Taliban attacked an army outpost in eastern Afghanistan at dawn.")
    assert ("ASSAULT", ("Taliban",), ("Afghanistan",)) in sides


# -- office words and function words are not actors ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "not_an_actor"),
    [
        ("US Secretary of State Antony Blinken criticized China.", "State"),
        ("The Minister of Defence met the Secretary of Homeland Security on Monday.", "Defence"),
        ("Supreme Leader Ali Khamenei praised the army.", "Supreme"),
        ("No country has condemned the attack, the minister said.", "No"),
    ],
)
def test_office_and_function_words_are_no_actors(text, not_an_actor):
    assert not_an_actor not in _by_mention(text)


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Seoul said it would send an envoy to the North next week.", "North", "PRK"),
        ("Pyongyang accused the South of provoking a clash near the border.", "South", "KOR"),
        ("North Korean state media said the South had flown drones over the capital.", "South", "KOR"),
    ],
)
def test_the_north_and_the_south_are_the_two_koreas_where_the_text_names_korea(text, mention, country):
    assert _by_mention(text)[mention][1] == country


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Prime Minister criticised Moscow over the strike on the port.", "Prime Minister"),
        ("The Interior Minister accused Kabul of sheltering the gunmen.", "Interior Minister"),
        ("The Foreign Minister thanked Warsaw for its support.", "Foreign Minister"),
    ],
)
def test_a_capitalised_role_standing_alone_is_the_acting_person(text, source):
    assert [s for _, sources, _ in _sides(text) for s in sources] == [source]


def test_a_capitalised_role_before_a_name_leaves_the_name_the_actor():
    assert "Prime Minister" not in _by_mention("Prime Minister Jacinda Smithers criticised Moscow over the strike.")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels advanced towards the North after the army withdrew.",
        "Floods swept through the West of the country, officials said.",
    ],
)
def test_a_compass_word_is_no_town_and_no_country(text):
    assert not {"North", "West"} & set(_by_mention(text))


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("No 10 said the prime minister would not resign.", "No 10"),
        ("Number 10 said the talks would resume on Monday.", "Number 10"),
    ],
)
def test_a_metonym_with_a_number_still_names_its_government(text, mention):
    assert _by_mention(text)[mention][:2] == ("country:GBR:GOV", "GBR")


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Iraqi officials hosted a delegation from the Supreme National Security Council of Iran on Sunday.",
         "Supreme National Security Council", "IRN"),
        ("Russian Security Council Secretary Sergei Shoigu met Iranian officials.", "Sergei Shoigu", "RUS"),
    ],
)
def test_a_national_security_council_belongs_to_its_country(text, mention, country):
    found = _by_mention(text)
    assert found[mention][1] == country
    assert all(key != "org:UNSC" for key, _, _ in found.values())


# -- places, ships and regions are not people or governments ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "ship"),
    [
        ("The frigate Admiral Gorshkov fired cruise missiles during the drill.", "Gorshkov"),
        ("The tanker Advantage Sweet was seized by Iran.", "Advantage Sweet"),
        ("The Russian destroyer Admiral Vinogradov docked at the pier.", "Vinogradov"),
    ],
)
def test_a_ship_is_no_person(text, ship):
    found = _by_mention(text)
    assert all(ship not in mention for mention in found), found


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("The Russian destroyer entered the port of Manila on Friday.", "Manila"),
        ("Thousands marched through the streets of Kyiv on Sunday.", "Kyiv"),
    ],
)
def test_a_capital_named_as_a_place_is_no_government(text, city):
    found = _by_mention(text)
    assert city not in found or not found[city][0].endswith(":GOV")


# -- pronouns and possessives resolve to the right state ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("North Korea sent artillery shells to Russia for use in its invasion of Ukraine.", "country:RUS"),
        ("Iran provided drones to Russia for use in its war against Ukraine.", "country:RUS"),
    ],
)
def test_goods_given_for_use_in_its_war_are_used_by_the_one_given_them(text, owner):
    assert _by_mention(text)["its"][0] == owner


def test_a_possessive_in_a_reported_clause_is_still_the_speaker():
    assert _by_mention("Russia said its forces had taken the village.")["its"][0] == "country:RUS"


# -- arguments: attack subjects, passives and places ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A truck bombing by the Islamic State killed 20 villagers near Raqqa.", "Islamic State"),
        ("Shells launched by the Israeli military hit a fuel store of the Syrian army.",
         "Israel (military)"),
    ],
)
def test_an_attack_named_as_subject_is_done_by_its_by_phrase(text, source):
    assert any(t == "ASSAULT" and source in s for t, s, _ in _sides(text))


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Opposition blogger Ivan Sorokin was tortured and killed in a prison near Minsk.", "Ivan Sorokin"),
        ("Activist Maria Lenko was detained and beaten in Grodno last week.", "Maria Lenko"),
    ],
)
def test_a_participle_conjoined_to_a_passive_is_passive(text, victim):
    assert all(victim not in source for _, source, _ in _sides(text))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The Taliban overran a district police station in southern Afghanistan overnight.", "Taliban", "Afghanistan"),
        ("Boko Haram fighters stormed an army barracks near Maiduguri in Nigeria on Friday.", "Boko Haram", "Nigeria"),
    ],
)
def test_rebels_attacking_at_home_target_their_country(text, source, target):
    assert ("ASSAULT", (source,), (target,)) in _sides(text)


def test_a_state_force_acting_at_home_does_not_target_its_own_country():
    assert all(target != ("France",) for _, _, target in _sides("French police raided a camp in Calais on Sunday."))


# -- bodies and crowds named by a common noun are actors under their own words ---------------------------------
@pytest.mark.parametrize(
    ("text", "event", "source", "target"),
    [
        ("The court convicted Ivan Sorokin of fraud on Monday.", "ACCUSE", "court", "Ivan Sorokin"),
        ("Police arrested Maria Lenko on Tuesday.", "COERCE", "Police", "Maria Lenko"),
        ("The government banned the opposition newspaper.", "COERCE", "government", "opposition newspaper"),
        ("Protesters rallied against the government on Sunday.", "PROTEST", "Protesters", "government"),
    ],
)
def test_a_body_named_by_a_common_noun_is_a_side_under_its_own_words(text, event, source, target):
    result = extract_text(text, published=DAY)
    mentions = {a.id: {m.text for m in a.mentions} for a in result.actors}
    coded = [e for e in result.events if e.type == event]
    assert any(source in mentions[i] for e in coded for i in e.source), (coded, mentions)
    if target is not None:
        assert any(target in mentions[i] for e in coded for i in e.target)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The army in Mali repelled an attack on a base near the border.", "MLI"),
        ("The court in Ankara sentenced the journalist to two years.", "TUR"),
    ],
)
def test_a_body_takes_the_country_its_sentence_places_it_in(text, country):
    result = extract_text(text, published=DAY)
    assert any(a.country == country and a.kind in {"military", "judiciary"} for a in result.actors)


@pytest.mark.parametrize(
    ("text", "not_a_body"),
    [
        ("The US sent troops to Poland to reassure its allies.", "troops"),
        ("No party has claimed the attack so far.", "party"),
        ("The Islamic State said the group's fighters had withdrawn from the town.", "group"),
        ("Russia reached a deal with the Cuban leader's government to resume flights.", "government"),
    ],
)
def test_forces_sent_no_one_in_particular_and_a_group_just_named_are_no_new_body(text, not_a_body):
    result = extract_text(text, published=DAY)
    assert all(not a.key.startswith("body~") or not_a_body not in a.name.lower() for a in result.actors)
    assert all(m.text.lower() != not_a_body or m.how != "body" for a in result.actors for m in a.mentions)


def test_the_owner_of_the_first_of_two_conjoined_objects_is_a_target_too():
    sides = _sides("Rebels shelled the nation's Supreme Court annex and a customs depot near the capital.")
    assert any("Supreme Court" in target for t, _, target in sides if t == "ASSAULT")


# -- unknown organisations and people keep their own names --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("ICE returned the seized artefacts to a museum in Greece.", "ICE", "organisation"),
        ("USDA provided grain and seed to farmers in the valley.", "USDA", "organisation"),
        ("Okafor says the new levy will hurt small traders.", "Okafor", None),
        ("Adeyemi says the strike will continue until wages are paid.", "Adeyemi", None),
    ],
)
def test_an_unknown_name_that_acts_or_is_acted_on_is_an_actor_under_its_own_name(text, name, kind):
    found = _by_mention(text)
    assert name in found, found
    assert not found[name][0].startswith(("person:", "country:"))
    assert kind is None or found[name][2] == kind


@pytest.mark.parametrize(
    "text",
    [
        "In May the committee will vote on the budget.",
        "On Monday the council met again behind closed doors.",
    ],
)
def test_headline_capitals_and_dates_are_no_unknown_names(text):
    result = extract_text(text, published=DAY)
    assert all(a.kind != "person" for a in result.actors)
    assert all(not a.key.startswith("org~") for a in result.actors)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The United States sent two destroyers to the Gulf after what officials called threats from Iran.",
         "officials"),
        ("Britain sent jets to the region after what ministers described as threats from Syria.", "ministers"),
    ],
)
def test_a_body_that_speaks_in_a_clause_below_the_trigger_is_not_its_target(text, body):
    result = extract_text(text, published=DAY)
    bodies = {a.id for a in result.actors for m in a.mentions if m.text == body}
    assert all(not set(e.target) & bodies for e in result.events)


# -- role phrases and crowd members with no name ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Parliament demanded the resignation of the prime minister.", "prime minister"),
        ("The opposition urged the justice minister to step down.", "justice minister"),
    ],
)
def test_a_role_no_one_was_named_for_is_an_unnamed_person(text, role):
    result = extract_text(text, published=DAY)
    found = [a for a in result.actors for m in a.mentions if m.text == role]
    assert found and found[0].kind == "person" and found[0].key.startswith("anon~")
    assert any(found[0].id in e.target for e in result.events)


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Mexico's top diplomat will visit California next week.", "Mexico"),
        ("The president of Kosovo resigned on Thursday.", "Kosovo"),
    ],
)
def test_a_role_with_an_owner_is_the_owner_s(text, owner):
    result = extract_text(text, published=DAY)
    names = {a.id: a.name for a in result.actors}
    assert all(not a.key.startswith("anon~") for a in result.actors)
    assert any(names[i] == owner for e in result.events for i in e.source)


@pytest.mark.parametrize(
    ("text", "crowd"),
    [
        ("Police detained 18 people after the rally.", "people"),
        ("Guards beat a jailed activist in the prison yard.", "activist"),
    ],
)
def test_people_and_a_crowd_member_are_a_side_under_their_own_words(text, crowd):
    result = extract_text(text, published=DAY)
    targets = {m.text for e in result.events for a in result.actors if a.id in e.target for m in a.mentions}
    assert any(crowd in t for t in targets), targets


@pytest.mark.parametrize(
    "text",
    [
        "The minister stood by his comments on the economy.",
        "Protesters marched peacefully through the capital in March.",
    ],
)
def test_an_unnamed_side_with_no_one_named_opposite_makes_no_event(text):
    assert extract_text(text, published=DAY).events == ()
