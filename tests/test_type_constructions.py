"""Event types decided by construction (issue 11): the PLOVER type of an act follows the crosswalk and the PLOVER
manual's definitions, whatever word names it, and a ministry named by its building is its state's government.

Sentences are written for these tests; each row shows one construction.
"""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import extract_text
from wirewatch.records import Extraction

pytestmark = pytest.mark.slow

PUBLISHED = date(2024, 4, 20)


def _code(result: Extraction, actor_id: str) -> str:
    actor = next(a for a in result.actors if a.id == actor_id)
    return actor.code or actor.name


def _events(text: str) -> list[tuple[str, str, str, str]]:
    """(first source code, type, target codes joined by "+", modality) of every event coded in a text."""
    result = extract_text(text, published=PUBLISHED)
    return [(_code(result, e.source[0]) if e.source else "", e.type,
             "+".join(_code(result, t) for t in e.target), e.modality) for e in result.events]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Quai d'Orsay condemned the bombing of the clinic on Sunday.", "FRAGOV"),
        ("The Quai d’Orsay summoned the Iranian envoy after the arrests.", "FRAGOV"),
        ("A spokesman for the Quai said Paris would not send observers.", "FRAGOV"),
        ("The Sublime Porte sent an envoy to Vienna in the spring of 1853.", "TURGOV"),
        ("In the autumn the Porte declared war on its northern neighbour.", "TURGOV"),
        ("Foggy Bottom criticised the new settlement plan.", "USAGOV"),
        ("Whitehall announced a freeze on the oligarch's assets.", "GBRGOV"),
    ],
)
def test_a_ministry_named_by_its_building_is_its_states_government(text, code):
    result = extract_text(text, published=PUBLISHED)
    assert [a.code for a in result.actors if a.kind != "state"][:1] == [code]
    assert not any(a.kind == "person" for a in result.actors)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Speaker Tip O'Neill met the Irish premier in Boston.", "Tip O'Neill"),
        ("Senator Bridget D'Amato criticised the budget on Monday.", "Bridget D'Amato"),
    ],
)
def test_a_name_ending_in_an_apostrophe_piece_keeps_it(text, name):
    result = extract_text(text, published=PUBLISHED)
    assert name in [a.name for a in result.actors if a.kind == "person"]


def _has(text: str, source: str, type_: str, target: str) -> bool:
    return any(s == source and t == type_ and (not target or target in g.split("+")) for s, t, g, _ in _events(text))


@pytest.mark.parametrize(
    ("text", "source", "type_", "target"),
    [
        # a call for sanctions is a criticism of their target (CAMEO 111), not the sanctions themselves
        ("Poland's president called for sanctions against Belarus after the border incident.", "POL", "ACCUSE",
         "BLR"),
        ("Several Baltic lawmakers have called for an embargo on Russian gas over the poisoning.", "---LEG",
         "ACCUSE", "RUS"),
        # a warning that blames a danger on an actor's act criticises that actor
        ("Japan on Monday warned that China's new coast guard law threatens the security of the region.", "JPN",
         "ACCUSE", "CHN"),
        ("Berlin warned on Friday that Hungary's veto endangers European unity.", "DEUGOV", "ACCUSE", "HUN"),
        ("Seoul warned that Pyongyang's missile tests undermine regional stability.", "KORGOV", "ACCUSE", "PRKGOV"),
        # an order that shuts, suspends or expels its object is coercion (172, 174), not a request
        ("The Turkish interior ministry ordered the Kurdish weekly Ozgur to suspend publication for a month.",
         "TURGOV", "COERCE", ""),
        ("The Nicaraguan government ordered the Spanish reporter Ana Ruiz to leave the country within two days.",
         "NICGOV", "COERCE", "ESP"),
        # an attack made in words is a criticism: a modifier or a verb of speech says so
        ("The Hungarian prime minister launched a stinging attack on the European Commission on Friday.", "HUN",
         "ACCUSE", "---IGO"),
        ("Turkey's president attacked Sweden on Tuesday, accusing it of harbouring militants.", "TUR", "ACCUSE",
         "SWE"),
        ("Russia launched a massive attack on Ukraine's energy grid.", "RUS", "ASSAULT", "UKR"),
        ("Israel launched a fierce attack on Hamas positions in Gaza.", "ISR", "ASSAULT", "PSEREB"),
        # a name called is a criticism, or a praise when the name is one
        ("The Brazilian president called his Argentine counterpart a liar on Tuesday.", "BRA", "ACCUSE", "ARG"),
        ("The Turkish president called the German chancellor a reliable partner.", "TUR", "SUPPORT", "DEU"),
        ("The Venezuelan leader on Monday called the Colombian president a puppet of Washington.", "VEN", "ACCUSE",
         "COL"),
        ("The Iranian president called the French president an enemy of Islam.", "IRN", "ACCUSE", "FRA"),
        # a call made to congratulate or apologise is coded for what it says
        ("The premier of Kenya phoned the Ghanaian president to congratulate him on his victory.", "KEN",
         "SUPPORT", "GHA"),
        ("The Japanese prime minister telephoned the South Korean president to apologise for the remarks.", "JPN",
         "SUPPORT", "KOR"),
        ("The Indian prime minister phoned the Turkish president to offer condolences after the earthquake.", "IND",
         "SUPPORT", "TUR"),
        # goods flown in are aid, a traveller flown in a visit
        ("The Red Cross flew relief supplies to Haiti after the storm.", "---NGO", "AID", "HTI"),
        ("A Qatari charity flew ten tonnes of medicine into Sudan on Sunday.", "QAT", "AID", "SDN"),
        ("The Canadian foreign minister flew to Kyiv on Monday.", "CAN", "CONSULT", "UKRGOV"),
        ("The Greek prime minister arrived in Ankara on Monday.", "GRC", "CONSULT", "TUR"),
        ("Georgian students received the education minister at their campus.", "GEOEDU", "CONSULT", "---GOV"),
        # borders opened to refugees grant asylum (075); a crossing opened to a place allows access
        ("Jordan opened its borders to refugees from the fighting in Syria.", "JOR", "AID", "---REF"),
        ("Chad has opened its doors to Sudanese refugees.", "TCD", "AID", "SDNREF"),
        ("Egypt opened the Rafah crossing to Gaza.", "EGY", "RETREAT", "PSE"),
        # a person forced out of a country is expelled (COERCE 174); a mission forced out is a sanction (166)
        ("Loyalist troops forced the Ugandan opposition leader out of the country.", "---MIL", "COERCE", "UGA"),
        ("The Malian junta forced the UN observers out of the country.", "MLI", "SANCTION", "---IGO"),
        ("Eritrea forced the UN children's agency out of the country last spring.", "ERI", "SANCTION", "---IGO"),
        # an embargo imposed is a sanction (CAMEO 163), as sanctions imposed are
        ("The Arab League imposed an oil embargo on Denmark over the cartoons.", "---IGO", "SANCTION", "DNK"),
        ("Washington slapped a trade embargo on Caracas in 2019.", "USAGOV", "SANCTION", "VENGOV"),
        # a publication or broadcast suspended is censorship (COERCE 1721), not a cut in relations
        ("Officials in Algiers have suspended the opposition weekly El Watan's publication.", "DZAGOV", "COERCE", ""),
        ("The Bolivian government suspended the broadcasting licence of an opposition radio station.", "BOLGOV",
         "COERCE", ""),
        # a team sent is typed by who is in it: doctors are aid, negotiators a visit
        ("Beijing sent a team of doctors and medical supplies to the Nepalese capital.", "CHNGOV", "AID", "NPL"),
        ("Tokyo sent a group of rescuers to Turkey after the earthquake.", "JPNGOV", "AID", "TUR"),
        ("Cairo sent a team of negotiators to Doha on Sunday.", "EGYGOV", "CONSULT", "QATGOV"),
        # an offer or a mediation accepted is an agreement (030, 038); a demand accepted a concession (083)
        ("The Malian government accepted an offer from Algeria to host talks with the rebels.", "MLIGOV", "AGREE",
         "DZA"),
        ("The Sudanese army has accepted a Saudi proposal for a week-long truce.", "SDNMIL", "AGREE", "SAU"),
        ("Khartoum accepted mediation by the African Union.", "SDNGOV", "AGREE", "---IGO"),
        ("The Armenian premier accepted Azerbaijan's demands on the border villages.", "ARM", "CONCEDE", "AZE"),
    ],
)
def test_an_act_is_typed_by_its_construction(text, source, type_, target):
    events = _events(text)
    assert _has(text, source, type_, target), f"no {source} {type_} {target} in {events}"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Poland's president called for sanctions against Belarus after the border incident.", "SANCTION"),
        ("A British think tank has called for a boycott of the games over the crackdown.", "PROTEST"),
        ("The minister warned on Tuesday that the drought threatens the stability of the Sahel.", "THREATEN"),
        ("The Egyptian foreign minister warned that the truce in Gaza would collapse within days.", "THREATEN"),
        ("The IMF warned Pakistan that its economy would deteriorate without reforms.", "THREATEN"),
        ("The UN warned that Sudan's famine is spreading.", "ACCUSE"),
        ("Japan on Monday warned that China's new coast guard law threatens the security of the region.",
         "THREATEN"),
        ("Ankara would agree to reopen the consulate only if Damascus expels the militants, the minister said.",
         "THREATEN"),
        ("Athens will restore the ferry link if Ankara frees the two fishermen, the minister told reporters.",
         "THREATEN"),
        ("The Turkish interior ministry ordered the Kurdish weekly Ozgur to suspend publication for a month.",
         "REQUEST"),
        ("The Brazilian president called his Argentine counterpart a liar on Tuesday.", "REQUEST"),
        ("Turkey's president attacked Sweden on Tuesday, accusing it of harbouring militants.", "ASSAULT"),
        ("The Kuwaiti emir rang Jordanian King Abdullah late on Sunday to convey his backing for Amman.", "ACCUSE"),
        # migrants and craft travel without visiting anyone
        ("Some 300 Tunisian migrants arrived in Italy on Sunday.", "CONSULT"),
        ("Hundreds of Afghan refugees arrived in Pakistan last week.", "CONSULT"),
        ("A Turkish cargo plane flying from Ankara to Libya was forced to land in Greece.", "CONSULT"),
    ],
)
def test_a_construction_does_not_code_the_type_its_words_suggest(text, absent):
    assert absent not in [t for _, t, _, _ in _events(text)]


@pytest.mark.parametrize(
    ("text", "source", "type_", "modality"),
    [
        # a warning addressed to its target that the speaker will act is a threat, however the clause hangs
        ("North Korea warned Seoul in a statement that it would respond with force to any provocation.", "PRK",
         "THREATEN", "asserted"),
        ("Iran warned Israel against any attack on its nuclear sites.", "IRN", "THREATEN", "asserted"),
        ("The Kremlin warned Finland that Moscow would take countermeasures.", "RUSGOV", "THREATEN", "asserted"),
        # an act begun to protest makes the protest happen: it is no plan
        ("A detained Kurdish journalist has begun a hunger strike to protest his detention by Turkish "
         "authorities, his lawyer said.", "---MED", "PROTEST", "reported"),
        # a participle that follows an act to come is to come as well
        ("The Burmese junta will extend the curfew in Rakhine state, banning gatherings of more than five people.",
         "MMR", "THREATEN", "future"),
        ("Beijing will halt all flights from Taipei next week, suspending the new trade talks.", "CHNGOV",
         "THREATEN", "future"),
        ("Jailed Iranian activists have begun a sit-in to protest against the Iranian judiciary.", "IRNCVL",
         "PROTEST", "asserted"),
    ],
)
def test_the_framing_of_a_warning_or_a_purpose_follows_its_clause(text, source, type_, modality):
    events = _events(text)
    assert any(s == source and t == type_ and m == modality for s, t, _, m in events), events


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The Ethiopian army prevented UN agencies from delivering food to Tigray.", "AID"),
        ("Israeli police stopped the Jordanian minister from visiting the mosque compound.", "CONSULT"),
        ("Hungary blocked the European Union from sending more weapons to Ukraine.", "AID"),
    ],
)
def test_an_act_someone_was_prevented_from_doing_did_not_happen(text, type_):
    modalities = [m for _, t, _, m in _events(text) if t == type_]
    assert modalities and set(modalities) == {"negated"}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a hostile act on a condition, told by the doer's own side, is a threat
        ("The EU could impose new sanctions on Belarus if the crackdown goes on, two EU diplomats said.",
         "THREATEN"),
        ("Russia could cut gas supplies to Moldova if it joins the sanctions, Peskov said.", "THREATEN"),
        # the same foreseen by onlookers is the act itself, held as hypothetical
        ("Washington could halt arms sales to Riyadh if the war drags on, analysts said.", "SANCTION"),
        ("Iran could block the Strait of Hormuz if the war widens, experts warned.", "COERCE"),
        ("Analysts said Venezuelans could return to the streets if the election result is annulled.", "PROTEST"),
    ],
)
def test_a_condition_is_a_threat_only_when_the_doers_side_states_it(text, type_):
    events = _events(text)
    assert [(t, m) for _, t, _, m in events if t in {type_, "THREATEN"}] == [(type_, "hypothetical")], events


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Chilean students returned to the streets on Thursday against the education reform.", "CHLEDU"),
        ("Thousands of Serbian farmers returned to the streets of Belgrade on Monday.", "SRBCVL"),
    ],
)
def test_returning_to_the_streets_is_a_protest(text, source):
    assert _has(text, source, "PROTEST", "")
