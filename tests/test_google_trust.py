"""GA4 data-trust flags read back from the import log."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from metrics import google_trust
from warehouse import db


def _import(con, i: int, source: str, start: str, end: str, warnings: list[str], status: str = "loaded") -> None:
    con.execute("""INSERT INTO imports (import_id, file_name, file_hash, source, account, fact_table, date_from, date_to,
                   rows, warnings, origin, status, imported_at) VALUES (?, 'f', 'h', ?, '1', 'web_analytics', ?, ?, 0, ?,
                   'api', ?, now())""", [i, source, start, end, json.dumps(warnings), status])


def test_flags_of_overlapping_loaded_ga4_imports(tmp_path: Path) -> None:
    with db.connect(tmp_path / "w.duckdb") as con:
        _import(con, 1, "ga4", "2026-10-01", "2026-10-31", ["google.warn.other_row"])
        _import(con, 2, "ga4", "2026-11-01", "2026-11-30", ["google.warn.thresholding", "a sentence from a file"])
        _import(con, 3, "ga4", "2026-11-01", "2026-11-30", ["google.warn.sampling"], status="replaced")
        _import(con, 4, "google_ads", "2026-11-01", "2026-11-30", ["google.warn.sampling"])
        assert google_trust.ga4_warnings(con, date(2026, 11, 16), date(2026, 11, 22)) == ("google.warn.thresholding",)
        assert google_trust.ga4_warnings(con, date(2026, 10, 26), date(2026, 11, 1)) == (
            "google.warn.thresholding", "google.warn.other_row")
        assert google_trust.ga4_warnings(con, date(2026, 12, 1), date(2026, 12, 7)) == ()
