"""Data trust for a judged week: per source, how far its data reaches and what to do about it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import duckdb

from metrics.weekly import freshness

Status = Literal["ok", "delay", "stale", "gap"]

# Search Console publishes with a 2–3 day delay; data that far behind is normal.
NORMAL_DELAY = {"search_console": 3}


@dataclass(frozen=True)
class SourceNote:
    source: str
    last_day: date | None
    status: Status
    gap_week: date | None = None   # a week inside the data range without rows (tracking gap)


def notes(con: duckdb.DuckDBPyConnection, week_start: date) -> list[SourceNote]:
    """One note per source with data. `stale`: its data stops before the judged week ends
    (beyond the source's normal delay); `gap`: a week inside its range without rows."""
    week_end = week_start + timedelta(days=6)
    out = []
    sources = freshness(con)
    gaps = _gap_weeks(con, [f.source for f in sources], week_end)
    for f in sources:
        if f.source == "crm" or f.last_day is None:
            status: Status = "ok"
        elif f.last_day >= week_end:
            status = "ok"
        elif (week_end - f.last_day).days <= NORMAL_DELAY.get(f.source, 0):
            status = "delay"
        else:
            status = "stale"
        gap = gaps.get(f.source)
        if status == "ok" and gap is not None:
            status = "gap"
        out.append(SourceNote(f.source, f.last_day, status, gap))
    return out


def _gap_weeks(con: duckdb.DuckDBPyConnection, sources: list[str], until: date) -> dict[str, date | None]:
    """Per source: the latest complete week (within the last 12) with no day rows although data
    exists on both sides. One statement for all tables (the ad platforms share one part)."""
    tables: dict[str, list[str]] = {}
    for source in sources:
        table = {"ga4": "web_analytics", "search_console": "search_daily", "crm": None}.get(source, "ad_performance")
        if table is not None:
            tables.setdefault(table, []).append(source)
    have: dict[str, list[date]] = {}
    parts, params = [], []
    for table, names in tables.items():
        # `table` is one of the three constants above, never user input.
        by = "source" if table == "ad_performance" else "?"
        parts.append(f"SELECT DISTINCT {by} AS source, date_trunc('week', period_start)::DATE AS w FROM {table} "
                     "WHERE period_start BETWEEN ? AND ?")
        params += ([] if by == "source" else [names[0]]) + [until - timedelta(days=7 * 12), until]
    if parts:
        for source, w in con.execute(" UNION ALL ".join(parts) + " ORDER BY w", params).fetchall():
            have.setdefault(source, []).append(w)
    return {s: _gap(have.get(s, [])) for s in sources}


def _gap(have: list[date]) -> date | None:
    if len(have) < 2:
        return None
    missing = [have[i] + timedelta(days=7) for i in range(len(have) - 1) if (have[i + 1] - have[i]).days > 7]
    return missing[-1] if missing else None
