"""Event dates: relative expressions resolved against the publication date, with their precision."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.extract._dates import resolve_date

SATURDAY = date(2024, 4, 20)  # a Saturday


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on Monday", False, (date(2024, 4, 15), "day")),
        ("on Saturday", False, (date(2024, 4, 20), "day")),
        ("on Monday", True, (date(2024, 4, 22), "day")),
        ("next Tuesday", False, (date(2024, 4, 23), "day")),
        ("last week", False, (date(2024, 4, 8), "week")),
        ("next week", True, (date(2024, 4, 22), "week")),
        ("yesterday", False, (date(2024, 4, 19), "day")),
        ("last month", False, (date(2024, 3, 1), "month")),
        ("next month", True, (date(2024, 5, 1), "month")),
        ("earlier this year", False, (date(2024, 1, 1), "year")),
        ("Earlier in the year", False, (date(2024, 1, 1), "year")),
        ("in January", False, (date(2024, 1, 1), "month")),
        ("in December", False, (date(2023, 12, 1), "month")),
        ("on 14 March", False, (date(2024, 3, 14), "day")),
        ("on March 14, 2022", False, (date(2022, 3, 14), "day")),
        ("on 2023-11-02", False, (date(2023, 11, 2), "day")),
        ("in 2019", False, (date(2019, 1, 1), "year")),
    ],
)
def test_a_date_expression_resolves_against_the_publication_date(text, future, expected):
    assert resolve_date(text, SATURDAY, future=future) == expected


@pytest.mark.parametrize("text", ["in recent years", "for a long time", "may meet soon", ""])
def test_words_that_name_no_date_give_none(text):
    assert resolve_date(text, SATURDAY) is None


def test_relative_dates_need_a_publication_date():
    assert resolve_date("on Monday", None) is None
    assert resolve_date("on 14 March 2024", None) == (date(2024, 3, 14), "day")
