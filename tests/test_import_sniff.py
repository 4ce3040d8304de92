"""The shared readers: encodings, header finding (sniff) and locale numbers and dates (values), with Hypothesis round-trips."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from connectors import sniff, values, workbook
from connectors.base import ImportRefused

NBSP = "\u00a0"


def _group(int_part: str, sep: str) -> str:
    out = []
    while len(int_part) > 3:
        out.insert(0, int_part[-3:])
        int_part = int_part[:-3]
    out.insert(0, int_part)
    return sep.join(out)


def write(value: float, style: str) -> str:
    """`value` (2 decimals) the way an export in `style` writes it."""
    neg = value < 0
    int_part, frac = f"{abs(value):.2f}".split(".")
    if style == "en":
        s = f"{_group(int_part, ',')}.{frac}"
    elif style == "en_plain":
        s = f"{int_part}.{frac}"
    elif style == "nb":
        s = f"{_group(int_part, NBSP)},{frac}"
    elif style == "de":
        s = f"{_group(int_part, '.')},{frac}"
    else:
        s = f"{_group(int_part, ' ')},{frac}"
    return ("\u2212" if style == "nb" else "-") + s if neg else s


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-10**11, max_value=10**11), st.sampled_from(["en", "en_plain", "nb", "de", "fr"]))
def test_numbers_round_trip(cents, style):
    value = cents / 100
    decimal = "." if style.startswith("en") else ","
    assert values.parse_number(write(value, style), decimal) == pytest.approx(value, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=30),
       st.sampled_from(["en", "nb", "de"]))
def test_column_conversion_matches_and_decimal_is_decided(cents_list, style):
    texts = [write(c / 100, style) for c in cents_list] + ["1234,5" if style != "en" else "1234.5"]
    table = sniff.Table("f.csv", [], ["v"], 1, pd.DataFrame({"v": pd.Series(texts, dtype=str)}))
    decimal = values.decide_decimal([table.body["v"]])
    assert decimal == ("." if style == "en" else ",")
    got = values.to_number(table, "v", decimal=decimal).tolist()
    assert got == pytest.approx([c / 100 for c in cents_list] + [1234.5])


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_date_ranges_round_trip(a, b):
    a, b = min(a, b), max(a, b)
    en_months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"]
    nb_months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
                 "november", "desember"]
    nb_short = ["jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."]
    texts = [
        f"{en_months[a.month - 1]} {a.day}, {a.year} - {en_months[b.month - 1]} {b.day}, {b.year}",     # en-US
        f"{a.day} {en_months[a.month - 1]} {a.year} - {b.day} {en_months[b.month - 1]} {b.year}",       # en-GB
        f"{a.day}. {nb_months[a.month - 1]} {a.year} – {b.day}. {nb_months[b.month - 1]} {b.year}",    # nb long
        f"{a.day}. {nb_short[a.month - 1]} {a.year}-{b.day}. {nb_short[b.month - 1]} {b.year}",         # nb medium
        f"{en_months[a.month - 1][:3]} {a.day}, {a.year}-{en_months[b.month - 1][:3]} {b.day}, {b.year}",  # GSC
        f"{a:%Y%m%d}-{b:%Y%m%d}",                                                                        # GA4
        f"{a.month}/{a.day}/{a.year} - {b.month}/{b.day}/{b.year}",                                      # M/D/YYYY
    ]
    for text in texts:
        assert values.parse_date_range(text) == (a, b), text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)), min_size=1, max_size=20),
       st.sampled_from(["%Y-%m-%d", "%Y%m%d", "%d.%m.%Y"]))
def test_date_columns_round_trip(days, fmt):
    table = sniff.Table("f.csv", [], ["d"], 1, pd.DataFrame({"d": pd.Series([d.strftime(fmt) for d in days], dtype=str)}))
    assert [x.date() for x in values.to_dates(table, "d")] == days


def test_month_day_year_column_and_day_first_evidence():
    t = sniff.Table("f.csv", [], ["d"], 1, pd.DataFrame({"d": pd.Series(["9/21/2026", "9/2/2026"], dtype=str)}))
    assert [x.date() for x in values.to_dates(t, "d")] == [dt.date(2026, 9, 21), dt.date(2026, 9, 2)]
    t = sniff.Table("f.csv", [], ["d"], 1, pd.DataFrame({"d": pd.Series(["23-9-2026", "1-10-2026"], dtype=str)}))
    assert [x.date() for x in values.to_dates(t, "d")] == [dt.date(2026, 9, 23), dt.date(2026, 10, 1)]


def test_bad_date_names_line_and_column():
    t = sniff.Table("f.csv", [], ["Day"], 3, pd.DataFrame({"Day": pd.Series(["2026-03-01", "2026-13-45"], dtype=str)}))
    with pytest.raises(ImportRefused, match=r"f\.csv, line 5, column “Day”: “2026-13-45” is not a date"):
        values.to_dates(t, "Day")


@pytest.mark.parametrize("raw", ["12,3,4", "1.2.3", "abc", "1 23", "--5"])
def test_not_numbers_are_refused(raw):
    t = sniff.Table("f.csv", [], ["Cost"], 1, pd.DataFrame({"Cost": pd.Series([raw], dtype=str)}))
    with pytest.raises(ImportRefused, match="is not a number"):
        values.to_number(t, "Cost", decimal=".")


def test_empty_markers_and_percentages():
    t = sniff.Table("f.csv", [], ["v"], 1, pd.DataFrame({"v": pd.Series([" --", "", "2.81%", "−5"], dtype=str)}))
    got = values.to_number(t, "v", decimal=".", percent=True).tolist()
    assert pd.isna(got[0]) and pd.isna(got[1]) and got[2:] == pytest.approx([0.0281, -5])


def test_encodings():
    text = "Kampanje,Kostnad\nSøk,\"1 234,50\"\n"
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), b"\xff\xfe" + text.encode("utf-16-le"),
                 text.encode("utf-16-le"), text.encode("cp1252")):
        assert sniff.decode("f.csv", data) == text


def test_empty_binary_and_cut_off_files_are_refused():
    with pytest.raises(ImportRefused, match="empty"):
        sniff.decode("f.csv", b"")
    with pytest.raises(ImportRefused, match="not a text export"):
        sniff.decode("f.csv", bytes(range(256)) * 8)
    with pytest.raises(ImportRefused, match="cut off"):
        sniff.decode("f.csv", b"\xff\xfe" + "abc".encode("utf-16-le")[:-1])


def test_zip_bomb_is_refused():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Queries.csv", b"0" * (64 * 2**20))
    with pytest.raises(ImportRefused, match="unpacks to"):
        workbook.check_zip("bomb.zip", buf.getvalue())


def test_header_found_below_a_preamble_by_norwegian_names():
    lines = ["Kampanjerapport", "2. mars 2026 - 8. mars 2026", "Kampanje;Visn.;Kostnad", "A;1;2,5"]
    idx, delim, cells = sniff.locate_header(lines, {"c": ["Campaign", "Kampanje"], "i": ["Impr.", "Visn."],
                                                    "k": ["Cost", "Kostnad"]})
    assert (idx, delim, cells) == (2, ";", ["Kampanje", "Visn.", "Kostnad"])
