"""The benchmark account's shape: sizes, campaign types and names, the daily multiplier
(weekday × season × growth) and one row per campaign and active day (`bench.generate`)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CURRENCY = "NOK"
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
