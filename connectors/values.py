"""Locale numbers and dates in export columns, vectorised with Arrow compute kernels (no per-row Python).

* numbers: `1 234,56` (space or no-break space), `1,234.56`, `"9,380"`, `1.234,56`, `−5`, ` --` (empty);
  the decimal separator is decided once per file (`decide_decimal`);
* dates: `YYYY-MM-DD`, `YYYYMMDD`, `M/D/YYYY`, `D.M.YYYY`, `D-M-YYYY`, Excel serials and XLSX date cells,
  and range lines such as `March 27, 2026 - April 23, 2026` or `27. januar 2026 - 23. februar 2026`.

A value that is neither refuses the file with `ImportRefused` naming file, line and column.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from connectors.base import ImportRefused
from connectors.messages import Msg
from connectors.sniff import EMPTY_MARKERS, Table, arrow_strings

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


_SPECIAL = ("\u00a0", "\u202f", "\u2009", "\u2007", "\u2212")


def _has(arr: pa.Array, sub: str) -> bool:
    return bool(pc.any(pc.match_substring(arr, sub)).as_py())


def _clean(arr: pa.Array, empty: frozenset[str]) -> pa.Array:
    """Trimmed text with the space family as ' ', U+2212 as '-', and empty markers as null.

    Each replacement runs only when its character occurs (a presence check is ten times cheaper
    than a replacement), and none is looked for in all-ASCII text (the common case; that check is
    ten times cheaper again)."""
    if not bool(pc.all(pc.string_is_ascii(arr)).as_py()):
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


def as_date(x: pd.Timestamp | date) -> date:
    return x.date() if isinstance(x, pd.Timestamp) else x
