"""The scale-or-cut rule on sufficient statistics: vocabulary, thresholds, one week's judgement
and the two-week settling (DESIGN.md "Scale-or-cut decisions", DECISIONS.md A6).

Pure functions over week bins (spend, leads, sales per calendar week); `metrics.decisions` reads
the warehouse and applies them to channels, campaigns and experiments.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal, NamedTuple

import duckdb

from metrics import bayes
from warehouse import settings

Verdict = Literal["scale", "keep_testing", "cut", "too_early", "no_clear_call", "no_target"]
VERDICTS: tuple[Verdict, ...] = ("scale", "keep_testing", "cut", "too_early", "no_clear_call", "no_target")
ReasonCode = Literal[
    "scale",                # p ≥ scale threshold
    "cut",                  # p ≤ cut threshold
    "keep_testing",         # in between
    "zero_lead_stop",       # no leads after ≥ 3 × target spend and ≥ 14 days
    "too_early",            # fewer than 4 complete weeks
    "held_scale",           # this week is not SCALE any more, but a flag needs two weeks to change
    "held_cut",
    "pending_scale",        # first week over the bar: one more week to flag
    "pending_cut",
    "no_clear_call",        # still undecided after the time-out
    "experiment_no_call",   # an experiment reached its planned end undecided
    "campaign_too_small",   # a campaign under 10 leads and 3 × target spend: no flag
    "no_target_cpl",        # no CPL target covers this row
    "no_target_roas",       # shop without a ROAS target
    "too_few_sales",        # shop with < 5 sales and no CPL target to fall back on
    "no_spend",             # nothing spent yet (an experiment whose campaign has no data)
]
Kind = Literal["channel", "campaign", "experiment"]
Kpi = Literal["cpl", "roas"]
Action = Literal["raise_budget", "promote", "hold", "pause", "set_target", "wait", "decide"]
RawState = Literal["scale", "keep_testing", "cut", "too_early", "no_target"]

MIN_WEEKS = 4
TIMEOUT_WEEKS = 8
ZERO_LEAD_DAYS = 14
ZERO_LEAD_MULTIPLE = 3.0
CAMPAIGN_MIN_LEADS = 10
HISTORY_WEEKS = 12          # previous Mondays re-judged for the two-week rule
FLAGS = ("scale", "cut")


@dataclass(frozen=True)
class Rules:
    """The decision settings (see `warehouse.settings`)."""

    eval_weeks: int = 6
    scale_threshold: float = 0.90
    cut_threshold: float = 0.10
    lag_days: int = 7
    revenue_lag_days: int = 28
    excluded_weeks: frozenset[date] = frozenset()
    business_type: str = "leads"
    use_phi: bool = True           # False only to show what plain Poisson would do (simulation test)
    hysteresis: bool = True


def rules_from_settings(con: duckdb.DuckDBPyConnection) -> Rules:
    s = settings.get_all(con)
    excluded = set()
    for x in s.get("excluded_weeks") or []:
        try:
            d = date.fromisoformat(str(x))
        except ValueError:
            continue
        excluded.add(d - timedelta(days=d.weekday()))
    return Rules(
        eval_weeks=min(8, max(4, int(s.get("eval_weeks") or 6))),
        scale_threshold=float(s.get("scale_threshold") or 0.90),
        cut_threshold=float(s.get("cut_threshold") or 0.10),
        lag_days=max(0, int(s.get("lag_days") if s.get("lag_days") is not None else 7)),
        revenue_lag_days=max(0, int(s.get("revenue_lag_days") if s.get("revenue_lag_days") is not None else 28)),
        excluded_weeks=frozenset(excluded),
        business_type=str(s.get("business_type") or "leads"),
    )


# ------------------------------------------------------------------ the rule on sufficient statistics


@dataclass(frozen=True)
class WeekBin:
    """One window week's judged data: spend whose leads had time to arrive, and those leads."""

    week_start: date
    spend: float
    leads: float
    clicks: float = 0.0
    sales: float = 0.0
    revenue: float = 0.0


@dataclass(frozen=True)
class Judgement:
    """The rule applied at one Monday, before the two-week rule."""

    state: RawState
    reason_code: ReasonCode
    kpi: Kpi
    spend: float
    leads: float
    p: float | None                 # P(CPL ≤ T), or P(ROAS ≥ target) for kpi == 'roas'
    phi: float
    target: float | None
    posterior: bayes.CplPosterior | None
    roas: bayes.RoasPosterior | None = None
    sales: float = 0.0
    revenue: float = 0.0
    zero_lead: bool = False
    sales_guard: bool = False        # shop with < 5 sales, judged on CPL instead


def judge(
    bins: Sequence[WeekBin],
    target: float | None,
    days_running: int,
    rules: Rules,
    *,
    gated: bool = False,
    roas_target: float | None = None,
    sales_bins: Sequence[WeekBin] | None = None,
    roas_seed: int = 7,
) -> Judgement:
    """Apply rules 1–3 to the window `bins` (oldest first; one per calendar week of the window).

    `gated`: a campaign row, flagged only with ≥ 10 leads or spend ≥ 3 × target.
    For shops (`rules.business_type == 'shop'`) the verdict is on ROAS against `roas_target`
    from `sales_bins` (sales and revenue, with the longer revenue lag) when there are ≥ 5 sales.
    """
    spend = sum(b.spend for b in bins)
    leads = sum(b.leads for b in bins)
    phi = bayes.overdispersion([(b.spend, b.leads) for b in bins]) if rules.use_phi else 1.0
    # Only p here: the full posterior (quantiles) is worked out once, for the judged Monday.
    post = None
    p = bayes.p_cpl_at_most(target, leads, spend, phi) if (target and spend > 0) else None
    enough_weeks = len(bins) >= MIN_WEEKS
    shop = rules.business_type == "shop"
    if spend <= 0:   # nothing judged yet: new (the lag holds its first days back) or no matching data
        return Judgement("too_early", "no_spend" if enough_weeks else "too_early", "roas" if shop else "cpl",
                         spend, leads, None, phi, target, post)

    if shop:
        sb = sales_bins if sales_bins is not None else bins
        sales = sum(b.sales for b in sb)
        revenue = sum(b.revenue for b in sb)
        if roas_target is None and target is None:
            return Judgement("no_target", "no_target_roas", "roas", spend, leads, None, phi, None, post,
                             sales=sales, revenue=revenue)
        if roas_target is not None and sales >= bayes.MIN_SALES_FOR_ROAS:
            s_spend = sum(b.spend for b in sb)
            rp = bayes.roas_posterior(roas_target, s_spend, [(b.sales, b.revenue) for b in sb if b.sales > 0],
                                      seed=roas_seed)
            pr = rp.p_at_least if rp is not None else None
            if not enough_weeks:
                return Judgement("too_early", "too_early", "roas", spend, leads, pr, phi, roas_target, post, rp,
                                 sales, revenue)
            state, code = _threshold(pr, rules)
            if gated and state in FLAGS and sales < CAMPAIGN_MIN_LEADS and s_spend < ZERO_LEAD_MULTIPLE * (
                    target or float("inf")):
                state, code = "keep_testing", "campaign_too_small"
            return Judgement(state, code, "roas", spend, leads, pr, phi, roas_target, post, rp, sales, revenue)
        if target is None:
            state: RawState = "too_early" if not enough_weeks else "keep_testing"
            return Judgement(state, "too_early" if not enough_weeks else "too_few_sales", "roas", spend, leads,
                             None, phi, roas_target, post, sales=sales, revenue=revenue, sales_guard=True)
        # Fewer than 5 sales (or no ROAS target): decide on CPL.
        j = _judge_cpl(bins, spend, leads, phi, post, p, target, days_running, rules, gated)
        return replace(j, sales=sales, revenue=revenue, sales_guard=roas_target is not None)

    if target is None:
        return Judgement("no_target", "no_target_cpl", "cpl", spend, leads, None, phi, None, post)
    return _judge_cpl(bins, spend, leads, phi, post, p, target, days_running, rules, gated)


def _threshold(p: float | None, rules: Rules) -> tuple[RawState, ReasonCode]:
    if p is None:
        return "keep_testing", "keep_testing"
    if p >= rules.scale_threshold:
        return "scale", "scale"
    if p <= rules.cut_threshold:
        return "cut", "cut"
    return "keep_testing", "keep_testing"


def _judge_cpl(bins: Sequence[WeekBin], spend: float, leads: float, phi: float, post: bayes.CplPosterior | None,
               p: float | None, target: float, days_running: int, rules: Rules, gated: bool) -> Judgement:
    if leads <= 0 and spend >= ZERO_LEAD_MULTIPLE * target and days_running >= ZERO_LEAD_DAYS:
        return Judgement("cut", "zero_lead_stop", "cpl", spend, leads, p, phi, target, post, zero_lead=True)
    if len(bins) < MIN_WEEKS:
        return Judgement("too_early", "too_early", "cpl", spend, leads, p, phi, target, post)
    state, code = _threshold(p, rules)
    if gated and state in FLAGS and leads < CAMPAIGN_MIN_LEADS and spend < ZERO_LEAD_MULTIPLE * target:
        state, code = "keep_testing", "campaign_too_small"
    return Judgement(state, code, "cpl", spend, leads, p, phi, target, post)


@dataclass(frozen=True)
class Settled:
    verdict: Verdict
    reason_code: ReasonCode
    raw: Judgement


def _shows_at_once(j: Judgement | RawJudgement, rules: Rules) -> bool:
    return j.state in ("no_target", "too_early") or j.zero_lead or not rules.hysteresis


def settled_by_last(last: Judgement | RawJudgement, rules: Rules) -> bool:
    """`settle` shows `last` at once whatever came before (zero-lead stop, too early, no target)."""
    return _shows_at_once(last, rules)


def settled_by_last_two(prev: Judgement | RawJudgement, last: Judgement | RawJudgement, rules: Rules) -> bool:
    """`settle(h + [prev, last])` equals `settle([prev, last])` for every earlier history `h`.

    When `prev` is an ordinary judgement (not shown at once) with the same state as `last`, the
    shown state after `prev` is KEEP TESTING, SCALE or CUT, and `last` then shows its own state
    with its own reason whichever of those it was: the two-week rule is met by these two alone.
    """
    return not _shows_at_once(prev, rules) and prev.state == last.state


def settle(history: Sequence[Judgement], weeks_running: int, rules: Rules, *,
           planned_weeks: int | None = None) -> Settled:
    """Rule 4 over the raw judgements of consecutive Mondays (oldest first, the judged week last).

    A change between KEEP TESTING, SCALE and CUT shows only when the new state held on two
    Mondays in a row; the first judged Monday starts from KEEP TESTING, so a first flag needs two
    weeks too; the zero-lead stop, TOO EARLY and NO TARGET show at once. Then the time-out: undecided after 8 weeks (experiments: at the
    planned end) → no clear call.
    """
    verdict, code = settle_states(history, weeks_running, rules, planned_weeks=planned_weeks)
    return Settled(verdict, code, history[-1])


class RawJudgement(NamedTuple):
    """What rule 4 reads of one Monday's judgement (a `Judgement` has the same three fields)."""

    state: RawState
    reason_code: ReasonCode
    zero_lead: bool


def settle_states(history: Sequence[Judgement | RawJudgement], weeks_running: int, rules: Rules, *,
                  planned_weeks: int | None = None) -> tuple[Verdict, ReasonCode]:
    """`settle` on each Monday's state, reason code and zero-lead stop: the verdict and its reason."""
    shown: RawState | None = None
    code: ReasonCode = "too_early"
    prev: Judgement | RawJudgement | None = None
    for h in history:
        state, reason, zero_lead = h.state, h.reason_code, h.zero_lead
        if state in ("no_target", "too_early") or zero_lead or not rules.hysteresis:
            shown, code = state, reason
        elif shown is None or shown in ("no_target", "too_early"):
            # The first judged Monday starts from KEEP TESTING: a first flag also needs two weeks.
            shown = "keep_testing"
            code = reason if state == "keep_testing" else (
                "pending_scale" if state == "scale" else "pending_cut")
        elif state == shown:
            code = reason
        elif prev is not None and prev.state == state and not prev.zero_lead:
            shown, code = state, reason
        elif shown in FLAGS:
            code = "held_scale" if shown == "scale" else "held_cut"
        else:  # shown keep_testing, first week over a bar
            code = "pending_scale" if state == "scale" else "pending_cut"
        prev = h
    verdict: Verdict = shown if shown is not None else "too_early"
    if verdict == "keep_testing" and code not in ("campaign_too_small", "too_few_sales"):
        if planned_weeks is not None and weeks_running >= planned_weeks:
            verdict, code = "no_clear_call", "experiment_no_call"
        elif planned_weeks is None and weeks_running >= TIMEOUT_WEEKS:
            verdict, code = "no_clear_call", "no_clear_call"
    return verdict, code
