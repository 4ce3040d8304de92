"""What a user waits for in a real browser: headless Chromium against a running Streamlit server.

    python -m bench.browser DATA_DIR [--runs 3]

Starts two servers one after the other is warm — the Mandag app (`app.py`, `MANDAG_DATA=DATA_DIR`)
and `bench/minimal_page.py` — and, for each, measures in new browser contexts (fresh sessions:
no cookies, no cache) the time from `page.goto` until the page is complete:

* script state `notRunning`, nothing greyed out (`[data-stale=true]`),
* Monday: the six KPI values (`stMetricValue`) and the decision table (a Markdown table; an
  `stDataFrame` drawn on its canvas or an `stTable` in older versions);
  minimal page: its one metric.

Each server first serves one page load that is not counted (the warm server: imports done,
caches filled, JavaScript compiled once; the Monday server a second one, see below). Loads
alternate between the two servers so drift on the shared machine hits both. Then, in one Monday
session, the time from a click on another week until the rerun is visible — the week before
the one shown (the heading's "◂ week N" button; worked out in the background while the page is
read, `ui/warm.py`) and a week further back (the sidebar's list of all weeks; computed on the
click) — each after `READ_SECONDS` on the page, and on
both pages the time of a plain rerun (the `r` key). Finally the servers' resident memory (now
and peak, from /proc).

Prints `BENCH_RESULT {json}`.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
READ_SECONDS = 3.0     # a user reads the page before clicking again
FAR_WEEK = 12          # "a week further back": 12, 15, 18 … weeks before the newest
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# The page is complete: the run has finished, nothing is stale, the values and table are drawn.
COMPLETE_JS = """(want) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  const shown = [...document.querySelectorAll('[data-testid="stMetricValue"]')].filter(e => e.offsetParent !== null);
  if (shown.length < want.metrics) return false;
  if (want.table) {   // the decision table: an interactive grid (drawn on its canvas), a static or a Markdown table
    const grid = [...document.querySelectorAll('[data-testid="stDataFrame"]')].some(t => t.offsetHeight > 0 && t.querySelector('canvas'));
    const table = [...document.querySelectorAll('[data-testid="stTable"], [data-testid="stMarkdownContainer"] table')]
      .some(t => t.offsetHeight > 0 && t.querySelector('td'));
    if (!grid && !table) return false;
  }
  if (want.changed && window.__heading === (document.querySelector('h1') || {}).innerText) return false;
  const values = [...document.querySelectorAll('[data-testid="stMetricValue"]')].map(e => e.innerText).join('|');
  if (want.rerun && !window.__sawRunning && values === window.__values) return false;
  return true;
}"""

WATCH_JS = """() => {
  window.__sawRunning = false;
  window.__heading = (document.querySelector('h1') || {}).innerText;
  window.__values = [...document.querySelectorAll('[data-testid="stMetricValue"]')].map(e => e.innerText).join('|');
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(() => {
    if (app.getAttribute('data-test-script-state') === 'running') window.__sawRunning = true;
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, script: str, data_dir: str | None):
        self.port = free_port()
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        if data_dir:
            env["MANDAG_DATA"] = data_dir
        self.log = open(Path(os.environ.get("BENCH_TMP", "/tmp")) / f"bench-server-{self.port}.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(self.port), "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}/"
        t = time.perf_counter()
        while True:
            try:
                with urllib.request.urlopen(self.url + "_stcore/health", timeout=1) as r:
                    if r.read().decode().strip() == "ok":
                        break
            except OSError:
                pass
            if self.proc.poll() is not None or time.perf_counter() - t > 60:
                raise RuntimeError(f"streamlit did not start for {script}; see {self.log.name}")
            time.sleep(0.1)
        self.start_seconds = time.perf_counter() - t

    def memory_mb(self) -> dict[str, float]:
        out = {}
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out["rss_mb" if key == "VmRSS" else "peak_rss_mb"] = round(int(value.split()[0]) / 1024, 1)
        return out

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def open_once(browser, url: str, want: dict, timeout_ms: int = 120_000) -> float:
    """Seconds from navigation start in a fresh context until the page is complete."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 1400})
    page = ctx.new_page()
    try:
        t = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_function(COMPLETE_JS, arg=want, polling="raf", timeout=timeout_ms)
        return time.perf_counter() - t
    finally:
        ctx.close()


def rerun_key(page, want: dict) -> float:
    page.evaluate("() => document.activeElement && document.activeElement.blur()")   # keys go to the page
    page.evaluate(WATCH_JS)
    t = time.perf_counter()
    page.keyboard.press("r")
    page.wait_for_function(COMPLETE_JS, arg={**want, "rerun": True}, polling="raf", timeout=10_000)
    return time.perf_counter() - t


def previous_week(page, want: dict, read_seconds: float = 0.0) -> float:
    """After `read_seconds` on the page, click the heading's "◂ week N" button; seconds from the
    click until the rerun is visible."""
    time.sleep(read_seconds)
    button = page.get_by_role("button", name=re.compile(r"^◀"))   # "◀ uke 46"
    page.evaluate(WATCH_JS)
    t = time.perf_counter()
    button.click()
    page.wait_for_function(COMPLETE_JS, arg={**want, "changed": True, "rerun": True}, polling="raf", timeout=60_000)
    return time.perf_counter() - t


def pick_week(page, want: dict, back: int, read_seconds: float = 0.0) -> float:
    """After `read_seconds` on the page, pick the week `back` weeks before the newest from the
    sidebar's list of all weeks; seconds from the pick until the rerun is visible.

    The list is behind a button (uncounted), draws only the entries in view, and filters as
    one types, so the week is found by typing the start of its label ("Uke 35 ·")."""
    time.sleep(read_seconds)
    sidebar = page.locator('[data-testid="stSidebar"]')
    if not sidebar.locator('[data-testid="stSelectbox"]').count():
        sidebar.get_by_role("button", name=re.compile("eldre uke|older week", re.I)).click()
        page.wait_for_function(COMPLETE_JS, arg=want, polling="raf", timeout=60_000)
    box = sidebar.locator('[data-testid="stSelectbox"]').last
    box.click()
    options = page.locator('[role="option"]')
    options.first.wait_for(timeout=10_000)
    newest = options.first.inner_text()                      # "Uke 47 · 16.–22. november 2026"
    word, number = newest.split(" ·")[0].rsplit(" ", 1)
    page.keyboard.type(f"{word} {int(number) - back} ·")
    target = options.first
    target.wait_for(timeout=10_000)
    page.evaluate(WATCH_JS)
    t = time.perf_counter()
    target.click()
    page.wait_for_function(COMPLETE_JS, arg={**want, "changed": True, "rerun": True}, polling="raf", timeout=60_000)
    return time.perf_counter() - t


def measure(data_dir: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    monday_want = {"metrics": 6, "table": True}
    minimal_want = {"metrics": 1, "table": False}
    out: dict = {"runs": runs}
    servers: dict[str, Server] = {}
    try:
        servers["minimal"] = Server("bench/minimal_page.py", None)
        servers["monday"] = Server("app.py", data_dir)
        out["server_start"] = {k: s.start_seconds for k, s in servers.items()}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            try:
                out["first_load"] = {
                    "minimal": open_once(browser, servers["minimal"].url, minimal_want),
                    "monday": open_once(browser, servers["monday"].url, monday_want),
                }
                # The first load of a week also stores its verdicts in the decision log, a write
                # that starts every cached read afresh once: a second uncounted load settles that.
                out["second_load"] = {"monday": open_once(browser, servers["monday"].url, monday_want)}
                loads: dict[str, list[float]] = {"minimal": [], "monday": []}
                for _ in range(runs):
                    loads["minimal"].append(open_once(browser, servers["minimal"].url, minimal_want))
                    loads["monday"].append(open_once(browser, servers["monday"].url, monday_want))
                out["loads"] = loads
                out["load"] = {k: statistics.median(v) for k, v in loads.items()}

                errors: dict[str, str] = {}

                def attempt(name: str, fn):
                    """One measurement; a failure is recorded and the others still run."""
                    try:
                        return fn()
                    except Exception as exc:
                        errors[name] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
                        return None

                ctx = browser.new_context(viewport={"width": 1280, "height": 1400})
                page = ctx.new_page()
                page.goto(servers["monday"].url, wait_until="commit")
                page.wait_for_function(COMPLETE_JS, arg=monday_want, polling="raf", timeout=120_000)
                # A user reads the page before the next click (READ_SECONDS): the week before the
                # one shown has been worked out in the background by then (ui/warm.py) ...
                clicks = attempt("week_click", lambda: [previous_week(page, monday_want, READ_SECONDS)
                                                        for _ in range(runs)])
                out["week_clicks"] = clicks
                out["week_click"] = statistics.median(clicks) if clicks else None
                # ... a week further back has not: it is computed on the click.
                far = attempt("week_click_far", lambda: [pick_week(page, monday_want, FAR_WEEK + 3 * i, READ_SECONDS)
                                                         for i in range(runs)])
                out["week_clicks_far"] = far
                out["week_click_far"] = statistics.median(far) if far else None
                reruns = attempt("rerun_key_monday", lambda: [rerun_key(page, monday_want) for _ in range(runs)])
                out["rerun_key_monday"] = statistics.median(reruns) if reruns else None
                ctx.close()
                ctx = browser.new_context(viewport={"width": 1280, "height": 1400})
                page = ctx.new_page()
                page.goto(servers["minimal"].url, wait_until="commit")
                page.wait_for_function(COMPLETE_JS, arg=minimal_want, polling="raf", timeout=60_000)
                reruns = attempt("rerun_key_minimal", lambda: [rerun_key(page, minimal_want) for _ in range(runs)])
                out["rerun_key_minimal"] = statistics.median(reruns) if reruns else None
                ctx.close()
                out["errors"] = errors
            finally:
                browser.close()
        out["memory"] = {k: s.memory_mb() for k, s in servers.items()}
    finally:
        for s in servers.values():
            s.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.browser")
    ap.add_argument("data_dir")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    try:
        result = measure(args.data_dir, args.runs)
        result["ok"] = True
    except Exception as exc:
        import traceback
        result = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()[-2000:]}
    print("BENCH_RESULT " + json.dumps(result), flush=True)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
