"""Shops (ROAS), the conversion-rate guardrail, every reason sentence, atypical weeks, settings."""
from __future__ import annotations

import string
from dataclasses import replace
from datetime import date

import pytest

from i18n import CATALOG
from metrics import atypical_weeks, decision_row, decision_settings, decision_text, decisions
from metrics.decision_text import explain
from metrics.decisions import DecisionRow
from tests.decision_helpers import WEEK, add_target, weekly_ads, workspace
from warehouse import db, settings


@pytest.fixture
def ws(tmp_path):
    return workspace(tmp_path)


def test_shop_judged_on_roas(ws):
    with db.connect(ws) as con:
        settings.put(con, "business_type", "shop")
        settings.put(con, "revenue_lag_days", 0)
        # 500 kr a week buys 3 sales worth 3 000 kr: ROAS 6 against a target of 3.
        weekly_ads(con, "Paid Shopping", [(500, 3)] * 8, revenue=[3000] * 8)
        add_target(con, "roas", "all", 3)
        r = decisions.week_rows(con, WEEK)[0]
        assert (r.kpi, r.verdict, r.roas_target) == ("roas", "scale", 3)
        assert r.sales == 18 and r.revenue == 18000       # 6 window weeks, no revenue lag
        assert r.p > 0.99 and 4 < r.roas_likely < 8
        text = explain(r, "en", "NOK")
        assert text.startswith("There's a >99% chance the real ROAS is at least 3.0: most likely about ")
        assert "(18 sales for NOK" in text


def test_shop_with_too_few_sales(ws):
    with db.connect(ws) as con:
        settings.put(con, "business_type", "shop")
        settings.put(con, "revenue_lag_days", 0)
        weekly_ads(con, "Paid Shopping", [(500, 0)] * 6 + [(500, 1)] * 2, revenue=[0] * 6 + [900] * 2)
        add_target(con, "roas", "all", 3)
        r = decisions.week_rows(con, WEEK)[0]
        assert (r.verdict, r.reason_code) == ("keep_testing", "too_few_sales")
        assert decisions.explain(r, "en", "NOK").startswith("Too few sales to judge ROAS (2 so far, 5 needed).")
        # With a CPL target it is judged on cost per lead, and says why.
        add_target(con, "cpl", "all", 400)
        r = decisions.week_rows(con, WEEK)[0]
        assert r.kpi == "cpl" and r.reason_params["sales_guard"] is True
        assert "(Too few sales to judge ROAS yet; judged on cost per lead.)" in decisions.explain(r, "en", "NOK")


def test_shop_without_roas_target(ws):
    with db.connect(ws) as con:
        settings.put(con, "business_type", "shop")
        weekly_ads(con, "Paid Shopping", [(500, 3)] * 8, revenue=[3000] * 8)
        r = decisions.week_rows(con, WEEK)[0]
        assert (r.verdict, r.reason_code) == ("no_target", "no_target_roas")
        assert "Set a ROAS target" in decisions.explain(r, "en", "NOK")


def test_conversion_rate_guardrail(ws):
    with db.connect(ws) as con:
        # 5 judged weeks × (4 leads, 60 clicks) = 20 leads from 300 clicks against a 2 % target.
        weekly_ads(con, "Paid Search", [(950, 4)] * 8, clicks_per_week=60)
        add_target(con, "cpl", "all", 400)
        add_target(con, "conversion_rate", "all", 0.02)
        r = decisions.week_rows(con, WEEK)[0]
        assert r.p_cvr == pytest.approx(decisions.bayes.p_cvr_at_least(0.02, 20, 300))
        assert r.p_cvr > 0.99


REASON_CODES = decisions.ReasonCode.__args__


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("code", REASON_CODES)
def test_every_reason_renders_with_numbers(code, lang):
    verdict = {"scale": "scale", "cut": "cut", "zero_lead_stop": "cut", "held_scale": "scale", "held_cut": "cut",
               "too_early": "too_early", "no_clear_call": "no_clear_call", "experiment_no_call": "no_clear_call",
               "no_target_cpl": "no_target", "no_target_roas": "no_target"}.get(code, "keep_testing")
    row = DecisionRow(kind="channel", channel="Paid Search", campaign=None, experiment_id=None,
                      experiment_name=None, bucket=None, weeks_running=8, clock=6, clock_of=6, spend=3800.0,
                      leads=14.0, cpl=271.4, p=0.9213, cpl_low=178.58, cpl_high=429.18, cpl_likely=268.21,
                      cpl_cautious=384.46, target=400.0, verdict=verdict, reason_code=code)
    row = replace(row, reason_params=decision_row._params(vars(row), decisions.Judgement(
        "scale", "scale", "cpl", 3800, 14, 0.9213, 1.0, 400, decisions.bayes.cpl_posterior(400, 14, 3800))),
        action=decision_row._action(vars(row)))
    text = explain(row, lang, "NOK")
    assert "{" not in text and "}" not in text and "—" not in text, text
    for kpi in ("cpl", "roas"):
        key = f"decisions.reason.{kpi}.{code}" if kpi == "roas" else f"decisions.reason.{code}"
        if key in CATALOG:
            fields = {f for _, f, _, _ in string.Formatter().parse(CATALOG[key][lang]) if f}
            assert fields <= set(decision_text.reason_fields(row, lang, "NOK")), key


def test_atypical_weeks():
    assert atypical_weeks.easter_sunday(2026) == date(2026, 4, 5)
    assert atypical_weeks.easter_sunday(2025) == date(2025, 4, 20)
    assert atypical_weeks.black_friday(2026) == date(2026, 11, 27)
    weeks = {(w.kind, w.week_start) for w in atypical_weeks.weeks_for(2026)}
    assert ("easter", date(2026, 3, 30)) in weeks                      # Maundy Thursday, Good Friday
    assert ("easter_monday", date(2026, 4, 6)) in weeks
    assert {d for k, d in weeks if k == "fellesferie"} == {date(2026, 7, 6), date(2026, 7, 13), date(2026, 7, 20)}
    assert ("black_friday", date(2026, 11, 23)) in weeks
    assert ("christmas", date(2026, 12, 21)) in weeks and ("new_year", date(2026, 12, 28)) in weeks
    assert all(d.weekday() == 0 for _, d in weeks)


def test_decision_settings_round_trip(ws):
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Search", [(950, 4)] * 3)
        now = decision_settings.current(con)
        assert (now.eval_weeks, now.scale_threshold, now.cut_threshold, now.lag_days) == (6, 0.9, 0.1, 7)
        assert {w.year for w in now.offered} == {2026}
        assert decision_settings.save(con, 9, 0.9, 0.1, 7, 28, []) == ["bad_window"]
        assert decision_settings.save(con, 6, 0.6, 0.7, 7, 28, []) == ["bad_thresholds"]
        assert decision_settings.save(con, 6, 0.9, 0.1, 40, 28, []) == ["bad_lag"]
        assert decision_settings.save(con, 5, 0.95, 0.05, 3, 14, [date(2026, 7, 8)]) == []
        now = decision_settings.current(con)
        assert (now.eval_weeks, now.scale_threshold, now.cut_threshold, now.lag_days, now.revenue_lag_days) == (
            5, 0.95, 0.05, 3, 14)
        assert now.excluded_weeks == (date(2026, 7, 6),)                 # stored as its Monday
        rules = decisions.rules_from_settings(con)
        assert rules.excluded_weeks == frozenset({date(2026, 7, 6)}) and rules.eval_weeks == 5


def test_thresholds_from_settings_change_the_verdict(ws):
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Search", [(950, 4)] * 8)                   # p = 0.9857
        add_target(con, "cpl", "all", 400)
        assert decisions.week_rows(con, WEEK)[0].verdict == "scale"
        settings.put(con, "scale_threshold", 0.99)
        r = decisions.week_rows(con, WEEK)[0]
        assert r.verdict == "no_clear_call" and r.raw_verdict == "keep_testing"   # 8 weeks: time-out


def test_decision_settings_and_pages_are_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "decisions.md").read_text(encoding="utf-8")
    for key in ("eval_weeks", "scale_threshold", "cut_threshold", "lag_days", "revenue_lag_days", "excluded_weeks",
                "business_type", "views/experiments.py", "views/decision_log.py", "create_from_ice", "week_rows",
                "top_actions", "cpl_series", "expected_wrong_flags"):
        assert f"`{key}`" in doc or key in doc, key
    for key in ("eval_weeks", "scale_threshold", "cut_threshold", "lag_days", "revenue_lag_days", "excluded_weeks"):
        assert key in settings.DEFAULTS, key


def test_a_row_built_from_its_fields_equals_the_constructed_one_and_stays_frozen():
    import dataclasses

    import pytest

    from metrics.decision_row import DecisionRow

    made = DecisionRow(kind="campaign", channel="Paid Search", campaign="Brand", experiment_id=None,
                       experiment_name=None, bucket="proven", weeks_running=8, clock=6, clock_of=6, spend=3800.0,
                       leads=14.0, cpl=271.4, p=0.92, cpl_low=178.6, cpl_high=429.2, cpl_likely=268.2,
                       cpl_cautious=384.5, target=400.0, verdict="scale", reason_code="scale",
                       reason_params={"p": 0.92})
    values = {f.name: getattr(made, f.name) for f in dataclasses.fields(DecisionRow)}
    fast = DecisionRow.of(values)
    assert fast == made and repr(fast) == repr(made)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.verdict = "cut"
    with pytest.raises(TypeError, match="action"):
        DecisionRow.of({k: v for k, v in values.items() if k != "action"})
    with pytest.raises(TypeError, match="extra"):
        DecisionRow.of({**values, "extra": 1})
