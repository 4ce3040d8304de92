"""Data trust per source for a judged week: how far each source reaches, and tracking gaps.

Hand-made workspace: judged week Mon 2026-11-16 … Sun 2026-11-22.
- Google Ads: a row every Sunday from 2026-09-13 to 2026-11-22, except in the week of 2026-10-19
  → "gap", week 2026-10-19.
- Meta: every week, last row 2026-11-20 (Friday) → stale by two days ("stale": no normal delay).
- GA4: rows in the weeks of 2026-10-05 and 2026-11-16 only → "gap" from the week after the last
  week with rows before it: 2026-10-12.
- Search Console: last day 2026-11-20, two days short, within its normal 3-day delay → "delay".
"""
from __future__ import annotations

from datetime import date, timedelta

from metrics import freshness
from tests.metrics_support import put
from warehouse import db

WEEK = date(2026, 11, 16)


def _weekly(first: date, last: date, skip: set[date] = frozenset()) -> list[str]:
    out, d = [], first
    while d <= last:
        if d - timedelta(days=d.weekday()) not in skip:
            out.append(d.isoformat())
        d += timedelta(days=7)
    return out


def test_each_source_gets_its_own_status_and_gap(tmp_path):
    path = tmp_path / "ws.duckdb"
    with db.connect(path) as con:
        put(con, "ad_performance", [{"day": d, "spend": 10.0}
                                    for d in _weekly(date(2026, 9, 13), date(2026, 11, 22), {date(2026, 10, 19)})])
        put(con, "ad_performance", [{"day": d, "spend": 10.0, "channel": "Paid Social"}
                                    for d in _weekly(date(2026, 9, 11), date(2026, 11, 20))],
            source="meta", account="m")
        put(con, "web_analytics", [{"day": "2026-10-05", "sessions": 5}, {"day": "2026-11-22", "sessions": 5}])
        con.execute("INSERT INTO search_daily (import_id, account, period_start, period_end, clicks, "
                    "impressions, position) SELECT 1, 'sc', d, d, 1, 10, 3.0 "
                    "FROM range(DATE '2026-10-01', DATE '2026-11-21', INTERVAL 1 DAY) t(d)")
        notes = {n.source: n for n in freshness.notes(con, WEEK)}
    assert notes["google_ads"].status == "gap"
    assert notes["google_ads"].gap_week == date(2026, 10, 19)
    assert notes["meta"].status == "stale"
    assert notes["meta"].gap_week is None
    assert notes["meta"].last_day == date(2026, 11, 20)
    assert notes["ga4"].status == "gap"
    assert notes["ga4"].gap_week == date(2026, 10, 12)
    assert notes["search_console"].status == "delay"
    assert notes["search_console"].last_day == date(2026, 11, 20)
