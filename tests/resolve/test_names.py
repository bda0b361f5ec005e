"""Name matching: a transliteration-tolerant key that merges garbled spellings and keeps different names apart."""

from __future__ import annotations

import pytest

from wirewatch.resolve import normalise, skeleton


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bagheri Kani", "Bagheri Ghani"),
        ("Bagheri Kani", "Baqeri Kani"),
        ("Bagheri Kani", "Bagheri Gani"),
        ("Ebrahim Raisi", "Ibrahim Raisi"),
        ("Qassem Jalali", "Kazem Jalali"),
        ("Jake Sullivan", "Jack Sullivan"),
        ("Sergei Shoigu", "Sergey Shoygu"),
        ("Abbas Araghchi", "Abbas Araqchi"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ],
)
def test_spelling_variants_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Putin", "Peskov"), ("Lavrov", "Larijani"), ("Ali Khamenei", "Ali Bagheri"), ("Kim Jong Un", "Kim Yo Jong")],
)
def test_different_names_keep_different_skeletons(a, b):
    assert skeleton(a) != skeleton(b)


def test_normalise_folds_accents_hyphens_and_case():
    assert normalise("Bagheri-Kani") == "bagheri kani"
    assert normalise("  Erdoğan ") == "erdogan"
    assert normalise("O'Brien") == "obrien"
