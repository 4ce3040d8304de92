"""Tiny fixture workspaces for the metrics tests: rows go in through the real loader."""
from __future__ import annotations

import hashlib
from datetime import date

import pandas as pd

from warehouse.contract import COLUMNS
from warehouse.loader import FileLoad, Part, load

D = date.fromisoformat

_DEFAULTS = {
    "ad_performance": {"source": "google_ads", "account": "acc", "campaign": "c", "campaign_type": "Search",
                       "channel": "Paid Search", "currency": "NOK", "spend": 0.0, "impressions": 0, "clicks": 0,
                       "conversions": 0.0, "conversion_value": 0.0},
    "web_analytics": {"account": "ga", "channel_group": "Organic Search", "source": "google", "medium": "organic",
                      "campaign": "(organic)", "sessions": 0, "engaged_sessions": 0, "users": 0, "key_events": 0.0,
                      "lead_events": None, "revenue": 0.0, "purchases": 0.0},
    "crm_deals": {"account": "crm", "won_date": None, "stage": "open", "source": None, "channel": None, "campaign": None,
                  "value": None, "currency": "NOK", "is_qualified": True},
    "costs": {"account": "manual", "channel": None, "currency": "NOK"},
}
_SOURCE = {"web_analytics": "ga4", "crm_deals": "crm", "costs": "costs"}


def put(con, table: str, rows: list[dict], *, source: str | None = None, account: str | None = None) -> None:
    """Load `rows` into `table` as one import (dates as 'YYYY-MM-DD' strings; `day` sets both period ends)."""
    full = []
    for r in rows:
        row = {**_DEFAULTS[table], **r}
        if "day" in row:
            row["period_start"] = row["period_end"] = D(row.pop("day"))
        for k in ("period_start", "period_end", "created_date", "won_date", "month"):
            if isinstance(row.get(k), str):
                row[k] = D(row[k])
        if table == "crm_deals":
            row["period_start"] = row["period_end"] = row["created_date"]
        if source:
            row["source"] = source
        if account:
            row["account"] = account
        full.append(row)
    frame = pd.DataFrame(full)[list(COLUMNS[table])]
    src = source or _SOURCE.get(table) or full[0]["source"]
    acct = account or full[0]["account"]
    digest = hashlib.sha256(repr(full).encode()).hexdigest()
    load(con, FileLoad(f"{table}-{digest[:8]}.csv", digest, src, acct, min(frame["period_start"]),
                       max(frame["period_end"]), (Part(table, frame),), None))
