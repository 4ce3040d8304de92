"""One line of the scale-or-cut table (`DecisionRow`) and how it is assembled from a settled
verdict: the numbers its reason sentence needs, and the action that fits its 70/20/10 bucket.

Both ways of judging (`metrics.decisions` row by row, `metrics.decision_batch` all at once)
build their rows here, so a row means the same whichever produced it.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any, NamedTuple

from metrics import bayes
from metrics.verdict_rules import (CAMPAIGN_MIN_LEADS, FLAGS, MIN_WEEKS, TIMEOUT_WEEKS, Action, Judgement, Kind, Kpi,
                                   RawState, ReasonCode, Rules, Verdict)


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

    @classmethod
    def of(cls, values: dict[str, Any]) -> "DecisionRow":
        """A row from a value for every field, without the frozen constructor's per-field
        `object.__setattr__` (a busy account builds a thousand rows per week shown)."""
        if values.keys() != _FIELD_NAMES:
            raise TypeError(f"DecisionRow fields: {sorted(set(values) ^ _FIELD_NAMES)}")
        row = object.__new__(cls)
        row.__dict__.update(values)
        return row

    @property
    def flagged(self) -> bool:
        return self.verdict in FLAGS

    @property
    def p_flag(self) -> float | None:
        """The chance the flag points the right way: p for SCALE, 1 − p for CUT."""
        if self.p is None or not self.flagged:
            return None
        return self.p if self.verdict == "scale" else 1.0 - self.p


_FIELD_NAMES = frozenset(f.name for f in fields(DecisionRow))


def expected_wrong_flags(rows: Sequence[DecisionRow]) -> float:
    """Σ (1 − p of the flagged direction) over SCALE and CUT rows: how many flags are likely wrong.

    Example: SCALE with p = 0.95 and CUT with p = 0.02 → 0.05 + 0.02 = 0.07.
    """
    return float(sum(1.0 - r.p_flag for r in rows if r.p_flag is not None))



class Unit(NamedTuple):
    """What a row judges: a channel, a campaign (channel × normalised name) or an experiment.
    (A named tuple: a busy account makes a thousand per week judged.)"""

    kind: Kind
    channel: str
    campaign: str | None
    campaign_key: str | None
    experiment: dict[str, Any] | None = None



def build_row(unit: Unit, bucket: str | None, j: Judgement, verdict: Verdict, reason_code: ReasonCode, *,
              week: date, rules: Rules, clock_of: int, weeks_running: int, window_weeks: Sequence[date],
              full_spend: float, full_leads: float, clicks: float, cpl_target: float | None,
              roas_target: float | None, cvr_target: float | None, p_cvr: float | None = None) -> DecisionRow:
    """The table row for `unit` from its settled verdict and the judgement of the judged Monday
    (`j.posterior` already worked out); the window sums are over the whole window weeks
    (`window_weeks`, oldest first). `p_cvr`: P(conversion rate ≥ `cvr_target`) when the caller
    worked it out already (`bayes.p_cvr_at_least`)."""
    exp = unit.experiment
    shop = rules.business_type == "shop"
    post = j.posterior
    if p_cvr is None and cvr_target is not None and clicks > 0:
        p_cvr = bayes.p_cvr_at_least(cvr_target, j.leads, clicks)
    judged_to = week + timedelta(days=6 - rules.lag_days)
    v = dict(
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
        judged_weeks=bisect_right(window_weeks, judged_to),   # window_weeks: oldest first
        window_spend=full_spend,
        window_leads=full_leads,
        sales=j.sales,
        revenue=j.revenue,
        roas=(j.revenue / full_spend) if (shop and full_spend > 0) else None,
        roas_target=j.target if j.kpi == "roas" else roas_target,
        roas_likely=j.roas.likely if j.roas else None,
        p_cvr=p_cvr,
    )
    v["reason_params"] = _params(v, j)
    v["action"] = _action(v)
    return DecisionRow.of(v)


def _params(v: dict[str, Any], j: Judgement) -> dict[str, Any]:
    """The numbers a reason sentence needs, unformatted (explain() formats them); `v`: the row's fields."""
    return {
        "p": v["p"],
        "spend": v["spend"],
        "leads": v["leads"],
        "weeks": v["weeks_running"],
        "span": v["judged_weeks"],
        "clock": v["clock"],
        "clock_of": v["clock_of"],
        "target": v["target"],
        "likely": v["cpl_likely"],
        "low": v["cpl_low"],
        "high": v["cpl_high"],
        "cautious": v["cpl_cautious"],
        "optimistic": j.posterior.optimistic if j.posterior else None,
        "multiple": (v["spend"] / v["target"]) if v["target"] else None,
        "sales": v["sales"],
        "roas_target": v["roas_target"],
        "roas_likely": v["roas_likely"],
        "roas_low": j.roas.low if j.roas else None,
        "roas_high": j.roas.high if j.roas else None,
        "min_weeks": MIN_WEEKS,
        "min_leads": CAMPAIGN_MIN_LEADS,
        "timeout": TIMEOUT_WEEKS,
        "sales_guard": j.sales_guard,
        "phi": v["phi"],
    }


def _action(v: dict[str, Any]) -> Action:
    """The suggested action, consistent with the row's 70/20/10 bucket; `v`: the row's fields."""
    if v["verdict"] == "no_target":
        return "set_target"
    if v["verdict"] == "scale":
        return "promote" if v["bucket"] == "experiment" else "raise_budget"
    if v["verdict"] == "cut":
        return "pause"
    if v["verdict"] == "no_clear_call":
        return "decide" if v["kind"] == "experiment" else "hold"
    if v["verdict"] == "too_early":
        return "wait"
    if v["kind"] == "experiment" and v["clock"] >= v["clock_of"]:
        return "decide"
    return "hold"
