"""A large, deterministic workspace for the benchmark: three years of a busy account.

    python -m bench.generate [--quick | --tiny] [--seed N] [--end YYYY-MM-DD] [--out DIR]

What it writes into one folder (by default `bench/.cache/v<version>-<size>-<end>-s<seed>/`):

* `exports/Campaign report.csv` — a Google Ads UI download of the Campaign report with a Day
  segment (≥ 1 M rows at full size): title line, date-range line (en-GB), header, data with
  ` --` empties and quoted thousands (`"31,193"`, `"1,286.58"`; Cost never grouped), then the
  `Total: …` rows. This is the file whose import the benchmark measures.
* `parts/<table>-<source>.parquet` — canonical rows (the columns of `warehouse/contract.py`) for
  every fact table: Google Ads and the four other ad platforms, GA4 (≥ 2 M rows), Search Console
  (≥ 5 M query rows plus daily totals), CRM deals and other marketing costs.
* `workspace/<name>.duckdb` — those parts bulk-loaded (`read_parquet`) into a migrated workspace,
  one `imports` row per part, plus SMART targets. Point `MANDAG_DATA` at `workspace/`.
* `manifest.json` — sizes, row counts, date range, a content hash of every generated file.

Everything is drawn from one seeded `numpy.random.Generator`, so the same seed, size and end date
give byte-identical files. Distributions follow what real accounts look like: a weekday cycle
(B2B-ish: Tuesday high, Saturday low), a yearly season (the Norwegian July holiday dip, a
November–December peak, a slow January), 15 % yearly growth, log-normal campaign sizes,
over-dispersed conversions and heavy-tailed order and deal values.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

GENERATOR_VERSION = 5   # 4: workspaces carry the weekly rollup (warehouse/rollup.py); 5: written in week order
WORKSPACE_NAME = "Stor konto AS"
CURRENCY = "NOK"
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
GOOGLE_ADS_FILE = "Campaign report.csv"
GOOGLE_ADS_ACCOUNT = "482-117-3390"


@dataclass(frozen=True)
class Size:
    name: str
    days: int
    campaigns: dict[str, int]          # per ad platform
    ga4_other_combos: int              # non-paid (source, medium, campaign) combinations
    gsc_rows_per_day: int
    gsc_universe: int                  # distinct (query, page, country, device) combinations
    deal_rate: float                   # CRM leads per platform-reported conversion


SIZES: dict[str, Size] = {
    # 1 096 days × ~1 000 Google Ads campaigns ≈ 1.0 M rows in the export; ~1.2 M ad rows in all.
    "full": Size("full", 1096, {"google_ads": 1000, "meta": 90, "microsoft_ads": 50, "linkedin": 35, "tiktok": 25},
                 2000, 4700, 60_000, 0.45),
    # About 1/20 of the full size, for development.
    "quick": Size("quick", 1096, {"google_ads": 50, "meta": 5, "microsoft_ads": 3, "linkedin": 2, "tiktok": 2},
                  100, 235, 3_000, 0.45),
    # A few seconds, for tests: 8 weeks, a handful of campaigns.
    "tiny": Size("tiny", 56, {"google_ads": 6, "meta": 2, "microsoft_ads": 1, "linkedin": 1, "tiktok": 1},
                 12, 25, 300, 0.45),
}

PLATFORM_ACCOUNTS = {
    "google_ads": GOOGLE_ADS_ACCOUNT, "meta": "act_2096418833", "microsoft_ads": "F149022871",
    "linkedin": "508812734", "tiktok": "7301559804219",
}

# Campaign type → (share, GA4 channel group, median CPC kr, median CTR, median conv. per click)
GOOGLE_TYPES = {
    "Search": (0.55, "Paid Search", 9.0, 0.055, 0.045),
    "Performance Max": (0.20, "Cross-network", 4.0, 0.015, 0.030),
    "Display": (0.12, "Display", 1.6, 0.005, 0.010),
    "Video": (0.08, "Paid Video", 0.9, 0.008, 0.006),
    "Demand Gen": (0.05, "Display", 2.2, 0.009, 0.015),
}
OTHER_TYPES = {
    "meta": {"Leads": (0.5, "Paid Social", 6.0, 0.012, 0.05), "Sales": (0.3, "Paid Social", 5.0, 0.011, 0.03),
             "Traffic": (0.2, "Paid Social", 2.5, 0.014, 0.01)},
    "microsoft_ads": {"Search": (0.8, "Paid Search", 6.0, 0.045, 0.04), "Audience": (0.2, "Display", 2.0, 0.006, 0.01)},
    "linkedin": {"Sponsored Content": (0.7, "Paid Social", 45.0, 0.006, 0.06),
                 "Lead Gen Form": (0.3, "Paid Social", 55.0, 0.008, 0.12)},
    "tiktok": {"In-Feed": (1.0, "Paid Social", 1.8, 0.009, 0.008)},
}
GA4_SOURCE_MEDIUM = {
    "google_ads": ("google", "cpc"), "meta": ("facebook", "paid_social"), "microsoft_ads": ("bing", "cpc"),
    "linkedin": ("linkedin", "paid_social"), "tiktok": ("tiktok", "paid_social"),
}

# Words for names that read like a Norwegian plumbing-and-bathroom business with many locations.
PRODUCTS = ["Baderom", "Rørlegger akutt", "Varmepumpe", "Gulvvarme", "Servicebil", "Lekkasje", "Vannbåren varme",
            "Sluk og avløp", "Dusjkabinett", "Toalett", "Varmtvannsbereder", "Kjøkken", "Drenering", "Boligsalg",
            "Rehabilitering", "Nybygg", "Sikringsskap", "Inspeksjon", "Termografi", "Bedriftsavtale"]
PLACES = ["Oslo", "Bergen", "Trondheim", "Stavanger", "Kristiansand", "Tromsø", "Drammen", "Fredrikstad",
          "Bodø", "Ålesund", "Lillestrøm", "Sandnes", "Tønsberg", "Hamar", "Molde", "Harstad", "Lørenskog",
          "Asker", "Bærum", "Moss", "Haugesund", "Arendal", "Gjøvik", "Narvik", "Alta"]
TACTICS = ["Generisk", "Merkevare", "Konkurrent", "Remarketing", "Prospektering", "Lokal", "DSA", "Lookalike"]
WEEKDAY = np.array([1.10, 1.14, 1.10, 1.05, 0.93, 0.72, 0.82])  # Monday … Sunday


def last_complete_sunday(today: date | None = None) -> date:
    """The Sunday that ended the last complete ISO week: Thu 2026-11-26 → Sun 2026-11-22."""
    today = today or datetime.now(timezone.utc).date()
    return today - timedelta(days=today.weekday() + 1)


def cache_key(size: str, end: date, seed: int) -> str:
    return f"v{GENERATOR_VERSION}-{size}-{end.isoformat()}-s{seed}"


def default_folder(size: str, end: date, seed: int) -> Path:
    return CACHE_DIR / cache_key(size, end, seed)


# ---------------------------------------------------------------------------------------------
# The shape of the account: campaigns and the daily multiplier


def day_multiplier(days: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Weekday × season × growth for each date (numpy datetime64[D])."""
    dow = (days.astype("datetime64[D]").view("int64") - 4) % 7          # 1970-01-01 was a Thursday → 0 = Monday
    doy = (days - days.astype("datetime64[Y]")).astype(int) + 1
    season = (1 + 0.15 * np.cos(2 * np.pi * (doy - 335) / 365.25)     # peak early December
              - 0.30 * np.exp(-(((doy - 200) / 14.0) ** 2))            # fellesferie, mid-July
              - 0.12 * np.exp(-(((doy - 5) / 6.0) ** 2)))              # slow first week of January
    years = (days - days[0]).astype(int) / 365.25
    growth = 1.15 ** years
    wobble = np.exp(rng.normal(0, 0.05, len(days)))                   # account-wide news, weather
    return WEEKDAY[dow] * season * growth * wobble


@dataclass
class Campaigns:
    source: np.ndarray
    name: np.ndarray
    ctype: np.ndarray
    channel: np.ndarray
    start: np.ndarray        # day index, inclusive
    stop: np.ndarray         # day index, exclusive
    base_spend: np.ndarray   # kr per day at multiplier 1
    cpc: np.ndarray
    ctr: np.ndarray
    cvr: np.ndarray
    aov: np.ndarray          # conversion value per conversion, kr (0: no value tracked)
    fractional: np.ndarray   # data-driven attribution: conversions with decimals
    bid: np.ndarray
    status: np.ndarray


def _names(rng: np.random.Generator, source: str, types: np.ndarray) -> list[str]:
    out, seen = [], set()
    short = {"Search": "Søk", "Performance Max": "PMax", "Display": "Display", "Video": "YouTube", "Demand Gen": "DemandGen"}
    for i, t in enumerate(types):
        prod = PRODUCTS[rng.integers(len(PRODUCTS))]
        place = PLACES[rng.integers(len(PLACES))]
        tactic = TACTICS[rng.integers(len(TACTICS))]
        style = rng.random()
        if source == "google_ads":
            if style < 0.04:
                name = f"{short.get(t, t)} - {prod}, {place}"                  # a comma: quoted in CSV
            elif style < 0.06:
                name = f'{short.get(t, t)} - "{prod.lower()}" - {place}'      # embedded quotes: doubled
            else:
                name = f"{short.get(t, t)} - {prod} - {place} - {tactic}"
        elif source == "meta":
            name = f"META_{t}_{prod}_{place}_{tactic}".replace(" ", "-")
        elif source == "linkedin":
            name = f"LI | {t} | {prod} | {place}"
        elif source == "tiktok":
            name = f"TT_{prod}_{place}".replace(" ", "")
        else:
            name = f"MS - {t} - {prod} - {place}"
        base, n = name, 2
        while name in seen:
            name = f"{base} {n}"
            n += 1
        seen.add(name)
        out.append(name)
    return out


def make_campaigns(size: Size, rng: np.random.Generator) -> Campaigns:
    cols: dict[str, list] = {k: [] for k in Campaigns.__dataclass_fields__}
    for source, n in size.campaigns.items():
        table = GOOGLE_TYPES if source == "google_ads" else OTHER_TYPES[source]
        names_t = list(table)
        shares = np.array([table[t][0] for t in names_t])
        types = np.array(names_t, dtype=object)[rng.choice(len(names_t), n, p=shares / shares.sum())]
        always = rng.random(n) < (0.88 if source == "google_ads" else 0.45)
        start = np.where(always, 0, rng.integers(0, max(1, size.days - 60), n))
        length = rng.integers(min(60, size.days), size.days + 1, n)
        stop = np.where(always, size.days, np.minimum(size.days, start + length))
        cols["source"] += [source] * n
        cols["name"] += _names(rng, source, types)
        cols["ctype"] += list(types)
        cols["channel"] += [table[t][1] for t in types]
        cols["start"] += list(start)
        cols["stop"] += list(stop)
        cols["base_spend"] += list(np.exp(rng.normal(np.log(45 if source == "google_ads" else 120), 1.2, n)))
        cols["cpc"] += list(np.array([table[t][2] for t in types]) * np.exp(rng.normal(0, 0.35, n)))
        cols["ctr"] += list(np.clip(np.array([table[t][3] for t in types]) * np.exp(rng.normal(0, 0.4, n)), 1e-4, 0.5))
        cols["cvr"] += list(np.clip(np.array([table[t][4] for t in types]) * np.exp(rng.normal(0, 0.6, n)), 1e-4, 0.6))
        tracks_value = rng.random(n) < 0.45
        cols["aov"] += list(np.where(tracks_value, np.exp(rng.normal(np.log(1200), 0.8, n)), 0.0))
        cols["fractional"] += list(rng.random(n) < 0.3)
        bids = np.array(["Maximize conversions", "Target CPA", "Manual CPC", "Maximize clicks"])
        bid = bids[rng.integers(0, len(bids), n)]
        bid = np.where(types == "Performance Max", "Maximize conversion value (Target ROAS)", bid)
        cols["bid"] += list(bid)
        cols["status"] += list(np.where(stop >= size.days, "Enabled", np.where(rng.random(n) < 0.7, "Paused", "Removed")))
    return Campaigns(**{k: np.array(v, dtype=object if k in ("source", "name", "ctype", "channel", "bid", "status") else None)
                        for k, v in cols.items()})


def ad_rows(c: Campaigns, days: np.ndarray, mult: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """One row per campaign and active day: spend, impressions, clicks, conversions, value."""
    lengths = (c.stop - c.start).astype(np.int64)
    camp = np.repeat(np.arange(len(lengths)), lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    day = (np.repeat(c.start.astype(np.int64), lengths) + offsets)
    # A slow per-campaign drift (weekly random walk) on top of the account-wide multiplier.
    n_weeks = len(days) // 7 + 2
    drift = np.exp(np.cumsum(rng.normal(0, 0.06, (len(lengths), n_weeks)), axis=1) * 0.5)
    target_spend = c.base_spend[camp].astype(float) * mult[day] * drift[camp, day // 7] * np.exp(rng.normal(0, 0.25, len(day)))
    cpc = c.cpc[camp].astype(float) * np.exp(rng.normal(0, 0.12, len(day)))
    ctr = c.ctr[camp].astype(float)
    clicks = rng.poisson(target_spend / cpc)
    impressions = clicks + rng.poisson(np.maximum(target_spend / cpc / ctr - target_spend / cpc, 0))
    spend = np.round(clicks * cpc, 2)
    # Over-dispersed conversions: Poisson with a Gamma(5) day effect; DDA campaigns get decimals.
    lam = clicks * c.cvr[camp].astype(float) * rng.gamma(5.0, 1 / 5.0, len(day))
    conv = rng.poisson(lam).astype(float)
    frac = c.fractional[camp].astype(bool)
    conv = np.where(frac & (conv > 0), np.round(conv * rng.uniform(0.7, 1.2, len(day)), 2), conv)
    value = np.round(conv * c.aov[camp].astype(float) * np.exp(rng.normal(0, 0.7, len(day))), 2)
    return {"camp": camp, "day": day, "spend": spend, "impressions": impressions.astype(np.int64),
            "clicks": clicks.astype(np.int64), "conversions": conv, "conversion_value": value}


# ---------------------------------------------------------------------------------------------
# The Google Ads export: formatting like the UI download


def _grouped_int(v: np.ndarray) -> list[str]:
    return [f'"{x:,}"' if x >= 1000 else str(x) for x in v.tolist()]


def _grouped_2(v: np.ndarray) -> list[str]:
    return [f'"{x:,.2f}"' if x >= 1000 else f"{x:.2f}" for x in v.tolist()]


def _plain_2(v: np.ndarray) -> list[str]:
    return [f"{x:.2f}" for x in v.tolist()]


def _ratio(num: np.ndarray, den: np.ndarray, pct: bool, grouped: bool = False) -> list[str]:
    out = []
    for a, b in zip(num.tolist(), den.tolist()):
        if not b:
            out.append(" --")
        elif pct:
            out.append(f"{100 * a / b:.2f}%")
        else:
            x = a / b
            out.append(f'"{x:,.2f}"' if grouped and x >= 1000 else f"{x:.2f}")
    return out


def _csv_text(s: str) -> str:
    return f'"{s.replace(chr(34), chr(34) * 2)}"' if ("," in s or '"' in s) else s


HEADER = ["Day", "Campaign status", "Campaign", "Campaign type", "Budget", "Budget type", "Currency code",
          "Bid strategy type", "Impr.", "Clicks", "CTR", "Avg. CPC", "Cost", "Conversions", "Cost / conv.",
          "Conv. rate", "Conv. value", "Conv. value / cost"]


def _long_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def write_google_ads(path: Path, c: Campaigns, rows: dict[str, np.ndarray], days: np.ndarray) -> int:
    """Write the Campaign report (Day segment) as the plain-CSV UI download; return data rows."""
    sel = np.flatnonzero(c.source[rows["camp"]] == "google_ads")
    # The UI sorts by the table's sort column; take Day, then campaign name.
    camp, day = rows["camp"][sel], rows["day"][sel]
    order = np.lexsort((c.name[camp].astype(str), day))
    sel = sel[order]
    camp, day = rows["camp"][sel], rows["day"][sel]
    start, end = days[0].astype(date), days[-1].astype(date)
    names = [_csv_text(s) for s in c.name.tolist()]
    budgets = [(" --" if i % 11 == 0 else (f'"{b:,.2f}"' if b >= 1000 else f"{b:.2f}"))
               for i, b in enumerate(np.round(c.base_spend.astype(float) * 1.4 / 5) * 5 + 5)]
    day_text = np.datetime_as_string(days, unit="D").tolist()
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("Campaign report\n")
        f.write(f"{_long_date(start)} - {_long_date(end)}\n")   # en-GB: unquoted
        f.write(",".join(HEADER) + "\n")
        chunk = 200_000
        for lo in range(0, len(sel), chunk):
            s = sel[lo:lo + chunk]
            cc = rows["camp"][s]
            sp, im, cl = rows["spend"][s], rows["impressions"][s], rows["clicks"][s]
            cv, val = rows["conversions"][s], rows["conversion_value"][s]
            cols = [
                [day_text[d] for d in rows["day"][s].tolist()],
                c.status[cc].tolist(),
                [names[i] for i in cc.tolist()],
                c.ctype[cc].tolist(),
                [budgets[i] for i in cc.tolist()],
                ["Daily"] * len(s),
                [CURRENCY] * len(s),
                c.bid[cc].tolist(),
                _grouped_int(im),
                _grouped_int(cl),
                _ratio(cl, im, pct=True),
                _ratio(sp, cl, pct=False),
                _plain_2(sp),
                _grouped_2(cv),
                _ratio(sp, cv, pct=False, grouped=True),
                _ratio(cv, cl, pct=True),
                _grouped_2(val),
                _ratio(val, sp, pct=False, grouped=True),
            ]
            f.write("\n".join(map(",".join, zip(*cols))) + "\n")
        # Totals, each a separate cumulative total (summing them would double count).
        g = rows["camp"][sel]
        def total(label: str, mask: np.ndarray, dashes: bool) -> str:
            sp, im, cl = rows["spend"][sel][mask].sum(), rows["impressions"][sel][mask].sum(), rows["clicks"][sel][mask].sum()
            cv, val = rows["conversions"][sel][mask].sum(), rows["conversion_value"][sel][mask].sum()
            e = " --" if dashes else ""
            one = lambda f, *a: f(*(np.array([x]) for x in a))[0]  # noqa: E731
            return ",".join([label, e, e, e, e, e, CURRENCY, e, one(_grouped_int, im), one(_grouped_int, cl),
                             one(lambda a, b: _ratio(a, b, True), cl, im), one(lambda a, b: _ratio(a, b, False), sp, cl),
                             f"{sp:.2f}", one(_grouped_2, round(cv, 2)), one(lambda a, b: _ratio(a, b, False, True), sp, cv),
                             one(lambda a, b: _ratio(a, b, True), cv, cl), one(_grouped_2, round(val, 2)),
                             one(lambda a, b: _ratio(a, b, False, True), val, sp)])
        everything = np.ones(len(sel), dtype=bool)
        f.write(total("Total: Campaigns", everything, True) + "\n")
        f.write(total("Total: Account", everything, False) + "\n")
        for t in GOOGLE_TYPES:
            f.write(total(f"Total: {t}", c.ctype[g] == t, False) + "\n")
    return len(sel)


# ---------------------------------------------------------------------------------------------
# Canonical parts


def _date_array(days: np.ndarray, idx: np.ndarray) -> pa.Array:
    return pa.array(days[idx].astype("datetime64[D]"), type=pa.date32())


def _write(path: Path, table: pa.Table) -> int:
    pq.write_table(table, path, compression="zstd", row_group_size=256_000)
    return table.num_rows


def ad_parts(folder: Path, c: Campaigns, rows: dict[str, np.ndarray], days: np.ndarray) -> dict[str, int]:
    out = {}
    for source in PLATFORM_ACCOUNTS:
        sel = np.flatnonzero(c.source[rows["camp"]] == source)
        if not len(sel):
            continue
        # In day order, as an export with a Day segment (and hence its import) is.
        sel = sel[np.lexsort((rows["camp"][sel], rows["day"][sel]))]
        cc = rows["camp"][sel]
        d = _date_array(days, rows["day"][sel])
        t = pa.table({
            "source": pa.array([source] * len(sel)), "account": pa.array([PLATFORM_ACCOUNTS[source]] * len(sel)),
            "campaign": pa.array(c.name[cc].tolist()), "campaign_type": pa.array(c.ctype[cc].tolist()),
            "channel": pa.array(c.channel[cc].tolist()), "period_start": d, "period_end": d,
            "currency": pa.array([CURRENCY] * len(sel)), "spend": rows["spend"][sel],
            "impressions": rows["impressions"][sel], "clicks": rows["clicks"][sel],
            "conversions": rows["conversions"][sel], "conversion_value": rows["conversion_value"][sel],
        })
        out[f"ad_performance-{source}"] = _write(folder / f"ad_performance-{source}.parquet", t)
    return out


def ga4_part(folder: Path, c: Campaigns, rows: dict[str, np.ndarray], days: np.ndarray, mult: np.ndarray,
             size: Size, rng: np.random.Generator) -> tuple[int, np.ndarray]:
    """GA4 day × channel group × source × medium × campaign; returns rows and organic leads per day."""
    # Paid: a row wherever the ads brought sessions (GA4 counts fewer sessions than the platforms' clicks).
    paid_sessions = rng.binomial(rows["clicks"], 0.82)
    keep = np.flatnonzero(paid_sessions > 0)
    cc = rows["camp"][keep]
    src = c.source[cc]
    sm = np.array([GA4_SOURCE_MEDIUM[s] for s in PLATFORM_ACCOUNTS])
    position = {name: i for i, name in enumerate(PLATFORM_ACCOUNTS)}
    sidx = np.fromiter((position[x] for x in src.tolist()), dtype=np.int64, count=len(src))
    # utm_campaign: Google auto-tagging carries the exact name; the others are hand-tagged, lower-case.
    utm = np.where(src == "google_ads", c.name[cc], np.char.lower(c.name[cc].astype(str)).astype(object))
    p_day, p_sessions = rows["day"][keep], paid_sessions[keep]
    p_key = rng.binomial(p_sessions, np.clip(c.cvr[cc].astype(float) * 0.6, 0, 1))
    p_channel = c.channel[cc]

    # Everything else: organic search, direct, referral sites, e-mail, organic social.
    k = size.ga4_other_combos
    kinds = rng.choice(5, k, p=[0.04, 0.01, 0.80, 0.10, 0.05])
    combos = []
    for i, kind in enumerate(kinds.tolist()):
        if kind == 0:
            combos.append(("Organic Search", ["google", "bing", "duckduckgo", "yahoo", "ecosia"][i % 5], "organic", "(organic)"))
        elif kind == 1:
            combos.append(("Direct", "(direct)", "(none)", "(direct)"))
        elif kind == 2:
            combos.append(("Referral", f"{PLACES[i % len(PLACES)].lower()}{i}.no", "referral", "(referral)"))
        elif kind == 3:
            combos.append(("Email", "newsletter", "email", f"nyhetsbrev_{2023 + i % 4}_{i:04d}"))
        else:
            combos.append(("Organic Social", ["facebook.com", "l.instagram.com", "linkedin.com", "tiktok.com"][i % 4], "referral", "(referral)"))
    popularity = np.exp(rng.normal(-1.0, 1.2, k))                         # sessions/day ≈ 6 × popularity
    big = kinds <= 1
    popularity[big] = np.exp(rng.normal(np.log(30), 0.8, int(big.sum())))   # organic search and direct
    appear = np.clip(0.25 + 0.7 * popularity / (popularity + 1.0), 0, 1)
    mask = rng.random((len(days), k)) < appear
    o_day, o_combo = np.nonzero(mask)
    o_sessions = rng.poisson(popularity[o_combo] * 6 * mult[o_day]) + 1
    o_key = rng.binomial(o_sessions, 0.012)

    day = np.concatenate([p_day, o_day])
    sessions = np.concatenate([p_sessions, o_sessions]).astype(np.int64)
    key = np.concatenate([p_key, o_key]).astype(float)
    n = len(day)
    engaged = rng.binomial(sessions, 0.58)
    users = np.maximum(1, np.round(sessions * rng.uniform(0.78, 0.95, n))).astype(np.int64)
    lead = np.round(key * 0.7)
    purchases = rng.poisson(sessions * 0.004).astype(float)
    revenue = np.round(purchases * np.exp(rng.normal(np.log(1400), 1.1, n)), 2)   # heavy-tailed orders
    # GA4 arrives by daily API syncs, so the table is in day order.
    order = np.argsort(day, kind="stable")
    day, sessions, key, engaged, users, lead, purchases, revenue = (
        a[order] for a in (day, sessions, key, engaged, users, lead, purchases, revenue))
    d = _date_array(days, day)
    combo_arr = np.array(combos, dtype=object) if combos else np.empty((0, 4), dtype=object)
    t = pa.table({
        "account": pa.array(["properties/318822410"] * n), "period_start": d, "period_end": d,
        "channel_group": pa.array(np.concatenate([p_channel, combo_arr[o_combo, 0]])[order].tolist()),
        "source": pa.array(np.concatenate([sm[sidx, 0].astype(object), combo_arr[o_combo, 1]])[order].tolist()),
        "medium": pa.array(np.concatenate([sm[sidx, 1].astype(object), combo_arr[o_combo, 2]])[order].tolist()),
        "campaign": pa.array(np.concatenate([utm, combo_arr[o_combo, 3]])[order].tolist()),
        "sessions": sessions, "engaged_sessions": engaged.astype(np.int64), "users": users, "key_events": key,
        "lead_events": lead, "revenue": revenue, "purchases": purchases,
    })
    organic_leads = np.bincount(o_day, weights=o_key * 0.7, minlength=len(days))
    return _write(folder / "web_analytics-ga4.parquet", t), organic_leads


QUERY_HEADS = ["rørlegger", "billig rørlegger", "rørlegger døgnvakt", "bytte", "montere", "pris", "lekker",
               "tett", "reparere", "nytt", "pusse opp", "kostnad", "hvordan", "beste", "firma"]
QUERY_TAILS = ["baderom", "toalett", "sluk", "varmtvannsbereder", "gulvvarme", "varmepumpe", "dusj", "kran",
               "avløp", "vannlekkasje", "servant", "badekar", "rør", "stoppekran", "kjøkkenvask"]


def gsc_parts(folder: Path, days: np.ndarray, mult: np.ndarray, size: Size, rng: np.random.Generator) -> dict[str, int]:
    """Search Console rows: day × query × page × country × device, plus daily totals."""
    u = size.gsc_universe
    head = rng.integers(len(QUERY_HEADS), size=u)
    tail = rng.integers(len(QUERY_TAILS), size=u)
    place = rng.integers(len(PLACES) + 1, size=u)
    queries = np.array([f"{QUERY_HEADS[h]} {QUERY_TAILS[t]}" + ("" if p == len(PLACES) else f" {PLACES[p].lower()}")
                        + ("" if i < u // 2 else f" {i % 97}")
                        for i, (h, t, p) in enumerate(zip(head.tolist(), tail.tolist(), place.tolist()))], dtype=object)
    n_pages = max(10, u // 30)
    pages = np.array([f"https://www.storkonto.no/{QUERY_TAILS[i % len(QUERY_TAILS)]}/{PLACES[i % len(PLACES)].lower()}-{i}"
                      for i in range(n_pages)], dtype=object)
    page = rng.zipf(1.3, u) % n_pages
    countries = np.array(["nor", "swe", "dnk", "usa", "gbr", "deu", "fin", "pol"], dtype=object)
    country = rng.choice(len(countries), u, p=[0.86, 0.04, 0.02, 0.03, 0.02, 0.01, 0.01, 0.01])
    devices = np.array(["MOBILE", "DESKTOP", "TABLET"], dtype=object)
    device = rng.choice(3, u, p=[0.62, 0.34, 0.04])
    weight = np.minimum(rng.zipf(1.6, u), 5_000).astype(float) ** 0.9
    base_pos = np.clip(np.exp(rng.normal(np.log(12), 0.9, u)), 1, 90)
    logw = np.log(weight)
    k = min(size.gsc_rows_per_day, u)
    day_idx, combo_idx = [], []
    for d in range(len(days)):
        g = logw + rng.gumbel(size=u)                    # weighted sample without replacement (Gumbel top-k)
        top = np.argpartition(-g, k - 1)[:k]
        top.sort()
        day_idx.append(np.full(k, d, dtype=np.int64))
        combo_idx.append(top)
    day = np.concatenate(day_idx)
    combo = np.concatenate(combo_idx)
    n = len(day)
    impressions = rng.poisson(weight[combo] * 3 * mult[day]) + 1
    position = np.round(np.clip(base_pos[combo] * np.exp(rng.normal(0, 0.15, n)), 1, 100), 2)
    ctr = np.clip(0.32 / position ** 1.1, 0, 0.6)
    clicks = rng.binomial(impressions, ctr)
    d = _date_array(days, day)
    account = "sc-domain:storkonto.no"
    rows_t = pa.table({
        "account": pa.array([account] * n), "period_start": d, "period_end": d,
        "query": pa.array(queries[combo].tolist()), "page": pa.array(pages[page[combo]].tolist()),
        "country": pa.array(countries[country[combo]].tolist()), "device": pa.array(devices[device[combo]].tolist()),
        "clicks": clicks.astype(np.int64), "impressions": impressions.astype(np.int64), "position": position,
    })
    out = {"search_rows-search_console": _write(folder / "search_rows-search_console.parquet", rows_t)}
    # Daily totals exceed the sum of rows: Search Console hides anonymised queries from the rows.
    di = np.arange(len(days))
    imp_day = np.bincount(day, weights=impressions, minlength=len(days))
    clk_day = np.bincount(day, weights=clicks, minlength=len(days))
    pos_day = np.bincount(day, weights=impressions * position, minlength=len(days)) / np.maximum(imp_day, 1)
    daily = pa.table({
        "account": pa.array([account] * len(days)), "period_start": _date_array(days, di), "period_end": _date_array(days, di),
        "clicks": np.round(clk_day * 1.25).astype(np.int64), "impressions": np.round(imp_day * 1.4).astype(np.int64),
        "position": np.round(pos_day, 2),
    })
    out["search_daily-search_console"] = _write(folder / "search_daily-search_console.parquet", daily)
    return out


def crm_part(folder: Path, c: Campaigns, rows: dict[str, np.ndarray], organic_leads: np.ndarray, days: np.ndarray,
             size: Size, rng: np.random.Generator) -> int:
    """Deals: paid leads follow the platforms' conversions (they over-claim), organic ones GA4's key events."""
    per_row = rng.poisson(rows["conversions"] * size.deal_rate)
    src_row = np.repeat(np.arange(len(per_row)), per_row)
    organic = rng.poisson(organic_leads * 0.5)
    org_day = np.repeat(np.arange(len(days)), organic)
    n = len(src_row) + len(org_day)
    day = np.concatenate([rows["day"][src_row], org_day])
    cc = rows["camp"][src_row]
    channel = np.concatenate([c.channel[cc], rng.choice(np.array(["Organic Search", "Direct", "Referral", "Email"], dtype=object),
                                                         len(org_day), p=[0.55, 0.25, 0.12, 0.08])])
    source = np.concatenate([c.source[cc], np.full(len(org_day), "website", dtype=object)])
    campaign = np.concatenate([c.name[cc], np.full(len(org_day), None, dtype=object)])
    qualified = rng.random(n) < 0.72
    won = qualified & (rng.random(n) < 0.24)
    lag = np.ceil(rng.gamma(2.0, 9.0, n)).astype(np.int64)            # median ≈ 15 days to close
    won_day = day + lag
    won &= won_day < len(days)
    value = np.round(np.exp(rng.normal(np.log(14_000), 1.0, n)) * (1 + rng.pareto(2.5, n)), 0)  # heavy tail
    stage = np.where(won, "Vunnet", np.where(~qualified, "Ikke kvalifisert",
                                             np.where(day + 45 < len(days), "Tapt", "Tilbud sendt")))
    order = np.argsort(day, kind="stable")
    created = days[day].astype("datetime64[D]")
    won_date = np.where(won, days[np.minimum(won_day, len(days) - 1)], np.datetime64("NaT")).astype("datetime64[D]")
    t = pa.table({
        "account": pa.array(["pipedrive"] * n),
        "deal_id": pa.array([f"D{i:07d}" for i in range(1, n + 1)]),
        "created_date": pa.array(created[order], type=pa.date32()),
        "won_date": pa.array(won_date[order], type=pa.date32()),
        "stage": pa.array(stage[order].tolist()),
        "source": pa.array(source[order].tolist()), "channel": pa.array(channel[order].tolist()),
        "campaign": pa.array(campaign[order].tolist()),
        "value": pa.array(np.where(qualified, value, np.nan)[order], from_pandas=True),
        "currency": pa.array([CURRENCY] * n), "is_qualified": qualified[order],
        "period_start": pa.array(created[order], type=pa.date32()), "period_end": pa.array(created[order], type=pa.date32()),
    })
    return _write(folder / "crm_deals-crm.parquet", t)


def costs_part(folder: Path, days: np.ndarray, rng: np.random.Generator) -> int:
    months = np.unique(days.astype("datetime64[M]"))
    items = [("Byrå, løpende", None, 42_000), ("Innholdsproduksjon", "Organic Search", 18_000),
             ("SEO-konsulent", "Organic Search", 12_000), ("E-postverktøy", "Email", 2_400),
             ("CRM-lisens", None, 3_900), ("Analyseverktøy", None, 1_500), ("Foto og video", "Paid Social", 9_000)]
    rec = []
    for m in months:
        first = m.astype("datetime64[D]")
        last = (m + 1).astype("datetime64[D]") - 1
        for item, channel, amount in items:
            rec.append((first, item, channel, round(amount * float(np.exp(rng.normal(0, 0.15))), 2), last))
    t = pa.table({
        "account": pa.array(["manual"] * len(rec)),
        "month": pa.array(np.array([r[0] for r in rec]), type=pa.date32()),
        "item": pa.array([r[1] for r in rec]), "channel": pa.array([r[2] for r in rec], type=pa.string()),
        "amount": np.array([r[3] for r in rec]), "currency": pa.array([CURRENCY] * len(rec)),
        "period_start": pa.array(np.array([r[0] for r in rec]), type=pa.date32()),
        "period_end": pa.array(np.array([r[4] for r in rec]), type=pa.date32()),
    })
    return _write(folder / "costs-costs.parquet", t)


# ---------------------------------------------------------------------------------------------
# Loading the parts into a workspace

PART_SOURCES = {  # part name → (source, origin, file name recorded in imports)
    "ad_performance-google_ads": ("google_ads", "file", GOOGLE_ADS_FILE),
    "ad_performance-meta": ("meta", "file", "Stor-konto-AS-Campaigns.csv"),
    "ad_performance-microsoft_ads": ("microsoft_ads", "file", "Campaign performance report.csv"),
    "ad_performance-linkedin": ("linkedin", "file", "campaign_508812734.csv"),
    "ad_performance-tiktok": ("tiktok", "file", "Campaign Report.xlsx"),
    "web_analytics-ga4": ("ga4", "api", "GA4 API"),
    "search_rows-search_console": ("search_console", "api", "Search Console API"),
    "search_daily-search_console": ("search_console", "api", "Search Console API"),
    "crm_deals-crm": ("crm", "file", "deals-export.csv"),
    "costs-costs": ("costs", "file", "kostnader.csv"),
}


def load_workspace(folder: Path, parts: dict[str, int]) -> Path:
    """Bulk-load every part into `<folder>/workspace/<WORKSPACE_NAME>.duckdb`; return its path."""
    from warehouse import db, rollup, workspaces
    from warehouse.contract import COLUMNS, MEASURES

    ws_dir = folder / "workspace"
    if ws_dir.exists():
        shutil.rmtree(ws_dir)
    ws = workspaces.create(WORKSPACE_NAME, ws_dir, currency=CURRENCY)
    imported_at = datetime(2026, 1, 1)  # fixed, so the file content does not depend on the clock
    with db.connect(ws.path) as con:
        for part, rows in parts.items():
            table = part.split("-")[0]
            source, origin, file_name = PART_SOURCES[part]
            path = str(folder / "parts" / f"{part}.parquet")
            cols = COLUMNS[table]
            con.execute("BEGIN TRANSACTION")
            import_id = con.execute("SELECT nextval('import_id_seq')").fetchall()[0][0]
            select = ", ".join(f"CAST({c} AS {t})" for c, t in cols.items())
            con.execute(f"INSERT INTO {table} (import_id, {', '.join(cols)}) SELECT ?, {select} FROM read_parquet(?)",
                        [import_id, path])
            sums = ", ".join(f"coalesce(sum({m}), 0)" for m in MEASURES[table]) or "0"
            stats = con.execute(f"SELECT min(period_start), max(period_end), count(*), any_value(account), {sums} "
                                f"FROM read_parquet(?)", [path]).fetchall()[0]
            totals = {m: round(float(v), 6) for m, v in zip(MEASURES[table], stats[4:])}
            con.execute(
                """INSERT INTO imports (import_id, file_name, file_hash, source, account, fact_table, date_from, date_to,
                       rows, currency, totals, warnings, origin, status, imported_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, 'loaded', ?)""",
                [import_id, file_name, file_digest(Path(path)), source, stats[3], table, stats[0], stats[1], stats[2],
                 CURRENCY, json.dumps(totals), origin, imported_at])
            con.execute("COMMIT")
        last_day = con.execute("SELECT max(period_end) FROM search_daily").fetchall()[0][0]
        for src, acct in (("ga4", "properties/318822410"), ("gsc", "sc-domain:storkonto.no")):
            con.execute("INSERT OR REPLACE INTO sync_state VALUES (?, ?, ?, ?, 'ok', NULL)",
                        [src, acct, last_day, imported_at])
        add_targets(con, folder)
        with rollup.transaction(con):
            rollup.rebuild(con)   # the parts bypassed the loader, so its weekly rollup too
        con.execute("CHECKPOINT")
    return ws.path


def add_targets(con, folder: Path) -> None:
    """SMART targets like the method's example: CPL −25 %, conversion rate up, ROAS and leads up."""
    stats = con.execute(
        "SELECT min(period_start), max(period_end), sum(spend) / nullif(sum(conversions), 0), "
        "sum(conversion_value) / nullif(sum(spend), 0) FROM ad_performance").fetchall()[0]
    first, last, cpl, roas = stats
    if first is None:
        return
    start = last - timedelta(days=(last - first).days // 3)
    deadline = date(last.year + 1, 6, 30)
    baseline_from = start - timedelta(days=91)
    channel_cpl = con.execute(
        "SELECT channel, sum(spend) / nullif(sum(conversions), 0) FROM ad_performance "
        "WHERE period_start >= ? AND period_end < ? GROUP BY channel ORDER BY channel", [baseline_from, start]).fetchall()
    targets = [("cpl", "all", cpl, cpl * 0.75, "-25%"), ("roas", "all", roas, (roas or 0) * 1.2, "+20%"),
               ("conversion_rate", "all", 0.012, 0.02, "2%")]
    targets += [("cpl", f"channel:{ch}", v, v * 0.8, "-20%") for ch, v in channel_cpl if v]
    for i, (kpi, scope, base, target, typed) in enumerate(targets, start=1):
        con.execute(
            "INSERT INTO targets (target_id, kpi, scope, baseline, baseline_from, baseline_to, target_value, target_input, "
            "start_date, deadline, owner, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [i, kpi, scope, round(base, 2) if base else None, baseline_from, start - timedelta(days=1), round(target, 4),
             typed, start, deadline, "Marit", None, datetime(2026, 1, 1)])


# ---------------------------------------------------------------------------------------------


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def generate(folder: Path, size: str = "full", seed: int = 20261123, end: date | None = None,
             load: bool = True) -> dict:
    """Write exports, parts and (when `load`) the workspace into `folder`; return the manifest."""
    spec = SIZES[size]
    end = end or last_complete_sunday()
    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for sub in ("exports", "parts"):
        (folder / sub).mkdir(exist_ok=True)
    days = np.arange(np.datetime64(end) - (spec.days - 1), np.datetime64(end) + 1, dtype="datetime64[D]")
    mult = day_multiplier(days, rng)
    camps = make_campaigns(spec, rng)
    rows = ad_rows(camps, days, mult, rng)
    counts = {"google_ads_export": write_google_ads(folder / "exports" / GOOGLE_ADS_FILE, camps, rows, days)}
    parts = ad_parts(folder / "parts", camps, rows, days)
    n_ga4, organic_leads = ga4_part(folder / "parts", camps, rows, days, mult, spec, rng)
    parts["web_analytics-ga4"] = n_ga4
    parts.update(gsc_parts(folder / "parts", days, mult, spec, rng))
    parts["crm_deals-crm"] = crm_part(folder / "parts", camps, rows, organic_leads, days, spec, rng)
    parts["costs-costs"] = costs_part(folder / "parts", days, rng)
    files = sorted([folder / "exports" / GOOGLE_ADS_FILE] + [folder / "parts" / f"{p}.parquet" for p in parts])
    hashes = {str(p.relative_to(folder)): file_digest(p) for p in files}
    manifest = {
        "generator_version": GENERATOR_VERSION, "size": size, "seed": seed, "spec": asdict(spec),
        "date_from": str(days[0]), "date_to": str(days[-1]), "campaigns": len(camps.name),
        "rows": {**counts, **parts, "ad_performance": sum(v for k, v in parts.items() if k.startswith("ad_performance"))},
        "files": hashes,
        "content_hash": hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest(),
        "google_ads_export": str(folder / "exports" / GOOGLE_ADS_FILE),
        "google_ads_export_bytes": (folder / "exports" / GOOGLE_ADS_FILE).stat().st_size,
        "generate_seconds": round(time.perf_counter() - t0, 1),
    }
    if load:
        t1 = time.perf_counter()
        ws = load_workspace(folder, parts)
        manifest["workspace"] = str(ws)
        manifest["workspace_dir"] = str(ws.parent)
        manifest["workspace_bytes"] = ws.stat().st_size
        manifest["load_seconds"] = round(time.perf_counter() - t1, 1)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def ensure(size: str = "full", seed: int = 20261123, end: date | None = None, *, quiet: bool = False) -> dict:
    """The cached workspace for (version, size, end, seed): reuse it when complete, else build it."""
    end = end or last_complete_sunday()
    folder = default_folder(size, end, seed)
    manifest_path = folder / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if Path(manifest.get("workspace", "")).exists():
            manifest["cached"] = True
            return manifest
    if not quiet:
        print(f"Generating the {size} workspace in {folder} (once; cached afterwards)…", file=sys.stderr, flush=True)
    if folder.exists():
        shutil.rmtree(folder)
    manifest = generate(folder, size, seed, end)
    manifest["cached"] = False
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n")[0])
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--quick", action="store_true", help="about 1/20 of the full size")
    g.add_argument("--tiny", action="store_true", help="a few seconds; for tests")
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--end", type=date.fromisoformat, help="last day of data (default: the last complete Sunday)")
    ap.add_argument("--out", type=Path, help="write here instead of the cache (always regenerates)")
    ap.add_argument("--no-load", action="store_true", help="write the files only, no workspace")
    args = ap.parse_args(argv)
    size = "quick" if args.quick else "tiny" if args.tiny else "full"
    if args.out:
        manifest = generate(args.out, size, args.seed, args.end or last_complete_sunday(), load=not args.no_load)
    else:
        manifest = ensure(size, args.seed, args.end)
    print(json.dumps({k: v for k, v in manifest.items() if k != "files"}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("MANDAG_LOCK_WAIT", "60")
    sys.exit(main())
