"""The scale-or-cut engine: golden numbers worked out by hand, every rule branch, and the table."""
from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

import pytest

from metrics import bayes, decision_row, decisions
from metrics.decisions import DecisionRow, Rules, WeekBin, judge, settle
from tests.decision_helpers import WEEK, add_target, weekly_ads, workspace
from warehouse import db, settings

NBSP = "\u00a0"


# ------------------------------------------------------------------ closed forms


def test_golden_scale_example():
    # L = 14, S = 3 800, T = 400: p = Q(14.5, 9.5) = 0.92129 (DECISIONS.md A6's "92 % chance").
    assert bayes.p_cpl_at_most(400, 14, 3800) == pytest.approx(0.921288, abs=1e-6)
    post = bayes.cpl_posterior(400, 14, 3800)
    assert post.likely == pytest.approx(268.21, abs=0.01)     # "most likely about 270"
    assert post.cautious == pytest.approx(384.46, abs=0.01)   # "even a cautious estimate is 384"
    assert post.low == pytest.approx(178.58, abs=0.01)
    assert post.high == pytest.approx(429.18, abs=0.01)


def test_golden_cut_and_keep_examples():
    # CUT: 10 leads for 6 000 → 1 − Q(10.5, 15) = 0.908 ("91 % chance above"), median 590.
    assert 1 - bayes.p_cpl_at_most(400, 10, 6000) == pytest.approx(0.90801, abs=1e-5)
    assert bayes.cpl_posterior(400, 10, 6000).likely == pytest.approx(590.05, abs=0.01)
    # KEEP TESTING: 6 leads for 2 400 → "between 215 and 815".
    post = bayes.cpl_posterior(400, 6, 2400)
    assert (round(post.low), round(post.high)) == (215, 815)


def test_zero_lead_numbers():
    # If the true CPL were T, P(0 leads | S = 3T) = e^-3 = 0.0498 < 5 %; the Jeffreys p is Q(½, 3) = 0.0143.
    assert math.exp(-3) < 0.05
    assert bayes.p_cpl_at_most(400, 0, 1200) == pytest.approx(0.014306, abs=1e-6)


def test_overdispersion_by_hand():
    # λ̂S = 6 every week; χ² = 4 · 16 / 6 = 10.667; df = 3 → 3.556.
    assert bayes.overdispersion([(1000, 2), (1000, 10), (1000, 2), (1000, 10)]) == pytest.approx(32 / 9)
    assert bayes.overdispersion([(1000, 2), (1000, 10)]) == 1.0          # fewer than 3 weeks
    assert bayes.overdispersion([(1000, 0)] * 4) == 1.0                 # no leads
    assert bayes.overdispersion([(1000, 5)] * 4) == 1.0                 # no extra variation
    assert bayes.overdispersion([(1000, 0), (1000, 60), (1000, 0)]) == 10.0   # capped
    assert bayes.overdispersion([(0, 3), (1000, 2), (1000, 10), (1000, 2), (1000, 10)]) == pytest.approx(32 / 9)


def test_phi_widens_the_posterior():
    # φ = 2 halves the evidence: Q(½ + 14/2, 3 800 / (2 · 400)) = Q(7.5, 4.75) = 0.84996.
    assert bayes.p_cpl_at_most(400, 14, 3800, phi=2) == pytest.approx(0.849958, abs=1e-6)
    wide = bayes.cpl_posterior(400, 14, 3800, phi=2)
    narrow = bayes.cpl_posterior(400, 14, 3800)
    assert wide.high > narrow.high and wide.low < narrow.low


def test_cvr_and_roas():
    assert bayes.p_cvr_at_least(0.02, 9, 300) == pytest.approx(0.9168, abs=1e-4)   # A2: 0.92
    assert bayes.p_cvr_at_least(0.02, 1, 0) is None
    # A2: 20 000 spend, 4 sales, 70 000 revenue of which one order is 42 000 → P(ROAS ≥ 3) ≈ 0.58.
    lumpy = bayes.roas_posterior(3, 20000, [(1, 42000)] + [(1, 28000 / 3)] * 3)
    even = bayes.roas_posterior(3, 20000, [(1, 3500)] * 20)   # twenty equal sales → ≈ 0.76
    assert lumpy.p_at_least == pytest.approx(0.58, abs=0.02)
    assert even.p_at_least == pytest.approx(0.76, abs=0.02)
    assert bayes.roas_posterior(3, 20000, []) is None


# ------------------------------------------------------------------ the rule (sufficient statistics)

R = Rules()


def bins(pairs, start=date(2026, 10, 5)):
    return [WeekBin(start + timedelta(days=7 * i), s, n) for i, (s, n) in enumerate(pairs)]


def test_judge_branches():
    # φ̂ = 1 here: leads follow spend closely.
    assert judge(bins([(760, 3)] * 3 + [(760, 2), (760, 3)]), 400, 35, R).state == "scale"   # 14 for 3 800
    j = judge(bins([(1500, 2), (1500, 3), (1500, 2), (1500, 3)]), 400, 28, R)            # 10 for 6 000
    assert (j.state, j.reason_code) == ("cut", "cut") and j.p == pytest.approx(0.09199, abs=1e-4)
    j = judge(bins([(600, 1), (600, 2), (600, 1), (600, 2)]), 400, 28, R)                # 6 for 2 400
    assert (j.state, j.reason_code) == ("keep_testing", "keep_testing")
    j = judge(bins([(760, 3)] * 3), 400, 21, R)
    assert (j.state, j.reason_code) == ("too_early", "too_early")
    j = judge(bins([(760, 3)] * 5), None, 35, R)
    assert (j.state, j.reason_code) == ("no_target", "no_target_cpl")


def test_zero_lead_stop_needs_three_targets_and_two_weeks():
    two_weeks = bins([(600, 0), (600, 0)])
    assert judge(two_weeks, 400, 14, R).reason_code == "zero_lead_stop"
    assert judge(two_weeks, 400, 13, R).state == "too_early"            # not yet 14 days
    assert judge(bins([(599, 0), (600, 0)]), 400, 14, R).state == "too_early"   # 1 199 < 3 · 400


def test_campaign_gate():
    small = bins([(600, 1), (600, 0), (600, 1), (600, 0)])               # 2 leads for 2 400: Q(2.5, 6) = 0.021
    assert judge(small, 400, 28, R, gated=True).state == "cut"          # spend 2 400 ≥ 3 · 400: flag allowed
    tiny = bins([(200, 2), (200, 2), (200, 2), (200, 2)])                # 8 leads, spend 800 < 1 200
    assert judge(tiny, 400, 28, R).state == "scale"
    j = judge(tiny, 400, 28, R, gated=True)
    assert (j.state, j.reason_code) == ("keep_testing", "campaign_too_small")


def J(state, code=None, zero=False):
    return decisions.Judgement(state, code or state, "cpl", 0, 0, 0.5, 1.0, 400, None, zero_lead=zero)


def test_hysteresis_needs_two_weeks():
    # A first flag needs two Mondays in a row too.
    s = settle([J("too_early"), J("scale")], 4, R)
    assert (s.verdict, s.reason_code) == ("keep_testing", "pending_scale")
    assert settle([J("too_early"), J("scale"), J("scale")], 5, R).verdict == "scale"
    s = settle([J("keep_testing"), J("scale"), J("scale"), J("keep_testing")], 7, R)
    assert (s.verdict, s.reason_code) == ("scale", "held_scale")
    s = settle([J("keep_testing"), J("scale"), J("scale"), J("keep_testing"), J("keep_testing")], 7, R)
    assert s.verdict == "keep_testing"
    # One CUT week between SCALE weeks never toggles the flag.
    s = settle([J("scale"), J("scale"), J("cut"), J("scale")], 7, R)
    assert s.verdict == "scale"
    s = settle([J("keep_testing"), J("cut"), J("cut"), J("keep_testing")], 7, R)
    assert (s.verdict, s.reason_code) == ("cut", "held_cut")
    s = settle([J("keep_testing"), J("cut")], 5, R)
    assert (s.verdict, s.reason_code) == ("keep_testing", "pending_cut")
    # The zero-lead stop and missing targets show at once.
    assert settle([J("too_early"), J("cut", "zero_lead_stop", zero=True)], 2, R).verdict == "cut"
    assert settle([J("scale"), J("scale"), J("no_target", "no_target_cpl")], 7, R).verdict == "no_target"
    # Without hysteresis (used only to show its effect) the raw state shows.
    assert settle([J("keep_testing"), J("scale")], 5, replace(R, hysteresis=False)).verdict == "scale"


def test_timeout_and_experiment_end():
    s = settle([J("keep_testing")] * 3, 8, R)
    assert (s.verdict, s.reason_code) == ("no_clear_call", "no_clear_call")
    assert settle([J("keep_testing")] * 3, 7, R).verdict == "keep_testing"
    s = settle([J("keep_testing")] * 3, 6, R, planned_weeks=6)
    assert (s.verdict, s.reason_code) == ("no_clear_call", "experiment_no_call")
    assert settle([J("keep_testing")] * 2, 5, R, planned_weeks=6).verdict == "keep_testing"
    assert settle([J("scale")] * 3, 9, R).verdict == "scale"


def _row(**kw):
    base = dict(kind="channel", channel="Paid Search", campaign=None, experiment_id=None, experiment_name=None,
                bucket=None, weeks_running=8, clock=6, clock_of=6, spend=3800.0, leads=14.0, cpl=3800 / 14,
                p=0.9213, cpl_low=178.58, cpl_high=429.18, cpl_likely=268.21, cpl_cautious=384.46,
                target=400.0, verdict="scale", reason_code="scale")
    base.update(kw)
    return DecisionRow(**base)


def test_expected_wrong_flags():
    rows = [_row(verdict="scale", p=0.95), _row(verdict="cut", p=0.02), _row(verdict="keep_testing", p=0.5),
            _row(verdict="too_early", p=0.99)]
    assert decisions.expected_wrong_flags(rows) == pytest.approx(0.05 + 0.02)
    assert decisions.expected_wrong_flags([]) == 0.0


# ------------------------------------------------------------------ explanations


def test_explain_scale_both_languages():
    row = _row()
    row = replace(row, reason_params=decision_row._params(vars(row), judge(bins([(760, 3)] * 5), 400, 35, R)),
                  judged_weeks=5, action="raise_budget")
    row = replace(row, reason_params={**row.reason_params, "span": 5})
    nb = decisions.explain(row, "nb", "NOK")
    en = decisions.explain(row, "en", "NOK")
    assert nb == (f"Det er 92{NBSP}% sjanse for at den reelle kostnaden per lead er under målet på 400{NBSP}kr: "
                  f"trolig rundt 270{NBSP}kr, og selv et forsiktig anslag er 384{NBSP}kr (14 leads for "
                  f"3{NBSP}800{NBSP}kr på 5 uker). Øk budsjettet med rundt 20 % og sjekk igjen neste mandag.")
    assert en == (f"There's a 92% chance the real cost per lead is under your NOK{NBSP}400 target: most likely "
                  f"about NOK{NBSP}270, and even a cautious estimate is NOK{NBSP}384 (14 leads for NOK{NBSP}3,800 "
                  f"over 5 weeks). Raise the budget by about 20% and check again next Monday.")


def test_chance_extremes_and_rounding():
    from metrics.decision_text import about, chance

    assert chance(0.996, "nb") == ">99 %" and chance(0.004, "en") == "<1%"
    assert chance(0.9213, "nb") == f"92{NBSP}%" and chance(None, "en") == "—"
    assert about(268.2) == 270 and about(1046) == 1050 and about(42.4) == 42 and about(None) is None


# ------------------------------------------------------------------ the table over a workspace


@pytest.fixture
def ws(tmp_path):
    return workspace(tmp_path)


def test_week_rows_lag_exclusion(ws):
    # Eight weeks of 950 kr and 4 leads; lag 7 leaves the judged week out: 5 weeks → 4 750 kr, 20 leads.
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Search", [(950, 4)] * 7 + [(5000, 0)])
        add_target(con, "cpl", "all", 400)
        rows = decisions.week_rows(con, WEEK)
        ch = rows[0]
        assert (ch.kind, ch.channel, ch.campaign) == ("channel", "Paid Search", None)
        assert (ch.spend, ch.leads, ch.judged_weeks) == (4750, 20, 5)
        assert ch.window_spend == 5 * 950 + 5000
        assert ch.p == pytest.approx(0.985719, abs=1e-6)       # Q(20.5, 4 750 / 400)
        assert ch.verdict == "scale" and ch.action == "raise_budget"
        assert ch.judged_to == WEEK - timedelta(days=1)
        # Without the lag the 5 000 kr zero-lead week counts: 6 weeks, 9 750 kr, 20 leads.
        settings.put(con, "lag_days", 0)
        ch0 = decisions.week_rows(con, WEEK)[0]
        assert (ch0.spend, ch0.leads) == (9750, 20)
        assert ch0.p == pytest.approx(bayes.p_cpl_at_most(400, 20, 9750, ch0.phi), abs=1e-9)
        assert ch0.phi > 1   # the 0-lead week is far from the others


def test_lag_inside_a_week(ws):
    # lag 3: the cut-off is the judged week's Thursday, so the judged week's Monday counts.
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Search", [(950, 4)] * 7 + [(5000, 0)])
        add_target(con, "cpl", "all", 400)
        settings.put(con, "lag_days", 3)
        ch = decisions.week_rows(con, WEEK)[0]
        assert (ch.spend, ch.leads, ch.judged_weeks) == (5 * 950 + 5000, 20, 6)
        assert ch.judged_to == WEEK + timedelta(days=3)
        settings.put(con, "lag_days", 10)   # reaches into the week before: its Monday row still counts
        ch = decisions.week_rows(con, WEEK)[0]
        assert (ch.spend, ch.leads) == (5 * 950, 20)
        assert ch.judged_to == WEEK - timedelta(days=4)


def test_excluded_weeks_reach_further_back(ws):
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Search", [(1000, 1)] * 4 + [(1000, 10)] + [(1000, 1)] * 4)
        add_target(con, "cpl", "all", 400)
        settings.put(con, "lag_days", 0)
        spiky = decisions.week_rows(con, WEEK)[0]
        assert spiky.leads == 6 + 10 - 1     # window of 6 includes the 10-lead week
        settings.put(con, "excluded_weeks", [(WEEK - timedelta(days=28)).isoformat()])
        calm = decisions.week_rows(con, WEEK)[0]
        assert calm.leads == 6 and calm.spend == 6000   # the window reaches one week further back
        assert calm.judged_from == WEEK - timedelta(days=42)


def test_zero_lead_and_no_target_rows(ws):
    with db.connect(ws) as con:
        weekly_ads(con, "Display", [(600, 0)] * 3, source="meta")
        weekly_ads(con, "Email", [(600, 2)] * 5, source="meta", account="a2")
        add_target(con, "cpl", "channel:Display", 400)
        rows = {(r.channel, r.campaign): r for r in decisions.week_rows(con, WEEK)}
        d = rows[("Display", None)]
        assert (d.verdict, d.reason_code, d.spend, d.weeks_running) == ("cut", "zero_lead_stop", 1200, 3)
        e = rows[("Email", None)]
        assert (e.verdict, e.reason_code, e.action) == ("no_target", "no_target_cpl", "set_target")
        assert "Email" in decisions.explain(e, "en", "NOK") and "CPL" in decisions.explain(e, "nb", "NOK")


def test_too_early_row(ws):
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Social", [(500, 2)] * 3, source="meta")
        add_target(con, "cpl", "all", 400)
        r = decisions.week_rows(con, WEEK)[0]
        assert (r.verdict, r.weeks_running, r.clock, r.clock_of) == ("too_early", 3, 3, 6)
        assert r.cpl_low is not None and r.cpl_high > r.cpl_low


def test_campaign_rows_are_gated(ws):
    with db.connect(ws) as con:
        # Big campaign: 5 judged weeks × 4 leads = 20 leads → flagged. Small one: 5 × 1 lead, 5 × 200 kr spend.
        weekly_ads(con, "Paid Search", [(950, 4)] * 7, campaign="Generic")
        weekly_ads(con, "Paid Search", [(200, 1)] * 7, campaign="Brand", account="acc-2")
        add_target(con, "cpl", "all", 400)
        rows = {r.campaign: r for r in decisions.week_rows(con, WEEK)}
        assert rows["Generic"].verdict == "scale"
        assert rows["Brand"].verdict == "keep_testing" and rows["Brand"].reason_code == "campaign_too_small"
        assert rows[None].spend == 5 * 1150 and rows[None].verdict == "scale"


def test_target_in_force_follows_the_glide_path(ws):
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Search", [(950, 4)] * 7)
        # Baseline 600 on 2026-01-05 → 300 on 2026-12-27 (356 days); judged week ends 2026-11-22 (321 days).
        add_target(con, "cpl", "all", 300, baseline=600, start=date(2026, 1, 5), deadline=date(2026, 12, 27))
        r = decisions.week_rows(con, WEEK)[0]
        assert r.target == pytest.approx(600 - 300 * 321 / 356)


def test_hysteresis_over_previous_mondays(ws):
    # The judged week alone turns good; the week before was still poor → not yet SCALE (pending).
    with db.connect(ws) as con:
        settings.put(con, "lag_days", 0)
        weekly_ads(con, "Paid Search", [(1000, 2)] * 6 + [(1000, 30)])
        add_target(con, "cpl", "all", 400)
        r = decisions.week_rows(con, WEEK)[0]
        assert r.raw_verdict == "scale" and r.verdict != "scale"
        assert r.reason_code == "pending_scale"


def test_top_actions_and_series(ws):
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Search", [(950, 4)] * 8, campaign="Generic")
        weekly_ads(con, "Paid Social", [(1000, 1)] * 8, campaign="Retarget", source="meta")
        add_target(con, "cpl", "all", 400)
        nb = decisions.top_actions(con, WEEK, "nb")
        en = decisions.top_actions(con, WEEK, "en")
        assert len(nb) == 2 and nb[0].startswith("Kutt Betalt sosialt:") and nb[1].startswith("Skaler Betalt søk:")
        assert en[0].startswith("Cut Paid Social:") and "Pause it" in en[0]
        series = decisions.cpl_series(con, "Paid Search", None, WEEK)
        assert [p.week_start for p in series][-1] == WEEK and len(series) == 8
        assert series[-1].cpl == pytest.approx(237.5) and series[-1].target == 400
        assert series[-1].cpl_low < 237.5 < series[-1].cpl_high
        camp = decisions.cpl_series(con, "Paid Search", "generic", WEEK)
        assert len(camp) == 8


def test_empty_workspace(ws):
    with db.connect(ws) as con:
        assert decisions.week_rows(con, WEEK) == []
        assert decisions.top_actions(con, WEEK, "en") == ["No channel needs a decision this week: let the tests run."]


def test_bulk_targets_agree_with_target_in_force(ws):
    from metrics.targets import target_in_force

    with db.connect(ws) as con:
        weekly_ads(con, "Paid Search", [(950, 4)] * 3, campaign="Generic")
        add_target(con, "cpl", "all", 300, baseline=600, start=date(2026, 1, 5), deadline=date(2026, 12, 27))
        add_target(con, "cpl", "channel:paid search", 350, start=date(2026, 6, 1), deadline=date(2026, 12, 31))
        add_target(con, "cpl", "campaign:GENERIC", 250, start=date(2026, 11, 9), deadline=date(2027, 3, 1))
        add_target(con, "cpl", "all", 500, start=date(2026, 3, 2), deadline=date(2026, 9, 30))
        add_target(con, "roas", "all", 3)
        bulk = decisions._Targets(con)
        for week in (date(2026, 1, 5), date(2026, 5, 4), date(2026, 8, 3), date(2026, 11, 2), WEEK,
                     date(2027, 1, 4), date(2027, 6, 7)):
            for kpi in ("cpl", "roas", "cac"):
                for ch, ca in ((None, None), ("Paid Search", None), ("Paid Search", "Generic"), ("Display", "x")):
                    assert bulk(kpi, ch, ca, week) == target_in_force(con, kpi, ch, ca, week), (kpi, ch, ca, week)


def test_brand_new_channel(ws):
    # First spend in the judged week: the lag holds it back, so nothing is judged yet.
    with db.connect(ws) as con:
        weekly_ads(con, "Paid Video", [(700, 1)], source="tiktok")
        add_target(con, "cpl", "all", 400)
        r = decisions.week_rows(con, WEEK)[0]
        assert (r.verdict, r.reason_code, r.spend, r.window_spend, r.weeks_running) == ("too_early", "too_early", 0, 700, 1)
        assert decisions.explain(r, "en", "NOK") == (
            "Only 1 of 4 weeks so far; the first numbers are still coming in. Let it run as planned.")
