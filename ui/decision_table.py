"""The Monday page's scale-or-cut table: verdict badges, reasons, the clock, the expected number
of wrong flags, and a drill-down chart for the row picked below it.

The table is static Markdown (`ui.md_table`), so a fresh session draws it without fetching the
interactive grid's code.

`render(ctx)` is called by views/monday.py. Viewing a complete week stores its verdicts in the
decision log (idempotent: nothing is written when nothing changed). The chart is drawn only
after a row is picked, because a chart costs a fresh browser seconds.
"""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from i18n import fmt, tr
from metrics import decision_log, decisions, monday
from metrics.safe_export import md_escape
from metrics.decision_text import chance, explain, next_step, verdict_label
from ui import cache, labels, md_table, reveal
from ui.context import Ctx

BADGE = {  # verdict → badge colour: green up, red down, neutral otherwise
    "scale": "green",
    "cut": "red",
    "keep_testing": "orange",
    "too_early": "gray",
    "no_clear_call": "violet",
    "no_target": "gray",
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

    # The currency is in the column's header. Word joiners keep "(570–924)" on one line.
    return (f"{fmt.number(about(row.cpl_likely), lang)} "
            f"({fmt.number(row.cpl_low, lang)}\u2060–\u2060{fmt.number(row.cpl_high, lang)})")


MONEY_COLUMNS = ("spend", "cpl", "range", "target")
NUMBER_COLUMNS = ("chance", "clock", "spend", "leads", "cpl", "target")   # right-aligned, kept on one line


def header(key: str, lang: str, currency: str) -> str:
    """A column's header; money columns name the currency: 'Kostnad (kr)'."""
    text = tr(lang, f"decisions.col.{key}")
    return f"{text} ({fmt.currency_unit(currency, lang)})" if key in MONEY_COLUMNS else text


def table_frame(rows: list[decisions.DecisionRow], lang: str, currency: str) -> pd.DataFrame:
    """The table as display text (formatting only; every number comes from the rows). Money
    columns name the currency in their header ("Kostnad (kr)") and hold plain numbers, so a
    table of long campaign names still fits the page."""
    def col(key: str) -> str:
        return header(key, lang, currency)

    return pd.DataFrame({
        col("name"): [row_label(r, lang) for r in rows],
        col("verdict"): [verdict_label(r.verdict, lang) for r in rows],
        col("chance"): [chance(r.p, lang) for r in rows],
        col("clock"): [clock_text(r, lang) for r in rows],
        col("spend"): [fmt.number(r.spend, lang) for r in rows],
        col("leads"): [fmt.number(r.leads, lang) for r in rows],
        col("cpl"): [fmt.number(r.cpl, lang) for r in rows],
        col("range"): [range_text(r, lang, currency) for r in rows],
        col("target"): [fmt.number(r.target, lang) for r in rows],
        col("next"): [next_step(r, lang) for r in rows],
    })


def _chart(ctx: Ctx, row: decisions.DecisionRow) -> None:
    import plotly.graph_objects as go

    lang, cur = ctx.lang, ctx.currency
    series = cache.cached(decisions.cpl_series, row.channel, row.campaign, ctx.week_start)
    name = row_label(row, lang).strip().removeprefix("↳ ")
    st.markdown(md_escape(explain(row, lang, cur)))   # names from the data: inert Markdown
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
    more = tr(lang, "decisions.table.all_campaigns", hidden=fmt.number(hidden, lang))
    if hidden and not reveal.shown("decision_all_campaigns", more, tr(lang, "decisions.table.flagged_only")):
        return short
    return rows


def render(ctx: Ctx, *, today: date | None = None, view: monday.DecisionView | None = None) -> None:
    """Draw the table for ctx.week_start (nothing without a workspace or a week); `view`: the
    week's `monday.decision_view` when the page has it already."""
    if ctx.db_path is None or ctx.week_start is None:
        return
    lang, cur = ctx.lang, ctx.currency
    st.subheader(tr(lang, "decisions.table.title"), anchor=False)
    today = today or date.today()
    view = view or cache.cached(monday.decision_view, ctx.week_start, today)
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
    # The verdict's badge and the next step share one cell: the step reads as the verdict's
    # sentence, and the table keeps room for its numbers.
    next_col = tr(lang, "decisions.col.next")
    shown = frame.drop(columns=[next_col])
    vi = list(shown.columns).index(tr(lang, "decisions.col.verdict"))
    cells = [list(r) for r in shown.itertuples(index=False)]
    for cell, row, step in zip(cells, rows, frame[next_col]):
        cell[vi] = md_table.Safe(md_table.badge(cell[vi], BADGE.get(row.verdict, "gray")).markdown + " "
                                 + md_escape(step))
    numeric = {header(k, lang, cur) for k in NUMBER_COLUMNS}
    st.markdown(md_table.markdown_table(list(shown.columns), cells,
                                        right=[i for i, c in enumerate(shown.columns) if c in numeric]))
    judged = next((r.judged_to for r in rows if r.judged_to is not None), None)
    lag = (ctx.week_start - judged).days + 6 if judged else None
    if judged is not None:
        st.caption(tr(lang, "decisions.table.judged_to", day=fmt.day(judged, lang), lag=lag))
    # The row picker opens on request: a select box on the first screen costs a fresh session
    # the widget's code (docs/performance.md).
    if not reveal.shown("decision_drill", tr(lang, "decisions.drill.open"), tr(lang, "decisions.drill.close")):
        return
    # The labels, not the rows: Streamlit keeps a widget's format function for the session.
    names = [row_label(r, lang).strip() for r in rows]
    picked = st.selectbox(tr(lang, "decisions.drill.pick"), range(len(rows)), index=None,
                          format_func=names.__getitem__,
                          placeholder=tr(lang, "decisions.drill.placeholder"), key=f"decision_pick_{ctx.week_start}")
    if picked is not None and 0 <= picked < len(rows):
        _chart(ctx, rows[picked])


def render_top_actions(ctx: Ctx, view: monday.DecisionView | None = None) -> None:
    """'This week': the (up to) three things that matter most, as a numbered list of sentences.

    The sentences hold campaign names from the data, so they are escaped into inert Markdown.
    """
    if ctx.db_path is None or ctx.week_start is None:
        return
    st.subheader(tr(ctx.lang, "decisions.top.title"), anchor=False)
    view = view or cache.cached(monday.decision_view, ctx.week_start, date.today())
    for i, sentence in enumerate(view.top_nb if ctx.lang == "nb" else view.top_en, start=1):
        st.markdown(f"{i}\\. {md_escape(sentence)}")
