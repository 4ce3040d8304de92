"""Incremental sync: state per source + account, the look-back window, messages, and a sync
running in another process while this one reads."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from connectors import google_auth, sync
from connectors.google_replay import ReplayGA4Client, ReplayHttp
from warehouse import db, settings

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures" / "google"
SITE = "sc-domain:rorleggernord.no"


def write_replay(folder: Path, today: date) -> None:
    """A fake property and site with data on the 10 days before `today` (GA4) / before today − 2 (GSC)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ga4_metadata.json").write_text((FIX / "ga4_metadata.json").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "gsc_sites.json").write_text((FIX / "gsc_sites.json").read_text(encoding="utf-8"), encoding="utf-8")
    rows = []
    for i in range(1, 11):
        d = (today - timedelta(days=i)).strftime("%Y%m%d")
        for ch, src, med, camp, s, k, lead in (("Organic Search", "google", "organic", "(organic)", 10, 1, 1),
                                              ("Paid Search", "google", "cpc", "Søk – generisk", 5, 2, 1)):
            rows.append({"dimensionValues": [{"value": v} for v in (d, ch, src, med, camp)],
                         "metricValues": [{"value": str(v)} for v in (s, s - 1, s, k, 0, 0, lead, 0)]})
    report = json.loads((FIX / "ga4_report_page1.json").read_text(encoding="utf-8"))
    report["rows"] = rows
    report["rowCount"] = len(rows)
    (folder / "ga4_report.json").write_text(json.dumps(report), encoding="utf-8")
    gsc = []
    for i in range(2, 12):
        d = (today - timedelta(days=i)).isoformat()
        gsc.append({"date": d, "query": "rørlegger tromsø", "page": "https://www.rorleggernord.no/", "country": "nor",
                    "device": "MOBILE", "clicks": 2, "impressions": 20, "position": 3.0})
        gsc.append({"date": d, "query": "hvordan tette avløp", "page": "https://www.rorleggernord.no/blogg",
                    "country": "nor", "device": "DESKTOP", "clicks": 1, "impressions": 30, "position": 8.0})
    first_incomplete = (today - timedelta(days=2)).isoformat()   # the newest day is still being processed
    (folder / "gsc_rows.json").write_text(json.dumps({"firstIncompleteDate": first_incomplete, "rows": gsc}),
                                          encoding="utf-8")


@pytest.fixture(autouse=True)
def no_real_secrets(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MANDAG_SECRETS_DIR", str(tmp_path / "secrets"))
    monkeypatch.delenv(google_auth.REPLAY_ENV, raising=False)
    monkeypatch.setattr(google_auth, "secrets_toml", lambda: {})


def configure(path: Path, *, ga4: str | None = "123456789", site: str | None = SITE,
              leads: list[str] | None = None) -> None:
    with db.connect(path) as con:
        if ga4:
            settings.put(con, "ga4_property_id", ga4)
        if site:
            settings.put(con, "gsc_site_url", site)
        settings.put(con, "lead_events", leads or ["generate_lead"])


def test_nothing_configured_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = sync.main(tmp_path / "w.duckdb")
    out = capsys.readouterr().out
    assert code == 1
    assert "GA4: GA4 is not connected: add the property id and a service-account key (or sign in with Google) in Settings → Google." in out
    assert "Search Console: Search Console is not connected: choose a property" in out


def test_property_but_no_credentials(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.duckdb"
    configure(path, site=None)
    assert sync.main(path, "ga4") == 1
    assert capsys.readouterr().out.strip() == (
        "GA4: GA4 is not connected: add a service-account key in Settings → Google, or sign in with Google.")
    with db.connect(path) as con:
        (st,) = sync.status_rows(con)
    assert (st.source, st.account, st.status, st.code, st.last_complete_day) == (
        "ga4", "123456789", "error", "google.sync.ga4_not_connected", None)
    assert st.text("nb").startswith("GA4 er ikke koblet til")


def test_measurement_id_in_settings_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    configure(path, ga4="G-7XK2M9", site=None)
    (r,) = sync.run(path, "ga4", today=date(2026, 11, 23))
    assert r.status == "error" and "G-XXXX" in r.text("en")


def test_ga4_second_sync_pulls_only_the_lookback_window(tmp_path: Path) -> None:
    today = date(2026, 11, 23)
    write_replay(tmp_path / "replay", today)
    path = tmp_path / "w.duckdb"
    configure(path)
    client = ReplayGA4Client(tmp_path / "replay")
    with db.connect(path) as con:
        cfg = sync.config(con)
    first = sync.sync_ga4(path, cfg, today=today, client=client, sleep=lambda s: None)
    assert first.status == "ok" and first.rows == 20
    assert (first.start, first.end) == (today - timedelta(days=400), date(2026, 11, 22))
    n_first = len(client.requests)
    assert n_first == 13            # 400 days in 31-day reports
    with db.connect(path) as con:
        assert sync.get_state(con, "ga4", "123456789") == date(2026, 11, 22)
        assert con.execute("SELECT sum(sessions), sum(lead_events) FROM web_analytics").fetchall() == [(150, 20.0)]

    nxt = sync.sync_ga4(path, cfg, today=date(2026, 11, 24), client=client, sleep=lambda s: None)
    new = client.requests[n_first:]
    assert [(r.date_ranges[0].start_date, r.date_ranges[0].end_date) for r in new] == [("2026-11-20", "2026-11-23")]
    assert nxt.rows == 6            # 20, 21, 22 re-pulled (23 has no data yet), 2 rows a day
    with db.connect(path) as con:
        assert sync.get_state(con, "ga4", "123456789") == date(2026, 11, 23)
        # re-pulled days replaced, not doubled
        assert con.execute("SELECT sum(sessions) FROM web_analytics").fetchall() == [(150,)]
        assert con.execute("SELECT count(*) FROM imports WHERE origin = 'api' AND status = 'loaded'").fetchall()[0][0] >= 2


def test_gsc_backfill_with_progress_then_lookback(tmp_path: Path) -> None:
    today = date(2026, 11, 23)
    write_replay(tmp_path / "replay", today)
    path = tmp_path / "w.duckdb"
    configure(path, ga4=None)
    http = ReplayHttp(tmp_path / "replay")
    from googleapiclient.discovery import build

    svc = build("searchconsole", "v1", http=http, static_discovery=True, cache_discovery=False)
    with db.connect(path) as con:
        cfg = sync.config(con)
    seen: list[tuple[str, int, int]] = []
    r = sync.sync_gsc(path, cfg, today=today, service=svc, sleep=lambda s: None,
                      progress=lambda s, d, t: seen.append((s, d, t)))
    assert r.status == "ok"
    # first incomplete date is today − 2: complete up to 2026-11-20
    assert r.end == date(2026, 11, 20)
    assert seen[-1] == ("gsc", 485, 485)          # 2025-07-24 … 2026-11-20, one step per day
    with db.connect(path) as con:
        assert sync.get_state(con, "gsc", SITE) == date(2026, 11, 20)
        assert con.execute("SELECT count(*), sum(clicks) FROM search_rows").fetchall() == [(18, 27)]
        assert con.execute("SELECT count(*), sum(clicks) FROM search_daily").fetchall() == [(9, 27)]
    before = len(http.requests)
    sync.sync_gsc(path, cfg, today=date(2026, 11, 24), service=svc, sleep=lambda s: None)
    again = http.requests[before:]
    assert again[0][1]["startDate"] == "2026-11-18" and again[0][1]["endDate"] == "2026-11-22"
    with db.connect(path) as con:
        assert con.execute("SELECT count(*), sum(clicks) FROM search_daily").fetchall() == [(9, 27)]


def test_sync_in_another_process_while_this_one_reads(tmp_path: Path) -> None:
    today = date.today()
    replay = tmp_path / "replay"
    write_replay(replay, today)
    path = tmp_path / "w.duckdb"
    configure(path)
    env = {**os.environ, google_auth.REPLAY_ENV: str(replay), "MANDAG_SECRETS_DIR": str(tmp_path / "secrets"),
           "HOME": str(tmp_path), "PYTHONPATH": str(ROOT), "MANDAG_LOCK_WAIT": "30"}
    reader_code = (
        "import sys, time\n"
        "from warehouse import db\n"
        "ok = 0\n"
        "end = time.monotonic() + float(sys.argv[2])\n"
        "while time.monotonic() < end:\n"
        "    with db.connect(sys.argv[1]) as con:\n"
        "        con.execute('SELECT count(*) FROM web_analytics').fetchall()\n"
        "    ok += 1\n"
        "    time.sleep(0.02)\n"
        "print(ok)\n"
    )
    reader = subprocess.Popen([sys.executable, "-c", reader_code, str(path), "6"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(0.5)
        done = subprocess.run([sys.executable, "-m", "connectors", "sync", "--db", str(path)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=240)
        out, errs = reader.communicate(timeout=120)
    finally:
        if reader.poll() is None:
            reader.kill()
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("GA4: fetched 20 rows for")
    assert "Search Console: fetched" in done.stdout
    assert reader.returncode == 0, errs
    assert int(out.strip()) > 5
    with db.connect(path) as con:
        assert con.execute("SELECT sum(sessions) FROM web_analytics").fetchall() == [(150,)]
        assert con.execute("SELECT sum(clicks) FROM search_daily").fetchall() == [(27,)]
        states = {(s.source, s.status) for s in sync.status_rows(con)}
    assert states == {("ga4", "ok"), ("gsc", "ok")}


def test_a_failure_mid_pull_keeps_what_was_loaded(tmp_path: Path) -> None:
    from googleapiclient.discovery import build
    from googleapiclient.http import HttpMockSequence

    path = tmp_path / "w.duckdb"
    configure(path, ga4=None)
    with db.connect(path) as con:
        sync.set_state(con, "gsc", SITE, date(2026, 11, 10), "ok", "google.sync.ok")
        cfg = sync.config(con)
    totals = {"rows": [{"keys": ["2026-11-09"], "clicks": 4, "impressions": 40, "ctr": 0.1, "position": 3.0},
                       {"keys": ["2026-11-19"], "clicks": 2, "impressions": 30, "ctr": 0.0667, "position": 5.0}],
              "metadata": {"firstIncompleteDate": "2026-11-21"}}
    day = {"rows": [{"keys": ["2026-11-09", "rørlegger", "https://www.rorleggernord.no/", "nor", "MOBILE"],
                     "clicks": 3, "impressions": 25, "ctr": 0.12, "position": 2.0}]}
    http = HttpMockSequence([({"status": "200"}, json.dumps(totals)), ({"status": "200"}, json.dumps(day)),
                             ({"status": "403"}, (FIX / "gsc_error_403.json").read_text(encoding="utf-8"))])
    svc = build("searchconsole", "v1", http=http, static_discovery=True, cache_discovery=False)
    r = sync.sync_gsc(path, cfg, today=date(2026, 11, 23), service=svc, sleep=lambda s: None)
    assert r.status == "error" and r.code == "google.err.gsc_forbidden"
    assert json.loads(http.request_sequence[0][2])["startDate"] == "2026-11-08"    # 3-day look-back from 10 Nov
    with db.connect(path) as con:
        # the first week (8–14 Nov) was loaded before the 403; the state says so
        assert sync.get_state(con, "gsc", SITE) == date(2026, 11, 14)
        assert con.execute("SELECT sum(clicks) FROM search_rows").fetchall() == [(3,)]
        assert con.execute("SELECT sum(clicks) FROM search_daily").fetchall() == [(4,)]
        (st,) = sync.status_rows(con)
    assert st.status == "error" and st.text("en").startswith("No access to this Search Console property.")


def test_network_failure_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    import httplib2
    from googleapiclient.discovery import build

    class Offline:
        def request(self, *a, **k):
            raise httplib2.ServerNotFoundError("Unable to find the server at searchconsole.googleapis.com")

    path = tmp_path / "w.duckdb"
    configure(path, ga4=None)
    with db.connect(path) as con:
        cfg = sync.config(con)
    svc = build("searchconsole", "v1", http=Offline(), static_discovery=True, cache_discovery=False)
    r = sync.sync_gsc(path, cfg, today=date(2026, 11, 23), service=svc, sleep=lambda s: None)
    assert r.status == "error"
    assert r.text("en").startswith("the sync stopped (ServerNotFoundError: Unable to find the server")


def test_sync_warns_when_an_export_of_another_account_covers_the_same_days(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import pandas as pd

    from warehouse import loader
    from warehouse.loader import FileLoad, Part

    today = date(2026, 11, 23)
    write_replay(tmp_path / "replay", today)
    monkeypatch.setenv(google_auth.REPLAY_ENV, str(tmp_path / "replay"))
    monkeypatch.setattr(sync, "_today", lambda: today)
    path = tmp_path / "w.duckdb"
    configure(path, site=None)
    frame = pd.DataFrame([{"account": "Rørlegger Nord – GA4", "period_start": date(2026, 11, 16),
                           "period_end": date(2026, 11, 22), "channel_group": "Direct", "source": None, "medium": None,
                           "campaign": None, "sessions": 9, "engaged_sessions": 5, "users": 8, "key_events": 1.0,
                           "lead_events": None, "revenue": 0.0, "purchases": 0.0}])
    with db.connect(path) as con:
        loader.load(con, FileLoad("traffic.csv", "h1", "ga4", "Rørlegger Nord – GA4", date(2026, 11, 16),
                                  date(2026, 11, 22), (Part("web_analytics", frame),)))
    assert sync.main(path, "ga4") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == ("GA4: the same days also exist from Rørlegger Nord – GA4. If that is the same property, the "
                      "numbers count twice: undo those imports on the Import page.")


def test_ga4_pauses_when_the_property_quota_runs_low(tmp_path: Path) -> None:
    from unittest import mock

    from google.analytics.data_v1beta import BetaAnalyticsDataClient, Metadata, RunReportResponse
    from google.auth.credentials import AnonymousCredentials

    path = tmp_path / "w.duckdb"
    configure(path, site=None, leads=[])
    with db.connect(path) as con:
        settings.put(con, "lead_events", [])
        sync.set_state(con, "ga4", "123456789", date(2026, 11, 2), "ok", "google.sync.ok")
        cfg = sync.config(con)
    low = RunReportResponse.from_json((FIX / "ga4_report_quota_low.json").read_text(encoding="utf-8"),
                                      ignore_unknown_fields=True)
    meta = Metadata.from_json((FIX / "ga4_metadata.json").read_text(encoding="utf-8"), ignore_unknown_fields=True)
    client = BetaAnalyticsDataClient(credentials=AnonymousCredentials())
    with mock.patch.object(BetaAnalyticsDataClient, "run_report", return_value=low) as rr, \
            mock.patch.object(BetaAnalyticsDataClient, "get_metadata", return_value=meta):
        r = sync.sync_ga4(path, cfg, today=date(2026, 12, 10), client=client, sleep=lambda s: None)
    # window 31 Oct – 9 Dec = two 31-day reports; the first reports 3 120 hourly tokens left (< 4 000): stop there
    assert rr.call_count == 1
    assert r.code == "google.sync.ga4_paused" and r.end == date(2026, 11, 30)
    assert r.text("en") == ("fetched 1 rows for 31 Oct 2026 to 30 Nov 2026 and paused to spare the GA4 quota; "
                            "the rest follows at the next sync.")
    with db.connect(path) as con:
        assert sync.get_state(con, "ga4", "123456789") == date(2026, 11, 30)


def test_changing_the_lead_events_pulls_the_history_again(tmp_path: Path) -> None:
    today = date(2026, 11, 23)
    write_replay(tmp_path / "replay", today)
    path = tmp_path / "w.duckdb"
    configure(path, site=None, leads=["generate_lead"])
    client = ReplayGA4Client(tmp_path / "replay")
    with db.connect(path) as con:
        cfg = sync.config(con)
    sync.sync_ga4(path, cfg, today=today, client=client, sleep=lambda s: None)
    n = len(client.requests)
    sync.sync_ga4(path, cfg, today=today, client=client, sleep=lambda s: None)      # same events: look-back only
    assert len(client.requests) == n + 1
    with db.connect(path) as con:
        settings.put(con, "lead_events", ["generate_lead", "phone_call"])
        cfg = sync.config(con)
    r = sync.sync_ga4(path, cfg, today=today, client=client, sleep=lambda s: None)
    assert r.start == today - timedelta(days=400)                                  # the whole history again
    assert len(client.requests) == n + 1 + 13
    with db.connect(path) as con:
        # each fake day has lead events 1 (generate_lead) + 0 (phone_call) on both rows
        assert con.execute("SELECT sum(lead_events), count(*) FROM web_analytics").fetchall() == [(20.0, 20)]
        assert settings.get(con, "ga4_lead_events_synced") == ["generate_lead", "phone_call"]
