"""Which numbers count as leads, customers and revenue in this workspace, and how far apart the sources are.

Lead source of truth (setting `lead_source`): `crm`, `ga4`, `platform`, or `auto` — CRM leads when
the workspace has any CRM data, else GA4 lead events (the events marked as leads, all key events
when not split) when it has GA4 data, else the ad platforms' own conversions. The other sources
are still reported beside it, with the platforms' **over-claim**: platform conversions ÷ the paid
leads of the reference source (the chosen one; CRM, else GA4, when the platforms are chosen).

Customers: CRM deals won in the window; for a shop (`business_type` = shop) without a CRM, GA4
purchases. Revenue (setting `revenue_source`): `crm` (won deal value), `ga4` (GA4 revenue),
`platform` (conversion value), or `auto` — CRM when there is CRM data, else the platforms.
`revenue` (for ROAS) is the part from paid channels; `total_revenue` includes organic.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

import duckdb

from metrics.aggregate import Group
from warehouse import settings
from warehouse.snapshot import remembered

LeadSource = Literal["platform", "ga4", "crm"]
RevenueSource = Literal["platform", "ga4", "crm"]

LEAD_SOURCES: tuple[str, ...] = ("auto", "platform", "ga4", "crm")
REVENUE_SOURCES: tuple[str, ...] = ("auto", "platform", "ga4", "crm")
BUSINESS_TYPES: tuple[str, ...] = ("leads", "shop")


@dataclass(frozen=True)
class Basis:
    """The workspace-level choices every sum is read with."""

    lead_source: LeadSource
    revenue_source: RevenueSource
    business_type: str
    has_crm: bool
    has_ga4: bool
    has_ad: bool


@remembered
def basis(con: duckdb.DuckDBPyConnection) -> Basis:
    has_crm, has_ga4, has_ad = con.execute(
        "SELECT EXISTS (SELECT 1 FROM crm_deals), EXISTS (SELECT 1 FROM web_analytics), "
        "EXISTS (SELECT 1 FROM ad_performance)").fetchall()[0]
    s = settings.get_all(con)
    chosen = s.get("lead_source")
    if chosen not in ("platform", "ga4", "crm"):
        chosen = "crm" if has_crm else "ga4" if has_ga4 else "platform"
    rev = s.get("revenue_source")
    if rev not in ("platform", "ga4", "crm"):
        rev = "crm" if has_crm else "platform"
    return Basis(chosen, rev, str(s.get("business_type") or "leads"), bool(has_crm), bool(has_ga4), bool(has_ad))


def lead_source(con: duckdb.DuckDBPyConnection) -> LeadSource:
    """The workspace's source of truth for leads: the setting, or the best truth available."""
    return basis(con).lead_source


def _leads(g: Group, b: Basis, source: str, paid: bool) -> float | None:
    if source == "crm":
        return (g["crm_paid_leads"] if paid else g["crm_leads"]) if b.has_crm else None
    if source == "ga4":
        return (g["ga4_paid_leads"] if paid else g["ga4_leads"]) if g["w_ga4"] else None
    return g["platform_conversions"] if g["n_ad"] else None


def derive(g: Group, b: Basis) -> dict[str, float | None]:
    """The measures KPIs are declared over (`metrics.kpis.MEASURES`), from one group's sums.

    Ad measures are None for a group without ad rows (a channel without ad spend has spend None,
    not 0). GA4 measures are None when the window has no GA4 rows at all, else 0 for a group
    GA4 has nothing for. CRM counts are 0, not None, once the workspace has any CRM data: a week
    without a new deal really had none.
    """
    has_ad, has_ga = g["n_ad"] > 0, g["w_ga4"] > 0
    spend = g["spend"] if has_ad else None
    out: dict[str, float | None] = {
        "one": 1.0,
        "spend": spend,
        "clicks": g["clicks"] if has_ad else None,
        "impressions": g["impressions"] if has_ad else None,
        "platform_conversions": g["platform_conversions"] if has_ad else None,
        "sessions": g["sessions"] if has_ga else None,
        "site_leads": g["ga4_leads"] if has_ga else None,
        "other_costs": g["other_costs"] if g["n_cost"] else None,
        "marketing_cost": (spend or 0.0) + g["other_costs"] if (has_ad or g["n_cost"]) else None,
        "leads": _leads(g, b, b.lead_source, paid=False),
        "paid_leads": _leads(g, b, b.lead_source, paid=True),
        "qualified_leads": g["crm_leads"] if b.has_crm else None,
    }
    if b.has_crm:
        out["new_customers"] = g["crm_customers"]
    elif b.business_type == "shop" and has_ga:
        out["new_customers"] = g["ga4_purchases"]
    else:
        out["new_customers"] = None
    if b.revenue_source == "crm":
        out["revenue"] = g["crm_paid_revenue"] if b.has_crm else None
        out["total_revenue"] = g["crm_revenue"] if b.has_crm else None
    elif b.revenue_source == "ga4":
        out["revenue"] = g["ga4_paid_revenue"] if has_ga else None
        out["total_revenue"] = g["ga4_revenue"] if has_ga else None
    else:
        out["revenue"] = out["total_revenue"] = g["platform_value"] if has_ad else None
    return out


def fact_fields(b: Basis) -> dict[str, str | None]:
    """Which sum each of a decision fact's measures is, under basis `b` (None: always 0).

    The same choices `derive` makes, for a reader that only needs these five and counts a missing
    measure as 0 (`metrics.decision_data`); a test checks the two agree on every basis.
    """
    lead = {"crm": "crm_leads" if b.has_crm else None, "ga4": "ga4_leads",
            "platform": "platform_conversions"}[b.lead_source]
    if b.revenue_source == "platform":
        sales: str | None = "platform_conversions"       # a shop's platform conversions are its sales
    elif b.has_crm:
        sales = "crm_customers"
    elif b.business_type == "shop":
        sales = "ga4_purchases"
    else:
        sales = None
    revenue = {"crm": "crm_paid_revenue" if b.has_crm else None, "ga4": "ga4_paid_revenue",
               "platform": "platform_value"}[b.revenue_source]
    return {"spend": "spend", "clicks": "clicks", "leads": lead, "sales": sales, "revenue": revenue}


@dataclass(frozen=True)
class LeadComparison:
    """Leads by source for one group, the chosen one, and the platforms' over-claim ratio."""

    chosen: LeadSource
    platform: float | None
    ga4: float | None
    crm: float | None
    ga4_paid: float | None
    crm_paid: float | None
    reference: str | None        # the source the over-claim is measured against
    overclaim: float | None      # platform ÷ reference paid leads; 1.4 = platforms claim 40 % more

    @property
    def value(self) -> float | None:
        return {"platform": self.platform, "ga4": self.ga4, "crm": self.crm}[self.chosen]


def compare(g: Group, b: Basis) -> LeadComparison:
    platform = _leads(g, b, "platform", False)
    ga4, crm = _leads(g, b, "ga4", False), _leads(g, b, "crm", False)
    ga4_paid, crm_paid = _leads(g, b, "ga4", True), _leads(g, b, "crm", True)
    if b.lead_source != "platform":
        reference: str | None = b.lead_source
    else:
        reference = "crm" if b.has_crm else "ga4" if b.has_ga4 else None
    ref = {"crm": crm_paid, "ga4": ga4_paid, None: None}[reference]
    over = platform / ref if platform is not None and ref else None
    return LeadComparison(b.lead_source, platform, ga4, crm, ga4_paid, crm_paid, reference, over)


def spend_share_band(share: float | None, pushing: bool = False) -> str | None:
    """Marketing cost as a share of revenue against the rule of thumb: 5–10 % (10–15 % when pushing).

    0.04 → 'below', 0.07 → 'within', 0.12 → 'above' (or 'within' when pushing), None → None.
    """
    if share is None:
        return None
    low, high = (0.10, 0.15) if pushing else (0.05, 0.10)
    return "below" if share < low else "within" if share <= high else "above"


def lead_comparison(con: duckdb.DuckDBPyConnection, start: date, end: date) -> LeadComparison:
    """Leads by source over [start, end] for the whole workspace, with the over-claim (Monday page)."""
    from metrics.aggregate import window_sums

    return compare(window_sums(con, start, end)[0], basis(con))
