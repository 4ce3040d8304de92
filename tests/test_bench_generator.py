"""The benchmark's generator is deterministic and its exports are ones Mandag accepts.

Sizes are tiny and nothing here asserts a timing: the benchmark itself (`python -m bench`)
reports times, on purpose outside the test suite.
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bench import generate

ROOT = Path(__file__).resolve().parent.parent
END = date(2026, 11, 22)   # a Sunday: eight weeks of tiny data end here


def test_same_seed_gives_the_same_files(tmp_path):
    a = generate.generate(tmp_path / "a", "tiny", seed=7, end=END, load=False)
    b = generate.generate(tmp_path / "b", "tiny", seed=7, end=END, load=False)
    c = generate.generate(tmp_path / "c", "tiny", seed=8, end=END, load=False)
    assert a["content_hash"] == b["content_hash"]
    assert a["files"] == b["files"]
    assert a["content_hash"] != c["content_hash"]
    # 56 days ending on Sunday 22 November: from Monday 28 September.
    assert (a["date_from"], a["date_to"]) == ("2026-09-28", "2026-11-22")


def test_google_ads_export_has_the_ui_download_shape(tmp_path):
    m = generate.generate(tmp_path, "tiny", seed=7, end=END, load=False)
    text = Path(m["google_ads_export"]).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "Campaign report"
    assert lines[1] == "28 September 2026 - 22 November 2026"
    assert lines[2].startswith("Day,Campaign status,Campaign,Campaign type,")
    assert text.endswith("\n")
    totals = [ln for ln in lines if ln.startswith("Total: ")]
    assert totals[0].startswith("Total: Campaigns, --")
    assert totals[1].startswith("Total: Account,")
    data = lines[3:3 + m["rows"]["google_ads_export"]]
    assert all(ln[:4] == "2026" for ln in data)
    assert any('"' in ln for ln in data)             # quoted thousands, e.g. "1,004"
    assert any(", --," in ln for ln in data)          # ' --' empties
    # Cost is never grouped: the Total: Account cost has no thousands separator.
    account = totals[1].split(",")
    assert "." in account[12] and '"' not in account[12]


def test_export_is_accepted_by_the_importer_with_the_generated_totals(tmp_path):
    importing = pytest.importorskip("connectors.importing")
    from warehouse import workspaces

    m = generate.generate(tmp_path / "gen", "tiny", seed=7, end=END, load=True)
    ws = workspaces.create("Import", tmp_path / "ws")
    path = Path(m["google_ads_export"])
    report = importing.import_bytes(ws.path, path.name, path.read_bytes())
    assert report.status == "loaded", report.error
    assert report.source == "google_ads"
    assert report.rows == m["rows"]["google_ads_export"]
    # The importer's totals equal the canonical Google Ads part the generator loaded directly.
    import duckdb

    con = duckdb.connect(m["workspace"], read_only=True)
    spend, clicks = con.execute(
        "SELECT sum(spend), sum(clicks) FROM ad_performance WHERE source = 'google_ads'").fetchall()[0]
    con.close()
    assert report.totals["spend"] == pytest.approx(spend, abs=0.01)
    assert report.totals["clicks"] == clicks


def test_bench_json_has_the_documented_keys():
    proc = subprocess.run([sys.executable, "-m", "bench", "--tiny", "--json", "--no-browser"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout)
    assert {"version", "size", "machine", "workspace", "targets", "figures", "checks", "steps"} <= out.keys()
    assert out["size"] == "tiny"
    assert set(out["figures"]) == {"import", "metrics_warm", "metrics_cached", "metrics_cold", "apptest_warm",
                                   "page_load", "first_load", "week_click", "week_click_far", "rerun", "app_memory"}
    for f in out["figures"].values():
        assert {"label", "value", "unit", "baseline_label", "baseline", "ratio", "target", "status",
                "peak_rss_mb"} <= f.keys()
        assert f["status"] in {"PASS", "MISS", "—", "n/a"}
    assert out["figures"]["import"]["value"] is not None
    assert out["figures"]["metrics_warm"]["baseline"] is not None
    assert out["figures"]["metrics_cached"]["value"] is not None
    assert len(out["steps"]["import_mandag"]["runs_seconds"]) == 3   # the median of three runs
    assert out["checks"]["same_numbers"] is True, out["checks"]
    assert "| measurement | Mandag | baseline |" in proc.stderr
