"""Sentences the importers say (refusals, warnings), in both languages.

A `Msg` is the English sentence — so the command line, the JSON output and the import log read as
before — that also remembers its catalogue key and parameters, so the Import page can show the same
sentence in Norwegian. Texts live in `i18n/catalog/importing.py` under `import.msg.*`.
Parameters are plain text or numbers taken from the file (values, column names), or other `Msg`s.
"""
from __future__ import annotations

from typing import Any

from i18n import CATALOG, tr


def _rebuild(key: str, params: dict[str, Any]) -> "Msg":
    return Msg(key, **params)


class Msg(str):
    """An English sentence with its catalogue key and parameters (see module doc)."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, **params: Any) -> "Msg":
        if key not in CATALOG:
            raise KeyError(f"import message {key!r} is not in the catalogue")
        obj = super().__new__(cls, tr("en", key, **params))
        obj.key, obj.params = key, params
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (self.key, self.params)

    def in_lang(self, lang: str) -> str:
        params = {k: (v.in_lang(lang) if isinstance(v, Msg) else v) for k, v in self.params.items()}
        return tr(lang, self.key, **params)


def _rebuild_refusal(text: str, file: str | None, line: int | None, column: str | None, detail: str) -> "Refusal":
    return Refusal(text, file=file, line=line, column=column, detail=detail)


class Refusal(str):
    """A refusal sentence ("file, line 14, column “Cost”: …") that keeps its parts for translation."""

    def __new__(cls, text: str, *, file: str | None, line: int | None, column: str | None, detail: str) -> "Refusal":
        obj = super().__new__(cls, text)
        obj.file, obj.line, obj.column, obj.detail = file, line, column, detail
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild_refusal, (str(self), self.file, self.line, self.column, self.detail)

    def in_lang(self, lang: str) -> str:
        where = [self.file] if self.file else []
        if self.line is not None:
            where.append(tr(lang, "import.loc.line", line=self.line))
        if self.column:
            where.append(tr(lang, "import.loc.column", column=self.column))
        detail = localise(self.detail, lang)
        return f"{', '.join(where)}: {detail}" if where else detail


def localise(text: str | None, lang: str) -> str:
    """The sentence in `lang` when it knows how; as written otherwise."""
    if text is None:
        return ""
    return text.in_lang(lang) if isinstance(text, (Msg, Refusal)) else str(text)
