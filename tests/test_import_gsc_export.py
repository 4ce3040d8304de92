"""Search Console exports: the ZIP, its single CSVs, the XLSX, the hourly view; hand-worked totals."""
from __future__ import annotations

import datetime as dt

import pytest

from connectors import gsc_export, importing
from connectors.base import ImportRefused
from tests.imports_support import fixture, new_workspace, rows, xlsx

ZIP = "https___www.rorleggernord.no_-Performance-on-Search-2026-03-06.zip"


def _by_table(fl):
    out = {}
    for p in fl.parts:
        out.setdefault(p.table, []).append(p.frame)
    return out


def test_zip_daily_and_dimension_rows():
    data = fixture(ZIP)
    assert importing.detect(ZIP, data) is gsc_export
    fl = gsc_export.parse(ZIP, data)
    assert (fl.source, fl.account) == ("search_console", "https://www.rorleggernord.no/")
    assert (fl.date_from, fl.date_to) == (dt.date(2026, 3, 2), dt.date(2026, 3, 4))
    parts = _by_table(fl)
    daily = parts["search_daily"][0]
    # Chart: clicks 10 + 5 + 0 = 15, impressions 200 + 100 + 50 = 350
    assert (daily["clicks"].sum(), daily["impressions"].sum(), len(daily)) == (15, 350, 3)
    queries, pages, countries, devices = parts["search_rows"]
    assert list(queries["query"]) == ["rørlegger oslo", "vannlekkasje\nnatt", "bad oppussing pris"]  # embedded newline
    assert queries["page"].isna().all() and queries["country"].isna().all()
    assert (pages["clicks"].sum(), countries["impressions"].sum(), devices["clicks"].sum()) == (15, 350, 15)
    for frame in parts["search_rows"]:
        assert (frame["period_start"].dt.date == dt.date(2026, 3, 2)).all()
        assert (frame["period_end"].dt.date == dt.date(2026, 3, 4)).all()


def test_loaded_totals_come_from_the_daily_chart(tmp_path):
    ws = new_workspace(tmp_path)
    rep = importing.import_bytes(ws, ZIP, fixture(ZIP))
    assert rep.status == "loaded" and rep.totals == {"clicks": 15, "impressions": 350}
    assert rows(ws, "SELECT count(*) FROM search_rows WHERE query IS NOT NULL") == [(3,)]
    assert importing.import_bytes(ws, ZIP, fixture(ZIP)).status == "unchanged"


def test_single_csvs_given_together_are_one_export():
    import zipfile, io

    zf = zipfile.ZipFile(io.BytesIO(fixture(ZIP)))
    files = [(n, zf.read(n)) for n in zf.namelist()]
    grouped = importing.group(files)
    assert len(grouped) == 1
    assert importing.group(list(reversed(files))) == grouped  # same files, same bytes: a re-import is unchanged
    fl = importing.parse(*grouped[0])
    assert fl.account == "https://www.rorleggernord.no/"  # from Pages, with a warning
    assert any("from its pages" in w for w in fl.warnings)
    with pytest.raises(ImportRefused, match="Import the whole Search Console ZIP"):
        gsc_export.parse("Queries.csv", zf.read("Queries.csv"))
    alone = gsc_export.parse("Chart.csv", zf.read("Chart.csv"))
    assert [p.table for p in alone.parts] == ["search_daily"]


def test_hourly_view_is_summed_into_days():
    text = ("Time (UTC+03:00),Clicks,Impressions,CTR,Position\n"
            "2025-12-15T21:00:00,1,10,10%,2\n2025-12-15T22:00:00,2,30,6.67%,4\n2025-12-16T00:00:00,0,5,0%,10")
    fl = gsc_export.parse("Chart.csv", text.encode())
    f = fl.parts[0].frame.sort_values("period_start")
    assert list(f["clicks"]) == [3, 0] and list(f["impressions"]) == [40, 5]
    # Position weighted by impressions: (2×10 + 4×30) / 40 = 3.5
    assert f["position"].iloc[0] == pytest.approx(3.5)
    assert any("24-hour" in w for w in fl.warnings)


def test_xlsx_export_with_serial_dates_and_fraction_ctr():
    data = xlsx({
        "Chart": [["Date", "Clicks", "Impressions", "CTR", "Position"], [46083, 4, 100, 0.04, 7.5],
                  [46084, 6, 200, 0.03, 8]],
        "Queries": [["Top queries", "Clicks", "Impressions", "CTR", "Position"], ["rørlegger", 10, 300, 0.033, 7]],
        "Filters": [["Filter", "Value"], ["Search type", "Web"], ["Date", "Last 28 days"]],
    })
    fl = gsc_export.parse("sc-domain_rorleggernord.no-Performance-on-Search-2026-03-06.xlsx", data)
    assert fl.account == "sc-domain:rorleggernord.no"
    # Excel serial 46083 = 2026-03-02
    assert (fl.date_from, fl.date_to) == (dt.date(2026, 3, 2), dt.date(2026, 3, 3))
    assert fl.parts[0].frame["clicks"].sum() == 10


def test_filtered_export_warns():
    import zipfile, io

    zf = zipfile.ZipFile(io.BytesIO(fixture(ZIP)))
    files = [(n, zf.read(n)) for n in zf.namelist()]
    files = [(n, d + b"\nPage,+/blogg/" if n == "Filters.csv" else d) for n, d in files]
    fl = importing.parse(*importing.group(files)[0])
    assert any("filtered" in w and "/blogg/" in w for w in fl.warnings)
