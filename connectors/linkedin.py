"""LinkedIn Campaign Manager: campaign or creative performance "Export" (CSV, usually UTF-16 tab).

Layout (FORMATS.md §3): a preamble (`Campaign Performance Report (in UTC)`, `Report Start: …`,
`Report End: …`, `Date Generated: …`), a blank line, the header, the rows. Dates are `M/D/YYYY` in
English and `D-M-YYYY` in Dutch; numbers follow the UI language (`"9,36"`). Headers are localised.

Periods: with a daily time breakdown each row is a day. Without it, every entity has one row dated at
the report start that holds the whole range: such rows become one block Report Start–Report End.
Monthly rows (all dated on the 1st) become month blocks clipped to the report range.
Conversions are `Leads` (lead-gen forms); when the export has no leads at all, `Conversions` (website
conversions) are used instead, with a warning. A conversion-breakdown export repeats the spend on
each conversion row and is refused. Every row is Paid Social.
"""
from __future__ import annotations

import re
from datetime import date

import pandas as pd

from connectors import common, sniff, values
from connectors.base import ImportRefused
from connectors.messages import Msg
from warehouse.loader import FileLoad, Part

SOURCE = "linkedin"

ALIASES: dict[str, tuple[str, ...]] = {
    "start": ("Start Date (in UTC)", "Begindatum (in UTC)", "Startdato (i UTC)", "Startdato (in UTC)", "Start Date",
              "Date de début (en UTC)", "Startdatum (in UTC)"),
    "account": ("Account Name", "Accountnaam", "Kontonavn", "Nom du compte", "Kontoname"),
    "currency": ("Currency", "Valuta", "Devise", "Währung"),
    "campaign": ("Campaign Name", "Campagnenaam", "Kampanjenavn", "Nom de la campagne", "Kampagnenname"),
    "campaign_type": ("Campaign Type", "Campagnetype", "Kampanjetype"),
    "spend": ("Total Spent", "Totaal besteed", "Totalt brukt", "Totalt forbruk", "Amount Spent", "Montant dépensé",
              "Ausgaben gesamt"),
    "impressions": ("Impressions", "Weergaven", "Visninger", "Eksponeringer", "Impressionen"),
    "clicks": ("Clicks", "Klikken", "Klikk", "Clics", "Klicks"),
    "leads": ("Leads", "Kundeemner"),
    "conversions": ("Conversions", "Conversies", "Konverteringer", "Konversionen"),
    "value": ("Total Conversion Value", "Totale conversiewaarde", "Total konverteringsverdi"),
    "conversion_name": ("Conversion Name", "Conversienaam", "Konverteringsnavn"),
}
_TITLE = re.compile(r"(?:performance report|advertentieprestaties|prestasjonsrapport|ytelsesrapport)", re.IGNORECASE)
_START = re.compile(r"^(?:report start|begindatum van rapport|rapportstart|startdato for rapport)", re.IGNORECASE)
_END = re.compile(r"^(?:report end|einddatum van rapport|rapportslutt|sluttdato for rapport)", re.IGNORECASE)
_ENGLISH = frozenset(sniff.fold(n) for n in ("Campaign Name", "Total Spent", "Start Date (in UTC)", "Impressions"))
_FILE_ACCOUNT = re.compile(r"^(?:campaign|creative|account)_(?P<id>\d+)", re.IGNORECASE)


def detect(name: str, data: bytes) -> bool:
    head = sniff.head_lines(name, data, 20)
    if not head:
        return False
    if _TITLE.search(head[0]) and any(_START.match(x.strip('"')) for x in head[1:5]):
        return True
    found = sniff.locate_header(head, ALIASES, min_hits=3)
    if not found:
        return False
    folded = {sniff.fold(c) for c in found[2]}
    return bool(folded & {sniff.fold(n) for n in ALIASES["spend"][:5]}) \
        and bool(folded & {sniff.fold(n) for n in ALIASES["start"]})


def _report_range(lines: list[str]) -> tuple[date | None, date | None]:
    start = end = None
    for raw in lines:
        line = raw.strip().strip('"')
        if _START.match(line):
            ds = values.find_dates(line.split(":", 1)[-1])
            start = ds[0] if ds else None
        elif _END.match(line):
            ds = values.find_dates(line.split(":", 1)[-1])
            end = ds[0] if ds else None
    return start, end


def parse(name: str, data: bytes) -> FileLoad:
    text = sniff.decode(name, data)
    head = sniff.lines_of(text, sniff.HEADER_SCAN_LINES)
    r_start, r_end = _report_range(head)
    if sniff.locate_header(head, ALIASES, min_hits=3) is None:
        if r_start:
            raise ImportRefused(Msg("import.msg.li.empty"), file=name)
        raise ImportRefused(Msg("import.msg.li.no_header"), file=name)
    table = sniff.read_text_table(name, text, ALIASES, min_hits=3)
    if table.has("conversion_name"):
        raise ImportRefused(Msg("import.msg.li.by_conversion"), file=name, line=table.header_line)
    common.require(table, {"campaign": "Campaign Name", "spend": "Total Spent", "start": "Start Date (in UTC)"})
    warnings: list[str] = []
    keep = ~common.blank(table.col("campaign"))
    table.body = table.body[keep]
    if table.body.empty:
        raise ImportRefused(Msg("import.msg.no_campaign_rows"), file=name)
    english = sniff.fold(table.columns["spend"]) in _ENGLISH
    measures = [k for k in ("spend", "impressions", "clicks", "leads", "conversions", "value") if table.has(k)]
    decimal = values.decide_decimal((table.col(k) for k in measures), hint="." if english else ",")
    num = lambda k: values.to_number(table, table.columns[k], decimal=decimal) if table.has(k) else None  # noqa: E731

    day_first = not english
    days = values.to_dates(table, table.columns["start"], day_first=day_first)
    start, end, lo, hi = _periods(days, r_start, r_end, warnings)

    conversions = num("leads")
    if (conversions is None or conversions.fillna(0).sum() == 0) and table.has("conversions"):
        conversions = num("conversions")
        warnings.append(Msg("import.msg.li.conversions"))
    currency, main = common.main_currency(table, table.col("currency") if table.has("currency") else None, None,
                                          warnings)
    account = common.account(table, name, _FILE_ACCOUNT)
    frame = common.ad_rows(
        source=SOURCE, account=account, index=table.body.index, campaign=table.col("campaign"),
        campaign_type=table.col("campaign_type") if table.has("campaign_type") else None,
        start=start, end=end, currency=currency, spend=num("spend"), impressions=num("impressions"),
        clicks=num("clicks"), conversions=conversions, conversion_value=num("value"),
    )
    return common.make_load(name, data, source=SOURCE, account=account, parts=[Part("ad_performance", frame)],
                            currency=main, warnings=warnings, date_from=lo, date_to=hi)


def _periods(days: pd.Series, r_start: date | None, r_end: date | None,
             warnings: list[str]) -> tuple[pd.Series, pd.Series, date, date]:
    distinct = pd.Series(days.unique()).sort_values()
    lo, hi = values.as_date(distinct.iloc[0]), values.as_date(distinct.iloc[-1])
    if r_start and r_end and r_end > r_start and len(distinct) == 1 and lo == r_start:
        # One row per entity dated at the report start: an aggregate over the whole range.
        warnings.append(Msg("import.msg.block", start=r_start.isoformat(), end=r_end.isoformat(),
                            advice=Msg("import.msg.advice.linkedin_day")))
        s = pd.Series(pd.Timestamp(r_start), index=days.index)
        return s, pd.Series(pd.Timestamp(r_end), index=days.index), r_start, r_end
    monthly = len(distinct) > 1 and all(d.day == 1 or values.as_date(d) == r_start for d in distinct) \
        and distinct.diff().dropna().min() >= pd.Timedelta(days=28)
    if monthly:
        ends = days + pd.offsets.MonthEnd(0)
        if r_end:
            ends = ends.clip(upper=pd.Timestamp(r_end))
        return days, ends, r_start or lo, r_end or values.as_date(ends.max())
    return days, days, min(lo, r_start) if r_start else lo, max(hi, r_end) if r_end else hi

