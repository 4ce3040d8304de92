"""Answers that cannot change during one read-only call, worked out once.

The Monday view makes some twenty statements, and several of its parts asked again whether the
weekly rollup is current, which source of truth the leads come from and what the workspace
currency is (2–3 ms per round on a busy account). Inside `reading(con)` the `remembered`
functions answer once and repeat that answer until the block ends.

Only functions of the connection alone that never write are `remembered`; a block is one call
that reads (it must not write either). Writers keep the rollup in step inside their own
transactions, so a write committed by another thread meanwhile leaves a remembered "the rollup
is current" true. The block is not a transaction: DuckDB aborts a transaction on any failed
statement, and readers here may try a statement and fall back.
"""
from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import duckdb

R = TypeVar("R")

_local = threading.local()   # per thread: id(connection) → that block's remembered answers


def _scopes() -> dict[int, dict[str, Any]]:
    scopes = getattr(_local, "scopes", None)
    if scopes is None:
        scopes = _local.scopes = {}
    return scopes


@contextlib.contextmanager
def reading(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """A read-only block on `con` in which `remembered` answers are worked out once. Nested
    blocks on the same connection share the outer one."""
    scopes = _scopes()
    if id(con) in scopes:
        yield
        return
    scopes[id(con)] = {}
    try:
        yield
    finally:
        del scopes[id(con)]


def one_read(fn: Callable[..., R]) -> Callable[..., R]:
    """Run `fn(con, ...)`, a read-only call, as one `reading` block."""

    @functools.wraps(fn)
    def wrapper(con: duckdb.DuckDBPyConnection, *args: Any) -> R:
        with reading(con):
            return fn(con, *args)

    return wrapper


def remembered(fn: Callable[[duckdb.DuckDBPyConnection], R]) -> Callable[[duckdb.DuckDBPyConnection], R]:
    """`fn(con)` once per `reading` block (every call outside one). `fn` must not write, and
    callers must not change its result."""
    key = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper(con: duckdb.DuckDBPyConnection) -> R:
        memo = _scopes().get(id(con))
        if memo is None:
            return fn(con)
        if key not in memo:
            memo[key] = fn(con)
        return memo[key]

    return wrapper
