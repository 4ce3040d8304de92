"""The workspace store: one DuckDB file per workspace.

`warehouse.db` owns every connection, `warehouse.migrations` the schema versions,
`warehouse.loader` the one idempotent loader, `warehouse.workspaces` the files on disk.
"""
from __future__ import annotations

from warehouse.db import WorkspaceBusy, connect, data_version

__all__ = ["WorkspaceBusy", "connect", "data_version"]
