"""LinkedIn Campaign Manager exports: UTF-16 tab with preamble, M/D/YYYY, aggregate rows; hand-worked totals."""
from __future__ import annotations

import datetime as dt

import pytest

from connectors import importing, linkedin
from connectors.base import ImportRefused
from tests.imports_support import fixture
from warehouse.loader import totals_of


def test_daily_export_utf16_tab():
    data = fixture("campaign_507123456.csv")
    assert data[:2] == b"\xff\xfe" and linkedin.detect("campaign_507123456.csv", data)
    fl = linkedin.parse("campaign_507123456.csv", data)
    # Total Spent 1250.50 + 1100.00 + 980.25 + 99.75 = 3430.50; Impressions 5000 + 4000 + 3500 + 10000 = 22500
    # Clicks 40 + 30 + 25 + 12 = 107; Leads 3 + 2 + 1 + 0 = 6 (website Conversions are not added on top)
    assert totals_of(fl.parts) == pytest.approx({"spend": 3430.50, "impressions": 22500, "clicks": 107,
                                                 "conversions": 6, "conversion_value": 0})
    f = fl.parts[0].frame
    assert sorted(f["period_start"].dt.date.unique()) == [dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 4)]
    assert (f["period_start"] == f["period_end"]).all() and set(f["channel"]) == {"Paid Social"}
    assert (fl.account, fl.currency) == ("Rørlegger Nord AS", "NOK")


def _dutch_aggregate() -> bytes:
    lines = ["Rapport met advertentieprestaties (in UTC)",
             '"Begindatum van rapport: 1 maart 2026 00:00"',
             '"Einddatum van rapport: 31 maart 2026 23:59"',
             '"Datum gegenereerd: 2 april 2026 10:00"',
             "",
             "Begindatum (in UTC)\tAccountnaam\tValuta\tCampagnenaam\tTotaal besteed\tWeergaven\tKlikken\t"
             "Doorklikfrequentie (CTR)\tConversies\tLeads",
             '1-3-2026\tBakkerij BV\tEUR\tVoorjaar\t"1.234,56"\t"12.000"\t120\t"1,000%"\t2\t0',
             '1-3-2026\tBakkerij BV\tEUR\tMerk\t"9,36"\t900\t3\t"0,341%"\t1\t0']
    return b"\xff\xfe" + ("\n".join(lines) + "\n").encode("utf-16-le")


def test_aggregate_rows_become_one_block_over_the_report_range():
    fl = linkedin.parse("campaign_1.csv", _dutch_aggregate())
    # 1.234,56 + 9,36 = 1 243,92 EUR; Weergaven 12.000 + 900; no leads → Conversies 2 + 1 = 3
    assert totals_of(fl.parts) == pytest.approx({"spend": 1243.92, "impressions": 12900, "clicks": 123,
                                                 "conversions": 3, "conversion_value": 0})
    f = fl.parts[0].frame
    assert (f["period_start"].dt.date == dt.date(2026, 3, 1)).all()
    assert (f["period_end"].dt.date == dt.date(2026, 3, 31)).all()
    assert (fl.date_from, fl.date_to, fl.currency) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31), "EUR")
    assert any("no daily rows" in w and "Time breakdown → Daily" in w for w in fl.warnings)
    assert any("Conversions" in w for w in fl.warnings)


def test_preamble_only_export_is_refused():
    lines = ["Campaign Performance Report (in UTC)", '"Report Start: March 1, 2026, 12:00 AM"',
             '"Report End: March 31, 2026, 11:59 PM"', '"Date Generated: April 1, 2026, 8:00 AM"', ""]
    data = b"\xff\xfe" + "\n".join(lines).encode("utf-16-le")
    assert importing.detect("campaign_1.csv", data) is linkedin
    with pytest.raises(ImportRefused, match="no rows"):
        linkedin.parse("campaign_1.csv", data)


def test_conversion_breakdown_is_refused():
    text = ("Start Date (in UTC)\tCampaign Name\tConversion Name\tTotal Spent\tImpressions\tClicks\n"
            "3/1/2026\tA\tSignup\t10.00\t100\t1\n3/1/2026\tA\tDemo\t10.00\t100\t1\n")
    with pytest.raises(ImportRefused, match="split by conversion"):
        linkedin.parse("campaign_1.csv", text.encode())
