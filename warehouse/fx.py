"""Exchange rates to the workspace's reporting currency, entered by the user."""
from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from warehouse import rollup
from warehouse.snapshot import remembered


def rates(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT day, currency, rate FROM fx_rates ORDER BY day DESC, currency").df()


def replace_rates(con: duckdb.DuckDBPyConnection, rows: list[tuple[date, str, float]]) -> int:
    """Replace the whole table with `rows` in one transaction; refuse bad rows with a sentence."""
    clean = []
    for i, (day, currency, rate) in enumerate(rows, start=1):
        cur = (currency or "").strip().upper()
        if day is None or len(cur) != 3 or not cur.isalpha():
            raise ValueError(f"Row {i}: give a date and a three-letter currency code such as EUR.")
        if rate is None or not float(rate) > 0:
            raise ValueError(f"Row {i}: the rate must be a positive number (1 {cur} in the reporting currency).")
        clean.append((day, cur, float(rate)))
    with rollup.transaction(con):
        con.execute("DELETE FROM fx_rates")
        if clean:
            con.executemany("INSERT OR REPLACE INTO fx_rates VALUES (?, ?, ?)", clean)
        rollup.rebuild(con)   # every converted amount may change
    return len(clean)


@remembered
def currency(con: duckdb.DuckDBPyConnection) -> str:
    """The workspace's reporting currency (set when it was created), NOK when unset."""
    rows = con.execute("SELECT value FROM workspace_meta WHERE key = 'currency'").fetchall()
    return str(rows[0][0]) if rows and rows[0][0] else "NOK"


def set_currency(con: duckdb.DuckDBPyConnection, code: str) -> None:
    code = code.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise ValueError("Use a three-letter currency code such as NOK.")
    with rollup.transaction(con):
        con.execute("INSERT OR REPLACE INTO workspace_meta VALUES ('currency', ?)", [code])
        rollup.rebuild(con)   # sums are kept in the workspace currency
