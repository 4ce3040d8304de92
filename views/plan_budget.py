"""Budget: how much to spend (5–10 % of revenue), the 70/20/10 split, planned vs actual, daily caps and pacing."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n import fmt, tr
from metrics import budget
from metrics.periods import today_utc
from metrics.safe_export import markdown_escape, to_csv_bytes
from ui import cache, flash
from ui.context import current, t

ctx = current()
lang, cur = ctx.lang, ctx.currency
st.title(t("plan.budget_title"))
if ctx.db_path is None:
    st.info(t("plan.no_workspace"))
    st.stop()

FLASH = "plan_budget_flash"
flash.show(FLASH)


def money(x: float | None) -> str:
    return fmt.money(x, cur, lang)


def month_label(m) -> str:  # type: ignore[no-untyped-def]
    return tr(lang, f"plan.month.{m.month}", year=m.year)   # lang bound here: format_func may run outside a rerun


today = today_utc()
bucket_label = {b: t(f"plan.bucket.{b}") for b in budget.BUCKETS}
st.caption(t("plan.budget.intro"))

months = budget.month_choices(today)
month = st.selectbox(t("plan.budget.month"), months, index=months.index(budget.month_start(today)),
                     format_func=month_label, key="plan_budget_month")
plan = cache.cached(budget.plan_for, month)
estimate = cache.cached(budget.revenue_in_data, month)

# ---- 1. how much
st.subheader(t("plan.budget.size_header"))
if plan and plan.carried_from:
    st.caption(t("plan.budget.carried", month=month_label(plan.carried_from)))
if estimate:
    st.caption(t(f"plan.budget.revenue_from_{estimate.source}", amount=money(estimate.value), n=estimate.months,
                 first=month_label(estimate.first_month), last=month_label(estimate.last_month)))
default_revenue = plan.revenue if plan and plan.revenue is not None else (estimate.value if estimate else None)
c1, c2 = st.columns([2, 1])
revenue = c1.number_input(t("plan.budget.revenue", currency=cur), value=default_revenue, min_value=0.0,
                          step=10000.0, format="%.0f", key=f"plan_budget_revenue_{month}", help=t("plan.budget.revenue_help"))
pushing = c2.toggle(t("plan.budget.pushing"), value=bool(plan and plan.pushing), key=f"plan_budget_pushing_{month}",
                    help=t("plan.budget.pushing_help"))
guide = budget.guidance(revenue, pushing)
if guide:
    st.info(t("plan.budget.guidance", low=money(guide.low), high=money(guide.high),
              low_pct=fmt.percent(guide.low_share, lang, 0), high_pct=fmt.percent(guide.high_share, lang, 0),
              revenue=money(guide.revenue)))
else:
    st.info(t("plan.budget.guidance_none"))

with st.form(f"plan_budget_form_{month}"):
    total = st.number_input(t("plan.budget.total", currency=cur), value=plan.total if plan else None, min_value=0.0,
                            step=1000.0, format="%.0f", key=f"plan_budget_total_{month}")
    st.caption(t("plan.budget.shares_help"))
    shares = plan.shares if plan else budget.DEFAULT_SHARES
    cols = st.columns(3)
    entered = tuple(
        cols[i].number_input(t(f"plan.budget.share.{b}"), value=int(shares[i]), step=5, key=f"plan_budget_share_{b}_{month}")
        for i, b in enumerate(budget.BUCKETS))
    if st.form_submit_button(t("plan.budget.save"), key=f"plan_budget_save_{month}"):
        problems = budget.validate_plan(total, entered, revenue)  # type: ignore[arg-type]
        if problems:
            for p in problems:
                label = t(f"plan.budget.share.{p.field}") if p.field in budget.BUCKETS else t(f"plan.budget.field.{p.field}")
                st.error(t(f"plan.budget.err.{p.code}", field=label, value=p.value))
        else:
            cache.run(budget.save_plan, month, total, revenue, pushing, entered)
            flash.later(FLASH, t("plan.budget.saved", month=month_label(month)))

# ---- 2. planned vs actual per bucket
st.subheader(t("plan.budget.vs_header"))
for u in cache.cached(budget.unconverted, month):
    st.warning(t("plan.budget.unconverted", amount=fmt.number(u.amount, lang), currency=u.currency, rows=u.rows))
buckets = cache.cached(budget.by_bucket, month)
if not plan:
    st.info(t("plan.budget.no_plan"))
st.dataframe(pd.DataFrame({
    t("plan.budget.col.bucket"): buckets["bucket"].map(bucket_label),
    t("plan.budget.col.share"): [fmt.percent(None if pd.isna(s) else s / 100, lang, 0) for s in buckets["share"]],
    t("plan.budget.col.planned"): [money(None if pd.isna(x) else x) for x in buckets["planned"]],
    t("plan.budget.col.actual"): [money(x) for x in buckets["actual"]],
    t("plan.budget.col.difference"): [money(None if pd.isna(x) else x) for x in buckets["difference"]],
    t("plan.budget.col.actual_share"): [fmt.percent(None if pd.isna(x) else x, lang, 0) for x in buckets["actual_share"]],
}), hide_index=True, width="stretch")
st.caption(t("plan.budget.blocks_note"))

# ---- 3. per channel, and pacing
st.subheader(t("plan.budget.channel_header"))
as_of = cache.cached(budget.last_data_day, today) if budget.month_start(month) == budget.month_start(today) else None
if as_of:
    for p in cache.cached(budget.pacing, as_of):
        if p.warn:
            st.warning(t("plan.budget.pace_warn", channel=markdown_escape(p.channel),
                         pct=fmt.percent(p.ahead, lang, 0), spent=money(p.spent), allowed=money(p.allowed),
                         days=p.days_elapsed, cap=money(p.daily_cap), projected=money(p.projected),
                         as_of=fmt.day(as_of, lang)))
channels = cache.cached(budget.by_channel, month)
if channels.empty:
    st.info(t("plan.budget.no_spend"))
else:
    view = pd.DataFrame({
        t("plan.budget.col.channel"): channels["channel"],
        t("plan.budget.col.cap"): [money(None if pd.isna(x) else x) for x in channels["daily_cap"]],
        t("plan.budget.col.planned_cap"): [money(None if pd.isna(x) else x) for x in channels["planned"]],
        t("plan.budget.col.actual"): [money(x) for x in channels["actual"]],
        **{bucket_label[b]: [money(x) for x in channels[b]] for b in budget.BUCKETS},
    })
    st.dataframe(view, hide_index=True, width="stretch")
    st.download_button(t("plan.budget.download"), data=to_csv_bytes(view), file_name=f"budget-{month:%Y-%m}.csv",
                       mime="text/csv", key="plan_budget_csv")
if as_of:
    pacing = cache.cached(budget.pacing, as_of)
    if pacing:
        st.caption(t("plan.budget.pacing_caption", as_of=fmt.day(as_of, lang)))
        st.dataframe(pd.DataFrame({
            t("plan.budget.col.channel"): [p.channel for p in pacing],
            t("plan.budget.col.cap"): [money(p.daily_cap) for p in pacing],
            t("plan.budget.col.days"): [p.days_elapsed for p in pacing],
            t("plan.budget.col.allowed"): [money(p.allowed) for p in pacing],
            t("plan.budget.col.spent"): [money(p.spent) for p in pacing],
            t("plan.budget.col.pace"): [fmt.signed_percent(p.ahead, lang, 0) for p in pacing],
            t("plan.budget.col.projected"): [money(p.projected) for p in pacing],
        }), hide_index=True, width="stretch")

# ---- 4. daily caps
with st.expander(t("plan.budget.caps_header")):
    st.caption(t("plan.budget.caps_help"))
    known = cache.cached(budget.channels)
    current_caps = cache.cached(budget.caps)
    if not known:
        st.info(t("plan.budget.caps_none"))
    else:
        col_channel, col_cap = t("plan.budget.col.channel"), t("plan.budget.col.cap_input", currency=cur)
        editor = st.data_editor(
            pd.DataFrame({col_channel: known, col_cap: [current_caps.get(c) for c in known]}),
            hide_index=True, disabled=[col_channel], key="plan_budget_caps_editor",
            column_config={col_cap: st.column_config.NumberColumn(min_value=0.0, step=50.0)})
        if st.button(t("plan.budget.caps_save"), key="plan_budget_caps_save"):
            new = {ch: (None if pd.isna(v) else float(v)) for ch, v in zip(editor[col_channel], editor[col_cap])}
            cache.run(budget.save_caps, new)
            flash.later(FLASH, t("plan.budget.caps_saved"))

# ---- 5. campaign → bucket
with st.expander(t("plan.budget.map_header")):
    st.caption(t("plan.budget.map_help"))
    camps = cache.cached(budget.campaign_buckets)
    if camps.empty:
        st.info(t("plan.budget.map_none"))
    else:
        origin_label = {o: t(f"plan.budget.origin.{o}") for o in ("set", "experiment", "default")}
        by_label = {v: k for k, v in bucket_label.items()}
        col_c, col_ch, col_b, col_o = (t("plan.budget.col.campaign"), t("plan.budget.col.channel"),
                                       t("plan.budget.col.bucket"), t("plan.budget.col.origin"))
        editor = st.data_editor(
            pd.DataFrame({col_c: camps["campaign"], col_ch: camps["channel"],
                          col_b: camps["bucket"].map(bucket_label), col_o: camps["origin"].map(origin_label)}),
            hide_index=True, disabled=[col_c, col_ch, col_o], key="plan_budget_map_editor",
            column_config={col_b: st.column_config.SelectboxColumn(options=list(bucket_label.values()), required=True)})
        if st.button(t("plan.budget.map_save"), key="plan_budget_map_save"):
            before = dict(zip(camps["campaign"], camps["bucket"]))
            changed = {c: by_label[b] for c, b in zip(editor[col_c], editor[col_b]) if by_label.get(b) != before.get(c)}
            if changed:
                cache.run(budget.save_campaign_buckets, changed)
            flash.later(FLASH, t("plan.budget.map_saved" + ("_one" if len(changed) == 1 else ""), n=len(changed)))
