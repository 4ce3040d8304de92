"""The ICE backlog: marketing actions scored by Impact, Confidence and Effort.

Each dimension is a whole number from 1 to 10. The score rewards impact and confidence and
penalises effort:

    score = impact × confidence × (11 − effort)

so it runs from 1 (I=1, C=1, E=10) to 1 000 (I=10, C=10, E=1). Example: a Google Business
Profile clean-up with I=7, C=8, E=2 scores 7 × 8 × 9 = 504.

Every action sits in one 70/20/10 bucket (`proven`, `improvement`, `experiment`) and has a status
(`idea`, `planned`, `doing`, `done`, `dropped`). Validation returns every problem at once as
`Problem(field, code, value)`; the page turns each into a sentence.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Final, Literal

import duckdb
import pandas as pd

Bucket = Literal["proven", "improvement", "experiment"]
Status = Literal["idea", "planned", "doing", "done", "dropped"]
BUCKETS: Final[tuple[str, ...]] = ("proven", "improvement", "experiment")
STATUSES: Final[tuple[str, ...]] = ("idea", "planned", "doing", "done", "dropped")
DIMENSIONS: Final[tuple[str, ...]] = ("impact", "confidence", "effort")
MAX_NAME = 120
MAX_TEXT = 2000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an item: `field` ('name', 'impact', …), `code`, and what was given."""

    field: str
    code: Literal["required", "too_long", "not_whole", "out_of_range", "unknown_choice"]
    value: Any = None


@dataclass(frozen=True)
class Item:
    name: str
    impact: int
    confidence: int
    effort: int
    channel: str | None = None
    description: str | None = None
    bucket: str = "improvement"
    owner: str | None = None
    status: str = "idea"


@dataclass(frozen=True)
class Suggestion:
    """A typical high-ICE action for a small business, preloaded on request."""

    key: str
    channel: str
    impact: int
    confidence: int
    effort: int
    bucket: str


# The method's typical high-ICE actions. Names and descriptions live in the catalogue under
# plan.ice.sugg.<key>.name / .desc. Scores: I × C × (11 − E).
SUGGESTIONS: Final[tuple[Suggestion, ...]] = (
    Suggestion("site_blockers", "Website", 8, 8, 3, "improvement"),       # 8·8·8 = 512
    Suggestion("gbp_reviews", "Organic Search", 7, 8, 2, "improvement"),  # 7·8·9 = 504
    Suggestion("landing_pages", "Paid Search", 8, 7, 5, "improvement"),   # 8·7·6 = 336
    Suggestion("email_welcome", "Email", 6, 6, 4, "experiment"),          # 6·6·7 = 252
)


def score(impact: int, confidence: int, effort: int) -> int:
    """I × C × (11 − E): score(7, 8, 2) = 504. Inputs must already be valid (1–10)."""
    return int(impact) * int(confidence) * (11 - int(effort))


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def validate(item: Item) -> list[Problem]:
    """Every problem with `item` (empty list: valid)."""
    out: list[Problem] = []
    name = (item.name or "").strip()
    if not name:
        out.append(Problem("name", "required"))
    elif len(name) > MAX_NAME:
        out.append(Problem("name", "too_long", MAX_NAME))
    for dim in DIMENSIONS:
        raw = getattr(item, dim)
        n = _whole(raw)
        if n is None:
            out.append(Problem(dim, "not_whole", raw))
        elif not 1 <= n <= 10:
            out.append(Problem(dim, "out_of_range", n))
    if item.bucket not in BUCKETS:
        out.append(Problem("bucket", "unknown_choice", item.bucket))
    if item.status not in STATUSES:
        out.append(Problem("status", "unknown_choice", item.status))
    for fld, limit in (("description", MAX_TEXT), ("owner", MAX_NAME), ("channel", MAX_NAME)):
        v = getattr(item, fld)
        if v is not None and len(str(v)) > limit:
            out.append(Problem(fld, "too_long", limit))
    return out


class InvalidItem(ValueError):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    t = str(text).strip()
    return t or None


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def add(con: duckdb.DuckDBPyConnection, item: Item, *, suggestion_key: str | None = None) -> int:
    """Insert a valid item; return its id. Raises `InvalidItem` listing every problem."""
    problems = validate(item)
    if problems:
        raise InvalidItem(problems)
    item_id = con.execute("SELECT nextval('entity_id_seq')").fetchall()[0][0]
    con.execute(
        """INSERT INTO ice_items (item_id, name, channel, description, impact, confidence, effort, bucket,
               owner, status, created_at, updated_at, suggestion_key)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [item_id, item.name.strip(), _clean(item.channel), _clean(item.description), _whole(item.impact),
         _whole(item.confidence), _whole(item.effort), item.bucket, _clean(item.owner), item.status,
         _now(), _now(), suggestion_key],
    )
    return int(item_id)


def update(con: duckdb.DuckDBPyConnection, item_id: int, item: Item) -> None:
    """Replace an item's fields. Raises `InvalidItem`, or `KeyError` when the id does not exist."""
    problems = validate(item)
    if problems:
        raise InvalidItem(problems)
    if not con.execute("SELECT 1 FROM ice_items WHERE item_id = ?", [item_id]).fetchall():
        raise KeyError(item_id)
    con.execute(
        """UPDATE ice_items SET name = ?, channel = ?, description = ?, impact = ?, confidence = ?, effort = ?,
               bucket = ?, owner = ?, status = ?, updated_at = ? WHERE item_id = ?""",
        [item.name.strip(), _clean(item.channel), _clean(item.description), _whole(item.impact),
         _whole(item.confidence), _whole(item.effort), item.bucket, _clean(item.owner), item.status, _now(),
         item_id],
    )


def delete(con: duckdb.DuckDBPyConnection, item_id: int) -> bool:
    """Delete an item; True when it existed."""
    existed = bool(con.execute("SELECT 1 FROM ice_items WHERE item_id = ?", [item_id]).fetchall())
    con.execute("DELETE FROM ice_items WHERE item_id = ?", [item_id])
    return existed


def get(con: duckdb.DuckDBPyConnection, item_id: int) -> Item | None:
    rows = con.execute(
        "SELECT name, impact, confidence, effort, channel, description, bucket, owner, status FROM ice_items "
        "WHERE item_id = ?", [item_id]).fetchall()
    if not rows:
        return None
    r = rows[0]
    return Item(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])


COLUMNS: Final[tuple[str, ...]] = (
    "item_id", "name", "channel", "description", "impact", "confidence", "effort", "score", "bucket", "owner",
    "status", "suggestion_key", "experiment_id",
)


def backlog(con: duckdb.DuckDBPyConnection, *, include_closed: bool = True) -> pd.DataFrame:
    """All items with their score, best first (ties: higher confidence, then lower effort, then oldest).

    `experiment_id` is the newest experiment started from the item (None: none yet).
    """
    closed = "" if include_closed else "WHERE i.status NOT IN ('done', 'dropped')"
    frame = con.execute(
        f"""SELECT i.item_id, i.name, i.channel, i.description, i.impact, i.confidence, i.effort,
                  i.impact * i.confidence * (11 - i.effort) AS score, i.bucket, i.owner, i.status,
                  i.suggestion_key,
                  (SELECT max(e.experiment_id) FROM experiments e WHERE e.ice_item_id = i.item_id) AS experiment_id
           FROM ice_items i {closed}
           ORDER BY score DESC, i.confidence DESC, i.effort ASC, i.created_at ASC, i.item_id ASC"""
    ).df()
    return frame[list(COLUMNS)]


def suggestion_texts(lang: str) -> dict[str, tuple[str, str]]:
    """Each suggestion's (name, description) in `lang`, from the catalogue (plan.ice.sugg.<key>.*)."""
    from i18n import tr

    return {s.key: (tr(lang, f"plan.ice.sugg.{s.key}.name"), tr(lang, f"plan.ice.sugg.{s.key}.desc"))
            for s in SUGGESTIONS}


def add_suggestions(con: duckdb.DuckDBPyConnection, lang: str) -> int:
    """Add the suggested actions that are not in the backlog yet, written in `lang`; return how many.

    An item keeps its suggestion key, so a second call adds nothing, even in another language or
    after the user renamed the item.
    """
    texts = suggestion_texts(lang)
    have = {r[0] for r in con.execute(
        "SELECT suggestion_key FROM ice_items WHERE suggestion_key IS NOT NULL").fetchall()}
    added = 0
    for s in SUGGESTIONS:
        if s.key in have:
            continue
        name, desc = texts[s.key]
        add(con, Item(name, s.impact, s.confidence, s.effort, s.channel, desc, s.bucket, None, "idea"),
            suggestion_key=s.key)
        added += 1
    return added


def missing_suggestions(con: duckdb.DuckDBPyConnection) -> int:
    """How many suggested actions are not in the backlog."""
    have = {r[0] for r in con.execute(
        "SELECT suggestion_key FROM ice_items WHERE suggestion_key IS NOT NULL").fetchall()}
    return sum(1 for s in SUGGESTIONS if s.key not in have)


# ---------------------------------------------------------------- ICE item → experiment


@dataclass(frozen=True)
class ExperimentSpec:
    """What the page asks when an action becomes an experiment (the 10 % bucket).

    The clock runs `weeks` (4–6) from `start`: planned_end = start + 7·weeks − 1 days
    (start Mon 2026-11-30, 6 weeks → Sun 2027-01-10).
    """

    start: date
    weeks: int = 6
    budget: float | None = None
    campaign: str | None = None
    target_value: float | None = None   # CPL target in the workspace currency (None: the target in force)
    channel: str | None = None          # channel group it is judged in (None: the action's own channel)


def experiment_problems(spec: ExperimentSpec, channel: str | None = "-") -> list[Problem]:
    """Problems with an experiment spec; `channel` is the channel it would be judged in (None: none known)."""
    out: list[Problem] = []
    if not 4 <= int(spec.weeks) <= 6:
        out.append(Problem("weeks", "out_of_range", spec.weeks))
    if spec.budget is not None and spec.budget < 0:
        out.append(Problem("budget", "out_of_range", spec.budget))
    if spec.target_value is not None and spec.target_value <= 0:
        out.append(Problem("target_value", "out_of_range", spec.target_value))
    if not channel:
        out.append(Problem("channel", "required"))
    return out


def start_experiment(con: duckdb.DuckDBPyConnection, item_id: int, spec: ExperimentSpec) -> int:
    """Register the ICE item as a running experiment (the 10 % bucket); return the experiment id.

    Registration goes through `metrics.experiments.create_from_ice` (name and description come from
    the item; planned end = start + 7·weeks − 1 days). The item moves to the experiment bucket.
    Raises `InvalidItem` (weeks outside 4–6, negative budget, no channel) or `KeyError`.
    """
    from metrics import experiments

    rows = con.execute("SELECT channel FROM ice_items WHERE item_id = ?", [item_id]).fetchall()
    if not rows:
        raise KeyError(item_id)
    channel = _clean(spec.channel) or _clean(rows[0][0])
    problems = experiment_problems(spec, channel)
    if problems:
        raise InvalidItem(problems)
    exp = experiments.create_from_ice(con, item_id, start=spec.start, weeks=int(spec.weeks), channel=channel,
                                      campaign=_clean(spec.campaign), budget=spec.budget,
                                      target_value=spec.target_value)
    con.execute("UPDATE ice_items SET bucket = 'experiment', updated_at = ? WHERE item_id = ?", [_now(), item_id])
    return int(exp.experiment_id)
