"""The decision log: each Monday's verdicts, what the user did about them, and what happened next.

- `snapshot(con, week_start, rows, today)` stores the verdicts of a complete week (the Monday page
  calls it when it shows one). It is idempotent: the same rows write nothing, changed data
  refresh entries nobody has acted on yet, and entries with a recorded action are never touched.
- `record(con, key, action, note)` stores what the user did: scaled, cut, kept or ignored.
- `lines(con, today, n)` joins every entry with the spend and CPL of the `n` weeks up to and
  including the decision week ("before") and up to `n` complete weeks after it ("after").
- `csv_export(lines, lang, currency)` is the download, every cell made safe for spreadsheets.
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal

import duckdb
import pyarrow as pa

from i18n import tr
from metrics import safe_export
from metrics.decision_data import facts
from metrics.names import normalise

ActionTaken = Literal["scaled", "cut", "kept", "ignored"]
ACTIONS: tuple[ActionTaken, ...] = ("scaled", "cut", "kept", "ignored")
OUTCOME_WEEKS = 4


@dataclass(frozen=True)
class Key:
    """Identifies one log entry: the week and the row (campaign '' for a channel, experiment 0 for none)."""

    week_start: date
    channel: str
    campaign: str = ""
    experiment_key: int = 0


@dataclass(frozen=True)
class Entry:
    key: Key
    kind: str
    experiment_id: int | None
    verdict: str
    p: float | None
    cpl: float | None
    spend: float | None
    leads: float | None
    target: float | None
    cpl_likely: float | None
    reason_code: str | None
    reason_params: dict[str, Any]
    action_taken: str | None
    note: str | None
    recorded_at: datetime | None


def key_of(row: Any, week_start: date) -> Key:
    """The log key of a `DecisionRow`."""
    return Key(week_start, row.channel, row.campaign or "", int(row.experiment_id or 0))


def _num(x: float | None) -> float | None:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return None
    return float(x)


def _values(row: Any) -> tuple[Any, ...]:
    params = {k: (_num(v) if isinstance(v, float) else v) for k, v in row.reason_params.items()}
    return (row.kind, row.experiment_id, row.verdict, _num(row.p), _num(row.cpl), _num(row.spend), _num(row.leads),
            _num(row.target), _num(row.cpl_likely), _num(row.cpl_low), _num(row.cpl_high), row.reason_code,
            json.dumps(params, sort_keys=True, default=str))


def is_complete(week_start: date, today: date) -> bool:
    """A week is complete once its Sunday is over: 2026-11-16 is complete on 2026-11-23."""
    return week_start + timedelta(days=6) < today


def snapshot(con: duckdb.DuckDBPyConnection, week_start: date, rows: Sequence[Any], today: date) -> int:
    """Store the week's verdicts; returns how many entries were written (0: nothing changed).

    Incomplete weeks are never stored. Entries with a recorded action keep the verdict the user
    acted on.
    """
    if not is_complete(week_start, today):
        return 0
    existing = {
        Key(r[0], r[1], r[2], int(r[3])): (r[4], tuple(r[5:]))
        for r in con.execute(
            """SELECT week_start, channel, campaign, experiment_key, action_taken, kind, experiment_id, verdict, p,
                      cpl, spend, leads, target, cpl_likely, cpl_low, cpl_high, reason_code, reason_params
               FROM decision_log WHERE week_start = ?""", [week_start]).fetchall()
    }
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    staged: list[tuple[Any, ...]] = []
    for row in rows:
        k = key_of(row, week_start)
        vals = _values(row)
        old = existing.get(k)
        if old is not None and (old[0] is not None or old[1] == vals):
            continue
        staged.append((k.week_start, k.channel, k.campaign, k.experiment_key, *vals, now, old is None))
    if staged:
        _write(con, staged)
    return len(staged)


# The staged entries' columns: the key, `_values`, the time, and whether the entry is new.
_STAGED = pa.schema([
    ("week_start", pa.date32()), ("channel", pa.string()), ("campaign", pa.string()),
    ("experiment_key", pa.int64()), ("kind", pa.string()), ("experiment_id", pa.int64()),
    ("verdict", pa.string()), ("p", pa.float64()), ("cpl", pa.float64()), ("spend", pa.float64()),
    ("leads", pa.float64()), ("target", pa.float64()), ("cpl_likely", pa.float64()), ("cpl_low", pa.float64()),
    ("cpl_high", pa.float64()), ("reason_code", pa.string()), ("reason_params", pa.string()),
    ("snapshot_at", pa.timestamp("us")), ("is_new", pa.bool_()),
])
_VALUE_COLUMNS = [f.name for f in _STAGED][4:-2]   # kind … reason_params


def _write(con: duckdb.DuckDBPyConnection, staged: list[tuple[Any, ...]]) -> None:
    """Insert the new entries and refresh the changed ones, two statements for all of them (a
    busy account's week is a thousand entries; one statement each took over a second)."""
    table = pa.Table.from_pylist([dict(zip(_STAGED.names, r)) for r in staged], schema=_STAGED)
    name = "decision_log_staged"   # a view of this connection only
    cols = ", ".join(_STAGED.names[:-1])
    con.register(name, table)
    try:
        con.execute(f"INSERT INTO decision_log ({cols}) SELECT {cols} FROM {name} WHERE is_new")
        sets = ", ".join(f"{c} = s.{c}" for c in [*_VALUE_COLUMNS, "snapshot_at"])
        con.execute(f"""UPDATE decision_log AS d SET {sets} FROM {name} AS s
                        WHERE NOT s.is_new AND d.week_start = s.week_start AND d.channel = s.channel
                          AND d.campaign = s.campaign AND d.experiment_key = s.experiment_key""")
    finally:
        con.unregister(name)


def needs_snapshot(con: duckdb.DuckDBPyConnection, week_start: date, rows: Sequence[Any], today: date) -> bool:
    """Would `snapshot` write anything? (A read, so a page can skip the write.)"""
    if not is_complete(week_start, today):
        return False
    existing = {
        Key(r[0], r[1], r[2], int(r[3])): (r[4], tuple(r[5:]))
        for r in con.execute(
            """SELECT week_start, channel, campaign, experiment_key, action_taken, kind, experiment_id, verdict, p,
                      cpl, spend, leads, target, cpl_likely, cpl_low, cpl_high, reason_code, reason_params
               FROM decision_log WHERE week_start = ?""", [week_start]).fetchall()
    }
    for row in rows:
        old = existing.get(key_of(row, week_start))
        if old is None or (old[0] is None and old[1] != _values(row)):
            return True
    return False


def record(con: duckdb.DuckDBPyConnection, key: Key, action: str | None, note: str | None = None) -> bool:
    """Store what the user did (None clears it). False when there is no such entry."""
    if action is not None and action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    n = con.execute(
        "SELECT count(*) FROM decision_log WHERE week_start = ? AND channel = ? AND campaign = ? AND experiment_key = ?",
        [key.week_start, key.channel, key.campaign, key.experiment_key]).fetchall()[0][0]
    if not n:
        return False
    con.execute(
        """UPDATE decision_log SET action_taken = ?, note = ?, recorded_at = ?
           WHERE week_start = ? AND channel = ? AND campaign = ? AND experiment_key = ?""",
        [action, (note or "").strip() or None,
         datetime.now(timezone.utc).replace(tzinfo=None) if action else None,
         key.week_start, key.channel, key.campaign, key.experiment_key])
    return True


def entries(con: duckdb.DuckDBPyConnection) -> list[Entry]:
    """Every entry, newest week first, channels before their campaigns."""
    rows = con.execute(
        """SELECT week_start, channel, campaign, experiment_key, kind, experiment_id, verdict, p, cpl, spend, leads,
                  target, cpl_likely, reason_code, reason_params, action_taken, note, recorded_at
           FROM decision_log
           ORDER BY week_start DESC, channel, experiment_key, campaign""").fetchall()
    out = []
    for r in rows:
        out.append(Entry(Key(r[0], r[1], r[2], int(r[3])), r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
                         r[13], json.loads(r[14]) if r[14] else {}, r[15], r[16], r[17]))
    return out


@dataclass(frozen=True)
class Outcome:
    """Spend and CPL in the weeks before vs after a decision. None: no data (never 0)."""

    spend_before: float | None
    cpl_before: float | None
    spend_after: float | None
    cpl_after: float | None
    weeks_after: int


@dataclass(frozen=True)
class Line:
    entry: Entry
    outcome: Outcome


def _sum(series: dict[date, list[float]], weeks: list[date]) -> tuple[float | None, float | None]:
    got = [series[w] for w in weeks if w in series]
    if not got:
        return None, None
    s = sum(x[0] for x in got)
    n = sum(x[1] for x in got)
    return s, (s / n if n > 0 else None)


def lines(con: duckdb.DuckDBPyConnection, today: date, n: int = OUTCOME_WEEKS) -> list[Line]:
    """Every entry with its before/after outcome (after = complete weeks only, up to `n`)."""
    es = entries(con)
    if not es:
        return []
    last_complete = today - timedelta(days=today.weekday()) - timedelta(days=7)
    first = min(e.key.week_start for e in es) - timedelta(days=7 * (n - 1))
    last = max(first, min(last_complete, max(e.key.week_start for e in es) + timedelta(days=7 * n)))
    data = facts(con, first, last)
    series: dict[tuple[str, str | None], dict[date, list[float]]] = {}
    for f in data.rows:
        for key in ((f.channel, None), (f.channel, f.campaign_key)):
            if key[1] == "":
                continue
            acc = series.setdefault(key, {}).setdefault(f.period_start, [0.0, 0.0])
            acc[0] += f.spend
            acc[1] += f.leads
    out = []
    for e in es:
        s = series.get((e.key.channel, normalise(e.key.campaign) if e.key.campaign else None), {})
        w = e.key.week_start
        before = [w - timedelta(days=7 * i) for i in range(n)]
        after = [w + timedelta(days=7 * i) for i in range(1, n + 1) if w + timedelta(days=7 * i) <= last_complete]
        sb, cb = _sum(s, before)
        sa, ca = _sum(s, after)
        out.append(Line(e, Outcome(sb, cb, sa, ca, len(after))))
    return out


def entry_name(e: Entry, lang: str) -> str:
    """'Betalt søk' or 'Betalt søk – Generic' (channel groups in the reader's language)."""
    from metrics.decision_text import channel_label

    ch = channel_label(e.key.channel, lang)
    return tr(lang, "decisions.name.campaign", channel=ch, campaign=e.key.campaign) if e.key.campaign else ch


def csv_export(ls: Sequence[Line], lang: str, currency: str) -> bytes:
    """The log as CSV (UTF-8 with BOM); user text that looks like a formula is neutralised."""
    header = [tr(lang, f"decisions.log.col.{c}") for c in (
        "week", "name", "verdict", "chance", "cpl", "action", "note", "spend_before", "cpl_before",
        "spend_after", "cpl_after", "weeks_after")]
    body = []
    for ln in ls:
        e, o = ln.entry, ln.outcome
        body.append([
            e.key.week_start.isoformat(), entry_name(e, lang), tr(lang, f"decisions.verdict.{e.verdict}"),
            None if e.p is None else round(e.p, 4), None if e.cpl is None else round(e.cpl, 2),
            tr(lang, f"decisions.log.action.{e.action_taken}") if e.action_taken else "", e.note or "",
            _round(o.spend_before), _round(o.cpl_before), _round(o.spend_after), _round(o.cpl_after), o.weeks_after,
        ])
    return safe_export.csv_bytes(body, header)


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)




def snapshot_week(con: duckdb.DuckDBPyConnection, week_start: date, today: date) -> int:
    """Work out the week's verdicts and store them (see `snapshot`)."""
    from metrics.decisions import week_rows

    return snapshot(con, week_start, week_rows(con, week_start), today)


def week_needs_snapshot(con: duckdb.DuckDBPyConnection, week_start: date, today: date) -> bool:
    """A read: would `snapshot_week` write anything?"""
    from metrics.decisions import week_rows

    if not is_complete(week_start, today):
        return False
    return needs_snapshot(con, week_start, week_rows(con, week_start), today)
