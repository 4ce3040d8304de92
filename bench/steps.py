"""One benchmark step per process: `python -m bench.steps STEP ARG…`.

Each step runs in a fresh interpreter so its peak memory (`VmHWM`) is its own and "cold"
means cold. It prints one line `BENCH_RESULT {json}` with its timings (seconds, measured around
the work itself; interpreter start and module imports are reported apart as `import_seconds`),
`peak_rss_mb`, and the numbers it computed so the parent can check two implementations agree.

Steps:
  import_mandag CSV      Mandag's importer (`connectors.importing.import_bytes`) into an empty workspace
  import_duckdb CSV      the bare baseline: `CREATE TABLE … AS SELECT * FROM read_csv(…)` into an empty file
  metrics DB             the Monday functions (week list, `metrics.monday.view`, `metrics.decisions.week_rows`)
  pandas PARTS DB        the same numbers from Parquet through pandas (`bench.pandas_monday`)
  apptest DATA_DIR SCRIPT  a page script under AppTest: first run and warm reruns
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_RUNS = 5


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started its program (`VmHWM`).

    Not `ru_maxrss`: Linux carries that across fork and exec, so a step started by a parent that
    had just generated the workspace (2 GB) would report the parent's peak as its own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)   # kB
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)   # elsewhere: KiB


def emit(result: dict) -> None:
    result["peak_rss_mb"] = peak_rss_mb()
    print("BENCH_RESULT " + json.dumps(result, default=str), flush=True)


# --------------------------------------------------------------------------------------------


def import_mandag(csv: str) -> dict:
    t0 = time.perf_counter()
    from connectors import importing
    from warehouse import workspaces
    imported = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        ws = workspaces.create("Import", Path(tmp))
        t = time.perf_counter()
        data = Path(csv).read_bytes()
        report = importing.import_bytes(ws.path, Path(csv).name, data)
        seconds = time.perf_counter() - t
        size = ws.path.stat().st_size
    return {"seconds": seconds, "import_seconds": imported, "status": report.status, "rows": report.rows,
            "error": report.error, "source": report.source, "db_bytes": size,
            "totals": report.totals}


def import_duckdb(csv: str) -> dict:
    t0 = time.perf_counter()
    import duckdb
    imported = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        t = time.perf_counter()
        con = duckdb.connect(str(Path(tmp) / "bare.duckdb"))
        # The header is on line 3 (title and date range above it); let the sniffer type the rest.
        # All text: the `Total: …` rows at the end put words and grouped numbers in typed columns.
        con.execute("CREATE TABLE raw AS SELECT * FROM read_csv(?, skip = 2, header = true, "
                    "all_varchar = true)", [csv])
        rows = con.execute("SELECT count(*) FROM raw").fetchall()[0][0]
        con.close()
        seconds = time.perf_counter() - t
    return {"seconds": seconds, "import_seconds": imported, "rows": rows}


# --------------------------------------------------------------------------------------------


def _summary(weeks, view, rows) -> dict:
    """The numbers both implementations must agree on."""
    cards = {c.name: [c.value, c.previous] for c in view.summary.cards}
    channels = [[r["channel"], r["spend"], r["leads"], r["cpl"], r["previous_cpl"], r["clicks"]]
                for r in view.channels.to_dict("records")]
    decision = [[r.kind, r.channel, r.campaign, r.verdict, r.spend, r.leads, r.p] for r in rows] if rows is not None else None
    return {"weeks": len(weeks), "week": view.week_start, "cards": cards, "channels": channels, "decisions": decision}


def _monday_once(db_path: str, today: date) -> tuple[dict, dict]:
    """The reads the Monday page makes through `ui.cache.cached`, one short-lived connection each.

    Sidebar: `weekly.complete_weeks`; page: `monday.view`; decision table: `monday.decision_view`
    (verdicts, top actions and the log check computed once) or, in older code, `decisions.week_rows`,
    `decisions.top_actions` and `decision_log.week_needs_snapshot` (each present one is timed).
    """
    import importlib

    from metrics import monday, weekly
    from warehouse import db

    def optional(module: str, name: str):
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            return None

    parts: dict[str, float] = {}
    t = time.perf_counter()
    with db.connect(db_path) as con:
        weeks = weekly.complete_weeks(con, today)
    parts["complete_weeks"] = time.perf_counter() - t
    week = weeks[0]
    t = time.perf_counter()
    with db.connect(db_path) as con:
        view = monday.view(con, week, today)
    parts["monday.view"] = time.perf_counter() - t
    rows, error = None, None
    decision_view = optional("metrics.monday", "decision_view")
    if decision_view is not None:   # the verdicts, top actions and log check in one cached read
        calls = [("monday.decision_view", decision_view, (week, today))]
    else:
        calls = [("decisions.week_rows", optional("metrics.decisions", "week_rows"), (week,)),
                 ("decisions.top_actions", optional("metrics.decisions", "top_actions"), (week, "nb")),
                 ("decision_log.week_needs_snapshot", optional("metrics.decision_log", "week_needs_snapshot"),
                  (week, today))]
    if not os.environ.get("BENCH_SKIP_DECISIONS"):
        for label, fn, args in calls:
            if fn is None:
                continue
            t = time.perf_counter()
            try:
                with db.connect(db_path) as con:
                    out = fn(con, *args)
                parts[label] = time.perf_counter() - t
                if label == "decisions.week_rows":
                    rows = out
                elif label == "monday.decision_view":
                    rows = list(out.rows)
            except Exception as exc:   # measured without it; the report names the failure
                error = f"{label}: {type(exc).__name__}: {exc}"
                break
    out = _summary(weeks, view, rows)
    out["decisions_error"] = error
    return parts, out


def _timed_runs(fn) -> dict:
    cold_parts, numbers = fn()
    warm = []
    for _ in range(WARM_RUNS):
        p, _n = fn()
        warm.append(p)
    keys = list(cold_parts)
    return {
        "cold": sum(cold_parts.values()),
        "warm": statistics.median(sum(p.values()) for p in warm),
        "cold_parts": cold_parts,
        "warm_parts": {k: statistics.median(p[k] for p in warm) for k in keys},
        "numbers": numbers,
    }


def metrics(db_path: str) -> dict:
    t0 = time.perf_counter()
    import metrics.monday  # noqa: F401
    import metrics.weekly  # noqa: F401
    try:
        import metrics.decisions  # noqa: F401
    except ImportError:
        pass
    imported = time.perf_counter() - t0
    today = date.today()
    out = _timed_runs(lambda: _monday_once(db_path, today))
    out["import_seconds"] = imported
    out["cached"] = _cached_reads(db_path, today)
    return out


def _cached_reads(db_path: str, today: date) -> float | None:
    """The same reads as the page makes them on a warm server: through `ui.cache.cached` (the
    app's cache of small results, keyed by the file's data version), after a first call filled it.
    Median of WARM_RUNS."""
    try:
        from metrics import monday, weekly
        from ui import cache
    except ImportError:
        return None
    reads = [(weekly.complete_weeks, (today,))]
    week = cache.cached(weekly.complete_weeks, today, db_path=db_path)[0]
    reads += [(monday.view, (week, today))]
    if hasattr(monday, "decision_view") and not os.environ.get("BENCH_SKIP_DECISIONS"):
        reads += [(monday.decision_view, (week, today))]
    for fn, args in reads:
        cache.cached(fn, *args, db_path=db_path)
    times = []
    for _ in range(WARM_RUNS):
        t = time.perf_counter()
        for fn, args in reads:
            cache.cached(fn, *args, db_path=db_path)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def pandas_baseline(parts_dir: str, db_path: str) -> dict:
    t0 = time.perf_counter()
    import pandas  # noqa: F401

    import metrics.monday  # noqa: F401
    from bench import pandas_monday
    from metrics import weekly
    from warehouse import db, settings
    imported = time.perf_counter() - t0
    today = date.today()
    t = time.perf_counter()
    frames = pandas_monday.load(Path(parts_dir))
    with db.connect(db_path) as con:
        conf = settings.get_all(con)
        source = weekly.lead_source(con)
    facts = pandas_monday.unified(frames)
    load_seconds = time.perf_counter() - t
    with pandas_monday.patched(frames, conf, source, facts):
        out = _timed_runs(lambda: _monday_once(db_path, today))
    out["cold"] += load_seconds
    out["cold_parts"] = {"load parquet": load_seconds, **out["cold_parts"]}
    out["import_seconds"] = imported
    return out


# --------------------------------------------------------------------------------------------


def apptest(data_dir: str, script: str) -> dict:
    os.environ["MANDAG_DATA"] = data_dir
    t0 = time.perf_counter()
    from streamlit.testing.v1 import AppTest
    imported = time.perf_counter() - t0
    os.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / script), default_timeout=300)
    t = time.perf_counter()
    at.run()
    first = time.perf_counter() - t
    errors = [str(e.value) for e in at.exception]
    warm = []
    for _ in range(3):
        t = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - t)
        errors += [str(e.value) for e in at.exception]
    return {"first": first, "warm": statistics.median(warm), "warm_runs": warm, "import_seconds": imported,
            "metrics": len(at.metric), "dataframes": len(at.dataframe), "errors": errors[:3]}


STEPS = {"import_mandag": import_mandag, "import_duckdb": import_duckdb, "metrics": metrics,
         "pandas": pandas_baseline, "apptest": apptest}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    name, args = argv[0], argv[1:]
    try:
        result = STEPS[name](*args)
        result["ok"] = True
    except Exception as exc:  # the parent reports the step as failed, with the reason
        result = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()[-2000:]}
    emit(result)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
