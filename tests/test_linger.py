"""The database stays open briefly after a read (`MANDAG_LINGER`), and never in anyone's way.

The test process runs with `MANDAG_LINGER=0` (tests/conftest.py); these tests switch it on.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from warehouse import db, workspaces

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def linger(monkeypatch):
    monkeypatch.setenv("MANDAG_LINGER", "0.6")
    yield 0.6
    for key in list(db._anchors):
        db.release(key)


def _other_process_can_lock(path, wait: float) -> bool:
    """Whether another process gets the workspace for writing within `wait` seconds."""
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from warehouse import db
        try:
            with db.connect({str(path)!r}, wait={wait}) as con:
                con.execute("CREATE TABLE IF NOT EXISTS probe (x INTEGER)")
            print("ok")
        except db.WorkspaceBusy:
            print("busy")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "MANDAG_LINGER": "0"})
    return out.stdout.strip() == "ok"


def test_reads_in_a_burst_share_one_open_database(tmp_path, linger):
    ws = workspaces.create("burst", tmp_path)
    with db.connect(ws.path) as con:
        con.execute("SELECT 1").fetchall()
    key = str(ws.path.resolve())
    assert key in db._anchors                    # still open after the connection closed
    with db.connect(ws.path) as con:             # served by the open database
        assert con.execute("SELECT value FROM workspace_meta WHERE key = 'currency'").fetchall() == [("NOK",)]
    deadline = time.monotonic() + 10
    while key in db._anchors and time.monotonic() < deadline:
        time.sleep(0.05)
    assert key not in db._anchors                # closed once idle for the linger time


def test_another_process_gets_the_file_after_the_linger(tmp_path, linger):
    ws = workspaces.create("shared", tmp_path)
    with db.connect(ws.path) as con:
        con.execute("SELECT 1").fetchall()
    assert not _other_process_can_lock(ws.path, wait=0)          # held right now …
    assert _other_process_can_lock(ws.path, wait=5)               # … but only for a moment


def test_release_frees_the_file_at_once_and_rename_and_delete_work_right_after_reads(tmp_path, linger):
    ws = workspaces.create("named", tmp_path)
    with db.connect(ws.path) as con:
        con.execute("SELECT 1").fetchall()
    db.release(ws.path)
    assert _other_process_can_lock(ws.path, wait=0)

    with db.connect(ws.path) as con:
        con.execute("INSERT OR REPLACE INTO workspace_meta VALUES ('note', 'before rename')")
    renamed = workspaces.rename("named", "renamed", tmp_path)
    with db.connect(renamed.path) as con:
        assert con.execute("SELECT value FROM workspace_meta WHERE key = 'note'").fetchall() == [("before rename",)]
    # A new workspace under the old name is a new, empty file — not the renamed one still open.
    again = workspaces.create("named", tmp_path)
    with db.connect(again.path) as con:
        assert con.execute("SELECT value FROM workspace_meta WHERE key = 'note'").fetchall() == []
    workspaces.delete("renamed", tmp_path)
    assert not renamed.path.exists()
    assert str(renamed.path.resolve()) not in db._anchors


def test_linger_zero_closes_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv("MANDAG_LINGER", "0")
    ws = workspaces.create("plain", tmp_path)
    with db.connect(ws.path) as con:
        con.execute("SELECT 1").fetchall()
    assert str(ws.path.resolve()) not in db._anchors
    assert _other_process_can_lock(ws.path, wait=0)


def test_a_write_through_the_app_has_its_final_data_version_at_once(tmp_path, linger):
    from ui import cache

    ws = workspaces.create("versioned", tmp_path)
    cache.run(lambda con: con.execute("INSERT OR REPLACE INTO workspace_meta VALUES ('note', 'x')"), db_path=ws.path)
    after_write = db.data_version(ws.path)
    db.release(ws.path)                          # what the linger does a moment later
    assert db.data_version(ws.path) == after_write, "closing the database must not change the version again"


def test_release_waits_for_a_read_still_running_in_another_thread(tmp_path, linger):
    import threading

    ws = workspaces.create("busyread", tmp_path)
    started, finish = threading.Event(), threading.Event()

    def slow_read():
        with db.connect(ws.path) as con:
            con.execute("SELECT 1").fetchall()
            started.set()
            finish.wait(5)

    t = threading.Thread(target=slow_read)
    t.start()
    started.wait(5)
    threading.Timer(0.3, finish.set).start()
    t0 = time.monotonic()
    db.release(ws.path)
    waited = time.monotonic() - t0
    t.join(5)
    assert waited >= 0.25, "release must wait for the read to end"
    assert str(ws.path.resolve()) not in db._anchors
    assert _other_process_can_lock(ws.path, wait=0)
