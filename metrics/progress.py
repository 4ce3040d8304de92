"""A target's weeks: actual against the glide path, the status of each week, and a projection.

Status (see `metrics.targets.status`): within ±10 % of the week's glide-path value is on track;
better than that by the KPI's direction is ahead, worse is behind. The running week is *in
progress* and gets no status.

Projection: a straight line fitted (least squares) through the weekly values of the last 4
complete weeks up to today (or up to the deadline, once it has passed), read at the deadline
week. It needs values in at least 3 of those 4 weeks; otherwise there is no projection. A count
or money KPI is never projected below 0, a percentage never above 100 %. Example: CPL 500, 480,
470, 450 in four weeks falls 16 a week; 10 weeks after the last of them the line reads 291.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from metrics import evaluate, periods
from metrics.kpis import KPIS
from metrics.targets import Target, glide_value, status

PROJECTION_WEEKS = 4
MIN_POINTS = 3


@dataclass(frozen=True)
class WeekProgress:
    week_start: date
    glide: float
    actual: float | None
    status: str | None          # ahead, on_track, behind; None without data or while in progress
    in_progress: bool


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    weeks: tuple[WeekProgress, ...]
    projection: float | None     # projected value at the deadline week
    projected_status: str | None  # the projection against the target value
    latest: WeekProgress | None   # the last complete week with a glide value


def project(points: list[tuple[int, float]], at: int) -> float | None:
    """Least-squares line through (week index, value) points, read at index `at`.

    [(0, 500), (1, 480), (2, 470), (3, 450)] has slope −16 and mean 475 at x̄ = 1.5, so at 13:
    475 − 16 × 11.5 = 291.
    """
    if len(points) < MIN_POINTS:
        return None
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0
    return my + slope * (at - mx)


def progress(con: duckdb.DuckDBPyConnection, t: Target, today: date | None = None) -> TargetProgress:
    today = today or periods.today_utc()
    first, last = periods.week_start(t.start_date), periods.week_start(t.deadline)
    shown_last = min(last, periods.week_start(today))
    # Projection weeks: the last complete weeks up to the deadline (they may precede the start).
    end = min(periods.last_complete_week(today), last)
    lo, hi = min(first, end - timedelta(days=7 * (PROJECTION_WEEKS - 1))), max(shown_last, end)
    series = dict(evaluate.weekly_series(con, t.kpi, t.scope, lo, hi))
    weeks = []
    for w in periods.weeks_between(first, shown_last) if shown_last >= first else []:
        running = periods.in_progress(w, today)
        actual = series[w].value
        glide = glide_value(t, w)
        weeks.append(WeekProgress(w, glide, actual, None if running else status(t.kpi, actual, glide), running))
    pts = [((w - end).days // 7, series[w].value)
           for w in periods.weeks_between(end - timedelta(days=7 * (PROJECTION_WEEKS - 1)), end)
           if series[w].value is not None]
    at = (last - end).days // 7
    proj = project(pts, at)
    if proj is not None:
        unit = KPIS[t.kpi].unit
        proj = max(proj, 0.0)
        if unit == "percent":
            proj = min(proj, 1.0)
    complete = [w for w in weeks if not w.in_progress]
    return TargetProgress(t, tuple(weeks), proj, status(t.kpi, proj, t.target_value),
                          complete[-1] if complete else None)


def overview(con: duckdb.DuckDBPyConnection, today: date | None = None) -> list[TargetProgress]:
    """Every target with its weeks, latest status and projection (the Targets page)."""
    from metrics.targets import list_targets

    return [progress(con, t, today) for t in list_targets(con)]
