"""The benchmark's canonical parts: one Parquet file per fact table and source, in the columns of
`warehouse/contract.py` (`bench.generate`)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from bench.gen_account import CURRENCY, GA4_SOURCE_MEDIUM, PLACES, PLATFORM_ACCOUNTS, Campaigns, Size


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
