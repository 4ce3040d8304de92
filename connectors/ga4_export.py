"""Google Analytics 4 UI downloads ("Share → Download file → CSV") and exploration exports → web_analytics.

Layout (FORMATS.md §6): a `#` comment block (`# Account:`, `# Property:`, `# Start date: 20250101`,
`# End date: 20251231`; Norwegian `# Konto:`, `# Område:`, `# Startdato:`, `# Sluttdato:`), then the
header and rows. A Reports snapshot holds several such tables separated by blank lines. An
exploration export has `# <Property>`, `# <Exploration>-<Tab>`, `# 20241122-20260120`, a blank line,
the header and a grand-total row (first cell empty, trailing cell `Grand total`).

What is loaded:
* a table by channel group (session or first-user scope), source / medium or campaign, with or without
  a `Date` (YYYYMMDD) or `Nth day` dimension: one row per day (or one block over the file's range) and
  dimension value. Rates are not loaded; `Conversions` (older files) is read as key events.
* an exploration by another dimension (pages, events, …): only its grand-total row, as one block for
  the whole site (`channel_group` "(all)"), because rows of such tables do not add up (a session
  visits many pages).
* a standard report by another dimension without a total (Events, Pages) is refused with a sentence
  that names the report to download instead.
"""
from __future__ import annotations

import csv
import re
from datetime import date

import pandas as pd

from connectors import channels, sniff, values
from connectors.base import ImportRefused
from connectors.messages import Msg
from connectors.common import make_load
from connectors.sniff import Table
from warehouse.contract import COLUMNS
from warehouse.loader import FileLoad, Part

SOURCE = "ga4"

DIMENSIONS: dict[str, tuple[str, ...]] = {
    "date": ("Date", "Dato", "Date de début", "Datum"),
    "nth_day": ("Nth day", "N-te dag", "Ne jour"),
    "channel": ("Session primary channel group (Default Channel Group)", "Session default channel group",
                "Session primary channel group", "Default channel group", "Primary channel group (Default Channel Group)",
                "Primær kanalgruppe for økt (Standard kanalgruppe)", "Standard kanalgruppe for økt",
                "Standard kanalgruppe", "Groupe de canaux par défaut de la session"),
    "first_channel": ("First user primary channel group (Default Channel Group)", "First user default channel group",
                      "Standard kanalgruppe for første bruker",
                      "Primær kanalgruppe for første bruker (Standard kanalgruppe)"),
    "source_medium": ("Session source / medium", "Source / medium", "Økt – kilde/medium", "Kilde/medium",
                      "First user source / medium"),
    "source": ("Session source", "Source", "Kilde", "First user source"),
    "medium": ("Session medium", "Medium", "First user medium"),
    "campaign": ("Session campaign", "Campaign", "Kampanje", "Session campaign name", "First user campaign",
                 "Kampanje for første bruker", "Økt-kampanje"),
}
METRICS: dict[str, tuple[str, ...]] = {
    "sessions": ("Sessions", "Økter", "Sitzungen"),
    "engaged_sessions": ("Engaged sessions", "Engasjerte økter"),
    "users": ("Total users", "Users", "Active users", "Totalt antall brukere", "Brukere", "Aktive brukere",
              "New users", "Nye brukere"),
    "key_events": ("Key events", "Conversions", "Nøkkelhendelser", "Konverteringer", "Événements clés"),
    "revenue": ("Total revenue", "Revenue", "Purchase revenue", "Total inntekt", "Totale inntekter", "Inntekt"),
    "purchases": ("Ecommerce purchases", "Purchases", "Transactions", "Kjøp", "Netthandelskjøp"),
}
ALIASES = {**DIMENSIONS, **METRICS}
_CUSTOM_CHANNEL = re.compile(r"(?:channel group|kanalgruppe)", re.IGNORECASE)
_COMMENT_KEY = re.compile(r"^#\s*(?P<key>[^:]+?)\s*:\s*(?P<value>.*)$")
_START_KEYS = ("start date", "startdato", "date de début", "startdatum", "fecha de inicio")
_END_KEYS = ("end date", "sluttdato", "date de fin", "enddatum", "fecha de finalización")
_PROPERTY_KEYS = ("property", "område", "propriété", "property-name", "eigenschaft", "propiedad")
_GRAND_TOTAL = re.compile(r"^(?P<cells>.*),(?:Grand total|Totalsum|Totalt|Total général|Gesamtsumme)\s*$",
                          re.MULTILINE | re.IGNORECASE)


def detect(name: str, data: bytes) -> bool:
    head = sniff.head_lines(name, data, 12)
    if not head or not head[0].startswith("#"):
        return False
    comments = [ln for ln in head if ln.startswith("#")]
    keys = {m["key"].strip().casefold() for ln in comments if (m := _COMMENT_KEY.match(ln))}
    if keys & set(_START_KEYS + _PROPERTY_KEYS + ("account", "konto")):
        return True
    # Exploration: "# ----", "# <Property>", "# <Exploration>-<Tab>", "# 20241122-20260120"
    return any(re.fullmatch(r"#\s*\d{8}\s*-\s*\d{8}\s*", ln) for ln in comments)


def _blocks(text: str) -> list[str]:
    """Split a download into its tables: a new block starts at a `#` line after a blank line."""
    parts = re.split(r"\n[ \t]*\n(?=#)", text.replace("\r\n", "\n"))
    return [p for p in parts if p.strip()]


def _block_meta(block: str) -> dict[str, object]:
    meta: dict[str, object] = {}
    plain: list[str] = []
    for line in block.split("\n"):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line[1:].strip()
        if not body or set(body) <= set("-"):
            continue
        m = _COMMENT_KEY.match(line)
        key = m["key"].strip().casefold() if m else ""
        if key in _START_KEYS:
            ds = values.find_dates(m["value"])
            meta["start"] = ds[0] if ds else None
        elif key in _END_KEYS:
            ds = values.find_dates(m["value"])
            meta["end"] = ds[0] if ds else None
        elif key in _PROPERTY_KEYS:
            meta["property"] = m["value"].strip()
        elif key in ("account", "konto", "compte"):
            meta["account"] = m["value"].strip()
        elif re.fullmatch(r"\d{8}\s*-\s*\d{8}", body):
            rng = values.parse_date_range(body)
            if rng:
                meta["start"], meta["end"] = rng
        else:
            plain.append(body)
    if plain and "property" not in meta and "account" not in meta and "start" in meta:
        meta["property"] = plain[0]  # exploration: the first comment line names the property
    meta["title"] = plain[0] if plain else ""
    return meta


def _table(name: str, block: str, offset: int) -> tuple[Table | None, list[str] | None]:
    """The block's table (header found by GA4 names), and the grand-total cells if it has them."""
    grand = None
    m = _GRAND_TOTAL.search(block)
    if m:
        grand = next(csv.reader([m["cells"]]))
        block = block[: m.start()] + block[m.end() + 1:]
    try:
        table = sniff.read_text_table(name, block, ALIASES, min_hits=1)
    except ImportRefused:
        return None, grand
    table.header_line += offset
    if "channel" not in table.columns and "first_channel" not in table.columns:
        custom = [h for h in table.header if _CUSTOM_CHANNEL.search(h)]
        if custom:
            table.columns["channel"] = custom[0]
    return table, grand


def _score(table: Table) -> int:
    c = table.columns
    has_dim = any(k in c for k in ("channel", "first_channel", "source_medium", "source", "medium", "campaign"))
    if not has_dim or not any(k in c for k in METRICS):
        return 0
    return (8 if "channel" in c else 4 if "first_channel" in c else 2) + (4 if "sessions" in c else 0) \
        + (2 if ("date" in c or "nth_day" in c) else 0) + (1 if "key_events" in c else 0)


def parse(name: str, data: bytes) -> FileLoad:
    text = sniff.decode(name, data)
    blocks = _blocks(text)
    candidates = []
    offset = 0
    meta_all: dict[str, object] = {}
    for block in blocks:
        meta = _block_meta(block)
        for k, v in meta.items():
            meta_all.setdefault(k, v)
        table, grand = _table(name, block, offset)
        offset += block.count("\n") + 2
        if table is not None:
            candidates.append((_score(table), table, grand, meta))
    if not candidates:
        raise ImportRefused(Msg("import.msg.ga4.no_table"), file=name)
    candidates.sort(key=lambda c: -c[0])
    score, table, grand, meta = candidates[0]
    warnings: list[str] = []
    start, end = meta.get("start") or meta_all.get("start"), meta.get("end") or meta_all.get("end")
    account = str(meta.get("property") or meta_all.get("property") or meta_all.get("account") or "")
    if score == 0:
        grand_tables = [c for c in candidates if c[2] is not None]
        if grand_tables:
            return _grand_total_load(name, data, grand_tables[0][1], grand_tables[0][2], start, end, account)
        dim = table.header[0] if table.header else "?"
        raise ImportRefused(Msg("import.msg.ga4.wrong_report", dimension=dim), file=name)
    if len(candidates) > 1:
        warnings.append(Msg("import.msg.ga4.tables", n=len(candidates), column=table.columns.get("channel")
                            or table.columns.get("first_channel") or table.header[0]))
    if "channel" not in table.columns and "first_channel" in table.columns:
        warnings.append(Msg("import.msg.ga4.first_user"))
    frame = _rows(table, start, end, warnings)
    frame["account"] = account
    return make_load(name, data, source=SOURCE, account=account, parts=[Part("web_analytics", frame)], currency=None,
                     warnings=warnings, date_from=start if isinstance(start, date) else None,
                     date_to=end if isinstance(end, date) else None)


def _rows(table: Table, start: date | None, end: date | None, warnings: list[str]) -> pd.DataFrame:
    c = table.columns
    idx = table.body.index
    english = all(sniff.fold(c[k]) in {sniff.fold(n) for n in ALIASES[k][:3]} for k in METRICS if k in c)
    decimal = values.decide_decimal((table.body[c[k]] for k in METRICS if k in c), hint="." if english else ",")
    if "date" in c:
        p_start = p_end = values.to_dates(table, c["date"])
    elif "nth_day" in c and start is not None:
        n = values.to_number(table, c["nth_day"]).fillna(0).astype(int)
        p_start = p_end = pd.Timestamp(start) + pd.to_timedelta(n, unit="D")
    else:
        if start is None or end is None:
            raise ImportRefused(Msg("import.msg.ga4.no_dates"), file=table.file)
        p_start = pd.Series(pd.Timestamp(start), index=idx)
        p_end = pd.Series(pd.Timestamp(end), index=idx)
        if (end - start).days >= 7:
            warnings.append(Msg("import.msg.block", start=start.isoformat(), end=end.isoformat(),
                                advice=Msg("import.msg.advice.ga4_day")))
    chan_col = c.get("channel") or c.get("first_channel")
    channel = channels.ga4_channel_group(table.body[chan_col]) if chan_col else pd.Series("(not set)", index=idx)
    source = medium = None
    if "source_medium" in c:
        sm = table.body[c["source_medium"]].astype(str).str.split(" / ", n=1, expand=True)
        source, medium = sm[0], (sm[1] if sm.shape[1] > 1 else None)
    source = table.body[c["source"]] if "source" in c else source
    medium = table.body[c["medium"]] if "medium" in c else medium
    campaign = table.body[c["campaign"]] if "campaign" in c else None
    num = lambda k: values.to_number(table, c[k], decimal=decimal).fillna(0) if k in c else pd.Series(0.0, index=idx)  # noqa: E731
    frame = pd.DataFrame({
        "account": "", "period_start": p_start.to_numpy(), "period_end": p_end.to_numpy(),
        "channel_group": channel.to_numpy(dtype=object),
        "source": _text(source, idx), "medium": _text(medium, idx), "campaign": _text(campaign, idx),
        "sessions": num("sessions").round().to_numpy(), "engaged_sessions": num("engaged_sessions").round().to_numpy(),
        "users": num("users").round().to_numpy(), "key_events": num("key_events").to_numpy(),
        "lead_events": None, "revenue": num("revenue").to_numpy(), "purchases": num("purchases").to_numpy(),
    }, index=idx)
    return frame[list(COLUMNS["web_analytics"])]


def _text(s: pd.Series | None, idx: pd.Index) -> object:
    if s is None:
        return None
    t = s.astype(str).str.strip()
    return t.where(t != "", None).to_numpy(dtype=object)


def _grand_total_load(name: str, data: bytes, table: Table, grand: list[str], start: date | None,
                      end: date | None, account: str) -> FileLoad:
    if start is None or end is None:
        raise ImportRefused(Msg("import.msg.ga4.no_range"), file=name)
    row = (grand + [""] * len(table.header))[: len(table.header)]
    one = Table(name, [], table.header, table.header_line, pd.DataFrame([row], columns=table.header, dtype=str),
                columns=table.columns)
    frame = _rows(one, start, end, [])
    frame["channel_group"] = "(all)"
    frame["account"] = account
    warnings = [Msg("import.msg.ga4.grand_total", dimension=table.header[0], start=start.isoformat(),
                    end=end.isoformat())]
    return make_load(name, data, source=SOURCE, account=account, parts=[Part("web_analytics", frame)], currency=None,
                     warnings=warnings, date_from=start, date_to=end)
