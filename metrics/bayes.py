"""Closed-form posteriors for the scale-or-cut verdicts (no sampling except the ROAS bootstrap).

Notation (one channel, campaign or experiment over its evaluation window):
S = spend in the workspace currency, L = leads, T = target cost per lead, φ = overdispersion.

CPL, gamma-Poisson: L ~ Poisson(λ·S) with λ = leads per krone and true CPL = 1/λ. With the
Jeffreys prior Gamma(½, 0) and quasi-Poisson overdispersion φ the posterior is
λ ~ Gamma(a = ½ + L/φ, rate b = S/φ), so

    P(CPL ≤ T) = P(λ ≥ 1/T) = Q(a, b/T)            (Q = scipy.special.gammaincc)
    CPL quantile at level u = b / gammaincinv(a, 1 − u)

Example: L = 14, S = 3 800, T = 400, φ = 1 → Q(14.5, 9.5) = 0.9213; median CPL 268,
90 % interval 179–429.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import betainc, gammaincc, gammaincinv

PHI_CAP = 10.0
MIN_WEEKS_FOR_PHI = 3


@dataclass(frozen=True)
class CplPosterior:
    """Posterior summary of the true cost per lead. Money in the workspace currency."""

    p_under: float          # P(CPL ≤ T)
    likely: float           # posterior median CPL ("most likely about …")
    low: float              # 5th percentile (optimistic end of the 90 % interval)
    high: float             # 95th percentile (cautious end of the 90 % interval)
    cautious: float         # 90th percentile: p ≥ 0.90 ⇔ cautious ≤ T
    optimistic: float       # 10th percentile: p ≤ 0.10 ⇔ optimistic ≥ T
    phi: float


def _shape_rate(leads: float, spend: float, phi: float) -> tuple[float, float]:
    phi = max(1.0, float(phi))
    return 0.5 + float(leads) / phi, float(spend) / phi


def p_cpl_at_most(target: float, leads: float, spend: float, phi: float = 1.0) -> float:
    """P(true CPL ≤ target) = Q(½ + L/φ, S/(φ·T)). Spend 0 gives no information: the prior's 0."""
    a, b = _shape_rate(leads, spend, phi)
    if target <= 0:
        return 0.0
    return float(gammaincc(a, b / target))


def cpl_quantile(u: float, leads: float, spend: float, phi: float = 1.0) -> float | None:
    """The u-quantile of the true CPL (u = 0.95 → a cautious high value). None without spend."""
    a, b = _shape_rate(leads, spend, phi)
    if b <= 0:
        return None
    lam = gammaincinv(a, 1.0 - u)  # CPL = b / λ·b, so a high CPL is a low λ
    if lam <= 0:
        return None
    return float(b / lam)


def cpl_posterior(target: float | None, leads: float, spend: float, phi: float = 1.0) -> CplPosterior | None:
    """Everything a verdict sentence needs; None when nothing was spent."""
    if spend <= 0:
        return None
    q = {u: cpl_quantile(u, leads, spend, phi) for u in (0.05, 0.10, 0.5, 0.90, 0.95)}
    p = p_cpl_at_most(target, leads, spend, phi) if target else float("nan")
    return CplPosterior(p, q[0.5], q[0.05], q[0.95], q[0.90], q[0.10], max(1.0, phi))  # type: ignore[arg-type]


def overdispersion(weekly: Sequence[tuple[float, float]]) -> float:
    """φ̂ = max(1, Pearson χ² / (weeks − 1)), capped at 10, from (spend, leads) per week.

    Only weeks with spend count; fewer than 3 such weeks, or no leads at all, give 1 (plain Poisson).
    Example: spend 1 000 every week, leads 2, 10, 2, 10 → λ̂S = 6 each week, χ² = 4·16/6 = 10.67,
    φ̂ = 10.67 / 3 = 3.56.
    """
    pairs = [(float(s), float(n)) for s, n in weekly if s > 0]
    if len(pairs) < MIN_WEEKS_FOR_PHI:
        return 1.0
    spend = sum(s for s, _ in pairs)
    leads = sum(n for _, n in pairs)
    if leads <= 0 or spend <= 0:
        return 1.0
    lam = leads / spend
    chi2 = sum((n - lam * s) ** 2 / (lam * s) for s, n in pairs)
    return float(min(PHI_CAP, max(1.0, chi2 / (len(pairs) - 1))))


def p_cvr_at_least(target: float, leads: float, clicks: float) -> float | None:
    """P(conversion rate ≥ target) under Beta(1 + L, 1 + C − L). None without clicks.

    Example: 9 leads from 300 clicks, target 2 % → 0.92.
    """
    if clicks <= 0:
        return None
    leads = min(float(leads), float(clicks))
    return float(1.0 - betainc(1.0 + leads, 1.0 + clicks - leads, target))


def p_cvr_at_least_many(target: np.ndarray, leads: np.ndarray, clicks: np.ndarray) -> list[float | None]:
    """`p_cvr_at_least` for many rows at once; None where there is no target (NaN) or no clicks."""
    leads = np.minimum(leads, clicks)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = 1.0 - betainc(1.0 + leads, 1.0 + clicks - leads, target)
    keep = ~np.isnan(target) & (clicks > 0)
    return [float(v) if k else None for v, k in zip(p.tolist(), keep.tolist())]


MIN_SALES_FOR_ROAS = 5


@dataclass(frozen=True)
class RoasPosterior:
    p_at_least: float       # P(ROAS ≥ target)
    likely: float           # median of the draws
    low: float              # 5th percentile
    high: float             # 95th percentile


def roas_posterior(
    target: float, spend: float, sales_revenue: Sequence[tuple[float, float]], *, draws: int = 20_000, seed: int = 7
) -> RoasPosterior | None:
    """P(ROAS ≥ target) = P(μ · AOV ≥ target): customers per krone μ ~ Gamma(½ + K, rate S),
    order value AOV from a Bayesian bootstrap over the periods with sales (Dirichlet(1,…,1)
    weights w, AOV* = Σ w·R / Σ w·K). `sales_revenue` holds (sales K, revenue R) per period.
    Seeded, so the same data always gives the same number. None without spend or sales.
    """
    units = [(float(k), float(r)) for k, r in sales_revenue if k > 0]
    total_k = sum(k for k, _ in units)
    if spend <= 0 or total_k <= 0:
        return None
    rng = np.random.default_rng(seed)
    mu = rng.gamma(0.5 + total_k, 1.0 / spend, size=draws)
    k = np.array([u[0] for u in units])
    r = np.array([u[1] for u in units])
    w = rng.dirichlet(np.ones(len(units)), size=draws)
    aov = (w @ r) / (w @ k)
    roas = mu * aov
    return RoasPosterior(
        float(np.mean(roas >= target)),
        float(np.quantile(roas, 0.5)),
        float(np.quantile(roas, 0.05)),
        float(np.quantile(roas, 0.95)),
    )


def clean(x: float | None) -> float | None:
    """NaN/inf → None (no data is None, never 0 or ∞)."""
    if x is None or not math.isfinite(x):
        return None
    return x
