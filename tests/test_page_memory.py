"""Browsing weeks keeps nothing of the weeks left behind alive in the session.

Streamlit keeps a widget's callback and format function for as long as the session lives, also
for widgets no longer on the page. A callback defined in a page script holds that run's
variables (the week's cards and its thousand verdict rows), so every week visited stayed in
memory and in every garbage collection. Callbacks live in modules (`ui.shell.show_week`), and
the drill-down's labels are strings.
"""
from __future__ import annotations

import gc

from streamlit.testing.v1 import AppTest

from metrics import monday
from metrics.decision_row import DecisionRow
from metrics.monday import DecisionView
from tests.conftest import DEMO_END, DEMO_LAST_WEEK, ROOT
from warehouse import db


def _alive(kind: type) -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, kind))


def test_stepping_back_through_weeks_keeps_only_the_shown_weeks_verdicts(demo_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["lang"] = "en"
    at.run()
    for _ in range(6):
        back = next(b for b in at.button if b.label.startswith("◀"))
        back.click().run()
        assert not at.exception, at.exception
        # The drill-down open too (it stays open from week to week): its select box keeps its
        # format function for the session.
        opener = [b for b in at.button if b.label == "Why, and the weekly CPL, for a row"]
        if opener:
            opener[0].click().run()
        assert any(b.label == "Hide the row details" for b in at.button)
    assert at.title[0].value.startswith("Week 41"), at.title[0].value
    # This run's verdicts (and at most the run before's, until its page is replaced); not six weeks'.
    with db.connect(demo_db) as con:
        per_week = len(monday.decision_view(con, DEMO_LAST_WEEK, DEMO_END).rows)
    assert per_week > 5
    assert _alive(DecisionView) <= 2
    assert _alive(DecisionRow) <= 2 * per_week
