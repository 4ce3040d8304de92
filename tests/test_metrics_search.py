"""metrics/search.py golden numbers, worked out by hand from the tiny tables below.

Newest day 2026-11-22 → current window 2026-10-26…2026-11-22, previous 2026-09-28…2026-10-25.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from metrics import search
from warehouse import db

A = "sc-domain:example.no"
B = "https://www.example.no/"
D = date.fromisoformat

DAILY = [  # account, start, end, clicks, impressions, position
    (A, "2026-11-16", "2026-11-16", 10, 200, 5.0),
    (A, "2026-11-22", "2026-11-22", 6, 100, 8.0),
    (A, "2026-10-20", "2026-10-20", 4, 100, 10.0),
    (A, "2026-11-02", "2026-11-08", 3, 400, 9.5),       # a block that fits in the week of 2 Nov
    (B, "2026-11-22", "2026-11-22", 99, 999, 3.0),
]
ROWS = [  # account, start, end, query, page, clicks, impressions, position
    (A, "2026-11-16", "2026-11-16", "rørlegger nord", "/", 5, 50, 1.5),
    (A, "2026-11-16", "2026-11-16", "hvordan tette avløp", "/blogg", 1, 120, 8.0),
    (A, "2026-11-22", "2026-11-22", "Rørlegger Nord tromsø", "/", 3, 20, 2.0),
    (A, "2026-11-10", "2026-11-10", "varmepumpe pris", "/vp", 2, 80, 12.0),   # a day search_daily lacks
    (A, "2026-10-20", "2026-10-20", "varmepumpe pris", "/vp", 6, 90, 6.0),
    (A, "2026-10-20", "2026-10-20", "rørlegger nord", "/", 1, 10, 1.0),
    (A, "2026-10-19", "2026-11-01", "blokk søk", "/b", 7, 70, 4.0),          # spans both windows: in neither
    (A, "2026-11-02", "2026-11-08", "hva koster rørlegger", "/pris", 0, 300, 9.0),
]


@pytest.fixture
def con(tmp_path: Path):
    with db.connect(tmp_path / "s.duckdb") as c:
        for r in DAILY:
            c.execute("INSERT INTO search_daily VALUES (1, ?, ?, ?, ?, ?, ?)", list(r))
        for a, s, e, q, p, cl, im, pos in ROWS:
            c.execute("INSERT INTO search_rows VALUES (1, ?, ?, ?, ?, ?, 'nor', 'MOBILE', ?, ?, ?)",
                      [a, s, e, q, p, cl, im, pos])
        yield c


def test_accounts_and_latest_day(con) -> None:
    assert search.accounts(con) == [A, B]
    from warehouse import settings

    settings.put(con, "gsc_site_url", B)          # the property chosen in Settings comes first
    assert search.accounts(con) == [B, A]
    settings.put(con, "gsc_site_url", "sc-domain:none.no")
    assert search.accounts(con) == [A, B]
    assert search.latest_day(con, A) == D("2026-11-22")
    assert search.latest_day(con, "sc-domain:none.no") is None
    assert search.has_query_rows(con, A) and not search.has_query_rows(con, B)


def test_weekly_uses_daily_totals_falls_back_to_rows_and_keeps_blocks_whole(con) -> None:
    weeks = search.weekly(con, A)
    got = [(w.week_start, w.clicks, w.impressions) for w in weeks]
    assert got == [(D("2026-10-19"), 4, 100), (D("2026-11-02"), 3, 400), (D("2026-11-09"), 2, 80),
                   (D("2026-11-16"), 16, 300)]
    last = weeks[-1]
    assert last.ctr == pytest.approx(16 / 300)
    assert last.position == pytest.approx((5.0 * 200 + 8.0 * 100) / 300)   # 6.0, weighted by impressions
    assert last.complete
    assert weeks[2].position == pytest.approx(12.0)


def test_overview_current_vs_previous(con) -> None:
    o = search.overview(con, A)
    assert o is not None
    assert (o.windows.start, o.windows.end) == (D("2026-10-26"), D("2026-11-22"))
    assert (o.windows.prev_start, o.windows.prev_end) == (D("2026-09-28"), D("2026-10-25"))
    assert (o.current.clicks, o.current.impressions) == (21, 780)      # 10 + 6 + 3 + 2 ; 200 + 100 + 400 + 80
    assert o.current.ctr == pytest.approx(21 / 780)
    assert o.current.position == pytest.approx(6560 / 780)             # (1000 + 800 + 3800 + 960) / 780
    assert (o.previous.clicks, o.previous.impressions, o.previous.position) == (4, 100, 10.0)
    assert o.clicks_change == pytest.approx(21 / 4 - 1)
    assert o.impressions_change == pytest.approx(6.8)
    assert o.ctr_change == pytest.approx(21 / 780 - 0.04)
    assert o.position_change == pytest.approx(6560 / 780 - 10)
    assert search.overview(con, "sc-domain:none.no") is None


def test_brand_split(con) -> None:
    brand, nonbrand = search.brand_split(con, A, ("rørlegger nord",))
    assert (brand.segment, brand.clicks, brand.clicks_before, brand.impressions) == ("brand", 8, 1, 70)
    assert brand.ctr == pytest.approx(8 / 70)
    assert brand.position == pytest.approx(115 / 70)                  # (1.5·50 + 2·20) / 70
    assert (nonbrand.clicks, nonbrand.clicks_before, nonbrand.impressions) == (3, 6, 500)
    assert nonbrand.position == pytest.approx(4620 / 500)             # (8·120 + 12·80 + 9·300) / 500


def test_brand_split_is_case_insensitive_and_empty_terms_mean_all_nonbrand(con) -> None:
    brand, nonbrand = search.brand_split(con, A, ("RØRLEGGER NORD",))
    assert brand.clicks == 8
    brand, nonbrand = search.brand_split(con, A, ())
    assert (brand.clicks, brand.impressions, brand.ctr) == (0, 0, None)
    assert (nonbrand.clicks, nonbrand.clicks_before) == (11, 7)


def test_top_movers_and_pages(con) -> None:
    movers = [(m.key, m.clicks, m.clicks_before, m.change) for m in search.top_movers(con, A)]
    assert movers == [("rørlegger nord", 5, 1, 4), ("varmepumpe pris", 2, 6, -4),
                      ("Rørlegger Nord tromsø", 3, 0, 3), ("hvordan tette avløp", 1, 0, 1)]
    assert [(m.key, m.change) for m in search.pages_gaining(con, A)] == [("/", 7), ("/blogg", 1)]
    assert [(m.key, m.change) for m in search.pages_losing(con, A)] == [("/vp", -4)]


def test_no_previous_window_means_no_movers(tmp_path: Path) -> None:
    with db.connect(tmp_path / "t.duckdb") as c:
        c.execute("INSERT INTO search_rows VALUES (1, ?, '2026-11-22', '2026-11-22', 'a', '/', NULL, NULL, 5, 50, 3.0)",
                  [A])
        assert search.top_movers(c, A) == []


def test_opportunities_and_questions(con) -> None:
    opp = [(q.query, q.clicks, q.impressions) for q in search.opportunities(con, A)]
    # varmepumpe pris has CTR 2.5 %, rørlegger nord is at position 1.5: both left out
    assert opp == [("hva koster rørlegger", 0, 300), ("hvordan tette avløp", 1, 120)]
    q = search.questions(con, A)
    assert [x.query for x in q] == ["hva koster rørlegger", "hvordan tette avløp"]
    assert q[1].ctr == pytest.approx(1 / 120) and q[1].position == pytest.approx(8.0)


def test_brand_terms_round_trip(con) -> None:
    assert search.brand_terms(con) == ()
    assert search.save_brand_terms(con, " Rørlegger Nord \n\nrorleggernord, RNord\n") == (
        "Rørlegger Nord", "rorleggernord", "RNord")
    assert search.brand_terms(con) == ("rørlegger nord", "rorleggernord", "rnord")
