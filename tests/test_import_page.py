"""The Import page under AppTest: empty state, previews, loading, history and undo."""
from __future__ import annotations

import pytest

from tests.conftest import app_test
from tests.imports_support import FIXTURES, new_workspace, rows

ADS = "google_ads_campaign_day_en.csv"


def _texts(at) -> str:
    parts = []
    for kind in ("title", "markdown", "caption", "text", "info", "warning", "success", "error"):
        parts += [str(getattr(e, "value", "")) for e in getattr(at, kind)]
    return "\n".join(parts).replace("\\", "")  # Markdown escapes are not part of what a reader sees


@pytest.mark.parametrize("lang,title,where", [("nb", "Importer data", "legg til Segment → Tid → Dag"),
                                              ("en", "Import data", "Segment → Time → Day → the download icon")])
def test_empty_state_tells_where_to_get_each_export(tmp_path, lang, title, where):
    ws = new_workspace(tmp_path)
    at = app_test("views/import_data.py", ws, lang, week=None).run()
    assert not at.exception
    assert at.title[0].value == title
    text = _texts(at)
    assert where in text
    for platform in ("Google Ads", "Meta", "LinkedIn", "Microsoft Advertising", "TikTok", "Google Analytics 4",
                     "Search Console", "CRM"):
        assert platform in text
    assert at.file_uploader[0].allowed_type == [".csv", ".tsv", ".txt", ".xlsx", ".zip"]


def test_upload_preview_load_and_undo(tmp_path):
    ws = new_workspace(tmp_path)
    at = app_test("views/import_data.py", ws, "en", week=None).run()
    at.file_uploader[0].set_value([
        (ADS, (FIXTURES / ADS).read_bytes(), "text/csv"),
        ("notes.csv", b"name,phone\nKari,1\n", "text/csv"),
    ]).run()
    assert not at.exception
    text = _texts(at)
    assert "Ready: Google Ads" in text and ADS in text
    assert "notes.csv: Mandag does not recognise this file." in text
    facts = at.dataframe[0].value
    values = dict(zip(facts.iloc[:, 0], facts.iloc[:, 1]))
    assert values["Rows"] == "6" and values["Currency"] == "NOK"
    assert values["Spend"] == "NOK\u00a02,949.30"           # 999.50 + 164.80 + 720.00 + 140.00 + 875.00 + 50.00
    assert values["Impressions"] == "26,148"
    assert rows(ws, "SELECT count(*) FROM imports") == [(0,)]  # a preview loads nothing

    load = next(b for b in at.button if b.key == "import_load")
    assert load.label == "Load the file"
    load.click().run()
    assert not at.exception
    assert "1 loaded, 0 unchanged, 0 refused." in _texts(at)
    assert rows(ws, "SELECT round(sum(spend), 2) FROM ad_performance") == [(2949.30,)]
    history = at.dataframe[-1].value
    assert list(history["File"]) == [ADS] and list(history["Status"]) == ["loaded"]

    next(b for b in at.button if b.key == "import_undo").click().run()
    assert "Remove every row import no. 1 brought in?" in _texts(at)
    assert rows(ws, "SELECT count(*) FROM ad_performance") == [(6,)]  # not before the confirmation
    next(b for b in at.button if b.key == "import_undo_yes").click().run()
    assert not at.exception
    assert "Import no. 1 was undone: 6 rows removed." in _texts(at)
    assert rows(ws, "SELECT count(*) FROM ad_performance") == [(0,)]
    assert list(at.dataframe[-1].value["Status"]) == ["undone"]


def test_refusals_and_warnings_read_in_norwegian(tmp_path):
    ws = new_workspace(tmp_path)
    at = app_test("views/import_data.py", ws, "nb", week=None).run()
    at.file_uploader[0].set_value([
        ("meta.csv", (FIXTURES / "meta_campaigns_march.csv").read_bytes(), "text/csv"),
        ("x-Campaigns-1-Sep-202430-Sep-2024.csv", (FIXTURES / "meta_no_data.csv").read_bytes(), "text/csv"),
    ]).run()
    assert not at.exception
    text = _texts(at)
    assert "Resultater som ikke er kundeemner ble ikke telt som konverteringer" in text
    assert "x-Campaigns-1-Sep-202430-Sep-2024.csv, linje 2: Meta skrev «No data available.»" in text
    assert next(b for b in at.button if b.key == "import_load").label == "Last inn filen"


def test_file_names_are_shown_as_text_not_markdown(tmp_path):
    ws = new_workspace(tmp_path)
    at = app_test("views/import_data.py", ws, "nb", week=None).run()
    evil = "[klikk](javascript:alert(1)) **fet**.csv"
    at.file_uploader[0].set_value([(evil, b"a,b\n1,2\n", "text/csv")]).run()
    assert not at.exception
    assert evil in [e.value for e in at.text]
    assert all("](javascript" not in e.value for e in at.error)
