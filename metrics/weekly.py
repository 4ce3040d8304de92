"""Weekly sums and KPI cards: the numbers the Monday page opens with.

Weeks are ISO weeks keyed by their Monday (`week_start`). A fact row counts in a window only
when its whole period lies inside it: a day row in its day's week, a 7-day block in its week,
a longer block (an export without a day segment) only in windows that contain all of it —
never split into invented days.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics import aggregate, leads, periods
from metrics.aggregate import PAID_CHANNELS
from metrics.kpis import CARD_KPIS, KPIS, evaluate
from metrics.leads import LeadSource, lead_source
from warehouse.snapshot import remembered

__all__ = ["PAID_CHANNELS", "LeadSource", "lead_source", "period_sums", "week_summary", "channel_table",
           "complete_weeks", "default_week", "freshness", "data_range"]


def monday(d: date) -> date:
    return periods.week_start(d)


def last_complete_week(today: date) -> date:
    """The Monday of the last week that ended before `today` (a Sunday counts as still running)."""
    return periods.last_complete_week(today)


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> tuple:
    return con.execute(sql, params).fetchall()[0]


def period_sums(con: duckdb.DuckDBPyConnection, start: date, end: date, source: LeadSource | None = None
                ) -> dict[str, float | None]:
    """Every KPI measure over [start, end] (inclusive) for the whole workspace; no rows → None.

    The sums come from `metrics.aggregate` (workspace currency, channel mapping, GA4/CRM campaigns
    joined to ad campaigns, costs spread per day, blocks only when whole) and are read by
    `metrics.leads.derive` with the workspace's lead source — or `source`, when given.
    """
    b = leads.basis(con)
    if source is not None:
        b = replace(b, lead_source=source)
    return leads.derive(aggregate.window_sums(con, start, end)[0], b)


@dataclass(frozen=True)
class KpiCard:
    name: str
    value: float | None
    previous: float | None
    numerator: float | None
    denominator: float | None
    direction: str

    @property
    def change(self) -> float | None:
        """Relative change vs the previous week (None when either side is missing or previous is 0)."""
        if self.value is None or self.previous in (None, 0):
            return None
        return self.value / self.previous - 1

    @property
    def difference(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def improved(self) -> bool | None:
        """Did it move the good way? None when it cannot be said (no data, no direction, no change)."""
        d = self.difference
        if d is None or d == 0 or self.direction == "none":
            return None
        return (d < 0) if self.direction == "lower" else (d > 0)


# Shown beside the six cards: blended CPL next to paid CPL, and the marketing share of revenue.
SIDE_KPIS: tuple[str, ...] = ("blended_cpl", "marketing_share")


@dataclass(frozen=True)
class WeekSummary:
    """The Monday cards of one week, and what the page shows beside them.

    `extra` holds the SIDE_KPIS cards; `leads_by_source` the other lead sources and the platforms'
    over-claim; `missing_fx` the rows left out for want of an exchange rate (say so on the page);
    `share_band` where marketing cost ÷ revenue stands against the 5–10 % rule of thumb.
    """

    week_start: date
    lead_source: LeadSource
    cards: tuple[KpiCard, ...]
    extra: tuple[KpiCard, ...] = ()
    leads_by_source: leads.LeadComparison | None = None
    missing_fx: tuple[aggregate.MissingRate, ...] = ()
    share_band: str | None = None

    def card(self, name: str) -> KpiCard:
        return next(c for c in self.cards + self.extra if c.name == name)


def week_summary(con: duckdb.DuckDBPyConnection, week_start: date) -> WeekSummary:
    """The six KPI cards for the week starting `week_start` against the week before."""
    b = leads.basis(con)
    end = week_start + timedelta(days=6)
    group = aggregate.window_sums(con, week_start, end)[0]
    now = leads.derive(group, b)
    prev = leads.derive(aggregate.window_sums(con, week_start - timedelta(days=7), week_start - timedelta(days=1))[0], b)

    def card(name: str) -> KpiCard:
        k = KPIS[name]
        den = None if k.denominator == "one" else now.get(k.denominator)
        return KpiCard(name, evaluate(k, now), evaluate(k, prev), now.get(k.numerator), den, k.direction)

    extra = tuple(card(n) for n in SIDE_KPIS)
    return WeekSummary(week_start, b.lead_source, tuple(card(n) for n in CARD_KPIS), extra,
                       leads.compare(group, b), tuple(aggregate.missing_fx(con, week_start, end)),
                       leads.spend_share_band(extra[1].value))


def channel_table(con: duckdb.DuckDBPyConnection, week_start: date) -> pd.DataFrame:
    """Per channel for one week: spend, leads (from the source of truth), CPL, and last week's CPL.

    Columns: channel, spend, leads, cpl, previous_cpl, clicks, impressions. Spend and CPL are
    None (not 0) for channels without ad spend, such as Organic Search. CPL is the channel's
    spend over its paid leads (`metrics.kpis` "cpl"), a sum over sums like every ratio.
    """
    b = leads.basis(con)
    cpl = KPIS["cpl"]

    def per_channel(start: date) -> dict[str | None, aggregate.Group]:
        return {g.key[0]: g for g in aggregate.window_sums(con, start, start + timedelta(days=6), "channel")}

    now, prev = per_channel(week_start), per_channel(week_start - timedelta(days=7))
    rows = []
    for channel, g in now.items():
        if channel is None and not (g["n_ad"] or g["n_ga4"] or g["n_crm"]):
            continue   # other costs without a channel belong to the whole workspace only
        m = leads.derive(g, b)
        if m["spend"] is None and m["leads"] is None:
            continue
        p = leads.derive(prev[channel], b) if channel in prev else {}
        rows.append({"channel": channel, "spend": m["spend"], "leads": m["leads"] or 0.0, "cpl": evaluate(cpl, m),
                     "previous_cpl": evaluate(cpl, p) if p else None, "clicks": m["clicks"],
                     "impressions": m["impressions"]})
    rows.sort(key=lambda r: (r["spend"] is None, -(r["spend"] or 0), -r["leads"], r["channel"] or ""))
    df = pd.DataFrame(rows, columns=["channel", "spend", "leads", "cpl", "previous_cpl", "clicks", "impressions"])
    return df.astype(object).where(df.notna(), None)


@remembered
def data_range(con: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None]:
    """First and last day with any fact data in the workspace."""
    row = _one(con, """
        SELECT min(s), max(e) FROM (
            SELECT min(period_start) s, max(period_end) e FROM ad_performance
            UNION ALL SELECT min(period_start), max(period_end) FROM web_analytics
            UNION ALL SELECT min(period_start), max(period_end) FROM search_daily
            UNION ALL SELECT min(created_date), max(created_date) FROM crm_deals)""", [])
    return row[0], row[1]


def complete_weeks(con: duckdb.DuckDBPyConnection, today: date) -> list[date]:
    """Mondays of the complete weeks that hold data, newest first."""
    first, last = data_range(con)
    if first is None or last is None:
        return []
    # The newest week that has ended; a week whose data stops mid-week still shows (with a warning).
    newest = min(last_complete_week(today), monday(last))
    weeks = []
    w = newest
    while w >= monday(first):
        weeks.append(w)
        w -= timedelta(days=7)
    return weeks


def default_week(con: duckdb.DuckDBPyConnection, today: date) -> date | None:
    weeks = complete_weeks(con, today)
    return weeks[0] if weeks else None


@dataclass(frozen=True)
class SourceFreshness:
    source: str
    last_day: date | None
    last_import_at: object | None   # datetime
    rows: int


def freshness(con: duckdb.DuckDBPyConnection) -> list[SourceFreshness]:
    """Per source: the last day with data, the last import and its row count."""
    rows = con.execute("""
        WITH facts AS (
            SELECT source, max(period_end) AS last_day FROM ad_performance GROUP BY source
            UNION ALL SELECT 'ga4', max(period_end) FROM web_analytics HAVING count(*) > 0
            UNION ALL SELECT 'search_console', max(period_end) FROM search_daily HAVING count(*) > 0
            UNION ALL SELECT 'crm', max(created_date) FROM crm_deals HAVING count(*) > 0),
        imp AS (
            SELECT source, max(imported_at) AS last_import_at, sum(rows) AS rows
            FROM imports WHERE status = 'loaded' GROUP BY source)
        SELECT f.source, f.last_day, imp.last_import_at, coalesce(imp.rows, 0)
        FROM facts f LEFT JOIN imp USING (source)
        ORDER BY f.source""").fetchall()
    return [SourceFreshness(r[0], r[1], r[2], int(r[3])) for r in rows]
