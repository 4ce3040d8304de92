"""Meta (Facebook/Instagram) Ads Manager: "Export table data" as CSV or Excel.

Layout (FORMATS.md §2): the header is line 1 (multi-word names quoted), numbers are raw. The currency
is in a header name (`Amount spent (NOK)`) or an optional `Currency` column. With the Day breakdown
each row is one day (`Reporting starts` = `Reporting ends`, or a `Day` column); without it each row
is one block over its own Reporting starts–ends. An optional summary row (all names empty) is dropped.
An export with no delivery holds the single row `No data available.` and is refused.

Conversions count leads only: the `Leads` column when the export has one, else `Results` on rows
whose `Result indicator` is a lead action (`actions:lead`, `…lead_grouped`, `…fb_pixel_lead`).
Clicks are link clicks (`Clicks (all)` when link clicks are missing). Every row is Paid Social.
XLSX: the `Raw Data Report` sheet is read (the `Formatted Report` groups rows), else the first sheet.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from connectors import common, sniff, values, workbook
from connectors.base import ImportRefused
from connectors.messages import Msg
from connectors.sniff import Table
from warehouse.loader import FileLoad, Part

SOURCE = "meta"

ALIASES: dict[str, tuple[str, ...]] = {
    "starts": ("Reporting starts", "Rapportering starter", "Rapporteringen starter", "Rapporteringsstart",
               "Inicio del informe", "Début des rapports", "Berichtsbeginn", "Início dos relatórios"),
    "ends": ("Reporting ends", "Rapportering slutter", "Rapporteringen slutter", "Rapporteringsslutt",
             "Fin del informe", "Fin des rapports", "Berichtsende", "Término dos relatórios"),
    "day": ("Day", "Dag", "Día", "Jour", "Tag", "Dia"),
    "campaign": ("Campaign name", "Kampanjenavn", "Navn på kampanje", "Nombre de la campaña", "Nom de la campagne",
                 "Kampagnenname", "Nome da campanha"),
    "adset": ("Ad set name", "Navn på annonsesett", "Annonsesettnavn", "Nombre del conjunto de anuncios",
              "Nom de l’ensemble de publicités", "Nom de l'ensemble de publicités", "Anzeigengruppenname"),
    "ad": ("Ad name", "Annonsenavn", "Navn på annonse", "Nombre del anuncio", "Nom de la publicité", "Anzeigenname"),
    "account": ("Account name", "Kontonavn", "Navn på konto", "Nombre de la cuenta", "Nom du compte", "Kontoname"),
    "spend": ("Amount spent", "Beløp brukt", "Brukt beløp", "Forbrukt beløp", "Importe gastado", "Montant dépensé",
              "Ausgegebener Betrag", "Valor usado"),
    "impressions": ("Impressions", "Eksponeringer", "Visninger", "Impresiones", "Impressionen", "Impressões"),
    "link_clicks": ("Link clicks", "Klikk på lenke", "Lenkeklikk", "Klikk på lenker", "Clics en el enlace",
                    "Clics sur un lien", "Link-Klicks", "Cliques no link"),
    "clicks_all": ("Clicks (all)", "Klikk (alle)", "Clics (todos)", "Clics (tous)", "Klicks (alle)", "Cliques (todos)"),
    "results": ("Results", "Resultater", "Resultados", "Résultats", "Ergebnisse"),
    "indicator": ("Result indicator", "Resultatindikator", "Indicador de resultado", "Indicateur de résultat",
                  "Ergebnisindikator", "Indicador de resultados"),
    "leads": ("Leads", "Kundeemner", "Potensielle kunder", "Clientes potenciales", "Prospects", "Leads (formulaire)"),
    "value": ("Purchases conversion value", "Website purchases conversion value", "Purchase conversion value",
              "Konverteringsverdi for kjøp", "Valor de conversión de compras", "Valeur de conversion des achats"),
    "currency": ("Currency", "Valuta", "Divisa", "Devise", "Währung", "Moeda"),
    "reach": ("Reach", "Rekkevidde", "Alcance", "Couverture", "Reichweite"),
}
_SIGNATURE = frozenset(sniff.fold(n) for k in ("starts", "ends", "spend", "indicator") for n in ALIASES[k])
_LEAD_ACTION = re.compile(r"lead", re.IGNORECASE)
_NO_DATA = re.compile(r"^\W*(?:no data available|ingen data tilgjengelig|no hay datos disponibles|"
                      r"aucune donnée disponible|keine daten verfügbar)\.?\W*$", re.IGNORECASE)
# `<Account>-Campaigns-1-Sep-2024-30-Sep-2024.csv` (also -Ad-sets-, -Ads-); the account part may hold dashes.
_FILE_ACCOUNT = re.compile(r"^(?P<account>.+?)-(?:Campaigns|Ad-sets|Ads|Kampanjer|Annonsesett|Annonser)-", re.IGNORECASE)


def _header_ok(header: list[str]) -> bool:
    folded = {sniff.fold(h) for h in header}
    return len(folded & _SIGNATURE) >= 2 or (bool(folded & _SIGNATURE) and "resultindicator" in folded)


def detect(name: str, data: bytes) -> bool:
    try:
        if sniff.is_xlsx(data):
            return any(_header_ok([workbook.cell_text(v) for v in r])
                       for rows in workbook.xlsx_sheets(name, data).values() for r in rows[:10])
        if sniff.is_zip(data):
            return False
        text = sniff.head_text(name, data)
    except ImportRefused:
        return False
    found = sniff.locate_header(sniff.lines_of(text, 20), ALIASES, min_hits=2)
    return bool(found and _header_ok(found[2]))


def read_table(name: str, data: bytes) -> Table:
    if sniff.is_xlsx(data):
        sheets = workbook.xlsx_sheets(name, data)
        order = sorted(sheets, key=lambda s: 0 if sniff.fold(s) == "rawdatareport" else 1)
        if sniff.fold(order[0]) == "formattedreport":
            # Its rows are grouped (names only on a group's first row, "All" subtotals): no safe way to sum them.
            raise ImportRefused(Msg("import.msg.meta.formatted"), file=name)
        for sheet in order:
            try:
                return workbook.read_rows_table(name, sheets[sheet], ALIASES, sheet=sheet)
            except ImportRefused:
                continue
        raise ImportRefused(Msg("import.msg.no_sheet", what="Meta Ads"), file=name)
    return sniff.read_csv_table(name, data, ALIASES, short_ok=_NO_DATA)


def parse(name: str, data: bytes) -> FileLoad:
    table = read_table(name, data)
    first = table.body[table.header[0]].astype(str)
    if len(table.body) and first.str.match(_NO_DATA).all():
        raise ImportRefused(Msg("import.msg.meta.no_data"), file=name, line=table.line(table.body.index[0]))
    names = [k for k in ("campaign", "adset", "ad") if table.has(k)]
    if not names:
        raise ImportRefused(Msg("import.msg.meta.no_campaign"), file=name, line=table.header_line)
    if not table.has("spend"):
        raise ImportRefused(Msg("import.msg.meta.no_spend"), file=name, line=table.header_line)
    warnings: list[str] = []
    named = np.zeros(len(table.body), dtype=bool)
    for k in names:
        named |= ~common.blank(table.col(k))
    if not named.all():
        dropped = int((~named).sum())
        warnings.append(Msg("import.msg.meta.summary", n=dropped))
        table.body = table.body[named]
    if table.body.empty:
        raise ImportRefused(Msg("import.msg.no_campaign_rows"), file=name)

    measure_keys = [k for k in ("spend", "impressions", "link_clicks", "clicks_all", "results", "leads", "value")
                    if table.has(k)]
    decimal = values.decide_decimal((table.col(k) for k in measure_keys), hint=".")
    num = lambda key: values.to_number(table, table.columns[key], decimal=decimal) if table.has(key) else None  # noqa: E731

    conversions = _leads(table, num, warnings)
    clicks = num("link_clicks")
    if clicks is None:
        clicks = num("clicks_all")
        if clicks is not None:
            warnings.append(Msg("import.msg.meta.clicks_all"))
    start, end = _periods(table)

    fallback = sniff.header_currency([table.columns["spend"]])
    currency, main = common.main_currency(table, table.col("currency") if table.has("currency") else None,
                                          fallback, warnings)
    campaign_key = "campaign" if table.has("campaign") else names[0]
    if campaign_key != "campaign":
        warnings.append(Msg("import.msg.meta.no_campaign_names"))
    account = common.account(table, name, _FILE_ACCOUNT)
    frame = common.ad_rows(
        source=SOURCE, account=account, index=table.body.index, campaign=table.col(campaign_key), campaign_type=None,
        start=start, end=end, currency=currency, spend=num("spend"), impressions=num("impressions"), clicks=clicks,
        conversions=conversions, conversion_value=num("value"),
    )
    return common.make_load(name, data, source=SOURCE, account=account, parts=[Part("ad_performance", frame)],
                            currency=main, warnings=warnings)


def _leads(table: Table, num, warnings: list[str]) -> pd.Series:  # type: ignore[no-untyped-def]
    """Lead conversions per row (see module doc)."""
    if table.has("leads"):
        return num("leads").fillna(0)
    results = num("results")
    if results is None:
        warnings.append(Msg("import.msg.meta.no_results"))
        return pd.Series(0.0, index=table.body.index)
    if not table.has("indicator"):
        warnings.append(Msg("import.msg.meta.no_indicator"))
        return pd.Series(0.0, index=table.body.index)
    indicator = table.col("indicator").astype(str)
    is_lead = indicator.str.contains(_LEAD_ACTION).to_numpy()
    other = (~is_lead) & results.fillna(0).gt(0).to_numpy()
    if other.any():
        kinds = sorted(set(indicator[other].str.strip()))
        warnings.append(Msg("import.msg.meta.not_leads", kinds=", ".join(kinds[:5])))
    return results.where(is_lead, 0.0).fillna(0)


def _periods(table: Table) -> tuple[pd.Series, pd.Series]:
    if table.has("day"):
        days = values.to_dates(table, table.columns["day"])
        return days, days
    if not (table.has("starts") and table.has("ends")):
        raise ImportRefused(Msg("import.msg.meta.no_dates"), file=table.file, line=table.header_line)
    start = values.to_dates(table, table.columns["starts"])
    end = values.to_dates(table, table.columns["ends"])
    bad = (end < start).to_numpy()
    if bad.any():
        i = table.body.index[common.first_bad(bad)]
        raise ImportRefused(Msg("import.msg.meta.ends_before"), file=table.file, line=table.line(i),
                            column=table.columns["ends"])
    return start, end

