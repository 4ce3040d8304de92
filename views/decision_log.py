"""Decision log: every Monday's verdicts, what you did about them, and what happened afterwards."""
from __future__ import annotations

import streamlit as st

from i18n import fmt, tr
from metrics import decision_log, periods
from metrics.decision_text import chance, verdict_label
from ui import cache, flash, labels
from ui.context import current, t

ctx = current()
lang = ctx.lang
st.title(t("decisions.log_title"), anchor=False)
st.caption(t("decisions.log.intro"))

if ctx.db_path is None:
    st.info(t("decisions.log.no_workspace"))
    st.stop()

flash.show("_dlog_flash")

today = periods.today_utc()
lines = cache.cached(decision_log.lines, today, decision_log.OUTCOME_WEEKS)
if not lines:
    st.info(t("decisions.log.empty"))
    st.stop()

ACTION_LABELS = {a: t(f"decisions.log.action.{a}") for a in decision_log.ACTIONS}


def name(e: decision_log.Entry) -> str:
    ch = labels.channel(e.key.channel, lang)
    return tr(lang, "decisions.name.campaign", channel=ch, campaign=e.key.campaign) if e.key.campaign else ch


def money(x: float | None) -> str:
    return fmt.money(x, ctx.currency, lang)


st.dataframe(
    {
        t("decisions.log.col.week"): [f"{fmt.week_label(ln.entry.key.week_start, lang)} · "
                                      f"{fmt.day(ln.entry.key.week_start, lang)}" for ln in lines],
        t("decisions.log.col.name"): [name(ln.entry) for ln in lines],
        t("decisions.log.col.verdict"): [verdict_label(ln.entry.verdict, lang) for ln in lines],
        t("decisions.log.col.chance"): [chance(ln.entry.p, lang) for ln in lines],
        t("decisions.log.col.cpl"): [money(ln.entry.cpl) for ln in lines],
        t("decisions.log.col.action"): [ACTION_LABELS.get(ln.entry.action_taken or "", fmt.DASH) for ln in lines],
        t("decisions.log.col.note"): [ln.entry.note or "" for ln in lines],
        t("decisions.log.col.spend_before"): [money(ln.outcome.spend_before) for ln in lines],
        t("decisions.log.col.cpl_before"): [money(ln.outcome.cpl_before) for ln in lines],
        t("decisions.log.col.spend_after"): [money(ln.outcome.spend_after) for ln in lines],
        t("decisions.log.col.cpl_after"): [money(ln.outcome.cpl_after) for ln in lines],
        t("decisions.log.col.weeks_after"): [fmt.number(ln.outcome.weeks_after, lang) for ln in lines],
    },
    hide_index=True,
    width="stretch",
)
st.caption(t("decisions.log.outcome_help", n=decision_log.OUTCOME_WEEKS))

st.download_button(
    t("decisions.log.download"),
    data=decision_log.csv_export(lines, lang, ctx.currency),
    file_name="mandag-decision-log.csv",
    mime="text/csv",
    key="decision_log_csv",
)

st.subheader(t("decisions.log.record"), anchor=False)
choices = list(range(len(lines)))
with st.form("decision_log_record"):
    pick = st.selectbox(
        t("decisions.log.entry"), choices, key="dlog_pick",
        format_func=lambda i: f"{fmt.week_label(lines[i].entry.key.week_start, lang)} · {name(lines[i].entry)} · "
                              f"{verdict_label(lines[i].entry.verdict, lang)}")
    action = st.selectbox(t("decisions.log.action"), decision_log.ACTIONS, format_func=ACTION_LABELS.__getitem__,
                          key="dlog_action")
    note = st.text_input(t("decisions.log.note"), key="dlog_note")
    if st.form_submit_button(t("decisions.log.save"), key="dlog_save"):
        cache.run(decision_log.record, lines[pick].entry.key, action, note)
        flash.later("_dlog_flash", t("decisions.log.saved"))
