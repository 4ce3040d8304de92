"""Google Ads UI downloads: CSV, "CSV (Excel)" UTF-16 tab, XLSX; totals worked out by hand from the fixtures."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from connectors import google_ads, importing
from connectors.base import ImportRefused
from tests.imports_support import fixture, new_workspace, rows, utf16_tab, xlsx

# google_ads_campaign_day_en.csv, by hand (Total: rows must not be added):
#   Cost 999.50 + 164.80 + 720.00 + 140.00 + 875.00 + 50.00 = 2949.30
#   Impr. 1,204 + 12,345 + 998 + 10,001 + 1,100 + 500 = 26,148
#   Clicks 87 + 40 + 60 + 35 + 70 + 5 = 297; Conversions 4 + 0 + 2 + 1 + 3 + 0.5 = 10.5
#   Conv. value 1,200 + 0 + 600 + 350 + 1,050.50 + 100 = 3,300.50
DAY_TOTALS = {"spend": 2949.30, "impressions": 26148, "clicks": 297, "conversions": 10.5, "conversion_value": 3300.50}


def _totals(fl):
    from warehouse.loader import totals_of

    return totals_of(fl.parts)


def test_day_segment_csv_totals_and_channels():
    data = fixture("google_ads_campaign_day_en.csv")
    assert google_ads.detect("Campaign report.csv", data)
    fl = google_ads.parse("Campaign report.csv", data)
    assert _totals(fl) == pytest.approx(DAY_TOTALS)
    assert (fl.date_from, fl.date_to) == (dt.date(2026, 3, 2), dt.date(2026, 3, 4))
    assert fl.currency == "NOK"
    f = fl.parts[0].frame
    assert len(f) == 6
    assert (f["period_start"] == f["period_end"]).all()
    by_type = dict(zip(f["campaign_type"], f["channel"]))
    assert by_type == {"Search": "Paid Search", "Display": "Display", "Performance Max": "Cross-network"}
    # Quoted text with commas and doubled quotes survives.
    assert set(f["campaign"]) == {"Rørlegger Oslo – Søk", "Merkevare, Display", '"PMax" test'}


def test_utf16_tab_csv_excel_flavour_reads_the_same():
    text = fixture("google_ads_campaign_day_en.csv").decode("utf-8")
    data = utf16_tab(text)
    assert data[:2] == b"\xff\xfe"
    fl = google_ads.parse("Campaign report.csv", data)
    assert _totals(fl) == pytest.approx(DAY_TOTALS)


def test_norwegian_week_segment_decimal_comma_and_nbsp():
    fl = google_ads.parse("Kampanjerapport.csv", fixture("Kampanjerapport.csv"))
    # Kostnad 1 500,50 + 250,25 + 1 600,00 + 1 200,00 = 4 550,75; Visn. 1 234 + 10 000 + 1 300 + 900 = 13 434
    assert _totals(fl) == pytest.approx({"spend": 4550.75, "impressions": 13434, "clicks": 340,
                                         "conversions": 15.5, "conversion_value": 6100.0})
    f = fl.parts[0].frame.sort_values(["period_start", "campaign"])
    # A Week row is the 7-day block from its Monday.
    assert list(f["period_start"].dt.date) == [dt.date(2026, 3, 2)] * 2 + [dt.date(2026, 3, 9), dt.date(2026, 3, 16)]
    assert list(f["period_end"].dt.date) == [dt.date(2026, 3, 8)] * 2 + [dt.date(2026, 3, 15), dt.date(2026, 3, 22)]
    assert (fl.date_from, fl.date_to) == (dt.date(2026, 3, 2), dt.date(2026, 3, 22))
    assert set(zip(f["campaign_type"], f["channel"])) == {("Søk", "Paid Search"), ("Display", "Display")}


def test_week_block_is_clipped_to_the_report_range():
    text = fixture("Kampanjerapport.csv").decode("utf-8").replace("2. mars 2026 - 22. mars 2026",
                                                                  "4. mars 2026 - 20. mars 2026")
    f = google_ads.parse("Kampanjerapport.csv", text.encode()).parts[0].frame
    assert f["period_start"].min().date() == dt.date(2026, 3, 4)
    assert f["period_end"].max().date() == dt.date(2026, 3, 20)


def test_no_segment_is_one_block_over_the_preamble_range():
    text = ("Campaign report\n27 January 2026 - 23 February 2026\n"
            "Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions,Conv. value\n"
            'Brand,Search,NOK,"1,000",50,1234.00,2.00,0.00\n'
            "Total: Account,,NOK,\"1,000\",50,1234.00,2.00,0.00\n")
    fl = google_ads.parse("Campaign report.csv", text.encode())
    f = fl.parts[0].frame
    assert (f["period_start"].iloc[0].date(), f["period_end"].iloc[0].date()) == (dt.date(2026, 1, 27), dt.date(2026, 2, 23))
    assert any("no daily rows" in w and "Segment → Time → Day" in w for w in fl.warnings)


def test_all_time_is_refused():
    with pytest.raises(ImportRefused, match="All time"):
        google_ads.parse("Campaign report.csv", fixture("google_ads_all_time.csv"))


def test_bad_number_names_file_line_and_column():
    text = fixture("Kampanjerapport.csv").decode("utf-8")
    lines = text.split("\n")
    lines[5] = lines[5].replace('"1\u00a0600,00"', '"12,3,4"')   # line 6 of the file
    with pytest.raises(ImportRefused) as err:
        google_ads.parse("Kampanjerapport.csv", "\n".join(lines).encode())
    assert str(err.value) == "Kampanjerapport.csv, line 6, column “Kostnad”: “12,3,4” is not a number."


def test_per_conversion_action_columns_are_summed_without_a_conversions_column():
    fl = google_ads.parse("Campaign report.csv", fixture("google_ads_conversion_actions.csv"))
    # 3 + (1 + 2) = 6; " --" counts as nothing
    assert _totals(fl)["conversions"] == pytest.approx(6.0)
    assert any("Contact form" in w and "Phone call" in w for w in fl.warnings)


def test_xlsx_download():
    # XLSX: numbers are numeric cells, "--" is text, rates are fractions.
    data = xlsx({"Campaign report": [
        ["Campaign report"], ["March 2, 2026 - March 8, 2026"],
        ["Campaign", "Campaign type", "Currency code", "Impr.", "Interaction rate", "Clicks", "Cost", "Conversions",
         "Conv. value"],
        ["Brand", "Search", "NOK", 1234, 0.1218, 150, 1999.5, 3, "--"],
        ["Video test", "Video", "NOK", 20000, 0.01, 200, 500.25, 0, 0],
        ["Total: Account", None, "NOK", 21234, None, 350, 2499.75, 3, 0],
    ]})
    assert google_ads.detect("Campaign report.xlsx", data)
    fl = google_ads.parse("Campaign report.xlsx", data)
    assert _totals(fl) == pytest.approx({"spend": 2499.75, "impressions": 21234, "clicks": 350, "conversions": 3,
                                         "conversion_value": 0})
    assert set(fl.parts[0].frame["channel"]) == {"Paid Search", "Paid Video"}


def test_formula_looking_campaign_names_stay_text(tmp_path):
    text = fixture("google_ads_campaign_day_en.csv").decode().replace('"Merkevare, Display"', '"=HYPERLINK(""x"")"')
    ws = new_workspace(tmp_path)
    rep = importing.import_bytes(ws, "Campaign report.csv", text.encode())
    assert rep.status == "loaded"
    assert rows(ws, "SELECT DISTINCT campaign FROM ad_performance WHERE campaign LIKE '=%'") == [('=HYPERLINK("x")',)]


def test_channel_map_overrides_apply_at_load(tmp_path):
    ws = new_workspace(tmp_path)
    rows(ws, "INSERT INTO channel_map VALUES ('google_ads', 'campaign_type', 'performance max', 'Paid Shopping'), "
             "('google_ads', 'campaign', 'Merkevare, Display', 'Paid Video')")
    assert importing.import_bytes(ws, "c.csv", fixture("google_ads_campaign_day_en.csv")).status == "loaded"
    got = dict(rows(ws, "SELECT campaign, any_value(channel) FROM ad_performance GROUP BY campaign"))
    assert got == {"Rørlegger Oslo – Søk": "Paid Search", "Merkevare, Display": "Paid Video",
                   '"PMax" test': "Paid Shopping"}


def _days_csv(first: dt.date, days: int) -> bytes:
    """A Day-segmented report: one campaign, 10.00 spend and 100 impressions every day."""
    lines = ["Campaign report", f'"{first:%B} {first.day}, {first.year} - '
             f'{(first + dt.timedelta(days=days - 1)):%B} {(first + dt.timedelta(days=days - 1)).day}, '
             f'{(first + dt.timedelta(days=days - 1)).year}"',
             "Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions"]
    for i in range(days):
        d = first + dt.timedelta(days=i)
        lines.append(f"{d.isoformat()},Søk,Search,NOK,100,10,10.00,1.00")
    lines.append(f'Total: Account,,,NOK,"{100 * days:,}",{10 * days},{10 * days:.2f},{days:.2f}')
    return ("\n".join(lines) + "\n").encode()


def test_overlapping_imports_replace_exactly(tmp_path):
    ws = new_workspace(tmp_path)
    monday = dt.date(2026, 1, 5)
    weeks_1_4 = _days_csv(monday, 28)
    weeks_3_6 = _days_csv(monday + dt.timedelta(days=14), 28)
    assert importing.import_bytes(ws, "w1-4.csv", weeks_1_4).status == "loaded"
    assert importing.import_bytes(ws, "w1-4.csv", weeks_1_4).status == "unchanged"
    assert importing.import_bytes(ws, "w3-6.csv", weeks_3_6).status == "loaded"
    # Weeks 1–6 once: 42 days × 10.00 = 420.00, 42 × 100 impressions.
    assert rows(ws, "SELECT sum(spend), sum(impressions), count(*), count(DISTINCT period_start) "
                    "FROM ad_performance") == [(420.0, 4200, 42, 42)]


def test_million_row_shape_is_vectorised():
    """A 200k-row Day report parses in well under the time a per-row loop would take."""
    import time

    n = 200_000
    body = "\n".join(f"2026-01-{i % 28 + 1:02d},Camp {i % 700},Search,NOK,\"{1000 + i % 9000:,}\",{i % 90},"
                     f"{i % 1000}.25,{i % 3}.00" for i in range(n))
    text = ("Campaign report\n\"January 1, 2026 - January 28, 2026\"\n"
            "Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions\n" + body + "\n")
    t = time.perf_counter()
    fl = google_ads.parse("big.csv", text.encode())
    elapsed = time.perf_counter() - t
    assert len(fl.parts[0].frame) == n
    assert fl.parts[0].frame["spend"].sum() == pytest.approx(sum(i % 1000 + 0.25 for i in range(n)))
    assert elapsed < 10
