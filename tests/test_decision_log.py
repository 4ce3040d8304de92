"""The decision log: idempotent snapshots, recorded actions, before/after outcomes, safe CSV."""
from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta

import pytest

from metrics import decision_log, decisions
from metrics.decision_log import Key
from tests.decision_helpers import WEEK, add_target, weekly_ads, workspace
from warehouse import db

TODAY = WEEK + timedelta(days=7)          # Monday 2026-11-23: week 47 is complete


@pytest.fixture
def ws(tmp_path):
    path = workspace(tmp_path)
    with db.connect(path) as con:
        # 8 weeks up to WEEK at 950 kr / 4 leads, then 2 weeks after at 1 200 kr / 2 leads.
        weekly_ads(con, "Paid Search", [(950, 4)] * 8 + [(1200, 2)] * 2, last_week=WEEK + timedelta(days=14),
                   campaign="=HYPERLINK(\"http://x\")")
        add_target(con, "cpl", "all", 400)
    return path


def test_snapshot_is_idempotent_and_only_for_complete_weeks(ws):
    with db.connect(ws) as con:
        rows = decisions.week_rows(con, WEEK)
        assert decision_log.snapshot(con, WEEK, rows, today=WEEK + timedelta(days=6)) == 0   # Sunday: running
        assert decision_log.needs_snapshot(con, WEEK, rows, TODAY)
        assert decision_log.snapshot(con, WEEK, rows, TODAY) == len(rows) == 2
        assert not decision_log.needs_snapshot(con, WEEK, rows, TODAY)
        assert decision_log.snapshot(con, WEEK, rows, TODAY) == 0
        assert con.execute("SELECT count(*) FROM decision_log").fetchall()[0][0] == 2
        # Changed data refreshes an entry nobody acted on…
        changed = [replace(rows[0], verdict="keep_testing", reason_code="keep_testing")] + rows[1:]
        assert decision_log.snapshot(con, WEEK, changed, TODAY) == 1
        # …but never one with a recorded action.
        key = decision_log.key_of(rows[0], WEEK)
        assert decision_log.record(con, key, "scaled", "  +20 % on Generic ")
        assert decision_log.snapshot(con, WEEK, rows, TODAY) == 0
        e = [x for x in decision_log.entries(con) if x.key == key][0]
        assert (e.verdict, e.action_taken, e.note) == ("keep_testing", "scaled", "+20 % on Generic")
        assert e.reason_params["leads"] == 20


def test_record_round_trip_and_unknown(ws):
    with db.connect(ws) as con:
        decision_log.snapshot(con, WEEK, decisions.week_rows(con, WEEK), TODAY)
        key = Key(WEEK, "Paid Search")
        assert decision_log.record(con, key, "kept", "waiting for spring")
        assert decision_log.record(con, key, None)
        e = [x for x in decision_log.entries(con) if x.key == key][0]
        assert e.action_taken is None and e.note is None and e.recorded_at is None
        assert not decision_log.record(con, Key(WEEK, "Nowhere"), "cut")
        with pytest.raises(ValueError):
            decision_log.record(con, key, "doubled")


def test_experiment_rows_have_their_own_key(ws):
    from metrics import experiments

    with db.connect(ws) as con:
        experiments.register(con, experiments.ExperimentSpec("Whole channel test", "Paid Search",
                                                             date(2026, 10, 12), date(2026, 11, 22)))
        rows = decisions.week_rows(con, WEEK)
        assert {r.kind for r in rows} == {"channel", "campaign", "experiment"}
        assert decision_log.snapshot(con, WEEK, rows, TODAY) == 3
        keys = {e.key for e in decision_log.entries(con)}
        assert len(keys) == 3


def test_outcomes_before_and_after(ws):
    with db.connect(ws) as con:
        decision_log.snapshot(con, WEEK, decisions.week_rows(con, WEEK), TODAY + timedelta(days=14))
        lines = {ln.entry.key.campaign: ln for ln in decision_log.lines(con, TODAY + timedelta(days=14), n=4)}
        o = lines[""].outcome
        # Before: the 4 weeks up to and including WEEK: 3 800 kr, 16 leads → 237.50. After: 2 complete weeks.
        assert (o.spend_before, o.cpl_before) == (3800, 237.5)
        assert (o.spend_after, o.cpl_after, o.weeks_after) == (2400, 600, 2)
        # Seen on TODAY, no week after is complete yet.
        early = decision_log.lines(con, TODAY, n=4)[0].outcome
        assert (early.spend_after, early.cpl_after, early.weeks_after) == (None, None, 0)


def test_csv_is_safe(ws):
    with db.connect(ws) as con:
        decision_log.snapshot(con, WEEK, decisions.week_rows(con, WEEK), TODAY)
        decision_log.record(con, Key(WEEK, "Paid Search"), "cut", "@SUM(A1) -note")
        data = decision_log.csv_export(decision_log.lines(con, TODAY), "en", "NOK")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Week", "Channel / campaign", "Verdict"]
    cells = [c for r in rows[1:] for c in r]
    assert "'@SUM(A1) -note" in cells
    assert any(c.startswith("Paid Search – =HYPERLINK") for c in cells)   # starts with P: harmless
    assert not any(c[:1] in "=+-@\t\r" for c in cells if c and not c.lstrip("-").replace(".", "").isdigit())


def test_migration_keeps_old_log_rows(tmp_path):
    import duckdb

    from warehouse import migrations

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    try:
        core = next(m for m in migrations.available() if m.version == 1)
        con.execute(core.sql)
        migrations.applied(con)
        con.execute("INSERT INTO schema_migrations (version, name) VALUES (1, '0001_core')")
        con.execute("INSERT INTO decision_log (week_start, channel, campaign, verdict, p, action_taken, note) "
                    "VALUES ('2026-11-09', 'Paid Search', '', 'scale', 0.93, 'scaled', 'old note')")
    finally:
        con.close()
    with db.connect(path) as con:
        (e,) = decision_log.entries(con)
        assert (e.key, e.kind, e.verdict, e.action_taken, e.note) == (
            Key(date(2026, 11, 9), "Paid Search"), "channel", "scale", "scaled", "old note")
