"""Parsing what people type into target fields: numbers the Norwegian and the English way, changes, dates."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from metrics.kpis import KPIS
from metrics.targets import parse_amount, parse_date, parse_number, parse_relative, parse_scope


@given(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_numbers_round_trip_in_both_notations(whole, cents):
    value = whole + (cents / 100 if whole >= 0 else -cents / 100)
    en = f"{value:.2f}"
    nb = en.replace(".", ",").replace("-", "−")
    assert parse_number(en) == pytest.approx(value)
    assert parse_number(nb) == pytest.approx(value)


def test_numbers_with_thousand_spaces_and_garbage():
    assert parse_number("1 234,5") == 1234.5
    assert parse_number("1\u00a0234") == 1234
    assert parse_number("12abc") is None
    assert parse_number("1.234,5") is None        # ambiguous: refused rather than guessed


def test_percent_kpis_are_typed_in_percent():
    cr, cpl = KPIS["conversion_rate"], KPIS["cpl"]
    assert parse_amount("1,2", cr) == pytest.approx(0.012)
    assert parse_amount("2.0%", cr) == pytest.approx(0.02)
    assert parse_amount(2.0, cr) == pytest.approx(0.02)
    assert parse_amount("390", cpl) == 390
    assert parse_amount("39%", cpl) is None       # a CPL is not a percentage


def test_relative_changes_need_a_sign_and_a_percent():
    assert parse_relative("-25%") == pytest.approx(-0.25)
    assert parse_relative("−25 %") == pytest.approx(-0.25)
    assert parse_relative("+40%") == pytest.approx(0.40)
    assert parse_relative("40%") is None          # no sign: an absolute percentage
    assert parse_relative("-25") is None
    assert parse_relative(None) is None


def test_dates_and_scopes():
    assert parse_date("2026-01-05") == date(2026, 1, 5)
    assert parse_date("05.01.2026") == date(2026, 1, 5)
    assert parse_date("") is None
    with pytest.raises(ValueError):
        parse_date("2026-02-30")
    assert parse_scope(" ALL ") == ("all", None)
    assert parse_scope("channel: Paid Search ") == ("channel", "Paid Search")
    assert parse_scope("Campaign:Vår_kampanje") == ("campaign", "Vår_kampanje")
    assert parse_scope("channel:") == ("", None)
    assert parse_scope("kanal:Paid Search") == ("", None)
