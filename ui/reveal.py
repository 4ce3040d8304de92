"""A button that shows or hides a part of a page ("Show trends" / "Hide the trends").

The Monday page uses it instead of `st.toggle`: a toggle makes a fresh browser session fetch and
compile the checkbox widget's code before the page is complete (about 0.05 s, measured), while a
button's code is loaded for the page's other buttons already. The state lives in
`st.session_state[key]`.
"""
from __future__ import annotations

import streamlit as st


def _flip(key: str) -> None:
    st.session_state[key] = not st.session_state.get(key, False)


def shown(key: str, show_label: str, hide_label: str) -> bool:
    """Draw the button; True while the part is shown (a click takes effect in the same rerun)."""
    on = bool(st.session_state.get(key, False))
    st.button(hide_label if on else show_label, key=f"{key}_button", on_click=_flip, args=(key,),
              icon=":material/expand_less:" if on else ":material/expand_more:", type="tertiary")
    return bool(st.session_state.get(key, False))
