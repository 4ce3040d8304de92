"""Google Ads UI downloads: a report or table saved as CSV, "CSV (Excel)" or Excel (.xlsx).

Layout (FORMATS.md §1): line 1 the report title, line 2 the date range, then the header, the rows,
and `Total: …` rows at the end (never summed: each is a separate cumulative total). Empty cells are
` --`; counts are quoted with thousands separators (`"9,380"`); `Currency code` holds the ISO code.

Periods: a `Day` segment gives one row per day; a `Week` segment row is the 7-day block starting
that Monday (clipped to the report's range); a `Month` segment the calendar month (clipped); without
a segment every row is one block over the date range on line 2. A report for `All time` has no dates
and is refused. Campaign type is kept and mapped to a channel by `connectors.channels`.

Conversions: the `Conversions` column. Reports segmented by conversion action carry one column per
action (`<Action>_Conversions`); without a `Conversions` column their sum is used.
"""
from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd

from connectors import common, sniff, values, workbook
from connectors.base import ImportRefused
from connectors.messages import Msg
from connectors.sniff import Table
from warehouse.loader import FileLoad, Part

SOURCE = "google_ads"

ALIASES: dict[str, tuple[str, ...]] = {
    "campaign": ("Campaign", "Kampanje", "Campagne", "Kampagne", "Campanha", "Campaña", "Kampanj"),
    "campaign_type": ("Campaign type", "Kampanjetype", "Type de campagne", "Kampagnentyp", "Tipo de campanha",
                      "Tipo de campaña", "Kampanjtyp", "Advertising channel type"),
    "day": ("Day", "Dag", "Jour", "Tag", "Dia", "Día", "Date", "Dato"),
    "week": ("Week", "Uke", "Semaine", "Woche", "Semana", "Vecka", "Uge"),
    "month": ("Month", "Måned", "Mois", "Monat", "Mês", "Mes", "Månad"),
    "cost": ("Cost", "Kostnad", "Coût", "Kosten", "Custo", "Coste", "Omkostninger", "Pris"),
    "impressions": ("Impr.", "Impressions", "Visn.", "Visninger", "Impressionen", "Impressões", "Impresiones",
                    "Exponeringar", "Eksponeringer", "Visningar"),
    "clicks": ("Clicks", "Klikk", "Clics", "Klicks", "Cliques", "Klick", "Klik"),
    "conversions": ("Conversions", "Konverteringer", "Konversionen", "Conversões", "Conversiones", "Konverteringar"),
    "conversion_value": ("Conv. value", "Konv.verdi", "Konv. verdi", "Konverteringsverdi", "Valeur de conv.",
                         "Konv.-Wert", "Valor conv.", "Valor da conv.", "Konv.värde", "Konv. værdi", "Conversion value"),
    "currency": ("Currency code", "Valutakode", "Code de la devise", "Währungscode", "Código da moeda",
                 "Código de moneda", "Valutakod"),
    "account": ("Account", "Account name", "Kontonavn", "Konto", "Nom du compte", "Kontoname"),
}
# Headers only in English-speaking exports; a header in another language makes ',' the default decimal.
_ENGLISH = frozenset(sniff.fold(n) for n in ("Campaign", "Cost", "Impr.", "Impressions", "Clicks", "Conversions",
                                            "Conv. value", "Currency code", "Day", "Week", "Month", "Campaign type"))
# Reports whose rows leave out part of the spend: loading them would replace full campaign numbers.
_PARTIAL = {sniff.fold(n): n for n in ("Search term", "Søketerm", "Keyword", "Søkeord", "Search keyword",
                                       "Terme de recherche", "Suchbegriff")}
_SIGNATURE = frozenset(sniff.fold(n) for n in ALIASES["impressions"] + ALIASES["currency"]
                       + ALIASES["conversion_value"] + ("Interaction rate", "Avg. CPC", "Gj.sn. CPC", "Cost / conv.",
                                                        "Optimization score", "Optimisation score", "Bid strategy type",
                                                        "Search impr. share"))
_FOREIGN = frozenset(sniff.fold(n) for n in ("Reporting starts", "Amount spent", "Total Spent", "Spend",
                                             "Campaign name", "Result indicator", "Gregorian date"))
_ACTION_COLUMN = re.compile(r"^(?P<action>.+?)_(?:Conversions|Konverteringer|Konversionen)$", re.IGNORECASE)
_XLSX_MIN = 3


def _header_ok(header: list[str]) -> bool:
    folded = {sniff.fold(h) for h in header}
    has = lambda key: bool(folded & {sniff.fold(n) for n in ALIASES[key]})  # noqa: E731
    return (has("campaign") or has("day")) and has("cost") and bool(folded & _SIGNATURE) and not (folded & _FOREIGN)


def detect(name: str, data: bytes) -> bool:
    try:
        if sniff.is_xlsx(data):
            sheets = workbook.xlsx_sheets(name, data)
            for rows in sheets.values():
                texts = ["\t".join(workbook.cell_text(v) for v in r) for r in rows[:sniff.HEADER_SCAN_LINES]]
                found = sniff.locate_header(texts, ALIASES, min_hits=_XLSX_MIN, delimiters="\t")
                if found and _header_ok(found[2]):
                    return True
            return False
        if sniff.is_zip(data):
            return False
        text = sniff.head_text(name, data)
    except ImportRefused:
        return False
    found = sniff.locate_header(sniff.lines_of(text, sniff.HEADER_SCAN_LINES), ALIASES, min_hits=3)
    return bool(found and _header_ok(found[2]))


def read_table(name: str, data: bytes) -> Table:
    if sniff.is_xlsx(data):
        sheets = workbook.xlsx_sheets(name, data)
        for sheet, rows in sheets.items():
            try:
                return workbook.read_rows_table(name, rows, ALIASES, min_hits=_XLSX_MIN, sheet=sheet)
            except ImportRefused:
                continue
        raise ImportRefused(Msg("import.msg.no_sheet", what="Google Ads"), file=name)
    return sniff.read_csv_table(name, data, ALIASES, min_hits=3,
                                 only_known=lambda h: bool(_ACTION_COLUMN.match(h)))


def parse(name: str, data: bytes) -> FileLoad:
    table = read_table(name, data)
    partial = [_PARTIAL[f] for f in (sniff.fold(h) for h in table.header) if f in _PARTIAL]
    if partial:
        raise ImportRefused(Msg("import.msg.gads.partial", column=partial[0]), file=name, line=table.header_line)
    common.require(table, {"campaign": "Campaign", "cost": "Cost"})
    warnings: list[str] = []
    body = table.body
    # Totals rows start in the first column ("Total: Campaigns" under Campaign status or Day).
    totals = common.matches(body[table.header[0]], common.TOTAL_ROW)
    keep = ~totals & ~common.blank(table.col("campaign"))
    dropped_blank = int((~totals & common.blank(table.col("campaign"))).sum())
    if dropped_blank:
        warnings.append(Msg("import.msg.gads.blank_names", n=dropped_blank))
    if not totals.any():
        warnings.append(Msg("import.msg.gads.no_totals"))
    used = list(dict.fromkeys([table.header[0], *table.columns.values(),
                               *(h for h in table.header if _ACTION_COLUMN.match(h))]))
    table.body = common.keep_rows(body, keep, used)
    if table.body.empty:
        raise ImportRefused(Msg("import.msg.gads.only_totals"), file=name)

    english = all(sniff.fold(table.columns[k]) in _ENGLISH for k in ("campaign", "cost"))
    measure_cols = [table.columns[k] for k in ("cost", "impressions", "clicks", "conversions", "conversion_value")
                    if table.has(k)]
    decimal = values.decide_decimal((table.body[c] for c in measure_cols), hint="." if english else ",")
    num = lambda key: values.to_number(table, table.columns[key], decimal=decimal) if table.has(key) else None  # noqa: E731

    conversions = num("conversions")
    if conversions is None:
        actions = [h for h in table.header if _ACTION_COLUMN.match(h)]
        if actions:
            conversions = sum((values.to_number(table, h, decimal=decimal).fillna(0) for h in actions),
                              start=pd.Series(0.0, index=table.body.index))
            warnings.append(Msg("import.msg.gads.action_sum",
                                actions=", ".join(_ACTION_COLUMN.match(h)["action"] for h in actions)))

    start, end, rng = _periods(table, warnings)
    cur_col = table.col("currency") if table.has("currency") else None
    currency, main = common.main_currency(table, cur_col, None, warnings)
    if not table.has("campaign_type"):
        warnings.append(Msg("import.msg.gads.no_type"))
    account = common.account(table)
    frame = common.ad_rows(
        source=SOURCE, account=account, index=table.body.index, campaign=table.col("campaign"),
        campaign_type=table.col("campaign_type") if table.has("campaign_type") else None,
        start=start, end=end, currency=currency, spend=num("cost"), impressions=num("impressions"),
        clicks=num("clicks"), conversions=conversions, conversion_value=num("conversion_value"),
    )
    lo, hi = rng if rng else (None, None)
    return common.make_load(name, data, source=SOURCE, account=account, parts=[Part("ad_performance", frame)],
                            currency=main, warnings=warnings, date_from=lo, date_to=hi)


def _preamble_range(table: Table) -> tuple[tuple[date, date] | None, bool]:
    """The date range written above the header, and whether it says "All time"."""
    all_time = False
    for row in table.preamble:
        text = " ".join(c for c in row if c).strip()
        if not text:
            continue
        if common.ALL_TIME.match(text):
            all_time = True
            continue
        rng = values.parse_date_range(text)
        if rng:
            return rng, False
    return None, all_time


def _periods(table: Table, warnings: list[str]) -> tuple[pd.Series, pd.Series, tuple[date, date] | None]:
    rng, all_time = _preamble_range(table)
    idx = table.body.index
    if table.has("day"):
        days = values.to_dates(table, table.columns["day"])
        lo, hi = values.as_date(days.min()), values.as_date(days.max())
        if rng and (lo < rng[0] or hi > rng[1]):
            rng = (min(lo, rng[0]), max(hi, rng[1]))
        return days, days, rng or (lo, hi)
    for key, length in (("week", "week"), ("month", "month")):
        if table.has(key):
            starts = _block_starts(table, table.columns[key])
            if length == "week":
                ends = starts + pd.Timedelta(days=6)
            else:
                ends = starts + pd.offsets.MonthEnd(0)
            if rng:
                starts = starts.clip(lower=pd.Timestamp(rng[0]))
                ends = ends.clip(upper=pd.Timestamp(rng[1]))
            return starts, ends, rng or (values.as_date(starts.min()), values.as_date(ends.max()))
    if rng is None:
        if all_time:
            raise ImportRefused(Msg("import.msg.gads.all_time"), file=table.file, line=2)
        raise ImportRefused(Msg("import.msg.gads.no_dates"), file=table.file)
    if (rng[1] - rng[0]).days >= 7:
        warnings.append(Msg("import.msg.block", start=rng[0].isoformat(), end=rng[1].isoformat(),
                            advice=Msg("import.msg.advice.gads_day")))
    start = pd.Series(pd.Timestamp(rng[0]), index=idx)
    end = pd.Series(pd.Timestamp(rng[1]), index=idx)
    return start, end, rng


def _block_starts(table: Table, column: str) -> pd.Series:
    """Week/Month segment values ("2026-03-02", "Mar 2, 2026", "March 2026") as the block's first day."""
    s = table.body[column]
    mapping: dict[object, pd.Timestamp] = {}
    for v in pd.unique(s):
        text = str(v).strip()
        if isinstance(v, (date, pd.Timestamp)):
            mapping[v] = pd.Timestamp(v).normalize()
            continue
        ds = values.find_dates(text) or values.find_dates(f"1 {text}")
        if not ds:
            i = s.index[int(np.flatnonzero((s == v).to_numpy())[0])]
            raise ImportRefused(Msg("import.msg.not_date", value=text), file=table.file, line=table.line(i),
                                column=column)
        mapping[v] = pd.Timestamp(ds[0])
    return s.map(mapping).astype("datetime64[ns]")

