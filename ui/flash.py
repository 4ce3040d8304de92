"""A confirmation that survives the rerun after a save: "Saved.", "Experiment registered".

A page saves, calls `later(key, text)` (which reruns the script), and at its top `show(key)`
draws the sentence once as a success message. Each page uses its own key, so a message
never shows up on another page.
"""
from __future__ import annotations

from typing import NoReturn

import streamlit as st


def show(key: str) -> None:
    """Draw the message stored under `key`, if any, and forget it."""
    text = st.session_state.pop(key, None)
    if text:
        st.success(text)


def later(key: str, text: str) -> NoReturn:
    """Keep `text` for the next run of the page and rerun it now."""
    st.session_state[key] = text
    st.rerun()
