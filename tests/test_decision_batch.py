"""The table judged for all rows at once (`metrics.decision_batch`) equals the table judged row
by row (`metrics.decisions.rows_one_by_one`), on seeded random workspaces built through the real
loader: campaigns starting and stopping at different weeks and weekdays, weeks without leads,
names that normalise alike, rows without a campaign, excluded weeks, every evaluation length,
campaign-, channel- and workspace-wide targets with glide paths, conversion-rate targets and
running experiments. Floats are compared to 1e-9 relative; everything else exactly.
"""
from __future__ import annotations

import math
import random
from dataclasses import asdict
from datetime import date, timedelta

import pandas as pd
import pytest

from metrics import decision_batch, decisions, experiments
from metrics.verdict_rules import rules_from_settings
from tests.decision_helpers import WEEK, add_target, workspace
from warehouse import db, settings
from warehouse.loader import FileLoad, Part, load

CHANNELS = ("Paid Search", "Paid Social", "Display")
WEEKS = 26


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


def _differences(fast, slow) -> list[str]:
    out = [f"{len(fast)} rows against {len(slow)}"] if len(fast) != len(slow) else []
    for x, y in zip(fast, slow):
        dx, dy = asdict(x), asdict(y)
        out += [f"{y.kind} {y.channel}/{y.campaign} {k}: {dx[k]!r} != {dy[k]!r}" for k in dx if not _same(dx[k], dy[k])]
    return out


def _random_workspace(tmp_path, seed: int):
    rng = random.Random(seed)
    path = workspace(tmp_path, f"ws{seed}")
    first = WEEK - timedelta(days=7 * (WEEKS - 1))
    recs = []
    names = ["Brand", "Generic", "Spring_Sale", "spring sale", "Retarget", "Lookalike", "Video"]
    for c in range(rng.randint(3, 9)):
        channel = rng.choice(CHANNELS)
        name = rng.choice(names)
        start = rng.randint(0, WEEKS - 1)
        stop = rng.randint(start, WEEKS + 3)
        rate = rng.choice((0.002, 0.005, 0.01, 0.03))
        for k in range(start, min(stop, WEEKS)):
            if rng.random() < 0.1:
                continue   # a week off
            d = first + timedelta(days=7 * k + rng.randint(0, 6))
            spend = rng.choice((0.0, rng.uniform(50, 3000)))
            leads = float(sum(rng.random() < rate for _ in range(int(spend)))) if rng.random() < 0.8 else 0.0
            recs.append({"source": rng.choice(("google_ads", "meta")), "account": "acc", "campaign": name,
                         "campaign_type": "Search", "channel": channel, "period_start": d, "period_end": d,
                         "currency": "NOK", "spend": spend, "impressions": 1000, "clicks": rng.randint(0, 400),
                         "conversions": leads, "conversion_value": 0.0, "k": c})
    frame = pd.DataFrame(recs)
    with db.connect(path) as con:
        for (source, c), part in frame.groupby(["source", "k"]):
            part = part.drop(columns="k")
            load(con, FileLoad(f"{source}-{c}.csv", f"h-{seed}-{source}-{c}", source, "acc", first,
                               WEEK + timedelta(days=6), (Part("ad_performance", part),), currency="NOK"))
        if rng.random() < 0.4:   # CRM leads become the source of truth, some without a campaign
            deals = pd.DataFrame([
                (f"D{i}", first + timedelta(days=rng.randint(0, 7 * WEEKS - 1)), rng.choice(CHANNELS + ("Email",)),
                 rng.choice(names + [None, "Newsletter"])) for i in range(rng.randint(20, 200))],
                columns=["deal_id", "created_date", "channel", "campaign"])
            deals = deals.assign(account="crm", stage="open", source="google", won_date=None, value=0.0,
                                 currency="NOK", is_qualified=True, period_start=deals["created_date"],
                                 period_end=deals["created_date"])
            load(con, FileLoad("crm.csv", f"crm-{seed}", "crm", "crm", first, WEEK + timedelta(days=6),
                               (Part("crm_deals", deals),), currency="NOK"))
        settings.put(con, "eval_weeks", rng.choice((4, 6, 8)))
        settings.put(con, "scale_threshold", rng.choice((0.8, 0.9)))
        settings.put(con, "cut_threshold", rng.choice((0.1, 0.2)))
        settings.put(con, "lag_days", rng.choice((0, 7, 14)))
        settings.put(con, "excluded_weeks", [(WEEK - timedelta(days=7 * rng.randint(0, 10))).isoformat()
                                             for _ in range(rng.randint(0, 2))])
        add_target(con, "cpl", "all", rng.choice((150.0, 300.0)), baseline=rng.choice((None, 500.0)),
                   start=first - timedelta(days=30))
        if rng.random() < 0.6:
            add_target(con, "cpl", f"channel:{rng.choice(CHANNELS)}", rng.choice((100.0, 250.0)),
                       start=first + timedelta(days=7 * rng.randint(0, WEEKS)))
        if rng.random() < 0.5:
            add_target(con, "cpl", "campaign:Spring Sale", 200.0, start=first)
        if rng.random() < 0.5:
            add_target(con, "conversion_rate", "all", 0.02, start=first)
        if rng.random() < 0.5:
            start = WEEK - timedelta(days=7 * rng.randint(1, 8) + rng.randint(0, 6))
            experiments.register(con, experiments.ExperimentSpec(
                "Test", rng.choice(CHANNELS), start, start + timedelta(days=7 * rng.randint(4, 6) - 1),
                campaign=rng.choice((None, "Spring Sale", "Generic"))))
    return path


@pytest.mark.parametrize("seed", range(24))
def test_batch_and_row_by_row_give_the_same_table(tmp_path, seed):
    path = _random_workspace(tmp_path, seed)
    with db.connect(path) as con:
        rules = rules_from_settings(con)
        assert rules.business_type == "leads"
        for week in (WEEK, WEEK - timedelta(days=7), WEEK - timedelta(days=35)):
            slow = decisions.rows_one_by_one(con, week, rules)
            if not decision_batch.applies(rules):
                assert decisions.week_rows(con, week) == slow
                continue
            fast = decision_batch.week_rows(con, week, rules)
            assert not _differences(fast, slow), _differences(fast, slow)[:10]


def test_the_seeds_cover_what_they_should(tmp_path):
    """The random workspaces above reach flags, both settling paths and the batch path itself."""
    verdicts, codes, kinds, batched = set(), set(), set(), 0
    for seed in range(24):
        with db.connect(_random_workspace(tmp_path, seed)) as con:
            rules = rules_from_settings(con)
            batched += decision_batch.applies(rules)
            for week in (WEEK, WEEK - timedelta(days=7), WEEK - timedelta(days=35)):
                rows = decisions.week_rows(con, week)
                verdicts |= {r.verdict for r in rows}
                codes |= {r.reason_code for r in rows}
                kinds |= {r.kind for r in rows}
    assert batched == 24
    assert {"scale", "cut", "keep_testing", "too_early", "no_clear_call"} <= verdicts
    assert {"pending_scale", "pending_cut", "campaign_too_small", "zero_lead_stop"} <= codes, codes
    assert kinds == {"channel", "campaign", "experiment"}


def test_only_whole_week_lead_workspaces_are_batched():
    from metrics.verdict_rules import Rules

    assert decision_batch.applies(Rules())
    assert decision_batch.applies(Rules(lag_days=14))
    assert not decision_batch.applies(Rules(lag_days=3))
    assert not decision_batch.applies(Rules(business_type="shop"))


def test_workspaces_without_ad_spend_give_an_empty_table_on_both_paths(tmp_path):
    from tests.metrics_support import put

    path = workspace(tmp_path, "bare")
    with db.connect(path) as con:
        rules = rules_from_settings(con)
        assert decision_batch.week_rows(con, WEEK, rules) == decisions.rows_one_by_one(con, WEEK, rules) == []
        put(con, "web_analytics", [{"day": "2026-11-10", "sessions": 5, "key_events": 1}])
        put(con, "crm_deals", [{"deal_id": "x", "created_date": "2026-11-10", "channel": "Paid Search",
                                "campaign": "Brand"}])
        assert decision_batch.week_rows(con, WEEK, rules) == decisions.rows_one_by_one(con, WEEK, rules) == []
        put(con, "ad_performance", [{"day": "2026-11-10", "campaign": "Brand", "spend": 100.0, "clicks": 10}])
        fast = decision_batch.week_rows(con, WEEK, rules_from_settings(con))
        assert [(r.kind, r.campaign, r.verdict) for r in fast] == [("channel", None, "no_target"),
                                                                   ("campaign", "Brand", "no_target")]
        assert not _differences(fast, decisions.rows_one_by_one(con, WEEK, rules_from_settings(con)))
