"""ui.cache: reads cached per data version; the week's verdicts shared without a copy."""
from __future__ import annotations

from metrics import manual, monday
from tests.conftest import DEMO_END, DEMO_LAST_WEEK
from ui import cache
from warehouse import db


def test_the_verdicts_are_shared_and_everything_else_is_copied(demo_db):
    first = cache.cached(monday.decision_view, DEMO_LAST_WEEK, DEMO_END, db_path=demo_db)
    again = cache.cached(monday.decision_view, DEMO_LAST_WEEK, DEMO_END, db_path=demo_db)
    assert again is first and first.rows                      # no pickled copy per read
    view = cache.cached(monday.view, DEMO_LAST_WEEK, DEMO_END, db_path=demo_db)
    view_again = cache.cached(monday.view, DEMO_LAST_WEEK, DEMO_END, db_path=demo_db)
    assert view_again is not view and view_again.summary == view.summary   # a copy: pages may change frames
    cache.clear()
    assert cache.cached(monday.decision_view, DEMO_LAST_WEEK, DEMO_END, db_path=demo_db) is not first


def test_a_write_gives_the_verdicts_afresh(demo_db):
    first = cache.cached(monday.decision_view, DEMO_LAST_WEEK, DEMO_END, db_path=demo_db)
    # Another process maps Google Ads' search campaigns to another channel (no cache.clear() here):
    # the file's new data version alone gives new verdict rows.
    with db.connect(demo_db) as con:
        manual.save_channel_map(con, [manual.MapRow("google_ads", "campaign_type", "search", "Partner search")])
        con.execute("CHECKPOINT")
    after = cache.cached(monday.decision_view, DEMO_LAST_WEEK, DEMO_END, db_path=demo_db)
    assert after is not first
    assert "Partner search" in {r.channel for r in after.rows}
    assert "Partner search" not in {r.channel for r in first.rows}
