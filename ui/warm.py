"""Work out the week before the one on screen while the user reads it.

Stepping back a week (the heading's "◂ week 46" button, or the next entry in the sidebar's week
list) is the Monday page's most common click. Its numbers — the cards, the verdicts, the
month's budget — are computed once per week and data version and then cached; this module
computes them in a background thread right after the page is drawn, so that click finds them
ready. A week further back is computed on the click itself (docs/performance.md measures both).

One warm-up per workspace, week and data version; nothing is done twice. The thread only
reads, through the same cached functions the page calls. `MANDAG_WARM=0` turns it off.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from datetime import date
from pathlib import Path

from metrics import monday
from ui import cache
from warehouse import db

log = logging.getLogger(__name__)

# The week before starts once the browser has drawn the page: on two cores, working it out while
# the new page is being delivered and drawn made every click on a week ~0.05 s slower.
AFTER_DRAW_SECONDS = 0.5

_lock = threading.Lock()
_started: set[tuple] = set()   # (path, version, week, today), and ("ahead", …) for `ahead`


def enabled() -> bool:
    return os.environ.get("MANDAG_WARM", "1") != "0"


def weeks(db_path: Path | str | None, week_starts: list[date | None], today: date) -> threading.Thread | None:
    """Start computing these weeks' Monday views in the background, in order, each once per data
    version; return the thread (None when there was nothing to do).

    The page passes the week it shows and the week before: the one it shows is normally cached
    already (a quick hit), but not after the page itself wrote (the week's verdicts going into
    the decision log), which gives the file a new version.
    """
    if db_path is None or not enabled():
        return None
    version = db.data_version(db_path)
    todo = [w for w in week_starts if w is not None and _claim((str(db_path), version, w, today))]
    return _start(str(db_path), todo, today, True, "mandag-warm", AFTER_DRAW_SECONDS)


def ahead(db_path: Path | str | None, week_start: date | None, today: date) -> threading.Thread | None:
    """Start the shown week's verdicts and budget strip in the background while the page works
    out its cards: on a week not seen before the three reads then overlap (DuckDB runs each
    statement without holding the interpreter). A page call that arrives first waits for the
    thread's result instead of computing it again. Once per workspace, week and data version."""
    if db_path is None or week_start is None or not enabled():
        return None
    key = (str(db_path), db.data_version(db_path), week_start, today)
    if not _claim(("ahead", *key), key):   # a whole warm-up of the week covers it too
        return None
    return _start(str(db_path), [week_start], today, False, "mandag-ahead", 0.0)


def _claim(key: tuple, *covered_by: tuple) -> bool:
    """Remember `key` and return True, unless it or one of `covered_by` was started before."""
    with _lock:
        if key in _started or any(k in _started for k in covered_by):
            return False
        if len(_started) > 1024:
            _started.clear()
        _started.add(key)
        return True


def _start(db_path: str, week_starts: list[date], today: date, with_view: bool, name: str, delay: float
           ) -> threading.Thread | None:
    if not week_starts:
        return None
    # Not a daemon, said explicitly: a thread inherits the flag of the thread that starts it, and
    # Streamlit's script threads are daemons. Interpreter exit then waits for a warm-up instead of
    # cutting a DuckDB call short (which aborts the process).
    thread = threading.Thread(target=_work, args=(db_path, week_starts, today, with_view, delay), name=name,
                              daemon=False)
    thread.start()
    return thread


def _work(db_path: str, week_starts: list[date], today: date, with_view: bool, delay: float) -> None:
    time.sleep(delay)
    for w in week_starts:
        try:
            if with_view:
                cache.cached(monday.view, w, today, db_path=db_path)
            cache.cached(monday.decision_view, w, today, db_path=db_path)
            cache.cached(monday.budget_strip, w, db_path=db_path)
        except Exception:   # a warm-up never matters to the page: the click computes it again
            log.debug("warming %s failed", w, exc_info=True)
