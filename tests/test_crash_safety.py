"""A killed import, an interrupted upgrade or a backup never leaves a workspace half-written.

The kill test starts a 200 000-row load in another process and SIGKILLs it after a seeded random
delay, 24 times. After each kill the workspace must open (DuckDB replays or drops its WAL) and
hold exactly the state before the load or exactly the state after it: same rows, spend, clicks
and number of loaded imports.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import proc_worker
from warehouse import db, migrations, workspaces

ROOT = Path(__file__).resolve().parents[1]
WORKER = Path(proc_worker.__file__)
KILLS = 24


def worker(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WORKER), *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


BIG = ["--rows", "200000", "--seed", "7", "--start", "2025-03-01", "--days", "300"]


def test_sigkill_during_a_large_import_leaves_the_old_or_the_new_state(tmp_path: Path) -> None:
    base = tmp_path / "base.duckdb"
    # Old state: 50 000 rows Jan–Jun 2025; the big load overlaps it from March, so it deletes and inserts.
    p = worker("load", "--db", str(base), "--rows", "50000", "--seed", "1", "--start", "2025-01-01", "--days", "181")
    assert p.wait(timeout=120) == 0, p.stderr.read()
    old = proc_worker.state(base)
    db.forget(base)

    full = tmp_path / "full.duckdb"
    shutil.copy2(base, full)
    p = worker("load", "--db", str(full), *BIG)
    assert p.stdout.readline().strip() == "ready"
    t0 = time.monotonic()
    assert '"loaded"' in p.stdout.readline()  # printed once the load has committed and closed
    load_seconds = time.monotonic() - t0
    assert p.wait(timeout=120) == 0, p.stderr.read()
    new = proc_worker.state(full)
    assert new != old and new["imports"] == 2 and new["rows"] > old["rows"]

    rng = random.Random(20261126)
    seen = {"old": 0, "new": 0}
    for i in range(KILLS):
        path = tmp_path / f"kill{i}.duckdb"
        shutil.copy2(base, path)
        p = worker("load", "--db", str(path), *BIG)
        assert p.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, load_seconds * 1.2))
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=60)
        got = proc_worker.state(path)  # opens (and recovers) the workspace
        assert got in (old, new), f"kill {i}: {got} is neither {old} nor {new}"
        seen["old" if got == old else "new"] += 1
        if i % 8 == 0:  # the workspace is usable again: the same import now completes
            p = worker("load", "--db", str(path), *BIG)
            assert p.wait(timeout=120) == 0, p.stderr.read()
            assert proc_worker.state(path) == new
        db.forget(path)
        path.unlink()
        path.with_name(path.name + ".wal").unlink(missing_ok=True)
    # The delays must have landed both before and after the commit, or the test proved little.
    print("kill outcomes", seen, "load seconds", round(load_seconds, 3))
    assert seen["old"] > 0 and seen["new"] > 0, seen


def _workspace_at_version_1(path: Path) -> None:
    """A file as Mandag left it when only 0001 existed, with one import in it."""
    con = duckdb.connect(str(path))
    try:
        con.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
            "applied_at TIMESTAMP DEFAULT current_timestamp)")
        first = migrations.available()[0]
        assert first.version == 1
        con.execute(first.sql)
        con.execute("INSERT INTO schema_migrations (version, name) VALUES (1, ?)", [first.name])
        con.execute("INSERT INTO workspace_meta VALUES ('currency', 'NOK')")
        con.execute(
            "INSERT INTO imports (import_id, file_name, file_hash, source, account, fact_table, rows, imported_at) "
            "VALUES (1, 'old.csv', 'h', 'google_ads', 'a', 'ad_performance', 1, TIMESTAMP '2026-01-05 08:00:00')")
        con.execute(
            "INSERT INTO ad_performance (import_id, source, account, campaign, channel, period_start, period_end, "
            "currency, spend) VALUES (1, 'google_ads', 'a', 'Merkevare', 'Paid Search', DATE '2026-01-05', "
            "DATE '2026-01-05', 'NOK', 1234.5)")
    finally:
        con.close()


def _versions(path: Path) -> list[int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()]
    finally:
        con.close()


def _with_extra_migration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sql: str) -> Path:
    """The real migrations plus one more after the latest, in a folder of their own."""
    folder = tmp_path / "migrations"
    folder.mkdir()
    for f in migrations.MIGRATIONS_DIR.glob("*.sql"):
        shutil.copy2(f, folder / f.name)
    extra = folder / f"{migrations.latest_version() + 1:04d}_later.sql"
    extra.write_text(sql, encoding="utf-8")
    monkeypatch.setattr(migrations, "MIGRATIONS_DIR", folder)
    return extra


def test_upgrade_from_an_older_schema_backs_up_the_file_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_extra_migration(monkeypatch, tmp_path, "CREATE TABLE later_table (x INTEGER);")
    path = tmp_path / "Kunde AS.duckdb"
    _workspace_at_version_1(path)
    latest = migrations.latest_version()
    assert latest >= 2

    with db.connect(path) as con:
        assert con.execute("SELECT sum(spend) FROM ad_performance").fetchall()[0][0] == 1234.5
    db.forget(path)

    backup = tmp_path / "Kunde AS.backup-v1.duckdb"
    assert backup.exists()
    assert _versions(backup) == [1]
    con = duckdb.connect(str(backup), read_only=True)
    assert con.execute("SELECT sum(spend) FROM ad_performance").fetchall()[0][0] == 1234.5
    con.close()
    assert _versions(path) == [m.version for m in migrations.available()]
    # a backup is never listed as a workspace of its own
    assert [w.name for w in workspaces.list_workspaces(tmp_path)] == ["Kunde AS"]


def test_a_failing_upgrade_leaves_the_workspace_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_extra_migration(monkeypatch, tmp_path,
                          "CREATE TABLE half_done (x INTEGER);\nALTER TABLE no_such_table ADD COLUMN y INTEGER;")
    path = tmp_path / "Kunde AS.duckdb"
    _workspace_at_version_1(path)
    with pytest.raises(duckdb.Error):
        with db.connect(path):
            pass
    db.forget(path)
    assert _versions(path) == [1]  # nothing of the later versions stuck, not even 0002…
    con = duckdb.connect(str(path), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert "half_done" not in tables
    assert _versions(tmp_path / "Kunde AS.backup-v1.duckdb") == [1]


def test_backup_command_writes_a_consistent_copy_that_restores(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = data / "Kunde AS.duckdb"
    p = worker("load", "--db", str(path), "--rows", "5000", "--seed", "3", "--days", "50")
    assert p.wait(timeout=120) == 0, p.stderr.read()
    before = proc_worker.state(path)
    db.forget(path)

    env = {**os.environ, "MANDAG_DATA": str(data)}
    # default destination: <data>/backups/<name>-<UTC time>.duckdb, found without --db (the only workspace)
    out = subprocess.run([sys.executable, "-m", "connectors", "backup"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    made = list((data / "backups").glob("Kunde AS-*.duckdb"))
    assert len(made) == 1 and str(made[0]) in out.stdout
    assert proc_worker.state(made[0]) == before

    target = tmp_path / "elsewhere" / "kunde.duckdb"
    out = subprocess.run([sys.executable, "-m", "connectors", "backup", "--db", str(path), "--to", str(target)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert proc_worker.state(target) == before

    # Restore as docs/security.md says: the app is stopped, the backup is copied over the workspace.
    p = worker("load", "--db", str(path), "--rows", "100", "--seed", "4", "--start", "2026-01-01", "--days", "5")
    assert p.wait(timeout=120) == 0, p.stderr.read()
    assert proc_worker.state(path) != before
    db.forget(path)
    shutil.copy2(target, path)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)
    assert proc_worker.state(path) == before
    # or dropped into the data folder under a new name, next to the current one
    shutil.copy2(target, data / "Kunde AS restored.duckdb")
    assert sorted(w.name for w in workspaces.list_workspaces(data)) == ["Kunde AS", "Kunde AS restored"]
    assert proc_worker.state(data / "Kunde AS restored.duckdb") == before


def test_backup_of_a_missing_workspace_says_so(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "connectors", "backup", "--db", str(tmp_path / "nope.duckdb")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "There is no workspace file at" in out.stderr
    assert not (tmp_path / "nope.duckdb").exists()


CLI_KILLS = 8


def test_sigkill_of_the_import_command_on_a_large_export(tmp_path: Path) -> None:
    """The same through `python -m connectors import`: parse, prepare and load of a 200k-row CSV."""
    from datetime import date

    small, _ = proc_worker.google_ads_csv(20_000, 30, date(2025, 1, 1), 90)
    big, big_totals = proc_worker.google_ads_csv(200_000, 31, date(2025, 1, 1), 365)
    (tmp_path / "small.csv").write_bytes(small)
    (tmp_path / "Kampanjerapport 2025.csv").write_bytes(big)
    base = tmp_path / "base.duckdb"

    def cli(db_path: Path, name: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "connectors", "import", str(tmp_path / name),
                                 "--db", str(db_path), "--json"], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    assert cli(base, "small.csv").wait(timeout=120) == 0
    old = proc_worker.state(base)
    db.forget(base)
    full = tmp_path / "full.duckdb"
    shutil.copy2(base, full)
    t0 = time.monotonic()
    p = cli(full, "Kampanjerapport 2025.csv")
    assert p.wait(timeout=300) == 0, p.stderr.read()
    run_seconds = time.monotonic() - t0
    new = proc_worker.state(full)
    # the export replaced the first quarter it overlaps: only its own rows remain
    assert new == {"rows": 200_000, "spend": big_totals["spend"], "clicks": big_totals["clicks"], "imports": 1}

    rng = random.Random(4242)
    for i in range(CLI_KILLS):
        path = tmp_path / f"cli{i}.duckdb"
        shutil.copy2(base, path)
        p = cli(path, "Kampanjerapport 2025.csv")
        time.sleep(rng.uniform(0.3, 1.05) * run_seconds)
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=60)
        got = proc_worker.state(path)
        assert got in (old, new), f"kill {i}: {got} is neither {old} nor {new}"
        db.forget(path)
        path.unlink()
        path.with_name(path.name + ".wal").unlink(missing_ok=True)


def test_a_retried_upgrade_backs_up_changes_made_after_a_failed_attempt(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    extra = _with_extra_migration(monkeypatch, tmp_path, "ALTER TABLE no_such_table ADD COLUMN y INTEGER;")
    path = tmp_path / "Kunde AS.duckdb"
    _workspace_at_version_1(path)
    for _ in range(3):  # the app retries on every rerun: one backup, not one per attempt
        with pytest.raises(duckdb.Error):
            with db.connect(path):
                pass
        db.forget(path)
    assert len(list(tmp_path.glob("Kunde AS.backup-v1*.duckdb"))) == 1
    # The owner goes back to the older Mandag and keeps working (a new day of spend) …
    time.sleep(0.01)
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO ad_performance (import_id, source, account, campaign, channel, period_start, "
                "period_end, currency, spend) VALUES (1, 'google_ads', 'a', 'Merkevare', 'Paid Search', "
                "DATE '2026-01-06', DATE '2026-01-06', 'NOK', 100)")
    con.close()
    # … then the fixed upgrade runs: the newest state is backed up too, the first backup is kept.
    extra.write_text("CREATE TABLE later_table (x INTEGER);", encoding="utf-8")
    with db.connect(path):
        pass
    db.forget(path)
    backups = sorted(tmp_path.glob("Kunde AS.backup-v1*.duckdb"))
    assert len(backups) == 2
    totals = []
    for b in backups:
        c = duckdb.connect(str(b), read_only=True)
        totals.append(c.execute("SELECT sum(spend) FROM ad_performance").fetchall()[0][0])
        c.close()
    assert sorted(totals) == [1234.5, 1334.5]
    assert [w.name for w in workspaces.list_workspaces(tmp_path)] == ["Kunde AS"]


def test_sigkill_during_undo_leaves_the_import_whole_or_gone(tmp_path: Path) -> None:
    base = tmp_path / "base.duckdb"
    for args in (["--rows", "20000", "--seed", "1", "--start", "2025-01-01", "--days", "100"],
                 ["--rows", "200000", "--seed", "2", "--account", "999-000-1111", "--days", "300"]):
        p = worker("load", "--db", str(base), *args)
        assert p.wait(timeout=120) == 0, p.stderr.read()
    before = proc_worker.state(base)
    db.forget(base)
    done = tmp_path / "done.duckdb"
    shutil.copy2(base, done)
    p = worker("undo", "--db", str(done))
    assert p.stdout.readline().strip() == "ready"
    t0 = time.monotonic()
    assert json.loads(p.stdout.readline())["removed"] == 200_000
    undo_seconds = time.monotonic() - t0
    assert p.wait(timeout=60) == 0
    after = proc_worker.state(done)
    assert after["rows"] == 20_000 and after["imports"] == 1

    rng = random.Random(77)
    for i in range(8):
        path = tmp_path / f"undo{i}.duckdb"
        shutil.copy2(base, path)
        p = worker("undo", "--db", str(path))
        assert p.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, undo_seconds * 1.2))
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=60)
        got = proc_worker.state(path)
        assert got in (before, after), f"kill {i}: {got} is neither {before} nor {after}"
        db.forget(path)
        path.unlink()
        path.with_name(path.name + ".wal").unlink(missing_ok=True)
