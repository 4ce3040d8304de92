"""Settings → numbers and sources: lead and revenue source, business type, channel mapping, other costs.

`render()` is called by the Settings page inside its tab. Every write goes through `metrics.manual`.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from i18n import fmt
from metrics import leads, manual
from ui import cache
from ui.context import current, t
from warehouse import settings


def _index(choices: tuple[str, ...], value: object) -> int:
    return choices.index(value) if value in choices else 0


def _sources() -> None:
    ctx = current()
    now = cache.cached(settings.get_all)
    in_use = cache.cached(leads.lead_source)
    src_labels = {s: t(f"metrics.source.{s}") for s in leads.LEAD_SOURCES}
    biz_labels = {b: t(f"metrics.settings.business.{b}") for b in leads.BUSINESS_TYPES}
    with st.form("metrics_sources"):
        c1, c2, c3 = st.columns(3)
        lead = c1.selectbox(t("metrics.settings.lead_source"), leads.LEAD_SOURCES,
                            index=_index(leads.LEAD_SOURCES, now.get("lead_source")),
                            format_func=src_labels.__getitem__, help=t("metrics.settings.lead_source.help"),
                            key="metrics_lead_source")
        rev = c2.selectbox(t("metrics.settings.revenue_source"), leads.REVENUE_SOURCES,
                           index=_index(leads.REVENUE_SOURCES, now.get("revenue_source")),
                           format_func=src_labels.__getitem__, help=t("metrics.settings.revenue_source.help"),
                           key="metrics_revenue_source")
        biz = c3.selectbox(t("metrics.settings.business_type"), leads.BUSINESS_TYPES,
                           index=_index(leads.BUSINESS_TYPES, now.get("business_type")),
                           format_func=biz_labels.__getitem__, key="metrics_business_type")
        st.caption(t("metrics.settings.lead_source.now", source=src_labels[in_use]))
        if st.form_submit_button(t("metrics.settings.save"), key="metrics_sources_save"):
            cache.run(manual.save_sources, lead, rev, biz, db_path=ctx.db_path)
            st.success(t("metrics.settings.saved"))


def _channel_map() -> None:
    st.subheader(t("metrics.channels.heading"), anchor=False)
    st.caption(t("metrics.channels.help"))
    rows = cache.cached(manual.channel_map)
    cols = ["source", "match_kind", "match_value", "channel"]
    frame = pd.DataFrame([[r.source, r.match_kind, r.match_value, r.channel] for r in rows], columns=cols)
    edited = st.data_editor(
        frame, num_rows="dynamic", hide_index=True, width="stretch", key="metrics_channel_map",
        column_config={
            "source": st.column_config.SelectboxColumn(t("metrics.channels.source"), options=list(manual.MAP_SOURCES)),
            "match_kind": st.column_config.SelectboxColumn(t("metrics.channels.kind"), options=list(manual.MAP_KINDS)),
            "match_value": st.column_config.TextColumn(t("metrics.channels.value")),
            "channel": st.column_config.TextColumn(t("metrics.channels.channel")),
        })
    if st.button(t("metrics.settings.save"), key="metrics_channel_map_save"):
        new = [manual.MapRow(*("" if pd.isna(v) else str(v) for v in rec)) for rec in edited[cols].itertuples(index=False)]
        problems = cache.run(manual.save_channel_map, new)
        for p in problems:
            st.error(t(f"metrics.channels.err.{p.code}", row=p.row, value=p.value) if p.code in ("source", "duplicate")
                     else t(f"metrics.channels.err.{p.code}", row=p.row))
        if not problems:
            st.success(t("metrics.channels.saved", n=sum(1 for r in new if r.match_value.strip())))


def _costs() -> None:
    ctx = current()
    st.subheader(t("metrics.costs.heading"), anchor=False)
    st.caption(t("metrics.costs.help"))
    with st.form("metrics_cost_add", clear_on_submit=True):
        c1, c2, c3, c4 = st.columns(4)
        month = c1.date_input(t("metrics.costs.month"), date.today().replace(day=1), key="metrics_cost_month")
        item = c2.text_input(t("metrics.costs.item"), key="metrics_cost_item")
        channel = c3.text_input(t("metrics.costs.channel"), key="metrics_cost_channel")
        amount = c4.number_input(t("metrics.costs.amount", currency=ctx.currency), min_value=0.0, step=100.0,
                                 key="metrics_cost_amount")
        if st.form_submit_button(t("metrics.costs.add"), key="metrics_cost_submit"):
            problems = cache.run(manual.add_cost, month, item, channel, amount, ctx.currency)
            for code in problems:
                st.error(t(f"metrics.costs.err.{code}"))
            if not problems:
                st.success(t("metrics.costs.added"))
    entries = cache.cached(manual.costs)
    if not entries:
        st.caption(t("metrics.costs.empty"))
        return
    lang = ctx.lang
    st.dataframe([{t("metrics.costs.month"): f"{e.month.month:02d}.{e.month.year}" if lang == "nb" else e.month.strftime("%b %Y"),
                   t("metrics.costs.item"): e.item, t("metrics.costs.channel"): e.channel or "",
                   t("metrics.costs.amount", currency=ctx.currency): fmt.money(e.amount, e.currency, lang),
                   t("metrics.costs.origin"): t("metrics.costs.origin.manual" if e.manual else "metrics.costs.origin.import")}
                  for e in entries], hide_index=True, width="stretch")
    labels = {i: f"{e.item} · {fmt.day(e.month, lang)} · {fmt.money(e.amount, e.currency, lang)}"
              for i, e in enumerate(entries) if e.manual}
    if not labels:
        return
    pick = st.selectbox(t("metrics.costs.pick"), list(labels), format_func=labels.__getitem__, key="metrics_cost_pick")
    if st.button(t("metrics.costs.delete"), key="metrics_cost_delete", help=t("metrics.costs.delete.help")):
        cache.run(manual.delete_cost, entries[pick])
        st.success(t("metrics.costs.deleted"))
        st.rerun()


def render() -> None:
    ctx = current()
    if ctx.db_path is None:
        st.info(t("targets.no_workspace"))
        return
    st.subheader(t("metrics.settings.heading"), anchor=False)
    _sources()
    _channel_map()
    _costs()
