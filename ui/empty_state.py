"""What a workspace without data shows: no fake zeros, a short guide to the first step."""
from __future__ import annotations

import streamlit as st

from ui.context import Ctx, t


def _open_demo() -> None:
    from connectors import demo
    from warehouse import workspaces

    path = workspaces.path_for(workspaces.DEMO_NAME)
    if not path.exists():
        demo.build(path)
    st.session_state["workspace"] = workspaces.DEMO_NAME


def render(ctx: Ctx) -> None:
    st.title(t("monday.empty.title"), anchor=False)
    st.write(t("monday.empty.body"))
    st.markdown("1. " + t("monday.empty.step_upload") + "\n2. " + t("monday.empty.step_connect") + "\n3. "
                + t("monday.empty.step_demo"))
    a, b, _ = st.columns([1, 1, 3])
    if a.button(t("monday.open_import"), type="primary", width="stretch"):
        st.switch_page("views/import_data.py")
    b.button(t("monday.open_demo"), on_click=_open_demo, width="stretch")
