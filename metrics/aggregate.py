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

import contextlib
import re
import threading
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from metrics.names import sql_normalise as _n
from warehouse import rollup
from warehouse.rollup import PAID_CHANNELS
from warehouse.fx import currency as workspace_currency

# DuckDB warns that Arrow from an executed statement copies the rows once more and suggests its
# relation API; measured here, that API costs 5 ms more per statement than the copy does.
warnings.filterwarnings("ignore", message="Arrow output on a DB-API result", category=UserWarning)

Grain = Literal["all", "channel", "source", "campaign"]

GRAIN_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "all": (),
    "channel": ("channel",),
    "source": ("source",),
    "campaign": ("channel", "source", "campaign"),
}

# Which channel each ad campaign is in, which campaign a normalised name means, which channels are
# paid (warehouse/rollup.py, which applies the same mapping when it writes the weekly rollup).
_MAPPING = rollup.MAPPING_CTES.format(ad="ad_all")

_BASE = f"""
WITH ad_all AS (
    SELECT source, campaign, campaign_type, channel AS row_channel, sum(spend) AS spend
    FROM ad_performance GROUP BY ALL
),
{_MAPPING},
ad0 AS (
    SELECT a.source, a.campaign, a.period_start, a.period_end, a.currency, c.channel,
           a.spend, a.impressions, a.clicks, a.conversions, a.conversion_value
    FROM ad_performance a
    JOIN ad_campaigns c ON c.source = a.source AND c.campaign = a.campaign AND c.row_channel = a.channel
         AND c.campaign_type IS NOT DISTINCT FROM a.campaign_type
    WHERE a.period_start >= $start AND a.period_end <= $end
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
    LEFT JOIN map_c gm ON gm.source = 'ga4' AND gm.v = {_n('w.campaign')}
    WHERE w.period_start >= $start AND w.period_end <= $end
    UNION ALL
    SELECT 'crm', d.created_date, d.created_date, COALESCE(cm.channel, c.channel, d.channel, 'Unassigned'), c.source,
           COALESCE(c.campaign, d.campaign), $cur, d.created_date,
           0, 0, 0, 0, 0, 0, 0, 0, 0,
           CASE WHEN d.is_qualified THEN 1.0 ELSE 0.0 END, 0, 0, 0
    FROM crm_deals d
    LEFT JOIN camp c ON c.ncamp = {_n('d.campaign')}
    LEFT JOIN map_c cm ON cm.source = 'crm' AND cm.v = {_n('d.campaign')}
    WHERE d.created_date BETWEEN $start AND $end
    UNION ALL
    SELECT 'crm', d.won_date, d.won_date, COALESCE(cm.channel, c.channel, d.channel, 'Unassigned'), c.source,
           COALESCE(c.campaign, d.campaign), COALESCE(d.currency, $cur), d.won_date,
           0, 0, 0, 0, 0, 0, 0, 0, 0,
           0, 1.0, COALESCE(d.value, 0), 0
    FROM crm_deals d
    LEFT JOIN camp c ON c.ncamp = {_n('d.campaign')}
    LEFT JOIN map_c cm ON cm.source = 'crm' AND cm.v = {_n('d.campaign')}
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
    SELECT f.*, 1.0 AS rate, lower(f.channel) IN (SELECT lch FROM paid_ch) AS paid, 1 AS n,
           m_spend + m_value + m_crm_revenue + m_costs AS native_money
    FROM facts0 f WHERE f.currency = $cur
    UNION ALL
    SELECT f.*, COALESCE(b.rate, a.rate) AS rate, lower(f.channel) IN (SELECT lch FROM paid_ch) AS paid, 1 AS n,
           m_spend + m_value + m_crm_revenue + m_costs AS native_money
    FROM (SELECT * FROM facts0 WHERE currency IS DISTINCT FROM $cur) f
    ASOF LEFT JOIN fx_rates b ON f.currency = b.currency AND f.fx_day >= b.day
    ASOF LEFT JOIN fx_rates a ON f.currency = a.currency AND f.fx_day <= a.day
)
"""

# The same rows read from `fact_weeks` (warehouse/rollup.py): for windows of whole ISO weeks.
_W_MEASURES = ", ".join(f"w.{m}" for m in (
    "m_spend", "m_impr", "m_clicks", "m_conv", "m_value", "m_sessions", "m_ga_leads", "m_ga_revenue",
    "m_purchases", "m_crm_leads", "m_customers", "m_crm_revenue", "m_costs", "native_money"))
_ROLLUP_FW = """
WITH fw AS (
    SELECT * FROM fact_weeks WHERE bucket_start >= $start AND bucket_end <= $end
),"""
# fact_weeks carries each row's channel, platform and campaign as the mapping above gives them
# (warehouse/rollup.py keeps them in step with the channel map and the ad campaigns).
_ROLLUP_FACTS = f"""
facts AS (
    SELECT CASE WHEN w.fam IN ('crm_lead', 'crm_won') THEN 'crm' ELSE w.fam END AS fam,
           w.bucket_start AS period_start, w.bucket_end AS period_end, w.mapped_channel AS channel,
           w.mapped_source AS source, w.mapped_campaign AS campaign, w.currency, w.has_rate, w.n,
           {_W_MEASURES},
           CASE WHEN w.has_rate THEN 1.0 END AS rate,   -- money is already converted
           w.paid
    FROM fw w
)
"""
_ROLLUP_BASE = _ROLLUP_FW + _ROLLUP_FACTS
_SUMS = """
    coalesce(sum(n) FILTER (WHERE fam = 'ad'), 0) AS n_ad,
    coalesce(sum(n) FILTER (WHERE fam = 'ga4'), 0) AS n_ga4,
    coalesce(sum(n) FILTER (WHERE fam = 'crm'), 0) AS n_crm,
    coalesce(sum(n) FILTER (WHERE fam = 'cost'), 0) AS n_cost,
    sum(coalesce(sum(n) FILTER (WHERE fam = 'ga4'), 0)) OVER ({part}) AS w_ga4,
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
_SUM_EXPR: Final[dict[str, str]] = {
    line.strip().rstrip(",").rsplit(" AS ", 1)[1]: line.strip().rstrip(",").rsplit(" AS ", 1)[0]
    for line in _SUMS.strip().splitlines()
}


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


def _whole_weeks(start: date, end: date) -> bool:
    """[start, end] is whole ISO weeks (Monday to Sunday): what `fact_weeks` can answer."""
    return start.weekday() == 0 and end.weekday() == 6


def _base(con: duckdb.DuckDBPyConnection, start: date, end: date, currency: str | None,
          **extra: object) -> tuple[str, dict[str, object]]:
    """The `facts` CTE for [start, end] and its parameters: from `fact_weeks` when the window is
    whole ISO weeks in the workspace currency and the rollup is current, else from the raw tables."""
    cur = workspace_currency(con)
    if _whole_weeks(start, end) and (currency is None or currency == cur) and rollup.current(con):
        return _ROLLUP_BASE, {"start": start, "end": end, **extra}
    return _BASE, {"cur": currency or cur, "paid": list(PAID_CHANNELS), "start": start, "end": end, **extra}


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object], nkeys: int) -> list[Group]:
    fields = SUM_FIELDS
    return [Group(tuple(r[:nkeys]), dict(zip(fields, map(float, r[nkeys:]))))
            for r in con.execute(sql, params).fetchall()]


_local = threading.local()   # the windows `prefetch` read ahead, per thread (Streamlit runs sessions in threads)


@contextlib.contextmanager
def prefetch(con: duckdb.DuckDBPyConnection, windows: Sequence[tuple[date, date]],
             grains: Sequence[Grain]) -> Iterator[None]:
    """Read the sums of several windows in one statement per grain; inside the block,
    `window_sums(con, start, end, grain)` for those answers from them.

    A page that shows this week, last week, the last four and the same week last year pays for
    one query plan and one pass over the rollup instead of one per window. Windows that are not
    whole ISO weeks (or a rollup that is not current) are read as usual, one by one.
    """
    store: dict[tuple[date, date, str], list[Group]] = {}
    wins = list(dict.fromkeys(windows))
    if wins and all(_whole_weeks(s, e) for s, e in wins) and rollup.current(con):
        for grain, per_window in _many(con, wins, list(dict.fromkeys(grains))).items():
            for w, groups in zip(wins, per_window):
                store[(w[0], w[1], grain)] = groups
    outer = getattr(_local, "store", None)
    _local.store = (con, store)
    try:
        yield
    finally:
        _local.store = outer


def _spans(wins: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """The windows merged into disjoint date ranges (adjacent or overlapping windows join)."""
    out: list[list[date]] = []
    for s, e in sorted(wins):
        if out and s <= out[-1][1] + timedelta(days=1):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _many(con: duckdb.DuckDBPyConnection, wins: list[tuple[date, date]], grains: list[Grain]
          ) -> dict[Grain, list[list[Group]]]:
    """Each grain's groups for each window, from one statement (one GROUPING SETS pass)."""
    keys = tuple(dict.fromkeys(k for g in grains for k in GRAIN_KEYS[g]))
    cols = "".join(f", {k}" for k in keys)
    # GROUPING(keys) tells the grains apart: bit i (from the left) is set when keys[i] is not grouped.
    gid = f"GROUPING({', '.join(keys)})" if keys else "0"
    bits = {g: sum(1 << (len(keys) - 1 - i) for i, k in enumerate(keys) if k not in GRAIN_KEYS[g]) for g in grains}
    sets = ", ".join("(" + ", ".join(("wid", *GRAIN_KEYS[g])) + ")" for g in grains)
    spans = _spans(wins)
    # One range scan per disjoint span (each prunes by the buckets' min/max), never a bucket twice.
    fw = " UNION ALL ".join(f"SELECT * FROM fact_weeks WHERE bucket_start >= $s{i} AND bucket_end <= $e{i}"
                            for i in range(len(spans)))
    sql = (f"WITH win AS (SELECT unnest($ws) AS ws, unnest($we) AS we, unnest($wid) AS wid), fw AS ({fw}), "
           f"{_ROLLUP_FACTS} SELECT {gid} AS gid, wid{cols}, {_SUMS.format(part=f'PARTITION BY wid, {gid}')} "
           f"FROM facts JOIN win ON period_start >= ws AND period_end <= we WHERE rate IS NOT NULL "
           f"GROUP BY GROUPING SETS ({sets}) ORDER BY gid, wid{cols} NULLS LAST")
    params: dict[str, object] = {"ws": [s for s, _ in wins], "we": [e for _, e in wins],
                                 "wid": list(range(len(wins)))}
    for i, (s, e) in enumerate(spans):
        params[f"s{i}"], params[f"e{i}"] = s, e
    out: dict[Grain, list[list[Group]]] = {g: [[] for _ in wins] for g in grains}
    grain_of = {b: g for g, b in bits.items()}
    at = {g: [2 + keys.index(k) for k in GRAIN_KEYS[g]] for g in grains}
    n = 2 + len(keys)
    for r in con.execute(sql, params).fetchall():
        g = grain_of[r[0]]
        out[g][int(r[1])].append(Group(tuple(r[i] for i in at[g]), dict(zip(SUM_FIELDS, map(float, r[n:])))))
    if "all" in out:   # like window_sums: the `all` grain has one group even without data
        out["all"] = [gs or [Group((), {f: 0.0 for f in SUM_FIELDS})] for gs in out["all"]]
    return out


def window_sums(con: duckdb.DuckDBPyConnection, start: date, end: date, grain: Grain = "all",
                *, currency: str | None = None) -> list[Group]:
    """Sums per group over [start, end] (inclusive), counting only rows wholly inside it.

    The `all` grain always returns one group (with zero counts when there is no data).
    """
    ahead = getattr(_local, "store", None)
    if ahead is not None and ahead[0] is con and currency is None and (start, end, grain) in ahead[1]:
        return list(ahead[1][(start, end, grain)])
    keys = GRAIN_KEYS[grain]
    cols = "".join(f"{k}, " for k in keys)
    group = f" GROUP BY {', '.join(keys)} ORDER BY {', '.join(keys)} NULLS LAST" if keys else ""
    base, params = _base(con, start, end, currency)
    sql = (f"{base} SELECT {cols}{_SUMS.format(part='')} FROM facts WHERE rate IS NOT NULL "
           f"AND period_start >= $start AND period_end <= $end{group}")
    return _rows(con, sql, params, len(keys))


def weekly_sums(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date, grain: Grain = "all",
                *, currency: str | None = None) -> list[Group]:
    """Sums per (week_start, *grain keys) for the weeks first_week … last_week (Mondays).

    The key's first element is the week's Monday as a `date`. Rows spanning more than one week
    (blocks) are not in any week; weeks without rows are absent.
    """
    sql, params = _weekly_sql(con, first_week, last_week, grain, _SUMS.format(part="PARTITION BY week_start"),
                              currency)
    return _rows(con, sql, params, len(GRAIN_KEYS[grain]) + 1)


def _weekly_sql(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date, grain: Grain, sums: str,
                currency: str | None, families: Sequence[str] | None = None) -> tuple[str, dict[str, object]]:
    """The statement behind `weekly_sums` and `weekly_fields`, selecting `sums` per week and group
    (from the facts of `families` only, when given)."""
    keys = GRAIN_KEYS[grain]
    cols = ", ".join(("week_start",) + keys)
    base, params = _base(con, first_week, last_week + timedelta(days=6), currency)
    fams = ""
    if families is not None:
        fams = "AND list_contains($fams, fam) "
        params = {**params, "fams": list(families)}
    sql = (f"{base} SELECT CAST(date_trunc('week', period_start) AS DATE) AS week_start"
           f"{''.join(', ' + k for k in keys)}, {sums} FROM facts WHERE rate IS NOT NULL {fams}"
           f"AND date_trunc('week', period_start) = date_trunc('week', period_end) "
           f"AND period_start >= $start AND period_end <= $end GROUP BY {cols} ORDER BY {cols} NULLS LAST")
    return sql, params


def weekly_fields(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date, grain: Grain,
                  fields: Sequence[str]) -> list[tuple]:
    """Like `weekly_sums`, but only the sums named in `fields` (from SUM_FIELDS, without `w_ga4`),
    as plain tuples (week_start, *grain keys, *fields): a decision engine reading 20 weeks of a
    thousand campaigns needs five sums, not twenty-two in a dict per row. Only the fact families
    these sums come from are read, so a group whose rows are all of other families (all zeros
    here) is absent."""
    sql, params = _fields_sql(con, first_week, last_week, grain, fields)
    return con.execute(sql, params).fetchall()


def weekly_field_arrays(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date, grain: Grain,
                        fields: Sequence[str]) -> dict[str, np.ndarray | pd.Categorical]:
    """`weekly_fields` as columns, same row order: `week_start` (datetime64), each grain key as a
    `pandas.Categorical` (categories in order of first appearance, code −1 for NULL) and each of
    `fields` as a float array. Names arrive as codes of a small dictionary: a thousand campaigns
    over twenty weeks are twenty thousand rows but a thousand strings."""
    sql, params = _fields_sql(con, first_week, last_week, grain, fields)
    table = con.execute(sql, params).to_arrow_table()
    out: dict[str, np.ndarray | pd.Categorical] = {}
    for name in table.column_names:
        col = table[name]
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            enc = pc.dictionary_encode(col).combine_chunks()
            codes = pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
            out[name] = pd.Categorical.from_codes(codes, categories=enc.dictionary.to_pylist())
        else:
            out[name] = col.to_numpy()
    return out


def _fields_sql(con: duckdb.DuckDBPyConnection, first_week: date, last_week: date, grain: Grain,
                fields: Sequence[str]) -> tuple[str, dict[str, object]]:
    unknown = [f for f in fields if f not in _SUM_EXPR or f == "w_ga4"]
    if unknown:
        raise ValueError(f"not a plain sum: {unknown}")
    sums = ", ".join(f"{_SUM_EXPR[f]} AS {f}" for f in fields)
    # Only the families whose measures these sums add up: a group with nothing but zeros is left out.
    families = sorted({_MEASURE_FAMILY[m] for f in fields for m in re.findall(r"\bm_\w+", _SUM_EXPR[f])})
    return _weekly_sql(con, first_week, last_week, grain, sums, None, families)


# Which fact family carries each measure column (the other families hold 0 in it).
_MEASURE_FAMILY: Final[dict[str, str]] = {
    "m_spend": "ad", "m_impr": "ad", "m_clicks": "ad", "m_conv": "ad", "m_value": "ad",
    "m_sessions": "ga4", "m_ga_leads": "ga4", "m_ga_revenue": "ga4", "m_purchases": "ga4",
    "m_crm_leads": "crm", "m_customers": "crm", "m_crm_revenue": "crm", "m_costs": "cost",
}


def missing_fx(con: duckdb.DuckDBPyConnection, start: date, end: date, *, currency: str | None = None
               ) -> list[MissingRate]:
    """Rows in [start, end] whose currency has no rate: left out of every sum, reported here."""
    base, params = _base(con, start, end, currency)
    if base is _ROLLUP_BASE:   # every fact_weeks row is a fact; no join decides whether a rate is missing
        sql = ("SELECT CASE WHEN fam LIKE 'crm%' THEN 'crm' ELSE fam END AS fam, currency, sum(n), "
               "sum(native_money) FROM fact_weeks WHERE NOT has_rate AND bucket_start >= $start "
               "AND bucket_end <= $end GROUP BY ALL ORDER BY fam, currency")
        params = {"start": start, "end": end}
    else:
        sql = (f"{base} SELECT fam, currency, sum(n), sum(native_money) "
               f"FROM facts WHERE rate IS NULL AND period_start >= $start AND period_end <= $end "
               f"GROUP BY fam, currency ORDER BY fam, currency")
    rows = con.execute(sql, params).fetchall()
    return [MissingRate(r[0], r[1], int(r[2]), float(r[3] or 0)) for r in rows]
