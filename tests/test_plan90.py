"""90-day plan: phase dates from a start, generation, overdue, validation, the timeline; the demo content."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from metrics import budget, ice, plan90, strategy
from metrics.plan_demo import seed_demo_plans
from tests.plan_support import workspace
from warehouse import db

START = date(2026, 1, 5)   # a Monday


def test_phase_boundaries_from_a_start() -> None:
    # weeks 1–2 = days 1–14, weeks 3–4 = days 15–30, month 2 = days 31–60, month 3 = days 61–90
    assert plan90.phase_dates(START, "w1-2") == (date(2026, 1, 5), date(2026, 1, 18))
    assert plan90.phase_dates(START, "w3-4") == (date(2026, 1, 19), date(2026, 2, 3))
    assert plan90.phase_dates(START, "m2") == (date(2026, 2, 4), date(2026, 3, 5))     # February has 28 days
    assert plan90.phase_dates(START, "m3") == (date(2026, 3, 6), date(2026, 4, 4))
    assert plan90.plan_end(START) == date(2026, 4, 4) == START + timedelta(days=89)
    assert plan90.next_monday(date(2026, 11, 26)) == date(2026, 11, 30)   # Thursday → next Monday
    assert plan90.next_monday(date(2026, 11, 30)) == date(2026, 11, 30)   # a Monday stays


def test_generate_from_the_template_once(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        assert plan90.generate(con, START, "nb", "Kari") == 14
        assert plan90.generate(con, START + timedelta(days=7), "en") == 0   # already there
        frame = plan90.milestones(con, START)
    by_phase = frame.groupby("phase")["due_date"].agg(["count", "min", "max"])
    assert by_phase.loc["w1-2"].tolist() == [4, date(2026, 1, 18), date(2026, 1, 18)]
    assert by_phase.loc["w3-4"].tolist() == [3, date(2026, 2, 3), date(2026, 2, 3)]
    assert by_phase.loc["m2"].tolist() == [3, date(2026, 3, 5), date(2026, 3, 5)]
    assert by_phase.loc["m3"].tolist() == [4, date(2026, 4, 4), date(2026, 4, 4)]
    assert set(frame["owner"]) == {"Kari"} and set(frame["status"]) == {"todo"}
    assert "Sett opp sporing: GA4, Search Console, Tag Manager og annonsepiksler" in set(frame["title"])
    assert frame["title"].iloc[0] == "Bestem SMART-mål og KPI-ene som skal følges"


def test_generated_titles_follow_the_language(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        plan90.generate(con, START, "en")
        titles = set(plan90.milestones(con, START)["title"])
    assert "Test search ads on 5–10 keywords" in titles and "Publish the first customer case" in titles


def test_overdue(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        plan90.generate(con, START, "nb")
        # due 18 Jan: not overdue on the due date itself
        assert plan90.overdue(con, date(2026, 1, 18)) == []
        late = plan90.overdue(con, date(2026, 1, 21))
        assert [(o.phase, o.days_overdue, o.status) for o in late] == [("w1-2", 3, "todo")] * 4
        plan90.set_status(con, late[0].item_id, "done")
        plan90.set_status(con, late[1].item_id, "doing")   # started but not done: still overdue
        assert len(plan90.overdue(con, date(2026, 1, 21))) == 3
        # on 4 Feb the weeks 3–4 milestones (due 3 Feb) join: 3 + 3
        feb = plan90.overdue(con, date(2026, 2, 4))
        assert [o.days_overdue for o in feb] == [17, 17, 17, 1, 1, 1]
        frame = plan90.milestones(con, date(2026, 2, 4))
        assert sorted(frame["overdue_days"].dropna().astype(int).tolist()) == [1, 1, 1, 17, 17, 17]


def test_milestone_validation_and_edit(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        assert [(p.field, p.code) for p in plan90.validate(con, plan90.Milestone(" ", None, status="late"))] == [
            ("title", "required"), ("due_date", "required"), ("status", "unknown_choice")]
        bad = plan90.Milestone("Kundecase", date(2026, 2, 1), start_date=date(2026, 2, 2), target_id=999)
        assert [(p.field, p.code) for p in plan90.validate(con, bad)] == [
            ("start_date", "start_after_due"), ("target_id", "unknown_link")]
        with pytest.raises(plan90.InvalidMilestone):
            plan90.add(con, bad)
        con.execute("INSERT INTO targets (target_id, kpi, scope, target_value, start_date, deadline, created_at) "
                    "VALUES (77, 'cpl', 'all', 390, '2026-01-05', '2026-12-31', now())")
        mid = plan90.add(con, plan90.Milestone("Kundecase", date(2026, 2, 1), "Jonas", target_id=77))
        plan90.update(con, mid, plan90.Milestone("Kundecase borettslag", date(2026, 2, 8), "Jonas", "doing",
                                                 "m2", date(2026, 2, 2), 77))
        row = plan90.milestones(con, date(2026, 2, 1)).iloc[0]
        assert (row["title"], row["due_date"], row["status"], row["target_label"]) == (
            "Kundecase borettslag", date(2026, 2, 8), "doing", "CPL (paid) · all channels")
        assert plan90.target_label(None, "cpl", "channel:Paid Search", "nb") == "CPL (betalt) · Paid Search"
        assert plan90.target_label("Halver CPL", "cpl", "all", "nb") == "Halver CPL"
        assert plan90.target_label(None, None, None, "nb") is None
        assert plan90.delete(con, mid) and plan90.milestones(con, START).empty


def test_restart_keeps_started_milestones(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        plan90.generate(con, START, "nb")
        first = int(plan90.milestones(con, START)["item_id"].iloc[0])
        plan90.set_status(con, first, "doing")
        assert plan90.clear_generated(con) == 13
        assert plan90.generate(con, date(2026, 2, 2), "nb") == 13
        frame = plan90.milestones(con, START)
    assert len(frame) == 14 and plan90.plan_start is not None


def test_timeline_labels_cannot_carry_html(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        plan90.add(con, plan90.Milestone("<a href='https://x.example'>klikk</a>", date(2026, 1, 10),
                                         start_date=date(2026, 1, 5)))
        bars = plan90.timeline(con, date(2026, 1, 20))
    assert bars["label"].iloc[0] == "&lt;a href='https://x.example'&gt;klikk&lt;/a&gt;"
    assert (str(bars["start"].iloc[0].date()), str(bars["end"].iloc[0].date())) == ("2026-01-05", "2026-01-11")
    assert bool(bars["is_overdue"].iloc[0]) is True


def test_demo_plans_for_the_plumber(tmp_path) -> None:
    path = workspace(tmp_path)
    start = date(2026, 10, 8)
    with db.connect(path) as con:
        con.execute("INSERT INTO targets (target_id, kpi, scope, target_value, start_date, deadline, created_at) "
                    "VALUES (5, 'cpl', 'all', 390, '2026-06-01', '2027-06-01', now())")
        seed_demo_plans(con, start, "nb")
        seed_demo_plans(con, start, "nb")   # a second run adds nothing new
        backlog = ice.backlog(con)
        # the demo's "now" is start + 45 days = 22 Nov; weeks 3–4 ended 6 Nov (start + 29)
        late = plan90.overdue(con, date(2026, 11, 22))
        frame = plan90.milestones(con, date(2026, 11, 22))
        plan = budget.plan_for(con, date(2026, 11, 1))
        personas = strategy.notes(con, "persona")
        comps = strategy.notes(con, "competitor")
        vp = strategy.value_proposition(strategy.single(con, "value_prop"), "nb")
    assert len(backlog) == 9 and backlog["score"].is_monotonic_decreasing
    assert [(o.title, o.due_date, o.status) for o in late] == [
        ("Optimaliser Google-bedriftsprofilen", date(2026, 11, 6), "doing"),
        ("Lag grunnstrukturen for innholdsplanen", date(2026, 11, 6), "todo")]
    assert len(frame) == 14
    assert frame.loc[frame["title"].str.startswith("Test søkeannonser"), "target_label"].tolist() == [
        "CPL (paid) · all channels"]
    assert plan is not None and (plan.total, plan.shares) == (90000.0, (70, 20, 10))
    assert [p.content["name"] for p in personas] == ["Huseier som skal pusse opp badet", "Huseier med akutt lekkasje",
                                                     "Styreleder i borettslag"]
    assert len(comps) == 4
    assert vp is not None and vp.startswith("For huseiere og borettslag i Tromsø som har lekkasje")
