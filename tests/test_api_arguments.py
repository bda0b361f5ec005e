"""The Python API checks its arguments: wrong types raise the library's own InputError with a clear message, and
the forms a user naturally writes (one path, an ISO date string) are accepted."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from wirewatch import InputError, api
from wirewatch.api import _day, _paths


@pytest.mark.parametrize(("given", "day"), [
    (None, None),
    (date(2024, 4, 22), date(2024, 4, 22)),
    (datetime(2024, 4, 22, 9, 30), date(2024, 4, 22)),
    ("2024-04-22", date(2024, 4, 22)),
    ("2024-04-22T09:30:00Z", date(2024, 4, 22)),
])
def test_a_publication_date_may_be_a_date_a_datetime_or_an_iso_string(given, day):
    assert _day(given) == day


@pytest.mark.parametrize("given", ["22/04/2024", "tomorrow", 20240422, 3.5])
def test_any_other_publication_date_is_an_input_error(given):
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        _day(given)


@pytest.mark.parametrize(("given", "listed"), [
    ("news/a.txt", ["news/a.txt"]),
    (Path("news/a.txt"), [Path("news/a.txt")]),
    (["a.txt", Path("b.html")], ["a.txt", Path("b.html")]),
    (None, []),
])
def test_one_path_given_bare_is_one_path_never_its_characters(given, listed):
    assert _paths(given) == listed


@pytest.mark.parametrize("given", [42, b"a.txt", ["a.txt", 7]])
def test_anything_but_paths_is_an_input_error(given):
    with pytest.raises(InputError, match="path"):
        _paths(given)


@pytest.mark.parametrize("text", [None, 12, b"bytes"])
def test_extract_text_wants_a_string(text):
    with pytest.raises(InputError, match="str"):
        api.extract_text(text)


def test_extract_of_a_bare_missing_path_is_one_failure_for_that_path(tmp_path):
    missing = tmp_path / "nowhere.txt"
    (failure,) = api.extract(str(missing))
    assert failure.where == str(missing) and "no such file" in failure.error
