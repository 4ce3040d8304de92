"""Sums of every measure over a window or per ISO week, at a grain, in the workspace currency.

One SQL statement unions the canonical facts into rows of the same shape:

- ad platforms (`ad_performance`): the channel is the row's, unless the `channel_map` table maps
  the campaign (match_kind `campaign`, normalised name) or the campaign type (`campaign_type`);
- GA4 (`web_analytics`): a row whose campaign matches an ad campaign by normalised name takes that
  campaign's name, platform and channel, so GA4 leads line up with the spend that bought them;
  other rows keep their default channel group (or a `channel_map` row with source `ga4`);
- CRM (`crm_deals`): a lead row on the created date (qualified deals count as leads) and a customer
  row on the won date with the deal value; channel from `channel_map` (source `crm`), else the
  matching ad campaign's, else the CRM's own, else Unassigned;
- other marketing costs (`costs`): spread evenly over the days of their period (a month), so
  3 100 kr for March is 100 kr a day.

Money is converted with `fx_rates` (1 unit of the row's currency in the workspace currency): the
rate of the row's last day, else the latest earlier rate, else the earliest later one. A row in a
currency without any rate is left out of every sum and reported by `missing_fx` — never mixed.

Every branch is filtered to the window first (the campaign → channel lookup reads all ad rows,
so a GA4 row can join a campaign that had no spend in the window).

A row counts in a window only when the window holds its whole period (blocks are never split);
in a weekly series only rows whose period lies inside one ISO week count, keyed by that Monday.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

import duckdb

from metrics.names import sql_normalise as _n
from warehouse.fx import currency as workspace_currency

Grain = Literal["all", "channel", "source", "campaign"]

# GA4 default channel groups that are paid media (any channel that carries ad spend is paid too).
PAID_CHANNELS: Final[tuple[str, ...]] = (
    "Paid Search", "Paid Social", "Paid Video", "Paid Shopping", "Paid Other", "Display", "Cross-network", "Audio",
)

GRAIN_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "all": (),
    "channel": ("channel",),
    "source": ("source",),
    "campaign": ("channel", "source", "campaign"),
}

_BASE = f"""
WITH ad_all AS (
    SELECT source, campaign, campaign_type, channel AS row_channel, sum(spend) AS spend
    FROM ad_performance GROUP BY ALL
),
ad_campaigns AS (
    SELECT a.source, a.campaign, a.campaign_type, a.row_channel,
           COALESCE(mc.channel, mt.channel, a.row_channel) AS channel, a.spend
    FROM ad_all a
    LEFT JOIN channel_map mc ON mc.source = a.source AND mc.match_kind = 'campaign'
         AND {_n('mc.match_value')} = {_n('a.campaign')}
    LEFT JOIN channel_map mt ON mt.source = a.source AND mt.match_kind = 'campaign_type'
         AND lower(trim(mt.match_value)) = lower(trim(a.campaign_type))
),
ad0 AS (
    SELECT a.source, a.campaign, a.period_start, a.period_end, a.currency, c.channel,
           a.spend, a.impressions, a.clicks, a.conversions, a.conversion_value
    FROM ad_performance a
    JOIN ad_campaigns c ON c.source = a.source AND c.campaign = a.campaign AND c.row_channel = a.channel
         AND c.campaign_type IS NOT DISTINCT FROM a.campaign_type
    WHERE a.period_start >= $start AND a.period_end <= $end
),
camp AS (
    SELECT {_n('campaign')} AS ncamp, arg_max(campaign, spend) AS campaign,
           arg_max(source, spend) AS source, arg_max(channel, spend) AS channel
    FROM ad_campaigns GROUP BY 1
),
paid_ch AS (
    SELECT DISTINCT lower(channel) AS lch FROM ad_campaigns
    UNION SELECT lower(x) FROM unnest($paid) AS t(x)
),
facts0 AS (
    SELECT 'ad' AS fam, period_start, period_end, channel, source, campaign, currency, period_end AS fx_day,
           spend AS m_spend, CAST(impressions AS DOUBLE) AS m_impr, CAST(clicks AS DOUBLE) AS m_clicks,
           conversions AS m_conv, conversion_value AS m_value,
           0.0 AS m_sessions, 0.0 AS m_ga_leads, 0.0 AS m_ga_revenue, 0.0 AS m_purchases,
           0.0 AS m_crm_leads, 0.0 AS m_customers, 0.0 AS m_crm_revenue, 0.0 AS m_costs
    FROM ad0
    UNION ALL
    SELECT 'ga4', w.period_start, w.period_end, COALESCE(gm.channel, c.channel, w.channel_group), c.source,
           COALESCE(c.campaign, w.campaign), $cur, w.period_end,
           0, 0, 0, 0, 0,
           CAST(w.sessions AS DOUBLE), COALESCE(w.lead_events, w.key_events), w.revenue, w.purchases,
           0, 0, 0, 0
    FROM web_analytics w
    LEFT JOIN camp c ON c.ncamp = {_n('w.campaign')}
    LEFT JOIN channel_map gm ON gm.source = 'ga4' AND gm.match_kind = 'campaign'
         AND {_n('gm.match_value')} = {_n('w.campaign')}
    WHERE w.period_start >= $start AND w.period_end <= $end
    UNION ALL
    SELECT 'crm', d.created_date, d.created_date, COALESCE(cm.channel, c.channel, d.channel, 'Unassigned'), c.source,
           COALESCE(c.campaign, d.campaign), $cur, d.created_date,
           0, 0, 0, 0, 0, 0, 0, 0, 0,
           CASE WHEN d.is_qualified THEN 1.0 ELSE 0.0 END, 0, 0, 0
    FROM crm_deals d
    LEFT JOIN camp c ON c.ncamp = {_n('d.campaign')}
    LEFT JOIN channel_map cm ON cm.source = 'crm' AND cm.match_kind = 'campaign'
         AND {_n('cm.match_value')} = {_n('d.campaign')}
    WHERE d.created_date BETWEEN $start AND $end
    UNION ALL
    SELECT 'crm', d.won_date, d.won_date, COALESCE(cm.channel, c.channel, d.channel, 'Unassigned'), c.source,
           COALESCE(c.campaign, d.campaign), COALESCE(d.currency, $cur), d.won_date,
           0, 0, 0, 0, 0, 0, 0, 0, 0,
           0, 1.0, COALESCE(d.value, 0), 0
    FROM crm_deals d
    LEFT JOIN camp c ON c.ncamp = {_n('d.campaign')}
    LEFT JOIN channel_map cm ON cm.source = 'crm' AND cm.match_kind = 'campaign'
         AND {_n('cm.match_value')} = {_n('d.campaign')}
    WHERE d.won_date BETWEEN $start AND $end
    UNION ALL
    SELECT 'cost', CAST(k.d AS DATE), CAST(k.d AS DATE), k.channel, NULL, NULL, k.currency, CAST(k.d AS DATE),
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           k.amount / (date_diff('day', k.period_start, k.period_end) + 1)
    FROM (SELECT *, unnest(generate_series(CAST(period_start AS TIMESTAMP), CAST(period_end AS TIMESTAMP),
                                           INTERVAL 1 DAY)) AS d FROM costs
          WHERE period_end >= $start AND period_start <= $end) AS k
),
facts AS (
    -- Rows already in the workspace currency skip the rate lookup: the two ASOF joins sort every
    -- row they get, even against an empty fx_rates (≈ 75 % of this query on a 1 M-row workspace).
    SELECT f.*, 1.0 AS rate, lower(f.channel) IN (SELECT lch FROM paid_ch) AS paid
    FROM facts0 f WHERE f.currency = $cur
    UNION ALL
    SELECT f.*, COALESCE(b.rate, a.rate) AS rate, lower(f.channel) IN (SELECT lch FROM paid_ch) AS paid
    FROM (SELECT * FROM facts0 WHERE currency IS DISTINCT FROM $cur) f
    ASOF LEFT JOIN fx_rates b ON f.currency = b.currency AND f.fx_day >= b.day
    ASOF LEFT JOIN fx_rates a ON f.currency = a.currency AND f.fx_day <= a.day
)
"""

_SUMS = """
    count(*) FILTER (WHERE fam = 'ad') AS n_ad,
    count(*) FILTER (WHERE fam = 'ga4') AS n_ga4,
    count(*) FILTER (WHERE fam = 'crm') AS n_crm,
    count(*) FILTER (WHERE fam = 'cost') AS n_cost,
    sum(count(*) FILTER (WHERE fam = 'ga4')) OVER ({part}) AS w_ga4,
    coalesce(sum(m_spend * rate), 0) AS spend,
    coalesce(sum(m_impr), 0) AS impressions,
    coalesce(sum(m_clicks), 0) AS clicks,
    coalesce(sum(m_conv), 0) AS platform_conversions,
    coalesce(sum(m_value * rate), 0) AS platform_value,
    coalesce(sum(m_sessions), 0) AS sessions,
    coalesce(sum(m_ga_leads), 0) AS ga4_leads,
    coalesce(sum(m_ga_leads) FILTER (WHERE paid), 0) AS ga4_paid_leads,
    coalesce(sum(m_ga_revenue), 0) AS ga4_revenue,
    coalesce(sum(m_ga_revenue) FILTER (WHERE paid), 0) AS ga4_paid_revenue,
    coalesce(sum(m_purchases), 0) AS ga4_purchases,
    coalesce(sum(m_crm_leads), 0) AS crm_leads,
    coalesce(sum(m_crm_leads) FILTER (WHERE paid), 0) AS crm_paid_leads,
    coalesce(sum(m_customers), 0) AS crm_customers,
    coalesce(sum(m_crm_revenue * rate), 0) AS crm_revenue,
    coalesce(sum(m_crm_revenue * rate) FILTER (WHERE paid), 0) AS crm_paid_revenue,
    coalesce(sum(m_costs * rate), 0) AS other_costs
"""

SUM_FIELDS: Final[tuple[str, ...]] = tuple(
    line.strip().rstrip(",").rsplit(" AS ", 1)[1] for line in _SUMS.strip().splitlines()
)
# n_* count a group's rows per source; w_ga4 counts the GA4 rows of the whole window (or week), so a
# campaign without GA4 sessions has 0 GA4 leads — not None — once GA4 covers the window.


@dataclass(frozen=True)
class Group:
    """The sums of one group (e.g. one channel) in one window or week. Money in the workspace currency."""

    key: tuple[str | None, ...]
    sums: dict[str, float]

    def __getitem__(self, name: str) -> float:
        return self.sums[name]


@dataclass(frozen=True)
class MissingRate:
    """Rows left out because their currency has no rate to the workspace currency."""

    family: str          # ad, crm, cost
    currency: str
    rows: int
    amount: float        # in the row currency


def _params(con: duckdb.DuckDBPyConnection, currency: str | None, **extra: object) -> dict[str, object]:
    return {"cur": currency or workspace_currency(con), "paid": list(PAID_CHANNELS), **extra}


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object], nkeys: int) -> list[Group]:
    fields = SUM_FIELDS
    return [Group(tuple(r[:nkeys]), dict(zip(fields, map(float, r[nkeys:]))))
            for r in con.execute(sql, params).fetchall()]


def window_sums(con: duckdb.DuckDBPyConnection, start: date, end: date, grain: Grain = "all",
                *, currency: str | None = None) -> list[Group]:
    """Sums per group over [start, end] (inclusive), counting only rows wholly inside it.

    The `all` grain always returns one group (with zero counts when there is no data).
    """
    keys = GRAIN_KEYS[grain]
    cols = "".join(f"{k}, " for k in keys)
    group = f" GROUP BY {', '.join(keys)} ORDER BY {', '.join(keys)} NULLS LAST" if keys else ""
    sql = (f"{_BASE} SELECT {cols}{_SUMS.format(part='')} FROM facts WHERE rate IS NOT NULL "
           f"AND period_start >= $start AND period_end <= $end{group}")
    return _rows(con, sql, _params(con, currency, start=start, end=end), len(keys))


def weekly_sums(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date, grain: Grain = "all",
                *, currency: str | None = None) -> list[Group]:
    """Sums per (week_start, *grain keys) for the weeks first_week … last_week (Mondays).

    The key's first element is the week's Monday as a `date`. Rows spanning more than one week
    (blocks) are not in any week; weeks without rows are absent.
    """
    keys = GRAIN_KEYS[grain]
    cols = ", ".join(("week_start",) + keys)
    sql = (f"{_BASE} SELECT CAST(date_trunc('week', period_start) AS DATE) AS week_start"
           f"{''.join(', ' + k for k in keys)}, {_SUMS.format(part='PARTITION BY week_start')} FROM facts "
           f"WHERE rate IS NOT NULL "
           f"AND date_trunc('week', period_start) = date_trunc('week', period_end) "
           f"AND period_start >= $start AND period_end <= $end GROUP BY {cols} ORDER BY {cols} NULLS LAST")
    from datetime import timedelta

    return _rows(con, sql, _params(con, currency, start=first_week, end=last_week + timedelta(days=6)), len(keys) + 1)


def missing_fx(con: duckdb.DuckDBPyConnection, start: date, end: date, *, currency: str | None = None
               ) -> list[MissingRate]:
    """Rows in [start, end] whose currency has no rate: left out of every sum, reported here."""
    sql = (f"{_BASE} SELECT fam, currency, count(*), sum(m_spend + m_value + m_crm_revenue + m_costs) "
           f"FROM facts WHERE rate IS NULL AND period_start >= $start AND period_end <= $end "
           f"GROUP BY fam, currency ORDER BY fam, currency")
    rows = con.execute(sql, _params(con, currency, start=start, end=end)).fetchall()
    return [MissingRate(r[0], r[1], int(r[2]), float(r[3] or 0)) for r in rows]
