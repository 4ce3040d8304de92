"""Short-lived DuckDB connections with a bounded wait for the write lock.

DuckDB lets one process write a file, or many read it, never both. Mandag therefore never
keeps a connection open between operations: the app, `python -m connectors` and a cron sync
each open the file, do one unit of work and close it. When another process holds the file,
`connect` retries with jittered sleeps for up to `MANDAG_LOCK_WAIT` seconds (default 15),
then raises `WorkspaceBusy` with a sentence the user can act on.

Every connection is read-write: inside one process DuckDB refuses a read-only and a
read-write connection to the same file at the same time, and the app both reads and writes.
"""
from __future__ import annotations

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
    try:
        key = str(p.resolve())
        if key not in _migrated:
            with _migrate_lock:
                migrations.migrate(con, p)
                _migrated.add(key)
        yield con
    finally:
        con.close()


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
