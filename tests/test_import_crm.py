"""CRM deals: Mandag's template, HubSpot and Pipedrive exports → crm_deals; hand-worked values."""
from __future__ import annotations

import datetime as dt

import pytest

from connectors import crm, importing
from connectors.base import ImportRefused
from tests.imports_support import fixture, new_workspace, rows
from warehouse.loader import totals_of


def test_template():
    data = fixture("deals_template.csv")
    assert importing.detect("deals.csv", data) is crm
    fl = crm.parse("deals.csv", data)
    # value 25000 + (empty) + 12 500,50 + 0 = 37 500.50
    assert totals_of(fl.parts) == pytest.approx({"value": 37500.50})
    f = fl.parts[0].frame.set_index("deal_id")
    assert f.loc["D-1", "won_date"].date() == dt.date(2026, 3, 20) and f["won_date"].notna().sum() == 2
    assert f.loc["D-3", "channel"] == "Organic Search"
    assert (fl.date_from, fl.date_to, fl.currency) == (dt.date(2026, 3, 2), dt.date(2026, 3, 10), "NOK")


def test_hubspot_won_on_close_date_of_won_stage():
    text = ("Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline,Original Source\n"
            "101,Bad,Closed won,25000,2026-03-20 00:00,2026-03-02 10:00,Kari,Sales,Paid Search\n"
            "102,Kjøkken,Appointment scheduled,,2026-04-30 00:00,2026-03-03 09:15,Kari,Sales,Organic Search\n")
    fl = crm.parse("hubspot-crm-exports-all-deals.csv", text.encode())
    f = fl.parts[0].frame.set_index("deal_id")
    assert f.loc["101", "won_date"].date() == dt.date(2026, 3, 20)
    assert f["won_date"].isna().sum() == 1  # an expected close date is not a win
    assert list(f["channel"]) == ["Paid Search", "Organic Search"]
    assert fl.account == "HubSpot"


def test_pipedrive_status_decides_won(tmp_path):
    ws = new_workspace(tmp_path)
    rep = importing.import_bytes(ws, "pipedrive-deals.csv", fixture("pipedrive-deals.csv"))
    assert rep.status == "loaded" and rep.source == "crm" and rep.totals == {"value": 65000.0}
    assert rows(ws, "SELECT deal_id, won_date FROM crm_deals WHERE won_date IS NOT NULL") == [("17", dt.date(2026, 3, 15))]


def test_duplicate_deal_id_is_refused():
    text = fixture("deals_template.csv").decode().replace("D-2,", "D-1,")
    with pytest.raises(ImportRefused) as err:
        crm.parse("deals.csv", text.encode())
    assert str(err.value) == "deals.csv, line 3, column “deal_id”: the deal ID “D-1” appears twice."
