"""Several processes on one workspace: imports, a scheduled API load and readers, all at once.

DuckDB lets one process write a file at a time; `warehouse.db.connect` waits for the lock with a
bounded retry. These tests run real processes on local files (no network) and check that
nothing fails and no row is lost.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

import proc_worker
from warehouse import db, workspaces

ROOT = Path(__file__).resolve().parents[1]
WORKER = str(Path(proc_worker.__file__))


def spawn(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


def hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    p = spawn([sys.executable, WORKER, "hold", "--db", str(path), "--seconds", str(seconds)])
    assert p.stdout.readline().strip() == "locked", p.stderr.read()
    return p


def test_two_imports_and_a_scheduled_sync_at_the_same_moment_all_succeed(tmp_path: Path) -> None:
    path = workspaces.create("Kunde AS", tmp_path).path
    db.forget(path)
    g_bytes, g_tot = proc_worker.google_ads_csv(20_000, 11, date(2026, 1, 5), 70)
    m_bytes, m_tot = proc_worker.meta_csv(2_000, 12, date(2026, 1, 1), date(2026, 1, 31))
    (tmp_path / "google.csv").write_bytes(g_bytes)
    (tmp_path / "meta.csv").write_bytes(m_bytes)
    api_frame = proc_worker.ads_frame(10_000, 13, "api-account", date(2026, 1, 5), 50)

    # All three start while another process holds the write lock, so they really queue on it.
    holder = hold(path, 1.5)
    env = {"MANDAG_LOCK_WAIT": "60"}  # a slow CI machine must not turn waiting into a failure
    procs = {
        "google": spawn([sys.executable, "-m", "connectors", "import", str(tmp_path / "google.csv"),
                         "--db", str(path), "--json"], env),
        "meta": spawn([sys.executable, "-m", "connectors", "import", str(tmp_path / "meta.csv"),
                       "--db", str(path), "--json"], env),
        "api": spawn([sys.executable, WORKER, "load", "--db", str(path), "--rows", "10000", "--seed", "13",
                      "--account", "api-account", "--start", "2026-01-05", "--days", "50", "--origin", "api"], env),
    }
    outs = {k: p.communicate(timeout=120) for k, p in procs.items()}
    assert holder.wait(timeout=30) == 0
    for k, p in procs.items():
        assert p.returncode == 0, (k, outs[k])
    reports = {k: json.loads(outs[k][0].strip().splitlines()[-1]) for k in ("google", "meta")}
    assert reports["google"]["status"] == "loaded" and reports["google"]["rows"] == 20_000
    assert reports["meta"]["status"] == "loaded" and reports["meta"]["rows"] == 2_000

    with db.connect(path) as con:
        by_source = {r[0]: (r[1], round(r[2], 2), r[3]) for r in con.execute(
            "SELECT source || '/' || account, count(*), sum(spend), sum(clicks) FROM ad_performance GROUP BY 1"
        ).fetchall()}
        log = con.execute("SELECT origin, status, rows FROM imports ORDER BY origin, rows").fetchall()
    api_spend = round(float(api_frame.spend.sum()), 2)
    assert by_source == {
        "google_ads/": (20_000, g_tot["spend"], g_tot["clicks"]),
        "meta/": (2_000, m_tot["spend"], m_tot["clicks"]),
        "google_ads/api-account": (10_000, api_spend, int(api_frame.clicks.sum())),
    }
    assert log == [("api", "loaded", 10_000), ("file", "loaded", 2_000), ("file", "loaded", 20_000)]


def test_a_workspace_held_too_long_gives_a_clear_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workspaces.create("Kunde AS", tmp_path).path
    holder = hold(path, 20)
    try:
        monkeypatch.setenv("MANDAG_LOCK_WAIT", "0.2")
        t0 = time.monotonic()
        with pytest.raises(db.WorkspaceBusy) as info:
            with db.connect(path):
                pass
        assert time.monotonic() - t0 < 5
        assert str(info.value) == ("The workspace Kunde AS is busy: another Mandag process (an import or a sync) "
                                   "has held it for over 0.2 s. Wait a moment and try again.")
        assert (info.value.workspace, info.value.seconds) == ("Kunde AS", 0.2)

        # the command line says the same sentence and exits non-zero, without a traceback
        csv, _ = proc_worker.google_ads_csv(10, 1, date(2026, 1, 5), 10)
        (tmp_path / "g.csv").write_bytes(csv)
        out = subprocess.run([sys.executable, "-m", "connectors", "import", str(tmp_path / "g.csv"), "--db", str(path)],
                             cwd=ROOT, capture_output=True, text=True, timeout=60,
                             env={**os.environ, "MANDAG_LOCK_WAIT": "0.2"})
        assert out.returncode != 0
        assert "The workspace Kunde AS is busy" in out.stdout + out.stderr
        assert "Traceback" not in out.stdout + out.stderr
    finally:
        holder.kill()
        holder.wait()
    with db.connect(path) as con:  # free again once the other process is gone
        assert con.execute("SELECT count(*) FROM imports").fetchall()[0][0] == 0


SOAK_SECONDS = float(os.environ.get("MANDAG_SOAK_SECONDS", "40"))


@pytest.mark.soak
def test_soak_mixed_reads_imports_and_api_loads(tmp_path: Path) -> None:
    """Bounded: every process stops by itself after SOAK_SECONDS; totals are checked at the end."""
    path = workspaces.create("Kunde AS", tmp_path).path
    db.forget(path)
    env = {"MANDAG_LOCK_WAIT": "30"}
    secs = str(SOAK_SECONDS)
    loaders = {
        origin: spawn([sys.executable, WORKER, "soak-load", "--db", str(path), "--seconds", secs, "--seed", str(seed),
                       "--account", f"soak-{origin}", "--origin", origin, "--start", "2025-01-06"], env)
        for seed, origin in ((21, "file"), (22, "api"))
    }
    readers = [spawn([sys.executable, WORKER, "soak-read", "--db", str(path), "--seconds", secs], env)
               for _ in range(2)]

    # Meanwhile: command-line imports of distinct weekly Google Ads exports, one after another.
    expected_cli = {"rows": 0, "spend": 0.0}
    deadline = time.monotonic() + SOAK_SECONDS
    n = 0
    while time.monotonic() < deadline:
        start = date(2024, 1, 1) + timedelta(days=7 * n)
        csv, tot = proc_worker.google_ads_csv(700, 100 + n, start, 7)
        f = tmp_path / f"week{n}.csv"
        f.write_bytes(csv)
        out = subprocess.run([sys.executable, "-m", "connectors", "import", str(f), "--db", str(path), "--json"],
                             cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, **env})
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["status"] == "loaded"
        expected_cli["rows"] += tot["rows"]
        expected_cli["spend"] += tot["spend"]
        n += 1

    results = {k: p.communicate(timeout=SOAK_SECONDS + 120) for k, p in loaders.items()}
    read_results = [p.communicate(timeout=SOAK_SECONDS + 120) for p in readers]
    for k, p in loaders.items():
        assert p.returncode == 0, (k, results[k][1][-3000:])
    for p, (out, err) in zip(readers, read_results):
        assert p.returncode == 0, err[-3000:]
        summary = json.loads(out.strip().splitlines()[-1])
        assert summary["reads"] >= 5
        assert summary["mismatches"] == [], "a reader saw facts and the import log disagree"
    assert n >= 3

    # Each loader rotates over 4 weeks; the last load of each week is what must remain.
    expected = {"rows": expected_cli["rows"], "spend": expected_cli["spend"]}
    loads = 0
    for out, _ in results.values():
        last_per_week: dict[str, dict[str, float]] = {}
        for line in out.strip().splitlines():
            rec = json.loads(line)
            assert rec["status"] == "loaded"
            last_per_week[rec["week"]] = rec
            loads += 1
        expected["rows"] += sum(r["rows"] for r in last_per_week.values())
        expected["spend"] += sum(r["spend"] for r in last_per_week.values())
    assert loads >= 8

    with db.connect(path) as con:
        rows, spend = con.execute("SELECT count(*), sum(spend) FROM ad_performance").fetchall()[0]
        loaded = con.execute("SELECT count(*) FROM imports WHERE status = 'loaded'").fetchall()[0][0]
    assert rows == expected["rows"]
    assert spend == pytest.approx(expected["spend"], abs=0.01)
    assert loaded == n + sum(min(4, len(out.strip().splitlines())) for out, _ in results.values())
