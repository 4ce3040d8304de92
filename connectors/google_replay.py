"""Recorded Google API responses, served offline. Used only by tests (via `MANDAG_GOOGLE_REPLAY`).

A replay folder holds:

- `ga4_metadata.json`: a GA4 `Metadata` response (REST camelCase);
- `ga4_report.json`: a `RunReportResponse` with every row the fake property has; each
  `run_report` request gets the rows inside its date range, cut by `offset`/`limit`, with the
  recorded `metadata` (thresholding, sampling …) and the true `rowCount`;
- `gsc_sites.json`: a `sites.list` response;
- `gsc_rows.json`: `{"firstIncompleteDate": "YYYY-MM-DD" | null, "rows": [{"date", "query", "page",
  "country", "device", "clicks", "impressions", "position"}]}`; each Search Analytics query gets
  these rows inside its dates, grouped by its dimensions and cut by `startRow`/`rowLimit`.

The real client libraries run unchanged on top: `ReplayGA4Client` stands in for
`BetaAnalyticsDataClient`, `ReplayHttp` for the HTTP object under `googleapiclient`.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote


class ReplayGA4Client:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.requests: list[Any] = []

    def get_metadata(self, request: Any = None, *, name: str | None = None, **_: Any) -> Any:
        from google.analytics.data_v1beta import Metadata

        text = (self.folder / "ga4_metadata.json").read_text(encoding="utf-8")
        return Metadata.from_json(text, ignore_unknown_fields=True)

    def run_report(self, request: Any = None, **_: Any) -> Any:
        from google.analytics.data_v1beta import RunReportResponse

        self.requests.append(request)
        full = json.loads((self.folder / "ga4_report.json").read_text(encoding="utf-8"))
        lo = request.date_ranges[0].start_date.replace("-", "")
        hi = request.date_ranges[0].end_date.replace("-", "")
        headers = [h["name"] for h in full["dimensionHeaders"]]
        di = headers.index("date")
        wanted = [m.name for m in request.metrics]
        recorded = [h["name"] for h in full["metricHeaders"]]
        rows = []
        for r in full.get("rows", []):
            if lo <= r["dimensionValues"][di]["value"] <= hi:
                vals = dict(zip(recorded, r["metricValues"]))
                rows.append({"dimensionValues": r["dimensionValues"],
                             "metricValues": [vals.get(m, {"value": "0"}) for m in wanted]})
        page = rows[request.offset: request.offset + (request.limit or 10_000)]
        body = {"dimensionHeaders": full["dimensionHeaders"],
                "metricHeaders": [h for m in wanted for h in full["metricHeaders"] if h["name"] == m]
                or [{"name": m, "type": "TYPE_INTEGER"} for m in wanted],
                "rows": page, "rowCount": len(rows), "metadata": full.get("metadata", {})}
        return RunReportResponse.from_json(json.dumps(body), ignore_unknown_fields=True)


def _Resp(status: int) -> Any:
    import httplib2

    return httplib2.Response({"status": str(status), "content-type": "application/json"})


class ReplayHttp:
    """Answers `sites.list` and `searchAnalytics.query` from the replay folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.requests: list[tuple[str, dict[str, Any]]] = []

    def request(self, uri: str, method: str = "GET", body: Any = None, headers: Any = None, **_: Any) -> Any:
        path = uri.split("?", 1)[0]
        if path.endswith("/sites"):
            return _Resp(200), (self.folder / "gsc_sites.json").read_bytes()
        if path.endswith("/searchAnalytics/query"):
            req = json.loads(body or "{}")
            self.requests.append((unquote(path), req))
            return _Resp(200), json.dumps(self._query(req)).encode()
        return _Resp(404), b'{"error": {"code": 404, "message": "Not found"}}'

    def _query(self, req: dict[str, Any]) -> dict[str, Any]:
        data = json.loads((self.folder / "gsc_rows.json").read_text(encoding="utf-8"))
        dims = req.get("dimensions", [])
        groups: dict[tuple[str, ...], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for r in data["rows"]:
            if req["startDate"] <= r["date"] <= req["endDate"]:
                g = groups[tuple(r[d] for d in dims)]
                g[0] += r["clicks"]
                g[1] += r["impressions"]
                g[2] += r["position"] * r["impressions"]
        rows = [{"keys": list(k), "clicks": v[0], "impressions": v[1], "ctr": v[0] / v[1] if v[1] else 0,
                 "position": v[2] / v[1] if v[1] else 0} for k, v in groups.items()]
        rows.sort(key=lambda r: (-r["clicks"], r["keys"]))
        start, limit = int(req.get("startRow", 0)), int(req.get("rowLimit", 1000))
        out: dict[str, Any] = {"responseAggregationType": "byPage" if "page" in dims else "byProperty"}
        page = rows[start: start + limit]
        if page:
            out["rows"] = page
        fid = data.get("firstIncompleteDate")
        if fid and "date" in dims and str(req.get("dataState", "")).lower() == "all":
            out["metadata"] = {"firstIncompleteDate": fid}
        return out
