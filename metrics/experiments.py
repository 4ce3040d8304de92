"""Experiments: the "10 %" tests with a hypothesis, a budget and a 4–6-week clock.

A running experiment gets its own row in `metrics.decisions.week_rows` (kind 'experiment'),
judged with the same rule on the data of its channel (or campaign) from its start date to its
planned end. At the planned end an undecided experiment says "no clear call" and
`top_actions` asks for a decision. Closing it (scaled, cut, kept, stopped) takes it off the
Monday table.

`create_from_ice(con, item_id, ...)` turns an ICE backlog item into an experiment.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Literal

import duckdb

from i18n import tr
from metrics import decisions

Bucket = Literal["proven", "improvement", "experiment"]
BUCKETS: tuple[Bucket, ...] = ("proven", "improvement", "experiment")
Status = Literal["running", "scaled", "cut", "kept", "stopped"]
STATUSES: tuple[Status, ...] = ("running", "scaled", "cut", "kept", "stopped")
TargetKpi = Literal["cpl", "roas"]
MIN_DAYS, MAX_DAYS = 28, 42


@dataclass(frozen=True)
class Problem:
    code: str                       # i18n key under experiments.err.*
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return tr(lang, f"experiments.err.{self.code}", **self.params)


class ExperimentRefused(ValueError):
    """The experiment cannot be registered; `problems` says every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(" ".join(p.message("en") for p in problems))

    def message(self, lang: str) -> str:
        return " ".join(p.message(lang) for p in self.problems)


@dataclass(frozen=True)
class ExperimentSpec:
    name: str
    channel: str | None
    start: date
    planned_end: date
    campaign: str | None = None
    hypothesis: str | None = None
    bucket: str = "experiment"
    budget: float | None = None
    target_kpi: str = "cpl"
    target_value: float | None = None
    ice_item_id: int | None = None


@dataclass(frozen=True)
class Experiment:
    experiment_id: int
    name: str
    channel: str | None
    campaign: str | None
    hypothesis: str | None
    bucket: str
    start_date: date
    planned_end: date
    budget: float | None
    target_kpi: str
    target_value: float | None
    status: str
    ice_item_id: int | None

    @property
    def planned_weeks(self) -> int:
        return planned_weeks(self.start_date, self.planned_end)

    def week_of(self, week_start: date) -> int:
        """Experiment week of the ISO week starting `week_start`: 1 in the week it starts (0 before)."""
        first = self.start_date - timedelta(days=self.start_date.weekday())
        if week_start < first:
            return 0
        return (week_start - first).days // 7 + 1


planned_weeks = decisions.planned_weeks   # 2026-01-05 … 2026-02-15 (42 days) → 6; 30 days → 5


def end_for(start: date, weeks: int) -> date:
    """The planned end of a `weeks`-week experiment: start 2026-01-05, 6 weeks → 2026-02-15."""
    return start + timedelta(days=7 * weeks - 1)


def check(spec: ExperimentSpec) -> list[Problem]:
    """Every problem with `spec`, all at once (empty: it can be registered)."""
    out: list[Problem] = []
    if not (spec.name or "").strip():
        out.append(Problem("name"))
    if not (spec.channel or "").strip():
        out.append(Problem("channel"))
    days = (spec.planned_end - spec.start).days + 1
    if not MIN_DAYS <= days <= MAX_DAYS:
        out.append(Problem("length", {"days": days}))
    if spec.bucket not in BUCKETS:
        out.append(Problem("bucket", {"bucket": spec.bucket}))
    if spec.target_kpi not in ("cpl", "roas"):
        out.append(Problem("kpi"))
    if spec.budget is not None and spec.budget < 0:
        out.append(Problem("budget"))
    if spec.target_value is not None and spec.target_value <= 0:
        out.append(Problem("target"))
    return out


_COLS = ("experiment_id, name, channel, campaign, hypothesis, bucket, start_date, planned_end, budget, target_kpi, "
         "target_value, status, ice_item_id")


def _row(r: tuple) -> Experiment:
    return Experiment(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12])


def register(con: duckdb.DuckDBPyConnection, spec: ExperimentSpec) -> Experiment:
    """Store a new running experiment; raise `ExperimentRefused` with every problem otherwise."""
    problems = check(spec)
    if problems:
        raise ExperimentRefused(problems)
    new_id = int(con.execute("SELECT nextval('entity_id_seq')").fetchall()[0][0])
    con.execute(
        f"""INSERT INTO experiments ({_COLS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)""",
        [new_id, spec.name.strip(), spec.channel.strip() if spec.channel else None,
         spec.campaign.strip() if spec.campaign and spec.campaign.strip() else None,
         spec.hypothesis, spec.bucket, spec.start, spec.planned_end, spec.budget, spec.target_kpi,
         spec.target_value, spec.ice_item_id, datetime.now(timezone.utc).replace(tzinfo=None)],
    )
    got = get(con, new_id)
    assert got is not None
    return got


def get(con: duckdb.DuckDBPyConnection, experiment_id: int) -> Experiment | None:
    rows = con.execute(f"SELECT {_COLS} FROM experiments WHERE experiment_id = ?", [experiment_id]).fetchall()
    return _row(rows[0]) if rows else None


def list_experiments(con: duckdb.DuckDBPyConnection) -> list[Experiment]:
    """Running experiments first (by start), then closed ones, newest first."""
    rows = con.execute(
        f"""SELECT {_COLS} FROM experiments
            ORDER BY status <> 'running', CASE WHEN status = 'running' THEN start_date END, start_date DESC,
                     experiment_id"""
    ).fetchall()
    return [_row(r) for r in rows]


def close(con: duckdb.DuckDBPyConnection, experiment_id: int, status: str) -> bool:
    """Record the outcome (scaled, cut, kept, stopped, or back to running). False if no such experiment."""
    if status not in STATUSES:
        raise ValueError(f"unknown experiment status {status!r}")
    n = con.execute("SELECT count(*) FROM experiments WHERE experiment_id = ?", [experiment_id]).fetchall()[0][0]
    if not n:
        return False
    con.execute("UPDATE experiments SET status = ? WHERE experiment_id = ?", [status, experiment_id])
    return True


def create_from_ice(
    con: duckdb.DuckDBPyConnection,
    item_id: int,
    *,
    start: date,
    weeks: int = 6,
    channel: str | None = None,
    campaign: str | None = None,
    budget: float | None = None,
    target_kpi: str = "cpl",
    target_value: float | None = None,
) -> Experiment:
    """Turn ICE backlog item `item_id` into a running experiment starting `start` for `weeks` (4–6) weeks.

    Name, channel and description (as the hypothesis) come from the item unless given; the bucket
    is 'experiment' (the 10 %). An item still marked 'idea' or 'planned' becomes 'doing'.
    Raises `ExperimentRefused` (e.g. the item has no channel and none was given).
    """
    rows = con.execute("SELECT name, channel, description, status FROM ice_items WHERE item_id = ?",
                       [item_id]).fetchall()
    if not rows:
        raise ExperimentRefused([Problem("ice_item", {"item_id": item_id})])
    name, item_channel, description, status = rows[0]
    chosen = channel or item_channel
    if not chosen:
        raise ExperimentRefused([Problem("ice_channel", {"name": name})])
    exp = register(con, ExperimentSpec(
        name=name, channel=chosen, campaign=campaign, hypothesis=description, start=start,
        planned_end=end_for(start, weeks), bucket="experiment", budget=budget, target_kpi=target_kpi,
        target_value=target_value, ice_item_id=item_id))
    if status in ("idea", "planned"):
        con.execute("UPDATE ice_items SET status = 'doing' WHERE item_id = ?", [item_id])
    return exp


@dataclass(frozen=True)
class ExperimentStatus:
    """An experiment with this week's clock and, while running, its row of the decision table."""

    experiment: Experiment
    week: int                       # experiment week in the judged week (0: not started)
    planned_weeks: int
    row: object | None              # metrics.decisions.DecisionRow while running and started


def overview(con: duckdb.DuckDBPyConnection, week_start: date) -> list[ExperimentStatus]:
    """Every experiment with its clock and verdict for the week starting `week_start`."""
    rows = {r.experiment_id: r for r in decisions.week_rows(con, week_start) if r.kind == "experiment"}
    out = []
    for e in list_experiments(con):
        out.append(ExperimentStatus(e, min(e.week_of(week_start), e.planned_weeks) if e.status == "running"
                                    else e.planned_weeks, e.planned_weeks, rows.get(e.experiment_id)))
    return out


def channel_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Channels with ad data, for the registration form."""
    return [r[0] for r in con.execute(
        "SELECT DISTINCT channel FROM ad_performance WHERE channel IS NOT NULL ORDER BY channel").fetchall()]
