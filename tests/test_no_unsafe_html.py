"""No page hands data to raw HTML: `unsafe_allow_html=True` and `st.html` take constant strings only.

Campaign names, search queries, notes and file names come from files and users. Streamlit escapes
them everywhere except in `st.html`, `components.html` and Markdown with `unsafe_allow_html=True`,
so those may only ever receive text written in the source code. Checked on the syntax tree of
app.py, views/ and ui/.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HTML_CALLS = {"html"}  # st.html, components.html, components.v1.html


def _module_constants(tree: ast.Module) -> set[str]:
    """Names assigned only constant strings at module level (e.g. CSS = "<style>…</style>")."""
    consts: dict[str, bool] = {}
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        elif isinstance(node, (ast.AugAssign, ast.For, ast.With, ast.NamedExpr)):
            for n in ast.walk(node):
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                    consts[n.id] = False
            continue
        for t in targets:
            for n in ast.walk(t):
                if isinstance(n, ast.Name):
                    ok = isinstance(t, ast.Name) and node in tree.body and _literal(value, set())
                    consts[n.id] = consts.get(n.id, True) and ok
    return {k for k, v in consts.items() if v}


def _literal(node: ast.expr | None, names: set[str]) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal(node.left, names) and _literal(node.right, names)
    if isinstance(node, ast.JoinedStr):  # an f-string is data unless every part is literal text
        return all(isinstance(v, ast.Constant) for v in node.values)
    if isinstance(node, ast.Name):
        return node.id in names
    return False


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _root(func: ast.expr) -> str | None:
    while isinstance(func, ast.Attribute):
        func = func.value
    return func.id if isinstance(func, ast.Name) else None


def violations(source: str, filename: str = "<src>") -> list[str]:
    tree = ast.parse(source, filename)
    names = _module_constants(tree)
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        where = f"{filename}:{node.lineno}"
        if any(k.arg is None for k in node.keywords) and _root(node.func) in ("st", "components"):
            out.append(f"{where}: **kwargs may carry unsafe_allow_html")
        unsafe = [k for k in node.keywords if k.arg == "unsafe_allow_html"]
        is_html = _call_name(node.func) in HTML_CALLS
        if unsafe and not (isinstance(unsafe[0].value, ast.Constant) and unsafe[0].value.value is False):
            is_html = True
        if not is_html:
            continue
        bodies = list(node.args) + [k.value for k in node.keywords if k.arg in ("body", "html")]
        for b in bodies:
            if not _literal(b, names):
                out.append(f"{where}: {ast.unparse(b)[:60]} is passed to raw HTML")
    return out


def sources() -> list[Path]:
    files = [ROOT / "app.py", *sorted((ROOT / "views").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
    return [f for f in files if f.exists()]


def test_there_is_code_to_check() -> None:
    names = {f.name for f in sources()}
    assert {"app.py", "monday.py", "auth.py"} <= names


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_data_reaches_raw_html(path: Path) -> None:
    assert violations(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))) == []


@pytest.mark.parametrize("bad", [
    "st.markdown(name, unsafe_allow_html=True)",
    "st.markdown(f'<b>{name}</b>', unsafe_allow_html=True)",
    "st.markdown('<b>' + name + '</b>', unsafe_allow_html=True)",
    "st.write(row['campaign'], unsafe_allow_html=True)",
    "st.caption(tr(lang, 'x', q=query), unsafe_allow_html=flag)",
    "st.html(note)",
    "st.html(body=note)",
    "components.html(page)",
    "st.components.v1.html(f'<div>{x}</div>')",
    "st.markdown(text, **opts)",
    "CSS = '<style>'\nCSS = CSS + user\nst.html(CSS)",
    "def f(CSS):\n    st.html(CSS)",
])
def test_the_check_catches_data_in_raw_html(bad: str) -> None:
    assert violations("import streamlit as st\nname = input()\n" + bad)


@pytest.mark.parametrize("good", [
    "st.markdown('<style>.x{}</style>', unsafe_allow_html=True)",
    "CSS = '<style>' '.x{}' '</style>'\nst.html(CSS)",
    "st.markdown(name)",
    "st.markdown(name, unsafe_allow_html=False)",
    "st.html('<hr>')",
    "tr(lang, key, **params)",
])
def test_the_check_allows_constants_and_escaped_text(good: str) -> None:
    assert violations("import streamlit as st\nname = input()\n" + good) == []
