"""Reading and saving the decision settings, with the checks the Settings page needs.

Keys (in `warehouse.settings.DEFAULTS`): eval_weeks (4–8), scale_threshold, cut_threshold
(0 < cut < scale < 1), lag_days (0–28), revenue_lag_days (0–90), excluded_weeks (ISO Mondays).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from metrics import atypical_weeks
from warehouse import settings


@dataclass(frozen=True)
class DecisionSettings:
    eval_weeks: int
    scale_threshold: float
    cut_threshold: float
    lag_days: int
    revenue_lag_days: int
    excluded_weeks: tuple[date, ...]
    offered: tuple[atypical_weeks.AtypicalWeek, ...]   # atypical weeks of the years in the data


def _mondays(values: object) -> tuple[date, ...]:
    out = set()
    for v in values or []:  # type: ignore[union-attr]
        try:
            d = date.fromisoformat(str(v))
        except ValueError:
            continue
        out.add(d - timedelta(days=d.weekday()))
    return tuple(sorted(out))


def current(con: duckdb.DuckDBPyConnection) -> DecisionSettings:
    s = settings.get_all(con)
    return DecisionSettings(
        int(s["eval_weeks"]), float(s["scale_threshold"]), float(s["cut_threshold"]), int(s["lag_days"]),
        int(s.get("revenue_lag_days", 28)), _mondays(s.get("excluded_weeks")),
        tuple(atypical_weeks.offered(atypical_weeks.data_years(con))),
    )


def problems(eval_weeks: int, scale: float, cut: float, lag_days: int, revenue_lag_days: int) -> list[str]:
    """Codes of every problem (i18n keys under decisions.settings.*); empty when all is well."""
    out = []
    if not 4 <= eval_weeks <= 8:
        out.append("bad_window")
    if not (0 < cut < scale < 1):
        out.append("bad_thresholds")
    if not 0 <= lag_days <= 28 or not 0 <= revenue_lag_days <= 90:
        out.append("bad_lag")
    return out


def save(con: duckdb.DuckDBPyConnection, eval_weeks: int, scale: float, cut: float, lag_days: int,
         revenue_lag_days: int, excluded: list[date]) -> list[str]:
    """Store the settings when they pass `problems`; returns the problem codes (nothing saved then)."""
    found = problems(eval_weeks, scale, cut, lag_days, revenue_lag_days)
    if found:
        return found
    settings.put(con, "eval_weeks", int(eval_weeks))
    settings.put(con, "scale_threshold", float(scale))
    settings.put(con, "cut_threshold", float(cut))
    settings.put(con, "lag_days", int(lag_days))
    settings.put(con, "revenue_lag_days", int(revenue_lag_days))
    settings.put(con, "excluded_weeks", [d.isoformat() for d in _mondays([x.isoformat() for x in excluded])])
    return []
