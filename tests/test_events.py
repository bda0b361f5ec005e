"""The event coder: who did what to whom, read from the sentence structure, with its framing and date.

Each row is a sentence a wire story could carry, with the event a careful coder records: source and target
countries (or organisation keys), PLOVER type and modality. Sentences are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import extract_text

from .coding import actor_codes

pytestmark = pytest.mark.slow

PUBLISHED = date(2024, 4, 20)


def _events(text: str) -> list[tuple[set[str], str, set[str], str]]:
    result = extract_text(text, published=PUBLISHED)
    return [(actor_codes(result, e.source), e.type, actor_codes(result, e.target), e.modality) for e in result.events]


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target", "modality"),
    [
        ("Russian Foreign Minister Sergei Lavrov met his Turkish counterpart Hakan Fidan in Ankara on Tuesday.",
         "RUS", "CONSULT", "TUR", "asserted"),
        ("Israeli warplanes struck Hezbollah positions in southern Lebanon overnight.",
         "ISR", "ASSAULT", "HEZBOLLAH", "asserted"),
        ("The European Union imposed sanctions on Iran over its drone programme.", "EU", "SANCTION", "IRN",
         "asserted"),
        ("Japan accused China of stoking tension in the strait.", "JPN", "ACCUSE", "CHN", "asserted"),
        ("Macron held a phone call with Indian Prime Minister Narendra Modi on Monday.", "FRA", "CONSULT", "IND",
         "asserted"),
        ("Moscow and Tehran signed a memorandum on security cooperation.", "RUS", "SUPPORT", "IRN", "asserted"),
        ("A protocol was signed between the interior ministries of Egypt and Greece.", "EGY", "SUPPORT", "GRC",
         "asserted"),
        ("Ukraine said Russian forces shelled Kharkiv on Friday.", "RUS", "ASSAULT", "UKR", "reported"),
        ("Poland expelled three Russian diplomats on Thursday.", "POL", "SANCTION", "RUS", "asserted"),
        ("Germany will send Ukraine more air defence systems next month.", "DEU", "AGREE", "UKR", "future"),
        ("Turkey did not attack Syria.", "TUR", "ASSAULT", "SYR", "negated"),
        ("If Belarus were to supply drones to Sudan, the embargo would be tightened.", "BLR", "AID", "SDN",
         "hypothetical"),
        ("Iran denied that it had supplied drones to Russia.", "IRN", "AID", "RUS", "denied"),
        ("The United States urged Israel to allow more aid into Gaza.", "USA", "REQUEST", "ISR", "asserted"),
        ("North Korea threatened South Korea with a nuclear response.", "PRK", "THREATEN", "KOR", "asserted"),
        ("India rejected Pakistan's proposal for talks.", "IND", "REJECT", "PAK", "asserted"),
        ("China deployed warships near Taiwan.", "CHN", "MOBILIZE", "TWN", "asserted"),
        ("Hamas released four hostages to the Red Cross.", "HAMAS", "RETREAT", "ICRC", "asserted"),
        ("Japan praised South Korea for the agreement.", "JPN", "SUPPORT", "KOR", "asserted"),
        ("The Indian and Japanese navies will hold joint exercises next week.", "IND", "AGREE", "JPN", "future"),
        # who and whom from complements, conjoined demonyms, stances, and towns the tagger mistakes
        ("Czech and Slovak ministers agreed on Friday to reopen the rail link.", "CZE", "AGREE", "SVK",
         "asserted"),
        ("Vietnam threatened to impose tariffs on Cambodian rice.", "VNM", "THREATEN", "KHM", "asserted"),
        ("Kenya demanded that Somalia withdraw its troops from the border town.", "KEN", "REQUEST", "SOM",
         "asserted"),
        ("Chile rejected a proposal from Bolivia over sea access.", "CHL", "REJECT", "BOL", "asserted"),
        ("Egypt is opposed to Ethiopian plans to fill the dam.", "EGY", "REJECT", "ETH", "asserted"),
        ("Ukraine said Russia attacked Kharkiv overnight.", "RUS", "ASSAULT", "UKR", "reported"),
        # announced conflict is a threat; a future refusal is a rejection
        ("Serbia will impose sanctions on Kosovo next week.", "SRB", "THREATEN", "XKX", "future"),
        ("Hungary will not meet the Serbian envoy, its foreign minister said.", "HUN", "REJECT", "SRB",
         "asserted"),
        # alleging or naming another's attacks accuses them
        ("Kenya alleged that Somali militants had kidnapped two aid workers.", "KEN", "ACCUSE", "SOM", "asserted"),
        ("Chad's foreign minister focused on the Sudanese army's repeated attacks on border camps.", "TCD", "ACCUSE",
         "SDN", "asserted"),
        # an intent to yield, release or withdraw is an agreement (CAMEO 035); a failure to agree a refusal
        ("Colombian rebels said they will free the kidnapped Spanish engineer next week.", "COL", "AGREE", "ESP",
         "future"),
        ("Armenia is ready to pull its soldiers back from the disputed villages near Azerbaijan.", "ARM",
         "AGREE", "AZE", "future"),
        ("Peru and Ecuador failed to reach an agreement on the river border.", "PER", "REJECT", "ECU", "asserted"),
        ("The African Union may suspend its mediation in Mali if the junta delays the vote, a spokesman said.",
         "AU", "THREATEN", "MLI", "hypothetical"),
        ("Uruguay apologised to Paraguay for the arrest of two truck drivers.", "URY", "SUPPORT", "PRY",
         "asserted"),
        # objects that are actors, particle and object together
        ("The Malian junta freed the former prime minister of Niger on Sunday.", "MLI", "RETREAT", "NER",
         "asserted"),
        ("Ghanaian port workers called off their strike after talks with the Ghanaian government.", "GHA",
         "CONCEDE", "GHA", "asserted"),
        ("Kenyan nurses called a nationwide strike against the Kenyan health ministry.", "KEN", "PROTEST", "KEN",
         "asserted"),
        # what an actor issues acts for it; troops that arrive are deployed, not visiting
        ("The Somali cabinet issued a statement condemning Kenya for the border raid.", "SOM", "ACCUSE", "KEN",
         "asserted"),
        ("A Brazilian peacekeeping battalion arrived in Haiti on Monday.", "BRA", "AID", "HTI", "asserted"),
        # the doer of investigated crimes is accused; an unclaimed attack is coded to the country where it happened
        ("Kosovo is investigating abuses by Serbian police against Albanian villagers.", "XKX", "ACCUSE",
         "SRB", "asserted"),
        ("A Dutch reporter was placed under investigation in Turkey over her coverage of the army.", "TUR",
         "ACCUSE", "NLD", "asserted"),
        ("A car bomb outside the city of Kunduz wounded three German engineers on Tuesday.", "AFG", "ASSAULT",
         "DEU", "asserted"),
        # an act at home is aimed at the country where it happens
        # drills with no partner are a show of force; an attack a passive happened in names its doer
        ("Russia held naval exercises near the coast of Norway on Monday.", "RUS", "MOBILIZE", "NOR", "asserted"),
        ("Ghana and Togo held joint naval exercises in the Gulf of Guinea.", "GHA", "COOPERATE", "TGO",
         "asserted"),
        ("Two Syrian soldiers were wounded in a Turkish drone strike near the border.", "TUR", "ASSAULT", "SYR",
         "asserted"),
        ("The Netherlands, Belgium and Luxembourg met in Brussels on Friday.", "NLD", "CONSULT", "LUX",
         "asserted"),
        # a border's other side; the one a report is according to is no party; an unnamed crowd is of its country
        ("Belarus has massed troops near its border with Lithuania, according to Polish officials.", "BLR",
         "MOBILIZE", "LTU", "reported"),
        ("The Ethiopian army arrested dozens of students on Monday.", "ETH", "COERCE", "ETH", "asserted"),
        # a strike staged is a labour strike; a promise of aid or mediation is an agreement (CAMEO 03)
        ("Nigerian doctors staged a strike against the Nigerian health ministry.", "NGA", "PROTEST", "NGA",
         "asserted"),
        ("Norway pledged humanitarian aid to Sudan.", "NOR", "AGREE", "SDN", "asserted"),
        # the giver of what is received is the source
        ("Libyan militias received weapons from Egypt last year.", "EGY", "AID", "LBY", "asserted"),
        ("Somalia received assurances from Kenya that the border would stay open.", "KEN", "AGREE", "SOM",
         "asserted"),
        ("Hungary will not give permission to Ukraine to use its airspace.", "HUN", "REJECT", "UKR", "asserted"),
        ("Venezuelan troops launched rockets at Guyana's border posts.", "VEN", "ASSAULT", "GUY", "asserted"),
        ("The Ugandan police lifted the curfew in Gulu after the vote.", "UGA", "CONCEDE", "UGA",
         "asserted"),
        # part of what an act takes is still its object; a decision taken is the act; captives freed in a country
        # are freed by its authorities; a ceasefire declared in a country is aimed at it
        ("Moscow withdrew part of its forces from Armenia on Monday.", "RUS", "RETREAT", "ARM", "asserted"),
        ("Hamas freed half of the Thai hostages on Friday.", "HAMAS", "RETREAT", "THA", "asserted"),
        ("Japan has decided to lift its sanctions on India.", "JPN", "RETREAT", "IND", "asserted"),
        ("Egypt decided to ease restrictions on Sudanese traders.", "EGY", "CONCEDE", "SDN", "asserted"),
        ("Two Russian engineers were freed from captivity in Libya.", "LBY", "RETREAT", "RUS", "asserted"),
        ("Three Turkish sailors were freed in Nigeria on Monday.", "NGA", "RETREAT", "TUR", "asserted"),
        ("Turkey declared a three-day ceasefire in northern Syria.", "TUR", "RETREAT", "SYR", "asserted"),
        ("The Russian army announced a truce in eastern Ukraine.", "RUS", "RETREAT", "UKR", "asserted"),
        # a deployment of peacekeepers or monitors is aid (CAMEO 074), not a show of force
        ("Ghana sent 300 troops to Mali to serve as peacekeepers.", "GHA", "AID", "MLI", "asserted"),
        ("Bangladesh deployed troops to South Sudan on a peacekeeping mission.", "BGD", "AID", "SSD", "asserted"),
        ("The African Union deployed election monitors in Guinea.", "AU", "AID", "GIN", "asserted"),
        # insurgents attack inside their own country: the place names the side attacked
        ("Taliban fighters stormed a police post in eastern Afghanistan.", "TALIBAN", "ASSAULT", "AFG", "asserted"),
        ("Boko Haram attacked an army base in northern Nigeria.", "BOKO_HARAM", "ASSAULT", "NGA", "asserted"),
    ],
)
def test_a_sentence_gives_its_event(sentence, source, type_, target, modality):
    events = _events(sentence)
    matching = [e for e in events if e[1] == type_ and source in e[0] and target in e[2]]
    assert matching, f"no {source} {type_} {target} in {events}"
    assert matching[0][3] == modality


@pytest.mark.parametrize(
    "sentence",
    [
        "Relations between the two countries have a long history.",
        "The weather in Moscow was cold on Monday.",
        "See also the report on the economy.",
        "The ministry released a report on the economy on Monday.",
        "A German engineer died in a road accident outside the city of Kunduz.",
        "Bolivia will defend its borders, the defence minister said.",
        "North Korea test-fired a cruise missile on Sunday.",
        "An earthquake hit southern Peru on Monday.",
    ],
)
def test_a_sentence_without_an_event_gives_none(sentence):
    assert _events(sentence) == []


def test_an_act_judged_demanded_or_talked_about_is_not_coded_as_done():
    events = _events("Japan condemned the invasion of Ukraine.")
    assert [e[1] for e in events] == ["ACCUSE"]
    events = _events("Egypt said Ethiopia must stop filling the dam.")
    assert [(e[0], e[1], e[2]) for e in events] == [({"EGY"}, "REQUEST", {"ETH"})]


def test_a_side_inferred_from_a_place_is_held_with_less_confidence_than_a_named_one():
    unclaimed = extract_text("A car bomb outside the city of Kunduz wounded three German engineers.").events[0]
    claimed = extract_text("Taliban fighters outside the city of Kunduz wounded three German engineers.").events[0]
    assert unclaimed.type == claimed.type == "ASSAULT"
    assert unclaimed.confidence < claimed.confidence


def test_an_event_in_a_report_names_who_reports_it():
    result = extract_text("Kyiv said Russian troops attacked Kharkiv on Friday.", published=PUBLISHED)
    event = next(e for e in result.events if e.type == "ASSAULT")
    actors = {a.id: a for a in result.actors}
    assert event.modality == "reported"
    assert actors[event.according_to].country == "UKR"


def test_crosswalk_fields_follow_the_cameo_code():
    event = extract_text("Israeli jets bombed Hezbollah depots.", published=PUBLISHED).events[0]
    assert (event.type, event.cameo, event.cameo_code, event.goldstein, event.quad_class) == (
        "ASSAULT", "19", "195", -10.0, 4)


def test_the_event_date_comes_from_its_clause():
    result = extract_text("Last week, Macron held a phone call with Indian Prime Minister Narendra Modi.",
                          published=PUBLISHED)
    event = next(e for e in result.events if e.type == "CONSULT")
    assert (event.date, event.date_precision, event.mode) == (date(2024, 4, 8), "week", "phone")


def test_without_a_date_in_the_sentence_the_event_takes_the_publication_date():
    event = extract_text("Japan accused China of hypocrisy.", published=PUBLISHED).events[0]
    assert (event.date, event.date_precision) == (PUBLISHED, None)


def test_the_place_of_an_event_is_resolved_to_a_country():
    result = extract_text("Lavrov met Fidan in Ankara.", published=PUBLISHED)
    event = next(e for e in result.events if e.type == "CONSULT")
    assert event.location is not None and event.location.country == "TUR"


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Russian and Iranian envoys met in St. Petersburg on Monday.", "RUS"),
        # a region wins over a town of the same name; territories are placed where they are recognised
        ("Police detained dozens of protesters in Indiana on Saturday.", "USA"),
        ("Ukrainian drones attacked a Russian airbase in Crimea.", "UKR"),
        ("Israeli troops arrested three Palestinian students in the West Bank.", "PSE"),
    ],
)
def test_the_place_of_an_event_is_a_town_or_a_region_of_the_gazetteer(sentence, country):
    event = extract_text(sentence, published=PUBLISHED).events[0]
    assert event.location is not None and event.location.country == country
    assert event.location.lat is not None and event.location.lon is not None


def test_a_sentence_that_tells_an_earlier_event_again_adds_no_second_record():
    text = ("Russia and Iran signed a memorandum on security cooperation on Monday.\n\n"
            "Officials in Tehran described the talks as friendly.\n\n"
            "Russia and Iran signed a memorandum on security cooperation, the agency repeated.")
    result = extract_text(text, published=PUBLISHED)
    signings = [e for e in result.events if e.type == "SUPPORT"]
    assert len(signings) == 1
    assert [e.id for e in result.events] == [f"e{n}" for n in range(1, len(result.events) + 1)]


def test_the_classifier_codes_a_verb_the_lexicon_does_not_know():
    result = extract_text("The Chinese foreign ministry excoriated the Dutch envoy over the remarks.",
                          published=PUBLISHED)
    learned = [e for e in result.events if e.coder == "plover.classifier.v1"]
    assert [(e.type, e.trigger) for e in learned] == [("ACCUSE", "excoriated")]


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        # war: crossing a border in an attack, incursions, offensives, shelling, fire at homes, forces destroyed,
        # drone and missile strikes, each an ASSAULT on the right side
        ("Ukrainian troops crossed the border into Russia's Kursk region in a surprise attack.", "UKR", "ASSAULT",
         "RUS"),
        ("Sudanese rebels crossed into Chad in a dawn raid.", "SDN", "ASSAULT", "TCD"),
        ("Turkish tanks rolled into northern Syria on Wednesday.", "TUR", "ASSAULT", "SYR"),
        ("Russian troops entered Georgia on Friday.", "RUS", "ASSAULT", "GEO"),
        ("Ukraine's offensive in the Kursk region of Russia entered its second week.", "UKR", "ASSAULT", "RUS"),
        ("Israel's offensive in Gaza has killed thousands.", "ISR", "ASSAULT", "PSE"),
        ("Sudanese militias launched an incursion into Chad.", "SDN", "ASSAULT", "TCD"),
        ("The Ethiopian army began an offensive against Eritrean positions.", "ETH", "ASSAULT", "ERI"),
        ("Azerbaijani artillery shelled Armenian villages overnight.", "AZE", "ASSAULT", "ARM"),
        ("Russian forces fired indiscriminately at residential buildings in Kharkiv.", "RUS", "ASSAULT", "UKR"),
        ("The Ukrainian army destroyed a Russian battalion near Bakhmut.", "UKR", "ASSAULT", "RUS"),
        ("Ukraine said it had destroyed dozens of Russian tanks.", "UKR", "ASSAULT", "RUS"),
        ("Iran fired ballistic missiles at Israel.", "IRN", "ASSAULT", "ISR"),
        ("Ukrainian drones hit an oil refinery in southern Russia.", "UKR", "ASSAULT", "RUS"),
        # sanctions adopted, approved or unveiled; countermeasures against named firms; sales condemned
        ("The European Union adopted its 14th sanctions package against Russia.", "EU", "SANCTION", "RUS"),
        ("The EU approved a new package of sanctions against Iran.", "EU", "SANCTION", "IRN"),
        ("Canada unveiled new sanctions targeting Russian oligarchs.", "CAN", "SANCTION", "RUS"),
        ("China imposed countermeasures on two American drone makers.", "CHN", "SANCTION", "USA"),
        ("China announced countermeasures against Lockheed Martin over arms sales to Taiwan.", "CHN", "SANCTION",
         "LOCKHEED_MARTIN"),
        ("China strongly condemns and firmly opposes the US arms sales to Taiwan.", "CHN", "ACCUSE", "USA"),
        ("Russia strongly condemned the Japanese sanctions on its banks.", "RUS", "ACCUSE", "JPN"),
    ],
)
def test_war_and_sanctions_code_the_act_and_its_target(sentence, source, type_, target):
    events = _events(sentence)
    assert [e for e in events if e[1] == type_ and source in e[0] and target in e[2]], events


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of Syrian migrants crossed the border into Turkey.",
        "The Hungarian minister crossed into Serbia on Monday.",
        "Tourists from Germany entered Austria on Monday.",
        "The board adopted a new package of pension reforms.",
    ],
)
def test_crossings_and_packages_that_are_no_attack_or_sanction_code_none(sentence):
    assert not [e for e in _events(sentence) if e[1] in {"ASSAULT", "SANCTION"}], _events(sentence)
