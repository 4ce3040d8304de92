"""Render KPI cards: value, change vs last week coloured by direction, and the target in force."""
from __future__ import annotations

import streamlit as st

from i18n import fmt, tr
from metrics.kpis import KPIS
from metrics.weekly import KpiCard


def format_value(kpi: str, value: float | None, currency: str, lang: str) -> str:
    unit = KPIS[kpi].unit
    if unit == "money":
        return fmt.money(value, currency, lang)
    if unit == "percent":
        return fmt.percent(value, lang, 1)
    if unit == "ratio":
        return fmt.ratio(value, lang, 1)
    return fmt.number(value, lang, 0)


def _delta(card: KpiCard, lang: str) -> str | None:
    unit = KPIS[card.name].unit
    if unit == "percent":
        text = fmt.points(card.difference, lang, 1)
    elif unit == "ratio":
        text = fmt.signed_number(card.difference, lang, 1)
    elif card.name == "leads":
        text = fmt.signed_number(card.difference, lang, 0)
    else:
        text = fmt.signed_percent(card.change, lang, 0)
    if text == fmt.DASH:
        return None
    return text.replace("−", "-", 1)  # Streamlit reads a leading ASCII '-' as a fall


def render(card: KpiCard, week_label: str, currency: str, lang: str, target: float | None = None,
           status: str | None = None) -> None:
    delta = _delta(card, lang)
    color = {True: "green", False: "red"}.get(card.improved, "gray")
    compared = tr(lang, "monday.vs_prev", delta="", week=week_label).strip() if delta else tr(lang, "monday.no_prev")
    box = st.container(border=True, height="stretch")
    box.metric(
        tr(lang, KPIS[card.name].label_key),
        format_value(card.name, card.value, currency, lang),
        delta=delta,
        delta_color=color,
        delta_description=compared,
        help=tr(lang, KPIS[card.name].help_key),
    )
    if target is not None:
        line = tr(lang, "monday.target_now", value=format_value(card.name, target, currency, lang))
        if status:
            line += " · " + tr(lang, f"targets.status.{status}")
        box.caption(line)
