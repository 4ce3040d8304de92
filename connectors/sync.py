"""Incremental GA4 / Search Console sync: `python -m connectors sync [--source ga4|gsc] [--db PATH]`.

State lives in `sync_state` (source × account → last complete day). Each run pulls from a few
days before that day (GA4 revises its last 24–48 h, Search Console its last 2–3 days) up to the
newest day the API can have, and loads it through the idempotent loader, so re-pulled days
replace what was there. A first run backfills (GA4 ≈ 13 months, Search Console 16 months).

The API is called with no workspace connection open; each chunk is loaded in its own short
connection (`warehouse.db.connect` waits on another process's lock), so a sync can run while
the app is open, and the app shows the new rows on its next rerun.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal

import duckdb

from connectors import ga4_api, google_auth, gsc_api
from metrics import google_trust
from warehouse import db, loader, settings

SyncSource = Literal["ga4", "gsc"]
SOURCES: tuple[SyncSource, ...] = ("ga4", "gsc")
GA4_CHUNK_DAYS = 31
Progress = Callable[[SyncSource, int, int], None]


@dataclass(frozen=True)
class SyncResult:
    source: SyncSource
    account: str | None
    status: Literal["ok", "error", "not_configured"]
    code: str                      # i18n key of the message
    params: dict[str, Any]
    start: date | None = None
    end: date | None = None
    rows: int = 0
    loads: int = 0
    overlaps: tuple[str, ...] = ()   # other accounts of the same source over the same days (double counting)

    def overlap_text(self, lang: str = "en") -> str | None:
        from i18n import tr

        if not self.overlaps:
            return None
        return tr(lang, "google.sync.overlap", accounts=", ".join(self.overlaps))

    def text(self, lang: str = "en") -> str:
        from i18n import fmt, tr

        params = dict(self.params)
        for k in ("start", "end"):
            if isinstance(params.get(k), str):
                params[k] = fmt.day(date.fromisoformat(params[k]), lang)
        if isinstance(params.get("rows"), int):
            params["rows"] = fmt.number(params["rows"], lang)
        return tr(lang, self.code, **params)


@dataclass(frozen=True)
class SyncStatus:
    source: str
    account: str
    last_complete_day: date | None
    last_run_at: datetime | None
    status: str | None
    message: str | None            # JSON {"code": i18n key, "params": {...}}

    @property
    def code(self) -> str | None:
        return _decode(self.message)[0]

    def text(self, lang: str = "en") -> str:
        from i18n import tr

        code, params = _decode(self.message)
        return tr(lang, code, **params) if code else ""


def _encode(code: str, params: dict[str, Any] | None = None) -> str:
    return json.dumps({"code": code, "params": {k: str(v) for k, v in (params or {}).items()}}, ensure_ascii=False)


def _decode(message: str | None) -> tuple[str | None, dict[str, Any]]:
    if not message:
        return None, {}
    try:
        d = json.loads(message)
        return str(d["code"]), dict(d.get("params") or {})
    except (ValueError, KeyError, TypeError):
        return message, {}


# ---- state ----------------------------------------------------------------------------------

def get_state(con: duckdb.DuckDBPyConnection, source: str, account: str) -> date | None:
    rows = con.execute("SELECT last_complete_day FROM sync_state WHERE source = ? AND account = ?",
                       [source, account]).fetchall()
    return rows[0][0] if rows else None


def set_state(con: duckdb.DuckDBPyConnection, source: str, account: str, last_complete_day: date | None,
              status: str, code: str, params: dict[str, Any] | None = None) -> None:
    message = _encode(code, params)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    con.execute(
        """INSERT INTO sync_state (source, account, last_complete_day, last_run_at, status, message)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (source, account) DO UPDATE SET
             last_complete_day = COALESCE(excluded.last_complete_day, sync_state.last_complete_day),
             last_run_at = excluded.last_run_at, status = excluded.status, message = excluded.message""",
        [source, account, last_complete_day, now, status, message])


def status_rows(con: duckdb.DuckDBPyConnection) -> list[SyncStatus]:
    """Every source × account's last sync, newest first (for the Settings page)."""
    rows = con.execute("SELECT source, account, last_complete_day, last_run_at, status, message FROM sync_state "
                       "ORDER BY last_run_at DESC NULLS LAST, source, account").fetchall()
    return [SyncStatus(*r) for r in rows]


# ---- configuration --------------------------------------------------------------------------

@dataclass(frozen=True)
class Config:
    ga4_property_id: str | None
    gsc_site_url: str | None
    lead_events: tuple[str, ...]


def config(con: duckdb.DuckDBPyConnection) -> Config:
    """The workspace's Google settings, falling back to `[google]` in secrets.toml."""
    sec = google_auth.secrets_toml()
    pid = settings.get(con, "ga4_property_id") or sec.get("ga4_property_id") or None
    site = settings.get(con, "gsc_site_url") or sec.get("gsc_site_url") or None
    leads = settings.get(con, "lead_events") or []
    return Config(str(pid).strip() if pid else None, str(site).strip() if site else None,
                  tuple(str(e) for e in leads))


def _today() -> date:
    return date.today()


# ---- the two sources ------------------------------------------------------------------------

def sync_ga4(db_path: Path, cfg: Config, *, today: date, progress: Progress | None = None,
             sleep: Callable[[float], None] = time.sleep, client: Any = None,
             page_limit: int = ga4_api.PAGE_LIMIT) -> SyncResult:
    if not cfg.ga4_property_id:
        return SyncResult("ga4", None, "not_configured", "google.sync.ga4_no_property", {})
    try:
        pid = ga4_api.validate_property_id(cfg.ga4_property_id)
    except ga4_api.GA4Error as exc:
        return SyncResult("ga4", cfg.ga4_property_id, "error", exc.code, exc.params)
    with db.connect(db_path) as con:
        last = get_state(con, "ga4", pid)
        synced = settings.get(con, "ga4_lead_events_synced")
    if last is not None and synced is not None and sorted(synced) != sorted(cfg.lead_events):
        last = None   # other lead events: pull the whole history again so `lead_events` means one thing
    win = ga4_api.window(last, today)
    rows = loads = 0
    try:
        client = client or google_auth.ga4_client()
        check = ga4_api.check_property(client, pid, cfg.lead_events, sleep=sleep)
        err = ga4_api.missing_metric_error(check)
        if err is not None:
            raise err
        total = (win.end - win.start).days + 1
        start = win.start
        while start <= win.end:
            end = min(win.end, start + timedelta(days=GA4_CHUNK_DAYS - 1))
            p = ga4_api.pull(client, pid, start, end, cfg.lead_events, page_limit=page_limit, sleep=sleep)
            if last is not None or len(p.frame):   # a backfill skips the empty months before the first data
                with db.connect(db_path) as con:
                    res = loader.load(con, p.file_load())
                    set_state(con, "ga4", pid, end, "ok", "google.sync.ok")
                    settings.put(con, "ga4_lead_events_synced", list(cfg.lead_events))
                rows += res.rows
                loads += 1
            if progress:
                progress("ga4", (end - win.start).days + 1, total)
            if p.quota_low and end < win.end:
                # Leave the rest for the next run rather than exhaust the property's quota.
                with db.connect(db_path) as con:
                    set_state(con, "ga4", pid, end, "ok", "google.sync.ga4_paused")
                return SyncResult("ga4", pid, "ok", "google.sync.ga4_paused",
                                  {"rows": rows, "start": win.start.isoformat(), "end": end.isoformat()},
                                  win.start, end, rows, loads)
            start = end + timedelta(days=1)
        with db.connect(db_path) as con:
            set_state(con, "ga4", pid, win.end, "ok", "google.sync.ok")
            settings.put(con, "ga4_lead_events_synced", list(cfg.lead_events))
    except Exception as exc:
        code, params = _problem(exc, "ga4")
        with db.connect(db_path) as con:
            set_state(con, "ga4", pid, None, "error", code, params)
        return SyncResult("ga4", pid, "error", code, params, win.start, win.end, rows, loads)
    return SyncResult("ga4", pid, "ok", "google.sync.done", {"rows": rows, "start": win.start.isoformat(),
                                                              "end": win.end.isoformat()},
                      win.start, win.end, rows, loads)


def _problem(exc: Exception, source: SyncSource) -> tuple[str, dict[str, Any]]:
    """The i18n key and parameters for a failed sync; re-raises what is a bug rather than a problem."""
    import sys
    import traceback

    from google.auth import exceptions as auth_exc

    if isinstance(exc, (ga4_api.GA4Error, gsc_api.GSCError)):
        return exc.code, dict(exc.params)
    if isinstance(exc, google_auth.NotConnected):
        return (f"google.sync.{source}_not_connected", {}) if str(exc) == "google.err.not_connected" else (str(exc), {})
    if isinstance(exc, auth_exc.RefreshError):
        return "google.err.unauthenticated", {}
    import httplib2

    if isinstance(exc, (auth_exc.TransportError, OSError, httplib2.HttpLib2Error, db.WorkspaceBusy)):
        traceback.print_exc(file=sys.stderr)
        return "google.sync.failed", {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
    raise exc


def sync_gsc(db_path: Path, cfg: Config, *, today: date, progress: Progress | None = None,
             sleep: Callable[[float], None] = time.sleep, service: Any = None,
             row_limit: int = gsc_api.ROW_LIMIT) -> SyncResult:
    if not cfg.gsc_site_url:
        return SyncResult("gsc", None, "not_configured", "google.sync.gsc_no_site", {})
    try:
        site = gsc_api.validate_site_url(cfg.gsc_site_url)
    except gsc_api.GSCError as exc:
        return SyncResult("gsc", cfg.gsc_site_url, "error", exc.code, exc.params)
    with db.connect(db_path) as con:
        last = get_state(con, "gsc", site)
    win = gsc_api.window(last, today)
    rows = loads = 0
    last_end: date | None = None
    try:
        service = service or google_auth.gsc_service()

        def day_progress(done: int, total: int) -> None:
            if progress:
                progress("gsc", done, total)

        chunks = 0
        for chunk in gsc_api.pull(service, site, win.start, win.end, today, progress=day_progress,
                                  row_limit=row_limit, sleep=sleep):
            chunks += 1
            last_end = chunk.end
            if last is None and chunk.rows.empty and chunk.daily.empty:
                continue   # a backfill skips the empty weeks before the first data
            with db.connect(db_path) as con:
                res = loader.load(con, chunk.file_load())
                set_state(con, "gsc", site, chunk.end, "ok", "google.sync.ok")
            rows += res.rows
            loads += 1
    except Exception as exc:
        code, params = _problem(exc, "gsc")
        with db.connect(db_path) as con:
            set_state(con, "gsc", site, None, "error", code, params)
        return SyncResult("gsc", site, "error", code, params, win.start, win.end, rows, loads)
    if chunks == 0:
        with db.connect(db_path) as con:
            set_state(con, "gsc", site, None, "ok", "google.sync.gsc_nothing_complete")
        return SyncResult("gsc", site, "ok", "google.sync.gsc_nothing_complete", {}, win.start, win.end)
    with db.connect(db_path) as con:
        set_state(con, "gsc", site, last_end, "ok", "google.sync.ok")
    return SyncResult("gsc", site, "ok", "google.sync.done",
                      {"rows": rows, "start": win.start.isoformat(), "end": (last_end or win.end).isoformat()},
                      win.start, last_end, rows, loads)


def run(db_path: str | os.PathLike[str], source: SyncSource | None = None, *, today: date | None = None,
        progress: Progress | None = None, sleep: Callable[[float], None] = time.sleep) -> list[SyncResult]:
    """Sync one source or both; never raises for a problem the user can fix (it is in the result)."""
    path = Path(db_path)
    with db.connect(path) as con:
        cfg = config(con)
    day = today or _today()
    out = []
    for s in ([source] if source else list(SOURCES)):
        if s == "ga4":
            r = sync_ga4(path, cfg, today=day, progress=progress, sleep=sleep)
        else:
            r = sync_gsc(path, cfg, today=day, progress=progress, sleep=sleep)
        if r.status == "ok" and r.account and r.start and r.end:
            with db.connect(path) as con:
                other = google_trust.other_accounts(con, "ga4" if s == "ga4" else gsc_api.SOURCE, r.account,
                                                    r.start, r.end)
            r = replace(r, overlaps=other)
        out.append(r)
    return out


def main(db_path: str | os.PathLike[str], source: str | None = None) -> int:
    """The command line: print one line per source; exit 1 if a source failed or nothing is configured."""
    lang = os.environ.get("MANDAG_LANG", "en")
    results = run(db_path, source)  # type: ignore[arg-type]
    failed = False
    for r in results:
        label = "GA4" if r.source == "ga4" else "Search Console"
        print(f"{label}: {r.text(lang)}")
        note = r.overlap_text(lang)
        if note:
            print(f"{label}: {note}")
        if r.status == "error":
            failed = True
    if all(r.status == "not_configured" for r in results):
        failed = True
    return 1 if failed else 0
