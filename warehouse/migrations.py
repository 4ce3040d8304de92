"""Versioned schema migrations.

Each file `warehouse/migrations/NNNN_name.sql` is one version. A workspace records the
versions it has in `schema_migrations`; opening a file applies every missing version in order,
inside one transaction, after copying the file to `<name>.backup-v<old>.duckdb` when it already
held data. So a newer Mandag opens an older workspace and upgrades it, and a failed upgrade
leaves the file as it was (plus the backup).
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from warehouse import rollup

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Migrations that change the weekly rollup's shape: it is rebuilt from the facts after them.
ROLLUP_MIGRATIONS = frozenset({"0007_fact_weeks", "0008_fact_weeks_mapped"})
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    found = []
    for f in sorted(MIGRATIONS_DIR.iterdir()):
        m = _NAME.match(f.name)
        if m:
            found.append(Migration(int(m.group(1)), f.stem, f.read_text(encoding="utf-8")))
    versions = [m.version for m in found]
    if len(versions) != len(set(versions)):
        raise RuntimeError(f"Two migrations share a version number: {versions}")
    return found


def latest_version() -> int:
    return max(m.version for m in available())


def applied(con: duckdb.DuckDBPyConnection) -> set[int]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    return {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}


def pending(con: duckdb.DuckDBPyConnection) -> list[Migration]:
    done = applied(con)
    return [m for m in available() if m.version not in done]


def migrate(con: duckdb.DuckDBPyConnection, path: Path | None = None) -> list[int]:
    """Apply every missing migration; return the versions applied."""
    todo = pending(con)
    if not todo:
        return []
    done = applied(con)
    if path is not None and done and path.exists():
        # Back up before touching a workspace that already holds a schema.
        con.execute("CHECKPOINT")
        backup = path.with_name(f"{path.stem}.backup-v{max(done)}{path.suffix}")
        if backup.exists() and path.stat().st_mtime_ns > backup.stat().st_mtime_ns:
            # An earlier, failed upgrade left this backup and the workspace has changed since
            # (copy2 keeps the time stamp): keep that one and take a fresh one beside it.
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
            backup = path.with_name(f"{path.stem}.backup-v{max(done)}-{stamp}{path.suffix}")
        if not backup.exists():
            shutil.copy2(path, backup)
    con.execute("BEGIN TRANSACTION")
    try:
        for m in todo:
            con.execute(m.sql)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [m.version, m.name])
        if any(m.name in ROLLUP_MIGRATIONS for m in todo):
            rollup.rebuild(con)   # fill the weekly rollup from the facts the workspace already holds
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return [m.version for m in todo]
