"""Quotes: direct, split, colon-cued, partial and indirect, each attributed to a resolved speaker."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import extract_text
from wirewatch.extract import find_quoted_spans

pytestmark = pytest.mark.slow


def _quotes(text: str) -> list[tuple[str | None, str, str]]:
    result = extract_text(text, published=date(2024, 4, 20))
    keys = {a.id: a.key for a in result.actors}
    return [(keys.get(q.speaker) if q.speaker else None, q.kind, q.text) for q in result.quotes]


def test_quoted_spans_are_found_with_straight_and_curly_marks():
    text = 'He said “we will talk” and then "we will see what happens".'
    assert [text[s:e] for s, e in find_quoted_spans(text)] == ["we will talk", "we will see what happens"]


def test_a_quote_left_open_at_a_paragraph_end_runs_on_when_the_next_reopens():
    text = "“First part of the statement.\n\n“Second part,” she said."
    spans = find_quoted_spans(text)
    assert text[spans[0][0] : spans[0][1]].startswith("First part") and "Second part" in text[spans[0][0] : spans[0][1]]


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "start"),
    [
        ("“We will not accept this ultimatum,” Kremlin spokesman Dmitry Peskov said on Monday.",
         "person:dmitry-peskov", "direct", "We will not accept"),
        ("Kremlin spokesman Dmitry Peskov said: “Russia is ready to talk to anyone.”",
         "person:dmitry-peskov", "direct", "Russia is ready"),
        ("Dmitry Peskov spoke to reporters. “We are watching this very closely,” he said.",
         "person:dmitry-peskov", "direct", "We are watching"),
        ("Jake Sullivan visited Kyiv. The US official said: “Our support will continue for as long as it takes.”",
         "person:jake-sullivan", "direct", "Our support"),
        ("Iranian Foreign Minister Abbas Araghchi said that Tehran would respond to any attack.",
         "person:abbas-araghchi", "indirect", "Tehran would respond"),
        ("According to the Kremlin, the two presidents discussed the war in detail.",
         "country:RUS:GOV", "indirect", "the two presidents"),
    ],
)
def test_a_quote_is_attributed_to_its_speaker(text, speaker, kind, start):
    quotes = _quotes(text)
    matching = [q for q in quotes if q[2].startswith(start)]
    assert matching, quotes
    assert matching[0][:2] == (speaker, kind)


def test_a_quote_split_around_its_cue_gives_both_halves_to_the_speaker():
    text = "“We want peace,” Turkish President Recep Tayyip Erdogan said, “but not at any price.”"
    quotes = _quotes(text)
    assert len(quotes) >= 1
    assert all(q[0] == "person:recep-tayyip-erdogan" for q in quotes if len(q[2].split()) >= 4)


def test_scare_quotes_are_not_quotes():
    assert _quotes("The so-called “allies” met in Moscow.") == []


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Kremlin spokesman Dmitry Peskov said that the talks would go ahead.", "assert"),
        ("Kremlin spokesman Dmitry Peskov denied that Russian troops had crossed the border.", "deny"),
        ("Kremlin spokesman Dmitry Peskov confirmed that the two presidents would meet in June.", "confirm"),
        ("Kremlin spokesman Dmitry Peskov warned that any attack would meet a firm response.", "warn"),
        ("Kremlin spokesman Dmitry Peskov expressed hope that the dialogue would continue next year.", "hope"),
        ("Kremlin spokesman Dmitry Peskov expressed concern that the ceasefire might not hold much longer.",
         "express concern"),
        ("“Stop the shelling of civilian areas now,” Kremlin spokesman Dmitry Peskov urged.", "call for"),
    ],
)
def test_the_cue_gives_the_stance(text, stance):
    result = extract_text(text, published=date(2024, 4, 20))
    assert [q.stance for q in result.quotes] == [stance]


def test_a_quote_names_the_actors_it_is_about():
    result = extract_text("Kremlin spokesman Dmitry Peskov said that Russia would not supply weapons to Iran.",
                          published=date(2024, 4, 20))
    keys = {a.id: a.key for a in result.actors}
    assert {keys[a] for a in result.quotes[0].about} == {"country:RUS", "country:IRN"}


def test_an_event_asserted_in_a_quote_points_to_it():
    result = extract_text("Ukraine's defence ministry said that Russian forces shelled Kharkiv on Friday.",
                          published=date(2024, 4, 20))
    event = next(e for e in result.events if e.type == "ASSAULT")
    assert event.quote == result.quotes[0].id
    assert result.quotes[0].speaker == event.according_to


def _said(text: str, published: date = date(2024, 4, 20)) -> list[tuple[str | None, str | None, str, str]]:
    """Every quote as (speaker key, speaker words, kind, text)."""
    result = extract_text(text, published=published)
    keys = {a.id: a.key for a in result.actors}
    return [(keys.get(q.speaker) if q.speaker else None, q.speaker_text, q.kind, q.text) for q in result.quotes]


@pytest.mark.parametrize(
    ("text", "speaker_text", "start"),
    [
        ("Several residents complained they had not been warned about the closure of the clinic.",
         "Several residents", "they had not been warned"),
        ("Local fishermen say the new quota will ruin the autumn season for small boats.",
         "Local fishermen", "the new quota will ruin"),
        ("The mayor, who said that the bridge would reopen in June, left the meeting early.",
         "The mayor", "the bridge would reopen"),
    ],
)
def test_reported_speech_keeps_a_speaker_no_actor_stands_for(text, speaker_text, start):
    assert [(q[1], q[2]) for q in _said(text) if q[3].startswith(start)] == [(speaker_text, "indirect")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ferry operator tweeted that the crossing was cancelled for the whole weekend.", "tweeted"),
        ("The old harbour master recalled that the river had never risen so fast in his lifetime.", "recalled"),
        ("The union wrote that its members would strike if the pension plan was cut again.", "wrote"),
        ("The senator argued that the new tax would hurt farmers more than anyone else in the state.", "argued"),
        ("Several residents complained they had not been warned about the closure of the clinic.", "complained"),
        ("“It was a long and tiring meeting,” the treasurer recalled on Friday.", "recalled"),
    ],
)
def test_verbs_of_saying_beyond_said_are_cues(text, cue):
    result = extract_text(text, published=date(2024, 4, 20))
    assert [q.cue for q in result.quotes] == [cue]


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("“No,” the treasurer said. “We never agreed to sell the old depot to anyone.”", "the treasurer"),
        ("“Never,” the coach said. “This team has never given up in the final minutes of a game.”", "the coach"),
    ],
)
def test_a_short_first_half_of_a_split_quote_gives_its_speaker_to_the_second(text, speaker_text):
    assert [q[1] for q in _said(text)] == [speaker_text]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Readers wrote to us after the debate.\n\n“Our town deserves better roads and safer crossings for its "
         "children.” \u2015 Maria Lopez\n“The council has ignored the north side of the city for far too long.” "
         "\u2015 Tom Berg", ["Maria Lopez", "Tom Berg"]),
        ("Voters spoke to us outside the hall.\n\n“I came to hear about jobs and heard nothing about them at all.” "
         "\u2014 Ana Ruiz, a nurse", ["Ana Ruiz"]),
    ],
)
def test_a_quote_signed_with_a_dash_and_a_name_is_that_persons(text, speakers):
    assert [q[1] for q in _said(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Sergei Lavrov spoke at length about the sanctions at a news conference in Minsk.\n\n"
         "“The West has run out of ideas and now it is running out of money too.”", "person:sergei-lavrov"),
        ("President Volodymyr Zelensky was cautious when asked about the new missiles.\n\n"
         "“Some things are better done than announced, and this is one of them.”", "person:volodymyr-zelensky"),
    ],
)
def test_a_paragraph_that_is_only_a_quotation_speaks_for_the_person_before_it(text, speaker):
    assert [q[0] for q in _said(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "speaker_text"),
    [
        ("\"I think the bridge will be finished by May,\" the mayor said during a visit to the site, \"but the "
         "rain could slow us down.\"", None, "the mayor"),
        ("The Chinese foreign ministry said on Monday that the drills near Taiwan were routine. “Japan has no "
         "reason to protest against them,” it added.", "country:CHN:GOV", "it"),
        ("The Turkish defence ministry said the patrols would continue. “Greece knows our position on the islands "
         "very well,” it added.", "country:TUR:MIL", "it"),
        ("Kremlin spokesman Dmitry Peskov spoke to reporters. “Joe Biden knows our position on this very well,” "
         "he said.", "person:dmitry-peskov", "he"),
        ("Olaf Scholz met reporters after the summit. “Emmanuel Macron and I agree on almost every point,” he said.",
         "person:olaf-scholz", "he"),
    ],
)
def test_the_speaker_is_the_cues_subject_never_a_name_inside_the_quote(text, speaker, speaker_text):
    assert {(q[0], q[1]) for q in _said(text) if q[2] == "direct"} == {(speaker, speaker_text)}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("UNITED NATIONS — Secretary-General Antonio Guterres said on Tuesday that the aid convoys had to be let "
         "through.", "person:antonio-guterres"),
        ("MOSCOW — The head of Russia's Federal Security Service, Alexander Bortnikov, said that foreign agents had "
         "planned the attack.", "person:alexander-bortnikov"),
    ],
)
def test_a_dateline_is_never_the_speaker(text, speaker):
    assert [q[0] for q in _said(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The head of Russia's Federal Security Service, Alexander Bortnikov, said that foreign agents had "
         "planned the attack.", "person:alexander-bortnikov"),
        ("The chief of Ukraine's military intelligence, Kyrylo Budanov, said that Russian forces were running "
         "short of shells.", "person:kyrylo-budanov"),
    ],
)
def test_a_role_phrase_with_a_name_in_apposition_is_that_person(text, speaker):
    assert [q[0] for q in _said(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Josep Borrell arrived in Kyiv on Monday. The EU's top diplomat said that Europe would keep sending air "
         "defence systems.", "person:josep-borrell"),
        ("Antonio Guterres visited the camp on Monday. The UN chief said that aid deliveries had to resume without "
         "delay.", "person:antonio-guterres"),
        ("Sergei Lavrov met Wang Yi in Beijing. “We discussed the situation in Ukraine and the Middle East,” the "
         "Russian foreign minister said.", "person:sergei-lavrov"),
        ("David Cameron arrived in Kyiv on Thursday. The foreign secretary said that Britain would fund more drones "
         "this year.", "person:david-cameron"),
        ("Antony Blinken landed in Riyadh on Monday. The secretary of state said that a ceasefire deal was within "
         "reach.", "person:antony-blinken"),
    ],
)
def test_a_role_phrase_speaker_is_the_person_who_holds_the_office(text, speaker):
    assert [q[0] for q in _said(text)][-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A Kremlin statement said the two presidents had talked by phone. The talks covered the grain deal, the "
         "statement said, without giving details.", "country:RUS:GOV"),
        ("The talks were cordial, a readout from the Chinese foreign ministry said. According to the readout, the "
         "two ministers agreed to meet again in the autumn.", "country:CHN:GOV"),
    ],
)
def test_the_statement_said_is_whoever_issued_the_statement_named_before(text, speaker):
    assert [q[0] for q in _said(text)][-1] == speaker


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Alexander Bortnikov said that he believed foreign agents were behind the fire at the depot.",
         "he believed foreign agents"),
        ("Recep Tayyip Erdogan said that he expected the talks to resume before the end of the month.",
         "he expected the talks"),
    ],
)
def test_a_reported_clause_inside_another_of_the_same_speaker_is_part_of_it(text, start):
    assert [q[3][: len(start)] for q in _said(text)] == [start]


@pytest.mark.parametrize(
    ("text", "start", "partial"),
    [
        ("The mayor says he is confident that there has been \"no wrongdoing of any kind\" at the depot.",
         "he is confident", "no wrongdoing of any kind"),
        ("The governor says the senator's late-night posts about the budget were “reckless, even for him.”",
         "the senator's late-night posts", "reckless, even for him"),
        ("The union leader said he hopes the strike sends a message that “workers are standing up for their "
         "pensions.”", "he hopes the strike", "workers are standing up"),
        ("The mayor said the city “will not give up on the north side, whatever the budget says.”",
         "will not give up", "whatever the budget says"),
        ("The minister said that “the talks will go on for as long as they need to.”",
         "the talks will go on", "as long as they need to"),
    ],
)
def test_a_reported_clause_holding_a_partial_quotation_is_one_mixed_quote(text, start, partial):
    [(_, _, kind, quoted)] = _said(text)
    assert kind == "mixed" and quoted.startswith(start) and partial in quoted


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("The plant, Ms. Dale said, was never profitable after the flood.", "Ms. Dale"),
        ("The vote, the mayor said, would be held again in the spring.", "the mayor"),
    ],
)
def test_a_cue_set_inside_its_sentence_makes_the_sentence_the_quote(text, speaker_text):
    assert [(q[1], q[2]) for q in _said(text)] == [(speaker_text, "indirect")]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The fire started around 9 p.m., according to fire chief Ellen Marks, in a warehouse on Dock Street.",
         "The fire started"),
        ("Turnout rose sharply, according to the county clerk, in every district north of the river.",
         "Turnout rose sharply"),
        ("Most of the new classrooms will open next spring, according to the district's building plan.",
         "Most of the new classrooms"),
        ("Local farmers have seen their yields fall by a third since the drought began, according to figures "
         "from the regional farm office.", "Local farmers have seen"),
    ],
)
def test_according_to_in_or_at_the_end_of_a_sentence_reports_the_sentence(text, start):
    assert [(q[2], q[3][: len(start)]) for q in _said(text)] == [("indirect", start)]


def test_according_to_after_a_cue_of_its_own_is_no_second_quote():
    text = "Kremlin spokesman Dmitry Peskov said the talks would go ahead, according to the state news agency."
    assert [q[0] for q in _said(text)] == ["person:dmitry-peskov"]


@pytest.mark.parametrize(
    ("text", "turns"),
    [
        ("The radio host spoke with the candidate on Sunday morning.\n\nHARPER: Thank you for joining us this "
         "morning, it has been a long week for your campaign.\n\nMOLINA: It has, but the voters I met in the valley "
         "want to talk about water, not polls.", ["HARPER", "MOLINA"]),
        ("A transcript of the interview follows.\n\nREPORTER: What will you do first if the council backs your "
         "plan?\n\nMS. OKAFOR: We will repair the clinic roof before the rains come back in April.",
         ["REPORTER", "MS. OKAFOR"]),
    ],
)
def test_an_interview_transcript_gives_each_turn_to_its_labelled_speaker(text, turns):
    assert [q[1] for q in _said(text) if q[2] == "direct"] == turns


def test_a_single_capitalised_label_is_no_transcript():
    assert _said("The report was published on Monday.\n\nUPDATE: The council will meet again next week to vote.") == []


@pytest.mark.parametrize(
    ("text", "published", "speaker"),
    [
        ("Kaja Kallas arrived in Kyiv on Monday. The EU's top diplomat said that Europe would not abandon "
         "Ukraine.", date(2025, 3, 3), "person:kaja-kallas"),
        ("Rafael Grossi toured the plant on Tuesday. The IAEA chief said that the reactors were in a safe state.",
         date(2024, 4, 20), "person:rafael-grossi"),
        ("Hakan Fidan met his Greek counterpart in Athens. The Turkish foreign minister said that the two "
         "countries would resume talks.", date(2024, 4, 20), "person:hakan-fidan"),
        ("Dmitry Peskov spoke to reporters on Monday. The Kremlin spokesman said that the summit would go ahead.",
         date(2024, 4, 20), "person:dmitry-peskov"),
        ("Mao Ning took questions on Monday. The Chinese foreign ministry spokeswoman said that Beijing would "
         "respond firmly.", date(2024, 4, 20), "person:mao-ning"),
        ("Vladimir Putin met Sergei Lavrov in Moscow. The Russian president said the talks with Washington had been "
         "useful.", date(2024, 4, 20), "person:vladimir-putin"),
        ("Emmanuel Macron hosted the summit in Paris. The French president said that Europe had to spend more on "
         "defence.", date(2024, 4, 20), "person:emmanuel-macron"),
    ],
)
def test_a_role_word_of_a_body_or_country_names_its_office_holder(text, published, speaker):
    assert [q[0] for q in _said(text, published)][-1] == speaker
