"""The decision engine's weekly facts read five sums (`metrics.leads.fact_fields`) instead of
every sum through `metrics.leads.derive`; both must give the same facts on every basis.

The reference below is the general path: `weekly_sums` at campaign grain, then `derive` per
group (what the KPI cards use). Checked on the demo and on a small workspace without CRM, for
every lead source, revenue source and business type.
"""
from __future__ import annotations

import itertools
import math
from datetime import timedelta

import pytest

from metrics import decision_data, leads, manual
from metrics.aggregate import weekly_sums
from tests.metrics_support import D, put
from warehouse import db, workspaces


def _reference(con, first, last) -> list[decision_data.Fact]:
    b = leads.basis(con)
    out = []
    for g in weekly_sums(con, first, last, "campaign"):
        f = decision_data._fact(g, b, g.key[0], g.key[0] + timedelta(days=6), False, 1)
        if f is not None:
            out.append(f)
    return out


def _same(a, b) -> None:
    # A group with none of the five measures may be left out (its family is not read): zeros
    # change no verdict. Every other fact must be there, in the same order.
    a, b = [x for x in a if any(x[5:10])], [y for y in b if any(y[5:10])]
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert x[:5] == y[:5] and x.partial == y.partial
        for name in ("spend", "clicks", "leads", "sales", "revenue"):
            assert math.isclose(getattr(x, name), getattr(y, name), rel_tol=1e-9, abs_tol=1e-9), (x, name)


BASES = list(itertools.product(("auto", "platform", "ga4", "crm"), ("auto", "platform", "ga4", "crm"),
                               ("leads", "shop")))


@pytest.mark.parametrize("lead_source,revenue_source,business_type", BASES)
def test_demo_facts_match_the_general_path(demo_db, lead_source, revenue_source, business_type):
    last = D("2026-11-16")
    first = last - timedelta(days=7 * 19)
    with db.connect(demo_db) as con:
        manual.save_sources(con, lead_source, revenue_source, business_type)
        got = decision_data.facts(con, first, last).rows
        assert got, "the demo has weekly facts"
        _same(list(got), _reference(con, first, last))


def test_without_crm_the_missing_measures_are_zero(tmp_path):
    ws = workspaces.create("nocrm", tmp_path)
    with db.connect(ws.path) as con:
        put(con, "ad_performance", [
            {"day": "2026-11-16", "campaign": "Brand", "spend": 1000, "clicks": 100, "conversions": 10,
             "conversion_value": 5000},
        ])
        put(con, "web_analytics", [
            {"day": "2026-11-17", "channel_group": "Paid Search", "campaign": "brand", "sessions": 90,
             "key_events": 8, "lead_events": 6, "purchases": 2, "revenue": 900},
        ])
        for lead_source, revenue_source, business_type in BASES:
            manual.save_sources(con, lead_source, revenue_source, business_type)
            got = decision_data.facts(con, D("2026-11-09"), D("2026-11-16")).rows
            _same(list(got), _reference(con, D("2026-11-09"), D("2026-11-16")))
        # By hand, GA4 leads (no CRM): 6 leads on 1000 kr; crm as the lead source has no CRM → 0.
        manual.save_sources(con, "ga4", "ga4", "shop")
        (f,) = decision_data.facts(con, D("2026-11-16"), D("2026-11-16")).rows
        assert (f.spend, f.clicks, f.leads, f.sales, f.revenue) == (1000, 100, 6, 2, 900)
        manual.save_sources(con, "crm", "platform", "leads")
        (f,) = decision_data.facts(con, D("2026-11-16"), D("2026-11-16")).rows
        assert (f.leads, f.sales, f.revenue) == (0, 10, 5000)
