"""Helpers shared by the import tests: fixture bytes, a fresh workspace, small queries."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import duckdb

from warehouse import db, workspaces

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "realworld"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def new_workspace(tmp_path: Path, currency: str = "NOK") -> Path:
    return workspaces.create("t", tmp_path, currency=currency).path


def rows(db_path: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with db.connect(db_path) as con:
        return con.execute(sql, params or []).fetchall()


def xlsx(sheets: dict[str, list[list[Any]]]) -> bytes:
    """A workbook with the given sheets (rows of cell values), as bytes."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, data in sheets.items():
        ws = wb.create_sheet(title)
        for r in data:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def utf16_tab(text: str) -> bytes:
    """The "CSV (Excel)" flavour of a comma CSV: UTF-16LE with BOM, tab-delimited; cells holding a comma or a
    quote stay quoted, as Google writes `"9,380"` in its tab file too."""
    import csv

    lines = []
    for row in csv.reader(io.StringIO(text)):
        cells = ['"' + c.replace('"', '""') + '"' if ("," in c or '"' in c) else c for c in row]
        lines.append("\t".join(cells))
    return b"\xff\xfe" + ("\n".join(lines) + "\n").encode("utf-16-le")


def duck(db_path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db_path))
