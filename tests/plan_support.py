"""Helpers for the planning tests: a workspace with hand-made ad rows, and page runs."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from warehouse import db, loader, workspaces

ROOT = Path(__file__).resolve().parent.parent


def workspace(tmp_path: Path, name: str = "t") -> Path:
    return workspaces.create(name, tmp_path).path


def ad_rows(rows: list[tuple[str, str, date, date, float]], currency: str = "NOK") -> pd.DataFrame:
    """(campaign, channel, period_start, period_end, spend) → canonical ad_performance rows."""
    frame = pd.DataFrame(rows, columns=["campaign", "channel", "period_start", "period_end", "spend"])
    for col, value in {"account": "123-456-7890", "campaign_type": "Search", "currency": currency,
                       "impressions": 1000, "clicks": 50, "conversions": 1.0, "conversion_value": 0.0}.items():
        frame[col] = value
    return frame


def load_ads(path: Path, source: str, rows: list[tuple[str, str, date, date, float]], currency: str = "NOK",
             account: str = "123-456-7890") -> None:
    """Load rows as one export of `source` + `account` (a later load of the same pair replaces overlapping rows)."""
    frame = ad_rows(rows, currency)
    frame["source"] = source
    frame["account"] = account
    first = min(r[2] for r in rows)
    last = max(r[3] for r in rows)
    digest = hashlib.sha256(repr((source, rows, currency)).encode()).hexdigest()
    with db.connect(path) as con:
        loader.load(con, loader.FileLoad(f"{source}.csv", digest, source, account, first, last,
                                         (loader.Part("ad_performance", frame),), currency))


def page(script: str, path: Path | None, lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "views" / script), default_timeout=60)
    if path is not None:
        at.session_state["db_path"] = str(path)
    at.session_state["lang"] = lang
    return at
