"""Shared reading helpers for every export parser: bytes → text → a located table → typed columns.

What varies between exports, and is handled here once:

* encoding: UTF-8 (with or without BOM), UTF-16LE/BE ("CSV (Excel)" from Google Ads, LinkedIn),
  and Windows-1252 from an Excel re-save;
* delimiter: comma, tab or semicolon;
* a preamble (report title, date range, `#` comments) before the header row, which is found by
  matching known header names in several languages, never assumed to be line 1;
* locale numbers (`1 234,56`, `1,234.56`, `"9,380"`, ` --`), percentages and dates
  (`YYYY-MM-DD`, `YYYYMMDD`, `M/D/YYYY`, `March 27, 2026 - April 23, 2026`, `27. januar 2026`);
* XLSX workbooks (openpyxl, formulas kept as text) and ZIP archives with a cap on what they unpack to.

Columns are converted vectorised (pandas string operations on the whole column), so a million-row
export parses in about a second. Every value that cannot be read raises `ImportRefused` naming the
file, line and column.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from connectors.base import ImportRefused
from connectors.messages import Msg

# A file larger than this is refused before parsing; an archive may not unpack to more than this.
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_ZIP_MEMBERS = 200
# Compression ratios above this are treated as a zip bomb (real CSV/XLSX compress 5–30×).
MAX_ZIP_RATIO = 200

HEADER_SCAN_LINES = 60
EMPTY_MARKERS = frozenset({"", "--", "-", "—", "–", "n/a", "na", "(not set)"})
_SPACES = "\u00a0\u202f\u2009\u2007 "
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# --- bytes → text --------------------------------------------------------------------------------

def is_zip(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def is_xlsx(data: bytes) -> bool:
    """An Office Open XML workbook (a ZIP holding xl/workbook.xml)."""
    if not is_zip(data):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return any(n == "xl/workbook.xml" for n in zf.namelist())
    except zipfile.BadZipFile:
        return False


def check_size(name: str, data: bytes) -> None:
    if not data or (len(data) < 65536 and not data.strip(b"\x00\t\r\n \xef\xbb\xbf\xff\xfe")):
        raise ImportRefused(Msg("import.msg.empty"), file=name)
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused(Msg("import.msg.too_big", mb=f"{len(data) / 2**20:.0f}", limit=MAX_FILE_BYTES // 2**20),
                            file=name)


def decode(name: str, data: bytes) -> str:
    """The text of a CSV/TSV export, whatever the encoding (see module doc).

    Refuses binary files and files cut off in the middle of a character.
    """
    check_size(name, data)
    text: str | None = None
    try:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            text = data.decode("utf-16")
        elif data[:3] == b"\xef\xbb\xbf":
            text = data[3:].decode("utf-8")
        elif _looks_utf16le(data):
            text = data.decode("utf-16-le")
        elif _looks_utf16be(data):
            text = data.decode("utf-16-be")
    except UnicodeDecodeError as exc:
        raise ImportRefused(Msg("import.msg.cut_char"), file=name) from exc
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
                raise ImportRefused(Msg("import.msg.cut_char"), file=name) from exc
            text = data.decode("cp1252", errors="replace")  # Excel re-saves on Windows
    if text.startswith("\ufeff"):
        text = text[1:]
    sample = text[:8192]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise ImportRefused(Msg("import.msg.binary"), file=name)
    return text


def head_text(name: str, data: bytes, size: int = 65536) -> str:
    """The decoded start of a file, for cheap detection (a cut through a character is tolerated)."""
    if len(data) <= size:
        return decode(name, data)
    for cut in range(4):
        try:
            return decode(name, data[: size - cut])
        except ImportRefused as exc:
            if "cut off" not in str(exc):
                raise
    return decode(name, data[:size])


def tail_text(data: bytes, size: int = 4096) -> str:
    """The decoded end of a file (UTF-16 aware), for checks on its last line."""
    if data[:2] == b"\xff\xfe" or _looks_utf16le(data):
        start = max(2, len(data) - size)
        start += (start - (2 if data[:2] == b"\xff\xfe" else 0)) % 2
        return data[start:].decode("utf-16-le", errors="ignore")
    if data[:2] == b"\xfe\xff":
        start = max(2, len(data) - size)
        start += start % 2
        return data[start:].decode("utf-16-be", errors="ignore")
    return data[-size:].decode("utf-8", errors="ignore")


def _looks_utf16le(data: bytes) -> bool:
    head = data[:400]
    return len(head) >= 4 and head[1::2].count(0) > 0.4 * (len(head) // 2) and head[0::2].count(0) < 0.1 * (len(head) // 2)


def _looks_utf16be(data: bytes) -> bool:
    head = data[:400]
    return len(head) >= 4 and head[0::2].count(0) > 0.4 * (len(head) // 2) and head[1::2].count(0) < 0.1 * (len(head) // 2)


def lines_of(text: str, limit: int | None = None) -> list[str]:
    """The first `limit` lines (all when None), without line endings."""
    if limit is None:
        return text.splitlines()
    out = []
    start = 0
    for _ in range(limit):
        end = text.find("\n", start)
        if end < 0:
            if start < len(text):
                out.append(text[start:].rstrip("\r"))
            break
        out.append(text[start:end].rstrip("\r"))
        start = end + 1
    return out


def split_line(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter))
    except (StopIteration, csv.Error):
        return []


# --- header names ----------------------------------------------------------------------------------

_CURRENCY_IN_HEADER = re.compile(r"\(([A-Z]{3})\)\s*$")


def fold(name: object) -> str:
    """A header name folded for matching: case, accents-kept, spaces and punctuation removed.

    "Impr." → "impr", "Amount spent (NOK)" → "amountspent", "Konv.verdi" → "konvverdi".
    """
    s = unicodedata.normalize("NFKC", str(name)).strip()
    s = _CURRENCY_IN_HEADER.sub("", s)
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def header_currency(header: Iterable[object]) -> str | None:
    """The ISO code in a header like `Amount spent (NOK)`, if any."""
    for h in header:
        m = _CURRENCY_IN_HEADER.search(str(h).strip())
        if m:
            return m.group(1)
    return None


Aliases = Mapping[str, Sequence[str]]


def match_columns(header: Sequence[object], aliases: Aliases) -> dict[str, str]:
    """Map each canonical name to the header cell that carries it (first alias that is present wins)."""
    by_fold: dict[str, str] = {}
    for h in header:
        by_fold.setdefault(fold(h), str(h))
    out: dict[str, str] = {}
    for canon, names in aliases.items():
        for n in names:
            hit = by_fold.get(fold(n))
            if hit is not None:
                out[canon] = hit
                break
    return out


def _known(aliases: Aliases) -> frozenset[str]:
    return frozenset(fold(n) for names in aliases.values() for n in names)


# --- locating the table ----------------------------------------------------------------------------

@dataclass
class Table:
    """An export's table: the preamble above it, the header and the body (strings, or cell values from XLSX)."""

    file: str
    preamble: list[list[str]]
    header: list[str]
    header_line: int            # 1-based line (or sheet row) of the header
    body: pd.DataFrame          # one column per header cell, in order; row i sits on line header_line + 1 + i
    sheet: str | None = None
    columns: dict[str, str] = field(default_factory=dict)   # canonical name → header cell

    def line(self, index: int) -> int:
        return self.header_line + 1 + int(index)

    def col(self, canon: str) -> pd.Series:
        return self.body[self.columns[canon]]

    def has(self, canon: str) -> bool:
        return canon in self.columns


def locate_header(lines: Sequence[str], aliases: Aliases, *, min_hits: int = 2,
                  delimiters: str = ",\t;") -> tuple[int, str, list[str]] | None:
    """(index, delimiter, cells) of the line that carries the most known header names, or None."""
    known = _known(aliases)
    best: tuple[int, int, str, list[str]] | None = None
    for i, line in enumerate(lines[:HEADER_SCAN_LINES]):
        if not line.strip():
            continue
        for d in delimiters:
            if d not in line and d != delimiters[0]:
                continue
            cells = split_line(line, d)
            hits = len({fold(c) for c in cells} & known)
            if hits >= min_hits and (best is None or hits > best[0]):
                best = (hits, i, d, cells)
    if best is None:
        return None
    return best[1], best[2], best[3]


def _unique(header: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for h in header:
        h = str(h).strip()
        if h in seen:
            seen[h] += 1
            out.append(f"{h}.{seen[h]}")
        else:
            seen[h] = 0
            out.append(h)
    return out


def read_text_table(name: str, text: str, aliases: Aliases, *, min_hits: int = 2,
                    stop: re.Pattern[str] | None = None, short_ok: re.Pattern[str] | None = None,
                    only_known: Callable[[str], bool] | None = None) -> Table:
    """Locate the header in a CSV/TSV text and read the body below it as strings.

    `stop`, when given, ends the body at the first line matching it (e.g. a © footer).
    A last row with fewer cells than the header is refused as a cut-off file (unless it matches `short_ok`,
    e.g. Meta's single-cell "No data available." row). With `only_known`, the body holds just the first
    column, the columns named in `aliases` and those `only_known` accepts (less to read in big files).
    """
    head = lines_of(text, HEADER_SCAN_LINES)
    idx, delim, cells = _locate(name, head, aliases, min_hits)
    pos = 0
    for _ in range(idx):  # where line idx starts, without splitting the whole text
        pos = text.index("\n", pos) + 1
    body_text = text[pos:]
    if stop is not None:
        m = stop.search(body_text)
        if m:
            body_text = body_text[: m.start()]
    return _table(name, head, idx, delim, cells, aliases, body_text.encode("utf-8"), lambda: body_text,
                  short_ok, only_known)


def read_csv_table(name: str, data: bytes, aliases: Aliases, *, min_hits: int = 2,
                   short_ok: re.Pattern[str] | None = None,
                   only_known: Callable[[str], bool] | None = None) -> Table:
    """`read_text_table` straight from the file's bytes: a UTF-8 file is handed to the CSV reader without
    being decoded and re-encoded first (this matters for exports of a million rows)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_utf16le(data) or _looks_utf16be(data):
        return read_text_table(name, decode(name, data), aliases, min_hits=min_hits, short_ok=short_ok,
                               only_known=only_known)
    head_str = head_text(name, data)
    head = lines_of(head_str, HEADER_SCAN_LINES)
    idx, delim, cells = _locate(name, head, aliases, min_hits)
    pos = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    for _ in range(idx):
        pos = data.index(b"\n", pos) + 1
    body = memoryview(data)[pos:]
    try:
        return _table(name, head, idx, delim, cells, aliases, body, lambda: decode(name, bytes(body)),
                      short_ok, only_known)
    except _NotUtf8:
        return read_text_table(name, decode(name, data), aliases, min_hits=min_hits, short_ok=short_ok,
                               only_known=only_known)


class _NotUtf8(Exception):
    """The bytes are not UTF-8 (an Excel re-save in Windows-1252): read them through `decode` instead."""


def _locate(name: str, head: list[str], aliases: Aliases, min_hits: int) -> tuple[int, str, list[str]]:
    found = locate_header(head, aliases, min_hits=min_hits)
    if found is None:
        raise ImportRefused(Msg("import.msg.no_header"), file=name)
    return found


def _table(name: str, head: list[str], idx: int, delim: str, cells: list[str], aliases: Aliases,
           body: bytes | memoryview, body_text: Callable[[], str], short_ok: re.Pattern[str] | None,
           only_known: Callable[[str], bool] | None) -> Table:
    preamble = [split_line(ln, delim) if ln.strip() else [] for ln in head[:idx]]
    header = _unique(cells)
    _check_last_row(name, bytes(body[-65536:]).decode("utf-8", errors="replace"), delim, len(header), short_ok)
    include = None
    if only_known is not None:
        known = _known(aliases)
        include = [h for i, h in enumerate(header) if i == 0 or fold(h) in known or only_known(h)]
    frame = _drop_blank_rows(_read_body(name, body, body_text, delim, header, idx, include))
    table = Table(name, preamble, header, idx + 1, frame)
    table.columns = match_columns(header, aliases)
    return table


def _check_last_row(name: str, tail: str, delim: str, width: int, short_ok: re.Pattern[str] | None) -> None:
    """Refuse a file whose last row stops early: the download was cut off. `tail` is the end of the body."""
    tail = tail.rstrip("\r\n")
    last = tail[tail.rfind("\n") + 1:]
    if not last.strip() or "\n" not in tail:
        return
    cells = split_line(last, delim)
    if len(cells) < width and not (short_ok and short_ok.search(last)):
        raise ImportRefused(Msg("import.msg.short_row", got=len(cells), width=width), file=name)


def _read_body(name: str, body: bytes | memoryview, body_text: Callable[[], str], delim: str, header: list[str],
               header_index: int, include: list[str] | None = None) -> pd.DataFrame:
    """The rows under the header as string columns, read by pyarrow's multi-threaded CSV reader.

    A file the fast reader rejects (a row with the wrong number of cells) is read again by Python's csv
    module, which names the line of the bad row.
    """
    for newlines in (False, True):  # quoted line breaks (Search Console queries) need the slower mode
        try:
            table = pacsv.read_csv(
                pa.BufferReader(pa.py_buffer(body)),
                read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, block_size=1 << 24),
                parse_options=pacsv.ParseOptions(delimiter=delim, quote_char='"', double_quote=True,
                                                 newlines_in_values=newlines),
                convert_options=pacsv.ConvertOptions(column_types={h: pa.large_string() for h in header},
                                                     strings_can_be_null=False, quoted_strings_can_be_null=False,
                                                     include_columns=include),
            )
            return table.to_pandas()
        except pa.ArrowInvalid as exc:
            if "UTF8" in str(exc) or "utf8" in str(exc).lower() and "invalid" in str(exc).lower():
                raise _NotUtf8() from exc
            continue
    frame = _read_body_slow(name, body_text(), delim, header, header_index)
    return frame[include] if include is not None else frame


def _read_body_slow(name: str, body_text: str, delim: str, header: list[str], header_index: int) -> pd.DataFrame:
    """Python's csv reader, used only for files the fast reader rejects: tolerates a short single-cell row
    (Meta's "No data available."), and names the line of any other malformed row."""
    rows = []
    reader = csv.reader(io.StringIO(body_text), delimiter=delim)
    try:
        next(reader, None)
        for cells in reader:
            if not cells or all(not c.strip() for c in cells):
                continue
            if len(cells) > len(header) or (len(cells) < len(header) and len(cells) != 1):
                raise ImportRefused(Msg("import.msg.wide_row", got=len(cells), width=len(header)), file=name,
                                    line=header_index + reader.line_num)
            rows.append(cells + [""] * (len(header) - len(cells)))
    except csv.Error as exc:
        raise ImportRefused(Msg("import.msg.open_quote"), file=name, line=header_index + reader.line_num) from exc
    return pd.DataFrame(rows, columns=header, dtype=str) if rows else pd.DataFrame(columns=header, dtype=str)


def _drop_blank_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop rows whose cells are all empty (blank lines), keeping the index = line offset."""
    if frame.empty:
        return frame
    filled = np.zeros(len(frame), dtype=bool)
    for c in frame.columns:
        col = frame[c]
        filled |= (col.notna() & (col != "")).to_numpy()
    return frame[filled]


# --- XLSX ------------------------------------------------------------------------------------------

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


def _cell_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def read_rows_table(name: str, rows: list[list[object]], aliases: Aliases, *, min_hits: int = 2,
                    sheet: str | None = None) -> Table:
    """Locate the header among XLSX rows and build the body (cell values kept as they are)."""
    texts = ["\t".join(_cell_text(v) for v in r) for r in rows[:HEADER_SCAN_LINES]]
    found = locate_header(texts, aliases, min_hits=min_hits, delimiters="\t")
    if found is None:
        raise ImportRefused(Msg("import.msg.no_header_sheet", sheet=sheet) if sheet else Msg("import.msg.no_header"),
                            file=name)
    idx, _, _ = found
    header_cells = rows[idx]
    width = len(header_cells)
    while width and (header_cells[width - 1] is None or str(header_cells[width - 1]).strip() == ""):
        width -= 1
    header = _unique([_cell_text(v) for v in header_cells[:width]])
    body_rows = [list(r[:width]) + [None] * (width - len(r)) for r in rows[idx + 1:]]
    frame = pd.DataFrame(body_rows, columns=header, dtype=object) if body_rows else pd.DataFrame(columns=header, dtype=object)
    frame = frame.where(frame.notna(), "")
    for c in frame.columns:  # "--" and blank cells as empty strings, text trimmed like the CSV reader sees it
        col = frame[c]
        frame[c] = col.map(lambda v: v.strip() if isinstance(v, str) else v).astype(object)
    frame = _drop_blank_rows(frame)
    preamble = [[_cell_text(v) for v in r if v is not None] for r in rows[:idx]]
    table = Table(name, preamble, header, idx + 1, frame, sheet=sheet)
    table.columns = match_columns(header, aliases)
    return table


# --- numbers ---------------------------------------------------------------------------------------

_DOT_NUMBER = re.compile(r"-?(?:\d+|\d{1,3}(?:[, ]\d{3})+)(?:\.\d+)?")
_COMMA_NUMBER = re.compile(r"-?(?:\d+|\d{1,3}(?:[. ]\d{3})+)(?:,\d+)?")
_COMMA_EVIDENCE = r"\d,(?:\d{1,2}|\d{4,})%?$|\.\d{3},\d"
_DOT_EVIDENCE = r"\d\.(?:\d{1,2}|\d{4,})%?$|,\d{3}\.\d"


def _normalise_text(s: pd.Series) -> pd.Series:
    """Trim, fold the space family to ' ', map the Unicode minus to '-'."""
    s = s.astype(str).str.strip()
    for ch in "\u00a0\u202f\u2009\u2007":
        s = s.str.replace(ch, " ", regex=False)
    return s.str.replace("\u2212", "-", regex=False)


def decide_decimal(columns: Iterable[pd.Series], hint: str = ".") -> str:
    """',' or '.': the decimal separator of a file, decided once from the values of its number columns.

    "1,234.56", "12.5", "0.1234" say '.'; "1 234,56", "12,5", "1.234,56" say ','. A file whose values
    are all ambiguous ("1,234" or integers) keeps `hint` (',' for a file with Norwegian/European headers).
    """
    comma = dot = 0
    for s in columns:
        if s.dtype != object and not pd.api.types.is_string_dtype(s):
            continue
        sample = _normalise_text(pd.concat([s.head(20000), s.tail(2000)]))
        sample = sample[sample != ""]
        if sample.empty:
            continue
        comma += int(sample.str.contains(_COMMA_EVIDENCE).sum())
        dot += int(sample.str.contains(_DOT_EVIDENCE).sum())
    if comma > dot:
        return ","
    if dot > comma:
        return "."
    return hint


def arrow_strings(s: pd.Series) -> pa.Array | pa.ChunkedArray:
    """A string column as Arrow data (zero-copy for the CSV reader's columns, which stay chunked)."""
    if pd.api.types.is_string_dtype(s) and s.dtype != object:
        return pa.array(s)
    return pa.array([None if v is None else str(v) for v in s.to_numpy(dtype=object)], type=pa.string())


_SPECIAL = ("\u00a0", "\u202f", "\u2009", "\u2007", "\u2212")


def _has(arr: pa.Array, sub: str) -> bool:
    return bool(pc.any(pc.match_substring(arr, sub)).as_py())


def _clean(arr: pa.Array, empty: frozenset[str]) -> pa.Array:
    """Trimmed text with the space family as ' ', U+2212 as '-', and empty markers as null.

    Each replacement runs only when its character occurs (a presence check is ten times cheaper)."""
    for ch in _SPECIAL:
        if _has(arr, ch):
            arr = pc.replace_substring(arr, ch, "-" if ch == "\u2212" else " ")
    arr = pc.utf8_trim(arr, characters=" \t\r\n")
    variants = sorted(empty | {e.upper() for e in empty} | {e.title() for e in empty})
    is_empty = pc.fill_null(pc.is_in(arr, value_set=pa.array(variants, type=arr.type)), True)
    return pc.if_else(is_empty, pa.scalar(None, arr.type), arr)


def _first(mask: pa.Array) -> int:
    return int(np.flatnonzero(pc.fill_null(mask, False).to_numpy(zero_copy_only=False))[0])


def to_number(table: Table, column: str, *, decimal: str = ".", percent: bool = False,
              allow: Iterable[str] = ()) -> pd.Series:
    """A column as float64 (NaN where empty, ` --`, `-`).

    `percent=True` reads `2.81%` as 0.0281. Values in `allow` (e.g. `< 10%`) become NaN instead of
    refusing. Anything else that is not a number refuses the file, naming line and column. String
    columns are converted with Arrow compute kernels (no per-row Python).
    """
    s = table.body[column]
    if s.empty:
        return pd.Series([], dtype="float64", index=s.index)
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        return s.astype("float64")
    out = np.full(len(s), np.nan)
    todo = np.arange(len(s))
    if s.dtype == object:  # XLSX: cells that are already numbers
        isnum = s.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)).to_numpy(dtype=bool)
        out[isnum] = s[isnum].astype("float64").to_numpy()
        todo = np.flatnonzero(~isnum)
        if not len(todo):
            return pd.Series(out, index=s.index)
    raw = arrow_strings(s.iloc[todo]) if len(todo) < len(s) else arrow_strings(s)
    text = _clean(raw, EMPTY_MARKERS | {a.casefold() for a in allow})

    def refuse(pos: int, key: str) -> ImportRefused:
        i = s.index[todo[pos]]
        value = str(s[i]).strip()
        if value.startswith("="):
            key = "import.msg.formula"
        return ImportRefused(Msg(key, value=value), file=table.file, line=table.line(i), column=column)

    is_pct = pc.fill_null(pc.ends_with(text, "%"), False)
    if pc.any(is_pct).as_py():
        if not percent:
            raise refuse(_first(is_pct), "import.msg.percent")
        text = pc.if_else(is_pct, pc.utf8_rtrim(pc.utf8_slice_codeunits(text, 0, -1), characters=" "), text)
    values = None
    if decimal == "." and not _has(text, ","):
        try:  # fast path: plain numbers ("798.88", "22", "-3.5"); a failed cast is costly, hence the check
            values = pc.cast(text, pa.float64())
            if pc.any(pc.or_(pc.is_nan(values), pc.is_inf(values))).as_py():
                values = None
        except pa.ArrowInvalid:
            values = None
    if values is None:
        pattern = _DOT_NUMBER.pattern if decimal == "." else _COMMA_NUMBER.pattern
        ok = pc.match_substring_regex(text, f"^(?:{pattern})$")
        bad = pc.and_(pc.invert(pc.fill_null(ok, True)), pc.is_valid(text))
        if pc.any(bad).as_py():
            raise refuse(_first(bad), "import.msg.not_number")
        group = "," if decimal == "." else "."
        text = pc.replace_substring(pc.replace_substring(text, " ", ""), group, "")
        if decimal == ",":
            text = pc.replace_substring(text, ",", ".")
        values = pc.cast(text, pa.float64())
    arr = pc.fill_null(values, float("nan")).to_numpy(zero_copy_only=False).astype("float64")
    if percent:
        arr = np.where(is_pct.to_numpy(zero_copy_only=False), arr / 100.0, arr)
    out[todo] = arr
    return pd.Series(out, index=s.index)


def parse_number(text: str, decimal: str = ".") -> float:
    """One number written the way exports write it ("1 234,56", "1,234.56", "−5"); ValueError if it is not one."""
    s = _normalise_text(pd.Series([text], dtype=object)).iloc[0]
    pattern = _DOT_NUMBER if decimal == "." else _COMMA_NUMBER
    if not pattern.fullmatch(s):
        raise ValueError(f"not a number: {text!r}")
    group = "," if decimal == "." else "."
    s = s.replace(" ", "").replace(group, "")
    return float(s.replace(",", ".") if decimal == "," else s)


# --- dates -----------------------------------------------------------------------------------------

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "januar", "januari", "janvier", "janeiro", "enero", "jänner", "tammikuu"),
    2: ("february", "februar", "februari", "février", "fevereiro", "febrero"),
    3: ("march", "mars", "maart", "märz", "marzo", "março", "marts"),
    4: ("april", "avril", "abril"),
    5: ("may", "mai", "maj", "mei", "mayo", "maio"),
    6: ("june", "juni", "juin", "junio", "junho"),
    7: ("july", "juli", "juillet", "julio", "julho"),
    8: ("august", "augusti", "augustus", "août", "agosto"),
    9: ("september", "septembre", "septiembre", "setembro"),
    10: ("october", "oktober", "octobre", "octubre", "outubro"),
    11: ("november", "novembre", "noviembre", "novembro"),
    12: ("december", "desember", "dezember", "décembre", "diciembre", "dezembro"),
}
_MONTHS: dict[str, int] = {}
for _m, _names in _MONTH_NAMES.items():
    for _n in _names:
        _MONTHS[_n] = _m
        for k in (3, 4):
            _MONTHS.setdefault(_n[:k], _m)
_MONTHS.update({"sept": 9, "févr": 2, "juil": 7, "déc": 12, "dez": 12, "des": 12, "okt": 10, "mrt": 3, "mär": 3})

_WORD = r"[^\W\d_]+"
_DATE_PATTERNS = [
    # 2026-03-27, 2026/03/27
    (re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"), "ymd"),
    # March 27, 2026 / Mar 1, 2026
    (re.compile(rf"(?P<mon>{_WORD})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})"), "mdy_name"),
    # 27 January 2026 / 27. januar 2026 / 1. jan. 2026 / 1 de enero de 2026
    (re.compile(rf"(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<mon>{_WORD})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})"), "dmy_name"),
    # 9/21/2026 (M/D/Y, US) — day-first when the first number is above 12
    (re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})"), "slash"),
    # 24.11.2026, 23-9-2026 (D.M.Y, D-M-Y)
    (re.compile(r"(?P<d>\d{1,2})[.\-](?P<m>\d{1,2})[.\-](?P<y>\d{4})"), "dmy"),
    # 20260531
    (re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"), "compact"),
]


def _month(word: str) -> int | None:
    w = word.casefold().rstrip(".")
    return _MONTHS.get(w)


def find_dates(text: str, *, day_first: bool = False) -> list[date]:
    """Every date written in `text`, in order: "March 27, 2026 - April 23, 2026" → two dates."""
    found: list[tuple[int, int, date]] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            try:
                if kind in ("ymd", "dmy", "compact"):
                    d = date(int(m["y"]), int(m["m"]), int(m["d"]))
                elif kind in ("mdy_name", "dmy_name"):
                    mon = _month(m["mon"])
                    if mon is None:
                        continue
                    d = date(int(m["y"]), mon, int(m["d"]))
                else:  # slash
                    a, b = int(m["a"]), int(m["b"])
                    first_is_day = day_first or a > 12
                    d = date(int(m["y"]), b, a) if first_is_day else date(int(m["y"]), a, b)
            except ValueError:
                continue
            found.append((m.start(), m.end(), d))
            taken.append((m.start(), m.end()))
    return [d for _, _, d in sorted(found)]


def parse_date_range(text: str, *, day_first: bool = False) -> tuple[date, date] | None:
    """The (first, last) day of a range line such as `27 January 2026 - 23 February 2026`, or None."""
    ds = find_dates(text, day_first=day_first)
    if len(ds) == 2:
        a, b = ds
        return (a, b) if a <= b else (b, a)
    if len(ds) == 1:  # a one-day range is written as the day alone
        return ds[0], ds[0]
    return None


_COLUMN_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d",
                   "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%m/%d/%Y %H:%M",
                   "%d.%m.%Y %H:%M", "%Y-%m-%dT%H:%M:%S%z")


def to_dates(table: Table, column: str, *, day_first: bool = False, required: bool = True) -> pd.Series:
    """A date column as datetime64 days. Accepts ISO, YYYYMMDD, M/D/YYYY (D/M when day_first or
    evident), D.M.YYYY, date-times (the date part is kept), Excel serial numbers and XLSX date cells.
    Empty cells are NaT, or refuse the file when `required`."""
    s = table.body[column]
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    if s.empty:
        return out
    if pd.api.types.is_datetime64_any_dtype(s):
        out = s.dt.tz_localize(None) if getattr(s.dt, "tz", None) is not None else s
        return out.dt.normalize()
    if pd.api.types.is_numeric_dtype(s):
        s = s.astype(object)
    if s.dtype == object:  # XLSX cells: datetimes and serial numbers
        is_dt = s.map(lambda v: isinstance(v, (datetime, date))).to_numpy()
        if is_dt.any():
            out[is_dt] = pd.to_datetime(s[is_dt].map(lambda v: datetime(v.year, v.month, v.day)))
        is_num = s.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and 20000 < v < 80000).to_numpy()
        if is_num.any():
            out[is_num] = pd.Timestamp("1899-12-30") + pd.to_timedelta(s[is_num].astype(float).astype(int), unit="D")
        todo = ~(is_dt | is_num)
    else:
        todo = np.ones(len(s), dtype=bool)
    text = s[todo].astype(str).str.strip()
    empty = text.isin(EMPTY_MARKERS)
    text = text[~empty]
    if text.empty:
        return _require(out, table, column, required)
    fmt = _pick_format(text, day_first)
    if fmt is None:
        i = text.index[0]
        raise ImportRefused(Msg("import.msg.not_date", value=str(s[i])), file=table.file, line=table.line(i),
                            column=column)
    parsed = pd.to_datetime(text, format=fmt, errors="coerce")
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_localize(None)
    bad = parsed.isna()
    if bad.any():
        i = parsed.index[int(np.flatnonzero(bad.to_numpy())[0])]
        raise ImportRefused(Msg("import.msg.not_date", value=str(s[i])), file=table.file, line=table.line(i),
                            column=column)
    out[text.index] = parsed.dt.normalize()
    return _require(out, table, column, required)


def _require(out: pd.Series, table: Table, column: str, required: bool) -> pd.Series:
    if required and out.isna().any():
        i = out.index[int(np.flatnonzero(out.isna().to_numpy())[0])]
        raise ImportRefused(Msg("import.msg.no_date"), file=table.file, line=table.line(i), column=column)
    return out


def _pick_format(text: pd.Series, day_first: bool) -> str | None:
    sample = pd.concat([text.head(500), text.tail(50)])
    formats = list(_COLUMN_FORMATS)
    if day_first:
        formats.remove("%d/%m/%Y")
        formats.insert(2, "%d/%m/%Y")
    best, best_n = None, 0
    for fmt in formats:
        n = int(pd.to_datetime(sample, format=fmt, errors="coerce").notna().sum())
        if n == len(sample):
            return fmt
        if n > best_n:  # the format most cells follow; the others are reported as bad dates
            best, best_n = fmt, n
    return best


def iso(d: date | pd.Timestamp | None) -> str | None:
    if d is None or (isinstance(d, float) and np.isnan(d)):
        return None
    return (d.date() if isinstance(d, pd.Timestamp) else d).isoformat()


def as_date(x: pd.Timestamp | date) -> date:
    return x.date() if isinstance(x, pd.Timestamp) else x


def day_after(d: date, days: int = 1) -> date:
    return d + timedelta(days=days)
