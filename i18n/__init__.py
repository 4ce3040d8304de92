"""One catalogue of user-visible text in Norwegian bokmål (nb) and English (en).

Strings live in `i18n/catalog/<area>.py` as `STRINGS = {key: {"nb": ..., "en": ...}}`; each area
owns its file and the keys are merged here. `tr(lang, key, **params)` formats with `str.format`.
A missing key or language is a bug: `tests/test_i18n.py` fails on it, and at run time the key
itself is shown rather than crashing a page.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Literal

Lang = Literal["nb", "en"]
LANGS: tuple[Lang, ...] = ("nb", "en")


def _load() -> dict[str, dict[str, str]]:
    from i18n import catalog

    merged: dict[str, dict[str, str]] = {}
    for mod in pkgutil.iter_modules(catalog.__path__):
        strings = importlib.import_module(f"i18n.catalog.{mod.name}").STRINGS
        for key, texts in strings.items():
            if key in merged:
                raise RuntimeError(f"i18n key {key!r} is defined twice (again in {mod.name})")
            merged[key] = texts
    return merged


CATALOG: dict[str, dict[str, str]] = _load()


def tr(lang: str, key: str, **params: object) -> str:
    texts = CATALOG.get(key)
    if texts is None:
        return key
    text = texts.get(lang) or texts.get("en") or key
    return text.format(**params) if params else text


def problems() -> list[str]:
    """Every missing or empty translation, and placeholders that differ between languages."""
    import string

    out = []
    for key, texts in CATALOG.items():
        fields = {}
        for lang in LANGS:
            text = texts.get(lang)
            if not text:
                out.append(f"{key}: no {lang} text")
                continue
            fields[lang] = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        if len(fields) == 2 and fields["nb"] != fields["en"]:
            out.append(f"{key}: placeholders differ {fields}")
    return out
