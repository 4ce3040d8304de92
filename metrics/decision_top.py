"""What the Monday page says first about the verdicts — the (up to) three things that matter most
this week, as sentences — and a row's week-by-week drill-down (`cpl_series`)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from metrics import bayes
from metrics.decision_data import facts
from metrics.decision_row import DecisionRow
from metrics.decision_text import action_text, explain, reason, row_name
from metrics.names import normalise
from metrics.periods import week_start as week_start_of
from metrics.periods import weeks_between
from metrics.verdict_rules import rules_from_settings


def _top_sentence(row: DecisionRow, lang: str, currency: str) -> str:
    from i18n import tr

    name = row_name(row, lang)
    if row.kind == "experiment" and row.clock >= row.clock_of and row.verdict not in ("too_early",):
        return tr(lang, "decisions.top.decide", name=name, clock=row.clock, clock_of=row.clock_of,
                  reason=explain(row, lang, currency))
    if row.verdict == "cut":
        return tr(lang, "decisions.top.cut", name=name, reason=reason(row, lang, currency),
                  action=action_text(row, lang))
    if row.verdict == "scale":
        return tr(lang, "decisions.top.scale", name=name, reason=reason(row, lang, currency),
                  action=action_text(row, lang))
    if row.kind == "experiment":
        return tr(lang, "decisions.top.decide_soon", name=name, clock=row.clock, clock_of=row.clock_of)
    if row.verdict == "no_target":
        return tr(lang, "decisions.top.no_target", name=name)
    return tr(lang, "decisions.top.no_clear_call", name=name, action=action_text(row, lang))


def top_rows(rows: Sequence[DecisionRow], n: int = 3) -> list[DecisionRow]:
    """The rows that matter most this week, most urgent first.

    1. experiments at (or past) their planned end; 2. CUT, most spend first (stop the waste);
    3. SCALE, most spend first; 4. experiments one week from their end; 5. channels without a
    target; 6. channels with no clear call. A campaign is skipped when its channel already says
    the same thing.
    """
    channel_verdict = {r.channel: r.verdict for r in rows if r.kind == "channel"}

    def redundant(r: DecisionRow) -> bool:
        return r.kind == "campaign" and channel_verdict.get(r.channel) == r.verdict

    groups: list[list[DecisionRow]] = [
        [r for r in rows if r.kind == "experiment" and r.clock >= r.clock_of and r.verdict != "too_early"],
        sorted([r for r in rows if r.verdict == "cut" and r.kind != "experiment" and not redundant(r)],
               key=lambda r: -r.spend),
        sorted([r for r in rows if r.verdict == "scale" and r.kind != "experiment" and not redundant(r)],
               key=lambda r: -r.spend),
        [r for r in rows if r.kind == "experiment" and r.clock == r.clock_of - 1],
        [r for r in rows if r.kind == "channel" and r.verdict == "no_target"],
        [r for r in rows if r.kind == "channel" and r.verdict == "no_clear_call"],
    ]
    out: list[DecisionRow] = []
    seen: set[int] = set()
    if n <= 0:
        return out
    for g in groups:
        for r in g:
            if id(r) not in seen:   # an experiment can be in two groups
                seen.add(id(r))
                out.append(r)
                if len(out) == n:
                    return out
    return out


def top_actions(con: duckdb.DuckDBPyConnection, week_start: date, lang: str, n: int = 3,
                rows: Sequence[DecisionRow] | None = None) -> list[str]:
    """The (up to) three things that matter most this week, as sentences with numbers and an action.

    Pass the week's `rows` when they are already computed: the engine is the costly part.
    """
    from i18n import tr
    from metrics import decisions
    from metrics.aggregate import workspace_currency

    currency = workspace_currency(con)
    picked = top_rows(decisions.week_rows(con, week_start) if rows is None else rows, n)
    if not picked:
        return [tr(lang, "decisions.top.none")]
    return [_top_sentence(r, lang, currency) for r in picked]


@dataclass(frozen=True)
class SeriesPoint:
    """One week of a row's drill-down: that week's own CPL with its 90 % interval (φ = 1)."""

    week_start: date
    spend: float
    leads: float
    cpl: float | None
    cpl_low: float | None
    cpl_high: float | None
    target: float | None
    excluded: bool           # an atypical week left out of the verdicts


def cpl_series(con: duckdb.DuckDBPyConnection, channel: str, campaign: str | None, week_start: date,
               weeks: int = 12) -> list[SeriesPoint]:
    """Weekly CPL of a channel (campaign None) or campaign for the `weeks` weeks ending with `week_start`.

    Weeks before the first spend are left out. The interval is that week's alone
    (5th–95th percentile of the true CPL), drawn against the target line in force each week.
    """
    from metrics.targets import target_in_force

    week = week_start_of(week_start)
    first = week - timedelta(days=7 * (weeks - 1))
    rules = rules_from_settings(con)
    data = facts(con, first, week)
    key = normalise(campaign) if campaign else None
    by_week: dict[date, list[float]] = {}
    for f in data.rows:
        if f.channel != channel or (key is not None and f.campaign_key != key):
            continue
        if f.period_start < first:
            continue
        if f.partial:
            continue
        acc = by_week.setdefault(week_start_of(f.period_start), [0.0, 0.0])
        acc[0] += f.spend
        acc[1] += f.leads
    out = []
    for w in weeks_between(first, week):
        if w not in by_week:
            continue
        s, n = by_week[w]
        post = bayes.cpl_posterior(None, n, s)
        out.append(SeriesPoint(w, s, n, s / n if n > 0 else None, post.low if post else None,
                               post.high if post else None, target_in_force(con, "cpl", channel, campaign, w),
                               w in rules.excluded_weeks))
    return out
