"""The data the decision engine judges: spend, clicks, leads, sales and revenue per channel ×
campaign × ISO week, read through the shared aggregation (`metrics.aggregate.weekly_fields`:
only the five sums the workspace's lead and revenue source of truth picks, `metrics.leads.fact_fields`,
the same choice `metrics.leads.derive` makes for the KPI cards).

So the verdicts use exactly the numbers the KPI cards use: the same channel mapping, the same
GA4/CRM-to-campaign join by normalised name, the same currency conversion. Leads that match no
ad campaign still count for their channel.

Conversion lag: the engine leaves out the last `lag_days` days before each judged Sunday. Whole
weeks come from `weekly_fields`; when the cut-off falls inside a week, that week's first days come
from one `window_sums` call per cut-off (`partial` facts, used only with their own cut-off).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

import duckdb

from metrics.aggregate import Group, weekly_fields, window_sums
from metrics.leads import Basis, basis, derive, fact_fields
from metrics.names import normalise, sql_normalise
from warehouse import rollup


class Fact(NamedTuple):
    """One channel × campaign over [period_start, period_end]. Money in the workspace currency.

    `campaign_key` is the normalised campaign name ('' when the row has no campaign), `campaign`
    the display name. `partial`: the first days of a week up to a lag cut-off (see module doc).
    A named tuple: a big account has tens of thousands, and they are built on every new week.
    """

    channel: str
    campaign_key: str
    campaign: str
    period_start: date
    period_end: date
    spend: float
    clicks: float
    leads: float
    sales: float
    revenue: float
    partial: bool = False


@dataclass(frozen=True)
class Facts:
    rows: tuple[Fact, ...]
    first_spend: dict[str, date]      # normalised campaign name → first day with ad spend (all history)


def _fact(g: Group, b: Basis, start: date, end: date, partial: bool, key_offset: int) -> Fact | None:
    channel, _source, campaign = g.key[key_offset:key_offset + 3]
    if channel is None:
        return None
    m = derive(g, b)
    sales = m.get("new_customers") or 0.0
    if b.revenue_source == "platform":
        sales = g["platform_conversions"]          # a shop's platform conversions are its sales
    return Fact(str(channel), normalise(campaign), campaign or "", start, end, m.get("spend") or 0.0,
                m.get("clicks") or 0.0, m.get("leads") or 0.0, float(sales), m.get("revenue") or 0.0, partial)


def facts(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date,
          partial_cutoffs: Iterable[date] = ()) -> Facts:
    """Weekly facts for the Mondays first_week … last_week, plus a partial week for each cut-off
    day that is not a Sunday (the days from its Monday to it)."""
    b = basis(con)
    rows: list[Fact] = []
    pick = fact_fields(b)
    wanted = list(dict.fromkeys(v for v in pick.values() if v))
    at = {m: (wanted.index(f) + 4 if f else None) for m, f in pick.items()}
    keys: dict[str | None, str] = {}
    six = timedelta(days=6)
    for r in weekly_fields(con, first_week, last_week, "campaign", wanted):
        w, channel, _source, campaign = r[:4]
        if channel is None:
            continue
        key = keys.get(campaign)
        if key is None:
            key = keys[campaign] = normalise(campaign)
        v = [float(r[i]) if i is not None else 0.0 for i in (at["spend"], at["clicks"], at["leads"], at["sales"],
                                                               at["revenue"])]
        rows.append(Fact(str(channel), key, campaign or "", w, w + six, *v))
    for cut in sorted(set(partial_cutoffs)):
        if cut.weekday() == 6:
            continue
        monday = cut - timedelta(days=cut.weekday())
        for g in window_sums(con, monday, cut, "campaign"):
            f = _fact(g, b, monday, cut, True, 0)
            if f is not None:
                rows.append(f)
    return Facts(tuple(rows), first_spend_by_campaign(con))


def first_spend_by_campaign(con: duckdb.DuckDBPyConnection) -> dict[str, date]:
    """Normalised campaign name → the first day with ad spend, over all history (from the weekly
    rollup's campaign list when it is current: a thousand rows instead of every ad row)."""
    table = "ad_campaign_spend WHERE first_spend IS NOT NULL" if rollup.current(con) else (
        "(SELECT campaign, min(period_start) AS first_spend FROM ad_performance WHERE spend > 0 GROUP BY campaign)")
    first = con.execute(f"SELECT {sql_normalise('campaign')}, min(first_spend) FROM {table} GROUP BY 1").fetchall()
    return {r[0] or "": r[1] for r in first}
