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
warehouse, builds each row's week bins and history, and assembles the table.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

import duckdb

from metrics import bayes
from metrics.decision_data import Fact, facts
from metrics.names import normalise
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
class DecisionRow:
    """One line of the scale-or-cut table. Money in the workspace currency; None = no data."""

    kind: Kind
    channel: str
    campaign: str | None            # None for a channel row (and a channel-wide experiment)
    experiment_id: int | None
    experiment_name: str | None
    bucket: str | None              # proven / improvement / experiment (70/20/10), None when unknown
    weeks_running: int              # complete weeks since the first spend (experiments: since start)
    clock: int                      # week x of `clock_of`
    clock_of: int                   # the evaluation window (channels) or planned length (experiments)
    spend: float                    # judged spend (window, excluded weeks and lag days left out)
    leads: float
    cpl: float | None               # spend / leads
    p: float | None                 # P(true CPL ≤ target); for kpi 'roas' P(true ROAS ≥ target)
    cpl_low: float | None           # 5th percentile of the true CPL
    cpl_high: float | None          # 95th percentile
    cpl_likely: float | None        # posterior median ("most likely about …")
    cpl_cautious: float | None      # 90th percentile (p ≥ 0.90 ⇔ cautious ≤ target)
    target: float | None            # the CPL target in force for the judged week
    verdict: Verdict
    reason_code: ReasonCode
    reason_params: dict[str, Any] = field(default_factory=dict)
    kpi: Kpi = "cpl"
    raw_verdict: RawState = "too_early"
    phi: float = 1.0
    judged_from: date | None = None
    judged_to: date | None = None
    judged_weeks: int = 0           # window weeks whose data count (the lag can leave the last one out)
    window_spend: float = 0.0       # everything spent in the window weeks (lag days included)
    window_leads: float = 0.0
    sales: float = 0.0
    revenue: float = 0.0
    roas: float | None = None
    roas_target: float | None = None
    roas_likely: float | None = None
    p_cvr: float | None = None      # guardrail: P(conversion rate ≥ its target), when one is set
    action: Action = "wait"

    @property
    def flagged(self) -> bool:
        return self.verdict in FLAGS

    @property
    def p_flag(self) -> float | None:
        """The chance the flag points the right way: p for SCALE, 1 − p for CUT."""
        if self.p is None or not self.flagged:
            return None
        return self.p if self.verdict == "scale" else 1.0 - self.p


def expected_wrong_flags(rows: Sequence[DecisionRow]) -> float:
    """Σ (1 − p of the flagged direction) over SCALE and CUT rows: how many flags are likely wrong.

    Example: SCALE with p = 0.95 and CUT with p = 0.02 → 0.05 + 0.02 = 0.07.
    """
    return float(sum(1.0 - r.p_flag for r in rows if r.p_flag is not None))


@dataclass(frozen=True)
class _Series:
    """Fact rows of one channel/campaign, bucketed by the week of their period end."""

    by_week: dict[date, list[Fact]]
    first_spend: date | None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


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


@dataclass(frozen=True)
class _Unit:
    kind: Kind
    channel: str
    campaign: str | None
    campaign_key: str | None
    experiment: dict[str, Any] | None = None


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


    def many(self, kpi: str, units: Sequence[_Unit], week: date) -> list[float | None]:
        """The target in force for each unit at `week`."""
        kinds = self._kinds.get(kpi, set())
        by_channel, by_campaign = "channel" in kinds, "campaign" in kinds
        seen: dict[tuple[str | None, str | None], float | None] = {}
        out = []
        for u in units:
            key = (u.channel if by_channel else None, u.campaign if by_campaign else None)
            if key not in seen:
                seen[key] = self(kpi, key[0], key[1], week)
            out.append(seen[key])
        return out


def _evaluate(unit: _Unit, series: _Series, week: date, rules: Rules, targets: Callable[..., float | None],
              bucket: str | None) -> DecisionRow | None:
    """Judge `unit` at `week` and at up to HISTORY_WEEKS previous Mondays, then settle."""
    exp = unit.experiment
    if exp is not None:
        start: date = exp["start_date"]
        first_week = _monday(start)
        planned = planned_weeks(start, exp["planned_end"])
        # Experiments run in whole ISO weeks: from the Monday of the start to the Sunday of the end.
        since, until = first_week, _monday(exp["planned_end"]) + timedelta(days=6)
    else:
        if series.first_spend is None:
            return None
        first_week = _monday(series.first_spend)
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
            window = [x for x in window if x <= _monday(exp["planned_end"])]
        cutoff = w + timedelta(days=6 - rules.lag_days)
        bins = _bins(series, window, cutoff, since, until)
        sales_bins = None
        if shop:
            sales_bins = _bins(series, window, w + timedelta(days=6 - rules.revenue_lag_days), since, until)
        cpl_t, roas_t = target_at(w)
        days = (w + timedelta(days=7) - start).days
        j = judge(bins, cpl_t, days, rules, gated=unit.kind == "campaign", roas_target=roas_t,
                  sales_bins=sales_bins)
        weeks_running = (w - first_week).days // 7 + 1 - sum(1 for x in rules.excluded_weeks if first_week <= x <= w)
        return j, bins, weeks_running

    history_weeks = [w for w in _all_weeks(max(first_week, week - timedelta(days=7 * HISTORY_WEEKS)), week)
                     if w == week or w not in rules.excluded_weeks]
    if exp is not None:
        history_weeks = [w for w in history_weeks if w <= _monday(exp["planned_end"])] or [week]
    # Rule 4 needs the earlier Mondays only when the last two do not settle it on their own
    # (`verdict_rules.settled_by_last_two`); on most rows they do, so most rows judge two Mondays.
    j_last, last_bins, weeks_running = at(history_weeks[-1])
    judged = [j_last]
    if len(history_weeks) > 1 and not settled_by_last(j_last, rules):
        j_prev = at(history_weeks[-2])[0]
        judged = [j_prev, j_last]
        if not settled_by_last_two(j_prev, j_last, rules):
            judged = [at(w)[0] for w in history_weeks[:-2]] + judged
    if exp is not None:
        weeks_running = len(_all_weeks(first_week, week))
    window_weeks = [b.week_start for b in last_bins]
    full = _bins(series, window_weeks, week + timedelta(days=6), since, until)
    full_spend = sum(b.spend for b in full)
    if exp is None and full_spend <= 0:
        return None   # nothing spent in the window: not a running channel any more
    s = settle(judged, weeks_running, rules, planned_weeks=planned)
    j = s.raw
    post = j.posterior or bayes.cpl_posterior(j.target if j.kpi == "cpl" else None, j.leads, j.spend, j.phi)
    cpl_t, roas_t = target_at(week)
    return build_row(unit, bucket, replace(j, posterior=post), s.verdict, s.reason_code, week=week, rules=rules,
                     clock_of=n, weeks_running=weeks_running, window_weeks=window_weeks, full_spend=full_spend,
                     full_leads=sum(b.leads for b in full), clicks=sum(b.clicks for b in last_bins),
                     cpl_target=cpl_t, roas_target=roas_t,
                     cvr_target=targets("conversion_rate", unit.channel, unit.campaign, week))


def build_row(unit: _Unit, bucket: str | None, j: Judgement, verdict: Verdict, reason_code: ReasonCode, *,
              week: date, rules: Rules, clock_of: int, weeks_running: int, window_weeks: Sequence[date],
              full_spend: float, full_leads: float, clicks: float, cpl_target: float | None,
              roas_target: float | None, cvr_target: float | None) -> DecisionRow:
    """The table row for `unit` from its settled verdict and the judgement of the judged Monday
    (`j.posterior` already worked out); the window sums are over the whole window weeks."""
    exp = unit.experiment
    shop = rules.business_type == "shop"
    post = j.posterior
    p_cvr = None
    if cvr_target is not None and clicks > 0:
        p_cvr = bayes.p_cvr_at_least(cvr_target, j.leads, clicks)
    judged_to = week + timedelta(days=6 - rules.lag_days)
    row = SimpleNamespace(
        kind=unit.kind,
        channel=unit.channel,
        campaign=unit.campaign,
        experiment_id=exp["experiment_id"] if exp else None,
        experiment_name=exp["name"] if exp else None,
        bucket=bucket,
        weeks_running=weeks_running,
        clock=min(weeks_running, clock_of),
        clock_of=clock_of,
        spend=j.spend,
        leads=j.leads,
        cpl=j.spend / j.leads if j.leads > 0 else None,
        p=bayes.clean(j.p),
        cpl_low=post.low if post else None,
        cpl_high=post.high if post else None,
        cpl_likely=post.likely if post else None,
        cpl_cautious=post.cautious if post else None,
        target=cpl_target,
        verdict=verdict,
        reason_code=reason_code,
        kpi=j.kpi,
        raw_verdict=j.state,
        phi=j.phi,
        judged_from=window_weeks[0] if window_weeks else None,
        judged_to=judged_to if window_weeks else None,
        judged_weeks=sum(1 for w in window_weeks if w <= judged_to),
        window_spend=full_spend,
        window_leads=full_leads,
        sales=j.sales,
        revenue=j.revenue,
        roas=(j.revenue / full_spend) if (shop and full_spend > 0) else None,
        roas_target=j.target if j.kpi == "roas" else roas_target,
        roas_likely=j.roas.likely if j.roas else None,
        p_cvr=p_cvr,
    )
    return DecisionRow(**vars(row), reason_params=_params(row, j), action=_action(row))  # type: ignore[arg-type]


def _all_weeks(first: date, last: date) -> list[date]:
    out, w = [], first
    while w <= last:
        out.append(w)
        w += timedelta(days=7)
    return out


def _params(row: DecisionRow | SimpleNamespace, j: Judgement) -> dict[str, Any]:
    """The numbers a reason sentence needs, unformatted (explain() formats them)."""
    return {
        "p": row.p,
        "spend": row.spend,
        "leads": row.leads,
        "weeks": row.weeks_running,
        "span": row.judged_weeks,
        "clock": row.clock,
        "clock_of": row.clock_of,
        "target": row.target,
        "likely": row.cpl_likely,
        "low": row.cpl_low,
        "high": row.cpl_high,
        "cautious": row.cpl_cautious,
        "optimistic": j.posterior.optimistic if j.posterior else None,
        "multiple": (row.spend / row.target) if row.target else None,
        "sales": row.sales,
        "roas_target": row.roas_target,
        "roas_likely": row.roas_likely,
        "roas_low": j.roas.low if j.roas else None,
        "roas_high": j.roas.high if j.roas else None,
        "min_weeks": MIN_WEEKS,
        "min_leads": CAMPAIGN_MIN_LEADS,
        "timeout": TIMEOUT_WEEKS,
        "sales_guard": j.sales_guard,
        "phi": row.phi,
    }


def _action(row: DecisionRow | SimpleNamespace) -> Action:
    """The suggested action, consistent with the row's 70/20/10 bucket."""
    if row.verdict == "no_target":
        return "set_target"
    if row.verdict == "scale":
        return "promote" if row.bucket == "experiment" else "raise_budget"
    if row.verdict == "cut":
        return "pause"
    if row.verdict == "no_clear_call":
        return "decide" if row.kind == "experiment" else "hold"
    if row.verdict == "too_early":
        return "wait"
    if row.kind == "experiment" and row.clock >= row.clock_of:
        return "decide"
    return "hold"


def week_rows(con: duckdb.DuckDBPyConnection, week_start: date) -> list[DecisionRow]:
    """The scale-or-cut table for the week starting `week_start` (a Monday; any day is moved to its Monday).

    Channel rows first (by spend), each followed by its campaigns, then running experiments.
    Channels and campaigns without spend in the window are left out.
    """
    week = _monday(week_start)
    rules = rules_from_settings(con)
    from metrics import decision_batch

    if decision_batch.applies(rules):
        return decision_batch.week_rows(con, week, rules)
    return rows_one_by_one(con, week, rules)


def rows_one_by_one(con: duckdb.DuckDBPyConnection, week: date, rules: Rules) -> list[DecisionRow]:
    """`week_rows` judging each channel, campaign and experiment on its own (any workspace)."""
    span = HISTORY_WEEKS + max(rules.eval_weeks, 6) + len(rules.excluded_weeks) + 1
    mondays = _all_weeks(week - timedelta(days=7 * HISTORY_WEEKS), week)
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
        wk = f.period_start if f.period_start.weekday() == 0 else _monday(f.period_start)
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
        if not spent:
            return None
        first = min(spent)
        known = [data.first_spend[k] for k in keys if k in data.first_spend]
        if first <= fetch_start:
            return min([first, *known])
        same_week = [d for d in known if _monday(d) == first]
        return min(same_week) if same_week else first   # the real first day when we know it

    rows: list[DecisionRow] = []
    channel_rows = []
    for ch, by_week in channel_series.items():
        keys = {f.campaign_key for fs in by_week.values() for f in fs if f.spend > 0}
        r = _evaluate(_Unit("channel", ch, None, None), _Series(by_week, first_spend(by_week, keys)),
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
            r = _evaluate(_Unit("campaign", ch, names[(ch, key)], key),
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
        unit = _Unit("experiment", ch, exp["campaign"], key, exp)
        r = _evaluate(unit, _Series(by_week, exp["start_date"]), week, rules, targets, exp["bucket"])
        if r is not None:
            rows.append(r)
    return rows


# ------------------------------------------------------------------ sentences and the drill-down

from metrics.decision_text import action_text, explain, reason, row_name  # noqa: E402  (re-exported)


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
    for g in groups:
        for r in g:
            if r not in out:
                out.append(r)
    return out[:n]


def top_actions(con: duckdb.DuckDBPyConnection, week_start: date, lang: str, n: int = 3,
                rows: Sequence[DecisionRow] | None = None) -> list[str]:
    """The (up to) three things that matter most this week, as sentences with numbers and an action.

    Pass the week's `rows` when they are already computed: the engine is the costly part.
    """
    from i18n import tr
    from metrics.aggregate import workspace_currency

    currency = workspace_currency(con)
    picked = top_rows(week_rows(con, week_start) if rows is None else rows, n)
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

    week = _monday(week_start)
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
        acc = by_week.setdefault(_monday(f.period_start), [0.0, 0.0])
        acc[0] += f.spend
        acc[1] += f.leads
    out = []
    for w in _all_weeks(first, week):
        if w not in by_week:
            continue
        s, n = by_week[w]
        post = bayes.cpl_posterior(None, n, s)
        out.append(SeriesPoint(w, s, n, s / n if n > 0 else None, post.low if post else None,
                               post.high if post else None, target_in_force(con, "cpl", channel, campaign, w),
                               w in rules.excluded_weeks))
    return out
