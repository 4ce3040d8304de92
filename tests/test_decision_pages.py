"""AppTest: the decision table component, the experiments and decision-log pages, the settings tab."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from i18n import tr
from streamlit.testing.v1 import AppTest

from metrics import decision_log, decisions, experiments
from tests.conftest import ROOT
from tests.decision_helpers import WEEK, add_target, weekly_ads, workspace
from warehouse import db, settings

TODAY = WEEK + timedelta(days=7)


@pytest.fixture
def ws(tmp_path):
    path = workspace(tmp_path)
    with db.connect(path) as con:
        weekly_ads(con, "Paid Search", [(950, 4)] * 8, campaign="<b>Generic</b>")
        weekly_ads(con, "Paid Social", [(1000, 1)] * 8, campaign="Retarget", source="meta")
        add_target(con, "cpl", "all", 400)
    return path


def run(script: str, path, lang="nb", week=WEEK, **state) -> AppTest:
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    at.session_state["db_path"] = str(path)
    at.session_state["lang"] = lang
    at.session_state["week_start"] = week
    for k, v in state.items():
        at.session_state[k] = v
    return at.run()


def table_rows(at: AppTest) -> list[list[str]]:
    """The decision table's Markdown, as rows of raw cells (header first, the alignment line left out)."""
    (md,) = [m.value for m in at.markdown if m.value.startswith("| ")]
    lines = md.splitlines()
    assert set(lines[1]) <= set("|:-")
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in [lines[0], *lines[2:]]]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_decision_table_renders_and_logs_the_week(ws, lang):
    at = run("tests/apps/decision_table_app.py", ws, lang, today=TODAY)
    assert not at.exception, at.exception
    header, *rows = table_rows(at)
    assert header[:2] == [tr(lang, "decisions.col.name"), tr(lang, "decisions.col.verdict")]
    names = [r[0] for r in rows]
    assert names[0] == ("Betalt sosialt" if lang == "nb" else "Paid Social")
    # A data name is inert text: its markup escaped, never a live tag.
    assert "  ↳ &lt;b&gt;Generic&lt;/b&gt;" in names or "↳ &lt;b&gt;Generic&lt;/b&gt;" in names
    assert not any("<b>" in c for r in rows for c in r)
    verdicts = [r[1] for r in rows]
    cut, scale = ("▼ KUTT", "▲ SKALER") if lang == "nb" else ("▼ CUT", "▲ SCALE")
    assert sum(v.startswith(f":red-badge[{cut}]") for v in verdicts) == 2
    assert sum(v.startswith(f":green-badge[{scale}]") for v in verdicts) == 2
    # The badge is followed by the next step in a few words: "Pause it" / "Sett på pause".
    assert sum(v.endswith(tr(lang, "decisions.step.pause")) for v in verdicts) == 2
    assert sum(v.endswith(tr(lang, "decisions.step.raise_budget").replace("~", "\\~")) for v in verdicts) == 2
    captions = " ".join(c.value for c in at.caption)
    # Σ(1 − p of the flag) = 2 · 0.009117 (CUT, Q(5.5, 12.5)) + 2 · 0.014281 (SCALE) = 0.0468 → "<0,1".
    assert ("4 flagg, omtrent <0,1 forventet" if lang == "nb" else "4 flags, about <0.1 expected") in captions
    # Viewing a complete week stored it in the decision log, once.
    with db.connect(ws) as con:
        assert con.execute("SELECT count(*) FROM decision_log WHERE week_start = ?", [WEEK]).fetchall()[0][0] == 4
    assert not at.get("plotly_chart")     # no chart until a row is picked


def test_running_week_is_not_logged(ws):
    at = run("tests/apps/decision_table_app.py", ws, today=WEEK + timedelta(days=3))
    assert not at.exception
    with db.connect(ws) as con:
        assert con.execute("SELECT count(*) FROM decision_log").fetchall()[0][0] == 0


def test_picking_a_row_draws_its_weekly_cpl(ws):
    at = run("tests/apps/decision_table_app.py", ws, "en", today=TODAY)
    assert not at.selectbox                                  # the row picker opens on request
    at.button(key="decision_drill_button").click().run()
    pick = at.selectbox(key=f"decision_pick_{WEEK}")
    assert pick.value is None
    assert pick.options[2] == "Paid Search"
    pick.set_value(2)
    at.run()
    assert not at.exception, at.exception
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    names = [tr.get("name") for tr in spec["data"]]
    assert names == ["Likely range (90%)", "CPL", "Target"]
    assert spec["data"][1]["y"][-1] == pytest.approx(237.5)
    assert spec["data"][2]["y"][-1] == 400
    assert "Paid Search" in [t.value for t in at.text]
    # The full reason is shown with it, as inert Markdown.
    why = [m.value for m in at.markdown if "chance" in m.value]
    assert why and why[0].startswith("There's a 99% chance the real cost per lead is under your NOK\u00a0400 target\\:")


def test_empty_workspace_table(tmp_path):
    at = run("tests/apps/decision_table_app.py", workspace(tmp_path, "empty"), "en", today=TODAY)
    assert not at.exception
    assert "No channels with ad spend" in at.info[0].value


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_experiments_page_register_refuse_close(ws, lang):
    at = run("views/experiments.py", ws, lang)
    assert not at.exception, at.exception
    assert at.title[0].value == ("Eksperimenter" if lang == "nb" else "Experiments")
    at.text_input(key="exp_name").input("Retarget video")
    at.date_input(key="exp_start").set_value(date(2026, 10, 12))
    at.date_input(key="exp_end").set_value(date(2026, 12, 20))          # 70 days: refused
    at.button(key="exp_register").click()
    at.run()
    assert not at.exception, at.exception
    assert at.error and ("4–6 uker" if lang == "nb" else "4–6 weeks") in at.error[0].value
    at.date_input(key="exp_end").set_value(date(2026, 11, 22))          # 42 days
    at.button(key="exp_register").click()
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Retarget video" in at.success[0].value
    with db.connect(ws) as con:
        (e,) = experiments.list_experiments(con)
    assert (e.name, e.channel, e.planned_weeks) == ("Retarget video", "Paid Search", 6)
    listed = at.dataframe[0].value
    assert list(listed.iloc[:, 0]) == ["Retarget video"]
    assert list(listed.iloc[:, 3]) == [("6 av 6" if lang == "nb" else "6 of 6")]
    at.selectbox(key="exp_close_outcome").set_value("cut")
    at.button(key="exp_close_save").click()
    at.run()
    with db.connect(ws) as con:
        assert experiments.get(con, e.experiment_id).status == "cut"


def test_decision_log_page(ws):
    at = run("views/decision_log.py", ws, "en")
    assert not at.exception
    assert "The log is empty" in at.info[0].value
    with db.connect(ws) as con:
        decision_log.snapshot(con, WEEK, decisions.week_rows(con, WEEK), TODAY)
    at = run("views/decision_log.py", ws, "en")
    assert not at.exception, at.exception
    assert at.title[0].value == "Decision log"
    frame = at.dataframe[0].value
    assert len(frame) == 4
    at.selectbox(key="dlog_action").set_value("cut")
    at.text_input(key="dlog_note").input("=paused on Monday")
    at.button(key="dlog_save").click()
    at.run()
    assert not at.exception
    with db.connect(ws) as con:
        recorded = [e for e in decision_log.entries(con) if e.action_taken]
    assert len(recorded) == 1 and recorded[0].note == "=paused on Monday"
    assert at.success[0].value == "Saved."
    assert "Cut" in list(at.dataframe[0].value.iloc[:, 5])
    dl = at.get("download_button")
    assert len(dl) == 1


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_settings_tab_saves_and_checks(ws, lang):
    at = run("tests/apps/settings_decisions_app.py", ws, lang)
    assert not at.exception, at.exception
    save = "dec_save"
    at.slider(key="dec_eval_weeks").set_value(8)
    at.number_input(key="dec_lag").set_value(3)
    options = at.multiselect(key="dec_excluded").options
    assert len(options) >= 8                    # Easter … New Year for 2026
    at.multiselect(key="dec_excluded").select(date(2026, 7, 6))
    at.button(key=save).click()
    at.run()
    assert not at.exception and not at.error
    with db.connect(ws) as con:
        assert settings.get(con, "eval_weeks") == 8 and settings.get(con, "lag_days") == 3
        assert settings.get(con, "excluded_weeks") == ["2026-07-06"]
    at.number_input(key="dec_cut").set_value(0.5)
    at.number_input(key="dec_scale").set_value(0.5)
    at.button(key=save).click()
    at.run()
    assert at.error
    with db.connect(ws) as con:
        assert settings.get(con, "cut_threshold") == 0.10


def test_top_actions_component(ws):
    at = run("tests/apps/decision_table_app.py", ws, "nb", today=TODAY, actions=True)
    assert not at.exception, at.exception
    assert at.subheader[0].value == "Denne uken"
    lines = [m.value for m in at.markdown if m.value.startswith(("1\\.", "2\\."))]
    # Escaped into inert Markdown (the names come from the data): ':' '(' '.' backslashed, '>' as &gt;.
    assert lines[0].startswith("1\\. Kutt Betalt sosialt\\: Det er &gt;99") and "sjanse" in lines[0]
    assert lines[1].startswith("2\\. Skaler Betalt søk\\:")


def test_a_big_account_starts_with_the_flagged_campaigns_with_most_spend(tmp_path):
    # 34 campaigns in one channel, 8 weeks each: 20 at 1 000 kr for 1 lead a week (CPL 1 000,
    # 2.5 × the 400 target: CUT), 14 at 500 kr for 5 leads (CPL 100: SCALE). With the channel row
    # that is 35 rows, over the 30 drawn at once, so the first screen shows the channel and the 15
    # flagged campaigns with the most spend: the 1 000-kr ones.
    path = workspace(tmp_path, "big")
    with db.connect(path) as con:
        for i in range(20):
            weekly_ads(con, "Paid Search", [(1000, 1)] * 8, campaign=f"Dear {i:02d}", account=f"a{i}")
        for i in range(14):
            weekly_ads(con, "Paid Search", [(500, 5)] * 8, campaign=f"Cheap {i:02d}", account=f"b{i}")
        add_target(con, "cpl", "all", 400)
    at = run("tests/apps/decision_table_app.py", path, "en", today=TODAY)
    assert not at.exception, at.exception
    header, *rows = table_rows(at)
    names = [r[0] for r in rows]
    assert len(rows) == 16 and names[0] == "Paid Search"
    assert all(n.startswith("↳ Dear") for n in names[1:])
    button = at.button(key="decision_all_campaigns_button")
    assert button.label == "Show all campaigns (19 more)"
    button.click().run()
    header, *rows = table_rows(at)
    assert len(rows) == 35
    assert at.button(key="decision_all_campaigns_button").label.startswith("Show only")


def test_every_action_has_its_few_words_for_the_table():
    from typing import get_args

    from i18n import CATALOG
    from metrics.verdict_rules import Action

    for act in (*get_args(Action), "keep"):
        assert {"nb", "en"} <= CATALOG[f"decisions.step.{act}"].keys(), act
