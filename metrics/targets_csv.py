"""SMART targets from a CSV file: `kpi,scope,baseline,target,start,deadline` (+ optional
`owner`, `name`, `baseline_from`, `baseline_to`), one target per row, e.g.

    kpi,scope,baseline,target,start,deadline
    cpl,all,520,390,2026-01-05,2026-12-31
    leads,channel:Paid Search,40,+40%,2026-01-05,2026-12-31

All or nothing: every bad row is reported with its line and column, and nothing is loaded if
any row is bad. A semicolon-separated file (as Excel writes it in Norway) is read too.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import duckdb

from metrics.targets import Problem, Target, TargetSpec, check, store

REQUIRED = ("kpi", "scope", "baseline", "target", "start", "deadline")
OPTIONAL = ("owner", "name", "baseline_from", "baseline_to")


@dataclass(frozen=True)
class RowError:
    line: int
    column: str | None
    problem: Problem

    def message(self, lang: str = "en") -> str:
        from i18n import tr

        where = tr(lang, "targets.csv.where_column", line=self.line, column=self.column) if self.column \
            else tr(lang, "targets.csv.where_line", line=self.line)
        return f"{where}: {self.problem.message(lang)}"


class TargetImportError(ValueError):
    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(e.message("en") for e in errors))


def read(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[Target], list[RowError]]:
    """Check every row; return the targets and the warnings (each tied to its line), or raise with every error."""
    text = text.lstrip("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    delim = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    errors: list[RowError] = []
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise TargetImportError([RowError(1, None, Problem("file", "csv_empty"))]) from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise TargetImportError([RowError(1, None, Problem("file", "csv_columns", {"missing": ", ".join(missing)}))])
    out: list[Target] = []
    warnings: list[RowError] = []
    rows = 0
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if len(row) != len(header):
            errors.append(RowError(line, None, Problem("row", "csv_fields", {"expected": len(header), "found": len(row)})))
            continue
        cells = dict(zip(header, (c.strip() for c in row)))
        spec = TargetSpec(**{k: (cells.get(k) or None) for k in REQUIRED + OPTIONAL if k in cells or k in REQUIRED})
        t, notes = check(con, spec)
        if t is None:
            errors.extend(RowError(line, p.field, p) for p in notes)
        else:
            out.append(t)
            warnings.extend(RowError(line, p.field, p) for p in notes)
    if not rows and not errors:
        errors.append(RowError(1, None, Problem("file", "csv_empty")))
    if errors:
        raise TargetImportError(errors)
    return out, warnings


def import_csv(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[Target], list[RowError]]:
    """Load every row of a targets CSV in one transaction, or nothing (raises `TargetImportError`)."""
    targets, warnings = read(con, text)
    con.execute("BEGIN TRANSACTION")
    try:
        stored = [store(con, t) for t in targets]
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return stored, warnings
