"""Microsoft Advertising report downloads: quoted header block, © footer, Total row; hand-worked totals."""
from __future__ import annotations

import datetime as dt

import pytest

from connectors import microsoft_ads
from connectors.base import ImportRefused
from tests.imports_support import fixture
from warehouse.loader import totals_of


def test_daily_report_drops_total_and_footer():
    data = fixture("microsoft_ads_campaigns.csv")
    assert microsoft_ads.detect("Campaign performance.csv", data)
    fl = microsoft_ads.parse("Campaign performance.csv", data)
    # Spend 199.80 + 200.00 + 150.00 + 50.20 = 600.00; Impressions 1,234 + 1,000 + 900 + 5,000 = 8,134;
    # Clicks 45 + 40 + 30 + 10 = 125; Conversions 2 + 1 = 3; Revenue 800 + 400 = 1,200 (the Total row is not added)
    assert totals_of(fl.parts) == pytest.approx({"spend": 600.0, "impressions": 8134, "clicks": 125,
                                                 "conversions": 3, "conversion_value": 1200})
    f = fl.parts[0].frame
    assert len(f) == 4 and (f["period_start"] == f["period_end"]).all()
    assert dict(zip(f["campaign"], f["channel"])) == {"Bing – Søk": "Paid Search", "Audience – Retargeting": "Display"}
    assert (fl.date_from, fl.date_to, fl.currency) == (dt.date(2026, 3, 2), dt.date(2026, 3, 4), "NOK")


def test_summary_report_is_one_block_over_report_time():
    text = ('"Report Name: Summary"\n"Report Time: 3/1/2026,3/31/2026"\n"Report Aggregation: Summary"\n\n'
            '"Campaign name","Impressions","Clicks","Spend","Conversions"\n'
            '"A","1,000","10","100.50","1"\n"B","500","5","49.50","0"\n\n'
            '"©2026 Microsoft Corporation. All rights reserved. "\n')
    fl = microsoft_ads.parse("s.csv", text.encode("utf-8-sig"))
    f = fl.parts[0].frame
    assert f["spend"].sum() == pytest.approx(150.0)
    assert (f["period_start"].dt.date == dt.date(2026, 3, 1)).all() and (f["period_end"].dt.date == dt.date(2026, 3, 31)).all()


def test_bad_spend_is_refused_with_line():
    text = fixture("microsoft_ads_campaigns.csv").decode().replace('"200.00"', '"2O0.00"')
    with pytest.raises(ImportRefused) as err:
        microsoft_ads.parse("m.csv", text.encode())
    assert str(err.value) == "m.csv, line 13, column “Spend”: “2O0.00” is not a number."
