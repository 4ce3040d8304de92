"""CRM deals: HubSpot and Pipedrive deal exports, and Mandag's own template → crm_deals.

The template (docs/importing.md) is a CSV with the header
`deal_id,created_date,won_date,stage,source,channel,campaign,value,currency` (optionally `qualified`
with yes/no): one row per lead or deal, `won_date` empty unless it became a customer.

HubSpot (`Record ID, Deal Name, Deal Stage, Amount, Close Date, Create Date, …`): a deal counts as won
on its Close Date when its stage is a won stage ("Closed won", "Lukket vunnet"). Pipedrive
(`Deal - ID, Deal - Title, Deal - Value, Deal - Currency of value, Deal - Status, Deal - Won time,
Deal - Deal created`): won when the status is "won", on the won time. Each deal's period is its
created date, so a re-export of the same months replaces those deals exactly.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from connectors import sniff, values
from connectors.base import ImportRefused
from connectors.messages import Msg
from connectors.common import make_load, text_column
from warehouse.contract import COLUMNS
from warehouse.loader import FileLoad, Part

SOURCE = "crm"

ALIASES: dict[str, tuple[str, ...]] = {
    "deal_id": ("deal_id", "Record ID", "Deal - ID", "Avtale - ID", "Deal ID", "Obchod - ID"),
    "name": ("Deal Name", "Deal - Title", "Avtale - Tittel", "Avtalenavn", "Obchod - Název"),
    "created": ("created_date", "Create Date", "Deal - Deal created", "Deal - Add time", "Avtale - Opprettet",
                "Avtale - Lagt til", "Opprettet dato", "Obchod - Vytvořeno"),
    "won_date": ("won_date", "Deal - Won time", "Avtale - Vunnet tidspunkt", "Avtale - Tidspunkt vunnet"),
    "close_date": ("Close Date", "Lukkedato", "Deal - Expected close date"),
    "stage": ("stage", "Deal Stage", "Deal - Stage", "Avtalefase", "Avtale - Fase", "Obchod - Fáze"),
    "status": ("Deal - Status", "Avtale - Status", "Obchod - Stav"),
    "source": ("source", "Original Source", "Original Traffic Source", "Deal - Source", "Deal - Source origin",
               "Avtale - Kilde", "Opprinnelig kilde"),
    "channel": ("channel", "Deal - Source channel", "Avtale - Kildekanal", "Kanal"),
    "campaign": ("campaign", "Original Source Drill-Down 2", "Deal - Campaign", "UTM Campaign", "Kampanje"),
    "value": ("value", "Amount", "Deal - Value", "Avtale - Verdi", "Beløp", "Obchod - Hodnota"),
    "currency": ("currency", "Currency", "Deal - Currency of value", "Deal - Currency", "Avtale - Valuta for verdi",
                 "Valuta", "Deal Currency Code"),
    "qualified": ("qualified", "is_qualified"),
}
_TEMPLATE = frozenset(("dealid", "createddate", "wondate", "stage", "source", "channel", "campaign", "value", "currency"))
_WON_STAGE = re.compile(r"closed\s*won|closedwon|lukket\s*vunnet|vunnet|\bwon\b", re.IGNORECASE)
# HubSpot "Original Source" values (and GA4 names used as sources) → GA4 channel names.
_SOURCE_CHANNEL = {
    "paid search": "Paid Search", "organic search": "Organic Search", "direct traffic": "Direct", "direct": "Direct",
    "paid social": "Paid Social", "social media": "Organic Social", "organic social": "Organic Social",
    "email marketing": "Email", "email": "Email", "referrals": "Referral", "referral": "Referral",
    "display": "Display", "ai referrals": "Referral",
}
_YES = frozenset({"1", "true", "yes", "ja", "y", "x"})


def _system(header: list[str]) -> str | None:
    folded = {sniff.fold(h) for h in header}
    if len(folded & _TEMPLATE) >= 4 and "dealid" in folded and "createddate" in folded:
        return "template"
    if "recordid" in folded and ("dealstage" in folded or "dealname" in folded):
        return "HubSpot"
    if any(f.startswith(("deal", "avtale", "obchod")) and f.endswith(("id", "title", "tittel")) for f in folded) \
            and sum(f.startswith(("deal", "avtale", "obchod")) for f in folded) >= 3:
        return "Pipedrive"
    return None


def detect(name: str, data: bytes) -> bool:
    head = sniff.head_lines(name, data, 5)
    found = sniff.locate_header(head, ALIASES, min_hits=3)
    return bool(found and _system(found[2]))


def parse(name: str, data: bytes) -> FileLoad:
    table = sniff.read_csv_table(name, data, ALIASES, min_hits=3)
    system = _system(table.header)
    if system is None:
        raise ImportRefused(Msg("import.msg.crm.unknown"), file=name, line=table.header_line)
    for key in ("deal_id", "created"):
        if not table.has(key):
            raise ImportRefused(Msg("import.msg.crm.no_column", column=ALIASES[key][0]), file=name,
                                line=table.header_line)
    warnings: list[str] = []
    ids = text_column(table.col("deal_id"))
    if ids.isna().any():
        i = table.body.index[int(np.flatnonzero(ids.isna().to_numpy())[0])]
        raise ImportRefused(Msg("import.msg.crm.no_id"), file=name, line=table.line(i), column=table.columns["deal_id"])
    dup = ids.duplicated()
    if dup.any():
        i = table.body.index[int(np.flatnonzero(dup.to_numpy())[0])]
        raise ImportRefused(Msg("import.msg.crm.duplicate", id=str(ids[i])), file=name, line=table.line(i),
                            column=table.columns["deal_id"])
    created = values.to_dates(table, table.columns["created"], day_first=True)
    idx = table.body.index
    stage = text_column(table.col("stage")) if table.has("stage") else pd.Series(None, index=idx, dtype=object)
    if table.has("won_date"):
        won = values.to_dates(table, table.columns["won_date"], day_first=True, required=False)
        if table.has("status"):
            won = won.where(table.col("status").astype(str).str.strip().str.casefold() == "won")
    elif table.has("close_date"):
        close = values.to_dates(table, table.columns["close_date"], day_first=True, required=False)
        won = close.where(stage.fillna("").astype(str).str.contains(_WON_STAGE))
    else:
        won = pd.Series(pd.NaT, index=idx, dtype="datetime64[ns]")
        warnings.append(Msg("import.msg.crm.no_won"))
    value = None
    if table.has("value"):
        decimal = values.decide_decimal([table.col("value")], hint=".")
        value = values.to_number(table, table.columns["value"], decimal=decimal)
    currency = text_column(table.col("currency")).str.upper() if table.has("currency") else None
    main = None
    if currency is not None and currency.notna().any():
        main = str(currency.value_counts().index[0])
    qualified = (table.col("qualified").astype(str).str.strip().str.casefold().isin(_YES)
                 if table.has("qualified") else pd.Series(True, index=idx))
    account = "" if system == "template" else system
    text = lambda k: text_column(table.col(k)).to_numpy(dtype=object) if table.has(k) else None  # noqa: E731
    frame = pd.DataFrame({
        "account": account, "deal_id": ids.to_numpy(dtype=object), "created_date": created.to_numpy(),
        "won_date": won.to_numpy(), "stage": stage.to_numpy(dtype=object), "source": text("source"),
        "channel": text("channel"), "campaign": text("campaign"),
        "value": value.to_numpy() if value is not None else np.nan,
        "currency": currency.to_numpy(dtype=object) if currency is not None else None,
        "is_qualified": qualified.to_numpy(dtype=bool), "period_start": created.to_numpy(),
        "period_end": created.to_numpy(),
    }, index=idx)[list(COLUMNS["crm_deals"])]
    if not table.has("channel") and table.has("source"):
        frame["channel"] = text_column(table.col("source")).str.casefold().map(_SOURCE_CHANNEL).to_numpy(dtype=object)
    if not table.has("channel") and not table.has("source"):
        warnings.append(Msg("import.msg.crm.no_source"))
    return make_load(name, data, source=SOURCE, account=account, parts=[Part("crm_deals", frame)], currency=main,
                     warnings=warnings)


def template_csv() -> str:
    """The documented template header plus one example row."""
    return ("deal_id,created_date,won_date,stage,source,channel,campaign,value,currency\n"
            "D-1001,2026-03-02,2026-03-20,won,google,Paid Search,Søk – Generisk,25000,NOK\n")

