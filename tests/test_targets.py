"""SMART target rules, glide path status and projection, the CSV import and the command line."""
from __future__ import annotations

import json
from datetime import date

import pytest

from metrics import progress, targets
from metrics import __main__ as cli
from metrics.targets import TargetRefused, TargetSpec, create_target
from metrics.targets_csv import TargetImportError, import_csv
from tests.metrics_support import D, put
from warehouse import db, workspaces


@pytest.fixture()
def path(tmp_path):
    ws = workspaces.create("t", tmp_path)
    with db.connect(ws.path) as con:
        # Four weeks of Google Ads "Generic" (Paid Search): CPL 500, 480, 470, 450.
        put(con, "ad_performance", [
            {"day": "2026-10-26", "campaign": "Generic", "spend": 1000, "conversions": 2, "clicks": 40},
            {"day": "2026-11-02", "campaign": "Generic", "spend": 960, "conversions": 2, "clicks": 40},
            {"day": "2026-11-09", "campaign": "Generic", "spend": 940, "conversions": 2, "clicks": 40},
            {"day": "2026-11-16", "campaign": "Generic", "spend": 900, "conversions": 2, "clicks": 40},
        ])
    return ws.path


@pytest.fixture()
def con(path):
    with db.connect(path) as c:
        yield c


def _codes(exc: TargetRefused) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in exc.problems]


def test_refuses_what_is_not_smart_with_every_reason_at_once(con):
    with pytest.raises(TargetRefused) as e:
        create_target(con, TargetSpec("happiness", "channel:TV", "1", "2", "2026-06-01", None))
    assert _codes(e.value) == [("kpi", "kpi_unknown"), ("scope", "scope_nothing"), ("deadline", "deadline_missing")]
    assert e.value.problems[2].message("en") == "The target needs a deadline: a target without one is not SMART."
    with pytest.raises(TargetRefused) as e:
        create_target(con, TargetSpec("cpl", "all", "520", "390", "2026-06-01", "2026-05-01"))
    assert _codes(e.value) == [("deadline", "deadline_before_start")]
    assert e.value.problems[0].message("nb") == "Fristen (2026-05-01) må være etter starten (2026-06-01)."
    with pytest.raises(TargetRefused) as e:
        create_target(con, TargetSpec("spend", "campaign:Nope", "abc", "", "2026-13-01", "2026-12-31"))
    assert _codes(e.value) == [("kpi", "kpi_no_direction"), ("scope", "scope_nothing"), ("start", "date_bad"),
                               ("baseline", "number_bad"), ("target", "target_missing")]
    with pytest.raises(TargetRefused) as e:
        create_target(con, TargetSpec("leads", "all", "0", "+40%", "2026-01-05", "2026-12-31"))
    assert _codes(e.value) == [("target", "relative_zero_baseline")]
    with pytest.raises(TargetRefused) as e:
        create_target(con, TargetSpec("cpl", "sometimes", None, "0", "2026-01-05", "2026-12-31"))
    assert _codes(e.value) == [("scope", "scope_bad"), ("baseline", "baseline_missing"), ("target", "value_not_positive")]
    assert targets.list_targets(con) == []


def test_units_relative_targets_and_warnings(con):
    # Site conversion rate 1.2 % → 2.0 %, typed in percent, stored as fractions. 51 weeks: +1.3 %/week, fine.
    t, warn = create_target(con, TargetSpec("conversion_rate", "all", "1,2", "2.0%", "2026-01-05", "2026-12-28"))
    assert (t.baseline, t.target_value, warn) == (pytest.approx(0.012), pytest.approx(0.02), [])
    # Leads +40 %: 44 → 61.6.
    t, _ = create_target(con, TargetSpec("leads", "channel:paid search", "44", "+40 %", "2026-01-05", "2026-12-28"))
    assert t.target_value == pytest.approx(61.6) and t.scope == "channel:paid search"
    # CPL −25 % in 4 weeks is 6.25 % a week: refused? No — stored, with a warning.
    t, warn = create_target(con, TargetSpec("cpl", "campaign:generic", "520", "−25%", "2026-11-02", "2026-11-30"))
    assert t.target_value == pytest.approx(390)
    assert [(w.code, w.params) for w in warn] == [("steep", {"per_week": "6.2"})]
    # A CPL target above the baseline is worse: warned, not refused.
    _, warn = create_target(con, TargetSpec("cpl", "all", "400", "450", "2026-01-05", "2026-12-28"))
    assert [w.code for w in warn] == ["wrong_direction"]


def test_baseline_computed_from_a_period(con):
    # Baseline period 26 Oct – 8 Nov: 1960 spend / 4 conversions = 490.
    t, _ = create_target(con, TargetSpec("cpl", "all", None, "-10%", "2026-11-09", "2027-06-28",
                                         baseline_from="2026-10-26", baseline_to="2026-11-08"))
    assert t.baseline == pytest.approx(490) and t.target_value == pytest.approx(441)
    with pytest.raises(TargetRefused) as e:
        create_target(con, TargetSpec("cpl", "all", None, "-10%", "2026-11-09", "2027-06-28",
                                      baseline_from="2025-01-01", baseline_to="2025-01-31"))
    assert _codes(e.value) == [("baseline", "baseline_no_data")]


def test_status_tolerance():
    # CPL (lower is better) against a glide value of 400: the band is 360 … 440.
    assert targets.status("cpl", 359, 400) == "ahead"
    assert targets.status("cpl", 360, 400) == "on_track"
    assert targets.status("cpl", 440, 400) == "on_track"
    assert targets.status("cpl", 441, 400) == "behind"
    # Leads (higher is better) against 50: 45 … 55.
    assert targets.status("leads", 56, 50) == "ahead"
    assert targets.status("leads", 44, 50) == "behind"
    assert targets.status("leads", None, 50) is None


def test_progress_status_per_week_and_projection(con):
    t, _ = create_target(con, TargetSpec("cpl", "all", "520", "390", "2026-10-26", "2027-01-31"))
    p = progress.progress(con, t, today=D("2026-11-24"))
    # 97 days from 26 Oct to 31 Jan. Week 26 Oct ends on day 6: 520 − 130 × 6/97 = 511.96; actual 500 → on track.
    w = {x.week_start: x for x in p.weeks}
    assert w[D("2026-10-26")].glide == pytest.approx(520 - 130 * 6 / 97)
    assert (w[D("2026-10-26")].actual, w[D("2026-10-26")].status) == (500, "on_track")
    # Week 16 Nov (day 27): glide 520 − 130 × 27/97 = 483.81; actual 450 → still within 10 % → on track.
    assert w[D("2026-11-16")].glide == pytest.approx(483.814433, abs=1e-5)
    assert w[D("2026-11-16")].status == "on_track"
    # The running week (23 Nov) is in progress: no status, no data yet.
    assert (w[D("2026-11-23")].in_progress, w[D("2026-11-23")].status) == (True, None)
    assert p.latest.week_start == D("2026-11-16")
    # Projection: 500, 480, 470, 450 fall 16 a week (least squares, mean 475 at 1.5 weeks before
    # 16 Nov). The deadline week (26 Jan) is 10 weeks after 16 Nov: 475 − 16 × 11.5 = 291.
    assert p.projection == pytest.approx(291)
    assert p.projected_status == "ahead"           # 291 < 390 − 39


def test_projection_needs_three_of_four_weeks(con):
    t, _ = create_target(con, TargetSpec("cpl", "all", "520", "390", "2026-10-26", "2027-01-31"))
    # On 17 Nov the last complete week is 9 Nov: weeks 19 Oct (no data), 26 Oct, 2 Nov, 9 Nov → 3 points.
    assert progress.progress(con, t, today=D("2026-11-17")).projection is not None
    # On 10 Nov: 12 Oct, 19 Oct (no data), 26 Oct, 2 Nov → 2 points → no projection.
    assert progress.progress(con, t, today=D("2026-11-10")).projection is None


CSV_GOOD = """kpi,scope,baseline,target,start,deadline,owner
cpl,all,520,390,2026-01-05,2026-12-31,Kari
leads,channel:Paid Search,44,+40%,2026-01-05,2026-12-31,
conversion_rate,all,1.2%,2.0%,2026-01-05,2026-12-31,
"""

CSV_BAD = """kpi,scope,baseline,target,start,deadline
cpl,all,520,390,2026-01-05,2026-12-31
cpl,all,520,390,2026-01-05,
spend,campaign:Nowhere,1,2,2026-01-05,2026-12-31
cpl,all,520,-25%,2026-02-30,2026-12-31
cpl,all,520
"""


def test_csv_import_loads_every_row(con):
    stored, warnings = import_csv(con, CSV_GOOD)
    assert [(t.kpi, t.scope, t.baseline, t.target_value, t.owner) for t in stored] == [
        ("cpl", "all", 520, 390, "Kari"),
        ("leads", "channel:Paid Search", 44, pytest.approx(61.6), None),
        ("conversion_rate", "all", pytest.approx(0.012), pytest.approx(0.02), None),
    ]
    assert warnings == []
    assert len(targets.list_targets(con)) == 3


def test_csv_import_refuses_the_file_naming_each_bad_line_and_column(con):
    with pytest.raises(TargetImportError) as e:
        import_csv(con, CSV_BAD)
    assert [m for m in str(e.value).splitlines()] == [
        "line 3, column “deadline”: The target needs a deadline: a target without one is not SMART.",
        "line 4, column “kpi”: “spend” has no better direction, so it cannot have a target.",
        "line 4, column “scope”: “campaign:Nowhere” matches nothing in the data. Check the spelling, or load its data first.",
        "line 5, column “start”: “2026-02-30” is not a date. Write it as YYYY-MM-DD.",
        "line 6: The line has 3 fields but the header has 6.",
    ]
    assert targets.list_targets(con) == []       # line 2 was fine, but nothing is loaded
    with pytest.raises(TargetImportError) as e:
        import_csv(con, "kpi;scope;target\ncpl;all;390\n")
    assert str(e.value) == ("line 1: Columns missing: baseline, start, deadline. "
                            "The first line must be kpi,scope,baseline,target,start,deadline.")


def test_cli_targets_import_and_list(path, tmp_path, capsys):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(CSV_GOOD, encoding="utf-8")
    bad.write_text(CSV_BAD, encoding="utf-8")
    assert cli.main(["targets", "import", str(bad), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}, line 3, column “deadline”" in err and "nothing loaded" in err
    assert cli.main(["targets", "import", str(good), "--db", str(path)]) == 0
    assert "loaded 3 targets" in capsys.readouterr().out
    assert cli.main(["targets", "list", "--db", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(t["kpi"], t["target_value"], t["start_date"]) for t in listed][:1] == [("cpl", 390.0, "2026-01-05")]


def test_cli_week_json(path, capsys):
    with db.connect(path) as con:
        create_target(con, TargetSpec("cpl", "all", "520", "390", "2026-10-26", "2027-01-31"))
    assert cli.main(["week", "--db", str(path), "--week", "2026-11-18", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["week_start"] == "2026-11-16" and out["currency"] == "NOK"
    k = out["kpis"]
    assert set(k) == {"spend", "leads", "cpl", "cac", "roas", "conversion_rate"}
    # Week 16 Nov: 900 spend, 2 platform conversions (no GA4, no CRM) → CPL 450; the week before 470.
    assert k["spend"] == {"value": 900.0, "previous": 940.0, "target": None, "status": "no_target"}
    assert k["cpl"]["value"] == 450 and k["cpl"]["previous"] == 470
    assert k["cpl"]["target"] == pytest.approx(520 - 130 * 27 / 97)
    assert k["cpl"]["status"] == "on_track"
    # No GA4 data: conversion rate is null with status no_data, never 0.
    assert k["conversion_rate"] == {"value": None, "previous": None, "target": None, "status": "no_data"}
    assert isinstance(out["rows"], list)
    for row in out["rows"]:
        assert {"channel", "campaign", "weeks_running", "spend", "leads", "cpl", "p", "verdict", "reason"} <= set(row)


def test_glide_path_lists_every_week():
    t = targets.Target(1, "cpl", "all", 520, 390, date(2026, 1, 5), date(2026, 1, 25))
    # 20 days; weeks end on day 6, 13, 20 → 520 − 130 × 6/20, × 13/20, target.
    assert targets.glide_path(t) == [(date(2026, 1, 5), pytest.approx(481)), (date(2026, 1, 12), pytest.approx(435.5)),
                                     (date(2026, 1, 19), 390)]


def test_cli_refuses_a_missing_workspace_without_creating_it(tmp_path):
    missing = tmp_path / "nope.duckdb"
    with pytest.raises(SystemExit) as e:
        cli.main(["week", "--db", str(missing), "--json"])
    assert "There is no workspace at" in str(e.value.code)
    assert not missing.exists()


def test_cli_week_text(path, capsys):
    assert cli.main(["week", "--db", str(path), "--week", "2026-11-16"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Week 47 · 16–22 November 2026 · NOK"
    assert " ".join(out[3].split()) == "cpl NOK 450.00 previous NOK 470.00 target — no target"
