"""Budget: guidance, the 70/20/10 split, planned vs actual per bucket and channel, blocks, FX, caps and pacing.

The March 2026 workspace used below (31 days), worked by hand:

| campaign (source)              | channel     | rows                         | NOK     | bucket      |
|--------------------------------|-------------|------------------------------|---------|-------------|
| Søk – Generisk (google_ads)    | Paid Search | 1–10 March, 260 a day        | 2 600   | proven (default) |
| Display – Retarget (google_ads)| Display     | one block 1–15 March         | 1 500   | improvement (set) |
| Over (google_ads)              | Paid Search | one block 20 March – 5 April | —       | in no month |
| TikTok test (tiktok)           | Paid Social | 5 and 6 March, 400 a day     | 800     | experiment (named by an experiment) |
| Meta USD (meta, USD)           | Paid Social | 2 March 100 USD × 10.5       | 1 050   | proven |
|                                |             | 3 March 50 USD, no rate      | left out, reported |

Plan 10 000 at 70/20/10 → planned 7 000 / 2 000 / 1 000.
Actual 3 650 (2 600 + 1 050) / 1 500 / 800 = 5 950.
"""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from metrics import budget
from tests.plan_support import load_ads, workspace
from warehouse import db, loader

MARCH = date(2026, 3, 1)


@pytest.fixture
def march(tmp_path):
    path = workspace(tmp_path)
    d = lambda day: date(2026, 3, day)  # noqa: E731
    load_ads(path, "google_ads",
             [("Søk – Generisk", "Paid Search", d(i), d(i), 260.0) for i in range(1, 11)]
             + [("Display – Retarget", "Display", d(1), d(15), 1500.0),
                ("Over", "Paid Search", d(20), date(2026, 4, 5), 999.0)])
    load_ads(path, "tiktok", [("TikTok test", "Paid Social", d(5), d(5), 400.0),
                              ("TikTok test", "Paid Social", d(6), d(6), 400.0)])
    load_ads(path, "meta", [("Meta USD", "Paid Social", d(2), d(2), 100.0),
                            ("Meta USD", "Paid Social", d(3), d(3), 50.0)], currency="USD")
    with db.connect(path) as con:
        con.execute("INSERT INTO fx_rates VALUES (?, 'USD', 10.5)", [d(2)])
        con.execute(
            "INSERT INTO experiments (experiment_id, name, channel, campaign, start_date, planned_end, created_at) "
            "VALUES (nextval('entity_id_seq'), 'TikTok', 'Paid Social', 'tiktok_test', ?, ?, ?)",
            [d(2), d(29), datetime(2026, 3, 1)])
        budget.set_campaign_bucket(con, "Display – Retarget", "improvement")
        budget.save_plan(con, MARCH, 10000.0, None, False, (70, 20, 10))
    return path


def test_guidance_is_5_to_10_percent_or_10_to_15_when_pushing() -> None:
    g = budget.guidance(100_000)
    assert (g.low, g.high, g.low_share, g.high_share) == (5_000, 10_000, 0.05, 0.10)
    g = budget.guidance(240_000, pushing=True)
    assert (g.low, g.high) == pytest.approx((24_000, 36_000))
    assert budget.guidance(None) is None and budget.guidance(0) is None


def test_plan_validation_names_every_problem() -> None:
    assert budget.validate_plan(10000, (70, 20, 10)) == []
    assert [(p.field, p.code, p.value) for p in budget.validate_plan(10000, (70, 20, 5))] == [
        ("shares", "shares_sum", 95)]
    assert [(p.field, p.code) for p in budget.validate_plan(None, (70, 20.5, 9.5), revenue=-1)] == [
        ("total", "required"), ("revenue", "negative"), ("improvement", "not_whole"), ("experiment", "not_whole")]
    assert [(p.field, p.code, p.value) for p in budget.validate_plan(-1, (110, -5, -5))] == [
        ("total", "negative", -1), ("proven", "out_of_range", 110), ("improvement", "out_of_range", -5),
        ("experiment", "out_of_range", -5)]


def test_saving_a_bad_split_changes_nothing(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        with pytest.raises(budget.InvalidPlan):
            budget.save_plan(con, MARCH, 10000, None, False, (60, 20, 10))
        assert budget.plan_for(con, MARCH) is None


def test_planned_vs_actual_per_bucket(march) -> None:
    with db.connect(march) as con:
        frame = budget.by_bucket(con, date(2026, 3, 17))
    assert frame["bucket"].tolist() == ["proven", "improvement", "experiment"]
    assert frame["share"].tolist() == [70, 20, 10]
    assert frame["planned"].tolist() == [7000.0, 2000.0, 1000.0]
    assert frame["actual"].tolist() == pytest.approx([3650.0, 1500.0, 800.0])
    assert frame["difference"].tolist() == pytest.approx([-3350.0, -500.0, -200.0])
    assert frame["actual_share"].tolist() == pytest.approx([3650 / 5950, 1500 / 5950, 800 / 5950])


def test_spend_without_an_fx_rate_is_reported_not_counted(march) -> None:
    with db.connect(march) as con:
        assert budget.unconverted(con, MARCH) == [budget.Unconverted("USD", 50.0, 1)]


def test_a_block_counts_only_in_a_month_that_holds_it_whole(march) -> None:
    with db.connect(march) as con:
        april = budget.by_bucket(con, date(2026, 4, 1))
        plan = budget.plan_for(con, date(2026, 4, 1))
    # "Over" (20 March – 5 April) is in neither month; April has no spend at all
    assert april["actual"].tolist() == [0.0, 0.0, 0.0]
    assert april["actual_share"].isna().all()
    # April has no plan of its own: March's carries over
    assert plan is not None and plan.carried_from == MARCH and plan.planned("proven") == 7000.0


def test_planned_vs_actual_per_channel_with_caps(march) -> None:
    with db.connect(march) as con:
        budget.set_cap(con, "Paid Search", 200.0)
        budget.set_cap(con, "Display", 100.0)
        budget.set_cap(con, "Email", 50.0)
        frame = budget.by_channel(con, MARCH)
    rows = [(r.channel, None if pd.isna(r.daily_cap) else r.daily_cap, None if pd.isna(r.planned) else r.planned,
             r.actual, r.proven, r.improvement, r.experiment) for r in frame.itertuples()]
    assert rows == [
        ("Display", 100.0, 3100.0, 1500.0, 0.0, 1500.0, 0.0),       # 100 × 31 days
        ("Email", 50.0, 1550.0, 0.0, 0.0, 0.0, 0.0),                  # a cap without spend
        ("Paid Search", 200.0, 6200.0, 2600.0, 2600.0, 0.0, 0.0),     # 200 × 31; the April block is not here
        ("Paid Social", None, None, 1850.0, 1050.0, 0.0, 800.0),      # 1 050 (USD at 10.5) + 800 TikTok
    ]


def test_pacing_worked_example() -> None:
    p = budget.pace(200.0, 10, 2600.0, 31, "Paid Search")
    # allowed 200 × 10 = 2 000; 2 600 / 2 000 = 1.30 → 30 % ahead; 2 600 / 10 × 31 = 8 060 by month end
    assert (p.allowed, p.ratio, p.projected, p.warn) == (2000.0, pytest.approx(1.3), pytest.approx(8060.0), True)
    assert p.ahead == pytest.approx(0.30)
    assert budget.pace(200.0, 10, 2100.0, 31).warn is False     # 5 % ahead: within the tolerance
    assert budget.pace(200.0, 10, 2101.0, 31).warn is True      # just over 5 %


def test_pacing_from_the_data(march) -> None:
    with db.connect(march) as con:
        budget.set_cap(con, "Paid Search", 200.0)
        budget.set_cap(con, "Display", 100.0)
        assert budget.last_data_day(con, MARCH) == date(2026, 3, 15)
        paced = budget.pacing(con, date(2026, 3, 10))
    assert [p.channel for p in paced] == ["Paid Search", "Display"]
    search, display = paced
    # 1–10 March: 2 600 on search against 200 × 10 (the 20 March block is not inside the range)
    assert (search.spent, search.allowed, search.days_elapsed, search.warn) == (2600.0, 2000.0, 10, True)
    assert search.ahead == pytest.approx(0.30)
    # the 1–15 March display block does not fit 1–10 March: nothing counted yet
    assert (display.spent, display.ratio, display.warn) == (0.0, 0.0, False)


def test_campaign_buckets_precedence(march) -> None:
    with db.connect(march) as con:
        camps = budget.campaign_buckets(con)
        got = {r.campaign: (r.bucket, r.origin) for r in camps.itertuples()}
        assert got == {"Søk – Generisk": ("proven", "default"), "Display – Retarget": ("improvement", "set"),
                       "Over": ("proven", "default"), "TikTok test": ("experiment", "experiment"),
                       "Meta USD": ("proven", "default")}
        # a choice by the user wins over the experiment; removing it restores the experiment bucket
        budget.save_campaign_buckets(con, {"TikTok test": "improvement"})
        assert budget.by_bucket(con, MARCH)["actual"].tolist() == pytest.approx([3650.0, 2300.0, 0.0])
        budget.save_campaign_buckets(con, {"TikTok test": None})
        assert budget.by_bucket(con, MARCH)["actual"].tolist() == pytest.approx([3650.0, 1500.0, 800.0])
        with pytest.raises(ValueError):
            budget.save_campaign_buckets(con, {"Over": "maybe"})


def test_caps_save_and_remove(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        budget.save_caps(con, {"Paid Search": 300.0, "Display": None})
        assert budget.caps(con) == {"Paid Search": 300.0}
        budget.save_caps(con, {"Paid Search": 0})
        assert budget.caps(con) == {}
        with pytest.raises(ValueError):
            budget.save_caps(con, {"Paid Search": -1})


def test_revenue_in_the_data_averages_complete_months(tmp_path) -> None:
    path = workspace(tmp_path)
    deals = pd.DataFrame([
        # won in January: 40 000; created in February and not won
        ("D1", date(2026, 1, 5), date(2026, 1, 20), 40000.0),
        ("D2", date(2026, 2, 3), None, 5000.0),
        ("D3", date(2026, 3, 2), date(2026, 3, 4), 9000.0),   # in the budget month itself: not counted
    ], columns=["deal_id", "created_date", "won_date", "value"])
    deals = deals.assign(account="crm", stage="won", source="google", channel="Paid Search", campaign="x",
                         currency="NOK", is_qualified=True, period_start=deals["created_date"],
                         period_end=deals["created_date"])
    with db.connect(path) as con:
        loader.load(con, loader.FileLoad("crm.csv", "h1", "crm", "crm", date(2026, 1, 5), date(2026, 3, 2),
                                         (loader.Part("crm_deals", deals),), "NOK"))
        est = budget.revenue_in_data(con, MARCH)
        assert budget.revenue_in_data(con, date(2026, 1, 1)) is None   # no complete month before January
    # January 40 000 and February 0 → 20 000 a month over 2 months
    assert (est.value, est.source, est.months, est.first_month, est.last_month) == (
        20000.0, "crm", 2, date(2026, 1, 1), date(2026, 2, 1))


def test_month_choices() -> None:
    got = budget.month_choices(date(2026, 11, 26), back=2, ahead=1)
    assert got == [date(2026, 12, 1), date(2026, 11, 1), date(2026, 10, 1), date(2026, 9, 1)]
