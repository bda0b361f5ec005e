"""Whether an event happened: plans and expectations are future, denied claims are denied by the one who denies
them, a negation covers only what it governs, and a warning of danger is no threat.

Each row is a sentence of our own in the style of wire copy, with the event a careful coder records (or must not
record). Countries or organisation keys stand for the actors.
"""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import extract_text

from .coding import actor_codes

pytestmark = pytest.mark.slow

PUBLISHED = date(2024, 4, 20)


def _events(text: str) -> list[tuple[set[str], str, set[str], str, set[str]]]:
    result = extract_text(text, published=PUBLISHED)
    return [(actor_codes(result, e.source), e.type, actor_codes(result, e.target), e.modality,
             actor_codes(result, (e.according_to,)) if e.according_to else set()) for e in result.events]


def _find(text: str, source: str, type_: str, target: str) -> tuple[set[str], str, set[str], str, set[str]]:
    events = _events(text)
    matching = [e for e in events if e[1] == type_ and source in e[0] and target in e[2]]
    assert matching, f"no {source} {type_} {target} in {events}"
    return matching[0]


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        # a named event that a predicate puts ahead: planned, expected, scheduled, due
        ("A meeting between the Turkish and Greek foreign ministers is planned for next week.", "TUR", "AGREE",
         "GRC"),
        ("Talks between Armenia and Azerbaijan are expected in Geneva later this month.", "ARM", "AGREE", "AZE"),
        ("Talks between Serbia and Kosovo are scheduled for Monday in Brussels.", "SRB", "AGREE", "XKX"),
        ("The summit between Kenya and Ethiopia, scheduled for June, will focus on the border.", "KEN", "AGREE", "ETH"),
        # verbs of plan and schedule: will, is set to, plans to, is due to
        ("The Brazilian president will visit Argentina next month.", "BRA", "AGREE", "ARG"),
        ("Indonesia is set to sign a defence deal with France.", "IDN", "AGREE", "FRA"),
        ("Vietnam plans to host the Laotian prime minister in August.", "VNM", "AGREE", "LAO"),
        ("The Chilean foreign minister is due to arrive in Peru on Monday.", "CHL", "AGREE", "PER"),
    ],
)
def test_plans_and_expectations_are_future(sentence, source, type_, target):
    assert _find(sentence, source, type_, target)[3] == "future"


@pytest.mark.parametrize(
    "sentence",
    [
        "A meeting between the Turkish and Greek foreign ministers is planned for next week.",
        "The Chilean foreign minister is due to arrive in Peru on Monday.",
        "Indonesia is set to sign a defence deal with France.",
        "Talks between Serbia and Kosovo are scheduled for Monday in Brussels.",
    ],
)
def test_a_plan_is_never_asserted(sentence):
    assert all(e[3] not in {"asserted", "reported"} for e in _events(sentence)), _events(sentence)


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target", "denier"),
    [
        # denying the act itself, with a gerund or a clause
        ("Russia denied supplying missiles to Iran.", "RUS", "AID", "IRN", "RUS"),
        ("North Korea denied providing weapons to Russia for its war.", "PRK", "AID", "RUS", "PRK"),
        ("Iran has denied sending drones to Russia.", "IRN", "AID", "RUS", "IRN"),
        # denying, rejecting or calling false a claim that tells the act
        ("Iran rejected allegations that it sent missiles to Russia.", "IRN", "AID", "RUS", "IRN"),
        ("Hungary denied reports that it had sold tanks to Serbia.", "HUN", "AID", "SRB", "HUN"),
        ("Beijing called the allegations that it armed Russia baseless.", "CHN", "AID", "RUS", "CHN"),
    ],
)
def test_a_denied_act_is_denied_according_to_the_denier(sentence, source, type_, target, denier):
    event = _find(sentence, source, type_, target)
    assert event[3] == "denied"
    assert denier in event[4]


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        ("Allegations that Iran sent weapons to Russia are groundless, the Iranian foreign ministry said.", "IRN",
         "AID", "RUS"),
        ("Claims that Belarus supplied shells to Russia are false, Minsk said on Monday.", "BLR", "AID", "RUS"),
    ],
)
def test_a_claim_called_groundless_is_denied_not_asserted(sentence, source, type_, target):
    assert _find(sentence, source, type_, target)[3] == "denied"


@pytest.mark.parametrize(
    ("sentence", "claimed"),
    [
        ("Iran rejected allegations that it sent missiles to Russia.", "RUS"),
        ("Egypt dismissed reports that it had shipped arms to Libya.", "LBY"),
    ],
)
def test_a_denial_of_a_claim_is_not_aimed_at_the_one_the_claim_names(sentence, claimed):
    assert not [e for e in _events(sentence) if e[1] == "REJECT" and claimed in e[2]]


@pytest.mark.parametrize(
    ("sentence", "negated", "given"),
    [
        ("China has never supported Russia's invasion of Ukraine.", ("CHN", "SUPPORT", "RUS"),
         ("RUS", "ASSAULT", "UKR")),
        ("Brazil did not condemn Israel's strikes on Lebanon.", ("BRA", "ACCUSE", "ISR"),
         ("ISR", "ASSAULT", "LBN")),
    ],
)
def test_a_negation_covers_only_what_it_governs(sentence, negated, given):
    assert _find(sentence, *negated)[3] == "negated"
    assert _find(sentence, *given)[3] == "asserted"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Germany warned that Russia and Iran's cooperation threatens Europe's security.", "DEU"),
        ("Poland warned that Russian drills near its border threaten regional stability.", "POL"),
        ("Japan warned that North Korea's missile tests endanger peace in the region.", "JPN"),
    ],
)
def test_a_warning_of_danger_is_no_threat(sentence, speaker):
    assert not [e for e in _events(sentence) if e[1] == "THREATEN"], _events(sentence)


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Russia warned Ukraine that it would retaliate.", "RUS", "UKR"),
        ("Iran warned that it would respond to any Israeli attack.", "IRN", "ISR"),
        ("Turkey warned Greece of consequences.", "TUR", "GRC"),
    ],
)
def test_a_warning_of_ones_own_act_is_a_threat(sentence, source, target):
    assert _find(sentence, source, "THREATEN", target)[3] == "asserted"


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Kyiv pressed Washington to let it strike targets in Russia.", "UKR", "USA"),
        ("Seoul urged Washington to allow it to build longer-range missiles.", "KOR", "USA"),
    ],
)
def test_pressing_an_ally_to_permit_an_act_is_a_request_not_the_allys_threat(sentence, source, target):
    _find(sentence, source, "REQUEST", target)
    assert not [e for e in _events(sentence) if e[1] in {"THREATEN", "ASSAULT"} and target in e[0]]


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        # a claim whose source goes unnamed is reported, never asserted: allegedly, reportedly, is said to
        ("Iran allegedly supplied drones to Russia.", "IRN", "AID", "RUS"),
        ("Serbia reportedly sold tanks to Hungary last year.", "SRB", "AID", "HUN"),
        ("North Korea is believed to have supplied shells to Russia.", "PRK", "AID", "RUS"),
        ("Belarus is said to have sent missiles to Russia.", "BLR", "AID", "RUS"),
    ],
)
def test_an_unattributed_claim_is_reported(sentence, source, type_, target):
    event = _find(sentence, source, type_, target)
    assert event[3] == "reported"
    assert not event[4]


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        # an act told only as what reports, claims or allegations say is reported, not asserted
        ("Moldova pointed to unverified reports that Russian troops had attacked a village near Tiraspol.",
         "RUS", "ASSAULT", ""),
        ("Germany opened an inquiry into claims that Iran supplied drones to Russia.", "IRN", "AID", "RUS"),
        ("Lithuania cited rumours that Belarus had sent missiles to Russia.", "BLR", "AID", "RUS"),
    ],
)
def test_an_act_told_only_in_a_report_or_claim_is_reported(sentence, source, type_, target):
    event = next(e for e in _events(sentence) if source in e[0] and e[1] == type_ and (not target or target in e[2]))
    assert event[3] == "reported"


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        ("Ukraine hopes to receive more tanks from Germany.", "DEU", "AID", "UKR"),
        ("Serbia wants to receive more weapons from Russia.", "RUS", "AID", "SRB"),
    ],
)
def test_a_wish_is_hypothetical_not_the_other_sides_agreement(sentence, source, type_, target):
    assert not [e for e in _events(sentence) if e[1] == "AGREE"]
    assert _find(sentence, source, type_, target)[3] == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        # "no", "neither … nor" and "failed to" say the act did not happen
        ("No talks were held between Serbia and Kosovo.", "SRB", "CONSULT", "XKX"),
        ("Neither Russia nor Belarus attacked Lithuania.", "RUS", "ASSAULT", "LTU"),
        ("Israeli forces failed to capture the Lebanese village.", "ISR", "ASSAULT", "LBN"),
    ],
)
def test_an_act_that_did_not_happen_is_negated(sentence, source, type_, target):
    assert _find(sentence, source, type_, target)[3] == "negated"


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Azerbaijan wants to attack Armenia, the Armenian defence minister said.", "AZE", "ARM"),
        ("Venezuela hopes to invade Guyana before the elections.", "VEN", "GUY"),
    ],
)
def test_a_wish_to_attack_is_a_threat(sentence, source, target):
    _find(sentence, source, "THREATEN", target)


# -- answers to a claim: a party that rejects, disputes or doubts a claim, or denies any part in an act ----------


def _rejections(sentence: str) -> list[tuple[set[str], set[str]]]:
    """(source, target) of each REJECT the sentence tells as having happened."""
    return [(e[0], e[2]) for e in _events(sentence) if e[1] == "REJECT" and e[3] in {"asserted", "reported"}]


@pytest.mark.parametrize(
    ("sentence", "answerer", "accuser"),
    [
        # a verb of rebuttal with a claim as its object: denied, refuted, disputed, questioned
        ("Hanoi denied the accusations on Tuesday.", "VNM", None),
        ("The Peruvian government refuted the allegations.", "PER", None),
        ("Ankara disputed the Greek claims about the islands.", "TUR", "GRC"),
        ("Nairobi questioned Kampala's assertions.", "KEN", "UGA"),
        # calling a claim false or doubtful
        ("Nairobi called the accusations baseless.", "KEN", None),
        ("The Serbian government called the reports contradictory.", "SRB", None),
        # saying that the claim is false, or that nothing supports it
        ("Islamabad said the allegations were unfounded.", "PAK", None),
        ("The claims are untrue, the Kenyan foreign ministry said.", "KEN", None),
        ("Caracas said there was no truth in the reports.", "VEN", None),
        ("Rabat said the accusations had no basis.", "MAR", None),
        # pointing to conflicting or unverified statements, or casting doubt on them
        ("Chile's foreign ministry pointed to contradictory reports about the incident.", "CHL", None),
        ("Hungary referred to inconsistent claims in the press.", "HUN", None),
        ("Ankara cast doubt on the reports.", "TUR", None),
        ("Vietnam raised doubts about the Chinese claims.", "VNM", "CHN"),
        # denying any part in an act
        ("Rwanda denied any involvement in the ambush.", "RWA", None),
        ("Tehran denied involvement in the drone strike.", "IRN", None),
        ("Minsk said it had nothing to do with the sabotage.", "BLR", None),
        ("Kigali said it played no role in the fighting.", "RWA", None),
    ],
)
def test_an_answer_to_a_claim_is_a_rejection_by_the_answerer(sentence, answerer, accuser):
    found = _rejections(sentence)
    assert any(answerer in source for source, _ in found), _events(sentence)
    assert all(target == ({accuser} if accuser else set()) for source, target in found if answerer in source)


@pytest.mark.parametrize(
    "sentence",
    [
        # declining to speak, not knowing, being unable to confirm: no answer either way
        ("The Egyptian foreign ministry declined to comment on the reports."),
        ("The Kenyan government refused to confirm the deliveries."),
        ("Seoul could not confirm the reports."),
        ("The Turkish foreign ministry said it had no information about the alleged shipments."),
        ("Ankara did not deny the reports."),
        ("The Kenyan government refused to answer questions about the claims."),
        ("The ministry refused to respond to questions about the allegations."),
        # citing unverified reports may back a claim, not answer it
        ("Kyiv pointed to unverified reports that Russian troops had crossed into Moldova."),
        ("Asked about the claims, the Chinese embassy said it was looking into them."),
    ],
)
def test_a_non_denial_is_neither_a_rejection_nor_a_denial(sentence):
    events = _events(sentence)
    assert not _rejections(sentence), events
    assert all(e[3] != "denied" for e in events), events


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Turkey refused to respond to the Greek request for the ships' logs.", "TUR", "GRC"),
        ("Kenya declined to reply to a request from Uganda for the names of the detained men.", "KEN", "UGA"),
    ],
)
def test_refusing_to_answer_a_request_is_still_a_rejection(sentence, source, target):
    assert any(source in s and target in t for s, t in _rejections(sentence)), _events(sentence)


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target", "denier"),
    [
        # a party that says its own act did not happen denies it
        ("Iran said it had not sent drones to Russia.", "IRN", "AID", "RUS", "IRN"),
        ("Minsk said it has never supplied shells to Russia.", "BLR", "AID", "RUS", "BLR"),
        ("A Kremlin spokesman said Russia was not supplying weapons to Iran.", "RUS", "AID", "IRN", "RUS"),
    ],
)
def test_a_party_that_says_its_act_did_not_happen_denies_it(sentence, source, type_, target, denier):
    event = _find(sentence, source, type_, target)
    assert event[3] == "denied"
    assert denier in event[4]


@pytest.mark.parametrize(
    ("sentence", "source", "type_", "target"),
    [
        ("Ukraine said Russia did not attack Kharkiv overnight.", "RUS", "ASSAULT", "UKR"),  # not the doer's word
        ("Russia will not attack Ukraine, the Kremlin spokesman said.", "RUS", "ASSAULT", "UKR"),  # a pledge
    ],
)
def test_a_negation_told_by_another_or_of_the_future_is_no_denial(sentence, source, type_, target):
    assert _find(sentence, source, type_, target)[3] == "negated"
