"""Targets: the SMART targets, how each is doing against its glide path, and forms to change them."""
from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from i18n import fmt
from metrics import periods, progress, targets
from metrics.kpis import KPIS
from ui import cache, labels
from ui.cards import format_value
from ui.context import current, t

ctx = current()
lang = ctx.lang
st.title(t("targets.title"), anchor=False)
st.caption(t("targets.intro"))

if ctx.db_path is None:
    st.info(t("targets.no_workspace"))
    st.stop()

today = periods.today_utc()
DATE_FORMAT = "DD.MM.YYYY" if lang == "nb" else "YYYY-MM-DD"
rows = cache.cached(progress.overview, today)
scopes = cache.cached(targets.scope_options)
kpi_names = [k for k, v in KPIS.items() if v.direction != "none"]
KPI_LABELS = {k: t(v.label_key) for k, v in KPIS.items()}


def kpi_label(name: str) -> str:
    return KPI_LABELS[name]


def scope_label(scope: str) -> str:
    kind, name = targets.parse_scope(scope)
    if kind == "channel":
        return t("targets.scope.channel", name=labels.channel(name, lang))
    if kind == "campaign":
        return t("targets.scope.campaign", name=name)
    return t("targets.scope.all")


# Select boxes format through plain dict lookups, computed once per run.
SCOPE_LABELS = {s: scope_label(s) for s in scopes}
SCOPE_LABELS.update({p.target.scope: scope_label(p.target.scope) for p in rows})
TARGET_LABELS = {p.target.target_id: f"{p.target.target_id} · {kpi_label(p.target.kpi)} · {SCOPE_LABELS[p.target.scope]}"
                 for p in rows}


def value(kpi: str, x: float | None) -> str:
    return format_value(kpi, x, ctx.currency, lang)


def status_label(code: str | None, in_progress: bool = False) -> str:
    if in_progress:
        return t("targets.status.in_progress")
    return t(f"targets.status.{code}") if code else t("targets.status.no_data")


# ---- the list
if not rows:
    st.info(t("targets.empty"))
else:
    table = []
    for p in rows:
        tg = p.target
        latest = p.latest
        table.append({
            t("targets.col.id"): tg.target_id,
            t("targets.col.kpi"): kpi_label(tg.kpi),
            t("targets.col.scope"): SCOPE_LABELS[tg.scope],
            t("targets.col.change"): f"{value(tg.kpi, tg.baseline)} → {value(tg.kpi, tg.target_value)}",
            t("targets.col.period"): f"{fmt.day(tg.start_date, lang)} – {fmt.day(tg.deadline, lang)}",
            t("targets.col.glide"): value(tg.kpi, latest.glide) if latest else fmt.DASH,
            t("targets.col.actual"): value(tg.kpi, latest.actual) if latest else fmt.DASH,
            t("targets.col.status"): status_label(latest.status) if latest else fmt.DASH,
            t("targets.col.projection"): value(tg.kpi, p.projection),
            t("targets.col.owner"): tg.owner or "",
        })
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(t("targets.projection.help"))


def spec_form(prefix: str, initial: targets.TargetSpec | None) -> targets.TargetSpec | None:
    """The create/edit form; returns the typed spec when submitted."""
    init = initial or targets.TargetSpec("cpl")
    options = scopes if init.scope in scopes else [init.scope, *scopes]
    with st.form(f"{prefix}_form"):
        c1, c2 = st.columns(2)
        kpi = c1.selectbox(t("targets.form.kpi"), kpi_names, index=kpi_names.index(init.kpi) if init.kpi in kpi_names else 0,
                           format_func=KPI_LABELS.__getitem__, key=f"{prefix}_kpi")
        SCOPE_LABELS.setdefault(init.scope, scope_label(init.scope))
        scope = c2.selectbox(t("targets.form.scope_kind"), options, index=options.index(init.scope),
                             format_func=SCOPE_LABELS.__getitem__, key=f"{prefix}_scope")
        c1, c2, c3 = st.columns(3)
        baseline = c1.text_input(t("targets.form.baseline"), "" if init.baseline is None else f"{init.baseline:g}",
                                 key=f"{prefix}_baseline")
        b_from = c2.date_input(t("targets.form.baseline_from"), init.baseline_from, key=f"{prefix}_bfrom", format=DATE_FORMAT)
        b_to = c3.date_input(t("targets.form.baseline_to"), init.baseline_to, key=f"{prefix}_bto", format=DATE_FORMAT)
        c1, c2, c3, c4 = st.columns(4)
        target = c1.text_input(t("targets.form.target"), "" if init.target is None else
                               (init.target if isinstance(init.target, str) else f"{init.target:g}"), key=f"{prefix}_target")
        start = c2.date_input(t("targets.form.start"), init.start, key=f"{prefix}_start", format=DATE_FORMAT)
        deadline = c3.date_input(t("targets.form.deadline"), init.deadline, key=f"{prefix}_deadline", format=DATE_FORMAT)
        owner = c4.text_input(t("targets.form.owner"), init.owner or "", key=f"{prefix}_owner")
        label = t("targets.form.create") if initial is None else t("targets.form.save")
        if not st.form_submit_button(label, key=f"{prefix}_submit"):
            return None
    return targets.TargetSpec(kpi, scope, baseline.strip() or None, target.strip() or None, start, deadline,
                              b_from, b_to, owner, None)


def show_outcome(action, *args) -> bool:  # noqa: ANN001 - a metrics.targets writer
    try:
        _, warnings = cache.run(action, *args)
    except targets.TargetRefused as exc:
        for p in exc.problems:
            st.error(p.message(lang))
        return False
    for w in warnings:
        st.warning(w.message(lang))
    return True


# ---- create
with st.expander(t("targets.form.new"), expanded=not rows):
    spec = spec_form("new", None)
    if spec is not None and show_outcome(targets.create_target, spec):
        st.success(t("targets.created"))

# ---- edit / delete
if rows:
    with st.expander(t("targets.form.edit")):
        ids = [p.target.target_id for p in rows]
        by_id = {p.target.target_id: p.target for p in rows}
        picked = st.selectbox(t("targets.form.pick"), ids, key="edit_pick", format_func=TARGET_LABELS.__getitem__)
        spec = spec_form(f"edit{picked}", targets.spec_of(by_id[picked]))
        if spec is not None and show_outcome(targets.update_target, picked, spec):
            st.success(t("targets.updated"))
        sure = st.checkbox(t("targets.form.delete_confirm"), key=f"delete_sure{picked}")
        if st.button(t("targets.form.delete"), key="delete_target", type="secondary", disabled=not sure):
            cache.run(targets.delete_target, picked)
            st.success(t("targets.deleted"))
            st.rerun()

# ---- chart: actual against the glide path (below the table; charts cost seconds in a fresh browser)
if rows:
    st.subheader(t("targets.chart.heading"), anchor=False)
    by_id = {p.target.target_id: p for p in rows}
    chosen = st.selectbox(t("targets.form.pick"), list(by_id), key="chart_pick", format_func=TARGET_LABELS.__getitem__)
    p = by_id[chosen]
    if not p.weeks:
        st.info(t("targets.chart.none"))
    else:
        scale = 100 if KPIS[p.target.kpi].unit == "percent" else 1
        weeks = [w.week_start for w in p.weeks]
        fig = go.Figure()
        fig.add_scatter(x=weeks, y=[w.glide * scale for w in p.weeks], mode="lines", name=t("targets.chart.glide"),
                        line={"dash": "dash", "color": "#6b7280"})
        fig.add_scatter(x=weeks, y=[None if w.actual is None else w.actual * scale for w in p.weeks],
                        mode="lines+markers", name=t("targets.chart.actual"), line={"color": "#1d4ed8"})
        fig.update_layout(height=360, margin={"l": 10, "r": 10, "t": 10, "b": 10}, xaxis_title=t("targets.chart.week"),
                          legend={"orientation": "h"})
        st.plotly_chart(fig, width="stretch", key="target_chart")
