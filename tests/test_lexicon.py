"""The trigger lexicon and the crosswalk: every row is valid and every inflected form finds its verb."""

from __future__ import annotations

import pytest

from wirewatch.extract._lexicon import crosswalk, inflections, lexicon, quad_class

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("target", {"targets", "targeted", "targeting"}),
        ("expel", {"expels", "expelled", "expelling"}),
        ("meet", {"meets", "met", "meeting"}),
        ("sign", {"signs", "signed", "signing"}),
        ("supply", {"supplies", "supplied", "supplying"}),
        ("strike", {"strikes", "struck", "striking"}),
        ("impose", {"imposes", "imposed", "imposing"}),
        ("kidnap", {"kidnapped", "kidnapping"}),
    ],
)
def test_a_verb_has_its_inflected_forms(verb, forms):
    assert forms <= inflections(verb)


def test_every_trigger_names_a_plover_type_and_a_known_cameo_code():
    codes = crosswalk()
    lex = lexicon()
    for rules in [*lex.verbs.values(), *lex.nouns.values()]:
        for rule in rules:
            assert rule.type in PLOVER and rule.cameo in codes


def test_all_sixteen_plover_types_can_be_coded():
    lex = lexicon()
    types = {r.type for rules in [*lex.verbs.values(), *lex.nouns.values()] for r in rules}
    assert types == PLOVER


@pytest.mark.parametrize(("code", "quad"), [("036", 1), ("057", 1), ("064", 2), ("0841", 2), ("112", 3),
                                            ("138", 3), ("141", 4), ("195", 4)])
def test_quad_class_follows_the_cameo_root(code, quad):
    assert quad_class(code) == quad


def test_goldstein_scores_come_from_gdelts_table():
    assert crosswalk()["195"].goldstein == -10.0
    assert crosswalk()["057"].goldstein == 8.0
    assert crosswalk()["041"].mode == "phone"
