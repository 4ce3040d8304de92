"""Migrations, the idempotent loader and workspace files."""
from __future__ import annotations

import json
from datetime import date, timedelta

import duckdb
import pandas as pd
import pytest

from warehouse import db, migrations, workspaces
from warehouse.contract import COLUMNS
from warehouse.loader import FileLoad, Part, file_hash, load, undo
from warehouse.workspaces import WorkspaceError

D0 = date(2026, 10, 5)


def _ads(days: int, spend: float = 100.0, start: date = D0, campaign: str = "C") -> pd.DataFrame:
    rows = [dict(source="google_ads", account="A", campaign=campaign, campaign_type="Search", channel="Paid Search",
                 period_start=start + timedelta(i), period_end=start + timedelta(i), currency="NOK", spend=spend,
                 impressions=100, clicks=10, conversions=1.0, conversion_value=0.0) for i in range(days)]
    return pd.DataFrame(rows)[list(COLUMNS["ad_performance"])]


def _fl(frame: pd.DataFrame, name: str, digest: str | None = None) -> FileLoad:
    return FileLoad(name, digest or name, "google_ads", "A", frame["period_start"].min(), frame["period_end"].max(),
                    (Part("ad_performance", frame),), "NOK")


def _spend(con) -> tuple[int, float]:
    n, s = con.execute("SELECT count(*), coalesce(sum(spend), 0) FROM ad_performance").fetchall()[0]
    return n, s


@pytest.fixture
def ws(tmp_path):
    return workspaces.create("t", tmp_path).path


def test_reimporting_the_same_file_changes_nothing(ws):
    with db.connect(ws) as con:
        first = load(con, _fl(_ads(7), "a.csv"))
        again = load(con, _fl(_ads(7), "a.csv"))
        assert (first.status, again.status, again.import_id) == ("loaded", "unchanged", first.import_id)
        assert _spend(con) == (7, 700)
        assert con.execute("SELECT count(*) FROM imports").fetchall()[0][0] == 1


def test_overlapping_exports_replace_exactly(ws):
    with db.connect(ws) as con:
        load(con, _fl(_ads(14), "days1-14"))                              # 5–18 Oct at 100/day
        r = load(con, _fl(_ads(14, 50.0, D0 + timedelta(7)), "days8-21"))  # 12–25 Oct at 50/day
        # 7 days × 100 (5–11 Oct) + 14 days × 50 (12–25 Oct) = 1400; the overlap is counted once.
        assert _spend(con) == (21, 1400)
        assert r.replaced_rows == 7       # the first file's 12–18 Oct rows
        load(con, _fl(_ads(21, 10.0), "days1-21"))                          # covers both files whole
        assert _spend(con) == (21, 210)
        statuses = dict(con.execute("SELECT file_name, status FROM imports").fetchall())
    assert statuses == {"days1-14": "replaced", "days8-21": "replaced", "days1-21": "loaded"}


def test_other_sources_and_accounts_are_untouched(ws):
    with db.connect(ws) as con:
        load(con, _fl(_ads(7), "g"))
        meta = _ads(7).assign(source="meta", channel="Paid Social")
        load(con, FileLoad("m", "m", "meta", "A", D0, D0 + timedelta(6), (Part("ad_performance", meta),)))
        load(con, _fl(_ads(7, 10.0), "g2"))
        by_source = dict(con.execute("SELECT source, sum(spend) FROM ad_performance GROUP BY 1").fetchall())
    assert by_source == {"google_ads": 70, "meta": 700}


def test_import_records_hash_range_rows_and_totals(ws):
    with db.connect(ws) as con:
        load(con, _fl(_ads(3), "r.csv", file_hash(b"bytes")))
        row = con.execute("SELECT file_hash, date_from, date_to, rows, totals FROM imports").fetchall()[0]
    assert row[0] == file_hash(b"bytes")
    assert (row[1], row[2], row[3]) == (D0, D0 + timedelta(2), 3)
    assert json.loads(row[4]) == {"spend": 300, "impressions": 300, "clicks": 30, "conversions": 3,
                                  "conversion_value": 0}


def test_a_failed_load_changes_nothing(ws):
    with db.connect(ws) as con:
        load(con, _fl(_ads(7), "good"))
        bad = _ads(7, start=D0).astype({"spend": object})
        bad.loc[3, "spend"] = "not a number"
        with pytest.raises(duckdb.Error):
            load(con, _fl(bad, "bad"))
        assert _spend(con) == (7, 700)
        assert [r[0] for r in con.execute("SELECT file_name FROM imports").fetchall()] == ["good"]


def test_wrong_columns_are_refused_before_touching_the_workspace(ws):
    with db.connect(ws) as con:
        with pytest.raises(ValueError, match="missing"):
            load(con, _fl(_ads(2).drop(columns=["clicks"]), "x"))
        assert _spend(con) == (0, 0)


def test_undo_removes_exactly_one_import(ws):
    with db.connect(ws) as con:
        a = load(con, _fl(_ads(7), "a"))
        load(con, _fl(_ads(7, 20.0, D0 + timedelta(7)), "b"))
        assert undo(con, a.import_id) == 7
        assert _spend(con) == (7, 140)
        assert con.execute("SELECT status FROM imports WHERE import_id = ?", [a.import_id]).fetchall()[0][0] == "undone"


def test_an_older_workspace_is_upgraded_and_backed_up(tmp_path):
    old = tmp_path / "old.duckdb"
    first = migrations.available()[0]
    con = duckdb.connect(str(old))       # a file made by schema version 1 only
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)")
    con.execute(first.sql)
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [first.version, first.name])
    con.execute("INSERT INTO settings VALUES ('lead_source', '\"crm\"')")
    con.close()
    with db.connect(old) as con:
        versions = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
        kept = con.execute("SELECT value FROM settings WHERE key = 'lead_source'").fetchall()
    assert versions == {m.version for m in migrations.available()}
    assert kept == [('"crm"',)]
    if len(migrations.available()) > 1:
        assert (tmp_path / "old.backup-v1.duckdb").exists()


def test_migration_versions_are_unique_and_sequentially_named():
    versions = [m.version for m in migrations.available()]
    assert versions == sorted(set(versions))
    assert versions[0] == 1


def test_workspace_names_cannot_escape_the_data_folder(tmp_path):
    for bad in ("../evil", "a/b", "", " ", "x" * 61, "..", "con\x00"):
        with pytest.raises(WorkspaceError):
            workspaces.create(bad, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_create_rename_delete_and_backup(tmp_path):
    ws = workspaces.create("Kunde AS", tmp_path)
    assert [w.name for w in workspaces.list_workspaces(tmp_path)] == ["Kunde AS"]
    with pytest.raises(WorkspaceError, match="already exists"):
        workspaces.create("Kunde AS", tmp_path)
    moved = workspaces.rename("Kunde AS", "Kunde Nord AS", tmp_path)
    assert moved.path.exists() and not ws.path.exists()
    copy = workspaces.backup(moved.path, tmp_path / "b" / "copy.duckdb")
    with db.connect(copy) as con:
        assert con.execute("SELECT value FROM workspace_meta WHERE key = 'currency'").fetchall() == [("NOK",)]
    workspaces.delete("Kunde Nord AS", tmp_path)
    assert workspaces.list_workspaces(tmp_path) == []


def test_data_folder_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("MANDAG_DATA", str(tmp_path / "elsewhere"))
    assert workspaces.data_dir() == tmp_path / "elsewhere"
    assert workspaces.path_for("X") == tmp_path / "elsewhere" / "X.duckdb"


def test_a_locked_workspace_gives_a_sentence_after_the_bounded_wait(tmp_path):
    import subprocess
    import sys
    import textwrap

    path = workspaces.create("busy", tmp_path).path
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(path)!r})
        print("locked", flush=True)
        time.sleep(30)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(db.WorkspaceBusy, match="busy: another Mandag process"):
            with db.connect(path, wait=0.3):
                pass
    finally:
        holder.kill()
        holder.wait()
