"""Settings → numbers and sources: the section renders, saves sources and costs; the mapping is checked."""
from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from metrics import manual
from warehouse import db, settings, workspaces


def _script():
    from ui.settings_metrics import render

    render()


@pytest.fixture()
def ws_path(data_dir):
    return workspaces.create("Kunde", data_dir).path


def _app(path, lang="en"):
    at = AppTest.from_function(_script, default_timeout=60)
    at.session_state["db_path"] = str(path)
    at.session_state["lang"] = lang
    return at.run()


def test_sources_and_costs_are_saved(ws_path):
    at = _app(ws_path)
    assert not at.exception
    at.selectbox(key="metrics_lead_source").select("crm")
    at.selectbox(key="metrics_business_type").select("shop")
    at.button(key="metrics_sources_save").click().run()
    assert not at.exception
    with db.connect(ws_path) as con:
        assert settings.get(con, "lead_source") == "crm" and settings.get(con, "business_type") == "shop"
    at.date_input(key="metrics_cost_month").set_value(date(2026, 3, 17))
    at.text_input(key="metrics_cost_item").input("Byrå")
    at.number_input(key="metrics_cost_amount").set_value(3100.0)
    at.button(key="metrics_cost_submit").click().run()
    assert not at.exception
    with db.connect(ws_path) as con:
        (c,) = manual.costs(con)
        # Stored for the whole of March: 3100 over 31 days.
        assert (c.month, c.item, c.amount, c.manual) == (date(2026, 3, 1), "Byrå", 3100.0, True)
        assert con.execute("SELECT period_start, period_end FROM costs").fetchall() == [(date(2026, 3, 1), date(2026, 3, 31))]
    at.run()
    at.button(key="metrics_cost_delete").click().run()
    assert not at.exception
    with db.connect(ws_path) as con:
        assert manual.costs(con) == []


def test_refuses_a_cost_without_item_or_amount(ws_path):
    at = _app(ws_path, "nb")
    at.button(key="metrics_cost_submit").click().run()
    assert [e.value for e in at.error] == ["Skriv hva kostnaden gjelder.", "Beløpet må være et tall større enn null."]


def test_channel_map_checks_every_row_at_once(ws_path):
    rows = [manual.MapRow("google_ads", "campaign", "Brand_X", "Paid Search"),
            manual.MapRow("google_ads", "campaign", "brand x", "Display"),     # same after normalising
            manual.MapRow("facebook", "campaign_type", "Video", "Paid Video"),  # unknown source
            manual.MapRow("meta", "", "x", "Display"),                          # incomplete
            manual.MapRow("", "", "", "")]                                      # blank: ignored
    with db.connect(ws_path) as con:
        problems = manual.save_channel_map(con, rows)
        assert [(p.row, p.code) for p in problems] == [(2, "duplicate"), (3, "source"), (4, "incomplete")]
        assert manual.channel_map(con) == []                                    # nothing saved
        assert manual.save_channel_map(con, [rows[0], rows[4]]) == []
        assert manual.channel_map(con) == [rows[0]]
