"""Recognise, preview and load export files: the engine behind `python -m connectors import` and the Import page.

    detect(name, data)            -> the parser module that claims the file (or ImportRefused saying why none/several)
    inspect(name, data)           -> ImportReport preview (source, account, dates, rows, totals, currency, warnings)
    import_bytes(db, name, data)  -> ImportReport after loading: loaded / unchanged / refused
    main(paths, db, as_json)      -> exit status for the command line (non-zero if any file was refused)

Loading goes through `warehouse.loader.load` in one transaction per file, so a re-import is `unchanged`
and an overlapping export replaces exactly the rows it covers.
"""
from __future__ import annotations

import dataclasses
import importlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import duckdb
import pandas as pd

from connectors import channels, sniff, workbook
from connectors.base import ImportRefused, ImportReport
from connectors.messages import Msg, Refusal
from warehouse import db, loader
from warehouse.fx import currency as workspace_currency
from warehouse.loader import FileLoad, Part

PARSER_MODULES: tuple[str, ...] = (
    "google_ads", "meta", "linkedin", "microsoft_ads", "tiktok", "ga4_export", "gsc_export", "crm",
)
LABELS: dict[str, str] = {
    "google_ads": "Google Ads", "meta": "Meta Ads", "linkedin": "LinkedIn Campaign Manager",
    "microsoft_ads": "Microsoft Advertising", "tiktok": "TikTok Ads", "ga4": "Google Analytics 4",
    "search_console": "Search Console", "crm": "CRM deals",
}
# Module name → the source it loads as, for the modules whose name differs.
MODULE_SOURCE: dict[str, str] = {"ga4_export": "ga4", "gsc_export": "search_console"}
AD_SOURCES = frozenset({"google_ads", "meta", "linkedin", "microsoft_ads", "tiktok"})
UPLOAD_TYPES: tuple[str, ...] = ("csv", "tsv", "txt", "xlsx", "zip")


def parsers() -> list[ModuleType]:
    return [importlib.import_module(f"connectors.{m}") for m in PARSER_MODULES]


# Files people upload by mistake: (test on the folded first lines, what it is, advice key).
_FOREIGN: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"campaigndailybudget"), "Google Ads Editor", "import.msg.advice.editor"),
    (re.compile(r"avgmonthlysearches"), "Google Ads Keyword Planner", "import.msg.advice.planner"),
    (re.compile(r"defaultchannelgrouping|allwebsitedata"), "Universal Analytics", "import.msg.advice.ua"),
]


def _foreign(name: str, data: bytes) -> ImportRefused | None:
    low = name.casefold()
    if data[:5] == b"%PDF-":
        return _looks_like(name, "PDF", "import.msg.advice.pdf")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _looks_like(name, "Excel 97–2003 (.xls)", "import.msg.advice.xls")
    if sniff.is_zip(data) and not low.endswith((".zip", ".xlsx")):
        try:
            names = workbook.check_zip(name, data).namelist()
        except ImportRefused:
            names = []
        if any(n.startswith("word/") for n in names):
            return _looks_like(name, "Word", "import.msg.advice.document")
        if any(n.startswith("ppt/") for n in names):
            return _looks_like(name, "PowerPoint", "import.msg.advice.slides")
    if low.endswith((".json", ".xml", ".html", ".htm", ".png", ".jpg", ".jpeg", ".numbers", ".ods")):
        return _looks_like(name, low.rsplit(".", 1)[-1].upper(), "import.msg.advice.format")
    try:
        text = sniff.decode(name, data[:16384])
    except ImportRefused:
        return None
    head = "\n".join(sniff.fold(line) if not line.startswith("#") else line.casefold()
                     for line in sniff.lines_of(text, 12))
    for pattern, what, advice in _FOREIGN:
        if pattern.search(head):
            return _looks_like(name, what, advice)
    return None


def _looks_like(name: str, what: str, advice: str) -> ImportRefused:
    return ImportRefused(Msg("import.msg.looks_like", what=what, advice=Msg(advice)), file=name)


def detect(name: str, data: bytes) -> ModuleType:
    """The one parser that recognises this file; ImportRefused with a clear sentence otherwise."""
    sniff.check_size(name, data)
    foreign = _foreign(name, data)
    if foreign is not None:
        raise foreign
    if not sniff.is_zip(data):
        sniff.head_text(name, data)  # refuses binary files with a sentence of their own
    claims = [p for p in parsers() if p.detect(name, data)]
    if len(claims) == 1:
        return claims[0]
    if len(claims) > 1:
        names = " and ".join(LABELS.get(p.SOURCE, p.SOURCE) for p in claims)
        raise ImportRefused(Msg("import.msg.ambiguous", names=names), file=name)
    known = ", ".join(LABELS[MODULE_SOURCE.get(m, m)] for m in PARSER_MODULES)
    raise ImportRefused(Msg("import.msg.unknown", known=known), file=name)


def parse(name: str, data: bytes) -> FileLoad:
    """Detect and parse one file (a ZIP holding a single export is opened)."""
    try:
        parser = detect(name, data)
    except ImportRefused:
        inner = _single_member(name, data)
        if inner is None:
            raise
        member, content = inner
        fl = detect(member, content).parse(member, content)
        return dataclasses.replace(fl, file_name=name, file_hash=loader.file_hash(data))
    return parser.parse(name, data)


def _single_member(name: str, data: bytes) -> tuple[str, bytes] | None:
    if not sniff.is_zip(data) or sniff.is_xlsx(data):
        return None
    zf = workbook.check_zip(name, data)
    members = [i.filename for i in zf.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
    if len(members) != 1 or not members[0].casefold().endswith(tuple(f".{t}" for t in UPLOAD_TYPES if t != "zip")):
        return None
    return members[0].rsplit("/", 1)[-1], workbook.read_zip_member(name, zf, members[0])


def _report(fl: FileLoad, status: str, *, rows: int | None = None, totals: dict[str, float] | None = None,
            import_id: int | None = None) -> ImportReport:
    return ImportReport(
        file=fl.file_name, status=status, source=fl.source, account=fl.account,
        rows=rows if rows is not None else sum(len(p.frame) for p in fl.parts),
        date_from=fl.date_from.isoformat(), date_to=fl.date_to.isoformat(), currency=fl.currency,
        totals=totals if totals is not None else loader.totals_of(fl.parts),
        warnings=tuple(fl.warnings), import_id=import_id,
    )


def refused(name: str, exc: Exception) -> ImportReport:
    """The report of a refused file; its `error` keeps the parts of the sentence for translation."""
    if isinstance(exc, ImportRefused):
        error = Refusal(str(exc), file=exc.file, line=exc.line, column=exc.column, detail=exc.detail)
    else:
        error = str(exc)
    return ImportReport(file=name, status="refused", error=error)


def _read_failure(name: str, exc: Exception) -> ImportRefused:
    return ImportRefused(Msg("import.msg.crash", error=f"{type(exc).__name__}: {exc}"), file=name)


def inspect(name: str, data: bytes, db_path: str | Path | None = None) -> ImportReport:
    """Preview what importing the file would load (status `ready` or `refused`), without loading anything.

    With `db_path`, the preview also carries the workspace's currency warnings.
    """
    if db_path is None:
        return _preview(None, name, data)
    with db.connect(db_path) as con:
        return _preview(con, name, data)


def preview(con: duckdb.DuckDBPyConnection, name: str, data: bytes) -> ImportReport:
    """`inspect` inside an open workspace connection (the Import page calls it through ui.cache)."""
    return _preview(con, name, data)


def _preview(con: duckdb.DuckDBPyConnection | None, name: str, data: bytes) -> ImportReport:
    try:
        fl = parse(name, data)
    except ImportRefused as exc:
        return refused(name, exc)
    except Exception as exc:  # a parser bug must still give the user a sentence, not a traceback
        return refused(name, _read_failure(name, exc))
    if con is not None:
        fl = prepare(con, fl)
    return _report(fl, "ready")


def prepare(con: duckdb.DuckDBPyConnection, fl: FileLoad) -> FileLoad:
    """Workspace-dependent finishing: currency fill-in and warnings, channel overrides."""
    warnings = list(fl.warnings)
    ws_currency = workspace_currency(con)
    currency = fl.currency
    parts = list(fl.parts)
    if fl.source in AD_SOURCES:
        if currency is None:
            currency = ws_currency
            warnings.append(Msg("import.msg.currency_assumed", currency=ws_currency))
        out = []
        for p in parts:
            frame = p.frame
            if p.table == "ad_performance":
                frame = frame.assign(currency=frame["currency"].fillna(currency))
                frame = channels.apply_overrides(con, fl.source, frame)
            out.append(Part(p.table, frame))
        parts = out
    if currency and currency != ws_currency:
        n = con.execute("SELECT count(*) FROM fx_rates WHERE currency = ?", [currency]).fetchall()[0][0]
        if not n:
            warnings.append(Msg("import.msg.no_fx", currency=currency, workspace=ws_currency))
    return dataclasses.replace(fl, parts=tuple(parts), currency=currency, warnings=tuple(dict.fromkeys(warnings)))


def import_bytes(db_path: str | Path, name: str, data: bytes) -> ImportReport:
    """Parse and load one file into the workspace; never raises for a bad file (status `refused`)."""
    try:
        fl = parse(name, data)
    except ImportRefused as exc:
        return refused(name, exc)
    except Exception as exc:
        return refused(name, _read_failure(name, exc))
    # A busy workspace (WorkspaceBusy) is not the file's fault: it propagates to the command line and the
    # app shell, which both say so in a sentence.
    try:
        with db.connect(db_path) as con:
            fl = prepare(con, fl)
            result = loader.load(con, fl)  # one transaction: on any error the workspace is unchanged
    except duckdb.Error as exc:
        return refused(name, _read_failure(name, exc))
    return _report(fl, result.status, rows=result.rows, totals=result.totals, import_id=result.import_id)


def count_statuses(reports: Sequence[ImportReport]) -> dict[str, int]:
    """How many files were loaded, unchanged and refused."""
    return {s: sum(r.status == s for r in reports) for s in ("loaded", "unchanged", "refused")}


def group(files: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Files as they should be imported: Search Console CSVs given together (Dates.csv, Queries.csv, …, as
    unpacked from one ZIP) become one export, because only together do they carry their dates."""
    from connectors import gsc_export

    kinds = [gsc_export.member_kind(n, d) if n.casefold().endswith(".csv") else None for n, d in files]
    members = [f for f, k in zip(files, kinds) if k]
    if len(members) < 2 or not {k for k in kinds if k} & {"date", "time", "filter"}:
        return list(files)
    rest = [f for f, k in zip(files, kinds) if not k]
    return rest + [gsc_export.bundle(members)]


def read_paths(paths: Sequence[Path]) -> tuple[list[tuple[str, bytes]], list[ImportReport]]:
    files, failed = [], []
    for path in paths:
        try:
            files.append((Path(path).name, Path(path).read_bytes()))
        except OSError as exc:
            failed.append(refused(str(path), ImportRefused(Msg("import.msg.unreadable", error=exc.strerror or str(exc)),
                                                           file=str(path))))
    return files, failed


def main(paths: Sequence[Path], db_path: Path, as_json: bool = False) -> int:
    """`python -m connectors import FILE… [--db PATH] [--json]`: one line (or JSON object) per file.

    Search Console CSVs from one export given together are imported as one export (one object)."""
    any_refused = False
    files, failed = read_paths(paths)
    for report in [*failed, *(import_bytes(db_path, n, d) for n, d in group(files))]:
        any_refused |= report.status == "refused"
        if as_json:
            print(json.dumps(report.as_json(), ensure_ascii=False), flush=True)
        else:
            print(describe(report), flush=True)
    return 1 if any_refused else 0


def describe(report: ImportReport) -> str:
    """One human line (plus warnings) for the terminal."""
    if report.status == "refused":
        return f"refused   {report.error}"
    t = report.totals or {}
    measures = ", ".join(f"{k} {v:,.2f}".rstrip("0").rstrip(".") for k, v in t.items())
    lines = [f"{report.status:<9} {report.file}: {LABELS.get(report.source or '', report.source)}"
             f"{' (' + report.account + ')' if report.account else ''}, {report.date_from} – {report.date_to}, "
             f"{report.rows} rows{', ' + report.currency if report.currency else ''}; {measures}"]
    lines += [f"          warning: {w}" for w in report.warnings]
    return "\n".join(lines)


# --- import history (the page reads these through ui.cache) ---------------------------------------

def history(con: duckdb.DuckDBPyConnection, limit: int = 200) -> pd.DataFrame:
    """The latest imports: id, file, source, account, dates, rows, when, status."""
    return con.execute(
        """SELECT import_id, file_name, source, account, date_from, date_to, rows, imported_at, status, origin
           FROM imports ORDER BY import_id DESC LIMIT ?""",
        [limit],
    ).df()


def undo(con: duckdb.DuckDBPyConnection, import_id: int) -> int:
    """Remove the rows an import brought in (the log keeps it as 'undone'); returns how many rows went."""
    return loader.undo(con, int(import_id))

