"""TikTok Ads Manager exports: the `Total of N results` row is dropped; CSV and XLSX; hand-worked totals."""
from __future__ import annotations

import datetime as dt

import pytest

from connectors import importing, tiktok
from connectors.base import ImportRefused
from tests.imports_support import fixture, xlsx
from warehouse.loader import totals_of


def test_by_day_csv():
    data = fixture("tiktok_campaigns_by_day.csv")
    assert importing.detect("tiktok.csv", data) is tiktok
    fl = tiktok.parse("tiktok.csv", data)
    # Cost 150.00 + 149.50 + 300.25 = 599.75; Impressions 20000 + 18000 + 50000 = 88000;
    # Clicks (destination) 100 + 90 + 40 = 230; Conversions 3 + 2 + 0 = 5 — the "Total of 3 results" row is dropped
    assert totals_of(fl.parts) == pytest.approx({"spend": 599.75, "impressions": 88000, "clicks": 230,
                                                 "conversions": 5, "conversion_value": 0})
    assert (fl.date_from, fl.date_to, fl.currency) == (dt.date(2026, 3, 2), dt.date(2026, 3, 3), "NOK")
    assert set(fl.parts[0].frame["channel"]) == {"Paid Social"}


def test_xlsx_without_day_takes_range_from_file_name():
    data = xlsx({"Sheet1": [
        ["Campaign name", "Cost", "Impressions", "Clicks (destination)", "Results", "Result type", "Currency"],
        ["Leads", 100.5, 1000, 10, 4, "Form submissions", "EUR"],
        ["Reach", 50, 9000, 5, 900, "Reach", "EUR"],
        ["Total of 2 results", 150.5, 10000, 15, 904, "-", "EUR"],
    ]})
    name = "Campaign Report(2026-03-01 to 2026-03-31).xlsx"
    assert importing.detect(name, data) is tiktok
    fl = tiktok.parse(name, data)
    # Only the lead-type results count: 4
    assert totals_of(fl.parts) == pytest.approx({"spend": 150.5, "impressions": 10000, "clicks": 15,
                                                 "conversions": 4, "conversion_value": 0})
    assert (fl.date_from, fl.date_to) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def test_no_dates_anywhere_is_refused():
    text = "Campaign name,Cost,Impressions,Clicks (destination)\nA,1.00,10,1\nTotal of 1 results,1.00,10,1\n"
    with pytest.raises(ImportRefused, match="By Day"):
        tiktok.parse("export.csv", text.encode())
