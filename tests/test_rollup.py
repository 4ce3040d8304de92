"""The weekly rollup (`warehouse/rollup.py`) gives the sums the raw fact tables give, after every
kind of write, and is not used when it is out of step.

Each scenario writes through the product's own writers (loader, undo, entered costs, rates,
currency, channel map) and then compares every aggregation the metrics layer offers — windows of
whole weeks at every grain, weekly series, missing rates, several windows read at once — read
from the rollup against the same read from the raw tables.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from metrics import aggregate, manual
from tests.metrics_support import D, put
from tests.test_metrics_golden import _base as golden_base
from warehouse import db, fx, loader, rollup, workspaces

WEEK = D("2026-11-16")
WINDOWS = [(WEEK - timedelta(days=7 * k), WEEK - timedelta(days=7 * k) + timedelta(days=6)) for k in range(7)] + [
    (WEEK - timedelta(days=21), WEEK + timedelta(days=6)),          # four weeks
    (D("2026-10-26"), D("2026-12-06")),                               # six weeks around the monthly block
    (D("2025-11-17"), D("2025-11-23")),                               # same week last year
]


def _raw(fn, *args, **kw):
    """`fn(*args)` with the rollup switched off (every sum read from the raw tables)."""
    saved = rollup.current
    rollup.current = lambda con: False
    try:
        return fn(*args, **kw)
    finally:
        rollup.current = saved


def _same(a: list[aggregate.Group], b: list[aggregate.Group]) -> None:
    assert [g.key for g in a] == [g.key for g in b]
    for ga, gb in zip(a, b):
        for f in aggregate.SUM_FIELDS:
            assert math.isclose(ga[f], gb[f], rel_tol=1e-9, abs_tol=1e-9), (ga.key, f, ga[f], gb[f])


def assert_rollup_matches(con) -> None:
    assert rollup.current(con), "the rollup should be in step after a write through a writer"
    for start, end in WINDOWS:
        for grain in ("all", "channel", "source", "campaign"):
            _same(aggregate.window_sums(con, start, end, grain), _raw(aggregate.window_sums, con, start, end, grain))
        assert aggregate.missing_fx(con, start, end) == _raw(aggregate.missing_fx, con, start, end)
    for grain in ("all", "channel", "campaign"):
        _same(aggregate.weekly_sums(con, WEEK - timedelta(days=70), WEEK, grain),
              _raw(aggregate.weekly_sums, con, WEEK - timedelta(days=70), WEEK, grain))
    for grains in (("all", "channel"), ("campaign", "all", "source", "channel"), ("source",)):
        with aggregate.prefetch(con, WINDOWS, grains):
            ahead = {(s, e, g): aggregate.window_sums(con, s, e, g) for s, e in WINDOWS for g in grains}
        assert len(ahead) == len(WINDOWS) * len(grains)
        for (s, e, g), groups in ahead.items():
            _same(groups, _raw(aggregate.window_sums, con, s, e, g))


def _facts(con) -> None:
    # The golden workspace of tests/test_metrics_golden.py (Google Ads days, a Meta row in EUR,
    # GA4 rows joining campaigns by name, a month of agency cost), plus a LinkedIn month (a block
    # across weeks), a Tue–Thu row (inside one week), last year's week, another GA4 day and CRM
    # deals won later, one in EUR.
    golden_base(con)
    put(con, "ad_performance", [
        {"day": "2025-11-18", "campaign": "Brand_Search", "spend": 500, "clicks": 40, "impressions": 900,
         "conversions": 3},
        {"period_start": "2026-11-03", "period_end": "2026-11-05", "campaign": "Generic", "spend": 240,
         "clicks": 12, "conversions": 1},
    ])
    put(con, "ad_performance", [
        {"period_start": "2026-11-01", "period_end": "2026-11-30", "campaign": "B2B leads", "channel": "Paid Social",
         "campaign_type": "Lead gen", "spend": 9000, "clicks": 300, "impressions": 40000, "conversions": 12},
    ], source="linkedin", account="li")
    put(con, "web_analytics", [
        {"day": "2026-11-11", "channel_group": "Paid Search", "campaign": "Brand-Search", "sessions": 70,
         "key_events": 4},
    ])
    put(con, "crm_deals", [
        {"deal_id": "d1", "created_date": "2026-11-16", "campaign": "brand search", "won_date": "2026-11-20",
         "value": 20000, "stage": "won"},
        {"deal_id": "d2", "created_date": "2026-11-12", "channel": "Referral", "won_date": "2026-11-19",
         "value": 800, "currency": "EUR", "stage": "won"},
        {"deal_id": "d3", "created_date": "2026-11-17", "is_qualified": False},
        {"deal_id": "d4", "created_date": "2026-11-05", "campaign": "generic"},
    ])


@pytest.fixture()
def con(tmp_path):
    ws = workspaces.create("rollup", tmp_path)
    with db.connect(ws.path) as c:
        _facts(c)
        fx.replace_rates(c, [(D("2026-11-18"), "EUR", 11.0)])
        yield c


def test_a_new_workspace_has_a_current_empty_rollup(tmp_path):
    ws = workspaces.create("empty", tmp_path)
    with db.connect(ws.path) as c:
        assert rollup.current(c)
        assert c.execute("SELECT count(*) FROM fact_weeks").fetchall() == [(0,)]
        g = aggregate.window_sums(c, WEEK, WEEK + timedelta(days=6))
        assert len(g) == 1 and g[0]["spend"] == 0 and g[0]["n_ad"] == 0


def test_the_rollup_gives_the_hand_worked_week(con):
    # Rows wholly inside the week: 1000 + 3000 NOK and 100 EUR × 11 = 1100 → 5100 NOK of ad
    # spend; the LinkedIn month is not inside it. Agency: 3000 / 30 days × 7 = 700.
    assert rollup.current(con)
    g = aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6))[0]
    assert g["spend"] == pytest.approx(5100)
    assert g["other_costs"] == pytest.approx(700)
    assert g["n_ad"] == 3 and g["n_ga4"] == 3 and g["n_cost"] == 7
    assert g["crm_leads"] == 1 and g["crm_customers"] == 2                # d3 unqualified; d1, d2 won
    assert g["crm_revenue"] == pytest.approx(20000 + 800 * 11.0)          # d2's EUR at the latest earlier rate
    # The month-long LinkedIn block counts in a window holding all of November.
    month = aggregate.window_sums(con, D("2026-10-26"), D("2026-12-06"), "source")
    assert {x.key[0]: x["spend"] for x in month}["linkedin"] == pytest.approx(9000)
    # Weekly series: the block is in no week; the Tue–Thu row is in its week.
    weeks = {x.key[0]: x["spend"] for x in aggregate.weekly_sums(con, D("2026-11-02"), WEEK)}
    assert weeks == {D("2026-11-02"): pytest.approx(240), D("2026-11-09"): pytest.approx(800),
                     WEEK: pytest.approx(5100)}
    assert_rollup_matches(con)


def test_reimporting_an_overlapping_range_rebuilds_only_what_changed(con):
    before = con.execute("SELECT count(*) FROM fact_weeks WHERE bucket_start < DATE '2026-11-09'").fetchall()
    put(con, "ad_performance", [
        {"day": "2026-11-16", "campaign": "Brand_Search", "spend": 1500, "clicks": 120, "conversions": 12},
        {"day": "2026-11-19", "campaign": "New campaign", "spend": 50, "clicks": 5},
    ])
    assert con.execute("SELECT count(*) FROM fact_weeks WHERE bucket_start < DATE '2026-11-09'").fetchall() == before
    assert aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6))[0]["spend"] == pytest.approx(1500 + 50 + 1100)
    assert_rollup_matches(con)


def test_undo_entered_costs_rates_currency_and_channel_map_keep_it_in_step(con):
    last = con.execute("SELECT max(import_id) FROM imports WHERE source = 'crm'").fetchall()[0][0]
    loader.undo(con, last)
    assert_rollup_matches(con)
    assert aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6))[0]["crm_customers"] == 0

    assert manual.add_cost(con, D("2026-11-01"), "Tools", "Paid Search", 600, "NOK") == []
    assert aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6))[0]["other_costs"] == pytest.approx(700 + 140)
    assert_rollup_matches(con)
    entered = next(c for c in manual.costs(con) if c.item == "Tools")
    manual.delete_cost(con, entered)
    assert_rollup_matches(con)

    fx.replace_rates(con, [(D("2026-11-01"), "EUR", 12.0)])
    assert aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6))[0]["spend"] == pytest.approx(4000 + 1200)
    assert_rollup_matches(con)
    fx.replace_rates(con, [])                          # EUR now has no rate: left out and reported
    assert aggregate.missing_fx(con, WEEK, WEEK + timedelta(days=6)) == [aggregate.MissingRate("ad", "EUR", 1, 100.0)]
    assert_rollup_matches(con)

    fx.replace_rates(con, [(D("2026-11-18"), "NOK", 0.09)])
    fx.set_currency(con, "EUR")                        # NOK rows now need the NOK rate
    assert aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6))[0]["spend"] == pytest.approx(
        (1000 + 3000) * 0.09 + 100)
    assert_rollup_matches(con)


def _row_ids(con) -> list[tuple]:
    return con.execute("SELECT rowid FROM fact_weeks ORDER BY rowid").fetchall()


def test_editing_the_channel_map_re_maps_the_rows_without_a_rebuild(con):
    rows = _row_ids(con)
    assert manual.save_channel_map(con, [manual.MapRow("google_ads", "campaign", "generic", "Display"),
                                         manual.MapRow("crm", "campaign", "brand search", "Email"),
                                         manual.MapRow("linkedin", "campaign_type", "lead gen", "Paid Other")]) == []
    assert _row_ids(con) == rows                      # the same rows, their mapped names corrected
    channels = {g.key[0]: g for g in aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6), "channel")}
    assert channels["Display"]["spend"] == pytest.approx(3000)
    assert channels["Email"]["crm_leads"] == 1
    month = {g.key[0]: g for g in aggregate.window_sums(con, D("2026-10-26"), D("2026-12-06"), "channel")}
    assert month["Paid Other"]["spend"] == pytest.approx(9000)
    assert_rollup_matches(con)
    assert manual.save_channel_map(con, []) == []     # and back
    assert "Display" not in {g.key[0] for g in aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6), "channel")}
    assert_rollup_matches(con)


def test_a_channel_map_edited_by_hand_is_read_from_the_raw_tables(con):
    con.execute("INSERT INTO channel_map VALUES ('google_ads', 'campaign', 'Generic', 'Display')")
    assert not rollup.current(con)
    channels = {g.key[0]: g for g in aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6), "channel")}
    assert channels["Display"]["spend"] == pytest.approx(3000)
    put(con, "web_analytics", [{"day": "2026-11-20", "sessions": 10, "key_events": 1}])   # a writer rebuilds
    assert_rollup_matches(con)


def test_ad_rows_that_move_a_ga4_or_crm_name_to_another_campaign_re_map_those_rows(con):
    """GA4's "Brand-Search" and the CRM's "brand search" join Google Ads' Brand_Search. A Meta
    campaign of the same name with more spend takes them over (platform and channel), and an ad
    campaign in the CRM's own channel "Referral" makes that channel paid."""
    def paid(week: date, field: str) -> float:
        return aggregate.window_sums(con, week, week + timedelta(days=6))[0][field]

    # d2 (channel Referral, qualified) was created in the week before WEEK and won in WEEK (800 EUR × 11).
    leads_before, revenue_before = paid(WEEK - timedelta(days=7), "crm_paid_leads"), paid(WEEK, "crm_paid_revenue")
    put(con, "ad_performance", [
        {"day": "2026-11-10", "campaign": "Brand search", "channel": "Paid Social", "spend": 90000, "clicks": 10},
        {"day": "2026-11-10", "campaign": "Partners", "channel": "Referral", "spend": 10, "clicks": 1},
    ], source="meta", account="m")
    fam = con.execute("SELECT DISTINCT mapped_source, mapped_channel FROM fact_weeks "
                      "WHERE fam = 'ga4' AND ncamp = 'brand search'").fetchall()
    assert fam == [("meta", "Paid Social")]
    assert con.execute("SELECT bool_and(paid) FROM fact_weeks WHERE mapped_channel = 'Referral'").fetchall() == [(True,)]
    assert paid(WEEK - timedelta(days=7), "crm_paid_leads") == leads_before + 1
    assert paid(WEEK, "crm_paid_revenue") == pytest.approx(revenue_before + 800 * 11.0)
    assert_rollup_matches(con)


def test_a_write_that_bypasses_the_writers_is_never_read_from_a_stale_rollup(con):
    con.execute("UPDATE ad_performance SET spend = spend * 2 WHERE campaign = 'Generic'")
    con.execute("INSERT INTO fx_rates VALUES (DATE '2026-11-19', 'EUR', 10.0)")
    assert not rollup.current(con)
    # Read from the raw tables: Generic's 3000 doubled.
    assert aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6))[0]["spend"] == pytest.approx(1000 + 6000 + 1100)
    # The next write through a writer rebuilds everything.
    put(con, "web_analytics", [{"day": "2026-11-20", "sessions": 10, "key_events": 1}])
    assert_rollup_matches(con)
    assert aggregate.window_sums(con, WEEK, WEEK + timedelta(days=6))[0]["spend"] == pytest.approx(1000 + 6000 + 1100)


def test_an_older_workspace_gets_its_rollup_when_it_is_upgraded(tmp_path):
    ws = workspaces.create("old", tmp_path)
    with db.connect(ws.path) as c:
        _facts(c)
        # As a workspace from before the rollup existed: no table, no version 7 or 8, no stamp.
        c.execute("DROP TABLE fact_weeks")
        c.execute("DROP TABLE ad_campaign_spend")
        c.execute("DELETE FROM schema_migrations WHERE version IN (7, 8)")
        c.execute("DELETE FROM workspace_meta WHERE key = 'rollup'")
    db.forget(ws.path)
    with db.connect(ws.path) as c:
        assert c.execute("SELECT max(version) FROM schema_migrations").fetchall() == [(8,)]
        assert_rollup_matches(c)
    assert list(tmp_path.glob("old.backup-v6*.duckdb")), "the upgrade keeps a backup of the old file"


def test_a_version_7_rollup_is_refilled_with_mapped_names_when_upgraded(tmp_path):
    ws = workspaces.create("v7", tmp_path)
    with db.connect(ws.path) as c:
        _facts(c)
        # As version 7 left it: no mapped names, no first spend days, the version-1 stamp.
        for col in ("first_spend", "mapped_channel", "mapped_source", "mapped_campaign", "paid"):
            c.execute(f"ALTER TABLE fact_weeks DROP COLUMN {col}")
        c.execute("ALTER TABLE ad_campaign_spend DROP COLUMN first_spend")
        c.execute("DELETE FROM schema_migrations WHERE version = 8")
        c.execute("UPDATE workspace_meta SET value = '1|' || value[3:] WHERE key = 'rollup'")
        assert not rollup.current(c)
    db.forget(ws.path)
    with db.connect(ws.path) as c:
        assert c.execute("SELECT count(*) FROM fact_weeks WHERE mapped_channel IS NULL AND fam <> 'cost'"
                         ).fetchall() == [(0,)]
        assert_rollup_matches(c)
    assert list(tmp_path.glob("v7.backup-v7*.duckdb"))


def test_the_demo_workspace_reads_the_same_from_the_rollup(demo_db):
    with db.connect(demo_db) as c:
        assert rollup.current(c)
        last = D("2026-11-16")
        for k in range(0, 30, 3):
            w = last - timedelta(days=7 * k)
            for grain in ("all", "channel", "campaign"):
                _same(aggregate.window_sums(c, w, w + timedelta(days=6), grain),
                      _raw(aggregate.window_sums, c, w, w + timedelta(days=6), grain))
        _same(aggregate.weekly_sums(c, last - timedelta(days=7 * 29), last, "campaign"),
              _raw(aggregate.weekly_sums, c, last - timedelta(days=7 * 29), last, "campaign"))


def test_windows_that_are_not_whole_weeks_are_read_from_the_raw_tables(con):
    calls = []
    saved = rollup.current

    def spy(c):
        calls.append(1)
        return saved(c)

    rollup.current = spy
    try:
        g = aggregate.window_sums(con, D("2026-11-01"), D("2026-11-30"), "source")   # a calendar month
    finally:
        rollup.current = saved
    assert calls == []          # not even asked: the month does not start on a Monday
    assert {x.key[0]: x["spend"] for x in g}["linkedin"] == pytest.approx(9000)


def test_spans_merge_adjacent_and_overlapping_windows():
    a, b = date(2026, 11, 2), date(2026, 11, 8)
    assert aggregate._spans([(a, b), (a + timedelta(days=7), b + timedelta(days=7)), (D("2025-11-17"),
                                                                                        D("2025-11-23"))]) == [
        (D("2025-11-17"), D("2025-11-23")), (a, b + timedelta(days=7))]


def test_weekly_fields_read_only_the_families_their_sums_come_from(con):
    """`weekly_fields` leaves out the fact families a sum does not use; what it returns is every
    group `weekly_sums` has a non-zero value of that sum for, with the same value (rollup and raw)."""
    first, last = WEEK - timedelta(days=7 * 60), WEEK
    for read in (lambda fn, *a: fn(*a), _raw):
        full = read(aggregate.weekly_sums, con, first, last, "campaign")
        for field in aggregate.SUM_FIELDS:
            if field.startswith(("n_", "w_")):
                continue
            rows = read(aggregate.weekly_fields, con, first, last, "campaign", [field])
            want = {g.key: g[field] for g in full if g[field] != 0}
            got = {tuple(r[:4]): r[4] for r in rows if r[4] != 0}
            assert got.keys() == want.keys(), field
            assert all(math.isclose(got[k], want[k], rel_tol=1e-9) for k in want), field
            assert len(rows) <= len(full)
    spend_rows = aggregate.weekly_fields(con, first, last, "campaign", ["spend"])
    assert len(spend_rows) < len(full)   # the GA4 and CRM groups are not read for spend
