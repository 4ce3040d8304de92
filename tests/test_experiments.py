"""Experiments: registration rules, the 4–6-week clock, their rows in the table, ICE items."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from metrics import decisions, experiments
from metrics.experiments import ExperimentRefused, ExperimentSpec
from tests.decision_helpers import WEEK, add_target, weekly_ads, workspace
from warehouse import db


@pytest.fixture
def ws(tmp_path):
    return workspace(tmp_path)


def spec(**kw):
    base = dict(name="LinkedIn lead form", channel="Paid Social", start=date(2026, 10, 12),
                planned_end=date(2026, 11, 22), campaign="Lead form", budget=3000.0)
    base.update(kw)
    return ExperimentSpec(**base)


def test_lengths_and_clock():
    assert experiments.planned_weeks(date(2026, 10, 12), date(2026, 11, 22)) == 6     # 42 days
    assert experiments.planned_weeks(date(2026, 10, 12), date(2026, 11, 8)) == 4      # 28 days
    assert experiments.end_for(date(2026, 10, 12), 6) == date(2026, 11, 22)
    e = experiments.Experiment(1, "x", "Paid Social", None, None, "experiment", date(2026, 10, 14),
                               date(2026, 11, 24), None, "cpl", None, "running", None)
    assert e.week_of(date(2026, 10, 5)) == 0
    assert e.week_of(date(2026, 10, 12)) == 1      # starts on a Wednesday: its week is week 1
    assert e.week_of(WEEK) == 6


def test_refuses_other_lengths_with_a_sentence(ws):
    for end in (date(2026, 11, 7), date(2026, 11, 23)):   # 27 and 43 days
        with db.connect(ws) as con, pytest.raises(ExperimentRefused) as exc:
            experiments.register(con, spec(planned_end=end))
        days = (end - date(2026, 10, 12)).days + 1
        assert exc.value.message("en") == (f"An experiment should run 4–6 weeks, long enough to give an answer "
                                           f"without tying up the budget; this one is {days} days.")
        assert "4–6 uker" in exc.value.message("nb")
    problems = experiments.check(spec(name=" ", channel=None, bucket="big", budget=-1, target_value=0))
    assert [p.code for p in problems] == ["name", "channel", "bucket", "budget", "target"]


def test_register_and_row_in_table(ws):
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Social", [(500, 1)] * 4 + [(500, 3)] * 6, campaign="Lead form", source="linkedin")
        add_target(con, "cpl", "all", 400)
        e = experiments.register(con, spec())
        assert e.status == "running" and e.planned_weeks == 6 and e.bucket == "experiment"
        rows = decisions.week_rows(con, WEEK)
        exp_rows = [r for r in rows if r.kind == "experiment"]
        assert len(exp_rows) == 1
        r = exp_rows[0]
        assert (r.experiment_id, r.clock, r.clock_of, r.weeks_running) == (e.experiment_id, 6, 6, 6)
        # Only the experiment's weeks count: 6 weeks from 2026-10-12, lag 7 leaves 5 → 2 500 kr, 15 leads.
        assert (r.spend, r.leads) == (2500, 15)
        assert r.p == pytest.approx(decisions.bayes.p_cpl_at_most(400, 15, 2500, r.phi))
        # At week 6 of 6 it demands a decision.
        top = decisions.top_actions(con, WEEK, "en")
        assert any(s.startswith("Experiment “LinkedIn lead form” is in week 6 of 6: decide this week.") for s in top)
        assert any(s.startswith("Eksperimentet «LinkedIn lead form» er i uke 6 av 6")
                   for s in decisions.top_actions(con, WEEK, "nb"))
        # A week earlier it is week 5 of 6: "decide next Monday".
        prev = [r for r in decisions.week_rows(con, WEEK - timedelta(days=7)) if r.kind == "experiment"][0]
        assert (prev.clock, prev.clock_of) == (5, 6)
        # Closing it takes it off the table.
        assert experiments.close(con, e.experiment_id, "scaled")
        assert not [r for r in decisions.week_rows(con, WEEK) if r.kind == "experiment"]
        assert experiments.get(con, e.experiment_id).status == "scaled"


def test_experiment_undecided_at_its_end_is_no_clear_call(ws):
    with db.connect(ws) as con:
        # Right on target: 400 kr a lead.
        weekly_ads(con, "Paid Social", [(400, 1)] * 6, campaign="Lead form", source="linkedin")
        add_target(con, "cpl", "all", 400)
        experiments.register(con, spec())
        r = [r for r in decisions.week_rows(con, WEEK) if r.kind == "experiment"][0]
        assert (r.verdict, r.reason_code, r.action) == ("no_clear_call", "experiment_no_call", "decide")
        assert "week 6 of 6" in decisions.explain(r, "en", "NOK")


def test_experiment_target_value_overrides(ws):
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Social", [(500, 1)] * 6, campaign="Lead form", source="linkedin")
        e = experiments.register(con, spec(target_value=1000.0))
        r = [r for r in decisions.week_rows(con, WEEK) if r.kind == "experiment"][0]
        assert r.target == 1000 and r.verdict != "no_target"
        assert e.target_value == 1000


def test_create_from_ice(ws):
    with db.connect(ws) as con:
        con.execute(
            "INSERT INTO ice_items (item_id, name, channel, description, impact, confidence, effort, status, "
            "created_at) VALUES (901, 'Retargeting video', 'Paid Social', 'Video beats static', 7, 5, 3, 'idea', ?)",
            [datetime(2026, 10, 1)])
        e = experiments.create_from_ice(con, 901, start=date(2026, 11, 2), weeks=5, budget=2000.0)
        assert (e.name, e.channel, e.hypothesis, e.ice_item_id, e.bucket) == (
            "Retargeting video", "Paid Social", "Video beats static", 901, "experiment")
        assert e.planned_end == date(2026, 12, 6) and e.planned_weeks == 5
        assert con.execute("SELECT status FROM ice_items WHERE item_id = 901").fetchall()[0][0] == "doing"
        con.execute(
            "INSERT INTO ice_items (item_id, name, impact, confidence, effort, created_at) "
            "VALUES (902, 'Podcast', 5, 5, 5, ?)", [datetime(2026, 10, 1)])
        with pytest.raises(ExperimentRefused) as exc:
            experiments.create_from_ice(con, 902, start=date(2026, 11, 2))
        assert "no channel" in exc.value.message("en")
        with pytest.raises(ExperimentRefused):
            experiments.create_from_ice(con, 999, start=date(2026, 11, 2))
        with pytest.raises(ExperimentRefused):
            experiments.create_from_ice(con, 901, start=date(2026, 11, 2), weeks=8)


def test_experiment_without_data_says_so(ws):
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Social", [(500, 1)] * 6, campaign="Other", source="linkedin")
        add_target(con, "cpl", "all", 400)
        experiments.register(con, spec(campaign="Typo campaign"))
        r = [r for r in decisions.week_rows(con, WEEK) if r.kind == "experiment"][0]
        assert (r.verdict, r.reason_code, r.spend) == ("too_early", "no_spend", 0)
        assert decisions.explain(r, "en", "NOK").startswith("No spend recorded yet.")
