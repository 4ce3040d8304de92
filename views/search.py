"""Search: organic clicks and impressions from Search Console, brand vs non-brand, what moved,
and where content could win clicks. Every number comes from `metrics.search`."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n import fmt
from metrics import search
from ui import cache
from ui.context import current, t

ctx = current()
lang = ctx.lang

st.title(t("search.title"), anchor=False)

accounts = cache.cached(search.accounts) if ctx.db_path is not None else []
if not accounts:
    st.info(t("search.empty"), icon=":material/search:")
    st.stop()

if len(accounts) > 1:
    account = st.selectbox(t("search.property"), accounts, key="search_account")
else:
    account = accounts[0]

overview = cache.cached(search.overview, account)
if overview is None:  # the account vanished between two reads (an undo in another tab)
    st.info(t("search.empty"), icon=":material/search:")
    st.stop()
w = overview.windows
st.caption(t("search.delay", day=fmt.day(w.end, lang)) + " " + t(
    "search.period", start=fmt.day(w.start, lang), end=fmt.day(w.end, lang)))


def _delta(text: str) -> str | None:
    # Streamlit reads a leading ASCII '-' as a fall; fmt writes a typographic minus.
    return None if text == fmt.DASH else text.replace("−", "-", 1)


cur = overview.current
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("search.kpi.clicks"), fmt.number(cur.clicks, lang), _delta(fmt.signed_percent(overview.clicks_change, lang)),
          border=True)
c2.metric(t("search.kpi.impressions"), fmt.number(cur.impressions, lang),
          _delta(fmt.signed_percent(overview.impressions_change, lang)), border=True)
c3.metric(t("search.kpi.ctr"), fmt.percent(cur.ctr, lang), _delta(fmt.points(overview.ctr_change, lang)), border=True)
c4.metric(t("search.kpi.position"), fmt.number(cur.position, lang, 1),
          _delta(fmt.signed_number(overview.position_change, lang, 1)), delta_color="inverse", border=True)

# ---- weekly ---------------------------------------------------------------------------------
st.subheader(t("search.weekly.header"), anchor=False)
weeks = cache.cached(search.weekly, account)
if weeks:
    label = [fmt.week_label(x.week_start, lang) + ("" if x.complete else " …") for x in weeks]
    chart = pd.DataFrame({t("search.col.clicks"): [x.clicks for x in weeks]},
                         index=pd.DatetimeIndex([x.week_start for x in weeks], name=t("search.col.week")))
    st.bar_chart(chart, height=220)
    table = pd.DataFrame({
        t("search.col.week"): label,
        t("search.col.clicks"): [fmt.number(x.clicks, lang) for x in weeks],
        t("search.col.impressions"): [fmt.number(x.impressions, lang) for x in weeks],
        t("search.col.ctr"): [fmt.percent(x.ctr, lang) for x in weeks],
        t("search.col.position"): [fmt.number(x.position, lang, 1) for x in weeks],
    })
    with st.expander(t("search.col.week") + " · " + t("search.col.clicks")):
        st.dataframe(table.iloc[::-1], hide_index=True, width="stretch")

if not cache.cached(search.has_query_rows, account):
    st.info(t("search.rows_missing"))
    st.stop()

# ---- brand ----------------------------------------------------------------------------------
st.subheader(t("search.brand.header"), anchor=False)
terms = cache.cached(search.brand_terms)
if not terms:
    st.info(t("search.brand.none"))
segments = cache.cached(search.brand_split, account, terms)
if segments and terms:
    st.dataframe(pd.DataFrame({
        t("search.col.segment"): [t(f"search.brand.{s.segment}") for s in segments],
        t("search.col.clicks"): [fmt.number(s.clicks, lang) for s in segments],
        t("search.col.clicks_before"): [fmt.number(s.clicks_before, lang) for s in segments],
        t("search.col.impressions"): [fmt.number(s.impressions, lang) for s in segments],
        t("search.col.ctr"): [fmt.percent(s.ctr, lang) for s in segments],
        t("search.col.position"): [fmt.number(s.position, lang, 1) for s in segments],
    }), hide_index=True, width="stretch")
with st.expander(t("search.brand.edit"), expanded=not terms):
    with st.form("brand_terms_form", border=False):
        text = st.text_area(t("search.brand.edit"), value="\n".join(terms), label_visibility="collapsed")
        if st.form_submit_button(t("search.brand.save")):
            cache.run(search.save_brand_terms, text)
            st.rerun()


def _movers_table(rows: list[search.Mover], key_label: str) -> None:
    if not rows:
        st.caption(t("search.none"))
        return
    st.dataframe(pd.DataFrame({
        key_label: [m.key for m in rows],
        t("search.col.clicks"): [fmt.number(m.clicks, lang) for m in rows],
        t("search.col.clicks_before"): [fmt.number(m.clicks_before, lang) for m in rows],
        t("search.col.change"): [fmt.signed_number(m.change, lang) for m in rows],
    }), hide_index=True, width="stretch")


def _query_table(rows: list[search.QueryStat]) -> None:
    if not rows:
        st.caption(t("search.none"))
        return
    st.dataframe(pd.DataFrame({
        t("search.col.query"): [q.query for q in rows],
        t("search.col.impressions"): [fmt.number(q.impressions, lang) for q in rows],
        t("search.col.clicks"): [fmt.number(q.clicks, lang) for q in rows],
        t("search.col.ctr"): [fmt.percent(q.ctr, lang) for q in rows],
        t("search.col.position"): [fmt.number(q.position, lang, 1) for q in rows],
    }), hide_index=True, width="stretch")


# ---- movers ---------------------------------------------------------------------------------
st.subheader(t("search.movers.header"), anchor=False)
_movers_table(cache.cached(search.top_movers, account), t("search.col.query"))

# ---- content --------------------------------------------------------------------------------
st.subheader(t("search.opps.header"), anchor=False)
st.caption(t("search.opps.help"))
_query_table(cache.cached(search.opportunities, account))

st.subheader(t("search.questions.header"), anchor=False)
st.caption(t("search.questions.help"))
_query_table(cache.cached(search.questions, account))

st.subheader(t("search.pages.gaining"), anchor=False)
_movers_table(cache.cached(search.pages_gaining, account), t("search.col.page"))
st.subheader(t("search.pages.losing"), anchor=False)
_movers_table(cache.cached(search.pages_losing, account), t("search.col.page"))
