"""KPI declarations: each KPI once, as numerator over denominator, with unit and direction.

Ratios are always sum(numerator) / NULLIF(sum(denominator), 0) at the requested grain; a KPI
with no data is None (shown "—"), never 0. `validate()` reports every problem at once and runs
at import time, so a bad declaration stops the app on start rather than showing a wrong number.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["money", "count", "ratio", "percent"]
Direction = Literal["lower", "higher", "none"]

# Measures the declarations may use; the weekly aggregation computes each as a sum.
# (`metrics.leads.derive` computes them; "revenue" is the part from paid channels, for ROAS.)
MEASURES = frozenset({
    "spend", "paid_leads", "leads", "qualified_leads", "marketing_cost", "other_costs", "new_customers", "revenue",
    "total_revenue", "sessions", "site_leads", "clicks", "impressions", "platform_conversions", "one",
})
UNITS: tuple[str, ...] = ("money", "count", "ratio", "percent")
DIRECTIONS: tuple[str, ...] = ("lower", "higher", "none")


@dataclass(frozen=True)
class Kpi:
    name: str
    numerator: str
    denominator: str          # "one" for a plain sum
    unit: Unit
    direction: Direction      # which way is better: drives colours (a falling CPL is green)
    label_key: str            # i18n key of the short label
    help_key: str             # i18n key of the one-line description
    scale: float = 1.0        # e.g. 1000 for CPM


KPIS: dict[str, Kpi] = {k.name: k for k in (
    Kpi("spend", "spend", "one", "money", "none", "kpi.spend", "kpi.spend.help"),
    Kpi("leads", "leads", "one", "count", "higher", "kpi.leads", "kpi.leads.help"),
    Kpi("cpl", "spend", "paid_leads", "money", "lower", "kpi.cpl", "kpi.cpl.help"),
    Kpi("blended_cpl", "marketing_cost", "leads", "money", "lower", "kpi.blended_cpl", "kpi.blended_cpl.help"),
    Kpi("cac", "marketing_cost", "new_customers", "money", "lower", "kpi.cac", "kpi.cac.help"),
    Kpi("roas", "revenue", "spend", "ratio", "higher", "kpi.roas", "kpi.roas.help"),
    Kpi("conversion_rate", "site_leads", "sessions", "percent", "higher", "kpi.conversion_rate",
        "kpi.conversion_rate.help"),
    Kpi("ctr", "clicks", "impressions", "percent", "higher", "kpi.ctr", "kpi.ctr.help"),
    Kpi("cpc", "spend", "clicks", "money", "lower", "kpi.cpc", "kpi.cpc.help"),
    Kpi("cpm", "spend", "impressions", "money", "lower", "kpi.cpm", "kpi.cpm.help", 1000.0),
    Kpi("qualified_leads", "qualified_leads", "one", "count", "higher", "metrics.kpi.qualified_leads",
        "metrics.kpi.qualified_leads.help"),
    Kpi("customers", "new_customers", "one", "count", "higher", "metrics.kpi.customers", "metrics.kpi.customers.help"),
    Kpi("revenue", "total_revenue", "one", "money", "higher", "metrics.kpi.revenue", "metrics.kpi.revenue.help"),
    Kpi("ad_conversion_rate", "platform_conversions", "clicks", "percent", "higher", "metrics.kpi.ad_conversion_rate",
        "metrics.kpi.ad_conversion_rate.help"),
    Kpi("marketing_share", "marketing_cost", "total_revenue", "percent", "none", "metrics.kpi.marketing_share",
        "metrics.kpi.marketing_share.help"),
)}

CARD_KPIS: tuple[str, ...] = ("spend", "leads", "cpl", "cac", "roas", "conversion_rate")


def validate(kpis: dict[str, Kpi] | None = None) -> list[str]:
    """Every problem with the declarations, all at once (empty list: all good)."""
    from i18n import CATALOG

    kpis = KPIS if kpis is None else kpis
    problems = []
    for key, k in kpis.items():
        if key != k.name:
            problems.append(f"{key}: declared under another name ({k.name})")
        for side in ("numerator", "denominator"):
            if getattr(k, side) not in MEASURES:
                problems.append(f"{k.name}: unknown {side} measure {getattr(k, side)!r}")
        for attr in ("label_key", "help_key"):
            if getattr(k, attr) not in CATALOG:
                problems.append(f"{k.name}: no text for {getattr(k, attr)!r}")
        if k.scale <= 0:
            problems.append(f"{k.name}: scale must be positive")
        if k.unit not in UNITS:
            problems.append(f"{k.name}: unit {k.unit!r} is not one of {', '.join(UNITS)}")
        if k.direction not in DIRECTIONS:
            problems.append(f"{k.name}: direction {k.direction!r} is not one of {', '.join(DIRECTIONS)}")
        if k.denominator == "one" and k.unit in ("ratio", "percent"):
            problems.append(f"{k.name}: a {k.unit} needs a denominator")
        if k.numerator == k.denominator:
            problems.append(f"{k.name}: numerator and denominator are the same measure")
    return problems


def ratio(numerator: float | None, denominator: float | None, scale: float = 1.0) -> float | None:
    """sum/sum with the NULLIF rule: no denominator (None or 0) → None."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return scale * numerator / denominator


def evaluate(kpi: Kpi, sums: dict[str, float | None]) -> float | None:
    num = sums.get(kpi.numerator)
    den = 1.0 if kpi.denominator == "one" else sums.get(kpi.denominator)
    if kpi.denominator == "one":
        return num
    return ratio(num, den, kpi.scale)


_problems = validate()
if _problems:
    raise RuntimeError("KPI declarations are invalid:\n  " + "\n  ".join(_problems))
