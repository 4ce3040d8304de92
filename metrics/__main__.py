"""`python -m metrics …`: the week's numbers and SMART targets from the command line.

    python -m metrics week [--db PATH] [--week YYYY-MM-DD] [--json]
    python -m metrics targets import FILE.csv [--db PATH]
    python -m metrics targets list [--db PATH] [--json]

Without --db the only workspace in the data folder is used (else the demo). --week takes any day
of the week (default: the last complete week).
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from warehouse import db


def _db(args: argparse.Namespace) -> Path:
    """--db, else the only workspace (else the demo); an error sentence when the file does not exist."""
    from connectors.__main__ import default_db

    path = args.db or default_db()
    if not Path(path).exists():
        raise SystemExit(f"There is no workspace at {path}. Create one in the app, import a file with "
                         "`python -m connectors import FILE`, or build the demo with `python -m connectors demo`.")
    return path


def _show(kpi: str, value: float | None, currency: str) -> str:
    """A KPI value the English way: 'NOK 478.66', '1.1%', '12.1', '47'; None → '—'."""
    from i18n import fmt
    from metrics.kpis import KPIS

    unit = KPIS[kpi].unit
    if unit == "money":
        return fmt.money(value, currency, "en", 2 if value is not None and abs(value) < 10_000 else 0)
    if unit == "percent":
        return fmt.percent(value, "en", 2)
    if unit == "ratio":
        return fmt.ratio(value, "en", 2)
    return fmt.number(value, "en", 1 if value is not None and value != int(value) else 0)


def _week(args: argparse.Namespace) -> int:
    from i18n import fmt
    from metrics import periods, report

    try:
        wk = date.fromisoformat(args.week) if args.week else periods.last_complete_week()
    except ValueError:
        print(f"--week: “{args.week}” is not a date; write it as YYYY-MM-DD, e.g. 2026-11-16.", file=sys.stderr)
        return 2
    with db.connect(_db(args)) as con:
        rep = report.week_report(con, wk)
    if args.json:
        print(json.dumps(rep, ensure_ascii=False, indent=2))
        return 0
    ws = date.fromisoformat(rep["week_start"])
    state = " (in progress)" if rep["in_progress"] else ""
    print(f"Week {fmt.week_number(ws)} · {fmt.week_range(ws, 'en')}{state} · {rep['currency']}")
    cur = rep["currency"]
    for name, c in rep["kpis"].items():
        print(f"  {name:<16} {_show(name, c['value'], cur):>14}  previous {_show(name, c['previous'], cur):>14}"
              f"  target {_show(name, c['target'], cur):>14}  {c['status'].replace('_', ' ')}")
    for r in rep["rows"]:
        print(f"  {r.get('channel')} / {r.get('campaign') or '—'}: {r.get('verdict')} — {r.get('reason')}")
    return 0


def _targets(args: argparse.Namespace) -> int:
    from metrics import targets, targets_csv

    path = _db(args)
    if args.action == "import":
        try:
            text = Path(args.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{args.file}: cannot read the file ({exc}).", file=sys.stderr)
            return 1
        with db.connect(path) as con:
            try:
                stored, warnings = targets_csv.import_csv(con, text)
            except targets_csv.TargetImportError as exc:
                for e in exc.errors:
                    print(f"{args.file}, {e.message('en')}", file=sys.stderr)
                print(f"{args.file}: nothing loaded; fix the rows above and import the file again.", file=sys.stderr)
                return 1
        for w in warnings:
            print(f"{args.file}, {w.message('en')}")
        print(f"{args.file}: loaded {len(stored)} target{'s' if len(stored) != 1 else ''}.")
        return 0
    from metrics.aggregate import workspace_currency

    with db.connect(path) as con:
        found = targets.list_targets(con)
        cur = workspace_currency(con)
    if args.json:
        from metrics.report import plain

        print(json.dumps(plain(found), ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("No targets yet. Add one in the app (Targets) or with: python -m metrics targets import FILE.csv")
    for t in found:
        print(f"#{t.target_id} {t.kpi} {t.scope}: {_show(t.kpi, t.baseline, cur)} → {_show(t.kpi, t.target_value, cur)} "
              f"({t.start_date.isoformat()} … {t.deadline.isoformat()}){' · ' + t.owner if t.owner else ''}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m metrics", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_week = sub.add_parser("week", help="the KPI cards and scale-or-cut rows of one week")
    p_week.add_argument("--db", type=Path)
    p_week.add_argument("--week", help="any day of the week, YYYY-MM-DD (default: last complete week)")
    p_week.add_argument("--json", action="store_true")
    p_targets = sub.add_parser("targets", help="SMART targets")
    tsub = p_targets.add_subparsers(dest="action", required=True)
    p_imp = tsub.add_parser("import", help="load targets from a CSV file (all rows or none)")
    p_imp.add_argument("file", type=Path)
    p_imp.add_argument("--db", type=Path)
    p_list = tsub.add_parser("list", help="list the targets")
    p_list.add_argument("--db", type=Path)
    p_list.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "week":
        return _week(args)
    return _targets(args)


if __name__ == "__main__":
    sys.exit(main())
