"""The canonical fact tables: columns, types and measures every connector emits.

Connectors build pandas frames with exactly these columns (in any order); the loader casts
them to these types. Column names here are the only identifiers ever placed into SQL.
"""
from __future__ import annotations

from typing import Final, Literal

FactTable = Literal["ad_performance", "web_analytics", "search_daily", "search_rows", "crm_deals", "costs"]

COLUMNS: Final[dict[str, dict[str, str]]] = {
    "ad_performance": {
        "source": "VARCHAR", "account": "VARCHAR", "campaign": "VARCHAR", "campaign_type": "VARCHAR",
        "channel": "VARCHAR", "period_start": "DATE", "period_end": "DATE", "currency": "VARCHAR",
        "spend": "DOUBLE", "impressions": "BIGINT", "clicks": "BIGINT", "conversions": "DOUBLE",
        "conversion_value": "DOUBLE",
    },
    "web_analytics": {
        "account": "VARCHAR", "period_start": "DATE", "period_end": "DATE", "channel_group": "VARCHAR",
        "source": "VARCHAR", "medium": "VARCHAR", "campaign": "VARCHAR", "sessions": "BIGINT",
        "engaged_sessions": "BIGINT", "users": "BIGINT", "key_events": "DOUBLE", "lead_events": "DOUBLE",
        "revenue": "DOUBLE", "purchases": "DOUBLE",
    },
    "search_daily": {
        "account": "VARCHAR", "period_start": "DATE", "period_end": "DATE", "clicks": "BIGINT",
        "impressions": "BIGINT", "position": "DOUBLE",
    },
    "search_rows": {
        "account": "VARCHAR", "period_start": "DATE", "period_end": "DATE", "query": "VARCHAR", "page": "VARCHAR",
        "country": "VARCHAR", "device": "VARCHAR", "clicks": "BIGINT", "impressions": "BIGINT", "position": "DOUBLE",
    },
    "crm_deals": {
        "account": "VARCHAR", "deal_id": "VARCHAR", "created_date": "DATE", "won_date": "DATE", "stage": "VARCHAR",
        "source": "VARCHAR", "channel": "VARCHAR", "campaign": "VARCHAR", "value": "DOUBLE", "currency": "VARCHAR",
        "is_qualified": "BOOLEAN", "period_start": "DATE", "period_end": "DATE",
    },
    "costs": {
        "account": "VARCHAR", "month": "DATE", "item": "VARCHAR", "channel": "VARCHAR", "amount": "DOUBLE",
        "currency": "VARCHAR", "period_start": "DATE", "period_end": "DATE",
    },
}

# Measures summed into an import's totals (and reported by `import --json`).
MEASURES: Final[dict[str, tuple[str, ...]]] = {
    "ad_performance": ("spend", "impressions", "clicks", "conversions", "conversion_value"),
    "web_analytics": ("sessions", "engaged_sessions", "users", "key_events", "revenue", "purchases"),
    "search_daily": ("clicks", "impressions"),
    "search_rows": (),
    "crm_deals": ("value",),
    "costs": ("amount",),
}

# Tables whose rows carry their own `source` column, so a load replaces only that source's rows.
SOURCE_SCOPED: Final[frozenset[str]] = frozenset({"ad_performance"})

SOURCES: Final[tuple[str, ...]] = (
    "google_ads", "meta", "linkedin", "microsoft_ads", "tiktok", "ga4", "search_console", "crm", "costs",
)
