"""The one idempotent loader.

A file (or an API pull) becomes a `FileLoad`: one or more `Part`s of canonical rows plus what
the import log needs. `load` then, in one transaction:

1. returns `unchanged` when the same bytes were loaded before and nothing newer overlapped them;
2. deletes the rows of the same source + account whose period overlaps the new range
   (so a re-import or an overlapping export never double-counts);
3. inserts the new rows tagged with a new import id and records the import with its totals;
4. rebuilds the weekly rollup (`warehouse.rollup`) of the weeks the deleted and new rows cover.

A failure anywhere rolls everything back: the workspace is unchanged.
"""
from __future__ import annotations

import hashlib
import json
import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Literal

import duckdb
import pandas as pd

from warehouse import rollup
from warehouse.contract import COLUMNS, MEASURES, SOURCE_SCOPED

Origin = Literal["file", "api", "demo"]
Status = Literal["loaded", "unchanged"]


@dataclass(frozen=True)
class Part:
    table: str
    frame: pd.DataFrame


@dataclass(frozen=True)
class FileLoad:
    file_name: str
    file_hash: str
    source: str
    account: str
    date_from: date
    date_to: date
    parts: tuple[Part, ...]
    currency: str | None = None
    warnings: tuple[str, ...] = ()
    origin: Origin = "file"


@dataclass(frozen=True)
class LoadResult:
    status: Status
    import_id: int
    rows: int
    totals: dict[str, float] = field(default_factory=dict)
    replaced_rows: int = 0


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def totals_of(parts: tuple[Part, ...]) -> dict[str, float]:
    out: dict[str, float] = {}
    for part in parts:
        for m in MEASURES[part.table]:
            if m in part.frame.columns:
                out[m] = out.get(m, 0.0) + float(pd.to_numeric(part.frame[m], errors="coerce").fillna(0).sum())
    return {k: round(v, 6) for k, v in out.items()}


def _check(part: Part) -> None:
    if part.table not in COLUMNS:
        raise ValueError(f"Unknown fact table {part.table!r}")
    want = set(COLUMNS[part.table])
    have = set(part.frame.columns)
    if want != have:
        raise ValueError(
            f"{part.table}: columns differ from the contract; missing {sorted(want - have)}, extra {sorted(have - want)}"
        )


def _unchanged(con: duckdb.DuckDBPyConnection, fl: FileLoad) -> int | None:
    row = con.execute(
        """
        SELECT i.import_id FROM imports i
        WHERE i.file_hash = ? AND i.source = ? AND i.account = ? AND i.status = 'loaded'
          AND NOT EXISTS (
            SELECT 1 FROM imports later
            WHERE later.import_id > i.import_id AND later.status = 'loaded'
              AND later.source = i.source AND later.account = i.account
              AND later.date_from <= i.date_to AND later.date_to >= i.date_from)
        ORDER BY i.import_id DESC LIMIT 1
        """,
        [fl.file_hash, fl.source, fl.account],
    ).fetchall()
    return row[0][0] if row else None


def _delete_overlap(con: duckdb.DuckDBPyConnection, fl: FileLoad, table: str,
                    touched: dict[str, list[date]]) -> int:
    # Table name comes from the contract, never from a file.
    where = "account = ? AND period_start <= ? AND period_end >= ?"
    params: list[object] = [fl.account, fl.date_to, fl.date_from]
    if table in SOURCE_SCOPED:
        where += " AND source = ?"
        params.append(fl.source)
    else:
        where += " AND import_id IN (SELECT import_id FROM imports WHERE source = ?)"
        params.append(fl.source)
    n = con.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchall()[0][0]
    if n:
        lo, hi = rollup.span(con, table, where, params)
        con.execute(f"DELETE FROM {table} WHERE {where}", params)
        _touched(touched, table, lo, hi)
    return int(n)


def _touched(touched: dict[str, list[date]], table: str, lo: date | None, hi: date | None) -> None:
    """Widen `touched[table]` (the dates whose weekly rollup must be rebuilt) to cover [lo, hi]."""
    if lo is None or hi is None:
        return
    span = touched.setdefault(table, [lo, hi])
    span[0], span[1] = min(span[0], lo), max(span[1], hi)


def _insert(con: duckdb.DuckDBPyConnection, part: Part, import_id: int) -> int:
    cols = COLUMNS[part.table]
    frame = part.frame[list(cols)]
    name = "_mandag_batch"
    con.register(name, frame)
    try:
        select = ", ".join(f"CAST({c} AS {t})" for c, t in cols.items())
        con.execute(
            f"INSERT INTO {part.table} (import_id, {', '.join(cols)}) SELECT ?, {select} FROM {name}",
            [import_id],
        )
    finally:
        con.unregister(name)
    return len(frame)


def _mark_replaced(con: duckdb.DuckDBPyConnection) -> None:
    counts = " UNION ALL ".join(f"SELECT import_id FROM {t}" for t in COLUMNS)
    con.execute(
        f"UPDATE imports SET status = 'replaced' WHERE status = 'loaded' "
        f"AND import_id NOT IN (SELECT DISTINCT import_id FROM ({counts}) WHERE import_id IS NOT NULL)"
    )


CONFLICT_RETRIES = 8


def load(con: duckdb.DuckDBPyConnection, fl: FileLoad) -> LoadResult:
    """Load one file's rows atomically and idempotently (see module doc).

    Two sessions of one app server share DuckDB's database instance, so two overlapping loads can
    meet inside it: the later commit then fails with a transaction conflict and has changed
    nothing. It is tried again (bounded, with a short jittered wait): the load is idempotent.
    """
    for part in fl.parts:
        _check(part)
    if fl.date_from > fl.date_to:
        raise ValueError("date_from is after date_to")
    for attempt in range(CONFLICT_RETRIES):
        try:
            return _load_once(con, fl)
        except duckdb.TransactionException:
            if attempt == CONFLICT_RETRIES - 1:
                raise
            time.sleep(0.02 * (attempt + 1) * (0.5 + random.random()))
    raise AssertionError("unreachable")


def _load_once(con: duckdb.DuckDBPyConnection, fl: FileLoad) -> LoadResult:
    totals = totals_of(fl.parts)
    rows = sum(len(p.frame) for p in fl.parts)
    con.execute("BEGIN TRANSACTION")
    try:
        same = _unchanged(con, fl)
        if same is not None:
            con.execute("ROLLBACK")
            return LoadResult("unchanged", same, rows, totals)
        replaced = 0
        fresh = rollup.current(con)
        touched: dict[str, list[date]] = {}
        for table in dict.fromkeys(p.table for p in fl.parts):
            replaced += _delete_overlap(con, fl, table, touched)
        import_id = con.execute("SELECT nextval('import_id_seq')").fetchall()[0][0]
        for part in fl.parts:
            _insert(con, part, import_id)
            if len(part.frame):
                _touched(touched, part.table, pd.Timestamp(part.frame["period_start"].min()).date(),
                         pd.Timestamp(part.frame["period_end"].max()).date())
        # The weekly sums of the weeks this load changed.
        rollup.update(con, {t: (lo, hi) for t, (lo, hi) in touched.items()}, fresh)
        con.execute(
            """INSERT INTO imports (import_id, file_name, file_hash, source, account, fact_table, date_from, date_to,
                   rows, currency, totals, warnings, origin, status, imported_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'loaded', ?)""",
            [import_id, fl.file_name, fl.file_hash, fl.source, fl.account,
             ",".join(dict.fromkeys(p.table for p in fl.parts)), fl.date_from, fl.date_to, rows, fl.currency,
             json.dumps(totals), json.dumps(list(fl.warnings), ensure_ascii=False), fl.origin,
             datetime.now(timezone.utc).replace(tzinfo=None)],
        )
        if replaced:
            _mark_replaced(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return LoadResult("loaded", int(import_id), rows, totals, replaced)


def undo(con: duckdb.DuckDBPyConnection, import_id: int) -> int:
    """Remove every row an import brought in; return how many. The import stays in the log as 'undone'."""
    con.execute("BEGIN TRANSACTION")
    try:
        removed = 0
        fresh = rollup.current(con)
        touched: dict[str, tuple[date | None, date | None]] = {}
        for table in COLUMNS:
            n = con.execute(f"SELECT count(*) FROM {table} WHERE import_id = ?", [import_id]).fetchall()[0][0]
            if n:
                touched[table] = rollup.span(con, table, "import_id = ?", [import_id])
                con.execute(f"DELETE FROM {table} WHERE import_id = ?", [import_id])
                removed += int(n)
        rollup.update(con, touched, fresh)
        con.execute("UPDATE imports SET status = 'undone' WHERE import_id = ?", [import_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return removed
