"""Every page runs on the demo workspace in both languages, through the real router and alone."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import DEMO_LAST_WEEK, ROOT, app_test
from ui.shell import PAGES

PAGE_FILES = [p[0] for p in PAGES]


def test_every_registered_page_file_exists():
    missing = [f for f in PAGE_FILES if not (ROOT / f).exists()]
    assert missing == []


def _texts(at: AppTest) -> str:
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "warning", "success", "error"):
        parts += [str(getattr(e, "value", "")) for e in getattr(at, kind)]
    parts += [m.label + " " + str(m.value) for m in at.metric]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_router_runs_every_page_on_the_demo(demo_db, lang):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    assert len(at.metric) == 6, "the Monday page opens with six KPI cards"
    for page in PAGE_FILES[1:]:
        if not (ROOT / page).exists():
            continue
        at.switch_page(page).run()
        assert not at.exception, f"{page} ({lang}): {at.exception}"
        assert not at.error, f"{page} ({lang}) shows an error: {[e.value for e in at.error]}"


def test_monday_page_numbers_match_the_metrics_layer(demo_db):
    from metrics import weekly
    from warehouse import db

    with db.connect(demo_db) as con:
        s = weekly.week_summary(con, DEMO_LAST_WEEK)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    cards = {m.label: m.value for m in at.metric}
    spend = s.card("spend").value
    assert cards["Spend"] == f"NOK\u00a0{spend:,.0f}"
    assert cards["Leads"] == f"{s.card('leads').value:,.0f}"
    assert cards["CPL (paid)"] == f"NOK\u00a0{s.card('cpl').value:,.0f}"
    assert at.title[0].value == "Week 47 · 16–22 November 2026"


def test_monday_page_in_norwegian_formats_the_local_way(demo_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert at.title[0].value == "Uke 47 · 16.–22. november 2026"
    spend = next(m.value for m in at.metric if m.label == "Kostnad")
    assert spend.endswith("\u00a0kr") and "\u00a0" in spend[:-3]


def test_empty_workspace_shows_a_guide_not_zeros(data_dir):
    from warehouse import workspaces

    ws = workspaces.create("Ny bedrift", data_dir)
    at = app_test("views/monday.py", ws.path, "en", week=None).run()
    assert not at.exception
    assert at.metric == [] or len(at.metric) == 0
    assert "Welcome to Mandag" in _texts(at)
    assert "Upload exports" in _texts(at)


def test_first_start_creates_the_demo(data_dir):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert [p.name for p in data_dir.glob("*.duckdb")] == ["Demo - Rørlegger Nord AS.duckdb"]
    assert any("demo" in c.value.lower() for c in at.caption)


def test_workspaces_page_creates_renames_and_deletes(data_dir):
    from warehouse import workspaces

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page("views/workspaces.py").run()
    at.text_input[0].input("Rørlegger Sør AS")
    at.button(key="FormSubmitter:ws_create-Opprett").click().run()
    assert not at.exception
    assert "Rørlegger Sør AS" in [w.name for w in workspaces.list_workspaces(data_dir)]
    assert at.session_state["workspace"] == "Rørlegger Sør AS"
    at.text_input(key="new_Rørlegger Sør AS").input("Sør AS")
    at.button(key="ren_Rørlegger Sør AS").click().run()
    assert "Sør AS" in [w.name for w in workspaces.list_workspaces(data_dir)]
    at.text_input(key="del_Sør AS").input("Sør AS").run()
    at.button(key="delbtn_Sør AS").click().run()
    assert "Sør AS" not in [w.name for w in workspaces.list_workspaces(data_dir)]


def test_language_switch_in_the_sidebar(demo_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert at.title[0].value.startswith("Uke 47")
    at.button_group(key="_lang_pick").set_value("en").run()
    assert not at.exception
    assert at.session_state["lang"] == "en"
    assert at.title[0].value == "Week 47 · 16–22 November 2026"
    assert "Spend" in [m.label for m in at.metric]


def test_week_picker_and_previous_week_button(demo_db):
    from datetime import timedelta

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    at.button[0].click().run()      # "◀ uke 46"
    assert not at.exception
    assert at.session_state["week_pick"] == DEMO_LAST_WEEK - timedelta(days=7)
    assert at.title[0].value.startswith("Uke 46")


def test_the_demo_has_a_one_click_way_out(demo_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    at.button(key="demo_leave").click().run()
    assert not at.exception
    assert at.title[0].value == "Arbeidsområder"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_page_runs_on_an_empty_workspace(data_dir, lang):
    from warehouse import workspaces

    workspaces.create("Ny bedrift AS", data_dir)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    assert at.metric == [] or len(at.metric) == 0          # no zeros made up for a workspace without data
    for page in PAGE_FILES[1:]:
        at.switch_page(page).run()
        assert not at.exception, f"{page} ({lang}): {at.exception}"
        assert not at.error, f"{page} ({lang}) shows an error: {[e.value for e in at.error]}"


def test_sidebar_weeks_one_click_for_recent_and_a_list_for_older(demo_db):
    from datetime import timedelta

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    seg = at.sidebar.button_group(key="_weekseg_nb")
    weeks = [DEMO_LAST_WEEK - timedelta(days=7 * k) for k in (3, 2, 1, 0)]
    assert list(seg.options) == ["44", "45", "46", "47"]            # the newest four, oldest left
    assert seg.value == DEMO_LAST_WEEK
    seg.set_value(weeks[1]).run()
    assert not at.exception
    assert at.title[0].value.startswith("Uke 45")
    at.sidebar.button_group(key="_weekseg_nb").set_value(None).run()   # the picked week clicked again
    assert at.title[0].value.startswith("Uke 45")                     # … changes nothing
    assert not at.sidebar.selectbox
    at.sidebar.button(key="weeks_open").click().run()                 # "Velg en eldre uke"
    older = DEMO_LAST_WEEK - timedelta(days=7 * 17)                   # week 30
    at.sidebar.selectbox(key="_week_nb").set_value(older).run()
    assert not at.exception
    assert at.title[0].value.startswith("Uke 30")
    assert not at.sidebar.selectbox                                   # the list closes again
    assert list(at.sidebar.button_group(key="_weekseg_nb").options) == ["30", "44", "45", "46", "47"]


def test_a_week_of_another_year_names_its_year():
    from datetime import date

    from ui import shell

    assert shell._week_segment(date(2026, 11, 16), 2026) == "47"
    assert shell._week_segment(date(2025, 11, 17), 2026) == "47 · 2025"
    assert shell._week_segment(date(2025, 12, 29), 2026) == "1"        # ISO week 1 of 2026 starts in 2025


def test_clicking_the_open_workspace_again_keeps_it(demo_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    picker = at.sidebar.pills[0]
    assert picker.value == picker.options[0] == demo_db.stem
    picker.set_value(None).run()
    assert not at.exception
    assert at.session_state["workspace"] == demo_db.stem
    assert at.sidebar.pills[0].value == demo_db.stem
    assert at.title[0].value.startswith("Uke 47")


def test_trends_open_and_close_below_the_fold(demo_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not at.get("plotly_chart")                       # no chart on the first screen
    button = at.button(key="monday_trends_button")
    assert button.label.startswith("Vis trender")
    button.click().run()
    assert not at.exception
    assert len(at.get("plotly_chart")) >= 1
    assert at.button(key="monday_trends_button").label == "Skjul trendene"
    at.button(key="monday_trends_button").click().run()
    assert not at.get("plotly_chart")
