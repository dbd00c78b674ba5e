"""Relative date expressions resolved against the article's date."""

from datetime import date

import pytest

from etl.dates import resolve

THURSDAY = date(2024, 4, 4)


@pytest.mark.parametrize("expression, future, expected", [
    ("last month", False, date(2024, 3, 4)),
    ("next week", False, date(2024, 4, 11)),
    ("yesterday", False, date(2024, 4, 3)),
    ("on Monday", False, date(2024, 4, 1)),      # the most recent Monday for a reported act
    ("on Monday", True, date(2024, 4, 8)),       # the next one for a planned act
    ("Thursday", False, THURSDAY),
    ("April 10", False, date(2024, 4, 10)),
    ("Dec. 28", False, date(2023, 12, 28)),      # the nearest December 28 is last year's
    ("10 April 2023", False, date(2023, 4, 10)),
    ("2024-02-29", False, date(2024, 2, 29)),
    ("three days ago", False, date(2024, 4, 1)),
    ("two months earlier", False, date(2024, 2, 4)),
    ("in 2015", False, date(2015, 1, 1)),
    ("earlier this month", False, THURSDAY),
    ("the coming decade", False, None),
])
def test_resolve(expression, future, expected):
    assert resolve(expression, THURSDAY, future=future) == expected


def test_relative_dates_need_an_anchor():
    assert resolve("last week", None) is None
    assert resolve("April 10, 2024", None) == date(2024, 4, 10)
