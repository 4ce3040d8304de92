"""The context every page renders in: language, workspace, week.

`app.py` builds it from the sidebar on every run and stores it in `st.session_state["ctx"]`.
A page run on its own (tests) gets a context from the session state keys `lang` and
`db_path`, or the first workspace in the data folder.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import streamlit as st

from i18n import tr


@dataclass(frozen=True)
class Ctx:
    lang: str
    db_path: Path | None          # None: no workspace yet
    workspace: str | None
    week_start: date | None       # the Monday of the week the user looks at (None: no data)
    currency: str
    is_demo: bool


def current() -> Ctx:
    ctx = st.session_state.get("ctx")
    if isinstance(ctx, Ctx):
        return ctx
    from ui import auth
    from warehouse import workspaces

    lang = st.session_state.get("lang", "nb")
    # A page run without app.py (a test, or a script started on its own) still gates itself:
    # the sign-in rule must not depend on which file Streamlit was started with.
    user = auth.gate(st.session_state.get("lang"))  # None: the sign-in screen follows ?lang=
    found = workspaces.list_workspaces()
    allowed = set(auth.allowed_workspaces(user, [w.name for w in found]))
    db_path = st.session_state.get("db_path")
    if user.required and db_path is not None and Path(db_path).stem not in allowed:
        db_path = None
    if db_path is None:
        mine = [w for w in found if w.name in allowed]
        db_path = mine[0].path if mine else None
    path = Path(db_path) if db_path else None
    is_demo = bool(path and path.stem == workspaces.DEMO_NAME)
    return Ctx(lang, path, path.stem if path else None, st.session_state.get("week_start"),
               st.session_state.get("currency", "NOK"), is_demo)


def t(key: str, **params: object) -> str:
    return tr(current().lang, key, **params)
