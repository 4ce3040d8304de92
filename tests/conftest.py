"""Shared fixtures: a temporary data folder, the demo workspace (built once), AppTest helpers."""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

# Tests open, copy and lock workspace files from several processes right after using them, so the
# test process closes each database at once; tests/test_linger.py covers the lingering default,
# and the browser tests run their app servers with it.
os.environ.setdefault("MANDAG_LINGER", "0")
# Page runs here do not warm the next week in background threads (tests/test_warm.py covers it).
os.environ.setdefault("MANDAG_WARM", "0")

ROOT = Path(__file__).resolve().parent.parent
DEMO_END = date(2026, 11, 25)           # demo data runs to Sunday 2026-11-22
DEMO_LAST_WEEK = date(2026, 11, 16)     # the last complete demo week (ISO week 47)


@pytest.fixture(autouse=True)
def _clear_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("MANDAG_DATA", str(folder))
    return folder


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    from connectors import demo
    from warehouse import workspaces

    folder = tmp_path_factory.mktemp("demo")
    path = folder / f"{workspaces.DEMO_NAME}.duckdb"
    demo.build(path, end=DEMO_END)
    return path


@pytest.fixture
def demo_db(demo_master, data_dir) -> Path:
    """A private copy of the demo workspace inside this test's data folder."""
    from warehouse import db

    dest = data_dir / demo_master.name
    with db.connect(demo_master) as con:
        con.execute("CHECKPOINT")
    shutil.copy2(demo_master, dest)
    return dest


def app_test(script: str, db_path: Path | None, lang: str = "nb", week: date | None = DEMO_LAST_WEEK) -> AppTest:
    """An AppTest of one page script with the context the shell would give it."""
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    if db_path is not None:
        at.session_state["db_path"] = str(db_path)
    at.session_state["lang"] = lang
    if week is not None:
        at.session_state["week_start"] = week
    return at
