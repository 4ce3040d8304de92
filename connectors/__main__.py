"""`python -m connectors …`: import exports, sync the Google APIs, build the demo, back up.

    python -m connectors import FILE… [--db PATH] [--json]
    python -m connectors sync [--source ga4|gsc] [--db PATH]
    python -m connectors demo [--db PATH]
    python -m connectors backup [--db PATH] [--to FILE]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warehouse import workspaces
from warehouse.db import WorkspaceBusy


def default_db() -> Path:
    """The workspace the command line works on without --db: the only one, else the demo."""
    found = [w for w in workspaces.list_workspaces() if not w.is_demo] or workspaces.list_workspaces()
    if len(found) == 1:
        return found[0].path
    if not found:
        return workspaces.path_for(workspaces.DEMO_NAME)
    names = ", ".join(w.name for w in found)
    raise SystemExit(f"Several workspaces exist ({names}); choose one with --db PATH.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m connectors", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p_import = sub.add_parser("import", help="detect, load and report each export file")
    p_import.add_argument("files", nargs="+", type=Path)
    p_import.add_argument("--db", type=Path)
    p_import.add_argument("--json", action="store_true", help="print one JSON object per file")

    p_sync = sub.add_parser("sync", help="pull GA4 / Search Console incrementally")
    p_sync.add_argument("--source", choices=["ga4", "gsc"])
    p_sync.add_argument("--db", type=Path)

    p_demo = sub.add_parser("demo", help="(re)create the demo workspace")
    p_demo.add_argument("--db", type=Path)

    p_backup = sub.add_parser("backup", help="copy a workspace file consistently")
    p_backup.add_argument("--db", type=Path)
    p_backup.add_argument("--to", type=Path)

    args = parser.parse_args(argv)
    try:
        return _run(args)
    except (WorkspaceBusy, workspaces.WorkspaceError) as exc:  # a sentence for the user, not a traceback
        print(str(exc), file=sys.stderr)
        return 3


def _run(args: argparse.Namespace) -> int:
    if args.command == "demo":
        from connectors import demo

        path = args.db or workspaces.path_for(workspaces.DEMO_NAME)
        summary = demo.build(path)
        print(f"Demo workspace written to {path}: {summary}")
        return 0
    if args.command == "backup":
        dest = workspaces.backup(args.db or default_db(), args.to)
        print(f"Backup written to {dest}")
        return 0
    if args.command == "import":
        from connectors import importing

        return importing.main(args.files, args.db or default_db(), as_json=args.json)
    if args.command == "sync":
        from connectors import sync

        return sync.main(args.db or default_db(), source=args.source)
    return 2


if __name__ == "__main__":
    sys.exit(main())
