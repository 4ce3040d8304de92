"""Search Console connector (`searchconsole` v1): daily search rows → `search_rows` + `search_daily`.

For each pull [start, end]:
1. one date-only request with `dataState: all` gives the day totals (→ `search_daily`) and
   `metadata.firstIncompleteDate`; days from that date on are still being processed and are not
   loaded (Search Console data is typically 2–3 days behind);
2. for every complete day with impressions, `date × query × page × country × device` rows
   (→ `search_rows`), paged with `startRow` in steps of `rowLimit` (25 000) until a page comes back
   empty or short. Queries are asked one day at a time: Google exposes at most 50 000 rows a day.

Rows by query omit anonymised queries, so `search_rows` sums to less than `search_daily`.
There is no `nextPageToken`, and a response without data has no `rows` key.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

import pandas as pd

from connectors.ga4_api import rows_hash
from warehouse.loader import FileLoad, Part

SOURCE: Final = "search_console"      # the imports.source shared with the export importer
SYNC_SOURCE: Final = "gsc"            # the sync_state.source
ROW_LIMIT: Final = 25_000
BACKFILL_DAYS: Final = 486            # 16 months, the Search Console retention
LOOKBACK_DAYS: Final = 3
DELAY_DAYS: Final = 2                 # never ask for the last two days: there is nothing yet
CHUNK_DAYS: Final = 7                 # days per load, so a long backfill keeps what it has done
MAX_ATTEMPTS: Final = 5
BASE_DELAY: Final = 2.0
MAX_DELAY: Final = 60.0
QUOTA_DELAY: Final = 60.0             # "Search Analytics QPS quota exceeded": wait a minute
DETAIL_DIMENSIONS: Final = ("date", "query", "page", "country", "device")

Progress = Callable[[int, int], None]


class GSCError(RuntimeError):
    """A problem the user can act on. `code` is an i18n key, `params` its placeholders."""

    def __init__(self, code: str, **params: object):
        self.code, self.params = code, params
        super().__init__(code)

    def text(self, lang: str = "en") -> str:
        from i18n import tr

        return tr(lang, self.code, **self.params)


def validate_site_url(raw: str) -> str:
    """A Search Console property exactly as Google names it: `sc-domain:example.no` or `https://www.example.no/`."""
    s = (raw or "").strip()
    if not s:
        raise GSCError("google.err.site_missing")
    if s.lower().startswith("sc-domain:"):
        host = s.split(":", 1)[1].strip().lower()
        if not host or "/" in host:
            raise GSCError("google.err.site_invalid", value=s)
        return f"sc-domain:{host}"
    if s.startswith(("http://", "https://")):
        return s if s.endswith("/") else s + "/"   # URL-prefix properties end with '/'
    raise GSCError("google.err.site_invalid", value=s)


# ---- retries --------------------------------------------------------------------------------

_RATE_REASONS = {"rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded"}


def _error_info(exc: Any) -> tuple[int, str, str]:
    status = int(getattr(getattr(exc, "resp", None), "status", 0) or 0)
    reason, message = "", ""
    try:
        body = json.loads(exc.content.decode("utf-8") if isinstance(exc.content, bytes) else exc.content)
        err = body.get("error", {})
        message = str(err.get("message", ""))
        errors = err.get("errors") or []
        if errors:
            reason = str(errors[0].get("reason", ""))
    except (ValueError, AttributeError, TypeError):
        pass
    return status, reason, message


def execute(request: Any, *, sleep: Callable[[float], None] = time.sleep, attempts: int = MAX_ATTEMPTS) -> Any:
    """`request.execute()` with bounded back-off on 429, 5xx and rate-limit 403s."""
    from googleapiclient.errors import HttpError

    for attempt in range(attempts):
        try:
            return request.execute(num_retries=0)
        except HttpError as exc:
            status, reason, message = _error_info(exc)
            rate = status == 429 or status >= 500 or (status == 403 and reason in _RATE_REASONS)
            if not rate:
                if status in (401,):
                    raise GSCError("google.err.unauthenticated") from exc
                if status == 403:
                    raise GSCError("google.err.gsc_forbidden") from exc
                if status == 404:
                    raise GSCError("google.err.gsc_not_found") from exc
                raise GSCError("google.err.gsc_request", status=status, message=message[:200]) from exc
            if attempt == attempts - 1:
                raise GSCError("google.err.gsc_unavailable", attempts=attempts) from exc
            delay = BASE_DELAY * 2 ** attempt
            if "quota" in message.lower():
                delay = max(delay, QUOTA_DELAY)
            sleep(min(delay, max(MAX_DELAY, QUOTA_DELAY)))
    raise AssertionError("unreachable")


# ---- sites ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Site:
    url: str
    permission: str               # siteOwner, siteFullUser, siteRestrictedUser, siteUnverifiedUser

    @property
    def usable(self) -> bool:
        return self.permission != "siteUnverifiedUser"

    @property
    def is_domain(self) -> bool:
        return self.url.startswith("sc-domain:")


def list_sites(service: Any, *, sleep: Callable[[float], None] = time.sleep) -> list[Site]:
    body = execute(service.sites().list(), sleep=sleep)
    sites = [Site(str(e.get("siteUrl", "")), str(e.get("permissionLevel", ""))) for e in body.get("siteEntry", [])]
    return sorted((s for s in sites if s.url), key=lambda s: (not s.usable, s.url))


# ---- queries --------------------------------------------------------------------------------

def query_pages(service: Any, site_url: str, body: dict[str, Any], *, row_limit: int = ROW_LIMIT,
                sleep: Callable[[float], None] = time.sleep) -> Iterator[dict[str, Any]]:
    """Every response page of one Search Analytics query (startRow 0, row_limit, 2·row_limit …)."""
    start_row = 0
    while True:
        page = execute(service.searchanalytics().query(
            siteUrl=site_url, body={**body, "rowLimit": row_limit, "startRow": start_row}), sleep=sleep)
        yield page
        n = len(page.get("rows", []))
        if n < row_limit:
            return
        start_row += n


@dataclass(frozen=True)
class Totals:
    days: dict[date, tuple[int, int, float | None]]   # day → clicks, impressions, position
    first_incomplete: date | None


def day_totals(service: Any, site_url: str, start: date, end: date, *, row_limit: int = ROW_LIMIT,
               sleep: Callable[[float], None] = time.sleep) -> Totals:
    body = {"startDate": start.isoformat(), "endDate": end.isoformat(), "dimensions": ["date"],
            "type": "web", "dataState": "all"}
    days: dict[date, tuple[int, int, float | None]] = {}
    first_incomplete: date | None = None
    for page in query_pages(service, site_url, body, row_limit=row_limit, sleep=sleep):
        fid = (page.get("metadata") or {}).get("firstIncompleteDate")
        if fid:
            first_incomplete = date.fromisoformat(fid)
        for r in page.get("rows", []):
            d = date.fromisoformat(r["keys"][0])
            days[d] = (int(round(r.get("clicks", 0))), int(round(r.get("impressions", 0))), r.get("position"))
    return Totals(days, first_incomplete)


def day_rows(service: Any, site_url: str, day: date, *, row_limit: int = ROW_LIMIT,
             sleep: Callable[[float], None] = time.sleep) -> list[dict[str, Any]]:
    body = {"startDate": day.isoformat(), "endDate": day.isoformat(), "dimensions": list(DETAIL_DIMENSIONS),
            "type": "web", "dataState": "all", "aggregationType": "auto"}
    out = []
    for page in query_pages(service, site_url, body, row_limit=row_limit, sleep=sleep):
        for r in page.get("rows", []):
            keys = dict(zip(DETAIL_DIMENSIONS, r["keys"]))   # keys come in the requested order
            d = date.fromisoformat(keys["date"])
            out.append({
                "account": site_url, "period_start": d, "period_end": d,
                "query": keys.get("query"), "page": keys.get("page"),
                "country": (keys.get("country") or None), "device": (keys.get("device") or None),
                "clicks": int(round(r.get("clicks", 0))), "impressions": int(round(r.get("impressions", 0))),
                "position": r.get("position"),
            })
    return out


ROW_COLUMNS = ["account", "period_start", "period_end", "query", "page", "country", "device", "clicks",
               "impressions", "position"]
DAILY_COLUMNS = ["account", "period_start", "period_end", "clicks", "impressions", "position"]


@dataclass(frozen=True)
class Chunk:
    site_url: str
    start: date
    end: date
    rows: pd.DataFrame
    daily: pd.DataFrame

    def file_load(self) -> FileLoad:
        both = pd.concat([self.rows.assign(_t="r"), self.daily.assign(_t="d")], ignore_index=True)
        return FileLoad(
            file_name=f"Search Console API {self.start.isoformat()}…{self.end.isoformat()}",
            file_hash=rows_hash(both.astype(str), self.site_url, self.start, self.end),
            source=SOURCE, account=self.site_url, date_from=self.start, date_to=self.end,
            parts=(Part("search_rows", self.rows), Part("search_daily", self.daily)), origin="api",
        )


@dataclass(frozen=True)
class Plan:
    """What a pull will load: complete days only."""

    start: date
    end: date | None               # last complete day (None: nothing complete in the range)
    totals: Totals


def complete_end(totals: Totals, start: date, end: date, today: date) -> date | None:
    """The last day to load: the day before the first incomplete date, else the last day with data."""
    if totals.first_incomplete is not None:
        last = min(end, totals.first_incomplete - timedelta(days=1))
    elif totals.days:
        last = min(end, max(totals.days))
    else:
        last = min(end, today - timedelta(days=DELAY_DAYS + 1))
    return last if last >= start else None


def pull(service: Any, site_url: str, start: date, end: date, today: date, *,
         progress: Progress | None = None, row_limit: int = ROW_LIMIT, chunk_days: int = CHUNK_DAYS,
         sleep: Callable[[float], None] = time.sleep) -> Iterator[Chunk]:
    """Yield one Chunk per `chunk_days` complete days of [start, end], calling progress(done, total) per day."""
    site = validate_site_url(site_url)
    totals = day_totals(service, site, start, end, row_limit=row_limit, sleep=sleep)
    last = complete_end(totals, start, end, today)
    if last is None:
        if progress:
            progress(1, 1)
        return
    total_days = (last - start).days + 1
    done = 0
    chunk_start = start
    while chunk_start <= last:
        chunk_end = min(last, chunk_start + timedelta(days=chunk_days - 1))
        rows: list[dict[str, Any]] = []
        daily = []
        d = chunk_start
        while d <= chunk_end:
            t = totals.days.get(d)
            if t is not None:
                daily.append({"account": site, "period_start": d, "period_end": d, "clicks": t[0],
                              "impressions": t[1], "position": t[2]})
                if t[1] > 0:
                    rows.extend(day_rows(service, site, d, row_limit=row_limit, sleep=sleep))
            done += 1
            if progress:
                progress(done, total_days)
            d += timedelta(days=1)
        yield Chunk(site, chunk_start, chunk_end, pd.DataFrame.from_records(rows, columns=ROW_COLUMNS),
                    pd.DataFrame.from_records(daily, columns=DAILY_COLUMNS))
        chunk_start = chunk_end + timedelta(days=1)


@dataclass(frozen=True)
class Window:
    start: date
    end: date


def window(last_complete: date | None, today: date, *, lookback: int = LOOKBACK_DAYS,
           backfill: int = BACKFILL_DAYS) -> Window:
    """From `lookback` days before the last complete day (or 16 months back) to today − DELAY_DAYS."""
    end = today - timedelta(days=DELAY_DAYS)
    start = end - timedelta(days=backfill - 1) if last_complete is None else last_complete - timedelta(days=lookback - 1)
    return Window(min(start, end), end)


@dataclass(frozen=True)
class Probe:
    site_url: str
    start: date
    end: date
    clicks: int
    impressions: int


def probe(service: Any, site_url: str, today: date, *, sleep: Callable[[float], None] = time.sleep) -> Probe:
    """A cheap test of access: the property's clicks and impressions over the last 7 days with data."""
    site = validate_site_url(site_url)
    end = today - timedelta(days=DELAY_DAYS + 1)
    start = end - timedelta(days=6)
    t = day_totals(service, site, start, end, sleep=sleep)
    return Probe(site, start, end, sum(v[0] for v in t.days.values()), sum(v[1] for v in t.days.values()))
