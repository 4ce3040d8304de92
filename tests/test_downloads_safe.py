"""Every download the app offers is built by `metrics.safe_export` (formulas and Markdown neutralised).

For each `st.download_button(…)` in app.py, views/ and ui/, the `data` argument must be made by a
safe_export function (`to_csv_bytes`, `to_xlsx_bytes`, `csv_bytes`, `frame_csv`) or by a function
of a `metrics` module that itself builds its output with safe_export (e.g. the decision log's CSV,
the strategy notes' escaped Markdown). A name is followed to where it was assigned in the file.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAFE_FUNCS = {"to_csv_bytes", "to_xlsx_bytes", "csv_bytes", "frame_csv"}


def _metrics_modules_using_safe_export() -> set[str]:
    return {p.stem for p in (ROOT / "metrics").glob("*.py")
            if p.stem != "safe_export" and "safe_export" in p.read_text(encoding="utf-8")}


def _imports(tree: ast.Module) -> dict[str, str]:
    """Local name → 'metrics.<module>' for `from metrics import x` / `import metrics.x as y`."""
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "metrics":
            for a in node.names:
                out[a.asname or a.name] = f"metrics.{a.name}"
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("metrics."):
            for a in node.names:
                out[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("metrics."):
                    out[a.asname or a.name] = a.name
    return out


def _assignments(tree: ast.Module) -> dict[str, list[ast.expr]]:
    out: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    out.setdefault(t.id, []).append(node.value)
    return out


def is_safe(expr: ast.expr, tree: ast.Module, seen: set[str] | None = None) -> bool:
    seen = seen or set()
    imports, assigned, safe_modules = _imports(tree), _assignments(tree), _metrics_modules_using_safe_export()
    for node in ast.walk(expr):
        if isinstance(node, ast.Name) and node.id in SAFE_FUNCS:
            return True
        if isinstance(node, ast.Attribute) and node.attr in SAFE_FUNCS:
            return True
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            target = imports.get(node.value.id, "")
            if target.startswith("metrics.") and target.split(".")[1] in safe_modules:
                return True
        if isinstance(node, ast.Name) and node.id in imports:
            target = imports[node.id]
            if target.startswith("metrics.") and target.split(".")[1] in safe_modules and target.count(".") == 2:
                return True
        if isinstance(node, ast.Name) and node.id in assigned and node.id not in seen:
            seen.add(node.id)
            if all(is_safe(v, tree, seen) for v in assigned[node.id]):
                return True
    return False


def downloads(source: str) -> list[tuple[int, ast.expr | None]]:
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "download_button":
            data = next((k.value for k in node.keywords if k.arg == "data"), None)
            if data is None and len(node.args) >= 2:
                data = node.args[1]
            found.append((node.lineno, data))
    return found


def unsafe_downloads(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    return [f"{path.relative_to(ROOT)}:{line}" for line, data in downloads(source)
            if data is None or not is_safe(data, tree)]


def sources() -> list[Path]:
    files = [ROOT / "app.py", *sorted((ROOT / "views").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
    return [f for f in files if f.exists() and "download_button" in f.read_text(encoding="utf-8")]


def test_the_app_offers_downloads() -> None:
    assert len(sources()) >= 3


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_download_goes_through_safe_export(path: Path) -> None:
    assert unsafe_downloads(path) == []


def _check(src: str) -> bool:
    tree = ast.parse(src)
    (_, data), = downloads(src)
    return data is not None and is_safe(data, tree)


def test_the_check_tells_safe_from_unsafe() -> None:
    head = "import streamlit as st\nfrom metrics.safe_export import to_csv_bytes\n"
    assert _check(head + "st.download_button('x', data=to_csv_bytes(df))")
    assert _check(head + "b = to_csv_bytes(df)\nst.download_button('x', b)")
    assert not _check(head + "st.download_button('x', data=df.to_csv().encode())")
    assert not _check(head + "b = df.to_csv(index=False)\nst.download_button('x', data=b)")
    assert not _check(head + "st.download_button('x', data=open('f').read())")
