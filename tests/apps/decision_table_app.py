"""A tiny host page for ui/decision_table.py, as views/monday.py calls it (used by AppTest)."""
from datetime import date
from pathlib import Path

import streamlit as st

from ui import decision_table
from ui.context import Ctx

ss = st.session_state
ctx = Ctx(ss.get("lang", "nb"), Path(ss["db_path"]), "test", ss.get("week_start"), ss.get("currency", "NOK"), False)
st.session_state["ctx"] = ctx
if ss.get("actions"):
    decision_table.render_top_actions(ctx)
decision_table.render(ctx, today=ss.get("today"))
