"""Charts for the Monday page: weekly CPL against the target line, and spend per channel."""
from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import streamlit as st

from i18n import fmt
from metrics import trends
from ui import cache, labels
from ui.context import Ctx, t

PALETTE = ["#2F6F62", "#C8553D", "#8E7DBE", "#F2A541", "#5B8E7D", "#3A506B", "#A0A4B8"]


def _layout(fig: go.Figure, title: str) -> go.Figure:
    fig.update_layout(title=title, height=320, margin=dict(l=10, r=10, t=50, b=10), legend_orientation="h",
                      legend_y=-0.2, plot_bgcolor="#FAFAF7", paper_bgcolor="#FAFAF7")
    return fig


def render_trends(ctx: Ctx, week_start: date) -> None:
    lang = ctx.lang
    series = cache.cached(trends.weekly_series, week_start, 12)
    x = [fmt.week_label(w, lang) for w in series["week_start"]]
    cpl = go.Figure()
    cpl.add_scatter(x=x, y=series["cpl"], name=t("monday.trend.cpl"), mode="lines+markers",
                    line=dict(color=PALETTE[0], width=3),
                    hovertext=[fmt.money(v, ctx.currency, lang) for v in series["cpl"]], hoverinfo="text+x")
    if series["cpl_target"].notna().any():
        cpl.add_scatter(x=x, y=series["cpl_target"], name=t("monday.trend.target"), mode="lines",
                        line=dict(color=PALETTE[1], dash="dash"),
                        hovertext=[fmt.money(v, ctx.currency, lang) for v in series["cpl_target"]], hoverinfo="text+x")
    st.plotly_chart(_layout(cpl, t("monday.trend.cpl_title")), config={"displayModeBar": False})

    spend = cache.cached(trends.spend_by_channel, week_start, 12)
    bars = go.Figure()
    for i, (channel, part) in enumerate(spend.groupby("channel", sort=True)):
        bars.add_bar(x=[fmt.week_label(w, lang) for w in part["week_start"]], y=part["spend"],
                     name=labels.channel(channel, lang), marker_color=PALETTE[i % len(PALETTE)],
                     hovertext=[fmt.money(v, ctx.currency, lang) for v in part["spend"]], hoverinfo="text+name")
    bars.update_layout(barmode="stack")
    st.plotly_chart(_layout(bars, t("monday.trend.spend_title")), config={"displayModeBar": False})
