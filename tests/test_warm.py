"""The Monday page works out the week before the one shown in the background (ui/warm.py)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from metrics import decisions, monday
from tests.conftest import DEMO_END, DEMO_LAST_WEEK
from ui import cache, warm


@pytest.fixture()
def warm_on(monkeypatch):
    monkeypatch.setenv("MANDAG_WARM", "1")
    warm._started.clear()
    yield
    warm._started.clear()


def test_the_week_before_is_computed_once_and_then_read_from_the_cache(demo_db, warm_on, monkeypatch):
    calls = []
    real = decisions.week_rows

    def counted(con, week):
        calls.append(week)
        return real(con, week)

    monkeypatch.setattr(decisions, "week_rows", counted)   # what monday.decision_view computes the verdicts with
    before = DEMO_LAST_WEEK - timedelta(days=7)
    thread = warm.weeks(demo_db, [DEMO_LAST_WEEK, before], DEMO_END)
    assert thread is not None
    thread.join(timeout=120)
    assert calls == [DEMO_LAST_WEEK, before]
    # The click on the week before finds it ready: no second computation.
    rows = cache.cached(monday.decision_view, before, DEMO_END, db_path=demo_db).rows
    assert calls == [DEMO_LAST_WEEK, before] and rows
    assert cache.cached(monday.view, before, DEMO_END, db_path=demo_db).week_start == before
    # Asked again for the same data version: nothing to do.
    assert warm.weeks(demo_db, [DEMO_LAST_WEEK, before], DEMO_END) is None


def test_a_new_data_version_is_warmed_again_and_nothing_runs_when_off(demo_db, warm_on, monkeypatch):
    t = warm.weeks(demo_db, [DEMO_LAST_WEEK], DEMO_END)
    t.join(timeout=120)
    cache.run(lambda con: con.execute("INSERT OR REPLACE INTO workspace_meta VALUES ('note', 'x')"),
              db_path=demo_db)   # any write gives the file a new version
    again = warm.weeks(demo_db, [DEMO_LAST_WEEK], DEMO_END)
    assert again is not None
    again.join(timeout=120)
    monkeypatch.setenv("MANDAG_WARM", "0")
    warm._started.clear()
    assert warm.weeks(demo_db, [DEMO_LAST_WEEK], DEMO_END) is None
    assert warm.weeks(None, [DEMO_LAST_WEEK], DEMO_END) is None


def test_the_shown_weeks_verdicts_are_started_ahead_and_computed_once(demo_db, warm_on, monkeypatch):
    calls = []
    real = decisions.week_rows

    def slow(con, week):
        calls.append(week)
        import time
        time.sleep(0.3)   # still computing when the page asks for the same verdicts
        return real(con, week)

    monkeypatch.setattr(decisions, "week_rows", slow)
    week = DEMO_LAST_WEEK - timedelta(days=21)
    thread = warm.ahead(demo_db, week, DEMO_END)
    assert thread is not None
    view = cache.cached(monday.view, week, DEMO_END, db_path=demo_db)          # the page's own read, meanwhile
    rows = cache.cached(monday.decision_view, week, DEMO_END, db_path=demo_db).rows   # waits for the thread
    thread.join(timeout=120)
    assert view.week_start == week and rows
    assert calls == [week]                       # computed once, not by both
    assert warm.ahead(demo_db, week, DEMO_END) is None                  # once per data version
    later = warm.weeks(demo_db, [week], DEMO_END)                       # `ahead` is not a whole warm-up
    assert later is not None
    later.join(timeout=120)
    monkeypatch.setenv("MANDAG_WARM", "0")
    assert warm.ahead(demo_db, week - timedelta(days=7), DEMO_END) is None


def test_a_warm_up_started_from_a_daemon_thread_is_not_a_daemon(demo_db, warm_on):
    """Streamlit runs page scripts in daemon threads, and a thread inherits that flag: a warm-up
    must still be waited for at interpreter exit (cut off inside DuckDB, the process aborts)."""
    import threading

    started = []
    page = threading.Thread(target=lambda: started.append(warm.weeks(demo_db, [DEMO_LAST_WEEK], DEMO_END)),
                            daemon=True)
    page.start()
    page.join(timeout=30)
    assert started and started[0] is not None
    assert not started[0].daemon
    started[0].join(timeout=120)
