"""Weekly sums and KPI cards: the numbers the Monday page opens with.

Weeks are ISO weeks keyed by their Monday (`week_start`). A fact row counts in a window only
when its whole period lies inside it: a day row in its day's week, a 7-day block in its week,
a longer block (an export without a day segment) only in windows that contain all of it —
never split into invented days.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import duckdb
import pandas as pd

from metrics.kpis import CARD_KPIS, KPIS, evaluate
from warehouse import settings

LeadSource = Literal["platform", "ga4", "crm"]

# GA4 default channel groups that are paid media: their leads count toward paid CPL.
PAID_CHANNELS: tuple[str, ...] = (
    "Paid Search", "Paid Social", "Paid Video", "Paid Shopping", "Paid Other", "Display", "Cross-network", "Audio",
)


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def last_complete_week(today: date) -> date:
    """The Monday of the last week that ended before `today` (a Sunday counts as still running)."""
    return monday(today) - timedelta(days=7)


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> tuple:
    return con.execute(sql, params).fetchall()[0]


def _exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    # table names below are constants of this module, never user input
    return bool(_one(con, f"SELECT count(*) > 0 FROM (SELECT 1 FROM {table} LIMIT 1)", [])[0])


def lead_source(con: duckdb.DuckDBPyConnection) -> LeadSource:
    """The workspace's source of truth for leads: the setting, or the best truth available."""
    chosen = settings.get(con, "lead_source")
    if chosen in ("platform", "ga4", "crm"):
        return chosen
    if _exists(con, "crm_deals"):
        return "crm"
    if _exists(con, "web_analytics"):
        return "ga4"
    return "platform"


def period_sums(con: duckdb.DuckDBPyConnection, start: date, end: date, source: LeadSource | None = None
                ) -> dict[str, float | None]:
    """Sums of every KPI measure over [start, end] (inclusive). A measure with no rows is None."""
    source = source or lead_source(con)
    paid = list(PAID_CHANNELS)
    ad = _one(con, """
        SELECT count(*), sum(spend), sum(clicks), sum(impressions), sum(conversions), sum(conversion_value)
        FROM ad_performance WHERE period_start >= ? AND period_end <= ?""", [start, end])
    ga = _one(con, """
        SELECT count(*), sum(sessions), sum(coalesce(lead_events, key_events)),
               sum(coalesce(lead_events, key_events)) FILTER (WHERE list_contains(?, channel_group)),
               sum(revenue), sum(purchases)
        FROM web_analytics WHERE period_start >= ? AND period_end <= ?""", [paid, start, end])
    crm_any = _exists(con, "crm_deals")
    crm = _one(con, """
        SELECT count(*) FILTER (WHERE created_date BETWEEN ? AND ? AND is_qualified),
               count(*) FILTER (WHERE created_date BETWEEN ? AND ? AND is_qualified AND list_contains(?, channel)),
               count(*) FILTER (WHERE won_date BETWEEN ? AND ?),
               sum(value) FILTER (WHERE won_date BETWEEN ? AND ?)
        FROM crm_deals""", [start, end, start, end, paid, start, end, start, end])
    cost = _one(con, """
        SELECT count(*), sum(amount * (least(?, period_end) - greatest(?, period_start) + 1)
                            / (period_end - period_start + 1))
        FROM costs WHERE period_start <= ? AND period_end >= ?""", [end, start, end, start])

    has_ad, has_ga = ad[0] > 0, ga[0] > 0
    spend = float(ad[1]) if has_ad else None
    other_cost = float(cost[1]) if cost[0] else 0.0
    out: dict[str, float | None] = {
        "one": 1.0,
        "spend": spend,
        "clicks": float(ad[2]) if has_ad else None,
        "impressions": float(ad[3]) if has_ad else None,
        "platform_conversions": float(ad[4]) if has_ad else None,
        "sessions": float(ga[1]) if has_ga else None,
        "site_leads": float(ga[2]) if has_ga else None,
        "marketing_cost": (spend or 0.0) + other_cost if (has_ad or cost[0]) else None,
    }
    if source == "crm":
        out["leads"], out["paid_leads"] = float(crm[0]), float(crm[1])
    elif source == "ga4":
        out["leads"] = float(ga[2]) if has_ga else None
        out["paid_leads"] = float(ga[3] or 0) if has_ga else None
    else:
        out["leads"] = out["paid_leads"] = out["platform_conversions"]
    business = settings.get(con, "business_type")
    if crm_any:
        out["new_customers"] = float(crm[2])
    elif business == "shop" and has_ga:
        out["new_customers"] = float(ga[5] or 0)
    else:
        out["new_customers"] = None
    revenue_source = settings.get(con, "revenue_source")
    if revenue_source == "crm" or (revenue_source == "auto" and crm_any):
        out["revenue"] = float(crm[3] or 0) if crm_any else None
    else:
        out["revenue"] = float(ad[5]) if has_ad else None
    return out


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


@dataclass(frozen=True)
class WeekSummary:
    week_start: date
    lead_source: LeadSource
    cards: tuple[KpiCard, ...]

    def card(self, name: str) -> KpiCard:
        return next(c for c in self.cards if c.name == name)


def week_summary(con: duckdb.DuckDBPyConnection, week_start: date) -> WeekSummary:
    """The six KPI cards for the week starting `week_start` against the week before."""
    source = lead_source(con)
    now = period_sums(con, week_start, week_start + timedelta(days=6), source)
    prev = period_sums(con, week_start - timedelta(days=7), week_start - timedelta(days=1), source)
    cards = []
    for name in CARD_KPIS:
        k = KPIS[name]
        den = None if k.denominator == "one" else now.get(k.denominator)
        cards.append(KpiCard(name, evaluate(k, now), evaluate(k, prev), now.get(k.numerator), den, k.direction))
    return WeekSummary(week_start, source, tuple(cards))


def channel_table(con: duckdb.DuckDBPyConnection, week_start: date) -> pd.DataFrame:
    """Per channel for one week: spend, leads (from the source of truth), CPL, and last week's CPL.

    Columns: channel, spend, leads, cpl, previous_cpl, clicks, impressions. Spend and CPL are
    None (not 0) for channels without ad spend, such as Organic Search.
    """
    source = lead_source(con)
    prev_start = week_start - timedelta(days=7)
    end = week_start + timedelta(days=6)
    leads_sql = {
        "platform": "SELECT channel, period_start, period_end, conversions AS leads FROM ad_performance",
        "ga4": "SELECT channel_group AS channel, period_start, period_end, coalesce(lead_events, key_events) AS leads FROM web_analytics",
        "crm": "SELECT channel, created_date AS period_start, created_date AS period_end, 1.0 AS leads FROM crm_deals WHERE is_qualified",
    }[source]
    df = con.execute(f"""
        WITH ad AS (
            SELECT channel,
                   sum(spend) FILTER (WHERE period_start >= ? AND period_end <= ?) AS spend,
                   sum(spend) FILTER (WHERE period_start >= ? AND period_end <= ?) AS prev_spend,
                   sum(clicks) FILTER (WHERE period_start >= ? AND period_end <= ?) AS clicks,
                   sum(impressions) FILTER (WHERE period_start >= ? AND period_end <= ?) AS impressions
            FROM ad_performance WHERE period_end >= ? AND period_start <= ?
            GROUP BY channel),
        ld AS (
            SELECT coalesce(channel, '(not set)') AS channel,
                   sum(leads) FILTER (WHERE period_start >= ? AND period_end <= ?) AS leads,
                   sum(leads) FILTER (WHERE period_start >= ? AND period_end <= ?) AS prev_leads
            FROM ({leads_sql}) WHERE period_end >= ? AND period_start <= ?
            GROUP BY 1)
        SELECT coalesce(ad.channel, ld.channel) AS channel, ad.spend, coalesce(ld.leads, 0) AS leads,
               ad.spend / NULLIF(ld.leads, 0) AS cpl,
               ad.prev_spend / NULLIF(ld.prev_leads, 0) AS previous_cpl,
               ad.clicks, ad.impressions
        FROM ad FULL OUTER JOIN ld ON ad.channel = ld.channel
        WHERE ad.spend IS NOT NULL OR ld.leads IS NOT NULL
        ORDER BY ad.spend DESC NULLS LAST, leads DESC, channel
        """,
        [week_start, end, prev_start, week_start - timedelta(days=1), week_start, end, week_start, end,
         prev_start, end,
         week_start, end, prev_start, week_start - timedelta(days=1), prev_start, end]).df()
    return df.astype(object).where(df.notna(), None)


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


def has_data(con: duckdb.DuckDBPyConnection) -> bool:
    return data_range(con)[1] is not None
