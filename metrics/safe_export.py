"""Downloads that cannot hurt the person who opens them.

Two dangers when user-entered or file-derived text leaves the app:

* **Spreadsheet formulas** in CSV. Excel, LibreOffice and Google Sheets treat a cell that starts
  with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK("http://x","Hi")`,
  `=cmd|' /C calc'!A0`). `csv_cell` prefixes such text with a single quote, which every
  spreadsheet shows as plain text. Numbers are left alone (a real −12.5 stays a number).
  The same rule holds in XLSX (`to_xlsx_bytes`), where text is also always stored as text, never
  as a formula, and characters a workbook cannot hold are dropped.
* **Markdown/HTML injection** in a Markdown export. `md_escape` backslash-escapes every Markdown
  punctuation character and writes `<`, `>` and `&` as entities, so user text can never become a
  link (`[x](javascript:…)`), an image, raw HTML, a heading or a table cell break.
"""
from __future__ import annotations

import csv
import io
import math
import numbers
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timezone
from typing import Any

import numpy as np
import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Full-width forms some spreadsheet locales also accept as a formula start, and the line feed.
_EXTRA_PREFIXES = ("\uff1d", "\uff0b", "\uff0d", "\uff20", "\n")
# A plain negative number written as text is a number to a spreadsheet, not a formula, so it stays:
# '-12', '-12.5', '-12,5', '-1e-3'. Anything more ('-1+2', '-A1', '+47 22 33 44 55') gets the quote.
_PLAIN_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?")

# CommonMark's ASCII punctuation that can start or end Markdown syntax, plus `$` (math in
# Streamlit's Markdown) and `:` (so 'https://…' is not turned into a link). `<`, `>` and `&` are
# handled as HTML entities instead: '[a](b)' → '\[a\]\(b\)'.
_BREAKABLE_SPACE = re.compile(r"[^\S\u00a0\u202f]+")   # every run of white space but the no-break ones
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:])")


def csv_cell(value: Any) -> Any:
    """One cell made safe: text starting with = + - @ tab or CR gets a leading `'`.

    '=1+1' → "'=1+1"; '-5 kr' → "'-5 kr"; -5 (a number) → -5; None → ''.
    """
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, numbers.Number) and not isinstance(value, (bool, np.bool_)):
        return value
    text = str(value)
    if needs_quote(text):
        return "'" + text
    return text


def needs_quote(text: str) -> bool:
    """Would a spreadsheet read this text as a formula? '-5' no (a number), '-5+1' yes, ' =A1' yes."""
    if _PLAIN_NUMBER.fullmatch(text):
        return False
    stripped = text.lstrip(" \u00a0")
    return stripped.startswith(FORMULA_PREFIXES + _EXTRA_PREFIXES)


def csv_bytes(rows: Iterable[Sequence[Any]], header: Sequence[str] | None = None) -> bytes:
    """Rows (and an optional header) as UTF-8 CSV with a BOM (so Excel reads æøå), every cell safe."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if header is not None:
        writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def frame_csv(frame: pd.DataFrame) -> bytes:
    """A DataFrame as safe CSV bytes (see `csv_bytes`); column names are made safe too."""
    rows = frame.astype(object).where(frame.notna(), None).itertuples(index=False, name=None)
    return csv_bytes(rows, [str(c) for c in frame.columns])


def md_escape(text: Any) -> str:
    """User text as inert Markdown on one line.

    '[klikk](javascript:alert(1))' → '\\[klikk\\]\\(javascript:alert\\(1\\)\\)';
    '<b>x</b>' → '&lt;b&gt;x&lt;/b&gt;'; line breaks become spaces. None → ''. No-break spaces
    (U+00A0, U+202F: "1 405 kr" as Mandag formats it) are kept, so a number stays on one line.
    """
    if text is None:
        return ""
    s = str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return _BREAKABLE_SPACE.sub(" ", s).strip()


def markdown_escape(text: Any, *, inline: bool = True) -> str:
    """User text as inert Markdown (see `md_escape`).

    `inline=False` keeps the line breaks (each line escaped, joined by Markdown hard breaks),
    for notes shown as a paragraph: 'a\\n<b>' → 'a  \\n&lt;b&gt;'.
    """
    if inline:
        return md_escape(text)
    if text is None:
        return ""
    return "  \n".join(md_escape(line) for line in str(text).splitlines())


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """The one CSV download: UTF-8 with BOM, CRLF, RFC 4180 quoting, formulas neutralised."""
    return frame_csv(df)


def _xlsx_value(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        f = float(value)
        return f if math.isfinite(f) else None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return "'" + text if needs_quote(text) else text


def to_xlsx_bytes(df: pd.DataFrame, sheet: str = "Mandag") -> bytes:
    """One sheet with a header row; numbers stay numbers, text is always text (never a formula).

    Text that would start a formula gets the same leading `'` as in CSV. Timezone-aware times are
    written in UTC; NaN and infinities become empty cells.
    """
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=ILLEGAL_SHEET_CHARS.sub("_", sheet)[:31] or "Mandag")

    def row_of(values: Iterable[Any]) -> list[Any]:
        from openpyxl.cell import WriteOnlyCell

        out = []
        for v in values:
            cell = WriteOnlyCell(ws, value=_xlsx_value(v))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never 'f' (formula), whatever the text looks like
            out.append(cell)
        return out

    ws.append(row_of(str(c) for c in df.columns))
    for row in df.astype(object).where(df.notna(), None).itertuples(index=False, name=None):
        ws.append(row_of(row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


ILLEGAL_SHEET_CHARS = re.compile(r"[\\/*?:\[\]]")
