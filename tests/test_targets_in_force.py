"""target_in_force: the glide-path value of the most specific target covering a row."""
from __future__ import annotations

from datetime import date

import pytest

from metrics import targets as tg
from warehouse import db, workspaces


@pytest.fixture()
def con(tmp_path):
    ws = workspaces.create("t", tmp_path)
    with db.connect(ws.path) as c:
        # Scope checks need the names to exist somewhere in the workspace: the channel mapping will do.
        c.execute("INSERT INTO channel_map VALUES ('google_ads', 'campaign', 'Brand_Search', 'Paid Search')")
        c.execute("INSERT INTO ad_performance VALUES (1, 'google_ads', 'a', 'Brand_Search', 'Search', 'Paid Search',"
                  " DATE '2026-01-05', DATE '2026-01-05', 'NOK', 100, 10, 1, 1, 0)")
        yield c


def test_glide_path_is_linear_from_baseline_to_target_at_week_end(con):
    t, warnings = tg.create_target(con, tg.TargetSpec("cpl", "all", "520", "390", "2026-01-05", "2026-12-31"))
    assert warnings == []
    # 360 days from 5 Jan to 31 Dec. Week 5–11 Jan is measured on Sunday 11 Jan: 6 days in,
    # 520 − 130 × 6/360 = 517.8333…
    assert tg.target_in_force(con, "cpl", None, None, date(2026, 1, 5)) == pytest.approx(517.833333, abs=1e-5)
    # Any day of the week gives the week's value (Wednesday 7 Jan → Monday 5 Jan).
    assert tg.target_in_force(con, "cpl", None, None, date(2026, 1, 7)) == pytest.approx(517.833333, abs=1e-5)
    # Week 6–12 Jul: Sunday 12 Jul is 188 days in: 520 − 130 × 188/360 = 452.1111…
    assert tg.target_in_force(con, "cpl", "Paid Search", "x", date(2026, 7, 6)) == pytest.approx(452.111111, abs=1e-5)
    # The week holding the deadline (28 Dec – 3 Jan) is clamped to the target itself.
    assert tg.target_in_force(con, "cpl", None, None, date(2026, 12, 28)) == 390
    # Outside the period no target is in force; another KPI has none either.
    assert tg.target_in_force(con, "cpl", None, None, date(2027, 1, 4)) is None
    assert tg.target_in_force(con, "cpl", None, None, date(2025, 12, 29)) is None
    assert tg.target_in_force(con, "roas", None, None, date(2026, 7, 6)) is None


def test_most_specific_target_wins(con):
    tg.create_target(con, tg.TargetSpec("cpl", "all", "500", "400", "2026-01-05", "2026-03-02"))
    tg.create_target(con, tg.TargetSpec("cpl", "channel:Paid Search", "300", "300", "2026-01-05", "2026-03-02"))
    tg.create_target(con, tg.TargetSpec("cpl", "campaign:brand search", "200", "200", "2026-01-05", "2026-03-02"))
    wk = date(2026, 2, 2)
    # Campaign name matches after normalisation ('Brand_Search' = 'brand search').
    assert tg.target_in_force(con, "cpl", "Paid Search", "Brand_Search", wk) == 200
    assert tg.target_in_force(con, "cpl", "paid  search", "Other campaign", wk) == 300
    assert tg.target_in_force(con, "cpl", "Paid Search", None, wk) == 300
    # The all target: 56 days from 5 Jan to 2 Mar; week 2–8 Feb ends on day 34: 500 − 100 × 34/56.
    assert tg.target_in_force(con, "cpl", "Paid Social", None, wk) == pytest.approx(500 - 100 * 34 / 56)
    assert tg.in_force(con, "cpl", "Paid Social", None, wk).scope == "all"
