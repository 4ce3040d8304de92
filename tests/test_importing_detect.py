"""Recognising files: one parser per export, clear sentences for foreign, empty, binary and ambiguous files."""
from __future__ import annotations

import io
import zipfile

import pytest

from connectors import importing
from connectors.base import ImportRefused
from tests.imports_support import FIXTURES

EXPECTED = {
    "google_ads_campaign_day_en.csv": "google_ads", "Kampanjerapport.csv": "google_ads",
    "Rorlegger-Nord-AS-Campaigns-Mar-2-2026-Mar-4-2026.csv": "meta", "meta_campaigns_march.csv": "meta",
    "meta_no_data.csv": "meta", "campaign_507123456.csv": "linkedin", "microsoft_ads_campaigns.csv": "microsoft_ads",
    "tiktok_campaigns_by_day.csv": "tiktok", "Traffic_acquisition_Session_primary_channel_group.csv": "ga4",
    "Oversikt_over_rapporter.csv": "ga4", "download.csv": "ga4",
    "https___www.rorleggernord.no_-Performance-on-Search-2026-03-06.zip": "search_console",
    "deals_template.csv": "crm", "pipedrive-deals.csv": "crm",
}


@pytest.mark.parametrize("name,source", sorted(EXPECTED.items()))
def test_every_fixture_is_claimed_by_exactly_one_parser(name, source):
    data = (FIXTURES / name).read_bytes()
    claims = [p.SOURCE for p in importing.parsers() if p.detect(name, data)]
    assert claims == [source]


def test_every_fixture_has_an_expectation():
    assert {p.name for p in FIXTURES.iterdir()} - set(EXPECTED) <= {"google_ads_all_time.csv",
                                                                     "google_ads_conversion_actions.csv",
                                                                     "Events_Event_name_sample.csv"}


@pytest.mark.parametrize("name,data,pattern", [
    ("empty.csv", b"", "the file is empty"),
    ("blank.csv", b"\n\n  \n", "the file is empty"),
    ("junk.csv", bytes(range(256)) * 16, "not a text export"),
    ("report.pdf", b"%PDF-1.7\n...", "This looks like a PDF file, which Mandag does not import"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Excel 97–2003"),
    ("notes.csv", b"name,phone\nKari,12345678\n", "Mandag does not recognise this file"),
    ("Editor.csv", b"\xff\xfe" + "Campaign\tCampaign Type\tCampaign Daily Budget\tLabels\nA\tSearch\t100\t[]\n"
     .encode("utf-16-le"), "Google Ads Editor"),
])
def test_refusals_are_sentences(name, data, pattern):
    rep = importing.inspect(name, data)
    assert rep.status == "refused"
    assert rep.error.startswith(name) and pattern in rep.error


def test_zip_holding_one_export_is_opened():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("Campaign report.csv", (FIXTURES / "google_ads_campaign_day_en.csv").read_bytes())
    rep = importing.inspect("Campaign report.zip", buf.getvalue())
    assert rep.status == "ready" and rep.source == "google_ads" and rep.file == "Campaign report.zip"


def test_truncated_file_is_refused():
    data = (FIXTURES / "google_ads_campaign_day_en.csv").read_bytes()
    rep = importing.inspect("c.csv", data[: data.index(b"Total:") - 30])
    assert rep.status == "refused" and "cut off" in rep.error


def test_search_terms_report_is_refused_because_it_leaves_out_spend():
    text = ('Search terms report\n"March 1, 2026 - March 31, 2026"\n'
            "Search term,Match type,Campaign,Ad group,Impr.,Clicks,Cost,Currency code\n"
            "rørlegger,Exact match,Søk,AG1,100,10,50.00,NOK\n")
    rep = importing.inspect("Search terms report.csv", text.encode())
    assert rep.status == "refused" and "Campaign report" in rep.error


def test_failed_import_leaves_the_workspace_unchanged(tmp_path):
    from tests.imports_support import new_workspace, rows

    ws = new_workspace(tmp_path)
    assert importing.import_bytes(ws, "c.csv", (FIXTURES / "google_ads_campaign_day_en.csv").read_bytes()).status == "loaded"
    bad = (FIXTURES / "google_ads_campaign_day_en.csv").read_bytes().replace(b"720.00", b"7x0.00")
    rep = importing.import_bytes(ws, "c.csv", bad)
    assert rep.status == "refused" and "line 6" in rep.error
    assert rows(ws, "SELECT round(sum(spend), 2), count(*) FROM ad_performance") == [(2949.30, 6)]
    assert rows(ws, "SELECT count(*) FROM imports") == [(1,)]


def test_excel_resave_in_windows_1252_is_read():
    text = (FIXTURES / "Kampanjerapport.csv").read_text(encoding="utf-8").replace("\u00a0", " ")
    rep = importing.inspect("Kampanjerapport.csv", text.encode("cp1252"))
    assert rep.status == "ready" and rep.totals["spend"] == 4550.75


def test_file_cut_inside_a_character_is_refused():
    data = (FIXTURES / "google_ads_campaign_day_en.csv").read_bytes()
    cut = data[: data.index("ø".encode()) + 1]
    rep = importing.inspect("c.csv", cut)
    assert rep.status == "refused" and "cut off" in rep.error



def test_a_database_error_during_the_load_is_a_refusal(tmp_path, monkeypatch):
    import duckdb

    from tests.imports_support import new_workspace, rows
    from warehouse import loader

    ws = new_workspace(tmp_path)

    def broken(con, fl):
        raise duckdb.ConversionException("Conversion Error: value out of range")

    monkeypatch.setattr(loader, "load", broken)
    rep = importing.import_bytes(ws, "c.csv", (FIXTURES / "google_ads_campaign_day_en.csv").read_bytes())
    assert rep.status == "refused" and "could not read this file" in rep.error
    assert rows(ws, "SELECT count(*) FROM imports") == [(0,)]
