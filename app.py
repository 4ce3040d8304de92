"""Mandag: routes the pages and draws the shared sidebar (workspace, language, week)."""
from __future__ import annotations

import streamlit as st

from ui import shell

st.set_page_config(page_title="Mandag", page_icon="📅", layout="wide", initial_sidebar_state="expanded")

ctx = shell.prepare()
page = st.navigation(shell.pages(ctx), position="sidebar")
shell.sidebar(ctx)
shell.run(page)
