"""Every page gates itself, as well as app.py.

Streamlit serves each file of a folder named `pages/` next to app.py at its own URL (/settings,
/import_data …) until some session has called st.navigation — without app.py ever running. Mandag's
page scripts therefore live in `views/`, and each of them still checks sign-in itself, so that no
page's safety depends on how Streamlit was started. Each page is run here on its own, as such a
visitor would reach it.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import DEMO_LAST_WEEK, ROOT
from tests.test_auth import AUTH, MANDAG
from warehouse import workspaces


def page_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "views").glob("*.py"))


def _shown(at: AppTest) -> str:
    parts = [e.value for e in at.title] + [e.value for e in at.header] + [e.value for e in at.subheader]
    parts += [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.info]
    parts += [e.value for e in at.error] + [b.label for b in at.button]
    return "\n".join(str(p) for p in parts)


@pytest.fixture
def three(data_dir: Path, demo_master: Path) -> Path:
    shutil.copy2(demo_master, data_dir / demo_master.name)
    for name in ("Client AS", "Other AS"):
        shutil.copy2(demo_master, workspaces.path_for(name, data_dir))
    return data_dir


def test_there_is_no_pages_folder_streamlit_would_serve_on_its_own() -> None:
    assert not (ROOT / "pages").exists(), "page scripts belong in views/: Streamlit serves pages/ without app.py"


def test_every_page_file_is_checked() -> None:
    assert {"views/monday.py", "views/settings.py", "views/import_data.py", "views/workspaces.py"} <= set(page_files())


@pytest.mark.parametrize("script", page_files())
def test_a_page_reached_directly_shows_only_the_sign_in_screen(script: str, three: Path) -> None:
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.secrets["mandag"] = MANDAG
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception, script
    assert [b.label for b in at.button] == ["Logg inn med Google", "Logg inn med Microsoft"], script
    assert not at.metric and not at.dataframe and not at.file_uploader and not at.text_input, script
    assert "Rørlegger" not in _shown(at) and "Client AS" not in _shown(at), script


@pytest.mark.parametrize("script", ["views/monday.py", "views/import_data.py", "views/settings.py"])
def test_a_stranger_reaching_a_page_directly_is_refused(script: str, three: Path) -> None:
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.secrets["mandag"] = MANDAG
    at.user = {"is_logged_in": True, "email": "noen@gmail.com"}
    at.run()
    assert not at.exception
    assert "ikke tilgang" in at.error[0].value
    assert not at.metric and not at.file_uploader


def test_a_client_reaching_a_page_directly_gets_their_own_workspace(data_dir: Path, demo_master: Path) -> None:
    shutil.copy2(demo_master, workspaces.path_for("Client AS", data_dir))   # has numbers
    other = workspaces.create("Other AS", data_dir).path                    # empty
    at = AppTest.from_file(str(ROOT / "views/monday.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.secrets["mandag"] = MANDAG
    at.user = {"is_logged_in": True, "email": "kunde@client.no"}
    at.session_state["db_path"] = str(other)  # the session names another workspace's file
    at.session_state["lang"] = "en"
    at.session_state["week_start"] = DEMO_LAST_WEEK
    at.run()
    assert at.metric
    # the client's own workspace has spend that week; the empty Other AS would show "—"
    assert at.metric[0].value.startswith("NOK"), at.metric[0].value


@pytest.mark.parametrize(("email", "can_change"), [("frilanser@byra.no", True), ("kunde@client.no", False)])
def test_only_owners_can_change_the_shared_google_credentials(email: str, can_change: bool, data_dir: Path,
                                                             demo_master: Path) -> None:
    shutil.copy2(demo_master, workspaces.path_for("Client AS", data_dir))
    at = AppTest.from_file(str(ROOT / "views/settings.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.secrets["mandag"] = MANDAG
    at.user = {"is_logged_in": True, "email": email}
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    keys = {u.key for u in at.file_uploader}
    assert ("google_sa_file" in keys) is can_change
    assert ("Only the owners of this Mandag installation can change this." in _shown(at)) is not can_change
