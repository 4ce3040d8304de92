"""Small workspaces for the decision-engine tests, built through the real loader."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd

from warehouse import db
from warehouse.loader import FileLoad, Part, load

# Monday 2026-11-16 is the judged week in most tests (uke 47).
WEEK = date(2026, 11, 16)


def monday_minus(weeks: int, week: date = WEEK) -> date:
    return week - timedelta(days=7 * weeks)


def weekly_ads(
    con,
    channel: str,
    weeks: Sequence[tuple[float, float]],
    *,
    last_week: date = WEEK,
    campaign: str = "Generic",
    account: str = "acc-1",
    source: str = "google_ads",
    clicks_per_week: int = 0,
    revenue: Sequence[float] | None = None,
) -> None:
    """Load one campaign's (spend, conversions) per week, oldest first, ending with `last_week`.

    Each week's spend and conversions sit on its Monday as one day row, so the lag cut-off
    (the last `lag_days` days of the judged week) removes exactly the judged week when lag is 7.
    """
    first = last_week - timedelta(days=7 * (len(weeks) - 1))
    recs = []
    for i, (spend, conv) in enumerate(weeks):
        d = first + timedelta(days=7 * i)
        recs.append({
            "source": source, "account": account, "campaign": campaign, "campaign_type": "Search",
            "channel": channel, "period_start": d, "period_end": d, "currency": "NOK", "spend": float(spend),
            "impressions": 1000, "clicks": clicks_per_week, "conversions": float(conv),
            "conversion_value": float(revenue[i]) if revenue is not None else 0.0,
        })
    frame = pd.DataFrame(recs)
    load(con, FileLoad(f"{channel}-{campaign}-{account}.csv", f"h-{channel}-{campaign}-{account}-{len(weeks)}",
                       source, account, first, last_week + timedelta(days=6), (Part("ad_performance", frame),),
                       currency="NOK"))


def add_target(con, kpi: str, scope: str, value: float, *, baseline: float | None = None,
               start: date = date(2026, 1, 5), deadline: date = date(2026, 12, 31)) -> None:
    """A flat target (baseline = target) unless a baseline is given."""
    tid = con.execute("SELECT nextval('entity_id_seq')").fetchall()[0][0]
    con.execute(
        "INSERT INTO targets (target_id, kpi, scope, baseline, target_value, start_date, deadline, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [tid, kpi, scope, baseline if baseline is not None else value, value, start, deadline, datetime(2026, 1, 1)],
    )


def workspace(tmp_path: Path, name: str = "ws") -> Path:
    path = tmp_path / f"{name}.duckdb"
    with db.connect(path):
        pass
    return path
