"""Two browser sessions of one app server import at the same moment while a sync writes.

Sessions of one Streamlit server are threads of one process: they share DuckDB's database
instance instead of waiting on the file lock, so this path differs from the multi-process tests.
"""
from __future__ import annotations

import threading
from pathlib import Path

from connectors import importing
from tests.conftest import ROOT
from warehouse import db, workspaces
from warehouse.loader import FileLoad, Part, load

FIXTURES = ROOT / "tests" / "fixtures" / "imports"
FILES = ("google_ads_campaign_day_en.csv", "meta_campaigns_march.csv", "tiktok_campaigns_by_day.csv")


def test_sessions_and_a_sync_write_at_once_without_losing_rows(tmp_path: Path):
    ws = workspaces.create("Kunde AS", tmp_path).path
    alone = {}
    for name in FILES:   # what each file loads on its own, in a workspace of its own
        solo = workspaces.create(f"solo {name[:6]}", tmp_path).path
        alone[name] = importing.import_bytes(solo, name, (FIXTURES / name).read_bytes())
        assert alone[name].status == "loaded", alone[name].error

    reports, errors = {}, []
    start = threading.Barrier(len(FILES) + 1)

    def session(name: str) -> None:
        try:
            start.wait()
            reports[name] = importing.import_bytes(ws, name, (FIXTURES / name).read_bytes())
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    def sync() -> None:
        import pandas as pd
        from datetime import date
        from warehouse.contract import COLUMNS

        frame = pd.DataFrame([dict(account="123", period_start=date(2026, 3, 2), period_end=date(2026, 3, 2),
                                   channel_group="Organic Search", source="google", medium="organic",
                                   campaign="(organic)", sessions=100, engaged_sessions=60, users=80,
                                   key_events=3.0, lead_events=2.0, revenue=0.0, purchases=0.0)])[
            list(COLUMNS["web_analytics"])]
        try:
            start.wait()
            with db.connect(ws) as con:
                load(con, FileLoad("GA4 API", "h", "ga4", "123", date(2026, 3, 2), date(2026, 3, 2),
                                   (Part("web_analytics", frame),), origin="api"))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(n,)) for n in FILES] + [threading.Thread(target=sync)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(120)
    assert errors == []
    assert {n: r.status for n, r in reports.items()} == {n: "loaded" for n in FILES}
    with db.connect(ws) as con:
        by_source = dict(con.execute("SELECT source, round(sum(spend), 2) FROM ad_performance GROUP BY 1").fetchall())
        sessions = con.execute("SELECT sum(sessions) FROM web_analytics").fetchall()[0][0]
        imports = con.execute("SELECT count(*) FROM imports WHERE status = 'loaded'").fetchall()[0][0]
    for name in FILES:
        assert by_source[alone[name].source] == round(alone[name].totals["spend"], 2), name
    assert sessions == 100
    assert imports == len(FILES) + 1


def test_two_sessions_replacing_the_same_range_both_finish(tmp_path: Path):
    """Overlapping loads meeting inside one process conflict in DuckDB; the loader tries again."""
    from datetime import date, timedelta

    import pandas as pd

    from warehouse.contract import COLUMNS

    ws = workspaces.create("Kunde AS", tmp_path).path

    def frame(spend: float) -> pd.DataFrame:
        rows = [dict(source="google_ads", account="A", campaign="C", campaign_type="Search", channel="Paid Search",
                     period_start=date(2026, 3, 1) + timedelta(i), period_end=date(2026, 3, 1) + timedelta(i),
                     currency="NOK", spend=spend, impressions=1, clicks=1, conversions=1.0, conversion_value=0.0)
                for i in range(30)]
        return pd.DataFrame(rows)[list(COLUMNS["ad_performance"])]

    def fl(name: str, spend: float) -> FileLoad:
        return FileLoad(name, name, "google_ads", "A", date(2026, 3, 1), date(2026, 3, 30),
                        (Part("ad_performance", frame(spend)),))

    with db.connect(ws) as con:
        load(con, fl("base", 1.0))
    for _ in range(5):
        errors: list[BaseException] = []
        gate = threading.Barrier(2)

        def session(name: str, spend: float) -> None:
            try:
                gate.wait()
                with db.connect(ws) as con:
                    load(con, fl(name, spend))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=session, args=(f"a{_}", 2.0)),
                   threading.Thread(target=session, args=(f"b{_}", 3.0))]
        for th in threads:
            th.start()
        for th in threads:
            th.join(60)
        assert errors == []
        with db.connect(ws) as con:
            n, total = con.execute("SELECT count(*), sum(spend) FROM ad_performance").fetchall()[0]
        assert n == 30 and total in (60.0, 90.0)    # one whole file, never a mix or a double count
