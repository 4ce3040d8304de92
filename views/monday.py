"""The Monday page: how did last week go, are we on track, what do I do this week."""
from __future__ import annotations

from datetime import date

import streamlit as st

from i18n import fmt
from metrics import monday as monday_metrics
from metrics.kpis import CARD_KPIS
from metrics.safe_export import md_escape
from ui import cache, cards, charts, decision_table, empty_state, labels, md_table, reveal, shell, warm
from ui.context import current, t

ctx = current()
lang = ctx.lang

if ctx.week_start is None:
    empty_state.render(ctx)
    st.stop()

warm.ahead(ctx.db_path, ctx.week_start, date.today())   # the verdicts meanwhile, in the background
view = cache.cached(monday_metrics.view, ctx.week_start, date.today())
week_no = fmt.week_number(view.week_start)


head, nav_prev, nav_next = st.columns([6, 1, 1], vertical_alignment="bottom")
head.title(t("monday.heading", week=week_no, range=fmt.week_range(view.week_start, lang)), anchor=False)
if view.previous_week:
    nav_prev.button(t("monday.prev_week", week=fmt.week_number(view.previous_week)), on_click=shell.show_week,
                    args=(view.previous_week,), width="stretch")
if view.next_week:
    nav_next.button(t("monday.next_week", week=fmt.week_number(view.next_week)), on_click=shell.show_week,
                    args=(view.next_week,), width="stretch")

# Trust before numbers: how far each source reaches, and what to do when one is behind.
fresh, warnings = [], []
for note in view.sources:
    name = t(f"source.{note.source}")
    if note.status == "stale":
        warnings.append(t("monday.stale", source=name, day=fmt.short_day(note.last_day, lang)))
    elif note.status == "gap":
        warnings.append(t("monday.gap", source=name, week=fmt.week_label(note.gap_week, lang)))
    label = t("monday.fresh_until", source=name, day=fmt.short_day(note.last_day, lang))
    if note.status == "delay":
        label += " " + t("monday.gsc_delay")
    fresh.append(label)
st.caption(f"**{t('monday.freshness')}:** " + " · ".join(fresh) + " · "
           + t("monday.lead_source", source=t(f"source.{view.summary.lead_source}_leads"
                                              if view.summary.lead_source != "platform" else "source.platform")))
warnings += [t(code) for code in view.trust_codes]
for w in warnings:
    st.warning(w, icon=":material/warning:")

cols = st.columns(3) + st.columns(3)
for col, name in zip(cols, CARD_KPIS):
    with col:
        cards.render(view.summary.card(name), fmt.week_label(view.previous_week or view.week_start, lang).split()[-1],
                     ctx.currency, lang, view.targets.get(name), view.target_status.get(name))

# Beside the cards: blended CPL, marketing share of revenue, and what the other lead sources say.
summary = view.summary
side = [t("monday.side.blended_cpl", value=fmt.money(summary.card("blended_cpl").value, ctx.currency, lang))]
share = summary.card("marketing_share").value
if share is not None:
    side.append(t("monday.side.share", value=fmt.percent(share, lang, 1),
                  band=t(f"metrics.share.{summary.share_band}") if summary.share_band else ""))
cmp = summary.leads_by_source
if cmp is not None:
    counts = [f"{t('source.' + s + ('_leads' if s != 'platform' else '_short'))} {fmt.number(v, lang)}"
              for s, v in (("crm", cmp.crm), ("ga4", cmp.ga4), ("platform", cmp.platform)) if v is not None]
    if len(counts) > 1:
        side.append(t("monday.side.leads", counts=", ".join(counts)))
    if cmp.overclaim is not None and cmp.reference:
        side.append(t("metrics.overclaim", ratio=fmt.number(cmp.overclaim, lang, 1),
                      reference=t(f"metrics.source.{cmp.reference}")))
st.caption(" · ".join(side))
for gap in summary.missing_fx:
    st.warning(t("metrics.fx_missing", rows=gap.rows, currency=gap.currency), icon=":material/currency_exchange:")

verdicts = cache.cached(monday_metrics.decision_view, ctx.week_start, date.today())
decision_table.render_top_actions(ctx, verdicts)
decision_table.render(ctx, view=verdicts)

st.subheader(t("monday.channels"), anchor=False)
table = view.channels
history = view.channel_cpl_history


def money(v: float | None) -> str:
    return fmt.money(v, ctx.currency, lang)


st.markdown(md_table.markdown_table(
    [t("monday.col.channel"), t("monday.col.spend"), t("monday.col.leads"), t("monday.col.cpl"),
     t("monday.col.prev_cpl"), t("monday.col.cpl_4w"), t("monday.col.cpl_last_year"), t("monday.col.clicks")],
    [[labels.channel(r["channel"], lang), money(r["spend"]), fmt.number(r["leads"], lang), money(r["cpl"]),
      money(r["previous_cpl"]), money(history.get(r["channel"], (None, None))[0]),
      money(history.get(r["channel"], (None, None))[1]), fmt.number(r["clicks"], lang)]
     for r in table.to_dict("records")],
    right=range(1, 8)))

# Below the fold: what is late in the plan, and the trends (charts only on request: each chart
# costs a fresh browser session seconds).
if view.overdue:
    st.subheader(t("monday.overdue_title"), anchor=False)
    for item in view.overdue:
        st.write(t("monday.overdue_item", title=md_escape(item.title), owner=md_escape(item.owner or t("monday.no_owner")),
                   due=fmt.day(item.due_date, lang), days=item.days_overdue))
    shell.page_link("views/plan_90.py", t("monday.open_plan"), ":material/event_note:")

strip = cache.cached(monday_metrics.budget_strip, view.week_start)
if strip.has_plan or strip.rows["actual"].sum() > 0:
    st.subheader(t("monday.budget_title", month=fmt.month(strip.month, lang)), anchor=False)
    st.markdown(md_table.markdown_table(
        [t("plan.budget.col.bucket"), t("plan.budget.col.share"), t("plan.budget.col.planned"),
         t("plan.budget.col.actual"), t("plan.budget.col.actual_share")],
        [[t(f"plan.bucket.{r['bucket']}"), fmt.percent(r["share"], lang, 0), money(r["planned"]), money(r["actual"]),
          fmt.percent(r["actual_share"], lang, 0)] for r in strip.rows.to_dict("records")],
        right=range(1, 5)))
    if not strip.has_plan:
        st.caption(t("monday.budget_no_plan"))
    shell.page_link("views/plan_budget.py", t("monday.open_budget"), ":material/pie_chart:")

if reveal.shown("monday_trends", t("monday.show_trends"), t("monday.hide_trends")):
    charts.render_trends(ctx, view.week_start)

# The week before is the likeliest next click: have its numbers ready by then (and this week's
# again, if this run wrote its verdicts into the decision log).
warm.weeks(ctx.db_path, [view.week_start, view.previous_week], date.today())
