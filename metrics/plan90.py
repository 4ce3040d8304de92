"""The 90-day plan: milestones generated from the method's template, then kept by hand.

Day 1 is the chosen start date, day 90 is `start + 89 days`. The template splits the 90 days
into four phases (first and last day inclusive, as offsets from the start):

| phase  | days   | offsets    | e.g. start Mon 5 Jan 2026 |
|--------|--------|------------|---------------------------|
| `w1-2` | 1–14   | +0 … +13   | 5 Jan – 18 Jan            |
| `w3-4` | 15–30  | +14 … +29  | 19 Jan – 3 Feb            |
| `m2`   | 31–60  | +30 … +59  | 4 Feb – 5 Mar             |
| `m3`   | 61–90  | +60 … +89  | 6 Mar – 4 Apr             |

Weeks 1–2 are the first 14 days; weeks 3–4 run to the end of the first month (day 30) so the
three months are 30 days each. A generated milestone starts on its phase's first day and is due
on its phase's last day. Titles are written in the user's language when the plan is generated
and are ordinary text afterwards.

A milestone is overdue on `today` when its due date is before `today` and it is not done.
`overdue(con, today)` lists them, oldest due date first — the Monday page shows this list.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Final, Literal

import duckdb
import pandas as pd

Phase = Literal["w1-2", "w3-4", "m2", "m3"]
PHASES: Final[dict[str, tuple[int, int]]] = {   # phase -> (first offset, last offset) from the start
    "w1-2": (0, 13),
    "w3-4": (14, 29),
    "m2": (30, 59),
    "m3": (60, 89),
}
STATUSES: Final[tuple[str, ...]] = ("todo", "doing", "done")
MAX_TITLE = 160
MAX_TEXT = 2000

# The method's template, in order. Titles: catalogue keys plan.p90.tpl.<key>.
TEMPLATE: Final[tuple[tuple[str, str], ...]] = (
    ("goals_kpis", "w1-2"),
    ("personas", "w1-2"),
    ("positioning", "w1-2"),
    ("tracking", "w1-2"),
    ("site_fixes", "w3-4"),
    ("gbp", "w3-4"),
    ("content_plan", "w3-4"),
    ("landing_pages", "m2"),
    ("lead_magnet_email", "m2"),
    ("reviews", "m2"),
    ("search_ads", "m3"),
    ("retargeting", "m3"),
    ("pr_partners", "m3"),
    ("first_case", "m3"),
)


def phase_dates(start: date, phase: str) -> tuple[date, date]:
    """First and last day of a phase: start 2026-01-05, 'w3-4' → (2026-01-19, 2026-02-03)."""
    a, b = PHASES[phase]
    return start + timedelta(days=a), start + timedelta(days=b)


def next_monday(today: date) -> date:
    """The default start: today when it is a Monday, else the coming Monday (Thu 2026-11-26 → 2026-11-30)."""
    return today + timedelta(days=(7 - today.weekday()) % 7)


def plan_end(start: date) -> date:
    """Day 90: start + 89 days."""
    return start + timedelta(days=89)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Milestone:
    title: str
    due_date: date | None
    owner: str | None = None
    status: str = "todo"
    phase: str | None = None
    start_date: date | None = None
    target_id: int | None = None
    experiment_id: int | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Problem:
    field: str
    code: Literal["required", "too_long", "unknown_choice", "start_after_due", "unknown_link"]
    value: object = None


def validate(con: duckdb.DuckDBPyConnection, m: Milestone) -> list[Problem]:
    out: list[Problem] = []
    title = (m.title or "").strip()
    if not title:
        out.append(Problem("title", "required"))
    elif len(title) > MAX_TITLE:
        out.append(Problem("title", "too_long", MAX_TITLE))
    if m.due_date is None:
        out.append(Problem("due_date", "required"))
    if m.status not in STATUSES:
        out.append(Problem("status", "unknown_choice", m.status))
    if m.phase is not None and m.phase not in PHASES:
        out.append(Problem("phase", "unknown_choice", m.phase))
    if m.start_date and m.due_date and m.start_date > m.due_date:
        out.append(Problem("start_date", "start_after_due", m.start_date))
    for fld, limit in (("owner", 120), ("notes", MAX_TEXT)):
        v = getattr(m, fld)
        if v is not None and len(str(v)) > limit:
            out.append(Problem(fld, "too_long", limit))
    if m.target_id is not None and not con.execute(
            "SELECT 1 FROM targets WHERE target_id = ?", [m.target_id]).fetchall():
        out.append(Problem("target_id", "unknown_link", m.target_id))
    if m.experiment_id is not None and not con.execute(
            "SELECT 1 FROM experiments WHERE experiment_id = ?", [m.experiment_id]).fetchall():
        out.append(Problem("experiment_id", "unknown_link", m.experiment_id))
    return out


class InvalidMilestone(ValueError):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


def _clean(v: str | None) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def add(con: duckdb.DuckDBPyConnection, m: Milestone, *, template_key: str | None = None) -> int:
    problems = validate(con, m)
    if problems:
        raise InvalidMilestone(problems)
    item_id = con.execute("SELECT nextval('entity_id_seq')").fetchall()[0][0]
    con.execute(
        """INSERT INTO plan_items (item_id, title, phase, owner, due_date, status, target_id, experiment_id, notes,
               created_at, start_date, template_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [item_id, m.title.strip(), m.phase, _clean(m.owner), m.due_date, m.status, m.target_id, m.experiment_id,
         _clean(m.notes), _now(), m.start_date, template_key],
    )
    return int(item_id)


def update(con: duckdb.DuckDBPyConnection, item_id: int, m: Milestone) -> None:
    problems = validate(con, m)
    if problems:
        raise InvalidMilestone(problems)
    if not con.execute("SELECT 1 FROM plan_items WHERE item_id = ?", [item_id]).fetchall():
        raise KeyError(item_id)
    con.execute(
        """UPDATE plan_items SET title = ?, phase = ?, owner = ?, due_date = ?, status = ?, target_id = ?,
               experiment_id = ?, notes = ?, start_date = ? WHERE item_id = ?""",
        [m.title.strip(), m.phase, _clean(m.owner), m.due_date, m.status, m.target_id, m.experiment_id,
         _clean(m.notes), m.start_date, item_id],
    )


def set_status(con: duckdb.DuckDBPyConnection, item_id: int, status: str) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    con.execute("UPDATE plan_items SET status = ? WHERE item_id = ?", [status, item_id])


def delete(con: duckdb.DuckDBPyConnection, item_id: int) -> bool:
    existed = bool(con.execute("SELECT 1 FROM plan_items WHERE item_id = ?", [item_id]).fetchall())
    con.execute("DELETE FROM plan_items WHERE item_id = ?", [item_id])
    return existed


def get(con: duckdb.DuckDBPyConnection, item_id: int) -> Milestone | None:
    rows = con.execute(
        "SELECT title, due_date, owner, status, phase, start_date, target_id, experiment_id, notes "
        "FROM plan_items WHERE item_id = ?", [item_id]).fetchall()
    return Milestone(*rows[0]) if rows else None


def template_titles(lang: str) -> dict[str, str]:
    """Each template step's title in `lang` (catalogue keys plan.p90.tpl.<key>)."""
    from i18n import tr

    return {key: tr(lang, f"plan.p90.tpl.{key}") for key, _ in TEMPLATE}


def generate(con: duckdb.DuckDBPyConnection, start: date, lang: str, owner: str | None = None) -> int:
    """Add the template's milestones from `start`, titled in `lang`; return how many were added.

    A template step already
    in the plan (same template key) is skipped, so generating twice adds nothing; to move a plan to
    a new start, `clear_generated` first.
    """
    titles = template_titles(lang)
    have = {r[0] for r in con.execute(
        "SELECT template_key FROM plan_items WHERE template_key IS NOT NULL").fetchall()}
    added = 0
    for key, phase in TEMPLATE:
        if key in have:
            continue
        first, last = phase_dates(start, phase)
        add(con, Milestone(titles[key], last, owner, "todo", phase, first), template_key=key)
        added += 1
    return added


def clear_generated(con: duckdb.DuckDBPyConnection, *, keep_started: bool = True) -> int:
    """Delete generated milestones (by default only those still 'todo'); return how many."""
    cond = " AND status = 'todo'" if keep_started else ""
    n = con.execute(f"SELECT count(*) FROM plan_items WHERE template_key IS NOT NULL{cond}").fetchall()[0][0]
    con.execute(f"DELETE FROM plan_items WHERE template_key IS NOT NULL{cond}")
    return int(n)


def plan_start(con: duckdb.DuckDBPyConnection) -> date | None:
    """The plan's first day: the earliest start (or due) date among the milestones."""
    row = con.execute("SELECT min(coalesce(start_date, due_date)) FROM plan_items").fetchall()
    return row[0][0]


def target_label(name: str | None, kpi: str | None, scope: str | None, lang: str) -> str | None:
    """How a linked target is named: its own name, else 'KPI · scope' ('CPL (betalt) · alle kanaler').

    None when there is no target. The KPI name comes from the catalogue (`kpi.<kpi>`), the scope is
    'all channels' or the channel/campaign after the colon in 'channel:Paid Search'.
    """
    from i18n import tr

    if isinstance(name, str) and name:
        return name
    if not isinstance(kpi, str):   # no target (None, or NaN from a frame)
        return None
    key = f"kpi.{kpi}"
    kpi_text = tr(lang, key)
    kpi_text = kpi.upper() if kpi_text == key else kpi_text
    scope_text = (tr(lang, "plan.p90.scope_all") if not isinstance(scope, str) or scope == "all"
                  else scope.split(":", 1)[-1])
    return f"{kpi_text} · {scope_text}"


COLUMNS: Final[tuple[str, ...]] = (
    "item_id", "title", "phase", "owner", "start_date", "due_date", "status", "target_id", "target_label",
    "experiment_id", "experiment_label", "notes", "overdue_days",
)


def milestones(con: duckdb.DuckDBPyConnection, today: date, lang: str = "en") -> pd.DataFrame:
    """Every milestone by due date (then phase order, then id), with its links and days overdue.

    `overdue_days` is (today − due_date) in days for a milestone that is overdue, else None.
    `target_label` / `experiment_label` name the linked target / experiment (None: no link).
    """
    frame = con.execute(
        """SELECT p.item_id, p.title, p.phase, p.owner, p.start_date, p.due_date, p.status,
                  p.target_id, t.name AS t_name, t.kpi AS t_kpi, t.scope AS t_scope,
                  p.experiment_id, e.name AS experiment_label, p.notes,
                  CASE WHEN p.status <> 'done' AND p.due_date < ? THEN date_diff('day', p.due_date, ?) END
                      AS overdue_days
           FROM plan_items p
           LEFT JOIN targets t ON t.target_id = p.target_id
           LEFT JOIN experiments e ON e.experiment_id = p.experiment_id
           ORDER BY p.due_date NULLS LAST,
                    CASE p.phase WHEN 'w1-2' THEN 1 WHEN 'w3-4' THEN 2 WHEN 'm2' THEN 3 WHEN 'm3' THEN 4 ELSE 5 END,
                    p.item_id""", [today, today]).df()
    frame["target_label"] = [target_label(n, k, sc, lang) for n, k, sc in
                             zip(frame["t_name"], frame["t_kpi"], frame["t_scope"])]
    for col in ("start_date", "due_date"):   # plain dates (DuckDB gives timestamps), None when missing
        frame[col] = pd.Series([None if pd.isna(x) else pd.Timestamp(x).date() for x in frame[col]], dtype=object)
    return frame[list(COLUMNS)]


@dataclass(frozen=True)
class Overdue:
    """A milestone past its due date and not done. `days_overdue` = today − due_date (≥ 1)."""

    item_id: int
    title: str
    owner: str | None
    due_date: date
    days_overdue: int
    status: str
    phase: str | None


def overdue(con: duckdb.DuckDBPyConnection, today: date) -> list[Overdue]:
    """Milestones due before `today` that are not done, oldest due date first.

    Due 2026-11-20, status 'doing', today 2026-11-23 → one `Overdue` with days_overdue 3.
    A milestone due today is not overdue yet.
    """
    rows = con.execute(
        """SELECT item_id, title, owner, due_date, date_diff('day', due_date, ?), status, phase
           FROM plan_items WHERE status <> 'done' AND due_date < ?
           ORDER BY due_date, item_id""", [today, today]).fetchall()
    return [Overdue(int(r[0]), r[1], r[2], r[3], int(r[4]), r[5], r[6]) for r in rows]


def link_choices(con: duckdb.DuckDBPyConnection, lang: str = "en") -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(targets, experiments) as (id, label) pairs for the link pickers."""
    targets = [(int(r[0]), target_label(r[1], r[2], r[3], lang) or "") for r in con.execute(
        "SELECT target_id, name, kpi, scope FROM targets ORDER BY target_id").fetchall()]
    exps = [(int(r[0]), r[1]) for r in con.execute(
        "SELECT experiment_id, name FROM experiments ORDER BY experiment_id").fetchall()]
    return targets, exps


def timeline(con: duckdb.DuckDBPyConnection, today: date) -> pd.DataFrame:
    """Bars for the timeline chart: title, phase, status, start, end (end = due date + 1 day so a bar covers its last day).

    A milestone without a start date starts on its due date. Milestones without a due date are left out.
    """
    frame = milestones(con, today)
    frame = frame[frame["due_date"].notna()].copy()
    frame["start"] = pd.to_datetime([s if s is not None else d for s, d in zip(frame["start_date"], frame["due_date"])])
    frame["end"] = pd.to_datetime(frame["due_date"]) + pd.Timedelta(days=1)
    frame["is_overdue"] = frame["overdue_days"].notna()
    # Plotly reads a few HTML tags in labels (<a href>, <b>): user titles are shown as typed instead.
    frame["label"] = frame["title"].map(lambda s: html.escape(str(s), quote=False))
    return frame[["item_id", "title", "label", "phase", "status", "start", "end", "is_overdue"]].reset_index(drop=True)
