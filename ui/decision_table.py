"""The Monday page's scale-or-cut table: verdict badges, reasons, the clock, the expected number
of wrong flags, and a drill-down chart for the selected row.

`render(ctx)` is called by views/monday.py. Viewing a complete week stores its verdicts in the
decision log (idempotent: nothing is written when nothing changed). The chart is drawn only
after a row is picked, because a chart costs a fresh browser seconds.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from i18n import fmt, tr
from metrics import decision_log, decisions, monday
from metrics.safe_export import md_escape
from metrics.decision_text import chance, explain, verdict_label
from ui import cache, labels
from ui.context import Ctx

COLOURS = {  # text colour, background: green up, red down, neutral otherwise
    "scale": ("#0b6b2e", "#e3f5e9"),
    "cut": ("#a4161a", "#fde8e8"),
    "keep_testing": ("#7a5b00", "#fff6d6"),
    "too_early": ("#555555", "#f0f0f0"),
    "no_clear_call": ("#3d3d8f", "#ebebfa"),
    "no_target": ("#555555", "#f0f0f0"),
}


def row_label(row: decisions.DecisionRow, lang: str) -> str:
    """Plain text: 'Betalt søk', '  ↳ Generic', 'LinkedIn lead form (eksp.)'."""
    if row.kind == "experiment":
        return tr(lang, "decisions.experiment_tag", name=row.experiment_name or row.channel)
    if row.kind == "campaign":
        return f"  ↳ {row.campaign}"
    return labels.channel(row.channel, lang)


def clock_text(row: decisions.DecisionRow, lang: str) -> str:
    """'3 av 6' while inside the window (experiments always), else the weeks running: '9'."""
    if row.kind == "experiment" or row.weeks_running <= row.clock_of:
        return tr(lang, "decisions.clock", clock=row.clock, clock_of=row.clock_of)
    return fmt.number(row.weeks_running, lang)


def range_text(row: decisions.DecisionRow, lang: str, currency: str) -> str:
    if row.cpl_likely is None:
        return fmt.DASH
    from metrics.decision_text import about

    return (f"{fmt.money(about(row.cpl_likely), currency, lang)} "
            f"({fmt.number(row.cpl_low, lang)}–{fmt.number(row.cpl_high, lang)})")


def table_frame(rows: list[decisions.DecisionRow], lang: str, currency: str) -> pd.DataFrame:
    """The table as display text (formatting only; every number comes from the rows)."""
    def col(key: str) -> str:
        return tr(lang, f"decisions.col.{key}")

    return pd.DataFrame({
        col("name"): [row_label(r, lang) for r in rows],
        col("verdict"): [verdict_label(r.verdict, lang) for r in rows],
        col("chance"): [chance(r.p, lang) for r in rows],
        col("clock"): [clock_text(r, lang) for r in rows],
        col("spend"): [fmt.money(r.spend, currency, lang) for r in rows],
        col("leads"): [fmt.number(r.leads, lang) for r in rows],
        col("cpl"): [fmt.money(r.cpl, currency, lang) for r in rows],
        col("range"): [range_text(r, lang, currency) for r in rows],
        col("target"): [fmt.money(r.target, currency, lang) for r in rows],
        col("reason"): [explain(r, lang, currency) for r in rows],
    })


def _styled(frame: pd.DataFrame, rows: list[decisions.DecisionRow], verdict_col: str) -> Any:
    verdicts = [r.verdict for r in rows]

    def paint(column: pd.Series) -> list[str]:
        out = []
        for i in range(len(column)):
            fg, bg = COLOURS.get(verdicts[i], ("inherit", "inherit"))
            out.append(f"color: {fg}; background-color: {bg}; font-weight: 600")
        return out

    return frame.style.apply(paint, subset=[verdict_col])


def _chart(ctx: Ctx, row: decisions.DecisionRow) -> None:
    import plotly.graph_objects as go

    lang, cur = ctx.lang, ctx.currency
    series = cache.cached(decisions.cpl_series, row.channel, row.campaign, ctx.week_start)
    name = row_label(row, lang).strip().removeprefix("↳ ")
    st.markdown(f"**{tr(lang, 'decisions.drill.title')}**")
    st.text(name)   # a data-derived name: plain text, never markup
    if not series:
        st.caption(tr(lang, "decisions.drill.no_data"))
        return
    weeks = [fmt.week_label(p.week_start, lang) for p in series]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=weeks + weeks[::-1],
                             y=[p.cpl_high for p in series] + [p.cpl_low for p in series][::-1],
                             fill="toself", fillcolor="rgba(31,119,180,0.15)", line={"width": 0},
                             name=tr(lang, "decisions.drill.range"), hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=weeks, y=[p.cpl for p in series], mode="lines+markers",
                             name=tr(lang, "decisions.drill.cpl"), line={"color": "#1f77b4"},
                             hovertext=[fmt.money(p.cpl, cur, lang) for p in series], hoverinfo="text"))
    fig.add_trace(go.Scatter(x=weeks, y=[p.target for p in series], mode="lines",
                             name=tr(lang, "decisions.drill.target"), line={"color": "#a4161a", "dash": "dash"}))
    top = max([p.target or 0 for p in series] + [p.cpl or 0 for p in series]) * 2.5 or None
    fig.update_layout(height=320, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                      yaxis={"title": cur, "range": [0, top] if top else None, "rangemode": "tozero"},
                      xaxis={"title": tr(lang, "decisions.drill.week")}, legend={"orientation": "h"})
    st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})


def _log_week(ctx: Ctx, view: monday.DecisionView, today: date) -> None:
    """Store the newest complete week's verdicts in the decision log when they are not there yet.

    Only that week is written (browsing older weeks never writes), and only when something changed.
    """
    if view.needs_snapshot:
        cache.run(decision_log.snapshot, ctx.week_start, list(view.rows), today)


MANY_ROWS = 30
FIRST_SCREEN_CAMPAIGNS = 15


def _visible(rows: list[decisions.DecisionRow], lang: str) -> list[decisions.DecisionRow]:
    """A big account shows channels, experiments and the flagged campaigns with the most spend
    unless asked for all (a long grid costs a fresh browser session most of a second)."""
    if len(rows) <= MANY_ROWS:
        return rows
    flagged = sorted((r for r in rows if r.kind == "campaign" and r.flagged), key=lambda r: -r.window_spend)
    keep = {id(r) for r in flagged[:FIRST_SCREEN_CAMPAIGNS]}
    short = [r for r in rows if r.kind != "campaign" or id(r) in keep]
    hidden = len(rows) - len(short)
    if hidden and not st.toggle(tr(lang, "decisions.table.all_campaigns", hidden=hidden), key="decision_all_campaigns"):
        return short
    return rows


def render(ctx: Ctx, *, today: date | None = None) -> None:
    """Draw the table for ctx.week_start (nothing without a workspace or a week)."""
    if ctx.db_path is None or ctx.week_start is None:
        return
    lang, cur = ctx.lang, ctx.currency
    st.subheader(tr(lang, "decisions.table.title"), anchor=False)
    today = today or date.today()
    view = cache.cached(monday.decision_view, ctx.week_start, today)
    rows = list(view.rows)
    if not rows:
        st.info(tr(lang, "decisions.table.empty"))
        return
    _log_week(ctx, view, today)
    flags = sum(1 for r in rows if r.flagged)
    if flags:
        expected = decisions.expected_wrong_flags(rows)
        shown = fmt.number(expected, lang, 1) if expected >= 0.05 else f"<{fmt.number(0.1, lang, 1)}"
        st.caption(tr(lang, "decisions.table.wrong_flags", flags=flags, expected=shown))
    else:
        st.caption(tr(lang, "decisions.table.no_flags"))
    rows = _visible(rows, lang)
    frame = table_frame(rows, lang, cur)
    verdict_col = tr(lang, "decisions.col.verdict")
    event = st.dataframe(
        _styled(frame, rows, verdict_col), hide_index=True, width="stretch", on_select="rerun",
        selection_mode="single-row", key=f"decision_table_{ctx.week_start}",
        column_config={tr(lang, "decisions.col.reason"): st.column_config.TextColumn(width="large")},
    )
    judged = next((r.judged_to for r in rows if r.judged_to is not None), None)
    lag = (ctx.week_start - judged).days + 6 if judged else None
    if judged is not None:
        st.caption(tr(lang, "decisions.table.judged_to", day=fmt.day(judged, lang), lag=lag))
    picked = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    if picked and 0 <= picked[0] < len(rows):
        _chart(ctx, rows[picked[0]])
    else:
        st.caption(tr(lang, "decisions.drill.pick"))


def render_top_actions(ctx: Ctx) -> None:
    """'This week': the (up to) three things that matter most, as a numbered list of sentences.

    The sentences hold campaign names from the data, so they are escaped into inert Markdown.
    """
    if ctx.db_path is None or ctx.week_start is None:
        return
    st.subheader(tr(ctx.lang, "decisions.top.title"), anchor=False)
    view = cache.cached(monday.decision_view, ctx.week_start, date.today())
    for i, sentence in enumerate(view.top_nb if ctx.lang == "nb" else view.top_en, start=1):
        st.markdown(f"{i}\\. {md_escape(sentence)}")
