"""ISO weeks and reporting windows.

A week is keyed by its Monday (`week_start`), the same value DuckDB's `date_trunc('week', day)`
gives. Never a (year, week number) pair: Thursday 31 Dec 2026 and Friday 1 Jan 2027 are both in
the week that starts Monday 28 Dec 2026 (ISO 2026-W53).

A window is an inclusive range of days. A fact row counts in a window only when the window holds
the row's whole period (`period_start >= start AND period_end <= end`): a block from an export
without a day segment is never split into invented days.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone


def week_start(d: date) -> date:
    """The Monday of `d`'s ISO week: 2027-01-01 (Fri) → 2026-12-28."""
    return d - timedelta(days=d.weekday())


def today_utc() -> date:
    return datetime.now(timezone.utc).date()


def last_complete_week(today: date | None = None) -> date:
    """The Monday of the last complete week before `today` (on a Monday: the week that just ended)."""
    return week_start(today or today_utc()) - timedelta(days=7)


def in_progress(week: date, today: date | None = None) -> bool:
    """True while the week has not ended yet: its Sunday is today or later."""
    return week_start(week) + timedelta(days=6) >= (today or today_utc())


@dataclass(frozen=True)
class Window:
    """An inclusive range of days, e.g. the week 2026-11-16 … 2026-11-22."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def week_window(week: date) -> Window:
    ws = week_start(week)
    return Window(ws, ws + timedelta(days=6))


def rolling_window(week: date, weeks: int = 4) -> Window:
    """The `weeks` weeks ending with `week` (4 weeks: Monday three weeks earlier … Sunday of `week`)."""
    ws = week_start(week)
    return Window(ws - timedelta(days=7 * (weeks - 1)), ws + timedelta(days=6))


def same_week_last_year(week: date) -> date:
    """52 weeks (364 days) earlier, so a Monday stays a Monday: 2026-11-16 → 2025-11-17."""
    return week_start(week) - timedelta(days=364)


def weeks_between(first: date, last: date) -> list[date]:
    """Every Monday from `first`'s week to `last`'s week, inclusive."""
    out, w = [], week_start(first)
    end = week_start(last)
    while w <= end:
        out.append(w)
        w += timedelta(days=7)
    return out
