"""ZIP archives and XLSX workbooks for the export parsers: an archive is checked before it is
unpacked (size, member count, compression ratio: no zip bombs), a workbook is read with openpyxl
with formulas kept as text (never evaluated), and a sheet's table is located like a CSV's
(`connectors.sniff`). Everything that cannot be read raises `ImportRefused` naming the file.
"""
from __future__ import annotations

import io
import zipfile

import pandas as pd

from connectors.base import ImportRefused
from connectors.messages import Msg
from connectors.sniff import (HEADER_SCAN_LINES, MAX_UNPACKED_BYTES, MAX_ZIP_MEMBERS, MAX_ZIP_RATIO, Aliases, Table,
                              _drop_blank_rows, _unique, check_size, locate_header, match_columns)


def check_zip(name: str, data: bytes) -> zipfile.ZipFile:
    """Open an archive after checking it cannot unpack into something huge (a zip bomb)."""
    check_size(name, data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise ImportRefused(Msg("import.msg.bad_archive"), file=name) from exc
    infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if len(infos) > MAX_ZIP_MEMBERS or total > MAX_UNPACKED_BYTES or (total > 2**20 and total / packed > MAX_ZIP_RATIO):
        raise ImportRefused(Msg("import.msg.zip_bomb", mb=f"{total / 2**20:.0f}", files=len(infos)), file=name)
    return zf


def read_zip_member(name: str, zf: zipfile.ZipFile, member: str) -> bytes:
    try:
        with zf.open(member) as fh:
            out = fh.read(MAX_UNPACKED_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise ImportRefused(Msg("import.msg.bad_member", member=member), file=name) from exc
    if len(out) > MAX_UNPACKED_BYTES:
        raise ImportRefused(Msg("import.msg.big_member", member=member, limit=MAX_UNPACKED_BYTES // 2**20), file=name)
    return out


def xlsx_sheets(name: str, data: bytes) -> dict[str, list[list[object]]]:
    """Every sheet of a workbook as rows of cell values. Formulas stay text (never evaluated)."""
    import openpyxl

    check_zip(name, data)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged workbooks
        raise ImportRefused(Msg("import.msg.bad_xlsx"), file=name) from exc
    try:
        out = {}
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows(values_only=True):
                rows.append(list(row))
            while rows and all(v is None or str(v).strip() == "" for v in rows[-1]):
                rows.pop()
            out[ws.title] = rows
        return out
    finally:
        wb.close()


def cell_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def read_rows_table(name: str, rows: list[list[object]], aliases: Aliases, *, min_hits: int = 2,
                    sheet: str | None = None) -> Table:
    """Locate the header among XLSX rows and build the body (cell values kept as they are)."""
    texts = ["\t".join(cell_text(v) for v in r) for r in rows[:HEADER_SCAN_LINES]]
    found = locate_header(texts, aliases, min_hits=min_hits, delimiters="\t")
    if found is None:
        raise ImportRefused(Msg("import.msg.no_header_sheet", sheet=sheet) if sheet else Msg("import.msg.no_header"),
                            file=name)
    idx, _, _ = found
    header_cells = rows[idx]
    width = len(header_cells)
    while width and (header_cells[width - 1] is None or str(header_cells[width - 1]).strip() == ""):
        width -= 1
    header = _unique([cell_text(v) for v in header_cells[:width]])
    body_rows = [list(r[:width]) + [None] * (width - len(r)) for r in rows[idx + 1:]]
    frame = pd.DataFrame(body_rows, columns=header, dtype=object) if body_rows else pd.DataFrame(columns=header, dtype=object)
    frame = frame.where(frame.notna(), "")
    for c in frame.columns:  # "--" and blank cells as empty strings, text trimmed like the CSV reader sees it
        col = frame[c]
        frame[c] = col.map(lambda v: v.strip() if isinstance(v, str) else v).astype(object)
    frame = _drop_blank_rows(frame)
    preamble = [[cell_text(v) for v in r if v is not None] for r in rows[:idx]]
    table = Table(name, preamble, header, idx + 1, frame, sheet=sheet)
    table.columns = match_columns(header, aliases)
    return table
