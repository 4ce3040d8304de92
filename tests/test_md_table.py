"""Markdown tables (ui/md_table.py): every cell inert, the layout GitHub-flavoured."""
from __future__ import annotations

import pytest

from ui import md_table


def test_cells_are_escaped_and_stay_on_their_row():
    md = md_table.markdown_table(
        ["Name", "Spend"],
        [["<script>alert(1)</script>", "1 234 kr"],
         ["a | b\nsecond line", None],
         ["[click](javascript:alert(1)) :red[x] **bold**", "5 av 6"]],
        right=[1])
    lines = md.splitlines()
    assert lines[0] == "| Name | Spend |"
    assert lines[1] == "|:---|---:|"
    assert len(lines) == 5                                    # header, alignment, three rows: no line broke
    assert lines[2] == "| &lt;script&gt;alert\\(1\\)&lt;/script&gt; | 1\u00a0234\u00a0kr |"
    assert lines[3] == "| a \\| b second line |   |"           # an escaped pipe, the line break a space, None empty
    assert lines[4] == ("| \\[click\\]\\(javascript\\:alert\\(1\\)\\) \\:red\\[x\\] \\*\\*bold\\*\\* "
                        "| 5\u00a0av\u00a06 |")


def test_badges_are_the_only_markup_and_only_in_our_colours():
    cell = md_table.badge("▼ KUTT", "red")
    assert cell.markdown == ":red-badge[▼ KUTT]"
    assert md_table.badge("a]b:c", "green").markdown == ":green-badge[a\\]b\\:c]"
    with pytest.raises(ValueError):
        md_table.badge("x", "red-badge[y]")
    md = md_table.markdown_table(["Verdict"], [[cell]])
    assert md.splitlines()[2] == "| :red-badge[▼ KUTT] |"


def test_a_number_is_never_broken_at_its_thousands_space():
    md = md_table.markdown_table(["Range"], [["940 kr (657\u2060–\u20601\u00a0405)"]])
    assert md.splitlines()[2] == "| 940 kr \\(657\u2060–\u20601\u00a0405\\) |"


def test_only_the_spaces_inside_a_number_do_not_break_in_a_text_column():
    md = md_table.markdown_table(["Spend", "Range"], [["NOK\u00a03,416,570", "NOK\u00a0440 (423–1\u00a0454)"]],
                                 right=[0])
    assert md.splitlines()[2] == "| NOK\u00a03,416,570 | NOK 440 \\(423–1\u00a0454\\) |"


def test_rows_must_match_the_header():
    with pytest.raises(ValueError):
        md_table.markdown_table(["a", "b"], [["only one"]])
