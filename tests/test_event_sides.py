"""Who acts on whom: constructions where the coder reads the right trigger but must choose among the actors of
the sentence for its source and target.

Each row is a sentence of our own, written for these tests, in the style of wire copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import extract_text

from .coding import actor_codes

pytestmark = pytest.mark.slow

PUBLISHED = date(2024, 4, 20)


def _events(text: str) -> list[tuple[set[str], str, set[str]]]:
    result = extract_text(text, published=PUBLISHED)
    return [(actor_codes(result, e.source), e.type, actor_codes(result, e.target)) for e in result.events]


@pytest.mark.parametrize(
    ("sentence", "own_side", "other_party"),
    [
        # a conditional threat: the one who would respond is the speaker's side
        ("If the board adopts the resolution, Iran will cut its cooperation with the IAEA, the foreign minister "
         "said.", "IRN", "IAEA"),
        ("If the embargo is extended, Cuba will stop its cooperation with the EU, the foreign minister said.",
         "CUB", "EU"),
        # a threat whose complement names the threatener's own act
        ("The envoy threatened that Pakistan would close its border with Afghanistan.", "PAK", "AFG"),
        ("The spokesman threatened that Belarus would expel the Polish diplomats.", "BLR", "POL"),
    ],
)
def test_a_threat_is_aimed_at_the_other_party_never_at_the_threateners_own_side(sentence, own_side, other_party):
    threats = [(source, target) for source, type_, target in _events(sentence) if type_ == "THREATEN"]
    assert threats, "a threat is coded"
    assert all(own_side not in target for _, target in threats)
    assert any(other_party in target for _, target in threats)


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        # the complement's subject is another state's: it stays the target
        ("Iran threatened that Israel would attack its nuclear sites.", "IRN", "ISR"),
        ("Serbia threatened that Kosovo would expel Serbian officials.", "SRB", "XKX"),
    ],
)
def test_a_threat_about_what_another_state_would_do_is_aimed_at_that_state(sentence, source, target):
    assert ({source}, "THREATEN", {target}) in _events(sentence)


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        # the doer named by a reduced passive on the second of two conjoined objects
        ("The Arab League condemned the bombing and the threats made by the Syrian government.", "ARAB_LEAGUE",
         "ACCUSE", "SYR"),
        ("The African Union condemned the coup and the arrests ordered by the Malian army.", "AU", "ACCUSE", "MLI"),
    ],
)
def test_an_object_names_its_doer_and_the_doer_is_the_target(sentence, source, type_, target):
    assert any(source in s and t == type_ and target in g for s, t, g in _events(sentence))


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Dutch prosecutors launched an inquiry into reports that Russian agents hacked the ministry.", "NLD", "RUS"),
        ("Polish prosecutors are investigating claims that Belarusian guards pushed migrants across the border.",
         "POL", "BLR"),
    ],
)
def test_an_investigation_into_a_claim_is_aimed_at_the_one_the_claim_says_acted(sentence, source, target):
    accusations = [(s, g) for s, t, g in _events(sentence) if t == "ACCUSE"]
    assert any(source in s and target in g for s, g in accusations)
    assert all(source not in g for _, g in accusations)  # never the investigators' own country


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Chancellor Olaf Scholz defended Germany's decision to send tanks.", "DEU"),
        ("Prime Minister Pedro Sanchez defended Spain's response to the floods.", "ESP"),
    ],
)
def test_a_leader_who_defends_an_act_of_their_own_state_supports_that_state(sentence, country):
    assert ({country}, "SUPPORT", {country}) in _events(sentence)


def test_a_leader_who_vows_to_change_their_own_country_still_has_no_target():
    assert ({"KAZ"}, "AGREE", set()) in _events("Tokayev pledged to modernise Kazakhstan.")


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Japan is sending troops to the UN peacekeeping force in South Sudan.", "JPN", "SSD"),
        ("Rwanda will send troops to the UN peacekeeping force in the Central African Republic.", "RWA", "CAF"),
        ("Nepal is sending a police unit to the African Union mission in Somalia.", "NPL", "SOM"),
        # a state's own force abroad is that state, not the country it is in
        ("Iran sent drones to the Russian force in Syria.", "IRN", "RUS"),
    ],
)
def test_help_sent_to_a_multinational_mission_goes_to_the_country_it_serves(sentence, source, target):
    assert any(source in s and target in g for s, _, g in _events(sentence))


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Nigerian oil workers called off their strike after the agreement with the Nigerian government.", "NGA",
         "NGA"),
        ("South African miners ended their strike after reaching a deal with Lonmin.", "ZAF", "org~lonmin"),
    ],
)
def test_a_strike_called_off_after_a_deal_yields_to_the_other_party_of_the_deal(sentence, source, target):
    assert ({source}, "CONCEDE", {target}) in _events(sentence)


@pytest.mark.parametrize(
    ("sentence", "source", "victim"),
    [
        ("A spokesman for President Joe Biden condemned the attack on Israel.", "USA", "ISR"),
        ("Germany condemned the bombing of a hospital in Gaza.", "DEU", "PSE"),
    ],
)
def test_the_victim_of_a_condemned_attack_is_not_the_one_accused(sentence, source, victim):
    accusations = [(s, g) for s, t, g in _events(sentence) if t == "ACCUSE"]
    assert any(source in s for s, _ in accusations)
    assert all(victim not in g for _, g in accusations)


def test_a_condemned_attack_whose_doer_is_named_accuses_the_doer():
    assert ({"FRA"}, "ACCUSE", {"RUS"}) in _events("France condemned the Russian strike on Kyiv.")


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        # two participles share one passive subject and one agent
        ("The Japanese journalist was detained and deported by Myanmar.", "MMR", "COERCE", "JPN"),
        ("The Ukrainian pilot was captured and interrogated by Russian troops.", "RUS", "ASSAULT", "UKR"),
        # no agent: the authorities of the place acted on the passive's subject
        ("Ali Karimi, a suspected smuggler, was beaten and killed in a secret police jail in Iran.", "IRN", "ASSAULT",
         "person~ali-karimi"),
    ],
)
def test_conjoined_passive_participles_share_their_subject_and_agent(sentence, source, type_, target):
    assert ({source}, type_, {target}) in _events(sentence)


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        # a conjunct that is no actor itself stands for the organisation that names it
        ("Norway and the ASEAN bloc signed a trade pact.", "NOR", "SUPPORT", "ASEAN"),
        ("Canada and the NATO alliance held talks in Ottawa.", "CAN", "CONSULT", "NATO"),
    ],
)
def test_a_conjunct_named_by_an_organisation_is_the_counterpart_of_a_symmetric_act(sentence, source, type_, target):
    assert ({source}, type_, {target}) in _events(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # no side is named the aggressor of a clash, and allies who strike together are not each other's target
        "India and the Chinese army clashed along the border.",
        "Russia and Syria launched air strikes on Idlib.",
    ],
)
def test_conjoined_subjects_of_a_hostile_act_are_not_made_each_others_target(sentence):
    assert all(len(source) == 2 and not target for source, type_, target in _events(sentence) if type_ == "ASSAULT")


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        # a plural body with no name is an actor under its own words (no target invented from elsewhere)
        ("Cuba banned opposition parties.", "opposition-parties"),
        ("The Belarusian government outlawed three opposition parties on Monday.", "opposition-parties"),
        ("The junta expelled aid agencies from Niger.", "aid-agencies"),
        ("The militia ordered foreign aid agencies out of the province.", "aid-agencies"),
    ],
)
def test_parties_and_agencies_named_by_a_common_noun_are_actors_acted_on(sentence, body):
    assert any(any(body in t for t in target) for _, _, target in _events(sentence))


@pytest.mark.parametrize(
    ("sentence", "source", "target", "place"),
    [
        ("The bank refused to reply to a petition from the French authorities for client data because the files "
         "were kept in Panama.", "body~-~bank", "FRA", "PAN"),
        ("The Belgian bank declined to answer a request from the Dutch prosecutors because the accounts were held "
         "in Cyprus.", "BEL", "NLD", "CYP"),
    ],
)
def test_a_clause_of_reason_names_no_target(sentence, source, target, place):
    refusals = [(s, g) for s, t, g in _events(sentence) if t == "REJECT"]
    assert ({source}, {target}) in refusals
    assert all(place not in g for _, g in refusals)


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Iran threatened to quit the talks if France went ahead with the sanctions.", "IRN", "FRA"),
        ("Russia threatened to leave the treaty if Norway joined the exercises.", "RUS", "NOR"),
    ],
)
def test_a_condition_still_names_the_target_of_a_threat(sentence, source, target):
    assert ({source}, "THREATEN", {target}) in _events(sentence)


@pytest.mark.parametrize(
    ("sentence", "source", "target", "bystander"),
    [
        ("Austria refused to reply to a petition from the Czech government after Hungary closed its embassy.",
         "AUT", "CZE", "HUN"),
        ("Peru refused to reply to a letter from the Chilean government once Bolivia recalled its envoy.", "PER",
         "CHL", "BOL"),
    ],
)
def test_a_clause_of_time_names_no_target(sentence, source, target, bystander):
    refusals = [(s, g) for s, t, g in _events(sentence) if t == "REJECT"]
    assert ({source}, {target}) in refusals
    assert all(bystander not in g for _, g in refusals)


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("The Kenyan ministry says it will provide a grant and a loan to the Mombasa Port Authority.", "KEN",
         "org~mombasa-port-authority"),
        ("The World Bank will provide a grant and a credit line to the Nepalese government.", "WORLD_BANK", "NPL"),
        ("Qatar pledged fuel and a cash grant to the Gaza Electricity Company.", "QAT",
         "org~gaza-electricity-company"),
    ],
)
def test_the_recipient_may_hang_from_the_last_of_several_objects(sentence, source, target):
    assert any(s == {source} and g == {target} for s, _, g in _events(sentence))
