"""Workspaces: create, open, rename, back up and delete (with confirmation); the demo in one click."""
from __future__ import annotations

import streamlit as st

from connectors import demo
from ui import auth
from ui.context import current, t
from ui.shell import open_workspace, visible_workspaces
from warehouse import workspaces
from warehouse.workspaces import WorkspaceError

ctx = current()
st.title(t("ws.title"), anchor=False)
st.write(t("ws.intro", folder=str(workspaces.data_dir().resolve())))


manage = auth.can_manage_workspaces(None)
if not manage:
    st.info(t("ws.not_owner"))
else:
    with st.form("ws_create", clear_on_submit=True, border=True):
        st.subheader(t("ws.create"), anchor=False)
        c1, c2 = st.columns([3, 1])
        name = c1.text_input(t("ws.name"), max_chars=60)
        currency = c2.selectbox(t("ws.currency"), ["NOK", "SEK", "DKK", "EUR", "USD", "GBP"])
        if st.form_submit_button(t("ws.create_button"), type="primary"):
            try:
                ws = workspaces.create(name, currency=currency)
            except WorkspaceError as exc:
                st.error(str(exc))
            else:
                open_workspace(ws.name)
                st.success(t("ws.created", name=ws.name))
                st.rerun()

st.subheader(t("ws.list"), anchor=False)
for ws in visible_workspaces():
    with st.container(border=True):
        top, open_col = st.columns([5, 1], vertical_alignment="center")
        label = ws.name + (f"  ·  {t('ws.current')}" if ws.name == ctx.workspace else "")
        top.markdown(f"**{label}**" if not any(ch in label for ch in "*_`[]<>\\") else label)
        if ws.is_demo:
            top.caption(f":orange-badge[{t('app.demo_badge')}]")
        if ws.name != ctx.workspace:
            open_col.button(t("ws.open"), key=f"open_{ws.name}", on_click=open_workspace, args=(ws.name,),
                            width="stretch")
        if not manage:
            continue
        with st.expander(t("ws.manage")):
            if ws.is_demo:
                d1, d2 = st.columns(2)
                if d1.button(t("ws.demo_rebuild"), key=f"rebuild_{ws.name}"):
                    demo.build(ws.path)
                    st.success(t("ws.demo_built"))
                if d2.button(t("ws.demo_remove"), key=f"rm_{ws.name}", type="primary"):
                    workspaces.delete(ws.name)
                    st.session_state.pop("workspace", None)
                    st.success(t("ws.demo_removed"))
                    st.rerun()
                continue
            new = st.text_input(t("ws.new_name"), key=f"new_{ws.name}", max_chars=60)
            if st.button(t("ws.rename"), key=f"ren_{ws.name}") and new:
                try:
                    renamed = workspaces.rename(ws.name, new)
                except WorkspaceError as exc:
                    st.error(str(exc))
                else:
                    if ws.name == ctx.workspace:
                        open_workspace(renamed.name)
                    st.success(t("ws.renamed", name=renamed.name))
                    st.rerun()
            if st.button(t("ws.backup"), key=f"bak_{ws.name}"):
                st.success(t("ws.backup_done", path=str(workspaces.backup(ws.path))))
            confirm = st.text_input(t("ws.delete_confirm", name=ws.name), key=f"del_{ws.name}")
            if st.button(t("ws.delete_button"), key=f"delbtn_{ws.name}", disabled=confirm.strip() != ws.name):
                workspaces.delete(ws.name)
                if ws.name == ctx.workspace:
                    st.session_state.pop("workspace", None)
                st.success(t("ws.deleted", name=ws.name))
                st.rerun()
