"""Everything the Monday page shows for one week, gathered in one call (one cached read)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd

from metrics import (aggregate, budget, decision_log, decisions, evaluate, freshness, google_trust, leads, periods, plan90,
                     targets, weekly)
from warehouse import snapshot


@dataclass(frozen=True)
class MondayView:
    week_start: date
    previous_week: date | None
    next_week: date | None
    summary: weekly.WeekSummary
    channels: pd.DataFrame
    sources: tuple[freshness.SourceNote, ...]
    targets: dict[str, float | None]          # KPI → glide-path value in force this week
    target_status: dict[str, str | None]      # KPI → ahead / on_track / behind (None: no target or data)
    trust_codes: tuple[str, ...]              # GA4 data-trust warnings (i18n keys) for the week
    overdue: tuple[plan90.Overdue, ...]       # plan milestones past their due date
    channel_cpl_history: dict[str, tuple[float | None, float | None]]  # channel → (4-week CPL, same week last year)


def targets_now(con: duckdb.DuckDBPyConnection, summary: weekly.WeekSummary
                ) -> tuple[dict[str, float | None], dict[str, str | None]]:
    """The workspace-wide (scope `all`) glide-path value in force for each card, and its status."""
    values, status = {}, {}
    week = summary.week_start
    covering = targets.covering(con, week)    # one read for all six cards
    for card in summary.cards:
        values[card.name] = targets.value_in_force(covering, card.name, None, None, week)
        status[card.name] = targets.status(card.name, card.value, values[card.name])
    return values, status


def _windows(week_start: date) -> list[tuple[date, date]]:
    """Every window the view sums: this week, last week, the last four, the same week last year."""
    ws = [periods.week_window(week_start), periods.week_window(week_start - timedelta(days=7)),
          periods.rolling_window(week_start, 4), periods.week_window(periods.same_week_last_year(week_start))]
    return [(w.start, w.end) for w in ws]


@snapshot.one_read
def view(con: duckdb.DuckDBPyConnection, week_start: date, today: date) -> MondayView:
    weeks = weekly.complete_weeks(con, today)
    i = weeks.index(week_start) if week_start in weeks else None
    prev_w = weeks[i + 1] if i is not None and i + 1 < len(weeks) else None
    next_w = weeks[i - 1] if i is not None and i > 0 else None
    with aggregate.prefetch(con, _windows(week_start), ("all", "channel")):
        summary = weekly.week_summary(con, week_start)
        channels = weekly.channel_table(con, week_start)
        history = channel_cpl_history(con, week_start)
    tv, ts = targets_now(con, summary)
    week_end = week_start + timedelta(days=6)
    return MondayView(week_start, prev_w, next_w, summary, channels,
                      tuple(freshness.notes(con, week_start)), tv, ts,
                      google_trust.ga4_warnings(con, week_start, week_end), tuple(plan90.overdue(con, today)),
                      history)


def channel_cpl_history(con: duckdb.DuckDBPyConnection, week_start: date
                        ) -> dict[str, tuple[float | None, float | None]]:
    """Per channel: CPL over the 4 weeks to `week_start` and in the same ISO week a year earlier.

    Two aggregation reads (one per window) rather than a full week comparison: the Monday view
    already has this week and the week before.
    """
    basis = leads.basis(con)
    out: dict[str, list[float | None]] = {}
    windows = (periods.rolling_window(week_start, 4), periods.week_window(periods.same_week_last_year(week_start)))
    for i, w in enumerate(windows):
        for g in aggregate.window_sums(con, w.start, w.end, "channel"):
            if g.key and g.key[0] is not None:
                out.setdefault(g.key[0], [None, None])[i] = evaluate.result("cpl", leads.derive(g, basis)).value
    return {k: (v[0], v[1]) for k, v in out.items()}


@dataclass(frozen=True)
class DecisionView:
    """The week's verdicts computed once, with what the page derives from them."""

    rows: tuple[decisions.DecisionRow, ...]
    top_nb: tuple[str, ...]
    top_en: tuple[str, ...]
    is_latest: bool          # the newest complete week: the one whose verdicts go into the log
    needs_snapshot: bool     # its verdicts are not (all) in the decision log yet


@snapshot.one_read
def decision_view(con: duckdb.DuckDBPyConnection, week_start: date, today: date) -> DecisionView:
    rows = decisions.week_rows(con, week_start)
    latest = weekly.default_week(con, today) == week_start
    return DecisionView(
        tuple(rows),
        tuple(decisions.top_actions(con, week_start, "nb", rows=rows)),
        tuple(decisions.top_actions(con, week_start, "en", rows=rows)),
        latest,
        latest and decision_log.needs_snapshot(con, week_start, rows, today),
    )


@dataclass(frozen=True)
class BudgetStrip:
    """The judged week's month: planned vs spent per 70/20/10 bucket (shares as fractions)."""

    month: date
    has_plan: bool
    rows: pd.DataFrame   # bucket, share, planned, actual, actual_share


@snapshot.one_read
def budget_strip(con: duckdb.DuckDBPyConnection, week_start: date) -> BudgetStrip:
    month = budget.month_start(week_start + timedelta(days=6))
    frame = budget.by_bucket(con, month)
    frame["share"] = [None if s is None or pd.isna(s) else s / 100 for s in frame["share"]]
    has_plan = frame["planned"].notna().any()
    return BudgetStrip(month, bool(has_plan), frame[["bucket", "share", "planned", "actual", "actual_share"]])
