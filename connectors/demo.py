"""The demo workspace: Rørlegger Nord AS, a plumbing company in Tromsø.

Deterministic for a given end date (seeded): 30 complete weeks of daily data ending on the last
Sunday before `end`, loaded through the same loader as real imports (origin "demo"). The data
tells a story a user recognises:

- Paid Search (Google Ads, generic search) is clearly worth scaling: ~270 kr per lead against a
  CPL target around 440 kr;
- Paid Social (Meta) clearly should be cut: ~1 050 kr per lead;
- Display (Google Ads remarketing) is too close to call: ~430 kr per lead;
- an experiment, "LinkedIn lead-skjema – borettslag", is in its 5th week;
- GA4 has a tracking gap (a week without data, as after a broken tag);
- Search Console ends two days before the others (its normal delay).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pandas as pd

from warehouse import db, settings, workspaces
from warehouse.loader import FileLoad, Part, load

SEED = 20261123
WEEKS = 30
ACCOUNT_ADS = "Rørlegger Nord AS"


@dataclass(frozen=True)
class Campaign:
    source: str
    name: str
    campaign_type: str
    channel: str
    daily_spend: float
    cpl: float            # true cost per (CRM) lead
    claim: float          # platform-reported conversions per true lead (over-claim)
    ctr: float
    cpc: float
    start_week: int = 0   # weeks after the first week


CAMPAIGNS = (
    Campaign("google_ads", "Søk – Generisk", "Search", "Paid Search", 800, 270, 1.25, 0.055, 14.0),
    Campaign("google_ads", "Søk – Merkenavn", "Search", "Paid Search", 90, 95, 1.10, 0.18, 4.0),
    Campaign("google_ads", "Display – Remarketing", "Display", "Display", 360, 430, 1.6, 0.004, 3.5),
    Campaign("meta", "Meta – Lead-annonser bad", "Lead generation", "Paid Social", 1200, 1050, 1.9, 0.011, 9.0),
    Campaign("linkedin", "LinkedIn lead-skjema – borettslag", "Sponsored content", "Paid Social", 420, 460, 1.3,
             0.007, 38.0, start_week=WEEKS - 5),
)

ORGANIC = {  # channel group: (sessions per day, leads per day, source, medium)
    "Organic Search": (210, 1.45, "google", "organic"),
    "Direct": (70, 0.35, "(direct)", "(none)"),
    "Referral": (25, 0.12, "mittanbud.no", "referral"),
    "Email": (12, 0.10, "nyhetsbrev", "email"),
    "Organic Social": (18, 0.05, "facebook.com", "referral"),
}

QUERIES = (  # query, page, impressions/day, ctr, position
    ("rørlegger nord", "/", 40, 0.42, 1.1),
    ("rørlegger nord tromsø", "/", 22, 0.48, 1.0),
    ("rørlegger tromsø", "/", 160, 0.06, 4.8),
    ("akutt rørlegger tromsø", "/akutt", 45, 0.09, 3.2),
    ("nytt bad pris", "/bad", 210, 0.012, 11.5),
    ("hva koster nytt bad", "/blogg/hva-koster-nytt-bad", 140, 0.018, 8.4),
    ("hvordan tette tett avløp", "/blogg/tett-avlop", 95, 0.03, 6.9),
    ("hvorfor drypper kranen", "/blogg/dryppende-kran", 60, 0.025, 9.8),
    ("varmekabler bad pris", "/bad", 75, 0.02, 12.3),
    ("bytte varmtvannsbereder", "/varmtvann", 55, 0.05, 7.1),
    ("hvor mye koster rørlegger per time", "/priser", 120, 0.015, 14.2),
    ("baderom oppussing tromsø", "/bad", 35, 0.07, 5.5),
    ("lekkasje under vask", "/akutt", 30, 0.04, 10.8),
    ("rørlegger borettslag", "/borettslag", 18, 0.06, 6.0),
)


def _sundays_before(end: date) -> date:
    return end - timedelta(days=(end.weekday() + 1) % 7 or 7)


def _hash(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def _weekday_factor(days: pd.DatetimeIndex) -> np.ndarray:
    # Plumbing leads peak early in the week; weekends are quiet.
    return np.array([1.15, 1.1, 1.05, 1.0, 0.95, 0.7, 0.6])[days.day_of_week]


def build(path: str | Path, end: date | None = None) -> str:
    """(Re)create the demo workspace at `path`; return a one-line summary."""
    path = Path(path)
    last_day = _sundays_before(end or date.today())
    first_day = last_day - timedelta(days=7 * WEEKS - 1)
    days = pd.date_range(first_day, last_day, freq="D")
    rng = np.random.default_rng(SEED)

    if path.exists():
        db.release(path)
        for p in (path, path.with_name(path.name + ".wal")):
            if p.exists():
                p.unlink()
        db.forget(path)
    workspaces.create(path.stem, path.parent, demo=True)

    season = 1 + 0.12 * np.sin(np.arange(len(days)) / 365 * 2 * np.pi + 1.0)
    wk = _weekday_factor(days)
    week_idx = np.arange(len(days)) // 7

    ad_rows, deals = [], []
    deal_no = 1000
    for c in CAMPAIGNS:
        active = week_idx >= c.start_week
        weekly_mult = rng.gamma(20, 1 / 20, size=WEEKS)[week_idx]      # mild week-to-week swings
        spend = np.where(active, c.daily_spend * wk * season * rng.normal(1, 0.08, len(days)), 0).clip(0)
        spend = np.round(spend, 2)
        leads = rng.poisson(spend / c.cpl * weekly_mult)
        clicks = rng.poisson(np.maximum(spend / c.cpc, 0))
        impressions = rng.poisson(np.maximum(clicks / c.ctr, 0))
        claimed = np.round(leads * c.claim + rng.poisson(0.15, len(days)) * active, 2)
        for i, d in enumerate(days):
            if not active[i]:
                continue
            ad_rows.append((c.source, c.name, c.campaign_type, c.channel, d.date(), spend[i], impressions[i],
                            clicks[i], claimed[i], 0.0))
            for _ in range(leads[i]):
                deal_no += 1
                deals.append(_deal(rng, deal_no, d.date(), c.channel, c.name, "cpc" if c.source == "google_ads" else "paid"))
    for channel, (sessions, lpd, _src, _med) in ORGANIC.items():
        leads = rng.poisson(lpd * wk * season)
        for i, d in enumerate(days):
            for _ in range(leads[i]):
                deal_no += 1
                deals.append(_deal(rng, deal_no, d.date(), channel, None, "organic"))

    deals_df = pd.DataFrame(deals)
    # Won deals bring conversion value back to the ad rows (platform-attributed revenue, over-claimed).
    ad = pd.DataFrame(ad_rows, columns=["source", "campaign", "campaign_type", "channel", "period_start", "spend",
                                        "impressions", "clicks", "conversions", "conversion_value"])
    won = deals_df[deals_df["won_date"].notna() & deals_df["campaign"].notna()]
    value_by = won.groupby(["campaign", "created_date"])["value"].sum()
    ad["conversion_value"] = [round(1.3 * float(value_by.get((c, d), 0.0)), 2)
                              for c, d in zip(ad["campaign"], ad["period_start"])]
    ad["account"] = ACCOUNT_ADS
    ad["period_end"] = ad["period_start"]
    ad["currency"] = "NOK"

    ga = _ga4(rng, days, deals_df, wk, season)
    gsc_daily, gsc_rows = _search(rng, days[:-2], wk)
    costs = _costs(first_day, last_day)

    loads = []
    for source in ("google_ads", "meta", "linkedin"):
        part = ad[ad["source"] == source].reset_index(drop=True)
        loads.append(FileLoad(f"demo-{source}.csv", _hash("demo", source, first_day, last_day), source, ACCOUNT_ADS,
                              part["period_start"].min(), part["period_end"].max(), (Part("ad_performance", part),),
                              "NOK", (), "demo"))
    loads.append(FileLoad("demo-ga4.csv", _hash("demo", "ga4", first_day), "ga4", "GA4 123456789",
                          first_day, last_day, (Part("web_analytics", ga),), "NOK", (), "demo"))
    loads.append(FileLoad("demo-search-console.zip", _hash("demo", "gsc", first_day), "search_console",
                          "sc-domain:rorleggernord.no", first_day, last_day - timedelta(days=2),
                          (Part("search_daily", gsc_daily), Part("search_rows", gsc_rows)), None, (), "demo"))
    crm = deals_df.assign(account="CRM", currency="NOK", period_start=deals_df["created_date"],
                          period_end=deals_df["created_date"])
    loads.append(FileLoad("demo-crm-deals.csv", _hash("demo", "crm", first_day), "crm", "CRM", first_day, last_day,
                          (Part("crm_deals", crm),), "NOK", (), "demo"))
    loads.append(FileLoad("demo-costs.csv", _hash("demo", "costs", first_day), "costs", "manual",
                          costs["period_start"].min(), costs["period_end"].max(), (Part("costs", costs),), "NOK", (),
                          "demo"))

    with db.connect(path) as con:
        for fl in loads:
            load(con, fl)
        settings.put(con, "brand_terms", ["rørlegger nord"])
        _plans(con, first_day, last_day)
    return (f"{len(ad)} ad rows, {len(ga)} GA4 rows, {len(gsc_rows)} Search Console rows, "
            f"{len(deals_df)} CRM deals, {first_day} to {last_day}")


def _deal(rng: np.random.Generator, no: int, created: date, channel: str, campaign: str | None, medium: str) -> dict:
    won = rng.random() < 0.27
    # Most jobs are repairs (a few thousand kroner); some are bathroom renovations (heavy tail).
    value = float(rng.lognormal(np.log(5500), 0.55)) if rng.random() > 0.06 else float(rng.lognormal(np.log(110000), 0.35))
    won_date = created + timedelta(days=int(rng.integers(2, 24))) if won else None
    stage = "Vunnet" if won else ("Tapt" if rng.random() < 0.5 else "Tilbud sendt")
    return {"deal_id": f"D{no}", "created_date": created, "won_date": won_date, "stage": stage,
            "source": medium, "channel": channel, "campaign": campaign, "value": round(value, -1) if won else None,
            "is_qualified": True}


def _ga4(rng: np.random.Generator, days: pd.DatetimeIndex, deals: pd.DataFrame, wk: np.ndarray,
         season: np.ndarray) -> pd.DataFrame:
    """GA4 rows by day × channel group × source × medium × campaign; key events follow the CRM leads."""
    gap_start = days[-1].date() - timedelta(days=7 * 9 + 6)   # a week with no GA4 data (tag removed)
    gap = {gap_start + timedelta(days=i) for i in range(7)}
    organic_leads = deals[deals["campaign"].isna()].groupby(["channel", "created_date"]).size()
    paid_leads = deals[deals["campaign"].notna()].groupby(["campaign", "created_date"]).size()
    platform_source = {"google_ads": "google", "meta": "facebook", "linkedin": "linkedin"}
    rows = []
    for i, d in enumerate(days):
        day = d.date()
        if day in gap:
            continue
        groups = [(ch, s, src, med, None) for ch, (s, _l, src, med) in ORGANIC.items()]
        groups += [(c.channel, c.daily_spend / c.cpc * 0.85, platform_source[c.source], "cpc", c.name)
                   for c in CAMPAIGNS if i // 7 >= c.start_week]
        for channel, sessions, src, med, campaign in groups:
            n = int(rng.poisson(max(sessions * wk[i] * season[i], 0)))
            true_leads = int(paid_leads.get((campaign, day), 0) if campaign else organic_leads.get((channel, day), 0))
            # GA4 misses some leads (consent, ad blockers): about 85 % are tracked.
            lead_events = float(rng.binomial(true_leads, 0.85)) if true_leads else 0.0
            rows.append({"account": "GA4 123456789", "period_start": day, "period_end": day, "channel_group": channel,
                         "source": src, "medium": med, "campaign": campaign or "(not set)", "sessions": n,
                         "engaged_sessions": int(n * 0.58), "users": int(n * 0.83),
                         "key_events": lead_events + float(rng.poisson(0.4)), "lead_events": lead_events,
                         "revenue": 0.0, "purchases": 0.0})
    return pd.DataFrame(rows)


def _search(rng: np.random.Generator, days: pd.DatetimeIndex, wk: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    growth = np.linspace(0.85, 1.2, len(days))   # organic search grows after the content work
    for i, d in enumerate(days):
        for q, page, imp, ctr, pos in QUERIES:
            for device, share in (("MOBILE", 0.68), ("DESKTOP", 0.32)):
                n_imp = int(rng.poisson(imp * share * growth[i] * (0.8 + 0.2 * wk[i])))
                n_clk = int(rng.binomial(n_imp, min(ctr * (1.1 if device == "DESKTOP" else 1.0), 1)))
                p = max(1.0, pos * rng.normal(1, 0.06) / (growth[i] ** 0.3))
                rows.append({"account": "sc-domain:rorleggernord.no", "period_start": d.date(), "period_end": d.date(),
                             "query": q, "page": f"https://rorleggernord.no{page}", "country": "nor", "device": device,
                             "clicks": n_clk, "impressions": n_imp, "position": round(p, 2)})
    df = pd.DataFrame(rows)
    # Property totals exceed the query rows: Search Console hides rare (anonymised) queries.
    daily = df.groupby("period_start").agg(clicks=("clicks", "sum"), impressions=("impressions", "sum")).reset_index()
    pos = df.assign(w=df["position"] * df["impressions"]).groupby("period_start")
    daily["position"] = (pos["w"].sum() / pos["impressions"].sum().replace(0, np.nan)).round(2).values
    daily["clicks"] = (daily["clicks"] * 1.18).round().astype(int)
    daily["impressions"] = (daily["impressions"] * 1.35).round().astype(int)
    daily["period_end"] = daily["period_start"]
    daily["account"] = "sc-domain:rorleggernord.no"
    return daily, df


def _costs(first: date, last: date) -> pd.DataFrame:
    rows = []
    m = first.replace(day=1)
    while m <= last:
        nxt = (m + timedelta(days=32)).replace(day=1)
        for item, channel, amount in (("SEO og innhold (byrå)", "Organic Search", 6000.0),
                                      ("Nettside og hosting", None, 900.0), ("CRM-abonnement", None, 1200.0)):
            rows.append({"account": "manual", "month": m, "item": item, "channel": channel, "amount": amount,
                         "currency": "NOK", "period_start": m, "period_end": nxt - timedelta(days=1)})
        m = nxt
    return pd.DataFrame(rows)


def _plans(con, first: date, last: date) -> None:
    """Targets from the method's example, the LinkedIn experiment, and planning content."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    start = first + timedelta(days=7 * 4)          # targets set after the first month of data
    deadline = start + timedelta(days=365)
    baseline_from, baseline_to = first, start - timedelta(days=1)
    targets = (  # kpi, scope, baseline, target, typed
        ("cpl", "all", 520.0, 390.0, "-25%"),
        ("leads", "all", 44.0, 61.6, "+40%"),
        ("conversion_rate", "all", 0.012, 0.020, "2.0%"),
        ("revenue", "all", 180000.0, 216000.0, "+20%"),
    )
    for kpi, scope, base, target, typed in targets:
        con.execute(
            "INSERT INTO targets (target_id, kpi, scope, baseline, baseline_from, baseline_to, target_value, "
            "target_input, start_date, deadline, owner, name, created_at) "
            "VALUES (nextval('entity_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [kpi, scope, base, baseline_from, baseline_to, target, typed, start, deadline, "Kari", None, now])
    li = next(c for c in CAMPAIGNS if c.source == "linkedin")
    exp_start = first + timedelta(days=7 * li.start_week)
    con.execute(
        "INSERT INTO experiments (experiment_id, name, channel, campaign, hypothesis, bucket, start_date, planned_end, "
        "budget, target_kpi, target_value, status, created_at) VALUES "
        "(nextval('entity_id_seq'), ?, ?, ?, ?, 'experiment', ?, ?, ?, 'cpl', ?, 'running', ?)",
        ["LinkedIn lead-skjema – borettslag", "Paid Social", li.name,
         "Styrer i borettslag svarer på et lead-skjema om rørfornying til under 450 kr per lead.",
         exp_start, exp_start + timedelta(days=41), 18000.0, 450.0, now])
    try:
        from metrics.plan_demo import seed_demo_plans
    except ImportError:
        return
    seed_demo_plans(con, last - timedelta(days=45))
