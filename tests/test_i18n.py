"""The catalogue is complete in both languages, and numbers read the local way."""
from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import i18n
from i18n import fmt

ROOT = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"


def test_every_key_has_both_languages_and_matching_placeholders():
    assert i18n.problems() == []


def test_problems_reports_a_missing_language(monkeypatch):
    monkeypatch.setitem(i18n.CATALOG, "x.only_nb", {"nb": "bare norsk"})
    monkeypatch.setitem(i18n.CATALOG, "x.placeholders", {"nb": "{a}", "en": "{b}"})
    found = i18n.problems()
    assert "x.only_nb: no en text" in found
    assert any(p.startswith("x.placeholders: placeholders differ") for p in found)


def _literal_keys() -> set[tuple[str, str]]:
    """(file, key) for every literal key passed to t(...) or tr(lang, ...) in the app's code."""
    found = set()
    for folder in ("views", "ui", "metrics", "connectors"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                idx = {"t": 0, "tr": 1}.get(name)
                if idx is None or len(node.args) <= idx:
                    continue
                arg = node.args[idx]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and "." in arg.value:
                    found.add((str(path.relative_to(ROOT)), arg.value))
    return found


def test_every_literal_key_used_in_code_exists():
    missing = sorted(f"{f}: {k}" for f, k in _literal_keys() if k not in i18n.CATALOG)
    assert missing == []


def test_tr_formats_and_falls_back_to_the_key():
    assert i18n.tr("en", "monday.heading", week=47, range="16–22 November 2026") == "Week 47 · 16–22 November 2026"
    assert i18n.tr("nb", "no.such.key") == "no.such.key"


def test_norwegian_numbers_money_and_percent():
    assert fmt.number(1234.56, "nb", 2) == f"1{NBSP}234,56"
    assert fmt.money(1234.56, "NOK", "nb", 2) == f"1{NBSP}234,56{NBSP}kr"
    assert fmt.money(1234.56, "NOK", "en", 2) == f"NOK{NBSP}1,234.56"
    assert fmt.percent(0.125, "nb") == f"12,5{NBSP}%"
    assert fmt.percent(0.125, "en") == "12.5%"
    assert fmt.signed_percent(-0.08, "nb") == f"−8{NBSP}%"
    assert fmt.signed_percent(0.04, "en") == "+4%"
    assert fmt.points(0.001, "nb") == f"+0,1{NBSP}pp"
    assert fmt.number(-1500, "nb") == f"−1{NBSP}500"


def test_missing_values_are_a_dash_never_zero():
    for f in (lambda x: fmt.number(x, "nb"), lambda x: fmt.money(x, "NOK", "nb"), lambda x: fmt.percent(x, "en"),
              lambda x: fmt.signed_percent(x, "nb"), lambda x: fmt.points(x, "en")):
        assert f(None) == "—"
        assert f(float("nan")) == "—"


def test_dates_and_weeks():
    assert fmt.day(date(2026, 11, 24), "nb") == "24.11.2026"
    assert fmt.day(date(2026, 11, 24), "en") == "24 Nov 2026"
    assert fmt.week_label(date(2026, 11, 23), "nb") == "uke 48"
    assert fmt.week_label(date(2026, 11, 23), "en") == "week 48"
    assert fmt.week_range(date(2026, 11, 16), "nb") == "16.–22. november 2026"
    assert fmt.week_range(date(2026, 11, 16), "en") == "16–22 November 2026"
    # Monday 28 Dec 2026 starts ISO week 53 of 2026 and ends in 2027.
    assert fmt.week_label(date(2026, 12, 28), "nb") == "uke 53"
    assert fmt.week_range(date(2026, 12, 28), "nb") == "28. desember 2026–3. januar 2027"
    assert fmt.week_range(date(2026, 11, 30), "en") == "30 November–6 December 2026"


def test_month_names():
    assert fmt.month(date(2026, 11, 16), "nb") == "november 2026"
    assert fmt.month(date(2026, 11, 16), "en") == "November 2026"
    assert fmt.month(None, "en") == "—"
