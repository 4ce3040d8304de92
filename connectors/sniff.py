"""Shared reading helpers for every export parser: bytes → text → a located table → typed columns.

What varies between exports, and is handled here once:

* encoding: UTF-8 (with or without BOM), UTF-16LE/BE ("CSV (Excel)" from Google Ads, LinkedIn),
  and Windows-1252 from an Excel re-save;
* delimiter: comma, tab or semicolon;
* a preamble (report title, date range, `#` comments) before the header row, which is found by
  matching known header names in several languages, never assumed to be line 1;
* XLSX workbooks and ZIP archives: `connectors.workbook`, on top of this module.

Bodies are read by pyarrow's CSV reader into string columns; `connectors.values` turns them into
numbers and dates. Everything that cannot be read raises `ImportRefused` naming the file (and line).
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
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


def head_lines(name: str, data: bytes, lines: int) -> list[str]:
    """The first lines of a text file, for a parser's `detect`; [] for an archive or a file that is not text."""
    if is_zip(data):
        return []
    try:
        return lines_of(head_text(name, data), lines)
    except ImportRefused:
        return []


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


def arrow_strings(s: pd.Series) -> pa.Array | pa.ChunkedArray:
    """A string column as Arrow data (zero-copy for the CSV reader's columns, which stay chunked)."""
    if pd.api.types.is_string_dtype(s) and s.dtype != object:
        return pa.array(s)
    return pa.array([None if v is None else str(v) for v in s.to_numpy(dtype=object)], type=pa.string())
