"""Downloads that cannot hurt the person who opens them.

Two dangers when user-entered or file-derived text leaves the app:

* **Spreadsheet formulas** in CSV. Excel, LibreOffice and Google Sheets treat a cell that starts
  with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK("http://x","Hi")`,
  `=cmd|' /C calc'!A0`). `csv_cell` prefixes such text with a single quote, which every
  spreadsheet shows as plain text. Numbers are left alone (a real −12.5 stays a number).
* **Markdown/HTML injection** in a Markdown export. `md_escape` backslash-escapes every Markdown
  punctuation character and writes `<`, `>` and `&` as entities, so user text can never become a
  link (`[x](javascript:…)`), an image, raw HTML, a heading or a table cell break.
"""
from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# CommonMark's ASCII punctuation that can start or end Markdown syntax. `<`, `>` and `&` are
# handled as HTML entities instead: '[a](b)' → '\[a\]\(b\)'.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def csv_cell(value: Any) -> Any:
    """One cell made safe: text starting with = + - @ tab or CR gets a leading `'`.

    '=1+1' → "'=1+1"; '-5 kr' → "'-5 kr"; -5 (a number) → -5; None → ''.
    """
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


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
    '<b>x</b>' → '&lt;b&gt;x&lt;/b&gt;'; line breaks become spaces. None → ''.
    """
    if text is None:
        return ""
    s = str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return " ".join(s.split())
