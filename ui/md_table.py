"""Static tables as Markdown, for the Monday page.

`st.dataframe` and `st.table` both make a fresh browser fetch and compile Streamlit's Arrow
table code (about 1.3 MB of JavaScript) before they draw; a Markdown table is drawn by the
Markdown renderer every page already has. On the Monday page that is most of what a fresh
session waits for beyond Streamlit itself (docs/performance.md).

Every cell is escaped into inert text (`metrics.safe_export.md_escape`: Markdown, HTML and
`:directive[…]` syntax, pipes, line breaks), except cells built by `badge` from fixed parts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from metrics.safe_export import md_escape

BADGE_COLOURS = frozenset({"blue", "green", "orange", "red", "violet", "gray", "primary"})


@dataclass(frozen=True)
class Safe:
    """Markdown already safe to show as is (see `badge`)."""

    markdown: str


def badge(label: str, colour: str) -> Safe:
    """A coloured badge: `:green-badge[▲ SKALER]`. The label is escaped; the colour is one of ours."""
    if colour not in BADGE_COLOURS:
        raise ValueError(f"not a badge colour: {colour}")
    return Safe(f":{colour}-badge[{md_escape(label)}]")


_DIGIT_SPACE = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d)")
_OTHER_NO_BREAK = re.compile(r"[\u00a0\u202f]")


def _cell(value: object, nowrap: bool = False) -> str:
    """Escaped text. In a `nowrap` cell (numbers and money) no space breaks: "44 721 kr" stays on
    one line. Elsewhere only the spaces inside a number do not break, so a text may wrap."""
    if isinstance(value, Safe):
        return value.markdown
    text = md_escape(value)
    if nowrap:
        text = text.replace(" ", "\u00a0")
    else:
        text = _OTHER_NO_BREAK.sub(" ", _DIGIT_SPACE.sub("\x00", text)).replace("\x00", "\u00a0")
    return text if text else " "


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[object]], *,
                   right: Sequence[int] = ()) -> str:
    """A GitHub-flavoured Markdown table: `header` names, `rows` of cells (text, numbers as
    display text, or `Safe`), columns whose index is in `right` aligned right and kept on one
    line (numbers and money); in the other columns a number never breaks inside."""
    if any(len(r) != len(header) for r in rows):
        raise ValueError("every row needs one cell per column")
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |",
             "|" + "|".join("---:" if i in right else ":---" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(_cell(c, i in right) for i, c in enumerate(r)) + " |" for r in rows]
    return "\n".join(lines)
