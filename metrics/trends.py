"""Weekly series for the Monday page's trend charts: CPL against the target line, spend by channel.

Only rows that lie inside one ISO week are drawn (day rows, or a 7-day block aligned to the
week); a longer block is left out of weekly charts rather than split into invented days.
"""
from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics import evaluate, targets


def weekly_series(con: duckdb.DuckDBPyConnection, week_start: date, weeks: int = 12) -> pd.DataFrame:
    """Per week (oldest first) up to `week_start`: spend, paid leads, CPL and the CPL glide-path value.

    Columns: week_start, spend, paid_leads, cpl, cpl_target. CPL is None for a week without paid leads.
    """
    first = week_start - timedelta(days=7 * (weeks - 1))
    rows = [{"week_start": w, "spend": r.numerator, "paid_leads": r.denominator, "cpl": r.value,
             "cpl_target": targets.target_in_force(con, "cpl", None, None, w)}
            for w, r in evaluate.weekly_series(con, "cpl", "all", first, week_start)]
    return pd.DataFrame(rows)


def spend_by_channel(con: duckdb.DuckDBPyConnection, week_start: date, weeks: int = 12) -> pd.DataFrame:
    """Columns: week_start, channel, spend — one row per week and channel with ad spend."""
    first = week_start - timedelta(days=7 * (weeks - 1))
    return con.execute("""
        SELECT date_trunc('week', period_start)::DATE AS week_start, channel, sum(spend) AS spend
        FROM ad_performance
        WHERE period_start >= ? AND period_end <= ?
          AND date_trunc('week', period_start) = date_trunc('week', period_end)
        GROUP BY ALL ORDER BY week_start, channel""", [first, week_start + timedelta(days=6)]).df()
