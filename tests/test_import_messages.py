"""What the importers say reads in Norwegian on the page and in English on the command line."""
from __future__ import annotations

import ast
import json
import pickle
from pathlib import Path

import i18n
from connectors import importing
from connectors.messages import Msg, Refusal, localise
from tests.imports_support import FIXTURES

ROOT = Path(__file__).resolve().parents[1]


def test_every_message_key_used_by_the_importers_is_in_the_catalogue():
    used = set()
    for path in (ROOT / "connectors").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Msg" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                used.add(node.args[0].value)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("import.msg."):
                used.add(node.value)
    assert used and not sorted(k for k in used if k not in i18n.CATALOG)


def test_refusal_in_both_languages_with_file_line_and_column():
    text = (FIXTURES / "Kampanjerapport.csv").read_text(encoding="utf-8").replace('"1\u00a0600,00"', '"12,3,4"')
    rep = importing.inspect("Kampanjerapport.csv", text.encode())
    assert rep.error == "Kampanjerapport.csv, line 6, column “Kostnad”: “12,3,4” is not a number."
    assert localise(rep.error, "nb") == "Kampanjerapport.csv, linje 6, kolonne «Kostnad»: «12,3,4» er ikke et tall."
    assert json.loads(json.dumps(rep.as_json()))["error"] == rep.error   # JSON sees a plain string


def test_nested_messages_and_warnings_translate():
    rep = importing.inspect("report.pdf", b"%PDF-1.7\n")
    assert localise(rep.error, "nb") == ("report.pdf: Dette ser ut som en PDF-fil, som Mandag ikke importerer; "
                                         "eksporter dataene som CSV eller Excel i stedet for å skrive ut rapporten.")
    rep = importing.inspect("meta.csv", (FIXTURES / "meta_campaigns_march.csv").read_bytes())
    nb = [localise(w, "nb") for w in rep.warnings]
    assert nb == ["Resultater som ikke er kundeemner ble ikke telt som konverteringer: "
                  "actions:offsite_conversion.fb_pixel_purchase."]


def test_messages_survive_the_page_cache():
    m = Msg("import.msg.block", start="2026-01-01", end="2026-01-31", advice=Msg("import.msg.advice.gads_day"))
    r = Refusal("f.csv, line 3: x", file="f.csv", line=3, column=None, detail=m)
    m2, r2 = pickle.loads(pickle.dumps((m, r)))
    assert m2 == m and m2.in_lang("nb") == m.in_lang("nb") and "Segment → Tid → Dag" in m2.in_lang("nb")
    assert r2 == r and r2.in_lang("nb").startswith("f.csv, linje 3: Eksporten har ingen daglige rader")
