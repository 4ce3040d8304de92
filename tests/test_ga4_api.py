"""GA4 Data API connector, offline: recorded responses under tests/fixtures/google/."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from google.analytics.data_v1beta import BetaAnalyticsDataClient, Metadata, RunReportResponse
from google.api_core import exceptions as gexc
from google.auth.credentials import AnonymousCredentials

from connectors import ga4_api
from warehouse import db, loader

FIX = Path(__file__).parent / "fixtures" / "google"


def response(name: str) -> RunReportResponse:
    return RunReportResponse.from_json((FIX / name).read_text(encoding="utf-8"), ignore_unknown_fields=True)


def metadata() -> Metadata:
    return Metadata.from_json((FIX / "ga4_metadata.json").read_text(encoding="utf-8"), ignore_unknown_fields=True)


def api_error(cls: type, name: str) -> Exception:
    return cls(json.loads((FIX / name).read_text(encoding="utf-8"))["error"]["message"])


@pytest.fixture
def client() -> BetaAnalyticsDataClient:
    return BetaAnalyticsDataClient(credentials=AnonymousCredentials())


class FakeClock:
    def __init__(self) -> None:
        self.slept: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.slept.append(seconds)


# ---- property id ----------------------------------------------------------------------------

def test_measurement_id_gets_the_sentence_that_says_where_to_look() -> None:
    with pytest.raises(ga4_api.GA4Error) as e:
        ga4_api.validate_property_id(" G-ABC123XYZ ")
    assert e.value.text("en") == ("“G-ABC123XYZ” is a measurement id. Use the numeric property id, not the G-XXXX "
                                  "measurement id — find it in Admin → Property settings.")
    assert "ikke G-XXXX-måle-ID-en" in e.value.text("nb")


@pytest.mark.parametrize("raw, want", [("123456789", "123456789"), (" properties/42 ", "42"), ("7", "7")])
def test_numeric_ids_are_accepted(raw: str, want: str) -> None:
    assert ga4_api.validate_property_id(raw) == want


def test_non_ascii_digits_are_not_a_property_id() -> None:
    with pytest.raises(ga4_api.GA4Error):
        ga4_api.validate_property_id("١٢٣")


def test_other_ids_are_refused_with_their_own_sentences() -> None:
    with pytest.raises(ga4_api.GA4Error) as e:
        ga4_api.validate_property_id("UA-1234-1")
    assert e.value.text("en") == ("“UA-1234-1” is not a property id. It is digits only and shown in Admin → "
                                  "Property settings in GA4.")
    with pytest.raises(ga4_api.GA4Error) as e:
        ga4_api.validate_property_id("  ")
    assert e.value.code == "google.err.property_missing"


# ---- metadata -------------------------------------------------------------------------------

def test_metadata_lists_key_events_and_flags_unknown_lead_event(client: BetaAnalyticsDataClient) -> None:
    with mock.patch.object(BetaAnalyticsDataClient, "get_metadata", return_value=metadata()) as gm:
        check = ga4_api.check_property(client, "123456789", ["generate_lead", "bestilling"])
    gm.assert_called_once_with(name="properties/123456789/metadata")
    assert check.key_events == ("generate_lead", "phone_call", "purchase")
    assert check.missing == ("keyEvents:bestilling",)
    err = ga4_api.missing_metric_error(check)
    assert err is not None
    assert err.text("en") == ("GA4 property 123456789 has no key event “bestilling”. Mark the event as a key event "
                              "in GA4 (Admin → Events), or remove it from the lead events.")


def test_metadata_all_present(client: BetaAnalyticsDataClient) -> None:
    with mock.patch.object(BetaAnalyticsDataClient, "get_metadata", return_value=metadata()):
        check = ga4_api.check_property(client, "123456789", ["generate_lead", "phone_call"])
    assert check.missing == ()
    assert ga4_api.missing_metric_error(check) is None


# ---- pulling --------------------------------------------------------------------------------

def test_pull_pages_with_offset_and_maps_rows(client: BetaAnalyticsDataClient) -> None:
    pages = [response("ga4_report_page1.json"), response("ga4_report_page2.json")]
    with mock.patch.object(BetaAnalyticsDataClient, "run_report", side_effect=pages) as rr:
        p = ga4_api.pull(client, "123456789", date(2026, 11, 1), date(2026, 11, 2),
                         ["generate_lead", "phone_call"], page_limit=2)
    reqs = [c.args[0] for c in rr.call_args_list]
    assert [(r.offset, r.limit) for r in reqs] == [(0, 2), (2, 2)]
    assert reqs[0].property == "properties/123456789"
    assert [d.name for d in reqs[0].dimensions] == list(ga4_api.DIMENSIONS)
    assert [m.name for m in reqs[0].metrics] == [*ga4_api.BASE_METRICS, "keyEvents:generate_lead", "keyEvents:phone_call"]
    assert reqs[0].date_ranges[0].start_date == "2026-11-01" and reqs[0].date_ranges[0].end_date == "2026-11-02"
    f = p.frame.sort_values(["period_start", "channel_group"]).reset_index(drop=True)
    assert list(f["channel_group"]) == ["Organic Search", "Paid Search", "Direct"]
    assert list(f["sessions"]) == [120, 45, 30]
    assert list(f["engaged_sessions"]) == [80, 30, 12]
    assert list(f["users"]) == [100, 40, 28]
    assert list(f["key_events"]) == [6.0, 5.0, 1.0]
    assert list(f["lead_events"]) == [5.0, 5.0, 1.0]     # 4+1, 3+2, 0+1
    assert list(f["revenue"]) == [0.0, 1250.5, 0.0]
    assert list(f["purchases"]) == [0.0, 1.0, 0.0]
    assert f.loc[1, "campaign"] == "Rørlegger Oslo – Søk"
    assert f.loc[2, "campaign"] == "(not set)"             # kept as GA4 writes it, like the exports
    assert f.loc[2, "period_start"] == date(2026, 11, 2)
    # thresholding was on page 1, the (other) row on page 2: both are kept
    assert p.warnings == (ga4_api.WARN_THRESHOLDED, ga4_api.WARN_OTHER)
    assert p.currency == "NOK"


def test_lead_events_beyond_four_go_into_a_second_report(client: BetaAnalyticsDataClient) -> None:
    events = ["a", "b", "c", "d", "e"]
    with mock.patch.object(BetaAnalyticsDataClient, "run_report",
                           side_effect=[response("ga4_report_sampled.json"), response("ga4_report_empty.json")]) as rr:
        p = ga4_api.pull(client, "1", date(2026, 11, 3), date(2026, 11, 3), events)
    first, second = (c.args[0] for c in rr.call_args_list)
    assert len(first.metrics) == 10
    assert [m.name for m in second.metrics] == ["keyEvents:e"]
    assert p.warnings == (ga4_api.WARN_SAMPLED,)
    assert list(p.frame["sessions"]) == [14]


def test_without_lead_events_lead_column_is_null(client: BetaAnalyticsDataClient) -> None:
    with mock.patch.object(BetaAnalyticsDataClient, "run_report", return_value=response("ga4_report_sampled.json")):
        p = ga4_api.pull(client, "1", date(2026, 11, 3), date(2026, 11, 3))
    assert p.frame["lead_events"].isna().all()


def test_empty_report_stops_after_one_request(client: BetaAnalyticsDataClient) -> None:
    with mock.patch.object(BetaAnalyticsDataClient, "run_report", return_value=response("ga4_report_empty.json")) as rr:
        p = ga4_api.pull(client, "1", date(2026, 11, 3), date(2026, 11, 5))
    assert rr.call_count == 1 and len(p.frame) == 0


def test_pull_loads_with_warnings_and_is_idempotent(client: BetaAnalyticsDataClient, tmp_path: Path) -> None:
    with mock.patch.object(BetaAnalyticsDataClient, "run_report",
                           side_effect=[response("ga4_report_page1.json"), response("ga4_report_page2.json")]):
        p = ga4_api.pull(client, "123456789", date(2026, 11, 1), date(2026, 11, 2), ["generate_lead", "phone_call"],
                         page_limit=2)
    fl = p.file_load()
    assert fl.file_name == "GA4 API 2026-11-01…2026-11-02"
    assert (fl.source, fl.account, fl.origin) == ("ga4", "123456789", "api")
    with db.connect(tmp_path / "w.duckdb") as con:
        res = loader.load(con, fl)
        assert res.status == "loaded" and res.rows == 3
        again = loader.load(con, p.file_load())
        assert again.status == "unchanged"
        row = con.execute("SELECT origin, warnings, totals FROM imports").fetchall()[0]
        assert row[0] == "api"
        assert json.loads(row[1]) == ["google.warn.thresholding", "google.warn.other_row"]
        assert json.loads(row[2])["sessions"] == 195.0
        assert con.execute("SELECT sum(lead_events) FROM web_analytics").fetchall()[0][0] == 11.0


def test_same_rows_for_another_range_hash_differently() -> None:
    import pandas as pd

    empty = pd.DataFrame(columns=["a"])
    assert ga4_api.rows_hash(empty, "1", date(2026, 1, 1), date(2026, 1, 2)) != \
        ga4_api.rows_hash(empty, "1", date(2026, 1, 3), date(2026, 1, 4))


# ---- retries --------------------------------------------------------------------------------

def test_retries_503_and_concurrent_quota_with_backoff(client: BetaAnalyticsDataClient) -> None:
    clock = FakeClock()
    effects = [gexc.ServiceUnavailable("The service is currently unavailable."),
               api_error(gexc.TooManyRequests, "ga4_error_429_concurrent.json"),
               api_error(gexc.ResourceExhausted, "ga4_error_429_concurrent.json"),
               response("ga4_report_sampled.json")]
    with mock.patch.object(BetaAnalyticsDataClient, "run_report", side_effect=effects) as rr:
        p = ga4_api.pull(client, "1", date(2026, 11, 3), date(2026, 11, 3), sleep=clock)
    assert rr.call_count == 4
    assert clock.slept == [2.0, 30.0, 30.0]   # 2 s, then at least 30 s for the concurrent-requests quota
    assert len(p.frame) == 1


def test_retries_are_bounded(client: BetaAnalyticsDataClient) -> None:
    clock = FakeClock()
    with mock.patch.object(BetaAnalyticsDataClient, "run_report",
                           side_effect=[gexc.ServiceUnavailable("down")] * 5) as rr:
        with pytest.raises(ga4_api.GA4Error) as e:
            ga4_api.pull(client, "1", date(2026, 11, 3), date(2026, 11, 3), sleep=clock)
    assert rr.call_count == 5
    assert clock.slept == [2.0, 4.0, 8.0, 16.0]
    assert e.value.text("en") == "GA4 did not answer after 5 attempts. Try again later."


def test_hourly_token_quota_is_not_waited_out(client: BetaAnalyticsDataClient) -> None:
    clock = FakeClock()
    with mock.patch.object(BetaAnalyticsDataClient, "run_report",
                           side_effect=[api_error(gexc.ResourceExhausted, "ga4_error_429_tokens.json")]):
        with pytest.raises(ga4_api.GA4Error) as e:
            ga4_api.pull(client, "1", date(2026, 11, 3), date(2026, 11, 3), sleep=clock)
    assert e.value.code == "google.err.ga4_quota" and clock.slept == []


def test_permission_denied_says_add_the_viewer(client: BetaAnalyticsDataClient) -> None:
    with mock.patch.object(BetaAnalyticsDataClient, "run_report",
                           side_effect=[api_error(gexc.PermissionDenied, "ga4_error_403.json")]):
        with pytest.raises(ga4_api.GA4Error) as e:
            ga4_api.pull(client, "1", date(2026, 11, 3), date(2026, 11, 3), sleep=FakeClock())
    assert "Viewer" in e.value.text("en")


# ---- windows --------------------------------------------------------------------------------

def test_window_first_run_backfills_then_looks_back_three_days() -> None:
    today = date(2026, 11, 23)
    first = ga4_api.window(None, today)
    assert first.end == date(2026, 11, 22)
    assert (first.end - first.start).days + 1 == ga4_api.BACKFILL_DAYS
    nxt = ga4_api.window(date(2026, 11, 22), date(2026, 11, 30))
    assert (nxt.start, nxt.end) == (date(2026, 11, 20), date(2026, 11, 29))
    same_day = ga4_api.window(date(2026, 11, 22), today)
    assert (same_day.start, same_day.end) == (date(2026, 11, 20), date(2026, 11, 22))


def test_bad_request_is_reported_not_retried(client: BetaAnalyticsDataClient) -> None:
    clock = FakeClock()
    with mock.patch.object(BetaAnalyticsDataClient, "run_report",
                           side_effect=[gexc.InvalidArgument("Field keyEvents:x is not a valid metric.")]) as rr:
        with pytest.raises(ga4_api.GA4Error) as e:
            ga4_api.pull(client, "1", date(2026, 11, 3), date(2026, 11, 3), sleep=clock)
    assert rr.call_count == 1 and clock.slept == []
    assert e.value.text("en") == "GA4 refused the request: Field keyEvents:x is not a valid metric."


# ---- property-based: the id validator --------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as hs  # noqa: E402


@given(digits=hs.from_regex(r"[1-9][0-9]{0,11}", fullmatch=True), prefix=hs.sampled_from(["", "properties/"]),
       pad=hs.sampled_from(["", " ", "\t", "  "]))
def test_any_numeric_id_round_trips(digits: str, prefix: str, pad: str) -> None:
    assert ga4_api.validate_property_id(f"{pad}{prefix}{digits}{pad}") == digits


@given(tail=hs.from_regex(r"[A-Za-z0-9]{4,12}", fullmatch=True))
def test_any_measurement_id_gets_the_measurement_sentence(tail: str) -> None:
    with pytest.raises(ga4_api.GA4Error) as e:
        ga4_api.validate_property_id(f"G-{tail}")
    assert e.value.code == "google.err.measurement_id"


@given(hs.text(max_size=30))
def test_anything_else_is_either_a_number_or_refused_with_a_known_code(raw: str) -> None:
    try:
        out = ga4_api.validate_property_id(raw)
    except ga4_api.GA4Error as exc:
        assert exc.code in {"google.err.property_missing", "google.err.measurement_id",
                            "google.err.property_not_numeric"}
    else:
        assert out.isascii() and out.isdigit()
