"""Campaign and channel names compared the way people write them.

GA4's `utm_campaign` and an ad platform's campaign name are joined on the normalised name:
lowercase, trimmed, and every run of whitespace, underscores and hyphens collapsed to one space.
"Spring_Sale - 2026 " and "spring sale 2026" are the same campaign.
"""
from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s_\-]+")

# The same rule in SQL (DuckDB `regexp_replace` with the global flag), for joins in the database.
SQL_NORMALISE = "trim(regexp_replace(lower({col}), '[\\s_\\-]+', ' ', 'g'))"


def normalise(name: str | None) -> str:
    """'  Spring_Sale -- 2026 ' → 'spring sale 2026'; None → ''."""
    if name is None:
        return ""
    return _SEPARATORS.sub(" ", name.lower()).strip()


def sql_normalise(col: str) -> str:
    """The SQL expression normalising column `col` (a fixed identifier from this package, never user text)."""
    return SQL_NORMALISE.format(col=col)
