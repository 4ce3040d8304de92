"""What the user types in Settings for the metrics: the channel mapping exceptions and other costs.

Channel mapping (`channel_map`): a row moves one campaign (`match_kind` campaign, matched by
normalised name) or one campaign type (`campaign_type`, case-insensitive) of a source to another
channel. Source `ga4` or `crm` rows move GA4 or CRM campaigns. The metrics apply the mapping when
they read, so a change shows at once, for old imports too.

Other marketing costs (`costs`): month × item (tools, agency, content …) with an optional
channel, in the workspace currency, spread evenly over the days of the month.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import duckdb

from metrics.names import normalise
from warehouse import rollup

MAP_SOURCES: tuple[str, ...] = ("google_ads", "meta", "linkedin", "microsoft_ads", "tiktok", "ga4", "crm")
MAP_KINDS: tuple[str, ...] = ("campaign", "campaign_type")


@dataclass(frozen=True)
class MapRow:
    source: str
    match_kind: str
    match_value: str
    channel: str


@dataclass(frozen=True)
class MapProblem:
    row: int          # 1-based row number in the editor
    code: str         # incomplete, source, kind, duplicate → i18n metrics.channels.err.<code>
    value: str = ""


def channel_map(con: duckdb.DuckDBPyConnection) -> list[MapRow]:
    rows = con.execute(
        "SELECT source, match_kind, match_value, channel FROM channel_map ORDER BY source, match_kind, match_value"
    ).fetchall()
    return [MapRow(*r) for r in rows]


def check_channel_map(rows: list[MapRow]) -> list[MapProblem]:
    """Every problem in an edited mapping at once; blank rows are ignored by `save_channel_map`."""
    problems: list[MapProblem] = []
    seen: set[tuple[str, str, str]] = set()
    for i, r in enumerate(rows, start=1):
        fields = [(r.source or "").strip(), (r.match_kind or "").strip(), (r.match_value or "").strip(), (r.channel or "").strip()]
        if not any(fields):
            continue
        if not all(fields):
            problems.append(MapProblem(i, "incomplete"))
            continue
        if fields[0] not in MAP_SOURCES:
            problems.append(MapProblem(i, "source", fields[0]))
        if fields[1] not in MAP_KINDS:
            problems.append(MapProblem(i, "kind", fields[1]))
        key = (fields[0], fields[1], normalise(fields[2]))
        if key in seen:
            problems.append(MapProblem(i, "duplicate", fields[2]))
        seen.add(key)
    return problems


def save_channel_map(con: duckdb.DuckDBPyConnection, rows: list[MapRow]) -> list[MapProblem]:
    """Replace the mapping with `rows` in one transaction, or change nothing and return the problems."""
    problems = check_channel_map(rows)
    if problems:
        return problems
    keep = [MapRow(r.source.strip(), r.match_kind.strip(), r.match_value.strip(), r.channel.strip())
            for r in rows if any((x or "").strip() for x in (r.source, r.match_kind, r.match_value, r.channel))]
    with rollup.rewriting(con, "channel_map"):    # the weekly rollup keeps mapped channels
        con.execute("DELETE FROM channel_map")
        if keep:
            con.executemany("INSERT INTO channel_map VALUES (?, ?, ?, ?)",
                            [[r.source, r.match_kind, r.match_value, r.channel] for r in keep])
    return []


@dataclass(frozen=True)
class Cost:
    rowid: int
    month: date
    item: str
    channel: str | None
    amount: float
    currency: str
    manual: bool = True     # False: from an imported cost file (undone on the import page, not here)


def costs(con: duckdb.DuckDBPyConnection) -> list[Cost]:
    """Every other marketing cost, newest month first; entered ones can be deleted here."""
    rows = con.execute(
        "SELECT rowid, month, item, channel, amount, currency, import_id IS NULL FROM costs ORDER BY month DESC, item"
    ).fetchall()
    return [Cost(int(r[0]), r[1], r[2], r[3], float(r[4]), r[5], bool(r[6])) for r in rows]


def add_cost(con: duckdb.DuckDBPyConnection, month: date, item: str, channel: str | None, amount: float,
             currency: str) -> list[str]:
    """Store one month's cost; return problem codes (`item`, `amount`) instead when it is not usable."""
    problems = []
    if not (item or "").strip():
        problems.append("item")
    if amount is None or not amount > 0:
        problems.append("amount")
    if problems:
        return problems
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    with rollup.rewriting(con, "costs"):
        con.execute(
            "INSERT INTO costs (import_id, account, month, item, channel, amount, currency, period_start, period_end) "
            "VALUES (NULL, 'manual', ?, ?, ?, ?, ?, ?, ?)",
            [first, item.strip(), (channel or "").strip() or None, float(amount), currency, first, last],
        )
    return []


def delete_cost(con: duckdb.DuckDBPyConnection, cost: Cost) -> None:
    """Delete one manual cost (the row id is re-checked against month, item and amount)."""
    with rollup.rewriting(con, "costs"):
        con.execute("DELETE FROM costs WHERE rowid = ? AND import_id IS NULL AND month = ? AND item = ? AND amount = ?",
                    [cost.rowid, cost.month, cost.item, cost.amount])


def save_sources(con: duckdb.DuckDBPyConnection, lead_source: str, revenue_source: str, business_type: str) -> None:
    """Store the lead source, revenue source and business type (each must be one of its choices)."""
    from metrics.leads import BUSINESS_TYPES, LEAD_SOURCES, REVENUE_SOURCES
    from warehouse import settings

    for value, allowed in ((lead_source, LEAD_SOURCES), (revenue_source, REVENUE_SOURCES),
                           (business_type, BUSINESS_TYPES)):
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")
    settings.put(con, "lead_source", lead_source)
    settings.put(con, "revenue_source", revenue_source)
    settings.put(con, "business_type", business_type)
