"""Strategy notes: personas and their buying journey, SWOT, competitors, the value proposition.

Stored in `strategy_notes(section, note_id, content JSON)`:

| section      | note_id        | content keys |
|--------------|----------------|--------------|
| `persona`    | entity id      | name, role, needs, trigger, objections, criteria, channels, and the journey: need_questions, need_content, consideration_questions, consideration_content, decision_questions, decision_content |
| `swot`       | 1 (one note)   | strengths, weaknesses, opportunities, threats (one point per line) |
| `competitor` | entity id      | name, promise, price, proof, channels, weakness |
| `value_prop` | 1 (one note)   | audience, problem, solution, result, proof |

The method keeps 2–3 personas and 3–5 competitors; more are allowed but counted as a hint
(`limits`). `markdown(con, lang, labels)` exports everything as Markdown with every piece of user
text escaped (`metrics.safe_export.markdown_escape`), so nothing typed can become a link or HTML.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Final

import duckdb

from metrics.safe_export import markdown_escape

SECTIONS: Final[tuple[str, ...]] = ("persona", "swot", "competitor", "value_prop")
PERSONA_FIELDS: Final[tuple[str, ...]] = ("name", "role", "needs", "trigger", "objections", "criteria", "channels")
JOURNEY_STAGES: Final[tuple[str, ...]] = ("need", "consideration", "decision")
JOURNEY_FIELDS: Final[tuple[str, ...]] = tuple(f"{s}_{k}" for s in JOURNEY_STAGES for k in ("questions", "content"))
SWOT_FIELDS: Final[tuple[str, ...]] = ("strengths", "weaknesses", "opportunities", "threats")
COMPETITOR_FIELDS: Final[tuple[str, ...]] = ("name", "promise", "price", "proof", "channels", "weakness")
VALUE_PROP_FIELDS: Final[tuple[str, ...]] = ("audience", "problem", "solution", "result", "proof")
FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "persona": PERSONA_FIELDS + JOURNEY_FIELDS,
    "swot": SWOT_FIELDS,
    "competitor": COMPETITOR_FIELDS,
    "value_prop": VALUE_PROP_FIELDS,
}
SINGLE: Final[frozenset[str]] = frozenset({"swot", "value_prop"})   # one note each, note_id 1
LIMITS: Final[dict[str, tuple[int, int]]] = {"persona": (2, 3), "competitor": (3, 5)}
MAX_FIELD = 2000


class InvalidNote(ValueError):
    """A note the page must refuse: unknown section/field, a missing name, or text that is too long."""

    def __init__(self, code: str, field: str | None = None):
        super().__init__(f"{code}: {field}")
        self.code = code
        self.field = field


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _clean(section: str, content: dict[str, Any]) -> dict[str, str]:
    if section not in FIELDS:
        raise InvalidNote("unknown_section", section)
    out: dict[str, str] = {}
    for k, v in content.items():
        if k not in FIELDS[section]:
            raise InvalidNote("unknown_field", k)
        text = "" if v is None else str(v).strip()
        if len(text) > MAX_FIELD:
            raise InvalidNote("too_long", k)
        out[k] = text
    if section in ("persona", "competitor") and not out.get("name"):
        raise InvalidNote("required", "name")
    return {k: out.get(k, "") for k in FIELDS[section]}


def save(con: duckdb.DuckDBPyConnection, section: str, content: dict[str, Any], note_id: int | None = None) -> int:
    """Insert (note_id None) or replace a note; return its id. swot/value_prop always use note_id 1."""
    clean = _clean(section, content)
    if section in SINGLE:
        note_id = 1
    elif note_id is None:
        note_id = int(con.execute("SELECT nextval('entity_id_seq')").fetchall()[0][0])
    con.execute("INSERT OR REPLACE INTO strategy_notes VALUES (?, ?, ?, ?)",
                [section, note_id, json.dumps(clean, ensure_ascii=False), _now()])
    return int(note_id)


def delete(con: duckdb.DuckDBPyConnection, section: str, note_id: int) -> bool:
    existed = bool(con.execute("SELECT 1 FROM strategy_notes WHERE section = ? AND note_id = ?",
                               [section, note_id]).fetchall())
    con.execute("DELETE FROM strategy_notes WHERE section = ? AND note_id = ?", [section, note_id])
    return existed


@dataclass(frozen=True)
class Note:
    note_id: int
    content: dict[str, str]


def notes(con: duckdb.DuckDBPyConnection, section: str) -> list[Note]:
    """A section's notes in the order they were created; every declared field present ('' when empty)."""
    rows = con.execute("SELECT note_id, content FROM strategy_notes WHERE section = ? ORDER BY note_id",
                       [section]).fetchall()
    out = []
    for nid, raw in rows:
        data = json.loads(raw)
        out.append(Note(int(nid), {k: str(data.get(k) or "") for k in FIELDS[section]}))
    return out


def single(con: duckdb.DuckDBPyConnection, section: str) -> dict[str, str]:
    """The swot or value_prop note (all fields '' when none is saved)."""
    found = notes(con, section)
    return found[0].content if found else {k: "" for k in FIELDS[section]}


@dataclass(frozen=True)
class Limits:
    """How many personas / competitors there are against the method's range (2–3 and 3–5)."""

    section: str
    count: int
    low: int
    high: int

    @property
    def state(self) -> str:
        return "few" if self.count < self.low else ("many" if self.count > self.high else "ok")


def limits(con: duckdb.DuckDBPyConnection) -> list[Limits]:
    out = []
    for section, (lo, hi) in LIMITS.items():
        n = con.execute("SELECT count(*) FROM strategy_notes WHERE section = ?", [section]).fetchall()[0][0]
        out.append(Limits(section, int(n), lo, hi))
    return out


# The value proposition in one sentence. Placeholders are the five fields.
VALUE_PROP_PATTERNS: Final[dict[str, str]] = {
    "nb": "For {audience} som {problem}, tilbyr vi {solution} som gir {result}, fordi {proof}.",
    "en": "For {audience} who {problem}, we offer {solution} that gives {result}, because {proof}.",
}


def value_proposition(parts: dict[str, str], lang: str) -> str | None:
    """The one-sentence value proposition, or None while any of the five parts is empty.

    nb: 'For huseiere som har vannlekkasje, tilbyr vi døgnvakt som gir tørt bad samme dag, fordi vi
    har bil i hver bydel.' A trailing full stop typed by the user is not doubled.
    """
    values = {k: (parts.get(k) or "").strip() for k in VALUE_PROP_FIELDS}
    if not all(values.values()):
        return None
    values = {k: v.rstrip(".") if k == "proof" else v for k, v in values.items()}
    return VALUE_PROP_PATTERNS.get(lang, VALUE_PROP_PATTERNS["en"]).format(**values)


_BULLET = re.compile(r"^\s*(?:[-•*]\s+)?")


def _lines(text: str) -> list[str]:
    """One point per line, a typed bullet removed: '- *fet*' → '*fet*' (escaped later)."""
    out = [_BULLET.sub("", ln).strip() for ln in (text or "").splitlines()]
    return [ln for ln in out if ln]


def markdown(con: duckdb.DuckDBPyConnection, lang: str, label: Callable[[str], str]) -> str:
    """All strategy notes as one Markdown document.

    `label(key)` gives the heading and field names in the user's language (catalogue keys
    `plan.strat.md.*` and `plan.strat.f.*`). Every piece of user text passes through
    `markdown_escape`: '[x](javascript:…)' is written as '\\[x\\]\\(javascript\\:…\\)'.
    """
    esc = markdown_escape
    out: list[str] = [f"# {label('plan.strat.md.title')}", ""]

    vp = single(con, "value_prop")
    sentence = value_proposition(vp, lang)
    out += [f"## {label('plan.strat.md.value_prop')}", ""]
    if sentence:
        # The sentence pattern is ours; only the user's parts need escaping.
        escaped = {k: esc(v.strip().rstrip(".") if k == "proof" else v) for k, v in vp.items()}
        out += [f"> {value_proposition(escaped, lang)}", ""]
    else:
        out += [f"_{label('plan.strat.md.empty')}_", ""]

    personas = notes(con, "persona")
    out += [f"## {label('plan.strat.md.personas')}", ""]
    if not personas:
        out += [f"_{label('plan.strat.md.empty')}_", ""]
    for p in personas:
        out += [f"### {esc(p.content['name'])}", ""]
        for f in PERSONA_FIELDS[1:]:
            if p.content[f]:
                out.append(f"- **{label('plan.strat.f.' + f)}:** {esc(p.content[f])}")
        out.append("")
        if any(p.content[f] for f in JOURNEY_FIELDS):
            out += [f"#### {label('plan.strat.md.journey')}", ""]
            for stage in JOURNEY_STAGES:
                q, c = p.content[f"{stage}_questions"], p.content[f"{stage}_content"]
                if q or c:
                    out.append(f"- **{label('plan.strat.stage.' + stage)}**")
                    if q:
                        out.append(f"  - {label('plan.strat.f.questions')}: {esc(q)}")
                    if c:
                        out.append(f"  - {label('plan.strat.f.content')}: {esc(c)}")
            out.append("")

    swot = single(con, "swot")
    out += [f"## {label('plan.strat.md.swot')}", ""]
    if not any(swot.values()):
        out += [f"_{label('plan.strat.md.empty')}_", ""]
    else:
        for f in SWOT_FIELDS:
            out += [f"### {label('plan.strat.f.' + f)}", ""]
            items = _lines(swot[f])
            out += [f"- {esc(x)}" for x in items] if items else ["—"]
            out.append("")

    comps = notes(con, "competitor")
    out += [f"## {label('plan.strat.md.competitors')}", ""]
    if not comps:
        out += [f"_{label('plan.strat.md.empty')}_", ""]
    for c in comps:
        out += [f"### {esc(c.content['name'])}", ""]
        for f in COMPETITOR_FIELDS[1:]:
            if c.content[f]:
                out.append(f"- **{label('plan.strat.f.' + f)}:** {esc(c.content[f])}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def export_markdown(con: duckdb.DuckDBPyConnection, lang: str) -> str:
    """`markdown` with headings and field names from the catalogue in `lang`."""
    from i18n import tr

    return markdown(con, lang, lambda key: tr(lang, key))
