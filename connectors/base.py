"""The shape every export parser shares, and the error it raises.

A parser module declares:

    SOURCE: str                                  # google_ads, meta, linkedin, ...
    def detect(name: str, data: bytes) -> bool   # cheap: does this file look like ours?
    def parse(name: str, data: bytes) -> FileLoad  # canonical rows, or raise ImportRefused

`parse` fixes types at the boundary: dates become `date`, money and counts numbers in one
currency unit. Anything it cannot read raises `ImportRefused` naming the file, line and column.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from warehouse.loader import FileLoad


class ImportRefused(ValueError):
    """A file Mandag will not load; `str(exc)` is a sentence the user can act on."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None, column: str | None = None):
        where = []
        if file:
            where.append(file)
        if line is not None:
            where.append(f"line {line}")
        if column:
            where.append(f"column “{column}”")
        self.file, self.line, self.column, self.detail = file, line, column, message
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class Parser(Protocol):
    SOURCE: str

    def detect(self, name: str, data: bytes) -> bool: ...

    def parse(self, name: str, data: bytes) -> FileLoad: ...


@dataclass(frozen=True)
class ImportReport:
    """What `import --json` prints for one file, and what the import page shows."""

    file: str
    status: str                 # loaded, unchanged, refused
    source: str | None = None
    account: str | None = None
    rows: int = 0
    date_from: str | None = None
    date_to: str | None = None
    currency: str | None = None
    totals: dict[str, float] | None = None
    warnings: tuple[str, ...] = ()
    error: str | None = None
    import_id: int | None = None

    def as_json(self) -> dict[str, object]:
        d = dict(self.__dict__)
        d["warnings"] = list(self.warnings)
        d["totals"] = self.totals or {}
        return d
