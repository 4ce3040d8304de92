"""SMART targets: create, edit, delete, and the weekly glide path each one draws.

A target is a KPI, a scope (`all`, `channel:<name>`, `campaign:<name>`), a baseline (typed, or
computed from a baseline period), a target value (absolute, or relative to the baseline such as
`-25%`), a start and a deadline. Mandag refuses a target that is not SMART with one sentence per
problem, and warns when the improvement it asks for per week looks implausible.

Glide path: a straight line from the baseline at the start to the target at the deadline. A week
is measured against the line's value at the week's last day (Sunday), clamped to the target's
period: the week 5–11 Jan 2026 of `cpl 520 → 390, 2026-01-05 … 2026-12-31` (360 days) has
520 − 130 × 6/360 = 517.83; every week ending on or after the deadline has 390.

Status of a week: within ±10 % of the glide-path value is *on track*; better than that (per the
KPI's direction) is *ahead*, worse is *behind*.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from typing import Literal

import duckdb

from metrics import kpis as definitions
from metrics.names import normalise

TOLERANCE = 0.10          # ± share of the glide-path value that still counts as on track
STEEP_PER_WEEK = 0.02     # warn when a target asks for more than 2 % of the baseline per week

ScopeKind = Literal["all", "channel", "campaign"]
Status = Literal["ahead", "on_track", "behind"]


@dataclass(frozen=True)
class Problem:
    """One reason a target is refused (or a warning): the field it concerns and a catalogue code.

    The sentence is `i18n.tr(lang, "targets.err.<code>", **params)` (warnings: `targets.warn.<code>`).
    """

    field: str
    code: str
    params: dict[str, object] = field(default_factory=dict)
    warning: bool = False

    def message(self, lang: str = "en") -> str:
        from i18n import tr

        return tr(lang, f"targets.{'warn' if self.warning else 'err'}.{self.code}", **self.params)


class TargetRefused(ValueError):
    """The target is not SMART; `problems` holds every reason at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.message("en") for p in problems))


@dataclass(frozen=True)
class Target:
    target_id: int
    kpi: str
    scope: str
    baseline: float
    target_value: float
    start_date: date
    deadline: date
    baseline_from: date | None = None
    baseline_to: date | None = None
    target_input: str | None = None
    owner: str | None = None
    name: str | None = None

    @property
    def scope_kind(self) -> ScopeKind:
        return parse_scope(self.scope)[0]  # type: ignore[return-value]

    @property
    def scope_name(self) -> str | None:
        return parse_scope(self.scope)[1]


@dataclass(frozen=True)
class TargetSpec:
    """What a user typed (form or CSV row); strings are parsed by `check`."""

    kpi: str
    scope: str = "all"
    baseline: str | float | None = None
    target: str | float | None = None
    start: str | date | None = None
    deadline: str | date | None = None
    baseline_from: str | date | None = None
    baseline_to: str | date | None = None
    owner: str | None = None
    name: str | None = None


# ---------------------------------------------------------------- parsing


def parse_scope(scope: str) -> tuple[str, str | None]:
    """'all' → ('all', None); 'channel:Paid Search' → ('channel', 'Paid Search'); else ('', None)."""
    s = (scope or "").strip()
    if s.lower() == "all":
        return "all", None
    kind, sep, name = s.partition(":")
    kind = kind.strip().lower()
    if sep and kind in ("channel", "campaign") and name.strip():
        return kind, name.strip()
    return "", None


_NUMBER = re.compile(r"^[+\-−]?\d+(?:[.,]\d+)?$")


def parse_number(text: str | float | int) -> float | None:
    """'1 234,5' → 1234.5; '−25' → -25.0; 'abc' → None. Spaces (also non-breaking) group thousands."""
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if s.count(",") == 1 and "." not in s:
        s = s.replace(",", ".")
    if not _NUMBER.match(s):
        return None
    return float(s.replace("−", "-"))


def parse_amount(text: str | float | int, kpi: definitions.Kpi) -> float | None:
    """An absolute value in the KPI's unit. Percent KPIs are typed in percent: '1.2' or '1.2%' → 0.012."""
    if isinstance(text, (int, float)):
        return float(text) / 100 if kpi.unit == "percent" else float(text)
    s = str(text).strip()
    pct = s.endswith("%")
    if pct:
        if kpi.unit != "percent":
            return None
        s = s[:-1]
    n = parse_number(s)
    if n is None:
        return None
    return n / 100 if kpi.unit == "percent" else n


def parse_relative(text: str | float | None) -> float | None:
    """'-25%' → -0.25, '+40 %' → 0.40; anything without a sign and a % sign → None (absolute)."""
    if text is None or isinstance(text, (int, float)):
        return None
    s = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if not s.endswith("%") or s[:1] not in "+-−":
        return None
    n = parse_number(s[:-1])
    return None if n is None else n / 100


def parse_date(text: str | date | None) -> date | None:
    """'2026-01-05' or '05.01.2026' → date(2026, 1, 5); '' → None; raises ValueError on nonsense."""
    if text is None or isinstance(text, date):
        return text
    s = str(text).strip()
    if not s:
        return None
    m = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", s)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return date.fromisoformat(s)


# ---------------------------------------------------------------- scope data


def channel_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every channel name the workspace's data, mapping or costs mention, as spelled there."""
    rows = con.execute(
        """SELECT DISTINCT channel FROM (SELECT channel FROM ad_performance UNION ALL SELECT channel FROM channel_map
           UNION ALL SELECT channel_group FROM web_analytics UNION ALL SELECT channel FROM crm_deals
           UNION ALL SELECT channel FROM costs) WHERE channel IS NOT NULL ORDER BY 1"""
    ).fetchall()
    return [r[0] for r in rows]


def campaign_names(con: duckdb.DuckDBPyConnection, *, ads_only: bool = False) -> list[str]:
    """Campaign names of the ad platforms (and of GA4 and the CRM unless `ads_only`)."""
    sql = "SELECT campaign FROM ad_performance"
    if not ads_only:
        sql += " UNION ALL SELECT campaign FROM web_analytics UNION ALL SELECT campaign FROM crm_deals"
    rows = con.execute(f"SELECT DISTINCT campaign FROM ({sql}) WHERE campaign IS NOT NULL ORDER BY 1").fetchall()
    return [r[0] for r in rows]


# ---------------------------------------------------------------- checking


def _date_field(spec_value: str | date | None, fld: str, problems: list[Problem]) -> date | None:
    try:
        return parse_date(spec_value)
    except ValueError:
        problems.append(Problem(fld, "date_bad", {"value": str(spec_value)}))
        return None


def check(con: duckdb.DuckDBPyConnection, spec: TargetSpec, *, target_id: int = 0) -> tuple[Target | None, list[Problem]]:
    """Parse and judge a target. Returns (target, warnings) when it is SMART, or (None, problems)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    kpi = definitions.KPIS.get((spec.kpi or "").strip().lower())
    if kpi is None:
        problems.append(Problem("kpi", "kpi_unknown", {"kpi": spec.kpi or "", "known": ", ".join(
            k.name for k in definitions.KPIS.values() if k.direction != "none")}))
    elif kpi.direction == "none":
        problems.append(Problem("kpi", "kpi_no_direction", {"kpi": kpi.name}))

    kind, scope_name = parse_scope(spec.scope)
    if not kind:
        problems.append(Problem("scope", "scope_bad", {"scope": spec.scope or ""}))
    elif kind == "channel" and normalise(scope_name) not in {normalise(n) for n in channel_names(con)}:
        problems.append(Problem("scope", "scope_nothing", {"scope": spec.scope.strip()}))
    elif kind == "campaign" and normalise(scope_name) not in {normalise(n) for n in campaign_names(con)}:
        problems.append(Problem("scope", "scope_nothing", {"scope": spec.scope.strip()}))
    scope = "all" if kind == "all" else f"{kind}:{scope_name}"

    start = _date_field(spec.start, "start", problems)
    deadline = _date_field(spec.deadline, "deadline", problems)
    if spec.start in (None, "") and not any(p.field == "start" for p in problems):
        problems.append(Problem("start", "start_missing"))
    if spec.deadline in (None, "") and not any(p.field == "deadline" for p in problems):
        problems.append(Problem("deadline", "deadline_missing"))
    if start and deadline and deadline <= start:
        problems.append(Problem("deadline", "deadline_before_start", {"start": start.isoformat(), "deadline": deadline.isoformat()}))
    b_from = _date_field(spec.baseline_from, "baseline_from", problems)
    b_to = _date_field(spec.baseline_to, "baseline_to", problems)

    baseline: float | None = None
    if kpi is not None:
        if spec.baseline not in (None, ""):
            baseline = parse_amount(spec.baseline, kpi)  # type: ignore[arg-type]
            if baseline is None:
                problems.append(Problem("baseline", "number_bad", {"value": str(spec.baseline)}))
        elif b_from and b_to and b_from <= b_to and kind and (kind == "all" or not any(p.field == "scope" for p in problems)):
            from metrics import evaluate

            baseline = evaluate.window_kpi(con, kpi.name, scope, b_from, b_to).value
            if baseline is None:
                problems.append(Problem("baseline", "baseline_no_data", {"start": b_from.isoformat(), "end": b_to.isoformat()}))
        elif b_from or b_to:
            problems.append(Problem("baseline", "baseline_period_bad"))
        else:
            problems.append(Problem("baseline", "baseline_missing"))

    target_value: float | None = None
    target_input = None if spec.target is None else str(spec.target).strip()
    if kpi is not None:
        rel = parse_relative(spec.target)  # type: ignore[arg-type]
        if spec.target in (None, ""):
            problems.append(Problem("target", "target_missing"))
        elif rel is not None:
            if baseline is not None:
                if baseline == 0:
                    problems.append(Problem("target", "relative_zero_baseline"))
                else:
                    target_value = baseline * (1 + rel)
        else:
            target_value = parse_amount(spec.target, kpi)  # type: ignore[arg-type]
            if target_value is None:
                problems.append(Problem("target", "number_bad", {"value": str(spec.target)}))
        for fld, v in (("baseline", baseline), ("target", target_value)):
            if v is None:
                continue
            if v < 0 or (fld == "target" and v == 0 and kpi.direction == "lower"):
                problems.append(Problem(fld, "value_not_positive", {"value": str(getattr(spec, fld))}))
            elif kpi.unit == "percent" and v > 1:
                problems.append(Problem(fld, "percent_over", {"value": str(getattr(spec, fld))}))

    if problems:
        return None, problems
    assert kpi is not None and baseline is not None and target_value is not None and start and deadline
    weeks = max((deadline - start).days / 7, 1 / 7)
    if baseline > 0:
        per_week = abs(target_value - baseline) / baseline / weeks
        if per_week > STEEP_PER_WEEK:
            warnings.append(Problem("target", "steep", {"per_week": f"{100 * per_week:.1f}"}, warning=True))
    better = (target_value < baseline) if kpi.direction == "lower" else (target_value > baseline)
    if target_value != baseline and not better:
        warnings.append(Problem("target", "wrong_direction", {"kpi": kpi.name}, warning=True))
    owner = (spec.owner or "").strip() or None
    name = (spec.name or "").strip() or None
    return Target(target_id, kpi.name, scope, float(baseline), float(target_value), start, deadline,
                  b_from, b_to, target_input, owner, name), warnings


# ---------------------------------------------------------------- storage

_COLUMNS = ("target_id, kpi, scope, baseline, target_value, start_date, deadline, baseline_from, baseline_to, "
            "target_input, owner, name")


def _row(r: tuple) -> Target:
    return Target(int(r[0]), r[1], r[2], float(r[3]), float(r[4]), r[5], r[6], r[7], r[8], r[9], r[10], r[11])


def list_targets(con: duckdb.DuckDBPyConnection) -> list[Target]:
    rows = con.execute(f"SELECT {_COLUMNS} FROM targets ORDER BY start_date, target_id").fetchall()
    return [_row(r) for r in rows]


def get_target(con: duckdb.DuckDBPyConnection, target_id: int) -> Target | None:
    rows = con.execute(f"SELECT {_COLUMNS} FROM targets WHERE target_id = ?", [target_id]).fetchall()
    return _row(rows[0]) if rows else None


def store(con: duckdb.DuckDBPyConnection, t: Target) -> Target:
    new_id = con.execute("SELECT nextval('entity_id_seq')").fetchall()[0][0]
    t = replace(t, target_id=int(new_id))
    con.execute(
        """INSERT INTO targets (target_id, kpi, scope, baseline, baseline_from, baseline_to, target_value, target_input,
               start_date, deadline, owner, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [t.target_id, t.kpi, t.scope, t.baseline, t.baseline_from, t.baseline_to, t.target_value, t.target_input,
         t.start_date, t.deadline, t.owner, t.name, datetime.now(timezone.utc).replace(tzinfo=None)],
    )
    return t


def create_target(con: duckdb.DuckDBPyConnection, spec: TargetSpec) -> tuple[Target, list[Problem]]:
    """Store a SMART target; raise `TargetRefused` listing every problem otherwise. Returns (target, warnings)."""
    t, notes = check(con, spec)
    if t is None:
        raise TargetRefused(notes)
    return store(con, t), notes


def update_target(con: duckdb.DuckDBPyConnection, target_id: int, spec: TargetSpec) -> tuple[Target, list[Problem]]:
    if get_target(con, target_id) is None:
        raise TargetRefused([Problem("target_id", "not_found", {"target_id": target_id})])
    t, notes = check(con, spec, target_id=target_id)
    if t is None:
        raise TargetRefused(notes)
    con.execute(
        """UPDATE targets SET kpi = ?, scope = ?, baseline = ?, baseline_from = ?, baseline_to = ?, target_value = ?,
               target_input = ?, start_date = ?, deadline = ?, owner = ?, name = ? WHERE target_id = ?""",
        [t.kpi, t.scope, t.baseline, t.baseline_from, t.baseline_to, t.target_value, t.target_input, t.start_date,
         t.deadline, t.owner, t.name, target_id],
    )
    return t, notes


def delete_target(con: duckdb.DuckDBPyConnection, target_id: int) -> bool:
    n = con.execute("SELECT count(*) FROM targets WHERE target_id = ?", [target_id]).fetchall()[0][0]
    con.execute("DELETE FROM targets WHERE target_id = ?", [target_id])
    return bool(n)


def spec_of(t: Target) -> TargetSpec:
    """The spec that recreates `t` (for an edit form)."""
    kpi = definitions.KPIS[t.kpi]
    scale = 100 if kpi.unit == "percent" else 1
    return TargetSpec(t.kpi, t.scope, round(t.baseline * scale, 10),
                      t.target_input or t.target_value * scale, t.start_date, t.deadline,
                      t.baseline_from, t.baseline_to, t.owner, t.name)


# ---------------------------------------------------------------- glide path


def covers(t: Target, week: date) -> bool:
    """Whether the week starting `week` overlaps the target's period [start, deadline]."""
    return week <= t.deadline and week + timedelta(days=6) >= t.start_date


def glide_value(t: Target, week: date) -> float:
    """The glide-path value for the week starting `week` (measured at its Sunday, clamped)."""
    total = (t.deadline - t.start_date).days
    done = (week + timedelta(days=6) - t.start_date).days
    frac = min(max(done / total, 0.0), 1.0)
    return t.baseline + (t.target_value - t.baseline) * frac


def glide_path(t: Target) -> list[tuple[date, float]]:
    """(week_start, glide value) for every week the target covers."""
    from metrics.periods import weeks_between

    return [(w, glide_value(t, w)) for w in weeks_between(t.start_date, t.deadline)]


def status(kpi: str, actual: float | None, glide: float | None) -> Status | None:
    """ahead / on_track / behind for `actual` against the glide value (±TOLERANCE of it); None without both."""
    if actual is None or glide is None:
        return None
    direction = definitions.KPIS[kpi].direction
    band = abs(glide) * TOLERANCE
    better = actual < glide - band if direction == "lower" else actual > glide + band
    worse = actual > glide + band if direction == "lower" else actual < glide - band
    return "ahead" if better else "behind" if worse else "on_track"


def pick(candidates: list[Target], kpi: str, channel: str | None, campaign: str | None,
         week_start: date) -> Target | None:
    """The most specific of `candidates` for `kpi` covering the row in that week: campaign, else
    channel, else all. Among equals the one that started last wins (then the newest).
    Names match after normalisation (`metrics.names.normalise`)."""
    week = week_start - timedelta(days=week_start.weekday())
    best: dict[str, Target] = {}
    for t in sorted(candidates, key=lambda x: (x.start_date, x.target_id), reverse=True):
        if t.kpi != kpi or not covers(t, week):
            continue
        kind, name = parse_scope(t.scope)
        if kind == "campaign" and campaign is not None and normalise(name) == normalise(campaign):
            best.setdefault("campaign", t)
        elif kind == "channel" and channel is not None and normalise(name) == normalise(channel):
            best.setdefault("channel", t)
        elif kind == "all":
            best.setdefault("all", t)
    return best.get("campaign") or best.get("channel") or best.get("all")


def covering(con: duckdb.DuckDBPyConnection, week_start: date) -> list[Target]:
    """Every target (any KPI, any scope) whose period overlaps the week of `week_start`."""
    week = week_start - timedelta(days=week_start.weekday())
    rows = con.execute(
        f"SELECT {_COLUMNS} FROM targets WHERE start_date <= ? AND deadline >= ?",
        [week + timedelta(days=6), week],
    ).fetchall()
    return [_row(r) for r in rows]


def in_force(con: duckdb.DuckDBPyConnection, kpi: str, channel: str | None, campaign: str | None,
             week_start: date) -> Target | None:
    """The most specific target for `kpi` covering the row in that week (see `pick`)."""
    week = week_start - timedelta(days=week_start.weekday())
    return pick(covering(con, week), kpi, channel, campaign, week)


def target_in_force(con: duckdb.DuckDBPyConnection, kpi: str, channel: str | None, campaign: str | None,
                    week_start: date) -> float | None:
    """The glide-path value of the most specific `kpi` target covering this row in that week, or None.

    `channel`/`campaign` are the row's names (campaign None for a channel row; both None for the
    whole workspace). `week_start` is the week's Monday (any day is moved to its Monday).
    Values are in the KPI's unit: money in the workspace currency, percent as a fraction.
    """
    return value_in_force(covering(con, week_start), kpi, channel, campaign, week_start)


def value_in_force(candidates: list[Target], kpi: str, channel: str | None, campaign: str | None,
                   week_start: date) -> float | None:
    """`target_in_force` choosing among `candidates` (say, one `covering` read for several KPIs)."""
    week = week_start - timedelta(days=week_start.weekday())
    t = pick(candidates, kpi, channel, campaign, week)
    return None if t is None else glide_value(t, week)



def scope_options(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Scopes a user can pick: 'all', then 'channel:<name>' and 'campaign:<name>' as the data spells them."""
    return (["all"] + [f"channel:{n}" for n in channel_names(con)]
            + [f"campaign:{n}" for n in campaign_names(con, ads_only=True)])
