"""The monthly marketing budget: size, the 70/20/10 split, planned vs actual, daily caps and pacing.

* **Size.** A rule of thumb for a small business: 5–10 % of revenue for steady growth, 10–15 %
  when pushing (a launch, a new market). `guidance(revenue, pushing)` gives the monthly range.
* **Split.** Each month's budget is shared across three buckets — `proven` (what demonstrably
  works), `improvement` (making it work better) and `experiment` (new bets) — 70/20/10 by
  default. Shares are whole percents that must sum to 100.
* **Actual.** Spend comes from `ad_performance` in the workspace currency (other currencies via
  `fx_rates` on the row's first day; rows without a rate are reported, never counted as 0). A row
  counts in a month only when its whole period lies inside the month: a 1–15 March block counts in
  March, a 20 March – 5 April block counts in neither month.
* **Buckets of campaigns.** A campaign's bucket is the one the user set (`campaign_buckets`); else
  `experiment` when a registered experiment names the campaign; else `proven`.
* **Caps and pacing.** A daily cap per channel plans `cap × days in month`. Pacing compares
  month-to-date spend with `cap × days elapsed`: cap 200 kr/day, 10 days elapsed, 2 600 kr spent →
  allowed 2 000 kr, ratio 1.30, running 30 % ahead. A warning is raised above `1 + tolerance`.

A month without its own plan uses the latest earlier month's plan (`BudgetPlan.carried_from`).
Money is in the workspace currency; no data is `None`, never 0.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Final, Literal

import duckdb
import pandas as pd

from metrics.names import sql_normalise
from warehouse.fx import currency as workspace_currency

BUCKETS: Final[tuple[str, ...]] = ("proven", "improvement", "experiment")
DEFAULT_SHARES: Final[tuple[int, int, int]] = (70, 20, 10)
STEADY: Final[tuple[float, float]] = (0.05, 0.10)
PUSHING: Final[tuple[float, float]] = (0.10, 0.15)
PACING_TOLERANCE: Final[float] = 0.05


def month_start(d: date) -> date:
    return d.replace(day=1)


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def days_in_month(d: date) -> int:
    return calendar.monthrange(d.year, d.month)[1]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


# ---------------------------------------------------------------- size guidance


@dataclass(frozen=True)
class Guidance:
    """The monthly budget range for a monthly revenue: low = revenue × low_share, high = revenue × high_share."""

    revenue: float
    pushing: bool
    low_share: float
    high_share: float
    low: float
    high: float


def guidance(revenue: float | None, pushing: bool = False) -> Guidance | None:
    """100 000 kr revenue → 5 000–10 000 kr (steady) or 10 000–15 000 kr (pushing). None/≤0 → None."""
    if revenue is None or revenue <= 0:
        return None
    lo, hi = PUSHING if pushing else STEADY
    return Guidance(float(revenue), pushing, lo, hi, revenue * lo, revenue * hi)


@dataclass(frozen=True)
class RevenueEstimate:
    """Average monthly revenue over `months` complete months before the budget month, from `source`."""

    value: float
    source: Literal["crm", "ga4", "platform"]
    months: int
    first_month: date
    last_month: date


_REVENUE_SQL: Final[dict[str, tuple[str, str]]] = {
    # source: (SQL giving (month, revenue) rows per month with data, SQL telling if the source has revenue)
    "crm": ("SELECT date_trunc('month', won_date)::DATE AS m, sum(coalesce(value, 0)) FROM crm_deals "
            "WHERE won_date IS NOT NULL AND won_date < ? GROUP BY 1",
            "SELECT count(*) FROM crm_deals WHERE won_date IS NOT NULL AND value > 0"),
    "ga4": ("SELECT date_trunc('month', period_start)::DATE AS m, sum(revenue) FROM web_analytics "
            "WHERE period_end < ? AND date_trunc('month', period_start) = date_trunc('month', period_end) GROUP BY 1",
            "SELECT count(*) FROM web_analytics WHERE revenue > 0"),
    "platform": ("SELECT date_trunc('month', period_start)::DATE AS m, sum(conversion_value) FROM ad_performance "
                 "WHERE period_end < ? AND date_trunc('month', period_start) = date_trunc('month', period_end) "
                 "GROUP BY 1",
                 "SELECT count(*) FROM ad_performance WHERE conversion_value > 0"),
}


def revenue_in_data(con: duckdb.DuckDBPyConnection, month: date, max_months: int = 12) -> RevenueEstimate | None:
    """Average monthly revenue in the data over up to `max_months` complete months before `month`.

    The source follows the `revenue_source` setting (`crm`, `platform`, or `auto`: CRM won deals
    when any exist, else GA4 revenue, else the ad platforms' conversion value). Months between the
    first month with data and the month before `month` count, months without sales as 0 — so two
    months of 40 000 and 0 average 20 000. Blocks count only in a month that holds them whole.
    """
    from warehouse import settings

    wanted = settings.get(con, "revenue_source") or "auto"
    order = ["crm", "ga4", "platform"] if wanted == "auto" else [wanted]
    first = month_start(month)
    for source in order:
        if source not in _REVENUE_SQL:
            continue
        rows_sql, has_sql = _REVENUE_SQL[source]
        if not con.execute(has_sql).fetchall()[0][0]:
            continue
        per_month = {r[0]: float(r[1] or 0) for r in con.execute(rows_sql, [first]).fetchall()}
        if not per_month:
            continue
        # Complete months: from the first with data (at most max_months back) to the one before `month`.
        last = month_start(first - timedelta(days=1))
        start = max(min(per_month), _add_months(first, -max_months))
        months = []
        m = start
        while m <= last:
            months.append(m)
            m = _add_months(m, 1)
        if not months:
            continue
        total = sum(per_month.get(m, 0.0) for m in months)
        return RevenueEstimate(total / len(months), source, len(months), months[0], months[-1])  # type: ignore[arg-type]
    return None


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


# ---------------------------------------------------------------- the plan


@dataclass(frozen=True)
class BudgetPlan:
    month: date
    total: float
    revenue: float | None
    pushing: bool
    shares: tuple[int, int, int]   # proven, improvement, experiment (percent)
    carried_from: date | None = None  # set when the month has no plan of its own

    def planned(self, bucket: str) -> float:
        """The bucket's planned amount: total × share / 100 (10 000 kr, 20 % → 2 000 kr)."""
        return self.total * self.shares[BUCKETS.index(bucket)] / 100


@dataclass(frozen=True)
class Problem:
    field: str
    code: Literal["required", "negative", "not_whole", "out_of_range", "shares_sum", "unknown_choice"]
    value: object = None


def _is_whole(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) or (isinstance(x, float) and x.is_integer())


def validate_plan(total: float | None, shares: tuple[object, object, object], revenue: float | None = None) -> list[Problem]:
    """Every problem with a plan: total required and ≥ 0, revenue ≥ 0, shares whole 0–100 summing to 100."""
    out: list[Problem] = []
    if total is None:
        out.append(Problem("total", "required"))
    elif total < 0:
        out.append(Problem("total", "negative", total))
    if revenue is not None and revenue < 0:
        out.append(Problem("revenue", "negative", revenue))
    ok = True
    for name, s in zip(BUCKETS, shares):
        if not _is_whole(s):
            out.append(Problem(name, "not_whole", s))
            ok = False
        elif not 0 <= s <= 100:  # type: ignore[operator]
            out.append(Problem(name, "out_of_range", s))
            ok = False
    if ok and sum(int(s) for s in shares) != 100:  # type: ignore[call-overload]
        out.append(Problem("shares", "shares_sum", sum(int(s) for s in shares)))  # type: ignore[call-overload]
    return out


class InvalidPlan(ValueError):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


def save_plan(con: duckdb.DuckDBPyConnection, month: date, total: float, revenue: float | None = None,
              pushing: bool = False, shares: tuple[int, int, int] = DEFAULT_SHARES) -> None:
    """Store the month's plan (replacing an earlier one). Raises `InvalidPlan` listing every problem."""
    problems = validate_plan(total, shares, revenue)
    if problems:
        raise InvalidPlan(problems)
    con.execute(
        "INSERT OR REPLACE INTO budget_months VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [month_start(month), float(total), None if revenue is None else float(revenue), bool(pushing),
         int(shares[0]), int(shares[1]), int(shares[2]), _now()],
    )


def delete_plan(con: duckdb.DuckDBPyConnection, month: date) -> None:
    con.execute("DELETE FROM budget_months WHERE month = ?", [month_start(month)])


def plan_for(con: duckdb.DuckDBPyConnection, month: date) -> BudgetPlan | None:
    """The month's plan, else the latest earlier month's (with `carried_from`), else None."""
    rows = con.execute(
        "SELECT month, total, revenue, pushing, share_proven, share_improvement, share_experiment "
        "FROM budget_months WHERE month <= ? ORDER BY month DESC LIMIT 1", [month_start(month)]).fetchall()
    if not rows:
        return None
    m, total, revenue, pushing, p, i, e = rows[0]
    return BudgetPlan(month_start(month), float(total), None if revenue is None else float(revenue), bool(pushing),
                      (int(p), int(i), int(e)), None if m == month_start(month) else m)


# ---------------------------------------------------------------- campaign buckets and caps


def set_campaign_bucket(con: duckdb.DuckDBPyConnection, campaign: str, bucket: str | None) -> None:
    """Tag a campaign with a bucket; `None` removes the tag (back to the default)."""
    if bucket is None:
        con.execute("DELETE FROM campaign_buckets WHERE campaign = ?", [campaign])
        return
    if bucket not in BUCKETS:
        raise ValueError(f"unknown bucket {bucket!r}")
    con.execute("INSERT OR REPLACE INTO campaign_buckets VALUES (?, ?, ?)", [campaign, bucket, _now()])


_EXP = sql_normalise("e.campaign")
_CAMP = sql_normalise("a.campaign")
_BUCKET_SQL = f"""
    coalesce(cb.bucket,
             CASE WHEN EXISTS (SELECT 1 FROM experiments e WHERE e.campaign IS NOT NULL AND {_EXP} = {_CAMP})
                  THEN 'experiment' END,
             'proven')"""
_ORIGIN_SQL = f"""
    CASE WHEN cb.bucket IS NOT NULL THEN 'set'
         WHEN EXISTS (SELECT 1 FROM experiments e WHERE e.campaign IS NOT NULL AND {_EXP} = {_CAMP}) THEN 'experiment'
         ELSE 'default' END"""


def campaign_buckets(con: duckdb.DuckDBPyConnection, since: date | None = None) -> pd.DataFrame:
    """Every campaign in the ad data (with spend since `since`, when given) and its bucket.

    Columns: campaign, channel (the channel with most spend), spend, bucket, origin — `set` (chosen by the
    user), `experiment` (a registered experiment names it) or `default` (proven).
    """
    where = "WHERE a.period_start >= ?" if since else ""
    params = [since] if since else []
    return con.execute(
        f"""SELECT a.campaign, arg_max(a.channel, a.spend) AS channel, sum(a.spend) AS spend,
                   any_value({_BUCKET_SQL}) AS bucket, any_value({_ORIGIN_SQL}) AS origin
            FROM ad_performance a LEFT JOIN campaign_buckets cb ON cb.campaign = a.campaign
            {where}
            GROUP BY a.campaign ORDER BY spend DESC, a.campaign""", params).df()


def set_cap(con: duckdb.DuckDBPyConnection, channel: str, daily_cap: float | None) -> None:
    """Set a channel's daily cap; `None` removes it. A cap must be > 0."""
    if daily_cap is None:
        con.execute("DELETE FROM channel_caps WHERE channel = ?", [channel])
        return
    if daily_cap <= 0:
        raise ValueError("a daily cap must be above 0")
    con.execute("INSERT OR REPLACE INTO channel_caps VALUES (?, ?, ?)", [channel, float(daily_cap), _now()])


def caps(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    return {r[0]: float(r[1]) for r in con.execute("SELECT channel, daily_cap FROM channel_caps ORDER BY channel").fetchall()}


def save_caps(con: duckdb.DuckDBPyConnection, new_caps: dict[str, float | None]) -> None:
    """Set several channels' caps at once (None or 0 removes a cap); all or nothing."""
    bad = [ch for ch, cap in new_caps.items() if cap is not None and cap < 0]
    if bad:
        raise ValueError(f"negative cap for {bad}")
    con.execute("BEGIN TRANSACTION")
    try:
        for ch, cap in new_caps.items():
            set_cap(con, ch, cap if cap else None)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def save_campaign_buckets(con: duckdb.DuckDBPyConnection, buckets: dict[str, str | None]) -> None:
    """Tag several campaigns at once (None: back to the default); all or nothing."""
    bad = [b for b in buckets.values() if b is not None and b not in BUCKETS]
    if bad:
        raise ValueError(f"unknown bucket {bad}")
    con.execute("BEGIN TRANSACTION")
    try:
        for campaign, bucket in buckets.items():
            set_campaign_bucket(con, campaign, bucket)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def month_choices(today: date, back: int = 12, ahead: int = 3) -> list[date]:
    """First days of the months from `back` months before `today`'s month to `ahead` after, newest first."""
    this = month_start(today)
    return [_add_months(this, n) for n in range(ahead, -back - 1, -1)]


def channels(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Channels with ad data or a cap, by name."""
    return [r[0] for r in con.execute(
        "SELECT channel FROM ad_performance UNION SELECT channel FROM channel_caps ORDER BY 1").fetchall()]


# ---------------------------------------------------------------- actual spend


_SPEND_ROWS = f"""
    SELECT a.campaign, a.channel, {_BUCKET_SQL} AS bucket, a.currency, a.spend AS raw_spend,
           CASE WHEN a.currency = $cur THEN a.spend ELSE a.spend * f.rate END AS spend
    FROM ad_performance a
    LEFT JOIN campaign_buckets cb ON cb.campaign = a.campaign
    LEFT JOIN fx_rates f ON f.day = a.period_start AND f.currency = a.currency
    WHERE a.period_start >= $first AND a.period_end <= $last"""


def _spend_rows(con: duckdb.DuckDBPyConnection, first: date, last: date) -> pd.DataFrame:
    """Rows whose whole period is inside [first, last]: campaign, channel, bucket, spend (converted or NaN), currency, raw."""
    return con.execute(_SPEND_ROWS, {"cur": workspace_currency(con), "first": first, "last": last}).df()


def _bucket_spend(con: duckdb.DuckDBPyConnection, first: date, last: date) -> dict[str, float]:
    """`_spend_rows` summed per bucket in SQL (a month of a busy account is 30 000 rows): converted
    spend, rows without a rate left out."""
    rows = con.execute(f"SELECT bucket, coalesce(sum(spend), 0) FROM ({_SPEND_ROWS}) GROUP BY bucket",
                       {"cur": workspace_currency(con), "first": first, "last": last}).fetchall()
    return {b: float(v) for b, v in rows}


@dataclass(frozen=True)
class Unconverted:
    """Spend in a currency without an FX rate for the row's day: left out of the totals."""

    currency: str
    amount: float
    rows: int


def unconverted(con: duckdb.DuckDBPyConnection, month: date) -> list[Unconverted]:
    rows = _spend_rows(con, month_start(month), month_end(month))
    bad = rows[rows["spend"].isna() & (rows["raw_spend"] != 0)]
    return [Unconverted(str(c), float(g["raw_spend"].sum()), len(g)) for c, g in bad.groupby("currency")]


def by_bucket(con: duckdb.DuckDBPyConnection, month: date) -> pd.DataFrame:
    """Planned vs actual per bucket for a month.

    Columns: bucket, share (planned percent; None without a plan), planned, actual, difference
    (actual − planned), actual_share (of the month's actual spend; None when nothing was spent).
    Example: plan 10 000 kr at 70/20/10, spend 6 000 proven + 3 000 improvement + 1 500 experiment
    → proven planned 7 000, actual 6 000, difference −1 000, actual share 6 000/10 500 = 57.1 %.
    """
    plan = plan_for(con, month)
    spent = _bucket_spend(con, month_start(month), month_end(month))
    total_actual = sum(spent.values())
    out = []
    for i, b in enumerate(BUCKETS):
        actual = spent.get(b, 0.0)
        planned = plan.planned(b) if plan else None
        out.append({
            "bucket": b,
            "share": plan.shares[i] if plan else None,
            "planned": planned,
            "actual": actual,
            "difference": None if planned is None else actual - planned,
            "actual_share": actual / total_actual if total_actual > 0 else None,
        })
    return pd.DataFrame(out, columns=["bucket", "share", "planned", "actual", "difference", "actual_share"])


def by_channel(con: duckdb.DuckDBPyConnection, month: date) -> pd.DataFrame:
    """Planned vs actual per channel for a month, with the actual split by bucket.

    Columns: channel, daily_cap (None: no cap), planned (cap × days in month; None without a cap),
    actual (the month's spend), proven, improvement, experiment (the actual per bucket). One row per
    channel with spend or a cap, by name. Example: cap 200 in March → planned 200 × 31 = 6 200.
    """
    rows = _spend_rows(con, month_start(month), month_end(month))
    the_caps = caps(con)
    days = days_in_month(month)
    spent: dict[str, dict[str, float]] = {}
    for r in rows.itertuples(index=False):
        amount = 0.0 if pd.isna(r.spend) else float(r.spend)
        per = spent.setdefault(r.channel, dict.fromkeys(BUCKETS, 0.0))
        per[r.bucket] += amount
    out = []
    for ch in sorted(set(spent) | set(the_caps)):
        cap = the_caps.get(ch)
        per = spent.get(ch, dict.fromkeys(BUCKETS, 0.0))
        out.append({"channel": ch, "daily_cap": cap, "planned": None if cap is None else cap * days,
                    "actual": sum(per.values()), **per})
    return pd.DataFrame(out, columns=["channel", "daily_cap", "planned", "actual", *BUCKETS])


# ---------------------------------------------------------------- pacing


@dataclass(frozen=True)
class Pacing:
    """Month-to-date spend of a capped channel against `daily_cap × days_elapsed`.

    cap 200, 10 days, spent 2 600 → allowed 2 000, ratio 1.30, ahead 0.30, warn True.
    """

    channel: str
    daily_cap: float
    days_elapsed: int
    spent: float
    allowed: float
    ratio: float
    ahead: float           # ratio − 1: +0.30 = 30 % ahead of the cap, −0.20 = 20 % under it
    projected: float       # spent / days_elapsed × days in month
    warn: bool


def last_data_day(con: duckdb.DuckDBPyConnection, month: date) -> date | None:
    """The last day with ad data inside the month (the end of the latest row that fits the month)."""
    row = con.execute("SELECT max(period_end) FROM ad_performance WHERE period_start >= ? AND period_end <= ?",
                      [month_start(month), month_end(month)]).fetchall()
    return row[0][0]


def pace(daily_cap: float, days_elapsed: int, spent: float, days_in_the_month: int,
         channel: str = "", tolerance: float = PACING_TOLERANCE) -> Pacing:
    """The pacing arithmetic for one channel (see `Pacing`)."""
    allowed = daily_cap * days_elapsed
    ratio = spent / allowed
    return Pacing(channel, daily_cap, days_elapsed, spent, allowed, ratio, ratio - 1,
                  spent / days_elapsed * days_in_the_month, ratio > 1 + tolerance)


def pacing(con: duckdb.DuckDBPyConnection, as_of: date, tolerance: float = PACING_TOLERANCE) -> list[Pacing]:
    """Pacing of every capped channel from the 1st of `as_of`'s month through `as_of` (inclusive).

    Days elapsed = `as_of.day`; spend counts rows that lie whole inside that range. Channels
    that run ahead come first (largest overshoot first).
    """
    first = month_start(as_of)
    rows = _spend_rows(con, first, as_of)
    spent = rows.groupby("channel")["spend"].sum() if len(rows) else pd.Series(dtype=float)
    out = [pace(cap, as_of.day, float(spent.get(ch, 0.0) or 0.0), days_in_month(as_of), ch, tolerance)
           for ch, cap in caps(con).items()]
    return sorted(out, key=lambda p: (-p.ratio, p.channel))
