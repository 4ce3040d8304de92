"""Google Search Console: Performance → Export as ZIP (CSV files), Excel (.xlsx), or the ZIP's single CSVs.

Layout (FORMATS.md §7): `Dates.csv` (older) or `Chart.csv` (newer) holds one row per day — or per hour
under a `Time (UTC+03:00)` header — and `Queries.csv`, `Pages.csv`, `Countries.csv`, `Devices.csv`,
`Search appearance.csv` one row per value over the whole range; `Filters.csv` says the search type
and the date range. CTR is a percent in CSV (`64.37%`) and a fraction in XLSX; Mandag does not store
it (clicks ÷ impressions gives it back). File and header names are localised, so each member is
recognised by its header, not its name.

Loads: the chart rows into `search_daily` (hours summed into days, position weighted by impressions),
and Queries/Pages/Countries/Devices into `search_rows` as blocks over the export's date range, one
dimension per row (the others NULL). A lone Queries/Pages/Countries/Devices CSV has no dates and is
refused with a pointer to the ZIP.

Account = the property: `https___www.example.no_-Performance-on-Search-2025-04-21.zip` →
`https://www.example.no/`, `sc-domain_example.no-Performance-on-Search-…` → `sc-domain:example.no`;
else the site of the first page in Pages; else empty (with a warning).
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from connectors import sniff, values, workbook
from connectors.base import ImportRefused
from connectors.messages import Msg
from connectors.common import make_load
from connectors.sniff import Table
from warehouse.contract import COLUMNS
from warehouse.loader import FileLoad, Part

SOURCE = "search_console"

KINDS: dict[str, tuple[str, ...]] = {
    "query": ("Top queries", "Query", "Queries", "Populære søk", "Mest populære søk", "Søk", "Søkeord",
              "Häufigste Suchanfragen", "Suchanfrage", "Requêtes les plus fréquentes", "Requête",
              "Vanligaste sökfrågorna", "Nejčastější dotazy", "Topforespørgsler"),
    "page": ("Top pages", "Page", "Pages", "Populære sider", "Mest populære sider", "Side", "Sider",
             "Häufigste Seiten", "Seite", "Pages les plus populaires", "Vanligaste sidorna", "Topsider"),
    "country": ("Country", "Land", "Pays", "Countries", "Länder"),
    "device": ("Device", "Enhet", "Enheter", "Gerät", "Appareil", "Enhed"),
    "appearance": ("Search Appearance", "Search appearance", "Søkeutseende", "Visning i søk", "Darstellung in der Suche",
                   "Apparence dans les résultats de recherche"),
    "date": ("Date", "Dato", "Datum", "Dates"),
    "filter": ("Filter", "Filtre", "Filtrer"),
}
METRICS: dict[str, tuple[str, ...]] = {
    "clicks": ("Clicks", "Klikk", "Klicks", "Clics", "Klik", "Kliknutí", "Klick"),
    "impressions": ("Impressions", "Visninger", "Impressionen", "Eksponeringer", "Zobrazení", "Exponeringar",
                    "Visningar"),
    "ctr": ("CTR", "Klikkfrekvens", "Klickrate", "Klikrate", "Klickfrekvens"),
    "position": ("Position", "Plassering", "Posisjon", "Placering", "Pozice", "Genomsnittlig position"),
}
_TIME_HEADER = re.compile(r"^(?:time|tid|zeit|heure)\s*\(utc", re.IGNORECASE)
_ZIP_NAME = re.compile(r"^(?P<site>.+?)-Performance-on-Search-(?P<day>\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_ROW_KINDS = ("query", "page", "country", "device")
_RELATIVE = re.compile(r"^(?:last|siste|letzte|derniers?|senaste)\b", re.IGNORECASE)


def _kind_of(header: list[str]) -> str | None:
    if not header:
        return None
    first = sniff.fold(header[0])
    if _TIME_HEADER.match(header[0].strip()):
        return "time"
    for kind, names in KINDS.items():
        if first in {sniff.fold(n) for n in names}:
            rest = {sniff.fold(h) for h in header[1:]}
            if kind == "filter" or rest & {sniff.fold(n) for n in METRICS["clicks"] + METRICS["impressions"]}:
                return kind
    return None


def _csv_header(name: str, data: bytes) -> list[str] | None:
    try:
        first = sniff.lines_of(sniff.head_text(name, data, 8192), 1)
    except ImportRefused:
        return None
    if not first:
        return None
    for d in ",;\t":
        cells = sniff.split_line(first[0], d)
        if len(cells) >= 2:
            return cells
    return None


def member_kind(name: str, data: bytes) -> str | None:
    """What one CSV of a Search Console export holds (date, time, query, page, …, filter), or None."""
    if sniff.is_zip(data):
        return None
    return _kind_of(_csv_header(name, data) or [])


def bundle(files: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    """Single CSVs of one export, uploaded together, packed back into one ZIP so they load as one export."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in sorted(files):  # fixed order and time: the same files give the same bytes (and hash)
            zf.writestr(zipfile.ZipInfo(name.rsplit("/", 1)[-1], date_time=(1980, 1, 1, 0, 0, 0)), data)
    return " + ".join(sorted(n.rsplit("/", 1)[-1] for n, _ in files)), buf.getvalue()


def _zip_members(name: str, data: bytes) -> dict[str, bytes]:
    zf = workbook.check_zip(name, data)
    out = {}
    for info in zf.infolist():
        if info.is_dir() or info.filename.startswith("__MACOSX/") or not info.filename.casefold().endswith(".csv"):
            continue
        out[info.filename.rsplit("/", 1)[-1]] = workbook.read_zip_member(name, zf, info.filename)
    return out


def detect(name: str, data: bytes) -> bool:
    try:
        if sniff.is_xlsx(data):
            sheets = workbook.xlsx_sheets(name, data)
            kinds = {_kind_of([workbook.cell_text(v) for v in rows[0]]) for rows in sheets.values() if rows}
            return bool(kinds & {"date", "time", "query", "page"}) and len(kinds - {None}) >= 2
        if sniff.is_zip(data):
            members = _zip_members(name, data)
            kinds = {_kind_of(_csv_header(m, d) or []) for m, d in members.items()}
            return bool(kinds & {"date", "time", "query", "page", "country", "device"})
    except ImportRefused:
        return False
    kind = _kind_of(_csv_header(name, data) or [])
    return kind in ("date", "time", "query", "page", "country", "device", "appearance") or \
        (kind == "filter" and b"Search type" in data[:2000])


def _tables(name: str, data: bytes) -> dict[str, Table]:
    """The export's tables by kind (query, page, country, device, date/time, filter, appearance)."""
    aliases = {**KINDS, **METRICS}
    found: dict[str, Table] = {}
    if sniff.is_xlsx(data):
        for sheet, rows in workbook.xlsx_sheets(name, data).items():
            if not rows:
                continue
            kind = _kind_of([workbook.cell_text(v) for v in rows[0]])
            if kind:
                t = workbook.read_rows_table(f"{name} ({sheet})", rows, {"_": [workbook.cell_text(rows[0][0])], **aliases},
                                          min_hits=1, sheet=sheet)
                found.setdefault(kind, t)
        return found
    if sniff.is_zip(data):
        members = _zip_members(name, data)
    else:
        members = {name: data}
    for member, content in members.items():
        header = _csv_header(member, content)
        kind = _kind_of(header or [])
        if not kind:
            continue
        label = member if member == name else f"{name} ({member})"
        text = sniff.decode(label, content)
        found.setdefault(kind, sniff.read_text_table(label, text, {"_": [header[0]], **aliases}, min_hits=1))
    return found


def _filters(table: Table | None) -> tuple[tuple[date, date] | None, str | None, list[str], str | None]:
    """(date range if explicit, search type, other filters, property) from Filters.csv."""
    if table is None or len(table.header) < 2:
        return None, None, [], None
    rng, search_type, others, prop = None, None, [], None
    for key, value in zip(table.body[table.header[0]].astype(str), table.body[table.header[1]].astype(str)):
        k, v = key.strip().casefold(), value.strip()
        if k in ("date", "dato", "datum", "période"):
            if not _RELATIVE.match(v):
                rng = values.parse_date_range(v)
        elif k in ("search type", "søketype", "suchtyp", "type de recherche", "söktyp"):
            search_type = v
        elif k in ("property", "eiendom", "område", "property-name", "site"):
            prop = v
        elif v:
            others.append(f"{key.strip()}: {v}")
    return rng, search_type, others, prop


def _account(name: str, tables: dict[str, Table], prop: str | None, warnings: list[str]) -> str:
    if prop:
        return prop
    m = _ZIP_NAME.match(name.rsplit("/", 1)[-1])
    if m:
        site = m["site"]
        if site.startswith("sc-domain_"):
            return "sc-domain:" + site[len("sc-domain_"):]
        if site.startswith(("https___", "http___")):
            scheme, rest = site.split("___", 1)
            return f"{scheme}://" + rest.replace("_", "/")
        return site
    pages = tables.get("page")
    if pages is not None and len(pages.body):
        url = urlsplit(str(pages.body[pages.header[0]].iloc[0]).strip())
        if url.scheme and url.netloc:
            warnings.append(Msg("import.msg.gsc.property_from_pages", site=f"{url.scheme}://{url.netloc}/"))
            return f"{url.scheme}://{url.netloc}/"
    warnings.append(Msg("import.msg.gsc.no_property"))
    return ""


def _metric(table: Table, key: str, decimal: str, **kw: object) -> pd.Series:
    col = sniff.match_columns(table.header, {key: METRICS[key]}).get(key)
    if col is None:
        if key == "position":
            return pd.Series(np.nan, index=table.body.index)
        raise ImportRefused(Msg("import.msg.gsc.no_metric", column=METRICS[key][0]), file=table.file,
                            line=table.header_line)
    return values.to_number(table, col, decimal=decimal, **kw)  # type: ignore[arg-type]


def _decimal(tables: dict[str, Table]) -> str:
    cols = []
    english = True
    for t in tables.values():
        for key in ("position", "clicks", "impressions"):
            col = sniff.match_columns(t.header, {key: METRICS[key]}).get(key)
            if col is not None:
                cols.append(t.body[col])
                english &= sniff.fold(col) == sniff.fold(METRICS[key][0])
    return values.decide_decimal(cols, hint="." if english else ",")


def _daily(table: Table, kind: str, decimal: str, account: str, warnings: list[str]) -> pd.DataFrame:
    days = values.to_dates(table, table.header[0])
    clicks = _metric(table, "clicks", decimal).fillna(0)
    impr = _metric(table, "impressions", decimal).fillna(0)
    pos = _metric(table, "position", decimal)
    frame = pd.DataFrame({"day": days, "clicks": clicks, "impressions": impr, "wpos": pos * impr,
                          "wimpr": impr.where(pos.notna(), 0)})
    if kind == "time" or days.duplicated().any():
        if kind == "time":
            warnings.append(Msg("import.msg.gsc.hourly", header=table.header[0].strip()))
        frame = frame.groupby("day", as_index=False).sum()
    position = (frame["wpos"] / frame["wimpr"].where(frame["wimpr"] > 0)).to_numpy()
    out = pd.DataFrame({"account": account, "period_start": frame["day"].to_numpy(),
                        "period_end": frame["day"].to_numpy(), "clicks": frame["clicks"].round().to_numpy(),
                        "impressions": frame["impressions"].round().to_numpy(), "position": position})
    return out[list(COLUMNS["search_daily"])]


def _rows(table: Table, kind: str, decimal: str, account: str, lo: date, hi: date) -> pd.DataFrame:
    values = table.body[table.header[0]].map(lambda v: "" if v is None else str(v)).astype(object)
    n = len(values)
    out = pd.DataFrame({
        "account": [account] * n, "period_start": [pd.Timestamp(lo)] * n, "period_end": [pd.Timestamp(hi)] * n,
        "query": None, "page": None, "country": None, "device": None,
        "clicks": _metric(table, "clicks", decimal).fillna(0).round().to_numpy(),
        "impressions": _metric(table, "impressions", decimal).fillna(0).round().to_numpy(),
        "position": _metric(table, "position", decimal).to_numpy(),
    })
    out[kind] = values.to_numpy()
    return out[list(COLUMNS["search_rows"])]


def parse(name: str, data: bytes) -> FileLoad:
    tables = _tables(name, data)
    if not tables:
        raise ImportRefused(Msg("import.msg.gsc.no_table"), file=name)
    warnings: list[str] = []
    rng, search_type, others, prop = _filters(tables.get("filter"))
    if search_type and sniff.fold(search_type) not in ("web", "nett"):
        warnings.append(Msg("import.msg.gsc.search_type", kind=search_type))
    if others:
        warnings.append(Msg("import.msg.gsc.filtered", filters="; ".join(others)))
    account = _account(name, tables, prop, warnings)
    decimal = _decimal(tables)
    parts: list[Part] = []
    chart_kind = "date" if "date" in tables else "time" if "time" in tables else None
    if chart_kind:
        daily = _daily(tables[chart_kind], chart_kind, decimal, account, warnings)
        if len(daily):
            parts.append(Part("search_daily", daily))
            lo, hi = values.as_date(daily["period_start"].min()), values.as_date(daily["period_end"].max())
            rng = (min(rng[0], lo), max(rng[1], hi)) if rng else (lo, hi)
    row_kinds = [k for k in _ROW_KINDS if k in tables]
    if row_kinds:
        if rng is None:
            raise ImportRefused(Msg("import.msg.gsc.no_dates"), file=name)
        for k in row_kinds:
            parts.append(Part("search_rows", _rows(tables[k], k, decimal, account, rng[0], rng[1])))
        q = tables.get("query")
        if q is not None and len(q.body) >= 1000:
            warnings.append(Msg("import.msg.gsc.capped"))
    if not parts or rng is None:
        raise ImportRefused(Msg("import.msg.gsc.nothing"), file=name)
    return make_load(name, data, source=SOURCE, account=account, parts=parts, currency=None, warnings=warnings,
                     date_from=rng[0], date_to=rng[1])
