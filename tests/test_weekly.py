"""Golden numbers for the weekly sums and the six KPI cards, worked out by hand."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from metrics import kpis, weekly
from warehouse import db, settings, workspaces
from warehouse.contract import COLUMNS
from warehouse.loader import FileLoad, Part, load

W1 = date(2026, 11, 9)    # Monday, ISO week 46
W2 = date(2026, 11, 16)   # Monday, ISO week 47


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    for col in COLUMNS[table]:
        if col not in df.columns:
            df[col] = None
    return df[list(COLUMNS[table])]


def _ad(day: date, campaign: str, channel: str, spend: float, conv: float, clicks=10, impr=1000, value=0.0,
        end: date | None = None, source="google_ads") -> dict:
    return dict(source=source, account="A", campaign=campaign, campaign_type="Search", channel=channel,
                period_start=day, period_end=end or day, currency="NOK", spend=spend, impressions=impr,
                clicks=clicks, conversions=conv, conversion_value=value)


def _load(con, source: str, table: str, rows: list[dict], d0: date, d1: date, name: str) -> None:
    load(con, FileLoad(name, name, source, "A", d0, d1, (Part(table, _frame(table, rows)),)))


@pytest.fixture
def ws(tmp_path):
    return workspaces.create("t", tmp_path).path


def test_ratios_are_sums_over_sums_not_averages_of_daily_ratios(ws):
    with db.connect(ws) as con:
        # Monday: 100 kr for 1 lead (CPL 100); Tuesday: 900 kr for 9 leads (CPL 100)... and
        # Wednesday 1000 kr for 2 leads (CPL 500). Sum over sum: 2000 / 12 = 166.67.
        # The average of daily CPLs would be (100 + 100 + 500) / 3 = 233.33 — wrong.
        _load(con, "google_ads", "ad_performance", [
            _ad(W2, "S", "Paid Search", 100, 1), _ad(W2 + timedelta(1), "S", "Paid Search", 900, 9),
            _ad(W2 + timedelta(2), "S", "Paid Search", 1000, 2)], W2, W2 + timedelta(2), "f1")
        s = weekly.week_summary(con, W2)
    assert s.lead_source == "platform"
    assert s.card("spend").value == 2000
    assert s.card("leads").value == 12
    assert s.card("cpl").value == pytest.approx(2000 / 12)
    assert s.card("cpl").previous is None          # no data the week before: None, never 0
    assert s.card("cpl").change is None
    assert s.card("conversion_rate").value is None  # no GA4 data
    assert s.card("cac").value is None              # no CRM, not a shop


def test_week_vs_previous_week_and_direction(ws):
    with db.connect(ws) as con:
        _load(con, "google_ads", "ad_performance", [
            _ad(W1, "S", "Paid Search", 1000, 4), _ad(W2, "S", "Paid Search", 1200, 6)], W1, W2, "f")
        s = weekly.week_summary(con, W2)
    cpl = s.card("cpl")
    # W1: 1000/4 = 250; W2: 1200/6 = 200 → −20 %, and lower CPL is better.
    assert (cpl.value, cpl.previous) == (200, 250)
    assert cpl.change == pytest.approx(-0.2)
    assert cpl.improved is True
    spend = s.card("spend")
    assert spend.change == pytest.approx(0.2) and spend.improved is None  # spend has no good direction


def test_zero_leads_gives_no_cpl_not_infinity(ws):
    with db.connect(ws) as con:
        _load(con, "google_ads", "ad_performance", [_ad(W2, "S", "Paid Search", 500, 0)], W2, W2, "f")
        s = weekly.week_summary(con, W2)
    assert s.card("leads").value == 0
    assert s.card("cpl").value is None


def test_blocks_count_only_in_windows_that_hold_them_whole(ws):
    with db.connect(ws) as con:
        # A 14-day block (W1 Monday to W2 Sunday) and one day row in W2.
        _load(con, "meta", "ad_performance", [
            _ad(W1, "Block", "Paid Social", 1400, 7, end=W2 + timedelta(6), source="meta")], W1, W2 + timedelta(6), "b")
        _load(con, "google_ads", "ad_performance", [_ad(W2, "S", "Paid Search", 300, 3)], W2, W2, "d")
        s = weekly.week_summary(con, W2)
        both = weekly.period_sums(con, W1, W2 + timedelta(6))
    assert s.card("spend").value == 300          # the block spans two weeks: not in week 47 alone
    assert both["spend"] == 1700                 # but whole in the two-week window
    assert both["leads"] == 10


def test_crm_is_the_lead_truth_when_present_and_paid_cpl_uses_paid_channels(ws):
    with db.connect(ws) as con:
        _load(con, "google_ads", "ad_performance", [_ad(W2, "S", "Paid Search", 1200, 9, value=5000)], W2, W2, "a")
        deals = [dict(account="A", deal_id=f"d{i}", created_date=W2, won_date=W2 + timedelta(2) if i < 2 else None,
                      stage=None, source=None, channel=ch, campaign=None, value=10000.0 if i < 2 else None,
                      currency="NOK", is_qualified=True, period_start=W2, period_end=W2)
                 for i, ch in enumerate(["Paid Search", "Paid Search", "Paid Search", "Organic Search"])]
        _load(con, "crm", "crm_deals", deals, W2, W2, "c")
        costs = [dict(account="manual", month=date(2026, 11, 1), item="SEO", channel=None, amount=3000.0,
                      currency="NOK", period_start=date(2026, 11, 1), period_end=date(2026, 11, 30))]
        _load(con, "costs", "costs", costs, date(2026, 11, 1), date(2026, 11, 30), "k")
        s = weekly.week_summary(con, W2)
        settings.put(con, "lead_source", "platform")
        s_platform = weekly.week_summary(con, W2)
    assert s.lead_source == "crm"
    assert s.card("leads").value == 4                       # all CRM leads, organic too
    assert s.card("cpl").value == 400                       # 1200 kr / 3 paid CRM leads
    # CAC: (1200 ads + 3000 × 7/30 = 700 other costs) / 2 won = 950.
    assert s.card("cac").value == pytest.approx(950)
    assert s.card("roas").value == pytest.approx(20000 / 1200)   # CRM revenue by default when a CRM exists
    assert s_platform.card("cpl").value == pytest.approx(1200 / 9)


def test_ga4_conversion_rate_uses_lead_events_over_sessions(ws):
    with db.connect(ws) as con:
        rows = [dict(account="P", period_start=W2, period_end=W2, channel_group=ch, source=None, medium=None,
                     campaign=None, sessions=s, engaged_sessions=0, users=0, key_events=k * 2, lead_events=k,
                     revenue=0.0, purchases=0.0)
                for ch, s, k in (("Organic Search", 600, 6), ("Paid Search", 400, 2))]
        _load(con, "ga4", "web_analytics", rows, W2, W2, "g")
        _load(con, "google_ads", "ad_performance", [_ad(W2, "S", "Paid Search", 500, 5)], W2, W2, "a")
        s = weekly.week_summary(con, W2)
    assert s.lead_source == "ga4"
    assert s.card("conversion_rate").value == pytest.approx(8 / 1000)
    assert s.card("leads").value == 8
    assert s.card("cpl").value == 250                       # 500 kr / 2 paid GA4 lead events


def test_channel_table_keeps_missing_spend_as_none(ws):
    with db.connect(ws) as con:
        _load(con, "google_ads", "ad_performance", [
            _ad(W1, "S", "Paid Search", 400, 2), _ad(W2, "S", "Paid Search", 600, 3)], W1, W2, "a")
        rows = [dict(account="P", period_start=W2, period_end=W2, channel_group="Organic Search", source=None,
                     medium=None, campaign=None, sessions=100, engaged_sessions=0, users=0, key_events=4.0,
                     lead_events=None, revenue=0.0, purchases=0.0)]
        _load(con, "ga4", "web_analytics", rows, W2, W2, "g")
        settings.put(con, "lead_source", "platform")
        table = weekly.channel_table(con, W2)
    search = table[table["channel"] == "Paid Search"].iloc[0]
    assert (search["spend"], search["leads"], search["cpl"], search["previous_cpl"]) == (600, 3, 200, 200)
    assert list(table["channel"]) == ["Paid Search"]        # platform leads: organic has none


def test_weeks_are_iso_mondays_across_new_year(ws):
    with db.connect(ws) as con:
        days = [date(2026, 12, 27), date(2026, 12, 28), date(2027, 1, 3), date(2027, 1, 4)]
        _load(con, "google_ads", "ad_performance", [_ad(d, "S", "Paid Search", 100, 1) for d in days],
              days[0], days[-1], "a")
        weeks = weekly.complete_weeks(con, date(2027, 1, 12))
        s = weekly.week_summary(con, date(2026, 12, 28))
    assert weeks == [date(2027, 1, 4), date(2026, 12, 28), date(2026, 12, 21)]
    assert s.card("spend").value == 200        # 28 Dec and 3 Jan are one ISO week (2026-W53)


def test_running_week_is_never_offered(ws):
    with db.connect(ws) as con:
        _load(con, "google_ads", "ad_performance", [_ad(W2 + timedelta(7), "S", "Paid Search", 100, 1),
                                                    _ad(W2, "S", "Paid Search", 100, 1)], W2, W2 + timedelta(7), "a")
        # Wednesday 25 Nov: week 48 (from 23 Nov) is still running.
        assert weekly.complete_weeks(con, date(2026, 11, 25)) == [W2]
        assert weekly.default_week(con, date(2026, 11, 25)) == W2


def test_kpi_validation_reports_every_problem_at_once():
    bad = {
        "x": kpis.Kpi("y", "nope", "spend", "money", "lower", "kpi.cpl", "missing.key"),
        "z": kpis.Kpi("z", "spend", "alsonope", "money", "lower", "kpi.cpl", "kpi.cpl.help", scale=0),
    }
    problems = kpis.validate(bad)
    assert len(problems) == 5
    assert kpis.validate() == []


def test_ratio_nullif_rule():
    assert kpis.ratio(10, 0) is None
    assert kpis.ratio(None, 5) is None
    assert kpis.ratio(10, 4) == 2.5
    assert kpis.ratio(3, 1000, 1000) == 3
