"""The Monday view's extras: 4-week and last-year CPL per channel, targets in force, verdicts once."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from metrics import monday
from tests.conftest import DEMO_END, DEMO_LAST_WEEK
from warehouse import db, workspaces
from warehouse.contract import COLUMNS
from warehouse.loader import FileLoad, Part, load

W = date(2026, 11, 16)


def _rows(weeks: list[tuple[date, float, float]]) -> pd.DataFrame:
    rows = [dict(source="google_ads", account="A", campaign="S", campaign_type="Search", channel="Paid Search",
                 period_start=w, period_end=w, currency="NOK", spend=s, impressions=100, clicks=10, conversions=c,
                 conversion_value=0.0) for w, s, c in weeks]
    return pd.DataFrame(rows)[list(COLUMNS["ad_performance"])]


def test_channel_cpl_over_four_weeks_and_last_year(tmp_path):
    ws = workspaces.create("t", tmp_path).path
    # Mondays of weeks 44–47 2026: spend 100/200/300/400, leads 1/1/2/4 → 4-week CPL 1000 / 8 = 125.
    # Same ISO week a year earlier (Monday 17 Nov 2025): 600 kr for 3 leads → 200.
    weeks = [(W - timedelta(days=7 * i), s, c) for i, (s, c) in enumerate([(400, 4), (300, 2), (200, 1), (100, 1)])]
    weeks.append((date(2025, 11, 17), 600, 3))
    frame = _rows(weeks)
    with db.connect(ws) as con:
        load(con, FileLoad("f", "f", "google_ads", "A", frame["period_start"].min(), frame["period_end"].max(),
                           (Part("ad_performance", frame),)))
        history = monday.channel_cpl_history(con, W)
    assert history["Paid Search"] == (pytest.approx(125.0), pytest.approx(200.0))


def test_demo_view_has_targets_and_computes_verdicts_once(demo_master):
    with db.connect(demo_master) as con:
        view = monday.view(con, DEMO_LAST_WEEK, DEMO_END)
        verdicts = monday.decision_view(con, DEMO_LAST_WEEK, DEMO_END)
    # the CPL target: 520 → 390 from 25 May 2026 to 25 May 2027, read on the judged week's Sunday
    assert view.targets["cpl"] == pytest.approx(520 - 130 * (date(2026, 11, 22) - date(2026, 5, 25)).days / 365)
    assert view.target_status["cpl"] in ("ahead", "on_track", "behind")
    assert view.targets["cac"] is None and view.target_status["cac"] is None
    assert verdicts.is_latest
    assert len(verdicts.top_nb) == 3 and len(verdicts.top_en) == 3
    assert {r.verdict for r in verdicts.rows if r.kind == "channel"} >= {"scale", "cut"}


def test_budget_strip_for_the_judged_weeks_month(demo_master):
    from metrics import budget

    with db.connect(demo_master) as con:
        strip = monday.budget_strip(con, DEMO_LAST_WEEK)
        plan = budget.plan_for(con, date(2026, 11, 1))
    assert strip.month == date(2026, 11, 1)          # week 47 ends on Sunday 22 November
    assert strip.has_plan == (plan is not None)
    assert list(strip.rows["bucket"]) == ["proven", "improvement", "experiment"]
    if plan is not None:                              # shares shown as fractions: 70 % → 0.7
        assert list(strip.rows["share"]) == [s / 100 for s in plan.shares]
    spent = strip.rows["actual"].sum()
    shares = [s for s in strip.rows["actual_share"] if s is not None]
    assert spent > 0 and sum(shares) == pytest.approx(1.0)


def test_weekly_cpl_series_for_the_trend_chart(tmp_path):
    from metrics import trends

    ws = workspaces.create("t", tmp_path).path
    weeks = [(W - timedelta(days=7 * i), s, c) for i, (s, c) in enumerate([(400, 4), (300, 0), (200, 1)])]
    frame = _rows(weeks)
    with db.connect(ws) as con:
        load(con, FileLoad("f", "f", "google_ads", "A", frame["period_start"].min(), frame["period_end"].max(),
                           (Part("ad_performance", frame),)))
        series = trends.weekly_series(con, W, weeks=4)
    # oldest first: an empty week, then 200/1, 300/0 (no CPL, not 0 or ∞), 400/4
    assert list(series["week_start"]) == [W - timedelta(days=7 * i) for i in (3, 2, 1, 0)]
    assert series["cpl"].iloc[0] is None or pd.isna(series["cpl"].iloc[0])
    assert series["cpl"].iloc[1] == pytest.approx(200.0)
    assert series["cpl"].iloc[2] is None or pd.isna(series["cpl"].iloc[2])
    assert series["spend"].iloc[2] == pytest.approx(300.0)
    assert series["cpl"].iloc[3] == pytest.approx(100.0)
    assert series["cpl_target"].isna().all()          # no CPL target in this workspace
