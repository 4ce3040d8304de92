"""AppTest of views/search.py: the empty state, the demo numbers, brand terms saved from the page."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import app_test
from i18n import fmt, tr
from metrics import search
from warehouse import db


def test_empty_workspace_says_how_to_connect_or_upload(data_dir: Path) -> None:
    path = data_dir / "Tom.duckdb"
    with db.connect(path):
        pass
    at = app_test("views/search.py", path).run()
    assert not at.exception
    assert at.title[0].value == "Søk"
    assert at.info[0].value == tr("nb", "search.empty")
    assert "Innstillinger → Google" in at.info[0].value


def test_demo_shows_cards_from_the_metrics(demo_db: Path) -> None:
    at = app_test("views/search.py", demo_db, lang="en").run()
    assert not at.exception
    with db.connect(demo_db) as con:
        (account,) = search.accounts(con)
        o = search.overview(con, account)
        movers = search.top_movers(con, account)
    assert at.title[0].value == "Search"
    labels = {m.label: m.value for m in at.metric}
    assert labels["Clicks"] == fmt.number(o.current.clicks, "en")
    assert labels["Impressions"] == fmt.number(o.current.impressions, "en")
    assert labels["CTR"] == fmt.percent(o.current.ctr, "en")
    assert labels["Average position"] == fmt.number(o.current.position, "en", 1)
    # the demo has brand terms, so the page splits brand from non-brand instead of asking for them
    assert not any(i.value == tr("en", "search.brand.none") for i in at.info)
    assert len(movers) >= 3
    movers_df = next(d.value for d in at.dataframe if "Query" in d.value.columns and "Change" in d.value.columns)
    assert list(movers_df["Query"]) == [m.key for m in movers]
    assert list(movers_df["Change"]) == [fmt.signed_number(m.change, "en") for m in movers]


def test_brand_terms_saved_on_the_page_split_the_table(demo_db: Path) -> None:
    at = app_test("views/search.py", demo_db, lang="nb").run()
    at.text_area[0].set_value("Rørlegger Nord\nrorleggernord")
    at.button[0].click().run()
    assert not at.exception
    with db.connect(demo_db) as con:
        assert search.brand_terms(con) == ("rørlegger nord", "rorleggernord")
        brand, nonbrand = search.brand_split(con, search.accounts(con)[0], search.brand_terms(con))
    table = next(d.value for d in at.dataframe if "Del" in d.value.columns)
    assert list(table["Del"]) == ["Merkevare", "Øvrige søk"]
    assert list(table["Klikk"]) == [fmt.number(brand.clicks, "nb"), fmt.number(nonbrand.clicks, "nb")]


def test_a_sync_shows_on_the_next_rerun_without_a_restart(data_dir: Path, tmp_path: Path,
                                                         monkeypatch) -> None:
    import subprocess
    import sys
    from datetime import date

    from connectors import google_auth
    from test_google_sync import ROOT, SITE, write_replay
    from warehouse import settings

    path = data_dir / "Kunde.duckdb"
    with db.connect(path) as con:
        settings.put(con, "gsc_site_url", SITE)
    at = app_test("views/search.py", path, lang="en").run()
    assert at.info[0].value == tr("en", "search.empty")
    write_replay(tmp_path / "replay", date.today())
    env = {**__import__("os").environ, google_auth.REPLAY_ENV: str(tmp_path / "replay"),
           "MANDAG_SECRETS_DIR": str(tmp_path / "secrets"), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "connectors", "sync", "--source", "gsc", "--db", str(path)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    at.run()
    assert not at.exception
    labels = {m.label: m.value for m in at.metric}
    assert labels["Clicks"] == "27"          # 9 complete days × 3 clicks, from the recorded responses
