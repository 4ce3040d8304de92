"""Short-lived DuckDB connections with a bounded wait for the write lock.

DuckDB lets one process write a file, or many read it, never both. Mandag therefore never
keeps a connection open between operations: the app, `python -m connectors` and a cron sync
each open the file, do one unit of work and close it. When another process holds the file,
`connect` retries with jittered sleeps for up to `MANDAG_LOCK_WAIT` seconds (default 15),
then raises `WorkspaceBusy` with a sentence the user can act on.

Every connection is read-write: inside one process DuckDB refuses a read-only and a
read-write connection to the same file at the same time, and the app both reads and writes.

Opening a file costs 10–25 ms (DuckDB reads its catalog and starts with a cold buffer cache),
and one page run makes several reads. So the database stays open for `MANDAG_LINGER` seconds
(default 1.5) after its last connection closed: reads in that time open in well under a
millisecond and find their blocks cached. Another process waiting for the file gets it at most
that much later (well inside its lock wait). `release` closes it at once; it is called before a
workspace file is renamed, deleted or replaced.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from warehouse import migrations

_migrated: set[str] = set()
_migrate_lock = threading.Lock()

_anchor_lock = threading.Lock()
_anchors: dict[str, duckdb.DuckDBPyConnection] = {}   # path → a connection keeping the database open
_in_use: dict[str, int] = {}
_last_used: dict[str, float] = {}
_reaper: threading.Thread | None = None
_stopping = threading.Event()


class WorkspaceBusy(RuntimeError):
    """Another process kept the workspace file locked for longer than we wait.

    `workspace` (the name) and `seconds` let the app say it in the user's language.
    """

    def __init__(self, workspace: str, seconds: float):
        self.workspace, self.seconds = workspace, seconds
        super().__init__(
            f"The workspace {workspace} is busy: another Mandag process (an import or a sync) "
            f"has held it for over {seconds:g} s. Wait a moment and try again."
        )

    def __reduce__(self):  # type: ignore[override]
        return (WorkspaceBusy, (self.workspace, self.seconds))


def lock_wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get("MANDAG_LOCK_WAIT", "15")))
    except ValueError:
        return 15.0


def _open(path: Path, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    delay = 0.01
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as exc:  # the file is locked by another process
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                if "lock" in str(exc).lower():
                    raise WorkspaceBusy(path.stem, wait) from exc
                raise
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 1.6, 0.2)


@contextlib.contextmanager
def connect(path: str | os.PathLike[str], *, wait: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the workspace at `path` (created and migrated if needed) for one unit of work."""
    p = Path(path)
    private_folder(p.parent)
    con = _open(p, lock_wait_seconds() if wait is None else wait)
    key = str(p.resolve())
    _hold(key)
    try:
        if key not in _migrated:
            with _migrate_lock:
                migrations.migrate(con, p)
                _migrated.add(key)
        yield con
    finally:
        con.close()
        _done(key)


def linger_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get("MANDAG_LINGER", "1.5")))
    except ValueError:
        return 1.5


def _hold(key: str) -> None:
    with _anchor_lock:
        _in_use[key] = _in_use.get(key, 0) + 1
        if linger_seconds() > 0 and key not in _anchors:
            # A second connection to the database `con` opened (DuckDB shares an open file's
            # instance within a process), so it stays open when `con` closes.
            _anchors[key] = duckdb.connect(key)


def _done(key: str) -> None:
    global _reaper
    with _anchor_lock:
        _in_use[key] = _in_use.get(key, 1) - 1
        if _in_use[key] <= 0:
            del _in_use[key]
        _last_used[key] = time.monotonic()
        if key in _anchors and (_reaper is None or not _reaper.is_alive()):
            _reaper = threading.Thread(target=_reap, name="mandag-db-linger", daemon=True)
            _reaper.start()


def _reap() -> None:
    """Close each database idle for longer than the linger time; stop when none is open."""
    while not _stopping.is_set():
        _stopping.wait(min(0.25, max(0.05, linger_seconds() / 4)))
        now = time.monotonic()
        with _anchor_lock:
            for key in [k for k in _anchors if _stopping.is_set() or (
                    _in_use.get(k, 0) <= 0 and now - _last_used.get(k, 0) >= linger_seconds())]:
                _close_anchor(key)
            if not _anchors:
                return


@atexit.register
def _close_all() -> None:
    """At exit: close the lingering databases from the main thread, and stop the reaper first
    (a DuckDB call cut off by interpreter shutdown aborts the process)."""
    _stopping.set()
    if _reaper is not None:
        _reaper.join(timeout=2)
    with _anchor_lock:
        for key in list(_anchors):
            _close_anchor(key)


def _close_anchor(key: str) -> None:
    con = _anchors.pop(key, None)
    _last_used.pop(key, None)
    if con is not None:
        with contextlib.suppress(Exception):
            con.close()


def release(path: str | os.PathLike[str], wait: float = 5.0) -> None:
    """Close the database of `path` now (before the file is renamed, deleted or replaced).

    Waits (up to `wait` seconds) for this process's other connections to it to finish — a
    background read, say — so that none keeps the old file open under its old name.
    """
    key = str(Path(path).resolve())
    deadline = time.monotonic() + wait
    while True:
        with _anchor_lock:
            if _in_use.get(key, 0) <= 0 or time.monotonic() >= deadline:
                _close_anchor(key)
                return
        time.sleep(0.02)


def private_folder(folder: Path) -> None:
    """Create `folder` (and its parents) if missing; a folder Mandag creates is the owner's only (0700).

    Workspaces hold a business's spend, revenue and customer numbers; on a shared server other
    accounts must not read them. An existing folder keeps the permissions its owner gave it.
    """
    if folder.exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(folder, 0o700)
    except OSError:  # a file system without Unix permissions
        pass


def forget(path: str | os.PathLike[str]) -> None:
    """Drop what this process remembers about a file (after it was deleted or replaced)."""
    release(path)
    _migrated.discard(str(Path(path).resolve()))


def data_version(path: str | os.PathLike[str]) -> tuple[float, int]:
    """A cheap token that changes whenever another process writes the workspace.

    Used as a cache key so the app shows new data from a sync without a restart.
    """
    p = Path(path)
    stamps = []
    for candidate in (p, p.with_name(p.name + ".wal")):
        try:
            st = candidate.stat()
            stamps.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            stamps.append((0, 0))
    return (max(s[0] for s in stamps) / 1e9, sum(s[1] for s in stamps))
