"""The whole app behind the sign-in gate: AppTest of app.py with faked secrets and `st.user`."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.test_auth import AUTH, MANDAG
from warehouse import workspaces


def app(user: dict[str, Any], mandag: dict[str, Any] | None = MANDAG) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    if mandag is not None:
        at.secrets["mandag"] = mandag
    at.user = user
    return at.run()


def _three_workspaces(data_dir: Path, demo_master: Path) -> None:
    shutil.copy2(demo_master, data_dir / demo_master.name)
    for name in ("Client AS", "Other AS"):
        shutil.copy2(demo_master, workspaces.path_for(name, data_dir))


def test_signed_out_visitor_sees_the_sign_in_screen_only(data_dir: Path, demo_master: Path) -> None:
    _three_workspaces(data_dir, demo_master)
    at = app({"is_logged_in": False})
    assert not at.exception
    assert [b.label for b in at.button] == ["Logg inn med Google", "Logg inn med Microsoft"]
    assert not at.metric and not at.dataframe and not at.selectbox
    assert not at.sidebar.selectbox


def test_stranger_is_refused(data_dir: Path, demo_master: Path) -> None:
    _three_workspaces(data_dir, demo_master)
    at = app({"is_logged_in": True, "email": "noen@gmail.com"})
    assert not at.exception
    assert "ikke tilgang" in at.error[0].value
    assert not at.metric and not at.sidebar.selectbox and not at.sidebar.pills


def test_client_gets_only_their_workspace_even_when_asking_for_another(data_dir: Path, demo_master: Path) -> None:
    _three_workspaces(data_dir, demo_master)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.secrets["mandag"] = MANDAG
    at.user = {"is_logged_in": True, "email": "kunde@client.no", "name": "Kari Kunde"}
    at.query_params["ws"] = "Other AS"
    at.run()
    assert not at.exception
    picker = at.sidebar.pills[0]               # the workspace picker: one pill per workspace
    assert picker.options == ["Client AS"]
    assert at.session_state["workspace"] == "Client AS"
    assert any("Kari Kunde" in c.value for c in at.sidebar.caption)
    assert "Logg ut" in [b.label for b in at.sidebar.button]


def test_owner_sees_every_workspace(data_dir: Path, demo_master: Path) -> None:
    _three_workspaces(data_dir, demo_master)
    at = app({"is_logged_in": True, "email": "frilanser@byra.no"})
    assert not at.exception
    picker = at.sidebar.pills[0]
    assert sorted(picker.options) == sorted(["Client AS", "Other AS", workspaces.DEMO_NAME])
    picker.set_value("Other AS").run()            # one click switches
    assert not at.exception
    assert at.session_state["workspace"] == "Other AS"
