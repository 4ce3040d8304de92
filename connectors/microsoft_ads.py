"""Microsoft Advertising (Bing Ads) report downloads: CSV or TSV from the UI, or the API's report files.

Layout (FORMATS.md §4): a header block (`"Report Name: …"`, `"Report Time: 10/5/2017,10/11/2017"`,
`"Report Aggregation: Daily"`, `"Rows: 5"`), a blank line, the header, the rows, an optional `Total`
row, a blank line and the footer `"©2020 Microsoft Corporation. All rights reserved. "`. UI headers
are words (`Campaign name`, `Spend`), API headers PascalCase (`CampaignName`, `Spend`, `TimePeriod`).

Periods: a daily date column gives days; Weekly/Monthly aggregation gives 7-day or month blocks
(clipped to the report time); a summary report without dates is one block over the Report Time.
Channel: Paid Search (Audience campaigns: Display), see `connectors.channels`.
"""
from __future__ import annotations

import re
from datetime import date

import pandas as pd

from connectors import common, sniff, values
from connectors.base import ImportRefused
from connectors.messages import Msg
from connectors.sniff import Table
from warehouse.loader import FileLoad, Part

SOURCE = "microsoft_ads"

ALIASES: dict[str, tuple[str, ...]] = {
    "day": ("Gregorian date", "TimePeriod", "Date", "Day", "Dato", "Week", "Month", "Uke", "Måned"),
    "account": ("Account name", "AccountName", "Kontonavn"),
    "campaign": ("Campaign name", "CampaignName", "Kampanjenavn", "Campaign"),
    "campaign_type": ("Campaign type", "CampaignType", "Kampanjetype"),
    "spend": ("Spend", "Forbruk", "Kostnad", "Dépense", "Ausgaben"),
    "impressions": ("Impressions", "Visninger", "Impr."),
    "clicks": ("Clicks", "Klikk"),
    "conversions": ("Conversions", "Conv.", "Konverteringer", "AllConversions"),
    "value": ("Revenue", "Inntekt", "Conversion value", "AllRevenue"),
    "currency": ("Currency code", "CurrencyCode", "Currency", "Valutakode"),
}
_PREAMBLE = re.compile(r'^"?(?:report name|report time|time zone|report aggregation|rows)\s*:', re.IGNORECASE)
_FOOTER = re.compile(r'^\s*"?\s*©', re.MULTILINE)
_SIGNATURE = frozenset(sniff.fold(n) for n in ("Spend", "Gregorian date", "TimePeriod", "CampaignName", "Forbruk"))
_ENGLISH = frozenset(sniff.fold(n) for n in ("Spend", "Campaign name", "CampaignName"))


def detect(name: str, data: bytes) -> bool:
    head = sniff.head_lines(name, data, 20)
    if sum(1 for line in head[:12] if _PREAMBLE.match(line.strip())) >= 2:
        return True
    found = sniff.locate_header(head, ALIASES, min_hits=3)
    return bool(found and {sniff.fold(c) for c in found[2]} & _SIGNATURE
                and "spend" in {sniff.fold(c) for c in found[2]})


def _meta(table: Table) -> tuple[tuple[date, date] | None, str]:
    rng, aggregation = None, ""
    for row in table.preamble:
        line = ",".join(row).strip()
        key, _, value = line.partition(":")
        k = key.strip().casefold()
        if k == "report time":
            ds = values.find_dates(value)
            if len(ds) >= 2:
                rng = (min(ds), max(ds))
            elif len(ds) == 1:
                rng = (ds[0], ds[0])
        elif k == "report aggregation":
            aggregation = value.strip().casefold()
    return rng, aggregation


def parse(name: str, data: bytes) -> FileLoad:
    text = sniff.decode(name, data)
    table = sniff.read_text_table(name, text, ALIASES, min_hits=3, stop=_FOOTER)
    common.require(table, {"campaign": "Campaign name", "spend": "Spend"})
    warnings: list[str] = []
    totals = common.matches(table.body[table.header[0]], common.TOTAL_ROW) | \
        common.matches(table.col("campaign"), common.TOTAL_ROW)
    if table.has("day"):
        totals = totals | common.matches(table.col("day"), common.TOTAL_ROW)
    table.body = table.body[~totals & ~common.blank(table.col("campaign"))]
    if table.body.empty:
        raise ImportRefused(Msg("import.msg.ms.no_rows"), file=name)
    english = sniff.fold(table.columns["spend"]) in _ENGLISH
    measures = [k for k in ("spend", "impressions", "clicks", "conversions", "value") if table.has(k)]
    decimal = values.decide_decimal((table.col(k) for k in measures), hint="." if english else ",")
    num = lambda k: values.to_number(table, table.columns[k], decimal=decimal) if table.has(k) else None  # noqa: E731

    rng, aggregation = _meta(table)
    idx = table.body.index
    if table.has("day") and aggregation not in ("summary",):
        col = table.columns["day"]
        kind = "week" if ("week" in aggregation or sniff.fold(col) in ("week", "uke")) else \
            "month" if ("month" in aggregation or sniff.fold(col) in ("month", "måned")) else "day"
        starts = values.to_dates(table, col)
        if kind == "day":
            ends = starts
        else:
            ends = starts + (pd.Timedelta(days=6) if kind == "week" else pd.offsets.MonthEnd(0))
            if rng:
                starts, ends = starts.clip(lower=pd.Timestamp(rng[0])), ends.clip(upper=pd.Timestamp(rng[1]))
        lo, hi = values.as_date(starts.min()), values.as_date(ends.max())
        if rng:
            lo, hi = min(lo, rng[0]), max(hi, rng[1])
    else:
        if rng is None:
            raise ImportRefused(Msg("import.msg.ms.no_dates"), file=name)
        starts = pd.Series(pd.Timestamp(rng[0]), index=idx)
        ends = pd.Series(pd.Timestamp(rng[1]), index=idx)
        lo, hi = rng
        warnings.append(Msg("import.msg.block", start=lo.isoformat(), end=hi.isoformat(),
                            advice=Msg("import.msg.advice.ms_day")))
    currency, main = common.main_currency(table, table.col("currency") if table.has("currency") else None, None,
                                          warnings)
    account = common.account(table)
    frame = common.ad_rows(
        source=SOURCE, account=account, index=idx, campaign=table.col("campaign"),
        campaign_type=table.col("campaign_type") if table.has("campaign_type") else None,
        start=starts, end=ends, currency=currency, spend=num("spend"), impressions=num("impressions"),
        clicks=num("clicks"), conversions=num("conversions"), conversion_value=num("value"),
    )
    return common.make_load(name, data, source=SOURCE, account=account, parts=[Part("ad_performance", frame)],
                            currency=main, warnings=warnings, date_from=lo, date_to=hi)
