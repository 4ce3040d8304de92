"""The two-week rule settled from the last one or two Mondays gives what the whole history gives.

`metrics.decisions` judges the earlier Mondays only when `settled_by_last` and
`settled_by_last_two` say the last ones do not settle the row. Every history of up to seven
Mondays over a set of judgements covering each branch of `settle` is checked exhaustively where
small, and by a seeded random sample beyond.
"""
from __future__ import annotations

import itertools
import random

import pytest

from metrics.verdict_rules import Judgement, Rules, settle, settled_by_last, settled_by_last_two


def _j(state: str, code: str, zero_lead: bool = False) -> Judgement:
    return Judgement(state, code, "cpl", 1000.0, 3.0, 0.5, 1.0, 300.0, None, zero_lead=zero_lead)


KINDS = [
    _j("scale", "scale"), _j("cut", "cut"), _j("keep_testing", "keep_testing"),
    _j("keep_testing", "campaign_too_small"), _j("too_early", "too_early"), _j("no_target", "no_target"),
    _j("cut", "zero_lead_stop", zero_lead=True), _j("keep_testing", "keep_testing", zero_lead=True),
]


def _shortcut(history: list[Judgement], rules: Rules) -> list[Judgement]:
    """The judgements `metrics.decisions._evaluate` passes to `settle`."""
    last = history[-1]
    if len(history) == 1 or settled_by_last(last, rules):
        return [last]
    if settled_by_last_two(history[-2], last, rules):
        return history[-2:]
    return history


@pytest.mark.parametrize("hysteresis", [True, False])
def test_every_short_history_settles_the_same(hysteresis):
    rules = Rules(hysteresis=hysteresis)
    checked = 0
    for n in range(1, 5):
        for history in itertools.product(KINDS, repeat=n):
            h = list(history)
            for weeks_running, planned in ((3, None), (9, None), (6, 6)):
                assert settle(_shortcut(h, rules), weeks_running, rules, planned_weeks=planned) == settle(
                    h, weeks_running, rules, planned_weeks=planned), h
                checked += 1
    assert checked == 3 * sum(len(KINDS) ** n for n in range(1, 5))


def test_long_random_histories_settle_the_same():
    rng = random.Random(20261126)
    rules = Rules()
    shortened = 0
    for _ in range(20000):
        h = [rng.choice(KINDS) for _ in range(rng.randint(5, 14))]
        short = _shortcut(h, rules)
        shortened += len(short) < len(h)
        assert settle(short, 9, rules) == settle(h, 9, rules), h
    assert shortened > 10000      # the shortcut applies to most histories


def test_a_flag_needs_its_own_two_weeks_even_after_a_long_history():
    rules = Rules()
    scale, keep = KINDS[0], KINDS[2]
    # Only the last Monday is over the bar: pending, and the history is needed to say so.
    h = [keep] * 6 + [scale]
    assert not settled_by_last_two(h[-2], h[-1], rules)
    assert settle(h, 7, rules).reason_code == "pending_scale"
    # Two Mondays over the bar settle it whatever came before.
    assert settled_by_last_two(scale, scale, rules)
    assert settle([keep] * 6 + [scale, scale], 8, rules).verdict == "scale"
    assert settle([scale, scale], 8, rules).verdict == "scale"
