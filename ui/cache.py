"""Cached reads of small results, keyed by the workspace file's data version.

`cached(fn, *args)` runs `fn(con, *args)` in a short-lived connection. The cache key holds the
file's modification stamp, so data written by another process (a cron sync, a CLI import)
shows on the next rerun without a restart. Only small aggregates should pass through here:
results are pickled per call. Every read runs in a `warehouse.snapshot.reading` block, so it
is read-only by contract.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from warehouse import db, snapshot

R = TypeVar("R")


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _run(module: str, name: str, db_path: str, version: tuple[float, int], args: tuple[Any, ...]) -> Any:
    fn = getattr(importlib.import_module(module), name)
    with db.connect(db_path) as con, snapshot.reading(con):
        return fn(con, *args)


def cached(fn: Callable[..., R], *args: Any, db_path: Path | str | None = None) -> R:
    if db_path is None:
        from ui.context import current

        db_path = current().db_path
    if db_path is None:
        raise RuntimeError("No workspace is open")
    return _run(fn.__module__, fn.__qualname__, str(db_path), db.data_version(db_path), tuple(args))


def run(fn: Callable[..., R], *args: Any, db_path: Path | str | None = None) -> R:
    """Run `fn(con, *args)` uncached (writes), then drop cached reads."""
    if db_path is None:
        from ui.context import current

        db_path = current().db_path
    with db.connect(db_path) as con:
        out = fn(con, *args)
        # Fold the write into the file now: the data version (the file's stamp) is then final.
        # Left in the WAL, it would be folded in when the database closes — after the linger —
        # and change the version a second time, making every read cached meanwhile miss again.
        con.execute("CHECKPOINT")
    clear()
    return out


def clear() -> None:
    _run.clear()
