"""Operating characteristics of the rule under weekly peeking (DECISIONS.md A4), simulated.

Each simulated channel spends the same every week; its true weekly lead rate swings
(gamma-distributed with coefficient of variation `cv`) around 1 / true CPL; leads are Poisson.
The rule is judged every Monday from week 1 to week 8 on the last 6 weeks, exactly as
`week_rows` does (rules 1–4, with the two-week rule); a channel counts as wrongly called if it
is ever *shown* SCALE while its true CPL is 1.25 × target, or CUT while it is 0.8 × target.
Seeded, so the numbers are fixed; about a second on one core.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest

from metrics.decisions import Rules, WeekBin, judge, settle

T = 400.0
RUNS = 400


def wrong_rate(true_ratio: float, leads_at_target: float, cv: float, rules: Rules, seed: int) -> float:
    """Share of channels ever shown the wrong flag (SCALE when too dear, CUT when good)."""
    return flag_rate("scale" if true_ratio > 1 else "cut", true_ratio, leads_at_target, cv, rules, seed)


def flag_rate(flag: str, true_ratio: float, leads_at_target: float, cv: float, rules: Rules, seed: int) -> float:
    """Share of simulated channels shown `flag` at some Monday from week 1 to week 8."""
    rng = np.random.default_rng(seed)
    spend = leads_at_target * T
    lam = 1.0 / (true_ratio * T)
    shape = 1.0 / cv**2
    wrong = 0
    for _ in range(RUNS):
        rates = rng.gamma(shape, lam / shape, size=8)
        leads = rng.poisson(rates * spend)
        weeks = [WeekBin(date(2026, 1, 5) + timedelta(days=7 * i), spend, float(leads[i])) for i in range(8)]
        history = []
        for week in range(1, 9):
            j = judge(weeks[max(0, week - 6):week], T, 7 * week, rules)
            history.append(j)
            if settle(history, week, rules).verdict == flag:
                wrong += 1
                break
    return wrong / RUNS


WITH_PHI = Rules()
WITHOUT_PHI = replace(Rules(), use_phi=False)


@pytest.mark.parametrize("leads_at_target,cv", [(3, 0.3), (10, 0.3), (30, 0.3), (30, 0.5)])
def test_wrong_direction_at_most_5_percent_with_phi(leads_at_target, cv):
    too_dear = wrong_rate(1.25, leads_at_target, cv, WITH_PHI, seed=11)
    good = wrong_rate(0.8, leads_at_target, cv, WITH_PHI, seed=12)
    assert too_dear <= 0.05, f"SCALE at 1.25 × target in {too_dear:.1%} of channels"
    assert good <= 0.05, f"CUT at 0.8 × target in {good:.1%} of channels"


def test_without_phi_wrong_calls_rise():
    # High volume and big weekly swings: plain Poisson is overconfident exactly here.
    with_phi = wrong_rate(0.8, 30, 0.5, WITH_PHI, seed=21) + wrong_rate(1.25, 30, 0.5, WITH_PHI, seed=22)
    without = wrong_rate(0.8, 30, 0.5, WITHOUT_PHI, seed=21) + wrong_rate(1.25, 30, 0.5, WITHOUT_PHI, seed=22)
    assert without >= 2 * with_phi
    assert without / 2 >= 0.06   # on average over both directions


def test_clear_winners_and_losers_are_found():
    # Power, so the rule is not "safe" by never flagging: A4 reports .99 / .96 at 10 leads a week.
    assert flag_rate("scale", 0.6, 10, 0.3, WITH_PHI, seed=31) >= 0.9
    assert flag_rate("cut", 1.6, 10, 0.3, WITH_PHI, seed=32) >= 0.85
