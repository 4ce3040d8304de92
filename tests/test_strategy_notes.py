"""Strategy notes: storage, the value proposition sentence, limits, and an export that cannot inject anything."""
from __future__ import annotations

import re

import pytest

from metrics import strategy
from metrics.safe_export import to_csv_bytes
from tests.plan_support import workspace
from warehouse import db

PARTS = {"audience": "huseiere i Tromsø", "problem": "har fått en lekkasje", "solution": "døgnåpen rørleggervakt",
         "result": "tørt gulv samme dag", "proof": "vi er på plass innen to timer."}


def test_value_proposition_in_both_languages() -> None:
    assert strategy.value_proposition(PARTS, "nb") == (
        "For huseiere i Tromsø som har fått en lekkasje, tilbyr vi døgnåpen rørleggervakt som gir tørt gulv samme "
        "dag, fordi vi er på plass innen to timer.")    # the typed full stop is not doubled
    assert strategy.value_proposition(PARTS, "en") == (
        "For huseiere i Tromsø who har fått en lekkasje, we offer døgnåpen rørleggervakt that gives tørt gulv "
        "samme dag, because vi er på plass innen to timer.")
    assert strategy.value_proposition({**PARTS, "result": "  "}, "nb") is None


def test_notes_round_trip_and_refusals(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        a = strategy.save(con, "persona", {"name": "Styreleder", "role": "Frivillig", "need_questions": "Når?"})
        b = strategy.save(con, "persona", {"name": "Huseier"})
        strategy.save(con, "persona", {"name": "Styreleder i borettslag", "role": "Frivillig"}, a)
        assert [(n.note_id, n.content["name"]) for n in strategy.notes(con, "persona")] == [
            (a, "Styreleder i borettslag"), (b, "Huseier")]
        assert strategy.notes(con, "persona")[0].content["need_questions"] == ""   # replaced as a whole
        strategy.save(con, "swot", {"strengths": "Døgnvakt"})
        strategy.save(con, "swot", {"strengths": "Døgnvakt\nSertifisert", "threats": "Kjeder"})
        assert strategy.single(con, "swot")["strengths"] == "Døgnvakt\nSertifisert"
        assert len(strategy.notes(con, "swot")) == 1
        with pytest.raises(strategy.InvalidNote) as err:
            strategy.save(con, "persona", {"name": " ", "role": "x"})
        assert (err.value.code, err.value.field) == ("required", "name")
        with pytest.raises(strategy.InvalidNote):
            strategy.save(con, "competitor", {"name": "X", "colour": "red"})
        with pytest.raises(strategy.InvalidNote):
            strategy.save(con, "competitor", {"name": "X", "promise": "x" * 2001})
        lim = {x.section: x.state for x in strategy.limits(con)}
        assert lim == {"persona": "ok", "competitor": "few"}
        assert strategy.delete(con, "persona", b) and not strategy.delete(con, "persona", b)
        assert {x.section: x.state for x in strategy.limits(con)}["persona"] == "few"


EVIL = "[klikk her](javascript:alert(1)) <img src=x onerror=alert(2)> ![bilde](https://x.example/p.png)"


def test_markdown_export_escapes_user_text(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        strategy.save(con, "value_prop", {**PARTS, "proof": EVIL})
        strategy.save(con, "persona", {"name": "# Overskrift", "role": EVIL, "decision_content": "| a | b |"})
        strategy.save(con, "swot", {"strengths": "- *fet*\n- <script>alert(3)</script>"})
        strategy.save(con, "competitor", {"name": "Ishavsrør AS", "weakness": EVIL})
        md = strategy.export_markdown(con, "nb")
        md_en = strategy.export_markdown(con, "en")
    # nothing typed becomes a link, an image or HTML
    assert "](" not in md and "<img" not in md and "<script" not in md
    assert not re.search(r"(?<!\\)\[", md.replace("\\[", ""))
    assert "&lt;img src=x onerror=alert\\(2\\)&gt;" in md
    assert "\\[klikk her\\]" in md and "\\!\\[bilde\\]" in md
    # a typed '#' or '|' stays text
    assert "### \\# Overskrift" in md
    assert "\\| a \\| b \\|" in md
    # our own structure is there, in the user's language
    assert md.startswith("# Markedsstrategi\n")
    for heading in ("## Verditilbud", "## Personas", "#### Kjøpsreisen", "## SWOT", "### Styrker", "## Konkurrenter"):
        assert heading in md
    assert "- \\*fet\\*" in md   # the list marker typed by the user is dropped, the stars escaped
    assert "> For huseiere i Tromsø som har fått en lekkasje" in md
    assert md_en.startswith("# Marketing strategy\n") and "## Competitors" in md_en


def test_empty_export_says_so(tmp_path) -> None:
    path = workspace(tmp_path)
    with db.connect(path) as con:
        md = strategy.export_markdown(con, "en")
    assert md.count("_Not filled in yet._") == 4


def test_competitor_csv_neutralises_formulas(tmp_path) -> None:
    import pandas as pd

    path = workspace(tmp_path)
    with db.connect(path) as con:
        strategy.save(con, "competitor", {"name": "=cmd|' /C calc'!A0", "price": "-10 %", "promise": "+47 22 33 44 55"})
        rows = [c.content for c in strategy.notes(con, "competitor")]
    data = to_csv_bytes(pd.DataFrame(rows)).decode("utf-8-sig").splitlines()
    assert data[1].split(",")[:3] == ["'=cmd|' /C calc'!A0", "'+47 22 33 44 55", "'-10 %"]
