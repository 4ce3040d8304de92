"""Experiments: register a 4–6-week test, follow its clock and verdict, record how it ended."""
from __future__ import annotations

import streamlit as st

from i18n import fmt
from metrics import experiments, periods
from metrics.decision_text import explain, verdict_label
from ui import cache, flash, labels
from ui.context import current, t

ctx = current()
lang = ctx.lang
st.title(t("experiments.title"), anchor=False)
st.caption(t("experiments.intro"))

if ctx.db_path is None:
    st.info(t("experiments.no_workspace"))
    st.stop()

flash.show("_exp_flash")

today = periods.today_utc()
week = ctx.week_start or periods.last_complete_week(today)
items = cache.cached(experiments.overview, week)
BUCKET_LABELS = {b: t(f"experiments.bucket.{b}") for b in experiments.BUCKETS}
STATUS_LABELS = {s: t(f"experiments.status.{s}") for s in experiments.STATUSES}

# ---- the list
st.subheader(t("experiments.list"), anchor=False)
if not items:
    st.info(t("experiments.empty"))
else:
    def scope(e: experiments.Experiment) -> str:
        ch = labels.channel(e.channel, lang) if e.channel else fmt.DASH
        return t("decisions.name.campaign", channel=ch, campaign=e.campaign) if e.campaign else ch

    st.dataframe(
        {
            t("experiments.col.name"): [s.experiment.name for s in items],
            t("experiments.col.scope"): [scope(s.experiment) for s in items],
            t("experiments.col.dates"): [f"{fmt.day(s.experiment.start_date, lang)} – "
                                         f"{fmt.day(s.experiment.planned_end, lang)}" for s in items],
            t("experiments.col.clock"): [t("decisions.clock", clock=s.week, clock_of=s.planned_weeks)
                                         for s in items],
            t("experiments.col.budget"): [fmt.money(s.experiment.budget, ctx.currency, lang) for s in items],
            t("experiments.col.status"): [STATUS_LABELS.get(s.experiment.status, s.experiment.status)
                                          for s in items],
            t("experiments.col.verdict"): [
                f"{verdict_label(s.row.verdict, lang)} — {explain(s.row, lang, ctx.currency)}" if s.row else fmt.DASH
                for s in items],
        },
        hide_index=True,
        width="stretch",
    )

# ---- register
st.subheader(t("experiments.new"), anchor=False)
channels = cache.cached(experiments.channel_names)
with st.form("experiment_new", clear_on_submit=False):
    name = st.text_input(t("experiments.name"), key="exp_name")
    c1, c2 = st.columns(2)
    if channels:
        channel = c1.selectbox(t("experiments.channel"), channels, format_func=lambda c: labels.channel(c, lang),
                               key="exp_channel")
    else:
        channel = c1.text_input(t("experiments.channel"), help=t("experiments.no_channels"), key="exp_channel_text")
    campaign = c2.text_input(t("experiments.campaign"), key="exp_campaign")
    hypothesis = st.text_area(t("experiments.hypothesis"), key="exp_hypothesis")
    c3, c4, c5 = st.columns(3)
    start = c3.date_input(t("experiments.start"), value=today, format="DD.MM.YYYY", key="exp_start")
    end = c4.date_input(t("experiments.planned_end"), value=experiments.end_for(today, 6), format="DD.MM.YYYY",
                        help=t("experiments.planned_end.help"), key="exp_end")
    bucket = c5.selectbox(t("experiments.bucket"), experiments.BUCKETS, index=2,
                          format_func=BUCKET_LABELS.__getitem__, key="exp_bucket")
    c6, c7, c8 = st.columns(3)
    budget = c6.number_input(t("experiments.budget"), min_value=0.0, value=None, step=500.0, key="exp_budget")
    kpi = c7.selectbox(t("experiments.kpi"), ("cpl", "roas"), format_func=str.upper, key="exp_kpi")
    target_value = c8.number_input(t("experiments.target_value"), min_value=0.0, value=None,
                                   help=t("experiments.target_value.help"), key="exp_target")
    if st.form_submit_button(t("experiments.register"), key="exp_register"):
        spec = experiments.ExperimentSpec(
            name=name, channel=channel, campaign=campaign or None, hypothesis=hypothesis or None, start=start,
            planned_end=end, bucket=bucket, budget=budget, target_kpi=kpi,
            target_value=target_value if target_value else None)
        try:
            made = cache.run(experiments.register, spec)
        except experiments.ExperimentRefused as exc:
            for problem in exc.problems:
                st.error(problem.message(lang))
        else:
            flash.later("_exp_flash", t("experiments.registered", name=made.name))

# ---- close
running = [s.experiment for s in items if s.experiment.status == "running"]
if running:
    st.subheader(t("experiments.close"), anchor=False)
    names = {e.experiment_id: e.name for e in running}
    with st.form("experiment_close"):
        which = st.selectbox(t("experiments.close.which"), list(names), format_func=names.__getitem__,
                             key="exp_close_which")
        outcome = st.selectbox(t("experiments.close.outcome"), experiments.STATUSES[1:],
                               format_func=STATUS_LABELS.__getitem__, key="exp_close_outcome")
        if st.form_submit_button(t("experiments.close.save"), key="exp_close_save"):
            cache.run(experiments.close, which, outcome)
            flash.later("_exp_flash", t("experiments.close.saved"))
