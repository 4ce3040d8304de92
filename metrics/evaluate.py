"""KPI results for a window, a week and its comparisons, at a grain or for one target scope.

Every value is `metrics.kpis.evaluate` over the derived measures of `metrics.leads.derive`: a
ratio of sums at the grain asked for, never an average of smaller ratios. A result carries its
numerator and denominator, and a reason code when it has no value:

- `no_data`: a source the KPI needs has no rows in the window (e.g. no GA4 data for sessions);
- `no_denominator`: the denominator is 0 (CPL in a week without a lead) — never ∞.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import duckdb

from metrics import aggregate, leads, periods
from metrics.aggregate import Grain, Group
from metrics.kpis import KPIS, evaluate
from metrics.names import normalise
from metrics.targets import Target, glide_value, list_targets, parse_scope, pick, status


@dataclass(frozen=True)
class KpiResult:
    """One KPI value with what it was computed from, and (for a judged week) its target and status.

    `status`: ahead / on_track / behind against the glide-path `target` in force; in_progress for
    the running week; no_target; no_data (see `metrics.targets.status` for the ±10 % band).
    """

    kpi: str
    value: float | None
    numerator: float | None
    denominator: float | None
    reason: str | None = None     # no_data, no_denominator (None when there is a value)
    target: float | None = None
    status: str | None = None


def result(kpi: str, measures: dict[str, float | None]) -> KpiResult:
    k = KPIS[kpi]
    num = measures.get(k.numerator)
    den = None if k.denominator == "one" else measures.get(k.denominator)
    value = evaluate(k, measures)
    reason = None
    if value is None:
        missing = num is None or (k.denominator != "one" and den is None)
        reason = "no_data" if missing else "no_denominator"
    return KpiResult(kpi, value, num, den, reason)


def judge(r: KpiResult, target: Target | None, week: date, running: bool) -> KpiResult:
    """`r` with the glide-path value of `target` for the week and the week's status."""
    glide = glide_value(target, week) if target is not None else None
    if running:
        code = "in_progress"
    elif r.value is None:
        code = "no_data"
    elif glide is None:
        code = "no_target"
    else:
        code = status(r.kpi, r.value, glide) or "no_data"
    return replace(r, target=glide, status=code)


def merge(groups: list[Group], key: tuple[str | None, ...] = ()) -> Group:
    """One group holding the sums of `groups` (an empty list gives zero sums)."""
    sums = {f: 0.0 for f in aggregate.SUM_FIELDS}
    for g in groups:
        for f in sums:
            sums[f] += g.sums[f]
    return Group(key, sums)


def _pick(groups: list[Group], scope: str, grain: Grain) -> Group:
    kind, name = parse_scope(scope)
    if kind == "all":
        return merge(groups)
    idx = aggregate.GRAIN_KEYS[grain].index(kind)
    want = normalise(name)
    return merge([g for g in groups if normalise(g.key[idx]) == want], (name,))


def _grain_for(scope: str) -> Grain:
    kind = parse_scope(scope)[0]
    return "campaign" if kind == "campaign" else "channel" if kind == "channel" else "all"


def scope_measures(con: duckdb.DuckDBPyConnection, scope: str, start: date, end: date,
                   basis: leads.Basis | None = None) -> dict[str, float | None]:
    """Derived measures for a target scope (`all`, `channel:<name>`, `campaign:<name>`) over [start, end]."""
    grain = _grain_for(scope)
    g = _pick(aggregate.window_sums(con, start, end, grain), scope, grain)
    return leads.derive(g, basis or leads.basis(con))


def window_kpi(con: duckdb.DuckDBPyConnection, kpi: str, scope: str, start: date, end: date) -> KpiResult:
    """One KPI for a scope over [start, end], e.g. a target's baseline period."""
    return result(kpi, scope_measures(con, scope, start, end))


def weekly_series(con: duckdb.DuckDBPyConnection, kpi: str, scope: str, first_week: date, last_week: date
                  ) -> list[tuple[date, KpiResult]]:
    """(week_start, result) for every week first_week … last_week, weeks without data included (None)."""
    grain = _grain_for(scope)
    b = leads.basis(con)
    by_week: dict[date, list[Group]] = {}
    for g in aggregate.weekly_sums(con, first_week, last_week, grain):
        by_week.setdefault(g.key[0], []).append(Group(g.key[1:], g.sums))
    out = []
    for w in periods.weeks_between(first_week, last_week):
        out.append((w, result(kpi, leads.derive(_pick(by_week.get(w, []), scope, grain), b))))
    return out


@dataclass(frozen=True)
class Comparison:
    """One KPI for one group: the week, the week before, the 4 weeks to it, the same week a year earlier."""

    kpi: str
    week: KpiResult
    previous: KpiResult
    rolling_4w: KpiResult
    last_year: KpiResult

    @property
    def change(self) -> float | None:
        """Relative change vs the previous week; None when either is missing or the previous is 0."""
        if self.week.value is None or not self.previous.value:
            return None
        return self.week.value / self.previous.value - 1


@dataclass(frozen=True)
class GroupWeek:
    key: tuple[str | None, ...]
    week_start: date
    in_progress: bool
    kpis: dict[str, Comparison]


def compare_week(con: duckdb.DuckDBPyConnection, week_start: date, grain: Grain = "all",
                 kpis: tuple[str, ...] = tuple(KPIS), today: date | None = None) -> list[GroupWeek]:
    """Every group of the grain with its KPIs this week, previous week, 4-week rolling and last year.

    A group appears when it has rows in any of the four windows. The running week is flagged
    `in_progress` (its numbers are partial and are never judged).
    """
    ws = periods.week_start(week_start)
    wins = {
        "week": periods.week_window(ws),
        "previous": periods.week_window(ws - timedelta(days=7)),
        "rolling_4w": periods.rolling_window(ws, 4),
        "last_year": periods.week_window(periods.same_week_last_year(ws)),
    }
    b = leads.basis(con)
    all_targets = list_targets(con)
    sums: dict[str, dict[tuple, Group]] = {}
    for name, w in wins.items():
        sums[name] = {g.key: g for g in aggregate.window_sums(con, w.start, w.end, grain)}
    keys = sorted({k for s in sums.values() for k in s}, key=lambda k: tuple((x is None, x or "") for x in k))
    empty = merge([])
    running = periods.in_progress(ws, today)
    out = []
    for key in keys:
        if grain != "all" and all(x is None for x in key) and not any(
                s[key]["n_ad"] + s[key]["n_ga4"] + s[key]["n_crm"] for s in sums.values() if key in s):
            continue   # other costs without a channel: they count for the whole workspace only
        measures = {n: leads.derive(sums[n].get(key, empty), b) for n in wins}
        names = dict(zip(aggregate.GRAIN_KEYS[grain], key))
        row: dict[str, Comparison] = {}
        for k in kpis:
            week, *others = (result(k, measures[n]) for n in wins)
            # A platform row has no target of its own (targets are set per channel or campaign).
            target = None if grain == "source" else pick(all_targets, k, names.get("channel"), names.get("campaign"), ws)
            row[k] = Comparison(k, judge(week, target, ws, running), *others)
        out.append(GroupWeek(key, ws, running, row))
    return out
