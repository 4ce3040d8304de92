"""Meta Ads Manager exports: Day breakdown, range blocks, lead counting, XLSX, No data; hand-worked totals."""
from __future__ import annotations

import datetime as dt

import pytest

from connectors import importing, meta
from connectors.base import ImportRefused
from tests.imports_support import fixture, new_workspace, rows, xlsx
from warehouse.loader import totals_of

DAY_FILE = "Rorlegger-Nord-AS-Campaigns-Mar-2-2026-Mar-4-2026.csv"


def test_day_breakdown_drops_the_summary_row_and_counts_leads_column():
    data = fixture(DAY_FILE)
    assert meta.detect(DAY_FILE, data)
    fl = meta.parse(DAY_FILE, data)
    # Summary row (names empty) dropped. Spend 301.50 + 200.00 + 402.06 + 99.00 = 1002.56;
    # impressions 4000 + 3000 + 5000 + 1000 = 13000; link clicks 120 + 60 + 150 + 30 = 360;
    # Leads column 3 + (empty) + 4 + 1 = 8 (the purchase "Results" of Retargeting are not leads).
    assert totals_of(fl.parts) == pytest.approx({"spend": 1002.56, "impressions": 13000, "clicks": 360,
                                                 "conversions": 8, "conversion_value": 1500})
    f = fl.parts[0].frame
    assert len(f) == 4 and (f["period_start"] == f["period_end"]).all()
    assert set(f["channel"]) == {"Paid Social"}
    assert fl.currency == "NOK"
    assert fl.account == "Rorlegger-Nord-AS"  # from the default file name
    assert (fl.date_from, fl.date_to) == (dt.date(2026, 3, 2), dt.date(2026, 3, 4))
    assert any("summary row" in w for w in fl.warnings)


def test_blocks_and_results_count_only_lead_indicators():
    fl = meta.parse("meta_campaigns_march.csv", fixture("meta_campaigns_march.csv"))
    # Conversions: lead_grouped 12 + fb_pixel_lead 5 = 17; the 7 purchases are not leads.
    assert totals_of(fl.parts) == pytest.approx({"spend": 7100.50, "impressions": 43000, "clicks": 820,
                                                 "conversions": 17, "conversion_value": 0})
    f = fl.parts[0].frame
    assert (f["period_start"].dt.date == dt.date(2026, 3, 1)).all()
    assert (f["period_end"].dt.date == dt.date(2026, 3, 31)).all()
    assert any("fb_pixel_purchase" in w for w in fl.warnings)


def test_no_data_available_is_refused_with_a_sentence():
    with pytest.raises(ImportRefused) as err:
        meta.parse("x-Campaigns-1-Sep-202430-Sep-2024.csv", fixture("meta_no_data.csv"))
    assert "No data available." in str(err.value) and "line 2" in str(err.value)


def test_decimal_comma_values_are_accepted():
    text = ('"Reporting starts","Reporting ends","Campaign name",Leads,Impressions,"Link clicks","Beløp brukt (NOK)"\n'
            '2026-03-01,2026-03-07,Oslo,2,1000,10,"305,21"\n'
            '2026-03-01,2026-03-07,Bergen,1,500,5,"94,79"\n')
    fl = meta.parse("x.csv", text.encode())
    assert totals_of(fl.parts)["spend"] == pytest.approx(400.0)
    assert fl.currency == "NOK"


def test_xlsx_prefers_raw_data_report():
    header = ["Reporting starts", "Reporting ends", "Campaign name", "Leads", "Impressions", "Link clicks",
              "Amount spent (SEK)"]
    data = xlsx({
        "Formatted Report": [header, ["All", None, None, 9, 9999, 99, 999]],
        "Raw Data Report": [header, ["2026-03-01", "2026-03-07", "Stockholm", 3, 1200, 40, 450.5],
                            ["2026-03-01", "2026-03-07", "Malmö", 1, 800, 20, 149.5]],
    })
    assert meta.detect("Meta.xlsx", data)
    fl = meta.parse("Meta.xlsx", data)
    assert totals_of(fl.parts) == pytest.approx({"spend": 600.0, "impressions": 2000, "clicks": 60,
                                                 "conversions": 4, "conversion_value": 0})
    assert fl.currency == "SEK"


def test_xlsx_with_only_the_grouped_formatted_report_is_refused():
    header = ["Reporting starts", "Reporting ends", "Campaign name", "Leads", "Impressions", "Amount spent (NOK)"]
    data = xlsx({"Formatted Report": [header, ["All", None, None, 4, 2000, 600],
                                      ["2026-03-01", "2026-03-07", "Oslo", 3, 1200, 450.5],
                                      [None, None, None, 1, 800, 149.5]]})
    with pytest.raises(ImportRefused, match="Formatted Report"):
        meta.parse("Meta.xlsx", data)


def test_foreign_currency_loads_with_a_warning(tmp_path):
    ws = new_workspace(tmp_path, currency="NOK")
    text = fixture("meta_campaigns_march.csv").decode().replace("(NOK)", "(USD)")
    rep = importing.import_bytes(ws, "meta.csv", text.encode())
    assert rep.status == "loaded" and rep.currency == "USD"
    assert any("USD" in w and "exchange rate" in w for w in rep.warnings)
    assert rows(ws, "SELECT DISTINCT currency FROM ad_performance") == [("USD",)]
    # With a rate in place there is nothing to warn about.
    rows(ws, "INSERT INTO fx_rates VALUES (DATE '2026-03-01', 'USD', 10.5)")
    rep = importing.inspect("meta2.csv", text.encode() + b"\n", db_path=ws)
    assert not any("exchange rate" in w for w in rep.warnings)


def test_bad_spend_is_refused_with_line_and_column():
    text = fixture("meta_campaigns_march.csv").decode().replace("2500.50", "2.500.50")
    with pytest.raises(ImportRefused) as err:
        meta.parse("meta.csv", text.encode())
    assert str(err.value) == "meta.csv, line 3, column “Amount spent (NOK)”: “2.500.50” is not a number."
