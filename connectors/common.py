"""Building blocks the ad-platform parsers share: canonical ad rows and the FileLoad around them."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from connectors import channels, sniff
from connectors.base import ImportRefused
from connectors.messages import Msg
from connectors.sniff import Table
from connectors.values import as_date
from warehouse.contract import COLUMNS
from warehouse.loader import FileLoad, Part, file_hash

# Words that start a totals row in the first cell: "Total: Campaigns", "Totalt:", "Total : compte".
# A plain string (not a compiled pattern) so pandas runs it in Arrow's regex engine, not per row in Python.
TOTAL_ROW = r"(?i)^\s*(?:total|totalt|totaal|gesamt|insgesamt|summe|totale|totaler)\b"
# Date-range lines that mean "no dates at all".
ALL_TIME = re.compile(r"^\s*(?:all time|hele perioden|all tid|gesamter zeitraum|toute la période|toda la historia|"
                      r"todo o período|hela perioden|hele perioden)\s*$", re.IGNORECASE)


def blank(s: pd.Series) -> np.ndarray:
    """True where a cell is empty or an export's empty marker (` --`, `-`)."""
    return text_column(s, ("", "--", "-", "—")).isna().to_numpy(dtype=bool)


def text_column(s: pd.Series, empty: tuple[str, ...] = ("", "--")) -> pd.Series:
    """A text column kept exactly as text (formula-looking cells included), trimmed, empty → missing.

    Stays an Arrow-backed string column (vectorised); XLSX cells are turned into text first.
    """
    arr = pc.utf8_trim(sniff.arrow_strings(s), characters=" \t\r\n")
    arr = pc.if_else(pc.fill_null(pc.is_in(arr, value_set=pa.array(empty, type=arr.type)), True),
                     pa.scalar(None, arr.type), arr)
    return pd.Series(pd.array(arr, dtype="str"), index=s.index)


def keep_rows(frame: pd.DataFrame, keep: np.ndarray, columns: list[str] | None = None) -> pd.DataFrame:
    """`frame[keep]` (optionally only `columns`); a slice without copying when only trailing rows go
    (the usual case: totals at the end of a million-row export)."""
    cols = columns if columns is not None else list(frame.columns)
    k = int(keep.sum())
    if keep[:k].all():
        return frame.iloc[:k][cols]
    return frame.loc[keep, cols]


def matches(s: pd.Series, pattern: str) -> np.ndarray:
    """Where a text column matches a regex (RE2 syntax, run by Arrow over the whole column)."""
    return pc.fill_null(pc.match_substring_regex(sniff.arrow_strings(s), pattern), False) \
        .to_numpy(zero_copy_only=False).astype(bool)


def ad_rows(*, source: str, account: str, index: pd.Index, campaign: pd.Series, campaign_type: pd.Series | None,
            start: pd.Series, end: pd.Series, currency: pd.Series | str | None, spend: pd.Series,
            impressions: pd.Series | None, clicks: pd.Series | None, conversions: pd.Series | None,
            conversion_value: pd.Series | None) -> pd.DataFrame:
    """Canonical ad_performance rows (contract columns, numbers filled with 0 where the export left them empty)."""
    zeros = pd.Series(0.0, index=index)
    ctype = text_column(campaign_type) if campaign_type is not None else pd.Series(None, index=index, dtype="str")
    frame = pd.DataFrame({
        "source": source,
        "account": account,
        "campaign": text_column(campaign),
        "campaign_type": ctype,
        "channel": channels.default_channels(source, ctype if campaign_type is not None else None, index),
        "period_start": start,
        "period_end": end,
        "currency": currency,
        "spend": spend.fillna(0).to_numpy(dtype="float64"),
        "impressions": np.rint((impressions if impressions is not None else zeros).fillna(0).to_numpy(dtype="float64")),
        "clicks": np.rint((clicks if clicks is not None else zeros).fillna(0).to_numpy(dtype="float64")),
        "conversions": (conversions if conversions is not None else zeros).fillna(0).to_numpy(dtype="float64"),
        "conversion_value": (conversion_value if conversion_value is not None else zeros).fillna(0).to_numpy(dtype="float64"),
    }, index=index)
    return frame[list(COLUMNS["ad_performance"])]


def require(table: Table, columns: dict[str, str]) -> None:
    """Refuse a file that lacks a column the parser cannot do without (canonical name → header to name)."""
    missing = [label for canon, label in columns.items() if not table.has(canon)]
    if missing:
        raise ImportRefused(Msg("import.msg.missing_column", column=missing[0]), file=table.file,
                            line=table.header_line)


def make_load(name: str, data: bytes, *, source: str, account: str, parts: Sequence[Part],
              currency: str | None, warnings: Sequence[str] = (), date_from: date | None = None,
              date_to: date | None = None) -> FileLoad:
    """The FileLoad for parsed parts; the date range defaults to the span of their periods."""
    frames = [p.frame for p in parts if len(p.frame)]
    if date_from is None or date_to is None:
        if not frames:
            raise ImportRefused(Msg("import.msg.no_rows"), file=name)
        lo = min(pd.Timestamp(f["period_start"].min()) for f in frames)
        hi = max(pd.Timestamp(f["period_end"].max()) for f in frames)
        date_from, date_to = date_from or as_date(lo), date_to or as_date(hi)
    return FileLoad(file_name=name, file_hash=file_hash(data), source=source, account=account or "",
                    date_from=date_from, date_to=date_to, parts=tuple(parts), currency=currency,
                    warnings=tuple(dict.fromkeys(warnings)))


def main_currency(table: Table, col: pd.Series | None, fallback: str | None,
                  warnings: list[str]) -> tuple[pd.Series | str | None, str | None]:
    """Per-row currency (from a currency column, else `fallback`) and the file's main currency."""
    if col is None:
        return fallback, fallback
    cur = text_column(col, ("", "--", "-")).str.upper()
    if fallback is not None:
        cur = cur.fillna(fallback)
    counts = cur.dropna().value_counts()
    if counts.empty:
        return fallback, fallback
    if len(counts) > 1:
        warnings.append(Msg("import.msg.mixed_currency", currencies=", ".join(counts.index)))
    return cur, str(counts.index[0])


def account(table: Table, name: str = "", from_file: re.Pattern[str] | None = None) -> str:
    """The account(s) in the file's account column (joined with ", "), else the first group of `from_file`
    matched against the file name (e.g. Meta's `<Account>-Campaigns-…`), else ""."""
    if table.has("account"):
        names = sorted(str(v) for v in pd.unique(text_column(table.col("account")).dropna()))
        if names:
            return ", ".join(names)
    m = from_file.match(name.rsplit("/", 1)[-1]) if from_file is not None else None
    return m.group(1).strip() if m else ""


def first_bad(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])
