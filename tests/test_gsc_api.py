"""Search Console connector, offline: HttpMockSequence over recorded responses."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from googleapiclient.discovery import build
from googleapiclient.http import HttpMockSequence

from connectors import gsc_api
from warehouse import db, loader

FIX = Path(__file__).parent / "fixtures" / "google"
SITE = "sc-domain:rorleggernord.no"


def ok(name: str) -> tuple[dict[str, str], str]:
    return {"status": "200"}, (FIX / name).read_text(encoding="utf-8")


def err(status: int, name: str) -> tuple[dict[str, str], str]:
    return {"status": str(status)}, (FIX / name).read_text(encoding="utf-8")


def service(responses: list[tuple[dict[str, str], str]]) -> tuple[object, HttpMockSequence]:
    http = HttpMockSequence(responses)
    return build("searchconsole", "v1", http=http, static_discovery=True, cache_discovery=False), http


class FakeClock:
    def __init__(self) -> None:
        self.slept: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.slept.append(seconds)


def bodies(http: HttpMockSequence) -> list[dict]:
    return [json.loads(b) for (_, method, b, _) in http.request_sequence if method == "POST"]


def test_site_urls() -> None:
    assert gsc_api.validate_site_url("sc-domain:RorleggerNord.no ") == "sc-domain:rorleggernord.no"
    assert gsc_api.validate_site_url("https://www.rorleggernord.no") == "https://www.rorleggernord.no/"
    assert gsc_api.validate_site_url("https://www.rorleggernord.no/") == "https://www.rorleggernord.no/"
    with pytest.raises(gsc_api.GSCError) as e:
        gsc_api.validate_site_url("rorleggernord.no")
    assert e.value.code == "google.err.site_invalid"


def test_list_sites_with_permission_levels() -> None:
    svc, http = service([ok("gsc_sites.json")])
    sites = gsc_api.list_sites(svc)
    assert [(s.url, s.permission, s.usable, s.is_domain) for s in sites] == [
        ("https://www.rorleggernord.no/", "siteFullUser", True, False),
        ("sc-domain:rorleggernord.no", "siteOwner", True, True),
        ("http://gammel.rorleggernord.no/", "siteUnverifiedUser", False, False),
    ]
    assert http.request_sequence[0][0].split("?")[0] == "https://searchconsole.googleapis.com/webmasters/v3/sites"


def test_pull_pages_stops_at_first_incomplete_day_and_retries() -> None:
    clock = FakeClock()
    svc, http = service([
        ok("gsc_totals_p1.json"), ok("gsc_totals_p2.json"),            # totals: a full page of 2, then 1 row
        ok("gsc_day_2026-11-18_p1.json"), ok("gsc_day_2026-11-18_p2.json"),
        err(429, "gsc_error_429.json"), err(503, "gsc_error_503.json"),
        ok("gsc_day_2026-11-20_p1.json"),
    ])
    seen: list[tuple[int, int]] = []
    chunks = list(gsc_api.pull(svc, SITE, date(2026, 11, 18), date(2026, 11, 21), date(2026, 11, 23),
                               progress=lambda d, t: seen.append((d, t)), row_limit=2, sleep=clock))
    # 2026-11-21 is the first incomplete date: only 18–20 are loaded, 19 has no data.
    assert len(chunks) == 1
    c = chunks[0]
    assert (c.start, c.end) == (date(2026, 11, 18), date(2026, 11, 20))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert clock.slept == [60.0, 4.0]          # QPS quota: wait a minute; then 503: 2·2 s
    b = bodies(http)
    assert [(x["startRow"], x["rowLimit"]) for x in b] == [(0, 2), (2, 2), (0, 2), (2, 2), (0, 2), (0, 2), (0, 2)]
    assert b[0]["dimensions"] == ["date"] and b[0]["dataState"] == "all"
    assert b[2]["dimensions"] == ["date", "query", "page", "country", "device"]
    assert b[2]["startDate"] == b[2]["endDate"] == "2026-11-18"
    assert http.request_sequence[0][0].split("?")[0].endswith("/sites/sc-domain%3Arorleggernord.no/searchAnalytics/query")
    rows = c.rows.sort_values("clicks", ascending=False).reset_index(drop=True)
    assert list(rows["query"]) == ["rørlegger tromsø", "varmepumpe pris", "hvordan tette avløp"]
    assert list(rows["clicks"]) == [3, 2, 1]
    assert list(rows["impressions"]) == [40, 45, 60]
    assert list(rows["device"]) == ["MOBILE", "TABLET", "DESKTOP"]
    assert list(rows["country"]) == ["nor", "swe", "nor"]
    daily = c.daily.sort_values("period_start").reset_index(drop=True)
    assert list(daily["period_start"]) == [date(2026, 11, 18), date(2026, 11, 20)]
    assert list(daily["clicks"]) == [5, 2] and list(daily["impressions"]) == [120, 50]
    assert list(daily["position"]) == [7.2, 9.0]


def test_chunk_loads_both_tables(tmp_path: Path) -> None:
    svc, _ = service([ok("gsc_totals_p1.json"), ok("gsc_totals_p2.json"), ok("gsc_day_2026-11-18_p1.json"),
                      ok("gsc_day_2026-11-18_p2.json"), ok("gsc_day_2026-11-20_p1.json")])
    (c,) = gsc_api.pull(svc, SITE, date(2026, 11, 18), date(2026, 11, 21), date(2026, 11, 23), row_limit=2,
                        sleep=FakeClock())
    fl = c.file_load()
    assert fl.file_name == "Search Console API 2026-11-18…2026-11-20"
    assert (fl.source, fl.account, fl.origin) == ("search_console", SITE, "api")
    with db.connect(tmp_path / "w.duckdb") as con:
        assert loader.load(con, fl).rows == 5
        assert con.execute("SELECT sum(clicks), sum(impressions) FROM search_rows").fetchall() == [(6, 145)]
        assert con.execute("SELECT sum(clicks), sum(impressions) FROM search_daily").fetchall() == [(7, 170)]
        assert loader.load(con, c.file_load()).status == "unchanged"


def test_forbidden_is_not_retried() -> None:
    clock = FakeClock()
    svc, http = service([err(403, "gsc_error_403.json")])
    with pytest.raises(gsc_api.GSCError) as e:
        list(gsc_api.pull(svc, SITE, date(2026, 11, 18), date(2026, 11, 21), date(2026, 11, 23), sleep=clock))
    assert e.value.code == "google.err.gsc_forbidden" and clock.slept == []
    assert "Users and permissions" in e.value.text("en")


def test_retries_are_bounded() -> None:
    clock = FakeClock()
    svc, _ = service([err(503, "gsc_error_503.json")] * 5)
    with pytest.raises(gsc_api.GSCError) as e:
        gsc_api.day_totals(svc, SITE, date(2026, 11, 1), date(2026, 11, 2), sleep=clock)
    assert clock.slept == [2.0, 4.0, 8.0, 16.0]
    assert e.value.text("en") == "Search Console did not answer after 5 attempts. Try again later."


def test_no_rows_key_means_no_data() -> None:
    svc, _ = service([({"status": "200"}, '{"responseAggregationType": "byProperty"}')])
    totals = gsc_api.day_totals(svc, SITE, date(2026, 11, 1), date(2026, 11, 2))
    assert totals.days == {} and totals.first_incomplete is None
    # nothing and no metadata: complete up to today − 3 (the usual delay)
    assert gsc_api.complete_end(totals, date(2026, 11, 1), date(2026, 11, 21), date(2026, 11, 23)) == date(2026, 11, 20)


def test_window_backfills_16_months_then_looks_back() -> None:
    first = gsc_api.window(None, date(2026, 11, 23))
    assert first.end == date(2026, 11, 21)
    assert first.start == date(2025, 7, 24)        # 486 days back: 16 months
    nxt = gsc_api.window(date(2026, 11, 20), date(2026, 11, 30))
    assert (nxt.start, nxt.end) == (date(2026, 11, 18), date(2026, 11, 28))
