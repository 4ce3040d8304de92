"""The Monday numbers computed the plain-pandas way: the baseline Mandag's DuckDB path must beat.

A pandas dashboard keeps its fact tables as files, reads them into DataFrames once and filters
and groups them on every view. This module does exactly that with the benchmark's Parquet parts,
and computes the same numbers as the functions the Monday page calls:

* `period_sums` (the KPI cards, this week and the week before), `channel_table` and `data_range`
  of `metrics.weekly`;
* `facts` of `metrics.decision_data` (spend, clicks, leads, sales, revenue per channel × campaign
  × period over the decision window).

`patched()` swaps these in for the DuckDB versions, so `metrics.monday.view` and
`metrics.decisions.week_rows` run their own Python (cards, Bayesian verdicts) on numbers that
came from pandas. The small user-entered tables (settings, targets, experiments) are still read
through the workspace connection in both runs: they are a few rows and not what is compared.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

PAID_CHANNELS = ("Paid Search", "Paid Social", "Paid Video", "Paid Shopping", "Paid Other", "Display",
                 "Cross-network", "Audio")
_SEP = r"[\s_\-]+"

AD_COLS = ["source", "campaign", "channel", "period_start", "period_end", "currency", "spend", "impressions",
           "clicks", "conversions", "conversion_value"]
GA_COLS = ["period_start", "period_end", "channel_group", "campaign", "sessions", "key_events", "lead_events",
           "revenue", "purchases"]
CRM_COLS = ["created_date", "won_date", "channel", "campaign", "value", "is_qualified"]


@dataclass
class Frames:
    ad: pd.DataFrame
    ga: pd.DataFrame
    crm: pd.DataFrame
    costs: pd.DataFrame
    search_daily: pd.DataFrame


def _dates(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    for c in cols:
        df[c] = pd.to_datetime(df[c])
    return df


def load(parts: Path) -> Frames:
    """Read the fact tables the Monday view needs (only the columns it uses)."""
    ad = pd.concat([pd.read_parquet(p, columns=AD_COLS) for p in sorted(parts.glob("ad_performance-*.parquet"))],
                   ignore_index=True)
    ga = pd.read_parquet(parts / "web_analytics-ga4.parquet", columns=GA_COLS)
    crm = pd.read_parquet(parts / "crm_deals-crm.parquet", columns=CRM_COLS)
    costs = pd.read_parquet(parts / "costs-costs.parquet", columns=["period_start", "period_end", "amount", "channel"])
    sd = pd.read_parquet(parts / "search_daily-search_console.parquet", columns=["period_start", "period_end"])
    return Frames(_dates(ad, ["period_start", "period_end"]), _dates(ga, ["period_start", "period_end"]),
                  _dates(crm, ["created_date", "won_date"]), _dates(costs, ["period_start", "period_end"]),
                  _dates(sd, ["period_start", "period_end"]))


def _ts(d: date) -> pd.Timestamp:
    return pd.Timestamp(d)


def _inside(df: pd.DataFrame, start: date, end: date) -> pd.Series:
    return (df["period_start"] >= _ts(start)) & (df["period_end"] <= _ts(end))


def period_sums(F: Frames, settings: dict, source: str, start: date, end: date) -> dict[str, float | None]:
    """Same numbers as `metrics.weekly.period_sums`."""
    ad = F.ad[_inside(F.ad, start, end)]
    ga = F.ga[_inside(F.ga, start, end)]
    ga_leads = ga["lead_events"].fillna(ga["key_events"])
    crm = F.crm
    created = crm["created_date"].between(_ts(start), _ts(end)) & crm["is_qualified"]
    won = crm["won_date"].between(_ts(start), _ts(end))
    c = F.costs[(F.costs["period_start"] <= _ts(end)) & (F.costs["period_end"] >= _ts(start))]
    overlap = ((np.minimum(c["period_end"], _ts(end)) - np.maximum(c["period_start"], _ts(start))).dt.days + 1)
    length = (c["period_end"] - c["period_start"]).dt.days + 1
    has_ad, has_ga, crm_any = len(ad) > 0, len(ga) > 0, len(crm) > 0
    spend = float(ad["spend"].sum()) if has_ad else None
    other = float((c["amount"] * overlap / length).sum()) if len(c) else 0.0
    out: dict[str, float | None] = {
        "one": 1.0, "spend": spend,
        "clicks": float(ad["clicks"].sum()) if has_ad else None,
        "impressions": float(ad["impressions"].sum()) if has_ad else None,
        "platform_conversions": float(ad["conversions"].sum()) if has_ad else None,
        "sessions": float(ga["sessions"].sum()) if has_ga else None,
        "site_leads": float(ga_leads.sum()) if has_ga else None,
        "marketing_cost": (spend or 0.0) + other if (has_ad or len(c)) else None,
    }
    if source == "crm":
        out["leads"] = float(created.sum())
        out["paid_leads"] = float((created & crm["channel"].isin(PAID_CHANNELS)).sum())
    elif source == "ga4":
        out["leads"] = float(ga_leads.sum()) if has_ga else None
        out["paid_leads"] = float(ga_leads[ga["channel_group"].isin(PAID_CHANNELS)].sum()) if has_ga else None
    else:
        out["leads"] = out["paid_leads"] = out["platform_conversions"]
    if crm_any:
        out["new_customers"] = float(won.sum())
    elif settings.get("business_type") == "shop" and has_ga:
        out["new_customers"] = float(ga["purchases"].sum())
    else:
        out["new_customers"] = None
    rs = settings.get("revenue_source")
    if rs == "crm" or (rs == "auto" and crm_any):
        out["revenue"] = float(crm.loc[won, "value"].sum()) if crm_any else None
    else:
        out["revenue"] = float(ad["conversion_value"].sum()) if has_ad else None
    return out


def _lead_rows(F: Frames, source: str) -> pd.DataFrame:
    """(channel, campaign, period_start, period_end, leads) from the lead source of truth."""
    if source == "platform":
        return F.ad[["channel", "campaign", "period_start", "period_end", "conversions"]].rename(
            columns={"conversions": "leads"})
    if source == "ga4":
        g = F.ga
        return pd.DataFrame({"channel": g["channel_group"], "campaign": g["campaign"], "period_start": g["period_start"],
                             "period_end": g["period_end"], "leads": g["lead_events"].fillna(g["key_events"])})
    c = F.crm[F.crm["is_qualified"]]
    return pd.DataFrame({"channel": c["channel"].fillna("(not set)"), "campaign": c["campaign"],
                         "period_start": c["created_date"], "period_end": c["created_date"], "leads": 1.0})


def channel_table(F: Frames, source: str, week_start: date) -> pd.DataFrame:
    """Same frame as `metrics.weekly.channel_table`."""
    prev = week_start - pd.Timedelta(days=7)
    end = week_start + pd.Timedelta(days=6)
    before = week_start - pd.Timedelta(days=1)
    ad = F.ad[(F.ad["period_end"] >= _ts(prev)) & (F.ad["period_start"] <= _ts(end))]
    this, last = _inside(ad, week_start, end), _inside(ad, prev, before)
    a = pd.DataFrame({
        "channel": ad["channel"],
        "spend": ad["spend"].where(this), "prev_spend": ad["spend"].where(last),
        "clicks": ad["clicks"].where(this), "impressions": ad["impressions"].where(this),
    }).groupby("channel").sum(min_count=1)
    ld = _lead_rows(F, source)
    ld = ld[(ld["period_end"] >= _ts(prev)) & (ld["period_start"] <= _ts(end))]
    this, last = _inside(ld, week_start, end), _inside(ld, prev, before)
    lds = pd.DataFrame({"channel": ld["channel"].fillna("(not set)"), "leads": ld["leads"].where(this),
                        "prev_leads": ld["leads"].where(last)}).groupby("channel").sum(min_count=1)
    t = a.join(lds, how="outer")
    t = t[t["spend"].notna() | t["leads"].notna()].reset_index()
    out = pd.DataFrame({
        "channel": t["channel"], "spend": t["spend"], "leads": t["leads"].fillna(0.0),
        "cpl": t["spend"] / t["leads"].where(t["leads"] != 0),
        "previous_cpl": t["prev_spend"] / t["prev_leads"].where(t["prev_leads"] != 0),
        "clicks": t["clicks"], "impressions": t["impressions"],
    })
    out = out.sort_values(["spend", "leads", "channel"], ascending=[False, False, True], na_position="last")
    out = out.reset_index(drop=True)
    return out.astype(object).where(out.notna(), None)


def data_range(F: Frames) -> tuple[date | None, date | None]:
    starts = [F.ad["period_start"].min(), F.ga["period_start"].min(), F.search_daily["period_start"].min(),
              F.crm["created_date"].min()]
    ends = [F.ad["period_end"].max(), F.ga["period_end"].max(), F.search_daily["period_end"].max(),
            F.crm["created_date"].max()]
    s = [x for x in starts if pd.notna(x)]
    e = [x for x in ends if pd.notna(x)]
    return (min(s).date() if s else None, max(e).date() if e else None)


def _norm(s: pd.Series) -> pd.Series:
    return s.str.lower().str.replace(_SEP, " ", regex=True).str.strip()


SUMS = ("n_ad", "n_ga4", "n_crm", "n_cost", "spend", "impressions", "clicks", "platform_conversions", "platform_value",
        "sessions", "ga4_leads", "ga4_paid_leads", "ga4_revenue", "ga4_paid_revenue", "ga4_purchases", "crm_leads",
        "crm_paid_leads", "crm_customers", "crm_revenue", "crm_paid_revenue", "other_costs")
GRAIN_KEYS = {"all": (), "channel": ("channel",), "source": ("source",), "campaign": ("channel", "source", "campaign")}


def unified(F: Frames, currency: str = "NOK") -> pd.DataFrame:
    """Every fact as one row shape, like `metrics.aggregate` (no channel_map rows, one currency).

    Built once when the data is loaded (what a pandas app would cache), so each view only
    filters and groups.
    """
    ad = F.ad
    if (ad["currency"] != currency).any():
        raise ValueError("the pandas baseline covers single-currency workspaces")
    ncamp = _norm(ad["campaign"])
    best = ad.assign(ncamp=ncamp).sort_values("spend", ascending=False, kind="stable").drop_duplicates("ncamp")
    camp = best.set_index("ncamp")[["campaign", "source", "channel"]]
    paid = {c.lower() for c in ad["channel"].unique()} | {c.lower() for c in PAID_CHANNELS}

    def matched(names: pd.Series) -> pd.DataFrame:
        return camp.reindex(_norm(names).to_numpy()).reset_index(drop=True)

    n = len(ad)
    parts = [pd.DataFrame({
        "fam": "ad", "period_start": ad["period_start"].to_numpy(), "period_end": ad["period_end"].to_numpy(),
        "channel": ad["channel"].to_numpy(), "source": ad["source"].to_numpy(), "campaign": ad["campaign"].to_numpy(),
        "spend": ad["spend"].to_numpy(float), "impressions": ad["impressions"].to_numpy(float),
        "clicks": ad["clicks"].to_numpy(float), "platform_conversions": ad["conversions"].to_numpy(float),
        "platform_value": ad["conversion_value"].to_numpy(float), "n_ad": np.ones(n)})]
    g = F.ga
    m = matched(g["campaign"])
    parts.append(pd.DataFrame({
        "fam": "ga4", "period_start": g["period_start"].to_numpy(), "period_end": g["period_end"].to_numpy(),
        "channel": m["channel"].fillna(pd.Series(g["channel_group"].to_numpy())).to_numpy(),
        "source": m["source"].to_numpy(),
        "campaign": m["campaign"].fillna(pd.Series(g["campaign"].to_numpy())).to_numpy(),
        "sessions": g["sessions"].to_numpy(float),
        "ga4_leads": g["lead_events"].fillna(g["key_events"]).to_numpy(float),
        "ga4_revenue": g["revenue"].to_numpy(float), "ga4_purchases": g["purchases"].to_numpy(float),
        "n_ga4": np.ones(len(g))}))
    c = F.crm
    m = matched(c["campaign"])
    channel = m["channel"].fillna(pd.Series(c["channel"].to_numpy())).fillna("Unassigned").to_numpy()
    campaign = m["campaign"].fillna(pd.Series(c["campaign"].to_numpy())).to_numpy()
    parts.append(pd.DataFrame({
        "fam": "crm", "period_start": c["created_date"].to_numpy(), "period_end": c["created_date"].to_numpy(),
        "channel": channel, "source": m["source"].to_numpy(), "campaign": campaign,
        "crm_leads": c["is_qualified"].to_numpy(float), "n_crm": np.ones(len(c))}))
    won = c["won_date"].notna().to_numpy()
    parts.append(pd.DataFrame({
        "fam": "crm", "period_start": c["won_date"].to_numpy()[won], "period_end": c["won_date"].to_numpy()[won],
        "channel": channel[won], "source": m["source"].to_numpy()[won], "campaign": campaign[won],
        "crm_customers": np.ones(int(won.sum())), "crm_revenue": c["value"].fillna(0.0).to_numpy(float)[won],
        "n_crm": np.ones(int(won.sum()))}))
    k = F.costs
    days = ((k["period_end"] - k["period_start"]).dt.days + 1).to_numpy()
    idx = np.repeat(np.arange(len(k)), days)
    offs = np.arange(days.sum()) - np.repeat(np.cumsum(days) - days, days)
    d = k["period_start"].to_numpy()[idx] + offs.astype("timedelta64[D]")
    parts.append(pd.DataFrame({
        "fam": "cost", "period_start": d, "period_end": d, "channel": k["channel"].to_numpy()[idx],
        "source": None, "campaign": None, "other_costs": (k["amount"].to_numpy() / days)[idx],
        "n_cost": np.ones(len(idx))}))
    u = pd.concat(parts, ignore_index=True)
    for col in SUMS:
        if col not in u:
            u[col] = 0.0
        u[col] = u[col].fillna(0.0)
    is_paid = u["channel"].str.lower().isin(paid).to_numpy()
    u["ga4_paid_leads"] = np.where(is_paid, u["ga4_leads"], 0.0)
    u["ga4_paid_revenue"] = np.where(is_paid, u["ga4_revenue"], 0.0)
    u["crm_paid_leads"] = np.where(is_paid, u["crm_leads"], 0.0)
    u["crm_paid_revenue"] = np.where(is_paid, u["crm_revenue"], 0.0)
    u["week_start"] = u["period_start"] - pd.to_timedelta(u["period_start"].dt.weekday, unit="D")
    u["same_week"] = u["week_start"] == u["period_end"] - pd.to_timedelta(u["period_end"].dt.weekday, unit="D")
    return u


def _groups(sel: pd.DataFrame, keys: list[str], nkeys_date: int = 0, window_key: str | None = None):
    """Groups with the sums in `metrics.aggregate.SUM_FIELDS` order (w_ga4: GA4 rows of the whole window/week)."""
    from metrics.aggregate import SUM_FIELDS, Group

    unknown = [f for f in SUM_FIELDS if f not in SUMS and f != "w_ga4"]
    if unknown:
        raise KeyError(f"the pandas baseline does not compute the new sum field(s) {unknown}")
    if not keys:
        sums = sel[list(SUMS)].sum()
        d = {f: float(sums[f]) for f in SUMS}
        d["w_ga4"] = d["n_ga4"]
        return [Group((), {f: d[f] for f in SUM_FIELDS})]
    agg = sel.groupby(keys, dropna=False, sort=False)[list(SUMS)].sum().reset_index()
    if window_key is None:
        agg["w_ga4"] = agg["n_ga4"].sum()
    else:
        agg["w_ga4"] = agg.groupby(window_key)["n_ga4"].transform("sum")
    agg = agg.sort_values(keys, na_position="last", kind="stable")
    out = []
    key_cols = [agg[k].tolist() for k in keys]
    vals = agg[list(SUM_FIELDS)].to_numpy(float)
    for i in range(len(agg)):
        key = tuple((None if (v is None or (isinstance(v, float) and np.isnan(v))) else
                     (v.date() if j < nkeys_date else v)) for j, v in enumerate(col[i] for col in key_cols))
        out.append(Group(key, dict(zip(SUM_FIELDS, vals[i].tolist()))))
    return out


def window_sums(U: pd.DataFrame, start: date, end: date, grain: str = "all", **_kw):
    sel = U[(U["period_start"] >= _ts(start)) & (U["period_end"] <= _ts(end))]
    return _groups(sel, list(GRAIN_KEYS[grain]))


def weekly_sums(U: pd.DataFrame, first_week: date, last_week: date, grain: str = "all", **_kw):
    end = _ts(last_week) + pd.Timedelta(days=6)
    sel = U[U["same_week"] & (U["period_start"] >= _ts(first_week)) & (U["period_end"] <= end)]
    return _groups(sel, ["week_start", *GRAIN_KEYS[grain]], nkeys_date=1, window_key="week_start")


def weekly_fields(U: pd.DataFrame, first_week: date, last_week: date, grain: str, fields) -> list[tuple]:
    """`metrics.aggregate.weekly_fields` in pandas: the weekly groups, only the named sums, as tuples."""
    return [(*g.key, *(g[f] for f in fields)) for g in weekly_sums(U, first_week, last_week, grain)]


def weekly_field_arrays(U: pd.DataFrame, first_week: date, last_week: date, grain: str, fields) -> dict:
    """`metrics.aggregate.weekly_field_arrays` in pandas: `weekly_fields` as one array per column."""
    rows = weekly_fields(U, first_week, last_week, grain, fields)
    names = ["week_start", *GRAIN_KEYS[grain], *fields]
    cols = list(zip(*rows)) if rows else [() for _ in names]
    out = {"week_start": np.array(cols[0], dtype="datetime64[us]")}
    for name, col in zip(names[1:], cols[1:]):
        out[name] = np.array(col, dtype=float if name in fields else object)
    return out


@contextlib.contextmanager
def _no_prefetch(con, windows, grains) -> Iterator[None]:
    """`metrics.aggregate.prefetch` without DuckDB: each window is then read by the pandas `window_sums`."""
    yield


@contextlib.contextmanager
def patched(F: Frames, settings: dict, source: str, U: pd.DataFrame | None = None) -> Iterator[None]:
    """Run the Monday functions with pandas in place of DuckDB for the fact tables.

    When `metrics.aggregate` exists (the one statement behind the KPI sums and the decision
    facts), its `window_sums` / `weekly_sums` / `weekly_fields` are swapped for the pandas
    versions wherever a `metrics` module holds them (and `prefetch`, which reads ahead in DuckDB,
    for a no-op), and the rest of the Python (leads, KPIs, verdicts) runs as is.
    Without it, `metrics.weekly`'s own readers are swapped.
    """
    import importlib
    import sys

    from metrics import weekly

    saved: list[tuple[object, str, object]] = []

    def swap(mod: object, name: str, fn: object) -> None:
        saved.append((mod, name, getattr(mod, name)))
        setattr(mod, name, fn)

    try:
        aggregate = importlib.import_module("metrics.aggregate")
    except ImportError:
        aggregate = None
    if aggregate is not None and U is not None:
        for name in ("metrics.decision_data", "metrics.decision_dense", "metrics.evaluate", "metrics.leads",
                     "metrics.weekly", "metrics.monday"):
            try:
                importlib.import_module(name)
            except ImportError:
                pass
        originals = {"window_sums": aggregate.window_sums, "weekly_sums": aggregate.weekly_sums,
                     "weekly_fields": getattr(aggregate, "weekly_fields", None),
                     "weekly_field_arrays": getattr(aggregate, "weekly_field_arrays", None),
                     "prefetch": getattr(aggregate, "prefetch", None)}
        fakes = {"window_sums": lambda con, start, end, grain="all", **kw: window_sums(U, start, end, grain),
                 "weekly_sums": lambda con, first, last, grain="all", **kw: weekly_sums(U, first, last, grain),
                 "weekly_fields": lambda con, first, last, grain, fields: weekly_fields(U, first, last, grain, fields),
                 "weekly_field_arrays": lambda con, first, last, grain, fields: weekly_field_arrays(
                     U, first, last, grain, fields),
                 "prefetch": _no_prefetch}
        originals = {k: v for k, v in originals.items() if v is not None}
        for mod in [m for n, m in list(sys.modules.items()) if n == "metrics" or n.startswith("metrics.")]:
            for fname, original in originals.items():
                if getattr(mod, fname, None) is original:
                    swap(mod, fname, fakes[fname])
    else:
        swap(weekly, "period_sums", lambda con, start, end, src=None: period_sums(F, settings, src or source, start, end))
        swap(weekly, "channel_table", lambda con, week_start: channel_table(F, source, week_start))
    if hasattr(weekly, "data_range"):
        swap(weekly, "data_range", lambda con: data_range(F))
    try:
        yield
    finally:
        for mod, name, fn in reversed(saved):
            setattr(mod, name, fn)
