"""`fact_weeks`: the canonical facts summed per ISO week, kept in step with every write.

The Monday page reads weeks: this week, last week, the last four, a campaign's last twenty. Read
from the raw fact tables, each of those sums unions three fact families, converts currencies row
by row and groups a few hundred thousand rows. `fact_weeks` holds the same facts already summed
per week (about a fortieth of the rows on a busy account), so `metrics.aggregate` reads windows
made of whole weeks from it and everything else from the raw tables. Both give the same sums
(`tests/test_rollup.py` checks every writer against the raw tables).

What a row keeps is only what the fact rows of its own bucket decide, so a write rebuilds just
the weeks it touched:

- a *bucket* is the ISO week (Monday–Sunday) of rows that lie inside one week; a row spanning
  more than one week (a block) keeps its own period as its bucket, so "wholly inside a window"
  means the same for a bucket as for its rows;
- the names that decide a channel (campaign, campaign type, the platform's channel, GA4's channel
  group, the CRM's channel, the normalised campaign name) are kept as they are, and beside them
  what the reports show (`mapped_channel`, `mapped_source`, `mapped_campaign`, `paid`): the
  `channel_map` and the GA4/CRM-to-campaign join applied, exactly as `metrics.aggregate` applies
  them to the raw rows, so reading a week needs no join. Those depend on more than the bucket's
  own rows — a GA4 row takes the channel of the ad campaign with the most spend under its name,
  and a channel is paid when any ad campaign is in it — so after ad rows change, and after the
  channel map changes, `_remap` corrects the rows whose mapping moved (usually none);
- money is converted with `fx_rates` per fact row, exactly as `metrics.aggregate` does (the rate
  of the row's last day, else the latest earlier, else the earliest later); rows without a rate
  keep `has_rate = false` and their amounts in their own currency. A change of rates or of the
  workspace currency rebuilds everything.

Writers call `update` (or `rebuild`) inside their own transaction: `warehouse.loader` (load,
undo), `warehouse.fx` (rates, currency), `metrics.manual` (entered costs, the channel map). The
rollup records a cheap stamp of what it was built from (`workspace_meta` key `rollup`); while the
stamp does not match — say after a hand-made SQL edit — sums are read from the raw tables, and
the next write through a writer rebuilds it whole.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Final

import duckdb

from metrics.names import sql_normalise as _n
from warehouse.snapshot import remembered

# GA4 default channel groups that are paid media (any channel that carries ad spend is paid too).
PAID_CHANNELS: Final[tuple[str, ...]] = (
    "Paid Search", "Paid Social", "Paid Video", "Paid Shopping", "Paid Other", "Display", "Cross-network", "Audio",
)

VERSION: Final[str] = "2"   # 2: mapped names and first spend days (migration 8)

# Fact table → rollup families. CRM deals and costs are rebuilt whole: a deal's won date may lie
# years after its created date, and a month's cost is spread over days of two ISO weeks.
FAMILIES: Final[dict[str, tuple[str, ...]]] = {
    "ad_performance": ("ad",),
    "web_analytics": ("ga4",),
    "crm_deals": ("crm_lead", "crm_won"),
    "costs": ("cost",),
}
_RANGED: Final[frozenset[str]] = frozenset({"ad", "ga4"})

# One SELECT per family, each yielding the same columns; `$lo`/`$hi` bound the rows read (the
# whole table when NULL). Only the families being rebuilt are put into the statement.
_BRANCHES: Final[dict[str, str]] = {
    "ad": """
    SELECT 'ad' AS fam, period_start, period_end, source, campaign, campaign_type, channel,
           CAST(NULL AS VARCHAR) AS ncamp, currency, period_end AS fx_day,
           spend AS m_spend, CAST(impressions AS DOUBLE) AS m_impr, CAST(clicks AS DOUBLE) AS m_clicks,
           conversions AS m_conv, conversion_value AS m_value,
           0.0 AS m_sessions, 0.0 AS m_ga_leads, 0.0 AS m_ga_revenue, 0.0 AS m_purchases,
           0.0 AS m_crm_leads, 0.0 AS m_customers, 0.0 AS m_crm_revenue, 0.0 AS m_costs
    FROM ad_performance WHERE $lo IS NULL OR (period_start <= $hi AND period_end >= $lo)""",
    "ga4": f"""
    SELECT 'ga4', period_start, period_end, NULL, campaign, NULL, channel_group, {_n('campaign')}, $cur, period_end,
           0, 0, 0, 0, 0,
           CAST(sessions AS DOUBLE), COALESCE(lead_events, key_events), revenue, purchases,
           0, 0, 0, 0
    FROM web_analytics WHERE $lo IS NULL OR (period_start <= $hi AND period_end >= $lo)""",
    "crm_lead": f"""
    SELECT 'crm_lead', created_date, created_date, NULL, campaign, NULL, channel, {_n('campaign')}, $cur,
           created_date, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           CASE WHEN is_qualified THEN 1.0 ELSE 0.0 END, 0, 0, 0
    FROM crm_deals""",
    "crm_won": f"""
    SELECT 'crm_won', won_date, won_date, NULL, campaign, NULL, channel, {_n('campaign')}, COALESCE(currency, $cur),
           won_date, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           0, 1.0, COALESCE(value, 0), 0
    FROM crm_deals WHERE won_date IS NOT NULL""",
    "cost": """
    SELECT 'cost', CAST(k.d AS DATE), CAST(k.d AS DATE), NULL, NULL, NULL, k.channel, NULL, k.currency,
           CAST(k.d AS DATE), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           k.amount / (date_diff('day', k.period_start, k.period_end) + 1)
    FROM (SELECT *, unnest(generate_series(CAST(period_start AS TIMESTAMP), CAST(period_end AS TIMESTAMP),
                                           INTERVAL 1 DAY)) AS d FROM costs) AS k""",
}

_RAW_COLUMNS = ("fam, period_start, period_end, source, campaign, campaign_type, channel, ncamp, currency, fx_day, "
                "m_spend, m_impr, m_clicks, m_conv, m_value, m_sessions, m_ga_leads, m_ga_revenue, m_purchases, "
                "m_crm_leads, m_customers, m_crm_revenue, m_costs")

def _ad_map_joins(t: str, only: str = "") -> str:
    """The channel-map rows for ad campaign rows `t` (source, campaign, campaign_type): `mc` by
    normalised campaign name, `mt` by campaign type; a row's channel is
    COALESCE(mc.channel, mt.channel, its own). `only`: a condition limiting the join to ad rows."""
    return (f"\n    LEFT JOIN map_c mc ON {only}mc.source = {t}.source AND mc.v = {_n(t + '.campaign')}"
            f"\n    LEFT JOIN map_t mt ON {only}mt.source = {t}.source AND mt.v = lower(trim({t}.campaign_type))")


# The mapping the reports apply, to the raw rows (metrics/aggregate.py) and to this rollup alike:
# a channel-map row for the campaign (by normalised name) or the campaign type overrides an ad
# row's channel; a GA4 or CRM row takes the name, platform and channel of the ad campaign with the
# most spend under its normalised name, unless the map names a channel for it; a channel is paid
# when an ad campaign is in it or GA4 calls it paid. Several map rows for one name (only a hand
# edit can make them) count once. `{ad}`: the ad campaigns with their spend (source, campaign,
# campaign_type, row_channel, spend); `$paid`: GA4's paid channel groups.
MAPPING_CTES = f"""
map_c AS (
    SELECT source, {_n('match_value')} AS v, min(channel) AS channel
    FROM channel_map WHERE match_kind = 'campaign' GROUP BY ALL
),
map_t AS (
    SELECT source, lower(trim(match_value)) AS v, min(channel) AS channel
    FROM channel_map WHERE match_kind = 'campaign_type' GROUP BY ALL
),
ad_campaigns AS (
    SELECT a.source, a.campaign, a.campaign_type, a.row_channel,
           COALESCE(mc.channel, mt.channel, a.row_channel) AS channel, a.spend
    FROM {{ad}} a{_ad_map_joins('a')}
),
camp AS (
    SELECT {_n('campaign')} AS ncamp, arg_max(campaign, spend) AS campaign,
           arg_max(source, spend) AS source, arg_max(channel, spend) AS channel
    FROM ad_campaigns GROUP BY 1
),
paid_ch AS (
    SELECT DISTINCT lower(channel) AS lch FROM ad_campaigns
    UNION SELECT lower(x) FROM unnest($paid) AS t(x)
)"""
_MAP_CTES = MAPPING_CTES.format(ad="ad_campaign_spend")

_COLUMNS = ("fam, bucket_start, bucket_end, source, campaign, campaign_type, channel, ncamp, currency, has_rate, n, "
            "m_spend, m_impr, m_clicks, m_conv, m_value, m_sessions, m_ga_leads, m_ga_revenue, m_purchases, "
            "m_crm_leads, m_customers, m_crm_revenue, m_costs, native_spend, native_money, first_spend, "
            "mapped_channel, mapped_source, mapped_campaign, paid")


# The rows `_remap` looks at: their row id and the names that decide their mapping.
_KEYS = "(SELECT rowid AS rid, fam, source, campaign, campaign_type, channel, ncamp FROM fact_weeks {which})"


def _mapped_select(relation: str) -> str:
    """SELECT every column of `relation` (with fact_weeks' fam, source, campaign, campaign_type,
    channel and ncamp) and the mapped names and paid flag, given the `_MAP_CTES`. An ad row is
    paid by definition: its channel is an ad campaign's."""
    return f"""
    SELECT *, fam = 'ad' OR lower(mapped_channel) IN (SELECT lch FROM paid_ch) AS paid FROM (
        SELECT w.*,
               CASE WHEN w.fam = 'ad' THEN COALESCE(mc.channel, mt.channel, w.channel)
                    WHEN w.fam = 'cost' THEN w.channel
                    ELSE COALESCE(mg.channel, c.channel, w.channel, 'Unassigned') END AS mapped_channel,
               CASE WHEN w.fam = 'ad' THEN w.source WHEN w.fam = 'cost' THEN NULL ELSE c.source END AS mapped_source,
               CASE WHEN w.fam = 'ad' THEN w.campaign WHEN w.fam = 'cost' THEN NULL
                    ELSE COALESCE(c.campaign, w.campaign) END AS mapped_campaign
        FROM {relation} w{_ad_map_joins('w', "w.fam = 'ad' AND ")}
        LEFT JOIN camp c ON w.fam NOT IN ('ad', 'cost') AND c.ncamp = w.ncamp
        LEFT JOIN map_c mg ON w.fam NOT IN ('ad', 'cost') AND mg.v = w.ncamp
             AND mg.source = CASE WHEN w.fam = 'ga4' THEN 'ga4' ELSE 'crm' END
    )"""


_SUMMED = f"""
rated AS (
    SELECT r.*, 1.0 AS rate FROM raw r WHERE r.currency = $cur
    UNION ALL
    SELECT r.*, COALESCE(b.rate, a.rate) AS rate
    FROM (SELECT * FROM raw WHERE currency IS DISTINCT FROM $cur) r
    ASOF LEFT JOIN fx_rates b ON r.currency = b.currency AND r.fx_day >= b.day
    ASOF LEFT JOIN fx_rates a ON r.currency = a.currency AND r.fx_day <= a.day
),
bucketed AS (
    SELECT *, date_trunc('week', period_start) = date_trunc('week', period_end) AS in_week FROM rated
),
summed AS (
    SELECT fam,
           CASE WHEN in_week THEN CAST(date_trunc('week', period_start) AS DATE) ELSE period_start END AS bucket_start,
           CASE WHEN in_week THEN CAST(date_trunc('week', period_start) AS DATE) + 6 ELSE period_end END AS bucket_end,
           source, campaign, campaign_type, channel, ncamp, currency, rate IS NOT NULL AS has_rate,
           count(*) AS n,
           sum(m_spend * rate) AS m_spend, sum(m_impr) AS m_impr, sum(m_clicks) AS m_clicks,
           sum(m_conv) AS m_conv, sum(m_value * rate) AS m_value,
           sum(m_sessions) AS m_sessions, sum(m_ga_leads) AS m_ga_leads, sum(m_ga_revenue) AS m_ga_revenue,
           sum(m_purchases) AS m_purchases, sum(m_crm_leads) AS m_crm_leads, sum(m_customers) AS m_customers,
           sum(m_crm_revenue * rate) AS m_crm_revenue, sum(m_costs * rate) AS m_costs,
           sum(m_spend) AS native_spend, sum(m_spend + m_value + m_crm_revenue + m_costs) AS native_money,
           min(period_start) FILTER (WHERE fam = 'ad' AND m_spend > 0) AS first_spend
    FROM bucketed
    GROUP BY ALL
),
{_MAP_CTES}
INSERT INTO fact_weeks ({_COLUMNS})
SELECT * FROM ({_mapped_select('summed')})
ORDER BY bucket_start   -- clustered by week, so a read of recent weeks skips the older row groups
"""


def _currency(con: duckdb.DuckDBPyConnection) -> str:
    from warehouse.fx import currency

    return currency(con)


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN … COMMIT around a write and its `update`; ROLLBACK on any error."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


@contextlib.contextmanager
def rewriting(con: duckdb.DuckDBPyConnection, table: str) -> Iterator[None]:
    """A transaction around a write that may change any row of `table`; the rollup of what that
    table feeds is rebuilt inside it (everything, when the rollup was out of step before)."""
    with transaction(con):
        fresh = current(con)
        yield
        update(con, {table: (None, None)}, fresh)


_STAMP = """
SELECT 1 AS k, count(*), 0 FROM ad_performance
UNION ALL SELECT 2, count(*), 0 FROM web_analytics
UNION ALL SELECT 3, count(*), 0 FROM crm_deals
UNION ALL SELECT 4, count(*), coalesce(sum(hash(period_start, period_end, amount, currency, channel)), 0) FROM costs
UNION ALL SELECT 5, count(*), coalesce(sum(hash(day, currency, rate)), 0) FROM fx_rates
UNION ALL SELECT 6, count(*), coalesce(sum(hash(source, match_kind, match_value, channel)), 0) FROM channel_map
UNION ALL SELECT 7, count(*), coalesce(sum(hash(value)), 0) FROM workspace_meta WHERE key = 'currency'
ORDER BY k
"""


def _stamp(con: duckdb.DuckDBPyConnection) -> str:
    """What the rollup was built from, cheaply (≈ 1 ms on a busy account): the fact tables' row
    counts, every cost, rate and channel-map row, the workspace currency. A write that bypassed
    the writers below (a hand-made SQL edit) changes it, and the rollup is then not used until it
    is rebuilt."""
    return f"{VERSION}|" + "|".join(f"{n}:{h}" for _, n, h in con.execute(_STAMP).fetchall())


@remembered
def current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether `fact_weeks` matches the fact tables (else read the raw tables)."""
    try:
        rows = con.execute("SELECT value FROM workspace_meta WHERE key = 'rollup'").fetchall()
    except duckdb.CatalogException:
        return False
    return bool(rows) and rows[0][0] == _stamp(con)


def _mark(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT OR REPLACE INTO workspace_meta VALUES ('rollup', ?)", [_stamp(con)])


def _build(con: duckdb.DuckDBPyConnection, fams: Iterable[str], lo: date | None, hi: date | None) -> None:
    fams = list(fams)
    raw = "\n    UNION ALL".join(_BRANCHES[f] for f in fams)
    params: dict[str, object] = {"cur": _currency(con)}
    if any(f in _RANGED for f in fams):
        params.update(lo=lo, hi=hi)
    params["paid"] = list(PAID_CHANNELS)
    con.execute(f"WITH raw({_RAW_COLUMNS}) AS ({raw}\n),{_SUMMED}", params)
    if "ad" in fams:
        con.execute("DELETE FROM ad_campaign_spend")
        con.execute("""INSERT INTO ad_campaign_spend
                       SELECT source, campaign, campaign_type, channel, sum(native_spend), min(first_spend)
                       FROM fact_weeks WHERE fam = 'ad' GROUP BY ALL""")
        # Other rows were mapped with the ad campaigns as they were before this build.
        _remap(con, everything=False)


def _remap(con: duckdb.DuckDBPyConnection, *, everything: bool) -> None:
    """Correct the mapped names and paid flags that no longer match the channel map and the ad
    campaigns: of GA4, CRM and cost rows (`everything`: of ad rows too, after the map changed)."""
    which = "" if everything else "WHERE fam <> 'ad'"
    con.execute(f"""
        UPDATE fact_weeks AS f
        SET mapped_channel = x.mapped_channel, mapped_source = x.mapped_source,
            mapped_campaign = x.mapped_campaign, paid = x.paid
        FROM (WITH {_MAP_CTES} {_mapped_select(_KEYS.format(which=which))}) AS x
        WHERE f.rowid = x.rid
          AND (f.mapped_channel IS DISTINCT FROM x.mapped_channel OR f.mapped_source IS DISTINCT FROM x.mapped_source
               OR f.mapped_campaign IS DISTINCT FROM x.mapped_campaign OR f.paid IS DISTINCT FROM x.paid)""",
                {"paid": list(PAID_CHANNELS)})


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every family from the fact tables and mark the rollup current (caller's transaction)."""
    con.execute("DELETE FROM fact_weeks")
    _build(con, [f for fams in FAMILIES.values() for f in fams], None, None)
    _mark(con)


def update(con: duckdb.DuckDBPyConnection, touched: dict[str, tuple[date | None, date | None]],
           was_current: bool) -> None:
    """After a write (in its transaction): rebuild what rows of each table in `touched` feed.

    `touched` maps a fact table to the range [lo, hi] covering every row the write removed or
    added (None, None: the whole table); `channel_map` in it re-maps every row. `was_current`:
    `current(con)` before the write; when the rollup was already out of step, everything is
    rebuilt instead.
    """
    if not was_current:
        rebuild(con)
        return
    if "channel_map" in touched:
        _remap(con, everything=True)
    for table, (lo, hi) in touched.items():
        for fam in FAMILIES.get(table, ()):
            if fam in _RANGED and lo is not None and hi is not None:
                lo_w = lo - timedelta(days=lo.weekday())
                hi_w = hi + timedelta(days=6 - hi.weekday())
                con.execute("DELETE FROM fact_weeks WHERE fam = ? AND bucket_start <= ? AND bucket_end >= ?",
                            [fam, hi_w, lo_w])
                _build(con, [fam], lo_w, hi_w)
            else:
                con.execute("DELETE FROM fact_weeks WHERE fam = ?", [fam])
                _build(con, [fam], None, None)
    _mark(con)


def span(con: duckdb.DuckDBPyConnection, table: str, where: str, params: list[object]
         ) -> tuple[date | None, date | None]:
    """min(period_start), max(period_end) of the rows of `table` matching `where` (fixed SQL, bound params)."""
    row = con.execute(f"SELECT min(period_start), max(period_end) FROM {table} WHERE {where}", params).fetchall()
    return (row[0][0], row[0][1]) if row else (None, None)
