"""AppTest over views/targets.py: list, create, refuse, edit, delete, and the glide-path chart."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from metrics import periods, targets
from tests.conftest import app_test
from tests.metrics_support import put
from warehouse import db, workspaces


@pytest.fixture()
def ws_path(data_dir):
    ws = workspaces.create("Rørlegger", data_dir)
    monday = periods.last_complete_week()
    with db.connect(ws.path) as con:
        # Six complete weeks of Google Ads data: 1000 kr and 2 conversions a week → CPL 500.
        rows = []
        for i in range(6):
            day = monday - timedelta(days=7 * i)
            rows.append({"day": day.isoformat(), "campaign": "Generic", "spend": 1000, "conversions": 2})
        put(con, "ad_performance", rows)
    return ws.path


def _targets(path):
    with db.connect(path) as con:
        return targets.list_targets(con)


def test_empty_then_create_a_target(ws_path):
    at = app_test("views/targets.py", ws_path, lang="en").run()
    assert not at.exception
    assert at.title[0].value == "Targets"
    assert any("No targets yet" in i.value for i in at.info)
    start = periods.last_complete_week() - timedelta(days=35)
    at.text_input(key="new_baseline").input("520")
    at.text_input(key="new_target").input("-25%")
    at.date_input(key="new_start").set_value(start)
    at.date_input(key="new_deadline").set_value(start + timedelta(days=364))
    at.button(key="new_submit").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Target saved."]
    (tg,) = _targets(ws_path)
    assert (tg.kpi, tg.scope, tg.baseline, tg.target_value) == ("cpl", "all", 520, 390)
    at.run()
    df = at.dataframe[0].value
    assert list(df["Baseline → target"]) == ["NOK\u00a0520 → NOK\u00a0390"]
    # The chart: the glide path starts near 520 and actual CPL is 500 each week.
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    glide, actual = spec["data"][0]["y"], spec["data"][1]["y"]
    assert glide[0] == pytest.approx(520 - 130 * 6 / 364)
    assert actual[:5] == [500, 500, 500, 500, 500]


def test_refuses_a_target_that_is_not_smart(ws_path):
    at = app_test("views/targets.py", ws_path, lang="nb").run()
    at.text_input(key="new_baseline").input("520")
    at.text_input(key="new_target").input("390")
    at.date_input(key="new_start").set_value(date(2026, 6, 1))
    at.date_input(key="new_deadline").set_value(date(2026, 5, 1))
    at.button(key="new_submit").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Fristen (2026-05-01) må være etter starten (2026-06-01)."]
    assert _targets(ws_path) == []


def test_edit_and_delete(ws_path):
    with db.connect(ws_path) as con:
        t, _ = targets.create_target(con, targets.TargetSpec("cpl", "all", "520", "-25%", "2026-01-05", "2026-12-31"))
    at = app_test("views/targets.py", ws_path, lang="en").run()
    key = f"edit{t.target_id}"
    assert at.text_input(key=f"{key}_target").value == "-25%"
    at.text_input(key=f"{key}_target").input("-20%")
    at.button(key=f"{key}_submit").click().run()
    assert not at.exception
    (edited,) = _targets(ws_path)
    assert edited.target_value == pytest.approx(416)            # 520 × 0.8
    assert at.button(key="delete_target").disabled             # not before the user confirms
    at.checkbox(key=f"delete_sure{t.target_id}").check().run()
    at.button(key="delete_target").click().run()
    assert not at.exception
    assert _targets(ws_path) == []
