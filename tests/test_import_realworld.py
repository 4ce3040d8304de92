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


def test_ga4_events_report_is_refused_with_advice():
    rep = importing.inspect("Events_Event_name.csv", real("ga4/Events_Event_name.csv"))
    assert rep.status == "refused" and "Traffic acquisition" in (rep.error or "")


def test_ga4_exploration_loads_its_grand_total():
    fl = importing.parse("download (2).csv", real("ga4/download_2.csv"))
    assert (fl.source, fl.account) == ("ga4", "Ten10 GA4")
    assert (fl.date_from, fl.date_to) == (dt.date(2024, 11, 22), dt.date(2026, 1, 20))
    f = fl.parts[0].frame
    # README: the grand total is 16,244 sessions (rows would add to 23,820), 13,789 users, 9,914 key events.
    assert (int(f["sessions"].sum()), int(f["users"].sum()), f["key_events"].sum()) == (16244, 13789, 9914)


def test_search_console_zip(tmp_path):
    name = "https___www.hcidirect.co.uk_-Performance-on-Search-2025-04-21.zip"
    ws = new_workspace(tmp_path)
    rep = importing.import_bytes(ws, name, real(f"search_console/{name}"))
    assert rep.status == "loaded" and rep.source == "search_console"
    assert rep.account == "https://www.hcidirect.co.uk/"
    # Dates.csv (descending, 34 days): 110 clicks, 496 impressions; Devices and Countries agree.
    assert (rep.date_from, rep.date_to) == ("2025-03-17", "2025-04-19")
    assert rep.totals == {"clicks": 110, "impressions": 496}
    assert rows(ws, "SELECT count(*) FROM search_daily") == [(34,)]
    assert rows(ws, "SELECT sum(clicks), sum(impressions) FROM search_rows WHERE device IS NOT NULL") == [(110, 496)]
    assert rows(ws, "SELECT sum(clicks), sum(impressions) FROM search_rows WHERE query IS NOT NULL") == [(68, 313)]
    assert rows(ws, "SELECT sum(clicks), sum(impressions) FROM search_rows WHERE page IS NOT NULL") == [(113, 908)]


def test_search_console_single_csvs_together():
    folder = REALWORLD / "search_console" / "zechanah"
    files = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.csv"))]
    grouped = importing.group(files)
    assert len(grouped) == 1
    fl = importing.parse(*grouped[0])
    assert fl.account == "https://www.hcidirect.co.uk/"
    assert {p.table for p in fl.parts} == {"search_daily", "search_rows"}
