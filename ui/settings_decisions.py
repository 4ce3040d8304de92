"""Settings → scale or cut: evaluation window, thresholds, lag days and atypical weeks.

`render()` is called by the Settings page inside its tab. The write goes through
`metrics.decision_settings.save`, which checks every value first.
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from i18n import fmt, tr
from metrics import decision_settings
from ui import cache
from ui.context import current, t


def _week_label(d: date, lang: str, kinds: dict[date, tuple[str, int]]) -> str:
    week = f"{fmt.week_label(d, lang)}, {fmt.day(d, lang)}"
    if d in kinds:
        kind, year = kinds[d]
        return tr(lang, f"decisions.week.{kind}", year=year, week=week)
    return tr(lang, "decisions.week.other", week=week)


def render() -> None:
    ctx = current()
    if ctx.db_path is None:
        st.info(t("decisions.settings.no_workspace"))
        return
    lang = ctx.lang
    now = cache.cached(decision_settings.current)
    kinds: dict[date, tuple[str, int]] = {}
    for w in now.offered:
        kinds.setdefault(w.week_start, (w.kind, w.year))
    options = sorted(set(kinds) | set(now.excluded_weeks))
    st.subheader(t("decisions.settings.title"), anchor=False)
    with st.form("decision_settings"):
        c1, c2, c3 = st.columns(3)
        window = c1.slider(t("decisions.settings.eval_weeks"), 4, 8, int(now.eval_weeks),
                           help=t("decisions.settings.eval_weeks.help"), key="dec_eval_weeks")
        scale = c2.number_input(t("decisions.settings.scale_threshold"), 0.5, 0.99, float(now.scale_threshold),
                                step=0.01, format="%.2f", help=t("decisions.settings.thresholds.help"),
                                key="dec_scale")
        cut = c3.number_input(t("decisions.settings.cut_threshold"), 0.01, 0.5, float(now.cut_threshold),
                              step=0.01, format="%.2f", help=t("decisions.settings.thresholds.help"), key="dec_cut")
        c4, c5 = st.columns(2)
        lag = c4.number_input(t("decisions.settings.lag_days"), 0, 28, int(now.lag_days), step=1,
                              help=t("decisions.settings.lag_days.help"), key="dec_lag")
        rev_lag = c5.number_input(t("decisions.settings.revenue_lag_days"), 0, 90, int(now.revenue_lag_days),
                                  step=1, key="dec_rev_lag")
        excluded = st.multiselect(t("decisions.settings.excluded"), options, default=list(now.excluded_weeks),
                                  format_func=lambda d: _week_label(d, lang, kinds),
                                  help=t("decisions.settings.excluded.help"), key="dec_excluded")
        if st.form_submit_button(t("decisions.settings.save"), key="dec_save"):
            found = cache.run(decision_settings.save, int(window), float(scale), float(cut), int(lag),
                              int(rev_lag), list(excluded))
            if found:
                for code in found:
                    st.error(t(f"decisions.settings.{code}"))
            else:
                st.success(t("decisions.settings.saved"))
