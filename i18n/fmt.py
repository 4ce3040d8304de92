"""Numbers, money, percentages, dates and week labels the way each language writes them.

nb: `1 234,56 kr`, `12,5 %`, `24.11.2026`, `uke 48`, `16.–22. november 2026`
en: `NOK 1,234.56`, `12.5%`, `24 Nov 2026`, `week 48`, `16–22 November 2026`
`None` is always "—": no data is never shown as 0.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

DASH = "—"
NBSP = "\u00a0"
_MONTHS = {
    "nb": ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}
_SYMBOL = {"NOK": "kr", "SEK": "kr", "DKK": "kr"}


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x)))


def number(x: float | int | None, lang: str, decimals: int = 0) -> str:
    """1234.5 → nb '1 234,5' (non-breaking space), en '1,234.5'."""
    if _missing(x):
        return DASH
    s = f"{float(x):,.{decimals}f}"
    if lang == "nb":
        s = s.replace(",", NBSP).replace(".", ",")
        s = s.replace("-", "−")
    return s


def money(x: float | None, currency: str, lang: str, decimals: int = 0) -> str:
    """1234 NOK → nb '1 234 kr', en 'NOK 1,234'."""
    if _missing(x):
        return DASH
    n = number(x, lang, decimals)
    if lang == "nb":
        return f"{n}{NBSP}{_SYMBOL.get(currency, currency)}"
    return f"{currency}{NBSP}{n}"


def currency_unit(currency: str, lang: str) -> str:
    """What `money` writes beside the number: nb 'kr' for NOK, en 'NOK' (for a column header)."""
    return _SYMBOL.get(currency, currency) if lang == "nb" else currency


def percent(x: float | None, lang: str, decimals: int = 1) -> str:
    """A fraction: 0.125 → nb '12,5 %', en '12.5%'."""
    if _missing(x):
        return DASH
    n = number(100 * float(x), lang, decimals)
    return f"{n}{NBSP}%" if lang == "nb" else f"{n}%"


def signed_percent(x: float | None, lang: str, decimals: int = 0) -> str:
    """A relative change: 0.04 → '+4 %' / '+4%'; -0.08 → '−8 %' / '−8%'."""
    if _missing(x):
        return DASH
    s = percent(abs(x), lang, decimals)
    sign = "+" if x > 0 else ("−" if x < 0 else "±")
    return f"{sign}{s}"


def signed_number(x: float | None, lang: str, decimals: int = 0) -> str:
    if _missing(x):
        return DASH
    s = number(abs(x), lang, decimals)
    sign = "+" if x > 0 else ("−" if x < 0 else "±")
    return f"{sign}{s}"


def points(x: float | None, lang: str, decimals: int = 1) -> str:
    """A change between two percentages, in percentage points: 0.001 → '+0,1 pp'."""
    if _missing(x):
        return DASH
    return f"{signed_number(100 * x, lang, decimals)}{NBSP}pp" if lang == "nb" else f"{signed_number(100 * x, lang, decimals)} pp"


def day(d: date | None, lang: str) -> str:
    """nb '24.11.2026', en '24 Nov 2026'."""
    if d is None:
        return DASH
    if lang == "nb":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    return f"{d.day} {_MONTHS['en'][d.month - 1][:3]} {d.year}"


def short_day(d: date | None, lang: str) -> str:
    """nb '22.11', en '22 Nov'."""
    if d is None:
        return DASH
    if lang == "nb":
        return f"{d.day:02d}.{d.month:02d}"
    return f"{d.day} {_MONTHS['en'][d.month - 1][:3]}"


def week_number(week_start: date) -> int:
    return week_start.isocalendar()[1]


def week_label(week_start: date, lang: str) -> str:
    """nb 'uke 48', en 'week 48' (ISO week of the Monday)."""
    return f"{'uke' if lang == 'nb' else 'week'} {week_number(week_start)}"


def week_range(week_start: date, lang: str) -> str:
    """Monday 16 Nov 2026 → nb '16.–22. november 2026', en '16–22 November 2026'.

    Across a month or year boundary both ends are written out: nb '28. desember 2026–3. januar 2027'.
    """
    end = week_start + timedelta(days=6)
    m = _MONTHS[lang]
    if week_start.month == end.month:
        if lang == "nb":
            return f"{week_start.day}.–{end.day}. {m[end.month - 1]} {end.year}"
        return f"{week_start.day}–{end.day} {m[end.month - 1]} {end.year}"
    if lang == "nb":
        left = f"{week_start.day}. {m[week_start.month - 1]}" + (f" {week_start.year}" if week_start.year != end.year else "")
        return f"{left}–{end.day}. {m[end.month - 1]} {end.year}"
    left = f"{week_start.day} {m[week_start.month - 1]}" + (f" {week_start.year}" if week_start.year != end.year else "")
    return f"{left}–{end.day} {m[end.month - 1]} {end.year}"


def ratio(x: float | None, lang: str, decimals: int = 1) -> str:
    """ROAS 3.4 → nb '3,4', en '3.4'."""
    return number(x, lang, decimals)


def month(d: date | None, lang: str) -> str:
    """nb 'november 2026', en 'November 2026'."""
    if d is None:
        return DASH
    return f"{_MONTHS[lang][d.month - 1]} {d.year}"
