"""Scale, keep testing or cut: the verdict for every channel, campaign and experiment.

The verdict is a statement about the *true* cost per lead (or ROAS for shops), not last week's
number. For each row, every Monday, over the last N complete weeks (setting `eval_weeks`,
default 6) of spend whose leads have had time to arrive (the last `lag_days` days are left
out, default 7; `revenue_lag_days` for sales and revenue), with atypical weeks
(`excluded_weeks`) dropped:

1. CUT at once if there are no leads, spend ≥ 3 × target and the row has run ≥ 14 days
   (zero-lead stop: if the true CPL were on target this happens < 5 % of the time).
2. TOO EARLY with fewer than 4 complete weeks.
3. p = P(true CPL ≤ target) = Q(½ + L/φ̂, S/(φ̂·T)); SCALE if p ≥ 0.90, CUT if p ≤ 0.10,
   else KEEP TESTING (thresholds are settings). φ̂ is the week-to-week overdispersion.
4. A flag changes only after two consecutive Mondays in the new state (worked out by judging
   the previous Mondays again, so no state is stored). Still undecided after 8 weeks (or at an
   experiment's planned end): "close to target, no clear call".

Campaign rows get SCALE/CUT only with ≥ 10 leads or spend ≥ 3 × target. Every result is a
frozen `DecisionRow` with a verdict and a reason code; too little data is a result, never an
exception. Money is in the workspace currency.

The rule itself (rules 1–4 on week bins) is `metrics.verdict_rules`; this module reads the
warehouse, builds each row's week bins and history, and assembles the table — for most
workspaces through `metrics.decision_batch`, which judges every row at once. A row and its
reason's numbers are `metrics.decision_row`; the top actions and the drill-down
`metrics.decision_top`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import duckdb

from metrics import bayes
from metrics.decision_data import Fact, facts
from metrics.decision_row import DecisionRow, Unit, build_row, expected_wrong_flags  # noqa: F401  (re-exported)
from metrics.names import normalise
from metrics.periods import week_start as week_start_of
from metrics.periods import weeks_between
from metrics.verdict_rules import (  # noqa: F401  (re-exported: the rule lives there)
    Verdict,
    ReasonCode,
    Kind,
    Kpi,
    Action,
    RawState,
    MIN_WEEKS,
    TIMEOUT_WEEKS,
    ZERO_LEAD_DAYS,
    ZERO_LEAD_MULTIPLE,
    CAMPAIGN_MIN_LEADS,
    HISTORY_WEEKS,
    FLAGS,
    Rules,
    rules_from_settings,
    WeekBin,
    Judgement,
    judge,
    _threshold,
    _judge_cpl,
    Settled,
    settle,
    settled_by_last,
    settled_by_last_two,
)


# ------------------------------------------------------------------ rows over the warehouse


@dataclass(frozen=True)
class _Series:
    """Fact rows of one channel/campaign, bucketed by the week of their period end."""

    by_week: dict[date, list[Fact]]
    first_spend: date | None


def _bins(series: _Series, window: Sequence[date], cutoff: date, since: date | None = None,
          until: date | None = None) -> list[WeekBin]:
    """Sum each window week's facts whose whole period lies in the window and ends by `cutoff`."""
    if not window:
        return []
    lo = window[0]
    out = []
    for w in window:
        s = n = c = k = r = 0.0
        for f in series.by_week.get(w, ()):
            if f.period_end > cutoff or f.period_start < lo:
                continue
            if f.partial and f.period_end != cutoff:
                continue   # the first days of a week, cut off for another Monday
            if since is not None and f.period_start < since:
                continue
            if until is not None and f.period_end > until:
                continue
            s += f.spend
            n += f.leads
            c += f.clicks
            k += f.sales
            r += f.revenue
        out.append(WeekBin(w, s, n, c, k, r))
    return out


def _window(week: date, first_week: date, rules: Rules, n: int) -> list[date]:
    """The last `n` non-excluded Mondays ≤ week and ≥ first_week, oldest first."""
    out: list[date] = []
    w = week
    while w >= first_week and len(out) < n:
        if w not in rules.excluded_weeks:
            out.append(w)
        w -= timedelta(days=7)
    return out[::-1]


def weeks_running(first_week: date, week: date, rules: Rules) -> int:
    """Complete weeks from `first_week` to `week`, both counted, excluded weeks left out."""
    weeks = (week - first_week).days // 7 + 1
    if rules.excluded_weeks:
        weeks -= sum(1 for x in rules.excluded_weeks if first_week <= x <= week)
    return weeks


def first_day(first_week: date | None, keys: Iterable[str], known: dict[str, date], fetch_start: date
              ) -> date | None:
    """A row's first day with spend, from the first week with spend in the data read
    (`first_week`, None: none) and the all-history first days of its campaigns (`known`,
    by normalised name, for `keys`): when that week is the first one read, the row is older than
    the data and its campaigns' earliest day counts; else that week's real first day when known."""
    if first_week is None:
        return None
    days = [known[k] for k in keys if k in known]
    if first_week <= fetch_start:
        return min([first_week, *days])
    same_week = [d for d in days if week_start_of(d) == first_week]
    return min(same_week) if same_week else first_week


def _experiments(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    rows = con.execute(
        """SELECT experiment_id, name, channel, campaign, bucket, start_date, planned_end, target_kpi, target_value
           FROM experiments WHERE status = 'running' AND channel IS NOT NULL ORDER BY start_date, experiment_id"""
    ).fetchall()
    keys = ("experiment_id", "name", "channel", "campaign", "bucket", "start_date", "planned_end", "target_kpi",
            "target_value")
    return [dict(zip(keys, r)) for r in rows]


def _buckets(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    try:
        rows = con.execute("SELECT campaign, bucket FROM campaign_buckets").fetchall()
    except duckdb.CatalogException:
        return {}
    return {normalise(r[0]): r[1] for r in rows}


def planned_weeks(start: date, planned_end: date) -> int:
    """Length of an experiment in weeks: 2026-01-05 … 2026-02-15 (42 days) → 6."""
    return -(-((planned_end - start).days + 1) // 7)


class _Targets:
    """`metrics.targets.target_in_force` for many rows and weeks, from one read of the targets table.

    Same choice as `target_in_force` (most specific scope covering the week: campaign, else
    channel, else all; among equals the one that started last, then the newest), same glide
    value (`metrics.targets.glide_value`); `tests/test_decisions.py` checks they agree.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection):
        from metrics import targets as tg

        self._tg = tg
        ordered = sorted(tg.list_targets(con), key=lambda t: (t.start_date, t.target_id), reverse=True)
        self._by_kpi: dict[str, list[tuple[Any, str, str | None]]] = defaultdict(list)
        for t in ordered:
            kind, name = tg.parse_scope(t.scope)
            self._by_kpi[t.kpi].append((t, kind, normalise(name) if name else None))
        self._memo: dict[tuple[Any, ...], float | None] = {}
        # Which scopes each KPI's targets use: without a campaign (or channel) target the campaign
        # (or channel) cannot change the answer, so it is left out of the memo key.
        self._kinds = {kpi: {kind for _, kind, _ in ts} for kpi, ts in self._by_kpi.items()}

    def __call__(self, kpi: str, channel: str | None, campaign: str | None, week: date) -> float | None:
        kinds = self._kinds.get(kpi, set())
        if "campaign" not in kinds:
            campaign = None
        if "channel" not in kinds:
            channel = None
        key = (kpi, channel, campaign, week)
        if key in self._memo:
            return self._memo[key]
        ch, ca = normalise(channel) if channel else None, normalise(campaign) if campaign else None
        best: dict[str, Any] = {}
        for t, kind, name in self._by_kpi.get(kpi, ()):
            if not self._tg.covers(t, week):
                continue
            if kind == "campaign" and ca is not None and name == ca:
                best.setdefault("campaign", t)
            elif kind == "channel" and ch is not None and name == ch:
                best.setdefault("channel", t)
            elif kind == "all":
                best.setdefault("all", t)
        t = best.get("campaign") or best.get("channel") or best.get("all")
        value = None if t is None else self._tg.glide_value(t, week)
        self._memo[key] = value
        return value


    def many(self, kpi: str, units: Sequence[Unit], week: date) -> list[float | None]:
        """The target in force for each unit at `week`."""
        keys, index = self.keys(kpi, units)
        values = [self(kpi, ch, ca, week) for ch, ca in keys]
        return [values[i] for i in index]

    def keys(self, kpi: str, units: Sequence[Unit]) -> tuple[list[tuple[str | None, str | None]], list[int]]:
        """The distinct (channel, campaign) the `kpi` targets can tell apart among `units`, and
        which of them each unit is: without campaign (or channel) targets, the campaign (or
        channel) cannot change the answer."""
        kinds = self._kinds.get(kpi, set())
        by_channel, by_campaign = "channel" in kinds, "campaign" in kinds
        seen: dict[tuple[str | None, str | None], int] = {}
        index = [seen.setdefault((u.channel if by_channel else None, u.campaign if by_campaign else None), len(seen))
                 for u in units]
        return list(seen), index


def _evaluate(unit: Unit, series: _Series, week: date, rules: Rules, targets: Callable[..., float | None],
              bucket: str | None) -> DecisionRow | None:
    """Judge `unit` at `week` and at up to HISTORY_WEEKS previous Mondays, then settle."""
    exp = unit.experiment
    if exp is not None:
        start: date = exp["start_date"]
        first_week = week_start_of(start)
        planned = planned_weeks(start, exp["planned_end"])
        # Experiments run in whole ISO weeks: from the Monday of the start to the Sunday of the end.
        since, until = first_week, week_start_of(exp["planned_end"]) + timedelta(days=6)
    else:
        if series.first_spend is None:
            return None
        first_week = week_start_of(series.first_spend)
        planned = None
        since, until = None, None
        start = series.first_spend
    if week < first_week:
        return None
    n = planned if planned is not None else rules.eval_weeks
    shop = rules.business_type == "shop"

    def target_at(w: date) -> tuple[float | None, float | None]:
        if exp is not None and exp.get("target_value") is not None:
            if exp.get("target_kpi") == "roas":
                return targets("cpl", unit.channel, unit.campaign, w), float(exp["target_value"])
            return float(exp["target_value"]), (targets("roas", unit.channel, unit.campaign, w) if shop else None)
        return (targets("cpl", unit.channel, unit.campaign, w),
                targets("roas", unit.channel, unit.campaign, w) if shop else None)

    def at(w: date) -> tuple[Judgement, list[WeekBin], int]:
        window = _window(w, first_week, rules, n)
        if exp is not None:
            window = [x for x in window if x <= week_start_of(exp["planned_end"])]
        cutoff = w + timedelta(days=6 - rules.lag_days)
        bins = _bins(series, window, cutoff, since, until)
        sales_bins = None
        if shop:
            sales_bins = _bins(series, window, w + timedelta(days=6 - rules.revenue_lag_days), since, until)
        cpl_t, roas_t = target_at(w)
        days = (w + timedelta(days=7) - start).days
        j = judge(bins, cpl_t, days, rules, gated=unit.kind == "campaign", roas_target=roas_t,
                  sales_bins=sales_bins)
        return j, bins, weeks_running(first_week, w, rules)

    history_weeks = [w for w in weeks_between(max(first_week, week - timedelta(days=7 * HISTORY_WEEKS)), week)
                     if w == week or w not in rules.excluded_weeks]
    if exp is not None:
        history_weeks = [w for w in history_weeks if w <= week_start_of(exp["planned_end"])] or [week]
    # Rule 4 needs the earlier Mondays only when the last two do not settle it on their own
    # (`verdict_rules.settled_by_last_two`); on most rows they do, so most rows judge two Mondays.
    j_last, last_bins, running = at(history_weeks[-1])
    judged = [j_last]
    if len(history_weeks) > 1 and not settled_by_last(j_last, rules):
        j_prev = at(history_weeks[-2])[0]
        judged = [j_prev, j_last]
        if not settled_by_last_two(j_prev, j_last, rules):
            judged = [at(w)[0] for w in history_weeks[:-2]] + judged
    if exp is not None:
        running = len(weeks_between(first_week, week))
    window_weeks = [b.week_start for b in last_bins]
    full = _bins(series, window_weeks, week + timedelta(days=6), since, until)
    full_spend = sum(b.spend for b in full)
    if exp is None and full_spend <= 0:
        return None   # nothing spent in the window: not a running channel any more
    s = settle(judged, running, rules, planned_weeks=planned)
    j = s.raw
    post = j.posterior or bayes.cpl_posterior(j.target if j.kpi == "cpl" else None, j.leads, j.spend, j.phi)
    cpl_t, roas_t = target_at(week)
    return build_row(unit, bucket, replace(j, posterior=post), s.verdict, s.reason_code, week=week, rules=rules,
                     clock_of=n, weeks_running=running, window_weeks=window_weeks, full_spend=full_spend,
                     full_leads=sum(b.leads for b in full), clicks=sum(b.clicks for b in last_bins),
                     cpl_target=cpl_t, roas_target=roas_t,
                     cvr_target=targets("conversion_rate", unit.channel, unit.campaign, week))


def week_rows(con: duckdb.DuckDBPyConnection, week_start: date) -> list[DecisionRow]:
    """The scale-or-cut table for the week starting `week_start` (a Monday; any day is moved to its Monday).

    Channel rows first (by spend), each followed by its campaigns, then running experiments.
    Channels and campaigns without spend in the window are left out.
    """
    week = week_start_of(week_start)
    rules = rules_from_settings(con)
    from metrics import decision_batch

    if decision_batch.applies(rules):
        return decision_batch.week_rows(con, week, rules)
    return rows_one_by_one(con, week, rules)


def rows_one_by_one(con: duckdb.DuckDBPyConnection, week: date, rules: Rules) -> list[DecisionRow]:
    """`week_rows` judging each channel, campaign and experiment on its own (any workspace)."""
    span = HISTORY_WEEKS + max(rules.eval_weeks, 6) + len(rules.excluded_weeks) + 1
    mondays = weeks_between(week - timedelta(days=7 * HISTORY_WEEKS), week)
    cutoffs = {w + timedelta(days=6 - rules.lag_days) for w in mondays}
    if rules.business_type == "shop":
        cutoffs |= {w + timedelta(days=6 - rules.revenue_lag_days) for w in mondays}
    data = facts(con, week - timedelta(days=7 * span), week, cutoffs)
    targets = _Targets(con)
    buckets = _buckets(con)

    channel_series: dict[str, dict[date, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    campaign_series: dict[tuple[str, str], dict[date, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    names: dict[tuple[str, str], str] = {}
    for f in data.rows:
        wk = f.period_start if f.period_start.weekday() == 0 else week_start_of(f.period_start)
        channel_series[f.channel][wk].append(f)
        if f.campaign_key:
            campaign_series[(f.channel, f.campaign_key)][wk].append(f)
            if (f.channel, f.campaign_key) not in names or f.spend > 0:
                names[(f.channel, f.campaign_key)] = f.campaign

    fetch_start = week - timedelta(days=7 * span)

    def first_spend(by_week: dict[date, list[Fact]], keys: set[str]) -> date | None:
        """The first week with spend in the data; when that is the first week fetched, the
        campaigns' first day with spend over all history (the row is older than the data read)."""
        spent = [w for w, fs in by_week.items() if any(f.spend > 0 and not f.partial for f in fs)]
        return first_day(min(spent) if spent else None, keys, data.first_spend, fetch_start)

    rows: list[DecisionRow] = []
    channel_rows = []
    for ch, by_week in channel_series.items():
        keys = {f.campaign_key for fs in by_week.values() for f in fs if f.spend > 0}
        r = _evaluate(Unit("channel", ch, None, None), _Series(by_week, first_spend(by_week, keys)),
                      week, rules, targets, None)
        if r is not None:
            channel_rows.append(r)
    channel_rows.sort(key=lambda r: (-r.window_spend, r.channel))
    for cr in channel_rows:
        rows.append(cr)
        camps = []
        for (ch, key), by_week in campaign_series.items():
            if ch != cr.channel:
                continue
            r = _evaluate(Unit("campaign", ch, names[(ch, key)], key),
                          _Series(by_week, first_spend(by_week, {key})), week, rules, targets,
                          buckets.get(key, "proven"))
            if r is not None:
                camps.append(r)
        camps.sort(key=lambda r: (-r.window_spend, r.campaign or ""))
        rows.extend(camps)
    for exp in _experiments(con):
        ch = exp["channel"]
        key = normalise(exp["campaign"]) if exp["campaign"] else None
        by_week = campaign_series.get((ch, key), {}) if key else channel_series.get(ch, {})
        unit = Unit("experiment", ch, exp["campaign"], key, exp)
        r = _evaluate(unit, _Series(by_week, exp["start_date"]), week, rules, targets, exp["bucket"])
        if r is not None:
            rows.append(r)
    return rows


# Sentences, the top actions and the drill-down live beside; re-exported for the pages.
from metrics.decision_text import action_text, explain, reason, row_name  # noqa: E402,F401
from metrics.decision_top import SeriesPoint, cpl_series, top_actions, top_rows  # noqa: E402,F401
