"""A separate process for the crash, lock and concurrency tests: `python tests/proc_worker.py ROLE …`.

Roles:
  load  --db PATH --rows N --seed S --account A --start YYYY-MM-DD --days D [--origin file|api] [--source S]
        build a Google Ads-shaped frame (deterministic from the seed), print `ready`, load it.
  undo  --db PATH                  print `ready`, undo the newest loaded import.
  hold  --db PATH --seconds S      open the workspace, print `locked`, keep the write lock S seconds.
  soak-load --db PATH --seconds S --seed S --account A [--origin api]
        load small deterministic frames into rotating date ranges until S seconds have passed;
        print one JSON line per finished load.
  soak-read --db PATH --seconds S  read totals repeatedly and check the import log agrees with the
        facts inside one snapshot; print a JSON summary.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from warehouse import db  # noqa: E402
from warehouse.loader import FileLoad, Part, load  # noqa: E402


def ads_frame(rows: int, seed: int, account: str, start: date, days: int, source: str = "google_ads") -> pd.DataFrame:
    """`rows` ad rows spread over `days` days from `start`; spend in øre-exact kroner."""
    rng = np.random.default_rng(seed)
    campaigns = max(1, -(-rows // days))
    idx = np.arange(rows)
    day = np.array([start + timedelta(days=int(d)) for d in range(days)], dtype="datetime64[D]")[idx % days]
    return pd.DataFrame({
        "source": source,
        "account": account,
        "campaign": pd.Series([f"Kampanje {i}" for i in range(campaigns)])[idx // days].to_numpy(),
        "campaign_type": "Search",
        "channel": "Paid Search",
        "period_start": day,
        "period_end": day,
        "currency": "NOK",
        "spend": rng.integers(0, 200_000, rows) / 100,
        "impressions": rng.integers(0, 5_000, rows),
        "clicks": rng.integers(0, 200, rows),
        "conversions": rng.integers(0, 5, rows).astype(float),
        "conversion_value": rng.integers(0, 100_000, rows) / 100,
    })


def google_ads_csv(rows: int, seed: int, start: date, days: int, campaign: str | None = None) -> tuple[bytes, dict[str, float]]:
    """A Google Ads "Campaign report" export (English UI, daily) and the totals it holds.

    Spend is whole øre, so the totals are exact: (bytes, {"spend", "clicks", "impressions", "rows"}).
    """
    rng = np.random.default_rng(seed)
    campaigns = max(1, -(-rows // days))
    names = [campaign] if campaign else [f"Kampanje {seed}-{i}" for i in range(campaigns)]
    lines = ["Campaign report", f'"{start:%B} {start.day}, {start.year} - '
             f'{(start + timedelta(days=days - 1)):%B} {(start + timedelta(days=days - 1)).day}, '
             f'{(start + timedelta(days=days - 1)).year}"',
             "Day,Campaign status,Campaign,Campaign type,Budget,Currency code,Impr.,Interactions,Clicks,CTR,"
             "Avg. CPC,Cost,Conversions,Conv. rate,Conv. value,Search impr. share"]
    spend_ore = rng.integers(100, 200_000, rows)
    clicks = rng.integers(1, 200, rows)
    impr = clicks * 10 + rng.integers(0, 5_000, rows)
    for k in range(rows):
        day = start + timedelta(days=k % days)
        name = names[min(k // days, len(names) - 1)] if not campaign else campaign
        quoted = '"' + name.replace('"', '""') + '"'
        lines.append(f"{day.isoformat()},Enabled,{quoted},Search,500.00,NOK,{impr[k]}, --,{clicks[k]},1.00%,"
                     f"1.00,{spend_ore[k] // 100}.{spend_ore[k] % 100:02d},1.00,1.00%,10.00, --")
    totals = {"rows": rows, "spend": round(int(spend_ore.sum()) / 100, 2), "clicks": int(clicks.sum()),
              "impressions": int(impr.sum())}
    return ("\n".join(lines) + "\n").encode("utf-8"), totals


def meta_csv(campaigns: int, seed: int, month_start: date, month_end: date,
             campaign: str | None = None) -> tuple[bytes, dict[str, float]]:
    """A Meta Ads Manager export: one row per campaign for one reporting block, and its totals."""
    rng = np.random.default_rng(seed)
    lines = ['"Reporting starts","Reporting ends","Campaign name",Results,"Result indicator",Impressions,'
             '"Link clicks","Amount spent (NOK)"']
    spend_ore = rng.integers(100, 500_000, campaigns)
    clicks = rng.integers(1, 500, campaigns)
    for k in range(campaigns):
        name = campaign if campaign else f"Meta {seed}-{k}"
        quoted = '"' + name.replace('"', '""') + '"'
        lines.append(f"{month_start.isoformat()},{month_end.isoformat()},{quoted},3,"
                     f"actions:onsite_conversion.lead_grouped,{clicks[k] * 20},{clicks[k]},"
                     f"{spend_ore[k] // 100}.{spend_ore[k] % 100:02d}")
    totals = {"rows": campaigns, "spend": round(int(spend_ore.sum()) / 100, 2), "clicks": int(clicks.sum())}
    return ("\n".join(lines) + "\n").encode("utf-8"), totals


def file_load(frame: pd.DataFrame, name: str, account: str, start: date, days: int, origin: str = "file",
              source: str = "google_ads") -> FileLoad:
    digest = pd.util.hash_pandas_object(frame, index=False).sum()
    return FileLoad(file_name=name, file_hash=f"{name}-{int(digest)}", source=source, account=account,
                    date_from=start, date_to=start + timedelta(days=days - 1),
                    parts=(Part("ad_performance", frame),), currency="NOK", origin=origin)  # type: ignore[arg-type]


def state(path: str | Path) -> dict[str, float]:
    """What the tests compare: rows, spend and clicks of the facts, and the loaded imports."""
    with db.connect(path) as con:
        n, spend, clicks = con.execute(
            "SELECT count(*), round(coalesce(sum(spend), 0), 2), coalesce(sum(clicks), 0) FROM ad_performance"
        ).fetchall()[0]
        imports = con.execute("SELECT count(*) FROM imports WHERE status = 'loaded'").fetchall()[0][0]
    return {"rows": int(n), "spend": float(spend), "clicks": int(clicks), "imports": int(imports)}


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("role")
    p.add_argument("--db", required=True)
    p.add_argument("--rows", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--account", default="123-456-7890")
    p.add_argument("--start", default="2025-01-01")
    p.add_argument("--days", type=int, default=30)
    p.add_argument("--origin", default="file")
    p.add_argument("--source", default="google_ads")
    p.add_argument("--seconds", type=float, default=1.0)
    a = p.parse_args(argv)
    start = date.fromisoformat(a.start)

    if a.role == "load":
        frame = ads_frame(a.rows, a.seed, a.account, start, a.days, a.source)
        fl = file_load(frame, f"load-{a.seed}.csv", a.account, start, a.days, a.origin, a.source)
        print("ready", flush=True)
        with db.connect(a.db) as con:
            res = load(con, fl)
        print(json.dumps({"status": res.status, "rows": res.rows, "spend": round(float(frame.spend.sum()), 2)}),
              flush=True)
        return 0

    if a.role == "undo":  # undo the newest loaded import
        from warehouse.loader import undo

        print("ready", flush=True)
        with db.connect(a.db) as con:
            newest = con.execute("SELECT max(import_id) FROM imports WHERE status = 'loaded'").fetchall()[0][0]
            removed = undo(con, int(newest))
        print(json.dumps({"removed": removed}), flush=True)
        return 0

    if a.role == "hold":
        with db.connect(a.db):
            print("locked", flush=True)
            time.sleep(a.seconds)
        return 0

    if a.role == "soak-load":
        deadline = time.monotonic() + a.seconds
        i = 0
        while time.monotonic() < deadline:
            # 4 rotating weeks per worker: later loads replace earlier ones of the same week
            week_start = start + timedelta(days=7 * (i % 4))
            frame = ads_frame(700, a.seed * 1000 + i, a.account, week_start, 7, a.source)
            fl = file_load(frame, f"{a.origin}-{a.seed}-{i}.csv", a.account, week_start, 7, a.origin, a.source)
            with db.connect(a.db) as con:
                res = load(con, fl)
            print(json.dumps({"i": i, "week": week_start.isoformat(), "status": res.status, "rows": res.rows,
                              "spend": round(float(frame.spend.sum()), 2)}), flush=True)
            i += 1
            time.sleep(0.05)
        return 0

    if a.role == "soak-read":
        deadline = time.monotonic() + a.seconds
        reads, mismatches = 0, []
        while time.monotonic() < deadline:
            with db.connect(a.db) as con:
                facts = con.execute("SELECT round(coalesce(sum(spend), 0), 2) FROM ad_performance").fetchall()[0][0]
                logged = con.execute(
                    "SELECT coalesce(sum(CAST(json_extract(totals, '$.spend') AS DOUBLE)), 0) FROM imports "
                    "WHERE status = 'loaded'").fetchall()[0][0]
            reads += 1
            if abs(float(facts) - float(logged)) > 0.01:
                mismatches.append([float(facts), float(logged)])
            time.sleep(0.1)
        print(json.dumps({"reads": reads, "mismatches": mismatches}), flush=True)
        return 0

    p.error(f"unknown role {a.role}")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
