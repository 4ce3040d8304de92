"""Settings → Workspace: reporting currency and exchange rates."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import cache
from ui.context import current, t
from warehouse import fx

CURRENCIES = ["NOK", "SEK", "DKK", "EUR", "USD", "GBP"]


def render() -> None:
    ctx = current()
    st.subheader(t("settings.ws.currency_title"), anchor=False)
    st.caption(t("settings.ws.currency_help"))
    now = cache.cached(fx.currency)
    pick = st.selectbox(t("ws.currency"), CURRENCIES, index=CURRENCIES.index(now) if now in CURRENCIES else 0,
                        key="set_currency")
    if pick != now and st.button(t("common.save"), key="save_currency"):
        cache.run(fx.set_currency, pick)
        st.success(t("common.saved"))
        st.rerun()

    st.subheader(t("settings.ws.fx_title"), anchor=False)
    st.caption(t("settings.ws.fx_help", currency=ctx.currency))
    current_rates = cache.cached(fx.rates)
    edited = st.data_editor(
        current_rates if len(current_rates) else pd.DataFrame({"day": pd.Series(dtype="datetime64[ns]"),
                                                               "currency": pd.Series(dtype=str),
                                                               "rate": pd.Series(dtype=float)}),
        num_rows="dynamic", key="fx_editor", hide_index=True,
        column_config={
            "day": st.column_config.DateColumn(t("settings.ws.fx_day")),
            "currency": st.column_config.TextColumn(t("settings.ws.fx_currency"), max_chars=3),
            "rate": st.column_config.NumberColumn(t("settings.ws.fx_rate"), min_value=0.0, format="%.4f"),
        })
    if st.button(t("common.save"), key="save_fx"):
        rows = [(r.day.date() if hasattr(r.day, "date") else r.day, r.currency, r.rate)
                for r in edited.dropna(how="all").itertuples()]
        try:
            n = cache.run(fx.replace_rates, rows)
        except ValueError as exc:
            st.error(str(exc))
        else:
            st.success(t("settings.ws.fx_saved", n=n))
