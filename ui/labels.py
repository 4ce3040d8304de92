"""Display names for values that come from data (channel groups): translated when known, else as-is."""
from __future__ import annotations

from i18n import CATALOG, tr


def channel(name: str | None, lang: str) -> str:
    if name is None:
        return tr(lang, "channel.(not set)")
    key = f"channel.{name}"
    return tr(lang, key) if key in CATALOG else name
