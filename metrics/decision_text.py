"""Verdicts as sentences: one reason with its numbers and an action, in nb or en.

The probability is a "chance"/"sjanse", never p; above 99 % it reads ">99 %", below 1 % "<1 %".
Money goes through `i18n.fmt.money` (nb `1 234 kr`, en `NOK 1,234`); "most likely" values are
rounded to the nearest 10 from 100 upwards ("about 270 kr").
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from i18n import CATALOG, fmt, tr

if TYPE_CHECKING:
    from metrics.decisions import DecisionRow


def chance(p: float | None, lang: str) -> str:
    """0.9213 → nb '92 %', en '92%'; 0.996 → '>99 %'; 0.004 → '<1 %'; None → '—'."""
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return fmt.DASH
    if p > 0.99:
        return tr(lang, "decisions.chance.above")
    if p < 0.01:
        return tr(lang, "decisions.chance.below")
    return fmt.percent(p, lang, 0)


def about(x: float | None) -> float | None:
    """Round a 'most likely' value the way people say it: 268.2 → 270, 1 046 → 1 050, 42.4 → 42."""
    if x is None or not math.isfinite(x):
        return None
    return float(round(x, -1)) if abs(x) >= 100 else float(round(x))


def _money(x: float | None, currency: str, lang: str) -> str:
    return fmt.money(x, currency, lang, 0)


def _count(x: float | None, lang: str) -> str:
    if x is None:
        return fmt.DASH
    return fmt.number(x, lang, 0 if float(x).is_integer() else 1)


def channel_label(name: str, lang: str) -> str:
    """A GA4 channel group in the reader's language when the catalogue knows it: nb 'Paid Search' →
    'Betalt søk'; other names as they are (the same rule as the app's `ui.labels.channel`)."""
    key = f"channel.{name}"
    return tr(lang, key) if key in CATALOG else name


def row_name(row: DecisionRow, lang: str) -> str:
    """'Betalt søk', 'Betalt søk – Generic' or the experiment's name in quotes."""
    if row.kind == "experiment" and row.experiment_name:
        return tr(lang, "decisions.name.experiment", name=row.experiment_name)
    if row.campaign:
        return tr(lang, "decisions.name.campaign", channel=channel_label(row.channel, lang), campaign=row.campaign)
    return channel_label(row.channel, lang)


def reason_fields(row: DecisionRow, lang: str, currency: str) -> dict[str, str]:
    """Every placeholder a reason text may use, formatted for `lang`."""
    rp: dict[str, Any] = row.reason_params
    p = rp.get("p")
    return {
        "chance": chance(p, lang),
        "chance_over": chance(None if p is None else 1.0 - p, lang),
        "target": _money(rp.get("target"), currency, lang),
        "likely": _money(about(rp.get("likely")), currency, lang),
        "cautious": _money(rp.get("cautious"), currency, lang),
        "optimistic": _money(rp.get("optimistic"), currency, lang),
        "low": _money(rp.get("low"), currency, lang),
        "high": _money(rp.get("high"), currency, lang),
        "spend": _money(rp.get("spend"), currency, lang),
        "leads": _count(rp.get("leads"), lang),
        "weeks": _count(rp.get("weeks"), lang),
        "span": _count(rp.get("span"), lang),
        "clock": _count(rp.get("clock"), lang),
        "clock_of": _count(rp.get("clock_of"), lang),
        "min_weeks": _count(rp.get("min_weeks"), lang),
        "min_leads": _count(rp.get("min_leads"), lang),
        "multiple": fmt.number(rp.get("multiple"), lang, 1),
        "sales": _count(rp.get("sales"), lang),
        "roas_target": fmt.ratio(rp.get("roas_target"), lang, 1),
        "roas_likely": fmt.ratio(rp.get("roas_likely"), lang, 1),
        "roas_low": fmt.ratio(rp.get("roas_low"), lang, 1),
        "roas_high": fmt.ratio(rp.get("roas_high"), lang, 1),
        "name": row_name(row, lang),
    }


def reason(row: DecisionRow, lang: str, currency: str) -> str:
    """The one-sentence reason with its numbers (no action)."""
    key = f"decisions.reason.{row.reason_code}"
    if row.kpi == "roas" and f"decisions.reason.roas.{row.reason_code}" in CATALOG:
        key = f"decisions.reason.roas.{row.reason_code}"
    if row.reason_code == "too_early" and row.cpl_likely is None:
        key = "decisions.reason.too_early_short"   # nothing judged yet: no range to give
    text = tr(lang, key, **reason_fields(row, lang, currency))
    if row.reason_params.get("sales_guard") and row.kpi == "cpl":
        text = f"{text} {tr(lang, 'decisions.note.sales_guard')}"
    return text


def action_text(row: DecisionRow, lang: str) -> str:
    act = row.action
    if act == "set_target":
        return ""   # the reason already says which target to set
    if act == "hold" and row.verdict == "keep_testing":
        act = "keep"   # still testing: hold the budget and let it run
    return tr(lang, f"decisions.action.{act}")


def next_step(row: DecisionRow, lang: str) -> str:
    """What to do this week in a few words, beside the verdict in the table: 'Pause it'.
    The full sentence is in the top actions and the row's details (`explain`)."""
    act = row.action
    if act == "hold" and row.verdict == "keep_testing":
        act = "keep"
    return tr(lang, f"decisions.step.{act}")


def explain(row: DecisionRow, lang: str, currency: str) -> str:
    """Reason + suggested action, e.g. 'There's a 92% chance … Raise the budget by about 20% …'."""
    return f"{reason(row, lang, currency)} {action_text(row, lang)}".strip()


def verdict_label(verdict: str, lang: str) -> str:
    return tr(lang, f"decisions.verdict.{verdict}")
