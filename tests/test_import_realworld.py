"""The importers against real exports kept in ../shared/realworld (never copied into the project).

Skipped only when that folder is absent. Expected numbers come from the folder's README.
"""
from __future__ import annotations

import datetime as dt

import pytest

from connectors import importing
from tests.imports_support import REALWORLD, new_workspace, rows

pytestmark = pytest.mark.skipif(not REALWORLD.is_dir(), reason="../shared/realworld is not present")


def real(path: str) -> bytes:
    return (REALWORLD / path).read_bytes()


def test_google_ads_csv_en_gb():
    fl = importing.parse("Campaign report (1).csv", real("google_ads/Campaign_report_1.csv"))
    assert fl.source == "google_ads" and fl.currency == "GBP"
    assert (fl.date_from, fl.date_to) == (dt.date(2026, 1, 27), dt.date(2026, 2, 23))
    f = fl.parts[0].frame
    assert len(f) == 2  # the five Total: rows are not rows
    # 798.88 + 365.22 = 1164.10 (the file's own Total says 1164.09: rounding in Google's total)
    assert f["spend"].sum() == pytest.approx(1164.10)
    assert (f["impressions"].sum(), f["clicks"].sum()) == (40585, 867)
    assert f["conversions"].sum() == pytest.approx(74.0)
    assert f["conversion_value"].sum() == pytest.approx(2127.81)


def test_google_ads_csv_excel_utf16_tab():
    fl = importing.parse("Campaign report.csv", real("google_ads/Campaign_report.csv"))
    f = fl.parts[0].frame
    assert len(f) == 1 and f["impressions"].iloc[0] == 9380 and f["spend"].iloc[0] == pytest.approx(365.22)
    assert f["channel"].iloc[0] == "Cross-network"  # Performance Max


def test_meta_no_data_is_refused(tmp_path):
    ws = new_workspace(tmp_path)
    rep = importing.import_bytes(ws, "Daniel-Conlan-Campaigns-1-Sep-202430-Sep-2024.csv",
                                 real("meta/Daniel-Conlan-Campaigns-1-Sep-202430-Sep-2024.csv"))
    assert rep.status == "refused" and "No data available." in (rep.error or "")
    assert rows(ws, "SELECT count(*) FROM imports") == [(0,)]
