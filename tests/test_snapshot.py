"""warehouse.snapshot: answers remembered for one read-only call, and only for that call."""
from __future__ import annotations

import threading
from datetime import date

import duckdb

from metrics import leads, monday
from warehouse import fx, rollup, snapshot
from warehouse.db import connect
from warehouse import workspaces


def _counter(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT count(*) FROM t").fetchall()[0][0])


counted = snapshot.remembered(_counter)


def test_remembered_inside_a_block_and_fresh_outside():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (x INT)")
    assert counted(con) == 0
    con.execute("INSERT INTO t VALUES (1)")
    assert counted(con) == 1                      # outside a block: every call reads
    with snapshot.reading(con):
        assert counted(con) == 1
        con.execute("INSERT INTO t VALUES (2)")   # (a block must not write: this shows it is remembered)
        assert counted(con) == 1
        with snapshot.reading(con):               # a nested block shares the outer answers
            assert counted(con) == 1
    assert counted(con) == 2                      # the block ended: read again
    with snapshot.reading(con):
        assert counted(con) == 2


def test_blocks_are_per_connection_and_per_thread():
    a, b = duckdb.connect(), duckdb.connect()
    for c, n in ((a, 1), (b, 3)):
        c.execute("CREATE TABLE t (x INT)")
        c.execute(f"INSERT INTO t SELECT * FROM range({n})")
    seen: list[int] = []
    with snapshot.reading(a):
        assert counted(a) == 1
        assert counted(b) == 3                    # b is not in a block
        b.execute("INSERT INTO t VALUES (9)")
        assert counted(b) == 4
        other = threading.Thread(target=lambda: seen.append(counted(a)))
        a.execute("INSERT INTO t VALUES (9)")
        other.start()
        other.join()
        assert counted(a) == 1                    # this thread's block remembers
    assert seen == [2]                            # another thread is not inside this block


def test_a_failing_read_leaves_no_block_behind():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (x INT)")
    try:
        with snapshot.reading(con):
            assert counted(con) == 0
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    con.execute("INSERT INTO t VALUES (1)")
    assert counted(con) == 1


def test_monday_view_after_a_write_sees_the_new_currency_and_rollup(tmp_path):
    """Two reads around a write: the second must not reuse the first one's answers."""
    path = workspaces.create("Snap", tmp_path).path
    with connect(path) as con:
        with snapshot.reading(con):
            assert fx.currency(con) == "NOK"
            assert rollup.current(con)
            assert leads.basis(con).lead_source == "platform"
        fx.set_currency(con, "SEK")
        con.execute("INSERT INTO workspace_meta VALUES ('rollup', 'stale') ON CONFLICT DO UPDATE SET value = 'stale'")
        with snapshot.reading(con):
            assert fx.currency(con) == "SEK"
            assert not rollup.current(con)
        view = monday.view(con, date(2026, 11, 16), date(2026, 11, 25))
        assert view.summary.week_start == date(2026, 11, 16)


def test_one_read_makes_a_call_one_block():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (x INT)")

    @snapshot.one_read
    def twice(c: duckdb.DuckDBPyConnection, extra: int) -> tuple[int, int]:
        first = counted(c)
        c.execute(f"INSERT INTO t SELECT * FROM range({extra})")   # (a read must not write: shows the memo)
        return first, counted(c)

    assert twice(con, 3) == (0, 0)
    assert counted(con) == 3                      # the call ended: read again
    assert twice.__name__ == "twice"
