"""Organic search numbers for the Search page: pure SQL over `search_daily` and `search_rows`.

Conventions:
- CTR = Σ clicks / Σ impressions; position = Σ(position × impressions) / Σ impressions over rows
  that have a position (Search Console's own weighting). No impressions → None, never 0.
- Day totals come from `search_daily` (the property totals); a day it lacks falls back to the sum
  of that day's `search_rows` query rows (which miss anonymised queries, so they run lower).
- A range-block row (period_start ≠ period_end, from a ZIP export without days) counts only in a
  window that contains the whole block: `period_start >= window start AND period_end <= window end`.
- Windows for the cards, movers and opportunities: the 28 days ending on the newest day with data
  ("current") and the 28 days before ("previous").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

import duckdb

WINDOW_DAYS: Final = 28
OPP_MIN_POSITION: Final = 5.0
OPP_MAX_POSITION: Final = 20.0
OPP_MIN_IMPRESSIONS: Final = 50
OPP_MAX_CTR: Final = 0.02
# First words that make a query a question (bokmål, nynorsk, English).
QUESTION_WORDS: Final = (
    "hvordan", "hva", "hvorfor", "hvor", "når", "kan", "hvilken", "hvilket", "hvilke", "hvem", "bør", "skal", "må",
    "er", "korleis", "kva", "kvifor", "kvar", "kven",
    "how", "what", "why", "where", "when", "can", "which", "who", "should", "is", "are", "does", "do",
)


@dataclass(frozen=True)
class Totals:
    clicks: int
    impressions: int
    ctr: float | None
    position: float | None


@dataclass(frozen=True)
class Week:
    week_start: date
    clicks: int
    impressions: int
    ctr: float | None
    position: float | None
    complete: bool                # False: the week runs past the newest day with data


@dataclass(frozen=True)
class Windows:
    start: date
    end: date
    prev_start: date
    prev_end: date


@dataclass(frozen=True)
class Overview:
    windows: Windows
    current: Totals
    previous: Totals
    clicks_change: float | None       # relative, e.g. 0.12 = +12 %
    impressions_change: float | None
    ctr_change: float | None          # difference of fractions (percentage points / 100)
    position_change: float | None     # difference in places; negative = better


@dataclass(frozen=True)
class Segment:
    segment: Literal["brand", "nonbrand"]
    clicks: int
    clicks_before: int
    impressions: int
    ctr: float | None
    position: float | None


@dataclass(frozen=True)
class Mover:
    key: str                  # the query or the page
    clicks: int
    clicks_before: int
    change: int


@dataclass(frozen=True)
class QueryStat:
    query: str
    clicks: int
    impressions: int
    ctr: float | None
    position: float | None


# ---- what exists ----------------------------------------------------------------------------

def accounts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Search Console properties with data: the one chosen in Settings → Google first, then the
    one with the newest data."""
    from warehouse import settings

    rows = con.execute(
        """SELECT account FROM (
               SELECT account, max(period_end) AS last, count(*) AS n FROM search_daily GROUP BY account
               UNION ALL
               SELECT account, max(period_end), count(*) FROM search_rows GROUP BY account)
           GROUP BY account ORDER BY max(last) DESC, sum(n) DESC, account""").fetchall()
    found = [r[0] for r in rows]
    chosen = settings.get(con, "gsc_site_url")
    if chosen in found:
        found.remove(chosen)
        found.insert(0, chosen)
    return found


def latest_day(con: duckdb.DuckDBPyConnection, account: str) -> date | None:
    rows = con.execute(
        """SELECT max(d) FROM (SELECT max(period_end) AS d FROM search_daily WHERE account = ?
                              UNION ALL SELECT max(period_end) FROM search_rows WHERE account = ?)""",
        [account, account]).fetchall()
    return rows[0][0] if rows else None


def has_query_rows(con: duckdb.DuckDBPyConnection, account: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM search_rows WHERE account = ? AND query IS NOT NULL",
                            [account]).fetchall()[0][0])


def brand_terms(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """The workspace's brand terms, trimmed, lower-cased, without blanks or duplicates."""
    from warehouse import settings

    raw = settings.get(con, "brand_terms") or []
    return tuple(dict.fromkeys(str(t).strip().lower() for t in raw if str(t).strip()))


def save_brand_terms(con: duckdb.DuckDBPyConnection, text: str) -> tuple[str, ...]:
    """Store terms typed one per line (commas also split); return what was stored."""
    from warehouse import settings

    parts = [p.strip() for line in text.splitlines() for p in line.split(",")]
    terms = list(dict.fromkeys(p for p in parts if p))
    settings.put(con, "brand_terms", terms)
    return tuple(terms)


def windows(end: date) -> Windows:
    start = end - timedelta(days=WINDOW_DAYS - 1)
    prev_end = start - timedelta(days=1)
    return Windows(start, end, prev_end - timedelta(days=WINDOW_DAYS - 1), prev_end)


# ---- day totals -----------------------------------------------------------------------------

# Day totals for one account: search_daily, plus search_rows query sums for days search_daily lacks.
_DAYS = """
WITH d AS (
    SELECT period_start, period_end, clicks, impressions, position FROM search_daily WHERE account = ?
), r AS (
    SELECT period_start, period_end, sum(clicks) AS clicks, sum(impressions) AS impressions,
           sum(position * impressions) FILTER (WHERE position IS NOT NULL)
             / NULLIF(sum(impressions) FILTER (WHERE position IS NOT NULL), 0) AS position
    FROM search_rows
    WHERE account = ? AND query IS NOT NULL AND period_start = period_end
      AND period_start NOT IN (SELECT period_start FROM d WHERE period_start = period_end)
    GROUP BY period_start, period_end
), days AS (SELECT * FROM d UNION ALL SELECT * FROM r)
"""

_AGG = """sum(clicks) AS clicks, sum(impressions) AS impressions,
          sum(clicks) / NULLIF(sum(impressions), 0) AS ctr,
          sum(position * impressions) FILTER (WHERE position IS NOT NULL)
            / NULLIF(sum(impressions) FILTER (WHERE position IS NOT NULL), 0) AS position"""


def totals(con: duckdb.DuckDBPyConnection, account: str, start: date, end: date) -> Totals:
    """Clicks, impressions, CTR and weighted position over [start, end] (rows wholly inside)."""
    row = con.execute(_DAYS + f"SELECT {_AGG} FROM days WHERE period_start >= ? AND period_end <= ?",
                      [account, account, start, end]).fetchall()[0]
    return Totals(int(row[0] or 0), int(row[1] or 0), row[2], row[3])


def weekly(con: duckdb.DuckDBPyConnection, account: str, weeks: int = 16) -> list[Week]:
    """ISO weeks (keyed by Monday) up to the newest day with data; a block counts only in a week it fits in."""
    last = latest_day(con, account)
    if last is None:
        return []
    first_monday = last - timedelta(days=last.weekday()) - timedelta(weeks=weeks - 1)
    rows = con.execute(
        _DAYS + f"""
        SELECT CAST(date_trunc('week', period_start) AS DATE) AS week_start, {_AGG}
        FROM days
        WHERE period_start >= ? AND period_end <= ?
          AND period_end <= CAST(date_trunc('week', period_start) AS DATE) + 6
        GROUP BY week_start ORDER BY week_start""",
        [account, account, first_monday, last]).fetchall()
    return [Week(r[0], int(r[1] or 0), int(r[2] or 0), r[3], r[4], r[0] + timedelta(days=6) <= last) for r in rows]


def _rel(cur: float | None, prev: float | None) -> float | None:
    if cur is None or not prev:
        return None
    return cur / prev - 1


def _diff(cur: float | None, prev: float | None) -> float | None:
    return None if cur is None or prev is None else cur - prev


def overview(con: duckdb.DuckDBPyConnection, account: str) -> Overview | None:
    """The last 28 days with data against the 28 before; None when the account has no data."""
    last = latest_day(con, account)
    if last is None:
        return None
    w = windows(last)
    cur = totals(con, account, w.start, w.end)
    prev = totals(con, account, w.prev_start, w.prev_end)
    has_prev = prev.impressions > 0
    return Overview(w, cur, prev,
                    _rel(cur.clicks, prev.clicks) if has_prev else None,
                    _rel(cur.impressions, prev.impressions) if has_prev else None,
                    _diff(cur.ctr, prev.ctr), _diff(cur.position, prev.position))


# ---- query rows -----------------------------------------------------------------------------

def brand_split(con: duckdb.DuckDBPyConnection, account: str, terms: tuple[str, ...]) -> list[Segment]:
    """Brand (the query contains a brand term, case-insensitive) vs non-brand, current window,
    with the previous window's clicks. Empty when the account has no query rows."""
    last = latest_day(con, account)
    if last is None:
        return []
    w = windows(last)
    rows = con.execute(
        """
        WITH terms AS (SELECT DISTINCT lower(trim(t)) AS term FROM unnest(CAST(? AS VARCHAR[])) AS u(t)
                       WHERE trim(t) <> ''),
        q AS (
            SELECT *, EXISTS (SELECT 1 FROM terms WHERE contains(lower(s.query), terms.term)) AS is_brand
            FROM search_rows s
            WHERE s.account = ? AND s.query IS NOT NULL AND s.period_start >= ? AND s.period_end <= ?)
        SELECT CASE WHEN is_brand THEN 'brand' ELSE 'nonbrand' END AS segment,
               sum(clicks) FILTER (WHERE period_start >= ?) AS clicks,
               sum(clicks) FILTER (WHERE period_end <= ?) AS clicks_before,
               sum(impressions) FILTER (WHERE period_start >= ?) AS impressions,
               sum(clicks) FILTER (WHERE period_start >= ?)
                 / NULLIF(sum(impressions) FILTER (WHERE period_start >= ?), 0) AS ctr,
               sum(position * impressions) FILTER (WHERE period_start >= ? AND position IS NOT NULL)
                 / NULLIF(sum(impressions) FILTER (WHERE period_start >= ? AND position IS NOT NULL), 0) AS pos
        FROM q
        -- a block spanning both windows belongs to neither
        WHERE period_end <= ? OR period_start >= ?
        GROUP BY segment ORDER BY segment""",
        [list(terms), account, w.prev_start, w.end, w.start, w.prev_end, w.start, w.start, w.start, w.start, w.start,
         w.prev_end, w.start]).fetchall()
    found = {r[0]: r for r in rows}
    out = []
    for seg in ("brand", "nonbrand"):
        r = found.get(seg)
        if r is None:
            out.append(Segment(seg, 0, 0, 0, None, None))  # type: ignore[arg-type]
        else:
            out.append(Segment(seg, int(r[1] or 0), int(r[2] or 0), int(r[3] or 0), r[4], r[5]))  # type: ignore[arg-type]
    return out if any(s.impressions or s.clicks_before for s in out) else []


_MOVER_COLUMNS: Final = {"query": "query", "page": "page"}   # the only identifiers placed into the SQL


def _movers(con: duckdb.DuckDBPyConnection, account: str, column: str, direction: str, limit: int) -> list[Mover]:
    col = _MOVER_COLUMNS[column]
    last = latest_day(con, account)
    if last is None:
        return []
    w = windows(last)
    prev_has = con.execute(
        f"SELECT count(*) FROM search_rows WHERE account = ? AND {col} IS NOT NULL AND period_start >= ? "
        "AND period_end <= ?", [account, w.prev_start, w.prev_end]).fetchall()[0][0]
    if not prev_has:
        return []     # no earlier window to compare with: nothing has "moved"
    order = {"both": "abs(change) DESC", "up": "change DESC", "down": "change ASC"}[direction]
    having = {"both": "change <> 0", "up": "change > 0", "down": "change < 0"}[direction]
    rows = con.execute(
        f"""
        WITH m AS (
            SELECT {col} AS key,
                   coalesce(sum(clicks) FILTER (WHERE period_start >= ?), 0) AS cur,
                   coalesce(sum(clicks) FILTER (WHERE period_end <= ?), 0) AS prev
            FROM search_rows
            WHERE account = ? AND {col} IS NOT NULL AND period_start >= ? AND period_end <= ?
              AND (period_end <= ? OR period_start >= ?)
            GROUP BY {col})
        SELECT key, cur, prev, cur - prev AS change FROM m WHERE {having}
        ORDER BY {order}, key LIMIT ?""",
        [w.start, w.prev_end, account, w.prev_start, w.end, w.prev_end, w.start, limit]).fetchall()
    return [Mover(r[0], int(r[1]), int(r[2]), int(r[3])) for r in rows]


def top_movers(con: duckdb.DuckDBPyConnection, account: str, limit: int = 10) -> list[Mover]:
    """Queries whose clicks changed most (either way): last 4 weeks vs the 4 before."""
    return _movers(con, account, "query", "both", limit)


def pages_gaining(con: duckdb.DuckDBPyConnection, account: str, limit: int = 10) -> list[Mover]:
    return _movers(con, account, "page", "up", limit)


def pages_losing(con: duckdb.DuckDBPyConnection, account: str, limit: int = 10) -> list[Mover]:
    return _movers(con, account, "page", "down", limit)


_QUERY_STATS = """
    SELECT query, sum(clicks) AS clicks, sum(impressions) AS impressions,
           sum(clicks) / NULLIF(sum(impressions), 0) AS ctr,
           sum(position * impressions) FILTER (WHERE position IS NOT NULL)
             / NULLIF(sum(impressions) FILTER (WHERE position IS NOT NULL), 0) AS pos
    FROM search_rows
    WHERE account = ? AND query IS NOT NULL AND period_start >= ? AND period_end <= ?
"""


def opportunities(con: duckdb.DuckDBPyConnection, account: str, *, min_impressions: int = OPP_MIN_IMPRESSIONS,
                  max_ctr: float = OPP_MAX_CTR, limit: int = 15) -> list[QueryStat]:
    """Queries at average positions 5–20 with ≥ `min_impressions` impressions and CTR below `max_ctr`
    in the last 4 weeks, most impressions first: a better page could win many clicks."""
    last = latest_day(con, account)
    if last is None:
        return []
    w = windows(last)
    rows = con.execute(
        _QUERY_STATS + """
        GROUP BY query
        HAVING sum(impressions) >= ? AND pos BETWEEN ? AND ? AND coalesce(ctr, 0) < ?
        ORDER BY impressions DESC, query LIMIT ?""",
        [account, w.start, w.end, min_impressions, OPP_MIN_POSITION, OPP_MAX_POSITION, max_ctr, limit]).fetchall()
    return [QueryStat(r[0], int(r[1]), int(r[2]), r[3], r[4]) for r in rows]


def questions(con: duckdb.DuckDBPyConnection, account: str, *, limit: int = 15) -> list[QueryStat]:
    """Question queries (first word in QUESTION_WORDS, or ending in '?') in the last 4 weeks, most impressions first."""
    last = latest_day(con, account)
    if last is None:
        return []
    w = windows(last)
    rows = con.execute(
        _QUERY_STATS + """
          AND (split_part(lower(trim(query)), ' ', 1) IN (SELECT unnest(CAST(? AS VARCHAR[])))
               OR trim(query) LIKE '%?')
        GROUP BY query ORDER BY impressions DESC, query LIMIT ?""",
        [account, w.start, w.end, list(QUESTION_WORDS), limit]).fetchall()
    return [QueryStat(r[0], int(r[1]), int(r[2]), r[3], r[4]) for r in rows]
