"""`python -m connectors import FILE… --db PATH --json` in a subprocess, on a fresh workspace."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.imports_support import FIXTURES, new_workspace, rows

ROOT = Path(__file__).resolve().parents[1]
KEYS = {"file", "status", "source", "rows", "date_from", "date_to", "currency", "totals", "error"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "connectors", "import", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_json_lines_statuses_and_exit_code(tmp_path):
    ws = new_workspace(tmp_path)
    ads = str(FIXTURES / "google_ads_campaign_day_en.csv")
    meta = str(FIXTURES / "Rorlegger-Nord-AS-Campaigns-Mar-2-2026-Mar-4-2026.csv")
    first = run_cli(ads, meta, "--db", str(ws), "--json")
    assert first.returncode == 0, first.stderr
    out = [json.loads(line) for line in first.stdout.splitlines()]
    assert [o["status"] for o in out] == ["loaded", "loaded"]
    assert all(KEYS <= o.keys() for o in out)
    assert out[0]["source"] == "google_ads" and out[0]["rows"] == 6
    assert (out[0]["date_from"], out[0]["date_to"], out[0]["currency"]) == ("2026-03-02", "2026-03-04", "NOK")
    assert out[0]["totals"]["spend"] == pytest.approx(2949.30)
    assert out[1]["source"] == "meta" and out[1]["totals"]["conversions"] == pytest.approx(8)

    again = run_cli(ads, "--db", str(ws), "--json")
    assert again.returncode == 0
    assert json.loads(again.stdout)["status"] == "unchanged"
    assert rows(ws, "SELECT round(sum(spend), 2) FROM ad_performance WHERE source = 'google_ads'") == [(2949.30,)]
    # The weekly rollup the other process kept in step is current here too (its stamp is the same
    # in every process), and holds the same spend.
    from warehouse import db, rollup
    with db.connect(ws) as con:
        assert rollup.current(con)
    assert rows(ws, "SELECT round(sum(m_spend), 2) FROM fact_weeks WHERE fam = 'ad' AND source = 'google_ads'") == [
        (2949.30,)]


def test_refused_file_gives_error_and_nonzero_exit(tmp_path):
    ws = new_workspace(tmp_path)
    bad = tmp_path / "notes.csv"
    bad.write_text("hello,world\n1,2\n", encoding="utf-8")
    res = run_cli(str(FIXTURES / "meta_no_data.csv"), str(bad), "--db", str(ws), "--json")
    assert res.returncode != 0
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["status"] for o in out] == ["refused", "refused"]
    assert "No data available." in out[0]["error"]
    assert out[1]["error"].startswith("notes.csv: Mandag does not recognise this file.")
    assert rows(ws, "SELECT count(*) FROM imports") == [(0,)]


def test_plain_output_names_each_file(tmp_path):
    ws = new_workspace(tmp_path)
    res = run_cli(str(FIXTURES / "Kampanjerapport.csv"), "--db", str(ws))
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("loaded    Kampanjerapport.csv: Google Ads")
