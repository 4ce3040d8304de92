"""The one query the decision engine needs: spend, clicks, leads, sales and revenue per
channel × campaign × fact period, over a range of days.

Leads come from the workspace's lead source of truth (`metrics.weekly.lead_source`: CRM
qualified deals by created date, GA4 lead events, or the platforms' conversions). Sales and
revenue for shops come from the CRM (won deals, on the won date) when the revenue source is the
CRM, else from the platforms (conversions and conversion value). Campaigns from GA4 or the CRM
join ad campaigns on the normalised name (`metrics.names`). Leads that match no ad campaign
still count for their channel.

Rows keep the stored grain (a day, or a block from an export without a day segment); the
engine bins them into weeks and applies the conversion-lag cut-off, so a block is never split.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from metrics.names import sql_normalise
from metrics.weekly import lead_source
from warehouse import settings


@dataclass(frozen=True)
class Fact:
    """One channel × campaign × period. Money in the workspace currency.

    `campaign_key` is the normalised campaign name ('' when the row has no campaign), `campaign`
    a display name (the ad platform's spelling when there is one).
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


@dataclass(frozen=True)
class Facts:
    rows: tuple[Fact, ...]
    first_spend: dict[tuple[str, str | None], date]   # (channel, campaign_key or None for the channel) → first day with spend


def facts(con: duckdb.DuckDBPyConnection, date_from: date, date_to: date) -> Facts:
    """Every fact row whose whole period lies in [date_from, date_to], grouped by channel and campaign."""
    source = lead_source(con)
    ad_key = sql_normalise("campaign")
    # Lead SQL per source: (channel, campaign, period_start, period_end, leads). Constants only.
    leads_sql = {
        "platform": "SELECT channel, campaign, period_start, period_end, conversions AS leads FROM ad_performance",
        "ga4": ("SELECT channel_group AS channel, campaign, period_start, period_end, "
                "coalesce(lead_events, key_events) AS leads FROM web_analytics"),
        "crm": ("SELECT coalesce(channel, '(not set)') AS channel, campaign, created_date AS period_start, "
                "created_date AS period_end, 1.0 AS leads FROM crm_deals WHERE is_qualified"),
    }[source]
    revenue_source = settings.get(con, "revenue_source")
    crm_any = con.execute("SELECT count(*) > 0 FROM (SELECT 1 FROM crm_deals LIMIT 1)").fetchall()[0][0]
    if revenue_source == "crm" or (revenue_source == "auto" and crm_any):
        sales_sql = ("SELECT coalesce(channel, '(not set)') AS channel, campaign, won_date AS period_start, "
                     "won_date AS period_end, 1.0 AS sales, coalesce(value, 0) AS revenue "
                     "FROM crm_deals WHERE won_date IS NOT NULL")
    else:
        sales_sql = ("SELECT channel, campaign, period_start, period_end, conversions AS sales, "
                     "conversion_value AS revenue FROM ad_performance")
    currency = settings.get(con, "currency") or "NOK"
    sql = f"""
        WITH ad AS (
            SELECT a.channel, {sql_normalise('a.campaign')} AS ckey, min(a.campaign) AS campaign,
                   a.period_start, a.period_end,
                   sum(a.spend * CASE WHEN a.currency = ? THEN 1 ELSE coalesce(fx.rate, 1) END) AS spend,
                   sum(a.clicks) AS clicks
            FROM ad_performance a
            LEFT JOIN fx_rates fx ON fx.day = a.period_start AND fx.currency = a.currency
            WHERE a.period_start >= ? AND a.period_end <= ?
            GROUP BY 1, 2, 4, 5),
        ld AS (
            SELECT channel, {sql_normalise('campaign')} AS ckey, min(campaign) AS campaign,
                   period_start, period_end, sum(leads) AS leads
            FROM ({leads_sql}) WHERE period_start >= ? AND period_end <= ?
            GROUP BY 1, 2, 4, 5),
        sa AS (
            SELECT channel, {sql_normalise('campaign')} AS ckey, min(campaign) AS campaign,
                   period_start, period_end, sum(sales) AS sales, sum(revenue) AS revenue
            FROM ({sales_sql}) WHERE period_start >= ? AND period_end <= ?
            GROUP BY 1, 2, 4, 5),
        keys AS (
            SELECT channel, ckey, period_start, period_end FROM ad
            UNION SELECT channel, ckey, period_start, period_end FROM ld
            UNION SELECT channel, ckey, period_start, period_end FROM sa)
        SELECT k.channel, coalesce(k.ckey, ''), coalesce(ad.campaign, ld.campaign, sa.campaign, ''),
               k.period_start, k.period_end,
               coalesce(ad.spend, 0), coalesce(ad.clicks, 0), coalesce(ld.leads, 0),
               coalesce(sa.sales, 0), coalesce(sa.revenue, 0)
        FROM keys k
        LEFT JOIN ad ON ad.channel = k.channel AND ad.ckey IS NOT DISTINCT FROM k.ckey
                    AND ad.period_start = k.period_start AND ad.period_end = k.period_end
        LEFT JOIN ld ON ld.channel = k.channel AND ld.ckey IS NOT DISTINCT FROM k.ckey
                    AND ld.period_start = k.period_start AND ld.period_end = k.period_end
        LEFT JOIN sa ON sa.channel = k.channel AND sa.ckey IS NOT DISTINCT FROM k.ckey
                    AND sa.period_start = k.period_start AND sa.period_end = k.period_end
        WHERE k.channel IS NOT NULL
        ORDER BY 1, 2, 4, 5
    """
    rows = con.execute(sql, [currency, date_from, date_to, date_from, date_to, date_from, date_to]).fetchall()
    first = con.execute(f"""
        SELECT channel, {ad_key} AS ckey, grouping(ckey) AS is_channel, min(period_start)
        FROM ad_performance WHERE spend > 0
        GROUP BY GROUPING SETS ((channel), (channel, ckey))""").fetchall()
    first_spend = {(r[0], None if r[2] else (r[1] or "")): r[3] for r in first}
    return Facts(
        tuple(Fact(r[0], r[1], r[2], r[3], r[4], float(r[5]), float(r[6]), float(r[7]), float(r[8]), float(r[9]))
              for r in rows),
        first_spend,
    )
