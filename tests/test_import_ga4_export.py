"""GA4 UI downloads: comment blocks, YYYYMMDD, Reports snapshot, exploration grand totals; hand-worked totals."""
from __future__ import annotations

import datetime as dt

import pytest

from connectors import ga4_export, importing
from connectors.base import ImportRefused
from tests.imports_support import fixture, new_workspace, rows
from warehouse.loader import totals_of


def test_traffic_acquisition_by_date():
    name = "Traffic_acquisition_Session_primary_channel_group.csv"
    data = fixture(name)
    assert importing.detect(name, data) is ga4_export
    fl = ga4_export.parse(name, data)
    # Sessions 120 + 60 + 40 + 100 + 35 = 355; Engaged 80 + 30 + 20 + 70 + 10 = 210;
    # Key events 6 + 4 + 0 + 5 + 1 = 16; revenue 1500.5
    assert totals_of(fl.parts) == pytest.approx({"sessions": 355, "engaged_sessions": 210, "users": 0,
                                                 "key_events": 16, "revenue": 1500.5, "purchases": 0})
    assert (fl.source, fl.account) == ("ga4", "Rørlegger Nord – GA4")
    assert (fl.date_from, fl.date_to) == (dt.date(2026, 3, 2), dt.date(2026, 3, 3))
    f = fl.parts[0].frame
    assert (f["period_start"] == f["period_end"]).all()
    assert set(f["channel_group"]) == {"Organic Search", "Paid Search", "Direct", "Paid Social"}
    assert (f["account"] == fl.account).all()


def test_norwegian_reports_snapshot_picks_the_session_channel_table():
    fl = ga4_export.parse("Oversikt_over_rapporter.csv", fixture("Oversikt_over_rapporter.csv"))
    # The second table (Standard kanalgruppe for økt): Økter 1200 + 450 + 210 = 1860; Nøkkelhendelser 30 + 22 + 5 = 57
    assert totals_of(fl.parts)["sessions"] == 1860 and totals_of(fl.parts)["key_events"] == 57
    f = fl.parts[0].frame
    assert set(f["channel_group"]) == {"Organic Search", "Paid Search", "Paid Social"}  # Norwegian values mapped
    assert (f["period_start"].dt.date == dt.date(2026, 3, 1)).all() and (f["period_end"].dt.date == dt.date(2026, 3, 31)).all()
    assert fl.account == "Rørlegger Nord – GA4"
    assert any("3 tables" in w for w in fl.warnings)


def test_exploration_loads_only_the_grand_total():
    fl = ga4_export.parse("download.csv", fixture("download.csv"))
    # Pages do not add up (1200 + 500 + 400 = 2100 sessions ≠ 2000): the grand-total row is loaded.
    assert totals_of(fl.parts) == pytest.approx({"sessions": 2000, "engaged_sessions": 0, "users": 1500,
                                                 "key_events": 57, "revenue": 0, "purchases": 0})
    f = fl.parts[0].frame
    assert len(f) == 1 and f["channel_group"].iloc[0] == "(all)"
    assert (fl.date_from, fl.date_to, fl.account) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31), "Rørlegger Nord – GA4")


def test_events_report_is_refused_with_what_to_download():
    with pytest.raises(ImportRefused, match="Traffic acquisition"):
        ga4_export.parse("Events_Event_name.csv", fixture("Events_Event_name_sample.csv"))


def test_conversions_header_of_older_files_is_key_events(tmp_path):
    text = fixture("Traffic_acquisition_Session_primary_channel_group.csv").decode().replace("Key events", "Conversions")
    ws = new_workspace(tmp_path)
    rep = importing.import_bytes(ws, "t.csv", text.encode())
    assert rep.status == "loaded" and rep.totals["key_events"] == 16
    assert rows(ws, "SELECT sum(sessions), sum(key_events) FROM web_analytics") == [(355, 16.0)]


def test_bad_sessions_value_names_line_and_column():
    text = fixture("Traffic_acquisition_Session_primary_channel_group.csv").decode().replace(
        "20260302,Direct,40,", "20260302,Direct,4O,")
    with pytest.raises(ImportRefused) as err:
        ga4_export.parse("t.csv", text.encode())
    assert str(err.value) == "t.csv, line 13, column “Sessions”: “4O” is not a number."
