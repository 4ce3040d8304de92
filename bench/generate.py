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

The account's shape is `bench/gen_account.py`, the Google Ads export `bench/gen_export.py`, the
Parquet parts `bench/gen_parts.py`; this module draws them in a fixed order, loads the workspace,
writes the manifest and keeps the cache.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import asdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from bench.gen_account import CURRENCY, GOOGLE_ADS_FILE, SIZES, ad_rows, day_multiplier, make_campaigns
from bench.gen_export import write_google_ads
from bench.gen_parts import ad_parts, costs_part, crm_part, ga4_part, gsc_parts

GENERATOR_VERSION = 6   # 4: workspaces carry the weekly rollup (warehouse/rollup.py); 5: written in week order;
#                        6: the rollup keeps mapped names (migration 8)
WORKSPACE_NAME = "Stor konto AS"
CACHE_DIR = Path(__file__).resolve().parent / ".cache"


def last_complete_sunday(today: date | None = None) -> date:
    """The Sunday that ended the last complete ISO week: Thu 2026-11-26 → Sun 2026-11-22."""
    today = today or datetime.now(timezone.utc).date()
    return today - timedelta(days=today.weekday() + 1)


def cache_key(size: str, end: date, seed: int) -> str:
    return f"v{GENERATOR_VERSION}-{size}-{end.isoformat()}-s{seed}"


def default_folder(size: str, end: date, seed: int) -> Path:
    return CACHE_DIR / cache_key(size, end, seed)



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
