"""Atypical weeks a user may leave out of the verdicts: Easter, the Norwegian July holiday
(fellesferie, ISO weeks 28–30), Black Friday week and Christmas/New Year, for given years.

Each is keyed by its Monday (`week_start`), the way `excluded_weeks` stores them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Kind = Literal["easter", "easter_monday", "fellesferie", "black_friday", "christmas", "new_year"]


@dataclass(frozen=True)
class AtypicalWeek:
    kind: Kind
    year: int
    week_start: date


def easter_sunday(year: int) -> date:
    """Gregorian Easter (anonymous algorithm): 2026 → 5 April, 2027 → 28 March."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def black_friday(year: int) -> date:
    """The day after the fourth Thursday of November: 2026 → 27 November."""
    first = date(year, 11, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return thursday + timedelta(days=22)


def weeks_for(year: int) -> list[AtypicalWeek]:
    """The atypical weeks of one year, in calendar order.

    Easter: the week of Palm Sunday+1 … Easter Sunday (Maundy Thursday and Good Friday) and the
    week of Easter Monday; fellesferie: ISO weeks 28, 29, 30; Black Friday's week; the week of
    Christmas Day; the week of New Year's Eve (may be the same week in some years).
    """
    easter = easter_sunday(year)
    out = [AtypicalWeek("easter", year, _monday(easter)),
           AtypicalWeek("easter_monday", year, _monday(easter + timedelta(days=1)))]
    for iso_week in (28, 29, 30):
        out.append(AtypicalWeek("fellesferie", year, date.fromisocalendar(year, iso_week, 1)))
    out.append(AtypicalWeek("black_friday", year, _monday(black_friday(year))))
    christmas = _monday(date(year, 12, 25))
    out.append(AtypicalWeek("christmas", year, christmas))
    new_year = _monday(date(year, 12, 31))
    if new_year != christmas:
        out.append(AtypicalWeek("new_year", year, new_year))
    return out


def offered(years: list[int]) -> list[AtypicalWeek]:
    return [w for y in sorted(set(years)) for w in weeks_for(y)]


def data_years(con) -> list[int]:  # noqa: ANN001 (a DuckDB connection)
    """The years the workspace's ad data covers (the current year when there is none)."""
    rows = con.execute("SELECT min(period_start), max(period_end) FROM ad_performance").fetchall()
    first, last = rows[0]
    if first is None:
        return [date.today().year]
    return list(range(first.year, last.year + 1))
