"""Everything the Monday page shows for one week, gathered in one call (one cached read)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from metrics import freshness, weekly


@dataclass(frozen=True)
class MondayView:
    week_start: date
    previous_week: date | None
    next_week: date | None
    summary: weekly.WeekSummary
    channels: pd.DataFrame
    sources: tuple[freshness.SourceNote, ...]
    targets: dict[str, float | None]          # KPI → glide-path value in force this week
    target_status: dict[str, str | None]      # KPI → ahead / on_track / behind


def targets_now(con: duckdb.DuckDBPyConnection, week_start: date) -> tuple[dict[str, float | None], dict[str, str | None]]:
    """The workspace-wide target in force this week per card KPI, and its status (empty when none)."""
    try:
        from metrics import targets as tg
    except ImportError:
        return {}, {}
    values, status = {}, {}
    for kpi in ("spend", "leads", "cpl", "cac", "roas", "conversion_rate"):
        values[kpi] = tg.target_in_force(con, kpi, None, None, week_start)
        status[kpi] = tg.status_for_week(con, kpi, week_start) if hasattr(tg, "status_for_week") else None
    return values, status


def view(con: duckdb.DuckDBPyConnection, week_start: date, today: date) -> MondayView:
    weeks = weekly.complete_weeks(con, today)
    i = weeks.index(week_start) if week_start in weeks else None
    prev_w = weeks[i + 1] if i is not None and i + 1 < len(weeks) else None
    next_w = weeks[i - 1] if i is not None and i > 0 else None
    tv, ts = targets_now(con, week_start)
    return MondayView(week_start, prev_w, next_w, weekly.week_summary(con, week_start),
                      weekly.channel_table(con, week_start), tuple(freshness.notes(con, week_start)), tv, ts)
