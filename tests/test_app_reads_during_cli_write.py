"""The app keeps reading while `python -m connectors import` writes the same workspace."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

from metrics import monday
from tests.conftest import DEMO_END, DEMO_LAST_WEEK, ROOT
from warehouse import db

FIXTURE = ROOT / "tests" / "fixtures" / "imports" / "google_ads_campaign_day_en.csv"


def test_cli_import_succeeds_while_the_app_reads(demo_db: Path):
    errors: list[BaseException] = []
    reads = 0
    stop = threading.Event()

    def app_reads() -> None:  # what a Monday page render does: short-lived connection, then close
        nonlocal reads
        while not stop.is_set():
            try:
                with db.connect(demo_db) as con:
                    monday.view(con, DEMO_LAST_WEEK, DEMO_END)
                reads += 1
            except BaseException as exc:  # noqa: BLE001 — any failure is the test's answer
                errors.append(exc)
                return

    reader = threading.Thread(target=app_reads)
    reader.start()
    try:
        time.sleep(0.3)
        with db.connect(demo_db) as con:
            before = con.execute("SELECT count(*) FROM imports").fetchall()[0][0]
        done = subprocess.run([sys.executable, "-m", "connectors", "import", str(FIXTURE), "--db", str(demo_db),
                               "--json"], capture_output=True, text=True, cwd=ROOT, timeout=120)
        time.sleep(0.3)
    finally:
        stop.set()
        reader.join(30)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[0])
    assert report["status"] == "loaded" and report["source"] == "google_ads"
    assert errors == []
    assert reads >= 3
    with db.connect(demo_db) as con:
        after = con.execute("SELECT count(*) FROM imports").fetchall()[0][0]
        loaded = con.execute("SELECT round(sum(spend), 2) FROM ad_performance WHERE import_id = "
                             "(SELECT max(import_id) FROM imports)").fetchall()[0][0]
    assert after == before + 1
    assert loaded == round(report["totals"]["spend"], 2)
