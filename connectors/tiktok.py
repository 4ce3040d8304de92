"""TikTok Ads Manager exports (XLSX or CSV).

Layout (FORMATS.md §5): header on the first row (`By Day`, `Campaign name`, `Cost`, `Impressions`,
`Clicks (destination)`, `Conversions`, `Results`, `Result type`, `Currency`), the last row a grand
total `Total of N results` that is dropped. Without a `By Day` column the export has no dates; the
range is then taken from two dates in the file name, else the file is refused.
Conversions: `Conversions`; without it, `Results` whose `Result type` is a lead/form result.
Every row is Paid Social.
"""
from __future__ import annotations

import re

import pandas as pd

from connectors import common, sniff, values, workbook
from connectors.base import ImportRefused
from connectors.messages import Msg
from connectors.sniff import Table
from warehouse.loader import FileLoad, Part

SOURCE = "tiktok"

ALIASES: dict[str, tuple[str, ...]] = {
    "day": ("By Day", "Date", "Day", "Dag", "Per dag", "일별", "Stat time day"),
    "campaign": ("Campaign name", "Kampanjenavn", "캠페인 이름", "Campaign"),
    "adgroup": ("Ad group name", "Annonsegruppenavn", "광고 그룹 이름"),
    "spend": ("Cost", "Total cost", "Kostnad", "비용", "Spend"),
    "impressions": ("Impressions", "Visninger", "Eksponeringer", "노출수"),
    "clicks": ("Clicks (destination)", "Clicks", "Klikk (destinasjon)", "Klikk", "클릭수(목적지)"),
    "conversions": ("Conversions", "Konverteringer", "전환수"),
    "results": ("Results", "Resultater", "결과"),
    "result_type": ("Result type", "Resultattype", "결과 유형"),
    "value": ("Total complete payment value", "Complete payment value", "Total purchase value", "Purchase value"),
    "currency": ("Currency", "Valuta", "통화"),
    "account": ("Advertiser name", "Account name", "Annonsørnavn"),
}
_TOTAL = re.compile(r"^\s*total of \d[\d,. ]* results?\b", re.IGNORECASE)
_SIGNATURE = frozenset(sniff.fold(n) for n in ("By Day", "Clicks (destination)", "Ad group name", "Primary status",
                                               "CPC (destination)", "CTR (destination)", "일별", "클릭수(목적지)",
                                               "Total complete payment value"))
_FORBIDDEN = frozenset(sniff.fold(n) for n in ("Reporting starts", "Amount spent", "Result indicator", "Spend",
                                               "Total Spent"))
_LEAD = re.compile(r"lead|form|skjema|kundeemne", re.IGNORECASE)


def _ok(cells: list[str], extra: bool = False) -> bool:
    folded = {sniff.fold(c) for c in cells}
    has = lambda k: bool(folded & {sniff.fold(n) for n in ALIASES[k]})  # noqa: E731
    return has("campaign") and has("spend") and (bool(folded & _SIGNATURE) or extra) and not folded & _FORBIDDEN \
        and "campaign" not in folded  # Google Ads says "Campaign"; TikTok "Campaign name"


def detect(name: str, data: bytes) -> bool:
    try:
        if sniff.is_xlsx(data):
            for rows in workbook.xlsx_sheets(name, data).values():
                if rows and _ok([workbook.cell_text(v) for v in rows[0]],
                                extra=bool(rows and _TOTAL.match(workbook.cell_text(rows[-1][0] if rows[-1] else "")))):
                    return True
            return False
        if sniff.is_zip(data):
            return False
        head = sniff.lines_of(sniff.head_text(name, data), 5)
    except ImportRefused:
        return False
    found = sniff.locate_header(head, ALIASES, min_hits=3)
    tail = sniff.tail_text(data).rstrip().rsplit("\n", 1)[-1].strip().strip('"')
    return bool(found and _ok(found[2], extra=bool(_TOTAL.match(tail))))


def read_table(name: str, data: bytes) -> Table:
    if sniff.is_xlsx(data):
        for sheet, rows in workbook.xlsx_sheets(name, data).items():
            try:
                return workbook.read_rows_table(name, rows, ALIASES, min_hits=3, sheet=sheet)
            except ImportRefused:
                continue
        raise ImportRefused(Msg("import.msg.no_sheet", what="TikTok Ads"), file=name)
    return sniff.read_csv_table(name, data, ALIASES, min_hits=3)


def parse(name: str, data: bytes) -> FileLoad:
    table = read_table(name, data)
    common.require(table, {"campaign": "Campaign name", "spend": "Cost"})
    warnings: list[str] = []
    first = table.body[table.header[0]].astype(str)
    total = first.str.contains(_TOTAL).to_numpy() | table.col("campaign").astype(str).str.contains(_TOTAL).to_numpy()
    table.body = table.body[~total & ~common.blank(table.col("campaign"))]
    if table.body.empty:
        raise ImportRefused(Msg("import.msg.no_campaign_rows"), file=name)
    measures = [k for k in ("spend", "impressions", "clicks", "conversions", "results", "value") if table.has(k)]
    decimal = values.decide_decimal((table.col(k) for k in measures), hint=".")
    num = lambda k: values.to_number(table, table.columns[k], decimal=decimal) if table.has(k) else None  # noqa: E731
    idx = table.body.index
    if table.has("day"):
        start = end = values.to_dates(table, table.columns["day"])
        lo = hi = None
    else:
        ds = values.find_dates(name)
        if len(ds) < 2:
            raise ImportRefused(Msg("import.msg.tt.no_dates"), file=name, line=table.header_line)
        lo, hi = min(ds[:2]), max(ds[:2])
        start = pd.Series(pd.Timestamp(lo), index=idx)
        end = pd.Series(pd.Timestamp(hi), index=idx)
        warnings.append(Msg("import.msg.block", start=lo.isoformat(), end=hi.isoformat(),
                            advice=Msg("import.msg.advice.tiktok_day")))
    conversions = num("conversions")
    if conversions is None and table.has("results"):
        if table.has("result_type"):
            is_lead = table.col("result_type").astype(str).str.contains(_LEAD).to_numpy()
            conversions = num("results").where(is_lead, 0.0)
        else:
            warnings.append(Msg("import.msg.tt.no_result_type"))
    currency, main = common.main_currency(table, table.col("currency") if table.has("currency") else None, None,
                                          warnings)
    account = common.account(table)
    frame = common.ad_rows(
        source=SOURCE, account=account, index=idx, campaign=table.col("campaign"), campaign_type=None,
        start=start, end=end, currency=currency, spend=num("spend"), impressions=num("impressions"),
        clicks=num("clicks"), conversions=conversions, conversion_value=num("value"),
    )
    return common.make_load(name, data, source=SOURCE, account=account, parts=[Part("ad_performance", frame)],
                            currency=main, warnings=warnings, date_from=lo, date_to=hi)
