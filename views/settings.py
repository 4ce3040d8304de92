"""Settings: one tab per area; each area's section renders itself."""
from __future__ import annotations

import importlib

import streamlit as st

from ui.context import t

st.title(t("settings.title"), anchor=False)

SECTIONS = (  # tab title key, module with render()
    ("settings.tab.metrics", "ui.settings_metrics"),
    ("settings.tab.decisions", "ui.settings_decisions"),
    ("settings.tab.google", "ui.settings_google"),
    ("settings.tab.workspace", "ui.settings_workspace"),
)
available = []
for key, module in SECTIONS:
    try:
        available.append((key, importlib.import_module(module)))
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
for tab, (key, module) in zip(st.tabs([t(k) for k, _ in available]), available):
    with tab:
        module.render()
