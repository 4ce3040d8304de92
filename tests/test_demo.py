"""The demo workspace is deterministic and tells the story it promises."""
from __future__ import annotations

from datetime import date, timedelta

from connectors import demo
from metrics import freshness, weekly
from tests.conftest import DEMO_END, DEMO_LAST_WEEK
from warehouse import db, workspaces


def _fingerprint(path) -> tuple:
    with db.connect(path) as con:
        return (
            con.execute("SELECT count(*), round(sum(spend), 2), sum(clicks) FROM ad_performance").fetchall()[0],
            con.execute("SELECT count(*), sum(sessions) FROM web_analytics").fetchall()[0],
            con.execute("SELECT count(*), sum(impressions) FROM search_rows").fetchall()[0],
            con.execute("SELECT count(*), round(sum(value), 2) FROM crm_deals").fetchall()[0],
        )


def test_same_end_date_gives_the_same_workspace(tmp_path, demo_master):
    again = tmp_path / "again.duckdb"
    demo.build(again, end=DEMO_END)
    assert _fingerprint(again) == _fingerprint(demo_master)


def test_thirty_complete_weeks_ending_last_sunday(demo_master):
    with db.connect(demo_master) as con:
        first, last = weekly.data_range(con)
        weeks = weekly.complete_weeks(con, DEMO_END)
        sources = {r[0] for r in con.execute("SELECT DISTINCT source FROM ad_performance").fetchall()}
        channels = {r[0] for r in con.execute("SELECT DISTINCT channel_group FROM web_analytics").fetchall()}
        queries = [r[0] for r in con.execute("SELECT DISTINCT query FROM search_rows").fetchall()]
        costs = con.execute("SELECT count(DISTINCT item) FROM costs").fetchall()[0][0]
        types = {r[0] for r in con.execute("SELECT DISTINCT campaign_type FROM ad_performance WHERE source = 'google_ads'").fetchall()}
    assert last == date(2026, 11, 22) and first == date(2026, 4, 27)
    assert len(weeks) == 30 and weeks[0] == DEMO_LAST_WEEK
    assert sources == {"google_ads", "meta", "linkedin"}
    assert types == {"Search", "Display"}
    assert {"Organic Search", "Paid Search", "Paid Social", "Display", "Direct", "Email"} <= channels
    assert any(q.startswith(("hvordan", "hva", "hvorfor")) for q in queries)
    assert any("rørlegger nord" in q for q in queries)          # brand queries
    assert costs == 3


def _cpl(con, channel: str, start: date, end: date) -> float:
    spend = con.execute("SELECT sum(spend) FROM ad_performance WHERE channel = ? AND source != 'linkedin' "
                        "AND period_start BETWEEN ? AND ?", [channel, start, end]).fetchall()[0][0]
    leads = con.execute("SELECT count(*) FROM crm_deals WHERE channel = ? AND campaign NOT LIKE 'LinkedIn%' "
                        "AND created_date BETWEEN ? AND ?", [channel, start, end]).fetchall()[0][0]
    return spend / leads


def test_the_story_one_to_scale_one_to_cut_one_too_close(demo_master):
    start, end = DEMO_LAST_WEEK - timedelta(days=35), DEMO_LAST_WEEK + timedelta(days=6)
    with db.connect(demo_master) as con:
        search = _cpl(con, "Paid Search", start, end)
        social = _cpl(con, "Paid Social", start, end)
        display = _cpl(con, "Display", start, end)
        exp = con.execute("SELECT name, start_date, planned_end FROM experiments").fetchall()
        targets = dict(con.execute("SELECT kpi, target_input FROM targets").fetchall())
    assert search < 320            # clearly under a CPL target of about 450 kr
    assert social > 800            # clearly over it
    assert 330 < display < 600     # close to it
    (name, exp_start, planned_end), = exp
    assert name.startswith("LinkedIn")
    assert (DEMO_LAST_WEEK - exp_start).days // 7 + 1 == 5       # the judged week is the experiment's 5th
    assert (planned_end - exp_start).days == 41                   # a 6-week test
    assert targets == {"cpl": "-25%", "leads": "+40%", "conversion_rate": "2.0%", "revenue": "+20%"}


def test_tracking_gap_and_search_console_delay_are_visible(demo_master):
    with db.connect(demo_master) as con:
        notes = {n.source: n for n in freshness.notes(con, DEMO_LAST_WEEK)}
    assert notes["ga4"].status == "gap"
    assert notes["ga4"].gap_week == DEMO_LAST_WEEK - timedelta(days=7 * 9)
    assert notes["search_console"].status == "delay"
    assert notes["google_ads"].status == "ok"


def test_the_demo_is_marked_as_demo(demo_master):
    assert workspaces.get_meta(demo_master, "is_demo") == "1"
    with db.connect(demo_master) as con:
        origins = {r[0] for r in con.execute("SELECT DISTINCT origin FROM imports").fetchall()}
    assert origins == {"demo"}


def test_cli_builds_the_demo(tmp_path):
    import subprocess
    import sys

    target = tmp_path / "d.duckdb"
    out = subprocess.run([sys.executable, "-m", "connectors", "demo", "--db", str(target)], capture_output=True,
                         text=True, check=True, cwd=str(__import__("pathlib").Path(__file__).parents[1]))
    assert "Demo workspace written" in out.stdout
    assert target.exists()
