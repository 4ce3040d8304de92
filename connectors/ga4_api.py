"""GA4 Data API connector: daily traffic by channel, source, medium and campaign → `web_analytics`.

One report per pull, dimensions `date × sessionDefaultChannelGroup × sessionSource ×
sessionMedium × sessionCampaignName`, metrics sessions, engagedSessions, totalUsers, keyEvents,
purchaseRevenue, transactions, plus `keyEvents:<event>` for each event the workspace counts as a
lead (summed into `lead_events`). A report asks for at most 10 metrics, so lead events beyond
the first four go into further reports joined on the dimensions.

Rules from the API (see GOOGLE_APIS.md §1):
- `property` is `properties/<numeric id>`, never the `G-XXXX` measurement id;
- pages hold at most 250 000 rows: loop on `offset` until `offset >= row_count` or a page is empty;
- values come back as strings; `date` is `YYYYMMDD` in the property's time zone;
- there is no default retry: 429 (`TooManyRequests`, incl. gRPC `ResourceExhausted`) and 503 are
  retried here with bounded exponential back-off; the hourly/daily token quotas are not waited out;
- thresholding, sampling and the "(other)" row are reported in the response metadata and stored
  with each load as import warnings (i18n keys `google.warn.*`).
"""
from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

import pandas as pd

from warehouse.loader import FileLoad, Part

SOURCE: Final = "ga4"
DIMENSIONS: Final = ("date", "sessionDefaultChannelGroup", "sessionSource", "sessionMedium", "sessionCampaignName")
BASE_METRICS: Final = ("sessions", "engagedSessions", "totalUsers", "keyEvents", "purchaseRevenue", "transactions")
MAX_METRICS: Final = 10
PAGE_LIMIT: Final = 250_000
LOOKBACK_DAYS: Final = 3
BACKFILL_DAYS: Final = 400          # first pull: about 13 months, enough for a year-on-year view
MAX_ATTEMPTS: Final = 5
BASE_DELAY: Final = 2.0             # seconds; doubled per attempt, capped at MAX_DELAY
MAX_DELAY: Final = 60.0

# Warning codes stored in imports.warnings; each is an i18n key.
WARN_THRESHOLDED: Final = "google.warn.thresholding"
WARN_SAMPLED: Final = "google.warn.sampling"
WARN_OTHER: Final = "google.warn.other_row"

# Quota messages that mean "wait an hour or a day": retrying within one sync is pointless.
_LONG_QUOTA = re.compile(r"tokens (for a project )?per (hour|day)|potentially thresholded|server errors quota", re.I)


class GA4Error(RuntimeError):
    """A problem the user can act on. `code` is an i18n key, `params` its placeholders."""

    def __init__(self, code: str, **params: object):
        self.code, self.params = code, params
        super().__init__(code)

    def text(self, lang: str = "en") -> str:
        from i18n import tr

        return tr(lang, self.code, **self.params)


_MEASUREMENT_ID = re.compile(r"^G-[A-Z0-9]{4,}$", re.I)
_DIGITS = re.compile(r"^[0-9]+$")


def validate_property_id(raw: str) -> str:
    """'properties/123' or ' 123 ' → '123'; raise GA4Error for anything else (G-XXXX gets its own message)."""
    s = (raw or "").strip()
    if s.lower().startswith("properties/"):
        s = s.split("/", 1)[1].strip()
    if not s:
        raise GA4Error("google.err.property_missing")
    if _MEASUREMENT_ID.match(s):
        raise GA4Error("google.err.measurement_id", value=s)
    if not _DIGITS.match(s):   # ASCII digits only: str.isdigit() would accept '²' or '٣'
        raise GA4Error("google.err.property_not_numeric", value=s)
    return s


def lead_metrics(lead_events: Sequence[str]) -> list[str]:
    return [f"keyEvents:{e}" for e in dict.fromkeys(e.strip() for e in lead_events if e and e.strip())]


# ---- retries --------------------------------------------------------------------------------

def call_with_retry(fn: Callable[[], Any], *, sleep: Callable[[float], None] = time.sleep,
                    attempts: int = MAX_ATTEMPTS) -> Any:
    """Run `fn`, retrying 429/503 with exponential back-off (2, 4, 8, 16 s …, capped), at most `attempts` tries."""
    from google.api_core import exceptions as gexc

    retryable = (gexc.TooManyRequests, gexc.ServiceUnavailable, gexc.ResourceExhausted,
                 gexc.InternalServerError, gexc.DeadlineExceeded)
    for attempt in range(attempts):
        try:
            return fn()
        except retryable as exc:
            message = str(getattr(exc, "message", "") or exc)
            if isinstance(exc, gexc.TooManyRequests) and _LONG_QUOTA.search(message):
                raise GA4Error("google.err.ga4_quota") from exc
            if attempt == attempts - 1:
                raise GA4Error("google.err.ga4_unavailable", attempts=attempts) from exc
            delay = BASE_DELAY * 2 ** attempt
            if "concurrent" in message.lower():
                delay = max(delay, 30.0)
            sleep(min(delay, MAX_DELAY))
        except gexc.PermissionDenied as exc:
            raise GA4Error("google.err.ga4_forbidden") from exc
        except gexc.Forbidden as exc:
            raise GA4Error("google.err.ga4_forbidden") from exc
        except gexc.NotFound as exc:
            raise GA4Error("google.err.ga4_not_found") from exc
        except gexc.Unauthenticated as exc:
            raise GA4Error("google.err.unauthenticated") from exc
        except gexc.BadRequest as exc:   # incl. gRPC InvalidArgument, e.g. an incompatible metric
            raise GA4Error("google.err.ga4_request", message=str(getattr(exc, "message", exc))[:200]) from exc
    raise AssertionError("unreachable")


# ---- metadata -------------------------------------------------------------------------------

@dataclass(frozen=True)
class PropertyCheck:
    property_id: str
    key_events: tuple[str, ...]      # event names the property has as key events
    missing: tuple[str, ...]         # configured metrics the property does not have


def check_property(client: Any, property_id: str, lead_events: Sequence[str] = (), *,
                   sleep: Callable[[float], None] = time.sleep) -> PropertyCheck:
    """Validate the id, read the property's metadata and check every metric Mandag will ask for."""
    pid = validate_property_id(property_id)
    meta = call_with_retry(lambda: client.get_metadata(name=f"properties/{pid}/metadata"), sleep=sleep)
    names = {m.api_name for m in meta.metrics}
    key_events = tuple(sorted(n.split(":", 1)[1] for n in names if n.startswith("keyEvents:")))
    wanted = list(BASE_METRICS) + lead_metrics(lead_events)
    return PropertyCheck(pid, key_events, tuple(m for m in wanted if m not in names))


def missing_metric_error(check: PropertyCheck) -> GA4Error | None:
    if not check.missing:
        return None
    first = check.missing[0]
    if first.startswith("keyEvents:"):
        return GA4Error("google.err.unknown_key_event", event=first.split(":", 1)[1], property=check.property_id)
    return GA4Error("google.err.unknown_metric", metric=first, property=check.property_id)


# ---- reports --------------------------------------------------------------------------------

# Stop a sync early (and carry on next run) when the property's token quota runs this low:
# 10 % of a standard property's hourly (40 000) and daily (200 000) tokens.
LOW_TOKENS: Final = {"tokens_per_hour": 4_000, "tokens_per_day": 20_000, "tokens_per_project_per_hour": 1_400}


@dataclass
class Quality:
    thresholded: bool = False
    sampled: bool = False
    other_row: bool = False
    currency: str | None = None
    quota_low: bool = False

    def note_quota(self, response: Any) -> None:
        """Read `property_quota` (present because the request sets return_property_quota)."""
        if "property_quota" not in response:
            return
        q = response.property_quota
        for name, floor in LOW_TOKENS.items():
            if name in q and getattr(q, name).remaining < floor:
                self.quota_low = True

    def warnings(self) -> tuple[str, ...]:
        out = []
        if self.thresholded:
            out.append(WARN_THRESHOLDED)
        if self.sampled:
            out.append(WARN_SAMPLED)
        if self.other_row:
            out.append(WARN_OTHER)
        return tuple(out)


def _number(value: str) -> float:
    try:
        return float(value) if value not in ("", None) else 0.0
    except ValueError:
        return 0.0


def run_paged(client: Any, property_id: str, metrics: Sequence[str], start: date, end: date, *,
              quality: Quality, page_limit: int = PAGE_LIMIT,
              sleep: Callable[[float], None] = time.sleep) -> dict[tuple[str, ...], list[float]]:
    """All rows of one report, keyed by the dimension values, metrics in `metrics` order."""
    from google.analytics.data_v1beta import DateRange, Dimension, Metric, RunReportRequest

    out: dict[tuple[str, ...], list[float]] = {}
    offset = 0
    while True:
        request = RunReportRequest(
            property=f"properties/{property_id}",
            dimensions=[Dimension(name=d) for d in DIMENSIONS],
            metrics=[Metric(name=m) for m in metrics],
            date_ranges=[DateRange(start_date=start.isoformat(), end_date=end.isoformat())],
            offset=offset, limit=page_limit, return_property_quota=True,
        )
        response = call_with_retry(lambda: client.run_report(request), sleep=sleep)
        md = response.metadata
        quality.thresholded |= bool(md.subject_to_thresholding)
        quality.sampled |= len(md.sampling_metadatas) > 0
        quality.other_row |= bool(md.data_loss_from_other_row)
        quality.currency = quality.currency or (md.currency_code or None)
        quality.note_quota(response)
        # Positional mapping by the headers the response declares, not by our request order.
        dim_pos = [h.name for h in response.dimension_headers]
        met_pos = [h.name for h in response.metric_headers]
        for row in response.rows:
            dims = {n: v.value for n, v in zip(dim_pos, row.dimension_values)}
            mets = {n: _number(v.value) for n, v in zip(met_pos, row.metric_values)}
            key = tuple(dims.get(d, "") for d in DIMENSIONS)
            prev = out.get(key)
            vals = [mets.get(m, 0.0) for m in metrics]
            out[key] = vals if prev is None else [a + b for a, b in zip(prev, vals)]
        got = len(response.rows)
        offset += got
        if got == 0 or offset >= response.row_count:
            return out


@dataclass(frozen=True)
class Pull:
    """One GA4 pull, ready for the loader."""

    property_id: str
    start: date
    end: date
    frame: pd.DataFrame
    warnings: tuple[str, ...] = ()
    currency: str | None = None
    quota_low: bool = False

    def file_load(self) -> FileLoad:
        return FileLoad(
            file_name=f"GA4 API {self.start.isoformat()}…{self.end.isoformat()}",
            file_hash=rows_hash(self.frame, self.property_id, self.start, self.end),
            source=SOURCE, account=self.property_id, date_from=self.start, date_to=self.end,
            parts=(Part("web_analytics", self.frame),), currency=self.currency, warnings=self.warnings,
            origin="api",
        )


def rows_hash(frame: pd.DataFrame, account: str, start: date, end: date) -> str:
    """A hash of the canonical rows (order-free), the account and the range: same data → same hash."""
    body = frame.sort_values(list(frame.columns)).to_csv(index=False) if len(frame) else ""
    return hashlib.sha256(f"{account}|{start}|{end}\n{body}".encode()).hexdigest()


def _blank(v: str) -> str | None:
    # "(not set)" is kept as GA4 writes it, like the exports, so its share can be reported.
    return v or None


def pull(client: Any, property_id: str, start: date, end: date, lead_events: Sequence[str] = (), *,
         page_limit: int = PAGE_LIMIT, sleep: Callable[[float], None] = time.sleep) -> Pull:
    """Pull [start, end] (inclusive) into canonical `web_analytics` rows."""
    pid = validate_property_id(property_id)
    leads = lead_metrics(lead_events)
    quality = Quality()
    first = list(BASE_METRICS) + leads[: MAX_METRICS - len(BASE_METRICS)]
    rest = leads[MAX_METRICS - len(BASE_METRICS):]
    data = run_paged(client, pid, first, start, end, quality=quality, page_limit=page_limit, sleep=sleep)
    n_base = len(BASE_METRICS)
    lead_sum = {k: sum(v[n_base:]) for k, v in data.items()}
    for i in range(0, len(rest), MAX_METRICS):
        chunk = rest[i: i + MAX_METRICS]
        more = run_paged(client, pid, chunk, start, end, quality=quality, page_limit=page_limit, sleep=sleep)
        for k, v in more.items():
            if k not in data:  # a combination only the lead report has: keep its leads
                data[k] = [0.0] * n_base
            lead_sum[k] = lead_sum.get(k, 0.0) + sum(v)
    records = []
    for key, v in data.items():
        d, channel, src, medium, campaign = key
        day = datetime.strptime(d, "%Y%m%d").date()  # GA4 dates are YYYYMMDD, e.g. 20261101
        records.append({
            "account": pid, "period_start": day, "period_end": day,
            "channel_group": channel or "Unassigned", "source": _blank(src), "medium": _blank(medium),
            "campaign": _blank(campaign),
            "sessions": int(round(v[0])), "engaged_sessions": int(round(v[1])), "users": int(round(v[2])),
            "key_events": v[3], "lead_events": lead_sum.get(key, 0.0) if leads else None,
            "revenue": v[4], "purchases": v[5],
        })
    cols = ["account", "period_start", "period_end", "channel_group", "source", "medium", "campaign", "sessions",
            "engaged_sessions", "users", "key_events", "lead_events", "revenue", "purchases"]
    frame = pd.DataFrame.from_records(records, columns=cols)
    if not leads:
        frame["lead_events"] = frame["lead_events"].astype("float64")
    return Pull(pid, start, end, frame, quality.warnings(), quality.currency, quality.quota_low)


@dataclass(frozen=True)
class Window:
    start: date
    end: date


def window(last_complete: date | None, today: date, *, lookback: int = LOOKBACK_DAYS,
           backfill: int = BACKFILL_DAYS) -> Window | None:
    """The days to pull: from `lookback` days before the last complete day (or the backfill start) to yesterday."""
    from datetime import timedelta

    end = today - timedelta(days=1)
    start = end - timedelta(days=backfill - 1) if last_complete is None else last_complete - timedelta(days=lookback - 1)
    return Window(min(start, end), end)


__all__ = ["GA4Error", "PropertyCheck", "Pull", "Quality", "Window", "call_with_retry", "check_property", "pull",
           "validate_property_id", "window"]
