"""Workspace settings: JSON values under string keys, with declared defaults."""
from __future__ import annotations

import json
from typing import Any

import duckdb

DEFAULTS: dict[str, Any] = {
    "lead_source": "auto",          # auto, platform, ga4, crm
    "revenue_source": "auto",       # auto, platform, crm
    "business_type": "leads",       # leads (CPL verdicts) or shop (ROAS verdicts)
    "lead_events": [],              # GA4 event names that count as leads ([] = all key events)
    "eval_weeks": 6,
    "scale_threshold": 0.90,
    "cut_threshold": 0.10,
    "lag_days": 7,
    "revenue_lag_days": 28,         # days of spend left out when judging sales/revenue (ROAS)
    "excluded_weeks": [],           # week_start dates (ISO strings) left out of verdicts
    "brand_terms": [],
    "ga4_property_id": "",          # numeric GA4 property id for the API sync ("" = not connected)
    "gsc_site_url": "",             # Search Console property, e.g. sc-domain:example.no ("" = not connected)
    "ga4_lead_events_synced": None, # the lead events the stored GA4 API rows were pulled with (set by the sync)
}


def get(con: duckdb.DuckDBPyConnection, key: str) -> Any:
    rows = con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchall()
    if rows:
        return json.loads(rows[0][0])
    return DEFAULTS.get(key)


def get_all(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    out = dict(DEFAULTS)
    for k, v in con.execute("SELECT key, value FROM settings").fetchall():
        out[k] = json.loads(v)
    return out


def put(con: duckdb.DuckDBPyConnection, key: str, value: Any) -> None:
    con.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", [key, json.dumps(value, ensure_ascii=False)])
