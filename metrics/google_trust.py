"""Data-trust flags stored with GA4 API loads: thresholding, sampling, the "(other)" row.

Each GA4 pull stores the flags its responses carried in `imports.warnings` (i18n keys
`google.warn.*`). A view of [start, end] should warn when any loaded GA4 import overlapping it
carried one. Export loads may store other sentences there; only the `google.warn.*` codes are read.
"""
from __future__ import annotations

import json
from datetime import date

import duckdb

ORDER = ("google.warn.thresholding", "google.warn.sampling", "google.warn.other_row")


def ga4_warnings(con: duckdb.DuckDBPyConnection, start: date, end: date) -> tuple[str, ...]:
    """The distinct GA4 data-trust codes of loaded imports overlapping [start, end], in a fixed order."""
    rows = con.execute(
        """SELECT warnings FROM imports
           WHERE source = 'ga4' AND status = 'loaded' AND warnings IS NOT NULL
             AND date_from <= ? AND date_to >= ?""", [end, start]).fetchall()
    found: set[str] = set()
    for (text,) in rows:
        try:
            items = json.loads(text)
        except ValueError:
            continue
        found.update(w for w in items if isinstance(w, str) and w in ORDER)
    return tuple(c for c in ORDER if c in found)


def other_accounts(con: duckdb.DuckDBPyConnection, source: str, account: str, start: date, end: date) -> tuple[str, ...]:
    """Accounts of other loaded imports of `source` overlapping [start, end].

    The loader replaces rows only of the same source and account, so a GA4 export loaded under the
    property's name and an API pull under its numeric id would both count: the sync warns about it.
    """
    rows = con.execute(
        """SELECT DISTINCT account FROM imports
           WHERE source = ? AND status = 'loaded' AND account <> ? AND date_from <= ? AND date_to >= ?
           ORDER BY account""", [source, account, end, start]).fetchall()
    return tuple(r[0] for r in rows)
