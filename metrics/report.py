"""The week as `python -m metrics week --json` prints it (DESIGN.md "Command line").

    {"week_start": "2026-11-16", "currency": "NOK", "in_progress": false, "lead_source": "crm",
     "kpis": {"cpl": {"value": 401.0, "previous": 436.2, "target": 412.5, "status": "on_track"}, …},
     "rows": [ … scale-or-cut rows from metrics.decisions.week_rows … ]}

KPI status: `ahead`, `on_track`, `behind` against the glide path of the workspace-wide (`all`)
target in force that week; `no_target` without one; `no_data` without a value; `in_progress`
for the running week, which is never judged. Money is in the workspace currency; no data is null.
"""
from __future__ import annotations

import dataclasses
import math
from datetime import date
from typing import Any

import duckdb

from metrics import aggregate, evaluate, periods, targets, weekly
from metrics.kpis import CARD_KPIS


def plain(x: Any) -> Any:
    """JSON-ready: dates as ISO strings, NaN/inf as null, dataclasses as dicts."""
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return plain(dataclasses.asdict(x))
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, date):
        return x.isoformat()
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return None
    if hasattr(x, "item") and callable(x.item):   # numpy scalars
        return plain(x.item())
    return x


ROW_FIELDS: tuple[str, ...] = ("channel", "campaign", "weeks_running", "spend", "leads", "cpl", "p", "verdict", "reason")


def decision_rows(con: duckdb.DuckDBPyConnection, week_start: date, currency: str) -> list[dict[str, Any]]:
    """The decision engine's rows for the week, contract fields first (`reason` in English).

    [] only while the engine module does not exist; an error inside it is not hidden.
    """
    try:
        from metrics import decision_text, decisions
    except ModuleNotFoundError as exc:
        if exc.name not in ("metrics.decisions", "metrics.decision_text"):
            raise
        return []
    out = []
    for r in decisions.week_rows(con, week_start):
        full = plain(r)
        full["reason"] = decision_text.reason(r, "en", currency)
        out.append({**{k: full.get(k) for k in ROW_FIELDS}, **full})
    return out


def week_report(con: duckdb.DuckDBPyConnection, week_start: date, today: date | None = None) -> dict[str, Any]:
    ws = periods.week_start(week_start)
    running = periods.in_progress(ws, today)
    summary = weekly.week_summary(con, ws)
    cards = {}
    for k in CARD_KPIS:
        c = summary.card(k)
        judged = evaluate.judge(evaluate.KpiResult(k, c.value, c.numerator, c.denominator),
                                targets.in_force(con, k, None, None, ws), ws, running)
        cards[k] = {"value": c.value, "previous": c.previous, "target": judged.target, "status": judged.status}
    currency = aggregate.workspace_currency(con)
    return plain({
        "week_start": ws,
        "currency": currency,
        "in_progress": running,
        "lead_source": summary.lead_source,
        "kpis": cards,
        "rows": decision_rows(con, ws, currency),
    })
