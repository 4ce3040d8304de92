"""The planning pages under AppTest, in both languages: render, add, edit, delete, and the special flows."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest

from i18n import fmt, tr
from metrics import budget, plan90
from metrics.periods import today_utc
from tests.plan_support import load_ads, page, workspace
from warehouse import db

LANGS = ("nb", "en")


def texts(elements) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.value for e in elements]


def table(at, i: int = 0):  # type: ignore[no-untyped-def]
    return at.dataframe[i].value


@pytest.mark.parametrize("script,title", [("plan_ice.py", "plan.ice_title"), ("plan_budget.py", "plan.budget_title"),
                                          ("plan_90.py", "plan.plan90_title"), ("strategy.py", "plan.strategy_title")])
@pytest.mark.parametrize("lang", LANGS)
def test_pages_render_on_an_empty_workspace(tmp_path, lang: str, script: str, title: str) -> None:
    at = page(script, workspace(tmp_path), lang).run()
    assert not at.exception
    assert at.title[0].value == tr(lang, title)


@pytest.mark.parametrize("lang", LANGS)
def test_pages_without_a_workspace_say_what_to_do(tmp_path, monkeypatch, lang: str) -> None:
    monkeypatch.setenv("MANDAG_DATA", str(tmp_path / "none"))
    for script in ("plan_ice.py", "plan_budget.py", "plan_90.py", "strategy.py"):
        at = page(script, None, lang).run()
        assert not at.exception
        assert tr(lang, "plan.no_workspace") in texts(at.info)


# ---------------------------------------------------------------- ICE


@pytest.mark.parametrize("lang", LANGS)
def test_ice_suggestions_add_edit_delete_and_experiment(tmp_path, lang: str) -> None:
    path = workspace(tmp_path)
    at = page("plan_ice.py", path, lang).run()
    assert tr(lang, "plan.ice.empty") in texts(at.info)

    at.button(key="plan_ice_suggest").click().run()
    assert texts(at.success) == [tr(lang, "plan.ice.suggestions_added", n=4)]
    assert table(at)[tr(lang, "plan.ice.col.score")].tolist() == [512, 504, 336, 252]
    at.button(key="plan_ice_suggest").click().run()
    assert texts(at.success) == [tr(lang, "plan.ice.suggestions_none")]
    assert len(table(at)) == 4

    # an out-of-range value is refused with a sentence, nothing is added
    at.text_input(key="plan_ice_add_name").input("Landingsside for borettslag")
    at.text_input(key="plan_ice_add_channel").input("Paid Search")
    at.number_input(key="plan_ice_add_i").set_value(0)
    at.number_input(key="plan_ice_add_c").set_value(8)
    at.number_input(key="plan_ice_add_e").set_value(2)
    at.button(key="plan_ice_add_submit").click().run()
    assert texts(at.error) == [tr(lang, "plan.ice.err.out_of_range", field=tr(lang, "plan.ice.col.impact"), value=0)]
    assert len(table(at)) == 4

    at.number_input(key="plan_ice_add_i").set_value(9)
    at.button(key="plan_ice_add_submit").click().run()
    assert not at.error
    view = table(at)
    assert view[tr(lang, "plan.ice.col.score")].tolist()[0] == 648          # 9 × 8 × (11 − 2)
    assert view[tr(lang, "plan.ice.col.formula")].tolist()[0] == "9 × 8 × (11 − 2)"
    assert view[tr(lang, "plan.ice.col.name")].tolist()[0] == "Landingsside for borettslag"

    # edit: impact 9 → 10 gives 10 × 8 × 9 = 720
    with db.connect(path) as con:
        item_id = con.execute("SELECT item_id FROM ice_items WHERE name = 'Landingsside for borettslag'").fetchall()[0][0]
    at.selectbox(key="plan_ice_pick").set_value(item_id).run()
    assert at.selectbox(key="plan_ice_pick").options[0] == "Landingsside for borettslag · 648"
    at.number_input(key=f"plan_ice_edit_{item_id}_i").set_value(10)
    at.button(key=f"plan_ice_edit_{item_id}_submit").click().run()
    assert table(at)[tr(lang, "plan.ice.col.score")].tolist()[0] == 720

    # turn it into an experiment
    at.number_input(key=f"plan_ice_exp_budget_{item_id}").set_value(6000.0)
    at.text_input(key=f"plan_ice_exp_campaign_{item_id}").input("Søk – borettslag")
    at.button(key=f"plan_ice_exp_submit_{item_id}").click().run()
    assert not at.exception and not at.error
    with db.connect(path) as con:
        rows = con.execute("SELECT name, channel, campaign, budget, status, ice_item_id FROM experiments").fetchall()
    assert rows == [("Landingsside for borettslag", "Paid Search", "Søk – borettslag", 6000.0, "running", item_id)]
    assert table(at)[tr(lang, "plan.ice.col.experiment")].tolist()[0].startswith("#")

    # delete asks first; cancel keeps it, yes removes it
    at.button(key="plan_ice_delete").click().run()
    assert len(at.warning) == 1
    at.button(key="plan_ice_delete_no").click().run()
    assert len(table(at)) == 5 and not at.warning
    at.button(key="plan_ice_delete").click().run()
    at.button(key="plan_ice_delete_yes").click().run()
    assert len(table(at)) == 4
    assert "Landingsside for borettslag" not in table(at)[tr(lang, "plan.ice.col.name")].tolist()


# ---------------------------------------------------------------- budget


@pytest.mark.parametrize("lang", LANGS)
def test_budget_split_validation_planned_vs_actual_and_pacing(tmp_path, lang: str) -> None:
    path = workspace(tmp_path)
    today = today_utc()
    first = today.replace(day=1)
    days = max(1, (today - first).days)            # complete days so far this month (at least the 1st)
    load_ads(path, "google_ads", [("Søk – Generisk", "Paid Search", first + timedelta(days=i),
                                   first + timedelta(days=i), 300.0) for i in range(days)])
    with db.connect(path) as con:
        budget.set_cap(con, "Paid Search", 200.0)   # 300 a day against a 200 cap: 50 % ahead
    at = page("plan_budget.py", path, lang).run()
    assert not at.exception
    assert len(at.warning) == 1 and "Paid Search" in at.warning[0].value
    assert tr(lang, "plan.budget.no_plan") in texts(at.info)

    at.number_input(key=f"plan_budget_total_{first}").set_value(20000.0)
    at.number_input(key=f"plan_budget_share_proven_{first}").set_value(75)
    at.button(key=f"plan_budget_save_{first}").click().run()
    assert texts(at.error) == [tr(lang, "plan.budget.err.shares_sum", field=tr(lang, "plan.budget.field.shares"),
                                  value=105)]
    at.number_input(key=f"plan_budget_share_improvement_{first}").set_value(15)
    at.button(key=f"plan_budget_save_{first}").click().run()
    assert not at.error and len(at.success) == 1
    buckets = table(at, 0)
    planned = buckets[tr(lang, "plan.budget.col.planned")].tolist()
    # 20 000 × 75 % / 15 % / 10 %
    assert planned == [f"15\u00a0000\u00a0kr", "3\u00a0000\u00a0kr", "2\u00a0000\u00a0kr"] if lang == "nb" else \
        planned == ["NOK\u00a015,000", "NOK\u00a03,000", "NOK\u00a02,000"]
    with db.connect(path) as con:
        plan = budget.plan_for(con, first)
    assert plan is not None and (plan.total, plan.shares) == (20000.0, (75, 15, 10))

    # the revenue guidance follows the entered revenue: 300 000 → 15 000–30 000
    at.number_input(key=f"plan_budget_revenue_{first}").set_value(300000.0)
    at.run()
    money = lambda x: fmt.money(x, "NOK", lang)  # noqa: E731
    assert tr(lang, "plan.budget.guidance", low=money(15000), high=money(30000), low_pct=fmt.percent(0.05, lang, 0),
              high_pct=fmt.percent(0.10, lang, 0), revenue=money(300000)) in texts(at.info)


# ---------------------------------------------------------------- 90-day plan


@pytest.mark.parametrize("lang", LANGS)
def test_plan90_generate_add_edit_delete_and_timeline(tmp_path, lang: str) -> None:
    path = workspace(tmp_path)
    today = today_utc()
    at = page("plan_90.py", path, lang).run()
    assert tr(lang, "plan.p90.empty") in texts(at.info)

    start = today - timedelta(days=40)            # weeks 1–4 (due start+13 and start+29) are past
    at.date_input(key="plan_p90_start").set_value(start)
    at.text_input(key="plan_p90_gen_owner").input("Kari")
    at.button(key="plan_p90_generate_submit").click().run()
    assert not at.exception
    plan = table(at)
    assert len(plan) == 14
    assert tr(lang, "plan.p90.tpl.first_case") in plan[tr(lang, "plan.p90.col.title")].tolist()
    assert at.warning[0].value.startswith(tr(lang, "plan.p90.overdue", n=7))

    # the timeline has today's marker
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["shapes"][0]["x0"] == today.isoformat()
    assert len(spec["data"]) >= 2   # overdue and not-started bars in separate colours

    # a milestone without a title or date is refused with sentences
    at.button(key="plan_p90_add_submit").click().run()
    assert texts(at.error) == [
        tr(lang, "plan.p90.err.required", field=tr(lang, "plan.p90.field.title")),
        tr(lang, "plan.p90.err.required", field=tr(lang, "plan.p90.field.due_date"))]
    at.text_input(key="plan_p90_add_title").input("Kundecase: borettslaget Breivika")
    at.date_input(key="plan_p90_add_due").set_value(today + timedelta(days=30))
    at.button(key="plan_p90_add_submit").click().run()
    assert not at.error and len(table(at)) == 15

    # edit the first (overdue) milestone to done: one fewer overdue
    first_id = int(at.selectbox(key="plan_p90_pick").value)
    at.selectbox(key=f"plan_p90_edit_{first_id}_status").set_value("done")
    at.button(key=f"plan_p90_edit_{first_id}_submit").click().run()
    assert at.warning[0].value.startswith(tr(lang, "plan.p90.overdue", n=6))

    # delete with confirmation
    at.button(key="plan_p90_delete").click().run()
    at.button(key="plan_p90_delete_yes").click().run()
    assert len(table(at)) == 14
    with db.connect(path) as con:
        assert plan90.get(con, first_id) is None


# ---------------------------------------------------------------- strategy


@pytest.mark.parametrize("lang", LANGS)
def test_strategy_value_prop_personas_swot_competitors_export(tmp_path, lang: str) -> None:
    path = workspace(tmp_path)
    at = page("strategy.py", path, lang).run()
    assert tr(lang, "plan.strat.vp_pattern") in texts(at.info)

    parts = {"audience": "huseiere", "problem": "har lekkasje", "solution": "døgnvakt", "result": "tørt bad",
             "proof": "vi kommer innen to timer"}
    for f, v in parts.items():
        at.text_input(key=f"plan_strat_vp_{f}").input(v)
    at.button(key="plan_strat_vp_submit").click().run()
    sentence = {"nb": "For huseiere som har lekkasje, tilbyr vi døgnvakt som gir tørt bad, fordi vi kommer innen "
                      "to timer.",
                "en": "For huseiere who har lekkasje, we offer døgnvakt that gives tørt bad, because vi kommer innen "
                      "to timer."}[lang]
    assert sentence.replace(".", "\\.") in texts(at.info)

    # add a persona, edit it, delete it (with confirmation)
    at.text_input(key="plan_strat_persona_new_name").input("Styreleder [borettslag](javascript:x)")
    at.text_area(key="plan_strat_persona_new_role").input("Frivillig")
    at.button(key="plan_strat_persona_new_submit").click().run()
    assert not at.exception and len(at.success) == 1
    with db.connect(path) as con:
        (nid,) = con.execute("SELECT note_id FROM strategy_notes WHERE section = 'persona'").fetchall()[0]
    at.text_area(key=f"plan_strat_persona_{nid}_decision_q").input("Hvordan blir det for beboerne?")
    at.button(key=f"plan_strat_persona_{nid}_submit").click().run()
    with db.connect(path) as con:
        content = json.loads(con.execute("SELECT content FROM strategy_notes WHERE section = 'persona'").fetchall()[0][0])
    assert content["decision_questions"] == "Hvordan blir det for beboerne?" and content["role"] == "Frivillig"

    # SWOT and a competitor
    at.text_area(key="plan_strat_swot_strengths").input("Døgnvakt\nSertifisert for våtrom")
    at.button(key="plan_strat_swot_submit").click().run()
    at.text_input(key="plan_strat_comp_new_name").input("Ishavsrør AS")
    at.text_input(key="plan_strat_comp_new_price").input("=1+1")
    at.button(key="plan_strat_comp_new_submit").click().run()
    assert table(at)[tr(lang, "plan.strat.f.name")].tolist() == ["Ishavsrør AS"]

    # the export shows the escaped Markdown
    md = at.code[0].value
    assert "\\[borettslag\\]" in md and "](javascript" not in md
    assert "- Sertifisert for våtrom" in md and "Ishavsrør AS" in md

    at.button(key=f"plan_strat_del_persona_{nid}").click().run()
    at.button(key=f"plan_strat_del_yes_persona_{nid}").click().run()
    with db.connect(path) as con:
        assert con.execute("SELECT count(*) FROM strategy_notes WHERE section = 'persona'").fetchall() == [(0,)]
