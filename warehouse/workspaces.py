"""Workspace files on disk: one DuckDB file per workspace in the data folder.

The data folder is `./data` by default, `MANDAG_DATA` when set. A workspace's name is its
file stem; names are limited to letters, digits, spaces, `-` and `_` so that a name can never
reach outside the data folder.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from warehouse import db, rollup

SUFFIX = ".duckdb"
DEMO_NAME = "Demo - Rørlegger Nord AS"
_VALID = re.compile(r"^[\w][\w \-]{0,59}$", re.UNICODE)


class WorkspaceError(ValueError):
    """A workspace operation the user asked for cannot be done; the message says why."""


@dataclass(frozen=True)
class Workspace:
    name: str
    path: Path
    is_demo: bool


def data_dir() -> Path:
    return Path(os.environ.get("MANDAG_DATA", "data")).expanduser()


def validate_name(name: str) -> str:
    name = name.strip()
    if not _VALID.match(name):
        raise WorkspaceError(
            "Use 1–60 letters, digits, spaces, '-' or '_' for the workspace name (it becomes a file name)."
        )
    return name


def path_for(name: str, folder: Path | None = None) -> Path:
    return (folder or data_dir()) / f"{validate_name(name)}{SUFFIX}"


def _is_backup(p: Path) -> bool:
    return ".backup-v" in p.name


def list_workspaces(folder: Path | None = None) -> list[Workspace]:
    folder = folder or data_dir()
    if not folder.exists():
        return []
    out = []
    for p in sorted(folder.glob(f"*{SUFFIX}")):
        if _is_backup(p):
            continue
        out.append(Workspace(p.stem, p, is_demo=p.stem == DEMO_NAME or _is_demo(p)))
    return out


_demo_flags: dict[tuple[str, int, int], bool] = {}


def _is_demo(p: Path) -> bool:
    """The file's `is_demo` flag, read once per version of the file (every page run lists the
    workspaces; opening each file for one flag cost a fresh session 10–25 ms a file)."""
    st = p.stat()
    key = (str(p.resolve()), st.st_ino, st.st_mtime_ns)
    if key not in _demo_flags:
        if len(_demo_flags) > 256:
            _demo_flags.clear()
        _demo_flags[key] = get_meta(p, "is_demo") == "1"
    return _demo_flags[key]


def get_meta(path: Path, key: str) -> str | None:
    with db.connect(path) as con:
        rows = con.execute("SELECT value FROM workspace_meta WHERE key = ?", [key]).fetchall()
    return rows[0][0] if rows else None


def set_meta(path: Path, key: str, value: str) -> None:
    with db.connect(path) as con:
        con.execute("INSERT OR REPLACE INTO workspace_meta VALUES (?, ?)", [key, value])


def create(name: str, folder: Path | None = None, *, currency: str = "NOK", demo: bool = False) -> Workspace:
    path = path_for(name, folder)
    if path.exists():
        raise WorkspaceError(f"A workspace called “{name.strip()}” already exists.")
    with db.connect(path) as con, rollup.transaction(con):
        con.executemany(
            "INSERT OR REPLACE INTO workspace_meta VALUES (?, ?)",
            [["currency", currency], ["is_demo", "1" if demo else "0"],
             ["created_at", datetime.now(timezone.utc).isoformat(timespec="seconds")]],
        )
        rollup.rebuild(con)   # empty, in the workspace currency
    return Workspace(path.stem, path, demo)


def rename(old: str, new: str, folder: Path | None = None) -> Workspace:
    src, dst = path_for(old, folder), path_for(new, folder)
    if not src.exists():
        raise WorkspaceError(f"There is no workspace called “{old}”.")
    if dst.exists():
        raise WorkspaceError(f"A workspace called “{new.strip()}” already exists.")
    with db.connect(src) as con:  # waits for other writers, and checkpoints the WAL into the file
        con.execute("CHECKPOINT")
    db.release(src)
    src.rename(dst)
    db.forget(src)
    return Workspace(dst.stem, dst, get_meta(dst, "is_demo") == "1")


def delete(name: str, folder: Path | None = None) -> None:
    path = path_for(name, folder)
    if not path.exists():
        raise WorkspaceError(f"There is no workspace called “{name}”.")
    db.release(path)
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
    db.forget(path)


def backup(path: Path, dest: Path | None = None) -> Path:
    """Copy a workspace to `dest` (default: `<data>/backups/<name>-<UTC time>.duckdb`), consistently."""
    if not path.exists():
        raise WorkspaceError(f"There is no workspace file at {path}.")
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    dest = dest or path.parent / "backups" / f"{path.stem}-{stamp}{SUFFIX}"
    db.private_folder(dest.parent)
    with db.connect(path) as con:
        con.execute("CHECKPOINT")
        shutil.copy2(path, dest)  # the lock is held while copying, so no writer can interleave
    return dest
